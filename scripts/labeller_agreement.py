"""How often two labellers agree: ``python scripts/labeller_agreement.py``.

Blind sets 21–24 were labelled a second time by a helper who read neither the first labels nor the
sets' READMEs and never ran the extractor (``tests/ingest_second_labels/blindN.json``, the same
format). This scores the second labels exactly as ``python -m geo ingest-eval`` scores drafts, the
first labels as the truth: how many of the first labeller's events the second found (same mine,
mineral and type, date within the first label's precision), and how many of the second's
(mine, mineral, type) the first also has. It is the ceiling to read the extractor's figures against:
what a second careful reader of the same texts gets.

A second table scores the extractor's drafts of the same sets (as it is now) against each labelling:
how many drafted links (distinct mine, mineral, type and date; judged on mine, mineral and type, as
``ingest-eval`` judges precision) the first labels have, and how many at least one of the two
labellers has — a draft a careful reader also chose is one an analyst can accept as it
is, even where the two readers differ — for all drafts and for the drafts the review proposes.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from geo.ingest.drafts import Draft
from geo.ingest.evalset import SETS, Score, extracted_reports, score_report
from geo.model.dataset import DEFAULT_DATA_DIR

ROOT = Path(__file__).resolve().parent.parent
SECOND = ROOT / "tests" / "ingest_second_labels"


def as_drafts(events: list[dict]) -> list[Draft]:
    return [Draft(event_id="", event_type=e["event_type"], effect="", date=e["date"],
                  date_precision=e["date_precision"], evidence=e.get("evidence", ""),
                  mines=[e["mine_id"]] if e["mine_id"] else [], minerals=[e["mineral_id"]]) for e in events]


def agreement(first: Path, second: Path) -> Score:
    truth = {r["file"]: r["events"] for r in json.loads(first.read_text(encoding="utf-8"))["reports"]}
    other = {r["file"]: r["events"] for r in json.loads(second.read_text(encoding="utf-8"))["reports"]}
    if set(truth) != set(other):
        raise SystemExit(f"{second.name}: not the same reports as {first}")
    total = Score()
    for name, events in truth.items():
        total.add(score_report(name, as_drafts(other[name]), events))
    return total


def main() -> int:
    print("| set | first labeller's events the second found | second's events the first also has (mine, mineral, type) |"
          "\n|---|---|---|")
    total = Score()
    for second in _second_files():
        s = agreement(ROOT / "tests" / f"ingest_{second.stem}" / "labels.json", second)
        total.add(s)
        print(f"| blind set {second.stem[5:]} | {_share(s.events_found, s.events)} | {_share(s.drafted_right, s.drafted)} |")
    print(f"| all | {_share(total.events_found, total.events)} | {_share(total.drafted_right, total.drafted)} |")
    print("\n| set | drafts: right by the first labels | by either labeller | proposed: right by the first labels "
          "| by either labeller |\n|---|---|---|---|---|")
    folders = dict(SETS)
    first_all, either_all = Score(), Score()
    with tempfile.TemporaryDirectory(prefix="geo-agreement-") as tmp:
        for second in _second_files():
            n = second.stem[5:]
            first, either = drafts_judged(folders[f"blind set {n}"], second, Path(tmp) / n)
            first_all.add(first)
            either_all.add(either)
            print(_judged_row(f"blind set {n}", first, either))
    print(_judged_row("all", first_all, either_all))
    return 0


def drafts_judged(set_dir: Path, second: Path, scratch: Path) -> tuple[Score, Score]:
    """The extractor's drafts of a set scored as ``ingest-eval`` scores them: against the first labels,
    and against the events of both labellings."""
    other = {r["file"]: r["events"] for r in json.loads(second.read_text(encoding="utf-8"))["reports"]}
    first, either = Score(), Score()
    for rep, result in extracted_reports(set_dir, DEFAULT_DATA_DIR, scratch):
        first.add(score_report(rep["file"], result.drafts, rep["events"]))
        either.add(score_report(rep["file"], result.drafts, rep["events"] + other[rep["file"]]))
    return first, either


def _judged_row(name: str, first: Score, either: Score) -> str:
    return (f"| {name} | {_share(first.drafted_right, first.drafted)} | {_share(either.drafted_right, either.drafted)} "
            f"| {_share(first.proposed_right, first.proposed)} | {_share(either.proposed_right, either.proposed)} |")


def _second_files() -> list[Path]:
    return sorted(SECOND.glob("blind*.json"), key=lambda p: int(p.stem[5:]))


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.2f} ({part}/{whole})" if whole else "- (0/0)"


if __name__ == "__main__":
    raise SystemExit(main())
