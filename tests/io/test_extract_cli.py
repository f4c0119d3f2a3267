"""`rasd extract` on good and bad input: exit codes, one-line messages, never a traceback."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

import rasd
import rasd.pipeline
from rasd.cli import build_parser, main
from rasd.model import Document, Event

ARABIC = "قتل ثلاثة مدنيين أمس في قصف على مدينة الحسكة شمال شرقي سوريا."


def jsonl(records) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def run(capsys, *argv):
    code = main(["extract", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    """The whole of stderr must be warnings plus exactly one 'rasd: error:' line, no traceback."""
    assert "Traceback" not in err
    errors = [line for line in err.splitlines() if line.startswith("rasd: error: ")]
    assert len(errors) == 1, err
    return errors[0]


@pytest.fixture()
def one_event_per_article(monkeypatch):
    """A stand-in event stage (the real one is built elsewhere) so output paths can be checked."""

    def stage(doc: Document) -> Document:
        doc.events.append(Event(event_id="", article_id="", status="current",
                                event_date=str(doc.article.published) if doc.article.published else None,
                                time_precision=1, event_type="Battles", sub_event_type="Armed clash",
                                actor1="Islamic State", location="Al-Hasakeh", location_ar="الحسكة",
                                latitude=36.5, longitude=40.75, fatalities=3))
        return doc

    stages = [("normalize", rasd.pipeline.normalize_stage), ("segment", rasd.pipeline.segment_stage),
              ("fake-events", stage), ("finalize", rasd.pipeline.finalize_stage)]
    monkeypatch.setattr(rasd.pipeline, "default_stages", lambda: list(stages))


# ---------------------------------------------------------------- bad input
def test_empty_file(tmp_path, capsys):
    (tmp_path / "e.txt").write_bytes(b"")
    code, out, err = run(capsys, tmp_path / "e.txt")
    assert code == 1 and out == ""
    assert one_error_line(err) == (f"rasd: error: {tmp_path / 'e.txt'}: the file is empty; "
                                   "give an article as .txt, .html, .json or .jsonl")


def test_binary_file(tmp_path, capsys):
    (tmp_path / "b.bin").write_bytes(bytes(range(256)) * 10)
    code, _, err = run(capsys, tmp_path / "b.bin")
    assert code == 1
    assert one_error_line(err).endswith("b.bin: this looks like a binary file, not an article "
                                        "(found NUL bytes); give .txt, .html, .json or .jsonl")


def test_pdf_named_as_such(tmp_path, capsys):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    code, _, err = run(capsys, tmp_path / "report.pdf")
    assert code == 1 and "report.pdf: this is a PDF document, not an article" in one_error_line(err)


def test_cp1256_text_is_read_with_a_warning(tmp_path, capsys):
    (tmp_path / "w.txt").write_bytes(ARABIC.encode("cp1256"))
    code, _, err = run(capsys, tmp_path / "w.txt", "--published", "2022-01-22")
    assert code == 0
    assert err == f"rasd: warning: {tmp_path / 'w.txt'}: not UTF-8; read as Windows-1256 (cp1256) Arabic\n"


def test_text_in_no_known_encoding(tmp_path, capsys):
    (tmp_path / "l.txt").write_bytes("Café à Paris, naïve résumé".encode("latin-1"))
    code, _, err = run(capsys, tmp_path / "l.txt")
    assert code == 1
    assert one_error_line(err).endswith("l.txt: text is neither UTF-8 nor Windows-1256 (cp1256); re-save it as UTF-8")


def test_malformed_json_line_reports_its_number_and_carries_on(tmp_path, capsys, one_event_per_article):
    good = {"published": "2022-01-22", "text": ARABIC}
    (tmp_path / "m.jsonl").write_text(jsonl([{"id": "a", **good}]) + "{broken\n" + jsonl([{"id": "c", **good}]),
                                      encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "m.jsonl")
    assert code == 0
    assert [json.loads(line)["article_id"] for line in out.splitlines()] == ["a", "c"]
    assert f"{tmp_path / 'm.jsonl'}:2: malformed JSON" in err and "Traceback" not in err


def test_nothing_readable_is_an_error_naming_the_last_problem(tmp_path, capsys):
    (tmp_path / "bad.jsonl").write_text("{oops\n[1]\n")
    code, out, err = run(capsys, tmp_path / "bad.jsonl")
    assert code == 1 and out == ""
    assert one_error_line(err) == (f"rasd: error: {tmp_path / 'bad.jsonl'}: no article could be read "
                                   f"({tmp_path / 'bad.jsonl'}:2: malformed JSON (not an object); skipped this line)")


def test_a_10_mb_article_is_refused_with_a_clear_message(tmp_path, capsys):
    path = tmp_path / "big.txt"
    path.write_text((ARABIC + "\n") * (10_000_000 // len((ARABIC + "\n").encode())), encoding="utf-8")
    code, out, err = run(capsys, path)
    assert code == 1 and out == ""
    line = one_error_line(err)
    assert "big.txt: file of 9,99" in line
    assert line.endswith("bytes is too big for one article of at most 1,000,000 characters; "
                         "split it or raise --max-chars")


def test_missing_published_is_noted_and_no_date_is_invented(tmp_path, capsys):
    # Only relative dates, no publication date: nothing can anchor them.
    text = "قصفت طائرة مسيرة أمس موقعاً في ريف الحسكة، وقتل ثلاثة مسلحين فجر اليوم في اشتباكات."
    (tmp_path / "np.jsonl").write_text(jsonl([{"id": "np", "text": text}]), encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "np.jsonl")
    assert code == 0
    assert "np.jsonl: no 'published' date (article 'np'); relative dates such as «أمس» stay unresolved" in err
    for line in out.splitlines():  # whatever the extractor finds, it may not date it
        assert json.loads(line)["event_date"] is None


def test_an_article_the_pipeline_fails_on_is_skipped_with_a_warning(tmp_path, capsys, monkeypatch):
    def broken(doc):
        if doc.article.id == "bad":
            raise ValueError("offsets out of range")
        return doc

    monkeypatch.setattr(rasd.pipeline, "default_stages", lambda: [("broken", broken)])
    (tmp_path / "a.jsonl").write_text(jsonl([{"id": "bad", "text": ARABIC}, {"id": "ok", "text": ARABIC}]))
    code, _, err = run(capsys, tmp_path / "a.jsonl", "--published", "2022-01-22")
    assert code == 0
    assert "rasd: warning: bad: extraction failed (ValueError: offsets out of range); skipped this article" in err
    (tmp_path / "b.jsonl").write_text(jsonl([{"id": "bad", "text": ARABIC}]))
    code, _, err = run(capsys, tmp_path / "b.jsonl", "--published", "2022-01-22")
    assert code == 1 and "extraction failed on every article read (1)" in one_error_line(err)


def test_bad_input_through_a_real_process_exits_non_zero_without_traceback(tmp_path):
    (tmp_path / "b.bin").write_bytes(b"\x00\x01\x02" * 100)
    proc = subprocess.run([sys.executable, "-m", "rasd", "extract", str(tmp_path / "b.bin")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and proc.stdout == ""
    assert proc.stderr.splitlines() == [
        f"rasd: error: {tmp_path / 'b.bin'}: this looks like a binary file, not an article "
        "(found NUL bytes); give .txt, .html, .json or .jsonl"]


def test_missing_file_through_a_real_process(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "rasd", "extract", str(tmp_path / "none.jsonl")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr == f"rasd: error: {tmp_path / 'none.jsonl'}: no such file or directory\n"


# ---------------------------------------------------------------- good input
def test_jsonl_with_many_articles_streams_events_that_carry_their_article_id(tmp_path, capsys,
                                                                            one_event_per_article):
    ids = [f"art-{i:03d}" for i in range(150)]
    (tmp_path / "many.jsonl").write_text(
        jsonl([{"id": i, "published": "2022-01-22", "text": ARABIC} for i in ids]), encoding="utf-8")
    code, out, err = run(capsys, tmp_path / "many.jsonl")
    assert code == 0 and err == ""
    events = [json.loads(line) for line in out.splitlines()]
    assert [e["article_id"] for e in events] == ids
    assert all(e["sources"] == [e["article_id"]] and e["event_id"] for e in events)
    assert len({e["event_id"] for e in events}) == 150


def test_real_pipeline_events_belong_to_their_articles(tmp_path, capsys):
    ids = ["x1", "x2", "x3"]
    (tmp_path / "r.jsonl").write_text(
        jsonl([{"id": i, "published": "2022-01-22", "text": ARABIC} for i in ids]), encoding="utf-8")
    code, out, _ = run(capsys, tmp_path / "r.jsonl")
    assert code == 0
    assert {json.loads(line)["article_id"] for line in out.splitlines()} <= set(ids)


def test_html_input(tmp_path, capsys, one_event_per_article):
    page = (f"<html><head><title>خبر</title></head><body><nav>الرئيسية</nav><article><p>{ARABIC}</p>"
            "<p>وأفادت مصادر محلية بأن القصف استهدف حياً سكنياً.</p></article></body></html>")
    (tmp_path / "news.html").write_text(page, encoding="utf-8")
    code, out, _ = run(capsys, tmp_path / "news.html", "--published", "2022-01-22")
    assert code == 0
    (event,) = [json.loads(line) for line in out.splitlines()]
    assert event["article_id"] == "news" and event["event_date"] == "2022-01-22"


def test_stdin_dash_reads_text_and_jsonl(capsys, monkeypatch, one_event_per_article):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARABIC.encode("utf-8"))))
    code, out, _ = run(capsys, "-", "--published", "2022-01-22")
    assert code == 0 and len(out.splitlines()) == 1
    data = jsonl([{"id": "s1", "text": ARABIC}, {"id": "s2", "text": ARABIC}]).encode("utf-8")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "-", "--published", "2022-01-22")
    assert [json.loads(line)["article_id"] for line in out.splitlines()] == ["s1", "s2"]


def test_empty_stdin_is_an_error(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, _, err = run(capsys, "-")
    assert code == 1 and one_error_line(err) == ("rasd: error: <stdin>: the file is empty; "
                                                 "give an article as .txt, .html, .json or .jsonl")


def test_stdin_through_a_real_process():
    data = jsonl([{"id": "p1", "published": "2022-01-22", "text": ARABIC}])
    proc = subprocess.run([sys.executable, "-m", "rasd", "extract", "-"], input=data,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert all(json.loads(line)["article_id"] == "p1" for line in proc.stdout.splitlines())


def test_format_table(tmp_path, capsys, one_event_per_article):
    (tmp_path / "t.jsonl").write_text(jsonl([{"id": "tbl-1", "published": "2022-01-22", "text": ARABIC}]),
                                      encoding="utf-8")
    code, out, _ = run(capsys, tmp_path / "t.jsonl", "--format", "table")
    assert code == 0
    for expected in ("article", "tbl-1", "2022-01-22 p1", "Armed clash", "Islamic State", "Al-Hasakeh", "3"):
        assert expected in out
    with pytest.raises(json.JSONDecodeError):
        json.loads(out.splitlines()[0])


# ---------------------------------------------------------------- help, version
def test_help_on_every_command(capsys):
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert "extract" in commands and "eval" in commands
    for name in commands:
        with pytest.raises(SystemExit) as exit_info:
            main([name, "--help"])
        assert exit_info.value.code == 0, name
        out = capsys.readouterr().out
        assert out.startswith(f"usage: rasd {name}"), name


def test_top_level_help_and_no_command(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0 and "extract" in capsys.readouterr().out
    assert main([]) == 2


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"rasd {rasd.__version__}\n"


def test_a_bad_published_argument_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", "x.txt", "--published", "22/01/2022"])
    assert exit_info.value.code == 2
    assert "'22/01/2022' is not a date in YYYY-MM-DD form" in capsys.readouterr().err
