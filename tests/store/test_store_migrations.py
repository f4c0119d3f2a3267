"""The Alembic migration builds exactly the tables rasd.store.schema describes; PostGIS column on PostgreSQL."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from rasd.store import open_store
from rasd.store.migrate import HEAD, VERSION_TABLE, current_revision
from rasd.store.schema import metadata
from store_factories import article, event


def _ignore(obj, name, type_, reflected, compare_to):
    # Added only where PostGIS exists, kept by a trigger: not part of the portable schema.
    if type_ == "column" and name == "geog":
        return False
    if type_ == "index" and name and name.endswith(("_geog", "_trgm")):
        return False  # _trgm: GIN trigram indexes, PostgreSQL with pg_trgm only (migration 0003)
    return not (type_ == "table" and name in (VERSION_TABLE, "spatial_ref_sys"))


def test_migrated_database_matches_the_schema(db_url):
    with open_store(db_url) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _ignore,
                                                         "compare_type": True})
        assert compare_metadata(context, metadata) == []
        assert current_revision(conn) == HEAD


def test_reopening_keeps_the_data(db_url):
    with open_store(db_url) as store:
        store.add_articles([article(1)])
    with open_store(db_url) as store:
        assert store.count_articles() == 1


def test_postgis_geography_follows_coordinates(pg_url):
    with open_store(pg_url) as store:
        store.add_articles([article(1)])
        e = event("art1", latitude=12.7855, longitude=45.0187)
        store.save_extraction("art1", [e])
        with store.engine.connect() as conn:
            columns = {c["name"] for c in inspect(conn).get_columns("merged_events")}
            assert "geog" in columns
            point = conn.execute(text("SELECT ST_Y(geog::geometry), ST_X(geog::geometry) FROM merged_events")).one()
            near = conn.scalar(text(
                "SELECT count(*) FROM merged_events WHERE ST_DWithin(geog, "
                "ST_SetSRID(ST_MakePoint(45.03, 12.80), 4326)::geography, 5000)"))
    assert point == pytest.approx((12.7855, 45.0187))
    assert near == 1


def test_a_store_at_an_older_revision_is_upgraded_on_open(sqlite_path):
    from sqlalchemy import create_engine

    from rasd.store.migrate import upgrade

    engine = create_engine(f"sqlite:///{sqlite_path}")
    upgrade(engine, "0001")
    with engine.connect() as conn:
        assert current_revision(conn) == "0001"
        assert "ix_event_sources_reason" not in {i["name"] for i in inspect(conn).get_indexes("event_sources")}
    engine.dispose()
    with open_store(sqlite_path) as store, store.engine.connect() as conn:
        assert current_revision(conn) == HEAD == "0003"
        assert "ix_event_sources_reason" in {i["name"] for i in inspect(conn).get_indexes("event_sources")}
