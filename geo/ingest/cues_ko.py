"""Stage 6, cues in Korean: what the words around a Korean cue verb change in its reading.

Korean puts what stopped just before the verb ('생산이 멈췄다': production stopped; '수출을 중단':
exports halted), and the future, a plan or an order just after it ('늘기는 어려울 것으로 전망',
'재개할 계획이다', '수출하라는 지시') a description of a noun by its past ('끊겼던 반입'), a call or request for it ('증산을 외치고', '지정해 달라고'), a
negation just after the verb ('재개되지 않은') or a forecast at the clause's end ('줄어들 것으로 예상했다'), where the English rules of :mod:`geo.ingest.cues` look before
the cue. Each test is a regular expression matched at the cue, bounded or a lazy scan of bounded steps: linear in the clause.
"""

from __future__ import annotations

import re

#: A syllable ending in ㄹ (할, 될, 늘, 어려울) before 것, 전망, 계획, 예정 or 방침: the future or a
#: conjecture, a plan or forecast ('재개할 계획이다', '어려울 것으로 전망'), not an event; so is '-다는 계획' ('들여온다는 계획이다').
_RIEUL_FINAL = "".join(chr(c) for c in range(0xAC00, 0xD7A4) if (c - 0xAC00) % 28 == 8)
_FUTURE = re.compile(r"[^,.]{0,10}?(?:[" + _RIEUL_FINAL + r"]\s*(?:것|전망|계획|예정|방침)|다는\s*(?:계획|방침|구상))")

#: A verb joined on by a tenseless -고 takes the mood of the verb it leads to: before a plan ('4만톤을 더 사들이고, …
#: 추가로 구입한다는 계획이다', to buy 40,000 t more … is the plan) it is part of the plan. A past -고 ('들여왔고, … 들여올
#: 계획이다') tells its own event.
_JOINED_PLAN = re.compile(r"\S{0,3}?(?<![었았였했됐왔갔렸웠졌])고\s*,?\s[^.]{0,80}?(?:다는|[" + _RIEUL_FINAL + r"])\s*(?:계획|방침|예정|구상)")

#: What a tip said ('… 속여 수입한다는 정보를 입수하고', got word that they were importing it under a false origin): the
#: tip's date is the investigation's, not the trade's, which the report tells in its own sentence.
_TIP = re.compile(r"\s?\S{0,8}?(?:다는|라는|다고\s*하는)\s*(?:정보|첩보|제보|신고)")

#: An order to trade is not yet trade ('석탄 100만t을 수출하라는 지시'); an order to stop is the halt
#: itself ('수출을 멈추라는 지시가 내려왔다'), so it is not read for halts.
_ORDER = re.compile(r"(?:하|시키|해)?라(?:는|고|$|[\"”'’\s])")
_HALTS = frozenset({"export_halt", "production_halt", "import_suspension", "sanction"})

#: The past adnominal (-던: '1984년 이후 끊겼던 반입이 … 늘고 있다', the imports that had been cut off)
#: describes a noun by its past: background to the clause's own news, not its event. Not before 것으로
#: ('수출이 한 건도 없었던 것으로 나타났다', it turned out there had been none): that reports the event.
_BACKGROUND = re.compile(r"(?:[었았였]|\s*있)?던(?!\s*것으로)")  # also a state before: '멈춰 있던 수입 길'

#: A call or a request for it is not the event: '석탄 증산을 외치고 있지만' (the authorities urge more
#: output), '지정해 달라고 요청하기로' (to ask that ships be designated).
_URGED = re.compile(r"(?:을|를)?\s*(?:외치|강조|독려|촉구|호소|다그치)|(?:해|하여)?\s*(?:달라|주기를|줄\s*것을)")

