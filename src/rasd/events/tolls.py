"""Which event a casualty count belongs to (spec §1 fatalities).

A sentence's toll goes to its violent event; a count split over the places of
one sentence, a headline's toll that restates the body's, counts left out of a
toll («باستثناء»), a toll over a period and a killing an event answers («ردا
على مقتل») are decided here. The event stage (rasd.events.extract) calls these
while it assembles events sentence by sentence.
"""

from __future__ import annotations

import re
from typing import Any

from rasd.events import assemble as A
from rasd.events.facts import ArticleFacts
from rasd.text.casualties import (
    over_period,
    recalled,
    told_in_event_before,
    toll_exclusions,
)

# Event types whose events have a toll (spec §1 fatalities).
TOLLED = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests"})


def anchored_places(facts: ArticleFacts, s: Any, groups: list[Any], cand: A.Candidate) -> list[Any]:
    """The places of a candidate: those of its trigger, plus the nearest place of
    each generic attack word it absorbed, in text order."""
    places = A.event_places(facts, s, groups, cand.anchor.start)
    for trig in cand.co_anchors:
        for p in A.event_places(facts, s, groups, trig.start)[:1]:
            if all(p is not q for q in places):
                places.append(p)
    return sorted(places, key=lambda p: p.start) if cand.co_anchors else places


# Words from a casualty phrase to the place it happened in («مقتل 8 أشخاص ... في تكساس»).
_TOLL_PLACE_WORDS = 6


def toll_shares(facts: ArticleFacts, s: Any, cands: list[A.Candidate], groups: list[Any],
                 tolled: A.Candidate | None) -> dict[int, tuple[int, int]]:
    """Who gets which of the sentence's counts when it counts dead twice or more:
    a casualty phrase placed by the place right after it («مقتل 11 من داعش ... في
    مدينة الميادين ... وقتل 29 منهم ... في معسكر الكرين») belongs to the event at
    that place; one placed in another country or an unknown place where no event
    of the sentence is («مقتل 8 أشخاص في تكساس») to none; the rest to the
    sentence's first violent event. Empty (the
    first violent event takes all) when the sentence counts dead once."""
    counted = counted_casualties(facts, s)
    dead = [c for c in counted if getattr(c, "kind", "") == "killed"]
    violent = [c for c in cands if c.event_type in TOLLED]
    if tolled is None or not dead:
        return {}
    places = {id(c): anchored_places(facts, s, groups, c) for c in violent}
    left_out = _left_out(facts, counted, violent, places)
    title = s.index == 0 and s.paragraph == 0
    if len(dead) < 2 and not (title and len(violent) > 1) and not left_out:
        # One count in a body sentence is its first violent event's; a title of two
        # events («التحالف يقصف ... والمقاومة تقتل 5 في اشتباكات») gives it to the
        # event its clause names.
        return {}
    own_countries = {getattr(p, "country", None) for p in places[id(tolled)]} - {None}
    marks = sorted(counted, key=lambda c: c.start)
    given: dict[int, list[Any]] = {id(c): [] for c in violent}
    for c in counted:
        where = _casualty_place(facts, s, c, marks)
        # «قتل 29 آخرون في اشتباكات ...»: the event word right after the count is its cause.
        owner = _cause(facts, c, marks, violent)
        if owner is None and len(violent) > 1 and told_in_event_before(c):
            # «... كما اندلعت اشتباكات في الفلوجة قتل فيها 3 جنود»: the event just told.
            owner = _event_before(facts, c, violent)
        if owner is None and where is not None:
            owner = next((v for v in violent if any(
                q.start <= where.start < q.end or where.start <= q.start < where.end for q in places[id(v)])), None)
        if owner is not None and (id(c), id(owner)) in left_out:
            owner = None
        if owner is None and (id(c), id(tolled)) in left_out:
            # «مقتل 488 ... ولا تشمل هذه الحصيلة ضحايا العمليات العسكرية»: another
            # event of the sentence, or none, is counted.
            owner = next((v for v in violent if (id(c), id(v)) not in left_out), None)
            if owner is None:
                continue
        if owner is not None:
            given[id(owner)].append(c)
        elif where is None or getattr(where, "country", None) in own_countries:
            given[id(tolled)].append(c)
        # else: counted in another country, or at a place no gazetteer knows
        # («في محافظة تكساس الأمريكية»), where none of the sentence's events is
    if not left_out and not any(getattr(c, "kind", "") == "killed" for items in given.values() for c in items):
        return {}
    return {key: A.casualty_totals(items) for key, items in given.items()}


def in_title(c: A.Candidate) -> bool:
    """Is the mention in the article's first line (its title, or a lead with no title)?"""
    return c.sentence.index == 0 and c.sentence.paragraph == 0


