"""Stage 6, cues: what a clause says happened, read from the data table ``cues.csv``.

Each row of the table names its ``kind``, the event type and effect it signals, and the
general pattern it serves (the ``serves`` column). Kinds:

* ``cue`` — phrases that signal an event; rows are tried in table order, the first match wins;
* ``negation`` — just before a cue, reverses it: a negated continuation or resumption is a
  halt, any other negated cue is dropped ("denied selling", "did not stop");
* ``modality`` — just before a cue, a plan or possibility ("plans to", "could", "was expected
  to"): not an event, dropped;
* ``attribution`` — unnamed sources: the anonymous-source flag;
* ``reference`` — "the mine", "the facility", "the company": the last mine named;
* ``importer`` — an importing side named: its halts and bans are import suspensions.

Every pattern is a plain alternation with bounded repeats, searched on a sentence of bounded
length (see :mod:`geo.ingest.sentences`): no input makes it backtrack without bound.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from geo.ingest.gazetteer import Match

TABLE = Path(__file__).with_name("cues.csv")

EFFECTS = {
    "export_halt": "halted", "export_continued": "continued", "import_suspension": "suspended",
    "investment_offer": "offered", "smuggling": "smuggled", "production_halt": "halted",
    "export_resumed": "resumed", "deal_signed": "signed", "deal_collapsed": "collapsed",
    "discovery": "discovered", "production_change": "",
}

_LOOKBACK = 60  # characters before a cue searched for negation and modality


@dataclass(frozen=True)
class CueRow:
    kind: str
    event_type: str
    effect: str
    pattern: re.Pattern
    serves: str


@functools.lru_cache(maxsize=4)
def load_table(path: str = str(TABLE)) -> tuple[CueRow, ...]:
    with open(path, encoding="utf-8", newline="") as fh:
        return tuple(CueRow(r["kind"], r["event_type"], r["effect"], re.compile(r["pattern"], re.IGNORECASE),
                            r["serves"]) for r in csv.DictReader(fh))


@functools.lru_cache(maxsize=16)
def _rows(kind: str) -> tuple[CueRow, ...]:
    return tuple(r for r in load_table() if r.kind == kind)


def _any(kind: str, text: str) -> re.Match | None:
    for r in _rows(kind):
        m = r.pattern.search(text)
        if m:
            return m
    return None


def is_anonymous(text: str) -> bool:
    return _any("attribution", text) is not None


def has_reference(text: str) -> bool:
    return _any("reference", text) is not None


def _before(clause: str, start: int) -> str:
    return clause[max(0, start - _LOOKBACK):start]


@functools.lru_cache(maxsize=4)
def _any_cue(path: str = str(TABLE)) -> re.Pattern:
    """Every cue pattern in one alternation: one search tells whether a clause has any cue at all."""
    return re.compile("|".join(f"(?:{r.pattern.pattern})" for r in load_table(path) if r.kind == "cue"), re.IGNORECASE)


def _cue(clause: str, minerals: list[Match], has_amount: bool) -> tuple[str, str, int] | None:
    """(event_type, effect, where the cue is) a clause signals, after negation and modality; None if none."""
    if not _any_cue().search(clause):
        return None
    for row in _rows("cue"):
        m = row.pattern.search(clause)
        if not m:
            continue
        etype, effect = row.event_type, row.effect
        if etype == "trade_figure" and not effect:
            if not has_amount:
                continue
            word = m.group(0).lower()
            effect = "imported" if word.startswith(("import", "arrival", "took", "bought")) else "exported"
        before = _before(clause, m.start())
        if etype != "investment_offer" and _any("modality", before):
            return None  # an offer is conditional by nature ("if China invests … the rights will be handed over")
        if _any("negation", before):
            if etype in ("export_continued", "export_resumed"):
                return "export_halt", "halted", m.start()
            return None
        if etype in ("export_halt", "production_halt") and _GENERIC_HALT.match(m.group(0)):
            etype = _halted_thing(clause, etype)
        if etype == "export_halt" and _near_import(clause, minerals):
            return "import_suspension", "suspended", m.start()
        if etype == "sanction" and _importer_only(clause, m.start()):
            return "import_suspension", "suspended", m.start()
        if etype == "production_change" and not effect:
            effect = "reduced" if re.search(r"less|under|below|fell|dropped|declined|cut", m.group(0), re.I) else "increased"
        return etype, effect, m.start()
    return None


_GENERIC_HALT = re.compile(r"suspend|halt|stop|ceas|cut off|blocked|shut|closed|standstill|came to", re.IGNORECASE)
_TRADE_WORDS = re.compile(r"\b(?:export|import|shipment|shipping|sale|sold|trade|purchas|deliver)\w*", re.IGNORECASE)
_WORK_WORDS = re.compile(r"\b(?:mine|mines|mining|production|output|operations?|work|drilling|pits?|shafts?|rations)\b",
                         re.IGNORECASE)


def _halted_thing(clause: str, etype: str) -> str:
    """What stopped decides the type: trade words make an export halt, work words a production halt."""
    if _TRADE_WORDS.search(clause):
        return "export_halt"
    if _WORK_WORDS.search(clause):
        return "production_halt"
    return etype


def _importer_only(clause: str, at: int) -> bool:
    """An importing country's own ban ('China bans North Korean iron ore'): the importer is named
    before the ban word and no UN measure is."""
    before = clause[:at]
    return _any("importer", before) is not None and not re.search(
        r"\bresolution\b|\bsecurity council\b|\bU\.?N\.?\b|\bsanctions? (?:committee|resolution)", before, re.IGNORECASE)


_IMPORT_RE = re.compile(r"\bimport\w*", re.IGNORECASE)
_EXPORT_RE = re.compile(r"\bexport\w*", re.IGNORECASE)


def _near_import(clause: str, minerals: list[Match]) -> bool:
    """Is an 'import' word the trade word nearest a mineral (or the only trade word)?"""
    imports = [m.start() for m in _IMPORT_RE.finditer(clause)]
    if not imports:
        return False
    exports = [m.start() for m in _EXPORT_RE.finditer(clause)]
    if not exports:
        return True
    for x in minerals:
        if min(abs(i - x.start) for i in imports) < min(abs(e - x.start) for e in exports):
            return True
    return False


_CLAUSE_RE = re.compile(r",\s+but\s+|;\s+|\s+but\s+|,\s+while\s+|,\s+(?:yet|although|though)\s+|\s+whereas\s+")
