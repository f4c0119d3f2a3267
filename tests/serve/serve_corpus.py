"""A small store for the serve tests: hand-made articles and events in a real SQLite store.

Evidence offsets are computed from the article text (never typed in), so a
wrong offset in the API or the page shows as a wrong highlight.
"""

from __future__ import annotations

from datetime import date

from rasd.model import Article, Event, Evidence

HASAKAH = Article(
    id="t-hasakah-1", published=date(2022, 1, 22), source="Test Press", url="https://example.org/a1",
    title="اشتباكات في محيط سجن الصناعة بالحسكة",
    text=("الحسكة- تست برس\n\n"
          "اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية وخلايا تنظيم الدولة الإسلامية في محيط سجن الصناعة "
          "بحي غويران في مدينة الحسكة، أمس الجمعة.\n\n"
          "وقتل سبعة من عناصر التنظيم خلال الاشتباكات، بحسب مصدر أمني.\n\n"
          "وفي سياق منفصل، استهدفت طائرة مسيرة تركية سيارة في ريف القامشلي، ما أدى إلى مقتل شخصين."))

BAGHDAD = Article(
    id="t-baghdad-1", published=date(2022, 1, 10), source="Test Wire", url=None,
    title="تظاهرة في ساحة التحرير",
    text="بغداد- تست\n\nتظاهر مئات المحتجين في ساحة التحرير وسط بغداد يوم الأحد للمطالبة بفرص عمل.")

# Untrusted text with markup: the page must show it as text and never run it.
XSS = Article(
    id="t-xss-1", published=date(2022, 1, 15), source="<b>Evil</b> Press", url="javascript:alert(1)",
    title="<img src=x onerror=\"window.__xss_title=1\">عنوان",
    text=("هجوم <script>window.__xss_script = 1</script> على حاجز في درعا "
          "<img src=x onerror=\"window.__xss_img = 1\"> أسفر عن مقتل عنصرين.\n\n"
          "وقال مصدر محلي إن الهجوم وقع ليلا."))


def span(article: Article, quote: str) -> Evidence:
    start = article.text.index(quote)
    return Evidence(start, start + len(quote), quote)


def hand_made_events() -> dict[str, list[Event]]:
    h, b, x = HASAKAH, BAGHDAD, XSS
    clash = "اندلعت اشتباكات عنيفة بين قوات سوريا الديمقراطية وخلايا تنظيم الدولة الإسلامية"
    return {
        h.id: [
            Event(event_id="", article_id=h.id, status="current", event_date="2022-01-21", time_precision=1,
                  event_type="Battles", sub_event_type="Armed clash",
                  actor1="Islamic State", actor2="SDF: Syrian Democratic Forces",
                  country="Syria", iso3="SYR", admin1="Al-Hasakeh", admin2="Al-Hasakeh", admin3="Al-Hasakeh",
                  location="Ghweran", location_ar="غويران", latitude=36.4807, longitude=40.7317,
                  geo_precision=1, fatalities=7, injuries=0,
                  notes="IS cells clashed with the SDF near al-Sinaa prison in Ghweran, Al-Hasakeh.",
                  evidence=[span(h, clash), span(h, "وقتل سبعة من عناصر التنظيم خلال الاشتباكات")]),
            Event(event_id="", article_id=h.id, status="current", event_date="2022-01-21", time_precision=1,
                  event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                  actor1="Military Forces of Turkey", country="Syria", iso3="SYR", admin1="Al-Hasakeh",
                  admin2="Quamishli", location="Quamishli", location_ar="ريف القامشلي",
                  latitude=37.0513, longitude=41.2277, geo_precision=2, fatalities=2,
                  notes="A Turkish drone struck a car in the Qamishli countryside, killing two.",
                  evidence=[span(h, "استهدفت طائرة مسيرة تركية سيارة في ريف القامشلي، ما أدى إلى مقتل شخصين")]),
        ],
        b.id: [
            Event(event_id="", article_id=b.id, status="current", event_date="2022-01-09", time_precision=1,
                  event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Iraq)",
                  country="Iraq", iso3="IRQ", admin1="Baghdad", location="Baghdad", location_ar="بغداد",
                  latitude=33.3406, longitude=44.4009, geo_precision=1, fatalities=0,
                  notes="Hundreds protested in Tahrir Square in Baghdad demanding jobs.",
                  evidence=[span(b, "تظاهر مئات المحتجين في ساحة التحرير وسط بغداد يوم الأحد")]),
        ],
        x.id: [
            Event(event_id="", article_id=x.id, status="current", event_date="2022-01-14", time_precision=1,
                  event_type="Violence against civilians", sub_event_type="Attack",
                  actor1="<img src=x onerror=\"window.__xss_actor=1\">",
                  country="Syria", iso3="SYR", admin1="Dar'a", location="Dar'a",
                  location_ar="<script>window.__xss_loc=1</script>درعا",
                  latitude=32.6189, longitude=36.1021, geo_precision=1, fatalities=2,
                  notes="<script>window.__xss_notes=1</script> An attack on a checkpoint in Daraa.",
                  evidence=[span(x, XSS.text.split("\n")[0])]),
        ],
    }


ARTICLES = [HASAKAH, BAGHDAD, XSS]


def fill(store) -> dict[str, list[Event]]:
    """Put the hand-made articles and events into `store`; the events by article id."""
    store.add_articles(ARTICLES)
    events = hand_made_events()
    for article_id, evs in events.items():
        store.save_extraction(article_id, evs)
    return events
