"""The same API over a PostgreSQL store (teams share one database; issue 7/8).

Needs DATABASE_URL (.ci/postgres.sh starts PostgreSQL+PostGIS on loopback);
skipped loudly without it. One store per module, in a schema of its own.
"""

from __future__ import annotations

import os
import uuid
import warnings
from urllib.parse import quote

import pytest
from serve_corpus import HASAKAH, fill
from test_api import FILTER_CASES

from rasd.store import open_store

PG_URL = os.environ.get("DATABASE_URL", "")
if not PG_URL:
    reason = "serve PostgreSQL tests SKIPPED: DATABASE_URL is not set (source .ci/postgres.sh)"
    warnings.warn(reason)
    pytest.skip(reason, allow_module_level=True)


@pytest.fixture(scope="module")
def pg_client():
    from fastapi.testclient import TestClient
    from sqlalchemy import create_engine, text

    from rasd.serve.api import create_app

    schema = "serve_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    sep = "&" if "?" in PG_URL else "?"
    store = open_store(f"{PG_URL}{sep}options={quote(f'-csearch_path={schema},public')}")
    try:
        fill(store)
        with TestClient(create_app(store)) as client:
            yield client
    finally:
        store.close()
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.mark.parametrize("params, expected_locations", FILTER_CASES)
def test_each_filter_narrows_the_events_on_postgresql(pg_client, params, expected_locations):
    page = pg_client.get("/api/events", params=params).json()
    assert {e["location"] for e in page["events"]} == expected_locations
    assert page["total"] == len(expected_locations)


def test_event_article_stats_and_geojson_on_postgresql(pg_client):
    battle = pg_client.get("/api/events", params={"event_type": "Battles"}).json()["events"][0]
    detail = pg_client.get(f"/api/events/{battle['event_id']}").json()
    for ev in detail["event"]["evidence"]:
        assert HASAKAH.text[ev["start"]:ev["end"]] == ev["text"]
    article = pg_client.get(f"/api/articles/{HASAKAH.id}").json()
    assert article["article"]["text"] == HASAKAH.text and len(article["events"]) == 2
    stats = pg_client.get("/api/stats").json()
    assert stats["total"] == 4 and stats["fatalities"] == 11
    fc = pg_client.get("/api/events.geojson", params={"country": "Iraq"}).json()
    assert fc["features"][0]["geometry"]["coordinates"] == [44.4009, 33.3406]
    assert pg_client.get("/api/events", params={"text": "' OR '1'='1"}).json()["total"] == 0
