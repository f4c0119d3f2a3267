"""Casualty phrases: who was killed, injured, arrested, kidnapped or displaced, and how many.

«قضى فيه 11 عنصراً من الجيش العراقي بينهم ضابط» → killed 11, victims
«عنصراً من الجيش العراقي» (the officer is one of the eleven, spec §1).

Arabic news states a casualty in a few shapes, each handled here:
- a verbal noun or a verb, then the count: «مقتل 11 عنصراً»، «أصيب 11 آخرون»،
  «قتلت مجموعة من داعش أكثر من سبعة معتقلين»؛
- the count, then a victim noun: «ثلاثة قتلى»، «57 قتيلاً»، «عشرات الجرحى»؛
- the count and its noun, then a verb: «8 مدنيين قتلوا»، «أربعة أشخاص أصيبوا»؛
- «لقي … حتفه/مصرعه»؛ duals and singulars with no number: «جثتين» → 2,
  «مقتل ضابط» → 1؛ a pronoun: «مقتله» → 1.
Counts are conservative (spec §1): qualifiers keep the stated figure and
mark it approximate, «العشرات» is coded 12 (ACLED's "dozens"), one figure for
killed and wounded together («مقتل وإصابة 30») is 0 dead (unknown), and a
count the text does not give («سقوط قتلى وجرحى») is 0 and approximate.
Negated mentions («لم يصب أحد») are not casualties; a subset after
«بينهم/منهم» adds nothing; lists go on through «و» and a comma («12 من رجال
الأمن، وثلاثة من العاملين» → 15), and a count joined after a place is more dead
counted there («... في الرمادي و7 في الفلوجة»).

The event stage asks of each phrase whether it is a toll at all: `over_period`
(a statistic, «خلال شهر يوليو»), `recalled` (an earlier killing answered,
«ردا على مقتل»), `toll_update` («ارتفعت حصيلة القتلى إلى»), `toll_exclusions`
(«ولا تشمل هذه الحصيلة») and `told_in_event_before` («قتل فيها»).

Works on normalised text; offsets are into it. Words live in
src/rasd/data/casualties_ar.yaml (and persons_ar.yaml, numbers_ar.yaml).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

from rasd.text.normalize import normalize_word
from rasd.datafiles import data_path, read_yaml
from rasd.text.numbers import NumberMention, find_numbers, person_nouns
from rasd.text.tokens import PhraseMatcher, Token, TokenView, word_spans

KINDS = ("killed", "injured", "arrested", "kidnapped", "displaced")

# Clause ends: a casualty phrase never runs over these.
# (a full stop or comma between digits is a decimal or thousands mark).
# Written punctuation first, so the search skips to it.
_CLAUSE_END_RE = re.compile(r"[;:?!\n]|[.,](?!(?<=\d[.,])\d)")
# How far (in words) a count may be from the casualty word.
_FORWARD = 8
_BACKWARD = 14
_NEGATION_WINDOW = 5
_SHORT_SUBJECT = 4
_PREPOSITIONS = frozenset({"علي", "الي", "في", "من", "عن", "بعد", "قبل", "اثر", "عقب", "جراء"})
# «آخر» alone after a casualty word: how many people it is (0 = unknown).
_OTHERS_COUNT = {"اخر": 1, "اخري": 1, "اخران": 2, "اخرين": 0, "اخرون": 0}


@dataclass(frozen=True, slots=True)
class Casualty:
    """A casualty statement found in normalised text.

    [start, end) covers the whole phrase (casualty word, count, victims).
    `count` is conservative (spec §1); `approx` is True when the text gives
    no exact figure (qualifier, vague count, or none at all → 0). `victim`
    is the stretch that describes who («عنصراً من الجيش العراقي»), None when
    the text does not say or says «آخرين». `qualifier` says why a count is
    approximate: "about", "more_than", "at_least", "range", "vague",
    "joint" (killed and injured counted together), "unknown".
    """

    start: int
    end: int
    text: str
    kind: str
    count: int
    approx: bool
    victim: str | None
    victim_start: int | None
    victim_end: int | None
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class _Anchor:
    kind: str
    role: str  # event | verb | victim | confirm | closing | pronoun
    subject_first: bool = False
    pronoun_count: int = 0
    head: str = ""  # the entry's first word, normalised («القاء» has its own ال)


@dataclass(frozen=True, slots=True)
class _Lexicon:
    anchors: PhraseMatcher[tuple[_Anchor, ...]]
    negations: frozenset[str]
    others: frozenset[str]
    stops: frozenset[str]
    not_people_before: frozenset[str]
    unknown_cues: frozenset[str]
    determiners: frozenset[str]
    vague_tolls: dict[str, int]
    partial_before: frozenset[str]


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = read_yaml(data_path("casualties_ar.yaml"), "casualty words")
    anchors: PhraseMatcher[tuple[_Anchor, ...]] = PhraseMatcher()

    def add(phrase: str, anchor: _Anchor) -> None:
        anchor = _Anchor(anchor.kind, anchor.role, anchor.subject_first, anchor.pronoun_count,
                         normalize_word(phrase).split()[0])
        old = anchors.get(phrase) or ()
        if anchor not in old:
            anchors.add(phrase, old + (anchor,))

    for kind, words in data["kinds"].items():
        subject_first = {normalize_word(w) for w in words.get("subject_first", [])}
        for w in words.get("event", []):
            add(w, _Anchor(kind, "event"))
        for w in words.get("verb", []):
            add(w, _Anchor(kind, "verb", normalize_word(w) in subject_first))
        for w in words.get("victim", []):
            add(w, _Anchor(kind, "victim"))
        for w in words.get("pronoun_events", []):
            base = normalize_word(w)
            base = base[:-1] + "ت" if base.endswith("ه") else base
            for suffix, count in (("ه", 1), ("ها", 1), ("هما", 2)):
                add(base + suffix, _Anchor(kind, "pronoun", pronoun_count=count))
        confirm = words.get("confirm")
        if confirm:
            for w in confirm["verbs"]:
                add(w, _Anchor(kind, "confirm"))
            for w in confirm["closing"]:
                n = normalize_word(w)
                count = 2 if n.endswith("هما") else (0 if n.endswith(("هم", "هن")) else 1)
                add(w, _Anchor(kind, "closing", pronoun_count=count))
    # The same matcher finds subset markers and words that count things, so
    # the text is scanned once.
    for w in data["subset_markers"]:
        add(w, _Anchor("", "subset"))
    for w in data["not_people_after"]:
        add(w, _Anchor("", "not_people"))
    for w in _month_names():
        add(w, _Anchor("", "not_people"))  # «قتل في 8 يوليو»: a day of the month
    return _Lexicon(
        anchors=anchors,
        negations=frozenset(normalize_word(w) for w in data["negations"]),
        others=frozenset(normalize_word(w) for w in data["others"]),
        stops=frozenset(normalize_word(w) for w in data["victim_stops"]),
        not_people_before=frozenset(normalize_word(w) for w in data["not_people_before"]),
        unknown_cues=frozenset(normalize_word(w) for w in data["unknown_count_cues"]),
        determiners=frozenset(normalize_word(w) for w in data["non_count_determiners"]),
        vague_tolls={normalize_word(w): int(item["value"]) for item in data.get("vague_tolls") or []
                     for w in item["words"]},
        partial_before=frozenset(normalize_word(w) for w in data.get("partial_count_before") or []),
    )


def _word_list_pattern(key: str, proclitics: str = "وف", tail: str = r"(?!\w)") -> re.Pattern[str]:
    """The words of casualties_ar.yaml's list `key`, normalised, as one pattern at a
    word start (with an optional proclitic) followed by `tail`; never matches if empty."""
    data = read_yaml(data_path("casualties_ar.yaml"), "casualty words")
    words = sorted({normalize_word(w) for w in data.get(key) or []}, key=len, reverse=True)
    if not words:
        return re.compile(r"(?!)")
    return re.compile(rf"(?<!\w)[{proclitics}]?(?:" + "|".join(map(re.escape, words)) + ")" + tail)


@lru_cache(maxsize=1)
def toll_exclusions() -> re.Pattern[str]:
    """Words after a toll that leave out the event named next («ولا تشمل هذه الحصيلة
    ضحايا العمليات العسكرية»), as a pattern over normalised text."""
    return _word_list_pattern("toll_exclusions")


@lru_cache(maxsize=1)
def _recalled_cue() -> re.Pattern[str]:
    return _word_list_pattern("recalled_cues", tail=r"\s*ل?$")


@lru_cache(maxsize=1)
def _update_cue() -> re.Pattern[str]:
    return _word_list_pattern("toll_updates", proclitics="وفب")


def toll_update(norm_sentence: str) -> bool:
    """Does the (normalised) sentence update a toll told before («ارتفعت حصيلة
    القتلى إلى 12»)? Its figure replaces the earlier one."""
    return _update_cue().search(norm_sentence) is not None


@lru_cache(maxsize=1)
def _period_words() -> tuple[re.Pattern[str], frozenset[str]]:
    data = read_yaml(data_path("casualties_ar.yaml"), "casualty words")
    return _word_list_pattern("period_cues"), frozenset(normalize_word(w) for w in data.get("period_comparisons") or [])


_STAT_REACH = 120  # characters around a count searched for its clause's ends
_COMPARISON_WORDS = 6  # «أعنف هجوم بسيارة مفخخة تشهده بغداد منذ بداية العام»
_STAT_CLAUSE_END = re.compile(r"[.,;:?!\n،؛]")


def over_period(norm: str, c: Casualty) -> bool:
    """Is the count a statistic over a period, the sum of many events («مقتل 37
    مقاتلاً في الزبداني خلال شهر يوليو الفائت»)? Not when a superlative compares
    one event with the period («قتل 44 في أعنف هجوم منذ بداية العام»)."""
    rx, comparisons = _period_words()
    reach = max(0, c.start - _STAT_REACH)
    start = max((m.end() for m in _STAT_CLAUSE_END.finditer(norm, reach, c.start)), default=reach)
    end_m = _STAT_CLAUSE_END.search(norm, c.end, c.end + _STAT_REACH)
    end = end_m.start() if end_m else min(len(norm), c.end + _STAT_REACH)
    for m in rx.finditer(norm, start, end):
        before = norm[max(start, m.start() - 60):m.start()].split()[-_COMPARISON_WORDS:]
        if not any(w in comparisons or w[1:] in comparisons for w in before):
            return True
    return False


@lru_cache(maxsize=1)
def _resumptive() -> re.Pattern[str]:
    data = read_yaml(data_path("casualties_ar.yaml"), "casualty words")
    words = sorted({normalize_word(w) for w in data.get("resumptive_pronouns") or []}, key=len, reverse=True)
    return re.compile(r"^\S+\s+(?:" + ("|".join(map(re.escape, words)) or "(?!)") + r")(?!\w)")


def told_in_event_before(c: Casualty) -> bool:
    """Does the casualty phrase point back at the event told just before it with a
    pronoun («اندلعت اشتباكات في الفلوجة قتل فيها 3 جنود»: killed in it)?"""
    return _resumptive().match(c.text) is not None


def recalled(norm: str, c: Casualty) -> bool:
    """Is the casualty an earlier killing the event answers («ردا على مقتل أحد
    جنودها», «انتقاما لمقتل»)? Its dead are not the event's toll."""
    return _recalled_cue().search(norm, max(0, c.start - 30), c.start) is not None


