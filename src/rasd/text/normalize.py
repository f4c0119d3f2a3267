"""Normalise Arabic text for matching while keeping a map to original offsets.

The normalised text is only ever used to *find* things; every span reported
to the user is mapped back to the original text through the offset map.

What is folded, and why (each variation is common in the Arab press):
- hamza and madda on alef (أ إ آ ٱ → ا), alef maqsura (ى → ي), hamza on yeh
  and waw (ئ → ي، ؤ → و), ta marbuta (ة → ه): spelled either way;
- Persian and Kurdish letters in names (ک گ → ك، ی ې ێ → ي، ۀ ە ھ → ه، ۆ → و،
  ڕ → ر، ڵ → ل، پ → ب، ڤ → ف، چ → ج، ژ → ز);
- Arabic presentation forms (ﺍﻟﻘﺎﺿﻲ, pasted from PDFs) → the plain letters;
  a ligature of one word (ﻻ, ﷲ) becomes its letters (one original character
  → several normalised ones); ligatures of several words (ﷺ) are left alone;
- tatweel, diacritics (harakat, tanwin, shadda, sukun, superscript alef),
  zero-width and bidi controls, soft hyphens: dropped;
- Arabic-Indic and Persian digits → 0-9; Arabic comma, semicolon, question
  mark, decimal and thousands separators → ASCII; curly, angle and low
  quotes → " and '; dashes → -; exotic spaces → a plain space.

Each original character becomes zero, one or (for a one-word ligature)
several normalised characters, in order, so the map is one list.
"""

from __future__ import annotations

import re
import unicodedata
from array import array

# One original character -> one normalised character.
_ONE: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ئ": "ي", "ؤ": "و",
    "ة": "ه",
    "گ": "ك", "ک": "ك", "ڪ": "ك",
    "ی": "ي", "ې": "ي", "ێ": "ي", "ۍ": "ي", "ۑ": "ي",
    "ۀ": "ه", "ە": "ه", "ھ": "ه", "ہ": "ه", "ۃ": "ه",
    "ۆ": "و", "ۇ": "و", "ۈ": "و", "ۋ": "و", "ۅ": "و",
    "ڕ": "ر", "ڵ": "ل", "پ": "ب", "ڤ": "ف", "ڥ": "ف", "چ": "ج", "ژ": "ز",
    "“": '"', "”": '"', "«": '"', "»": '"', "‹": '"', "›": '"', "„": '"', "‟": '"', "″": '"', "＂": '"',
    "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'",
    "،": ",", "؛": ";", "؟": "?", "٫": ".", "٬": ",", "٪": "%", "۔": ".",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "‒": "-", "−": "-", "―": "-",
    "\u00a0": " ", "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ",
    "\u2006": " ", "\u2007": " ", "\u2008": " ", "\u2009": " ", "\u200a": " ",
    "\u202f": " ", "\u205f": " ", "\u3000": " ",
}
for _i in range(10):
    _ONE[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _ONE[chr(0x06F0 + _i)] = str(_i)  # Persian digits

# Characters dropped entirely: tatweel, diacritics (harakat, tanwin, shadda,
# sukun, superscript alef, Quranic marks), zero-width and bidi controls.
_DROP = {"\u0640", "\u0670", "\u0674", "\u00ad", "\u061c", "\u2060", "\ufeff"}
_DROP |= {chr(c) for c in range(0x064B, 0x0660)}
_DROP |= {chr(c) for c in range(0x06D6, 0x06EE) if unicodedata.category(chr(c)) == "Mn"}
_DROP |= set("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _fold(chars: str) -> str:
    """Apply the one-character folds and drops to a short string."""
    return "".join(_ONE.get(c, c) for c in chars if c not in _DROP)


# Presentation forms (U+FB50–FDFF, U+FE70–FEFF): their compatibility
# decomposition, folded the same way. Forms that decompose to several words
# (ﷺ «صلى الله عليه وسلم») keep their character: one span, no inner offsets.
_MANY: dict[str, str] = {}
for _cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFF00)):
    _ch = chr(_cp)
    _nfkc = unicodedata.normalize("NFKC", _ch)
    if _nfkc == _ch or " " in _nfkc.strip():
        continue
    _folded = _fold(_nfkc.strip())
    if len(_folded) == 1:
        _ONE[_ch] = _folded
    elif _folded == "":
        _DROP.add(_ch)  # an isolated diacritic form (ﹰ)
    else:
        _MANY[_ch] = _folded

