"""Stage 6, cues in Korean: what the words around a Korean cue verb change in its reading.

Korean puts what stopped just before the verb ('생산이 멈췄다': production stopped; '수출을 중단':
exports halted), and the future, a plan or an order just after it ('늘기는 어려울 것으로 전망',
'재개할 계획이다', '수출하라는 지시') a description of a noun by its past ('끊겼던 반입'), a call or request for it ('증산을 외치고', '지정해 달라고'), a
negation just after the verb ('재개되지 않은') or a forecast at the clause's end ('줄어들 것으로 예상했다'), where the English rules of :mod:`geo.ingest.cues` look before
the cue. Each test is one bounded regular expression at the cue: linear in the clause.
"""

from __future__ import annotations

import re

#: What stopped, as the subject or object just before the verb (up to one word between:
#: '생산이 완전히 멈췄다'): trade words (group 1) or work words (group 2).
_STOPPED = re.compile(r"(?:(수출|수입|반출|반입|거래|무역|판매|운송|선적|통관)|(생산|채굴|채탄|조업|가동|작업|운영))"
                      r"(?:이|가|을|를|은|는|도|마저|까지)?\s*(?:\S+\s*)?$")

#: A syllable ending in ㄹ (할, 될, 늘, 어려울) before 것, 전망, 계획, 예정 or 방침: the future or a
#: conjecture, a plan or forecast ('재개할 계획이다', '어려울 것으로 전망'), not an event.
_RIEUL_FINAL = "".join(chr(c) for c in range(0xAC00, 0xD7A4) if (c - 0xAC00) % 28 == 8)
_FUTURE = re.compile(r"[^,.]{0,10}?[" + _RIEUL_FINAL + r"]\s*(?:것|전망|계획|예정|방침)")

#: An order to trade is not yet trade ('석탄 100만t을 수출하라는 지시'); an order to stop is the halt
#: itself ('수출을 멈추라는 지시가 내려왔다'), so it is not read for halts.
_ORDER = re.compile(r"(?:하|시키|해)?라(?:는|고|$|[\"”'’\s])")
_HALTS = frozenset({"export_halt", "production_halt", "import_suspension", "sanction"})

#: The past adnominal (-던: '1984년 이후 끊겼던 반입이 … 늘고 있다', the imports that had been cut off)
#: describes a noun by its past: background to the clause's own news, not its event.
_BACKGROUND = re.compile(r"[었았였]?던")

#: A call or a request for it is not the event: '석탄 증산을 외치고 있지만' (the authorities urge more
#: output), '지정해 달라고 요청하기로' (to ask that ships be designated).
_URGED = re.compile(r"(?:을|를)?\s*(?:외치|강조|독려|촉구|호소|다그치)|(?:해|하여)?\s*(?:달라|주기를|줄\s*것을)")

#: Negated just after the verb ('재개되지 않은', '수출하지 못했다' is read by the halt rows): what has not
#: happened is no event ('아직 재개되지 않은 것으로 전해졌다': exports have not resumed).
_NEGATED = re.compile(r"\S{0,2}?지\s*(?:않|못)")

#: A forecast at the clause's end ('… 4억 달러 줄어들 것으로 예상했다'), with no past verb between the
#: cue and it: the figure is a forecast, not a trade that happened.
_FORECAST_END = re.compile(r"(?:(?![었았였했됐])[^,.;])*?[" + _RIEUL_FINAL + r"]\s*것(?:으로|이라고|이란)\s*(?:예상|전망|내다보|관측)")


def stopped_thing(clause: str, at: int) -> str | None:
    """'export_halt' or 'production_halt' by the word just before the Korean halt verb at ``at``;
    None when no such word is there."""
    m = _STOPPED.search(clause[max(0, at - 16):at])
    if m is None:
        return None
    return "export_halt" if m.group(1) else "production_halt"


def no_event(clause: str, end: int, event_type: str) -> bool:
    """Does the Korean cue ending at ``end`` tell a plan, forecast or order, or describe a noun by its
    past, rather than tell an event?"""
    return bool(_FUTURE.match(clause, end, end + 14)
                or (event_type not in _HALTS and _ORDER.match(clause, end, end + 4))
                or _BACKGROUND.match(clause, end) or _URGED.match(clause, end)
                or (event_type in _NOT_HALTS and _NEGATED.match(clause, end, end + 8))
                or _FORECAST_END.match(clause, end))


#: Cues a negation after the verb undoes (a negated halt, '멈추지 않았다', is read by the halt rows).
_NOT_HALTS = frozenset({"export_resumed", "export_continued", "deal_signed", "discovery", "infrastructure",
                        "investment_offer", "designation"})
