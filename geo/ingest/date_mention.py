"""A date a sentence states, as the date rules find it (shared by the English and Korean rule tables)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    precision: str
    text: str
    start: int
    kind: str  # absolute, relative, attribution (the telling), comparison (a baseline)
    end_date: dt.date | None = None
