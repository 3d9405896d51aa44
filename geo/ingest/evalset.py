"""Scoring the extractor on hand-labelled reports: ``python -m geo ingest-eval``.

Two sets are scored the same way:

* the **evaluation set**, ``tests/ingest_eval/`` — report texts written in our own words, each
  modelled on a real report (``labels.json`` cites it), labelled by hand against the curated
  record in ``data/`` (its 54 mines);
* the **seeds**, ``/work/shared/seeds`` — the two reports the extractor was first built on,
  labelled by the curated events of their sources (see :mod:`geo.ingest.evaluate`).

The figures, per report summed over the set:

* **pair recall** — labelled (mine, mineral) pairs that some draft links (mine '' for an event
  about a mineral only);
* **event recall** — labelled events matched by a draft link with the same mine, mineral and
  event type, and a date within the label's precision (day: the same day; month: the same
  month; year: the same year; approximate: within 15 days);
* **precision** — distinct drafted (mine, mineral, type, date) links that match a labelled
  event's mine, mineral and type;
* **precision of new drafts** — the same, over the drafts not marked as repeating a measure or
  event already in the record (:mod:`geo.ingest.known`);
* **proposed drafts** — precision and event recall of the drafts the review proposes (ticks):
  new, and estimated likely right (:mod:`geo.ingest.certainty`); the others are marked to check;
* **reachable with leads** — labelled events a reviewer reaches from the review table alone:
  found by a draft, or on a row of their own that has their mine and mineral, a draft's (its type
  or date to correct) or a lead's (:mod:`geo.ingest.leads`: to tick and give a type); one label
  per row;
* **leads per report** — sentences listed as leads, per report: the reading that costs.

Thirty-two more sets are scored when present, written and labelled the same way by helpers who never
ran the extractor (``SETS``): the **held-out set** (``tests/ingest_holdout/``) and **blind sets
1–31** (``tests/ingest_blind*/``; blind set 15 was the last measure of its round, never read;
blind sets 17–20 were scored once after it, two at a time, then read; blind sets 21 and 22, the
last measure after every rule of their round, were read in the round after; blind sets 23 and 24,
the next measure and check of the certainty calibration, were read in the round after theirs;
blind set 25, scored once after their rules, was read in the round after; so was blind set 26,
scored once after every rule of its round; so were blind sets 27 and 28 (28: second tellings of
stories other sets tell, from other publishers), scored once at ``5fb7653`` and ``30355b8``;
blind set 29, more second tellings, scored once at ``72a852a`` after every rule of that round, was
read in the round after; blind set 30, more second tellings, scored once at ``919a9e3`` after that
round's rules, and blind set 31, more second tellings with no trade figure, scored once at
``7b784f9`` after that round's review, are not read, and are the check now, never fitted on).
Each was scored once before any rule looked at it; some were
then used to find general failures, so only their first score was blind (the README keeps both).
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from geo.ingest.drafts import Draft
from geo.ingest.evaluate import DEFAULT_SEEDS, SEEDS, curated_rows, empty_events_package
from geo.ingest.events import extract
from geo.ingest.text import read_report
from geo.model.dataset import DEFAULT_DATA_DIR
from geo.rules.load import load_dataset

DEFAULT_SET = DEFAULT_DATA_DIR.parent / "tests" / "ingest_eval"
_TESTS = DEFAULT_DATA_DIR.parent / "tests"
#: Every set ``ingest-eval`` scores, in order: (name, folder).
SETS = (
    ("evaluation set", DEFAULT_SET),
    ("held-out set", _TESTS / "ingest_holdout"),
    ("blind set 1", _TESTS / "ingest_blind"),
    ("blind set 2", _TESTS / "ingest_blind2"),
    ("blind set 3", _TESTS / "ingest_blind3"),
    ("blind set 4", _TESTS / "ingest_blind4"),
    ("blind set 5", _TESTS / "ingest_blind5"),
    ("blind set 6", _TESTS / "ingest_blind6"),
    ("blind set 7", _TESTS / "ingest_blind7"),
    ("blind set 8", _TESTS / "ingest_blind8"),
    ("blind set 9", _TESTS / "ingest_blind9"),
    ("blind set 10", _TESTS / "ingest_blind10"),
    ("blind set 11", _TESTS / "ingest_blind11"),
    ("blind set 12", _TESTS / "ingest_blind12"),
    ("blind set 13", _TESTS / "ingest_blind13"),
    ("blind set 14", _TESTS / "ingest_blind14"),
    ("blind set 16", _TESTS / "ingest_blind16"),
    ("blind set 17", _TESTS / "ingest_blind17"),
    ("blind set 18", _TESTS / "ingest_blind18"),
    ("blind set 19", _TESTS / "ingest_blind19"),
    ("blind set 20", _TESTS / "ingest_blind20"),
    ("blind set 15", _TESTS / "ingest_blind15"),
    ("blind set 21", _TESTS / "ingest_blind21"),
    ("blind set 22", _TESTS / "ingest_blind22"),
    ("blind set 23", _TESTS / "ingest_blind23"),
    ("blind set 24", _TESTS / "ingest_blind24"),
    ("blind set 25", _TESTS / "ingest_blind25"),
    ("blind set 26", _TESTS / "ingest_blind26"),
    ("blind set 27", _TESTS / "ingest_blind27"),
    ("blind set 28", _TESTS / "ingest_blind28"),
    ("blind set 29", _TESTS / "ingest_blind29"),
    ("blind set 30", _TESTS / "ingest_blind30"),
    ("blind set 31", _TESTS / "ingest_blind31"),
    ("blind set 32", _TESTS / "ingest_blind32"),
    ("blind set 33", _TESTS / "ingest_blind33"),
    ("blind set 34", _TESTS / "ingest_blind34"),
    ("blind set 35", _TESTS / "ingest_blind35"),
    ("blind set 36", _TESTS / "ingest_blind36"),
    ("blind set 37", _TESTS / "ingest_blind37"),
    ("blind set 38", _TESTS / "ingest_blind38"),
    ("blind set 39", _TESTS / "ingest_blind39"),
    ("blind set 40", _TESTS / "ingest_blind40"),
    ("blind set 41", _TESTS / "ingest_blind41"),
    ("blind set 42", _TESTS / "ingest_blind42"),
    ("blind set 43", _TESTS / "ingest_blind43"),
    ("blind set 44", _TESTS / "ingest_blind44"),
    ("blind set 45", _TESTS / "ingest_blind45"),
    ("blind set 46", _TESTS / "ingest_blind46"),
    ("blind set 47", _TESTS / "ingest_blind47"),
    ("blind set 48", _TESTS / "ingest_blind48"),
    ("blind set 49", _TESTS / "ingest_blind49"),
    ("blind set 50", _TESTS / "ingest_blind50"),
    ("blind set 51", _TESTS / "ingest_blind51"),
    ("blind set 52", _TESTS / "ingest_blind52"),
    ("blind set 53", _TESTS / "ingest_blind53"),
    ("blind set 54", _TESTS / "ingest_blind54"),
    ("blind set 55", _TESTS / "ingest_blind55"),
    ("blind set 56", _TESTS / "ingest_blind56"),
    ("blind set 57", _TESTS / "ingest_blind57"),
    ("blind set 58", _TESTS / "ingest_blind58"),
    ("blind set 59", _TESTS / "ingest_blind59"),
    ("blind set 60", _TESTS / "ingest_blind60"),
    ("blind set 61", _TESTS / "ingest_blind61"),
    ("blind set 62", _TESTS / "ingest_blind62"),
)
#: The sets whose failures have been read: the certainty weights are fitted on these only
#: (``python -m geo.tools.fit_certainty``); blind set 15, a last measure never read, is not (the calibration
#: is fitted on every set's first-sight drafts).
FIT_SETS = ("evaluation set", "held-out set", "blind set 1", "blind set 2", "blind set 3", "blind set 4",
            "blind set 5", "blind set 6", "blind set 7", "blind set 8", "blind set 9",
            "blind set 10", "blind set 11", "blind set 12", "blind set 13", "blind set 14",
            "blind set 16", "blind set 17", "blind set 18", "blind set 19", "blind set 20", "blind set 21",
            "blind set 22", "blind set 23", "blind set 24", "blind set 25", "blind set 26", "blind set 27",
            "blind set 28", "blind set 29", "blind set 31", "blind set 32", "blind set 33", "blind set 34",
            "blind set 35", "blind set 36", "blind set 37", "blind set 38", "blind set 41")


@dataclass
class Score:
    pairs: int = 0
    pairs_found: int = 0
    events: int = 0
    events_found: int = 0
    drafted: int = 0
    drafted_right: int = 0
    new: int = 0
    new_right: int = 0
    proposed: int = 0
    proposed_right: int = 0
    proposed_found: int = 0
    reachable: int = 0
    leads: int = 0  # sentences that gave leads
    reports: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for f in ("pairs", "pairs_found", "events", "events_found", "drafted", "drafted_right", "new", "new_right",
                  "proposed", "proposed_right", "proposed_found", "reachable", "leads", "reports"):
            setattr(self, f, getattr(self, f) + getattr(other, f))
        self.misses += other.misses
        self.extras += other.extras

    @property
    def pair_recall(self) -> float:
        return _share(self.pairs_found, self.pairs, 0.0)

    @property
    def event_recall(self) -> float:
        return _share(self.events_found, self.events, 0.0)

    @property
    def precision(self) -> float:
        return _share(self.drafted_right, self.drafted, 1.0)

    @property
    def new_precision(self) -> float:
        return _share(self.new_right, self.new, 1.0)

    @property
    def proposed_precision(self) -> float:
        return _share(self.proposed_right, self.proposed, 1.0)

    @property
    def proposed_recall(self) -> float:
        return _share(self.proposed_found, self.events, 0.0)

    @property
    def reachable_recall(self) -> float:
        return _share(self.reachable, self.events, 0.0)


def _share(part: int, whole: int, empty: float) -> float:
    """part / whole; ``empty`` when there is nothing to count (no label: recall 0; no draft: precision 1)."""
    return part / whole if whole else empty


def within(found: str, label: dict) -> bool:
    """Is a drafted date within the labelled date's precision?"""
    a, b = dt.date.fromisoformat(found), dt.date.fromisoformat(label["date"])
    p = label["date_precision"]
    if p == "year":
        return a.year == b.year
    if p == "month":
        return (a.year, a.month) == (b.year, b.month)
    if p == "approximate":
        return abs((a - b).days) <= 15
    return a == b


