"""The event layer's pipeline stages (imported by rasd.pipeline.default_stages).

Everything after segmentation: places, then the event stage, which finds
dates, casualties, actors and triggers and assembles events. Resources load
once, when the stage list is built (the place resolver on first use).
"""

from __future__ import annotations

from collections.abc import Callable

from rasd.events.extract import EventStage
from rasd.model import Document
from rasd.places.stage import places_stage

Stage = Callable[[Document], Document]


def event_stages() -> list[tuple[str, Stage]]:
    return [("places", places_stage), ("events", EventStage())]
