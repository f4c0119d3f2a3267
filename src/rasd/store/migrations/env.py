"""Alembic environment: runs on the connection rasd.store.migrate hands over."""

from __future__ import annotations

from alembic import context

from rasd.store.migrate import VERSION_TABLE
from rasd.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    version_table=VERSION_TABLE,
    # SQLite cannot ALTER most things in place; batch mode rebuilds tables when needed.
    render_as_batch=connection.dialect.name == "sqlite",
)
with context.begin_transaction():
    context.run_migrations()
