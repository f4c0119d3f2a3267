"""Write batches as Parquet files for a data lake: one part per batch, written by the worker.

    FOLDER/_rasd_dataset.json         run id and batch size of the dataset
    FOLDER/articles/part-000042.parquet
    FOLDER/events/part-000042.parquet

A part is named after its batch number and appears atomically (written to a
temporary name, then renamed), so a batch that an engine runs twice replaces
its own part instead of adding a copy, and a worker killed mid-write leaves
no half part behind. Batch numbers depend on the batch size, so a folder
keeps the size it was started with (checked before any worker starts).
Read the result with any Parquet reader, e.g. `pyarrow.dataset.dataset(FOLDER / "events")`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from rasd.errors import RasdError
from rasd.model import Article
from rasd.scale.outcome import BatchOutcome
from rasd.scale.worker import DEFAULT_PIPELINE, BatchResult, extract_batch

MANIFEST = "_rasd_dataset.json"


@dataclass(frozen=True, slots=True)
class ParquetTarget:
    folder: str
    run_id: str


def _pyarrow():
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise RasdError("Parquet output needs pyarrow; run: pip install 'rasd[parquet]'") from None
    return pa, pq


def prepare_folder(target: ParquetTarget, batch_size: int) -> None:
    """Create the dataset folder, or check that an existing one was cut the same way."""
    folder = Path(target.folder)
    if folder.exists() and not folder.is_dir():
        raise RasdError(f"{folder}: exists and is not a folder; give a folder for the Parquet dataset")
    manifest = folder / MANIFEST
    if manifest.exists():
        try:
            old = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise RasdError(f"{manifest}: unreadable; remove the folder or choose another") from None
        if old.get("batch_size") != batch_size:
            raise RasdError(f"{folder}: this dataset was written with --batch-size {old.get('batch_size')}; "
                            f"use the same size to resume it, or another folder")
        return
    _pyarrow()
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "events").mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps({"run_id": target.run_id, "batch_size": batch_size}), encoding="utf-8")


def _schemas():
    pa, _ = _pyarrow()
    articles = pa.schema([
        ("article_id", pa.string()), ("title", pa.string()), ("published", pa.date32()),
        ("source", pa.string()), ("url", pa.string()), ("text", pa.string()),
        ("run_id", pa.string()), ("n_events", pa.int32()), ("extracted", pa.bool_()),
    ])
    evidence = pa.struct([("start", pa.int32()), ("end", pa.int32()), ("text", pa.string())])
    events = pa.schema([
        ("run_id", pa.string()), ("event_id", pa.string()), ("article_id", pa.string()),
        ("status", pa.string()), ("event_date", pa.string()), ("time_precision", pa.int8()),
        ("event_type", pa.string()), ("sub_event_type", pa.string()),
        ("actor1", pa.string()), ("actor2", pa.string()),
        ("assoc_actor_1", pa.list_(pa.string())), ("assoc_actor_2", pa.list_(pa.string())),
        ("country", pa.string()), ("iso3", pa.string()), ("admin1", pa.string()),
        ("admin2", pa.string()), ("admin3", pa.string()), ("location", pa.string()),
        ("location_ar", pa.string()), ("latitude", pa.float64()), ("longitude", pa.float64()),
        ("geo_precision", pa.int8()), ("fatalities", pa.int32()), ("injuries", pa.int32()),
        ("notes", pa.string()), ("evidence", pa.list_(evidence)), ("sources", pa.list_(pa.string())),
        ("confidence", pa.float32()),
    ])
    return articles, events


def _write_atomic(table, path: Path) -> None:
    _, pq = _pyarrow()
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def write_parts(target: ParquetTarget, result: BatchResult, articles: list[Article]) -> None:
    pa, _ = _pyarrow()
    article_schema, event_schema = _schemas()
    events_of = dict(result.items)
    article_rows = [{
        "article_id": a.id, "title": a.title, "published": a.published, "source": a.source,
        "url": a.url, "text": a.text, "run_id": target.run_id,
        "n_events": len(events_of.get(a.id, [])), "extracted": a.id in events_of,
    } for a in articles]
    event_rows = []
    for _article_id, events in result.items:
        for e in events:
            row = e.to_dict()
            row["run_id"] = target.run_id
            event_rows.append({name: row.get(name) for name in event_schema.names})
    name = f"part-{result.batch_id:06d}.parquet"
    folder = Path(target.folder)
    # Events first: a part of articles is the mark that the batch is complete.
    _write_atomic(pa.Table.from_pylist(event_rows, schema=event_schema), folder / "events" / name)
    _write_atomic(pa.Table.from_pylist(article_rows, schema=article_schema), folder / "articles" / name)


def parquet_batch_on_worker(batch_id: int, articles: list[Article], target: ParquetTarget,
                            factory: str = DEFAULT_PIPELINE) -> BatchOutcome:
    """The worker-side task: extract the batch and write its two parts."""
    unique = list({a.id: a for a in articles}.values())
    result = extract_batch(batch_id, unique, factory)
    write_parts(target, result, unique)
    return BatchOutcome(
        batch_id=batch_id, articles_read=len(articles), articles_new=len(unique),
        articles_extracted=len(result.items), articles_failed=len(result.failed),
        events_found=result.events, seconds=result.seconds, worker_pid=result.worker_pid,
        worker_rss_mb=result.worker_rss_mb, problems=list(result.problems))
