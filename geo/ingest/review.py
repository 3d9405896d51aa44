"""Stage 8, review: drafts as an editable table and back (the CSV the command line prints: :mod:`geo.ingest.draft_csv`)."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import replace

from geo.ingest.apply import cell_text as _text
from geo.ingest.attribution import OFFICIAL_ACTS, OWN_ACT
from geo.ingest.cues import EFFECTS
from geo.ingest.drafts import Draft
from geo.ingest.events import _unique_id
from geo.ingest.known import repeats_of
from geo.ingest.reviewed_dates import fitted, misfit_date
from geo.ingest.sides import EXPORT_RE, IMPORT_RE
from geo.ingest.titles import event_title, subject, what_of, when_of
from geo.package import Problem

#: Columns of the review table (the dashboard's "Add report" page): one row per draft × mine ×
#: mineral. ``draft`` is the draft's position in the extracted list; ``accept`` starts true for the
#: drafts the review proposes, false for a draft that repeats the record (``known``: what it
#: repeats) or that is marked to check (``check``: why; see :mod:`geo.ingest.certainty`).
REVIEW_COLUMNS = [
    "draft", "accept", "event_id", "mine_id", "mineral_id", "event_type", "effect", "date",
    "date_precision", "end_date", "value_usd", "quantity", "unit", "amount_qualifier", "confidence", "title",
    "actors", "place", "description", "anonymous_source", "date_basis", "known", "check", "evidence", "quote",
]


#: Fields that belong to the event (one value per event); rows of a draft that disagree on
#: any of them become separate events.
_EVENT_FIELDS = ("event_type", "effect", "date", "date_precision", "end_date", "value_usd", "quantity", "unit",
                 "amount_qualifier", "confidence", "title", "actors", "anonymous_source", "quote", "place", "description")
_NUMBERS = ("value_usd", "quantity")  # amounts: a number or empty
_TITLE = _EVENT_FIELDS.index("title")


#: The effect a type a reviewer chooses brings: the extractor's (cues.EFFECTS), and for the types whose effect
#: the extractor reads from the wording, the usual one (a sanction bans, a trade figure is of exports). A
#: production change has none: up or down is the reviewer's to say (Apply asks).
REVIEW_EFFECTS = {**EFFECTS, "sanction": "banned", "trade_figure": "exported"}

REVIEW_FILE = "review table"
#: The description of a drafted event whose date the reviewer set (unless they wrote the description too).
DATE_SET_NOTE = "Draft from ingest; date set by the reviewer."
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
                    "anonymous_source": bool(d.anonymous_source), "date_basis": d.date_basis,
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


def _iso(value: str) -> str:
    """A draft's date as review-table text: YYYY-MM-DD, or '' when it has none (or not a day)."""
    try:
        return dt.date.fromisoformat(value).isoformat() if value else ""
    except ValueError:
        return ""


def _flag(value) -> bool:
    if value is None or str(value) in ("<NA>", "nan"):
        return False
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


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
            title = fields[_TITLE]
            if title in (base.title, event_title(base.title, fields[0], when_of(*fields[2:5]))):
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
                if d.description == base.description:  # (not one the reviewer wrote)
                    d.description = DATE_SET_NOTE
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


#: The sentence of a draft's description that says why it has its confidence ("Confidence official: the sentence
#: cites 해관."): up to the stop that ends the description or comes before the next sentence's capital.
_CONFIDENCE_SAID = re.compile(r"\s*Confidence [a-z]+: .*?\.(?=\s+[A-Z]|\s*$)")


def _retyped_confidence(old_type: str, new_type: str, confidence: str, base: Draft | None) -> str | None:
    """The confidence a row takes when the reviewer gives it another type and leaves its confidence: official for an
    authority's own act; reported when it was official only as the act it no longer is (the thirty-first trial); None
    (as it is) otherwise."""
    if new_type in OFFICIAL_ACTS:
        return "official"  # an authority's own act, as the extractor drafts it (geo.ingest.attribution)
    if confidence == "official" and old_type in OFFICIAL_ACTS and base is not None and OWN_ACT in base.description:
        return "reported"
    return None


def effect_of(event_type: str, evidence: str) -> str:
    """The effect a row given ``event_type`` by the reviewer takes: the type's own (:data:`REVIEW_EFFECTS`), but a trade
    figure of goods the sentence tells as imports ("China's imports of North Korean coal …") is "imported" (the
    twenty-ninth trial: a row retyped to a trade figure of China's imports read "exported")."""
    if event_type == "trade_figure" and IMPORT_RE.search(evidence) and not EXPORT_RE.search(evidence):
        return "imported"
    return REVIEW_EFFECTS.get(event_type, "")


