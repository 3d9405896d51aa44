"""Loading a package into a :class:`~geo.model.Dataset`, with the sanctions overlay on its view.

``load_dataset(path)`` validates the whole package first (through the validated cache of
:mod:`geo.package.cache`) and either returns a Dataset whose ``view`` carries each row's
sanction status (:func:`geo.rules.sanctions.annotate`, computed once here), or raises
:class:`~geo.package.DataError` listing every problem: never a partial load.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from geo.model.dataset import DEFAULT_DATA_DIR, Dataset, dataset_from_package
from geo.package import DataError, Problem
from geo.package.cache import validate_cached
from geo.package.read import read_text
from geo.rules.sanctions import annotate


def load_dataset(path: str | Path = DEFAULT_DATA_DIR) -> Dataset:
    """Validate and load the package at ``path``; raise DataError listing every problem."""
    path = Path(path)
    checked = validate_cached(path)
    if checked.problems:
        raise DataError(sorted(set(checked.problems), key=_problem_order))
    changelog = _changelog(path)
    ds = dataset_from_package(path, checked, changelog)
    return replace(ds, view=annotate(ds.view, ds.sanctions))


def _changelog(path: Path) -> str:
    """The package's CHANGELOG.md ("" if absent or empty); DataError if it is not UTF-8 text."""
    file = path / "CHANGELOG.md"
    if not file.exists() or (file.is_file() and file.stat().st_size == 0):
        return ""
    problems: list[Problem] = []
    text = read_text(file, "CHANGELOG.md", problems)
    if problems and not all(p.reason == "file is empty" for p in problems):
        raise DataError(problems)
    return text or ""


def _problem_order(p: Problem):
    return (p.file, -1 if p.row is None else p.row, p.field or "", p.reason)
