"""Counts in Arabic news text: digits, number words, duals and vague counts.

«مائتان وتسعة وثمانون» → 289, «240 ألفا و831» → 240831, «أحد عشر» → 11,
«عنصران»/«جثتين» → 2, «العشرات» → 10 (approximate), «أكثر من سبعة» → 7
(approximate, qualifier "more_than"). Values are conservative, as spec §1
asks for fatalities: the lowest figure the words defend.

Works on normalised text (rasd.text.normalize); offsets are into it. The
words live in src/rasd/data/numbers_ar.yaml and persons_ar.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress
from pathlib import Path


from rasd.datafiles import data_path, read_yaml
from rasd.text.normalize import normalize_word
from rasd.text.tokens import CLITIC_CHAINS, PhraseMatch, PhraseMatcher, word_spans

_DATA = Path(__file__).resolve().parent.parent / "data"

# Digits as written in the press: 1200, 1,200 (thousands), 3.5; Arabic-Indic
# digits and separators are already ASCII after normalisation.
# (\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?, its first digit taken out of the
# alternatives so the search skips to the next digit)
_DIGITS = re.compile(r"\d(?:\d{0,2}(?:,\d{3})+(?!\d)|\d*(?:\.\d+)?)")
# A run of letters: the words the dual patterns start on.
_LETTERS = re.compile(r"[^\W\d_]+")
# Prefixes a number word may carry: «وعشرون», «بثلاثة», «لخمسة».
_WORD_PREFIXES = ("و", "ف", "ب", "ل", "وب", "ول", "فب")
# Words that join the figures of a range («بين 10 و15»، «3 إلى 5»، «3 أو 4»).
_JOINERS = frozenset({"و", "الي", "او", "بين", "مابين"})


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A count found in normalised text.

    `value` is conservative (spec §1); `approx` is True when the text gives
    no exact figure; `qualifier` says why: "about", "more_than", "at_least",
    "range", "vague" (العشرات, عدد من) or None. `kind` is how the count was
    written: "digits", "words", "dual" (a dual noun, «جثتين») or "vague".
    """

    start: int
    end: int
    text: str
    value: int
    approx: bool = False
    qualifier: str | None = None
    kind: str = "digits"


@dataclass(frozen=True, slots=True)
class _Word:
    cls: str  # unit | teen | ten | hundred | scale_one | scale_two | scale_plural
    value: int


@dataclass(frozen=True, slots=True)
class _NumberLexicon:
    words: dict[str, tuple[_Word, ...]]
    # One matcher for every count phrase (one pass over the text): payload
    # is a tuple of (role, value), role "vague" (value: the count), "before"
    # or "after" (value: the qualifier).
    phrases: PhraseMatcher[tuple[tuple[str, object], ...]]


@dataclass(frozen=True, slots=True)
class PersonNouns:
    """Person nouns (persons_ar.yaml), normalised: singular → dual forms."""

    singular: frozenset[str]
    duals: dict[str, str]  # dual form → singular
    construct_duals: dict[str, str]  # «ضابطي» → «ضابط», needs a head word after
    construct_heads: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _NumberLexicon:
    data = read_yaml(data_path("numbers_ar.yaml"), "number words")
    words: dict[str, list[_Word]] = {}

    def put(word: str, entry: _Word) -> None:
        words.setdefault(normalize_word(word), []).append(entry)

    for value, forms in data["units"].items():
        for w in forms:
            put(w, _Word("unit", int(value)))
    for w in data["teen_words"]:
        put(w, _Word("teen", 10))
    for value, forms in data["tens"].items():
        for w in forms:
            put(w, _Word("ten", int(value)))
    for value, forms in data["hundreds"].items():
        for w in forms:
            put(w, _Word("hundred", int(value)))
    for value, forms in data["scales"].items():
        for cls in ("one", "two", "plural"):
            for w in forms.get(cls, []):
                put(w, _Word("scale_" + cls, int(value)))
    phrases: PhraseMatcher[tuple[tuple[str, object], ...]] = PhraseMatcher()

    def add(phrase: str, role: str, value: object) -> None:
        old = phrases.get(phrase) or ()
        if (role, value) not in old:
            phrases.add(phrase, old + ((role, value),))

    for item in data["vague"]:
        for w in item["words"]:
            add(w, "vague", int(item["value"]))
    for qualifier, forms in data["qualifiers_before"].items():
        for w in forms:
            add(w, "before", qualifier)
    for qualifier, forms in data["qualifiers_after"].items():
        for w in forms:
            add(w, "after", qualifier)
    return _NumberLexicon({k: tuple(v) for k, v in words.items()}, phrases)


