"""Validated cache: placeholder (filled in below)."""

from __future__ import annotations

from pathlib import Path

from geo.package.validate import ValidatedPackage, validate_package


def validate_cached(root: Path) -> ValidatedPackage:
    return validate_package(root)
