"""The Store API on SQLite and PostgreSQL: articles once, events round-trip, runs, filters, stats."""

from __future__ import annotations

from datetime import date

import pytest

from rasd.errors import StoreError
from rasd.model import Article
from rasd.store import EventFilter, open_store
from store_factories import article, event


def test_articles_are_stored_once_by_id(store):
    assert store.add_articles([article(1), article(2), article(1)]) == [True, True, False]
    assert store.add_articles([article(2), article(3)]) == [False, True]
    assert store.count_articles() == 3
    got = store.get_article("art2")
    assert got == article(2)
    assert store.get_article("missing") is None


def test_events_round_trip_with_every_field(store):
    store.add_articles([article(1)])
    e = event("art1", assoc_actor_1=["Saudi-led Coalition"], admin3="X", explanation={"date": "أمس"})
    store.save_extraction("art1", [e])
    [got] = store.query_events(EventFilter())
    assert got.to_dict(explain=True) == {**e.to_dict(explain=True), "sources": ["art1"]}
    assert store.get_event(e.event_id).evidence[0].text == "خبر رقم"
    assert [x.event_id for x in store.events_of_article("art1")] == [e.event_id]


def test_events_need_their_article_stored_first(store):
    with pytest.raises(StoreError, match="'ghost' is not in the store"):
        store.save_extraction("ghost", [event("ghost")])
    assert store.count_events() == 0


def test_save_extraction_replaces_that_runs_events(store):
    store.add_articles([article(1)])
    store.save_extraction("art1", [event("art1"), event("art1", event_type="Protests",
                                                        sub_event_type="Peaceful protest")])
    assert store.count_events() == 2
    store.save_extraction("art1", [event("art1", fatalities=9)])
    [only] = store.query_events()
    assert only.fatalities == 9
    store.save_extraction("art1", [])
    assert store.count_events() == 0
    assert store.not_extracted(["art1"]) == []  # extracted, with no events


def test_a_new_run_keeps_the_old_run_queryable(store):
    store.add_articles([article(1)])
    store.save_extraction("art1", [event("art1", fatalities=1)], run_id="rasd-0.1.0+data-old")
    store.save_extraction("art1", [event("art1", fatalities=2)], run_id="rasd-0.2.0+data-new")
    assert [e.fatalities for e in store.query_events()] == [2]  # newest run by default
    old = store.query_events(EventFilter(run_id="rasd-0.1.0+data-old"))
    assert [e.fatalities for e in old] == [1]
    assert {r["run_id"]: r["events"] for r in store.runs()} == {
        "rasd-0.1.0+data-old": 1, "rasd-0.2.0+data-new": 1}
    assert store.not_extracted(["art1"], run_id="rasd-0.3.0+data-x") == ["art1"]