@lru_cache(maxsize=1)
def person_nouns() -> PersonNouns:
    """The person nouns, loaded once (shared with rasd.text.casualties)."""
    data = read_yaml(data_path("persons_ar.yaml"), "person nouns")
    singular: set[str] = set()
    duals: dict[str, str] = {}

    def stem_of(noun: str) -> str:
        # Feminine ة becomes ت before the dual ending: جثة → جثتان.
        return noun[:-1] + "ت" if noun.endswith("ه") else noun

    for raw in data["broken_plural"]:
        noun = normalize_word(raw)
        singular.add(noun)
        duals[stem_of(noun) + "ان"] = noun
        duals[stem_of(noun) + "ين"] = noun
    for raw in data["sound_plural"]:
        noun = normalize_word(raw)
        singular.add(noun)
        duals[stem_of(noun) + "ان"] = noun
    construct: dict[str, str] = {}
    for raw in data["construct_dual"]:
        noun = normalize_word(raw)
        construct[stem_of(noun) + "ا"] = noun
        construct[stem_of(noun) + "ي"] = noun
    for raw in data.get("not_duals", []):
        duals.pop(normalize_word(raw), None)
    heads = frozenset(normalize_word(w) for w in data["construct_heads"])
    return PersonNouns(frozenset(singular), duals, construct, heads)


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    """Every written form a number word can take (with its clitics), and the
    words that join figures: the only words the parser needs to see."""
    words = _lexicon().words
    out = set(_JOINERS) | set(words)
    for prefix in _WORD_PREFIXES:
        out.update(prefix + w for w in words if prefix == "و" or len(w) >= 3)
    return frozenset(out)


@lru_cache(maxsize=200_000)
def _lookup(word: str) -> tuple[tuple[str, tuple[_Word, ...]], ...]:
    """Every (prefix, readings) of a number word, the literal word first
    («واحد» is one; «وأحد» is و + one)."""
    words = _lexicon().words
    out = []
    if word in words:
        out.append(("", words[word]))
    for prefix in _WORD_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and (prefix == "و" or len(rest) >= 3) and rest in words:
            out.append((prefix, words[rest]))
    return tuple(out)


def _step(
    readings: tuple[_Word, ...], prefix: str, cur: int, last: str, last_scale: int, frac: float | None
) -> tuple[int, int, str, int, float | None] | None:
    """Extend a number by one word: (added to total, cur, last, last_scale, frac) or None.

    Arabic puts units before tens («خمسة وعشرون»), hundreds before both
    («مائتان وتسعة وثمانون»), multiplies by a following scale word
    («ثلاثة آلاف»، «40 ألف») and joins smaller parts with و.
    """
    unit_part = cur % 100
    for w in readings:
        if prefix == "":
            if w.cls == "teen" and last == "unit" and 1 <= unit_part <= 9:
                return 0, cur + 10, "teen", last_scale, frac
            if w.cls == "hundred" and w.value == 100 and last == "unit" and 1 <= cur <= 9:
                return 0, cur * 100, "hundred", last_scale, frac  # «ثلاث مئة»
            if w.cls in ("scale_one", "scale_plural") and last in ("unit", "teen", "ten", "hundred", "digits"):
                amount = frac if (frac is not None and last == "digits") else cur
                return int(amount * w.value), 0, "scale", w.value, None
        elif prefix == "و":
            if w.cls == "ten" and last == "unit" and unit_part < 10:
                return 0, cur + w.value, "ten", last_scale, frac
            if last == "hundred" and w.cls in ("unit", "teen", "ten"):
                return 0, cur + w.value, ("unit" if w.cls in ("unit", "teen") else "ten"), last_scale, frac
            if last == "scale" and w.cls in ("unit", "teen", "ten", "hundred") and w.value < last_scale:
                nxt = {"teen": "unit", "hundred": "hundred"}.get(w.cls, w.cls)
                return 0, cur + w.value, nxt, last_scale, frac
    return None


@dataclass(slots=True)
class _Item:
    start: int
    end: int
    text: str
    digits: int | None  # value when the item is written in digits
    decimal: float | None = None


def _items(norm: str, start: int, end: int) -> list[_Item]:
    """Words and digit groups of norm[start:end], in order."""
    # Only the words a number can be made of, or join: any other word
    # between two items shows up as a gap that is not blank.
    starts, ends, texts = word_spans(norm, start, end)
    wanted = _number_words()
    keep = list(map(wanted.__contains__, texts))  # C-speed filter: few words are number words
    items = [_Item(s, e, w, None) for s, e, w in zip(compress(starts, keep), compress(ends, keep),
                                                     compress(texts, keep))]
    for m in _DIGITS.finditer(norm, start, end):
        raw = m.group()
        if "." in raw:
            items.append(_Item(m.start(), m.end(), raw, int(float(raw)), float(raw)))
        else:
            items.append(_Item(m.start(), m.end(), raw, int(raw.replace(",", ""))))
    items.sort(key=lambda it: it.start)
    return items


