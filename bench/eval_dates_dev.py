"""How often the date found in a gold event's evidence is the gold date (dev corpus).

    .venv/bin/python bench/eval_dates_dev.py

For every gold event of /work/shared/corpus/dev (or $RASD_SHARED), the
date mentions that lie in the sentences holding its evidence are found
with find_dates over the whole article. Reported: events whose evidence
sentences hold a date; of those, how often the date nearest the evidence
is the gold date exactly and within one day, and the precision agreement.
This measures the date layer alone (not the events stage's choices) and is
for measuring only: nothing here feeds the word tables.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from rasd.text.dates import find_dates
from rasd.text.normalize import normalize

SHARED = Path(os.environ.get("RASD_SHARED", "/work/shared"))


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(ch, 0, start) for ch in ".\n") + 1
    rights = [i for i in (text.find(ch, end) for ch in ".\n") if i >= 0]
    return left, min(rights) if rights else len(text)


def main() -> None:
    articles = {}
    for line in (SHARED / "corpus/dev/articles.jsonl").open(encoding="utf-8"):
        a = json.loads(line)
        articles[a["id"]] = a
    events = with_date = exact = near = same_precision = 0
    misses = []
    for line in (SHARED / "corpus/dev/gold.jsonl").open(encoding="utf-8"):
        gold = json.loads(line)
        article = articles[gold["id"]]
        text = article["text"]
        published = date.fromisoformat(article["published"]) if article.get("published") else None
        norm, offsets = normalize(text)
        mentions = [(offsets[m.start], m) for m in find_dates(norm, published) if m.date]
        for event in gold["events"]:
            events += 1
            spans = [sentence_bounds(text, e["start"], e["end"]) for e in event.get("evidence", []) if e.get("start", -1) >= 0]
            if not spans:
                continue
            inside = [(o, m) for o, m in mentions if any(a <= o < b for a, b in spans)]
            if not inside:
                continue
            with_date += 1
            anchor = spans[0][0]
            _, best = min(inside, key=lambda om: abs(om[0] - anchor))
            gold_date = date.fromisoformat(event["event_date"])
            exact += best.date == gold_date
            near += abs((best.date - gold_date).days) <= 1
            same_precision += best.precision == event.get("time_precision", 1)
            if abs((best.date - gold_date).days) > 1:
                misses.append(f"  {gold['id']} {event['id']}: «{best.text}» -> {best.date}, gold {gold_date}")
    print(f"{events} gold events; {with_date} have a date in their evidence sentences")
    print(f"nearest date = gold date: {exact}/{with_date}; within 1 day: {near}/{with_date}; same precision: {same_precision}/{with_date}")
    print("\n".join(misses))


if __name__ == "__main__":
    main()
