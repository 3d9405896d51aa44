"""Stage 8b, the review table after an edit: the cells the reviewer left alone shown as Apply will write them.

A reviewer edits one cell at a time; the cells drafted from it follow at once (:func:`follow_edits_in_table`), so
the table never shows a stale cell: a new type brings its effect and confidence, a new mine its place, and a title
or description still as drafted is told anew from the row (geo.ingest.titles, geo.ingest.accounts): its type, date,
amount and place as they now are. A cell the reviewer wrote is theirs and is left as written.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from geo.ingest.accounts import row_account
from geo.ingest.apply import cell_text as _text
from geo.ingest.attribution import OFFICIAL_ACTS, OWN_ACT
from geo.ingest.cues import EFFECTS
from geo.ingest.drafts import Draft
from geo.ingest.known import repeats_of
from geo.ingest.reviewed_dates import fitted
from geo.ingest.sides import EXPORT_RE, IMPORT_RE
from geo.ingest.titles import event_title, row_case, subject, what_of, when_of

#: The effect a type a reviewer chooses brings: the extractor's (cues.EFFECTS), and for the types whose effect
#: the extractor reads from the wording, the usual one (a sanction bans, a trade figure is of exports). A
#: production change has none: up or down is the reviewer's to say (Apply asks).
REVIEW_EFFECTS = {**EFFECTS, "sanction": "banned", "trade_figure": "exported"}

#: The event id cell of a row whose event Apply will give a new id (another type, date, mine or mineral).
NEW_ID = "(new at apply)"


#: The notes' first sentence, where the drafted date came from ("Date from '최근' in the sentence.").
_DATE_FROM = re.compile(r"^Date from .*?\.(?=\s+[A-Z]|$)")


def iso(value: str) -> str:
    """A draft's date as review-table text: YYYY-MM-DD, or '' when it has none (or not a day)."""
    try:
        return dt.date.fromisoformat(value).isoformat() if value else ""
    except ValueError:
        return ""


def retyped_confidence(old_type: str, new_type: str, confidence: str, base: Draft | None) -> str | None:
    """The confidence a row takes when the reviewer gives it another type and leaves its confidence: official for an
    authority's own act; reported when it was official only as the act it no longer is (the thirty-first trial); None
    (as it is) otherwise."""
    if new_type in OFFICIAL_ACTS:
        return "official"  # an authority's own act, as the extractor drafts it (geo.ingest.attribution)
    if confidence == "official" and old_type in OFFICIAL_ACTS and base is not None and OWN_ACT in base.notes:
        return "reported"
    return None


def effect_of(event_type: str, evidence: str) -> str:
    """The effect a row given ``event_type`` by the reviewer takes: the type's own (:data:`REVIEW_EFFECTS`), but a trade
    figure of goods the sentence tells as imports ("China's imports of North Korean coal …") is "imported" (the
    twenty-ninth trial: a row retyped to a trade figure of China's imports read "exported")."""
    if event_type == "trade_figure" and IMPORT_RE.search(evidence) and not EXPORT_RE.search(evidence):
        return "imported"
    return REVIEW_EFFECTS.get(event_type, "")


def row_when(row: dict) -> str:
    return when_of(_text(row.get("date")), _text(row.get("date_precision")), _text(row.get("end_date")))


def _drafted_title(title: str, row: dict) -> bool:
    """Is ``title`` as the table or the extractor would title ``row`` (not the reviewer's own words)? A lead's title,
    its "what" alone, is too while the row has no type."""
    if not _text(row.get("event_type")):
        return what_of(title) == title
    return title == event_title(what_of(title), _text(row.get("event_type")), row_when(row), row_case(row))


def _told(row: dict, base: Draft | None, names) -> str:
    """The account of ``row`` (geo.ingest.accounts), over its draft's mines and minerals while the row is one of the
    draft's links (the rows of one event tell it alike), else over its own."""
    if base is None or names is None:
        return ""
    link = (_text(row.get("mine_id")), _text(row.get("mineral_id")))
    linked = link[0] in (base.mines or [""]) and link[1] in base.minerals
    return row_account(row, base.teller, names, (base.mines, base.minerals) if linked else None)


