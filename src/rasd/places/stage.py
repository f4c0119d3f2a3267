"""The pipeline stage: find and resolve every place of a document.

Appends `Mention(kind="place", value=ResolvedPlace)` with ORIGINAL-text
offsets, and leaves for later stages `doc.context["countries"]` (ISO3
codes, most named first), `doc.context["dateline"]` (the ResolvedPlace a
report was filed from, or None) and `doc.context["place_context"]`.
"""

from __future__ import annotations

import gc

from rasd.model import Document, Mention
from rasd.places.resolve import PlaceResolver
from rasd.text.normalize import normalize


def _load_resolver() -> PlaceResolver:
    """The resolver, built without garbage-collector pauses (start-up, issue 9).

    Loading makes a few hundred thousand long-lived objects (15k places, their
    name indexes, the name trie). Built with the collector running, each of
    them is traversed by several young collections; kept in its generations
    afterwards, every later full collection walks them all again — together
    ~0.1-0.2 s of a 0.6-0.8 s `rasd extract` of one article. They live as long
    as the process (the stage is a module-level singleton), so the collector
    is paused while they are built and they are then moved to the permanent
    generation (gc.freeze: objects alive now are left out of later
    collections; reference counting still frees them). A process that has
    already disabled the collector keeps it disabled.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        resolver = PlaceResolver()
        gc.freeze()
    finally:
        if was_enabled:
            gc.enable()
    return resolver


class PlacesStage:
    """Callable `Document -> Document`; the resolver (gazetteer, name trie) loads on first use, once."""

    def __init__(self, resolver: PlaceResolver | None = None):
        self._resolver = resolver

    @property
    def resolver(self) -> PlaceResolver:
        if self._resolver is None:
            self._resolver = _load_resolver()
        return self._resolver

    def __call__(self, doc: Document) -> Document:
        if not doc.norm_map:
            doc.norm, doc.norm_map = normalize(doc.text)
        resolver = self.resolver
        mentions = resolver.recognize(doc.norm)
        ctx = resolver.context(doc.norm, mentions)
        dateline = None
        for r in resolver.resolve(mentions, ctx, doc.norm):
            if r.role == "anaphor":
                # «المدينة», «المحافظة» locate the places named beside them; as the place of
                # an event they add nothing to the place the events layer inherits.
                continue
            start, end = doc.to_original(r.start, r.end)
            # location_ar is the place as the article wrote it: «سجن الصناعة», not
            # «في محيط سجن الصناعة» (the modifier stays in the mention's span).
            name_start = doc.norm_map[r.place_start] if r.start <= r.place_start < r.end else start
            r.location_ar = doc.text[name_start:end]
            doc.mentions.append(Mention(kind="place", start=start, end=end, text=doc.text[start:end], value=r,
                                        sentence=doc.sentence_index(start), source="places"))
            if r.role == "dateline":
                dateline = r
        doc.context["countries"] = [iso3 for iso3, _ in ctx.countries.most_common()]
        doc.context["dateline"] = dateline
        doc.context["place_context"] = ctx
        return doc


# The stage the events layer puts in the pipeline (its resolver loads lazily, once).
places_stage = PlacesStage()
