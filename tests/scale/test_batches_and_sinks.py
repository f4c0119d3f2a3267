"""The engine-free parts of rasd.scale: batching, the worker function, idempotent sinks."""

from __future__ import annotations

from datetime import date

import pytest

from rasd.errors import RasdError
from rasd.model import Article
from rasd.scale.batches import numbered_batches
from rasd.scale.parquet_sink import ParquetTarget, parquet_batch_on_worker, prepare_folder
from rasd.scale.store_sink import StoreTarget, store_batch_on_worker
from rasd.scale.worker import extract_batch, resolve_factory, worker_pipeline


def arts(n: int) -> list[Article]:
    return [Article(id=f"x-{i}", text=f"اشتباكات في حلب رقم {i}", published=date(2015, 8, 1))
            for i in range(n)]


def test_batches_are_numbered_in_input_order_and_read_lazily():
    consumed = []

    def stream():
        for a in arts(7):
            consumed.append(a.id)
            yield a

    batches = numbered_batches(stream(), 3)
    first = next(batches)
    assert (first.batch_id, [a.id for a in first.articles]) == (0, ["x-0", "x-1", "x-2"])
    assert len(consumed) == 3  # nothing read ahead of the batch handed out
    rest = list(batches)
    assert [(b.batch_id, len(b.articles)) for b in rest] == [(1, 3), (2, 1)]
    with pytest.raises(ValueError):
        next(numbered_batches(arts(1), 0))


def test_worker_builds_its_pipeline_once_per_factory():
    a = worker_pipeline("scale_pipelines:counting_pipeline")
    assert worker_pipeline("scale_pipelines:counting_pipeline") is a
    assert worker_pipeline("scale_pipelines:failing_pipeline") is not a


def test_extract_batch_returns_ids_and_events_and_reports_failures():
    batch = arts(3) + [Article(id="y-bad", text="نص", published=None)]
    result = extract_batch(4, batch, "scale_pipelines:failing_pipeline")
    assert result.batch_id == 4
    assert [aid for aid, _ in result.items] == ["x-0", "x-1", "x-2"]
    assert result.events == 3 and result.failed == ["y-bad"]
    assert "ValueError" in result.problems[0] and result.worker_rss_mb > 0


def test_resolve_factory_names_the_problem():
    with pytest.raises(RasdError, match="module:attribute"):
        resolve_factory("rasd.pipeline")
    with pytest.raises(RasdError, match="cannot be imported"):
        resolve_factory("rasd.pipeline:no_such_factory")
    with pytest.raises(RasdError, match="not callable"):
        resolve_factory("rasd.model:EVENT_TYPES")


def test_store_batch_run_twice_stores_once(tmp_path):
    target = StoreTarget(db=str(tmp_path / "s.sqlite"), run_id="run-a")
    first = store_batch_on_worker(0, arts(5), target, "scale_pipelines:counting_pipeline")
    again = store_batch_on_worker(0, arts(5), target, "scale_pipelines:counting_pipeline")
    assert (first.articles_new, first.articles_extracted, first.events_found) == (5, 5, 5)
    assert (again.articles_new, again.articles_extracted, again.articles_skipped) == (0, 0, 5)
    from rasd.store import open_store

    with open_store(target.db) as store:
        assert store.count_articles() == 5
        assert all(len(store.events_of_article(f"x-{i}", "run-a")) == 1 for i in range(5))


def test_parquet_batch_run_twice_replaces_its_part(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    target = ParquetTarget(str(tmp_path / "lake"), run_id="run-a")
    prepare_folder(target, batch_size=5)
    for _ in range(2):
        outcome = parquet_batch_on_worker(3, arts(5), target, "scale_pipelines:counting_pipeline")
    assert outcome.articles_extracted == 5
    parts = sorted(p.name for p in (tmp_path / "lake").rglob("*.parquet"))
    assert parts == ["part-000003.parquet", "part-000003.parquet"]  # articles/ and events/
    events = pq.read_table(tmp_path / "lake" / "events" / "part-000003.parquet")
    assert events.num_rows == 5 and set(events.column("run_id").to_pylist()) == {"run-a"}
    assert events.column("evidence").to_pylist()[0][0]["start"] == 0
    # The folder keeps its batch size: batch numbers would not line up otherwise.
    with pytest.raises(RasdError, match="--batch-size 5"):
        prepare_folder(target, batch_size=50)
    prepare_folder(target, batch_size=5)  # resuming with the same size is fine