def _links(drafts: list[Draft]) -> list[tuple[str, str, str, str]]:
    return sorted({(lk["mine_id"], lk["mineral_id"], d.event_type, d.date)
                   for d in drafts for lk in d.link_rows()})


def _found(e: dict, links) -> bool:
    return any((m, x, t) == (e["mine_id"], e["mineral_id"], e["event_type"]) and within(d, e) for m, x, t, d in links)


def score_report(name: str, drafts: list[Draft], labels: list[dict], leads: list[Draft] = ()) -> Score:
    s = Score(reports=1)
    links = _links(drafts)
    pairs = {(e["mine_id"], e["mineral_id"]) for e in labels}
    found_pairs = {(m, x) for m, x, _t, _d in links}
    s.pairs, s.pairs_found = len(pairs), len(pairs & found_pairs)
    s.events = len(labels)
    new = set(_links([d for d in drafts if not d.known]))
    proposed = _links([d for d in drafts if d.proposed])
    hits = [_found(e, links) for e in labels]
    for e, hit in zip(labels, hits, strict=True):
        s.events_found += hit
        s.proposed_found += _found(e, proposed)
        if not hit:
            s.misses.append(f"{name}: missed {e['mine_id'] or '-'}/{e['mineral_id']} {e['event_type']} "
                            f"{e['date']} ({e['date_precision']})")
    s.reachable = _reachable(labels, hits, links, leads)
    s.leads = len({d.evidence for d in leads})
    typed = {(e["mine_id"], e["mineral_id"], e["event_type"]) for e in labels}
    s.drafted, s.new, s.proposed = len(links), len(new), len(proposed)
    proposed_set = set(proposed)
    for m, x, t, d in links:
        right = (m, x, t) in typed
        s.drafted_right += right
        s.new_right += right and (m, x, t, d) in new
        s.proposed_right += right and (m, x, t, d) in proposed_set
        if not right:
            mark = " (marked known)" if (m, x, t, d) not in new else "" if (m, x, t, d) in proposed_set else " (to check)"
            s.extras.append(f"{name}: extra {m or '-'}/{x} {t} {d}{mark}")
    return s


