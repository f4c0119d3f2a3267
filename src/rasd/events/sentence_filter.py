"""A small learned check on the sentences the rules made events of.

The rules propose an event wherever a trigger word meets a place, a date or
a toll; many such sentences mention violence without reporting an event of
the story (analysis, statements, threats, aggregates, plans, denials), or
recall an older one. This model reads one sentence and gives the
probability of three labels (training/sentence_filter/GUIDELINES.md):

- ``event_now``: it reports a specific event of the story;
- ``event_past``: it reports a specific earlier event, recalled as background;
- ``not_event``: it reports no specific event.

It is a multinomial logistic regression over the words, stems, four-letter
stem prefixes and stem pairs of the normalised sentence, trained by
tools/train_sentence_filter.py on sentences annotated by hand from the
SaudiNewsNet conflict articles. The weights ship as a small data file
(rasd/data/sentence_filter.json, one weight row per feature, readable);
scoring is a sparse dot product (tens of microseconds a sentence), with no
dependency.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field

from rasd.datafiles import data_path
from rasd.text.normalize import normalize
from rasd.text.tokens import word_spans

LABELS = ["event_now", "event_past", "not_event"]

# Words a model remembers the summed weights of (bounded, like the token caches).
_MAX_KNOWN_WORDS = 200_000
# Proclitic chains stripped for the stem feature: those ending in the article
# (unambiguous), then a lone conjunction when a long word remains.
_ARTICLE_CHAINS = frozenset({c + p + "ال" for c in ("", "و", "ف") for p in ("", "ب", "ك")}
                            | {"لل", "ولل", "فلل"})
_CHAIN_LENGTHS = sorted({len(c) for c in _ARTICLE_CHAINS}, reverse=True)


def _stem(word: str) -> str:
    for n in _CHAIN_LENGTHS:
        if len(word) - n >= 2 and word[:n] in _ARTICLE_CHAINS:
            return word[n:]
    if len(word) >= 5 and word[0] in "وف":
        return word[1:]
    return word


def _words(text: str) -> list[str]:
    """The words of a normalised text, as the rest of rasd splits them (rasd.text.tokens)."""
    return word_spans(text)[2]


def _word_keys(w: str, st: str) -> tuple[str, str, str]:
    return ("w:" + w, "s:" + st, "p:" + st[:4])


def features(sentence: str, normalised: bool = False) -> dict[str, float]:
    """The features of one sentence: each word (numbers folded to «0»), its
    stem without proclitics, the stem's first four letters (a cheap root:
    «اشتباكات», «اشتبك» → «اشتب») and each pair of neighbouring stems;
    counted, divided by the square root of the number of features."""
    words = _words(sentence if normalised else normalize(sentence)[0])
    if not words:
        return {}
    counts: Counter[str] = Counter()
    prev = "<s>"
    for w in words:
        w = "0" if w[0].isdigit() else w
        st = _stem(w)
        counts.update(_word_keys(w, st))
        counts["b:" + prev + " " + st] += 1
        prev = st
    scale = 1.0 / math.sqrt(4 * len(words))
    return {k: c * scale for k, c in counts.items()}


@dataclass(frozen=True, slots=True)
class SentenceFilter:
    """The trained model: `probabilities(sentence)` → {label: p}."""

    labels: tuple[str, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    version: str = ""
    # word -> (stem, summed weights of its word/stem/prefix features); filled as words are met
    known_words: dict[str, tuple[str, tuple[float, ...] | None]] = field(default_factory=dict, compare=False,
                                                                        repr=False)

    def probabilities(self, sentence: str, normalised: bool = False) -> dict[str, float]:
        """P(label) for one sentence."""
        return self.word_probabilities(_words(sentence if normalised else normalize(sentence)[0]))

    def word_probabilities(self, words: list[str]) -> dict[str, float]:
        """P(label) for a sentence given as its words: the same sum as over
        features(), each word's own three features summed once and remembered
        (news repeats its words)."""
        z = [0.0] * len(self.bias)
        get, known = self.weights.get, self.known_words
        prev = "<s>"
        for w in words:
            if w[0].isdigit():
                w = "0"
            entry = known.get(w)
            if entry is None:
                st = _stem(w)
                rows = [r for r in map(get, _word_keys(w, st)) if r is not None]
                entry = (st, tuple(map(sum, zip(*rows))) if rows else None)
                if len(known) < _MAX_KNOWN_WORDS:
                    known[w] = entry
            st, row = entry
            if row is not None:
                for i, x in enumerate(row):
                    z[i] += x
            row = get("b:" + prev + " " + st)
            if row is not None:
                for i, x in enumerate(row):
                    z[i] += x
            prev = st
        scale = 1.0 / math.sqrt(4 * len(words)) if words else 0.0
        z = [b + x * scale for b, x in zip(self.bias, z)]
        top = max(z)
        e = [math.exp(x - top) for x in z]
        total = sum(e)
        return {label: x / total for label, x in zip(self.labels, e)}


def load_filter(name: str = "sentence_filter.json") -> SentenceFilter:
    with open(data_path(name), encoding="utf-8") as f:
        raw = json.load(f)
    return SentenceFilter(
        labels=tuple(raw["labels"]), bias=tuple(raw["bias"]),
        weights={j: tuple(row) for j, row in raw["weights"].items()}, version=str(raw.get("version", "")),
    )


# Veto a rule-proposed event only when the model is this sure that none of its
# sentences reports an event (cross-validated on the annotations: see
# training/sentence_filter/README.md for the figures behind the choice).
VETO_THRESHOLD = 0.7
# Whether the standard pipeline runs the filter (EventStage(sentence_filter=...) overrides).
DEFAULT_ON = True


def vetoed(model: SentenceFilter, sentences: list[str], threshold: float = VETO_THRESHOLD) -> bool:
    """Whether an event told by these (normalised) sentences is no event: every
    one of them is `not_event` with probability ≥ threshold."""
    return bool(sentences) and all(
        model.probabilities(s, normalised=True)["not_event"] >= threshold for s in sentences)


# The title and first sentence tell a report's main event: an event the rules
# found there is the story's own, even when the lead tells it through a
# reaction («وصف المفتي حادثة التفجير ...»); the veto leaves it alone.
LEAD_SENTENCES = 2
# Event types the veto applies to. Strategic developments (curfews, agreements,
# arrests, seizures) are acts the guidelines' `not_event` list (decrees,
# statements, plans) overlaps with, so the model is not asked about them.
VETOED_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians",
                          "Protests", "Riots"})


def filter_candidates(model: SentenceFilter, cands: list, sentences: list, norm: str, threshold: float | None = None,
                      explain: dict[str, list[str]] | None = None) -> list:
    """The candidates (rasd.events.assemble.Candidate) the model does not veto.
    `sentences` are the article's facts sentences (rasd.events.facts), `norm` its normalised text."""
    threshold = VETO_THRESHOLD if threshold is None else threshold
    by_start = {s.orig_start: s for s in sentences}
    starts, _, words = word_spans(norm)  # the article's words, already split (cached)
    kept = []
    seen: dict[str, bool] = {}  # sentence text -> vetoed (one sentence often tells several events)
    for c in cands:
        told = [by_start[a] for a, _ in c.evidence if a in by_start] or [c.sentence]
        if c.event_type in VETOED_TYPES and all(s.index >= LEAD_SENTENCES for s in told) and all(
                seen[s.text] if s.text in seen else seen.setdefault(s.text, model.word_probabilities(
                    words[bisect_left(starts, s.start):bisect_left(starts, s.end)])["not_event"] >= threshold)
                for s in told):
            if explain is not None:
                explain.setdefault("sentence filter", []).append(c.anchor.text)
            continue
        kept.append(c)
    return kept
