"""Places: the offline Arabic gazetteer, recognition and resolution (issue 5)."""

from rasd.places.gazetteer import Gazetteer, Place
from rasd.places.recognize import PlaceMention
from rasd.places.resolve import PlaceContext, PlaceResolver, ResolvedPlace
from rasd.places.stage import PlacesStage, places_stage

__all__ = ["Gazetteer", "Place", "PlaceMention", "PlaceContext", "PlaceResolver", "ResolvedPlace",
           "PlacesStage", "places_stage"]
