"""Exports opened by real readers: ACLED CSV (pyarrow), GeoJSON (geojson), Parquet (pyarrow), JSONL."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date

import geojson
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest

from rasd.io.exports import ACLED_COLUMNS, acled_row, actor_inter, disorder_type, write_events
from rasd.model import event_from_dict
from rasd.store import open_store
from store_factories import article, event

ACLED_ORDER = (
    "event_id_cnty event_date year time_precision disorder_type event_type sub_event_type actor1 "
    "assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting iso region "
    "country admin1 admin2 admin3 location latitude longitude geo_precision source source_scale "
    "notes fatalities tags timestamp").split()


@pytest.fixture
def exported(tmp_path):
    db = str(tmp_path / "x.sqlite")
    with open_store(db) as store:
        store.add_articles([article(1, source="aawsat"), article(2, source="okaz"), article(3, source=None)])
        store.save_extraction("art1", [event("art1", fatalities=6, assoc_actor_2=["Saleh loyalist forces"])])
        store.save_extraction("art2", [event("art2", fatalities=4, latitude=12.79)])
        store.save_extraction("art3", [event("art3", event_type="Violence against civilians",
                                             sub_event_type="Attack", actor1="Islamic State",
                                             actor2="Civilians (Syria)", country="Syria", iso3="SYR",
                                             admin1="Aleppo", latitude=None, longitude=None,
                                             geo_precision=3, fatalities=2)])
        store.dedup()
    return db


def export(db: str, fmt: str, out) -> int:
    with open_store(db) as store:
        return write_events(store.iter_events(), fmt, str(out),
                            source_names=lambda ids: {a: m["source"] for a, m in
                                                      store.article_sources(ids).items() if m["source"]})


def test_acled_csv_has_acleds_columns_in_order(exported, tmp_path):
    out = tmp_path / "events.csv"
    assert export(exported, "acled-csv", out) == 2
    table = pacsv.read_csv(out, convert_options=pacsv.ConvertOptions(strings_can_be_null=True))
    assert table.column_names[:len(ACLED_ORDER)] == ACLED_ORDER == list(ACLED_COLUMNS)
    rows = {r["event_type"]: r for r in table.to_pylist()}
    battle = rows["Battles"]
    assert battle["fatalities"] == 4 and battle["source"] == "aawsat; okaz"
    assert battle["iso"] == 887 and battle["region"] == "Middle East" and battle["year"] == 2015
    assert battle["disorder_type"] == "Political violence"
    assert battle["assoc_actor_2"] == "Saleh loyalist forces"
    assert battle["article_ids"] == "art1; art2"
    attack = rows["Violence against civilians"]
    assert attack["civilian_targeting"] == "Civilian targeting" and attack["inter2"] == 7
    assert attack["latitude"] is None and attack["source"] == "art3"  # no source name: the id


def test_acled_codes():
    assert actor_inter("Military Forces of Yemen (Hadi government)", "Yemen") == "1"
    assert actor_inter("Military Forces of Saudi Arabia", "Yemen") == "8"  # abroad
    assert actor_inter("Military Forces of the United States", "United States") == "1"
    assert actor_inter("Protesters (Yemen)", "Yemen") == "6"
    assert actor_inter("Some New Brigade", "Yemen") == ""  # unknown type: empty, not guessed
    protest = event("a", event_type="Protests", sub_event_type="Excessive force against protesters",
                    actor1="Police Forces of Egypt", actor2="Protesters (Egypt)", country="Egypt")
    assert disorder_type(protest) == "Political violence; Demonstrations"
    row = acled_row(protest, {}, 0)
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("1", "6", "16")
    alone = acled_row(event("a", actor1="Protesters (Yemen)", actor2=None, event_type="Protests",
                            sub_event_type="Peaceful protest"), {}, 0)
    assert alone["interaction"] == "60"


def test_geojson_is_valid_and_keeps_every_field(exported, tmp_path):
    out = tmp_path / "events.geojson"
    export(exported, "geojson", out)
    collection = geojson.loads(out.read_text(encoding="utf-8"))
    assert collection.is_valid, collection.errors()
    features = {f["properties"]["event_type"]: f for f in collection["features"]}
    battle = features["Battles"]
    assert battle["geometry"]["type"] == "Point"
    lon, lat = battle["geometry"]["coordinates"]
    assert (lat, lon) == (battle["properties"]["latitude"], battle["properties"]["longitude"])
    assert sorted(battle["properties"]["sources"]) == ["art1", "art2"]
    assert features["Violence against civilians"]["geometry"] is None  # no coordinates, no guess


def test_parquet_typed_columns(exported, tmp_path):
    out = tmp_path / "events.parquet"
    export(exported, "parquet", out)
    table = pq.read_table(out)
    assert str(table.schema.field("event_date").type) == "date32[day]"
    assert str(table.schema.field("sources").type) == "list<element: string>"
    rows = {r["event_type"]: r for r in table.to_pylist()}
    assert rows["Battles"]["event_date"] == date(2015, 7, 20)
    assert rows["Battles"]["evidence"][0]["text"] == "خبر رقم"
    assert rows["Violence against civilians"]["latitude"] is None


def test_jsonl_round_trips_to_events(exported, tmp_path):
    out = tmp_path / "events.jsonl"
    export(exported, "jsonl", out)
    events = [event_from_dict(json.loads(line)) for line in out.read_text(encoding="utf-8").splitlines()]
    with open_store(exported) as store:
        stored = {e.event_id: e.to_dict() for e in store.query_events()}
    assert {e.event_id: e.to_dict() for e in events} == stored


def test_cli_export_to_stdout(exported):
    for fmt, check in (("acled-csv", lambda b: b.startswith(b"event_id_cnty,event_date,year,")),
                       ("geojson", lambda b: geojson.loads(b.decode()).is_valid),
                       ("parquet", lambda b: pq.read_table(io.BytesIO(b)).num_rows == 2)):
        done = subprocess.run([sys.executable, "-m", "rasd", "export", "--db", exported, "--format", fmt,
                               "--type", "Battles"] if fmt == "geojson" else
                              [sys.executable, "-m", "rasd", "export", "--db", exported, "--format", fmt],
                              capture_output=True, timeout=60)
        assert done.returncode == 0, done.stderr
        assert check(done.stdout), fmt


def test_an_output_that_cannot_be_written_is_one_line_naming_it(exported, tmp_path, capsys):
    from rasd.cli import main

    for fmt in ("acled-csv", "parquet"):
        for target, problem in ((tmp_path / "no" / "such" / "out", "No such file or directory"),
                                (tmp_path, "Is a directory")):
            assert main(["export", "--db", exported, "--format", fmt, "-o", str(target)]) == 1
            assert capsys.readouterr().err.strip() == \
                f"rasd: error: {target}: cannot write the export ({problem})"
