"""Stage 8, known: drafts that repeat what the record already holds.

Reports often restate background: the UN resolution behind a ban, China's import suspension of
the month before, an export halt an earlier report gave. Such a draft is right about the world
but adds nothing to the record, and an analyst would reject it. :func:`mark_known` says, per
draft, what it repeats (``Draft.known``); the review leaves those rows unticked and the command
line leaves them out of ``--apply`` unless asked.

A draft repeats the record when every one of its mine × mineral links does (or when its links at a mine, or at no
mine, all repeat one event there but for a mineral the event does not link: that event, told with a mineral more):

* a **measure** in sanctions.csv (for a ``sanction`` or ``import_suspension`` draft): the same
  mineral, adopted or in effect on a day the draft's date allows; China's, when the sentence names
  China's side acting and no other authority (China's commerce ministry banning imports under a UN
  resolution is China's measure, which the record keeps apart from the resolution, as China's notices
  of 2016 and 2017 are); an ``import_suspension`` is an importing side's act, never the UN's resolution;
  and a stop told as coming before a measure ("well before the Security Council voted") is not it;
* an **event** in events.csv: the same event type, mine (or none) and mineral, dated on a day the
  draft's date allows; for an event of a period (with an end date), a draft of one day repeats it only
  near its start: a day well inside the period is another event in it (an order to send cargoes back
  two months into a suspension).

A measure draft dated by the text (to the day or month), whose sentence names no authority but
China's, whose links repeat China's measures of one kind, and no other measure, takes that kind: the text's "ban" or
"halt" often leaves open whether it was a standing ban (``sanction``) or a stop for a stated while
(``import_suspension``, a measure whose action is ``suspension``); the record says (data/README.md,
"Event type").

The draft's date allows a window by its precision: its day (± 3 days: reports disagree by a day
or two on when a measure began); its month; its year; ± 31 days for an approximate date. A
recorded event stands for its own window (the view's ``date_start``..``date_end``: a month-precision
event is its whole month), and the two windows must meet; an event the record knows only by its year
is repeated only by a draft of that year, not by a dated one. The record's side is worked out once
per loaded dataset.
"""

from __future__ import annotations

import datetime as dt
import re

from geo.ingest.amounts import find_amounts
from geo.ingest.clauses import SCHEDULED
from geo.ingest.cue_words import FOR_A_WHILE, cargo_back
from geo.ingest.cues import named_sides
from geo.ingest.drafts import Draft
from geo.ingest.record_rows import MEASURE_TYPES
from geo.ingest.record_rows import amounts as _amounts
from geo.ingest.record_rows import day_of as _day
from geo.ingest.record_rows import record as _record
from geo.ingest.resolutions import resolution_numbers
from geo.ingest.ships import ships_named
from geo.ingest.sites import sites_named

#: A stop told as coming before a measure ("had been leaning on traders to stop buying ore well before the
#: Security Council voted", "even before U.N. sanctions") is not that measure told again.
EARLIER_THAN_MEASURE = re.compile(r"\b(?:even|well|long|weeks|months|days|already)\s+(?:\w+\s+)?before\b[^.;]{0,80}?"
                                  r"\b(?:sanctions?|resolutions?|bans?|vote[ds]?|voting|measures?|Security Council|U\.?N\.?)\b",
                                  re.IGNORECASE)


