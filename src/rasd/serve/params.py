"""Query parameters of the events API → a validated rasd.store.EventFilter.

Every filter the page and the API offer is declared once here, with its
type and bounds, so FastAPI validates it (and documents it in /docs) before
any store code runs. Values reach the store only as EventFilter fields; the
store binds them as SQL parameters, never as concatenated text.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import HTTPException, Query

from rasd.model import EVENT_TYPES, SUB_EVENT_TO_TYPE
from rasd.store import EventFilter
from rasd.store.filters import SORT_KEYS

EventType = Literal[tuple(EVENT_TYPES)]  # type: ignore[valid-type]
SubEventType = Literal[tuple(SUB_EVENT_TO_TYPE)]  # type: ignore[valid-type]
Status = Literal["current", "background"]
# The store's sort keys, ascending or "-" descending.
Sort = Literal[tuple(k for key in SORT_KEYS for k in (key, "-" + key))]  # type: ignore[valid-type]

NUMBER = r"\s*[-+]?(\d+(\.\d*)?|\.\d+)\s*"
BBOX_PATTERN = rf"^{NUMBER},{NUMBER},{NUMBER},{NUMBER}$"
MAX_TEXT = 200  # longer free-text filters are refused, not truncated


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """'minlon,minlat,maxlon,maxlat' → tuple, or a 422 that says what is wrong."""
    if value is None or value == "":
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise HTTPException(422, f"bbox={value!r}: give four numbers minlon,minlat,maxlon,maxlat")
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError:
        raise HTTPException(422, f"bbox={value!r}: every part must be a number") from None
    if not all(-180 <= x <= 180 for x in (minlon, maxlon)) or not all(-90 <= y <= 90 for y in (minlat, maxlat)):
        raise HTTPException(422, f"bbox={value!r}: longitudes must lie in [-180, 180] and latitudes in [-90, 90]")
    if minlon > maxlon or minlat > maxlat:
        raise HTTPException(422, f"bbox={value!r}: min must not exceed max (minlon,minlat,maxlon,maxlat)")
    return minlon, minlat, maxlon, maxlat


def event_filter(
    date_from: Annotated[date | None, Query(description="first event date, YYYY-MM-DD")] = None,
    date_to: Annotated[date | None, Query(description="last event date, YYYY-MM-DD (inclusive)")] = None,
    bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat (WGS84)",
                                      max_length=100, pattern=BBOX_PATTERN,
                                      examples=["35.5,32.0,42.5,37.5"])] = None,
    country: Annotated[str | None, Query(max_length=MAX_TEXT, description="English country name")] = None,
    admin1: Annotated[str | None, Query(max_length=MAX_TEXT, description="English admin1 name")] = None,
    event_type: Annotated[EventType | None, Query()] = None,
    sub_event_type: Annotated[SubEventType | None, Query()] = None,
    actor: Annotated[str | None, Query(max_length=MAX_TEXT, description="canonical actor name (either side)")] = None,
    text: Annotated[str | None, Query(max_length=MAX_TEXT, description="words in notes, location or evidence")] = None,
    status: Annotated[Status | None, Query()] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, le=1_000_000)] = None,
) -> EventFilter:
    """FastAPI dependency: the filter parameters shared by /events, /events.geojson and /stats."""
    if date_from and date_to and date_from > date_to:
        raise HTTPException(422, f"date_from={date_from} is after date_to={date_to}")
    if event_type and sub_event_type and SUB_EVENT_TO_TYPE[sub_event_type] != event_type:
        raise HTTPException(422, f"sub_event_type={sub_event_type!r} is not a kind of event_type={event_type!r}")
    return EventFilter(
        date_from=date_from, date_to=date_to, bbox=parse_bbox(bbox),
        country=_blank_to_none(country), admin1=_blank_to_none(admin1),
        event_type=event_type, sub_event_type=sub_event_type,
        actor=_blank_to_none(actor), text=_blank_to_none(text),
        status=status, min_fatalities=min_fatalities,
    )


def _blank_to_none(value: str | None) -> str | None:
    """An empty form field means 'no filter', not 'equals the empty string'."""
    if value is None:
        return None
    value = value.strip()
    return value or None