#: An attempt or intention just after the verb ('지분을 사들이려 했지만', tried to buy; '막으려고 했다'): what was
#: only tried or meant is not the event; nor is one named as a purpose ('늘리려는 목적').
_TRIED = re.compile(r"\S{0,2}?려(?:고)?\s*(?:했|하였|한|하다|하던|시도|애썼|들었)"
                    # or a purpose ('석탄 생산을 늘리려는 목적이 있는 것 같다': the sixty-sixth trial's tester saw a rise)
                    r"|\S{0,2}?(?:려는|려고\s*하는|기\s*위한)\s*(?:목적|의도|속셈|계산|포석|생각|뜻|것(?:에는|은|이|을|에))")
#: A drive aimed at the verb ('계획을 넘쳐 수행하기 위한 투쟁이 벌어지고있다', a struggle to overfulfil the plan), as 'a drive
#: to raise output' in English: not the event. (Money or work put in 'to raise output' is: '늘이기 위해 투자를 집중'.)
_DRIVE = re.compile(r"[^\s,.]{0,4}\s*(?:\S{1,6}(?:하|되|시키)?기\s*위한\s*(?:\S{1,8}\s+)?\S{0,4}(?:투쟁|운동|경쟁|전투|총력전|궐기|결의|노력))")
#: In exchange for: what is built '대신' (instead, in return) is what a deal pays, not the news.
_IN_EXCHANGE = re.compile(r"[^.,]{0,16}?\s대신\b")
#: Rights sought ('금광 개발권을 따내려고', to win the rights): not an offer.
_SOUGHT = re.compile(r"[^\s,.]{0,4}\s*\S{0,6}?려고\s")

#: The outlet's own earlier report retold ('본지는 … 밀수출되고 있다고 전한 바 있다', we reported before that …):
#: background to this report, not its news. Another outlet's earlier report of the same news ('RFA는 앞서 19일
#: … 보도한 바 있다') is still the news: only the outlet's own ('본지는', this paper) is read so.
_OURS = re.compile(r"본지|본사|이\s*매체는")
_RETOLD = re.compile(r"[^.]{0,60}?(?:다고|라고|다는)\s*(?:\S+\s+){0,2}?\S{0,4}?(?:전한|보도한|소개한|알린|밝힌)\s*바\s*있")

#: A decision to do it ('철도를 놓기로 했다', decided to lay a railway; '증산하기로 했다'): for building, output,
#: a resumption or a find, a plan, not the event. An agreement or an authority's decision to halt is the news
#: itself ('개발하기로 합의했다', '수입을 중단하기로 했다'), so those types are not read so.
_DECIDED = re.compile(r"\S{0,3}?기로\s*(?:했|하였|한|결정|정했)")
_PLANNED_WHEN_DECIDED = frozenset({"infrastructure", "production_change", "export_resumed", "export_continued",
                                   "discovery"})

#: A prohibition just after the verb ('생산을 멈춰서는 안 된다', production must not stop): no event.
#: A condition, not an event: '몰래 들여오지 않았다면' (if they did not bring it in secretly), '수출했더라면'.
_IF = re.compile(r"\S{0,4}?(?:다면|라면|더라면)(?=\s|,|$)")
#: … or a condition before the verb: '북측이 책임을 지지 않는다면 … 사들이지 않기로 했다' (a policy on a condition).
_IF_BEFORE = re.compile(r"[가-힣](?:는다면|ㄴ다면|한다면|된다면|않는다면|없다면|있다면|더라면)(?=\s|,)")

_MUST_NOT = re.compile(r"\S{0,3}?서는\s*안\s*(?:된|돼|되)"
                       # … or a call that it must be done ('석탄 생산을 획기적으로 늘려야 한다', an editorial's demand)
                       r"|\S{0,3}?야\s*(?:한다|했다|할|하며|합니다|하고|하는|된다|될|겠다)")

#: Negated just after the verb ('재개되지 않은', '재개하지도 못했다'; '수출하지 못했다' is read by the halt
#: rows): what has not happened is no event ('체결하지는 않았다').
_NEGATED = re.compile(r"\S{0,2}?지(?:는|도|를)?\s*(?:않|못)")

