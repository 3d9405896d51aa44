"""Reading the files of a package: text (UTF-8), CSV as text cells, GeoJSON features.

Readers never raise for bad content: they append :class:`Problem` s and return None.
"""

from __future__ import annotations

import csv
import io
import json
import warnings
from pathlib import Path
from typing import Any

import pandas as pd

from geo.package.problems import Problem, show_value

#: The largest file validation reads (a million-row package is a few hundred MB).
MAX_FILE_BYTES = 2 << 30


def read_text(path: Path, name: str, problems: list[Problem]) -> str | None:
    """The file's text (UTF-8, BOM allowed), or None with a problem: missing, not a regular
    file (a device or FIFO is never opened), larger than :data:`MAX_FILE_BYTES`, empty, not
    UTF-8, or holding a NUL character (text files never do; spreadsheets cut cells at one)."""
    try:
        if not path.exists():
            problems.append(Problem(name, reason="file is missing"))
            return None
        if not path.is_file():
            problems.append(Problem(name, reason="not a regular file (a device, folder or pipe is never read)"))
            return None
        size = path.stat().st_size
    except (OSError, ValueError) as exc:
        problems.append(Problem(name, reason=f"cannot be read: {getattr(exc, 'strerror', None) or exc}"))
        return None
    if size > MAX_FILE_BYTES:
        problems.append(Problem(name, reason=f"file is {size:,} bytes, larger than the {MAX_FILE_BYTES:,}-byte limit"))
        return None
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(name, reason=f"cannot be read: {exc.strerror or exc}"))
        return None
    if not raw.strip():
        problems.append(Problem(name, reason="file is empty"))
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        problems.append(Problem(name, reason=f"not valid UTF-8 (line {line}, byte {exc.start}): {exc.reason}"))
        return None
    nul = text.find("\0")
    if nul >= 0:
        problems.append(Problem(name, reason=f"holds a NUL character (line {text.count(chr(10), 0, nul) + 1}); "
                                             "text files never do"))
        return None
    return text


def _no_constant(name: str):
    raise ValueError(f"{name} is not valid JSON (numbers must be finite)")


def parse_json(text: str, name: str, problems: list[Problem]):
    """Strict JSON (no NaN or Infinity, nesting within Python's limit), or None with a problem."""
    try:
        return json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        problems.append(Problem(name, reason=f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"))
    except RecursionError:
        problems.append(Problem(name, reason="malformed JSON: nested too deeply"))
    except ValueError as exc:
        problems.append(Problem(name, reason=f"malformed JSON: {exc}"))
    return None


def read_csv(text: str, name: str, problems: list[Problem], allow_empty: bool = False) -> pd.DataFrame | None:
    try:
        with warnings.catch_warnings():
            # a first row longer than the header only warns, and pandas drops its extra cells: an error here
            warnings.simplefilter("error", pd.errors.ParserWarning)
            df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_filter=False,
                             index_col=False, on_bad_lines="error")
    except (pd.errors.ParserError, pd.errors.ParserWarning, csv.Error, ValueError):
        # Find every malformed row, not just the first one pandas trips over.
        reader = csv.reader(io.StringIO(text), strict=True)
        header: list[str] | None = None
        try:
            for lineno, row in enumerate(reader, start=1):
                if header is None:
                    header = row
                elif len(row) != len(header) and any(row):
                    problems.append(
                        Problem(name, lineno - 1, None,
                                f"malformed CSV: {len(row)} cells where the header has {len(header)}")
                    )
        except csv.Error as exc:
            problems.append(Problem(name, reason=f"malformed CSV near line {reader.line_num}: {exc}"))
        if not any(p.file == name for p in problems):
            problems.append(Problem(name, reason="malformed CSV"))
        return None
    if df.empty and not (allow_empty and len(df.columns)):
        problems.append(Problem(name, reason="file has a header but no rows"))
        return None
    return df


def read_geojson(text: str, name: str, spec: dict, problems: list[Problem]):
    doc = parse_json(text, name, problems)
    if doc is None:
        return None, None, None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection":
        problems.append(Problem(name, reason="not a GeoJSON FeatureCollection"))
        return None, None, None
    features = doc.get("features")
    if not isinstance(features, list) or not features:
        problems.append(Problem(name, reason="the FeatureCollection has no features"))
        return None, None, None
    want = spec.get("x-geometry", "Point")
    records, geoms = [], []
    for i, feat in enumerate(features, start=1):
        if not isinstance(feat, dict) or feat.get("type") != "Feature":
            problems.append(Problem(name, i, None, "not a GeoJSON Feature", "feature"))
            records.append({})
            geoms.append(None)
            continue
        props = feat.get("properties")
        if not isinstance(props, dict):
            problems.append(Problem(name, i, "properties", "missing or not an object", "feature"))
            props = {}
        records.append(props)
        if feat.get("geometry") is None and _may_be_null(spec, props):
            geoms.append(None)  # a place no source locates: kept, not drawn
            continue
        geoms.append(check_geometry(feat.get("geometry"), want, name, i, problems))
    return doc, records, geoms


def _may_be_null(spec: dict, props: dict) -> bool:
    """A resource may allow features without geometry when one property says so, e.g.
    ``"x-null-geometry": {"field": "location_precision", "value": "unknown"}``."""
    rule = spec.get("x-null-geometry")
    return isinstance(rule, dict) and props.get(rule.get("field")) == rule.get("value")


def check_geometry(geom: Any, want: str, name: str, i: int, problems: list[Problem]):
    if not isinstance(geom, dict) or "type" not in geom:
        problems.append(Problem(name, i, "geometry", "missing geometry", "feature"))
        return None
    gtype = geom.get("type")
    if want == "Point":
        if gtype != "Point":
            problems.append(Problem(name, i, "geometry", f"expected a Point, found {gtype!r}", "feature"))
            return None
        coords = geom.get("coordinates")
        ok = (isinstance(coords, list) and len(coords) in (2, 3)
              and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in coords))
        if not ok:
            problems.append(Problem(name, i, "geometry", f"coordinates must be [lon, lat], found {show_value(coords)}", "feature"))
            return None
        lon, lat = float(coords[0]), float(coords[1])
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            hint = ("; it looks like [lat, lon]: GeoJSON wants [lon, lat]"
                    if -90 <= lon <= 90 and -180 <= lat <= 180 else "")
            problems.append(Problem(name, i, "geometry", f"coordinates out of range: lon {lon}, lat {lat}{hint}", "feature"))
            return None
        return (lon, lat)
    if want == "LineString":
        if gtype not in ("LineString", "MultiLineString"):
            problems.append(Problem(name, i, "geometry", f"expected a LineString or MultiLineString, found {gtype!r}", "feature"))
            return None
        return geom
    if gtype not in ("Polygon", "MultiPolygon"):
        problems.append(Problem(name, i, "geometry", f"expected a Polygon or MultiPolygon, found {gtype!r}", "feature"))
        return None
    return geom
