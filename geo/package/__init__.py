"""The data package layer: descriptor, reading, row checks and problems (no other geo imports)."""

from geo.package import cache
from geo.package.descriptor import DESCRIPTOR
from geo.package.problems import DataError, Problem
from geo.package.validate import ValidatedPackage, validate_package

__all__ = ["DESCRIPTOR", "cache", "DataError", "Problem", "ValidatedPackage", "validate_package"]
