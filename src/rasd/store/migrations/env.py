"""Alembic environment: runs on the connection rasd.store.migrate hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from rasd.store.migrate import VERSION_TABLE
from rasd.store.schema import metadata

connection = context.config.attributes["connection"]
# On PostgreSQL, keep the version table in the schema the tables go to (see
# migrate.current_revision), so two stores in two schemas never share one.
schema = connection.scalar(text("SELECT current_schema()")) if connection.dialect.name == "postgresql" else None
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    version_table_schema=schema,
    # SQLite cannot ALTER most things in place; batch mode rebuilds tables when needed.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