def _reachable(labels: list[dict], hits: list[bool], links, leads: list[Draft]) -> int:
    """Labelled events a reviewer can reach from the review table without typing a mine, mineral
    or sentence: those a draft finds (``hits``), then each other one through its own row (one
    label per row) that has its mine and mineral: a draft's (to correct its type or date) or a
    lead's (to tick and type)."""
    rows = [(m, x) for m, x, _t, _d in links] + [(lk["mine_id"], lk["mineral_id"]) for d in leads for lk in d.link_rows()]
    for e, hit in zip(labels, hits, strict=True):  # the row that found an event is taken
        pair = (e["mine_id"], e["mineral_id"])
        if hit and pair in rows:
            rows.remove(pair)
    n = sum(hits)
    for e, hit in zip(labels, hits, strict=True):
        pair = (e["mine_id"], e["mineral_id"])
        if not hit and pair in rows:
            rows.remove(pair)
            n += 1
    return n


def labelled_drafts(set_dir: Path, data_dir: Path, scratch: Path):
    """Each draft of a set, with whether each of its links is right (its mine, mineral and type
    are a labelled event of its report)."""
    for rep, result in extracted_reports(Path(set_dir), Path(data_dir), Path(scratch)):
        drafts = result.drafts
        typed = {(e["mine_id"], e["mineral_id"], e["event_type"]) for e in rep["events"]}
        for d in drafts:
            yield d, [(lk["mine_id"], lk["mineral_id"], d.event_type) in typed for lk in d.link_rows()]