def _month_names() -> list[str]:
    """Month names from the dates layer's calendar (calendar_ar.yaml), if present."""
    try:
        data = read_yaml(data_path("calendar_ar.yaml"), "calendar words")
    except OSError:
        return []
    names: list[str] = []
    for key in ("gregorian_months", "hijri_months"):
        for entry in data.get(key) or []:
            names.extend(entry.get("names") or [])
    return names


@dataclass(slots=True)
class _Count:
    value: int
    approx: bool
    qualifier: str | None
    first: int  # token indices
    last: int
    start: int  # norm offsets
    end: int
    noun: bool = False  # the count is itself the victim noun («ضابط»، «جثتين»)


class _Sentence:
    """The tokens of one stretch of text with everything the rules look up."""

    def __init__(self, norm: str, start: int, end: int) -> None:
        lex = _lexicon()
        self.norm = norm
        # Tokens made as the rules read them: most words of a text are never looked at.
        self.tokens: TokenView = TokenView(norm, start, end)
        self.starts = list(word_spans(norm, start, end)[0])  # the tokens' starts, from the shared scan
        n = len(self.tokens)
        # Clause of every token: how many clause ends precede it (equal
        # numbers = same clause).
        ends = [m.start() for m in _CLAUSE_END_RE.finditer(norm, start, end)]
        self.clause = list(map(bisect_right, repeat(ends, n), self.starts))
        self.anchor_at: dict[int, tuple[int, tuple[_Anchor, ...], int]] = {}  # first → (last, anchors, start)
        self.subset_at: set[int] = set()
        not_after: set[int] = set()
        for m in lex.anchors.find(norm, start, end):
            first, last = self.index(m.start), self.index(m.end - 1)
            role = m.payload[0].role
            if role == "subset":
                self.subset_at.add(first)
            elif role == "not_people":
                not_after.add(first)
            else:
                self.anchor_at[first] = (last, m.payload, m.start)
        self.in_count: set[int] = set()  # words inside a count («ما لا يقل عن 10»)
        self.count_start: dict[int, _Count] = {}
        self.count_end: dict[int, _Count] = {}
        for num in find_numbers(norm, start, end):
            cnt = self._count(num, not_after)
            if cnt is not None:
                self.count_start[cnt.first] = cnt
                self.count_end[cnt.last] = cnt
                self.in_count.update(range(cnt.first, cnt.last + 1))
        self.claimed: set[int] = set()

    def index(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def _count(self, num: NumberMention, not_after: set[int]) -> _Count | None:
        lex = _lexicon()
        first, last = self.index(num.start), self.index(num.end - 1)
        tok = self.tokens[first]
        if num.start > tok.start and tok.text[:1] in "بل":
            return None  # «أصيب بثلاث رصاصات»: an instrument, not people
        if first > 0 and self.tokens[first - 1].text in lex.not_people_before and num.kind == "digits":
            return None
        if first > 0 and self.tokens[first - 1].text in lex.partial_before:
            return None  # «التعرف على هوية 11 رجل أمن»: some of the dead, not the toll
        if last + 1 in not_after and self.clause[last + 1] == self.clause[last]:
            return None
        if num.kind == "digits" and 1900 <= num.value <= 2100 and not self._person_after(last):
            return None  # a year
        value = num.value
        if num.kind == "vague":
            # «العشرات» → 12 (ACLED's "dozens"); the article and a clitic are not the word.
            word = num.text[2:] if num.text.startswith("ال") else num.text
            value = lex.vague_tolls.get(word, value)
        return _Count(value, num.approx, num.qualifier, first, last, num.start, num.end, num.kind == "dual")

    def _person_after(self, i: int) -> bool:
        j = i + 1
        if j >= len(self.tokens):
            return False
        return j in self.anchor_at or is_person(self.tokens[j])

    def same_clause(self, i: int, j: int) -> bool:
        return 0 <= j < len(self.tokens) and self.clause[i] == self.clause[j]

    def word(self, i: int) -> str:
        return self.tokens[i].text


def is_person(tok: Token) -> bool:
    """Is the token a person noun in the singular («ضابط»، «الضابط»، «جندياً»)?"""
    singular = person_nouns().singular
    for w in (tok.text, tok.stem, tok.text[1:] if tok.text[:1] in "وبلف" else ""):
        if w in singular or (w.endswith("ا") and w[:-1] in singular):
            return True
    return False


_POSSESSIVE = ("هما", "هم", "ها", "ه", "كما", "كم", "نا")


def possessed_people(tok: Token) -> int:
    """How many people a person noun with a possessive pronoun is: «وزوجته», «ونجله»
    (his wife, his son) 1; the dual «وطفليها», «ابنيه», «شقيقيهما» (her/his two
    ...), which loses its ن before the pronoun, 2; anything else 0."""
    singular = person_nouns().singular

    def person(stem: str) -> bool:
        return stem in singular or (stem.endswith("ت") and stem[:-1] + "ه" in singular)

    w = tok.text[1:] if tok.text[:1] == "و" else tok.text
    for suffix in _POSSESSIVE:
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)]
            if stem.endswith("ي") and person(stem[:-1]):
                return 2
            if person(stem):
                return 1
    return 0


