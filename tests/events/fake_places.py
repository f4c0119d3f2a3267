"""A stand-in places stage for event-assembly tests: a tiny gazetteer, found by
plain search in the normalised text, so a test controls every place exactly."""

from __future__ import annotations

from dataclasses import dataclass

from rasd.events.extract import EventStage
from rasd.model import Document, Mention
from rasd.pipeline import Pipeline, finalize_stage, normalize_stage, segment_stage
from rasd.text.normalize import normalize_word


@dataclass
class FakePlace:
    """The fields of rasd.places' ResolvedPlace that assembly reads."""

    start: int
    end: int
    text: str
    location: str | None
    location_ar: str
    latitude: float | None
    longitude: float | None
    geo_precision: int
    country: str | None
    iso3: str | None
    admin1: str | None
    admin2: str | None = None
    admin3: str | None = None


def iraqi_place(en: str, admin1: str, lat: float, lon: float, precision: int = 1) -> dict:
    return dict(location=en, admin1=admin1, latitude=lat, longitude=lon, geo_precision=precision,
                country="Iraq", iso3="IRQ")


UNKNOWN = dict(location=None, latitude=None, longitude=None, geo_precision=3, country=None,
               iso3=None, admin1=None)  # named in the text, resolved to nothing


def places_stage(table: dict[str, dict]):
    """A stage that marks every occurrence of each Arabic name in `table` as that place."""
    keys = [(normalize_word(ar), ar, fields) for ar, fields in table.items()]

    def stage(doc: Document) -> Document:
        for key, ar, fields in keys:
            start = doc.norm.find(key)
            while start >= 0:
                end = start + len(key)
                place = FakePlace(start, end, doc.norm[start:end], location_ar=ar, **fields)
                s, e = doc.norm_map[start], doc.norm_map[end]
                doc.mentions.append(Mention("place", s, e, doc.text[s:e], place))
                start = doc.norm.find(key, end)
        return doc

    return stage


def pipeline_with_places(table: dict[str, dict]) -> Pipeline:
    return Pipeline([("normalize", normalize_stage), ("segment", segment_stage),
                     ("places", places_stage(table)), ("events", EventStage()),
                     ("finalize", finalize_stage)])
