"""Response shapes of the API, declared for the OpenAPI document (/docs).

The handlers serialise events with Event.to_dict() (one serialiser for every
interface); these models describe that output so clients and schemathesis
can check it.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class EvidenceOut(BaseModel):
    start: int = Field(description="offset into the article's original text (characters)")
    end: int
    text: str


class EventOut(BaseModel):
    """One event in the schema of spec §2."""

    event_id: str
    article_id: str
    status: str
    event_date: str | None
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: list[str] = []
    assoc_actor_2: list[str] = []
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    location_ar: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int
    fatalities: int
    injuries: int
    notes: str
    evidence: list[EvidenceOut]
    sources: list[str]
    confidence: float | None = None


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters, all pages")
    limit: int
    offset: int
    sort: str
    events: list[EventOut]


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    published: str | None
    source: str | None
    url: str | None


class EventDetail(BaseModel):
    event: EventOut
    sources: list[ArticleSummary] = Field(description="the articles reporting this event")


class EventSpans(BaseModel):
    event_id: str
    event_type: str
    sub_event_type: str
    event_date: str | None
    location: str | None
    status: str
    evidence: list[EvidenceOut]


class ArticleText(ArticleSummary):
    text: str


class ArticleDetail(BaseModel):
    article: ArticleText
    events: list[EventSpans]


class Count(BaseModel):
    key: str | None
    count: int


class Stats(BaseModel):
    total: int = Field(description="events matching the filters")
    fatalities: int = Field(description="sum of their fatalities")
    by_day: list[Count]
    by_type: list[Count]
    by_admin1: list[Count]
    by_actor: list[Count]


class Meta(BaseModel):
    version: str
    event_types: dict[str, list[str]]
    events: int
    tiles: dict[str, str] | None = Field(None, description="optional XYZ tile layer {url, attribution}")


class Feature(BaseModel):
    type: str
    id: str
    geometry: dict[str, Any]
    properties: dict[str, Any]


class FeatureCollection(BaseModel):
    type: str
    features: list[Feature]
    total: int


class Problem(BaseModel):
    """Every error answer: one line for people, the parts for programs (422 only)."""

    detail: str
    errors: list[dict[str, Any]] | None = None