_TABLE = str.maketrans(_ONE)
# The characters the one-to-one folds change, as one split pattern:
# str.translate looks every character up (an exception per character not in
# the table), while splitting on the few that change and mapping only those
# is several times faster on Arabic text. Same result as .translate(_TABLE).
_CHANGED = re.compile("([" + re.escape("".join(sorted(k for k, v in _ONE.items() if k != v))) + "])")
_FOLD_ONE = _ONE.__getitem__


def _translate(chars: str) -> str:
    """chars.translate(_TABLE), faster: only the characters that change are looked up."""
    parts = _CHANGED.split(chars)
    if len(parts) == 1:
        return chars
    parts[1::2] = map(_FOLD_ONE, parts[1::2])
    return "".join(parts)


# 0, 1, 2 ... as machine ints: the offset map of a stretch copied unchanged
# is a slice of it (a memory copy, where extending an array from a range
# converts one int at a time). Grown on demand, up to _MAX_IDENTITY entries.
_IDENTITY = array("q")
_MAX_IDENTITY = 1 << 20


def _extend_identity(offsets: list[int] | array[int], start: int, stop: int) -> None:
    """offsets.extend(range(start, stop)), as a slice copy for an int array."""
    global _IDENTITY
    if type(offsets) is not array or stop > _MAX_IDENTITY:
        offsets.extend(range(start, stop))
        return
    identity = _IDENTITY
    if stop > len(identity):
        # A new, longer array replaces the old one (never grown in place, so
        # a thread slicing the old one meanwhile still reads 0, 1, 2 …).
        identity = _IDENTITY = array("q", range(min(_MAX_IDENTITY, max(stop, 2 * len(identity), 1 << 14))))
    offsets.extend(identity[start:stop])  # type: ignore[arg-type]
# Characters that do not map one to one: where the offset map needs work.
_SPECIAL = re.compile("[" + re.escape("".join(sorted(_DROP | set(_MANY)))) + "]")


def normalize(text: str) -> tuple[str, list[int]]:
    """Return (normalised text, offset map).

    offsets[i] is the original index of normalised character i, and
    offsets[len(norm)] == len(text), so a normalised range [a, b) maps to
    the original range [offsets[a], offsets[b]). The map never decreases;
    the characters of one ligature's expansion share its original index.
    """
    offsets: list[int] = []
    return _normalize_into(text, offsets), offsets


def normalize_compact(text: str) -> tuple[str, array[int]]:
    """normalize() with the offset map as a machine-int array: the same
    values, read the same way (map[i], len, slices, bisect), at 8 bytes an
    entry instead of ~36 for a list of ints. The pipeline keeps it for the
    whole run of an article: 5.5 million characters cost 44 MB, not 200."""
    offsets = array("q")
    return _normalize_into(text, offsets), offsets


def _normalize_into(text: str, offsets: list[int] | array[int]) -> str:
    """Normalise text, appending its offset map to `offsets` (empty)."""
    parts: list[str] = []
    prev = 0
    for m in _SPECIAL.finditer(text):
        i = m.start()
        if i > prev:
            parts.append(_translate(text[prev:i]))
            _extend_identity(offsets, prev, i)
        many = _MANY.get(m.group())
        if many:
            parts.append(many)
            offsets.extend([i] * len(many))
        prev = i + 1
    if prev < len(text):
        parts.append(_translate(text[prev:]))
        _extend_identity(offsets, prev, len(text))
    offsets.append(len(text))
    return "".join(parts)


def normalize_word(word: str) -> str:
    """Normalise a dictionary word the same way as text (no map needed)."""
    if _SPECIAL.search(word) is None:
        # Nothing dropped or expanded (most words): the one-to-one folds only.
        return _translate(word)
    return _normalize_into(word, [])
