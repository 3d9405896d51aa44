"""Stage 9c, corroboration: a report that tells an event the record already holds is added to that event as a
further source (``corroborating_source_ids``), instead of a second copy of the event.

A draft the review marks as repeating a record event (:mod:`geo.ingest.known`) offers that event here. The reviewer
says, per event, whether the report is independent of the event's own source: a repost or an article relaying it is
not (data/README.md, "Confidence"). An independent report raises a ``reported`` event to ``corroborated``; an
``official`` one stays official. Nothing else of the event changes. The change is made by the apply
(:mod:`geo.ingest.apply`), logged with each event's fields as they were, and undone by the revert
(:mod:`geo.ingest.history`), which puts those fields back.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from geo.ingest.drafts import Draft, IngestError
from geo.ingest.known import record_event_ids

#: The two fields a corroboration changes.
FIELDS = ("corroborating_source_ids", "confidence")


@dataclass(frozen=True)
class Corroboration:
    """Add the report as a source of the record's event ``event_id``; ``independent``: not a repost or relay of it."""

    event_id: str
    independent: bool = False


def offered_corroborations(drafts: list[Draft] | list[dict], ds, ticked: list[dict] = ()) -> list[dict]:
    """The record's events the drafts repeat, once each in the order first met, as rows for the review: id, title,
    date, its source's publisher, confidence, and the draft's evidence that tells it again. ``drafts`` may be the
    review's rows as edited (their "known" cell follows a retyped or redated row, and a lead the reviewer typed);
    ``ticked``: rows of an earlier offer whose ticks carry over to the same events."""
    told: dict[str, str] = {}  # each record event the drafts repeat → the evidence that first tells it again
    for d in drafts:
        known, evidence = (d.get("known"), d.get("evidence")) if isinstance(d, dict) else (d.known, d.evidence)
        for eid in record_event_ids(str(known or "")):
            told.setdefault(eid, str(evidence or ""))
    if not told or ds.events.empty:  # (most reports, on every run of the page: the record is not read)
        return []
    events = ds.events.set_index("event_id")
    publishers = dict(zip(ds.sources["source_id"], ds.sources["publisher"], strict=True))
    before = {r.get("event_id"): r for r in ticked}
    rows = []
    for eid, evidence in told.items():
        if eid in events.index:
            e = events.loc[eid]
            old = before.get(eid, {})
            rows.append({"corroborate": old.get("corroborate") is True, "independent": old.get("independent") is True,
                         "event_id": eid, "title": str(e["title"]), "date": str(e["date"])[:10],
                         "source": publishers.get(e["source_id"], str(e["source_id"])),
                         "confidence": str(e["confidence"]), "evidence": evidence})
    return rows


def chosen_corroborations(rows: list[dict]) -> list[Corroboration]:
    """The corroborations the review's rows tick."""
    return [Corroboration(str(r["event_id"]), bool(r.get("independent") is True)) for r in rows if r.get("corroborate") is True]


def _ids(cell: str) -> list[str]:
    return [x for x in (s.strip() for s in (cell or "").split(";")) if x]


def plan(events_text: str, source_id: str, corroborations: list[Corroboration]) -> tuple[str, list[dict]]:
    """events.csv with ``source_id`` added to each chosen event, and the changes as the log keeps them (each event's
    id and its two fields before and after). Every other line stays byte for byte. Raises IngestError for an event
    the record does not hold, or one whose own source is this report."""
    wanted, changes = {c.event_id: c for c in corroborations}, []
    if not wanted:
        return events_text, []

    def add_source(r: dict) -> dict | None:
        c = wanted.pop(r.get("event_id", ""), None)
        if c is None:
            return None
        if r.get("source_id") == source_id:
            raise IngestError(f"event {c.event_id} already cites this report as its source; nothing written")
        before = {f: r.get(f, "") for f in FIELDS}
        ids = _ids(before["corroborating_source_ids"])
        if source_id in ids:
            raise IngestError(f"event {c.event_id} already lists this report among its sources; nothing written")
        after = {"corroborating_source_ids": ";".join([*ids, source_id]),
                 "confidence": "corroborated" if c.independent and before["confidence"] == "reported" else before["confidence"]}
        changes.append({"event_id": c.event_id, "before": before, "after": after})
        return after

    text = _rewritten(events_text, add_source)
    if wanted:
        raise IngestError(f"not in the record: event(s) {', '.join(sorted(wanted))}; nothing written")
    return text, changes


def undo(events_text: str, changes: list[dict]) -> tuple[str, list[str]]:
    """events.csv with each logged change put back where the event still has the fields the change gave it; the ids
    put back. An event changed since (or removed) is left as it is."""
    by_id, undone = {c["event_id"]: c for c in changes}, []

    def put_back(r: dict) -> dict | None:
        c = by_id.get(r.get("event_id", ""))
        if c is None or any(r.get(f, "") != c["after"].get(f, "") for f in FIELDS):
            return None
        undone.append(c["event_id"])
        return c["before"]

    return _rewritten(events_text, put_back), undone


def _rewritten(events_text: str, change) -> str:
    """events.csv with each row ``change`` gives new fields for (it returns them, or None to keep the row) written
    anew; every other line byte for byte."""
    lines = events_text.splitlines(keepends=True)
    reader = csv.reader(io.StringIO(events_text))
    header = next(reader)
    out, prev = lines[:reader.line_num], reader.line_num
    for row in reader:
        chunk, prev = lines[prev:reader.line_num], reader.line_num
        r = dict(zip(header, row, strict=False))
        fields = change(r)
        out.append("".join(chunk) if fields is None else _row_text(header, {**r, **fields}, chunk))
    return "".join(out)


def _row_text(header: list[str], row: dict, chunk: list[str]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow([row.get(h, "") for h in header])
    text = buf.getvalue()
    return text if "".join(chunk).endswith("\n") else text.rstrip("\n")


def describe(changes: list[dict]) -> str:
    """One line for the preview and the changelog: the events that gain the report as a source."""
    raised = [c["event_id"] for c in changes if c["before"]["confidence"] != c["after"]["confidence"]]
    return (f"{len(changes)} record event(s) gain this report as a corroborating source: "
            f"{', '.join(c['event_id'] for c in changes)}"
            + (f" (confidence reported → corroborated: {', '.join(raised)})" if raised else ""))
