"""Recall and precision of find_dates against the DATE entities of the Wojood NER sample.

    .venv/bin/python bench/eval_dates_wojood.py

Wojood (SinaLab/ArabicNER sample, MIT; /work/shared/data/raw/wojood_sample or
$RASD_SHARED) marks DATE entities in MSA news, Palestinian archive captions
and dialect. A DATE entity counts as found when a find_dates mention
overlaps it; a mention outside every DATE entity counts as extra. Wojood
was never used to write the word tables or the rules; it is a check on
text of another kind. (Its DATE also covers things rasd does not resolve:
«الفترة العثمانية», «الاربعينات», «أسبوعياً».)
"""

from __future__ import annotations

import os
from collections import Counter
from datetime import date
from pathlib import Path

from rasd.text.dates import find_dates
from rasd.text.normalize import normalize

SHARED = Path(os.environ.get("RASD_SHARED", "/work/shared"))


def sentences(path: Path):
    tokens: list[tuple[str, list[str]]] = []
    for line in path.open(encoding="utf-8"):
        parts = line.split()
        if not parts:
            if tokens:
                yield tokens
            tokens = []
            continue
        tokens.append((parts[0], parts[1:]))
    if tokens:
        yield tokens


def main() -> None:
    total = found = extra = 0
    missed: Counter[str] = Counter()
    for name in ("train.txt", "val.txt", "test.txt"):
        for tokens in sentences(SHARED / "data/raw/wojood_sample" / name):
            text, starts = "", []
            for token, _ in tokens:
                text += " " if text else ""
                starts.append(len(text))
                text += token
            entities: list[list[int]] = []
            for k, (token, tags) in enumerate(tokens):
                if "B-DATE" in tags:
                    entities.append([starts[k], starts[k] + len(token)])
                elif "I-DATE" in tags and entities:
                    entities[-1][1] = starts[k] + len(token)
            norm, offsets = normalize(text)
            spans = [(offsets[m.start], offsets[m.end]) for m in find_dates(norm, date(2020, 1, 1))]
            for a, b in entities:
                total += 1
                if any(x < b and a < y for x, y in spans):
                    found += 1
                else:
                    missed[text[a:b]] += 1
            extra += sum(1 for x, y in spans if not any(x < b and a < y for a, b in entities))
    print(f"Wojood DATE entities: {total}; overlapped by a find_dates mention: {found} ({found / total:.0%})")
    print(f"find_dates mentions outside any DATE entity: {extra}")
    print("most frequent misses:", ", ".join(f"{w} ×{c}" for w, c in missed.most_common(12)))


if __name__ == "__main__":
    main()
