"""Scoring system events against gold events, exactly as spec §4 says.

Pure functions over plain dataclasses: no I/O, no pipeline. `run.py` feeds
them; `report.py` prints what they compute.

When a system event matches a gold event (same article):
- type: the system's event_type is the gold's or one of its `alt_types`;
- date: the dates differ by at most one day, or by the gold's precision
  window when that is wider. Decided here (the spec leaves the windows
  open): time_precision 2 ("only the week or a range of days") allows ±7
  days; time_precision 3 ("only the month") allows any day of the gold's
  calendar month (and still ±1 day, for a month-end boundary). An event
  without a date never matches a dated one;
- place: both have coordinates → within 25 km (great-circle). If either side
  has no coordinates → both name the same admin1 (compared loosely, see
  `admin_key`, because transliterations differ: Al-Hasakeh / Al Hasakah).

Matching is one-to-one, closest first: every compatible (system, gold) pair
gets a distance (date difference in days, then km, then exact type before
alt type) and pairs are taken greedily from the closest. System events are
matched against required gold first; leftovers may then be absorbed by
optional gold, which makes them neither true nor false positives, while an
unfound optional gold event is not a miss.

Current and background events are scored apart: a system event only ever
matches gold of the same status (a system status other than "background"
counts as current).
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from rasd.geo import km_between
from rasd.model import Event

MAX_KM = 25.0  # spec §4: places within 25 km
DAY_TOLERANCE = 1  # spec §4: dates at most one day apart
WEEK_TOLERANCE = 7  # our reading of "the gold's precision window" for precision 2
NEAR_KM = 5.0  # the reported "share within 5 km"


@dataclass(slots=True)
class GoldEvent:
    """A gold annotation: an event plus what the annotator said about it."""

    event: Event
    optional: bool = False
    alt_types: tuple[str, ...] = ()
    gold_id: str = ""


@dataclass(slots=True)
class Pair:
    """A system event matched to a gold event, with how far apart they are."""

    system: Event
    gold: GoldEvent
    days: int  # absolute date difference
    km: float | None  # None when either side has no coordinates
    alt_type: bool  # matched through alt_types, not the gold event_type

    def sort_key(self) -> tuple[int, float, int, int]:
        # Closest first (days, then km); among equally close pairs, the more
        # alike first (exact type, then same sub-type), so two events at one
        # place and day are not paired crosswise.
        return (self.days, self.km if self.km is not None else MAX_KM, int(self.alt_type),
                int(self.system.sub_event_type != self.gold.event.sub_event_type))


@dataclass(slots=True)
class ArticleMatch:
    """The matching of one article's events of one status."""

    article_id: str
    status: str
    matched: list[Pair] = field(default_factory=list)  # true positives
    absorbed: list[Pair] = field(default_factory=list)  # system ↔ optional gold: not counted
    missed: list[GoldEvent] = field(default_factory=list)  # required gold not found (FN)
    spurious: list[Event] = field(default_factory=list)  # system events matching nothing (FP)
    optional_unfound: list[GoldEvent] = field(default_factory=list)  # neither way


@dataclass(slots=True)
class EventScores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    optional_found: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        # 2TP / (2TP + FP + FN) is the harmonic mean of P and R, and is 0 (not
        # undefined) for empty output against non-empty gold.
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    def add(self, match: ArticleMatch) -> None:
        self.tp += len(match.matched)
        self.fp += len(match.spurious)
        self.fn += len(match.missed)
        self.optional_found += len(match.absorbed)


@dataclass(slots=True)
class FieldScores:
    """How right the fields of matched events are (over true positives)."""

    matched: int
    sub_event_type_accuracy: float | None
    actor_accuracy: float | None
    date_exact_rate: float | None
    location_median_km: float | None
    location_within_5km: float | None
    location_measured: int  # pairs with coordinates on both sides
    fatalities_exact_rate: float | None


@dataclass(slots=True)
class ArticleFatalities:
    article_id: str
    system: int
    gold: int

    @property
    def abs_error(self) -> int:
        return abs(self.system - self.gold)


