"""Stage 7c, the type reader: a trained second reading of what kind of event a sentence tells.

The cues (:mod:`geo.ingest.cues`) type a draft by rules, one pattern at a time. The type reader reads
the draft's whole sentence at once: a multinomial logistic regression over the sentence's words, word
pairs and (in Korean, whose words carry particles) letter pairs, fitted on the sentences of the
hand-labelled sets: those that tell a labelled event, as its type, and those that name a mine or
mineral but tell none, as :data:`NONE` (``python -m geo.tools.fit_types``, which prints how well it
reads sets it was not fitted on). Its weights are the table ``type_reader.csv``: one row per feature, one
column per event type, only weights of at least :data:`KEEP` kept.

It does not type drafts. It is a second opinion the certainty estimate weighs
(:mod:`geo.ingest.certainty`): a draft whose sentence reads as its own type is more often right, one
whose sentence reads as another type is more often wrong, and the review says which type it reads as.

One pass over the sentence's words (its length is bounded by the sentence splitter): linear.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

TABLE = Path(__file__).with_name("type_reader.csv")
#: Weights smaller than this are left out of the table (they change no reading).
KEEP = 0.005
BIAS = "(bias)"
#: The reader's class for a sentence that names a mine or mineral but tells no event of its own.
NONE = "(no event)"

# English words in lower case, Hangul words, numbers (one token for every number).
_WORD = re.compile(r"[a-z]+|[\uac00-\ud7a3]+|\d+")
_HANGUL_FIRST = "\uac00"


def sentence_features(text: str) -> set[str]:
    """The features of a sentence: each word, each pair of neighbouring words, an English word's first
    five letters (inflections share them), a Korean word's letter pairs and its last two letters (the
    ending and particle)."""
    out: set[str] = set()
    prev = "<s>"
    for tok in _WORD.findall(text.lower()):
        if tok[0] >= _HANGUL_FIRST:
            out.add("k:" + tok)
            out.update("k2:" + tok[i:i + 2] for i in range(len(tok) - 1))
            out.add("k2e:" + tok[-2:])
        elif tok.isdigit():
            tok = "<num>"
            out.add("w:" + tok)
        else:
            out.add("w:" + tok)
            if len(tok) > 5:
                out.add("p:" + tok[:5])
        out.add(f"b:{prev}_{tok}")
        prev = tok
    return out


@dataclass(frozen=True)
class Reader:
    """Weights per feature, one per type (in :attr:`types` order); :data:`BIAS` is always present."""

    types: tuple[str, ...]
    weights: dict[str, tuple[float, ...]]

    def read(self, text: str) -> dict[str, float]:
        """Each type's probability for the sentence."""
        z = list(self.weights[BIAS])
        for f in sentence_features(text):
            w = self.weights.get(f)
            if w is not None:
                z = [a + b for a, b in zip(z, w, strict=True)]
        top = max(z)
        e = [math.exp(v - top) for v in z]
        s = sum(e)
        return {t: v / s for t, v in zip(self.types, e, strict=True)}


@dataclass(frozen=True)
class Reading:
    """What the reader makes of a draft's sentence: the event type it reads best and the chance it gives
    the draft's own type, both among the event types, and the chance that the sentence tells no event."""

    best: str
    best_p: float
    own_p: float
    none_p: float

    def agrees(self, own: str) -> bool:
        return self.best == own


@cache
def stored(path: Path = TABLE) -> Reader:
    with path.open(encoding="utf-8", newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        types = tuple(header[1:])
        weights = {r[0]: tuple(float(v) if v else 0.0 for v in r[1:]) for r in rows}
    if header[0] != "feature" or BIAS not in weights:
        raise ValueError(f"{path.name}: a feature column and a {BIAS} row are needed")
    return Reader(types, weights)


def write(reader: Reader, path: Path = TABLE) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["feature", *reader.types])
        for name in sorted(reader.weights, key=lambda n: (n != BIAS, n)):
            ws = reader.weights[name]
            if name == BIAS or max(abs(v) for v in ws) >= KEEP:
                w.writerow([name, *(f"{v:.3f}" if abs(v) >= KEEP else "" for v in ws)])


def reading(text: str, own: str, reader: Reader | None = None) -> Reading:
    """The reader's reading of a draft's sentence (the stored reader unless one is given)."""
    probs = _read_stored(text) if reader is None else reader.read(text)
    none = probs.get(NONE, 0.0)
    typed = {t: p / (1.0 - none) for t, p in probs.items() if t != NONE} if none < 1.0 else {}
    best = max(typed, key=typed.__getitem__) if typed else ""
    return Reading(best, typed.get(best, 0.0), typed.get(own, 0.0), none)


@lru_cache(maxsize=4096)
def _read_stored(text: str) -> dict[str, float]:
    return stored().read(text)
