"""Hand-made articles and events for store tests (extraction is tested elsewhere)."""

from __future__ import annotations

from datetime import date

from rasd.model import Article, Event, Evidence


def article(n: int, published: date | None = date(2015, 7, 20), source: str = "aawsat") -> Article:
    text = f"خبر رقم {n}: اشتباكات عنيفة في المدينة أسفرت عن سقوط قتلى."
    return Article(id=f"art{n}", text=text, title=f"عنوان {n}", published=published,
                   source=source, url=f"http://example.org/{n}")


def event(article_id: str, **fields) -> Event:
    values = dict(
        event_id="", article_id=article_id, status="current", event_date="2015-07-20",
        time_precision=1, event_type="Battles", sub_event_type="Armed clash",
        actor1="Houthis: Ansar Allah", actor2="Popular Resistance (Yemen)",
        country="Yemen", iso3="YEM", admin1="Aden", admin2="Al Mualla", location="Aden",
        location_ar="عدن", latitude=12.7855, longitude=45.0187, geo_precision=1,
        fatalities=4, injuries=2, notes="Houthis clashed with the Popular Resistance in Aden.",
        evidence=[Evidence(0, 12, "خبر رقم")], confidence=0.7,
    )
    values.update(fields)
    return Event(**values)


class FakePipeline:
    """Stands in for rasd.pipeline.Pipeline: one deterministic event per article."""

    def __init__(self, fail_on: set[str] | None = None):
        self.calls: list[str] = []
        self.fail_on = fail_on or set()

    def extract(self, a: Article) -> list[Event]:
        self.calls.append(a.id)
        if a.id in self.fail_on:
            raise RuntimeError("boom")
        n = int(a.id.removeprefix("art"))
        from rasd.pipeline import stable_event_id

        e = event(a.id, fatalities=n % 5, latitude=12.0 + n, longitude=45.0)
        e.event_id = stable_event_id(a.id, e, 0)
        e.sources = [a.id]
        return [e]
