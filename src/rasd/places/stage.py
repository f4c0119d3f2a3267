"""The pipeline stage: find and resolve every place of a document.

Appends `Mention(kind="place", value=ResolvedPlace)` with ORIGINAL-text
offsets, and leaves for later stages `doc.context["countries"]` (ISO3
codes, most named first), `doc.context["dateline"]` (the ResolvedPlace a
report was filed from, or None) and `doc.context["place_context"]`.
"""

from __future__ import annotations

from rasd.model import Document, Mention
from rasd.places.resolve import PlaceResolver
from rasd.text.normalize import normalize


class PlacesStage:
    """Callable `Document -> Document`; the resolver (gazetteer, name trie) loads on first use, once."""

    def __init__(self, resolver: PlaceResolver | None = None):
        self._resolver = resolver

    @property
    def resolver(self) -> PlaceResolver:
        if self._resolver is None:
            self._resolver = PlaceResolver()
        return self._resolver

    def __call__(self, doc: Document) -> Document:
        if not doc.norm_map:
            doc.norm, doc.norm_map = normalize(doc.text)
        resolver = self.resolver
        mentions = resolver.recognize(doc.norm)
        ctx = resolver.context(doc.norm, mentions)
        dateline = None
        for r in resolver.resolve(mentions, ctx, doc.norm):
            start, end = doc.to_original(r.start, r.end)
            r.location_ar = doc.text[start:end]
            doc.mentions.append(Mention(kind="place", start=start, end=end, text=r.location_ar, value=r,
                                        sentence=doc.sentence_index(start), source="places"))
            if r.role == "dateline":
                dateline = r
        doc.context["countries"] = [iso3 for iso3, _ in ctx.countries.most_common()]
        doc.context["dateline"] = dateline
        doc.context["place_context"] = ctx
        return doc


# The stage the events layer puts in the pipeline (its resolver loads lazily, once).
places_stage = PlacesStage()
