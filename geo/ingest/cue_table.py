"""The cue table ``cues.csv`` loaded, and the index that finds, for a clause, the rows whose literal prefixes it holds
(the rest are skipped without running their patterns): one pass over the clause's words, each word's rows remembered
once the report repeats it. :mod:`geo.ingest.cues` reads clauses with it; the table's kinds are listed there."""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from functools import reduce
from operator import or_
from pathlib import Path

from geo.ingest.hangul import has_hangul
from geo.ingest.literals import letter_finder, letters_bits, need_masks, required_literals

TABLE = Path(__file__).with_name("cues.csv")


@dataclass(frozen=True)
class CueRow:
    kind: str
    event_type: str
    effect: str
    pattern: re.Pattern
    serves: str
    prefixes: tuple[str, ...] | None = None  # see literal_prefixes
    latin_prefixes: tuple[str, ...] = ()  # the prefixes without Hangul: enough for ASCII text

    def search(self, text: str, lower: str) -> re.Match | None:
        """The pattern's first match in ``text`` (``lower`` is ``text.lower()``), skipping the
        regex when none of its literal prefixes is in the text (for ASCII text, none of the
        Latin ones)."""
        prefixes = self.prefixes if self.prefixes is None or not lower.isascii() else self.latin_prefixes
        if prefixes is not None and not any(p in lower for p in prefixes):
            return None
        return self.pattern.search(text)


@functools.lru_cache(maxsize=4)
def load_table(path: str = str(TABLE)) -> tuple[CueRow, ...]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    out = []
    for r in rows:
        pre = required_literals(r["pattern"])
        out.append(CueRow(r["kind"], r["event_type"], r["effect"], re.compile(r["pattern"], re.IGNORECASE),
                          r["serves"], tuple(pre) if pre else None,
                          tuple(p for p in pre or () if not has_hangul(p))))
    return tuple(out)


@functools.lru_cache(maxsize=16)
def _rows(kind: str) -> tuple[CueRow, ...]:
    return tuple(r for r in load_table() if r.kind == kind)


@functools.lru_cache(maxsize=16)
def _prefixes(kind: str) -> tuple[str, ...]:
    return tuple(sorted({p for r in _rows(kind) for p in (r.prefixes or ())}))


@functools.lru_cache(maxsize=16)
def _row_index(kind: str) -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """prefix → the positions of the kind's rows that require it; and the rows without a prefix."""
    by_prefix: dict[str, list[int]] = {}
    always = []
    for i, row in enumerate(_rows(kind)):
        if row.prefixes is None:
            always.append(i)
        for p in row.prefixes or ():
            by_prefix.setdefault(p, []).append(i)
    return {p: tuple(v) for p, v in by_prefix.items()}, tuple(always)


def _candidate_rows(kind: str, present: set[str]) -> list[int]:
    """The rows, in table order, that can match a clause holding the ``present`` prefixes: the
    same rows :meth:`CueRow.search` would not skip, found without visiting the others."""
    by_prefix, always = _row_index(kind)
    if not present:
        return list(always)
    return sorted({i for p in present for i in by_prefix.get(p, ())}.union(always))


def _present(kind: str, lower: str) -> set[str]:
    """The literal prefixes of a kind's rows that are in the text: one pass over them all, then a
    set test per row (cheaper than testing each row's prefixes in turn). Text without Hangul is
    not searched for the Korean rows' prefixes."""
    prefixes = _latin_prefixes(kind) if lower.isascii() or not has_hangul(lower) else _prefixes(kind)
    return {p for p in prefixes if p in lower}


@functools.lru_cache(maxsize=16)
def _latin_prefixes(kind: str) -> tuple[str, ...]:
    return tuple(p for p in _prefixes(kind) if not has_hangul(p))


_LETTERS = re.compile(r"[a-z]+")
#: kind → a word (a run of the letters a-z) → the mask of the kind's rows whose letters-only
#: prefixes it holds: reports repeat their words, so most words are looked up, not searched.
_WORD_ROWS: dict[str, dict[str, int]] = {}
#: kind → the words seen once and not remembered yet (remembered when seen again).
_ONCE: dict[str, set[str]] = {}
_WORD_ROWS_MAX = 50_000  # words remembered or seen once (text of ever new words: forgotten, not grown)


def forget_words() -> None:
    """Empty the words remembered (each run of the benchmark starts with none)."""
    _WORD_ROWS.clear()
    _ONCE.clear()


