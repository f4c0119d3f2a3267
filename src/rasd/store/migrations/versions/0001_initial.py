"""Initial store: runs, articles, extractions, events, evidence, merged events, sources.

On PostgreSQL with PostGIS available, events and merged_events also get a
`geog geography(Point, 4326)` column kept in step with latitude/longitude by
a trigger, with a GiST index, for spatial SQL from GIS tools.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def _event_columns() -> list[sa.Column]:
    return [
        sa.Column("article_id", sa.String(200), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("event_date", sa.Date()),
        sa.Column("time_precision", sa.Integer(), nullable=False),
        sa.Column("event_type", sa.String(60), nullable=False),
        sa.Column("sub_event_type", sa.String(80), nullable=False),
        sa.Column("actor1", sa.String(200)),
        sa.Column("actor2", sa.String(200)),
        sa.Column("assoc_actor_1", sa.Text(), nullable=False),
        sa.Column("assoc_actor_2", sa.Text(), nullable=False),
        sa.Column("country", sa.String(100)),
        sa.Column("iso3", sa.String(3)),
        sa.Column("admin1", sa.String(120)),
        sa.Column("admin2", sa.String(120)),
        sa.Column("admin3", sa.String(120)),
        sa.Column("location", sa.String(200)),
        sa.Column("location_ar", sa.String(200)),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
        sa.Column("geo_precision", sa.Integer(), nullable=False),
        sa.Column("fatalities", sa.Integer(), nullable=False),
        sa.Column("injuries", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "runs",
        sa.Column("run_id", sa.String(120), primary_key=True),
        sa.Column("rasd_version", sa.String(60), nullable=False),
        sa.Column("data_version", sa.String(60), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
    )
    op.create_table(
        "articles",
        sa.Column("article_id", sa.String(200), primary_key=True),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("title", sa.Text()),
        sa.Column("published", sa.Date()),
        sa.Column("source", sa.String(200)),
        sa.Column("url", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", TZ, nullable=False),
    )
    op.create_index("ix_articles_content_hash", "articles", ["content_hash"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "extractions",
        sa.Column("run_id", sa.String(120), sa.ForeignKey("runs.run_id"), primary_key=True),
        sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.article_id"), primary_key=True),
        sa.Column("n_events", sa.Integer(), nullable=False),
        sa.Column("extracted_at", TZ, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("run_id", sa.String(120), sa.ForeignKey("runs.run_id"), primary_key=True),
        sa.Column("event_id", sa.String(64), primary_key=True),
        *_event_columns(),
    )
    op.create_index("ix_events_run_article", "events", ["run_id", "article_id"])
    op.create_index("ix_events_run_date", "events", ["run_id", "event_date"])
    op.create_table(
        "evidence",
        sa.Column("run_id", sa.String(120), primary_key=True),
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_table(
        "merged_events",
        sa.Column("run_id", sa.String(120), sa.ForeignKey("runs.run_id"), primary_key=True),
        sa.Column("event_id", sa.String(64), primary_key=True),
        *_event_columns(),
        sa.Column("n_sources", sa.Integer(), nullable=False),
        sa.Column("sources", sa.Text(), nullable=False),
        sa.Column("updated_at", TZ, nullable=False),
    )
    op.create_index("ix_merged_run_date", "merged_events", ["run_id", "event_date"])
    op.create_index("ix_merged_run_type", "merged_events", ["run_id", "event_type"])
    op.create_index("ix_merged_run_admin1", "merged_events", ["run_id", "country", "admin1"])
    op.create_index("ix_merged_run_latlon", "merged_events", ["run_id", "latitude", "longitude"])
    op.create_table(
        "event_sources",
        sa.Column("run_id", sa.String(120), primary_key=True),
        sa.Column("member_event_id", sa.String(64), primary_key=True),
        sa.Column("merged_event_id", sa.String(64), nullable=False),
        sa.Column("article_id", sa.String(200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
    )
    op.create_index("ix_event_sources_merged", "event_sources", ["run_id", "merged_event_id"])
    if op.get_bind().dialect.name == "postgresql" and _postgis_available():
        _add_geography_columns()


def _postgis_available() -> bool:
    """PostGIS installed in this database, or installable by this role."""
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'postgis'")).first():
        return True
    if not bind.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")).first():
        return False
    # CREATE EXTENSION needs a superuser for PostGIS; try it inside a savepoint
    # so a refusal leaves the migration's transaction usable.
    savepoint = bind.begin_nested()
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS postgis"))
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def _add_geography_columns() -> None:
    op.execute("""
        CREATE OR REPLACE FUNCTION rasd_set_geog() RETURNS trigger AS $$
        BEGIN
          IF NEW.latitude IS NULL OR NEW.longitude IS NULL THEN
            NEW.geog := NULL;
          ELSE
            NEW.geog := ST_SetSRID(ST_MakePoint(NEW.longitude, NEW.latitude), 4326)::geography;
          END IF;
          RETURN NEW;
        END $$ LANGUAGE plpgsql
    """)
    for table in ("events", "merged_events"):
        op.execute(f"ALTER TABLE {table} ADD COLUMN geog geography(Point, 4326)")
        op.execute(f"CREATE INDEX ix_{table}_geog ON {table} USING GIST (geog)")
        op.execute(f"CREATE TRIGGER {table}_geog BEFORE INSERT OR UPDATE OF latitude, longitude "
                   f"ON {table} FOR EACH ROW EXECUTE FUNCTION rasd_set_geog()")


def downgrade() -> None:
    for table in ("event_sources", "merged_events", "evidence", "events", "extractions", "articles", "runs"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS rasd_set_geog()")