def window(date: str, precision: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a draft's date allows (None for a date that cannot be read)."""
    try:
        day = dt.date.fromisoformat(date)
    except (TypeError, ValueError):
        return None
    if precision == "month":
        first = day.replace(day=1)
        return first, (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    if precision == "year":
        return day.replace(month=1, day=1), day.replace(month=12, day=31)
    pad = 3 if precision == "day" else 31
    return day - dt.timedelta(days=pad), day + dt.timedelta(days=pad)


#: A record event in a draft's ``known`` text, as :func:`_event_rows` labels it: "event ID (DATE)".
_EVENT_LABEL = re.compile(r"\bevent ([\w.-]+) \(\d{4}-\d\d-\d\d\)")


def record_event_ids(known: str) -> list[str]:
    """The ids of the record's events a draft's ``known`` text names (not its measures), in order."""
    return list(dict.fromkeys(_EVENT_LABEL.findall(known or "")))


def repeats_of(d: Draft, ds) -> str:
    """What the record's rows a draft repeats, as :func:`mark_known` says it ('' when any link is new), without
    retyping it: for a row the reviewer retyped, relinked or redated in the review table."""
    span = window(d.date, d.date_precision)
    found = _repeats(d, span, *_record(ds)) if span is not None and d.minerals else None
    return "; ".join(dict.fromkeys(h["label"] for h in found)) if found else ""


def mark_known(drafts: list[Draft], ds) -> list[Draft]:
    """Set ``known`` on every draft that repeats a measure or event of ``ds`` (see the module
    docstring); one pass over the record's rows, grouped by mineral, then one lookup per link.
    Returns the drafts typed anew as the kind of measure they repeat."""
    measures, events = _record(ds)
    retyped = []
    for d in drafts:
        span = window(d.date, d.date_precision)
        if span is not None and d.minerals:
            found = _repeats(d, span, measures, events)
            d.known = "; ".join(dict.fromkeys(h["label"] for h in found)) if found else ""
            near = d.event_type == "sanction"  # a "ban" told days late; an order or a stop days after a ban is its own
            kinds = {m["type"] for x in d.minerals for m in measures.get(x, []) if _begun(m["days"], span, near)}
            kind = next(iter(kinds)) if len(kinds) == 1 else None  # (type, effect) of China's measures there
            if kind is not None and found and all(h.get("type") for h in found) and d.event_type != kind[0] \
                    and d.date_precision in ("day", "month") and named_sides(d.evidence) != (True, False) \
                    and not (kind[0] == "sanction" and FOR_A_WHILE.search(d.evidence)):
                # The text's "ban" or "halt" leaves open which kind of measure; the record says (data/README.md),
                # for a date the text gives (not the publication's), when the sentence names no authority but
                # China's and does not say "for a while"
                d.event_type, d.effect = kind
                d.notes += f" Typed as the record's measure it repeats ({d.known})."
                retyped.append(d)
            elif found and d.event_type == "sanction" and {h.get("action") for h in found} == {"cap"}:
                d.effect = "capped"  # the record's measure caps the trade it names ("결의 2321호": a cap on coal)
    return retyped


def _repeats(d: Draft, span, measures: dict, events: dict) -> list[dict] | None:
    """The record's row each of the draft's links repeats; None when one link is new, unless the others all repeat
    one event at that link's mine (then that event, its label saying which minerals it does not link)."""
    found, missing = [], []
    china_acts = named_sides(d.evidence) == (False, True)
    un_acts = named_sides(d.evidence) == (True, False)  # "a December 2016 U.N. Security Council resolution": not China's
    numbers = {f"UNSCR-{n}" for n in resolution_numbers(d.evidence)}  # a resolution it names ("Resolution 2321")
    earlier = d.before_measure  # a telling of it said it came before a measure (set per sentence by the extractor)
    scheduled = d.event_type in MEASURE_TYPES and SCHEDULED.search(d.evidence) is not None  # "… at midnight on September 5"
    day = _day(d.date)
    for mine in d.mines or [""]:
        for mineral in d.minerals:
            hit = None
            if d.event_type in MEASURE_TYPES and not earlier:
                held = [m for m in measures.get(mineral, []) if _begun(m["days"], span, d.event_type == "sanction", scheduled)
                        and not (china_acts and m["authority"] != "CN")
                        and not (d.event_type == "import_suspension" and m["authority"] == "UN")
                        and not (un_acts and d.event_type == "sanction" and m["authority"] == "CN")]
                named_one = [m for m in held if any(n in m["label"] for n in numbers)]
                hit = next(iter(named_one or held), None)  # the resolution the sentence names, when it names one
            undated = d.event_type in _DEALS and mine and d.date_basis.startswith("publication date") and day
            same = [e for e in events.get(mineral, []) if e["event_type"] == d.event_type
                    and (e["mine_id"] == mine or (not mine and d.event_type in _DEALS))
                    and (_meets(e["window"], span) or (undated and e["mine_id"] == mine and e["window"][0] <= day))
                    and not _other_period(d, e) and not _during(d, e, span) and not _other_ship(d, e)
                    and not _another_case(d, e, mine)]
            if d.event_type in _DEALS and day and d.date_precision != "day" and (named := [
                    e for e in events.get(mineral, []) if e["event_type"] == d.event_type
                    and e["window"][0] <= day <= e["window"][1] + _ACTOR_REACH
                    and (e["mine_id"] == mine or not mine) and _actor_named(e, d.evidence)]):
                # a deal told with no date of its own (or only a loose one), naming the firm of the record's deal:
                # that deal ("Xiyang says … then seizing the iron ore mine"), not another firm's of that season
                same = named
            # the nearest (a deal at a mine the report tells with no date is the record's deal there before it)
            # (a telling with no figure or cargo is the measure, not a cargo of that month the record gives its tonnage:
            # "China stopped importing North Korean coal in February" is the suspension of the 18th, not the cargo of the 13th)
            figured = bool(_amounts(d.quantity, d.unit, d.value_usd)) or cargo_back(d.evidence)  # (a cargo "turned away")
            again = _AGAIN.search(d.evidence) is not None  # "For the second time this year, … rejected a shipment": the
            panel = _PANEL.search(d.evidence) is not None  # the UN panel's account: its event, not another that year
            mine_figures = _amounts(d.quantity, d.unit, d.value_usd)  # (the event whose figure is the draft's, first)
            same = min(same, key=lambda e: (panel and "panel" not in e["text"],
                                            not (_same_figure(mine_figures, e["amounts"]) or _parts_of(d.evidence, e["amounts"])),
                                            figured != bool(e["amounts"]),  # latest of the season, not the first
                                            -e["window"][0].toordinal() if again else _distance(e, day))) if same and day \
                else next(iter(same), None)
            if day and hit is not None:  # the nearest to the draft's date: China's ban taking effect on the 15th, not
                # the UN's of the 5th; a cargo turned back on the 13th (the record's event), not the ban of the 18th
                hit = min([*(named_one or held), *([same] if same else [])], key=lambda x: _distance(x, day))
            hit = hit or same
            if hit is None:
                missing.append((mine, mineral))
                continue
            found.append(hit)
    if not missing:
        return found
    # a mine's event told with a mineral more ("동정광과 연·아연정광" where the record links copper and zinc): the
    # record's event at that mine, which the reviewer may link the mineral to, not another event
    events_hit = {h["label"] for h in found if h.get("event_type")}
    if not found or len(events_hit) != 1 or len(found) != len([h for h in found if h.get("event_type")]) \
            or any(mine != found[0]["mine_id"] or (not mine and d.event_type == "trade_figure") for mine, _x in missing):
        # (at a mine, or at none: "coal and iron" beside the record's coal case; not a figure: each mineral's is its own)
        return None
    return [{**found[0], "label": f"{found[0]['label']}, which does not link {', '.join(x for _m, x in missing)}"}]


#: The UN's panel of experts, or its monitors, named as the teller ("by independent sanctions monitors", 전문가 패널): of
#: the record's events of that season, the one its report told (the sixty-fourth trial was offered a Treasury advisory).
_PANEL = re.compile(r"\bpanel\b|\bmonitors\b|\bU\.?N\.? experts\b|전문가\s*패널|대북제재위", re.IGNORECASE)

#: An event told as a repeat of one before it: of the record's events its date allows, the latest.
_AGAIN = re.compile(r"\bfor the (?:second|third|fourth|fifth|\d+(?:nd|rd|th)) time\b|\bthe (?:second|third) such\b"
                    r"|두\s*번째|세\s*번째|재차|또다시", re.IGNORECASE)


#: A deal, an offer or a collapse is over a mine: told without it ("North Korea offered rare-earth rights to
#: China for solar plants"), it is the record's deal at a mine of that mineral and date told again.
_DEALS = ("deal_signed", "investment_offer", "deal_collapsed")


def _actor_named(e: dict, evidence: str) -> bool:
    """Does the sentence name one of the record event's actors by the first word of its name ("Xiyang" of "Xiyang
    Group")? Words that name no one in particular (DPRK, Chinese, Ministry …) are not read."""
    lower = evidence.lower()
    return any(re.search(rf"\b{re.escape(k)}\b", lower) for k in e.get("actor_keys", ()))


#: How long after the record's deal a telling naming its firm, with no date of its own, is taken to repeat it.
_ACTOR_REACH = dt.timedelta(days=400)
def _other_ship(d: Draft, e: dict) -> bool:
    """A draft whose sentence names a ship (geo.ingest.ships) is not a record event whose title, description, actors
    and evidence name none of its ships: the Dong Thanh's cargo is not the panel's count of barge shipments to Hangzhou
    Bay that season, though type, mineral and dates agree."""
    ships = ships_named(d.evidence)
    return bool(ships) and not any(s in e["text"] for s in ships)


def _another_case(d: Draft, e: dict, mine: str) -> bool:
    """A smuggling draft at no mine is not a record case told by whom it names (its actors: ships, firms) when its
    sentence names none of them: the trade at large of a season ("North Korea has taken advantage of … to export
    coal") is not the Sky Angel's and Rich Glory's cargoes of that month. A mine's case is known by its mine."""
    if d.event_type in _DEALS and not mine and d.actors and e.get("actor_keys") and not _actor_named(e, d.evidence) \
            and not (not _LATIN.search(d.actors) and d.date_precision == "day" and str(e.get("start")) == d.date):
        # a deal at no mine between firms the sentence names: not the record's deal of other firms that season; but a
        # firm named only in Hangul cannot be told from the record's Latin name, and a deal of the record's very day is
        # the record's (the fifty-ninth trial's "6월 9일 … 계약")
        return True
    if d.event_type == "smuggling" and e["amounts"] and _own_figure(_amounts(d.quantity, d.unit, d.value_usd), e["amounts"]) \
            and not _parts_of(d.evidence, e["amounts"]):
        return True  # a case of 1,590 t is not the panel's 3.7 million t of that year (the forty-eighth trial)
    if d.event_type == "smuggling" and not mine and e.get("tally") and not _TALLIED.search(d.evidence):
        return True  # one trader's cargoes of that season are not the panel's count of 23 shipments after the ban
    return d.event_type == "smuggling" and not mine and bool(e.get("actor_keys")) \
        and not _actor_named(e, f"{d.evidence} {d.actors}") \
        and not _its_ports(e, d.place)


def _its_ports(e: dict, place: str) -> bool:
    """Is the draft's place ports, every one of which the record's case names ("… reloaded onto the two ships and then
    brought to the South Korean ports of Incheon and Pohang last October" is the Sky Angel's and Rich Glory's cargoes,
    though it names no ship)?"""
    ports = [name for name, kind in sites_named(place) if kind == "port"]
    return bool(ports) and all(p.lower() in e["text"] for p in ports)


_LATIN = re.compile(r"[A-Za-z]")
#: A telling of a tally: a count of cases, or who counted them ("the panel", "monitors", 전문가패널).
_TALLIED = re.compile(r"\d[\d,.]*\s*(?:coal\s+|separate\s+|illicit\s+|illegal\s+)?(?:shipments?|ships|vessels|cases|cargoes|deliveries|voyages)\b"
                     r"|\b(?:panel|monitors|experts)\b|패널|전문가|\d+\s*(?:척|건|차례)", re.IGNORECASE)


def _other_period(d: Draft, e: dict) -> bool:
    """A trade figure of a month is not the year's figure, nor the year's a month's: their windows
    meet, but they are two figures (January's coal exports beside the year's); nor is a trade figure
    with an amount the record's figure has not (February's 1.23 million tons beside a share of trade
    the record holds for that month). Nor is a draft told with a
    day, a month or an approximate date the record's event known only by its year (a panel's "coal
    smuggling rose in 2018" beside a report of a shipment smuggled in August): the record does not say
    it was that one."""
    periods = {d.date_precision, e["precision"]}
    if e["precision"] == "year" and not e["period"] and d.date_precision != "year":
        return True
    if d.event_type == "trade_figure" and _own_figure(_amounts(d.quantity, d.unit, d.value_usd), e["amounts"]):
        return True  # a figure of its own (a tonnage beside the record's share of trade, or another tonnage)
    if d.event_type == "trade_figure" and d.end_date and e["period"] \
            and abs((dt.date.fromisoformat(d.end_date) - e["window"][1]).days) > _SAME_END:
        return True  # a quarter's figure is not the record's January-to-September figure (the sixty-fifth trial)
    return d.event_type == "trade_figure" and periods == {"month", "year"}


def _own_figure(mine: list[tuple[str, float]], theirs: list[tuple[str, float]]) -> bool:
    """Does a draft's figure differ from the record's? Each kind the two share must agree (a tonnage with the tonnage, a
    value with the value: the record's 22.48 million tonnes, with no value, is a report's "22 million tonnes, worth almost
    US$1.2 billion"). A value where the record gives only a tonnage (or the other way round) is the same month's trade
    told in the other measure, not another figure (the forty-sixth trial: "$20.26 million" of April's iron ore beside
    the record's 285,490 t was drafted anew, and no corroboration was offered)."""
    shared = [(k, a) for k, a in mine if any(k2 == k for k2, _b in theirs)]
    if mine and not shared:
        return False
    return any(not any(_close(a, b) for k2, b in theirs if k2 == k) for k, a in shared)


def _during(d: Draft, e: dict, span) -> bool:
    """A draft of a day or an approximate day whose window starts well inside a recorded period (a
    suspension from February to December: more than :data:`NEAR_START` days after its start) is another
    event in it (an order in April to send cargoes back), not the period told again; so is a month's
    smuggling case or figure (a ship held in March inside a panel's December-to-May count), but not a
    month of a lasting measure or stop (:data:`_STATES`). Near its start, or with a year, it is the period
    told again (reports differ by days on when a measure began)."""
    if not e["period"] or span[0] <= e["start"] + NEAR_START or d.date_precision == "year":
        return False
    return d.date_precision != "month" or d.event_type not in _STATES


#: A measure or a stop is a state that lasts: a month inside its recorded period is mostly the state told again
#: ("China's suspension, in June, …"); a smuggling case or a figure of a month inside a period is its own.
_STATES = ("import_suspension", "sanction", "export_halt", "production_halt")


NEAR_START = dt.timedelta(days=14)
_SAME_END = 31  # days: two spans of figures whose ends lie further apart are two periods


def _same_figure(mine: list[tuple[str, float]], theirs: list[tuple[str, float]]) -> bool:
    """Do the draft and the record give one figure of the same kind, close (US$370 million and the record's
    US$370,000,000; not the record's 2.8 million tonnes of that year)?"""
    return any(k == k2 and _close(a, b) for k, a in mine for k2, b in theirs)


def _parts_of(sentence: str, theirs: list[tuple[str, float]]) -> bool:
    """Do the sentence's figures by weight add up to the record's ("석탄 3만3028t과 선철 2010t" is the record's 35,038 t of
    coal and pig iron: the sixtieth trial's case was not flagged)? Only for two to five figures of one unit."""
    written = find_amounts(sentence)[3]
    if not 2 <= len(written) <= 5:
        return False
    parts = [find_amounts(w) for w in written]
    units = {p[2] for p in parts}
    if len(units) != 1 or any(p[1] is None for p in parts):
        return False
    total = _amounts(sum(p[1] for p in parts), units.pop(), None)
    return _same_figure(total, theirs)


def _close(a: float, b: float) -> bool:
    """The same figure, rounded as reports round it: within 2 %, or within the rounding of the rounder of the two (a
    report's "22 million tonnes" is the record's 22.48 million: half the place of its last digit, 0.5 million)."""
    return abs(a - b) <= max(0.02 * max(abs(a), abs(b)), _rounding(a), _rounding(b))


def _rounding(x: float) -> float:
    """Half the place value of the last non-zero digit of a whole figure of at least two digits (22,000,000: 500,000);
    0 for smaller or fractional figures (no rounding read into them)."""
    n = round(abs(x))
    if n < 10 or n != abs(x):
        return 0.0
    place = 1
    while n % 10 == 0:
        n, place = n // 10, place * 10
    return place / 2 if place > 1 else 0.0


def _inside(days: tuple[dt.date, ...], span: tuple[dt.date, dt.date]) -> bool:
    return any(span[0] <= day <= span[1] for day in days)


def _distance(row: dict, day: dt.date) -> int:
    """Days from a record's measure (its adoption or effective day) or event (its window) to ``day``."""
    if "days" in row:
        return min(abs((x - day).days) for x in row["days"])
    start, end = row["window"]
    return 0 if start <= day <= end else min(abs((start - day).days), abs((end - day).days))


def _begun(days: tuple[dt.date, ...], span: tuple[dt.date, dt.date], near: bool = False, scheduled: bool = False) -> bool:
    """Does a draft's window hold a measure's adoption or effective day, or (``near``: a ban told), narrow, start
    within :data:`NEAR_START` days after it? Reports differ by days on when a measure began (China's coal
    suspension of 18-19 February 2017 told as a ban "on Feb. 26"); a port's order days after a ban is its own. A stop
    told with the day it is scheduled for (``scheduled``: "will stop processing imports … at midnight on September 5")
    is the measure announced up to :data:`SCHEDULED_REACH` before it (China's announcement of 14 August 2017, whose
    imports ended on 5 September: the seventy-sixth trial found it offered as new)."""
    last = max(days)
    reach = SCHEDULED_REACH if scheduled else NEAR_START
    return _inside(days, span) or ((near or scheduled) and last < span[0] <= last + reach and span[1] - span[0] <= NEAR_START)


SCHEDULED_REACH = dt.timedelta(days=31)


def _meets(window_: tuple[dt.date, dt.date], span: tuple[dt.date, dt.date]) -> bool:
    return window_[0] <= span[1] and span[0] <= window_[1]
