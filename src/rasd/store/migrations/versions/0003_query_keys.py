"""Case-folded key columns on merged_events, back-filled, and indexes that match the filters.

Filters on country/admin1 compared `lower(column)` and could use no index;
actor and text filters lowered four to nine columns of every row. The keys
(rasd.store.keys) are written with each row from now on; this back-fills the
rows already stored, in batches, and replaces the indexes:

    ix_merged_run_type     (run_id, event_type, event_date)   was (run_id, event_type)
    ix_merged_run_admin1   (run_id, admin1_key, event_date)   was (run_id, country, admin1)
    ix_merged_run_country  (run_id, country_key, event_date)  new
    ix_merged_run_iso3     (run_id, iso3_key, event_date)     new
    ix_merged_run_latlon   (run_id, latitude, longitude, fatalities)  was without fatalities
    ix_merged_run_fatalities (run_id, fatalities)             new
    ix_merged_run_actor    (run_id, actor_key)                new: actor counts read no rows
    ix_merged_run_search   (run_id, search_key)               new: text counts read no rows
    ix_merged_run_facets   (run_id, country_key, iso3_key, admin1_key, event_date, event_type,
                            status, fatalities, admin1, actor1, actor2)   new: stats read no rows

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

KEYS = (("country_key", sa.String(100)), ("iso3_key", sa.String(3)), ("admin1_key", sa.String(120)),
        ("actor_key", sa.Text()), ("search_key", sa.Text()))
_BATCH = 2000


def upgrade() -> None:
    # Rows written from now on get their keys from rasd.store.keys too: a later
    # change to how keys are folded needs a migration of its own that re-fills them.
    from rasd.store.keys import ACTOR_FIELDS, SEARCH_FIELDS, key_values

    for name, type_ in KEYS:
        op.add_column("merged_events", sa.Column(name, type_))
    _backfill(op.get_bind(), sorted({"country", "iso3", "admin1", *ACTOR_FIELDS, *SEARCH_FIELDS}), key_values)

    op.drop_index("ix_merged_run_type", table_name="merged_events")
    op.drop_index("ix_merged_run_admin1", table_name="merged_events")
    op.drop_index("ix_merged_run_latlon", table_name="merged_events")
    op.create_index("ix_merged_run_type", "merged_events", ["run_id", "event_type", "event_date"])
    op.create_index("ix_merged_run_country", "merged_events", ["run_id", "country_key", "event_date"])
    op.create_index("ix_merged_run_iso3", "merged_events", ["run_id", "iso3_key", "event_date"])
    op.create_index("ix_merged_run_admin1", "merged_events", ["run_id", "admin1_key", "event_date"])
    op.create_index("ix_merged_run_latlon", "merged_events", ["run_id", "latitude", "longitude", "fatalities"])
    op.create_index("ix_merged_run_fatalities", "merged_events", ["run_id", "fatalities"])
    op.create_index("ix_merged_run_actor", "merged_events", ["run_id", "actor_key"])
    op.create_index("ix_merged_run_search", "merged_events", ["run_id", "search_key"])
    op.create_index("ix_merged_run_facets", "merged_events", list(FACETS))
    if op.get_bind().dialect.name == "postgresql":
        _add_trigram_indexes()


# Every column stats() reads or filters on (but actor/text), in one index.
FACETS = ("run_id", "country_key", "iso3_key", "admin1_key", "event_date", "event_type", "status",
          "fatalities", "admin1", "actor1", "actor2")


def _add_trigram_indexes() -> None:
    """PostgreSQL: GIN trigram indexes so `actor_key/search_key LIKE '%word%'` reads an index.

    pg_trgm ships with PostgreSQL and is a trusted extension (the database
    owner may create it). Where it cannot be had, the LIKE scans one narrow
    column (ix_merged_run_actor/_search) as on SQLite: slower, same answers.
    """
    bind = op.get_bind()
    savepoint = bind.begin_nested()
    try:
        # In public when first created, so that stores in other schemas share it.
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"))
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return
    savepoint.commit()
    schema = bind.scalar(sa.text("SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                                 "ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'"))
    for column, name in (("actor_key", "ix_merged_actor_trgm"), ("search_key", "ix_merged_search_trgm")):
        op.execute(f'CREATE INDEX {name} ON merged_events USING gin ({column} "{schema}".gin_trgm_ops)')


def _backfill(conn, fields: list[str], key_values) -> None:
    table = sa.table("merged_events", sa.column("run_id"), sa.column("event_id"),
                     *(sa.column(f) for f in fields), *(sa.column(k) for k, _ in KEYS))
    update = (sa.update(table)
              .where(table.c.run_id == sa.bindparam("b_run_id"), table.c.event_id == sa.bindparam("b_event_id"))
              .values({k: sa.bindparam(f"b_{k}") for k, _ in KEYS}))
    # Keyset pages over the primary key: memory stays flat on any store size.
    last = ("", "")
    while True:
        rows = conn.execute(
            sa.select(table.c.run_id, table.c.event_id, *(table.c[f] for f in fields))
            .where(sa.tuple_(table.c.run_id, table.c.event_id) > sa.tuple_(*last))
            .order_by(table.c.run_id, table.c.event_id).limit(_BATCH)).all()
        if not rows:
            return
        params = []
        for r in rows:
            keys = key_values(r._mapping)
            params.append({"b_run_id": r.run_id, "b_event_id": r.event_id,
                           **{f"b_{k}": v for k, v in keys.items()}})
        conn.execute(update, params)
        last = (rows[-1].run_id, rows[-1].event_id)


def downgrade() -> None:
    for name in ("ix_merged_actor_trgm", "ix_merged_search_trgm"):
        op.execute(f"DROP INDEX IF EXISTS {name}")
    for name in ("ix_merged_run_facets", "ix_merged_run_search", "ix_merged_run_actor", "ix_merged_run_latlon"):
        op.drop_index(name, table_name="merged_events")
    op.create_index("ix_merged_run_latlon", "merged_events", ["run_id", "latitude", "longitude"])
    op.drop_index("ix_merged_run_fatalities", table_name="merged_events")
    op.drop_index("ix_merged_run_admin1", table_name="merged_events")
    op.drop_index("ix_merged_run_iso3", table_name="merged_events")
    op.drop_index("ix_merged_run_country", table_name="merged_events")
    op.drop_index("ix_merged_run_type", table_name="merged_events")
    op.create_index("ix_merged_run_type", "merged_events", ["run_id", "event_type"])
    op.create_index("ix_merged_run_admin1", "merged_events", ["run_id", "country", "admin1"])
    for name, _ in reversed(KEYS):
        op.drop_column("merged_events", name)
