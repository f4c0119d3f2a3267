"""The extraction pipeline: an ordered list of named stages over one Document.

    article → normalise → sentences → mentions → events → resolved events

Each stage is a callable `Document -> Document`. Resources (gazetteer,
actor dictionary, trigger lexicon) are loaded once when the Pipeline is
built, never per article, so one Pipeline can run over millions of articles
and two Pipelines can live in one process.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator

from rasd.events.stages import event_stages
from rasd.model import Article, Document, Event
from rasd.text.normalize import normalize_compact
from rasd.text.segment import split_sentences

Stage = Callable[[Document], Document]


def normalize_stage(doc: Document) -> Document:
    # The compact map (an int array, read like the list) keeps a long article's
    # offsets at 8 bytes a character.
    doc.norm, doc.norm_map = normalize_compact(doc.text)  # type: ignore[assignment]
    return doc


def segment_stage(doc: Document) -> Document:
    doc.sentences = split_sentences(doc.text)
    return doc


def finalize_stage(doc: Document) -> Document:
    """Give every event a stable id and its own article as first source."""
    for index, event in enumerate(doc.events):
        event.article_id = doc.article.id
        if not event.event_id:
            event.event_id = stable_event_id(doc.article.id, event, index)
        if doc.article.id not in event.sources:
            event.sources.insert(0, doc.article.id)
    return doc


def stable_event_id(article_id: str, event: Event, index: int) -> str:
    """Same article + same event → same id, run after run."""
    key = "|".join(
        str(x) for x in (article_id, event.event_type, event.sub_event_type,
                         event.event_date, event.location_ar, index)
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class Pipeline:
    """Run the stages in order. `print(Pipeline())` shows them."""

    def __init__(self, stages: list[tuple[str, Stage]] | None = None):
        self.stages = stages if stages is not None else default_stages()

    def __repr__(self) -> str:
        return "Pipeline(" + " → ".join(name for name, _ in self.stages) + ")"

    def make_doc(self, article: Article) -> Document:
        return Document(article=article, text=article.text)

    def process(self, article: Article) -> Document:
        doc = self.make_doc(article)
        for _name, stage in self.stages:
            doc = stage(doc)
        return doc

    def extract(self, article: Article) -> list[Event]:
        return self.process(article).events

    def pipe(self, articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            yield article, self.extract(article)


def default_stages() -> list[tuple[str, Stage]]:
    """The standard stage list. Later stages are added by their own packages."""
    stages: list[tuple[str, Stage]] = [
        ("normalize", normalize_stage),
        ("segment", segment_stage),
    ]
    stages.extend(event_stages())
    stages.append(("finalize", finalize_stage))
    return stages


_DEFAULT: Pipeline | None = None


def extract(article: Article) -> list[Event]:
    """Extract events from one article with a process-wide default pipeline."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT.extract(article)
