"""The drafts each labelled set got at first sight, for fitting the draft-certainty weights on them.

Usage: ``python scripts/first_sight_drafts.py [--only N ...]`` writes ``tests/ingest_first_sight.csv``.

Each set was scored once, at a named commit, before any rule looked at it (README, "first score").
The drafts the extractor of that commit made from the set are what a reviewer of a report from an
unseen source is offered; the drafts the extractor makes now from the same set are not, since its
rules were since fitted to the sets that were read. This script unpacks each first-score commit's
``geo`` and ``data`` into a temporary folder (``git archive``: the clone needs its full history, and
nothing in the repository changes), ingests the set's reports there with this environment's Python
and packages (that commit's extractor and record, events removed; this clone's texts) and stores
one row per draft: its set, report, type,
mines, minerals, date, precision, how its date was found, whether it repeats the record, whether it
has amounts. ``python -m geo.tools.fit_certainty --first-sight`` fits the weights on these rows,
judging each against this clone's labels.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "ingest_first_sight.csv"
COLUMNS = ["set", "file", "commit", "event_type", "mines", "minerals", "date", "date_precision", "date_basis",
           "known", "amounts", "evidence"]

#: Set folder → the commit it was first scored at (README, the table of first scores).
FIRST = {
    "ingest_holdout": "1fcd0d0", "ingest_blind": "e488ce0", "ingest_blind2": "48762a8",
    "ingest_blind3": "d0c1f7e", "ingest_blind4": "d0c1f7e", "ingest_blind5": "699060c",
    "ingest_blind6": "e2cbd45", "ingest_blind7": "c63502f", "ingest_blind8": "607699b",
    "ingest_blind9": "f3c4d02", "ingest_blind10": "0250c75", "ingest_blind11": "0ce1852",
    "ingest_blind12": "1be166e", "ingest_blind13": "3decb95", "ingest_blind14": "3decb95",
    "ingest_blind16": "fbd6693", "ingest_blind15": "702d9cb", "ingest_blind17": "1ddd222",
    "ingest_blind18": "1ddd222", "ingest_blind19": "336741d", "ingest_blind20": "336741d",
    "ingest_blind21": "0d14410", "ingest_blind22": "0d14410", "ingest_blind23": "a741bcf",
    "ingest_blind24": "a741bcf", "ingest_blind25": "830880b",
    "ingest_blind26": "fdaa116",  # scored at e521785, a merge of data folders: the same geo/ and data/
    "ingest_blind27": "5fb7653", "ingest_blind28": "30355b8", "ingest_blind29": "72a852a",
    "ingest_blind30": "919a9e3", "ingest_blind31": "7b784f9", "ingest_blind32": "0ef537d",
    "ingest_blind33": "406441c", "ingest_blind34": "f816a86",
    "ingest_blind35": "ba2ccda", "ingest_blind36": "0f03373", "ingest_blind37": "3f3b989",
    "ingest_blind38": "cad3ad2", "ingest_blind39": "0fe3e6c",
    "ingest_blind40": "a1771e4", "ingest_blind41": "bdb00ec",
    "ingest_blind42": "bb0448a", "ingest_blind43": "9c6f65a", "ingest_blind44": "801ec29",
    "ingest_blind45": "84edb40", "ingest_blind46": "a78bdef", "ingest_blind47": "6f7a88a",
    "ingest_blind48": "3b41919", "ingest_blind49": "a0accdc",
    "ingest_blind50": "f93b822", "ingest_blind51": "c6565ad",
    "ingest_blind52": "8aac758", "ingest_blind53": "692d4b1", "ingest_blind54": "eec4635",
    "ingest_blind55": "df09da1", "ingest_blind56": "3cbd6cc",
    "ingest_blind57": "44faa7a", "ingest_blind58": "a1b7dea", "ingest_blind59": "ea1b56e",
    "ingest_blind60": "0393cc8", "ingest_blind61": "c9121fb", "ingest_blind62": "1b43d01",
}

_DUMP = """
import json, sys, tempfile
from pathlib import Path
from geo.ingest.evaluate import empty_events_package
from geo.ingest.events import extract
from geo.ingest.text import read_report
from geo.model.dataset import DEFAULT_DATA_DIR
from geo.rules.load import load_dataset
set_dir = Path(sys.argv[1])
labels = json.loads((set_dir / "labels.json").read_text(encoding="utf-8"))
out = []
with tempfile.TemporaryDirectory() as tmp:
    ds = load_dataset(empty_events_package(DEFAULT_DATA_DIR, Path(tmp) / "data"))
    for rep in labels["reports"]:
        res = extract(read_report(set_dir / rep["file"]), rep["published"], rep["publisher"], rep["modelled_on"], ds)
        for d in res.drafts:
            out.append({"file": rep["file"], "event_type": d.event_type, "mines": ";".join(d.mines),
                        "minerals": ";".join(d.minerals), "date": d.date, "date_precision": d.date_precision,
                        "date_basis": d.date_basis, "known": "known" if d.known else "",
                        "amounts": len(d.amounts), "evidence": d.evidence})
print(json.dumps(out))
"""


def dump(folder: str, commit: str, tmp: Path) -> list[dict]:
    tree = tmp / commit
    if not tree.exists():
        tree.mkdir()
        archive = subprocess.run(["git", "archive", commit, "geo", "data"], cwd=ROOT, capture_output=True)
        if archive.returncode:
            raise SystemExit(f"git archive {commit}: {archive.stderr.decode(errors='replace').strip()} "
                             "(a shallow clone lacks the commit: fetch the full history)")
        subprocess.run(["tar", "-x", "-C", str(tree)], input=archive.stdout, check=True)
    out = subprocess.run([sys.executable, "-c", _DUMP, str(ROOT / "tests" / folder)], cwd=tree,
                         env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"}, capture_output=True, text=True)
    if out.returncode:
        last = (out.stderr.strip().splitlines() or [f"exit status {out.returncode}"])[-1]
        raise SystemExit(f"{folder} at {commit}: {last}")
    return [{"set": folder, "commit": commit, **r} for r in json.loads(out.stdout)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", help="set folders to redo (the others are kept from the file)")
    args = ap.parse_args(argv)
    kept = []
    if args.only and OUT.exists():
        with OUT.open(encoding="utf-8", newline="") as f:
            kept = [r for r in csv.DictReader(f) if r["set"] not in args.only]
    rows = []
    with tempfile.TemporaryDirectory(prefix="first-sight-") as tmp:
        for folder, commit in FIRST.items():
            if args.only and folder not in args.only:
                continue
            got = dump(folder, commit, Path(tmp))
            print(f"{folder} at {commit}: {len(got)} drafts", file=sys.stderr)
            rows += got
    order = list(FIRST)
    rows = sorted(kept + rows, key=lambda r: order.index(r["set"]))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"wrote {OUT.relative_to(ROOT)}: {len(rows)} drafts", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
