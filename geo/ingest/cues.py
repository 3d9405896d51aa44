"""Stage 6, cues: what a clause says happened, read from the data table ``cues.csv``.

Each row of the table names its ``kind``, the event type and effect it signals, and the
general pattern it serves (the ``serves`` column). Kinds:

* ``cue`` — phrases that signal an event; rows are tried in table order, the first match wins;
* ``negation`` — just before a cue, reverses it: a negated continuation or resumption is a
  halt, any other negated cue is dropped ("denied selling", "did not stop");
* ``modality`` — just before a cue, a plan, possibility, purpose or request ("plans to", "could",
  "a drive to raise output", "vowed to", "asked the UN to"): not an event; the row's next match in
  the clause is tried, and with none the clause is dropped;
* ``background`` — just before a cue, a habit or an earlier state ("often through ship-to-ship
  transfers", "has long", "which had been standing idle"): that match is not the report's event,
  the row's next match in the clause is tried (and then the next rows);
* ``attribution`` — unnamed sources: the anonymous-source flag; ``official`` — an official document,
  body or state medium cited: the draft's confidence (both read in :mod:`geo.ingest.attribution`);
* ``reference`` — "the mine", "the facility", "the company": the last mine named;
* ``importer`` — an importing side named: its halts, and bans for a stated while, are import suspensions;
* ``authority`` — a sanctioning authority named: a halt it imposes is a sanction;
* ``existing`` — just before a ban or cap, a measure already in force ("despite the UN ban"):
  that row does not make an event (later rows may).

Every pattern is a plain alternation with bounded repeats, searched on a sentence of bounded
length (see :mod:`geo.ingest.sentences`): no input makes it backtrack without bound.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from functools import reduce
from operator import or_
from pathlib import Path

from geo.ingest import cue_words as words
from geo.ingest.clauses import SCHEDULED
from geo.ingest.cues_ko import negated_after, no_event, not_stopped
from geo.ingest.gazetteer import Match
from geo.ingest.halts import GENERIC_HALT, WHILE_CLAUSE, halted_thing, without_organisations
from geo.ingest.hangul import has_hangul
from geo.ingest.literals import (
    has_odd_case,
    letter_finder,
    letters_bits,
    need_masks,
    needs_met,
    required_literals,
)
from geo.ingest.sides import (
    BOTH_SIDES,
    EXPORT_RE,
    destination,
    exporter_bans_its_exports,
    near_import,
    under_un_measure,
)

TABLE = Path(__file__).with_name("cues.csv")

EFFECTS = {
    "export_halt": "halted", "export_continued": "continued", "import_suspension": "suspended",
    "investment_offer": "offered", "smuggling": "smuggled", "production_halt": "halted",
    "export_resumed": "resumed", "deal_signed": "signed", "deal_collapsed": "collapsed",
    "discovery": "discovered", "production_change": "", "designation": "designated", "infrastructure": "built",
}

_LOOKBACK = 60  # characters before a cue searched for negation and modality
_RETRIES = 3  # matches of a row tried past background or planned ones

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


def has_reference(text: str) -> bool:
    return _any("reference", text) is not None


def _before(clause: str, start: int) -> str:
    return clause[max(0, start - _LOOKBACK):start]


def _cue(clause: str, minerals: list[Match], has_amount: bool, offset: int = 0) -> tuple[str, str, int] | None:
    """(event_type, effect, where the cue is) a clause signals, after negation and modality; None if none.

    ``minerals`` are the clause's mineral mentions, their positions in the sentence; the clause
    starts at ``offset`` in the sentence."""
    read = without_organisations(clause)  # for the cue rows; the rest reads the clause as written
    lower = read.lower()
    rows = _rows("cue")
    latin = lower.isascii() or not has_hangul(lower)
    if latin:
        mask = _latin_mask("cue", lower)
        candidates = _rows_of(mask & ((1 << len(rows)) - 1))
        # A row whose needs are not met cannot match (but for the few characters has_odd_case tells of).
        needs, present = (_needs("cue")[0], mask >> len(rows)) if not has_odd_case(read, lower) else ((None,) * len(rows), 0)
    for i in candidates if latin else _candidate_rows("cue", _present("cue", lower)):
        if latin and not needs_met(needs[i], present):
            continue
        row = rows[i]
        if row.event_type == "trade_figure" and not row.effect and not has_amount:
            continue  # a trade word with no figure in the clause: no trade figure, so not searched
        m = row.pattern.search(read)
        # a habit or an earlier state before it, or a plan or possibility: the row's next match, if any
        # ("vowed to raise output, and the mine raised zinc output"); a plan with no later match of its
        # row makes the clause no event, as before
        planned = False
        for tries in range(_RETRIES + 1):
            if not (m and (why := _not_news(clause, m, row.event_type))):
                break
            planned = planned or why == "modality"
            m = row.pattern.search(read, m.end()) if tries < _RETRIES else None
        if not m:
            if planned:
                return None  # a plan or possibility, and no later match of its row: the clause tells no event
            continue
        etype, effect = row.event_type, row.effect
        if etype in ("export_continued", "export_resumed", "export_halt") and words.FOREIGN_ORIGIN.search(read):
            continue  # another country's own exports ("The US had not exported coking coal to China since 2014")
        if etype == "trade_figure" and not effect:
            if words.FOREIGN_ORIGIN.search(read) or words.OUTPUT_RATE.search(read):
                continue  # goods shipped from China or Russia to the North, another country's own trade, a yearly output
            word = m.group(0).lower()
            effect = "imported" if word.startswith(words.IMPORT_WORDS) else "exported"
        if etype == "export_continued" and has_amount and words.GROWTH.search(m.group(0)):
            etype, effect = "trade_figure", "exported"  # 'exports rose to $1.18 billion': the figure is the news
        if etype == "smuggling" and (h := GENERIC_HALT.search(read, m.end(), m.end() + 40)) \
                and not WHILE_CLAUSE.search(read, m.end(), h.start()):
            etype, effect = "export_halt", "halted"  # 'smuggled exports … mostly stopped from late July'
        before = _before(clause, m.start())
        if etype in ("export_continued", "export_resumed") and has_hangul(m.group(0)) and negated_after(clause, m.end()) \
                and "아직" not in clause[:m.start()]:
            return "export_halt", "halted", m.start()  # '수출이 재개되지 않았다', as 'did not resume' (not '아직', not yet)
        if etype == "trade_figure" and has_hangul(m.group(0)) and negated_after(clause, m.end()):
            continue  # '캐낸 철광석도 실어 나르지 못해': goods not carried are no trade figure
        if etype in ("export_halt", "production_halt") and has_hangul(m.group(0)) and (kept := not_stopped(clause, m.end())) is not None:
            return (kept, "continued", m.start()) if kept else None  # '싣는 작업은 멈추지 않고': no stop
        if has_hangul(m.group(0)) and not SCHEDULED.search(clause) and no_event(clause, m.end(), etype):
            continue  # after the verb: a plan or forecast ('늘기는 어려울 것으로 전망'), or background ('끊겼던')
        if neg := _any("negation", before):
            at = m.start() - len(before) + neg.start()  # the reading starts at the negation: the quote keeps it
            if etype in ("export_continued", "export_resumed"):
                return "export_halt", "halted", at
            if etype == "export_halt" and GENERIC_HALT.match(m.group(0)) and words.SHIPPING_WORDS.search(clause):
                return "export_continued", "continued", at  # "loading at the port does not appear to have stopped"
            return None
        if etype in ("export_halt", "production_halt") and GENERIC_HALT.match(m.group(0)):
            if ("ban" in lower or "prohib" in lower or "forb" in lower) and words.BANNED_BEFORE.search(read, 0, m.start()):
                continue  # 'it banned trade in gold … and stopped deliveries': the ban, read by its own row
            etype = halted_thing(clause, etype, m.start())
        if etype == "export_halt" and _imposed_by_authority(clause, m.start()):
            return "sanction", "banned", m.start()
        if etype == "export_halt" and _importer_stops(clause, m.start()):
            return "import_suspension", "suspended", m.start()
        if etype == "export_halt" and near_import(clause, minerals, offset):
            return "import_suspension", "suspended", m.start()
        if etype == "sanction" and _any("existing", before):
            continue  # a measure already in force is the background of the clause, not its event
        if etype == "sanction" and _importer_only(clause, m.start()) and words.FOR_A_WHILE.search(clause, max(0, m.start() - 60), m.end() + 80):
            return "import_suspension", "suspended", m.start()  # a ban for a stated while; a standing one is a sanction
        if etype == "sanction" and _exporter_bans_exports(clause, m):
            return "export_halt", "halted", m.start()
        if etype == "sanction" and (whom := words.BAN_ON_WHOM.match(read, m.end(), m.end() + 60)) \
                and not words.BOUND_FROM.match(read, whom.end()):
            return "designation", "designated", m.start()  # 'a port ban on ships', 'banned four vessels'
        if etype == "import_suspension" and (m.group(0).lower().startswith(("restricted", "curbed")) or "못하" in m.group(0)) \
                and (_imposed_by_authority(clause, m.start()) or words.MEASURE_BEFORE.search(before)):
            return "sanction", "banned", m.start()  # 'the resolution restricted imports', '결의로 … 수입하지 못하도록': a measure
        if etype == "production_change" and not effect:
            effect = "reduced" if words.output_reduced(m.group(0)) else "increased"
        return etype, effect, m.start()
    return None


#: The kinds of event a scheduled start or end makes decided (a measure, a stop): not a deal "to abandon" a programme.
_SCHEDULABLE = frozenset({"import_suspension", "sanction", "export_halt", "designation", "production_halt"})


def _not_news(clause: str, m: re.Match, event_type: str) -> str:
    """'background' for a habit or an earlier state just before the match; 'modality' for a plan or
    possibility ("plans to", "could"; not before an offer, conditional by nature); '' otherwise."""
    before = _before(clause, m.start())
    if _any("background", before) is not None or words.tells_no(event_type, before, m.group(0)):
        return "background"  # (or people who left a deal, or work that goes on: cue_words.tells_no)
    if event_type != "investment_offer" and _any("modality", before) is not None \
            and not (event_type in _SCHEDULABLE and SCHEDULED.search(clause)) \
            and not (event_type == "sanction" and words.OBLIGED.search(before)):
        return "modality"
    return ""


def _importer_only(clause: str, at: int) -> bool:
    """An importing country's own ban ('China bans North Korean iron ore'): the importer is named
    before the ban word and no UN measure is (before it, or as what it carries out)."""
    before = clause[:at]
    importer = _any("importer", before) is not None or (
        # "After its ban on coal, China …": the importer named later, the ban its own ("its")
        re.search(r"\bits\s+(?:\w+\s+)?$", before, re.IGNORECASE) is not None and _any("importer", clause[at:]) is not None)
    return importer and not under_un_measure(clause, at)


def _exporter_bans_exports(clause: str, m: re.Match) -> bool:
    """A ban the exporting side puts on its own exports ('the central government ordered a ban on the
    exports of rare earths') halts them: North Korea's side named before it, no importer or authority."""
    before = clause[:m.start()]
    return exporter_bans_its_exports(clause, m) and _any("importer", before) is None and _any("authority", before) is None


def _imposed_by_authority(clause: str, at: int) -> bool:
    """A halt an authority named before it imposes ('the Security Council widened sanctions to a total halt')."""
    auth = _any("authority", clause[:at])
    return auth is not None and _any("importer", clause[auth.end():at]) is None


def named_sides(text: str) -> tuple[bool, bool]:
    """(a sanctioning authority named, an importing side named): an authority and no importer, its
    measure is not China's told again; an importer and no authority, the measure is China's own."""
    return _any("authority", text) is not None, _any("importer", text) is not None


def _importer_stops(clause: str, at: int) -> bool:
    """An importing side that stops the goods ('China suspended North Korean coal') suspends its
    imports: the importer named before the halt word, not as where the goods go ('shipments to
    China have ceased', '중국 판매가 끊겼다'), and no export word in the clause."""
    before = clause[:at]
    if BOTH_SIDES.search(before):  # "Pyongyang and Beijing closed their border": not the importer's alone
        return False
    return EXPORT_RE.search(clause) is None and any(not destination(before, m.start(), m.end())
                                                    for row in _rows("importer") for m in row.pattern.finditer(before))
