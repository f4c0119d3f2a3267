"""The data that flows through rasd: article → document with spans → events.

These plain dataclasses are the boundaries between stages. The article's
original text never changes; everything found in it is a span with offsets
into that text, so evidence quotes are exact by construction.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

# ACLED's taxonomy (spec §1): event_type -> its sub_event_types.
EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_EVENT_TO_TYPE: dict[str, str] = {
    sub: etype for etype, subs in EVENT_TYPES.items() for sub in subs
}


@dataclass(frozen=True, slots=True)
class Article:
    """One input news article (spec §2 input format)."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Span:
    """A stretch of the article's original text: [start, end)."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Mention:
    """Something a recogniser found in the text.

    kind is one of: "date", "number", "casualty", "place", "actor", "trigger".
    value carries the kind's typed payload (a resolved date, a count, a
    gazetteer entry, a canonical actor, a lexicon entry ...).
    """

    kind: str
    start: int
    end: int
    text: str
    value: Any = None
    sentence: int = -1  # index into Document.sentences
    source: str = ""  # which rule or resource produced it (for --explain)


@dataclass(slots=True)
class Evidence:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Event:
    """One event in the output schema of spec §2."""

    event_id: str
    article_id: str
    status: str  # "current" | "background"
    event_date: str | None  # YYYY-MM-DD
    time_precision: int
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: list[str] = field(default_factory=list)
    assoc_actor_2: list[str] = field(default_factory=list)
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    location_ar: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 3
    fatalities: int = 0
    injuries: int = 0
    notes: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    # Not part of the spec's schema: how sure the extractor is, and why each
    # field has its value (shown by `rasd extract --explain`).
    confidence: float = 0.5
    explanation: dict[str, str] = field(default_factory=dict)

    def to_dict(self, explain: bool = False) -> dict[str, Any]:
        """The event as the spec's JSON object (one serialiser for every interface)."""
        data = asdict(self)
        if not explain:
            data.pop("explanation")
        return data


# Field order of the spec's schema, used by table output and exports.
EVENT_FIELDS: tuple[str, ...] = (
    "event_id", "article_id", "status", "event_date", "time_precision",
    "event_type", "sub_event_type", "actor1", "actor2", "assoc_actor_1",
    "assoc_actor_2", "country", "iso3", "admin1", "admin2", "admin3",
    "location", "location_ar", "latitude", "longitude", "geo_precision",
    "fatalities", "injuries", "notes", "evidence", "sources",
)


def event_from_dict(data: dict[str, Any]) -> Event:
    """Rebuild an Event from its JSON object (stores, gold files, caches)."""
    known = {k: v for k, v in data.items() if k in Event.__dataclass_fields__}
    known["evidence"] = [
        e if isinstance(e, Evidence) else Evidence(int(e.get("start", -1)), int(e.get("end", -1)), e.get("text", ""))
        for e in data.get("evidence") or []
    ]
    known.setdefault("event_id", data.get("id", ""))
    known.setdefault("article_id", "")
    known.setdefault("status", "current")
    known.setdefault("event_date", None)
    known.setdefault("time_precision", 1)
    known.setdefault("event_type", "")
    known.setdefault("sub_event_type", "")
    for key in ("assoc_actor_1", "assoc_actor_2", "sources"):
        known[key] = list(known.get(key) or [])
    return Event(**known)


@dataclass(slots=True)
class Document:
    """The container that flows through the pipeline (like spaCy's Doc).

    `text` is the article's original text, never modified. `norm` is the
    text normalised for matching, with `norm_map[i]` giving the original
    offset of normalised character i (len(norm_map) == len(norm) + 1, the last
    entry mapping the end). Sentences and mentions are spans of `text`.
    """

    article: Article
    text: str
    norm: str = ""
    norm_map: list[int] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # Free slots for stages to leave facts for later stages (dateline place,
    # article country context, main event date ...).
    context: dict[str, Any] = field(default_factory=dict)

    def to_original(self, norm_start: int, norm_end: int) -> tuple[int, int]:
        """Map a [start, end) range of `norm` back to `text` offsets."""
        return self.norm_map[norm_start], self.norm_map[norm_end]

    def mentions_of(self, kind: str) -> list[Mention]:
        return [m for m in self.mentions if m.kind == kind]

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing an original-text offset, or -1."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return -1
