"""A small learned check on the sentences the rules made events of.

The rules propose an event wherever a trigger word meets a place, a date or
a toll; many such sentences mention violence without reporting an event of
the story (analysis, statements, threats, aggregates, plans, denials), or
recall an older one. This model reads one sentence and gives the
probability of three labels (training/sentence_filter/GUIDELINES.md):

- ``event_now``: it reports a specific event of the story;
- ``event_past``: it reports a specific earlier event, recalled as background;
- ``not_event``: it reports no specific event.

It is a multinomial logistic regression over hashed word 1-2-grams and
character 3-4-grams of the normalised sentence, trained by
tools/train_sentence_filter.py on sentences annotated by hand from the
SaudiNewsNet conflict articles. The weights ship as a small data file
(rasd/data/sentence_filter.json); scoring is a sparse dot product, a few
microseconds a sentence, with no dependency.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from zlib import crc32

from rasd.datafiles import data_path
from rasd.text.normalize import normalize

LABELS = ["event_now", "event_past", "not_event"]

_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")


def features(sentence: str, dim: int, normalised: bool = False) -> dict[int, float]:
    """Hashed features of one sentence: word unigrams, word bigrams and the
    character 3-/4-grams of each word (clitics and inflections share them),
    numbers folded to one token; binary, scaled to unit length."""
    text = sentence if normalised else normalize(sentence)[0]
    words = _WORD.findall(_DIGITS.sub("0", text))
    keys: set[str] = set()
    prev = "<s>"
    for w in words:
        keys.add("w:" + w)
        keys.add("b:" + prev + " " + w)
        prev = w
        padded = f"<{w}>"
        for n in (3, 4):
            for i in range(len(padded) - n + 1):
                keys.add("c:" + padded[i:i + n])
    if not keys:
        return {}
    value = 1.0 / math.sqrt(len(keys))
    out: dict[int, float] = {}
    for k in keys:
        j = crc32(k.encode("utf-8")) % dim
        out[j] = out.get(j, 0.0) + value
    return out


@dataclass(frozen=True, slots=True)
class SentenceFilter:
    """The trained model: `probabilities(sentence)` → {label: p}."""

    labels: tuple[str, ...]
    dim: int
    bias: tuple[float, ...]
    weights: dict[int, tuple[float, ...]]
    version: str = ""

    def probabilities(self, sentence: str, normalised: bool = False) -> dict[str, float]:
        z = list(self.bias)
        weights = self.weights
        for j, v in features(sentence, self.dim, normalised).items():
            row = weights.get(j)
            if row is not None:
                for k, wk in enumerate(row):
                    z[k] += wk * v
        top = max(z)
        e = [math.exp(x - top) for x in z]
        total = sum(e)
        return {label: x / total for label, x in zip(self.labels, e)}


def load_filter(name: str = "sentence_filter.json") -> SentenceFilter:
    with open(data_path(name), encoding="utf-8") as f:
        raw = json.load(f)
    return SentenceFilter(
        labels=tuple(raw["labels"]), dim=int(raw["dim"]), bias=tuple(raw["bias"]),
        weights={int(j): tuple(row) for j, row in raw["weights"].items()}, version=str(raw.get("version", "")),
    )
