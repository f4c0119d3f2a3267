"""`rasd eval` end to end on small hand-made gold and article files."""

from __future__ import annotations

import dataclasses
import io
import json

import pytest

from rasd.cli import main
from rasd.eval.gold import read_gold
from rasd.eval.run import run_eval
from rasd.errors import InputError
from rasd.model import Article, Event


def gold_event(gid, **kw):
    base = {"id": gid, "status": "current", "event_date": "2022-01-21", "time_precision": 1,
            "event_type": "Battles", "sub_event_type": "Armed clash",
            "actor1": "Islamic State", "actor2": "SDF: Syrian Democratic Forces",
            "location": "Ghweran", "location_ar": "غويران", "latitude": 36.48, "longitude": 40.745,
            "geo_precision": 1, "fatalities": 5, "country": "Syria", "iso3": "SYR",
            "admin1": "Al-Hasakeh", "evidence": [{"text": "اشتباكات عنيفة في حي غويران", "start": 0, "end": 26}]}
    base.update(kw)
    return base


GOLD = [
    {"id": "a1", "published": "2022-01-22", "events": [
        gold_event("g1"),
        gold_event("g2", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                   latitude=36.9, fatalities=2, actor1="International Coalition", actor2="Islamic State"),
        gold_event("g3", optional=True, event_type="Protests", sub_event_type="Peaceful protest",
                   fatalities=0),
        gold_event("b1", status="background", event_date="2021-10-05", time_precision=3,
                   event_type="Riots", sub_event_type="Violent demonstration", fatalities=0),
    ], "not_events": ["a threat"]},
    {"id": "a2", "published": "2022-01-22", "events": [gold_event("g1", fatalities=11, admin1="Diyala",
                                                                  latitude=33.9, longitude=44.5)]},
]
ARTICLES = [
    {"id": "a1", "published": "2022-01-22", "text": "اشتباكات عنيفة في حي غويران بالحسكة."},
    {"id": "a2", "published": "2022-01-22", "text": "هجوم لداعش في ديالى."},
    {"id": "extra", "published": "2022-01-22", "text": "خبر لا تعليق عليه."},
]


@pytest.fixture()
def files(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(g, ensure_ascii=False) for g in GOLD) + "\n", encoding="utf-8")
    arts = tmp_path / "articles.jsonl"
    arts.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    return str(gold), str(arts)


def oracle_for(gold_path):
    """An extractor that returns exactly the gold events (a perfect system)."""
    by_id = {g.id: [dataclasses.replace(e.event) for e in g.events] for g in read_gold(gold_path)}
    return lambda article: by_id.get(article.id, [])


def eval_json(gold, arts, extractor, explain=False):
    out = io.StringIO()
    assert run_eval(gold, arts, as_json=True, explain=explain, out=out, extractor=extractor) == 0
    return json.loads(out.getvalue())


