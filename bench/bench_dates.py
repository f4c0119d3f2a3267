"""Benchmark rasd.text.dates.find_dates on real articles.

    .venv/bin/python bench/bench_dates.py [--dump FILE]

Reads the dev corpus (/work/shared/corpus/dev/articles.jsonl, or $RASD_SHARED)
and the SaudiNewsNet conflict sample (xz JSON lines), normalises every
article once (not timed), then times find_dates alone: articles/s, chars/s
and dates found per second, best of 5 runs. --dump writes every mention
(article id, rule, text, date, precision) for review.
"""

from __future__ import annotations

import argparse
import json
import lzma
import os
import time
from datetime import date
from pathlib import Path

from rasd.text.dates import find_dates
from rasd.text.normalize import normalize

SHARED = Path(os.environ.get("RASD_SHARED", "/work/shared"))


def load() -> list[tuple[str, str, date | None]]:
    docs = []
    for line in (SHARED / "corpus/dev/articles.jsonl").open(encoding="utf-8"):
        a = json.loads(line)
        published = date.fromisoformat(a["published"]) if a.get("published") else None
        docs.append((a["id"], a["text"], published))
    path = SHARED / "data/raw/saudinewsnet_conflict/saudinewsnet_conflict_2015.jsonl.xz"
    with lzma.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            docs.append((a["id"], a["title"] + "\n\n" + a["content"], date.fromisoformat(a["date_extracted"][:10])))
    return docs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--dump", type=Path)
    args = parser.parse_args()
    docs = [(i, normalize(t)[0], p) for i, t, p in load()]
    chars = sum(len(n) for _, n, _ in docs)
    find_dates("", None)  # load the grammar outside the timing
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        found = [find_dates(n, p) for _, n, p in docs]
        best = min(best, time.perf_counter() - t0)
    total = sum(map(len, found))
    print(f"{len(docs)} articles, {chars:,} chars, {total:,} dates found; best of 5: {best:.3f} s")
    print(f"{len(docs) / best:,.0f} articles/s, {chars / best / 1e6:.2f} M chars/s, {total / best:,.0f} dates/s")
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for (doc_id, _, published), mentions in zip(docs, found):
                for m in mentions:
                    out.write(f"{doc_id}\t{published}\t{m.rule}\t{m.text}\t{m.date}\t{m.precision}\t{m.end_date or ''}\n")


if __name__ == "__main__":
    main()
