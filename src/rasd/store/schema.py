"""The store's tables, as SQLAlchemy Core metadata: one schema for SQLite and PostgreSQL.

    runs            which rasd version + data version produced what
    articles        input articles, one row per article id (id, else content hash)
    extractions     (article, run) pairs already extracted: the idempotency mark
    events          per-article events of a run, kept as extracted (never merged in place)
    evidence        the evidence spans of each per-article event
    merged_events   the deduplicated events of a run (a group of one is the event itself)
    event_sources   members of each merged event: article, member event, why it joined

Queries and exports read `merged_events`; dedup rewrites only `merged_events` and
`event_sources`, so it can be undone and re-run from `events` at any time.
The migration in migrations/versions builds exactly these tables (a test checks
it); on PostgreSQL with PostGIS it also adds a `geog` geography(Point) column.
"""

from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

runs = Table(
    "runs", metadata,
    Column("run_id", String(120), primary_key=True),
    Column("rasd_version", String(60), nullable=False),
    Column("data_version", String(60), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("article_id", String(200), primary_key=True),
    Column("content_hash", String(64), nullable=False),
    Column("title", Text),
    Column("published", Date),
    Column("source", String(200)),
    Column("url", Text),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Index("ix_articles_content_hash", "content_hash"),
    Index("ix_articles_published", "published"),
)

extractions = Table(
    "extractions", metadata,
    Column("run_id", String(120), ForeignKey("runs.run_id"), primary_key=True),
    Column("article_id", String(200), ForeignKey("articles.article_id"), primary_key=True),
    Column("n_events", Integer, nullable=False),
    Column("extracted_at", DateTime(timezone=True), nullable=False),
)


def _event_columns() -> list[Column]:
    """The spec §2 fields, shared by per-article and merged events."""
    return [
        Column("article_id", String(200), nullable=False),
        Column("status", String(20), nullable=False),
        Column("event_date", Date),
        Column("time_precision", Integer, nullable=False),
        Column("event_type", String(60), nullable=False),
        Column("sub_event_type", String(80), nullable=False),
        Column("actor1", String(200)),
        Column("actor2", String(200)),
        Column("assoc_actor_1", Text, nullable=False),  # JSON list
        Column("assoc_actor_2", Text, nullable=False),  # JSON list
        Column("country", String(100)),
        Column("iso3", String(3)),
        Column("admin1", String(120)),
        Column("admin2", String(120)),
        Column("admin3", String(120)),
        Column("location", String(200)),
        Column("location_ar", String(200)),
        Column("latitude", Float),
        Column("longitude", Float),
        Column("geo_precision", Integer, nullable=False),
        Column("fatalities", Integer, nullable=False),
        Column("injuries", Integer, nullable=False),
        Column("notes", Text, nullable=False),
        Column("confidence", Float, nullable=False),
        Column("explanation", Text, nullable=False),  # JSON object
    ]


events = Table(
    "events", metadata,
    Column("run_id", String(120), ForeignKey("runs.run_id"), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    *_event_columns(),
    Index("ix_events_run_article", "run_id", "article_id"),
    Index("ix_events_run_date", "run_id", "event_date"),
)

evidence = Table(
    "evidence", metadata,
    Column("run_id", String(120), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

merged_events = Table(
    "merged_events", metadata,
    Column("run_id", String(120), ForeignKey("runs.run_id"), primary_key=True),
    Column("event_id", String(64), primary_key=True),
    *_event_columns(),
    Column("n_sources", Integer, nullable=False),
    Column("sources", Text, nullable=False),  # JSON list of article ids, oldest first
    Column("updated_at", DateTime(timezone=True), nullable=False),
    # Case-folded lookup keys, written with the row (rasd.store.keys; migration 0003).
    Column("country_key", String(100)),
    Column("iso3_key", String(3)),
    Column("admin1_key", String(120)),
    Column("actor_key", Text),
    Column("search_key", Text),
    Index("ix_merged_run_date", "run_id", "event_date"),
    Index("ix_merged_run_type", "run_id", "event_type", "event_date"),
    Index("ix_merged_run_country", "run_id", "country_key", "event_date"),
    Index("ix_merged_run_iso3", "run_id", "iso3_key", "event_date"),
    Index("ix_merged_run_admin1", "run_id", "admin1_key", "event_date"),
    Index("ix_merged_run_latlon", "run_id", "latitude", "longitude", "fatalities"),
    Index("ix_merged_run_fatalities", "run_id", "fatalities"),
    # Narrow copies that counts and stats read instead of the fat rows:
    Index("ix_merged_run_actor", "run_id", "actor_key"),
    Index("ix_merged_run_search", "run_id", "search_key"),
    Index("ix_merged_run_facets", "run_id", "country_key", "iso3_key", "admin1_key", "event_date",
          "event_type", "status", "fatalities", "admin1", "actor1", "actor2"),
)

event_sources = Table(
    "event_sources", metadata,
    Column("run_id", String(120), primary_key=True),
    Column("member_event_id", String(64), primary_key=True),
    Column("merged_event_id", String(64), nullable=False),
    Column("article_id", String(200), nullable=False),
    Column("reason", Text, nullable=False),
    Index("ix_event_sources_merged", "run_id", "merged_event_id"),
    Index("ix_event_sources_reason", "run_id", "reason"),  # events pending dedup
)

# Columns shared by `events` and `merged_events`, in insert order.
EVENT_COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in _event_columns())
