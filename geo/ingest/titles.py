"""Draft titles: what a draft is about, in the record's own names, its type's words, and when.

A title names the mine by its ``name`` in ``mines.geojson`` and the mineral by its label in
``minerals.csv``, in English, whatever script the report used: a Korean report's halt at 무산광산
is titled "Iron ore from Musan mine: exports halted (March 2017)", not "철광석 from 무산광산: …". The
time is the date as its precision tells it (:func:`when_of`), as the record's own titles end ("… (October
2017)"): two drafts of one type and mineral are told apart by it, and the review writes it anew when the date is
edited (geo.ingest.review).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

_TYPE_WORDS = {
    "export_halt": "exports halted", "export_continued": "still exported",
    "import_suspension": "imports suspended", "sanction": "sanction",
    "investment_offer": "rights offered for investment", "trade_figure": "trade figure",
    "production_halt": "production halted", "smuggling": "smuggled", "export_resumed": "exports resumed",
    "deal_signed": "deal signed", "deal_collapsed": "deal collapsed", "discovery": "deposit announced",
    "production_change": "production changed", "designation": "designated", "infrastructure": "infrastructure built",
}

TITLE_MAX = 200


def subject(mines: Iterable[str], minerals: Iterable[str], names: Mapping[str, str]) -> str:
    """What a draft is about, from its mine and mineral ids and ``names`` (id → the record's name):
    "Copper, zinc from Hyesan Youth Copper Mine". An id the record lacks stands for itself (a mineral's
    with spaces for underscores); no mineral gives the mines alone, neither gives ''."""
    labels = [names.get(x, x.replace("_", " ")) for x in dict.fromkeys(minerals)]
    labels = labels[:1] + [n[:1].lower() + n[1:] for n in labels[1:]]  # one phrase: "Copper, zinc"
    places = ", ".join(names.get(m, m) for m in dict.fromkeys(mines) if m)
    if not labels:
        return places
    return ", ".join(labels) + (f" from {places}" if places else "")


def event_title(what: str, event_type: str, when: str = "") -> str:
    """A draft's title: what it is about, its type's words and when ("Copper from Hyesan mine: exports halted
    (March 2017)")."""
    return (f"{what}: {_TYPE_WORDS.get(event_type, event_type)}" + (f" ({when})" if when else ""))[:TITLE_MAX]


_WHEN_AFTER = re.compile(r" \([^()]*\)$")


def what_of(title: str) -> str:
    """What a title is about: the title without its type's words and its time, when it ends with them ("Coal: trade
    figure (2016)" gives "Coal"); a title without them (a lead's, "Coal") is all "what"."""
    what, sep, words = _WHEN_AFTER.sub("", title).rpartition(": ")
    return what if sep and (words in _TYPE_WORDS.values() or words in _TYPE_WORDS) else title


def when_of(date: str, precision: str, end_date: str = "") -> str:
    """A date as a title tells it, to its precision: "12 August 2020", "August 2020", "2020", "about 12 August 2020";
    with an end date after it, the span ("6–18 April 2022", "January–September 2020"); '' for no date."""
    try:
        a = dt.date.fromisoformat(str(date)[:10])
    except ValueError:
        return ""
    try:
        b = dt.date.fromisoformat(str(end_date)[:10]) if end_date else None
    except ValueError:
        b = None
    b = b if b is not None and b > a else None
    if precision == "year":
        return f"{a.year}–{b.year}" if b and b.year > a.year else str(a.year)
    if precision == "month":
        if b and (b.year, b.month) != (a.year, a.month):
            return (f"{a:%B}–{b:%B} {a.year}" if a.year == b.year else f"{a:%B} {a.year} – {b:%B} {b.year}")
        return f"{a:%B} {a.year}"
    day = f"{a.day} {a:%B} {a.year}"
    if b and precision == "day":
        if (b.year, b.month) == (a.year, a.month):
            return f"{a.day}–{b.day} {a:%B} {a.year}"
        return f"{a.day} {a:%B} – {b.day} {b:%B} {b.year}" if a.year == b.year else f"{day} – {b.day} {b:%B} {b.year}"
    return f"about {day}" if precision == "approximate" else day


def titled_anew(title: str, event_type: str, when: str) -> str:
    """The title with its type's words and time told anew, keeping what it is about (a title of the drafted form)."""
    return event_title(what_of(title), event_type, when)
