"""A date a sentence states, as the date rules find it (shared by the English and Korean rule tables)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    precision: str
    text: str
    start: int
    kind: str  # absolute, relative, attribution (the telling), comparison (a baseline)
    end_date: dt.date | None = None


def month_end(y: int, m: int) -> dt.date:
    """The last day of month ``m`` of year ``y`` (shared by the English and Korean date rules and the event dates)."""
    return dt.date(y, m, calendar.monthrange(y, m)[1])


#: A date in brackets right after a resolution's number is the resolution's own ("결의 2371호(2017년 8월 5일)",
#: "Resolution 2371 (Aug. 5, 2017)"): not the date of another event the sentence tells, nor the date later sentences
#: go on from.
_RESOLUTION_DAY = re.compile(r"(?:결의(?:안)?|[Rr]esolution|UNSCR)\s*(?:제\s*)?\d{3,4}\s*호?\s*\(\s*$")


def resolutions_day(text: str, d: DateMention) -> bool:
    """Is ``d`` the date of the resolution named just before it, in brackets?"""
    return _RESOLUTION_DAY.search(text, max(0, d.start - 40), d.start) is not None
