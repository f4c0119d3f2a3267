"""Distributed ingest on a local Dask cluster (issue 9): every article stored exactly once,
even when a worker dies in the middle of a batch."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from rasd.errors import RasdError  # noqa: E402
from rasd.model import Article  # noqa: E402
from rasd.scale import ingest_on_engine  # noqa: E402
from rasd.store import open_store  # noqa: E402

from scale_pipelines import BUILD_LOG, KILL_ARTICLE, KILL_MARKER  # noqa: E402

N = 120
BATCH = 10


def articles(n: int = N, bad: tuple[int, ...] = ()) -> list[Article]:
    towns = ["عدن", "تعز", "مأرب", "الحسكة", "الرمادي", "حلب"]
    return [Article(id=f"a-{i:03d}" + ("-bad" if i in bad else ""),
                    text=f"اشتباكات في {towns[i % len(towns)]} رقم {i}\n\nقتل {i % 7} مسلحين في اشتباكات.",
                    published=date(2015, 7, 1 + i % 28), source="test")
            for i in range(n)]


@pytest.fixture
def kill_on(monkeypatch, tmp_path):
    """Make the dying pipeline SIGKILL its worker when it reaches this article (once)."""
    marker = tmp_path / "killed.pid"

    def arm(article_id: str) -> Path:
        # Set before the cluster starts: worker processes inherit the environment.
        monkeypatch.setenv(KILL_ARTICLE, article_id)
        monkeypatch.setenv(KILL_MARKER, str(marker))
        monkeypatch.setenv(BUILD_LOG, str(tmp_path / "builds.log"))
        return marker

    return arm


def assert_each_article_once(db: Path | str, summary, n: int = N) -> None:
    with open_store(str(db)) as store:
        assert store.count_articles() == n
        for a in articles(n):
            assert store.get_article(a.id) is not None
            events = store.events_of_article(a.id, summary.run_id)
            assert len(events) == 1, f"{a.id} has {len(events)} events"


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.mark.parametrize("write_on", ["driver", "workers"])
def test_worker_killed_mid_batch_loses_nothing_and_duplicates_nothing(tmp_path, kill_on, write_on):
    # a-055 is the 6th article of batch 5: the worker dies after extracting
    # half its batch, with other batches done and others in flight.
    marker = kill_on("a-055")
    db = tmp_path / "events.sqlite"
    summary = ingest_on_engine(articles(), db=str(db), workers=2, batch_size=BATCH,
                               pipeline="scale_pipelines:dying_pipeline", write_on=write_on,
                               dedup=False, progress=False)
    killed = int(marker.read_text())
    assert not pid_alive(killed), "the worker should have been killed"
    # Each worker process built its Pipeline once, for 12 batches; the worker
    # that replaced the dead one built its own.
    builds = (tmp_path / "builds.log").read_text().split()
    assert len(builds) == len(set(builds)) and killed in map(int, builds)
    assert len(builds) in (2, 3)  # 3 once the replacement has joined
    assert summary.write_on == write_on
    assert summary.workers_lost == 1
    assert summary.batches == N // BATCH
    assert summary.articles_read == N
    # A batch that a worker had (partly) written before it died is re-run and
    # finds those articles stored / extracted: fewer count as new to it.
    assert summary.articles_extracted + summary.articles_skipped == N
    # At most the batches in flight (two per worker) can be re-run.
    assert N - 4 * BATCH <= summary.articles_new <= N
    assert summary.events_found == summary.articles_extracted  # one event each, counted by its writer
    assert_each_article_once(db, summary)


def test_postgres_workers_write_each_article_once_after_a_worker_dies(pg_url, kill_on):
    marker = kill_on("a-047")
    summary = ingest_on_engine(articles(), db=pg_url, workers=2, batch_size=BATCH,
                               pipeline="scale_pipelines:dying_pipeline", dedup=False, progress=False)
    assert marker.exists()
    assert summary.write_on == "workers"  # the default for PostgreSQL
    assert summary.workers_lost == 1
    # A batch whose worker had written it and then died is re-run, and finds
    # its articles done: extracted + already done covers every article once.
    assert summary.articles_extracted + summary.articles_skipped == N
    assert_each_article_once(pg_url, summary)


def test_parquet_dataset_has_each_article_once_after_a_worker_dies(tmp_path, kill_on):
    pa_ds = pytest.importorskip("pyarrow.dataset")
    marker = kill_on("a-033")
    lake = tmp_path / "lake"
    summary = ingest_on_engine(articles(), parquet=str(lake), workers=2, batch_size=BATCH,
                               pipeline="scale_pipelines:dying_pipeline", progress=False)
    assert marker.exists()
    ids = pa_ds.dataset(lake / "articles").to_table(columns=["article_id"]).column(0).to_pylist()
    assert sorted(ids) == sorted(a.id for a in articles())
    event_articles = pa_ds.dataset(lake / "events").to_table(columns=["article_id"]).column(0).to_pylist()
    assert sorted(event_articles) == sorted(ids)
    assert summary.articles_extracted == N
    # No half-written part was left by the dead worker.
    assert not [p for p in lake.rglob("*") if p.name.startswith(".")]
    assert len(list((lake / "articles").glob("part-*.parquet"))) == N // BATCH


def test_rerun_skips_what_is_stored_and_dedups(tmp_path):
    db = tmp_path / "events.sqlite"
    first = ingest_on_engine(articles(40), db=str(db), workers=2, batch_size=BATCH,
                             pipeline="scale_pipelines:counting_pipeline", progress=False)
    assert first.articles_extracted == 40
    assert first.events_after_dedup is not None and first.events_after_dedup <= 40
    again = ingest_on_engine(articles(40), db=str(db), workers=2, batch_size=BATCH,
                             pipeline="scale_pipelines:counting_pipeline", write_on="workers",
                             progress=False)
    assert (again.articles_new, again.articles_extracted, again.articles_skipped) == (0, 0, 40)
    assert_each_article_once(db, first, n=40)


def test_an_article_the_pipeline_raises_on_is_reported_and_the_rest_stored(tmp_path):
    db = tmp_path / "events.sqlite"
    problems: list[str] = []
    summary = ingest_on_engine(articles(30, bad=(7,)), db=str(db), workers=1, batch_size=BATCH,
                               pipeline="scale_pipelines:failing_pipeline", dedup=False,
                               progress=False, on_problem=problems.append)
    assert summary.articles_failed == 1 and summary.articles_extracted == 29
    assert len(problems) == 1 and "a-007-bad" in problems[0] and "ValueError" in problems[0]
    with open_store(str(db)) as store:
        assert store.not_extracted(["a-007-bad", "a-008"], summary.run_id) == ["a-007-bad"]


def test_bad_settings_are_one_line_errors(tmp_path):
    with pytest.raises(RasdError, match="'spark' is not supported"):
        ingest_on_engine(articles(1), db=str(tmp_path / "x.sqlite"), engine="spark")
    with pytest.raises(RasdError, match="cannot be imported"):
        ingest_on_engine(articles(1), db=str(tmp_path / "x.sqlite"), pipeline="no_such_module:make")
    with pytest.raises(RasdError, match="module:attribute"):
        ingest_on_engine(articles(1), db=str(tmp_path / "x.sqlite"), pipeline="rasd.pipeline")
    with pytest.raises(RasdError, match="batch-size"):
        ingest_on_engine(articles(1), db=str(tmp_path / "x.sqlite"), batch_size=0)
    with pytest.raises(RasdError, match="memory"):
        ingest_on_engine(articles(1), db=":memory:", write_on="workers")
    with pytest.raises(RasdError, match="--workers must be at least 1, not 0"):
        ingest_on_engine(articles(1), db=str(tmp_path / "x.sqlite"), workers=0)


def test_unreachable_scheduler_is_a_one_line_error():
    from rasd.scale.dask_engine import DaskEngine

    engine = DaskEngine(address="tcp://127.0.0.1:9", connect_timeout="1s")
    with pytest.raises(RasdError, match="cannot reach a Dask scheduler at tcp://127.0.0.1:9"):
        engine.start()


def test_address_joins_a_running_cluster_and_leaves_it_running(tmp_path):
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster:
        db = tmp_path / "events.sqlite"
        summary = ingest_on_engine(articles(30), db=str(db), address=cluster.scheduler_address,
                                   batch_size=BATCH, pipeline="scale_pipelines:counting_pipeline",
                                   dedup=False, progress=False)
        assert summary.workers == 2 and summary.articles_extracted == 30
        assert_each_article_once(db, summary, n=30)
        with Client(cluster) as client:  # still there for its other users
            assert len(client.scheduler_info()["workers"]) == 2


def test_workers_that_cannot_build_the_pipeline_are_a_one_line_error(tmp_path):
    with pytest.raises(RasdError, match="could not build the rasd Pipeline .*gazetteer.sqlite is missing"):
        ingest_on_engine(articles(3), db=str(tmp_path / "x.sqlite"), workers=1,
                         pipeline="scale_pipelines:broken_pipeline", progress=False)
