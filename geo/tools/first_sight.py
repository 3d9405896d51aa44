"""The drafts each labelled set got at first sight (``tests/ingest_first_sight.csv``), judged against its labels.

``scripts/first_sight_drafts.py`` wrote them, each set's from the extractor of the commit it was first
scored at, before any rule looked at it: what a reviewer of a report from a new source is offered. The
certainty fit (:mod:`geo.tools.fit_certainty`) calibrates on them, and the type reader's fit
(:mod:`geo.tools.fit_types`) reports on them.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

from geo.ingest.drafts import Draft
from geo.ingest.evalset import SETS, within
from geo.model.dataset import DEFAULT_DATA_DIR

ROOT = DEFAULT_DATA_DIR.parent
FIRST_SIGHT = ROOT / "tests" / "ingest_first_sight.csv"
#: The newest sets, fitted on by neither the certainty fit nor the type reader: the check (blind set 25,
#: the check before, was read in the round after its own).
CHECK_SETS: tuple[str, ...] = ("blind set 30", "blind set 39", "blind set 40", "blind set 42", "blind set 43",
                               "blind set 44", "blind set 45", "blind set 46",
                               "blind set 47", "blind set 48", "blind set 49", "blind set 50", "blind set 51",
                               "blind set 52", "blind set 53", "blind set 54",
                               "blind set 55", "blind set 56", "blind set 57", "blind set 58",
                               "blind set 59", "blind set 60", "blind set 61", "blind set 62")


@dataclass(frozen=True)
class Link:
    """One drafted (mine, mineral) link of a first-sight draft."""

    set_name: str
    draft: Draft
    pair_right: bool  # a labelled event of its report has this mine and mineral
    right: bool  # ... and this type
    as_is: bool  # ... and a date within that label's precision


def links(path: Path = FIRST_SIGHT) -> list[Link]:
    """Each link of each first-sight draft that is new to the record (the review leaves known ones out)."""
    names = {folder.name: name for name, folder in SETS}
    with path.open(encoding="utf-8", newline="") as f:
        stored = list(csv.DictReader(f))
    labels: dict[tuple[str, str], list[dict]] = {}
    for folder in dict.fromkeys(r["set"] for r in stored):
        for rep in json.loads((ROOT / "tests" / folder / "labels.json").read_text(encoding="utf-8"))["reports"]:
            labels[folder, rep["file"]] = rep["events"]
    out = []
    for r in stored:
        if r["known"]:
            continue
        d = Draft(event_id="", event_type=r["event_type"], effect="", date=r["date"], date_precision=r["date_precision"],
                  evidence=r["evidence"], mines=_ids(r["mines"]), minerals=_ids(r["minerals"]),
                  date_basis=r["date_basis"], amounts=["…"] * int(r["amounts"]))
        events = labels[r["set"], r["file"]]
        for lk in d.link_rows():
            pair = [e for e in events if (e["mine_id"], e["mineral_id"]) == (lk["mine_id"], lk["mineral_id"])]
            same = [e for e in pair if e["event_type"] == d.event_type]
            out.append(Link(names[r["set"]], d, bool(pair), bool(same), any(within(d.date, e) for e in same)))
    return out


def _ids(cell: str) -> list[str]:
    return [x for x in cell.split(";") if x]
