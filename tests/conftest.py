"""A fresh PostgreSQL schema per test when DATABASE_URL is set (.ci/postgres.sh starts one).

Shared by the store and scale tests. Each test gets its own schema
(search_path=<schema>,public so PostGIS types resolve), dropped afterwards.
Without DATABASE_URL the PostgreSQL variants skip, loudly.
"""

from __future__ import annotations

import os
import uuid
import warnings
from collections.abc import Iterator
from urllib.parse import quote

import pytest

PG_URL = os.environ.get("DATABASE_URL", "")
NO_PG = ("PostgreSQL tests SKIPPED: DATABASE_URL is not set "
         "(source .ci/postgres.sh to start PostgreSQL+PostGIS on loopback)")


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
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options={quote(f'-csearch_path={schema},public')}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()
