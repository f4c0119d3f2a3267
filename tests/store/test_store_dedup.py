"""Cross-article dedup (spec §1 Merge): same event from different articles -> one event, every source."""

from __future__ import annotations

from datetime import date

import pytest

from rasd.store import EventFilter
from rasd.store.dedup import group_events, km_between, match, merge_group
from rasd.store.dedup_store import dedup_groups
from store_factories import article, event


def ev(article_id: str, event_id: str | None = None, **fields):
    e = event(article_id, **fields)
    e.event_id = event_id or f"{article_id}-e"
    return e


def test_km_between_known_distance():
    # Aden -> Taiz is about 140 km.
    assert 130 < km_between(12.7855, 45.0187, 13.5795, 44.0209) < 150


def test_two_reports_of_one_clash_merge_conservatively():
    a = ev("art1", fatalities=7, injuries=0, time_precision=2, geo_precision=2,
           latitude=12.80, longitude=45.03, location="Aden outskirts")
    b = ev("art2", fatalities=5, injuries=3, event_date="2015-07-21", time_precision=1,
           geo_precision=1, latitude=12.78, longitude=45.01, location="Crater")
    c = ev("art3", fatalities=0, injuries=0, event_date="2015-07-20", time_precision=1, geo_precision=1,
           latitude=12.79, longitude=45.02, location="Crater")
    [group] = group_events([a, b, c])
    assert {m.event_id for m in group.members} == {"art1-e", "art2-e", "art3-e"}
    merged = merge_group(group, {"art1": date(2015, 7, 22), "art2": date(2015, 7, 21),
                                 "art3": date(2015, 7, 23)})
    assert merged.fatalities == 5  # lowest reported; 0 means "no figure", not a report of none
    assert merged.injuries == 3
    assert merged.time_precision == 1 and merged.geo_precision == 1
    assert merged.location == "Crater"
    assert merged.sources == ["art2", "art1", "art3"]  # oldest report first
    assert all(why for why in group.reasons.values())
    assert "km apart" in group.reasons["art1-e"] or "km apart" in group.reasons["art2-e"]


@pytest.mark.parametrize("change, why", [
    (dict(event_type="Protests", sub_event_type="Peaceful protest"), "other type"),
    (dict(event_date="2015-07-22"), "two days apart"),
    (dict(latitude=12.7855 + 0.1, longitude=45.0187), "11 km apart"),
    (dict(actor1="Military Forces of Yemen (Hadi government)"), "another side named"),
    (dict(event_date=None), "no date"),
])
def test_reports_that_differ_stay_apart(change, why):
    a = ev("art1")
    b = ev("art2", **change)
    assert match(a, b) is None, why
    assert len(group_events([a, b])) == 2, why


def test_events_of_one_article_are_never_merged():
    # Extraction split them on purpose (two neighbourhoods, or a strike and a clash).
    a, b = ev("art1", "x1"), ev("art1", "x2")
    assert len(group_events([a, b])) == 2


def test_compatible_actors():
    a = ev("art1", actor2=None)  # unnamed side: compatible with any
    b = ev("art2")
    assert "actors compatible" in match(a, b)
    swapped = ev("art3", actor1="Popular Resistance (Yemen)", actor2="Houthis: Ansar Allah")
    assert "other order" in match(b, swapped)  # battles: sides in either order
    strike1 = ev("art4", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                 actor1="Saudi-led Coalition", actor2="Civilians (Yemen)")
    strike2 = ev("art5", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                 actor1="Civilians (Yemen)", actor2="Saudi-led Coalition")
    assert match(strike1, strike2) is None  # who struck whom matters outside battles
    unknown = ev("art6", actor1="Unidentified Armed Group (Yemen)")
    assert match(b, unknown) is not None


def test_same_place_without_coordinates_merges_only_in_same_admin1():
    a = ev("art1", latitude=None, longitude=None, location_ar="حي الشيخ عثمان")
    b = ev("art2", latitude=None, longitude=None, location_ar="حي  الشيخ عثمان")
    other = ev("art3", latitude=None, longitude=None, location_ar="حي الشيخ عثمان", admin1="Lahij")
    assert "same place" in match(a, b)
    assert match(a, other) is None


