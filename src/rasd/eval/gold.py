"""Read gold annotations (spec §4): one JSON line per article.

    {"id", "published", "events": [event..., with "optional" and "alt_types"],
     "not_events": [free text]}

Gold is the yardstick, so a broken gold file stops the evaluation with a
message naming the line, instead of silently scoring against less gold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasd.errors import InputError
from rasd.eval.scorer import GoldEvent
from rasd.model import EVENT_TYPES, event_from_dict


@dataclass(slots=True)
class GoldArticle:
    id: str
    published: str | None
    events: list[GoldEvent] = field(default_factory=list)
    not_events: list[str] = field(default_factory=list)


def gold_event_from_dict(data: dict[str, Any], article_id: str, where: str) -> GoldEvent:
    if not isinstance(data, dict):
        raise InputError(f"{where}: a gold event is not a JSON object")
    try:
        event = event_from_dict(data)
    except (TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"{where}: gold event does not fit the schema of spec §2 ({exc})") from None
    event.article_id = article_id
    try:
        # The scorer compares numbers: coerce them here, where a bad value can be named.
        event.time_precision = int(event.time_precision or 1)
        event.fatalities = int(event.fatalities or 0)
        event.latitude = None if event.latitude is None else float(event.latitude)
        event.longitude = None if event.longitude is None else float(event.longitude)
    except (TypeError, ValueError) as exc:
        raise InputError(f"{where}: a number field of the gold event is not a number ({exc})") from None
    if event.event_type not in EVENT_TYPES:
        raise InputError(f"{where}: gold event_type {event.event_type!r} is not one of spec §1's types")
    if event.status not in ("current", "background"):
        raise InputError(f"{where}: gold status {event.status!r} is neither 'current' nor 'background'")
    alt = data.get("alt_types") or []
    if isinstance(alt, str):
        alt = [alt]
    return GoldEvent(event=event, optional=bool(data.get("optional", False)),
                     alt_types=tuple(str(t) for t in alt), gold_id=str(data.get("id", "")))


def read_gold(path: str) -> list[GoldArticle]:
    """All gold articles of a file, in file order; InputError on any bad line."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such gold file")
    if p.is_dir():
        raise InputError(f"{path}: is a folder; give the gold .jsonl file")
    articles: list[GoldArticle] = []
    seen: set[str] = set()
    with p.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError:
                raise InputError(f"{where}: gold file is not UTF-8") from None
            except json.JSONDecodeError as exc:
                raise InputError(f"{where}: malformed JSON in gold file ({exc.msg})") from None
            if not isinstance(record, dict) or not record.get("id"):
                raise InputError(f"{where}: a gold line must be an object with an 'id'")
            article_id = str(record["id"])
            if article_id in seen:
                raise InputError(f"{where}: article {article_id!r} appears twice in the gold file")
            seen.add(article_id)
            events = record.get("events") or []
            if not isinstance(events, list):
                raise InputError(f"{where}: 'events' must be a list")
            articles.append(GoldArticle(
                id=article_id,
                published=record.get("published"),
                events=[gold_event_from_dict(e, article_id, f"{where} event {i + 1}")
                        for i, e in enumerate(events)],
                not_events=[str(x) for x in record.get("not_events") or []],
            ))
    if not articles:
        raise InputError(f"{path}: the gold file holds no article")
    return articles