def find_casualties(norm: str, start: int = 0, end: int | None = None) -> list[Casualty]:
    """Every casualty statement in norm[start:end], in text order."""
    end = len(norm) if end is None else end
    s = _Sentence(norm, start, end)
    out: list[Casualty] = []
    for i in sorted(s.anchor_at):
        if i in s.claimed:
            continue
        last, anchors, a_start = s.anchor_at[i]
        roles = {a.role for a in anchors}
        if roles == {"closing"}:
            continue
        if _negated(s, i):
            _claim_negated(s, i, last)
            continue
        if "victim" in roles and "event" not in roles:
            out.extend(_victim_noun(s, i, last, a_start, next(a for a in anchors if a.role == "victim")))
        elif "pronoun" in roles:
            a = next(a for a in anchors if a.role == "pronoun")
            e = s.tokens[last].end
            out.append(Casualty(a_start, e, norm[a_start:e], a.kind, a.pronoun_count, False, None, None, None))
        elif "confirm" in roles:
            out.extend(_confirmed(s, i, last, a_start, anchors[0].kind))
        else:
            found = _event_or_verb(s, i, last, a_start, anchors)
            out.extend(found)
            if len(found) == 1 and found[0].count and found[0].qualifier != "joint":
                out.extend(_elliptical(s, found[0]))
    out.sort(key=lambda c: (c.start, KINDS.index(c.kind)))
    return out


