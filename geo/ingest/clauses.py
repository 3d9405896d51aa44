"""Clauses: where a sentence turns to another statement, and the parts of a clause that are not
its event (a reason given as background, a measure's scheduled start)."""

from __future__ import annotations

import functools
import re

from geo.ingest.hangul import PAST_SYLLABLE, has_hangul
from geo.ingest.literals import may_hold

#: Where a sentence turns to a contrasting statement: each side is read as a clause of its own.
CLAUSE_RE = re.compile(r",\s+but\s+|;\s+|\s+but\s+|,\s+while\s+|,?\s+and\s+yet\s+|,\s+(?:yet|although|though)\s+"
                       r"|\s+whereas\s+"
                       # a colon before a statement of its own, in lower case ("…let coal keep crossing the border: imports of
                       # coal rose 14.5 percent last year to 24.8 million tons"); not a list or a quote, which open otherwise
                       r"|:\s+(?=(?:imports?|exports?|shipments?|output|production|sales)\s)")
#: The same in Korean: "…지만", "…면서도", "…반면", "…으나", and a quote closed by "며" or "면서도"; a past verb then "고," or
#: "는데," ("생산량이 크게 줄어 있었는데, 그나마 버티던 탄광들도 … 물에 찼다": the state before, then the news); a past
#: verb then "으며" ("지난해 … 1.5배로 끌어올리였으며 올해에 들어와서도 …": last year's news, then this year's); a past
#: verb then "다가," ("… 수출을 잠시 멈췄다가, 3월 말 … 다시 내보내기 시작했다": one act, then the one that undid it); "한 뒤"
#: before a date.
KO_CLAUSE_RE = re.compile(r"(?:지만|면서도|반면에?|으나|는데도),?\s+|[\"”](?:며|면서도?|고)\s+|(?<=[었았였했됐])(?:고|는데),\s+"
                          r"|(?<=" + PAST_SYLLABLE + r")(?:으며,?|다가,)\s+"
                          # one act, then a later one with its own date ("2002년 3월 … 합의서를 체결한 뒤 2003년 7월
                          # 합작계약을 했다": two deals, each of its day; the sixty-third trial); an act, not a state
                          # ("30만t으로 최대를 기록한 뒤 2016년 20만t으로 줄었고" is one fall)
                          r"|(?:(?<=체결한)|(?<=서명한)|(?<=합의한)|(?<=계약한)|(?<=맺은)|(?<=착수한)|(?<=시작한)|(?<=시작된)|(?<=완공한)|(?<=완공된)|(?<=준공한)|(?<=준공된)|(?<=설립한)|(?<=설립된)|(?<=중단한)|(?<=중단된)|(?<=재개한)|(?<=재개된)|(?<=조인한))\s+(?:뒤|후|다음)에?,?\s+(?=(?:19|20)\d\d\s*년|\d{1,2}\s*월)")


#: One of these is in every turn CLAUSE_RE finds (it is case-sensitive): without them, one clause.
_TURN_WORDS = (";", "but", "while", "yet", "though", "whereas", ":")


def clauses(sentence: str) -> list[str]:
    """The sentence's clauses, in order (the Korean turns are looked for only in Hangul text)."""
    parts = CLAUSE_RE.split(sentence) if any(w in sentence for w in _TURN_WORDS) else [sentence]
    if has_hangul(sentence):
        parts = [c for part in parts for c in KO_CLAUSE_RE.split(part)]
    return parts


def clause_around(sentence: str, at: int) -> tuple[int, int]:
    """(start, end) of the clause (:func:`clauses`) that holds the character ``at``."""
    return next(((a, b) for a, b in _clause_spans(sentence) if a <= at < b), (0, len(sentence)))


@functools.lru_cache(maxsize=1024)  # each draft of a sentence asks
def _clause_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    spans, start = [], 0
    for c in clauses(sentence):
        start = sentence.find(c, start)
        spans.append((start, start + len(c)))
        start += len(c)
    return tuple(spans)


_COMMA_END = re.compile(r"[,;]\s")


@functools.lru_cache(maxsize=1024)  # each draft of a sentence asks
def _comma_ends(sentence: str) -> tuple[int, ...]:
    return tuple(m.end() for m in _COMMA_END.finditer(sentence))


def comma_clause(sentence: str, at: int) -> tuple[int, int]:
    """(start, end) of the stretch of ``sentence`` between the commas or semicolons around the character ``at`` (an
    event's word): where that event's own ship or port is named, not the next case's ("… C Sea Nine호에 실린 … 적발했고,
    지난 2월에도 … 항쥔룬호에 실린 …"); the whole sentence when it has none."""
    ends = _comma_ends(sentence)
    return max((e for e in ends if e <= at), default=0), min((e for e in ends if e > at), default=len(sentence))


