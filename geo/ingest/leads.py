"""Stage 7b, leads: sentences that name a mine or mineral but gave no draft, for the reviewer.

The cue table reads the wordings it knows; a report from a new source tells some events in
others ("the iron ore producing bases went under water", "구리와 니켈을 들여오지 않기로 했다").
Such a sentence names a mine or a mineral and drafts nothing. Rather than drop it silently,
the extractor lists it as a *lead*: a draft with no event type, its mines and minerals paired as
the sentence pairs them, and its date found the way an event's would be. The review shows leads
unticked, below the drafts; a reviewer who ticks one and chooses its type makes it an event.

Leads are never proposed and never applied without a type; the evaluation does not count them
as drafts (it reports how many missed events a lead would let the reviewer add).

At most ``LEAD_LIMIT`` sentences give leads, in the report's order, a repeated sentence once: a long
report's tail of mentions stays one pass, and the notes say how many more there were.
"""

from __future__ import annotations

import re

from geo.ingest.drafts import EVIDENCE_MAX, Draft
from geo.ingest.event_dates import date_for
from geo.ingest.mentions import _pairs
from geo.ingest.places import drop_town_names
from geo.ingest.protos import _Proto
from geo.ingest.quote import short_quote
from geo.ingest.sites import place_named
from geo.ingest.titles import subject

#: The most leads a report lists (the rest are counted in a note).
LEAD_LIMIT = 60

#: A mine's name written as a mine, not as its town: the word is in the name as matched
#: ("혜산광산") or follows it within ``MINE_WORD_REACH`` characters ("the Cholsan mine",
#: "the Inpho Youth Coal Mine").
_MINE_WORD = re.compile(r"mine|colliery|complex|광산|탄광|광업|기업소", re.IGNORECASE)
MINE_WORD_REACH = 20

#: Why a lead is there, shown in the review's "Check" column.
LEAD_CHECK = "no event drafted from this sentence: tick it and choose an event type to add one"


def find_leads(sents, info, drafts: list[Draft], pub, adopted, anon, known: dict[str, list[str]],
               names: dict[str, str]) -> tuple[list[Draft], list[str]]:
    """(leads, notes): drafts with no type from each sentence that names a mineral, or a mine
    as a mine ("the Musan mine", "무산광산", not "Musan" alone), and made no event (questions
    included: the reviewer judges them). A headline whose minerals the drafts already hold is
    the story the body drafted: not a lead. A lead's title names its mine and minerals as the record
    does (``names``: id → name; :func:`geo.ingest.titles.subject`): the review adds the type."""
    leads: list[Draft] = []
    seen: set[str] = set()
    drafted = {x for d in drafts for x in d.minerals}
    listed = more = 0
    for i, s in enumerate(sents):
        x = info[i]
        if x["made"] or s.text in seen:
            continue
        minerals = [m for m in x["matches"] if m.kind == "mineral"]
        mines = drop_town_names([m for m in x["matches"] if m.kind == "mine"], s.text)
        if not minerals:  # a mine alone only when named as a mine: "혜산 시장" is the town's market
            mines = [m for m in mines if _MINE_WORD.search(s.text, m.start, m.end + MINE_WORD_REACH)]
        cands = x.get("cands") or []  # a mine the data does not have ("the Kapsan mine"): the reviewer may add it
        if not minerals and not mines and not cands:
            continue
        if s.headline and {m.id for m in minerals} <= drafted:  # the headline of a drafted story
            continue
        seen.add(s.text)
        if listed >= LEAD_LIMIT:
            more += 1
            continue
        leads += _leads_of(i, s, minerals, mines, cands, info, sents, pub, adopted, anon, known, names)
        listed += 1
    notes = [f"{more} more sentence(s) name a mine or mineral and gave no draft; only the first "
             f"{LEAD_LIMIT} are listed"] if more else []
    return leads, notes


def _leads_of(i, s, minerals, mines, cands, info, sents, pub, adopted, anon, known, names) -> list[Draft]:
    """One lead per mine (or none) and its minerals, as the sentence pairs them. A sentence that names
    only a mine the data does not have ("Production at the Kapsan mine has nearly stopped") gives one
    lead with no mine and no mineral: the reviewer chooses the mineral, and adding the mine from the
    review links it (:func:`geo.ingest.newmine.link_new_mines`)."""
    if minerals:
        chosen = {id(m) for m in [*minerals, *mines]}
        groups = [(mine.id if mine else "", [x.id for x in xs])
                  for mine, xs in _pairs([m for m in info[i]["matches"] if id(m) in chosen], s.text, 0, known)]
    elif mines:  # a mine alone: the minerals the record knows it for, or the one its name says ("Copper mine")
        groups = [(m.id, _in_name(m.text, known.get(m.id, []), names) or list(known.get(m.id, []))) for m in mines]
    else:  # only a mine the data lacks
        groups = [("", [])]
    at = (minerals or mines)[0].start if minerals or mines else max(0, s.text.find(cands[0]))
    date, precision, end, basis, _rank = date_for(_Proto(i, "", "", [], [], at=at), sents, info, pub, adopted)
    evidence = s.text if len(s.text) <= EVIDENCE_MAX else s.text[:EVIDENCE_MAX - 1].rstrip() + "…"
    anonymous = anon.of(s)
    out: dict[tuple, Draft] = {}
    for mine, xs in groups:
        key = (mine, tuple(dict.fromkeys(xs)))
        if key in out:
            continue
        out[key] = Draft(event_id="", event_type="", effect="", date=date.isoformat(), date_precision=precision,
                         end_date=end.isoformat() if end else "", evidence=evidence,
                         mines=[mine] if mine else [], minerals=list(key[1]), date_basis=basis,
                         title=subject([mine], key[1], names) or cands[0],
                         place="; ".join(dict.fromkeys(names.get(m.id, m.text) for m in mines) if minerals or mines else cands)
                         or place_named(s.text, ""),  # a port or country named (geo.ingest.sites)
                         check=LEAD_CHECK, anonymous_source=anonymous, quote=short_quote(s.text, at),
                         candidates=[] if minerals or mines else list(cands),
                         notes=f"Date from {basis}.")
    return list(out.values())


def _in_name(text: str, minerals: list[str], names) -> list[str]:
    """The mine's minerals its name as written says ("Hyesan Youth Copper mine": copper), if any."""
    lower = text.lower()
    return [x for x in minerals if str(names.get(x, x)).lower() in lower]
