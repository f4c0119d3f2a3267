"""Store fixtures: a fresh SQLite file, and each test on both databases (db_url).

The PostgreSQL side is tests/conftest.py's pg_url (a fresh schema per test,
skipped loudly without DATABASE_URL).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rasd.store import Store, open_store


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