#: A cause named as the reason for the clause's event ("halted exports in retaliation for China's
#: coal ban", "as a countermeasure against …"), or the event it came a while after ("turned away a
#: shipment of coal, a day after the North test-fired a missile in breach of UN resolutions"): an
#: earlier event given as background, so what follows it is not read for events of this report.
REASON_RE = re.compile(r"\s+in\s+(?:retaliation|reprisal|response|protest)\s+(?:for|to|of|against|at)\s+"
                       r"|\s+(?:as\s+)?an?\s+(?:countermeasure|retaliation|reprisal|response)\s+(?:for|to|of|against)\s+"
                       r"|\s+because\s+of\s+"
                       # a purpose ("…, with the aim of cutting off a third of the $3 billion Pyongyang earns abroad"): an aim
                       r"|,?\s+(?:with the (?:aim|goal|intention|purpose) of|in a bid to|in an effort to)\s+"
                       # weapons tests named as the cause ("… barred North Korea from selling coal abroad, after
                       # ballistic-missile tests that broke earlier sanctions": the tests broke them, no cargo did)
                       r"|,?\s+(?:after|following|over)\s+(?=(?:[\w-]+\s+){0,3}(?:tests?|launch(?:es)?|detonations?)\b)"
                       r"|,?\s+(?:a|one|two|three|four|five|several|a few)\s+(?:hours?|days?|weeks?|months?)\s+after\s+", re.IGNORECASE)
_REASON_WORDS = ("retaliation", "reprisal", "response", "protest", "countermeasure", "because", " after ", " aim of", " goal of",
                 " intention of", " purpose of", " a bid to", " an effort to", " following ", " over ")


def find_reason(clause: str) -> re.Match | None:
    """``REASON_RE.search(clause)``, not searched when the clause has none of the words it needs."""
    return REASON_RE.search(clause) if may_hold(clause, clause.lower(), _REASON_WORDS) else None


#: A sentence that opens on a condition and goes on to what would follow ("If the sanctions are carried out faithfully,
#: North Korea's coal exports are estimated to shrink by more than 60 percent"; "Unless China acts, the trade is
#: expected to grow"): the consequence is a projection, no event of the report. Not a promise under a condition ("If
#: China invests, the right to develop the mine will be handed over" is an offer).
_HYPOTHETICAL = re.compile(r"\s*(?:If|Unless|Should|Were)\b[^.;]{3,160}?,\s+[^.;]*?\b(?:is|are|was|were)"
                           r"\s+(?:estimated|expected|projected|forecast|predicted|likely)\s+to\b")


def hypothetical(sentence: str) -> bool:
    """Is the sentence a consequence told under a condition (:data:`_HYPOTHETICAL`)?"""
    return sentence[:12].lstrip().startswith(("If ", "Unless ", "Should ", "Were ")) and _HYPOTHETICAL.match(sentence) is not None


#: A measure announced with the day it starts ("China will stop importing coal from Sunday, Feb. 19", "from
#: midnight on Sept. 5", "at midnight on Sept. 5", "in three weeks it will cut off imports", "will cut off imports of … in
#: three weeks") or ends ("for the rest of the year"):
#: decided, not a plan or a possibility, so a "will" before the cue does not cancel it.
SCHEDULED = re.compile(r"\b(?:from|starting(?: on| from)?|beginning(?: on)?|effective(?: from| on)?|as of|at(?=\s+midnight))\s+"
                       r"(?:midnight\s+(?:on\s+)?|next\s+)?"
                       r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|tomorrow|week|month|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct"
                       r"|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                       r"|the\s+\d{1,2}(?:st|nd|rd|th)\b)"  # "from the 15th" (of this month)
                       r"|\b(?:in|within)\s+(?:a|one|two|three|four|five|six|\d{1,2})\s+(?:days?|weeks?)(?:'|’)?\s+(?:time\s+)?"
                       r"(?:it|they|China|Beijing|the\s+\w+)?\s*(?:will|would)\b"
                       # or the wait told after the cue ("will cut off imports of … coal … in three weeks")
                       r"|\b(?:will|would)\s+(?:\w+\s+){1,3}?(?:imports?|exports?|purchases|buying|importing|processing)\b[^.;]{0,80}?"
                       r"\b(?:in|within)\s+(?:a|one|two|three|four|five|six|\d{1,2})\s+(?:days?|weeks?)\b"
                       # or with the day it ends ("will stop buying coal from North Korea for the rest of the year")
                       r"|\b(?:for the rest of|until the end of|through the end of|till the end of)\s+(?:the|this)\s+year\b")
