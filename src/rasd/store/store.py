"""The event store: articles, runs, per-article events and deduplicated events.

One `Store` over SQLAlchemy Core works on SQLite (the default, a file, nothing
to set up) and PostgreSQL (+PostGIS). Every write is one transaction per batch
and uses INSERT ... ON CONFLICT DO NOTHING on primary keys, so a killed ingest
loses nothing it committed and two ingests into one database never duplicate.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import String, cast, create_engine, delete, event as sa_event, func, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from rasd.errors import StoreError
from rasd.model import Article, Event, Evidence
from rasd.pipeline import stable_event_id
from rasd.store import schema as t
from rasd.store.keys import key_values
from rasd.store.filters import EventFilter, and_all, order_by, where_clause
from rasd.store.migrate import upgrade
from rasd.store.runs import current_run, parse_run_id

# event_sources.reason of an event no dedup has looked at yet.
PENDING_DEDUP = "pending dedup"

# Rows per INSERT batch and ids per IN (...) list: well under SQLite's
# 32,766-parameter limit, big enough that round trips don't dominate.
_CHUNK = 500


@dataclass(slots=True)
class IngestSummary:
    run_id: str
    articles_read: int = 0
    articles_new: int = 0
    articles_existing: int = 0
    articles_extracted: int = 0
    articles_skipped: int = 0  # already extracted by this run
    articles_failed: int = 0  # the pipeline raised; not marked done, so a re-run retries
    events_found: int = 0
    events_after_dedup: int | None = None
    merged_groups: int | None = None
    problems: list[str] = field(default_factory=list)  # the first 1,000
    problem_count: int = 0
    seconds: float = 0.0

    @property
    def articles_per_second(self) -> float:
        return self.articles_read / self.seconds if self.seconds > 0 else 0.0


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("rasd", appauthor=False)) / "rasd.sqlite"


def _redact(url: str) -> str:
    """A database URL fit to print: the password replaced."""
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def is_postgres_url(db: str | os.PathLike[str] | None) -> bool:
    """Whether open_store(db) opens PostgreSQL (a postgresql:// URL) rather than SQLite."""
    return db is not None and str(db).startswith(("postgresql://", "postgres://", "postgresql+psycopg://"))


def open_store(db: str | os.PathLike[str] | None = None) -> "Store":
    """None: SQLite file in the user data dir; a path or ':memory:': SQLite; a postgresql:// URL: PostgreSQL."""
    if db is None or str(db) == "":
        path = default_db_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        return Store(_sqlite_engine(path), str(path))
    name = str(db)
    if is_postgres_url(name):
        return Store(_postgres_engine(name), _redact(name))
    if name.startswith("sqlite:///"):
        name = name[len("sqlite:///"):]
    if "://" in name:
        raise StoreError(f"{_redact(name)}: unsupported database; give a file path (SQLite) "
                         "or a postgresql://user:password@host:port/dbname URL")
    if name == ":memory:":
        engine = create_engine("sqlite://", connect_args={"check_same_thread": False},
                               poolclass=StaticPool)
        _sqlite_pragmas(engine, wal=False)
        return Store(engine, name)
    path = Path(name).expanduser()
    if path.is_dir():
        raise StoreError(f"{name}: is a folder; give the path of a database file, e.g. {path / 'rasd.sqlite'}")
    if not path.parent.exists():
        raise StoreError(f"{name}: folder {path.parent} does not exist; create it first")
    return Store(_sqlite_engine(path), name)


# Execution option that marks a connection's transactions as writes (see _on_begin).
_WRITE_OPTION = "rasd_write"


def _sqlite_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False, "timeout": 60})
    _sqlite_pragmas(engine, wal=True)
    return engine


