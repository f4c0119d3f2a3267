"""What runs on an engine worker: one batch of articles through a worker-held Pipeline.

Building a Pipeline loads the gazetteer, the actor dictionary and the
trigger lexicon, which costs far more than extracting one article. A worker
process therefore builds its Pipeline once, the first time it needs it (or
when the engine warms it up at worker start), and keeps it for every later
batch. Nothing here knows which engine called it: the same functions run in
a Dask worker, a Ray worker or this process.
"""

from __future__ import annotations

import importlib
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rasd.errors import RasdError
from rasd.model import Article, Event
from rasd.pipeline import Pipeline

# "module:attribute" naming a callable that returns a Pipeline. A name, not an
# object, so every worker imports the factory itself instead of unpickling
# one, and a factory can be chosen on the command line.
DEFAULT_PIPELINE = "rasd.pipeline:Pipeline"

PipelineFactory = Callable[[], Pipeline]

# One Pipeline per worker process and factory, built on first use.
_PIPELINES: dict[str, Pipeline] = {}


@dataclass(slots=True)
class BatchResult:
    """The extraction of one batch, as it comes back from a worker."""

    batch_id: int
    # (article id, its events): ids, not articles, so a result crossing the
    # network does not carry the article text back.
    items: list[tuple[str, list[Event]]]
    seconds: float  # extraction time inside the worker, resources already loaded
    cpu_seconds: float  # CPU time of that extraction (apart from waiting for a busy core)
    worker_pid: int
    worker_rss_mb: float  # the worker's peak resident memory so far (Pipeline loaded)
    failed: list[str] = field(default_factory=list)  # ids of articles the pipeline raised on
    problems: list[str] = field(default_factory=list)

    @property
    def events(self) -> int:
        return sum(len(events) for _article_id, events in self.items)


def resolve_factory(name: str) -> PipelineFactory:
    """Import the pipeline factory named 'module:attribute'."""
    module_name, _, attr = name.partition(":")
    if not module_name or not attr:
        raise RasdError(f"pipeline factory {name!r}: give it as 'module:attribute', e.g. {DEFAULT_PIPELINE}")
    try:
        factory = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise RasdError(f"pipeline factory {name!r} cannot be imported ({exc})") from None
    if not callable(factory):
        raise RasdError(f"pipeline factory {name!r} is not callable")
    return factory


def worker_pipeline(factory: str = DEFAULT_PIPELINE) -> Pipeline:
    """This process's Pipeline for `factory`, built once."""
    pipeline = _PIPELINES.get(factory)
    if pipeline is None:
        pipeline = resolve_factory(factory)()
        _PIPELINES[factory] = pipeline
    return pipeline


def peak_rss_mb() -> float:
    """The most resident memory this process has used so far, in MB (getrusage)."""
    try:
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # KiB on Linux
    except (ImportError, OSError):
        return rss_mb()


def rss_mb() -> float:
    """Resident memory of this process in MB (Linux /proc; psutil where available)."""
    try:
        with open(f"/proc/{os.getpid()}/statm", encoding="ascii") as f:
            pages = int(f.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        try:
            import psutil

            return psutil.Process().memory_info().rss / 1e6
        except ImportError:
            return -1.0


def extract_batch(batch_id: int, articles: Sequence[Article],
                  factory: str = DEFAULT_PIPELINE) -> BatchResult:
    """Run the worker's Pipeline over one batch.

    An article the pipeline raises on is reported and left out (not marked
    extracted, so a re-run tries it again): one bad article in an archive must
    not fail its batch on every retry and so stop the whole run.
    """
    pipeline = worker_pipeline(factory)
    started = time.perf_counter()
    cpu_started = time.process_time()
    result = BatchResult(batch_id=batch_id, items=[], seconds=0.0, cpu_seconds=0.0,
                         worker_pid=os.getpid(), worker_rss_mb=0.0)
    for article in articles:
        try:
            result.items.append((article.id, pipeline.extract(article)))
        except Exception as exc:  # noqa: BLE001 - reported per article, see above
            result.failed.append(article.id)
            result.problems.append(f"{article.id}: extraction raised {type(exc).__name__}: {exc}")
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu_started
    result.worker_rss_mb = peak_rss_mb()
    return result
