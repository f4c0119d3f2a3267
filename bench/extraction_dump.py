"""Dump everything extraction produces, to prove a speed change changed nothing.

    python bench/extraction_dump.py OUT.jsonl [N]
    PYTHONPATH=/path/to/other/checkout/src python bench/extraction_dump.py OTHER.jsonl [N]
    cmp OUT.jsonl OTHER.jsonl

Runs the default Pipeline over the benchmark's base articles (bench/corpus.py:
dev + SaudiNewsNet, 1,633) and corpus/heldout, and writes one JSON line per
article with its events, mentions and context (dataclasses as dicts, sets
sorted), so two source trees can be compared byte for byte: the stronger
check behind "eval counts did not change". Prints the CPU time on stderr.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import base_articles  # noqa: E402

from rasd.io.readers import read_articles  # noqa: E402
from rasd.pipeline import Pipeline  # noqa: E402

HELDOUT = Path(__file__).resolve().parents[1] / "corpus" / "heldout" / "articles.jsonl"


def plain(o: Any) -> Any:
    """JSON-ready, order-stable form of extraction output."""
    if dataclasses.is_dataclass(o) and not isinstance(o, type):
        return {f.name: plain(getattr(o, f.name)) for f in dataclasses.fields(o)}
    if isinstance(o, (set, frozenset)):
        return sorted((plain(x) for x in o), key=repr)
    if isinstance(o, (list, tuple)):
        return [plain(x) for x in o]
    if isinstance(o, dict):
        return {str(k): plain(v) for k, v in o.items()}
    if isinstance(o, (str, int, float, bool)) or o is None:
        return o
    return str(o)


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    articles = base_articles() + (list(read_articles(HELDOUT)) if HELDOUT.exists() else [])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else len(articles)
    pipeline = Pipeline()
    t = time.process_time()
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for article in articles[:n]:
            doc = pipeline.process(article)
            record = {"id": article.id, "events": plain(doc.events), "mentions": plain(doc.mentions),
                      "context": plain(doc.context)}
            out.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{n} articles, {time.process_time() - t:.1f} CPU s", file=sys.stderr)


if __name__ == "__main__":
    main()