def _sqlite_pragmas(engine: Engine, wal: bool) -> None:
    @sa_event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        # The sqlite3 module's own transaction handling begins DEFERRED
        # transactions behind SQLAlchemy's back; take that over (SQLAlchemy's
        # documented pysqlite recipe) so that `_on_begin` decides how each begins.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        if wal:
            # WAL: readers (rasd serve) never block the writer (rasd ingest), and a
            # killed writer loses only its uncommitted transaction.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Queries read rows scattered over the file (an index's order is not the
        # table's): memory-mapped reads make each row one memory access instead of
        # a read() syscall through the default 2 MB page cache (5-10x on 100k
        # events). The cache itself grows to 16 MB only (measured: no faster at
        # 64 MB once reads are mapped; ingest's memory budget is 400 MB).
        cursor.execute("PRAGMA mmap_size=1073741824")
        cursor.execute("PRAGMA cache_size=-16384")
        cursor.close()

    @sa_event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # A write transaction takes the write lock when it begins. A DEFERRED one
        # reads first and upgrades later, and in WAL mode an upgrade that meets
        # another writer's commit fails at once with "database is locked"
        # (SQLITE_BUSY_SNAPSHOT) instead of waiting out the busy timeout: two
        # `rasd ingest` runs on one file could then fail. Reads stay DEFERRED so
        # that `rasd serve` never waits for an ingest.
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE_OPTION) else "BEGIN")


def _postgres_engine(url: str) -> Engine:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise StoreError(f"{_redact(url)}: PostgreSQL support is not installed; "
                         "run: pip install 'rasd[postgres]'") from None
    url = re.sub(r"^postgres(ql)?(\+psycopg)?://", "postgresql+psycopg://", url)
    return create_engine(url, pool_pre_ping=True)


