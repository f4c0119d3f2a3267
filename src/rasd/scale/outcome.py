"""What one batch did, as the driver counts it (whoever wrote the results)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class BatchOutcome:
    batch_id: int
    articles_read: int = 0
    articles_new: int = 0  # stored for the first time
    articles_extracted: int = 0  # extracted and written by this batch
    articles_skipped: int = 0  # this run had already extracted them
    articles_failed: int = 0  # the pipeline raised on them; a re-run retries them
    events_found: int = 0
    seconds: float = 0.0  # extraction time on the worker
    worker_pid: int = 0
    worker_rss_mb: float = 0.0
    problems: list[str] = field(default_factory=list)
