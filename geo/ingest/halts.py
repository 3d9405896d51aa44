"""Stage 6, what a halt halts: a stop word ("suspended", "halted", 중단, 멈췄다) says that something
stopped; the words around it say whether it was trade (an export halt) or work at a mine (a
production halt), and an organisation's name around it says nothing (blanked before the cue rows
are read). Bounded regular expressions: linear in the clause."""

from __future__ import annotations

import re

from geo.ingest.cues_ko import stopped_thing
from geo.ingest.hangul import has_hangul

#: The stop words whose object the clause must tell (English and Korean).
GENERIC_HALT = re.compile(r"suspen|halt|stop|ceas|cut off|blocked|shut|closed|standstill|came to"
                          r"|중단|중지|멈|끊|막혔|차단", re.IGNORECASE)
#: A time clause between a smuggling word and a halt: the halt is when it was smuggled ("shipping coal out
#: in secret, including while trade was halted"), not what stopped.
WHILE_CLAUSE = re.compile(r"\b(?:while|when|whilst|during|even as|as long as|although|though)\b|동안|중에도|와중",
                          re.IGNORECASE)
# whole words where a longer word is no trade ("soldiers", "sentiment", "salesman")
# (and dealings with a mine: "the Chinese side stopped dealing with the Musan mine" stopped buying from it)
_TRADE_WORDS = re.compile(r"\b(?:(?:export|import|shipment|shipping|trade|purchas|deliver|sell|buy)\w*|bought|sold|sent"
                          r"|send|sends|sending|sale|sales|dealing with|dealings with|doing business with)\b", re.IGNORECASE)
_WORK_WORDS = re.compile(r"\b(?:mine|mines|mining|production|output|operations?|work|drilling|pits?|shafts?|rations"
                         r"|(?<!railway )(?<!road )(?<!bridge )(?<!port )(?<!power )(?<!hotel )projects?|development|excavation|digging)\b",
                         re.IGNORECASE)

#: An organisation's name is not what a clause says happened: "the Korea Trade-Investment Promotion
#: Agency said" offers no investment.
_ORG_NOUN = re.compile(r"\b(?:Agency|Corporation|Corp|Company|Association|Institute|Bank|Fund|Group|Commission"
                       r"|Bureau|Federation|Chamber|Administration|Foundation)\b")
_ORG_NAME = re.compile(r"\b(?:[A-Z][\w&'’.-]*\s+){1,6}(?:Agency|Corporation|Corp|Company|Association|Institute|Bank"
                       r"|Fund|Group|Commission|Bureau|Federation|Chamber|Administration|Foundation)\b")


def halted_thing(clause: str, etype: str, at: int = 0) -> str:
    """What stopped decides the type: trade words make an export halt, work words a production halt.
    In Korean the word just before the verb says it (up to one word between: '생산이 완전히 멈췄다')."""
    if has_hangul(clause[at:at + 2]) and (ko := stopped_thing(clause, at)):
        return ko
    if _TRADE_WORDS.search(clause):
        return "export_halt"
    if _WORK_WORDS.search(clause):
        return "production_halt"
    return etype


def without_organisations(clause: str) -> str:
    """The clause with organisations' names blanked (same length, so positions hold)."""
    if not _ORG_NOUN.search(clause):
        return clause
    return _ORG_NAME.sub(lambda n: " " * len(n.group(0)), clause)
