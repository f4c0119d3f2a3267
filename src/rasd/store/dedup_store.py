"""Persist dedup: rewrite a run's merged events and their sources from its per-article events.

Per-article events are never touched, so dedup can be re-run (after more
articles arrive, or after the rules change) and undone (every event becomes a
group of one again). Each member's row in event_sources says why it joined.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select, text

from rasd.model import Event
from rasd.store import schema as t
from rasd.store.dedup import MAX_DAYS_APART, DedupGroup, group_events, merge_group

if TYPE_CHECKING:
    from rasd.store.store import Store

_PG_DEDUP_LOCK = 0x72617365  # advisory lock key: one dedup rewrite at a time per database


@dataclass(slots=True)
class DedupResult:
    run_id: str
    events_before: int
    events_after: int
    merged_groups: int
    largest_group: int


# Dedup walks a run in windows of consecutive days holding at most about this
# many events, so memory stays bounded by a window, not the whole archive.
WINDOW_EVENTS = 20_000


def run_dedup(store: "Store", run_id: str, enabled: bool = True,
              date_from: date | None = None, date_to: date | None = None) -> DedupResult:
    """Group the run's events across articles (enabled=False: every event alone).

    With a date window (what an ingest just added), only events dated within a
    day of it are regrouped, together with every member of the groups they are
    in, so a rewrite never splits a group it did not load. Without one, the
    whole run is regrouped window by window, then its undated events (which
    never merge) are reset to groups of one.
    """
    if date_from is not None and date_to is not None:
        _dedup_window(store, run_id, enabled, date_from, date_to)
    else:
        ev = t.events
        with store.engine.connect() as conn:
            days = conn.execute(select(ev.c.event_date, func.count())
                                .where(ev.c.run_id == run_id, ev.c.event_date.is_not(None))
                                .group_by(ev.c.event_date).order_by(ev.c.event_date)).all()
        for first, last in windows(days):
            _dedup_window(store, run_id, enabled, first, last)
        _dedup_window(store, run_id, enabled, None, None)
    return _result(store, run_id)


def windows(day_counts: list[tuple[date, int]], limit: int | None = None) -> list[tuple[date, date]]:
    """Sorted (day, events) cut into runs of consecutive days of at most `limit` events
    (a single day over the limit is a window of its own)."""
    limit = limit or WINDOW_EVENTS
    out: list[tuple[date, date]] = []
    size = 0
    for day, count in day_counts:
        if out and size + count <= limit:
            out[-1] = (out[-1][0], day)
            size += count
        else:
            out.append((day, day))
            size = count
    return out


def run_pending_dedup(store: "Store", run_id: str) -> DedupResult | None:
    """Dedup the days of events still marked pending; None when there are none."""
    from rasd.store.store import PENDING_DEDUP

    ev, es = t.events, t.event_sources
    joined = es.join(ev, (ev.c.run_id == es.c.run_id) & (ev.c.event_id == es.c.member_event_id))
    with store.engine.connect() as conn:
        dates = conn.execute(select(ev.c.event_date, func.count()).select_from(joined)
                             .where(es.c.run_id == run_id, es.c.reason == PENDING_DEDUP)
                             .group_by(ev.c.event_date)).all()
    if not dates:
        return None
    for first, last in windows(sorted((d, n) for d, n in dates if d is not None)):
        _dedup_window(store, run_id, True, first, last)
    if any(d is None for d, _ in dates):
        _dedup_window(store, run_id, True, None, None)
    return _result(store, run_id)


def _result(store: "Store", run_id: str) -> DedupResult:
    m = t.merged_events
    with store.engine.connect() as conn:
        before = conn.scalar(select(func.count()).select_from(t.events).where(t.events.c.run_id == run_id))
        after, merged, largest = conn.execute(
            select(func.count(), func.count().filter(m.c.n_sources > 1), func.max(m.c.n_sources))
            .where(m.c.run_id == run_id)).one()
    return DedupResult(run_id=run_id, events_before=int(before or 0), events_after=int(after or 0),
                       merged_groups=int(merged or 0), largest_group=int(largest or 0))


def _dedup_window(store: "Store", run_id: str, enabled: bool,
                  date_from: date | None, date_to: date | None) -> None:
    """Regroup the events of a window (None, None: the undated events)."""
    from rasd.store.store import PENDING_DEDUP, _chunks, _utcnow, merged_row, row_event

    with store.engine.connect() as conn:
        rows = _load_rows(conn, run_id, date_from, date_to)
        published: dict[str, date | None] = {}
        ids = sorted({r.article_id for r in rows})
        for chunk in _chunks(ids):
            published.update(conn.execute(select(t.articles.c.article_id, t.articles.c.published)
                                          .where(t.articles.c.article_id.in_(chunk))).all())
    events = [row_event(r) for r in rows]
    groups = group_events(events) if enabled else [DedupGroup([e], e, {e.event_id: "not merged"})
                                                   for e in events]
    now = _utcnow()
    loaded = [e.event_id for e in events]
    with store._write() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_DEDUP_LOCK})
        links_now = _current_links(conn, run_id, loaded)
        current = {member: merged_id for member, (merged_id, _) in links_now.items()}
        pending = {member for member, (_, reason) in links_now.items() if reason == PENDING_DEDUP}
        sizes: dict[str, int] = {}
        for merged_id in current.values():
            sizes[merged_id] = sizes.get(merged_id, 0) + 1
        # Rewrite only groups whose membership changed or that hold events no
        # dedup has seen: most of a window's events are grouped as they will be.
        changed = [g for g in groups
                   if sizes.get(g.representative.event_id) != len(g.members)
                   or any(current.get(m.event_id) != g.representative.event_id
                          or m.event_id in pending for m in g.members)]
        merged_rows, links = [], []
        for group in changed:
            merged: Event = merge_group(group, published)
            merged_rows.append(merged_row(merged, run_id, now))
            for member in group.members:
                links.append({"run_id": run_id, "member_event_id": member.event_id,
                              "merged_event_id": merged.event_id, "article_id": member.article_id,
                              "reason": group.reasons.get(member.event_id, "")})
        members = [m.event_id for g in changed for m in g.members]
        old_groups = sorted({current[m] for m in members if m in current} | {g.representative.event_id
                                                                              for g in changed})
        # Only rows of events loaded above: events another ingest committed
        # meanwhile keep their groups of one until the next dedup.
        for chunk in _chunks(old_groups):
            conn.execute(delete(t.merged_events).where(t.merged_events.c.run_id == run_id,
                                                       t.merged_events.c.event_id.in_(chunk)))
        for chunk in _chunks(members):
            conn.execute(delete(t.event_sources).where(t.event_sources.c.run_id == run_id,
                                                       t.event_sources.c.member_event_id.in_(chunk)))
        for chunk in _chunks(merged_rows):
            conn.execute(store._insert_ignore(t.merged_events), list(chunk))
        for chunk in _chunks(links):
            conn.execute(store._insert_ignore(t.event_sources), list(chunk))


def _current_links(conn, run_id: str, event_ids: list[str]) -> dict[str, tuple[str, str]]:
    """member event id -> (its merged event id, the reason it is there)."""
    from rasd.store.store import _chunks

    es = t.event_sources
    out: dict[str, tuple[str, str]] = {}
    for chunk in _chunks(event_ids):
        for member, merged, reason in conn.execute(
                select(es.c.member_event_id, es.c.merged_event_id, es.c.reason).where(
                    es.c.run_id == run_id, es.c.member_event_id.in_(chunk))):
            out[member] = (merged, reason)
    return out


def _load_rows(conn, run_id: str, date_from: date | None, date_to: date | None) -> list:
    from rasd.store.store import _chunks

    ev, es = t.events, t.event_sources
    stmt = select(ev).where(ev.c.run_id == run_id)
    if date_from is None or date_to is None:
        return conn.execute(stmt.where(ev.c.event_date.is_(None))).all()
    rows = conn.execute(stmt.where(ev.c.event_date.between(date_from - timedelta(days=MAX_DAYS_APART),
                                                           date_to + timedelta(days=MAX_DAYS_APART)))).all()
    loaded = {r.event_id for r in rows}
    groups: set[str] = set()
    for chunk in _chunks(sorted(loaded)):
        groups.update(conn.scalars(select(es.c.merged_event_id).where(
            es.c.run_id == run_id, es.c.member_event_id.in_(chunk))))
    partners: set[str] = set()
    for chunk in _chunks(sorted(groups)):
        partners.update(conn.scalars(select(es.c.member_event_id).where(
            es.c.run_id == run_id, es.c.merged_event_id.in_(chunk))))
    missing = sorted(partners - loaded)
    for chunk in _chunks(missing):
        rows += conn.execute(select(ev).where(ev.c.run_id == run_id, ev.c.event_id.in_(chunk))).all()
    return rows


def undo_dedup(store: "Store", run_id: str) -> int:
    """Every event of the run becomes its own group again; the number of events."""
    return run_dedup(store, run_id, enabled=False).events_after


def dedup_groups(store: "Store", run_id: str | None = None, merged_only: bool = True,
                 limit: int | None = None) -> list[dict]:
    """The run's groups with each member's article and reason (for review and `rasd dedup --show`)."""
    run_id = run_id or store.latest_run_id()
    es = t.event_sources
    with store.engine.connect() as conn:
        stmt = select(es).where(es.c.run_id == run_id).order_by(es.c.merged_event_id, es.c.member_event_id)
        rows = conn.execute(stmt).all()
    by_group: dict[str, list] = {}
    for r in rows:
        by_group.setdefault(r.merged_event_id, []).append(
            {"event_id": r.member_event_id, "article_id": r.article_id, "reason": r.reason})
    out = [{"merged_event_id": gid, "members": members} for gid, members in by_group.items()
           if len(members) > 1 or not merged_only]
    out.sort(key=lambda g: (-len(g["members"]), g["merged_event_id"]))
    return out[:limit] if limit else out
