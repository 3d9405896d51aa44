"""Fit the draft-certainty weights: ``python -m geo.tools.fit_certainty [--write] [--threshold P]``.

Two fits, both logistic regressions with an L2 penalty (plain gradient descent, numpy,
deterministic), one row per drafted link, labelled right when its (mine, mineral, type) is a
labelled event of its report:

1. **the weights** of the features of :mod:`geo.ingest.certainty`, on the drafts the extractor makes
   now from the sets whose failures have been read (:data:`geo.ingest.evalset.FIT_SETS`): the
   drafts of the code as it is, but of texts its rules were written on, so right more often than a
   new report's drafts;
2. **the calibration** (a scale and a shift of the weights' sum), on the drafts each set got **at
   first sight**, from the extractor of the commit it was first scored at, before any rule looked
   at it (``tests/ingest_first_sight.csv``, written by ``scripts/first_sight_drafts.py``): what a
   reviewer of a report from a new source is offered. The estimate then says how often such a
   draft is right.

The newest sets (:data:`CHECK_SETS`) are fitted on by neither: they are the check. Every set's
sentences are read, for the type reader's features, by a reader fitted without that set
(:func:`geo.tools.fit_types.left_out_readers`), as a new report's sentences are read by one that never
saw them.

It prints, for each set left out of both fits in turn, how many of its first-sight drafts the
estimate would propose at the threshold and how many of those are right, against all of them, with
the uncalibrated figure beside, and the same counted as they are (the drafted date within the
label's precision too); then how the estimate held against the share right, by band; then the
check sets. ``--write`` stores the weights and calibration fitted on all the fit rows in
``geo/ingest/certainty.csv``.
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
from pathlib import Path

import numpy as np

from geo.ingest.certainty import (
    FEATURES,
    PROPOSE_AT,
    READER_FEATURES,
    READS_OTHER,
    READS_OWN,
    SCALE,
    SHIFT,
    TABLE,
    TELLS_EVENT,
    features,
)
from geo.ingest.evalset import FIT_SETS, SETS, labelled_drafts
from geo.ingest.type_reader import Reader
from geo.model.dataset import DEFAULT_DATA_DIR
from geo.rules.load import load_dataset
from geo.tools.first_sight import CHECK_SETS, FIRST_SIGHT, links
from geo.tools.fit_types import classes, left_out_readers, training_rows

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
    "mine or mineral from another sentence": "its mine or mineral is not named in its sentence (taken from another "
                                             "sentence, or from what its mine is known for)",
    READS_OWN: "",
    READS_OTHER: "the type reader scores its type low (a trained hint only)",
    TELLS_EVENT: "",
}
PENALTY = 1.0
BANDS = (0.0, 0.3, 0.5, 0.7, 0.9, 1.01)

Row = tuple[str, list[str], bool]  # (set name, features, right)


def rows(data_dir: Path = DEFAULT_DATA_DIR, readers: dict[str, Reader] | None = None) -> list[Row]:
    """Per drafted link of the read sets, drafted by the extractor as it is now; a set's sentences read
    by its reader in ``readers`` (fitted without it), else by the stored type reader."""
    out, readers = [], readers or {}
    folders = dict(SETS)
    with tempfile.TemporaryDirectory(prefix="geo-fit-") as tmp:
        for name in FIT_SETS:
            for d, right in labelled_drafts(folders[name], data_dir, Path(tmp) / name):
                if d.known:
                    continue  # the review leaves these out already
                out += [(name, features(d, readers.get(name)), r) for r in right]
    return out


def first_sight(path: Path = FIRST_SIGHT, readers: dict[str, Reader] | None = None
                ) -> list[tuple[str, list[str], bool, bool]]:
    """Per drafted link of the drafts each set got at first sight, judged against this clone's labels:
    (set, features, right: a labelled event of its report has the same mine, mineral and type, right
    as it is: and the drafted date is within that label's precision). A set's features are read with
    its reader in ``readers`` (fitted without it), else with the stored type reader."""
    readers = readers or {}
    return [(lk.set_name, features(lk.draft, readers.get(lk.set_name)), lk.right, lk.as_is) for lk in links(path)]


def fit(x: np.ndarray, y: np.ndarray, penalty: float = PENALTY, steps: int = 4000) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        w -= 0.5 * (x.T @ (_p(x @ w) - y) + penalty * w) / len(y)
    return w


def calibrate(z: np.ndarray, y: np.ndarray) -> np.ndarray:
    """(scale, shift) of the weights' sums ``z`` that make their logistic the share right (nearly no penalty)."""
    return fit(np.stack([z, np.ones(len(z))], 1), y, penalty=0.01, steps=20000)


class Fitted:
    """Weights fitted on the read rows, calibrated on the first-sight rows (each as :func:`_arrays`
    makes them); ``leave`` keeps a set out of both."""

    def __init__(self, read: tuple, seen: tuple, leave: str = ""):
        (xr, yr, sr), (xs, ys, ss) = read, seen
        keep = (ss != leave) & ~np.isin(ss, CHECK_SETS)
        self.w = fit(xr[sr != leave], yr[sr != leave])
        self.scale, self.shift = calibrate(xs[keep] @ self.w, ys[keep])

    def __call__(self, x: np.ndarray, calibrated: bool = True) -> np.ndarray:
        z = x @ self.w
        return _p(self.scale * z + self.shift if calibrated else z)


def _arrays(names: list[str], data: list[Row]):
    return (np.array([[float(n in fs) for n in names] for _s, fs, _r in data]).reshape(len(data), len(names)),
            np.array([float(r) for _s, _fs, r in data]), np.array([s for s, _fs, _r in data]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo.tools.fit_certainty", description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"store the weights in {TABLE.name}")
    ap.add_argument("--threshold", type=float, default=PROPOSE_AT, help="propose at this estimate (default %(default)s)")
    args = ap.parse_args(argv)
    types = [f"type:{t}" for t in load_dataset(DEFAULT_DATA_DIR).vocab.codes("event_type")]
    names = [*FEATURES, *READER_FEATURES, *types]
    # every set's sentences are read by a type reader fitted without that set, as a new report's are
    sentences = training_rows()
    readers = left_out_readers(sentences, classes(), [*FIT_SETS, *dict.fromkeys(lk.set_name for lk in links())])
    read_rows, sight = rows(readers=readers), first_sight(readers=readers)
    read, seen = _arrays(names, read_rows), _arrays(names, [(n, fs, r) for n, fs, r, _d in sight])
    as_is = np.array([float(d) for *_x, d in sight])
    x, y, sets = seen
    check = np.isin(sets, CHECK_SETS)
    left = list(dict.fromkeys(sets[~check]))
    print(f"weights: {len(read_rows)} drafted links of the read sets now; calibration: {int((~check).sum())} drafted links "
          f"at first sight of {len(left)} sets, {int(y[~check].sum())} right\n")
    print("Each set left out of both fits in turn, its first-sight drafts:\n\n"
          "| left out | proposed: right / proposed | uncalibrated: right / proposed | all drafts: right / drafted |\n"
          "|---|---|---|---|")
    est, raw = np.zeros(len(y)), np.zeros(len(y))
    for name in left:
        out = sets == name
        f = Fitted(read, seen, leave=name)
        est[out], raw[out] = f(x[out]), f(x[out], calibrated=False)
        print(f"| {name} | {_chosen(est, y, out, args.threshold)} | {_chosen(raw, y, out, args.threshold)} | "
              f"{_share(y[out].sum(), out.sum())} |")
    print(f"| all, each left out in turn | {_chosen(est, y, ~check, args.threshold)} | "
          f"{_chosen(raw, y, ~check, args.threshold)} | {_share(y[~check].sum(), (~check).sum())} |")
    print(f"| as they are (the date within the label's precision too) | {_chosen(est, as_is, ~check, args.threshold)} | "
          f"{_chosen(raw, as_is, ~check, args.threshold)} | {_share(as_is[~check].sum(), (~check).sum())} |")
    print("\nCalibration, each set left out in turn:\n\n"
          "| estimate | drafted links | mean estimate | right | uncalibrated: mean estimate, right |\n|---|---|---|---|---|")
    for lo, hi in zip(BANDS, BANDS[1:], strict=False):
        band, rband = ~check & (est >= lo) & (est < hi), ~check & (raw >= lo) & (raw < hi)
        print(f"| {lo:.1f}–{min(hi, 1):.1f} | {int(band.sum())} | {_mean(est, band)} | {_share(y[band].sum(), band.sum())} "
              f"| {int(rband.sum())} links: {_mean(raw, rband)}, {_share(y[rband].sum(), rband.sum())} |")
    f = Fitted(read, seen)
    if check.any():
        e = np.where(check, f(x), 0.0)
        print(f"\nCheck ({', '.join(CHECK_SETS)}, fitted on by neither): proposed {_chosen(e, y, check, args.threshold)}, "
              f"as they are {_chosen(e, as_is, check, args.threshold)}, "
              f"all drafts {_share(y[check].sum(), check.sum())}")
    table = {**dict(zip(names, f.w, strict=True)), SCALE: f.scale, SHIFT: f.shift}
    if args.write:
        with TABLE.open("w", encoding="utf-8", newline="") as fh:
            wr = csv.writer(fh, lineterminator="\n")
            wr.writerow(["feature", "weight", "says"])
            for n, v in table.items():
                says = "" if n in (SCALE, SHIFT) else SAYS.get(
                    n, f"{n[5:].replace('_', ' ')} drafts are often wrong in the labelled sets")
                wr.writerow([n, f"{v:.3f}", says if v < 0 else ""])
        print(f"\nwrote {TABLE}")
    else:
        print("\n" + json.dumps({n: round(float(v), 3) for n, v in table.items()}, indent=1))
    return 0


def _p(z: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-z))


def _chosen(est: np.ndarray, y: np.ndarray, among: np.ndarray, threshold: float) -> str:
    chosen = among & (est >= threshold)
    return _share(y[chosen].sum(), chosen.sum())


def _mean(est: np.ndarray, band: np.ndarray) -> str:
    return f"{est[band].mean():.2f}" if band.any() else "-"


def _share(part, whole) -> str:
    return f"{part / whole:.2f} ({int(part)}/{int(whole)})" if whole else "- (0/0)"


if __name__ == "__main__":
    raise SystemExit(main())
