"""Events → GeoJSON map layers (RFC 7946) for the API: one Point feature per event that has coordinates.

A map layer holds only what can be drawn, so events without coordinates are
left out here; the file export (`rasd export --format geojson`) keeps them with
null geometry. Both build each feature with `rasd.io.exports.geojson_feature`."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rasd.io.exports import geojson_feature
from rasd.model import Event


# What a map marker needs (its colour, tooltip and click target): a tenth of
# the bytes of the full event, and no dataclasses.asdict deep copy per event.
BRIEF_FIELDS = ("event_id", "event_date", "event_type", "sub_event_type", "location", "location_ar",
                "fatalities", "status")


def event_feature(event: Event, brief: bool = False) -> dict[str, Any] | None:
    if event.latitude is None or event.longitude is None:
        return None
    if brief:
        properties = {name: getattr(event, name) for name in BRIEF_FIELDS}
    else:
        properties = event.to_dict()
        # Coordinates live in the geometry (lon, lat order per RFC 7946), not twice.
        properties.pop("latitude")
        properties.pop("longitude")
    return geojson_feature(event, properties)


def events_to_feature_collection(events: Iterable[Event], brief: bool = False) -> dict[str, Any]:
    features = [f for f in (event_feature(e, brief) for e in events) if f is not None]
    return {"type": "FeatureCollection", "features": features}


def brief_feature_collection(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """Store.query_columns rows → the same FeatureCollection events_to_feature_collection(brief=True) makes."""
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": r["event_id"],
         "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]},
         "properties": {name: r[name] for name in BRIEF_FIELDS}}
        for r in rows if r["latitude"] is not None and r["longitude"] is not None]}