def evaluate_set(set_dir: Path = DEFAULT_SET, data_dir: Path = DEFAULT_DATA_DIR) -> tuple[Score, dict[str, Score]]:
    """The evaluation set scored against the package at data_dir (data/ by default), its events removed."""
    total, per = Score(), {}
    with tempfile.TemporaryDirectory(prefix="geo-ingest-eval-") as tmp:
        for rep, result in extracted_reports(Path(set_dir), Path(data_dir), Path(tmp)):
            per[rep["file"]] = score_report(rep["file"], result.drafts, rep["events"], result.leads)
            total.add(per[rep["file"]])
    return total, per


def extracted_reports(set_dir: Path, data_dir: Path, scratch: Path):
    """(label entry, extraction result) for each report of a set. As for the seeds, the record is read without
    its events, so that a labelled event the record already holds is not marked as known
    (measures in sanctions.csv still are)."""
    from geo.ingest.gazetteer import Gazetteer

    labels = json.loads((set_dir / "labels.json").read_text(encoding="utf-8"))
    ds = load_dataset(empty_events_package(data_dir, scratch / "data"))
    gaz = Gazetteer.from_dataset(ds)
    for rep in labels["reports"]:
        text = read_report(set_dir / rep["file"])
        yield rep, extract(text, rep["published"], rep["publisher"], rep["modelled_on"], ds, gazetteer=gaz)


def evaluate_seeds(seeds_dir: Path = DEFAULT_SEEDS, data_dir: Path = DEFAULT_DATA_DIR) -> Score:
    """The two seed reports, ingested against an event-less copy, scored against their curated events."""
    curated = load_dataset(Path(data_dir))
    total = Score()
    with tempfile.TemporaryDirectory(prefix="geo-ingest-eval-") as tmp:
        scratch = load_dataset(empty_events_package(Path(data_dir), Path(tmp) / "data"))
        for seed in SEEDS:
            text = read_report(Path(seeds_dir) / seed.file)
            res = extract(text, seed.published, seed.publisher, seed.url, scratch)
            truth = curated_rows(curated, seed.source_id)
            labels = [dict(t) for t in {tuple(sorted(r.items())) for r in truth}]
            total.add(score_report(seed.source_id, res.drafts, labels, res.leads))
    return total


def table(rows: dict[str, Score]) -> str:
    lines = ["| set | pair recall | event recall | precision of drafts | precision of new drafts "
             "| proposed: precision | proposed: event recall | reachable with leads | leads per report |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, s in rows.items():
        lines.append(f"| {name} | {s.pair_recall:.2f} ({s.pairs_found}/{s.pairs}) | "
                     f"{s.event_recall:.2f} ({s.events_found}/{s.events}) | "
                     f"{s.precision:.2f} ({s.drafted_right}/{s.drafted}) | "
                     f"{s.new_precision:.2f} ({s.new_right}/{s.new}) | "
                     f"{s.proposed_precision:.2f} ({s.proposed_right}/{s.proposed}) | "
                     f"{s.proposed_recall:.2f} ({s.proposed_found}/{s.events}) | "
                     f"{s.reachable_recall:.2f} ({s.reachable}/{s.events}) | {s.leads / max(1, s.reports):.1f} |")
    return "\n".join(lines)
