"""Stage 8, review: drafts as an editable table and back (the CSV the command line prints: :mod:`geo.ingest.draft_csv`)."""

from __future__ import annotations

import math
from dataclasses import replace

from geo.ingest.accounts import draft_account
from geo.ingest.apply import cell_flag as _flag
from geo.ingest.apply import cell_text as _text
from geo.ingest.attribution import OFFICIAL_ACTS
from geo.ingest.drafts import Draft
from geo.ingest.events import _unique_id
from geo.ingest.review_table import (
    NEW_ID,
    REVIEW_EFFECTS,
    effect_of,
    follow_edits_in_table,
    retyped_confidence,
)
from geo.ingest.review_table import iso as _iso
from geo.ingest.reviewed_dates import fitted, misfit_date
from geo.ingest.titles import draft_case, event_title, retold, row_case, subject, what_of, when_of
from geo.package import Problem

#: (the review table's cells after an edit are geo.ingest.review_table's, told here too)
__all__ = ["NEW_ID", "REVIEW_EFFECTS", "effect_of", "follow_edits_in_table"]

#: Columns of the review table (the dashboard's "Add report" page): one row per draft × mine ×
#: mineral. ``draft`` is the draft's position in the extracted list; ``accept`` starts true for the
#: drafts the review proposes, false for a draft that repeats the record (``known``: what it
#: repeats) or that is marked to check (``check``: why; see :mod:`geo.ingest.certainty`).
REVIEW_COLUMNS = [
    "draft", "accept", "event_id", "mine_id", "mineral_id", "event_type", "effect", "date",
    "date_precision", "end_date", "value_usd", "quantity", "unit", "amount_qualifier", "confidence", "title",
    "actors", "place", "description", "anonymous_source", "date_basis", "notes", "known", "check", "evidence", "quote",
]


#: Fields that belong to the event (one value per event); rows of a draft that disagree on
#: any of them become separate events.
_EVENT_FIELDS = ("event_type", "effect", "date", "date_precision", "end_date", "value_usd", "quantity", "unit",
                 "amount_qualifier", "confidence", "title", "actors", "anonymous_source", "quote", "place", "description")
_NUMBERS = ("value_usd", "quantity")  # amounts: a number or empty
_TITLE = _EVENT_FIELDS.index("title")


REVIEW_FILE = "review table"
LEADS_FILE = "sentences with no draft"  # the leads' table (geo.ingest.leads)


def review_rows(drafts: list[Draft], first: int = 0) -> list[dict]:
    """The drafts as review-table rows, one per mine × mineral, dates as the record writes them
    (YYYY-MM-DD text, '' when none: a table edits them as text, not in the browser's own date format);
    ``draft`` counts from ``first`` (the leads' table follows the drafts')."""
    rows = []
    for i, d in enumerate(drafts, start=first):
        for mine in d.mines or [""]:
            for mineral in d.minerals or [""]:
                rows.append({
                    "draft": i, "accept": d.proposed, "event_id": d.event_id, "mine_id": mine,
                    "mineral_id": mineral, "event_type": d.event_type, "effect": d.effect,
                    "date": _iso(d.date), "date_precision": d.date_precision,
                    "end_date": _iso(d.end_date), "value_usd": d.value_usd, "quantity": d.quantity,
                    "unit": d.unit, "amount_qualifier": d.amount_qualifier, "confidence": d.confidence, "title": d.title, "actors": d.actors,
                    "place": d.place, "description": d.description,
                    "anonymous_source": bool(d.anonymous_source), "date_basis": d.date_basis, "notes": d.notes.strip(),
                    "known": d.known, "check": d.check, "evidence": d.evidence, "quote": d.recorded_evidence,
                })
    return rows


def ticked_repeats(rows: list[dict]) -> list[str]:
    """Of the review rows (both tables, as edited), each ticked one that repeats the record, in words ("Coal: trade
    figure: repeats event china-coal-imports-2016-wapo (2016-01-01)"): applying it would add the record's event
    a second time (the twenty-ninth trial applied one and nothing above the button said so)."""
    out = []
    for r in rows:
        if r.get("accept") is True and (known := _text(r.get("known"))):
            out.append(f"{_text(r.get('title')) or 'untitled'}: repeats {known}")
    return list(dict.fromkeys(out))  # one line for an event's rows (the forty-seventh trial saw one per mineral)


#: What a review table's date cell accepts (a JavaScript regular expression): YYYY-MM-DD, or empty (an
#: end date removed; a missing date is a problem Apply lists).
DATE_PATTERN = r"^(\d{4}-\d{2}-\d{2})?$"


