"""Export deduplicated events: ACLED-style CSV, GeoJSON, JSON Lines, Parquet.

Every format is written from the same Event objects (Event.to_dict is the one
serialiser); the ACLED CSV uses ACLED's column names and order for the fields
ACLED has, then rasd's own fields (injuries, status, location_ar, article ids).
Writers stream: events go out as they come, so an export of months of events
never sits in memory whole.
"""

from __future__ import annotations

import csv
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, TextIO

from rasd.errors import RasdError
from rasd.model import EVENT_FIELDS, Event

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")

# ACLED's export columns, in ACLED's order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)
# rasd fields ACLED has no column for, after ACLED's.
RASD_COLUMNS: tuple[str, ...] = ("injuries", "status", "location_ar", "article_ids")

_DATA = Path(__file__).resolve().parent.parent / "data" / "acled"

# Names for article ids in the `source` column: article_id -> "Asharq Al-Awsat" etc.
SourceNames = Callable[[list[str]], dict[str, str]]


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as stream:
        lines = [line.rstrip("\n") for line in stream if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"))) for line in lines[1:]]


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    return {r["iso3"]: (r["iso_numeric"], r["region"]) for r in _read_tsv(_DATA / "countries.tsv")}


@lru_cache(maxsize=1)
def _actor_types() -> list[tuple[str, str, str]]:
    return [(r["match"], r["pattern"], r["inter"]) for r in _read_tsv(_DATA / "actor_types.tsv")]


def actor_inter(actor: str | None, event_country: str | None) -> str:
    """ACLED's actor-type code for a canonical actor name; '' when unknown."""
    if not actor:
        return ""
    for match, pattern, inter in _actor_types():
        if (match == "exact" and actor == pattern) or (match == "prefix" and actor.startswith(pattern)):
            if inter == "1" and event_country:
                state = actor[len(pattern):].removeprefix("the ")
                if not state.startswith(event_country):
                    return "8"  # a state's forces outside their own country
            return inter
    return ""


def disorder_type(event: Event) -> str:
    if event.event_type == "Protests":
        if event.sub_event_type == "Excessive force against protesters":
            return "Political violence; Demonstrations"
        return "Demonstrations"
    if event.event_type == "Riots":
        return "Demonstrations" if event.sub_event_type == "Violent demonstration" else "Political violence"
    if event.event_type == "Strategic developments":
        return "Strategic developments"
    return "Political violence"


def acled_row(event: Event, source_names: dict[str, str], timestamp: int) -> dict[str, Any]:
    inter1 = actor_inter(event.actor1, event.country)
    inter2 = actor_inter(event.actor2, event.country)
    if inter1 and event.actor2 is None:
        interaction = f"{inter1}0"
    elif inter1 and inter2:
        interaction = "".join(sorted((inter1, inter2)))
    else:
        interaction = ""
    iso, region = _countries().get(event.iso3 or "", ("", ""))
    disorder = disorder_type(event)
    civilian = ("Civilian targeting" if "Political violence" in disorder
                and (event.actor2 or "").startswith("Civilians") else "")
    sources = list(dict.fromkeys(source_names.get(a) or a for a in event.sources))
    return {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date or "",
        "year": event.event_date[:4] if event.event_date else "",
        "time_precision": event.time_precision,
        "disorder_type": disorder,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1 or "",
        "assoc_actor_1": "; ".join(event.assoc_actor_1),
        "inter1": inter1,
        "actor2": event.actor2 or "",
        "assoc_actor_2": "; ".join(event.assoc_actor_2),
        "inter2": inter2,
        "interaction": interaction,
        "civilian_targeting": civilian,
        "iso": iso,
        "region": region,
        "country": event.country or "",
        "admin1": event.admin1 or "",
        "admin2": event.admin2 or "",
        "admin3": event.admin3 or "",
        "location": event.location or "",
        "latitude": "" if event.latitude is None else f"{event.latitude:.4f}",
        "longitude": "" if event.longitude is None else f"{event.longitude:.4f}",
        "geo_precision": event.geo_precision,
        "source": "; ".join(sources),
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities,
        "tags": "",
        "timestamp": timestamp,
        "injuries": event.injuries,
        "status": event.status,
        "location_ar": event.location_ar or "",
        "article_ids": "; ".join(event.sources),
    }


def _with_names(events: Iterable[Event], source_names: SourceNames | None,
                page: int = 500) -> Iterator[tuple[Event, dict[str, str]]]:
    """Events paired with the names of their sources, looked up a page at a time."""
    batch: list[Event] = []

    def flush() -> Iterator[tuple[Event, dict[str, str]]]:
        names = source_names([a for e in batch for a in e.sources]) if source_names else {}
        for e in batch:
            yield e, names

    for event in events:
        batch.append(event)
        if len(batch) >= page:
            yield from flush()
            batch = []
    yield from flush()


def write_acled_csv(events: Iterable[Event], out: TextIO, source_names: SourceNames | None = None) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + RASD_COLUMNS, lineterminator="\n")
    writer.writeheader()
    stamp = int(time.time())
    count = 0
    for event, names in _with_names(events, source_names):
        writer.writerow(acled_row(event, names, stamp))
        count += 1
    out.flush()
    return count


