"""Cross-article dedup: reports of one event from different articles become one event.

Two per-article events are reports of the same event when (spec §1 "Merge"):
  - they have the same event_type (and, for Strategic developments and
    Violence against civilians, the same sub_event_type);
  - both dates are known and at most one day apart;
  - their places are within 10 km, or (without coordinates) the same named
    place in the same admin1; a report placed only at a country is never
    merged, and one placed only at a province (geo_precision 3) merges only
    with reports in the same province naming the same sides;
  - their actors are compatible: no side named differently by the two reports
    (an unnamed or unidentified side is compatible with any; for Battles the
    sides may be listed in either order);
  - they come from different articles (an article's own events were split on
    purpose by extraction).
Grouping is complete-linkage: an event joins a group only if it matches every
member, so chains (A~B, B~C, A≁C) never glue different events together.

The merged event takes the best-precision date and place among its reports,
the lowest reported fatalities (spec §1: when sources disagree, the lowest
reported figure; a report of 0 means "no figure" and is not counted), the
representative's evidence and notes, and every source. Everything here is pure
(no database); rasd.store.dedup_store persists groups with their reasons.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from rasd.geo import km_between
from rasd.model import Event

MAX_DAYS_APART = 1
MAX_KM_APART = 10.0
# Types whose sub-types are different kinds of thing (an arrest and a defused
# bomb; an abduction and a shooting), not different views of one thing (a
# strike one paper calls shelling and another an air strike).
SUB_TYPE_MUST_AGREE = frozenset({"Strategic developments", "Violence against civilians"})


@dataclass(slots=True)
class DedupGroup:
    members: list[Event]
    representative: Event
    reasons: dict[str, str] = field(default_factory=dict)  # member event_id -> why it is here

    @property
    def merged(self) -> bool:
        return len(self.members) > 1


def _day(event: Event) -> date | None:
    if not event.event_date:
        return None
    try:
        return date.fromisoformat(event.event_date[:10])
    except ValueError:
        return None


def _known(actor: str | None) -> str | None:
    """An actor name that identifies a side; unnamed or unidentified sides identify none."""
    if not actor or actor.startswith("Unidentified"):
        return None
    return actor


def _place_key(event: Event) -> str:
    name = event.location_ar or event.location or ""
    return "".join(name.split()).lower()


def match(a: Event, b: Event) -> str | None:
    """Why a and b report the same event, or None when they may not."""
    if a.article_id == b.article_id:
        return None
    if a.event_type != b.event_type:
        return None
    if a.event_type in SUB_TYPE_MUST_AGREE and a.sub_event_type != b.sub_event_type:
        return None
    da, db = _day(a), _day(b)
    if da is None or db is None or abs((da - db).days) > MAX_DAYS_APART:
        return None
    days = abs((da - db).days)
    if _country_only(a) or _country_only(b):
        return None  # "in Syria": too vague to say two reports are one event
    place = _place_reason(a, b)
    if place is None:
        return None
    if a.geo_precision >= 3 or b.geo_precision >= 3:
        # A province's centre is not a place: two province-level reports are
        # one event only in the same province with the same named sides.
        if not a.admin1 or a.admin1 != b.admin1:
            return None
        actors = _same_named_sides(a, b)
        place = f"same province ({a.admin1}), province-level place"
    else:
        actors = _actor_reason(a, b)
    if actors is None:
        return None
    when = "same day" if days == 0 else f"{days} day apart"
    return f"same {a.event_type}; {when} ({a.event_date} / {b.event_date}); {place}; {actors}"


def _place_reason(a: Event, b: Event) -> str | None:
    if None not in (a.latitude, a.longitude, b.latitude, b.longitude):
        # 10 km is under 0.1 degree of latitude: most pairs are ruled out before haversine.
        if abs(a.latitude - b.latitude) > MAX_KM_APART / 110.0:  # type: ignore[operator]
            return None
        km = km_between(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
        if km <= MAX_KM_APART:
            return f"{km:.1f} km apart ({_names(a, b)})"
        return None
    if (_place_key(a) and _place_key(a) == _place_key(b) and a.country == b.country
            and (a.admin1 or "") == (b.admin1 or "")):
        return f"same place, no coordinates ({_names(a, b)}, {a.admin1 or a.country})"
    return None


def _names(a: Event, b: Event) -> str:
    return f"{a.location or a.location_ar or '?'} / {b.location or b.location_ar or '?'}"


def _country_only(event: Event) -> bool:
    return event.geo_precision >= 3 and not event.admin1


def _same_named_sides(a: Event, b: Event) -> str | None:
    sides_a = {s for s in (_known(a.actor1), _known(a.actor2)) if s}
    sides_b = {s for s in (_known(b.actor1), _known(b.actor2)) if s}
    if not sides_a or sides_a != sides_b:
        return None
    if a.event_type != "Battles" and (_known(a.actor1) != _known(b.actor1)):
        return None
    return "same named sides (" + ", ".join(sorted(sides_a)) + ")"


def _actor_reason(a: Event, b: Event) -> str | None:
    a1, a2, b1, b2 = _known(a.actor1), _known(a.actor2), _known(b.actor1), _known(b.actor2)

    def agree(x: str | None, y: str | None) -> bool:
        return x is None or y is None or x == y

    if agree(a1, b1) and agree(a2, b2):
        sides = sorted({s for s in (a1, a2, b1, b2) if s})
        return "actors compatible (" + (", ".join(sides) or "none named") + ")"
    if a.event_type == "Battles" and agree(a1, b2) and agree(a2, b1):
        sides = sorted({s for s in (a1, a2, b1, b2) if s})
        return "actors compatible, sides in the other order (" + ", ".join(sides) + ")"
    return None


def _quality(event: Event) -> tuple:
    """Lower is better: precise place and date first, then confidence, then a stable id."""
    return (event.geo_precision + event.time_precision, event.geo_precision,
            event.time_precision, -float(event.confidence), event.event_id)


# Blocking: a group is filed under (event_type, day, place cell) for each member,
# where a place cell is a 0.2-degree grid square (wider than 10 km up to 60
# degrees of latitude, so two events within 10 km sit in neighbouring squares)
# or, for matching by name, the place's name. An event looks only in the
# squares around it and under its own name, never at every event of the day.
_CELL_DEGREES = 0.2


def _cells(event: Event, around: bool) -> list[tuple]:
    keys: list[tuple] = []
    if event.latitude is not None and event.longitude is not None:
        row, col = int(event.latitude // _CELL_DEGREES), int(event.longitude // _CELL_DEGREES)
        spread = (-1, 0, 1) if around else (0,)
        keys += [("cell", row + dr, col + dc) for dr in spread for dc in spread]
    if _place_key(event):
        keys.append(("name", _place_key(event), event.country, event.admin1 or ""))
    return keys


def group_events(events: list[Event]) -> list[DedupGroup]:
    """Partition events into groups of reports of one event (singletons included)."""
    ordered = sorted(events, key=lambda e: (e.event_type, e.event_date or "", e.event_id))
    groups: list[DedupGroup] = []
    open_groups: dict[tuple, list[DedupGroup]] = defaultdict(list)
    reasons: dict[int, dict[str, str]] = {}
    for event in ordered:
        day = _day(event)
        best: tuple[float, DedupGroup, str] | None = None
        if day is not None:
            seen: set[int] = set()
            for offset in range(-MAX_DAYS_APART, MAX_DAYS_APART + 1):
                for cell in _cells(event, around=True):
                    for group in open_groups.get((event.event_type, day.toordinal() + offset, cell), ()):
                        if id(group) in seen:
                            continue
                        seen.add(id(group))
                        why = _joins(event, group)
                        if why is None:
                            continue
                        score = _distance_score(event, group)
                        if best is None or score < best[0]:
                            best = (score, group, why)
        if best is None:
            group = DedupGroup(members=[event], representative=event)
            groups.append(group)
        else:
            _, group, why = best
            group.members.append(event)
            reasons.setdefault(id(group), {})[event.event_id] = why
        if day is not None:
            for cell in _cells(event, around=False):
                bucket = open_groups[(event.event_type, day.toordinal(), cell)]
                if not any(g is group for g in bucket):
                    bucket.append(group)
    for group in groups:
        group.representative = min(group.members, key=_quality)
        rep = group.representative
        group.reasons = {}
        for member in group.members:
            if member is rep:
                group.reasons[member.event_id] = (
                    f"representative of {len(group.members)} reports (best date/place precision)"
                    if group.merged else "not merged")
            else:
                group.reasons[member.event_id] = match(rep, member) or reasons[id(group)].get(
                    member.event_id, "matched every member")
    return groups


def _joins(event: Event, group: DedupGroup) -> str | None:
    """Why the event may join the group: it must match every member (complete linkage)."""
    why = None
    for member in group.members:
        reason = match(member, event)
        if reason is None:
            return None
        why = why or reason
    return why


def _distance_score(event: Event, group: DedupGroup) -> float:
    """Mean km to the group's members (0 for place-name matches): the closest group wins."""
    total = 0.0
    for member in group.members:
        if None not in (event.latitude, event.longitude, member.latitude, member.longitude):
            total += km_between(event.latitude, event.longitude, member.latitude, member.longitude)  # type: ignore[arg-type]
    return total / len(group.members)


