"""Case-folded lookup columns of a merged event, computed once on write.

Filters compare case-insensitively. `lower(country) = ?` or
`lower(actor1) LIKE ?` on four columns cannot use an index and must read every
fat row (notes, explanation JSON) of the run; the folded copies below can be
indexed (country_key, iso3_key, admin1_key) or scanned as one narrow string
(actor_key, search_key) instead of several.

Folding is Python's str.lower() (full Unicode), the same as PostgreSQL's
lower() and the same fold the filter applies to the user's value. The joined
keys separate fields with SEP, which no user value can match across: a filter
value containing SEP falls back to the per-column comparison (filters.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

SEP = "\x1f"  # ASCII unit separator: never typed, never in news text

# The fields each joined key is made of, in the filter's order (filters.py).
ACTOR_FIELDS = ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2")  # assoc_*: their stored JSON text
SEARCH_FIELDS = ("notes", "location", "location_ar", "actor1", "actor2", "admin1", "admin2", "admin3",
                 "sub_event_type")
KEY_COLUMNS = ("country_key", "iso3_key", "admin1_key", "actor_key", "search_key")


def fold(value: str | None) -> str | None:
    return None if value is None else value.lower()


def _joined(row: Mapping[str, Any], fields: tuple[str, ...]) -> str:
    # A NULL field matches nothing, as `lower(NULL) LIKE ...` is not true. Values
    # are kept verbatim: a match spanning two fields would contain SEP itself.
    return SEP.join((row.get(name) or "").lower() for name in fields)


def key_values(row: Mapping[str, Any]) -> dict[str, str | None]:
    """The key columns of an event row (a dict of the stored column values)."""
    iso3 = row.get("iso3")
    return {
        "country_key": fold(row.get("country")),
        "iso3_key": None if iso3 is None else iso3.upper(),
        "admin1_key": fold(row.get("admin1")),
        "actor_key": _joined(row, ACTOR_FIELDS),
        "search_key": _joined(row, SEARCH_FIELDS),
    }
