"""The drafts as the CSV the command line prints (``python -m geo ingest``), one row per mine × mineral."""

from __future__ import annotations

import csv
import io

from geo.ingest.drafts import DRAFT_CSV_COLUMNS, Draft, _num


def drafts_csv(drafts: list[Draft]) -> str:
    """The drafts as CSV, one row per mine × mineral (mine_id empty for mineral-only events)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=DRAFT_CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    for d in drafts:
        for link in d.link_rows():
            w.writerow({
                "event_id": d.event_id, "mine_id": link["mine_id"], "mineral_id": link["mineral_id"],
                "date": d.date, "date_precision": d.date_precision, "end_date": d.end_date,
                "event_type": d.event_type, "effect": d.effect, "value_usd": _num(d.value_usd),
                "quantity": _num(d.quantity), "unit": d.unit, "amounts": "; ".join(d.amounts),
                "anonymous_source": "true" if d.anonymous_source else "false",
                "confidence": d.confidence, "place": d.place, "actors": d.actors, "date_basis": d.date_basis,
                "known": d.known, "estimate": "" if d.estimate is None else f"{d.estimate:.2f}",
                "check": d.check, "evidence": d.evidence, "quote": d.recorded_evidence, "title": d.title,
                "description": d.description, "notes": d.notes.strip(),
            })
    return buf.getvalue()