#: Cues a negation after the verb undoes (a negated halt, '멈추지 않았다', is read by the halt rows).
_NOT_HALTS = frozenset({"export_resumed", "export_continued", "deal_signed", "deal_collapsed", "discovery",
                        "infrastructure", "investment_offer", "designation", "production_change"})

#: A forecast at the clause's end ('… 4억 달러 줄어들 것으로 예상했다'), with no past verb and no
#: connective ending (-고, -며, -면서, -돼, -어/-아/-여 before a space: another verb's clause) between
#: the cue and it: the figure is a forecast, not a trade that happened. A lazy scan from the cue, one
#: character at a time, each step a bounded test: linear in the clause.
_FORECAST_END = re.compile(r"(?:(?![었았였했됐]|(?:고|며|면서|돼|되어|어|아|여)\s)[^,.;])*?[" + _RIEUL_FINAL
                           + r"]\s*것(?:으로|이라고|이란)\s*(?:예상|전망|내다보|관측)")


#: How far before a Korean halt verb its subject may stand ('생산이 전력난으로 며칠 전부터 완전히 멈춰
#: 섰다'): characters, and words between. A mine as the subject (광산이, 탄광은) that stopped is work stopped, as in English.
_STOPPED_REACH, _STOPPED_WORDS = 40, 4
_SUBJECT = re.compile(r"(수출|수입|반출|반입|거래|무역|판매|운송|선적|통관)|(생산|채굴|채탄|조업|가동|작업|운영|(?:광산|탄광)(?=이|은|는|도|마저|\s+멈))")
_TO_VERB = re.compile(rf"\S{{0,3}}?(?:이|가|을|를|은|는|도|마저|까지)?(?:\s+\S+){{0,{_STOPPED_WORDS}}}\s*$")


def stopped_thing(clause: str, at: int) -> str | None:
    """'export_halt' or 'production_halt' by the word before the Korean halt verb at ``at`` (the nearest
    trade or work word within a few words); None when no such word is there."""
    start = max(0, at - _STOPPED_REACH)
    window = clause[start:at]
    last = None
    for m in _SUBJECT.finditer(clause, start, at + 1):  # one character on: '광산 멈춰' (a headline drops the particle)
        if m.end() <= at:
            last = m
    if last is None or not _TO_VERB.match(window, last.end() - start):
        return None
    return "export_halt" if last.group(1) else "production_halt"


#: A report of it denied just after the cue ('합작이 중단됐다는 일부 언론의 보도를 정면으로 반박했다', '공장도 문을 닫았다는
#:보도에 대해 "전혀 사실이 아니다"라고 밝혔다'): what is denied is no event, as 'denied reports that' in English.
_DENIED_REPORT = re.compile(r"[^.]{0,90}?(?:다는|라는|다던)\s*(?:\S+\s+){0,3}?(?:보도|주장|소문|얘기|관측|설)\S{0,4}\s*"
                            r"(?:\S+\s+){0,4}?\S{0,8}?(?:반박|부인|일축|부정|사실이\s*아니|사실무근)")


def negated_after(clause: str, end: int) -> bool:
    """Is the Korean cue ending at ``end`` negated just after its verb ('재개되지 않았다')?"""
    return _NEGATED.match(clause, end, end + 8) is not None


#: Rights or a stake held, a state ('50년 채굴권을 확보하고 있다', holds 50-year mining rights; '지분을 갖고 있다'):
#: an earlier deal's outcome, background to the report's news, not an offer or a deal now.
_HOLDS = re.compile(r"\S{0,2}?\s*(?:\S+\s+)?(?:확보하고|갖고|가지고|보유하고|쥐고)\s*있")


#: Goods loaded or carried out: what a stop that did not happen kept going ('석탄을 배에 싣는 작업은 멈추지 않고').
_SHIPPING = re.compile(r"싣|실어|실려|선적|수출|반출|내다\s*팔|나르|운반")


