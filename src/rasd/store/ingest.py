"""Ingest: stream articles into the store, extract the ones this run has not seen, dedup.

Articles are taken in batches from an iterator (a 10 GB JSON Lines file is
never loaded whole). Per batch: one transaction stores the new articles, the
pipeline extracts those the current run has not extracted yet, and a second
transaction stores their events with the run's extraction marks. A process
killed at any point loses only the batch in flight; a re-run skips what was
committed and finishes the rest, without duplicates.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import TYPE_CHECKING

from rasd.errors import RasdError
from rasd.io.progress import ProgressLine
from rasd.model import Article, Event
from rasd.store.filters import EventFilter

if TYPE_CHECKING:
    from rasd.store.store import IngestSummary, Store

DEFAULT_BATCH = 64
MAX_KEPT_PROBLEMS = 1000

Extractor = Callable[[list[Article]], list[tuple[Article, list[Event]]]]


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def ingest(store: "Store", articles: Iterable[Article], pipeline=None, progress: bool = True,
           batch_size: int = DEFAULT_BATCH, run_id: str | None = None, force: bool = False,
           dedup: bool = True, extractor: Extractor | None = None,
           on_problem: Callable[[str], None] | None = None) -> "IngestSummary":
    """Store and extract articles; returns what happened.

    pipeline: a rasd Pipeline (built once; default one if None).
    force: re-extract articles this run already extracted, replacing their events.
    extractor: runs a batch through extraction elsewhere (a distributed engine);
        default: `pipeline.extract` in this process.
    dedup: re-group the run's events across articles at the end.
    """
    from rasd.store.store import IngestSummary

    if batch_size < 1:  # islice would raise on a negative size and read nothing on 0
        raise RasdError(f"--batch-size must be at least 1, not {batch_size}")
    if extractor is None:
        if pipeline is None:
            from rasd.pipeline import Pipeline

            pipeline = Pipeline()
        extractor = _local_extractor(pipeline, on_problem)
    run_id = store.ensure_run(run_id)
    summary = IngestSummary(run_id=run_id)

    def problem(message: str) -> None:
        summary.problem_count += 1
        if len(summary.problems) < MAX_KEPT_PROBLEMS:  # an archive may have millions of bad lines
            summary.problems.append(message)
        if on_problem is not None:
            on_problem(message)

    started = time.perf_counter()
    with ProgressLine(progress, "[bold]ingest[/]",
                      ("{task.fields[articles]:,} articles", "{task.fields[rate]:.1f} articles/s",
                       "{task.fields[events]:,} events", "{task.fields[new]:,} new"),
                      articles=0, rate=0.0, events=0, new=0) as bar:
        for batch in _batches(articles, batch_size):
            plan = store_batch_articles(store, batch, run_id, force)
            todo = plan.todo
            summary.articles_read += len(batch)
            summary.articles_new += plan.new
            summary.articles_existing += len(batch) - plan.new
            summary.articles_skipped += plan.skipped
            results = extractor(todo) if todo else []
            extracted_ids = {a.id for a, _ in results}
            for a in todo:
                if a.id not in extracted_ids:
                    summary.articles_failed += 1
                    problem(f"{a.id}: extraction failed; not marked done, a re-run will retry it")
            written = store.save_extractions([(a.id, evs) for a, evs in results], run_id=run_id,
                                             replace=force)
            summary.articles_extracted += len(written)
            summary.events_found += sum(len(evs) for a, evs in results if a.id in written)
            elapsed = time.perf_counter() - started
            bar.update(articles=summary.articles_read, events=summary.events_found,
                       new=summary.articles_new,
                       rate=summary.articles_read / elapsed if elapsed > 0 else 0.0)
    if dedup:
        # Only the days holding events no dedup has seen are regrouped: this
        # ingest's, or those of an earlier ingest killed before its dedup.
        if store.dedup_pending(run_id) is not None or summary.articles_extracted:
            summary.merged_groups = store.merged_group_count(run_id)
            summary.events_after_dedup = store.count_events(EventFilter(run_id=run_id))
    summary.seconds = time.perf_counter() - started
    return summary


@dataclass(slots=True)
class BatchPlan:
    """A batch once its articles are stored: what this run still has to extract."""

    new: int  # articles the store did not hold before
    todo: list[Article]  # distinct articles to extract (all of them with force)
    skipped: int  # distinct articles this run had already extracted


def store_batch_articles(store: "Store", batch: Sequence[Article], run_id: str, force: bool) -> BatchPlan:
    """Store a batch's new articles and plan its extraction (here and on engine workers)."""
    flags = store.add_articles(batch)
    unique = list({a.id: a for a in batch}.values())
    if force:
        todo = unique
    else:
        left = set(store.not_extracted([a.id for a in unique], run_id))
        todo = [a for a in unique if a.id in left]
    return BatchPlan(new=sum(flags), todo=todo, skipped=len(unique) - len(todo))


def _local_extractor(pipeline, on_problem: Callable[[str], None] | None) -> Extractor:
    def extract(batch: list[Article]) -> list[tuple[Article, list[Event]]]:
        out = []
        for article in batch:
            try:
                out.append((article, pipeline.extract(article)))
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop an archive
                if on_problem is not None:
                    on_problem(f"{article.id}: extraction raised {type(exc).__name__}: {exc}")
        return out

    return extract
