"""Validation of a data package against its own descriptor (``datapackage.json``).

Every check runs over every file before anything is returned, so one pass reports every
problem, each naming its file, row (or GeoJSON feature) and field.

What is checked: the descriptor itself (:mod:`geo.package.descriptor`); each file exists, is
a regular file inside the package, is not empty, is well-formed UTF-8 CSV or GeoJSON
(:mod:`geo.package.read`); the columns match the schema; types, constraints, ``x-not-before``,
conditional constraints (``x-when``), primary keys, foreign keys and vocabularies (:mod:`geo.package.checks`); Point coordinates in
range and inside the package's ``x-region-bounds``. A CSV resource may have a header and no
rows only when its descriptor says ``"x-allow-empty": true``.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

import geo.package.checks as checks
from geo.package.descriptor import (
    VOCABULARY,
    is_geojson,
    load_descriptor,
    schema_of,
    usable_resources,
)
from geo.package.problems import Problem
from geo.package.read import read_csv, read_geojson, read_text
from geo.package.shape import region_bbox


@dataclass
class ValidatedPackage:
    descriptor: dict
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    geometries: dict[str, list] = field(default_factory=dict)
    raw_geojson: dict[str, dict] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def validate_package(root: str | Path) -> ValidatedPackage:
    """Validate every file of the package at ``root``; never raises for bad data."""
    root = Path(root)
    problems: list[Problem] = []
    desc = load_descriptor(root, problems, read_text)
    out = ValidatedPackage(descriptor=desc or {}, problems=problems)
    if desc is None:
        return out
    bbox = region_bbox(desc)
    resources = usable_resources(root, desc)

    for rname, res in resources.items():
        with _unexpected(res["path"], problems):
            table = _validate_resource(root, rname, res, bbox, out)
            if table is not None:
                out.tables[rname] = table

    for rname, res in resources.items():
        if rname in out.tables:
            with _unexpected(res["path"], problems):
                checks.check_foreign_keys(out.tables, rname, res, resources, problems)
                checks.check_vocabulary(out.tables, rname, res, VOCABULARY, problems)
    return out


@contextlib.contextmanager
def _unexpected(fname: str, problems: list[Problem]):
    """Last line of defence: a check that trips over input nobody foresaw reports a problem
    naming the file, instead of a stack trace."""
    try:
        yield
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError,
            MemoryError) as exc:
        problems.append(Problem(fname, reason=f"could not be checked ({type(exc).__name__}: {str(exc)[:120]})"))


def _validate_resource(root: Path, rname: str, res: dict, bbox, out: ValidatedPackage) -> pd.DataFrame | None:
    problems = out.problems
    fname = res["path"]
    schema = schema_of(res)
    fields = schema["fields"]
    text = read_text(root / fname, fname, problems)
    if text is None:
        return None
    kind = "feature" if is_geojson(res) else "row"
    if is_geojson(res):
        doc, records, geoms = read_geojson(text, fname, res, problems)
        if doc is None:
            return None
        df = pd.DataFrame.from_records(records, columns=[f["name"] for f in fields])
        df = df.astype(object).where(pd.notna(df), None)
        for col in (f["name"] for f in fields if not any(f["name"] in r for r in records)):
            if checks.f_required(fields, col):
                problems.append(Problem(fname, field=col, reason="property missing from every feature"))
        if bbox and res.get("x-geometry", "Point") == "Point":
            w, s, e, n = bbox
            for i, g in enumerate(geoms, start=1):
                if g is not None and not (w <= g[0] <= e and s <= g[1] <= n):
                    problems.append(Problem(fname, i, "geometry",
                                            f"point (lon {g[0]}, lat {g[1]}) is outside the region {bbox}", "feature"))
        out.geometries[rname] = geoms
        out.raw_geojson[rname] = doc
    else:
        df = read_csv(text, fname, problems, allow_empty=bool(res.get("x-allow-empty")))
        if df is None:
            return None
        declared = [f["name"] for f in fields]
        for c in (c for c in declared if c not in df.columns):
            problems.append(Problem(fname, field=c, reason="column is missing"))
            df[c] = ""
        for c in (c for c in df.columns if c not in declared):
            problems.append(Problem(fname, field=c, reason="column is not in the schema"))
    typed = {fdef["name"]: checks.check_field(df, fdef, fname, kind, problems) for fdef in fields}
    table = pd.DataFrame(typed, index=df.index)
    checks.check_not_before(table, fields, fname, kind, problems)
    checks.check_when(table, fields, fname, kind, problems)
    checks.check_primary_key(df, schema, fname, kind, problems)
    return table
