"""Pipelines the scale tests hand to engine workers by name ("scale_pipelines:...").

`counting_pipeline` gives every article exactly one event, so a store that
holds a batch twice shows it as two events. `dying_pipeline` does the same
but SIGKILLs its own worker process in the middle of a batch, once per test
(a marker file created with O_EXCL makes the kill happen on one worker only,
and the re-run of the batch on a fresh worker then goes through).
"""

from __future__ import annotations

import os
import signal

from rasd.model import Document, Event, Evidence
from rasd.pipeline import Pipeline, finalize_stage, normalize_stage

KILL_ARTICLE = "RASD_TEST_KILL_ARTICLE"
KILL_MARKER = "RASD_TEST_KILL_MARKER"
BUILD_LOG = "RASD_TEST_BUILD_LOG"  # each Pipeline build appends its process id here


def _log_build() -> None:
    path = os.environ.get(BUILD_LOG)
    if path:
        with open(path, "a", encoding="ascii") as f:
            f.write(f"{os.getpid()}\n")


def one_event_stage(doc: Document) -> Document:
    first_line = doc.text.split("\n", 1)[0]
    doc.events.append(Event(
        event_id="", article_id=doc.article.id, status="current",
        event_date=doc.article.published.isoformat() if doc.article.published else None,
        time_precision=1, event_type="Battles", sub_event_type="Armed clash",
        evidence=[Evidence(0, len(first_line), first_line)]))
    return doc


def kill_stage(doc: Document) -> Document:
    if doc.article.id == os.environ.get(KILL_ARTICLE):
        try:
            fd = os.open(os.environ[KILL_MARKER], os.O_CREAT | os.O_EXCL | os.O_WRONLY)
        except FileExistsError:
            return doc  # already killed one worker; this is the retry
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        os.kill(os.getpid(), signal.SIGKILL)
    return doc


def counting_pipeline() -> Pipeline:
    _log_build()
    return Pipeline([("normalize", normalize_stage), ("one_event", one_event_stage),
                     ("finalize", finalize_stage)])


def dying_pipeline() -> Pipeline:
    _log_build()
    return Pipeline([("normalize", normalize_stage), ("one_event", one_event_stage),
                     ("kill", kill_stage), ("finalize", finalize_stage)])


def failing_pipeline() -> Pipeline:
    """Raises on articles whose id ends in '-bad' (an extraction bug, not a dead worker)."""

    def fail_stage(doc: Document) -> Document:
        if doc.article.id.endswith("-bad"):
            raise ValueError("cannot parse this article")
        return doc

    return Pipeline([("normalize", normalize_stage), ("fail", fail_stage),
                     ("one_event", one_event_stage), ("finalize", finalize_stage)])


def broken_pipeline() -> Pipeline:
    """A factory that cannot build (a missing data file on a worker, say)."""
    raise FileNotFoundError("gazetteer.sqlite is missing on this worker")
