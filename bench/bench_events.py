"""Throughput of extraction (normalise → segment → [places] → events) on real articles.

    .venv/bin/python bench/bench_events.py [N]

Reads the SaudiNewsNet conflict sample (shared raw data), keeps articles of
2–3 KB of text, runs the default pipeline over N of them (default 500) on
one core after a warm-up, and prints articles per second. The goal (issue 6)
is ≥ 300 articles/s per core. On a shared machine, figures vary with load.
"""

from __future__ import annotations

import json
import lzma
import sys
import time
from datetime import date
from pathlib import Path

from rasd.model import Article
from rasd.pipeline import Pipeline

RAW = Path("/work/shared/data/raw/saudinewsnet_conflict/saudinewsnet_conflict_2015.jsonl.xz")


def articles(limit: int) -> list[Article]:
    out = []
    with lzma.open(RAW, "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            text = f"{r['title']}\n\n{r['content']}"
            if 2000 <= len(text.encode("utf-8")) // 2 <= 3000 or 2000 <= len(text) <= 3000:
                out.append(Article(id=r["id"], text=text, published=date.fromisoformat(r["date_extracted"][:10])))
            if len(out) >= limit:
                break
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    batch = articles(n)
    pipeline = Pipeline()
    for a in batch[:20]:
        pipeline.extract(a)  # warm-up: resources and caches
    # CPU time per stage (process_time: less sensitive to other users' load
    # than wall time, though a loaded machine still slows caches and turbo).
    per_stage = {name: 0.0 for name, _ in pipeline.stages}
    events = 0
    w0 = time.perf_counter()
    for a in batch:
        doc = pipeline.make_doc(a)
        for name, stage in pipeline.stages:
            t = time.process_time()
            doc = stage(doc)
            per_stage[name] += time.process_time() - t
        events += len(doc.events)
    wall = time.perf_counter() - w0
    cpu = sum(per_stage.values())
    size = sum(len(a.text) for a in batch) / len(batch)
    print(f"{pipeline}")
    print(f"{len(batch)} articles (mean {size:.0f} chars), {events} events")
    print(f"CPU {cpu:.2f} s: {len(batch) / cpu:.0f} articles/s per core (wall {wall:.2f} s: {len(batch) / wall:.0f}/s)")
    for name, t in per_stage.items():
        print(f"  {name:<10} {1000 * t / len(batch):6.2f} ms/article")


if __name__ == "__main__":
    main()