def test_a_perfect_system_scores_one_and_optional_found_is_not_counted(files):
    gold, arts = files
    data = eval_json(gold, arts, oracle_for(gold))
    assert data["current"] == {"tp": 3, "fp": 0, "fn": 0, "optional_found": 1,
                               "precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert data["background"]["tp"] == 1 and data["background"]["f1"] == 1.0
    assert data["matched"]["actor_accuracy"] == 1.0
    assert data["fatalities"]["mae"] == 0
    assert data["articles"]["gold"] == 2
    assert data["articles"]["without_gold"] == ["extra"]


def test_json_has_stable_keys(files):
    gold, arts = files
    data = eval_json(gold, arts, lambda a: [])
    assert set(data) >= {"spec", "rules", "articles", "current", "matched", "fatalities",
                         "background", "extract_seconds"}
    assert set(data["current"]) == {"tp", "fp", "fn", "optional_found", "precision", "recall", "f1"}
    assert set(data["matched"]) == {"matched", "sub_event_type_accuracy", "actor_accuracy",
                                    "date_exact_rate", "location_median_km", "location_within_5km",
                                    "location_measured", "fatalities_exact_rate"}
    assert "per_article" not in data  # only with --explain
    assert data["current"]["fn"] == 3 and data["current"]["precision"] is None


def test_an_article_the_extractor_chokes_on_is_reported_and_its_gold_missed(files, capsys):
    gold, arts = files
    perfect = oracle_for(gold)

    def flaky(article: Article) -> list[Event]:
        if article.id == "a2":
            raise RuntimeError("boom in a stage")
        return perfect(article)

    data = eval_json(gold, arts, flaky)
    assert data["current"]["tp"] == 2 and data["current"]["fn"] == 1
    assert data["articles"]["problems"] == [
        {"article_id": "a2", "problem": "extraction failed: RuntimeError: boom in a stage"}]
    assert "a2: extraction failed: RuntimeError: boom in a stage" in capsys.readouterr().err


def test_a_gold_article_absent_from_the_articles_counts_as_missed(files, tmp_path):
    gold, _ = files
    only_a1 = tmp_path / "only_a1.jsonl"
    only_a1.write_text(json.dumps(ARTICLES[0], ensure_ascii=False) + "\n", encoding="utf-8")
    data = eval_json(gold, str(only_a1), oracle_for(gold))
    assert data["current"]["fn"] == 1
    assert data["articles"]["problems"][0]["article_id"] == "a2"
    assert "not found" in data["articles"]["problems"][0]["problem"]


def test_explain_lists_pairs_with_differences_misses_and_spurious(files):
    gold, arts = files
    perfect = oracle_for(gold)

    def sloppy(article):
        events = perfect(article)
        if article.id != "a1":
            return []
        first = dataclasses.replace(events[0], fatalities=4, event_date="2022-01-22",
                                    actor1=events[0].actor2, actor2=events[0].actor1)
        invented = dataclasses.replace(events[0], event_type="Riots", sub_event_type="Mob violence",
                                       fatalities=0)
        return [first, invented]

    data = eval_json(gold, arts, sloppy, explain=True)
    a1 = next(a for a in data["per_article"] if a["article_id"] == "a1")
    (pair,) = a1["current"]["matched"]
    assert pair["gold_id"] == "g1" and pair["days"] == 1
    assert pair["differences"] == {"event_date": ["2022-01-22", "2022-01-21"], "fatalities": [4, 5]}
    assert [m["gold_id"] for m in a1["current"]["missed"]] == ["g2"]
    assert a1["current"]["missed"][0]["evidence"].startswith("اشتباكات")
    assert [s["event_type"] for s in a1["current"]["spurious"]] == ["Riots"]
    assert a1["fatalities"] == {"system": 4, "gold": 7, "abs_error": 3}
    per = {r["article_id"]: r["abs_error"] for r in data["fatalities"]["per_article"]}
    assert per == {"a1": 3, "a2": 11}


def test_the_table_shows_the_figures_and_explain_the_reasons(files):
    gold, arts = files
    out = io.StringIO()
    run_eval(gold, arts, as_json=False, explain=True, out=out, extractor=lambda a: [])
    text = out.getvalue()
    assert "event F1" in text and "fatalities MAE" in text and "background" in text
    assert "FN  Battles / Armed clash · 2022-01-21" in text
    assert "opt-unfound" in text  # the optional gold, shown but not a miss


def test_rasd_eval_command_runs_the_real_pipeline(files, capsys):
    gold, arts = files
    assert main(["eval", "--gold", gold, "--articles", arts, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["articles"]["extracted"] == 2
    assert data["current"]["tp"] + data["current"]["fn"] == 3


def test_a_malformed_gold_line_stops_eval_with_its_line_number(tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(GOLD[0]) + "\n{not json\n", encoding="utf-8")
    arts = tmp_path / "a.jsonl"
    arts.write_text(json.dumps(ARTICLES[0]) + "\n", encoding="utf-8")
    assert main(["eval", "--gold", str(gold), "--articles", str(arts)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"rasd: error: {gold}:2: malformed JSON in gold file")
    assert "Traceback" not in err and err.count("\n") == 1


def test_gold_with_an_unknown_event_type_is_refused(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "x", "events": [gold_event("g1", event_type="Skirmish")]}) + "\n")
    with pytest.raises(InputError, match="'Skirmish' is not one of"):
        read_gold(str(gold))


def test_a_missing_gold_file_is_one_clear_error(tmp_path, capsys):
    assert main(["eval", "--gold", str(tmp_path / "nope.jsonl"), "--articles", "x.jsonl"]) == 1
    assert "nope.jsonl: no such gold file" in capsys.readouterr().err


def test_a_malformed_system_event_is_reported_not_fatal(files, capsys):
    gold, arts = files
    perfect = oracle_for(gold)

    def bad_coordinates(article):
        events = perfect(article)
        if article.id == "a1":
            events[0] = dataclasses.replace(events[0], latitude="north of town")
        return events

    data = eval_json(gold, arts, bad_coordinates)
    assert data["current"]["tp"] == 1 and data["current"]["fn"] == 2  # a2 still scored
    (problem,) = data["articles"]["problems"]
    assert problem["article_id"] == "a1" and problem["problem"].startswith("its events could not be scored")
    assert data["current_by_type"]["Battles"]["tp"] == 1


def test_gold_numbers_are_checked(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "x", "events": [gold_event("g1", latitude="north")]}) + "\n")
    with pytest.raises(InputError, match=r"gold.jsonl:1 event 1: a number field of the gold event is not a number"):
        read_gold(str(gold))


def test_unreadable_articles_are_one_clear_error(files, tmp_path, capsys):
    gold, _ = files
    assert main(["eval", "--gold", gold, "--articles", str(tmp_path / "none.jsonl")]) == 1
    assert capsys.readouterr().err == f"rasd: error: {tmp_path / 'none.jsonl'}: no such file or directory\n"
    junk = tmp_path / "junk.jsonl"
    junk.write_text("{oops\n")
    assert main(["eval", "--gold", gold, "--articles", str(junk)]) == 1
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == (f"rasd: error: {junk}: no article could be read "
                                    f"({junk}:1: malformed JSON (Expecting property name enclosed in "
                                    "double quotes); skipped this line)")
    assert "Traceback" not in err
