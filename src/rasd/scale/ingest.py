"""Distributed ingest: stream articles in batches to engine workers, write each batch once.

    from rasd.scale import ingest_on_engine
    summary = ingest_on_engine(read_articles("archive.jsonl"), db="postgresql://…", workers=8)
    summary = ingest_on_engine(articles, parquet="lake/rasd-2015")

The driver (this process) reads the input lazily and keeps a bounded number
of batches in flight (two per worker), so an archive of any size streams
through in constant memory. Each worker extracts with its own Pipeline,
built once. Results are written per batch, idempotently (see store_sink and
parquet_sink), so an engine that re-runs a batch after a worker died leaves
exactly one copy of every article.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rasd.errors import RasdError
from rasd.io.progress import ProgressLine
from rasd.model import Article
from rasd.scale.batches import DEFAULT_BATCH_SIZE, Batch, numbered_batches
from rasd.scale.outcome import BatchOutcome
from rasd.scale.parquet_sink import ParquetTarget, parquet_batch_on_worker, prepare_folder
from rasd.scale.store_sink import StoreTarget, prepare, save, store_batch_on_worker
from rasd.scale.worker import DEFAULT_PIPELINE, extract_batch

ENGINES = ("dask",)
WRITE_ON = ("auto", "driver", "workers")


@dataclass(slots=True)
class ScaleSummary:
    engine: str
    workers: int
    target: str  # the database or the Parquet folder
    write_on: str  # "driver" or "workers"
    run_id: str = ""
    batches: int = 0
    articles_read: int = 0
    articles_new: int = 0
    articles_extracted: int = 0
    articles_skipped: int = 0
    articles_failed: int = 0
    events_found: int = 0
    events_after_dedup: int | None = None
    merged_groups: int | None = None
    start_seconds: float = 0.0  # cluster start-up, workers' Pipelines built
    seconds: float = 0.0  # whole run: start-up, batches, shutdown, dedup
    batches_seconds: float = 0.0  # from the first batch handed out to the last one back
    dedup_seconds: float = 0.0
    worker_seconds: float = 0.0  # extraction time summed over batches
    peak_worker_rss_mb: float = 0.0
    worker_pids: set[int] = field(default_factory=set)
    workers_lost: int = 0  # worker processes that died during the run (the nanny restarts them)
    problems: list[str] = field(default_factory=list)

    @property
    def articles_per_second(self) -> float:
        """Articles/s while the batches ran (start-up, shutdown and the final dedup apart)."""
        return self.articles_read / self.batches_seconds if self.batches_seconds > 0 else 0.0

    def add(self, outcome: BatchOutcome) -> None:
        self.batches += 1
        self.articles_read += outcome.articles_read
        self.articles_new += outcome.articles_new
        self.articles_extracted += outcome.articles_extracted
        self.articles_skipped += outcome.articles_skipped
        self.articles_failed += outcome.articles_failed
        self.events_found += outcome.events_found
        self.worker_seconds += outcome.seconds
        self.peak_worker_rss_mb = max(self.peak_worker_rss_mb, outcome.worker_rss_mb)
        if outcome.worker_pid:
            self.worker_pids.add(outcome.worker_pid)
        self.problems.extend(outcome.problems)

    def lines(self) -> list[str]:
        """The final summary, one fact per line, for the terminal."""
        out = [
            f"engine        {self.engine}, {self.workers} workers, results written by the {self.write_on}",
            f"target        {self.target} (run {self.run_id})",
            f"articles      {self.articles_read:,} read, {self.articles_new:,} new, "
            f"{self.articles_extracted:,} extracted, {self.articles_skipped:,} already done, "
            f"{self.articles_failed:,} failed",
            f"events        {self.events_found:,} found"
            + (f", {self.events_after_dedup:,} after dedup" if self.events_after_dedup is not None else ""),
            f"time          {self.seconds:.1f} s: {self.start_seconds:.1f} s start-up, "
            f"{self.batches_seconds:.1f} s for {self.batches:,} batches "
            f"({self.articles_per_second:,.1f} articles/s), {self.dedup_seconds:.1f} s dedup",
            f"memory        {self.peak_worker_rss_mb:,.0f} MB peak per worker",
        ]
        if self.workers_lost > 0:
            out.append(f"failures      {self.workers_lost} worker(s) died and were restarted; "
                       "their batches were re-run (nothing stored twice)")
        if self.problems:
            out.append(f"problems      {len(self.problems):,} (warnings above)")
        return out


def ingest_on_engine(articles: Iterable[Article], *, db: str | None = None, parquet: str | None = None,
                     engine: str = "dask", address: str | None = None, workers: int | None = None,
                     batch_size: int = DEFAULT_BATCH_SIZE, pipeline: str = DEFAULT_PIPELINE,
                     run_id: str | None = None, force: bool = False, dedup: bool = True,
                     write_on: str = "auto", progress: bool = True,
                     on_problem: Callable[[str], None] | None = None) -> ScaleSummary:
    """Extract `articles` on engine workers into the store `db` (open_store's argument) or a Parquet folder.

    write_on: "driver" (default for SQLite: one writer), "workers" (default for
    PostgreSQL and Parquet: each worker writes its own batches), or "auto".
    pipeline: "module:attribute" of a callable returning the Pipeline each worker builds.
    """
    if engine not in ENGINES:
        raise RasdError(f"engine {engine!r} is not supported; choose one of: {', '.join(ENGINES)}")
    if write_on not in WRITE_ON:
        raise RasdError(f"write_on {write_on!r}: choose one of {', '.join(WRITE_ON)}")
    if batch_size < 1:
        raise RasdError(f"--batch-size must be at least 1, not {batch_size}")
    from rasd.scale.dask_engine import DaskEngine
    from rasd.scale.worker import resolve_factory

    resolve_factory(pipeline)  # fail here, in one line, rather than on every worker
    started = time.perf_counter()
    store = None
    if parquet is not None:
        from rasd.store.runs import current_run

        # Absolute: a worker's working folder need not be the driver's.
        target: StoreTarget | ParquetTarget = ParquetTarget(str(Path(parquet).resolve()),
                                                            run_id or current_run().run_id)
        prepare_folder(target, batch_size)
        mode = "workers"
        target_name = str(parquet)
    else:
        from rasd.store import open_store

        if write_on == "workers" and str(db) == ":memory:":
            raise RasdError(":memory: database: workers cannot share it; give a file or a PostgreSQL URL")
        store = open_store(db)
        run = store.ensure_run(run_id)
        target = StoreTarget(db=_worker_db(db, store.name), run_id=run, force=force)
        mode = write_on if write_on != "auto" else ("workers" if target.is_postgres else "driver")
        target_name = store.name
    summary = ScaleSummary(engine=engine, workers=0, target=target_name, write_on=mode,
                           run_id=target.run_id)

    def problem(message: str) -> None:
        if on_problem is not None:
            on_problem(message)

    try:
        with DaskEngine(address=address, workers=workers, factory=pipeline) as eng:
            summary.workers = eng.workers
            first_pids = set(eng.worker_pids().values())
            summary.start_seconds = time.perf_counter() - started
            in_flight = max(2, 2 * summary.workers)
            batches = numbered_batches(articles, batch_size)
            with ProgressLine(progress, f"[bold]ingest on {summary.engine}[/] ({summary.workers} workers)",
                              ("{task.fields[articles]:,} articles", "{task.fields[rate]:.1f}/s",
                               "{task.fields[events]:,} events", "{task.fields[batches]:,} batches"),
                              articles=0, rate=0.0, events=0, batches=0) as bar:
                for outcome in _run(eng, batches, target, mode, store, pipeline, in_flight):
                    summary.add(outcome)
                    for message in outcome.problems:
                        problem(message)
                    run = time.perf_counter() - started - summary.start_seconds
                    bar.update(articles=summary.articles_read, events=summary.events_found,
                               batches=summary.batches,
                               rate=summary.articles_read / run if run > 0 else 0.0)
            summary.batches_seconds = time.perf_counter() - started - summary.start_seconds
            if not address:  # on a shared cluster other jobs' restarts are not ours
                summary.workers_lost = _lost(eng, first_pids)
        if store is not None and dedup and summary.articles_extracted:
            t = time.perf_counter()
            result = store.dedup(target.run_id)
            summary.dedup_seconds = time.perf_counter() - t
            summary.events_after_dedup = result.events_after
            summary.merged_groups = result.merged_groups
    finally:
        if store is not None:
            store.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _worker_db(db: str | None, opened_as: str) -> str:
    """The database as the workers must name it: the same file or server the driver opened."""
    if db is None:
        return opened_as  # the default SQLite file's absolute path
    name = str(db)
    if name.startswith("sqlite:///"):
        name = name[len("sqlite:///"):]
    if "://" in name or name == ":memory:":
        return name
    return str(Path(name).expanduser().resolve())


def _lost(eng, first_pids: set[int]) -> int:
    """Workers of the start that are gone now (a count for the summary, never a failure)."""
    try:
        return len(first_pids - set(eng.worker_pids().values()))
    except Exception:  # noqa: BLE001 - a worker restarting right now must not fail a finished run
        return -1


def _run(eng, batches: Iterator[Batch], target, mode: str, store, factory: str,
         in_flight: int) -> Iterator[BatchOutcome]:
    if isinstance(target, ParquetTarget):
        yield from eng.run_streaming(parquet_batch_on_worker,
                                     ((b.batch_id, b.articles, target, factory) for b in batches), in_flight)
        return
    if mode == "workers":
        yield from eng.run_streaming(store_batch_on_worker,
                                     ((b.batch_id, b.articles, target, factory) for b in batches), in_flight)
        return
    # Driver writes: store the articles as each batch is handed out, extract on
    # the workers, write the events when the batch comes back.
    prepared: dict[int, BatchOutcome] = {}

    def tasks() -> Iterator[tuple]:
        for b in batches:
            outcome, todo = prepare(store, target, b.batch_id, b.articles)
            prepared[b.batch_id] = outcome
            yield (b.batch_id, todo, factory)

    for result in eng.run_streaming(extract_batch, tasks(), in_flight):
        yield save(store, target, prepared.pop(result.batch_id), result)
