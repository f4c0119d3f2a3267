"""The event layer's pipeline stages (imported by rasd.pipeline.default_stages).

Everything after segmentation: places (from rasd.places, when installed),
then the event stage, which finds dates, casualties, actors and triggers and
assembles events. Resources load once, here, when the stage list is built.
"""

from __future__ import annotations

from collections.abc import Callable

from rasd.events.extract import EventStage
from rasd.model import Document

Stage = Callable[[Document], Document]


def _find_places_stage() -> object | None:
    """The places layer's stage object or class, or None while it is not installed."""
    for module, name in (("rasd.places", "places_stage"), ("rasd.places.stage", "places_stage")):
        try:
            mod = __import__(module, fromlist=[name])
        except ImportError:
            continue
        stage = getattr(mod, name, None)
        if stage is not None:
            return stage
    return None


def places_available() -> bool:
    """Whether the places stage is installed (without loading its gazetteer)."""
    return _find_places_stage() is not None


def _places_stage() -> Stage | None:
    stage = _find_places_stage()
    if stage is None:
        return None
    # A class is instantiated once (it holds the resolver); an instance is used as is.
    return stage() if isinstance(stage, type) else stage  # type: ignore[return-value]


def event_stages() -> list[tuple[str, Stage]]:
    stages: list[tuple[str, Stage]] = []
    places = _places_stage()
    if places is not None:
        stages.append(("places", places))
    stages.append(("events", EventStage()))
    return stages