def _gap_ok(norm: str, a: int, b: int) -> bool:
    return all(c in " \t" for c in norm[a:b])


def _parse_at(norm: str, items: list[_Item], i: int) -> tuple[int, int, str] | None:
    """Parse a number starting at items[i]: (value, index of last item, kind)."""
    first = items[i]
    total = 0
    last_scale = 0
    if first.digits is not None:
        cur, last, kind = first.digits, "digits", "digits"
        frac = first.decimal
    else:
        options = _lookup(first.text)
        if not options:
            return None
        w = options[0][1][0]
        kind, frac = "words", None
        if w.cls == "scale_plural":
            return None  # «آلاف» alone is a vague count
        if w.cls in ("scale_one", "scale_two"):
            total = w.value * (2 if w.cls == "scale_two" else 1)
            cur, last, last_scale = 0, "scale", w.value
        else:
            cur, last = w.value, w.cls
            if w.cls == "teen":
                last = "unit"  # «عشرة» alone is ten
    j = i
    while j + 1 < len(items):
        nxt = items[j + 1]
        if not _gap_ok(norm, items[j].end, nxt.start):
            break
        # «240 ألفا و831»: a lone و then digits after a scale word.
        if nxt.text == "و" and last == "scale" and j + 2 < len(items):
            after = items[j + 2]
            if after.digits is not None and _gap_ok(norm, nxt.end, after.start) and after.digits < last_scale:
                cur += after.digits
                last, j = "digits", j + 2
                continue
            break
        if nxt.digits is not None:
            break
        step = None
        for prefix, readings in _lookup(nxt.text):
            step = _step(readings, prefix, cur, last, last_scale, frac)
            if step is not None:
                break
        if step is None:
            break
        total, cur, last, last_scale, frac = total + step[0], step[1], step[2], step[3], step[4]
        j += 1
    return total + cur, j, kind


def parse_number_words(text: str) -> int | None:
    """The value of a text that is one number («مائتان وتسعة وثمانون» → 289), else None."""
    norm = normalize_word(text.strip())
    items = _items(norm, 0, len(norm))
    if not items:
        return None
    parsed = _parse_at(norm, items, 0)
    if parsed is None or items[0].start != 0 or items[parsed[1]].end != len(norm):
        return None  # more than one number, or other words too
    return parsed[0]


