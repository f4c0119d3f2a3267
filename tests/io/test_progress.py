"""The live ingest line (rasd.io.progress): counters drawn on stderr, nothing when off."""

from __future__ import annotations

from rasd.io.progress import ProgressLine

COUNTERS = ("{task.fields[articles]:,} articles", "{task.fields[events]:,} events")


def test_the_line_shows_the_title_and_the_last_counters_on_stderr(capsys):
    with ProgressLine(True, "ingest", COUNTERS, articles=0, events=0) as line:
        line.update(articles=1234, events=56)
    err = capsys.readouterr().err
    assert "ingest" in err and "1,234 articles" in err and "56 events" in err


def test_a_disabled_line_draws_nothing_and_ignores_updates(capsys):
    with ProgressLine(False, "ingest", COUNTERS, articles=0, events=0) as line:
        line.update(articles=7, events=1)
    assert capsys.readouterr() == ("", "")
