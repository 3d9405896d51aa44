"""Fit the type reader: ``python -m geo.tools.fit_types [--write]``.

The type reader (:mod:`geo.ingest.type_reader`) is a multinomial logistic regression with an L2 penalty
(plain gradient descent, numpy, deterministic) from a sentence's features to the event type it tells.
One row per hand-labelled event that has its ``evidence`` (blind sets 9 on; the evaluation set, the
held-out set and blind sets 1 to 8 have none, so they are never fitted on): the sentence of its report
that holds the evidence, and the labelled type. Only the sets whose failures have been read
(:data:`geo.ingest.evalset.FIT_SETS`) are fitted on; the check sets of the certainty fit are not.

It prints, for each set fitted on left out in turn, how often the reader's best type is the labelled
one, and, on every set's drafts at first sight (``tests/ingest_first_sight.csv``, each set left out
of the fit), how often a draft right on mine and mineral is right on type when the reader agrees with
its type and when it reads another. ``--write`` stores the reader fitted on all rows in
``geo/ingest/type_reader.csv``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np

from geo.ingest.certainty import EVENT_BELOW, OTHER_BELOW
from geo.ingest.evalset import FIT_SETS, SETS
from geo.ingest.gazetteer import Gazetteer
from geo.ingest.sentences import sentences
from geo.ingest.type_reader import BIAS, NONE, TABLE, Reader, reading, sentence_features, write
from geo.model.dataset import DEFAULT_DATA_DIR
from geo.rules.load import load_dataset
from geo.tools.first_sight import CHECK_SETS, links

PENALTY = 1.0
STEPS = 300
#: A feature is fitted on when it is in at least this many training sentences.
MIN_COUNT = 2

Row = tuple[str, str, str]  # (set name, sentence, labelled type)


def training_rows(names: tuple[str, ...] = FIT_SETS, data_dir: Path = DEFAULT_DATA_DIR) -> list[Row]:
    """Per report of a set whose labels all give their evidence: (set, sentence, type) per distinct type a
    sentence holding an evidence tells, and (set, sentence, NONE) per other sentence naming a mine or
    mineral of the record (it may retell an event another sentence tells: the class is noisy)."""
    out = []
    folders = dict(SETS)
    gaz = Gazetteer.from_dataset(load_dataset(data_dir))
    for name in names:
        if name in CHECK_SETS:
            continue
        folder = Path(folders[name])
        reports = json.loads((folder / "labels.json").read_text(encoding="utf-8"))["reports"]
        if not all(e.get("evidence") for rep in reports for e in rep["events"]):
            continue  # a set labelled before evidence was given (the evaluation set, blind sets 1 to 8)
        for rep in reports:
            for s in dict.fromkeys(s.text for s in sentences((folder / rep["file"]).read_text(encoding="utf-8"))):
                told = dict.fromkeys(e["event_type"] for e in rep["events"] if e["evidence"] in s)
                if told:
                    out += [(name, s, t) for t in told]
                elif any(m.kind in ("mine", "mineral") for m in gaz.match(s)):
                    out.append((name, s, NONE))
    return out


def train(rows: list[Row], types: tuple[str, ...], penalty: float = PENALTY, steps: int = STEPS) -> Reader:
    """The reader fitted on ``rows``. The sentences' features are kept sparse (each row's feature
    indices), so a step costs the number of features present, not rows × features."""
    counts = Counter(f for _n, s, _t in rows for f in sentence_features(s))
    names = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(names)}
    bias = len(names)
    present = [sorted(index[f] for f in sentence_features(s) if f in index) + [bias] for _n, s, _t in rows]
    row_of = np.repeat(np.arange(len(rows)), [len(p) for p in present])
    col = np.concatenate([np.array(p, dtype=np.int64) for p in present])
    starts = np.concatenate([[0], np.cumsum([len(p) for p in present])[:-1]])
    y = np.zeros((len(rows), len(types)))
    y[np.arange(len(rows)), [types.index(t) for _n, _s, t in rows]] = 1.0
    w = np.zeros((bias + 1, len(types)))
    for _ in range(steps):
        z = np.add.reduceat(w[col], starts, axis=0)
        p = np.exp(z - z.max(1, keepdims=True))
        p /= p.sum(1, keepdims=True)
        g = (p - y)[row_of]
        grad = penalty * w + np.stack([np.bincount(col, g[:, k], len(w)) for k in range(len(types))], 1)
        w -= 0.5 * grad / len(rows)
    weights = {f: tuple(float(v) for v in w[i]) for f, i in index.items()}
    weights[BIAS] = tuple(float(v) for v in w[bias])
    return Reader(types, weights)


def classes(data_dir: Path = DEFAULT_DATA_DIR) -> tuple[str, ...]:
    """What the reader tells apart: the vocabulary's event types and NONE."""
    return (*load_dataset(data_dir).vocab.codes("event_type"), NONE)


def left_out_readers(rows: list[Row], types: tuple[str, ...], names) -> dict[str, Reader]:
    """A reader per set name, fitted on every row but that set's (the same reader for names with no rows)."""
    out, everyone = {}, None
    for name in names:
        if any(r[0] == name for r in rows):
            out[name] = train([r for r in rows if r[0] != name], types)
        else:
            everyone = everyone or train(rows, types)
            out[name] = everyone
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m geo.tools.fit_types", description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"store the reader in {TABLE.name}")
    args = ap.parse_args(argv)
    types = classes()
    rows = training_rows()
    sight = links()
    readers = left_out_readers(rows, types, dict.fromkeys([*(r[0] for r in rows), *(lk.set_name for lk in sight)]))
    typed = [r for r in rows if r[2] != NONE]
    print(f"{len(rows)} sentences of {len({r[0] for r in rows})} sets: {len(typed)} tell a labelled event, "
          f"{len(rows) - len(typed)} name a mine or mineral and tell none\n\n"
          "Each set left out in turn, the reader's best event type on its sentences that tell one:\n\n"
          "| left out | right / sentences |\n|---|---|")
    total = Counter()
    for name in dict.fromkeys(r[0] for r in typed):
        mine = [r for r in typed if r[0] == name]
        right = sum(reading(s, t, readers[name]).best == t for _n, s, t in mine)
        total["right"] += right
        total["all"] += len(mine)
        print(f"| {name} | {right}/{len(mine)} |")
    print(f"| all | {total['right']}/{total['all']} ({total['right'] / total['all']:.2f}) |")
    print("\nDrafted links at first sight, each set's sentences read by a reader fitted without it:\n\n"
          "| the reader | links | right on mine and mineral | ... and type | ... and date (as they are) |\n"
          "|---|---|---|---|---|")
    by: dict[str, list[int]] = {}
    for lk in sight:
        r = reading(lk.draft.evidence, lk.draft.event_type, readers[lk.set_name])
        keys = ["reads its type" if r.agrees(lk.draft.event_type) else
                f"reads another, its own under {OTHER_BELOW}" if r.own_p < OTHER_BELOW else "reads another",
                f"no event under {EVENT_BELOW}" if r.none_p < EVENT_BELOW else f"no event {EVENT_BELOW} or more"]
        for key in keys:
            n = by.setdefault(key, [0, 0, 0, 0])
            for i, v in enumerate((True, lk.pair_right, lk.right, lk.as_is)):
                n[i] += v
    for key, (n, pair, right, as_is) in by.items():
        print(f"| {key} | {n} | {pair / n:.2f} | {right / n:.2f} | {as_is / n:.2f} |")
    if args.write:
        write(train(rows, types))
        print(f"\nwrote {TABLE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