def merge_group(group: DedupGroup, published: dict[str, date | None] | None = None) -> Event:
    """One event for the group: best date and place, lowest reported figures, every source."""
    rep = group.representative
    members = group.members
    if not group.merged:
        return replace(rep, sources=[rep.article_id], evidence=list(rep.evidence))
    when = min(members, key=lambda e: (e.time_precision, e is not rep))
    where = min(members, key=lambda e: (e.geo_precision, e.latitude is None, e is not rep))
    published = published or {}
    order = sorted(members, key=lambda e: (published.get(e.article_id) or date.max, e.article_id))
    sources = list(dict.fromkeys(e.article_id for e in order))

    def lowest(values: list[int]) -> int:
        reported = [v for v in values if v and v > 0]
        return min(reported) if reported else 0

    actor1, actor2 = rep.actor1, rep.actor2
    for e in members:  # fill a side the representative left unnamed
        actor1 = actor1 if _known(actor1) else (_known(e.actor1) or actor1)
        actor2 = actor2 if _known(actor2) else (_known(e.actor2) or actor2)
    explanation = dict(rep.explanation)
    explanation["dedup"] = (f"{len(members)} reports merged; date from {when.article_id}, "
                            f"place from {where.article_id}; fatalities = lowest reported")
    return replace(
        rep,
        status="current" if any(e.status == "current" for e in members) else rep.status,
        event_date=when.event_date, time_precision=when.time_precision,
        country=where.country, iso3=where.iso3, admin1=where.admin1, admin2=where.admin2,
        admin3=where.admin3, location=where.location, location_ar=where.location_ar,
        latitude=where.latitude, longitude=where.longitude, geo_precision=where.geo_precision,
        actor1=actor1, actor2=actor2,
        assoc_actor_1=list(dict.fromkeys(a for e in members for a in e.assoc_actor_1)),
        assoc_actor_2=list(dict.fromkeys(a for e in members for a in e.assoc_actor_2)),
        fatalities=lowest([e.fatalities for e in members]),
        injuries=lowest([e.injuries for e in members]),
        confidence=max(float(e.confidence) for e in members),
        evidence=list(rep.evidence), sources=sources, explanation=explanation,
    )
