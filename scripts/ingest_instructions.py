"""Instructions one extraction takes, under valgrind's callgrind: steadier than seconds on a shared machine.

Usage: ``python scripts/ingest_instructions.py TEXT [--mb 0.2] [--without-leads] [--cues FILE]``,
TEXT one of the benchmark texts of ``geo.tools.ingest_bench`` (report, new-words, one-line…). It runs
this script twice under ``valgrind --tool=callgrind`` (after a plain run that writes the record's
load cache): once loading the record and making the text, once doing that and one extraction from a
new gazetteer, and prints the difference: the extraction's instructions. ``--without-leads`` leaves out the lead stage (``geo/ingest/leads.py``); ``--cues FILE``
reads another cue table (``git show COMMIT:geo/ingest/cues.csv > FILE``). To compare with another
commit, run it from a worktree of that commit with ``PYTHONPATH`` set to it.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys


def _inner(text: str, mb: float, extract_too: bool, without_leads: bool, cues: str | None) -> None:
    from geo.ingest import events as events_module
    from geo.ingest import extract
    from geo.ingest.cue_table import load_table
    from geo.model.dataset import DEFAULT_DATA_DIR
    from geo.rules.load import load_dataset
    from geo.tools.ingest_bench import TEXTS

    ds = load_dataset(DEFAULT_DATA_DIR)
    body = TEXTS[text](int(mb * 1_000_000))
    if without_leads:
        events_module.find_leads = lambda *_a, **_k: ([], [])
    if cues:
        load_table.__wrapped__.__defaults__ = (cues,)
    if extract_too:
        extract(body, "2019-01-01", "T", "", ds)


def _collected(args: list[str]) -> int:
    out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable, __file__,
                          *args], capture_output=True, text=True, check=True).stderr
    return int(re.search(r"Collected\s*:\s*(\d+)", out).group(1))


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("text")
    p.add_argument("--mb", type=float, default=0.2)
    p.add_argument("--without-leads", action="store_true")
    p.add_argument("--cues", metavar="FILE")
    p.add_argument("--inner", choices=["setup", "extract"], help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.inner:
        _inner(a.text, a.mb, a.inner == "extract", a.without_leads, a.cues)
        return 0
    rest = [a.text, "--mb", str(a.mb), *(["--without-leads"] if a.without_leads else []),
            *(["--cues", a.cues] if a.cues else [])]
    # once without valgrind first: the record's load cache is then written, and both counts read it
    subprocess.run([sys.executable, __file__, *rest, "--inner", "setup"], check=True)
    total, setup = _collected([*rest, "--inner", "extract"]), _collected([*rest, "--inner", "setup"])
    print(f"{a.text} at {a.mb} MB: {total - setup} instructions for one extraction")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