def geojson_feature(event: Event, properties: dict[str, Any] | None = None) -> dict[str, Any]:
    """One RFC 7946 Feature: a Point in (lon, lat) order, or null geometry when the event has no coordinates.

    `properties` defaults to the whole event; the coordinates stay in the
    properties too, so a reader of the export alone sees every field."""
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
    return {"type": "Feature", "id": event.event_id, "geometry": geometry,
            "properties": event.to_dict() if properties is None else properties}


def write_geojson(events: Iterable[Event], out: TextIO) -> int:
    """A FeatureCollection of Points (RFC 7946); an event with no coordinates has null geometry."""
    out.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for event in events:
        if count:
            out.write(",\n")
        out.write(json.dumps(geojson_feature(event), ensure_ascii=False))
        count += 1
    out.write("\n]}\n")
    out.flush()
    return count


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    count = 0
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
        count += 1
    out.flush()
    return count


def parquet_schema():
    import pyarrow as pa

    types: dict[str, Any] = {
        "time_precision": pa.int8(), "geo_precision": pa.int8(), "fatalities": pa.int32(),
        "injuries": pa.int32(), "latitude": pa.float64(), "longitude": pa.float64(),
        "event_date": pa.date32(),
        "assoc_actor_1": pa.list_(pa.string()), "assoc_actor_2": pa.list_(pa.string()),
        "sources": pa.list_(pa.string()),
        "evidence": pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])),
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in EVENT_FIELDS])


def write_parquet(events: Iterable[Event], out: str | Path | IO[bytes], batch: int = 5000) -> int:
    """Parquet with typed columns (dates as date32, lists as lists), written in row groups."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise RasdError("Parquet export needs pyarrow; run: pip install 'rasd[parquet]'") from None
    from datetime import date

    schema = parquet_schema()
    count = 0
    sink = pa.PythonFile(out, mode="w") if hasattr(out, "write") else str(out)
    with pq.ParquetWriter(sink, schema) as writer:
        rows: list[dict[str, Any]] = []

        def flush() -> None:
            if rows:
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                rows.clear()

        for event in events:
            row = event.to_dict()
            row["event_date"] = date.fromisoformat(event.event_date) if event.event_date else None
            rows.append(row)
            count += 1
            if len(rows) >= batch:
                flush()
        flush()
    return count


def write_events(events: Iterable[Event], fmt: str, out: str | None = None,
                 source_names: SourceNames | None = None) -> int:
    """Write events in one of FORMATS to the file `out`, or to standard output."""
    if fmt not in FORMATS:
        raise RasdError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt == "parquet" and not out and sys.stdout.isatty():
        raise RasdError("Parquet is binary: give -o FILE.parquet or redirect standard output")
    if not out:
        stream = sys.stdout.buffer if fmt == "parquet" else sys.stdout
    else:
        try:
            stream = (open(out, "wb") if fmt == "parquet" else open(out, "w", encoding="utf-8", newline=""))
        except OSError as exc:  # a missing folder, a folder given as the file, no permission
            raise RasdError(f"{out}: cannot write the export ({exc.strerror or exc})") from None
    try:
        if fmt == "parquet":
            return write_parquet(events, stream)
        if fmt == "acled-csv":
            return write_acled_csv(events, stream, source_names)
        if fmt == "geojson":
            return write_geojson(events, stream)
        return write_jsonl(events, stream)
    finally:
        if out:
            stream.close()
