"""The package descriptor (``datapackage.json``): reading it and finding its resources.

The descriptor is a valid Frictionless Data Package. Tabular resources (CSV) carry a
Frictionless ``schema``; GeoJSON resources are plain JSON data for Frictionless and carry the
schema of their feature properties as ``x-schema``, which this project's validation reads
like a table schema. References Frictionless cannot check (items of list fields, GeoJSON
tables) are declared as ``x-foreignKeys``.

Every resource path must resolve inside the package folder: an absolute path, a ``..`` that
climbs out or a link that points outside is refused, never read.
"""

from __future__ import annotations

import json
from pathlib import Path

from geo.package.problems import Problem

DESCRIPTOR = "datapackage.json"
#: The resource that holds the vocabulary (kind, code, label, colour, order, meaning).
VOCABULARY = "vocabulary"


def schema_of(res: dict) -> dict:
    """The table schema of a resource: ``schema`` (CSV) or ``x-schema`` (GeoJSON properties)."""
    schema = res.get("schema") or res.get("x-schema") or {}
    return schema if isinstance(schema, dict) else {}


def is_geojson(res: dict) -> bool:
    return res.get("format") == "geojson"


def resource_path(root: Path, res: dict) -> Path | None:
    """The resource's file, or None when its path leaves the package folder."""
    raw = res.get("path")
    if not isinstance(raw, str) or not raw or Path(raw).is_absolute():
        return None
    base = root.resolve()
    path = (base / raw).resolve()
    return path if path.is_relative_to(base) else None


def load_descriptor(root: Path, problems: list[Problem], read_text) -> dict | None:
    """The descriptor as a dict, with its structural problems appended (None if unusable)."""
    text = read_text(root / DESCRIPTOR, DESCRIPTOR, problems)
    if text is None:
        return None
    try:
        desc = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:
        where = f" at line {exc.lineno}, column {exc.colno}: {exc.msg}" if isinstance(exc, json.JSONDecodeError) else ""
        problems.append(Problem(DESCRIPTOR, reason=f"malformed JSON{where}"))
        return None
    if not isinstance(desc, dict):
        problems.append(Problem(DESCRIPTOR, reason=f"must be a JSON object, found {type(desc).__name__}"))
        return None
    for key in ("name", "version", "licenses", "resources"):
        if not desc.get(key):
            problems.append(Problem(DESCRIPTOR, field=key, reason="missing from the descriptor"))
    for key in ("name", "version", "title", "created"):
        if key in desc and not isinstance(desc[key], str):
            problems.append(Problem(DESCRIPTOR, field=key, reason="must be text"))
    licences = desc.get("licenses")
    if licences is not None and not (isinstance(licences, list) and all(isinstance(x, dict) for x in licences)):
        problems.append(Problem(DESCRIPTOR, field="licenses", reason="must be a list of objects (name, title, path)"))
    if not isinstance(desc.get("resources"), list):
        if "resources" in desc:
            problems.append(Problem(DESCRIPTOR, field="resources", reason="must be a list"))
        return None
    for i, res in enumerate(desc["resources"], start=1):
        if not isinstance(res, dict) or not isinstance(res.get("name"), str) or not isinstance(res.get("path"), str):
            problems.append(Problem(DESCRIPTOR, field=f"resources[{i}]", reason="needs a name and a path"))
            continue
        schema = schema_of(res)
        if not isinstance(schema.get("fields"), list) or not all(
                isinstance(f, dict) and isinstance(f.get("name"), str) for f in schema["fields"]):
            problems.append(Problem(DESCRIPTOR, field=f"resources[{i}]",
                                    reason="needs a schema (x-schema for GeoJSON) with a list of named fields"))
        if resource_path(root, res) is None:
            problems.append(Problem(DESCRIPTOR, field=f"resources[{i}].path",
                                    reason=f"{res['path']!r} is not a file inside the package folder"))
    return desc


def usable_resources(root: Path, desc: dict) -> dict[str, dict]:
    """name → resource, for the resources that passed :func:`load_descriptor`'s checks."""
    out = {}
    for res in desc.get("resources", []):
        if (isinstance(res, dict) and isinstance(res.get("name"), str) and isinstance(res.get("path"), str)
                and isinstance(schema_of(res).get("fields"), list) and resource_path(root, res) is not None
                and all(isinstance(f, dict) and isinstance(f.get("name"), str) for f in schema_of(res)["fields"])):
            out[res["name"]] = res
    return out