def test_complete_linkage_does_not_chain():
    # A-B 8 km, B-C 8 km, A-C 16 km: C must not join A's group through B.
    step = 8 / 111.2  # degrees of latitude for 8 km
    a = ev("art1", latitude=12.0, longitude=45.0)
    b = ev("art2", latitude=12.0 + step, longitude=45.0)
    c = ev("art3", latitude=12.0 + 2 * step, longitude=45.0)
    groups = group_events([a, b, c])
    assert sorted(len(g.members) for g in groups) == [1, 2]
    for g in groups:
        ids = {m.article_id for m in g.members}
        assert ids != {"art1", "art3"} and len(ids) == len(g.members)


def test_store_dedup_is_explainable_reversible_and_rerunnable(store):
    store.add_articles([article(i) for i in (1, 2, 3)])
    store.save_extraction("art1", [ev("art1", fatalities=6)])
    store.save_extraction("art2", [ev("art2", fatalities=4, latitude=12.79)])
    store.save_extraction("art3", [ev("art3", event_type="Riots", sub_event_type="Mob violence")])
    assert store.count_events() == 3
    result = store.dedup()
    assert (result.events_before, result.events_after, result.merged_groups) == (3, 2, 1)
    [merged] = store.query_events(EventFilter(event_type="Battles"))
    assert sorted(merged.sources) == ["art1", "art2"] and merged.fatalities == 4
    assert merged.evidence  # the representative's evidence, offsets into its own article
    [group] = dedup_groups(store)
    reasons = {m["article_id"]: m["reason"] for m in group["members"]}
    assert any("same Battles" in r and "km apart" in r for r in reasons.values())
    # per-article events are kept, and each knows its group's sources
    assert store.events_of_article("art1")[0].fatalities == 6
    assert sorted(store.events_of_article("art1")[0].sources) == ["art1", "art2"]
    assert store.get_event("art1-e").sources == merged.sources
    assert store.count_events(EventFilter(article_id="art1")) == 1
    # re-running changes nothing; undo splits the group again
    again = store.dedup()
    assert (again.events_after, again.merged_groups) == (2, 1)
    assert store.undo_dedup() == 3
    assert store.count_events() == 3 and dedup_groups(store) == []
    store.dedup()
    # re-extracting a member dissolves its group; its partner stands alone until the next dedup
    store.save_extraction("art2", [])
    assert sorted(e.article_id for e in store.query_events()) == ["art1", "art3"]
    assert store.get_event("art1-e").sources == ["art1"]
    assert_groups_consistent(store)


def assert_groups_consistent(store):
    """Every per-article event is in exactly one group, and every group exists."""
    from sqlalchemy import select

    from rasd.store import schema as t

    with store.engine.connect() as conn:
        events = set(conn.scalars(select(t.events.c.event_id)))
        links = conn.execute(select(t.event_sources.c.member_event_id, t.event_sources.c.merged_event_id)).all()
        merged = dict(conn.execute(select(t.merged_events.c.event_id, t.merged_events.c.n_sources)).all())
    assert sorted(m for m, _ in links) == sorted(events)
    assert {g for _, g in links} == set(merged)
    sizes: dict[str, int] = {}
    for _, g in links:
        sizes[g] = sizes.get(g, 0) + 1
    assert sizes == merged


def test_ingest_regroups_only_the_days_it_touched(store):
    from rasd.model import Article

    class Given:
        def __init__(self, events):
            self.events = events

        def extract(self, a: Article):
            return [e for e in self.events if e.article_id == a.id]

    first = [ev("art1", event_date="2015-07-01"), ev("art2", event_date="2015-07-02", latitude=12.79),
             ev("art3", event_date="2015-07-20", latitude=30.0)]
    store.ingest([article(i) for i in (1, 2, 3)], Given(first), progress=False)
    assert store.merged_group_count() == 1
    # day 3 joins nothing (art1 is two days away, so art2's group cannot take it);
    # day 20 merges with art3's event
    second = [ev("art4", event_date="2015-07-03", latitude=12.78),
              ev("art5", event_date="2015-07-20", latitude=30.01)]
    summary = store.ingest([article(i) for i in (4, 5)], Given(second), progress=False)
    assert summary.merged_groups == 2 and summary.events_after_dedup == 3
    groups = sorted(sorted(m["article_id"] for m in g["members"]) for g in dedup_groups(store))
    assert groups == [["art1", "art2"], ["art3", "art5"]]
    assert_groups_consistent(store)
    # a full re-run agrees with the incremental result
    assert store.dedup().merged_groups == 2
    assert_groups_consistent(store)


