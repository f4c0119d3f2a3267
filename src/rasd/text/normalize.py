"""Normalise Arabic text for matching while keeping a map to original offsets.

The normalised text is only ever used to *find* things; every span reported
to the user is mapped back to the original text through the offset map.
"""

from __future__ import annotations

# One original character -> zero or one normalised character.
_CHAR_MAP: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ئ": "ي", "ؤ": "و",
    "ة": "ه",
    "گ": "ك", "ک": "ك", "ی": "ي", "ې": "ي",
    "“": '"', "”": '"', "«": '"', "»": '"', "‹": '"', "›": '"', "„": '"', "″": '"',
    "‘": "'", "’": "'",
    "،": ",", "؛": ";", "؟": "?",
    "٫": ".", "٬": ",",  # Arabic decimal and thousands separators
    "\u00a0": " ",
}
for _i in range(10):
    _CHAR_MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _CHAR_MAP[chr(0x06F0 + _i)] = str(_i)  # Persian digits

# Characters dropped entirely: tatweel, diacritics (harakat, tanwin, shadda,
# sukun, superscript alef), zero-width and bidi controls.
_DROP = set("\u0640") | {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"}
_DROP |= set("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")


def normalize(text: str) -> tuple[str, list[int]]:
    """Return (normalised text, offset map).

    offsets[i] is the original index of normalised character i, and
    offsets[len(norm)] == len(text), so a normalised range [a, b) maps to
    the original range [offsets[a], offsets[b]).
    """
    out: list[str] = []
    offsets: list[int] = []
    get = _CHAR_MAP.get
    for i, ch in enumerate(text):
        if ch in _DROP:
            continue
        out.append(get(ch, ch))
        offsets.append(i)
    offsets.append(len(text))
    return "".join(out), offsets


def normalize_word(word: str) -> str:
    """Normalise a dictionary word the same way as text (no map needed)."""
    return normalize(word)[0]
