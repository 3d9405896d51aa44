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

from pathlib import Path

from geo.package.problems import Problem
from geo.package.read import parse_json
from geo.package.shape import kind_of, resource_problems, top_problems

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
    """The resource's file, or None when its path leaves the package folder.

    The one containment check of the project: every reader and writer of a file named by the
    descriptor (validation, the cache key, ingest apply) goes through it."""
    return contained(root, res.get("path"))


def contained(root: Path, raw) -> Path | None:
    """``root / raw`` resolved (links followed), or None unless it is strictly inside ``root``:
    empty, absolute, ``..`` that climbs out, a link pointing outside, a NUL byte are refused."""
    if not isinstance(raw, str) or not raw or "\0" in raw or Path(raw).is_absolute():
        return None
    try:
        base = Path(root).resolve()
        path = (base / raw).resolve()
    except (OSError, ValueError, RuntimeError):
        return None
    return path if path != base and path.is_relative_to(base) else None


def load_descriptor(root: Path, problems: list[Problem], read_text) -> dict | None:
    """The descriptor as a dict, with its structural problems appended (None if unusable)."""
    text = read_text(root / DESCRIPTOR, DESCRIPTOR, problems)
    if text is None:
        return None
    desc = parse_json(text, DESCRIPTOR, problems)
    if desc is None:
        return None
    if not isinstance(desc, dict):
        problems.append(Problem(DESCRIPTOR, reason=f"must be a JSON object, found {kind_of(desc)}"))
        return None
    problems += top_problems(desc)
    if not isinstance(desc.get("resources"), list):
        return None
    for i, res in enumerate(desc["resources"], start=1):
        found = resource_problems(res, i)
        problems += found
        if not found and resource_path(root, res) is None:
            problems.append(Problem(DESCRIPTOR, field=f"resources[{i}].path",
                                    reason=f"{res['path']!r} is not a file inside the package folder"))
    return desc


def usable_resources(root: Path, desc: dict) -> dict[str, dict]:
    """name → resource, for the resources that passed :func:`load_descriptor`'s checks."""
    out = {}
    for i, res in enumerate(desc.get("resources", []), start=1):
        if not resource_problems(res, i) and resource_path(root, res) is not None:
            out[res["name"]] = res
    return out
