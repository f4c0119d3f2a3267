"""Everything the recognisers found in one article, laid out by sentence.

Assembly reasons sentence by sentence («in this sentence: a trigger, two
actors, a place, a date, a casualty count»), so the mentions of the whole
article are found once (one pass per matcher) and bucketed into sentences
here. All offsets are into the normalised text; `to_original` maps back.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from rasd.actors.recognize import ActorMention
from rasd.events.lexicon import Cue, Trigger
from rasd.text.tokens import PhraseMatch, word_spans


@dataclass(slots=True)
class Sentence:
    index: int
    start: int  # normalised offsets
    end: int
    orig_start: int
    orig_end: int
    paragraph: int
    text: str  # normalised text of the sentence
    is_dateline: bool = False
    triggers: list[PhraseMatch[Trigger]] = field(default_factory=list)
    cues: list[PhraseMatch[Cue]] = field(default_factory=list)
    family_cues: set[str] = field(default_factory=set)
    pattern_cues: list[tuple[str, int, int]] = field(default_factory=list)  # (kind, start, end)
    roles: list[PhraseMatch[str]] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    dates: list[Any] = field(default_factory=list)  # rasd.text.dates.DateMention
    casualties: list[Any] = field(default_factory=list)  # rasd.text.casualties.Casualty
    places: list[Any] = field(default_factory=list)  # rasd.places ResolvedPlace
    # Normalised offsets where a new clause starts («فيما», «بينما», «لكن»): a cue
    # governs its own clause, not the next one's event.
    breaks: list[int] = field(default_factory=list)
    # Normalised (start, end) of «أن/إن/أنه/أنها ...» opening a reported clause: the
    # side named before it is the speaker, the one after it the clause's subject.
    complements: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class ArticleFacts:
    norm: str
    sentences: list[Sentence]
    token_starts: list[int]
    # Signs of a news report rather than a column: sources quoted («قال مصدر»)
    # and recent days named («أمس», «الخميس الماضي»).
    news_signals: int = 0
    countries_named: Counter[str] = field(default_factory=Counter)  # «العراق», «التركية» ...

    def word_index(self, offset: int) -> int:
        """Index of the word at or before a normalised offset (for word windows)."""
        return max(0, bisect_right(self.token_starts, offset) - 1)

    def sentence_at(self, offset: int) -> Sentence | None:
        i = bisect_right(self.sentences, offset, key=_START) - 1
        if 0 <= i < len(self.sentences) and offset < self.sentences[i].end:
            return self.sentences[i]
        return None


_START = attrgetter("start")

# The first line break of each run: where a paragraph ends. (The line break
# first, so the search skips to it.)
_PARAGRAPH_BREAK = re.compile(r"\n(?<!\n\n)")


def build_sentences(text: str, norm: str, norm_map: list[int], spans: list[Any]) -> list[Sentence]:
    """Sentences (original spans) with their normalised ranges and paragraph numbers."""
    # Paragraph breaks: runs of line breaks (a blank line between paragraphs is one break).
    newlines = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
    out: list[Sentence] = []
    for i, span in enumerate(spans):
        ns = bisect_left(norm_map, span.start, 0, len(norm_map) - 1)
        ne = bisect_left(norm_map, span.end, 0, len(norm_map) - 1)
        # A paragraph is a line: news bodies put one paragraph per line.
        para = bisect_left(newlines, span.start)
        out.append(Sentence(i, ns, ne, span.start, span.end, para, norm[ns:ne]))
    return out


def bucket(facts: ArticleFacts, items: list[Any], attr: str) -> None:
    """Append each item (with .start) to the sentence containing it."""
    starts = [s.start for s in facts.sentences]
    for item in items:
        i = bisect_right(starts, item.start) - 1
        if 0 <= i < len(facts.sentences) and item.start < facts.sentences[i].end:
            getattr(facts.sentences[i], attr).append(item)


def make_facts(text: str, norm: str, norm_map: list[int], spans: list[Any]) -> ArticleFacts:
    sentences = build_sentences(text, norm, norm_map, spans)
    # The word starts only: no Token objects needed (the scan is cached and shared).
    return ArticleFacts(norm=norm, sentences=sentences, token_starts=list(word_spans(norm)[0]))