def test_full_dedup_walks_windows_and_merges_across_their_edges(store, monkeypatch):
    import rasd.store.dedup_store as dedup_store

    monkeypatch.setattr(dedup_store, "WINDOW_EVENTS", 2)
    store.add_articles([article(i) for i in range(1, 9)])
    days = ["2015-07-01", "2015-07-03", "2015-07-04", "2015-07-09", "2015-07-10"]
    for i, day in enumerate(days, start=1):  # two events a window: 03/04 straddle an edge
        store.save_extraction(f"art{i}", [ev(f"art{i}", event_date=day, latitude=12.78 + i / 1000)])
    store.save_extraction("art6", [ev("art6", event_date=None)])
    result = store.dedup()
    assert (result.events_before, result.events_after, result.merged_groups, result.largest_group) == (6, 4, 2, 2)
    groups = sorted(sorted(m["article_id"] for m in g["members"]) for g in dedup_groups(store))
    assert groups == [["art2", "art3"], ["art4", "art5"]]
    assert_groups_consistent(store)
    assert store.undo_dedup() == 6
    assert_groups_consistent(store)


def test_vague_places_merge_only_with_the_same_named_sides():
    country = dict(geo_precision=3, admin1=None, location="Syria", latitude=35.0, longitude=38.5)
    assert match(ev("art1", **country), ev("art2", **country)) is None  # "in Syria"
    province = dict(geo_precision=3, admin1="Marib", location="Marib", latitude=15.5, longitude=45.3)
    assert "same named sides" in match(ev("art1", **province), ev("art2", **province))
    assert match(ev("art1", **province), ev("art2", **province, actor2=None)) is None
    precise = dict(geo_precision=1, admin1="Marib", latitude=15.46, longitude=45.32)
    assert match(ev("art1", **province), ev("art2", **precise)) is not None
    assert match(ev("art1", **province), ev("art2", **{**precise, "admin1": "Shabwah"})) is None


def test_an_ingest_stopped_before_its_dedup_is_deduped_by_the_next(store):
    class Given:
        def extract(self, a):
            return [ev(a.id, latitude=12.78 + int(a.id[3:]) / 1000)]

    articles = [article(1), article(2)]
    first = store.ingest(articles, Given(), progress=False, dedup=False)  # as if killed before dedup
    assert first.articles_extracted == 2 and store.merged_group_count() == 0
    reasons = {m["reason"] for g in dedup_groups(store, merged_only=False) for m in g["members"]}
    assert reasons == {"pending dedup"}
    again = store.ingest(articles, Given(), progress=False)
    assert again.articles_extracted == 0 and again.merged_groups == 1
    assert store.dedup_pending() is None  # nothing left pending
    assert_groups_consistent(store)


def test_windows_hold_a_bounded_number_of_events():
    from rasd.store.dedup_store import windows

    d = [date(1990, 1, 1), date(2015, 7, 1), date(2015, 7, 2), date(2015, 7, 3)]
    assert windows(list(zip(d, [1, 1, 1, 1])), limit=10) == [(d[0], d[3])]
    assert windows(list(zip(d, [1, 5, 5, 1])), limit=6) == [(d[0], d[1]), (d[2], d[3])]
    assert windows(list(zip(d, [9, 9, 9, 9])), limit=6) == [(x, x) for x in d]


def test_sub_types_must_agree_where_they_are_different_things():
    arrest = dict(event_type="Strategic developments", sub_event_type="Arrests")
    defused = dict(event_type="Strategic developments", sub_event_type="Disrupted weapons use")
    assert match(ev("art1", **arrest), ev("art2", **defused)) is None
    assert match(ev("art1", **arrest), ev("art2", **arrest)) is not None
    strike = dict(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    shelling = dict(event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack")
    assert match(ev("art1", **strike), ev("art2", **shelling)) is not None  # one strike, two descriptions