# ---------------------------------------------------------------- distances
def parse_day(value: str | date | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def date_compatible(system_date: str | date | None, gold_date: str | date | None,
                    gold_precision: int) -> int | None:
    """Days between the dates if they are close enough to match, else None."""
    sys_day, gold_day = parse_day(system_date), parse_day(gold_date)
    if sys_day is None or gold_day is None:
        return 0 if sys_day is None and gold_day is None else None
    days = abs((sys_day - gold_day).days)
    if days <= DAY_TOLERANCE:
        return days
    if gold_precision == 2 and days <= WEEK_TOLERANCE:
        return days
    if gold_precision >= 3 and (sys_day.year, sys_day.month) == (gold_day.year, gold_day.month):
        return days
    return None


def distance_km(a: Event, b: Event) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    return km_between(float(a.latitude), float(a.longitude),  # type: ignore[arg-type]
                      float(b.latitude), float(b.longitude))  # type: ignore[arg-type]


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)[\s\-']+")
_VOWELS = re.compile(r"[aeiouyw]")


_DIGRAPH = re.compile(r"(?:kh|dh|th|gh)")
_DIGRAPH_SOUND = {"kh": "k", "dh": "d", "th": "d", "gh": "g"}  # «ذي قار»: Dhi Qar, Thi Qar


def admin_key(name: str | None) -> str:
    """A spelling-tolerant key for an admin area's English name.

    Lower case, accents and the Arabic article dropped, then the consonant
    skeleton: "Al-Hasakeh", "Al Hasakah" and "Hasakah" all give "hskh".
    """
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower().strip()
    text = _ARTICLE.sub("", text)
    text = re.sub(r"(governorate|province|muhafazat)", "", text)
    text = re.sub(r"[^a-z]", "", text)
    # Transliterations differ in digraphs, q/c/k, doubled letters and a final -h
    # ("Taizz"/"Taiz", "Sa'dah"/"Saada", "Dhale"/"Ad Dali", "Soqatra"/"Socotra").
    text = _DIGRAPH.sub(lambda m: _DIGRAPH_SOUND[m.group(0)], text).replace("q", "k").replace("c", "k")
    text = re.sub(r"(.)\1+", r"\1", text)
    text = re.sub(r"(?<=[aei])h$", "", text)
    return text[:1] + _VOWELS.sub("", text[1:])


def place_compatible(system: Event, gold: Event) -> tuple[bool, float | None]:
    km = distance_km(system, gold)
    if km is not None:
        return km <= MAX_KM, km
    key = admin_key(system.admin1)
    return bool(key) and key == admin_key(gold.admin1), None


def candidate(system: Event, gold: GoldEvent) -> Pair | None:
    """The pair if the two events may match (spec §4), else None."""
    if system.event_type == gold.event.event_type:
        alt = False
    elif system.event_type in gold.alt_types:
        alt = True
    else:
        return None
    days = date_compatible(system.event_date, gold.event.event_date, gold.event.time_precision)
    if days is None:
        return None
    ok, km = place_compatible(system, gold.event)
    if not ok:
        return None
    return Pair(system=system, gold=gold, days=days, km=km, alt_type=alt)


# ---------------------------------------------------------------- matching
def match_greedy(system: Sequence[Event], gold: Sequence[GoldEvent]
                 ) -> tuple[list[Pair], list[Event], list[GoldEvent]]:
    """One-to-one, closest pair first. Returns (pairs, unmatched system, unmatched gold).

    Ties keep input order (the sort is stable), so results are reproducible.
    """
    pairs: list[tuple[tuple[int, float, int], int, int, Pair]] = []
    for i, sys_event in enumerate(system):
        for j, gold_event in enumerate(gold):
            pair = candidate(sys_event, gold_event)
            if pair is not None:
                pairs.append((pair.sort_key(), i, j, pair))
    pairs.sort(key=lambda item: (item[0], item[1], item[2]))
    used_sys: set[int] = set()
    used_gold: set[int] = set()
    taken: list[tuple[int, Pair]] = []
    for _key, i, j, pair in pairs:
        if i in used_sys or j in used_gold:
            continue
        used_sys.add(i)
        used_gold.add(j)
        taken.append((i, pair))
    taken.sort(key=lambda item: item[0])
    return ([p for _i, p in taken],
            [e for i, e in enumerate(system) if i not in used_sys],
            [g for j, g in enumerate(gold) if j not in used_gold])


def match_article(article_id: str, system: Iterable[Event], gold: Iterable[GoldEvent],
                  status: str = "current") -> ArticleMatch:
    """Match one article's events of one status: required gold first, then optional."""
    # A system event with a status outside the spec's two counts as current, so a
    # bug there shows up as false positives instead of vanishing from the figures.
    sys_events = [e for e in system if (e.status if e.status == "background" else "current") == status]
    gold_events = [g for g in gold if g.event.status == status]
    required = [g for g in gold_events if not g.optional]
    optional = [g for g in gold_events if g.optional]
    matched, leftover, missed = match_greedy(sys_events, required)
    absorbed, spurious, optional_unfound = match_greedy(leftover, optional)
    return ArticleMatch(article_id=article_id, status=status, matched=matched,
                        absorbed=absorbed, missed=missed, spurious=spurious,
                        optional_unfound=optional_unfound)


# ---------------------------------------------------------------- figures
def event_scores(matches: Iterable[ArticleMatch]) -> EventScores:
    scores = EventScores()
    for match in matches:
        scores.add(match)
    return scores


def scores_by_type(matches: Iterable[ArticleMatch]) -> dict[str, EventScores]:
    """P/R/F1 per event_type: a true positive or a miss counts under the gold's
    type, a false positive under the system's."""
    table: dict[str, EventScores] = {}
    for match in matches:
        for pair in match.matched:
            table.setdefault(pair.gold.event.event_type, EventScores()).tp += 1
        for gold in match.missed:
            table.setdefault(gold.event.event_type, EventScores()).fn += 1
        for event in match.spurious:
            table.setdefault(event.event_type, EventScores()).fp += 1
        for pair in match.absorbed:
            table.setdefault(pair.gold.event.event_type, EventScores()).optional_found += 1
    return dict(sorted(table.items()))


def actors_right(system: Event, gold: Event) -> bool:
    """Both sides right, order free (actor1/actor2 may be swapped)."""
    return sorted((system.actor1 or "", system.actor2 or "")) == sorted((gold.actor1 or "", gold.actor2 or ""))


def _rate(hits: int, total: int) -> float | None:
    return hits / total if total else None


def field_scores(pairs: Sequence[Pair]) -> FieldScores:
    n = len(pairs)
    kms = [p.km for p in pairs if p.km is not None]
    return FieldScores(
        matched=n,
        sub_event_type_accuracy=_rate(sum(p.system.sub_event_type == p.gold.event.sub_event_type
                                          for p in pairs), n),
        actor_accuracy=_rate(sum(actors_right(p.system, p.gold.event) for p in pairs), n),
        date_exact_rate=_rate(sum(p.days == 0 and p.system.event_date is not None for p in pairs), n),
        location_median_km=statistics.median(kms) if kms else None,
        location_within_5km=_rate(sum(km <= NEAR_KM for km in kms), len(kms)),
        location_measured=len(kms),
        fatalities_exact_rate=_rate(sum(int(p.system.fatalities or 0) == int(p.gold.event.fatalities or 0)
                                        for p in pairs), n),
    )


def article_fatalities(match: ArticleMatch, system: Iterable[Event]) -> ArticleFatalities:
    """Total fatalities over an article's current events, system vs gold.

    Gold total: required current gold events, plus the optional ones the
    system found (an optional event counts only when found, as in F1).
    System total: every current system event.
    """
    counted = [p.gold for p in match.matched] + match.missed + [p.gold for p in match.absorbed]
    gold_total = sum(int(g.event.fatalities or 0) for g in counted)
    return ArticleFatalities(article_id=match.article_id,
                             system=sum(int(e.fatalities or 0) for e in system if e.status != "background"),
                             gold=gold_total)


def mean_abs_error(rows: Sequence[ArticleFatalities]) -> float | None:
    return sum(r.abs_error for r in rows) / len(rows) if rows else None


# ---------------------------------------------------------------- a whole corpus
@dataclass(slots=True)
class ArticleOutcome:
    """Everything scored for one gold article."""

    article_id: str
    current: ArticleMatch
    background: ArticleMatch
    fatalities: ArticleFatalities
    system_events: list[Event]
    problem: str | None = None  # why the system produced nothing (extractor error, article absent)


@dataclass(slots=True)
class CorpusScores:
    articles: list[ArticleOutcome]
    current: EventScores
    background: EventScores
    fields: FieldScores
    fatalities_mae: float | None
    problems: int
    current_by_type: dict[str, EventScores] = field(default_factory=dict)  # articles the extractor failed on or that were absent


def score_article(article_id: str, system: Sequence[Event], gold: Sequence[GoldEvent],
                  problem: str | None = None) -> ArticleOutcome:
    current = match_article(article_id, system, gold, "current")
    background = match_article(article_id, system, gold, "background")
    return ArticleOutcome(article_id=article_id, current=current, background=background,
                          fatalities=article_fatalities(current, system),
                          system_events=list(system), problem=problem)


def score_corpus(outcomes: Sequence[ArticleOutcome]) -> CorpusScores:
    """Sum article outcomes into the figures of spec §4."""
    pairs = [p for o in outcomes for p in o.current.matched]
    return CorpusScores(
        articles=list(outcomes),
        current=event_scores(o.current for o in outcomes),
        background=event_scores(o.background for o in outcomes),
        fields=field_scores(pairs),
        fatalities_mae=mean_abs_error([o.fatalities for o in outcomes]),
        problems=sum(o.problem is not None for o in outcomes),
        current_by_type=scores_by_type(o.current for o in outcomes),
    )