def drafts_from_review(drafts: list[Draft], rows: list[dict],
                       names: dict[str, str] | None = None) -> tuple[list[Draft], list[Problem]]:
    """The reviewed drafts: only accepted rows, with the reviewer's edits; and what is missing.

    ``rows`` are review-table rows (see ``review_rows``), edited. Rows of one draft that agree
    on the event's fields stay one event; rows that disagree (another date, type, effect…)
    become their own event. A draft's links must be every mine × every mineral, so when a
    rejected row breaks that, the draft is split by mine. An event keeps its id when its mines,
    minerals, type and date are unchanged, and gets a new one otherwise. A lead (a draft with no
    type, :mod:`geo.ingest.leads`) becomes an event when its row is accepted with a type. Rows
    accepted without a mineral or a type, or no accepted row at all, are problems (file ``review
    table``, or ``sentences with no draft`` for a lead's row; rows counted from 1 in each table).

    What the reviewer did not edit follows what they did (:func:`_follow_edits`): a new type brings
    its effect, and a new type, mine or mineral rebuilds the title and place from ``names`` (mine
    and mineral id → name; the id when missing), so that an event is never written with the words
    of the draft it was corrected from.
    """
    problems: list[Problem] = []
    groups: dict[tuple, list[tuple[str, str]]] = {}
    first: dict = {}  # group key → the index of its first draft (a lead's key is its sentence)
    counts = {REVIEW_FILE: 0, LEADS_FILE: 0}
    for row in rows:
        try:
            index = int(row.get("draft"))
            base = drafts[index]
        except (TypeError, ValueError, IndexError):
            index, base = None, None
        table = LEADS_FILE if base is not None and not base.event_type else REVIEW_FILE
        counts[table] += 1
        n = counts[table]
        if not _flag(row.get("accept")):
            continue
        if base is None:
            problems.append(Problem(table, n, "draft", "this row does not belong to a drafted event"))
            continue
        mineral = _text(row.get("mineral_id"))
        if not mineral:
            problems.append(Problem(table, n, "mineral_id", "choose a mineral: every event is linked to one"))
            continue
        if not _text(row.get("event_type")):
            problems.append(Problem(table, n, "event_type", "choose an event type for this sentence's event"))
            continue
        if not _text(row.get("effect")) and not REVIEW_EFFECTS.get(_text(row.get("event_type"))):
            problems.append(Problem(table, n, "effect", "choose an effect: did output go up (increased) or down (reduced)?"
                                    if _text(row.get("event_type")) == "production_change" else "choose an effect"))
            continue
        fields = tuple(_flag(row.get(f)) if f == "anonymous_source" else _text(row.get(f)) for f in _EVENT_FIELDS)
        bad = [f for f, v in zip(_EVENT_FIELDS, fields, strict=True) if f in _NUMBERS and v and _number(v) is None]
        days = [f for f, v in zip(_EVENT_FIELDS, fields, strict=True) if f in ("date", "end_date") and v and _iso(v) != v]  # not a real day written YYYY-MM-DD
        unitless = ["unit"] if fields[_EVENT_FIELDS.index("quantity")] and not fields[_EVENT_FIELDS.index("unit")] else []
        misfit = [] if days else misfit_date(fields[_EVENT_FIELDS.index("date")], fields[_EVENT_FIELDS.index("date_precision")],
                                             base.date, base.date_precision)
        if bad or days or unitless or misfit:
            problems += [Problem(table, n, "date", why) for why in misfit]
            problems += [Problem(table, n, f, "an amount is a plain number (no commas or units)") for f in bad]
            problems += [Problem(table, n, f, "give the quantity's unit (t, barrels…), or clear the quantity")
                         for f in unitless]
            problems += [Problem(table, n, f, "not a day of the calendar: write YYYY-MM-DD (2019-02-28, not 2019-02-30)")
                         for f in days]
            continue
        key: int | tuple = index
        if not base.event_type:
            # leads of one sentence typed alike are one event, as a draft of it would be (each lead's own
            # title, as drafted or as the table retitled it, is not the reviewer's: the event is titled anew)
            key = ("lead", base.evidence)
            title, cells = fields[_TITLE], {**dict(zip(_EVENT_FIELDS, fields, strict=True)), "mine_id": row.get("mine_id")}
            if title in (base.title, event_title(base.title, fields[0], when_of(*fields[2:5]), row_case(cells))):
                fields = fields[:_TITLE] + ("",) + fields[_TITLE + 1:]
        first.setdefault(key, index)
        links = groups.setdefault((key, fields), [])
        if (link := (_text(row.get("mine_id")), mineral)) not in links:
            links.append(link)
    if not groups and not problems:
        problems.append(Problem(REVIEW_FILE, None, "accept", "no row is accepted: nothing to apply"))

    out: list[tuple[Draft, bool]] = []  # (draft, keeps its id)
    events_of = {}
    for key, _fields in groups:
        events_of[key] = events_of.get(key, 0) + 1
    for (key, fields), links in groups.items():
        base = drafts[first[key]]
        values = dict(zip(_EVENT_FIELDS, fields, strict=True))
        if not base.event_type and not values["title"]:
            values["title"] = base.title  # (retitled from the lead's, below)
        values.update({f: _number(values[f]) for f in _NUMBERS})
        values["date"], values["date_precision"] = fitted(values["date"], values["date_precision"], base.date,
                                                          base.date_precision)  # as Apply stores them
        by_mine: dict[str, list[str]] = {}
        for mine, mineral in links:
            by_mine.setdefault(mine, []).append(mineral)
        parts: dict[tuple, list[str]] = {}  # (mine-less?, minerals) -> mines
        for mine, minerals in by_mine.items():
            parts.setdefault((mine == "", tuple(minerals)), []).append(mine)
        dated = (values["date"], values["date_precision"]) != (base.date, base.date_precision)
        for (no_mine, minerals), mines in parts.items():
            d = replace(base, **values, mines=[] if no_mine else list(mines), minerals=list(minerals),
                        amounts=list(base.amounts), candidates=list(base.candidates))
            if dated:
                d.date_basis = "set by the reviewer"
            if not base.event_type:  # a lead the reviewer typed (geo.ingest.leads)
                _from_lead(d, base, dated, names or {})
            else:
                _follow_edits(d, base, names or {})
            same = (events_of[key] == 1 and len(parts) == 1 and d.mines == base.mines and d.minerals == base.minerals
                    and d.event_type == base.event_type and d.date == base.date)
            out.append((d, same))
    taken = {d.event_id for d, keep in out if keep}
    result = []
    for d, keep in out:
        if not keep or not d.event_id:
            d.event_id = _unique_id(d, taken)
            taken.add(d.event_id)
        result.append(d)
    return result, problems


