"""Match an Arabic spelling of a Turkish, Persian or Kurdish place to its Latin name.

Arabic news writes such names phonetically («سيلوبي» Silopi, «بولانيك» Bulanık,
«سلطان بيلي» Sultanbeyli), and GeoNames gives most Turkish towns no Arabic
name. Both spellings are reduced to a consonant skeleton (vowels, و/ي/ا and
the letters that stand for them dropped; letters that Arabic merges merged),
and equal skeletons are candidates — only among towns of a country the
article is about, and only for a name after a head word («مدينة», «حي»).
"""

from __future__ import annotations

import re
import unicodedata

# Arabic letter -> Latin consonant class ("" = vowel or dropped).
_AR = {
    "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "s", "س": "s", "ص": "s", "ش": "s", "ج": "c", "چ": "c",
    "ح": "h", "خ": "h", "د": "d", "ض": "d", "ذ": "z", "ز": "z", "ظ": "z", "ژ": "z", "ر": "r", "ف": "f",
    "ڤ": "f", "ق": "k", "ك": "k", "ک": "k", "گ": "g", "غ": "g", "ل": "l", "م": "m", "ن": "n",
    "ه": "", "ة": "", "ا": "", "أ": "", "إ": "", "آ": "", "و": "", "ي": "", "ى": "", "ی": "", "ئ": "",
    "ؤ": "", "ء": "", "ع": "",
}
# Latin letters (after folding) -> the same classes.
_LAT = {
    "p": "b", "b": "b", "t": "t", "s": "s", "c": "c", "j": "c", "h": "h", "d": "d", "z": "z", "r": "r",
    "f": "f", "v": "", "w": "", "k": "k", "q": "k", "g": "g", "l": "l", "m": "m", "n": "n", "x": "ks",
}
_LAT_PRE = (("sh", "s"), ("ch", "c"), ("kh", "h"), ("gh", "g"), ("ş", "s"), ("ç", "c"), ("ğ", ""),
            ("ı", "i"))


class _DropOthers(dict):  # type: ignore[type-arg]
    """A str.translate table that deletes every character it does not map."""

    def __missing__(self, key: int) -> None:
        return None


# _LAT as a translate table (every ASCII character listed: C speed for them).
_LAT_TABLE = _DropOthers({**{c: None for c in range(128)}, **{ord(k): v for k, v in _LAT.items()}})
_REPEAT = re.compile(r"(.)\1+")


def _collapse(s: str) -> str:
    return _REPEAT.sub(r"\1", s)


def arabic_skeleton(name: str) -> str:
    # «تش» writes the Turkish/Persian ç/ch sound («سوروتش» Suruç).
    name = name.replace(" ", "").replace("تش", "چ")
    return _collapse("".join(_AR.get(ch, "") for ch in name))


def latin_skeleton(name: str) -> str:
    text = name.lower()
    for a, b in _LAT_PRE:
        text = text.replace(a, b)
    if not text.isascii():  # (ASCII has no accents to strip: most names, a fast start-up)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    # Turkish/Persian v after a vowel is often written و in Arabic, like w: a vowel letter.
    return _collapse(text.translate(_LAT_TABLE))
