"""Find actor mentions in normalised text and name them in context.

Recognition (`find_actors`) is context-free: it reports which dictionary
form stands where. Naming (`name_actor`) happens later, when the event the
mention belongs to is known, because «التحالف» or «مسلحون مجهولون» are
named by the country the event happened in, and «عناصر التنظيم» by the
armed group the article is about (`topic_group`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rasd.actors.dictionary import ActorDictionary, ActorEntry


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A dictionary form found in the text; offsets into the normalised text."""

    start: int
    end: int
    text: str
    entry: ActorEntry


def find_actors(dictionary: ActorDictionary, norm: str, start: int = 0,
                end: int | None = None) -> list[ActorMention]:
    return [ActorMention(m.start, m.end, m.text, m.payload)
            for m in dictionary.matcher.find(norm, start, end)]


def topic_group(dictionary: ActorDictionary, mentions: Iterable[ActorMention]) -> str | None:
    """The named non-state armed group mentioned most often (first on ties).

    «التنظيم», «الخلايا النائمة» and the like refer to it.
    """
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        e = m.entry
        if e.name and e.kind in ("rebel", "political_militia") and not e.name.startswith("Unidentified"):
            counts[e.name] += 1
            first.setdefault(e.name, m.start)
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], -first[n]))


def name_actor(dictionary: ActorDictionary, mention: ActorMention, country: str | None,
               topic: str | None) -> str | None:
    return dictionary.resolve(mention.entry, country, topic)


def countries_named(dictionary: ActorDictionary, norm: str) -> Counter[str]:
    """How often each country is named in the text («العراق», «اليمن» ...)."""
    return Counter(m.payload for m in dictionary.country_matcher.find(norm))
