"""Ingest: idempotent, re-extracts on upgrade, survives kill -9, two ingests at once never duplicate."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import func, select

from rasd.model import Article
from rasd.pipeline import Pipeline
from rasd.store import EventFilter, open_store
from rasd.store import schema as t
from store_factories import FakePipeline, article

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
WORKER = HERE / "ingest_worker.py"


def counts(store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {name: conn.scalar(select(func.count()).select_from(table))
                for name, table in (("articles", t.articles), ("extractions", t.extractions),
                                    ("events", t.events), ("merged", t.merged_events),
                                    ("sources", t.event_sources))}


def test_ingest_is_idempotent(store):
    pipeline = FakePipeline()
    first = store.ingest([article(i) for i in range(1, 11)], pipeline, progress=False, batch_size=4)
    assert (first.articles_new, first.articles_extracted, first.events_found) == (10, 10, 10)
    second = store.ingest([article(i) for i in range(1, 11)], pipeline, progress=False)
    assert (second.articles_new, second.articles_existing, second.articles_extracted,
            second.articles_skipped) == (0, 10, 0, 10)
    assert len(pipeline.calls) == 10  # nothing extracted twice
    assert counts(store) == {"articles": 10, "extractions": 10, "events": 10, "merged": 10, "sources": 10}


def test_an_upgrade_re_extracts_and_keeps_the_old_run(store):
    store.ingest([article(i) for i in range(1, 4)], FakePipeline(), progress=False, run_id="rasd-0.1+data-a")
    again = store.ingest([article(i) for i in range(1, 4)], FakePipeline(), progress=False,
                         run_id="rasd-0.2+data-b")
    assert (again.articles_new, again.articles_extracted) == (0, 3)
    assert store.count_events(EventFilter(run_id="rasd-0.1+data-a")) == 3
    assert store.count_events() == 3 and store.latest_run_id() == "rasd-0.2+data-b"
    assert counts(store)["articles"] == 3


def test_a_failed_extraction_is_retried_next_time(store):
    summary = store.ingest([article(1), article(2)], FakePipeline(fail_on={"art2"}), progress=False)
    assert (summary.articles_extracted, summary.articles_failed) == (1, 1)
    assert "art2" in summary.problems[0]
    retry = FakePipeline()
    store.ingest([article(1), article(2)], retry, progress=False)
    assert retry.calls == ["art2"]


def test_reextract_stored_articles_under_a_new_run(store):
    store.ingest([article(1), article(2)], FakePipeline(), progress=False, run_id="rasd-old+data-x")
    summary = store.ingest(store.iter_articles(batch=1), FakePipeline(), progress=False)
    assert summary.articles_extracted == 2 and summary.run_id == store.current_run_id


def test_real_pipeline_end_to_end(store):
    articles = [Article(id=a.id, text=a.text, title=a.title, published=a.published)
                for a in _sample_articles()]
    expected = {a.id: len(Pipeline().extract(a)) for a in articles}
    summary = store.ingest(articles, Pipeline(), progress=False)
    assert summary.articles_extracted == len(articles)
    assert summary.events_found == sum(expected.values())
    for a in articles:
        assert len(store.events_of_article(a.id)) == expected[a.id]


def _sample_articles():
    from rasd.io.feeds import ReadOptions, read_inputs

    return list(read_inputs([str(REPO / "examples" / "sample_articles.jsonl")], ReadOptions()))


def _run_worker(db: str, n: int, delay: float, batch: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, str(WORKER), db, str(n), str(delay), str(batch)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_kill_9_loses_nothing_committed_and_a_rerun_completes(db_url):
    n = 300
    proc = _run_worker(db_url, n, 0.01, 10)
    with open_store(db_url) as store:
        deadline = time.monotonic() + 60
        while counts(store)["extractions"] < 40:  # some batches committed, more in flight
            assert proc.poll() is None, proc.stderr.read()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        before = counts(store)
        assert before["extractions"] < n  # it really was cut short
        # every committed extraction has all its events (one each) and their groups
        assert before["events"] == before["extractions"] == before["merged"] == before["sources"]
        assert before["articles"] >= before["extractions"]
    rerun = _run_worker(db_url, n, 0.0, 50)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    result = json.loads(out)
    assert result["calls"] == n - before["extractions"]  # only what was not committed
    with open_store(db_url) as store:
        assert counts(store) == {"articles": n, "extractions": n, "events": n, "merged": n, "sources": n}
        assert store.dedup_pending("rasd-test+data-fixed") is None  # the killed run's dedup was done too


def test_two_ingests_at_once_never_duplicate(db_url):
    n = 200
    procs = [_run_worker(db_url, n, 0.005, 16) for _ in range(2)]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    assert sum(r["new"] for r in results) == n  # each article stored by exactly one of them
    assert sum(r["extracted"] for r in results) == n  # and its events written once
    with open_store(db_url) as store:
        assert counts(store) == {"articles": n, "extractions": n, "events": n, "merged": n, "sources": n}
        assert store.count_events() == n


def test_articles_without_id_are_known_by_their_content(store, tmp_path):
    from rasd.io.feeds import read_inputs

    line = json.dumps({"text": "قصفت طائرات مسيرة مواقع في ريف حلب الشمالي صباح اليوم."}, ensure_ascii=False)
    (tmp_path / "a.jsonl").write_text(line + "\n" + line + "\n", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(line + "\n", encoding="utf-8")
    first = store.ingest(read_inputs([str(tmp_path / "a.jsonl")]), FakePipelineByHash(), progress=False)
    again = store.ingest(read_inputs([str(tmp_path / "b.jsonl")]), FakePipelineByHash(), progress=False)
    assert (first.articles_read, first.articles_new, again.articles_new) == (2, 1, 0)
    assert counts(store)["articles"] == 1


class FakePipelineByHash:
    def extract(self, a: Article):
        return []
