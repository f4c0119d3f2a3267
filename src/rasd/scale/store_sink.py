"""Write batches into the rasd store (SQLite or PostgreSQL), idempotently.

Exactly one copy of every article, however often a batch runs: articles are
inserted ON CONFLICT DO NOTHING by id, and an article's extraction row for a
run is its claim (rasd.store `save_extractions`): a batch that an engine runs
a second time, after its worker died before or after committing, finds the
articles present and their extractions claimed, and writes nothing twice.

Two places can write:
- the driver (SQLite: one writer process is what SQLite wants), with the
  workers only extracting;
- each worker (PostgreSQL: many writers, no bottleneck in the driver), each
  opening the store once per worker process.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rasd.model import Article
from rasd.scale.outcome import BatchOutcome
from rasd.scale.worker import DEFAULT_PIPELINE, BatchResult, extract_batch

# One open Store per worker process and database.
_STORES: dict[str, object] = {}


@dataclass(frozen=True, slots=True)
class StoreTarget:
    """Where extraction results go: the `open_store` argument and the run they belong to."""

    db: str | None
    run_id: str
    force: bool = False  # re-extract articles this run already extracted, replacing their events

    @property
    def is_postgres(self) -> bool:
        from rasd.store.store import is_postgres_url

        return is_postgres_url(self.db)


def worker_store(db: str | None):
    """This process's Store for `db`, opened once."""
    from rasd.store import open_store

    key = str(db)
    store = _STORES.get(key)
    if store is None:
        store = open_store(db)
        _STORES[key] = store
    return store


def prepare(store, target: StoreTarget, batch_id: int, articles: Sequence[Article]) -> tuple[BatchOutcome, list[Article]]:
    """Store the batch's new articles; return the counts so far and the articles left to extract."""
    from rasd.store.ingest import store_batch_articles

    plan = store_batch_articles(store, articles, target.run_id, target.force)
    outcome = BatchOutcome(batch_id=batch_id, articles_read=len(articles), articles_new=plan.new)
    outcome.articles_skipped = plan.skipped
    return outcome, plan.todo


def save(store, target: StoreTarget, outcome: BatchOutcome, result: BatchResult) -> BatchOutcome:
    """Write a batch's events in one transaction and complete its outcome."""
    written = store.save_extractions(result.items,
                                     run_id=target.run_id, replace=target.force) if result.items else set()
    outcome.articles_extracted = len(written)
    outcome.events_found = sum(len(events) for article_id, events in result.items if article_id in written)
    outcome.articles_failed = len(result.failed)
    outcome.problems.extend(result.problems)
    outcome.seconds = result.seconds
    outcome.worker_pid = result.worker_pid
    outcome.worker_rss_mb = result.worker_rss_mb
    return outcome


def store_batch_on_worker(batch_id: int, articles: list[Article], target: StoreTarget,
                          factory: str = DEFAULT_PIPELINE) -> BatchOutcome:
    """The worker-side task: store, extract what is left, write the events."""
    store = worker_store(target.db)
    outcome, todo = prepare(store, target, batch_id, articles)
    return save(store, target, outcome, extract_batch(batch_id, todo, factory))
