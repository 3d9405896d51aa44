"""What the review tables would have offered at first sight: each blind set scored at the commit it
was first scored at, with this clone's lead stage (``geo/ingest/leads.py``) put into that commit.

Usage: ``python scripts/first_sight_leads.py [SET=COMMIT ...]`` (default: blind sets 9-16 at their
first-score commits, as the README lists them). For each, a git worktree of the commit is made in a
temporary folder; this clone's ``leads.py`` and ``evalset.py`` are copied in and three lines of the
commit's ``events.py`` and ``drafts.py`` are changed so that ``extract`` returns leads; nothing else
of the commit's extractor changes. Prints one line per set: events found, events reachable with
leads, leads per report. The labels are this clone's.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST = {"9": "f3c4d02", "10": "0250c75", "11": "0ce1852", "12": "1be166e", "13": "3decb95", "14": "3decb95",
         "16": "fbd6693", "15": "702d9cb"}

_SCORE = """
import sys
from pathlib import Path
from geo.ingest.evalset import evaluate_set
from geo.model.dataset import DEFAULT_DATA_DIR
t, _ = evaluate_set(Path(sys.argv[1]), DEFAULT_DATA_DIR)
print(t.events_found, t.reachable, t.events, t.leads, t.reports, t.proposed_right, t.proposed)
"""


def _patch(tree: Path) -> None:
    ingest = tree / "geo" / "ingest"
    for name in ("leads.py", "evalset.py"):
        (ingest / name).write_text((ROOT / "geo" / "ingest" / name).read_text(encoding="utf-8"), encoding="utf-8")
    if not (ingest / "places.py").exists():  # before the town rule: every mine is kept
        leads = (ingest / "leads.py").read_text(encoding="utf-8")
        leads = leads.replace("from geo.ingest.places import drop_town_names\n",
                              "def drop_town_names(mines, _sentence):\n    return mines\n")
        (ingest / "leads.py").write_text(leads, encoding="utf-8")
    events = (ingest / "events.py").read_text(encoding="utf-8")
    old = "    drafts, notes = _assemble(protos, sents, info, pub, adopted, _Anonymity(sents))\n"
    new = ("    anon = _Anonymity(sents)\n    drafts, notes = _assemble(protos, sents, info, pub, adopted, anon)\n"
           "    leads, lead_notes = find_leads(sents, info, drafts, pub, adopted, anon, known)\n")
    ret = "    return IngestResult(drafts, candidates, source_row, notes)"
    if old not in events or ret not in events:
        raise SystemExit(f"{tree}: events.py is not the shape this script patches")
    events = events.replace(old, new).replace(ret, "    return IngestResult(drafts, candidates, source_row, "
                                                   "notes + lead_notes, leads)")
    events = events.replace("from geo.ingest.known import mark_known\n",
                            "from geo.ingest.known import mark_known\nfrom geo.ingest.leads import find_leads\n")
    (ingest / "events.py").write_text(events, encoding="utf-8")
    drafts = (ingest / "drafts.py").read_text(encoding="utf-8")
    notes = "    notes: list[str] = field(default_factory=list)  # merges and other decisions, for the reviewer\n"
    (ingest / "drafts.py").write_text(drafts.replace(notes, notes + "    leads: list = field(default_factory=list)\n"),
                                      encoding="utf-8")


def main(argv: list[str]) -> int:
    sets = dict(a.split("=", 1) for a in argv) if argv else FIRST
    total = [0] * 7
    with tempfile.TemporaryDirectory(prefix="first-sight-") as tmp:
        for n, commit in sets.items():
            tree = Path(tmp) / f"{n}-{commit}"
            subprocess.run(["git", "worktree", "add", "--detach", "-f", str(tree), commit], cwd=ROOT, check=True,
                           capture_output=True)
            try:
                _patch(tree)
                out = subprocess.run([sys.executable, "-c", _SCORE, str(ROOT / "tests" / f"ingest_blind{n}")],
                                     cwd=tree, env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
                                     capture_output=True, text=True, check=True).stdout.split()
            finally:
                subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, capture_output=True)
            found, reach, events, leads, reports, p_right, p_all = map(int, out)
            total = [a + b for a, b in zip(total, map(int, out), strict=True)]
            print(f"blind set {n} at {commit}: events found {found}/{events}, reachable with leads {reach}/{events}, "
                  f"{leads / reports:.1f} leads per report, proposed right {p_right}/{p_all}")
    found, reach, events, leads, reports, p_right, p_all = total
    print(f"all: events found {found}/{events} ({found / events:.2f}), reachable with leads {reach}/{events} "
          f"({reach / events:.2f}), {leads / reports:.1f} leads per report, proposed right {p_right}/{p_all}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
