"""`rasd ingest`, `rasd events`, `rasd export`, `rasd dedup` as a user runs them (in-process)."""

from __future__ import annotations

import json
import lzma

import pytest

from rasd.cli import main
from rasd.store import open_store
from store_factories import event

RUN = "rasd-hand+data-made"  # hand-made events, apart from what the real pipeline extracts
TEXT = "قتل ثلاثة مدنيين في قصف على حي سكني في تعز أمس."


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "news.jsonl.xz"
    lines = [json.dumps({"id": f"n{i}", "content": f"{TEXT} ({i})", "date_extracted": "2015-07-2%d 10:00" % i},
                        ensure_ascii=False) for i in range(3)]
    with lzma.open(path, "wt", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return path


def test_ingest_twice_then_query(tmp_path, corpus, capsys):
    db = str(tmp_path / "s.sqlite")
    assert main(["ingest", str(corpus), "--db", db, "--date-field", "date_extracted", "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "3 articles read" in err and "articles/s" in err and "3 new" in err
    assert main(["ingest", str(corpus), "--db", db, "--no-progress"]) == 0
    err = capsys.readouterr().err
    assert "0 new, 3 already stored" in err and "3 already extracted by this run" in err
    with open_store(db) as store:
        assert store.get_article("n1").published.isoformat() == "2015-07-21"
        # hand-made events stand in for extraction, which is tested elsewhere
        store.save_extraction("n0", [event("n0", fatalities=3)], run_id=RUN)
        store.save_extraction("n1", [event("n1", fatalities=5, latitude=12.79)], run_id=RUN)
    assert main(["events", "--db", db, "--runs"]) == 0
    runs = capsys.readouterr().out.splitlines()
    assert runs[0].startswith(RUN) and "2 articles" in runs[0] and "3 articles" in runs[1]
    assert main(["dedup", "--db", db, "--run", RUN]) == 0
    assert "2 per-article events -> 1 events" in capsys.readouterr().err
    assert main(["events", "--db", db, "--format", "json", "--country", "YEM", "--run", RUN]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] == 1 and sorted(out["events"][0]["sources"]) == ["n0", "n1"]
    assert out["events"][0]["fatalities"] == 3
    assert main(["events", "--db", db, "--run", RUN]) == 0
    assert "1-1 of 1 events" in capsys.readouterr().out
    assert main(["dedup", "--db", db, "--show", "5", "--run", RUN]) == 0
    group = json.loads(capsys.readouterr().out.splitlines()[0])
    assert len(group["members"]) == 2 and "same Battles" in json.dumps(group, ensure_ascii=False)
    assert main(["dedup", "--db", db, "--undo", "--run", RUN]) == 0
    capsys.readouterr()
    assert main(["events", "--db", db, "--format", "jsonl", "--run", RUN]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    out_file = tmp_path / "e.csv"
    assert main(["export", "--db", db, "--format", "acled-csv", "-o", str(out_file), "--min-fatalities", "4", "--run", RUN]) == 0
    assert len(out_file.read_text(encoding="utf-8").splitlines()) == 2  # header + one event


def test_ingest_a_folder_with_a_feed(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report.txt").write_text(TEXT, encoding="utf-8")
    (folder / "feed.rss").write_text(
        "<rss><channel><title>T</title><item><guid>g1</guid><title>خبر</title>"
        f"<description>{TEXT}</description></item></channel></rss>", encoding="utf-8")
    db = str(tmp_path / "f.sqlite")
    assert main(["ingest", str(folder), "--db", db, "--no-progress", "--published", "2015-07-20"]) == 0
    with open_store(db) as store:
        assert store.count_articles() == 2
        assert store.get_article("report").published.isoformat() == "2015-07-20"
        assert store.get_article("g1") is not None


def test_errors_are_one_line(tmp_path, capsys):
    db = str(tmp_path / "s.sqlite")
    assert main(["ingest", str(tmp_path / "nope.jsonl"), "--db", db]) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"rasd: error: {tmp_path / 'nope.jsonl'}: no such file or directory"
    assert main(["events", "--db", str(tmp_path / "no" / "dir.sqlite")]) == 1
    assert "does not exist" in capsys.readouterr().err
    (tmp_path / "empty.jsonl").write_text("\n", encoding="utf-8")
    assert main(["ingest", str(tmp_path / "empty.jsonl"), "--db", db, "--no-progress"]) == 1
    assert "no article could be read" in capsys.readouterr().err
    for size in ("0", "-1"):  # not "no article could be read", nor islice's traceback
        assert main(["ingest", str(tmp_path / "empty.jsonl"), "--db", db, "--batch-size", size]) == 1
        assert capsys.readouterr().err.strip() == f"rasd: error: --batch-size must be at least 1, not {size}"
    with pytest.raises(SystemExit) as exc:
        main(["events", "--db", db, "--bbox", "1,2,3"])
    assert exc.value.code == 2
    assert "minlon,minlat,maxlon,maxlat" in capsys.readouterr().err
    for option in ("--limit", "--offset"):  # not quietly read as 0
        with pytest.raises(SystemExit) as exc:
            main(["events", "--db", db, option, "-3"])
        assert exc.value.code == 2
        assert f"argument {option}: '-3' is not a whole number of 0 or more" in capsys.readouterr().err
