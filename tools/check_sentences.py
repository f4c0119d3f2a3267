"""Score rasd on the one-sentence cases of corpus/sentences/cases.tsv (see its README)."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from rasd.model import Article
from rasd.pipeline import Pipeline

CASES = Path(__file__).resolve().parent.parent / "corpus" / "sentences" / "cases.tsv"
PUBLISHED = date(2023, 5, 8)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=Path, default=CASES)
    args = parser.parse_args()
    pipeline = Pipeline()
    rows = [line.rstrip("\n").split("\t") for line in args.cases.read_text(encoding="utf-8").splitlines()
            if line.strip()]
    passed = events_ok = events_n = none_ok = none_n = 0
    for event_type, sub_type, text in rows:
        got = [(e.event_type, e.sub_event_type) for e in pipeline.extract(
            Article(id="case", text=text, published=PUBLISHED)) if e.status == "current"]
        if event_type == "NONE":
            ok = not got
            none_n += 1
            none_ok += ok
        else:
            ok = got == [(event_type, sub_type)]
            events_n += 1
            events_ok += ok
        passed += ok
        if not ok:
            want = "no event" if event_type == "NONE" else f"{event_type} / {sub_type}"
            print(f"want {want:<55} got {got or 'nothing'}\n     {text}")
    print(f"\n{passed}/{len(rows)} cases pass: {events_ok}/{events_n} events, {none_ok}/{none_n} non-events")
    return 0


if __name__ == "__main__":
    sys.exit(main())
