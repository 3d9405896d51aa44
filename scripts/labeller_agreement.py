"""How often two labellers agree: ``python scripts/labeller_agreement.py``.

Blind sets 21–24 were labelled a second time by a helper who read neither the first labels nor the
sets' READMEs and never ran the extractor (``tests/ingest_second_labels/blindN.json``, the same
format). This scores the second labels exactly as ``python -m geo ingest-eval`` scores drafts, the
first labels as the truth: how many of the first labeller's events the second found (same mine,
mineral and type, date within the first label's precision), and how many of the second's
(mine, mineral, type) the first also has. It is the ceiling to read the extractor's figures against:
what a second careful reader of the same texts gets.
"""

from __future__ import annotations

import json
from pathlib import Path

from geo.ingest.drafts import Draft
from geo.ingest.evalset import Score, score_report

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
    for second in sorted(SECOND.glob("blind*.json"), key=lambda p: int(p.stem[5:])):
        s = agreement(ROOT / "tests" / f"ingest_{second.stem}" / "labels.json", second)
        total.add(s)
        print(f"| blind set {second.stem[5:]} | {_share(s.events_found, s.events)} | {_share(s.drafted_right, s.drafted)} |")
    print(f"| all | {_share(total.events_found, total.events)} | {_share(total.drafted_right, total.drafted)} |")
    return 0


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.2f} ({part}/{whole})" if whole else "- (0/0)"


if __name__ == "__main__":
    raise SystemExit(main())