# Words from the end of a casualty phrase to an elliptical count («... في الرمادي و7 في الفلوجة»).
_ELLIPSIS_WORDS = 5


def _elliptical(s: _Sentence, c: Casualty) -> list[Casualty]:
    """«مقتل 3 مسلحين في الرمادي و7 في الفلوجة», «قتل 3 في الرمادي و7 آخرون في
    الفلوجة»: a count joined by و after the place of a casualty phrase, with no
    casualty word of its own, is more dead of the same kind counted elsewhere
    (a phrase of its own, not added to the first count)."""
    lex = _lexicon()
    n = len(s.tokens)
    out: list[Casualty] = []
    last = s.index(c.end - 1)
    j, seen = last + 1, 0
    while j < n and seen < _ELLIPSIS_WORDS and s.same_clause(last, j):
        if j in s.claimed or (j in s.anchor_at and not _is_closing(s, j)):
            break
        w = s.word(j)
        k = j + 1 if w == "و" else j
        more = s.count_start.get(k) if w[:1] == "و" else None
        if more is not None and (w == "و" or more.start > s.tokens[j].start) and not more.noun \
                and k not in s.claimed and _ellipsis_follows(s, more.last, lex):
            e = s.tokens[more.last].end
            out.append(Casualty(more.start, e, s.norm[more.start:e], c.kind, more.value, more.approx,
                                None, None, None, more.qualifier))
            s.claimed.update(range(j, more.last + 1))
            last, j, seen = more.last, more.last + 1, 0
            continue
        j += 1
        seen += 1
    return out


def _ellipsis_follows(s: _Sentence, i: int, lex: _Lexicon) -> bool:
    """After an elliptical count: a place or group («في الفلوجة», «من الجنود»,
    «آخرون في»), and no casualty word of its own in the next words («و7 أصيبوا»)."""
    n = len(s.tokens)
    j = i + 1
    if j < n and s.word(j) in lex.others:
        j += 1
    if j >= n or not s.same_clause(i, j) or s.word(j) not in ("في", "من", "ب", "بين"):
        return False
    return not any(t in s.anchor_at for t in range(i + 1, min(n, i + 5)) if s.same_clause(i, t))


def _is_closing(s: _Sentence, j: int) -> bool:
    """Is token j a closing word of «لقي … حتفه/مصرعه»?"""
    return any(a.role == "closing" for a in s.anchor_at[j][1])


def _negated(s: _Sentence, i: int) -> bool:
    negations = _lexicon().negations
    for j in range(i - 1, max(-1, i - 1 - _NEGATION_WINDOW), -1):
        if not s.same_clause(i, j):
            break
        if j in s.in_count:
            continue  # «ما لا يقل عن 10 قتلى»: the «لا» of a qualifier
        w = s.word(j)
        if w in negations or (w[:1] in "وف" and w[1:] in negations):
            return True
    return False


def _claim_negated(s: _Sentence, i: int, last: int) -> None:
    """«لم ترد تقارير عن سقوط قتلى أو جرحى»: the joined words are negated too."""
    s.claimed.update(range(i, last + 1))
    j = last + 1
    while j < len(s.tokens) and s.same_clause(i, j):
        if s.word(j) == "او" and j + 1 in s.anchor_at:
            j += 1
        if j in s.anchor_at and (s.word(j)[:1] in "وا" or s.word(j - 1) == "او"):
            j_last = s.anchor_at[j][0]
            s.claimed.update(range(j, j_last + 1))
            j = j_last + 1
        else:
            return


def _forward_count(s: _Sentence, i: int, limit: int = _FORWARD) -> _Count | None:
    """The first count after token i-1, before another casualty word or clause end."""
    for j in range(i, min(len(s.tokens), i + limit)):
        if not s.same_clause(i, j) or j in s.claimed or j in s.subset_at:
            return None
        cnt = s.count_start.get(j)
        if cnt is not None:
            return cnt
        if j in s.anchor_at and not _is_closing(s, j):
            return None
        t = s.tokens[j]
        if j - i < 3 and is_person(t):
            return _Count(1, False, None, j, j, t.start, t.end, noun=True)
        if j == i and t.text in _OTHERS_COUNT:
            # «وإصابة آخر» is one more, «وإصابة آخرين» an unknown number.
            value = _OTHERS_COUNT[t.text]
            return _Count(value, value == 0, "unknown" if value == 0 else None, j, j, t.start, t.end)
    return None


