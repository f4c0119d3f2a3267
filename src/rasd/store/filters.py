"""What a query asks for: EventFilter, and how it becomes a SQL WHERE clause.

User text never becomes SQL text: every value is a bound parameter, LIKE
patterns are escaped, sort keys come from a fixed list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import Table, and_, func, or_
from sqlalchemy.sql.elements import ColumnElement

from rasd.errors import StoreError
from rasd.store.keys import ACTOR_FIELDS, SEARCH_FIELDS, SEP


@dataclass(slots=True)
class EventFilter:
    date_from: date | str | None = None
    date_to: date | str | None = None
    bbox: tuple[float, float, float, float] | None = None  # (minlon, minlat, maxlon, maxlat)
    country: str | None = None  # English name or ISO3
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # part of actor1/actor2/associated actors, any case
    text: str | None = None  # part of notes, place names or actors, any case
    status: str | None = None  # "current" | "background"; None = both
    min_fatalities: int | None = None
    run_id: str | None = None  # None = the newest run
    article_id: str | None = None  # events one of whose sources is this article


SORT_KEYS = ("event_date", "fatalities", "injuries", "event_type", "sub_event_type", "country",
             "admin1", "location", "n_sources", "confidence", "event_id")


def as_date(value: date | str | None, what: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise StoreError(f"{what}: {value!r} is not a date in YYYY-MM-DD form") from None


def _contains(column, value: str) -> ColumnElement[bool]:
    return func.lower(column).contains(value.lower(), autoescape=True)


def _any_contains(table: Table, key: str, fields: tuple[str, ...], value: str) -> ColumnElement[bool]:
    """`value` in any of `fields`, any case: one LIKE on their folded joined key (a value holding
    the key's separator could match across two fields there, so it is looked for field by field)."""
    if SEP not in value:
        return table.c[key].contains(value.lower(), autoescape=True)
    return or_(*(_contains(table.c[name], value) for name in fields))


def where_clause(table: Table, f: EventFilter,
                 country_by: tuple[str, ...] = ("name", "iso3")) -> list[ColumnElement[bool]]:
    """Conditions on merged_events (its event columns and the folded keys of migration 0003).

    country_by: which of the country filter's two readings (English name, ISO3
    code) to test; the store drops one that matches no row, so that the other
    is a single indexable equality instead of an OR no index serves.
    """
    c = table.c
    conds: list[ColumnElement[bool]] = []
    date_from = as_date(f.date_from, "date_from")
    date_to = as_date(f.date_to, "date_to")
    if date_from is not None:
        conds.append(c.event_date >= date_from)
    if date_to is not None:
        conds.append(c.event_date <= date_to)
    if f.bbox is not None:
        if len(f.bbox) != 4:
            raise StoreError(f"bbox: expected minlon,minlat,maxlon,maxlat, got {f.bbox!r}")
        minlon, minlat, maxlon, maxlat = (float(v) for v in f.bbox)
        if minlon > maxlon or minlat > maxlat:
            raise StoreError(f"bbox: minimum above maximum in {f.bbox!r} (give minlon,minlat,maxlon,maxlat)")
        conds += [c.latitude.between(minlat, maxlat), c.longitude.between(minlon, maxlon)]
    if f.country:
        value = f.country.strip()
        tests = {"name": c.country_key == value.lower(), "iso3": c.iso3_key == value.upper()}
        conds.append(or_(*(tests[k] for k in country_by)))
    if f.admin1:
        conds.append(c.admin1_key == f.admin1.strip().lower())
    if f.event_type:
        conds.append(c.event_type == f.event_type)
    if f.sub_event_type:
        conds.append(c.sub_event_type == f.sub_event_type)
    if f.actor:
        conds.append(_any_contains(table, "actor_key", ACTOR_FIELDS, f.actor))
    if f.text:
        conds.append(_any_contains(table, "search_key", SEARCH_FIELDS, f.text))
    if f.status:
        conds.append(c.status == f.status)
    if f.min_fatalities is not None:
        conds.append(c.fatalities >= int(f.min_fatalities))
    return conds


def order_by(table: Table, sort: str) -> list:
    key = (sort or "-event_date").strip()
    descending = key.startswith("-")
    name = key.lstrip("-+")
    if name not in SORT_KEYS or name not in table.c:
        raise StoreError(f"sort: {sort!r} is not one of {', '.join(SORT_KEYS)} (prefix '-' for descending)")
    column = table.c[name]
    primary = column.desc() if descending else column.asc()
    if column.nullable:  # NULLS LAST on a NOT NULL column would only keep PostgreSQL off its index
        primary = primary.nulls_last()
    return [primary, table.c.event_id.asc()] if name != "event_id" else [primary]


def and_all(conds: list[ColumnElement[bool]]) -> ColumnElement[bool]:
    return and_(True, *conds)
