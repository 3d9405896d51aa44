"""Stage 7d, certainty: which drafts the review proposes, and which it asks a reviewer to check.

A draft's *estimate* is the chance that it is right (its mine, mineral and type are an event of
the report), from a handful of plain features of how it was found and of what the type reader
(:mod:`geo.ingest.type_reader`) makes of its sentence, weighed by the table
``certainty.csv`` (feature, weight, what the feature tells a reviewer). The weights are a
logistic regression fitted on the hand-labelled sets whose failures have been read; their sum is
then *calibrated* (two rows, :data:`SCALE` and :data:`SHIFT`) on the drafts each set got at first
sight, before any rule looked at it, so that the estimate says how often such a draft of a report
from a new source is right, not how often the drafts of the sets the rules were written on are
(``python -m geo.tools.fit_certainty`` refits both and prints how well the estimate held on each
set left out of the fit); the newest blind sets are never fitted on.

A draft estimated below :data:`PROPOSE_AT` is marked ``check`` with the reasons that lowered it,
strongest first ("no mine named; its date is only from an earlier paragraph"): the review
shows it unticked, and the command line leaves it out of ``--apply`` unless asked. Nothing is
dropped: a draft to check is a draft, shown with its evidence like any other.
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from geo.ingest.drafts import Draft
from geo.ingest.type_reader import Reader, Reading, reading

TABLE = Path(__file__).with_name("certainty.csv")

#: Drafts estimated at least this likely to be right are proposed (ticked); the rest are marked
#: to check: a draft is unticked only when it is more likely wrong than right, the estimate being
#: calibrated on drafts of reports read at first sight (README, "Which drafts are proposed").
PROPOSE_AT = 0.5

_BORROWED = ("read as", "named in the next sentence", "mineral from the", "known for")


def _links(d: Draft) -> int:
    return max(1, len(d.mines)) * max(1, len(d.minerals))


#: Feature name → test on a draft. Event types are features too (``type:export_halt``), added
#: from the table, so a new type needs no code.
FEATURES: dict[str, Callable[[Draft], bool]] = {
    "bias": lambda d: True,
    "mine named": lambda d: bool(d.mines),
    "amount given": lambda d: bool(d.amounts),
    "several mines or minerals": lambda d: _links(d) >= 3,
    "date in the sentence": lambda d: "in the sentence" in d.date_basis,
    "date from an earlier paragraph": lambda d: "earlier in the report" in d.date_basis,
    "date from the publication": lambda d: "publication date" in d.date_basis,
    "date to the day": lambda d: d.date_precision == "day",
    "mine or mineral from another sentence": lambda d: any(b in d.date_basis for b in _BORROWED),
}

#: What the type reader (:mod:`geo.ingest.type_reader`) makes of the draft's sentence: its best event
#: type is the draft's, or another while it gives the draft's own type less than :data:`OTHER_BELOW`;
#: it gives the sentence's telling no event less than :data:`EVENT_BELOW` (its prior is about 0.8:
#: most sentences naming a mine or mineral tell none). ``python -m geo.tools.fit_types`` prints how
#: often first-sight drafts of each kind were right. A high chance of no event is no feature: the
#: reader gives it to too many sentences that do tell one for a reviewer to be told so.
READS_OWN, READS_OTHER = "sentence reads as its type", "sentence reads as another type"
TELLS_EVENT = "sentence reads as telling an event"
READER_FEATURES = (READS_OWN, READS_OTHER, TELLS_EVENT)
OTHER_BELOW, EVENT_BELOW = 0.2, 0.5
#: The reason of a draft whose sentence reads as another type names that type only when the reader
#: gives it at least this: first-sight drafts so retyped would have been right about two times in three.
NAME_AT = 0.6

_TYPE = re.compile(r"type:([a-z_]+)")

#: The calibration rows of the table: the estimate is the logistic of SCALE × (sum of weights) + SHIFT.
SCALE, SHIFT = "calibration:scale", "calibration:shift"

#: What the absence of a feature that raises the estimate tells a reviewer.
MISSING = {"mine named": "no mine named", "date in the sentence": "no date in its own sentence"}
#: Types whose events are mostly of no mine (a country's trade figure, a measure): "no mine named" says nothing to fix
#: there (a new user's trial read it as a fault of a national trade figure), though the estimate still weighs it.
_OF_NO_MINE = frozenset({"trade_figure", "sanction", "import_suspension", "designation"})


@dataclass(frozen=True)
class Weight:
    feature: str
    weight: float
    says: str  # what the feature tells a reviewer when it lowers the estimate


def features(d: Draft, reader: Reader | None = None, read: Reading | None = None) -> list[str]:
    """The features a draft has (type included), in the table's order of definition; its sentence is
    read by ``reader`` (the stored type reader unless given) unless its ``read`` is given."""
    read = read or reading(d.evidence, d.event_type, reader)
    has = [name for name, test in FEATURES.items() if test(d)]
    if read.agrees(d.event_type):
        has.append(READS_OWN)
    elif read.own_p < OTHER_BELOW:
        has.append(READS_OTHER)
    if read.none_p < EVENT_BELOW:
        has.append(TELLS_EVENT)
    return [*has, f"type:{d.event_type}"]


@cache
def weights(path: Path = TABLE) -> dict[str, Weight]:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = {}
    for r in rows:
        name = r["feature"]
        if name not in FEATURES and not _TYPE.fullmatch(name) and name not in (SCALE, SHIFT, *READER_FEATURES):
            raise ValueError(f"{path.name}: unknown feature {name!r}")
        out[name] = Weight(name, float(r["weight"]), r["says"])
    if (SCALE in out) != (SHIFT in out):
        raise ValueError(f"{path.name}: {SCALE} and {SHIFT} go together")
    return out


def estimate(d: Draft, table: dict[str, Weight] | None = None, reader: Reader | None = None) -> tuple[float, list[str]]:
    """(chance the draft is right, what lowered it most first); its sentence read by ``reader``, else
    the stored type reader."""
    table = weights() if table is None else table
    read = reading(d.evidence, d.event_type, reader)
    has = features(d, read=read)
    present = [table[f] for f in has if f in table]
    z = sum(w.weight for w in present)
    if SCALE in table:
        z = table[SCALE].weight * z + table[SHIFT].weight
    # (of the whole type?, weight, reason): what is particular to this draft (no mine named, a date
    # from elsewhere) comes before what is true of its whole type, strongest first within each
    lowering = [(bool(_TYPE.fullmatch(w.feature)), w.weight, _said(w, read)) for w in present
                if w.weight < 0 and w.feature != "bias" and w.says]
    lowering += [(False, -table[f].weight, why) for f, why in MISSING.items()
                 if f not in has and f in table and table[f].weight > 0 and not (f == "mine named" and d.event_type in _OF_NO_MINE)]
    return 1 / (1 + math.exp(-z)), [why for *_key, why in sorted(lowering)]


def _said(w: Weight, read: Reading) -> str:
    if w.feature == READS_OTHER and read.best_p >= NAME_AT:
        return f"its sentence reads more like {read.best.replace('_', ' ')} (the type reader)"
    return w.says


def rate(drafts: list[Draft], table: dict[str, Weight] | None = None) -> None:
    """Set each draft's ``estimate`` and, below :data:`PROPOSE_AT`, its ``check`` (the reasons)."""
    for d in drafts:
        p, why = estimate(d, table)
        d.estimate = round(p, 2)
        d.check = "" if p >= PROPOSE_AT else (
            f"estimated {p:.0%} likely right: " + ("; ".join(why[:3]) or "few signs either way"))