def _backward_count(s: _Sentence, i: int, reach: int = _BACKWARD) -> _Count | None:
    """The nearest count before token i whose noun phrase is the subject
    («8 مدنيين قتلوا»), or a lone person right after «أن/إن» («أن جندياً في
    الحلف قتل»). `reach` is how many words back the subject may start."""
    for j in range(i - 1, max(-1, i - 1 - reach), -1):
        if not s.same_clause(i, j) or j in s.claimed or j in s.anchor_at:
            return None
        cnt = s.count_end.get(j)
        if cnt is not None:
            return cnt
        if i - j <= 4 and j > 0 and s.word(j - 1) in ("ان", "بان", "لان") and is_person(s.tokens[j]):
            t = s.tokens[j]
            return _Count(1, False, None, j, j, t.start, t.end, noun=True)
    return None


@dataclass(slots=True)
class _Victim:
    start: int | None
    end: int | None
    last: int  # last token index used (count, noun or victim)
    extra: int  # coordinated people («ضابطا شرطة ومجند ومسلح» → +2)
    others: bool


def _victims(s: _Sentence, cnt: _Count, kind: str, limit: int = 7) -> _Victim:
    """Who the count is: the words after it, up to a stop word, another
    casualty word or the clause end; coordinated people add to the count."""
    lex = _lexicon()
    j = cnt.last + 1
    n = len(s.tokens)
    last = cnt.last
    # «58 قتيلاً»: the victim noun right after the count belongs to it.
    if j < n and j in s.anchor_at and s.same_clause(cnt.last, j):
        a_last, anchors, _ = s.anchor_at[j]
        if any(a.role == "victim" and a.kind == kind for a in anchors):
            s.claimed.update(range(j, a_last + 1))
            last, j = a_last, a_last + 1
    if j < n and s.same_clause(cnt.last, j) and s.word(j) in lex.others:
        # «اثنان آخران وضابط شرطة»: the others may still be joined by more.
        extra, k = 0, j + 1
        while k < n and s.same_clause(j, k) and s.word(k)[:1] == "و" and k not in s.anchor_at:
            more = s.count_start.get(k)
            if more is not None and not _other_kind_after(s, more.last, kind):
                extra += more.value
                s.claimed.update(range(k, more.last + 1))
                k = more.last + 1
            elif is_person(s.tokens[k]):
                extra += 1
                k += 1
                while k < n and s.same_clause(j, k) and s.tokens[k].text in person_nouns().construct_heads:
                    k += 1
            else:
                break
        return _Victim(None, None, k - 1, extra, True)
    # «مقتل 12 منهم»: «of them» names the group already spoken of; it opens
    # a subset only when a count follows («93 قتيلاً منهم 24 طفلاً»).
    if j < n and s.word(j) in ("منهم", "منهن") and s.same_clause(cnt.last, j):
        if not (s.count_start.get(j + 1) or (j + 1 < n and is_person(s.tokens[j + 1]))):
            return _Victim(None, None, j, 0, False)
    # Leading «من» / «في صفوف» introduce the group.
    if j < n and s.word(j) == "من" and s.same_clause(cnt.last, j):
        j += 1
    elif j + 1 < n and s.word(j) in ("في", "بين") and s.word(j + 1) == "صفوف":
        j += 2
    first = j
    extra = 0
    end_tok = None
    while j < n and j - first < limit and s.same_clause(cnt.last, j):
        if j in s.claimed or j in s.subset_at or "(" in s.norm[s.tokens[j - 1].end : s.tokens[j].start]:
            break  # an aside in brackets («الطفل محمد (5 سنوات)») is not the group
        if j in s.anchor_at and not _is_closing(s, j):
            break
        w = s.word(j)
        if w in lex.stops or w == "او" or (w[:1] == "و" and w[1:] in lex.stops):
            break
        # Coordinated people: «ومجند»، «وطفلين»، «و3 مدنيين».
        if w[:1] == "و" or w == "و":
            k = j + 1 if w == "و" else j
            more = s.count_start.get(k)
            if more is not None and w != "و" and more.start == s.tokens[j].start:
                more = None  # «واحدة» is one word, not و + a count
            if more is not None and _other_kind_after(s, more.last, kind):
                break  # «58 قتيلاً و78 جريحاً»: the next count is another kind
            if more is not None:
                extra += more.value
                s.claimed.update(range(k, more.last + 1))
                end_tok = j = more.last
                j += 1
                continue
            if w != "و" and is_person(s.tokens[j]):
                extra += 1
            elif w != "و":
                extra += possessed_people(s.tokens[j])  # «امرأة وطفليها»: she and her two children
        end_tok = j
        j += 1
    while j < n and not s.same_clause(cnt.last, j):
        # «استشهاد 12 من رجال الأمن، وثلاثة من العاملين»: a list goes on after a comma.
        more = _comma_joined(s, j, kind)
        if more is None:
            break
        extra += more.value
        s.claimed.update(range(j, more.last + 1))
        end_tok = j = more.last
        j += 1
    if cnt.noun and (end_tok is None or end_tok < first):
        return _Victim(cnt.start, cnt.end, last, extra, False)
    if end_tok is None or end_tok < first:
        return _Victim(None, None, last, extra, False)
    vs = cnt.start if cnt.noun else s.tokens[first].start
    return _Victim(vs, s.tokens[end_tok].end, end_tok, extra, False)


