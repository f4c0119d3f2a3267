"""Bring a database's schema to the current version with Alembic (no alembic.ini needed).

Opening a store calls `upgrade(engine)`: a fast look at the version table, and
Alembic only when the schema is missing or old. On PostgreSQL an advisory lock
makes concurrent first opens (two ingests started together) take turns.
"""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

VERSION_TABLE = "rasd_schema_version"
HEAD = "0003"
_MIGRATIONS = Path(__file__).with_name("migrations")
# Any fixed 64-bit number: the advisory lock that serialises schema upgrades.
_PG_LOCK_KEY = 0x72617364  # "rasd"


def current_revision(conn: Connection) -> str | None:
    # On PostgreSQL look in the schema new tables go to (the first on the
    # search_path), not any visible one: a store may live in its own schema
    # beside another rasd store in `public`.
    schema = conn.scalar(text("SELECT current_schema()")) if conn.dialect.name == "postgresql" else None
    if not inspect(conn).has_table(VERSION_TABLE, schema=schema):
        return None
    table = f'"{schema}".{VERSION_TABLE}' if schema else VERSION_TABLE
    row = conn.execute(text(f"SELECT version_num FROM {table}")).first()
    return row[0] if row else None


def alembic_config(conn: Connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    with engine.connect() as conn:
        if revision == "head" and current_revision(conn) == HEAD:
            return
    from alembic import command

    try:
        with engine.begin() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
                if revision == "head" and current_revision(conn) == HEAD:
                    return  # another process upgraded while we waited
            command.upgrade(alembic_config(conn), revision)
    except OperationalError:
        # SQLite runs DDL outside transactions: when two processes create a new
        # store at once, the second trips on the first's tables. Wait for the
        # first to finish and stamp the version.
        if engine.dialect.name != "sqlite" or revision != "head":
            raise
        _wait_for_head(engine)


def _wait_for_head(engine: Engine, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while True:
        with engine.connect() as conn:
            if current_revision(conn) == HEAD:
                return
        if time.monotonic() > deadline:
            raise OperationalError("schema upgrade", {}, Exception(
                "another process is creating this store and did not finish in time"))
        time.sleep(0.1)