def headline_toll(h: A.Candidate, body: A.Candidate) -> A.Candidate:
    """The headline summarises the body (spec §1: merge mentions): its toll restates
    the body's and never replaces one the body gives («8 مدنيين قتلوا» in the title,
    «جندياً من قواته وثمانية مقاولين أفغان قتلوا» in the lead: 9). A toll the title
    gave another kind of event («التحالف يقصف ... والمقاومة تقتل 5 في اشتباكات») is
    that event's, told in the body, not the bombing's. A first sentence that is no
    title (it ends with a full stop: the lead of an article with no title line)
    is one more mention, its toll weighed like any other (spec §1: the lowest)."""
    if h.sentence.text.rstrip().endswith((".", "!", "?", "؟")):
        return h
    if h.event_type != body.event_type:
        h.killed = h.injured = 0
    if body.killed:
        h.killed = 0
    if body.injured:
        h.injured = 0
    return h


def counted_casualties(facts: ArticleFacts, s: Any) -> list[Any]:
    """The sentence's casualties that count toward its events' tolls: not a statistic
    over a period («مقتل 37 مقاتلاً ... خلال شهر يوليو الفائت»). An earlier killing
    an event answers is left out of that event's toll by `_left_out`."""
    return [c for c in s.casualties if not over_period(facts.norm, c)]


def _left_out(facts: ArticleFacts, casualties: list[Any], violent: list[A.Candidate],
              places: dict[int, list[Any]]) -> set[tuple[int, int]]:
    """(casualty, event) pairs where the text leaves the event out of the toll: an
    exclusion («ولا تشمل هذه الحصيلة ضحايا», «باستثناء») between the count and the
    event's word or every place of the event; an earlier killing the event, told
    before it, answers («قصفت ... ردا على مقتل أحد جنودها»; but «على خلفية مقتل 32
    ... جراء تفجير انتحاري» is the bombing's own toll)."""
    rx = toll_exclusions()
    out: set[tuple[int, int]] = set()
    for c in casualties:
        earlier = recalled(facts.norm, c)
        for v in violent:
            t = v.anchor
            if earlier and t.start < c.start:
                out.add((id(c), id(v)))
                continue
            where = places.get(id(v)) or []
            if (t.start >= c.end and rx.search(facts.norm, c.end, t.start)) or (
                    where and all(p.start >= c.end and rx.search(facts.norm, c.end, p.start) for p in where)):
                out.add((id(c), id(v)))
    return out


# Words from a casualty phrase to the event word that caused it («قتل 29 آخرون في اشتباكات»).
_CAUSE_WORDS = 3
# A count's cause is in its own clause: «غارات على الرمادي تقتل 5 مدنيين.. واشتباكات في الفلوجة».
_CLAUSE_BREAK = re.compile(r"[.,;:?!\n،؛]")


def _cause(facts: ArticleFacts, c: Any, marks: list[Any], violent: list[A.Candidate]) -> A.Candidate | None:
    """The violent event whose trigger follows a casualty phrase within a few words."""
    nxt = next((m for m in marks if m.start >= c.end), None)
    best: tuple[int, A.Candidate] | None = None
    for v in violent:
        for t in v.triggers + v.co_anchors:
            if t.start < c.end or (nxt is not None and t.start > nxt.start):
                continue
            gap = facts.word_index(t.start) - facts.word_index(c.end - 1)
            if gap <= _CAUSE_WORDS and (best is None or gap < best[0]) and \
                    not _CLAUSE_BREAK.search(facts.norm, c.end, t.start):
                best = (gap, v)
    return best[1] if best else None


def _event_before(facts: ArticleFacts, c: Any, violent: list[A.Candidate]) -> A.Candidate | None:
    """The violent event whose word is nearest before a casualty phrase, in its clause."""
    best: tuple[int, A.Candidate] | None = None
    for v in violent:
        for t in v.triggers + v.co_anchors:
            if t.end <= c.start and not _CLAUSE_BREAK.search(facts.norm, t.end, c.start) and (
                    best is None or t.end > best[0]):
                best = (t.end, v)
    return best[1] if best else None


def _casualty_place(facts: ArticleFacts, s: Any, c: Any, marks: list[Any]) -> Any:
    """The place named right after a casualty phrase, before the next one, if any."""
    nxt = next((m for m in marks if m.start >= c.end), None)
    for p in sorted(s.places, key=lambda p: p.start):
        if p.start < c.end:
            continue
        if facts.word_index(p.start) - facts.word_index(c.end - 1) > _TOLL_PLACE_WORDS or (
                nxt is not None and nxt.start < p.start) or _CLAUSE_BREAK.search(facts.norm, c.end, p.start):
            return None
        return p
    return None