def _comma_joined(s: _Sentence, j: int, kind: str) -> _Count | None:
    """The count of «، وثلاثة من العاملين» / «، و3 مدنيين» after a list item: token j
    opens a clause after a comma with و and a count of people, and its clause
    reports nothing else (no casualty word: «، وأصيب 3»، «، و3 آخرين بجروح» are not
    more of the same)."""
    if "،" not in s.norm[s.tokens[j - 1].end : s.tokens[j].start] and \
            "," not in s.norm[s.tokens[j - 1].end : s.tokens[j].start]:
        return None
    w = s.word(j)
    if w[:1] != "و" or j in s.claimed:
        return None
    k = j + 1 if w == "و" else j
    more = s.count_start.get(k)
    if more is None or (w != "و" and more.start == s.tokens[j].start) or more.approx:
        return None  # «واحدة» is one word; «، وعشرات ...» is no figure of the list
    nxt = more.last + 1
    lex = _lexicon()
    if nxt >= len(s.tokens) or not s.same_clause(j, nxt) or s.word(nxt) in lex.others or (
            s.word(nxt) != "من" and s.word(nxt) in lex.stops):
        return None
    t = nxt
    while t < len(s.tokens) and s.same_clause(j, t):
        if t in s.anchor_at and not _is_closing(s, t):
            return None
        t += 1
    return more


def _other_kind_after(s: _Sentence, i: int, kind: str) -> bool:
    j = i + 1
    if j in s.anchor_at:
        return any(a.kind != kind for a in s.anchor_at[j][1])
    return False


def _others_after(s: _Sentence, cnt: _Count) -> bool:
    j = cnt.last + 1
    return j < len(s.tokens) and s.word(j) in _lexicon().others


def _at_least_after(s: _Sentence, i: int) -> int | None:
    """Token index ending «على الأقل» right after token i, else None."""
    if i + 2 < len(s.tokens) and s.word(i + 1) == "علي" and s.word(i + 2) == "الاقل" and s.same_clause(i, i + 2):
        return i + 2
    return None


def _claim_subset(s: _Sentence, i: int) -> None:
    """After a count: «بينهم ضابط»، «منهم 24 طفلاً» are already counted."""
    for j in range(i + 1, min(len(s.tokens), i + 4)):
        if not s.same_clause(i, j):
            return
        if j in s.subset_at:
            k = j
            while k < len(s.tokens) and s.same_clause(i, k):
                if k in s.anchor_at and k > j and any(a.role != "victim" for a in s.anchor_at[k][1]):
                    break
                s.claimed.add(k)
                k += 1
            return


_UNSET = "\0unset"


def _make(
    s: _Sentence, kind: str, a_start: int, a_end: int, cnt: _Count | None, victim: _Victim | None,
    count: int | None = None, approx: bool | None = None, qualifier: str | None = _UNSET,
) -> Casualty:
    starts = [a_start] + ([cnt.start] if cnt else []) + ([victim.start] if victim and victim.start is not None else [])
    ends = [a_end] + ([cnt.end] if cnt else []) + ([victim.end] if victim and victim.end is not None else [])
    if victim is not None:
        ends.append(s.tokens[victim.last].end)
    if cnt is not None:
        value = cnt.value + (victim.extra if victim else 0)
        approx_v, qual = cnt.approx, cnt.qualifier
        tail = victim.last if victim else cnt.last
        al = _at_least_after(s, tail)
        if al is not None:
            approx_v, qual = True, "at_least"
            ends.append(s.tokens[al].end)
            s.claimed.update(range(tail + 1, al + 1))
    else:
        value, approx_v, qual = 0, True, "unknown"
    if count is not None:
        value = count
    if approx is not None:
        approx_v = approx
    if qualifier != _UNSET:
        qual = qualifier
    st, en = min(starts), max(ends)
    v = victim if victim and victim.start is not None else None
    return Casualty(
        st, en, s.norm[st:en], kind, value, approx_v,
        s.norm[v.start : v.end] if v else None, v.start if v else None, v.end if v else None, qual,
    )


def _use(s: _Sentence, cnt: _Count, kind: str) -> _Victim:
    s.claimed.update(range(cnt.first, cnt.last + 1))
    # «استشهاد (15) خمسة عشر»: the same figure restated in words.
    nxt = s.count_start.get(cnt.last + 1)
    if nxt is not None and nxt.value == cnt.value and not nxt.approx:
        s.claimed.update(range(nxt.first, nxt.last + 1))
        cnt.last, cnt.end = nxt.last, nxt.end
    victim = _victims(s, cnt, kind)
    _claim_subset(s, victim.last)
    return victim


