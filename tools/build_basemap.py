"""Build the offline base layer that `rasd serve` ships (src/rasd/serve/static/basemap/).

Sources (read the licences in static/basemap/LICENCES.md):
- countries: world-atlas 2.0.2 (npm; Natural Earth 1:50m admin-0, public domain),
  TopoJSON decoded here to GeoJSON;
- admin1: OCHA COD-AB governorates of Syria (shapefile) and Iraq (GeoJSON)
  from /work/shared/data/raw/ocha_cod_{syria,iraq}.

Geometry is simplified (Douglas-Peucker, shapely) and coordinates rounded so
the shipped files stay a few hundred KB: the page needs outlines, not survey
accuracy. Run once when a source changes:

    python tools/build_basemap.py --world-atlas /tmp/jsdl/world-atlas-2.0.2/package
"""

from __future__ import annotations

import argparse
import io
import json
import lzma
import tarfile
from pathlib import Path

import shapefile  # pyshp
from shapely.geometry import mapping, shape

RAW = Path("/work/shared/data/raw")
OUT = Path(__file__).resolve().parent.parent / "src/rasd/serve/static/basemap"


def topojson_to_features(topo: dict, obj: str) -> list[dict]:
    """Decode one TopoJSON object (quantized arcs) into GeoJSON features."""
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for i in indexes:
            arc = arcs[i] if i >= 0 else arcs[~i][::-1]
            points.extend(arc if not points else arc[1:])
        return points

    features = []
    for geom in topo["objects"][obj]["geometries"]:
        if geom["type"] == "Polygon":
            coords = [ring(r) for r in geom["arcs"]]
        elif geom["type"] == "MultiPolygon":
            coords = [[ring(r) for r in poly] for poly in geom["arcs"]]
        else:
            continue
        features.append({"type": "Feature", "properties": dict(geom.get("properties", {})),
                         "geometry": {"type": geom["type"], "coordinates": coords}})
    return features


def simplified(geometry: dict, tolerance: float, digits: int) -> dict | None:
    geom = shape(geometry).simplify(tolerance, preserve_topology=True)
    if geom.is_empty:
        return None
    data = json.loads(json.dumps(mapping(geom)))

    def rounded(c):
        if isinstance(c[0], (int, float)):
            return [round(c[0], digits), round(c[1], digits)]
        return [rounded(x) for x in c]

    data["coordinates"] = rounded(data["coordinates"])
    return data


def countries(world_atlas: Path) -> dict:
    topo = json.loads((world_atlas / "countries-50m.json").read_text())
    features = []
    for f in topojson_to_features(topo, "countries"):
        geom = simplified(f["geometry"], 0.02, 3)
        if geom:
            features.append({"type": "Feature", "properties": {"name": f["properties"].get("name")},
                             "geometry": geom})
    return {"type": "FeatureCollection", "features": features}


def syria_admin1() -> list[dict]:
    with tarfile.open(RAW / "ocha_cod_syria/syr_admin_boundaries_shp_original.tar.xz") as tar:
        parts = {ext: io.BytesIO(tar.extractfile(f"syr_admin1.{ext}").read()) for ext in ("shp", "shx", "dbf")}
    reader = shapefile.Reader(shp=parts["shp"], shx=parts["shx"], dbf=parts["dbf"], encoding="utf-8")
    features = []
    for sr in reader.shapeRecords():
        rec = sr.record.as_dict()
        features.append({"type": "Feature",
                         "properties": {"name": rec["adm1_name"], "name_ar": rec["adm1_name1"],
                                        "pcode": rec["adm1_pcode"], "country": "Syria"},
                         "geometry": sr.shape.__geo_interface__})
    return features


def iraq_admin1() -> list[dict]:
    data = json.loads(lzma.decompress((RAW / "ocha_cod_iraq/irq_admbnda_adm1_cso_20190603.geojson.xz").read_bytes()))
    return [{"type": "Feature",
             "properties": {"name": f["properties"]["ADM1_EN"], "name_ar": f["properties"]["ADM1_AR"],
                            "pcode": f["properties"]["ADM1_PCODE"], "country": "Iraq"},
             "geometry": f["geometry"]} for f in data["features"]]


def admin1() -> dict:
    features = []
    for f in syria_admin1() + iraq_admin1():
        geom = simplified(f["geometry"], 0.005, 4)
        if geom:
            features.append({**f, "geometry": geom})
    return {"type": "FeatureCollection", "features": features}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--world-atlas", type=Path, required=True,
                        help="unpacked world-atlas npm package (npm pack world-atlas@2.0.2)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for name, collection in (("countries.geojson", countries(args.world_atlas)), ("admin1.geojson", admin1())):
        path = OUT / name
        path.write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        print(f"{path}: {len(collection['features'])} features, {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
