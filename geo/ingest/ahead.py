"""Stage 4, dates told as ahead of the report: the words that point to a day or month to come ("from Sunday, Feb.
19", "until Dec. 31", "will reopen in May"), and a month/day without a year resolved with them (:mod:`geo.ingest.dates`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import re

#: Words that point ahead to a day a measure starts or ends ("from Sunday, Feb. 19", "effective
#: March 1", "until Dec. 31"): such a day may come after the publication date.
FORWARD_BEFORE = re.compile(r"\b(?P<w>from|starting(?: on| from)?|beginning(?: on)?|effective(?: from| on)?|as of|"
                            r"(?:begins|starts|takes effect|will (?:begin|start|take effect))(?: on| from)?|"
                            r"until|till|through|by)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?$",
                            re.IGNORECASE)


#: A past verb of telling just before the day ("announced Saturday", "said on Monday"): the day is past, whatever
#: future the statement told.
_TOLD_BEFORE = re.compile(r"\b(?:announced|said|told|reported|stated|declared|confirmed|disclosed|revealed|wrote|noted"
                          r"|added|explained|published|released)\s+(?:on\s+)?$", re.IGNORECASE)


#: A future told before a day with no year: "will sign on", "are likely to conclude … on", "is due to".
FUTURE_BEFORE = re.compile(r"\b(?:will|shall|(?:is|are)\s+(?:\w+ly\s+)?(?:likely|expected|set|due|scheduled|slated|"
                           r"going)\s+to|plans?\s+to|(?:is|are)\s+to|(?:has|have)\s+agreed\s+to|intends?\s+to|takes?\s+effect)\b", re.IGNORECASE)


def pointed_ahead(sentence: str, start: int) -> str:
    """'until' (an end: the next such day), 'from' (a start: the nearest such day) or ''."""
    m = FORWARD_BEFORE.search(sentence, max(0, start - 40), start)
    if m is None:  # told as ahead ("are likely to conclude the deal on Feb. 15"): the nearest such day
        if _TOLD_BEFORE.search(sentence, max(0, start - 30), start):
            return ""  # "China will suspend all imports …, the Commerce Ministry announced Saturday": when it was told
        return "from" if FUTURE_BEFORE.search(sentence, max(0, start - 120), start) else ""
    # "by" looks either way ("By November 29, mines had overfulfilled"; "must finish by March 1"): the nearest
    return "until" if m.group("w").lower() in ("until", "till", "through") else "from"


def month_day(month: int, day: int, pub: dt.date, ahead: str = "") -> dt.date | None:
    """A month/day without a year: the latest on or before the publication date (a report looks
    back); after a word pointing ahead, the nearest to it ('from Feb. 19' in a report of Feb. 18)
    or, for an end ('until Dec. 31'), the first on or after it."""
    if not ahead:
        return latest(month, day, pub)
    days = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        with contextlib.suppress(ValueError):
            days.append(dt.date(year, month, day))
    if ahead == "until":
        return min((d for d in days if d >= pub), default=None)
    return min(days, key=lambda d: (abs((d - pub).days), d > pub), default=None)


def latest(month: int, day: int, pub: dt.date) -> dt.date | None:
    """The latest month/day on or before the publication date (a report looks back)."""
    for year in (pub.year, pub.year - 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d <= pub:
            return d
    return None