@functools.lru_cache(maxsize=16)
def _masks(kind: str) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...], int, int]:
    """What :func:`_latin_rows` tests: (text, bit mask) pairs searched in each word, the kind's
    other prefixes as (prefix, mask of its rows), the mask of the rows without a prefix, and the
    number of rows. A prefix of letters only stands for its rows' bits; any other prefix (with a
    space or an apostrophe) is tested only when a word holds its longest run of letters, which
    stands for the bit ``rows + its position``. Above those, the bits of :func:`_needs`' texts."""
    by_prefix, always = _row_index(kind)
    rows = len(_rows(kind))
    letters, other = [], []
    for p in _latin_prefixes(kind):
        mask = reduce(or_, (1 << i for i in by_prefix[p]), 0)
        if _LETTERS.fullmatch(p):
            letters.append((p, mask))
            continue
        runs = _LETTERS.findall(p)
        if runs:
            letters.append((max(runs, key=len), 1 << (rows + len(other))))
            other.append((p, mask))
        else:  # no letters to look for: tested in every clause
            always = (*always, *by_prefix[p])
    base = rows + len(other)
    letters += [(text, 1 << (base + k)) for k, text in enumerate(_needs(kind)[1])]
    return tuple(letters), tuple(other), reduce(or_, (1 << i for i in always), 0), rows


@functools.lru_cache(maxsize=16)
def _finder(kind: str) -> tuple[re.Pattern, dict[str, int]]:
    return letter_finder(_masks(kind)[0])


@functools.lru_cache(maxsize=16)
def _needs(kind: str) -> tuple[tuple[tuple[tuple[int, ...], ...] | None, ...], tuple[str, ...]]:
    """Per row of a kind, the masks of the texts its pattern needs (see
    :func:`~geo.ingest.literals.need_masks`), and the texts the bits stand for."""
    return need_masks([row.pattern.pattern for row in _rows(kind)])


@functools.lru_cache(maxsize=4096)
def _rows_of(mask: int) -> tuple[int, ...]:
    return tuple(i for i in range(mask.bit_length()) if mask >> i & 1)


def _latin_rows(kind: str, lower: str) -> tuple[int, ...]:
    """For text without Hangul: ``_candidate_rows(kind, _present(kind, lower))``, found faster."""
    return _rows_of(_latin_mask(kind, lower) & ((1 << len(_rows(kind))) - 1))


def _latin_mask(kind: str, lower: str) -> int:
    """The bits of :func:`_latin_rows`' rows, and above them those of :func:`_needs`' texts held. A
    text of letters only is in the text exactly when it is in one of its runs of letters, so each
    distinct word's bits are found once it is seen a second time, and remembered (see :func:`_masks`);
    the words seen for the first time are searched together, in one pass over them."""
    letters, other, mask, rows = _masks(kind)
    seen = _WORD_ROWS.setdefault(kind, {})
    words = set(_LETTERS.findall(lower))
    masks = list(map(seen.get, words))
    if None in masks:
        new = {w for w, m in zip(words, masks, strict=True) if m is None}
        masks = [m for m in masks if m is not None]
        once = _ONCE.setdefault(kind, set())
        if len(seen) + len(once) + len(new) > _WORD_ROWS_MAX:
            seen.clear()
            once.clear()
        finder = _finder(kind)
        again = once.intersection(new)
        if again:  # seen before: a word a report repeats, found alone and remembered
            once.difference_update(again)
            learnt = [letters_bits(w, finder) for w in again]
            seen.update(zip(again, learnt, strict=True))
            masks += learnt
            new.difference_update(again)
        if new:  # seen for the first time: found together (no text spans a line break)
            once.update(new)
            mask |= letters_bits("\n".join(new), finder)
    mask = reduce(or_, masks, mask)
    if found := (mask >> rows) & ((1 << len(other)) - 1):  # words that may be part of an other prefix
        for j in _rows_of(found):
            if other[j][0] in lower:
                mask |= other[j][1]
    return (mask & ((1 << rows) - 1)) | (mask >> (rows + len(other)) << rows)


def _any(kind: str, text: str, lower: str | None = None) -> re.Match | None:
    lower = text.lower() if lower is None else lower
    for r in _rows(kind):  # kinds other than cues have a row or two: each tests its own prefixes
        m = r.search(text, lower)
        if m:
            return m
    return None
