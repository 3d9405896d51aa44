"""Draft titles: what a draft is about, in the record's own names, its type's words, and when.

A title names the mine by its ``name`` in ``mines.geojson`` and the mineral by its label in
``minerals.csv``, in English, whatever script the report used: a Korean report's halt at 무산광산
is titled "Iron ore from Musan mine: exports halted (March 2017)", not "철광석 from 무산광산: …". The
time is the date as its precision tells it (:func:`when_of`), as the record's own titles end ("… (October
2017)"): two drafts of one type and mineral are told apart by it, and the review writes it anew when the date is
edited (geo.ingest.review).

After the type's words come the case's particulars, when the draft has them: its amount and, for a draft that names
no mine, its place ("Coal: smuggled, 8,201 t, in Pohang (June 2023)"). New users rewrote every title that said
nothing of the case ("which port, which shipment, how much"). The review tells a title still in this drafted form
anew from the row's cells when they change (:func:`retold`), so that it never names an amount the row no longer has.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping

from geo.ingest.cue_words import cargo_back
from geo.rules.trade import (
    QUALIFIER_WORDS,  # (the trade figures' hedges: "about", "at least", "at most")
)

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


def event_title(what: str, event_type: str, when: str = "", case: str = "") -> str:
    """A draft's title: what it is about, its type's words, the case's particulars (:func:`case_words`) and when
    ("Copper from Hyesan mine: exports halted (March 2017)", "Coal: smuggled, 8,201 t, in Pohang (June 2023)")."""
    return (f"{what}: {_TYPE_WORDS.get(event_type, event_type)}" + (f", {case}" if case else "")
            + (f" ({when})" if when else ""))[:TITLE_MAX]


_WORDS = "|".join(re.escape(w) for w in sorted({*_TYPE_WORDS.values(), *_TYPE_WORDS}, key=len, reverse=True))
#: A title of the drafted form: what, ": ", the type's words, then ", " and the case, then " (when)"; the first ": "
#: before a type's words ends the "what" (a case the reviewer typed may hold another).
_DRAFTED = re.compile(rf"(?P<what>.+?): (?:{_WORDS})(?:, (?P<case>[^()]*?))?(?: \([^()]*\))?")


def what_of(title: str) -> str:
    """What a title is about: the title without its type's words, its case and its time, when it is of the drafted
    form ("Coal: trade figure, 511,619 t (2016)" gives "Coal"); a title without them (a lead's, "Coal") is all "what"."""
    if len(title) > TITLE_MAX:  # (drafted titles are cut to TITLE_MAX: a longer one is the reviewer's, not searched)
        return title
    m = _DRAFTED.fullmatch(title)
    return m.group("what") if m else title


_UNIT = {"percent": "%", "%": "%"}
#: Types whose place is told in the title when no mine is (where a cargo went, whose imports stopped).
_PLACED = frozenset({"smuggling", "import_suspension", "export_halt", "export_continued", "export_resumed",
                     "trade_figure"})


def _figure(value) -> float | None:
    try:
        number = float(str(value).replace(",", "")) if value not in (None, "") else None
    except ValueError:
        return None
    return None if number is None or number != number else number  # (NaN is no figure)


def _plain(number: float) -> str:
    """8201 → "8,201"; 1200000 → "1.2 million"; 7.5 → "7.5"."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if abs(number) >= size:
            return f"{number / size:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    return f"{number:,.0f}" if number.is_integer() else f"{number:,.3f}".rstrip("0").rstrip(".")


def amount_words(quantity, unit, value_usd, qualifier: str = "") -> str:
    """An amount as a title or an account tells it: "8,201 t", "about US$5.85 million", "40%"; '' without one."""
    parts = []
    if (q := _figure(quantity)) is not None:
        unit = str(unit or "").strip()
        parts.append(_plain(q) + _UNIT.get(unit, f" {unit}" if unit else ""))
    if (v := _figure(value_usd)) is not None:
        parts.append(f"US${_plain(v)}")
    return (QUALIFIER_WORDS.get(str(qualifier or ""), "") + " and ".join(parts)) if parts else ""


def case_words(event_type: str, quantity=None, unit="", value_usd=None, qualifier="", place="", mined: bool = False,
               what: str = "", evidence: str = "") -> str:
    """The case's particulars a title tells after its type's words: the amount, and the place of a draft that names no
    mine (``mined``: a mine's place is its name, told already) for a type told by where it happened, unless ``what``
    the title is about names it ("Coal in Pyongyang"); '' for none. An importer's stop told by a cargo sent back
    (``evidence``: "China has returned a shipment of anthracite coal") says so: one cargo, not all imports."""
    parts = [amount_words(quantity, unit, value_usd, qualifier)]
    if event_type == "import_suspension" and evidence and cargo_back(evidence):
        parts.insert(0, "a cargo turned back")
    place = str(place or "").strip()
    if place and not mined and event_type in _PLACED and place not in what:
        parts.append(f"in {place}")
    return ", ".join(p for p in parts if p)


def row_case(row: dict) -> str:
    """:func:`case_words` of a review row's cells (geo.ingest.review)."""
    return case_words(str(row.get("event_type") or ""), row.get("quantity"), row.get("unit"), row.get("value_usd"),
                      row.get("amount_qualifier"), row.get("place"), bool(str(row.get("mine_id") or "").strip()),
                      what_of(str(row.get("title") or "")), str(row.get("evidence") or ""))


def draft_case(d) -> str:
    """:func:`case_words` of a draft's fields."""
    return case_words(d.event_type, d.quantity, d.unit, d.value_usd, d.amount_qualifier, d.place, bool(d.mines),
                      what_of(d.title), d.evidence)


def retold(title: str, event_type: str, when: str, case: str) -> str:
    """A title of the drafted form told anew with another type, time or case, keeping what it is about."""
    return event_title(what_of(title), event_type, when, case)


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


