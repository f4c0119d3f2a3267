"""The web page driven as a person would, in Debian's headless Chromium (issue 8).

A real server on a free loopback port over a real SQLite store: the dev
articles ingested through the real pipeline, plus hand-made events with known
evidence. Screenshots go to $RASD_SCREENSHOTS or tests/serve/screenshots/.
Skipped (loudly) where /usr/bin/chromium or playwright is missing;
.ci/browser.sh installs both.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None
if sync_playwright is None or not os.path.exists(CHROMIUM):
    reason = ("browser tests SKIPPED: " + ("playwright is not installed" if sync_playwright is None
              else f"{CHROMIUM} is missing") + " — run .ci/browser.sh")
    warnings.warn(reason)
    pytest.skip(reason, allow_module_level=True)

from serve_corpus import HASAKAH, XSS, fill, span  # noqa: E402

from rasd.serve.api import create_app  # noqa: E402
from rasd.serve.background import BackgroundServer  # noqa: E402
from rasd.store import open_store  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
DEV_ARTICLES = Path("/work/shared/corpus/dev/articles.jsonl")
SAMPLE_ARTICLES = REPO / "examples/sample_articles.jsonl"
SHOTS = Path(os.environ.get("RASD_SCREENSHOTS") or Path(__file__).parent / "screenshots")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    from rasd.io.readers import read_articles
    from rasd.pipeline import Pipeline

    store = open_store(str(tmp_path_factory.mktemp("serve-e2e") / "events.sqlite"))
    articles = DEV_ARTICLES if DEV_ARTICLES.exists() else SAMPLE_ARTICLES
    store.ingest(read_articles(str(articles)), Pipeline(), progress=False)
    fill(store)  # after ingest, so dedup leaves the hand-made events as they are
    try:
        with BackgroundServer(create_app(store)) as url:
            yield url
    finally:
        store.close()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, site):
    # bypass_csp: the page's Content-Security-Policy would block any injected
    # script by itself; switched off here so the XSS test proves the page never
    # turns data into markup at all (and so Playwright's own polling may eval).
    context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    requests: list[str] = []
    pg.on("request", lambda req: requests.append(req.url))
    pg.goto(site + "/")
    pg.wait_for_selector("body[data-ready='1']", timeout=15000)
    yield pg
    context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"
    outside = [u for u in requests if not u.startswith(site) and not u.startswith("data:")]
    assert not outside, f"the page fetched from outside the server: {outside}"


def shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    page.screenshot(path=str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return path


def open_first_marker(page) -> str:
    """Click clusters until single markers show, then click one; its event id."""
    for _ in range(8):
        marker = page.locator(".rasd-marker").first
        if marker.count() and marker.is_visible():
            event_id = marker.get_attribute("data-event-id")
            marker.click()
            page.wait_for_selector(f"#panel[data-event-id='{event_id}']", timeout=5000)
            return event_id
        page.locator(".marker-cluster").first.click()
        page.wait_for_timeout(400)  # the zoom animation
    raise AssertionError("no single marker became clickable")


def filter_text(page, words: str) -> None:
    page.evaluate("() => { delete document.body.dataset.ready; }")
    page.fill("input[name=text]", words)
    page.wait_for_selector("body[data-ready='1']", timeout=10000)
    page.wait_for_function("document.querySelector('#status').textContent.startsWith('1 events match')")


def test_map_shows_the_stored_events_with_boundaries(page, site):
    import json
    from urllib.request import urlopen

    total = json.load(urlopen(site + "/api/events?limit=1"))["total"]
    assert page.locator("#status").inner_text().startswith(f"{total:,} events match")
    assert page.locator(".rasd-marker, .marker-cluster").count() > 0
    assert page.locator(".leaflet-overlay-pane path").count() > 100  # countries + admin1 outlines
    assert page.locator("tr.event-row").count() == min(total, 100)
    assert page.locator("#timeline").bounding_box()["height"] > 50
    stats = json.load(urlopen(site + "/api/stats?top=200"))
    page.wait_for_function("document.querySelectorAll('#actor-names option').length > 0")
    offered = page.locator("#actor-names option").evaluate_all("os => os.map(o => o.value)")
    assert offered == [r["key"] for r in stats["by_actor"] if r["key"]]  # the store's actors, busiest first
    shot(page, "01-map-overview.png")


def test_clicking_a_marker_opens_its_event(page, site):
    import json
    from urllib.request import quote, urlopen

    event_id = open_first_marker(page)
    event = json.load(urlopen(f"{site}/api/events/{quote(event_id, safe='')}"))["event"]
    panel = page.locator("#panel")
    assert panel.locator(".event-title").inner_text() == f"{event['event_type']}: {event['sub_event_type']}"
    assert panel.locator(".f-date").inner_text() == (event["event_date"] or "—")
    assert panel.locator(".f-fatalities").inner_text() == str(event["fatalities"])
    assert page.locator(f"tr.event-row.selected[data-event-id='{event_id}']").count() <= 1
    # whatever event it is, exactly its evidence is highlighted in its article
    marked = "".join(panel.locator(".article-text mark.current").all_inner_texts())
    evidence = sorted(event["evidence"], key=lambda ev: ev["start"])
    assert marked == "".join(ev["text"] for ev in evidence)
    panel.locator(".article-text").scroll_into_view_if_needed()
    shot(page, "05-clicked-marker-panel.png")


def test_event_panel_shows_fields_and_highlighted_arabic_evidence(page):
    filter_text(page, "sinaa prison in Ghweran")
    open_first_marker(page)
    panel = page.locator("#panel")
    assert panel.locator(".event-title").inner_text() == "Battles: Armed clash"
    assert panel.locator(".f-date").inner_text() == "2022-01-21"
    assert panel.locator(".f-actor1").inner_text() == "Islamic State"
    assert panel.locator(".f-actor2").inner_text() == "SDF: Syrian Democratic Forces"
    assert panel.locator(".f-location").inner_text() == "Ghweran"
    assert panel.locator(".f-fatalities").inner_text() == "7"
    text = panel.locator(".article-text")
    assert text.get_attribute("dir") == "rtl" and text.get_attribute("lang") == "ar"
    assert text.evaluate("n => getComputedStyle(n).direction") == "rtl"
    assert "Noto Naskh Arabic" in text.evaluate("n => getComputedStyle(n).fontFamily")
    # the article text is intact, and exactly the evidence quotes are marked
    assert text.evaluate("n => n.textContent") == HASAKAH.text
    current = text.locator("mark.current").all_inner_texts()
    expected = [span(HASAKAH, q).text for q in (
        "اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية وخلايا تنظيم الدولة الإسلامية",
        "وقتل سبعة من عناصر التنظيم خلال الاشتباكات")]
    assert current == expected
    other = text.locator("mark.other").all_inner_texts()
    assert other == ["استهدفت طائرة مسيرة تركية سيارة في ريف القامشلي، ما أدى إلى مقتل شخصين"]
    panel.locator(".sources").scroll_into_view_if_needed()
    shot(page, "02-event-panel-evidence.png")
    # clicking the other event's highlighted span opens that event
    text.locator("mark.other").click()
    page.wait_for_function("document.querySelector('#panel .event-title').textContent.includes('Air/drone')")


def test_article_markup_is_shown_as_text_and_never_runs(page):
    filter_text(page, "checkpoint in Daraa")
    page.locator(".rasd-marker").first.hover()  # the tooltip holds untrusted names too
    open_first_marker(page)
    flags = page.evaluate("""() => Object.keys(window).filter(k => k.startsWith('__xss'))""")
    assert flags == [], f"script from article data ran: {flags}"
    panel = page.locator("#panel")
    body = panel.locator(".article-text").evaluate("n => n.textContent")
    assert body == XSS.text
    assert "<script>window.__xss_script = 1</script>" in panel.locator(".article-text").inner_text()
    assert '<img src=x onerror="window.__xss_img = 1">' in panel.locator(".article-text").inner_text()
    assert panel.locator(".f-actor1").inner_text() == '<img src=x onerror="window.__xss_actor=1">'
    assert "<script>" in panel.locator(".f-notes").inner_text()
    assert panel.locator(".article-title").inner_text() == XSS.title
    # no element was made from the data: the only scripts and images are the page's own
    assert page.locator("#panel script, #panel img, #list script, #list img, .leaflet-tooltip img").count() == 0
    assert page.locator("#panel a[href^='javascript']").count() == 0
    shot(page, "03-untrusted-markup-as-text.png")


def test_dragging_over_the_timeline_sets_the_date_filter(page):
    box = page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] / 2
    page.evaluate("() => { delete document.body.dataset.ready; }")
    page.mouse.move(box["x"] + 40, y)
    page.mouse.down()
    page.mouse.move(box["x"] + 40 + (box["width"] - 50) * 0.5, y, steps=5)
    page.mouse.up()
    page.wait_for_selector("body[data-ready='1']", timeout=10000)
    date_from = page.input_value("input[name=date_from]")
    date_to = page.input_value("input[name=date_to]")
    assert date_from and date_to and date_from <= date_to
    dates = page.locator("tr.event-row td.date").all_inner_texts()
    assert all(date_from <= d <= date_to for d in dates), (date_from, date_to, dates)
    shot(page, "04-timeline-brushed.png")
    page.locator("#timeline").dblclick()
    page.wait_for_function("document.querySelector('input[name=date_from]').value === ''")


def test_filters_live_in_the_address_so_a_view_can_be_shared(browser, site):
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        pg = context.new_page()
        pg.goto(site + "/#event_type=Protests&country=Iraq")
        pg.wait_for_selector("body[data-ready='1']", timeout=15000)
        assert pg.input_value("select[name=event_type]") == "Protests"
        assert pg.input_value("input[name=country]") == "Iraq"
        types = pg.locator("tr.event-row td:nth-child(2)").all_inner_texts()
        assert types and all(t in ("Peaceful protest", "Protest with intervention",
                                   "Excessive force against protesters") for t in types)
        pg.select_option("select[name=event_type]", "")
        pg.wait_for_function("!location.hash.includes('event_type')")
        assert "country=Iraq" in pg.evaluate("location.hash")
    finally:
        context.close()


def test_api_docs_render_offline(browser, site):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    try:
        pg = context.new_page()
        requests: list[str] = []
        pg.on("request", lambda req: requests.append(req.url))
        pg.goto(site + "/docs")
        pg.wait_for_selector(".swagger-ui .opblock", timeout=15000)
        assert pg.locator(".swagger-ui .opblock").count() == 6  # every API operation is described
        assert all(u.startswith(site) or u.startswith("data:") for u in requests), requests
        shot(pg, "06-api-docs.png")
    finally:
        context.close()


def test_highlight_counts_offsets_as_python_does(page):
    """Offsets from the API are Python code-point offsets; JS strings count UTF-16 units."""
    text = "🔥 قصف 👍 على حلب وقتل اثنان"
    start = text.index("على حلب")
    result = page.evaluate("""async ([text, spans]) => {
        const { highlight } = await import('/static/js/dom.js');
        const box = document.createElement('div');
        box.append(highlight(text, spans));
        return { text: box.textContent,
                 marks: [...box.querySelectorAll('mark')].map(m => [m.className, m.textContent]) };
    }""", [text, [
        {"start": start, "end": start + len("على حلب"), "cls": "current"},
        {"start": start + 4, "end": len(text) + 50, "cls": "other"},  # overlaps, runs past the end
        {"start": -5, "end": 1, "cls": "other"},
    ]])
    assert result["text"] == text  # nothing lost, nothing added
    assert result["marks"] == [["other", "🔥"], ["current", "على حلب"], ["other", " وقتل اثنان"]]
