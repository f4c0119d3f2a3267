"""Alembic migrations of the rasd store (run by rasd.store.migrate, no alembic.ini needed)."""
