"""Score the extractor on the blind phrasing battery: ``python scripts/phrasing_battery.py [BATTERY]``.

The battery (``tests/ingest_phrasing_blind/battery.json``) is about two hundred single sentences
written by a helper who never saw the cue table or ran the extractor, each modelled on a wording
found in a real report of the stored pages, labelled with the one event it tells (type, mineral,
mine) or none (a trap: a negation, a plan, background, another country's ore). Each is drafted
alone, as the body of a report published on ``PUB``.

Prints, by language and by event type: event sentences whose type was drafted for their mineral
(and for their mine, when the label names one), and trap sentences that drafted any event.
``--misses`` lists the sentences that failed.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from geo.ingest import extract  # noqa: E402
from geo.model.dataset import DEFAULT_DATA_DIR  # noqa: E402
from geo.rules.load import load_dataset  # noqa: E402

BATTERY = ROOT / "tests" / "ingest_phrasing_blind" / "battery.json"
PUB = "2020-06-15"


def score(items, ds):
    """Per item: (item, drafted (type, minerals, mines) set, right)."""
    out = []
    for it in items:
        drafts = extract("Report\n\n" + it["text"] + "\n", PUB, "battery", "", ds).drafts
        got = {(d.event_type, tuple(d.minerals), tuple(d.mines)) for d in drafts}
        if it["event_type"]:
            right = any(t == it["event_type"] and it["mineral_id"] in xs and (not it["mine_id"] or it["mine_id"] in ms)
                        for t, xs, ms in got)
        else:
            right = not got
        out.append((it, got, right))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("battery", nargs="?", default=str(BATTERY))
    ap.add_argument("--misses", action="store_true", help="list the sentences that failed")
    args = ap.parse_args(argv)
    items = json.loads(Path(args.battery).read_text(encoding="utf-8"))["items"]
    rows = score(items, load_dataset(DEFAULT_DATA_DIR))
    by = collections.defaultdict(lambda: [0, 0])
    for it, _got, right in rows:
        kind = it["event_type"] or "(no event: trap)"
        for key in (("all", "event" if it["event_type"] else "trap"), (it["lang"], "event" if it["event_type"] else "trap"),
                    ("type", kind)):
            by[key][0] += right
            by[key][1] += 1
    print("| sentences | right | share |\n|---|---|---|")
    for key in sorted(by, key=lambda k: (k[0] != "all", k[0] == "type", k)):
        r, n = by[key]
        name = {"event": "events drafted", "trap": "traps left undrafted"}.get(key[1], key[1])
        print(f"| {key[0] if key[0] != 'type' else 'type'}: {name} | {r}/{n} | {r / n:.2f} |")
    if args.misses:
        for it, got, right in rows:
            if not right:
                print(f"{it['id']} [{it['event_type'] or '-'} {it['mineral_id']} {it['mine_id']}] {it['text']}\n    drafted {sorted(got)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