def _event_or_verb(s: _Sentence, i: int, last: int, a_start: int, anchors: tuple[_Anchor, ...]) -> list[Casualty]:
    kind = anchors[0].kind
    a_end = s.tokens[last].end
    s.claimed.update(range(i, last + 1))
    tok = s.tokens[i]
    written_article = s.norm.startswith("ال", a_start) or (a_start - tok.start >= 2 and s.norm[a_start - 2 : a_start] == "لل")
    if written_article and not anchors[0].head.startswith("ال"):
        return []  # «عمليات القتل»، «حملة الاعتقال»: the deed in general, no one counted
    # After a preposition or with «ب/ل» the word is a noun («أقدم على قتل»،
    # «بقتل»): its count follows, it never has a subject before it.
    noun_reading = (i > 0 and s.word(i - 1) in _PREPOSITIONS) or s.norm[tok.start] in "بل" and a_start > tok.start
    subject_first = any(a.subject_first for a in anchors)
    # «وقتلوا 3 جنود»: a count right after the verb is its object (they killed 3),
    # not a subject before it («هاجم 4 مسلحين ... وقتلوا» counts the attackers).
    object_next = last + 1 in s.count_start and s.same_clause(i, last + 1) and \
        s.count_start[last + 1].start == s.tokens[last + 1].start  # not «قتلوا ومئات جرحوا»
    cnt = _backward_count(s, i) if subject_first and not object_next else None
    joint: list[str] = []
    if cnt is None:
        # «مقتل وإصابة العشرات»، «قتل وجرح فيها العشرات»: two kinds share
        # one count that says how many of each it is not.
        j = last + 1
        if j in s.anchor_at and s.word(j)[:1] == "و" and s.same_clause(i, j):
            j_last, j_anchors, _ = s.anchor_at[j]
            other = j_anchors[0]
            if other.kind != kind and other.role in ("event", "verb"):
                shared = _forward_count(s, j_last + 1)
                # «أن شرطياً قتل وأصيب آخر»: «آخر» counts the wounded against the
                # dead named before, it is no count shared by both.
                if shared is not None and shared.qualifier != "unknown" and not _others_after(s, shared) \
                        and s.word(shared.first) not in _OTHERS_COUNT:
                    joint.append(other.kind)
                    s.claimed.update(range(j, j_last + 1))
                    last = j_last
        cnt = _forward_count(s, last + 1)
    if cnt is None and any(a.role == "verb" for a in anchors) and not noun_reading:
        # A verb that usually comes first («قتل 5») has its subject before it
        # only when that subject is short and next to it («أحد المهاجمين قتل»).
        cnt = _backward_count(s, i, _BACKWARD if subject_first else _SHORT_SUBJECT)
    if cnt is None:
        return []
    victim = _use(s, cnt, kind)
    if cnt.first < i:
        # The subject came first: the victims are the words between.
        between = (cnt.first if cnt.noun else cnt.last + 1, i - 1)
        if between[0] <= between[1]:
            victim = _Victim(s.tokens[between[0]].start, s.tokens[between[1]].end, victim.last, victim.extra, False)
        victim.last = max(victim.last, last)
        cnt = _joined_before(s, cnt)
    if joint:
        out = [_make(s, kind, a_start, a_end, cnt, victim, count=0, approx=True, qualifier="joint")]
        for other_kind in joint:
            out.append(_make(s, other_kind, a_start, a_end, cnt, victim, count=0, approx=True, qualifier="joint"))
        return out
    return [_make(s, kind, a_start, a_end, cnt, victim)]


def _joined_before(s: _Sentence, cnt: _Count) -> _Count:
    """«أن جندياً من قواته وثمانية مقاولين أفغان قتلوا»: people joined by و
    before a subject-first count are counted with it (1 + 8)."""
    while True:
        tok = s.tokens[cnt.first]
        glued = cnt.start > tok.start and s.norm[tok.start] == "و"
        alone = cnt.first > 0 and s.word(cnt.first - 1) == "و"
        if not (glued or alone):
            return cnt
        k = cnt.first - (2 if alone else 1)
        if k < 0 or not s.same_clause(cnt.first, k) or k in s.claimed or k in s.anchor_at:
            return cnt
        # The joined item may be followed by its own words («جندياً من قواته»).
        for back in range(k, max(-1, k - 4), -1):
            if back in s.claimed or back in s.anchor_at or not s.same_clause(cnt.first, back):
                return cnt
            prev = s.count_end.get(back)
            if prev is not None:
                value = prev.value
                first, start = prev.first, prev.start
                approx = cnt.approx or prev.approx
                break
            if is_person(s.tokens[back]):
                value, first, start, approx = 1, back, s.tokens[back].start, cnt.approx
                break
        else:
            return cnt
        s.claimed.update(range(first, cnt.first))
        cnt = _Count(cnt.value + value, approx, cnt.qualifier, first, cnt.last, start, cnt.end, cnt.noun)


def _confirmed(s: _Sentence, i: int, last: int, a_start: int, kind: str) -> list[Casualty]:
    """«لقي 22 متمرداً مصرعهم»، «خمسة مسلحين … لقوا مصرعهم»، «لقي شخص حتفه»."""
    closing = None
    for j in range(last + 1, min(len(s.tokens), last + 1 + _FORWARD + 2)):
        if not s.same_clause(i, j):
            break
        if j in s.anchor_at and _is_closing(s, j):
            closing = j
            break
    if closing is None:
        return []
    close_anchor = next(a for a in s.anchor_at[closing][1] if a.role == "closing")
    s.claimed.update(range(i, last + 1))
    s.claimed.add(closing)
    cnt = _forward_count(s, last + 1, limit=closing - last - 1)
    if cnt is not None and cnt.first > closing:
        cnt = None
    if cnt is None:
        cnt = _backward_count(s, i)
        if cnt is not None:
            victim = _use(s, cnt, kind)
            if cnt.last + 1 <= i - 1:
                victim = _Victim(s.tokens[cnt.last + 1].start, s.tokens[i - 1].end, closing, 0, False)
            victim.last = closing
            return [_make(s, kind, a_start, s.tokens[last].end, cnt, victim)]
    if cnt is None:
        e = s.tokens[closing].end
        if close_anchor.pronoun_count:
            return [_make(s, kind, a_start, e, None, None, count=close_anchor.pronoun_count, approx=False, qualifier=None)]
        return [_make(s, kind, a_start, e, None, None)]
    victim = _use(s, cnt, kind)
    if victim.end is not None and victim.end > s.tokens[closing].start:
        victim.end = s.tokens[closing - 1].end if closing - 1 > cnt.last else None
        if victim.end is None:
            victim.start = None
    victim.last = max(victim.last, closing)
    return [_make(s, kind, a_start, s.tokens[closing].end, cnt, victim)]