def _follow_edits(d: Draft, base: Draft, names: dict[str, str]) -> None:
    """The fields the reviewer left as drafted, brought in line with the ones they changed: the
    effect with a new type (unless the effect was edited too); the title with a new type, mine or
    mineral (unless the title was edited); the place with new mines (unless edited); the description's reason for
    the confidence, with a confidence the reviewer chose."""
    retyped = d.event_type != base.event_type
    moved = d.mines != base.mines or d.minerals != base.minerals
    if retyped and d.effect == base.effect:
        d.effect = effect_of(d.event_type, base.evidence)
    if retyped and d.confidence == base.confidence:
        d.confidence = _retyped_confidence(base.event_type, d.event_type, d.confidence, base) or d.confidence
    drafted_what, when = what_of(base.title), when_of(d.date, d.date_precision, d.end_date)
    # the title the table showed for a new type or date (follow_edits_in_table) is not the reviewer's own either; the
    # drafted title told anew (unchanged when nothing it tells changed)
    if d.title in (base.title, event_title(drafted_what, d.event_type, when)):
        d.title = event_title(drafted_what if not moved else subject(d.mines, d.minerals, names), d.event_type, when)
    if d.mines != base.mines and d.place == base.place:
        d.place = "; ".join(names.get(m, m) for m in d.mines)
    if d.confidence != base.confidence and d.description == base.description:
        # the drafted reason for the old confidence is not the row's any more (the twenty-fifth trial: "Confidence
        # official: the sentence cites 해관" stayed on a row set to reported)
        d.description = _CONFIDENCE_SAID.sub("", d.description).rstrip() + f" Confidence {d.confidence}: set by the reviewer."


def _when(row: dict) -> str:
    return when_of(_text(row.get("date")), _text(row.get("date_precision")), _text(row.get("end_date")))


#: The event id cell of a row whose event Apply will give a new id (another type, date, mine or mineral).
NEW_ID = "(new at apply)"