@pytest.fixture
def filled(store):
    store.add_articles([article(i) for i in range(1, 6)])
    rows = [
        ("art1", dict(event_date="2015-07-18", fatalities=0, admin1="Aden")),
        ("art2", dict(event_date="2015-07-19", fatalities=3, admin1="Taiz", latitude=13.58,
                      longitude=44.02, location="Taiz", actor1="Saudi-led Coalition",
                      event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")),
        ("art3", dict(event_date="2015-07-20", fatalities=12, status="background", country="Syria",
                      iso3="SYR", admin1="Aleppo", latitude=36.2, longitude=37.15,
                      notes="Islamic State attacked Aleppo.", actor1="Islamic State", actor2=None)),
        ("art4", dict(event_date="2015-07-21", fatalities=1, admin1="Lahij", latitude=13.05,
                      longitude=44.88, notes="Protesters marched 100% peacefully.",
                      event_type="Protests", sub_event_type="Peaceful protest",
                      actor1="Protesters (Yemen)", actor2=None)),
        ("art5", dict(event_date=None, time_precision=3, fatalities=2, admin1="Aden")),
    ]
    for aid, fields in rows:
        store.save_extraction(aid, [event(aid, **fields)])
    return store


def ids(events):
    return [e.article_id for e in events]


FILTER_CASES = [
    (EventFilter(date_from="2015-07-19", date_to=date(2015, 7, 20)), {"art2", "art3"}),
    (EventFilter(bbox=(43.5, 13.0, 45.0, 14.0)), {"art2", "art4"}),
    (EventFilter(country="yem"), {"art1", "art2", "art4", "art5"}),
    (EventFilter(country="Syria"), {"art3"}),
    (EventFilter(admin1="aden"), {"art1", "art5"}),
    (EventFilter(event_type="Protests"), {"art4"}),
    (EventFilter(sub_event_type="Air/drone strike"), {"art2"}),
    (EventFilter(actor="saudi-led"), {"art2"}),
    (EventFilter(actor="popular resistance"), {"art1", "art2", "art5"}),
    (EventFilter(text="ALEPPO"), {"art3"}),
    (EventFilter(text="100%"), {"art4"}),  # LIKE wildcards in user text are literal
    (EventFilter(text="' OR 1=1 --"), set()),
    (EventFilter(status="background"), {"art3"}),
    (EventFilter(min_fatalities=3), {"art2", "art3"}),
    (EventFilter(article_id="art4"), {"art4"}),
]


def test_filters(filled):
    # one store for every case: filling it is the slow part on PostgreSQL
    for f, expected in FILTER_CASES:
        assert set(ids(filled.query_events(f))) == expected, f
        assert filled.count_events(f) == len(expected), f


def test_sort_and_paging(filled):
    assert ids(filled.query_events(sort="-fatalities")) == ["art3", "art2", "art5", "art4", "art1"]
    by_date = ids(filled.query_events(sort="event_date"))
    assert by_date == ["art1", "art2", "art3", "art4", "art5"]  # unknown dates last
    pages = [ids(filled.query_events(sort="event_date", limit=2, offset=o)) for o in (0, 2, 4)]
    assert sum(pages, []) == by_date
    with pytest.raises(StoreError, match="sort"):
        filled.query_events(sort="text; DROP TABLE events")
    with pytest.raises(StoreError, match="date_from"):
        filled.query_events(EventFilter(date_from="20th July"))


def test_stats(filled):
    stats = filled.stats(EventFilter(country="Yemen"))
    assert stats["total"] == 4
    assert stats["fatalities"] == 0 + 3 + 1 + 2
    assert stats["by_day"] == {"2015-07-18": 1, "2015-07-19": 1, "2015-07-21": 1}
    assert stats["by_event_type"] == {"Battles": 2, "Explosions/Remote violence": 1, "Protests": 1}
    assert stats["by_admin1"] == {"Aden": 2, "Taiz": 1, "Lahij": 1}
    assert stats["by_actor"]["Popular Resistance (Yemen)"] == 3
    assert stats["by_actor"]["Protesters (Yemen)"] == 1


def test_iter_events_streams_every_event(filled):
    assert sorted(ids(filled.iter_events(batch=2))) == ["art1", "art2", "art3", "art4", "art5"]


def test_bad_databases_are_one_line_errors(tmp_path):
    (tmp_path / "notes.sqlite").write_text("not a database")
    with pytest.raises(StoreError, match="not a usable rasd database"):
        open_store(str(tmp_path / "notes.sqlite"))
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "missing" / "x.sqlite"))
    with pytest.raises(StoreError, match="is a folder"):
        open_store(str(tmp_path))
    with pytest.raises(StoreError, match=r"u:\*\*\*@.*cannot open"):
        open_store("postgresql://u:secret@127.0.0.1:1/nothing")
    with pytest.raises(StoreError, match="unsupported database"):
        open_store("mysql://u@h/db")


def test_default_database_is_in_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    with open_store(None) as store:
        assert store.name == str(tmp_path / "xdg" / "rasd" / "rasd.sqlite")
        store.add_articles([Article(id="x", text="نص")])
    assert (tmp_path / "xdg" / "rasd" / "rasd.sqlite").exists()
