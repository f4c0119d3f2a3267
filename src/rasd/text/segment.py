"""Split an article into sentences and clauses (spans of the original text).

Arabic news has its own punctuation habits, each handled here:
- a headline or a dateline line («الحسكة- نورث برس») has no full stop: every
  line break ends a sentence;
- «هزيمته.. “داعش” يسعى …»: two or three dots are a pause inside a headline
  or sentence, not its end;
- quoted speech keeps its inner full stops («قال: “… مستمرة. ونحن …”»), and a
  closing quote or bracket after a full stop stays with its sentence;
- abbreviations («د. حمدان»، «أ.ف.ب»، «U.S.») and decimals (3.5) are not ends;
- an inline dateline at the start of a paragraph («دمشق - (أ ف ب) - قتل …»)
  and numbered points («أولاً: … ثانياً: …») start sentences of their own;
- a run-on sentence of more than 500 characters is cut at its weaker ends
  («..», «؛», then «، و»), so one span does not hold a whole article.

Offsets are into the text given (the article's original text); spans are
trimmed of surrounding whitespace. Words live in src/rasd/data/segment_ar.yaml.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path


from rasd.datafiles import read_yaml
from rasd.model import Span

_DATA = Path(__file__).resolve().parent.parent / "data" / "segment_ar.yaml"

_ENDERS = frozenset(".!?؟")
# A line: every line break ends a sentence (headlines, datelines, list items).
_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]+")
# Quotes that open and close (ASCII " is both, so it cannot be tracked).
_OPEN = {"«": "»", "“": "”", "‹": "›", "(": ")"}
# The characters the splitter looks at; everything else is skipped by the regex.
_INTEREST = re.compile("[.!?؟«“‹(»”›)]")
# Characters that belong to the sentence they follow: «… مستمرة.»
_TRAILERS = frozenset("»”’›)\"'")
# The longest quotation kept whole; beyond this a stray quote mark would
# swallow the paragraph.
_MAX_QUOTE = 400
# A sentence longer than this is cut at weaker ends (see _split_long), into
# pieces of at least _MIN_PIECE characters.
_LONG = 500
_MIN_PIECE = 60
_WEAK_ENDS = (
    re.compile(r"(?:\.\.+|…)(?=\s)|[؛;](?=\s)"),
    re.compile(r"[،,](?=\s+و)"),
)
# Diacritics and tatweel that may follow a letter («ثانياً»).
_MARKS = "\u064b-\u065f\u0670\u0640"
# «دمشق - (أ ف ب) -»، «بغداد – الجزيرة:»، «الرياض - واس -»: one to three words,
# a dash, a short source, then a dash or a colon, at a paragraph start.
_DATELINE = re.compile(
    r"[ \t\u00a0]*(?P<place>[^\W\d_][^\W\d_\u064b-\u065f ]*(?: [^\W\d_][^\W\d_\u064b-\u065f ]*){0,1})"
    r"[ \t\u00a0]*[-–—][ \t\u00a0]*(?P<source>\([^()\n]{1,30}\)|[^\W\d_][^\W\d_ ]*(?: [^\W\d_][^\W\d_ ]*){0,2})"
    r"[ \t\u00a0]*(?P<end>[-–—:])[ \t\u00a0]*"
)


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], re.Pattern[str]]:
    data = read_yaml(_DATA, "sentence-splitting words")
    abbreviations = frozenset(str(w).rstrip(".") for w in data["abbreviations"])
    markers = sorted({m for w in data["list_markers"] for m in _alef_variants(w)}, key=len, reverse=True)
    pattern = re.compile(
        r"(?<![^\s])(?:" + "|".join(map(re.escape, markers)) + r")[" + _MARKS + r"]*[ \t]*[:：\-–]"
    )
    return abbreviations, pattern


def _alef_variants(word: str) -> set[str]:
    """«أولا» is also written «اولا» and «إولا» in the press."""
    return {word, re.sub("^[أإآ]", "ا", word)}


def split_sentences(text: str) -> list[Span]:
    """Sentences of `text`, in order, as spans of it."""
    spans: list[Span] = []
    for line in _LINE.finditer(text):
        _split_paragraph(text, line.start(), line.end(), spans)
    if any(sp.end - sp.start > _LONG for sp in spans):
        spans = [piece for sp in spans for piece in _split_long(text, sp)]
    return spans


def _split_long(text: str, span: Span) -> list[Span]:
    """A run-on sentence (opinion pieces, texts with no full stops) is cut at
    its weaker ends: «..»/«…» or a semicolon first, then a comma before «و»
    that opens a new clause; never into pieces shorter than a clause."""
    if span.end - span.start <= _LONG:
        return [span]
    for weak in _WEAK_ENDS:
        cuts = [m.end() for m in weak.finditer(text, span.start, span.end)
                if _MIN_PIECE <= m.end() - span.start <= span.end - span.start - _MIN_PIECE]
        if cuts:
            # Cut nearest the middle, then look at each half again.
            mid = (span.start + span.end) // 2
            cut = min(cuts, key=lambda c: abs(c - mid))
            pieces: list[Span] = []
            _add(text, span.start, cut, pieces)
            _add(text, cut, span.end, pieces)
            return [q for p in pieces for q in _split_long(text, p)]
    return [span]


def _split_paragraph(text: str, start: int, end: int, spans: list[Span]) -> None:
    abbreviations, markers = _words()
    s = start
    dateline = _DATELINE.match(text, start, end)
    if dateline and _is_dateline(dateline) and _rest_is_sentence(text, dateline.end(), end):
        _add(text, s, dateline.end(), spans, strip="-–—: \t\u00a0")
        s = dateline.end()
        # A byline is often followed by the place: «قاسم الخبراني- سبق- الرياض: …».
        place = _PLACE_COLON.match(text, s, end)
        if place and _rest_is_sentence(text, place.end(), end):
            _add(text, s, place.end(), spans, strip=": \t\u00a0")
            s = place.end()
    cuts = [m.start() for m in markers.finditer(text, s, end) if m.start() > s]
    ci = 0
    close_at = -1  # inside a quotation until this offset
    skip_to = s
    for m in _INTEREST.finditer(text, s, end):
        i = m.start()
        if i < skip_to:
            continue
        while ci < len(cuts) and cuts[ci] <= i:
            if cuts[ci] > s:
                _add(text, s, cuts[ci], spans)
                s = cuts[ci]
            ci += 1
        ch = text[i]
        if i == close_at and text[i - 1] in _ENDERS:
            # «… انتهى الهجوم.» ثم …: a quotation that ends with a full stop
            # ends the sentence with it.
            _add(text, s, i + 1, spans)
            s = i + 1
        if ch in _OPEN and i >= close_at:
            j = text.find(_OPEN[ch], i + 1, min(end, i + _MAX_QUOTE))
            if j != -1:
                close_at = j
        elif ch in _ENDERS:
            j = i
            while j < end and text[j] in _ENDERS:
                j += 1
            if i >= close_at and _is_end(text, i, j, end, abbreviations):
                while j < end and text[j] in _TRAILERS:
                    j += 1
                _add(text, s, j, spans)
                s = j
            skip_to = j
    for cut in cuts[ci:]:
        if cut > s:
            _add(text, s, cut, spans)
            s = cut
    _add(text, s, end, spans)


def _is_end(text: str, i: int, j: int, end: int, abbreviations: frozenset[str]) -> bool:
    """Does the run of end marks text[i:j] end a sentence?"""
    run = text[i:j]
    if j >= end:
        return True
    if set(run) == {"."}:
        if len(run) >= 2:
            return False  # «هزيمته.. “داعش”»: a pause, not an end
        nxt = text[j]
        if nxt.isalnum():
            return False  # 3.5, www.site.com, أ.ف.ب
        prev_word = _word_before(text, i)
        if len(prev_word) == 1 and prev_word.isalpha():
            return False  # «د. حمدان»، «U.S.»
        if prev_word in abbreviations:
            return False
    return True


def _word_before(text: str, i: int) -> str:
    k = i
    while k > 0 and (text[k - 1].isalpha() or text[k - 1] == "."):
        k -= 1
    word = text[k:i]
    return word.rsplit(".", 1)[-1] if "." in word and len(word.rsplit(".", 1)[-1]) else word


_PLACE_COLON = re.compile(r"[ \t\u00a0]*[^\W\d_]+[ \t\u00a0]*:[ \t\u00a0]*")


def _is_dateline(m: re.Match[str]) -> bool:
    """«سبق- جدة:»، «عدن - محمد علي محسن:»، «دمشق - (أ ف ب) -»، «قاسم الخبراني- سبق-»
    are datelines and bylines; «وقال إليامي - في بيان له - إنه …» is an aside
    inside a sentence. A dateline's first word is a name, not a verb joined
    by و/ف («وقال»، «ويتوقع»); one closed by a dash has a one-word or
    bracketed source."""
    first = m.group("place").split()[0]
    if first[0] in "وف" and len(first) >= 4:
        return False
    source = m.group("source")
    return m.group("end") == ":" or source.startswith("(") or len(source.split()) == 1


def _rest_is_sentence(text: str, start: int, end: int) -> bool:
    """A dateline is split off only when a real sentence follows it."""
    return len(text[start:end].split()) >= 3


def _add(text: str, start: int, end: int, spans: list[Span], strip: str = "") -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in strip):
        end -= 1
    if end > start:
        spans.append(Span(start, end, text[start:end]))


def split_clauses(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Clauses of text[start:end] (usually one sentence): split at commas,
    semicolons and colons, and before «فيما/بينما/في حين» that open a new
    clause. Casualty and actor rules look inside one clause at a time."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    s = start
    for m in _CLAUSE_BREAK.finditer(text, start, end):
        cut = m.start() if m.group(1) else m.end()
        if cut > s:
            _add(text, s, cut, spans, strip="،,؛;:")
            s = cut
    _add(text, s, end, spans, strip="،,؛;:")
    return spans


# A clause ends at ، , ؛ ; : (not inside a number «1,200») or before a
# conjunction that opens a contrasting clause.
_CLAUSE_BREAK = re.compile(r"(?<![^\s])((?:و)?(?:فيما|بينما|في حين|حيث|في الوقت الذي)\s)|[،؛;:]|,(?!\d)")
