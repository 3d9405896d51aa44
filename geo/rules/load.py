"""Loading a package into a :class:`~geo.model.Dataset`, with the sanctions overlay on its view.

``load_dataset(path)`` either returns a Dataset whose ``view`` carries each row's sanction
status (:func:`geo.rules.sanctions.annotate`, computed once here), or raises
:class:`~geo.package.DataError` listing every problem: never a partial load.

Fast path: a package whose content (every file, hashed) was loaded before comes from the
validated cache (:mod:`geo.package.cache`) without re-reading or re-checking its CSVs. Any
change of content misses the cache and goes through full validation.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from geo.model.dataset import (
    DEFAULT_DATA_DIR,
    Dataset,
    dataset_frames,
    dataset_from_frames,
    dataset_from_package,
)
from geo.package import DataError, Problem, cache, validate_package
from geo.package.descriptor import DESCRIPTOR, load_descriptor, usable_resources
from geo.package.read import read_text
from geo.rules.sanctions import annotate

CHANGELOG = "CHANGELOG.md"


def load_dataset(path: str | Path = DEFAULT_DATA_DIR, *, use_cache: bool = True) -> Dataset:
    """Validate and load the package at ``path``; raise DataError listing every problem."""
    path = Path(path)
    key = _cache_key(path) if use_cache else None
    if key:
        hit = cache.read(path, key)
        if hit is not None:
            return dataset_from_frames(path, *hit)
    checked = validate_package(path)
    if checked.problems:
        raise DataError(sorted(set(checked.problems), key=_problem_order))
    changelog = _changelog(path)
    try:
        ds = dataset_from_package(path, checked, changelog)
        ds = replace(ds, view=annotate(ds.view, ds.sanctions))
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError) as exc:
        # Valid against its own descriptor, but the descriptor does not declare what the
        # dashboard reads (a resource or field missing, a date declared as text...).
        raise DataError([Problem(DESCRIPTOR, reason="the package does not have the resources and field types this "
                                                    f"dashboard reads ({type(exc).__name__}: {str(exc)[:120]})")]) from None
    if key:
        cache.write(path, key, *dataset_frames(ds))
        hit = cache.read(path, key)  # the same types on a first load as on every later one
        if hit is not None:
            return dataset_from_frames(path, *hit)
    return ds


def _cache_key(path: Path) -> str | None:
    """The content key of the package, or None when its descriptor has any problem (then full
    validation reports it). Only files that pass the containment check are hashed."""
    problems: list[Problem] = []
    desc = load_descriptor(path, problems, read_text)
    if desc is None or problems:
        return None
    files = [r["path"] for r in usable_resources(path, desc).values()]
    try:
        return cache.package_key(path, [*files, CHANGELOG])
    except OSError:
        return None


def _changelog(path: Path) -> str:
    """The package's CHANGELOG.md ("" if absent or empty); DataError if it is not UTF-8 text."""
    file = path / CHANGELOG
    if not file.exists() or (file.is_file() and file.stat().st_size == 0):
        return ""
    problems: list[Problem] = []
    text = read_text(file, CHANGELOG, problems)
    if problems and not all(p.reason == "file is empty" for p in problems):
        raise DataError(problems)
    return text or ""


def _problem_order(p: Problem):
    return (p.file, -1 if p.row is None else p.row, p.field or "", p.reason)