# ---------------------------------------------------------------- row <-> Event
def _to_date(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def event_row(event: Event, run_id: str) -> dict[str, Any]:
    return {
        "run_id": run_id,
        "event_id": event.event_id,
        "article_id": event.article_id,
        "status": event.status or "current",
        "event_date": _to_date(event.event_date),
        "time_precision": int(event.time_precision or 1),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "assoc_actor_1": json.dumps(list(event.assoc_actor_1), ensure_ascii=False),
        "assoc_actor_2": json.dumps(list(event.assoc_actor_2), ensure_ascii=False),
        "country": event.country,
        "iso3": event.iso3,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "admin3": event.admin3,
        "location": event.location,
        "location_ar": event.location_ar,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "geo_precision": int(event.geo_precision or 3),
        "fatalities": int(event.fatalities or 0),
        "injuries": int(event.injuries or 0),
        "notes": event.notes or "",
        "confidence": float(event.confidence),
        "explanation": json.dumps(event.explanation or {}, ensure_ascii=False),
    }


def merged_row(event: Event, run_id: str, now: datetime) -> dict[str, Any]:
    row = event_row(event, run_id)
    sources = list(dict.fromkeys(event.sources or [event.article_id]))
    row.update(n_sources=len(sources), sources=json.dumps(sources, ensure_ascii=False), updated_at=now)
    row.update(key_values(row))
    return row


def row_event(row: Any, evidence: list[Evidence] | None = None) -> Event:
    m = row._mapping
    sources = json.loads(m["sources"]) if "sources" in m else [m["article_id"]]
    return Event(
        event_id=m["event_id"], article_id=m["article_id"], status=m["status"],
        event_date=m["event_date"].isoformat() if m["event_date"] else None,
        time_precision=m["time_precision"], event_type=m["event_type"],
        sub_event_type=m["sub_event_type"], actor1=m["actor1"], actor2=m["actor2"],
        assoc_actor_1=json.loads(m["assoc_actor_1"]), assoc_actor_2=json.loads(m["assoc_actor_2"]),
        country=m["country"], iso3=m["iso3"], admin1=m["admin1"], admin2=m["admin2"],
        admin3=m["admin3"], location=m["location"], location_ar=m["location_ar"],
        latitude=m["latitude"], longitude=m["longitude"], geo_precision=m["geo_precision"],
        fatalities=m["fatalities"], injuries=m["injuries"], notes=m["notes"],
        evidence=list(evidence or []), sources=sources, confidence=m["confidence"],
        explanation=json.loads(m["explanation"]),
    )


def _chunks(items: Sequence, size: int = _CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Store:
    """Articles, runs and events in one database. Thread-safe: one engine, pooled connections."""

    def __init__(self, engine: Engine, name: str):
        self.engine = engine
        self.name = name
        try:
            upgrade(engine)
        except OperationalError as exc:
            raise StoreError(f"{name}: cannot open the database ({_first_line(exc)})") from None
        except DBAPIError as exc:
            raise StoreError(f"{name}: not a usable rasd database ({_first_line(exc)})") from None
        self.dialect = engine.dialect.name
        self.current_run_id = current_run().run_id
        self._known_runs: set[str] = set()

    def __repr__(self) -> str:
        return f"Store({self.name!r})"

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------ writes
    def _insert_ignore(self, table):
        """INSERT ... ON CONFLICT DO NOTHING in this database's dialect."""
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(table).on_conflict_do_nothing()

    def ensure_run(self, run_id: str | None = None) -> str:
        run_id = run_id or self.current_run_id
        if run_id in self._known_runs:
            return run_id
        identity = parse_run_id(run_id)
        with self.engine.execution_options(**{_WRITE_OPTION: True}).begin() as conn:
            conn.execute(self._insert_ignore(t.runs), {
                "run_id": run_id, "rasd_version": identity.rasd_version,
                "data_version": identity.data_version, "created_at": _utcnow()})
        self._known_runs.add(run_id)
        return run_id

    def add_articles(self, articles: Iterable[Article]) -> list[bool]:
        """Store articles not seen before (by id); True for each one that was new."""
        batch = list(articles)
        now = _utcnow()
        rows, seen = [], set()
        for a in batch:
            if a.id in seen:
                continue
            seen.add(a.id)
            rows.append({"article_id": a.id, "content_hash": _content_hash(a.text), "title": a.title,
                         "published": a.published, "source": a.source, "url": a.url,
                         "text": a.text, "ingested_at": now})
        inserted: set[str] = set()
        with self._write() as conn:
            for chunk in _chunks(rows):
                result = conn.execute(self._insert_ignore(t.articles).returning(t.articles.c.article_id),
                                      list(chunk))
                inserted.update(r[0] for r in result)
        flags, reported = [], set()
        for a in batch:
            flags.append(a.id in inserted and a.id not in reported)
            reported.add(a.id)
        return flags

    def save_extraction(self, article_id: str, events: list[Event], run_id: str | None = None) -> None:
        """Record one article's events for a run, replacing what that run had for it."""
        self.save_extractions([(article_id, events)], run_id=run_id, replace=True)

    def save_extractions(self, items: Sequence[tuple[str, list[Event]]], run_id: str | None = None,
                         replace: bool = False) -> set[str]:
        """Record the events of many articles in one transaction; the article ids written.

        Without `replace`, an article some process already extracted in this run
        is left as it is (the extraction row is the claim: its primary key
        makes a concurrent writer wait, then skip).
        """
        run_id = self.ensure_run(run_id)
        now = _utcnow()
        ids = list(dict.fromkeys(article_id for article_id, _ in items))
        with self._write() as conn:
            stored: set[str] = set()
            for chunk in _chunks(ids):
                stored.update(conn.scalars(select(t.articles.c.article_id)
                                           .where(t.articles.c.article_id.in_(chunk))))
            missing = [aid for aid in ids if aid not in stored]
            if missing:
                raise StoreError(f"{self.name}: article {missing[0]!r} is not in the store; "
                                 "add it with add_articles() before saving its events")
            if replace:
                self._forget_extractions(conn, run_id, ids)
            claimed: set[str] = set()
            counts = {aid: len(evs) for aid, evs in items}
            for chunk in _chunks(ids):
                result = conn.execute(
                    self._insert_ignore(t.extractions).returning(t.extractions.c.article_id),
                    [{"run_id": run_id, "article_id": aid, "n_events": counts[aid], "extracted_at": now}
                     for aid in chunk])
                claimed.update(r[0] for r in result)
            new_events = []
            for aid, evs in items:
                if aid not in claimed:
                    continue
                for index, e in enumerate(evs):
                    e.article_id = e.article_id or aid
                    e.event_id = e.event_id or stable_event_id(aid, e, index)
                    new_events.append(e)
            self._insert_events(conn, run_id, new_events, now)
        return claimed

    def _insert_events(self, conn: Connection, run_id: str, events: list[Event], now: datetime) -> None:
        if not events:
            return
        event_rows = [event_row(e, run_id) for e in events]
        evidence_rows = [{"run_id": run_id, "event_id": e.event_id, "seq": i, "start": ev.start,
                          "end": ev.end, "text": ev.text}
                         for e in events for i, ev in enumerate(e.evidence)]
        singles = []
        for e in events:
            single = Event(**{k: getattr(e, k) for k in Event.__dataclass_fields__})
            single.sources = [e.article_id]
            singles.append(single)
        for chunk in _chunks(event_rows):
            conn.execute(self._insert_ignore(t.events), list(chunk))
        for chunk in _chunks(evidence_rows):
            conn.execute(self._insert_ignore(t.evidence), list(chunk))
        self._insert_singletons(conn, run_id, singles, now)

    def _insert_singletons(self, conn: Connection, run_id: str, events: list[Event], now: datetime) -> None:
        """Each event as its own merged event (a dedup group of one), marked for the next dedup.

        The mark is what makes dedup crash-safe: an ingest killed before its
        final dedup leaves marked rows, and the next ingest (or `rasd dedup`)
        regroups exactly those days."""
        merged = [merged_row(e, run_id, now) for e in events]
        links = [{"run_id": run_id, "member_event_id": e.event_id, "merged_event_id": e.event_id,
                  "article_id": e.article_id, "reason": PENDING_DEDUP} for e in events]
        for chunk in _chunks(merged):
            conn.execute(self._insert_ignore(t.merged_events), list(chunk))
        for chunk in _chunks(links):
            conn.execute(self._insert_ignore(t.event_sources), list(chunk))

    def _forget_extractions(self, conn: Connection, run_id: str, article_ids: list[str]) -> None:
        """Delete a run's events of these articles; their dedup partners become groups of one."""
        for chunk in _chunks(article_ids):
            groups = select(t.event_sources.c.merged_event_id).where(
                t.event_sources.c.run_id == run_id, t.event_sources.c.article_id.in_(chunk))
            affected = conn.execute(
                select(t.event_sources.c.merged_event_id, t.event_sources.c.member_event_id,
                       t.event_sources.c.article_id)
                .where(t.event_sources.c.run_id == run_id,
                       t.event_sources.c.merged_event_id.in_(groups))).all()
            merged_ids = {r[0] for r in affected}
            members = [r[1] for r in affected]
            survivors = [r[1] for r in affected if r[2] not in chunk]
            for ids in _chunks(sorted(merged_ids)):
                conn.execute(delete(t.merged_events).where(t.merged_events.c.run_id == run_id,
                                                           t.merged_events.c.event_id.in_(ids)))
            for ids in _chunks(members):
                conn.execute(delete(t.event_sources).where(t.event_sources.c.run_id == run_id,
                                                           t.event_sources.c.member_event_id.in_(ids)))
            old = select(t.events.c.event_id).where(t.events.c.run_id == run_id,
                                                    t.events.c.article_id.in_(chunk))
            conn.execute(delete(t.evidence).where(t.evidence.c.run_id == run_id,
                                                  t.evidence.c.event_id.in_(old)))
            conn.execute(delete(t.events).where(t.events.c.run_id == run_id,
                                                t.events.c.article_id.in_(chunk)))
            conn.execute(delete(t.extractions).where(t.extractions.c.run_id == run_id,
                                                     t.extractions.c.article_id.in_(chunk)))
            if survivors:
                self._insert_singletons(conn, run_id, self._load_events(conn, run_id, survivors), _utcnow())

    def not_extracted(self, article_ids: Sequence[str], run_id: str | None = None) -> list[str]:
        """The ids among these that the run has not extracted yet (order kept)."""
        run_id = run_id or self.current_run_id
        done: set[str] = set()
        with self.engine.connect() as conn:
            for chunk in _chunks(list(article_ids)):
                done.update(conn.scalars(select(t.extractions.c.article_id).where(
                    t.extractions.c.run_id == run_id, t.extractions.c.article_id.in_(chunk))))
        return [aid for aid in article_ids if aid not in done]

    def _write(self):
        """A transaction; database errors become one-line StoreErrors."""
        return _WriteTransaction(self)

    # ------------------------------------------------------------ ingest / dedup
    def ingest(self, articles: Iterable[Article], pipeline=None, progress: bool = True, **options: Any):
        from rasd.store.ingest import ingest

        return ingest(self, articles, pipeline, progress=progress, **options)

    def dedup(self, run_id: str | None = None, **options: Any):
        from rasd.store.dedup_store import run_dedup

        result = run_dedup(self, run_id or self.latest_run_id(), **options)
        self.refresh_statistics()
        return result

    def dedup_pending(self, run_id: str | None = None):
        """Regroup the days holding events no dedup has seen (after an ingest, or a killed one)."""
        from rasd.store.dedup_store import run_pending_dedup

        result = run_pending_dedup(self, run_id or self.latest_run_id())
        if result is not None:
            self.refresh_statistics()
        return result

    def refresh_statistics(self) -> None:
        """After a bulk write: let PostgreSQL's planner see the new rows now.

        Until autovacuum analyzes a freshly filled table, PostgreSQL guesses its
        contents and, over 100k events, scanned the whole run for a text search
        the trigram index answers in 7 ms. SQLite plans without statistics (the
        indexes and queries here were chosen for that): nothing to do.
        """
        if self.dialect != "postgresql":
            return
        try:
            with self.engine.begin() as conn:
                conn.execute(text("ANALYZE merged_events, event_sources"))
        except SQLAlchemyError:
            pass  # only a planner hint: autovacuum will analyze later

    def undo_dedup(self, run_id: str | None = None) -> int:
        from rasd.store.dedup_store import undo_dedup

        return undo_dedup(self, run_id or self.latest_run_id())

    # ------------------------------------------------------------ reads
    def merged_group_count(self, run_id: str | None = None) -> int:
        """How many of the run's events were merged from two or more reports."""
        m = t.merged_events
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(m).where(
                m.c.run_id == (run_id or self.latest_run_id()), m.c.n_sources > 1)) or 0)

    def runs(self) -> list[dict[str, Any]]:
        """Every run, newest first, with how many articles and events it has."""
        with self.engine.connect() as conn:
            n_articles = dict(conn.execute(select(t.extractions.c.run_id, func.count())
                                           .group_by(t.extractions.c.run_id)).all())
            n_events = dict(conn.execute(select(t.merged_events.c.run_id, func.count())
                                         .group_by(t.merged_events.c.run_id)).all())
            rows = conn.execute(select(t.runs).order_by(t.runs.c.created_at.desc())).all()
        return [{**r._mapping, "articles": n_articles.get(r.run_id, 0),
                 "events": n_events.get(r.run_id, 0)} for r in rows]

    def latest_run_id(self) -> str:
        """The newest run that extracted anything, else the current one."""
        with self.engine.connect() as conn:
            # EXISTS probes the extractions primary key (run_id first) once per
            # run, instead of a DISTINCT over every extraction: this runs per query.
            extracted = select(t.extractions.c.run_id).where(
                t.extractions.c.run_id == t.runs.c.run_id).exists()
            run = conn.scalar(select(t.runs.c.run_id).where(extracted)
                              .order_by(t.runs.c.created_at.desc()).limit(1))
        return run or self.current_run_id

    def _filtered(self, f: EventFilter | None):
        f = f or EventFilter()
        m = t.merged_events
        run_id = f.run_id or self.latest_run_id()
        country_by = self._country_readings(run_id, f.country) if f.country else ("name", "iso3")
        conds = where_clause(m, f, country_by=country_by)
        conds.append(m.c.run_id == run_id)
        if f.article_id:
            conds.append(m.c.event_id.in_(
                select(t.event_sources.c.merged_event_id).where(
                    t.event_sources.c.run_id == m.c.run_id,
                    t.event_sources.c.article_id == f.article_id)))
        return and_all(conds)

    def _country_readings(self, run_id: str, value: str) -> tuple[str, ...]:
        """Which readings of a country filter value (name, ISO3 code) match any event of the run.

        Dropping a reading that matches nothing leaves the result as it was; two
        probes of an index cost far less than the OR scanning the whole run."""
        m = t.merged_events
        value = value.strip()
        probes = {"name": m.c.country_key == value.lower(), "iso3": m.c.iso3_key == value.upper()}
        with self.engine.connect() as conn:
            found = tuple(k for k, cond in probes.items()
                          if conn.scalar(select(1).where(m.c.run_id == run_id, cond).limit(1)) is not None)
        return found or ("name",)

    def query_events(self, f: EventFilter | None = None, limit: int = 100, offset: int = 0,
                     sort: str = "-event_date", *, evidence: bool = True) -> list[Event]:
        """Deduplicated events (one event, every source) matching the filter, one page.

        evidence=False leaves Event.evidence empty (a map needs none: one query less).
        """
        m = t.merged_events
        # The page's keys first (filter and sort read indexed or narrow columns
        # only), then the rows of that page: the database never sorts or skips
        # over whole rows (notes, explanation JSON) it will not return.
        page = (select(m.c.run_id, m.c.event_id).where(self._filtered(f)).order_by(*order_by(m, sort))
                .limit(max(0, int(limit))).offset(max(0, int(offset))))
        with self.engine.connect() as conn:
            keys = conn.execute(page).all()
            by_key: dict[tuple[str, str], Any] = {}
            for run_id in {k.run_id for k in keys}:
                ids = [k.event_id for k in keys if k.run_id == run_id]
                for chunk in _chunks(ids):
                    for row in conn.execute(select(m).where(m.c.run_id == run_id, m.c.event_id.in_(chunk))):
                        by_key[(row.run_id, row.event_id)] = row
            rows = [by_key[(k.run_id, k.event_id)] for k in keys if (k.run_id, k.event_id) in by_key]
            if not evidence:
                return [row_event(r) for r in rows]
            return self._with_evidence(conn, rows)

    def query_columns(self, f: EventFilter | None = None, columns: Sequence[str] = ("event_id",),
                      limit: int = 100, offset: int = 0, sort: str = "-event_date") -> list[dict[str, Any]]:
        """The page query_events() would return, as dicts of a few spec §2 columns only.

        For views that draw many events from a handful of fields (map markers):
        no JSON fields decoded, no Event built, no evidence read. event_date is
        'YYYY-MM-DD' text, as in Event.
        """
        m = t.merged_events
        wanted = list(dict.fromkeys(columns))
        unknown = [c for c in wanted if c not in t.EVENT_COLUMN_NAMES and c not in ("event_id", "n_sources")]
        if unknown:
            raise StoreError(f"columns: {unknown[0]!r} is not an event column")
        selected = [cast(m.c[c], String).label(c) if c == "event_date" else m.c[c] for c in wanted]
        stmt = (select(*selected).where(self._filtered(f)).order_by(*order_by(m, sort))
                .limit(max(0, int(limit))).offset(max(0, int(offset))))
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(stmt)]

    def iter_events(self, f: EventFilter | None = None, sort: str = "event_date",
                    batch: int = 1000) -> Iterator[Event]:
        """Every matching deduplicated event, streamed (for exports): one query read in
        pages through a server-side cursor, evidence fetched a page at a time."""
        m = t.merged_events
        stmt = select(m).where(self._filtered(f)).order_by(*order_by(m, sort))
        with self.engine.connect() as rows_conn, self.engine.connect() as evidence_conn:
            result = rows_conn.execution_options(stream_results=True, yield_per=batch).execute(stmt)
            for page in result.partitions():
                yield from self._with_evidence(evidence_conn, page)

    def count_events(self, f: EventFilter | None = None) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(t.merged_events)
                                   .where(self._filtered(f))) or 0)

    def get_event(self, event_id: str, run_id: str | None = None) -> Event | None:
        """A deduplicated event by id; else a per-article event of that id (newest run first)."""
        run_id = run_id or self.latest_run_id()
        with self.engine.connect() as conn:
            for table in (t.merged_events, t.events):
                stmt = (select(table).join(t.runs, t.runs.c.run_id == table.c.run_id)
                        .where(table.c.event_id == event_id)
                        .order_by((table.c.run_id == run_id).desc(), t.runs.c.created_at.desc())
                        .limit(1))
                rows = conn.execute(stmt).all()
                if rows:
                    event = self._with_evidence(conn, rows)[0]
                    if table is t.events:
                        event.sources = self._group_sources(conn, rows[0].run_id, event)
                    return event
        return None

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.articles).where(t.articles.c.article_id == article_id)).first()
        if row is None:
            return None
        return Article(id=row.article_id, text=row.text, title=row.title, published=row.published,
                       source=row.source, url=row.url)

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(t.articles)) or 0)

    def iter_articles(self, batch: int = 500) -> Iterator[Article]:
        """Every stored article, in id order (for re-extraction under a new run)."""
        last = ""
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(select(t.articles).where(t.articles.c.article_id > last)
                                    .order_by(t.articles.c.article_id).limit(batch)).all()
            for row in rows:
                yield Article(id=row.article_id, text=row.text, title=row.title,
                              published=row.published, source=row.source, url=row.url)
            if len(rows) < batch:
                return
            last = rows[-1].article_id

    def events_of_article(self, article_id: str, run_id: str | None = None) -> list[Event]:
        """The events extracted from one article (per-article, evidence in its text), in order.

        `sources` lists every article reporting the same event after dedup.
        Run: the given one, else the newest run that extracted this article.
        """
        with self.engine.connect() as conn:
            if run_id is None:
                run_id = conn.scalar(
                    select(t.extractions.c.run_id)
                    .join(t.runs, t.runs.c.run_id == t.extractions.c.run_id)
                    .where(t.extractions.c.article_id == article_id)
                    .order_by(t.runs.c.created_at.desc()).limit(1))
                if run_id is None:
                    return []
            rows = conn.execute(select(t.events).where(t.events.c.run_id == run_id,
                                                       t.events.c.article_id == article_id)).all()
            events = self._with_evidence(conn, rows)
            for e in events:
                e.sources = self._group_sources(conn, run_id, e)
        events.sort(key=lambda e: (e.evidence[0].start if e.evidence else 1 << 30, e.event_id))
        return events

    def _group_sources(self, conn: Connection, run_id: str, event: Event) -> list[str]:
        merged_id = conn.scalar(select(t.event_sources.c.merged_event_id).where(
            t.event_sources.c.run_id == run_id, t.event_sources.c.member_event_id == event.event_id))
        if merged_id is None:
            return [event.article_id]
        sources = conn.scalar(select(t.merged_events.c.sources).where(
            t.merged_events.c.run_id == run_id, t.merged_events.c.event_id == merged_id))
        return json.loads(sources) if sources else [event.article_id]

    def _load_events(self, conn: Connection, run_id: str, event_ids: Sequence[str]) -> list[Event]:
        rows = []
        for chunk in _chunks(list(event_ids)):
            rows += conn.execute(select(t.events).where(t.events.c.run_id == run_id,
                                                        t.events.c.event_id.in_(chunk))).all()
        return self._with_evidence(conn, rows)

    def _with_evidence(self, conn: Connection, rows: Sequence[Any]) -> list[Event]:
        spans: dict[tuple[str, str], list[Evidence]] = {}
        keys = {(r.run_id, r.event_id) for r in rows}
        by_run: dict[str, list[str]] = {}
        for run_id, event_id in keys:
            by_run.setdefault(run_id, []).append(event_id)
        for run_id, ids in by_run.items():
            for chunk in _chunks(ids):
                ev = t.evidence
                for r in conn.execute(select(ev).where(ev.c.run_id == run_id, ev.c.event_id.in_(chunk))
                                      .order_by(ev.c.event_id, ev.c.seq)):
                    spans.setdefault((run_id, r.event_id), []).append(Evidence(r.start, r.end, r.text))
        return [row_event(r, spans.get((r.run_id, r.event_id))) for r in rows]

    def stats(self, f: EventFilter | None = None, top: int = 50) -> dict[str, Any]:
        """Counts of deduplicated events by day, event type, admin1 and actor (for charts)."""
        f = f or EventFilter()
        where = self._filtered(f)
        # Two plans, one answer. Without actor/text filters every filter and
        # facet is in ix_merged_run_facets: one GROUP BY per facet reads only
        # indexes. Actor/text filters need the rows themselves: then one pass
        # over the matching rows' six columns reads each row once, not six times.
        with self.engine.connect() as conn:
            if f.actor or f.text:
                total, fatalities, by_day, by_type, by_admin1, by_actor = _facets_in_one_pass(conn, where)
            else:
                total, fatalities, by_day, by_type, by_admin1, by_actor = _facets_grouped(conn, where)

        def largest(counts: Counter, limit: int | None) -> dict:
            # count descending, then key ascending
            ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
            return dict(ordered if limit is None else ordered[:limit])

        return {
            "total": int(total),
            "fatalities": int(fatalities),
            "by_day": {d[:10]: by_day[d] for d in sorted(by_day)},
            "by_event_type": largest(by_type, None),
            "by_admin1": largest(by_admin1, top),
            "by_actor": largest(by_actor, top),
        }

    def article_sources(self, article_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """title, source name, url and published date of articles, without their text
        (exports' source column, the API's list of an event's sources)."""
        out: dict[str, dict[str, Any]] = {}
        ids = list(dict.fromkeys(article_ids))
        with self.engine.connect() as conn:
            for chunk in _chunks(ids):
                for r in conn.execute(select(t.articles.c.article_id, t.articles.c.title, t.articles.c.source,
                                             t.articles.c.url, t.articles.c.published)
                                      .where(t.articles.c.article_id.in_(chunk))):
                    out[r.article_id] = {"title": r.title, "source": r.source, "url": r.url,
                                         "published": r.published}
        return out

    def ping(self) -> None:
        with self.engine.connect() as conn:
            conn.execute(text("SELECT 1"))


def _facets_grouped(conn: Connection, where) -> tuple:
    """total, fatalities and the four facet Counters, one GROUP BY each."""
    m = t.merged_events

    def counts(column) -> Counter:
        rows = conn.execute(select(column, func.count()).where(where).group_by(column))
        return Counter({key: n for key, n in rows if key is not None})

    total, fatalities = conn.execute(
        select(func.count(), func.coalesce(func.sum(m.c.fatalities), 0)).where(where)).one()
    # An expression, not the bare column: SQLite would otherwise walk
    # ix_merged_run_type (ordered by type) over every row of the run instead
    # of grouping the rows the filter's index found.
    by_type = counts(func.coalesce(m.c.event_type, ""))
    return (int(total), int(fatalities), counts(_day_text(m)), by_type, counts(m.c.admin1),
            counts(m.c.actor1) + counts(m.c.actor2))


def _facets_in_one_pass(conn: Connection, where) -> tuple:
    """The same, counted here over pages of the matching rows (Counter's C loop, flat memory)."""
    m = t.merged_events
    stmt = select(_day_text(m), m.c.event_type, m.c.admin1, m.c.actor1, m.c.actor2, m.c.fatalities).where(where)
    total = fatalities = 0
    by_day, by_type, by_admin1, by_actor = Counter(), Counter(), Counter(), Counter()
    for page in conn.execution_options(yield_per=20_000).execute(stmt).partitions():
        days, types, admin1s, actor1s, actor2s, dead = zip(*page)
        total += len(page)
        fatalities += sum(dead)
        by_day.update(days)
        by_type.update(types)
        by_admin1.update(admin1s)
        by_actor.update(actor1s)
        by_actor.update(actor2s)
    for counts in (by_day, by_admin1, by_actor):
        counts.pop(None, None)  # unknown day, province or side: not a bar of its own
    return total, fatalities, by_day, by_type, by_admin1, by_actor


def _day_text(m):
    """The event day as 'YYYY-MM-DD' text on both databases: no date object per row or group."""
    return cast(m.c.event_date, String)


class _WriteTransaction:
    def __init__(self, store: Store):
        self.store = store
        self._ctx = None

    def __enter__(self) -> Connection:
        try:
            self._ctx = self.store.engine.execution_options(**{_WRITE_OPTION: True}).begin()
            return self._ctx.__enter__()
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.store.name}: cannot write ({_first_line(exc)})") from None

    def __exit__(self, exc_type, exc, tb) -> bool:
        try:
            self._ctx.__exit__(exc_type, exc, tb)
        except SQLAlchemyError as err:
            raise StoreError(f"{self.store.name}: write failed ({_first_line(err)})") from None
        if isinstance(exc, SQLAlchemyError):
            raise StoreError(f"{self.store.name}: write failed ({_first_line(exc)})") from None
        return False


def _first_line(exc: BaseException) -> str:
    inner = getattr(exc, "orig", None) or exc
    return (str(inner).strip().splitlines() or [type(inner).__name__])[0]


def _content_hash(text_: str) -> str:
    import hashlib

    return hashlib.sha256(text_.encode("utf-8")).hexdigest()
