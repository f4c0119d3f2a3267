"""Index event_sources by (run_id, reason): finding events still pending dedup after each ingest.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_event_sources_reason", "event_sources", ["run_id", "reason"])


def downgrade() -> None:
    op.drop_index("ix_event_sources_reason", table_name="event_sources")
