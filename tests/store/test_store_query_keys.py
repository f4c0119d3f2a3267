"""Migration 0003: folded key columns, back-filled on an existing store, give the same answers as before."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, inspect, text

from rasd.store import EventFilter, open_store
from rasd.store.keys import SEP
from rasd.store.migrate import current_revision, upgrade
from store_factories import article, event


def _old_store_with_events(path: str) -> None:
    """A store at revision 0002 holding three merged events written the old way (no keys)."""
    engine = create_engine(f"sqlite:///{path}")
    upgrade(engine, "0002")
    rows = [
        ("e1", "Syria", "SYR", "Aleppo", "Islamic State", None, '["Tribal Militia (Syria)"]', "Clash in Aleppo."),
        ("e2", "Iraq", "IRQ", "Ninewa", "Military Forces of Iraq", "Islamic State", "[]", "Strike on Mosul."),
        ("e3", "Yemen", "YEM", "Taizz", "Houthis: Ansar Allah", None, "[]", "Shelling in Taizz."),
    ]
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO runs VALUES ('rasd-0.1.0+data-old', '0.1.0', 'old', '2026-01-01')"))
        conn.execute(text("INSERT INTO extractions VALUES ('rasd-0.1.0+data-old', 'a1', 1, '2026-01-01')"))
        for i, (eid, country, iso3, admin1, a1, a2, assoc, notes) in enumerate(rows):
            conn.execute(text(
                "INSERT INTO merged_events (run_id, event_id, article_id, status, event_date, time_precision,"
                " event_type, sub_event_type, actor1, actor2, assoc_actor_1, assoc_actor_2, country, iso3,"
                " admin1, location, geo_precision, fatalities, injuries, notes, confidence, explanation,"
                " n_sources, sources, updated_at) VALUES ('rasd-0.1.0+data-old', :eid, 'a1', 'current',"
                " :day, 1, 'Battles', 'Armed clash', :a1, :a2, :assoc, '[]', :country, :iso3, :admin1,"
                " :admin1, 1, :dead, 0, :notes, 0.5, '{}', 1, '[\"a1\"]', '2026-01-01')"),
                {"eid": eid, "day": f"2022-01-0{i + 1}", "a1": a1, "a2": a2, "assoc": assoc,
                 "country": country, "iso3": iso3, "admin1": admin1, "dead": i, "notes": notes})
    engine.dispose()


def test_an_old_store_is_back_filled_and_filters_find_its_events(sqlite_path):
    _old_store_with_events(sqlite_path)
    with open_store(sqlite_path) as store:
        with store.engine.connect() as conn:
            assert current_revision(conn) == "0003"
            keys = dict(conn.execute(text("SELECT event_id, country_key FROM merged_events")).all())
            indexes = {i["name"] for i in inspect(conn).get_indexes("merged_events")}
        assert keys == {"e1": "syria", "e2": "iraq", "e3": "yemen"}
        assert {"ix_merged_run_country", "ix_merged_run_facets", "ix_merged_run_actor"} <= indexes

        def found(**kw):
            return sorted(e.event_id for e in store.query_events(EventFilter(**kw)))

        assert found(country="SYRIA") == ["e1"]
        assert found(country="irq") == ["e2"]
        assert found(admin1="taizz") == ["e3"]
        assert found(actor="islamic state") == ["e1", "e2"]  # actor1 or actor2
        assert found(actor="tribal militia") == ["e1"]  # associated actors
        assert found(text="MOSUL") == ["e2"]
        stats = store.stats(EventFilter())
        assert stats["by_actor"]["Islamic State"] == 2
        assert stats["by_day"] == {"2022-01-01": 1, "2022-01-02": 1, "2022-01-03": 1}
        assert stats["fatalities"] == 3


@pytest.fixture
def keyed(db_url):
    with open_store(db_url) as store:
        store.add_articles([article(i) for i in range(1, 4)])
        store.save_extraction("art1", [event("art1", actor1="Islamic State", actor2="Civilians (Iraq)",
                                             country="Iraq", iso3="IRQ", admin1="Ninewa")])
        store.save_extraction("art2", [event("art2", actor1="Military Forces of Iraq", actor2=None,
                                             assoc_actor_1=["Popular Mobilization Forces"], notes="Ninewa ÉTAT")])
        store.save_extraction("art3", [event("art3", country="IRQ", iso3="XYZ", actor1=None, actor2=None)])
        yield store


def test_a_value_never_matches_across_two_fields(keyed):
    # actor1 ends with "state", actor2 starts with "civilians": no event has "state civilians"
    assert keyed.query_events(EventFilter(actor="state" + "civilians")) == []
    assert keyed.query_events(EventFilter(actor=f"state{SEP}civilians")) == []
    assert keyed.count_events(EventFilter(actor="islamic state")) == 1


def test_country_matches_a_name_or_a_code_even_when_both_occur(keyed):
    # "IRQ" is art3's country name and art1's ISO3 code: both readings are kept
    assert {e.article_id for e in keyed.query_events(EventFilter(country="irq"))} == {"art1", "art3"}
    assert keyed.count_events(EventFilter(country="Iraq")) == 1
    assert keyed.count_events(EventFilter(country="nowhere")) == 0


def test_keys_fold_any_case_and_json_of_associated_actors(keyed):
    assert [e.article_id for e in keyed.query_events(EventFilter(actor="popular mobilization"))] == ["art2"]
    assert [e.article_id for e in keyed.query_events(EventFilter(text="ninewa état"))] == ["art2"]


def test_events_without_evidence_are_otherwise_the_same(keyed):
    full = keyed.query_events(EventFilter(), sort="event_id")
    light = keyed.query_events(EventFilter(), sort="event_id", evidence=False)
    assert [e.evidence for e in light] == [[], [], []]
    assert all(e.evidence for e in full)
    for e in full:
        e.evidence = []
    assert [json.dumps(e.to_dict(), sort_keys=True) for e in light] == \
        [json.dumps(e.to_dict(), sort_keys=True) for e in full]


def test_brief_map_rows_draw_the_same_features_as_events(keyed):
    from rasd.serve.geojson import BRIEF_FIELDS, brief_feature_collection, events_to_feature_collection

    keyed.add_articles([article(9)])
    keyed.save_extraction("art9", [event("art9", latitude=None, longitude=None, event_date=None)])
    for sort in ("-event_date", "fatalities"):
        rows = keyed.query_columns(EventFilter(), (*BRIEF_FIELDS, "latitude", "longitude"), limit=3, sort=sort)
        events = keyed.query_events(EventFilter(), limit=3, sort=sort)
        assert [r["event_id"] for r in rows] == [e.event_id for e in events]
        assert brief_feature_collection(rows) == events_to_feature_collection(events, brief=True)
    with pytest.raises(Exception, match="not an event column"):
        keyed.query_columns(EventFilter(), ("text",))


def test_postgresql_text_filters_have_trigram_indexes(pg_url):
    with open_store(pg_url) as store, store.engine.connect() as conn:
        names = {i["name"] for i in inspect(conn).get_indexes("merged_events")}
    assert {"ix_merged_actor_trgm", "ix_merged_search_trgm"} <= names


@pytest.mark.parametrize("f", [EventFilter(), EventFilter(country="IRQ"), EventFilter(admin1="ninewa"),
                               EventFilter(date_from="2015-07-20", event_type="Battles")])
def test_both_stats_plans_count_the_same(keyed, f):
    from rasd.store.store import _facets_grouped, _facets_in_one_pass

    keyed.add_articles([article(7)])
    keyed.save_extraction("art7", [event("art7", event_date=None, admin1=None, fatalities=9,
                                         event_type="Protests", sub_event_type="Peaceful protest")])
    with keyed.engine.connect() as conn:
        grouped = _facets_grouped(conn, keyed._filtered(f))
        one_pass = _facets_in_one_pass(conn, keyed._filtered(f))
    assert grouped == one_pass
    assert grouped[0] > 0


def test_postgresql_statistics_are_refreshed_after_dedup(pg_url):
    with open_store(pg_url) as store:
        store.add_articles([article(1)])
        store.save_extraction("art1", [event("art1")])
        assert store.dedup_pending() is not None
        with store.engine.connect() as conn:
            analyzed = conn.scalar(text("SELECT last_analyze FROM pg_stat_user_tables "
                                        "WHERE relname = 'merged_events' AND schemaname = current_schema()"))
    assert analyzed is not None
