"""Fit the draft-certainty weights: ``python -m geo.tools.fit_certainty [--write] [--threshold P]``.

Every draft of the sets whose failures have been read (:data:`geo.ingest.evalset.FIT_SETS`) is
labelled right when its (mine, mineral, type) is a labelled event of its report, one row per
link, and a logistic regression with an L2 penalty (plain gradient descent, numpy, deterministic)
weighs the features of :mod:`geo.ingest.certainty`. The blind sets are never fitted on.

It prints, for each set left out in turn and fitted on the others, how many drafts the estimate
would propose at the threshold and how many of those are right, against all drafts: the figures
the README's "Which drafts are proposed" quotes. ``--write`` stores the weights fitted on all the
fit sets in ``geo/ingest/certainty.csv``.
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
from pathlib import Path

import numpy as np

from geo.ingest.certainty import FEATURES, PROPOSE_AT, TABLE, features
from geo.ingest.evalset import FIT_SETS, SETS, labelled_drafts
from geo.model.dataset import DEFAULT_DATA_DIR
from geo.rules.load import load_dataset

#: What each feature tells a reviewer when it lowers a draft's estimate.
SAYS = {
    "bias": "",
    "mine named": "",
    "amount given": "",
    "several mines or minerals": "several mines or minerals in one draft",
    "date in the sentence": "",
    "date from an earlier paragraph": "its date is only from an earlier paragraph",
    "date from the publication": "the report gives it no date (publication date)",
    "date to the day": "",
    "mine or mineral from another sentence": "its mine or mineral comes from another sentence",
}
PENALTY = 1.0


def rows(data_dir: Path = DEFAULT_DATA_DIR) -> list[tuple[str, list[str], bool]]:
    """(set name, features, right) per drafted link of the fit sets."""
    out = []
    folders = dict(SETS)
    with tempfile.TemporaryDirectory(prefix="geo-fit-") as tmp:
        for name in FIT_SETS:
            for d, right in labelled_drafts(folders[name], data_dir, Path(tmp) / name):
                if d.known:
                    continue  # the review leaves these out already
                out += [(name, features(d), r) for r in right]
    return out


def fit(x: np.ndarray, y: np.ndarray, penalty: float = PENALTY, steps: int = 4000) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-x @ w))
        w -= 0.5 * (x.T @ (p - y) + penalty * w) / len(y)
    return w


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo.tools.fit_certainty", description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"store the weights in {TABLE.name}")
    ap.add_argument("--threshold", type=float, default=PROPOSE_AT, help="propose at this estimate (default %(default)s)")
    args = ap.parse_args(argv)
    types = [f"type:{t}" for t in load_dataset(DEFAULT_DATA_DIR).vocab.codes("event_type")]
    names = [*FEATURES, *types]
    data = rows()
    x = np.array([[float(n in fs) for n in names] for _s, fs, _r in data])
    y = np.array([float(r) for _s, _fs, r in data])
    sets = np.array([s for s, _fs, _r in data])
    print(f"{len(y)} drafted links from {', '.join(FIT_SETS)}; {int(y.sum())} right\n")
    print("| left out | proposed: right / proposed | all drafts: right / drafted |\n|---|---|---|")
    kept = right = 0
    for name in FIT_SETS:
        out = sets == name
        w = fit(x[~out], y[~out])
        chosen = (1 / (1 + np.exp(-x[out] @ w))) >= args.threshold
        kept, right = kept + int(chosen.sum()), right + int(y[out][chosen].sum())
        print(f"| {name} | {_share(y[out][chosen].sum(), chosen.sum())} | {_share(y[out].sum(), out.sum())} |")
    print(f"| all, each left out in turn | {_share(right, kept)} | {_share(y.sum(), len(y))} |")
    w = fit(x, y)
    if args.write:
        with TABLE.open("w", encoding="utf-8", newline="") as f:
            wr = csv.writer(f, lineterminator="\n")
            wr.writerow(["feature", "weight", "says"])
            for n, v in zip(names, w, strict=True):
                says = SAYS.get(n, f"{n[5:].replace('_', ' ')} drafts are often wrong in the labelled sets")
                wr.writerow([n, f"{v:.3f}", says if v < 0 else ""])
        print(f"\nwrote {TABLE}")
    else:
        print("\n" + json.dumps({n: round(float(v), 3) for n, v in zip(names, w, strict=True)}, indent=1))
    return 0


def _share(part, whole) -> str:
    return f"{part / whole:.2f} ({int(part)}/{int(whole)})" if whole else "- (0/0)"


if __name__ == "__main__":
    raise SystemExit(main())
