"""`rasd ingest --engine dask …` and `rasd cluster` from the command line."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("distributed")

from rasd.cli import main  # noqa: E402
from rasd.store import open_store  # noqa: E402

TEXT = "عدن - أفاد مصدر أمس بمقتل {n} من المسلحين في اشتباكات مع قوات الجيش في مدينة عدن."


@pytest.fixture
def jsonl(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"c-{i}", "published": "2015-08-01",
                                          "text": TEXT.format(n=i + 2)}, ensure_ascii=False)
                              for i in range(6)) + "\n", encoding="utf-8")
    return path


def test_ingest_with_workers_runs_on_dask_and_stores_every_article(jsonl, tmp_path, capsys):
    db = tmp_path / "e.sqlite"
    # --workers alone selects the engine.
    assert main(["ingest", str(jsonl), "--db", str(db), "--workers", "1", "--batch-size", "4",
                 "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "engine        dask, 1 workers, results written by the driver" in err
    assert "6 read, 6 new, 6 extracted" in err and "2 batches" in err
    with open_store(str(db)) as store:
        assert store.count_articles() == 6


def test_ingest_engine_refuses_db_and_parquet_together(jsonl, tmp_path, capsys):
    code = main(["ingest", str(jsonl), "--db", str(tmp_path / "e.sqlite"),
                 "--parquet", str(tmp_path / "lake")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and err == ["rasd: error: ingest: give either --db or --parquet, not both"]


def test_cluster_lists_workers_with_versions(capsys):
    import rasd

    assert main(["cluster", "--workers", "2"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "local cluster: 2 workers"
    assert len(out) == 3 and all(f"rasd {rasd.__version__}" in line and "MB" in line for line in out[1:])
