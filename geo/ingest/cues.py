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

import re

from geo.ingest import cue_words as words
from geo.ingest.clauses import SCHEDULED
from geo.ingest.cue_table import (
    _any,
    _candidate_rows,
    _latin_mask,
    _needs,
    _present,
    _rows,
    _rows_of,
)
from geo.ingest.cues_ko import negated_after, no_event, not_stopped
from geo.ingest.gazetteer import Match
from geo.ingest.halts import GENERIC_HALT, WHILE_CLAUSE, halted_thing, without_organisations
from geo.ingest.hangul import has_hangul
from geo.ingest.literals import has_odd_case, needs_met
from geo.ingest.sides import (
    BOTH_SIDES,
    EXPORT_RE,
    destination,
    exporter_bans_its_exports,
    near_import,
    under_un_measure,
)

EFFECTS = {
    "export_halt": "halted", "export_continued": "continued", "import_suspension": "suspended",
    "investment_offer": "offered", "smuggling": "smuggled", "production_halt": "halted",
    "export_resumed": "resumed", "deal_signed": "signed", "deal_collapsed": "collapsed",
    "discovery": "discovered", "production_change": "", "designation": "designated", "infrastructure": "built",
}

_LOOKBACK = 60  # characters before a cue searched for negation and modality
_RETRIES = 3  # matches of a row tried past background or planned ones

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
        if etype in ("export_continued", "export_resumed") and any(w in lower for w in words.DOMESTIC_WORDS) \
                and words.DOMESTIC_USE.search(read) and not words.FOREIGN_PLACE.search(read):
            continue  # goods kept for the North's own plants ("is being sent to thermal power plants"): no export
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
        if etype == "sanction" and m.group(0).lower() == "banned" and words.BANNED_GOODS_BEFORE.search(read, max(0, m.start() - 20), m.start()):
            if words.TRADE_ACT.search(clause):  # "earned $200 million from exports of coal … and other banned commodities"
                return "smuggling", "smuggled", m.start()  # goods named as banned (data/README's "Event types")
            continue  # "a list of banned goods": no measure of this report
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
    if words.CAUSE_AFTER.match(clause, m.end()) and words.THE_BEFORE.search(before):
        return "background"  # "The halt is said to stem from …": the stop told before, now its cause
    if event_type != "investment_offer" and _any("modality", before) is not None \
            and not (event_type in _SCHEDULABLE and SCHEDULED.search(clause)) \
            and not (m.group(0)[:4].lower() == "not " and _REFUSED.search(before)) \
            and not (event_type == "sanction" and words.OBLIGED.search(before)) \
            and not (event_type == "designation" and words.ANNOUNCED_WILL.search(before)):
        return "modality"
    return ""


#: "will not" / "would not" before a cue that starts with "not" ("would not import any"): a refusal, not a possibility.
_REFUSED = re.compile(r"\b(?:will|would|shall)\s+$", re.IGNORECASE)


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
    importer = _any("importer", before)  # (not the importer the goods went to: "금 정광을 중국 쪽에 넘겨 온 한 소식통은 …")
    return exporter_bans_its_exports(clause, m) and (importer is None or destination(before, importer.start(), importer.end())) \
        and _any("authority", before) is None


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
