"""The engine adapter: rasd batches on Dask distributed workers.

Why Dask (measured on this workload, docs/scale.md): smallest install
(~45 MB against ~260 MB for Ray and ~500 MB plus a JVM for Spark), sub-second
local start, ~65 MB per worker with no helper daemons, and a nanny that
restarts a killed worker while the scheduler re-runs the tasks it held.

Local mode (no address) starts a cluster on this machine: one single-threaded
worker process per core, so extraction, which is pure Python and holds the
GIL, really runs in parallel. With an address, rasd joins an existing
cluster (`dask scheduler` + `dask worker` on other machines, rasd installed
on each) and leaves it running afterwards.

Each worker builds its Pipeline when it joins, through a worker plugin, and
keeps it for every batch; a worker that replaces a dead one does the same.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator
from typing import Any

from rasd.errors import RasdError
from rasd.scale.worker import DEFAULT_PIPELINE, worker_pipeline

# Retries for a task that raised (e.g. the database went away for a moment).
# A task whose worker died is re-run by the scheduler up to its
# `distributed.scheduler.allowed-failures` (default 3) on other workers.
TASK_RETRIES = 2


def _distributed():
    try:
        import distributed
    except ImportError:
        raise RasdError("--engine dask needs Dask distributed; run: pip install 'rasd[scale]'") from None
    return distributed


def _make_warmup_plugin(factory: str):
    """A WorkerPlugin that builds the worker's Pipeline once, when the worker starts."""
    distributed = _distributed()

    class PipelineWarmup(distributed.WorkerPlugin):
        name = "rasd-pipeline"

        def __init__(self, factory: str):
            self.factory = factory

        def setup(self, worker: Any) -> None:
            worker_pipeline(self.factory)

    return PipelineWarmup(factory)


class DaskEngine:
    """Start (or join) a Dask cluster; submit tasks; hand back results as they complete."""

    name = "dask"

    def __init__(self, address: str | None = None, workers: int | None = None,
                 factory: str = DEFAULT_PIPELINE, memory_limit: str | float | None = "auto",
                 quiet: bool = True, connect_timeout: str = "10s"):
        self.address = address
        self.requested_workers = workers
        self.factory = factory
        self.memory_limit = memory_limit
        self.quiet = quiet
        self.connect_timeout = connect_timeout
        self.cluster = None
        self.client = None

    # ------------------------------------------------------------ life cycle
    def __enter__(self) -> "DaskEngine":
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def start(self) -> None:
        distributed = _distributed()
        # Quiet: a worker's death is logged by the scheduler at ERROR level although
        # it recovers; the run's summary reports it instead, and a batch that
        # cannot be done becomes a RasdError.
        log_level = logging.CRITICAL if self.quiet else logging.WARNING
        if self.address:
            try:
                self.client = distributed.Client(self.address, timeout=self.connect_timeout)
            except (OSError, TimeoutError) as exc:
                raise RasdError(f"cannot reach a Dask scheduler at {self.address} ({exc}); "
                                "start one with `dask scheduler`, or leave --address out "
                                "for a local cluster") from None
        else:
            workers = self.requested_workers
            if workers is None:
                workers = os.cpu_count() or 1
            if workers < 1:
                raise RasdError(f"--workers must be at least 1, not {workers}")
            self.cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                dashboard_address=None, memory_limit=self.memory_limit, silence_logs=log_level)
            self.client = distributed.Client(self.cluster)
        # Builds the Pipeline on every worker now (and on any worker that joins later).
        try:
            self.client.register_plugin(_make_warmup_plugin(self.factory))
        except Exception as exc:  # noqa: BLE001 - whatever the workers raised, in one line
            self.close()
            detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise RasdError(f"the Dask workers could not build the rasd Pipeline ({detail}); "
                            "is the same rasd installed on every worker? `rasd cluster` checks") from None

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None

    # ------------------------------------------------------------ work
    @property
    def workers(self) -> int:
        return len(self.client.scheduler_info(n_workers=-1)["workers"]) if self.client else 0

    def worker_pids(self) -> dict[str, int]:
        """Worker address -> process id (tests and the benchmark use it)."""
        return dict(self.client.run(os.getpid))

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False, retries=TASK_RETRIES)

    def run_streaming(self, fn: Callable[..., Any], tasks: Iterator[tuple[Any, ...]],
                      in_flight: int) -> Iterator[Any]:
        """Run fn(*args) for each args tuple, at most `in_flight` at a time; yield results as they finish.

        Tasks are pulled from the iterator only when there is room, so the
        input is streamed: memory holds `in_flight` batches, not the archive.
        """
        distributed = _distributed()
        tasks = iter(tasks)
        pending = distributed.as_completed()
        submitted = 0
        for args in tasks:
            pending.add(self.submit(fn, *args))
            submitted += 1
            if submitted >= in_flight:
                break
        for future in pending:
            yield self._result(future)
            for args in tasks:
                pending.add(self.submit(fn, *args))
                break

    @staticmethod
    def _result(future: Any) -> Any:
        try:
            return future.result()
        except RasdError:
            raise
        except Exception as exc:  # noqa: BLE001 - any worker-side failure becomes one line
            raise RasdError(f"a batch failed on the Dask workers after retries "
                            f"({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}); "
                            "run the same command again: stored articles are skipped") from None