def follow_edits_in_table(before: list[dict], after: list[dict], drafts: list[Draft],
                          names: dict[str, str] | None = None, record=None) -> tuple[list[dict], bool]:
    """Review-table rows ``after`` an edit, with the cells the reviewer left alone shown as Apply will write
    them (geo.ingest.review's ``_follow_edits`` and ``_from_lead``): a row given another type takes that type's effect
    (unless its effect was edited too) and confidence; a title still as drafted (:func:`_drafted_title`) is told anew
    from the row — its "what", type, amount, place and date (with ``names``, mine and mineral id → name, a row given
    another mine or mineral is titled by them, and given another mine takes its place) — and so is a description still
    as drafted (geo.ingest.accounts); a row whose type, date, mine or mineral now differs from its draft's shows
    :data:`NEW_ID` as its event id, and its draft's id again when put back; a date the reviewer set is said to be
    theirs ("Date from") and fitted to its precision as Apply will store it (a precision set anew moves the date shown
    to the month's or year's first day, a date typed there first included; a date typed finer makes the precision
    finer: each edit is fitted to the row as shown before it), and the draft's "Check" (why it may be wrong) is cleared
    once its type, mine or mineral is the reviewer's. ``before`` are the same rows before the edit, in the same order;
    with ``record`` (the dataset), a row no longer its draft's says what of the record it repeats ("Already in the
    record"), read again. A sanction or designation is an authority's own act: its confidence becomes ``official``
    (unless edited). Returns the rows and whether any cell changed."""
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
                    retyped_confidence(old_type, new_type, _text(row.get("confidence")), base) or row.get("confidence")
        link, old_link = ((_text(r.get("mine_id")), _text(r.get("mineral_id"))) for r in (row, old))
        if names is not None and link[0] != old_link[0] and _text(row.get("place")) == _text(old.get("place")):
            row["place"] = names.get(link[0], link[0]) if link[0] else ""  # a new mine's place, as Apply writes it
        if base is not None:  # the date as Apply will write it (geo.ingest.reviewed_dates), shown at once
            row["date"], row["date_precision"] = fitted(_text(row.get("date")), _text(row.get("date_precision")),
                                                        _text(old.get("date")), _text(old.get("date_precision")))
            dated = (_text(row.get("date")), _text(row.get("date_precision"))) != (iso(base.date), base.date_precision)
            row["date_basis"] = "set by the reviewer" if dated else base.date_basis
            if "notes" in row:  # how it was read: the date's words are no longer the date's (the seventy-sixth trial)
                row["notes"] = _DATE_FROM.sub("Date set by the reviewer.", base.notes.strip(), count=1) if dated \
                    else base.notes.strip()
        title = _text(old.get("title"))
        if new_type and _text(row.get("title")) == title and (_drafted_title(title, old) or base is not None and title == base.title):
            what = subject([link[0]] if link[0] else [], [link[1]] if link[1] else [], names) \
                if names is not None and link != old_link else what_of(title)
            row["title"] = event_title(what, new_type, row_when(row), row_case(row)) if what else ""
        said = _text(old.get("description"))
        if new_type and base is not None and names is not None and _text(row.get("description")) == said \
                and said in (_told(old, base, names), base.description):
            row["description"] = _told(row, base, names)  # a description as drafted tells the row as it now is
        linked = base is not None and link[0] in (base.mines or [""]) and link[1] in base.minerals  # a link it drafted
        same = linked and bool(base.event_type) and (new_type, _text(row.get("date"))) == (base.event_type, iso(base.date))
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
            "effect", "confidence", "title", "event_id", "date_basis", "check", "date", "date_precision", "known", "description", "place",
            "notes"))
        out.append(row)
    return out + [dict(r) for r in after[len(out):]], changed
