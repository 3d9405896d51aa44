"""How often the drafts' confidence rule (geo.ingest.attribution) gives the confidence the curators gave
the record's events: ``python scripts/confidence_agreement.py [DATA_DIR]``.

Each event that is not ``corroborated`` (a second report, which one report cannot say) is read as a
draft would be: its type, its evidence sentence, its anonymous-source flag. The evidence is the
curators' own wording of what the source says, so this checks the rule against the record's
convention, not the extractor on report text. Prints the agreement, the figure if every draft said
``reported``, and each disagreement."""

from __future__ import annotations

import sys
from pathlib import Path

from geo.ingest.attribution import confidence
from geo.model.dataset import DEFAULT_DATA_DIR
from geo.rules.load import load_dataset


def main(argv: list[str]) -> int:
    ds = load_dataset(Path(argv[0]) if argv else DEFAULT_DATA_DIR)
    rows = ds.events[ds.events["confidence"] != "corroborated"]
    same, reported, off = 0, 0, []
    for r in rows.itertuples(index=False):
        level, _why = confidence(r.event_type, str(r.evidence), bool(r.anonymous_source))
        same += level == r.confidence
        reported += r.confidence == "reported"
        if level != r.confidence:
            off.append(f"  {r.event_id}: rule {level}, record {r.confidence}")
    print(f"{len(rows)} events not corroborated: the rule agrees on {same}; 'reported' for all would agree on {reported}")
    print("\n".join(off))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
