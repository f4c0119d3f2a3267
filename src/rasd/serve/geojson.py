"""Events → GeoJSON (RFC 7946): one Point feature per event that has coordinates."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rasd.model import Event


def event_feature(event: Event) -> dict[str, Any] | None:
    if event.latitude is None or event.longitude is None:
        return None
    properties = event.to_dict()
    # Coordinates live in the geometry (lon, lat order per RFC 7946), not twice.
    properties.pop("latitude")
    properties.pop("longitude")
    return {"type": "Feature", "id": event.event_id,
            "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
            "properties": properties}


def events_to_feature_collection(events: Iterable[Event]) -> dict[str, Any]:
    features = [f for f in map(event_feature, events) if f is not None]
    return {"type": "FeatureCollection", "features": features}