def follow_edits_in_table(before: list[dict], after: list[dict], drafts: list[Draft],
                          names: dict[str, str] | None = None, record=None) -> tuple[list[dict], bool]:
    """Review-table rows ``after`` an edit, with the cells the reviewer left alone shown as Apply will write
    them (:func:`_follow_edits`, :func:`_from_lead`), so that the table never shows a stale cell: a row given
    another type takes that type's effect (unless its effect was edited too) and title (unless its title was
    edited: the same "what", the new type's words); a row whose type, date, mine or mineral now differs from
    its draft's shows :data:`NEW_ID` as its event id, and its draft's id again when put back; a date the reviewer
    set is said to be theirs ("Date from") and fitted to its precision as Apply will store it (a precision set anew moves
    the date shown to the month's or year's first day, a date typed there first included; a date typed finer makes the
    precision finer: each edit is fitted to the row as shown before it), and the draft's
    "Check" (why it may be wrong) is cleared once its type, mine or mineral is the reviewer's. ``before`` are the same
    rows before the edit, in the same order; with ``names`` (mine and mineral id → name), a row given another mine or
    mineral is titled anew by them, as Apply titles it; with ``record`` (the dataset), a row no longer its draft's says
    what of the record it repeats ("Already in the record"), read again. A sanction or designation is an authority's
    own act: its confidence becomes ``official`` (unless edited). Returns the rows and whether any cell changed."""
    out, changed = [], False
    for old, edited in zip(before, after, strict=False):
        row = dict(edited)
        new_type, old_type = _text(row.get("event_type")), _text(old.get("event_type"))
        try:
            base = drafts[int(row.get("draft"))]
        except (TypeError, ValueError, IndexError):
            base = None
        back = base is not None and new_type == base.event_type  # put back to the drafted type: its own cells
        if new_type and new_type != old_type:
            if _text(row.get("effect")) == _text(old.get("effect")):
                row["effect"] = base.effect if back else effect_of(new_type, _text(row.get("evidence")) or (base.evidence if base else ""))
            if _text(row.get("confidence")) == _text(old.get("confidence")):
                row["confidence"] = base.confidence if back else \
                    _retyped_confidence(old_type, new_type, _text(row.get("confidence")), base) or row.get("confidence")
            title = _text(old.get("title"))
            if _text(row.get("title")) == title:
                what = what_of(title)  # a lead's title is only its "what"; a type cleared on the way keeps its words
                row["title"] = base.title if back else event_title(what, new_type, _when(old)) if what else ""
        link, old_link = ((_text(r.get("mine_id")), _text(r.get("mineral_id"))) for r in (row, old))
        if names is not None and link[0] != old_link[0] and _text(row.get("place")) == _text(old.get("place")):
            row["place"] = names.get(link[0], link[0]) if link[0] else ""  # a new mine's place, as Apply writes it
        if names is not None and new_type and link != old_link and _text(row.get("title")) == _text(old.get("title")):
            row["title"] = event_title(subject([link[0]] if link[0] else [], [link[1]] if link[1] else [], names), new_type, _when(old))
        if base is not None:  # the date as Apply will write it (geo.ingest.reviewed_dates), shown at once
            row["date"], row["date_precision"] = fitted(_text(row.get("date")), _text(row.get("date_precision")),
                                                        _text(old.get("date")), _text(old.get("date_precision")))
            dated = (_text(row.get("date")), _text(row.get("date_precision"))) != (_iso(base.date), base.date_precision)
            row["date_basis"] = "set by the reviewer" if dated else base.date_basis
            if base.event_type and _text(row.get("description")) in (base.description, DATE_SET_NOTE):
                row["description"] = DATE_SET_NOTE if dated else base.description  # as Apply will write it
            if new_type and (t := _text(row.get("title"))) and t == event_title(what_of(t), new_type, _when(old)) != (
                    now := event_title(what_of(t), new_type, _when(row))):
                row["title"] = now  # a drafted title tells the date as now shown (geo.ingest.titles)
        linked = base is not None and link[0] in (base.mines or [""]) and link[1] in base.minerals  # a link it drafted
        same = linked and bool(base.event_type) and (new_type, _text(row.get("date"))) == (base.event_type, _iso(base.date))
        if base is not None and base.event_type and "event_id" in row:
            row["event_id"] = base.event_id if same else NEW_ID
            # the draft's estimate (why it may be wrong) was of the type, mine and mineral drafted
            row["check"] = base.check if linked and new_type == base.event_type else ""
        edited_now = [tuple(map(_text, map(r.get, ("event_type", "mine_id", "mineral_id", "date", "date_precision"))))
                      for r in (row, old)]
        if base is not None and record is not None and "known" in row and edited_now[0] != edited_now[1]:
            # read again on an edit only (the sixteenth trial's retyped row); a sentence with no draft typed too (the
            # eighteenth trial: a deal typed there repeated the record's, and nothing said so)
            row["known"] = base.known if same else "" if not new_type else repeats_of(replace(
                base, event_type=new_type, mines=[link[0]] if link[0] else [], minerals=[link[1]] if link[1] else [],
                date=_text(row.get("date")), date_precision=_text(row.get("date_precision"))), record)
        changed |= any(_text(row.get(f)) != _text(edited.get(f)) for f in (
            "effect", "confidence", "title", "event_id", "date_basis", "check", "date", "date_precision", "known", "description", "place"))
        out.append(row)
    return out + [dict(r) for r in after[len(out):]], changed


def _from_lead(d: Draft, lead: Draft, dated: bool, names: dict[str, str]) -> None:
    """A lead made an event: its effect (unless chosen), title (unless edited) and description
    follow the type the reviewer gave."""
    d.effect = d.effect or effect_of(d.event_type, lead.evidence)
    if d.event_type in OFFICIAL_ACTS and d.confidence == lead.confidence:
        d.confidence = "official"
    when = when_of(d.date, d.date_precision, d.end_date)
    if d.title in (lead.title, event_title(lead.title, d.event_type, when)):  # not the reviewer's own words
        moved = (d.mines, d.minerals) != (lead.mines, lead.minerals)  # a mine or mineral the reviewer set
        what = subject(d.mines, d.minerals, names) if moved or not lead.title else lead.title
        d.title = event_title(what, d.event_type, when)  # the lead's "what" ("Iron ore from Musan mine"), the type's words, when
    d.check = ""
    if d.description in (lead.description, DATE_SET_NOTE):  # not one the reviewer wrote
        d.description = ("Typed by the reviewer from a sentence the extractor drafted no event from; date "
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
