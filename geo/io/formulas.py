"""Spreadsheet formula neutralisation: the one place exports make text cells inert.

A cell that a spreadsheet would run as a formula starts with ``= + - @`` (or a full-width
``＝ ＋ － ＠``), possibly after leading spaces, tabs, line breaks, no-break or zero-width
spaces, or quotes; tab and carriage return also start one. Such a cell gets a leading
apostrophe. Checked in one vectorised regular expression per column.
"""

from __future__ import annotations

import re

import pandas as pd

#: Invisible or blank characters a spreadsheet may skip before a formula.
_LEAD = "\\s\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff\"'\u2018\u2019\u201c\u201d"
#: A formula start after optional invisible characters (or a leading tab / carriage return).
FORMULA_RE = re.compile(f"^(?:[{_LEAD}]*[=+\\-@\uff1d\uff0b\uff0d\uff20]|[\t\r])")


def neutralise(value):
    """Make a text cell inert in spreadsheets; leave everything else as it is."""
    if isinstance(value, str) and FORMULA_RE.match(value):
        return "'" + value
    return value


def neutralise_column(s: pd.Series) -> pd.Series:
    """:func:`neutralise` over a text column (vectorised)."""
    risky = s.str.match(FORMULA_RE.pattern).fillna(False).to_numpy(dtype=bool)
    return s.where(~risky, "'" + s) if risky.any() else s