def find_numbers(norm: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Every count in norm[start:end], in text order, non-overlapping."""
    end = len(norm) if end is None else end
    lex = _lexicon()
    items = _items(norm, start, end)
    found: list[NumberMention] = []
    taken_until = -1
    i = 0
    # Where a qualifier ends → (its start, qualifier); where one starts after.
    before: dict[int, PhraseMatch[str]] = {}
    after: dict[int, PhraseMatch[str]] = {}
    vague: list[PhraseMatch[int]] = []
    for m in lex.phrases.find(norm, start, end):
        for role, value in m.payload:
            if role == "before":
                before[m.end] = PhraseMatch(m.start, m.end, m.text, m.clitics, value)  # type: ignore[arg-type]
            elif role == "after":
                after[m.start] = PhraseMatch(m.start, m.end, m.text, m.clitics, value)  # type: ignore[arg-type]
            else:
                vague.append(PhraseMatch(m.start, m.end, m.text, m.clitics, value))  # type: ignore[arg-type]
    while i < len(items):
        parsed = _parse_at(norm, items, i)
        if parsed is None:
            i += 1
            continue
        value, j, kind = parsed
        s, e = items[i].start + _prefix_len(items[i]), items[j].end
        approx, qualifier = False, None
        # A range: «بين 10 و15»، «10 إلى 15»، «3 أو 4»، «10-15» → the lower
        # figure. «و» joins a range only after «بين» («2 و5 جرحى» is a list).
        second = _range_end(norm, items, i, j, value)
        if second is not None:
            j = second
            e = items[j].end
            approx, qualifier = True, "range"
        q = before.get(s) or before.get(_skip_back_space(norm, s))
        if q is not None:
            s = q.start
            approx, qualifier = True, q.payload
        qa = after.get(_skip_space(norm, e))
        if qa is not None:
            e = qa.end
            approx, qualifier = True, qa.payload
        found.append(NumberMention(s, e, norm[s:e], value, approx, qualifier, kind))
        taken_until = e
        i = j + 1
        while i < len(items) and items[i].start < taken_until:
            i += 1
    found.extend(_vague(norm, vague, found, before))
    found.extend(_duals(norm, start, end, found))
    found.sort(key=lambda m: m.start)
    return found


def _prefix_len(item: _Item) -> int:
    """Length of the clitic glued to a number word that starts a mention («وسبعة»)."""
    if item.digits is not None:
        return 0
    options = _lookup(item.text)
    return len(options[0][0]) if options else 0


def _range_end(norm: str, items: list[_Item], i: int, j: int, value: int) -> int | None:
    """Index of the last item of a range's upper figure, or None."""
    k = j + 1
    if k >= len(items):
        return None
    prev = items[i - 1].text if i > 0 else ""
    between = prev in ("بين", "مابين")
    joiner = items[k]
    gap = norm[items[j].end : joiner.start]
    upper: tuple[int, int, str] | None = None
    if joiner.digits is not None and gap.strip() == "-":
        upper = (joiner.digits, k, "digits")
    elif gap.strip(" \t"):
        return None
    elif joiner.text in ("الي", "او") or (joiner.text == "و" and between):
        if k + 1 < len(items) and _gap_ok(norm, joiner.end, items[k + 1].start):
            upper = _parse_at(norm, items, k + 1)
    elif between and joiner.text.startswith("و"):
        if any(prefix == "و" for prefix, _ in _lookup(joiner.text)):
            upper = _parse_at(norm, items, k)
    if upper is None or upper[0] <= value:
        return None
    return upper[1]


def _skip_space(norm: str, i: int) -> int:
    while i < len(norm) and norm[i] in " \t":
        i += 1
    return i


def _skip_back_space(norm: str, i: int) -> int:
    """Index just after the last non-space character before i (qualifier end)."""
    while i > 0 and norm[i - 1] in " \t":
        i -= 1
    return i


def _overlaps(s: int, e: int, found: list[NumberMention]) -> bool:
    return any(m.start < e and s < m.end for m in found)


def _vague(
    norm: str, vague: list[PhraseMatch[int]], found: list[NumberMention], before: dict[int, PhraseMatch[str]]
) -> list[NumberMention]:
    out = []
    for m in vague:
        if _overlaps(m.start, m.end, found):
            continue
        s = m.start
        qualifier = "vague"
        q = before.get(_skip_back_space(norm, s))
        if q is not None and not _overlaps(q.start, q.end, found):
            s = q.start
        out.append(NumberMention(s, m.end, norm[s : m.end], m.payload, True, qualifier, "vague"))
    return out


@lru_cache(maxsize=1)
def _dual_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Regexes for dual nouns (with any proclitics) and construct duals
    followed by their head noun («ضابطا شرطة»)."""
    nouns = person_nouns()
    chains = "|".join(CLITIC_CHAINS)
    alt = "|".join(sorted(nouns.duals, key=len, reverse=True))
    dual = re.compile(rf"(?<![^\W\d_])(?:{chains})?({alt})(?![^\W\d_])")
    heads = "|".join(sorted(nouns.construct_heads, key=len, reverse=True))
    cons = "|".join(sorted(nouns.construct_duals, key=len, reverse=True))
    construct = re.compile(rf"(?<![^\W\d_])و?({cons})[ \t]+(?:{heads})(?![^\W\d_])")
    return dual, construct


@lru_cache(maxsize=1)
def _dual_words() -> tuple[frozenset[str], frozenset[str]]:
    """The whole words (letter runs) each pattern of _dual_patterns can start
    with: a match begins and (for duals) ends at a word boundary, so a text
    with none of these words has no match and needs no regex scan (the
    alternations are tried at every character: the slow part)."""
    nouns = person_nouns()
    duals = frozenset(c + d for c in ("", *CLITIC_CHAINS) for d in nouns.duals)
    construct = frozenset(c + d for c in ("", "و") for d in nouns.construct_duals)
    return duals, construct


def _duals(norm: str, start: int, end: int, found: list[NumberMention]) -> list[NumberMention]:
    dual, construct = _dual_patterns()
    # The letter runs of the text: the scanned words (cached), with the runs
    # inside a clitic glued to a quoted word («ل"داعش») split out.
    words = set(word_spans(norm, start, end)[2])
    words.update(run for w in [w for w in words if not w.isalnum()] for run in _LETTERS.findall(w))
    out = []
    for pattern, first_words in zip((dual, construct), _dual_words()):
        if words.isdisjoint(first_words):
            continue
        for m in pattern.finditer(norm, start, end):
            s, e = m.span(1)
            if _overlaps(s, e, found) or _overlaps(s, e, out):
                continue
            out.append(NumberMention(s, e, norm[s:e], 2, False, None, "dual"))
    return out
