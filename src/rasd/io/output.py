"""Print events: JSON Lines (one serialiser: Event.to_dict) or a readable table."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from rasd.model import Article, Event


def write_events(items: Iterable[tuple[Article, Event]], out: TextIO, fmt: str = "jsonl",
                 explain: bool = False) -> int:
    count = 0
    if fmt == "table":
        return _write_table(items, out)
    for _article, event in items:
        out.write(json.dumps(event.to_dict(explain=explain), ensure_ascii=False) + "\n")
        count += 1
    out.flush()
    return count


def _write_table(items: Iterable[tuple[Article, Event]], out: TextIO) -> int:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("article", "date", "type", "actor1", "actor2", "place", "lat,lon", "killed", "wounded"):
        table.add_column(column)
    count = 0
    for article, e in items:
        place = e.location or ""
        if e.location_ar:
            # Arabic in its own isolate so a terminal with bidi keeps it in order.
            place = f"{place} (\u2067{e.location_ar}\u2069)"
        coords = f"{e.latitude:.3f},{e.longitude:.3f}" if e.latitude is not None else ""
        table.add_row(article.id[:24], f"{e.event_date or '?'} p{e.time_precision}",
                      f"{e.sub_event_type}", e.actor1 or "", e.actor2 or "", place, coords,
                      str(e.fatalities), str(e.injuries))
        count += 1
    Console(file=out, width=200).print(table)
    return count