def _number(text: str) -> float | None:
    """A table cell's amount as a number: None when empty or not a finite number."""
    try:
        x = float(text)
    except ValueError:
        return None
    return x if math.isfinite(x) else None


def _follow_edits(d: Draft, base: Draft, names: dict[str, str]) -> None:
    """The fields the reviewer left as drafted, brought in line with the ones they changed: the
    effect with a new type (unless the effect was edited too); the place with new mines (unless edited); the title
    with a new type, mine, mineral, date, amount or place (unless the title was edited: geo.ingest.titles), and the
    description likewise (geo.ingest.accounts); the notes say a confidence the reviewer chose is theirs."""
    retyped = d.event_type != base.event_type
    moved = d.mines != base.mines or d.minerals != base.minerals
    if retyped and d.effect == base.effect:
        d.effect = effect_of(d.event_type, base.evidence)
    if retyped and d.confidence == base.confidence:
        d.confidence = retyped_confidence(base.event_type, d.event_type, d.confidence, base) or d.confidence
    if d.mines != base.mines and d.place == base.place:
        d.place = "; ".join(names.get(m, m) for m in d.mines)
    when = when_of(d.date, d.date_precision, d.end_date)
    # the title the table showed for a new type, date or amount (review_table) is not the reviewer's own either
    if d.title == base.title or d.title == retold(d.title, d.event_type, when, draft_case(d)):
        d.title = event_title(subject(d.mines, d.minerals, names) if moved else what_of(base.title), d.event_type, when,
                              draft_case(d))
    if names and (d.description == base.description or d.description == draft_account(d, names)):
        d.description = draft_account(d, names)  # (told by the record's names: none given, left as drafted)
    if d.confidence != base.confidence:
        d.notes = (d.notes + f" Confidence {d.confidence}: set by the reviewer.").strip()


def _from_lead(d: Draft, lead: Draft, dated: bool, names: dict[str, str]) -> None:
    """A lead made an event: its effect (unless chosen), title and description (unless written) follow the type
    the reviewer gave; its notes say so."""
    d.effect = d.effect or effect_of(d.event_type, lead.evidence)
    if d.event_type in OFFICIAL_ACTS and d.confidence == lead.confidence:
        d.confidence = "official"
    when = when_of(d.date, d.date_precision, d.end_date)
    if d.title in (lead.title, event_title(lead.title, d.event_type, when, draft_case(d))) \
            or d.title == retold(d.title, d.event_type, when, draft_case(d)):  # not the reviewer's own words
        moved = (d.mines, d.minerals) != (lead.mines, lead.minerals)  # a mine or mineral the reviewer set
        what = subject(d.mines, d.minerals, names) if moved or not lead.title else lead.title
        d.title = event_title(what, d.event_type, when, draft_case(d))  # the lead's "what", the type's words, when
    d.check = ""
    if names and d.description in (lead.description, draft_account(d, names)):  # not one the reviewer wrote
        d.description = draft_account(d, names)
    d.notes = ("Typed by the reviewer from a sentence the extractor drafted no event from; date "
               + ("set by the reviewer." if dated else f"from {d.date_basis}."))


def problem_event(problem: Problem, drafts: list[Draft], events_before: int, links_before: int) -> str:
    """The id of the draft a problem from ``validate_drafts`` is about ('' if none).

    The drafts are appended after ``events_before`` events and ``links_before`` links, so a
    problem in a later row of events.csv or event_links.csv belongs to one of them.
    """
    if problem.row is None:
        return ""
    row = int(problem.row)
    if problem.file.endswith("event_links.csv"):
        k = row - links_before
        for d in drafts:
            n = len(d.link_rows())
            if 1 <= k <= n:
                return d.event_id
            k -= n
        return ""
    if problem.file.endswith("events.csv") and 1 <= row - events_before <= len(drafts):
        return drafts[row - events_before - 1].event_id
    return ""