def not_stopped(clause: str, end: int) -> str | None:
    """A Korean halt cue ending at ``end`` negated just after its verb ('멈추지 않고 있었다', did not stop): a
    continued export when the clause loads or ships goods, '' (no event) otherwise; None when not negated."""
    if not negated_after(clause, end):
        return None
    return "export_continued" if _SHIPPING.search(clause) else ""


#: A power plant, factory, train or the electricity stopped ("가뭄·연료난에 발전소 멈춰"): not a mine's work or trade (the
#: noun as the subject, not a cause: '전력난으로 가동중단' is the mine's stop for want of power).
_OTHER_WORKS_STOP = re.compile(r"(?:발전소|공장|제철소|제강소|열차|기차|전기|전력|화력|수력)(?:들)?(?:이|가|은|는|도|마저|까지|(?=\s))\s*"
                               r"(?:\S{1,6}\s+)?\S{0,6}$")


#: After the verb in its describing form, the people who do it growing in number ("최근 인도로 금을 밀수하는 관세범이 늘고
#: 있지만": more smugglers of late, a trend, not a case; the seventy-sixth trial's case was merged into it).
_MORE_DOERS = re.compile(r"\S{0,3}(?:는|던)\s*(?:\S+\s+)?(?:관세범|밀수범|밀수꾼|밀매꾼|사람|업자|주민|상인|업체|범죄)\S{0,2}(?:들)?(?:이|가|도)?\s*"
                         r"(?:크게\s*|점점\s*|부쩍\s*|계속\s*)?(?:늘|증가|많아|급증)")


#: A stop told as what a repair undoes ("침수된 탄광·광산을 복구하고자 … 양수설비를 … 구입했다": the pumps bought are the news;
#: the flood is earlier and undated): not a halt of the report.
_RESTORED = re.compile(r"\S{0,2}\s*(?:\S{1,10}\s+){0,2}?\S{0,10}?(?:복구|되살리|재건|정상화)(?:하고자|하려|하기\s*위|하는\s*데|를\s*위)")


def no_event(clause: str, end: int, event_type: str) -> bool:
    """Does the Korean cue ending at ``end`` tell a plan, forecast, order, request, attempt, condition or prohibition, retell the outlet's earlier report, describe
    a noun by its past, deny it or deny a report of it, rather than tell an event? An offer, conditional by nature,
    is no event only as rights already held or sought. Infrastructure built in exchange for something ('도로 건설 등을 돕는
    대신 … 금광 개발에 뛰어들기로') is the price of a deal, not an event of its own."""
    if event_type == "investment_offer":
        return _HOLDS.match(clause, end) is not None or _SOUGHT.match(clause, end) is not None  # rights sought ('따내려고')
    return bool(_FUTURE.match(clause, end, end + 14) or _JOINED_PLAN.match(clause, end) or _TIP.match(clause, end)
                or (event_type not in _HALTS and _ORDER.match(clause, end, end + 4))
                or _BACKGROUND.match(clause, end) or _URGED.match(clause, end) or _MUST_NOT.match(clause, end)
                or (event_type in _PLANNED_WHEN_DECIDED and _DECIDED.match(clause, end))
                or (event_type == "infrastructure" and _IN_EXCHANGE.match(clause, end))
                or _TRIED.match(clause, end) or _DRIVE.match(clause, end) or (_OURS.search(clause, 0, end) and _RETOLD.match(clause, end))
                or (event_type in _NOT_HALTS and negated_after(clause, end))
                or _FORECAST_END.match(clause, end) or _DENIED_REPORT.match(clause, end) or _IF.match(clause, end)
                or _IF_BEFORE.search(clause, 0, end)
                or (event_type in _HALTS and _OTHER_WORKS_STOP.search(clause, max(0, end - 16), end) is not None)
                or _MORE_DOERS.match(clause, end) is not None
                or (event_type in _HALTS and _RESTORED.match(clause, end) is not None))
