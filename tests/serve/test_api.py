"""The REST API of `rasd serve` (issue 8), over a real SQLite store with hand-made events."""

from __future__ import annotations

import pytest
from serve_corpus import BAGHDAD, HASAKAH, XSS


def events_of(client, **params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def test_events_lists_every_stored_event_newest_first(client):
    page = events_of(client)
    assert page["total"] == 4
    dates = [e["event_date"] for e in page["events"]]
    assert dates == sorted(dates, reverse=True)
    assert {e["article_id"] for e in page["events"]} == {HASAKAH.id, BAGHDAD.id, XSS.id}


FILTER_CASES = [
    ({"event_type": "Battles"}, {"Ghweran"}),
    ({"sub_event_type": "Air/drone strike"}, {"Quamishli"}),
    ({"country": "Iraq"}, {"Baghdad"}),
    ({"admin1": "al-hasakeh"}, {"Ghweran", "Quamishli"}),
    ({"date_from": "2022-01-14", "date_to": "2022-01-20"}, {"Dar'a"}),
    ({"bbox": "40,36,42,38"}, {"Ghweran", "Quamishli"}),
    ({"actor": "islamic state"}, {"Ghweran"}),
    ({"text": "tahrir"}, {"Baghdad"}),
    ({"min_fatalities": 3}, {"Ghweran"}),
    ({"status": "background"}, set()),
]


@pytest.mark.parametrize("params, expected_locations", FILTER_CASES)
def test_each_filter_narrows_the_events(client, params, expected_locations):
    page = events_of(client, **params)
    assert {e["location"] for e in page["events"]} == expected_locations
    assert page["total"] == len(expected_locations)


def test_paging_and_sorting(client):
    by_fatalities = events_of(client, sort="-fatalities", limit=2)
    assert [e["fatalities"] for e in by_fatalities["events"]] == [7, 2]
    assert by_fatalities["total"] == 4
    second = events_of(client, sort="-fatalities", limit=2, offset=2)
    first_ids = {e["event_id"] for e in by_fatalities["events"]}
    assert first_ids.isdisjoint(e["event_id"] for e in second["events"])
    assert [e["fatalities"] for e in second["events"]] == [2, 0]


def test_events_carry_the_spec_schema(client):
    event = events_of(client, event_type="Battles")["events"][0]
    for field in ("event_id", "article_id", "status", "event_date", "time_precision", "event_type",
                  "sub_event_type", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "country",
                  "iso3", "admin1", "admin2", "admin3", "location", "location_ar", "latitude",
                  "longitude", "geo_precision", "fatalities", "injuries", "notes", "evidence", "sources"):
        assert field in event
    assert event["sources"] == [HASAKAH.id]
    assert "explanation" not in event


def test_one_event_with_evidence_and_sources(client):
    event_id = events_of(client, event_type="Battles")["events"][0]["event_id"]
    r = client.get(f"/api/events/{event_id}")
    assert r.status_code == 200
    body = r.json()
    evidence = body["event"]["evidence"]
    assert len(evidence) == 2
    for ev in evidence:  # offsets point at the quoted text in the original article
        assert HASAKAH.text[ev["start"]:ev["end"]] == ev["text"]
    assert body["sources"] == [{"id": HASAKAH.id, "title": HASAKAH.title, "published": "2022-01-22",
                                "source": "Test Press", "url": "https://example.org/a1"}]


def test_article_with_the_spans_of_every_event(client):
    r = client.get(f"/api/articles/{HASAKAH.id}")
    assert r.status_code == 200
    body = r.json()
    assert body["article"]["text"] == HASAKAH.text
    assert {e["sub_event_type"] for e in body["events"]} == {"Armed clash", "Air/drone strike"}
    for e in body["events"]:
        for ev in e["evidence"]:
            assert body["article"]["text"][ev["start"]:ev["end"]] == ev["text"]


def test_unknown_ids_are_404_with_a_message(client):
    r = client.get("/api/events/no-such-event")
    assert r.status_code == 404 and "no-such-event" in r.json()["detail"]
    r = client.get("/api/articles/nope")
    assert r.status_code == 404 and "nope" in r.json()["detail"]


def test_stats_count_by_day_type_admin1_and_actor(client):
    stats = client.get("/api/stats").json()
    assert stats["total"] == 4 and stats["fatalities"] == 11
    assert stats["by_day"] == [{"key": "2022-01-09", "count": 1}, {"key": "2022-01-14", "count": 1},
                               {"key": "2022-01-21", "count": 2}]
    assert {r["key"]: r["count"] for r in stats["by_type"]}["Battles"] == 1
    assert stats["by_admin1"][0] == {"key": "Al-Hasakeh", "count": 2}
    assert {"key": "Islamic State", "count": 1} in stats["by_actor"]
    filtered = client.get("/api/stats", params={"country": "Syria"}).json()
    assert filtered["total"] == 3


def test_geojson_points_in_lon_lat_order(client):
    r = client.get("/api/events.geojson", params={"country": "Iraq"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/geo+json")
    fc = r.json()
    assert fc["type"] == "FeatureCollection" and fc["total"] == 1
    (feature,) = fc["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [44.4009, 33.3406]}
    assert feature["properties"]["event_type"] == "Protests"
    assert feature["id"] == feature["properties"]["event_id"]


@pytest.mark.parametrize("params, words", [
    ({"date_from": "2022-13-01"}, "date_from"),
    ({"date_from": "2022-02-01", "date_to": "2022-01-01"}, "after"),
    ({"bbox": "1,2,3"}, "bbox"),
    ({"bbox": "a,b,c,d"}, "bbox"),
    ({"bbox": "10,10,0,0"}, "min must not exceed max"),
    ({"bbox": "0,0,200,10"}, "[-180, 180]"),
    ({"event_type": "Picnic"}, "event_type"),
    ({"event_type": "Battles", "sub_event_type": "Peaceful protest"}, "not a kind of"),
    ({"limit": 0}, "limit"),
    ({"limit": 100000}, "limit"),
    ({"offset": -1}, "offset"),
    ({"sort": "notes; drop table events"}, "sort"),
    ({"min_fatalities": -3}, "min_fatalities"),
    ({"text": "x" * 500}, "text"),
])
def test_bad_input_is_a_clear_422(client, params, words):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail  # one line a person can read
    assert words in detail


def test_text_filter_is_data_not_sql(client):
    # quotes, LIKE wildcards and SQL are matched literally, never executed
    # ("Dar_a" would match "Dar'a" if _ were a LIKE wildcard)
    for text in ("' OR '1'='1", "%", "Dar_a", "\"; DROP TABLE events; --"):
        assert events_of(client, text=text)["total"] == 0
    assert events_of(client)["total"] == 4  # and the table is still there


def test_meta_and_openapi_document(client):
    meta = client.get("/api/meta").json()
    assert meta["events"] == 4
    assert meta["event_types"]["Riots"] == ["Violent demonstration", "Mob violence"]
    spec = client.get("/openapi.json").json()
    assert {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}", "/api/stats",
            "/api/events.geojson"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in docs.text  # served locally, no CDN
    assert client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_page_and_its_files_are_served_locally(client):
    r = client.get("/")
    assert r.status_code == 200 and "text/html" in r.headers["content-type"]
    assert "script-src 'self'" in r.headers["content-security-policy"]
    for path in ("/static/vendor/leaflet/leaflet.js", "/static/vendor/markercluster/leaflet.markercluster.js",
                 "/static/js/app.js", "/static/app.css", "/static/basemap/countries.geojson",
                 "/static/basemap/admin1.geojson"):
        assert client.get(path).status_code == 200, path
    assert "http" not in r.text.replace("http-equiv", "")  # nothing fetched from elsewhere


def test_store_failure_is_a_503_with_one_line():
    from fastapi.testclient import TestClient

    from rasd.errors import StoreError
    from rasd.serve.api import create_app

    class BrokenStore:
        def query_events(self, f, **paging):
            raise StoreError("database is locked")

        count_events = query_events

    with TestClient(create_app(BrokenStore())) as c:
        r = c.get("/api/events")
    assert r.status_code == 503
    assert r.json() == {"detail": "the event store could not answer: database is locked"}


def test_a_deduplicated_event_lists_every_source_article(store, client):
    from datetime import date

    from rasd.model import Article, Event

    from serve_corpus import span

    second = Article(id="t-hasakah-2", published=date(2022, 1, 22), source="Other Agency", url=None,
                     title="معارك قرب سجن غويران",
                     text="تواصلت المعارك بين قسد وتنظيم داعش قرب سجن غويران في الحسكة يوم الجمعة، وقتل تسعة.")
    store.add_articles([second])
    store.save_extraction(second.id, [Event(
        event_id="", article_id=second.id, status="current", event_date="2022-01-21", time_precision=1,
        event_type="Battles", sub_event_type="Armed clash", actor1="SDF: Syrian Democratic Forces",
        actor2="Islamic State", country="Syria", iso3="SYR", admin1="Al-Hasakeh", location="Ghweran",
        location_ar="غويران", latitude=36.4807, longitude=40.7317, geo_precision=1, fatalities=9,
        evidence=[span(second, "تواصلت المعارك بين قسد وتنظيم داعش قرب سجن غويران")])])
    store.dedup()

    page = events_of(client, event_type="Battles")
    assert page["total"] == 1  # two reports, one event
    (event,) = page["events"]
    assert sorted(event["sources"]) == sorted([HASAKAH.id, second.id])
    assert event["fatalities"] == 7  # the lowest reported figure (spec §1)
    detail = client.get(f"/api/events/{event['event_id']}").json()
    assert {s["id"] for s in detail["sources"]} == {HASAKAH.id, second.id}
    assert {s["source"] for s in detail["sources"]} == {"Test Press", "Other Agency"}
    # each source article still carries its own report with offsets into its own text
    other = client.get(f"/api/articles/{second.id}").json()
    (report,) = other["events"]
    ev = report["evidence"][0]
    assert other["article"]["text"][ev["start"]:ev["end"]] == ev["text"]


def test_brief_geojson_carries_what_a_marker_needs(client):
    full = client.get("/api/events.geojson", params={"country": "Iraq"}).json()["features"][0]
    brief = client.get("/api/events.geojson", params={"country": "Iraq", "properties": "brief"}).json()
    (feature,) = brief["features"]
    assert feature["geometry"] == full["geometry"] and feature["id"] == full["id"]
    assert set(feature["properties"]) == {"event_id", "event_date", "event_type", "sub_event_type",
                                          "location", "location_ar", "fatalities", "status"}
    assert all(feature["properties"][k] == full["properties"][k] for k in feature["properties"])


def test_ids_with_slashes_such_as_feed_urls_can_be_fetched(store, client):
    from urllib.parse import quote

    from rasd.model import Article

    url_id = "https://news.example.org/2022/01/21/clashes?id=7"
    store.add_articles([Article(id=url_id, text="نص الخبر", title="خبر")])
    r = client.get("/api/articles/" + quote(url_id, safe=""))
    assert r.status_code == 200, r.text
    assert r.json()["article"]["id"] == url_id


def test_the_documented_event_shape_is_the_one_to_dict_writes():
    # schemas.EventOut restates Event for the OpenAPI document: a field added to
    # Event.to_dict() (the one serialiser) must be documented too, and no other.
    from rasd.model import Event
    from rasd.serve.schemas import EventOut

    event = Event(event_id="e", article_id="a", status="current", event_date=None, time_precision=3,
                  event_type="Battles", sub_event_type="Armed clash")
    assert list(EventOut.model_fields) == list(event.to_dict())
