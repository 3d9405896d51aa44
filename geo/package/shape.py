"""The shape of the descriptor: every member the checks read has the JSON type they expect.

The descriptor drives validation (schemas, constraints, keys), so a member of the wrong type
(a list where a string belongs, a string where an object belongs, a bounding box of three
numbers) would otherwise surface as a crash deep in a check. Each function here returns the
problems of one part, each naming ``datapackage.json`` and the member's path
(``resources[2].schema.fields[4].constraints``); a resource with any such problem is left out
of validation (see :func:`geo.package.descriptor.usable_resources`).
"""

from __future__ import annotations

import math

from geo.package.problems import Problem

DESCRIPTOR = "datapackage.json"
#: Field types the checks know (:func:`geo.package.checks.check_field`).
FIELD_TYPES = ("string", "date", "number", "integer", "boolean", "list", "array")
GEOMETRIES = ("Point", "Polygon", "LineString")


def _str(v) -> bool:
    return isinstance(v, str)


def _strs(v) -> bool:
    """A name or a list of names (Frictionless allows both for keys)."""
    return isinstance(v, str) or (isinstance(v, list) and bool(v) and all(isinstance(x, str) for x in v))


def _num(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


_CONSTRAINTS = {
    "required": lambda v: isinstance(v, bool), "unique": lambda v: isinstance(v, bool),
    "enum": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "pattern": _str, "minimum": _num, "maximum": _num,
    "minLength": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
    "maxLength": lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0,
}
_WHEN = {"field": _str, "pattern": _str, "reason": _str,
         "required": lambda v: isinstance(v, bool), "empty": lambda v: isinstance(v, bool)}


def top_problems(desc: dict) -> list[Problem]:
    """Problems of the descriptor's own members (not its resources)."""
    out: list[Problem] = []

    def bad(field, reason):
        out.append(Problem(DESCRIPTOR, field=field, reason=reason))

    for key in ("name", "version"):
        if not desc.get(key):
            bad(key, "missing from the descriptor")
    for key in ("name", "version", "title", "created", "description", "homepage"):
        if key in desc and not isinstance(desc[key], str):
            bad(key, f"must be text, found {kind_of(desc[key])}")
    licences = desc.get("licenses")
    if not licences:
        bad("licenses", "missing from the descriptor")
    elif not (isinstance(licences, list) and all(isinstance(x, dict) for x in licences)):
        bad("licenses", f"must be a list of objects (name, title, path), found {kind_of(licences)}")
    else:
        for i, lic in enumerate(licences, start=1):
            for key in ("name", "title", "path"):
                if key in lic and not isinstance(lic[key], str):
                    bad(f"licenses[{i}].{key}", f"must be text, found {kind_of(lic[key])}")
    if "sources" in desc and not isinstance(desc["sources"], list):
        bad("sources", f"must be a list, found {kind_of(desc['sources'])}")
    if "x-region-bounds" in desc:
        rb = desc["x-region-bounds"]
        box = rb.get("bbox") if isinstance(rb, dict) else None
        if not (isinstance(box, list) and len(box) == 4 and all(_num(x) for x in box)
                and box[0] <= box[2] and box[1] <= box[3]):
            bad("x-region-bounds", "must be an object whose bbox is [west, south, east, north] (numbers)")
    res = desc.get("resources")
    if not res:
        bad("resources", "missing from the descriptor")
    elif not isinstance(res, list):
        bad("resources", f"must be a list, found {kind_of(res)}")
    return out


def region_bbox(desc: dict) -> list[float] | None:
    """The ``x-region-bounds`` bbox when :func:`top_problems` accepts it, else None."""
    rb = desc.get("x-region-bounds")
    box = rb.get("bbox") if isinstance(rb, dict) else None
    if isinstance(box, list) and len(box) == 4 and all(_num(x) for x in box):
        return box
    return None


def resource_problems(res, i: int) -> list[Problem]:
    """Problems of resource number ``i`` (1-based) of the descriptor."""
    out: list[Problem] = []
    at = f"resources[{i}]"

    def bad(field, reason):
        out.append(Problem(DESCRIPTOR, field=field, reason=reason))

    if not isinstance(res, dict):
        bad(at, f"must be an object, found {kind_of(res)}")
        return out
    if not _str(res.get("name")) or not _str(res.get("path")):
        bad(at, "needs a name and a path (text)")
        return out
    for key in ("format", "encoding", "mediatype", "description", "title", "x-geometry"):
        if key in res and not _str(res[key]):
            bad(f"{at}.{key}", f"must be text, found {kind_of(res[key])}")
    if res.get("format") == "geojson" and res.get("x-geometry", "Point") not in GEOMETRIES:
        bad(f"{at}.x-geometry", f"must be one of: {', '.join(GEOMETRIES)}")
    if "x-allow-empty" in res and not isinstance(res["x-allow-empty"], bool):
        bad(f"{at}.x-allow-empty", "must be true or false")
    if "x-null-geometry" in res and not (isinstance(res["x-null-geometry"], dict)
                                         and _str(res["x-null-geometry"].get("field"))):
        bad(f"{at}.x-null-geometry", "must be an object with a field (text) and a value")
    key = "x-schema" if res.get("format") == "geojson" else "schema"
    schema = res.get(key) or res.get("schema") or res.get("x-schema")
    if not isinstance(schema, dict):
        bad(at, "needs a schema (x-schema for GeoJSON) with a list of named fields")
        return out
    out += _schema_problems(schema, f"{at}.{key}")
    return out


def _schema_problems(schema: dict, at: str) -> list[Problem]:
    out: list[Problem] = []

    def bad(field, reason):
        out.append(Problem(DESCRIPTOR, field=field, reason=reason))

    fields = schema.get("fields")
    if not (isinstance(fields, list) and fields and all(isinstance(f, dict) and _str(f.get("name")) for f in fields)):
        bad(at, "needs a schema (x-schema for GeoJSON) with a list of named fields")
        return out
    names = [f["name"] for f in fields]
    for j, f in enumerate(fields, start=1):
        here = f"{at}.fields[{j}]"
        if f.get("type", "string") not in FIELD_TYPES:
            bad(f"{here}.type", f"{_show(f.get('type'))} is not one of: {', '.join(FIELD_TYPES)}")
        for key in ("delimiter", "x-vocabulary", "x-not-before", "description", "title", "format"):
            if key in f and not _str(f[key]):
                bad(f"{here}.{key}", f"must be text, found {kind_of(f[key])}")
        if f.get("delimiter") == "":
            bad(f"{here}.delimiter", "must not be empty")
        cons = f.get("constraints", {})
        if not isinstance(cons, dict):
            bad(f"{here}.constraints", f"must be an object, found {kind_of(cons)}")
        else:
            for name, ok in _CONSTRAINTS.items():
                if name in cons and not ok(cons[name]):
                    bad(f"{here}.constraints.{name}", f"{_show(cons[name])} is not a valid {name}")
        when = f.get("x-when", [])
        if not (isinstance(when, list) and all(isinstance(c, dict) for c in when)):
            bad(f"{here}.x-when", "must be a list of objects")
        else:
            for k, cond in enumerate(when, start=1):
                for name, ok in _WHEN.items():
                    if name in cond and not ok(cond[name]):
                        bad(f"{here}.x-when[{k}].{name}", f"{_show(cond[name])} is not a valid {name}")
                if "equals" in cond and isinstance(cond["equals"], (dict, list)):
                    bad(f"{here}.x-when[{k}].equals", "must be a single value")
    pk = schema.get("primaryKey")
    if pk is not None and not (_strs(pk) and all(n in names for n in ([pk] if isinstance(pk, str) else pk))):
        bad(f"{at}.primaryKey", "must name one or more fields of the schema")
    for key in ("foreignKeys", "x-foreignKeys"):
        fks = schema.get(key, [])
        if not isinstance(fks, list):
            bad(f"{at}.{key}", f"must be a list, found {kind_of(fks)}")
            continue
        for k, fk in enumerate(fks, start=1):
            ref = fk.get("reference") if isinstance(fk, dict) else None
            if not (isinstance(fk, dict) and _strs(fk.get("fields")) and isinstance(ref, dict)
                    and _strs(ref.get("fields")) and (ref.get("resource") is None or _str(ref.get("resource")))):
                bad(f"{at}.{key}[{k}]", "must be {fields, reference: {resource, fields}} with field names as text")
    return out


def kind_of(v) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}.get(
        type(v), "a number" if isinstance(v, (int, float)) else type(v).__name__)


def _show(v) -> str:
    text = repr(v)
    return text if len(text) <= 40 else text[:39] + "…"
