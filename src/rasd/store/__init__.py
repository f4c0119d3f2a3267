"""The event store (SQLite by default, PostgreSQL+PostGIS for teams): ingest, dedup, queries.

    from rasd.store import open_store, EventFilter
    with open_store("events.sqlite") as store:
        store.ingest(read_articles("news.jsonl"), Pipeline())
        store.query_events(EventFilter(country="Yemen", date_from="2015-07-01"))
"""

from rasd.store.filters import EventFilter
from rasd.store.store import IngestSummary, Store, default_db_path, open_store

__all__ = ["EventFilter", "IngestSummary", "Store", "default_db_path", "open_store"]
