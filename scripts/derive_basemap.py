"""Derive data/basemap.geojson: country outlines around North Korea, for an offline map.

Source: Natural Earth 1:50m Admin 0 countries (public domain), as repackaged in TopoJSON by
the npm package ``world-atlas@2.0.2`` (ISC licence; Natural Earth v4.1.0). Only the derived,
clipped GeoJSON is committed, never the npm package.

How to reproduce (needs npm for the download and this repository's Python environment):

    tmp=$(mktemp -d) && cd "$tmp"
    npm pack world-atlas@2.0.2            # -> world-atlas-2.0.2.tgz
    tar xf world-atlas-2.0.2.tgz          # -> package/countries-50m.json
    cd -                                  # back to the repository root
    python scripts/derive_basemap.py "$tmp/package/countries-50m.json"

What it does: decodes the TopoJSON itself (quantized, delta-encoded arcs + transform), keeps
every country that intersects the box lon 117-135, lat 35-46 (China, the two Koreas, Russia,
Japan, ...), clips it to that box with shapely, snaps coordinates to a 1e-4 degree grid
(4 decimals, about 10 m, finer than the 1:50m source), and writes an RFC 7946 FeatureCollection
(lon/lat, WGS84) with properties ``country_id`` (ISO 3166-1 numeric, as a string, e.g. North
Korea "408") and ``name``. The output is deterministic: features are sorted by country_id.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import shapely
from shapely.geometry import MultiPolygon, Polygon, box, mapping

BBOX = (117.0, 35.0, 135.0, 46.0)  # lon_min, lat_min, lon_max, lat_max
GRID = 1e-4  # degrees; output coordinates have 4 decimals
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "data" / "basemap.geojson"


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat coordinates of every arc (undoing quantization and delta encoding)."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:  # not quantized: positions are already absolute
            arcs.append([(float(p[0]), float(p[1])) for p in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for p in arc:
            x += p[0]
            y += p[1]
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_coords(arc_indices: list[int], arcs: list[list[tuple[float, float]]]) -> list:
    """Stitch a ring from arc indices; a negative index ~i means arc i reversed."""
    coords: list[tuple[float, float]] = []
    for index in arc_indices:
        points = arcs[index] if index >= 0 else arcs[~index][::-1]
        # consecutive arcs share their joining point: keep it once
        coords.extend(points[1:] if coords else points)
    return coords


def decode_geometry(geometry: dict, arcs: list) -> Polygon | MultiPolygon | None:
    kind = geometry.get("type")
    if kind == "Polygon":
        rings = [ring_coords(r, arcs) for r in geometry["arcs"]]
        return Polygon(rings[0], rings[1:])
    if kind == "MultiPolygon":
        polygons = []
        for polygon in geometry["arcs"]:
            rings = [ring_coords(r, arcs) for r in polygon]
            polygons.append(Polygon(rings[0], rings[1:]))
        return MultiPolygon(polygons)
    return None  # null geometries and non-areal types carry no outline


def derive(topology: dict, bbox: tuple[float, float, float, float] = BBOX) -> dict:
    arcs = decode_arcs(topology)
    clip_box = box(*bbox)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        shape = decode_geometry(geometry, arcs)
        if shape is None or not shape.intersects(clip_box):
            continue
        if not shape.is_valid:
            shape = shapely.make_valid(shape)
        clipped = shapely.set_precision(shape.intersection(clip_box), GRID)
        polygons = _polygons(clipped)
        if not polygons:
            continue
        outline = polygons[0] if len(polygons) == 1 else MultiPolygon(polygons)
        # RFC 7946: exterior rings counter-clockwise, holes clockwise
        outline = shapely.orient_polygons(outline)
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "country_id": str(geometry.get("id", "")),
                    "name": str((geometry.get("properties") or {}).get("name", "")),
                },
                "geometry": _rounded(mapping(outline)),
            }
        )
    features.sort(key=lambda f: f["properties"]["country_id"])
    return {"type": "FeatureCollection", "bbox": list(bbox), "features": features}


def _polygons(geom) -> list[Polygon]:
    """The non-empty polygons in a clip result (which may hold stray lines or points)."""
    if geom.geom_type == "Polygon":
        return [] if geom.is_empty else [geom]
    if hasattr(geom, "geoms"):  # MultiPolygon or GeometryCollection
        return [p for g in geom.geoms for p in _polygons(g)]
    return []


def _rounded(value):
    """Round every coordinate to 4 decimals (the grid is already 1e-4; this drops float noise)."""
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    if isinstance(value, float):
        return round(value, 4)
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("topojson", type=Path, help="path to world-atlas countries-50m.json")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output GeoJSON path")
    args = parser.parse_args(argv)

    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    if topology.get("type") != "Topology" or "countries" not in topology.get("objects", {}):
        print(f"{args.topojson}: not a world-atlas countries TopoJSON", file=sys.stderr)
        return 2
    collection = derive(topology)
    if not any(f["properties"]["country_id"] == "408" for f in collection["features"]):
        print("North Korea (id 408) missing from the output", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(collection, separators=(",", ":"), ensure_ascii=False) + "\n"
    args.out.write_text(text, encoding="utf-8")
    names = ", ".join(f["properties"]["name"] for f in collection["features"])
    print(f"wrote {args.out} ({len(text.encode('utf-8')):,} bytes): {names}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
