"""A live progress line on stderr (rich): a title, then counters updated in place.

Shared by `rasd ingest` on one process (rasd.store.ingest) and on an engine
(rasd.scale.ingest), which differ only in the counters they show.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any


class ProgressLine:
    """`with ProgressLine(on, title, counters, **start) as line: ... line.update(**fields)`.

    counters: rich format strings over the line's fields, e.g.
    "{task.fields[articles]:,} articles"; `start` gives every field its first
    value. Disabled (or with no stderr) it draws nothing and rich is not imported.
    """

    def __init__(self, enabled: bool, title: str, counters: Sequence[str], **start: Any):
        self.enabled = enabled and sys.stderr is not None
        self.title = title
        self.counters = tuple(counters)
        self.start = start
        self._progress = None
        self._task = None

    def __enter__(self) -> "ProgressLine":
        if self.enabled:
            from rich.console import Console
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                SpinnerColumn(), TextColumn(self.title),
                *(TextColumn(counter) for counter in self.counters),
                TimeElapsedColumn(), console=Console(file=sys.stderr), transient=False)
            self._progress.__enter__()
            self._task = self._progress.add_task("ingest", total=None, **self.start)
        return self

    def update(self, **fields: Any) -> None:
        if self._progress is not None:
            self._progress.update(self._task, **fields)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)