def _victim_noun(s: _Sentence, i: int, last: int, a_start: int, anchor: _Anchor) -> list[Casualty]:
    """«ثلاثة قتلى»، «عشرات الجرحى»، «جثتين»، «سقوط قتلى وجرحى»، «عدد القتلى بلغ 1332»."""
    kind = anchor.kind
    tok = s.tokens[i]
    a_end = s.tokens[last].end
    s.claimed.update(range(i, last + 1))
    prev = s.word(i - 1) if i > 0 else ""
    cnt = s.count_end.get(i - 1) if i > 0 and s.same_clause(i, i - 1) and (i - 1) not in s.claimed else None
    own = s.count_start.get(i)  # a dual victim noun counts itself: «قتيلين»
    if cnt is None and own is not None:
        cnt = own
    after = s.count_start.get(last + 1)
    if cnt is None and after is not None and s.same_clause(i, last + 1) and not after.noun:
        # «جثث 5 أشخاص»، «جثامين ثلاثة منهم»: the noun governs the count after it.
        victim = _use(s, after, kind)
        return [_make(s, kind, a_start, a_end, after, victim)]
    if cnt is None and prev in ("عدد", "حصيله", "اجمالي", "مجموع"):
        # «عدد القتلى بلغ 1332 عراقياً»: the figure comes after the noun.
        cnt = _forward_count(s, last + 1, limit=6)
        if cnt is None:
            return []
        victim = _use(s, cnt, kind)
        return [_make(s, kind, a_start, a_end, cnt, victim)]
    # The victims are read after the noun: count and noun act as one count.
    if cnt is not None:
        through_noun = _Count(cnt.value, cnt.approx, cnt.qualifier, cnt.first, last, cnt.start, max(cnt.end, a_end))
        victim = _use(s, through_noun, kind)
    else:
        victim = _victims(s, _Count(0, True, None, i, last, tok.start, a_end), kind)
    # «عشرات القتلى والجرحى»، «بين قتيل وجريح»: one figure for two kinds.
    nxt = s.anchor_at.get(last + 1)
    if nxt is not None and s.word(last + 1)[:1] == "و" and any(
        a.role == "victim" and a.kind != kind for a in nxt[1]
    ) and (last + 1) not in s.count_start:
        other = next(a for a in nxt[1] if a.role == "victim")
        s.claimed.update(range(last + 1, nxt[0] + 1))
        if cnt is None and prev != "بين" and (_has_article(tok) or not _cued(s, i)):
            return []  # «أسر الشهداء والجرحى»: the dead and wounded in general
        e = s.tokens[nxt[0]].end
        victim = _victims(s, _Count(0, True, None, last + 1, nxt[0], tok.start, e), kind)
        if cnt is None and prev != "بين":
            qualifier = "unknown"
        else:
            qualifier = "joint"
        return [
            _make(s, kind, a_start, e, None, victim, count=0, approx=True, qualifier=qualifier),
            _make(s, other.kind, a_start, e, None, victim, count=0, approx=True, qualifier=qualifier),
        ]
    if cnt is not None:
        return [_make(s, kind, a_start, a_end, cnt, victim)]
    # No figure: a singular noun is one person («سقوط قتيل»), unless it
    # refers back («الضابط القتيل»); a plural is an unknown number.
    if _has_article(tok):
        # «الضابط القتيل»، «الأسرى»، «المصابين»: a group named before.
        return []
    if _singular_victim(tok):
        if prev in _lexicon().determiners:
            return []  # «عدم خروج أي مصاب»: any injured person, not one
        if kind not in ("killed", "injured"):
            return []  # «شاب نازح من حمص» describes a person, it reports nothing
        return [_make(s, kind, a_start, a_end, None, victim, count=1, approx=False, qualifier=None)]
    if kind not in ("killed", "injured") or not _cued(s, i):
        return []  # «قائمة شهداء الوطن»، «أسرى إيرانيين»: a bare plural reports a count only after «سقوط/أوقع…»
    return [_make(s, kind, a_start, a_end, None, victim)]


def _has_article(tok: Token) -> bool:
    return tok.clitics.endswith(("ال", "لل")) or tok.text.startswith("ال")


def _cued(s: _Sentence, i: int) -> bool:
    cues = _lexicon().unknown_cues
    if i == 0 or "\n" in s.norm[s.tokens[i - 1].end : s.tokens[i].start]:
        return True  # a headline: «قتلى وجرحى في قصف على حلب»
    for j in range(i - 1, max(-1, i - 4), -1):
        if not s.same_clause(i, j):
            return False
        w = s.word(j)
        if w in cues or (w[:1] in "وف" and w[1:] in cues):
            return True
    return False


def _singular_victim(tok: Token) -> bool:
    singular = person_nouns().singular
    for w in (tok.stem, tok.text):
        if w in singular or (w.endswith("ا") and w[:-1] in singular):
            return True
    return False
