"""Store fixtures: a fresh SQLite file, and a fresh PostgreSQL schema when DATABASE_URL is set.

PostgreSQL comes from .ci/postgres.sh (CI) or any reachable server; each test
gets its own schema (search_path=<schema>,public so PostGIS types resolve),
dropped afterwards. Without DATABASE_URL the PostgreSQL variants skip, loudly.
"""

from __future__ import annotations

import os
import uuid
import warnings
from collections.abc import Iterator
from urllib.parse import quote

import pytest

from rasd.store import Store, open_store

PG_URL = os.environ.get("DATABASE_URL", "")
NO_PG = ("PostgreSQL store tests SKIPPED: DATABASE_URL is not set "
         "(source .ci/postgres.sh to start PostgreSQL+PostGIS on loopback)")


def pg_schema_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options={quote(f'-csearch_path={schema},public')}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A PostgreSQL URL whose tables live in a fresh schema of their own."""
    if not PG_URL:
        warnings.warn(NO_PG)
        pytest.skip(NO_PG)
    from sqlalchemy import create_engine, text

    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(PG_URL.replace("postgresql://", "postgresql+psycopg://", 1))
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield pg_schema_url(schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def sqlite_path(tmp_path) -> str:
    return str(tmp_path / "rasd.sqlite")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """Each test using this runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return str(tmp_path / "rasd.sqlite")
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url) -> Iterator[Store]:
    s = open_store(db_url)
    try:
        yield s
    finally:
        s.close()
