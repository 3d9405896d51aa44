"""Stage 7c, mentions taken from a neighbouring sentence, when the clause that tells the event names
no mine or mineral of its own (news copy often gives each sentence its own paragraph):

* (a figure told without its mineral: :mod:`geo.ingest.figure_goods`);
* a mine spoken of but not named takes the mine the next sentence names by a definite reference
  ("A new copper mine … started production." "The mine in Hyesan …");
* a designation takes the minerals of the next sentence when that sentence goes on about those
  designated ("The Treasury designated three firms on Monday." "The companies had shipped North
  Korean coal to China."; "… 독자제재 대상으로 지정했다." "이들은 북한산 석탄 거래에 관여했다.");
* a clause whose subject is the work or the deal of the clause just before takes that clause's
  mineral and mine ("… to develop uranium mines there, but the work has been halted since November";
  "his firm has cancelled every one of its contracts"), for a production halt or change or a deal;
  in Korean also a clause that only says the attempt before it came to nothing ("없던 일이 됐다");
* an event about minerals in general, or about mines none of which is named, takes the minerals the
  next sentence names when that sentence tells no event of its own ("development rights to its mineral
  resources." "… its coal and gold deposits"; "북한 광산 공동개발 계약" "금광 1곳과 철광 2곳");
* a later clause of a Korean sentence whose topic is a mine ("정촌 흑연광산은 … 준공식을 가졌지만, … 10월 … 사업이
  사실상 멈췄다") is about that mine when it names none: a topic (은/는) holds for every clause of its sentence;
* a clause that names mines but no mineral takes the minerals the sentences around name, else what each
  mine is known for (:func:`minerals_for`, :func:`own_minerals`).
"""

from __future__ import annotations

import re

from geo.ingest.cues import has_reference
from geo.ingest.gazetteer import Match
from geo.ingest.literals import may_hold

#: A mine or deposit spoken of but not named ("a new copper mine", "the largest deposits of rare earths").
_UNNAMED_MINE = re.compile(r"\b(?:a|an|one|the|new)\b[^.;]{0,40}?\b(?:mine|deposits?)\b", re.IGNORECASE)

#: The start of a sentence that goes on about those just named: "These firms", "The companies", "The
#: two vessels", "이들은", "이들 선박은", "이 회사는" (not "They", who may be anyone who spoke).
THOSE = re.compile(r"\s*(?:(?:These|Those|The|All|Both)\s+(?:[\w-]+\s+){0,2}(?:firms|companies|entities|individuals"
                   r"|persons|vessels|ships|tankers|banks|traders|networks)\b|이들(?:은|이|\s*모두)|이들\s*(?:업체|회사|기업"
                   r"|선박|개인|단체|기관)(?:은|는|이)|이\s*(?:업체|회사|기업|선박|개인|단체|기관)들?(?:은|는|이))")


#: A clause that opens on a part of the goods the sentence before named ("이 중 일부는 중국으로 밀수되고 있어",
#: "Some of it is smuggled into China").
_PART_OF_THOSE = re.compile(r"\s*(?:(?:이|그)\s*(?:중|가운데)|이중|그중)\s*(?:일부|상당수|상당량|대부분|절반|\S{0,4}%)"
                            r"|\s*(?:some|part|much|most|half|a (?:third|quarter|share))\s+of\s+(?:it|this|that|them|these|those)\b",
                            re.IGNORECASE)
#: What a part of the goods before can have been.
PART_TYPES = ("smuggling", "export_continued", "export_resumed", "export_halt", "trade_figure")


def part_of_those(clause: str, i: int, sents, info) -> list[Match]:
    """The minerals of the sentence before (in the same paragraph), when ``clause`` opens on a part of them
    (:data:`_PART_OF_THOSE`); [] otherwise."""
    if i == 0 or sents[i - 1].para != sents[i].para or not _PART_OF_THOSE.match(clause):
        return []
    return [m for m in info[i - 1]["matches"] if m.kind == "mineral"]


#: A Korean topic particle right after a mine's name, or after the word for mine that goes on with it ("정촌
#: 흑연광산은"): the sentence is about that mine.
_TOPIC = re.compile(r"\s?(?:\S{0,4}?(?:광산|탄광|광업소|광구|연합기업소))?(?:은|는)(?:\s|,)")


def topic_mine(sentence: str, matches: list[Match]) -> Match | None:
    """The mine a Korean sentence names first as its topic ("정촌 흑연광산은 …"); None when the sentence opens
    with no mine so marked (a topic must open the sentence: a mine named inside a clause is no topic)."""
    first = next((m for m in matches if m.kind == "mine"), None)
    if first is None or sentence[:first.start].strip() or not _TOPIC.match(sentence, first.end):
        return None
    return first


def mine_named_next(clause: str, i: int, sents, info) -> Match | None:
    """A mine spoken of but not named, named in the next sentence by a definite reference: that mine."""
    if i + 1 >= len(sents) or not _UNNAMED_MINE.search(clause):
        return None
    named = [m for m in info[i + 1]["matches"] if m.kind == "mine"]
    return named[0] if named and has_reference(sents[i + 1].text) else None


#: A sentence that gives the grounds of the measure before it ("외교부는 … 배경을 설명했다", "The Treasury said the vessels had
#: carried …"): it goes on about those the measure named.
GROUNDS = re.compile(r"(?:배경|이유|사유)(?:을|를)\s*(?:설명|밝혔|밝히|들었)|\bsaid (?:that )?(?:the|these|those) (?:[\w-]+ )?"
                     r"(?:firms|companies|entities|individuals|vessels|ships|tankers|traders) (?:had |have )?(?:been )?"
                     r"(?:shipped|smuggled|exported|carried|transported|moved|sold|involved)\b")


def goes_on_about_those(i: int, sents) -> bool:
    """Does the sentence after the i-th go on about those the i-th names ("These firms …"), or give its grounds?"""
    if i + 1 >= len(sents):
        return False
    text = sents[i + 1].text
    return THOSE.match(text) is not None or (("said" in text or "설명" in text or "밝혔" in text or "들었" in text)
                                             and GROUNDS.search(text) is not None)  # (the search only where it can match)


def designated_minerals(i: int, sents, info) -> list[Match]:
    """The minerals of the next sentence, when it goes on about those the i-th names; [] otherwise.
    The caller keeps them only for a designation."""
    if not goes_on_about_those(i, sents):
        return []
    return [m for m in info[i + 1]["matches"] if m.kind == "mineral"]


#: What "the work", "the project" or "the contract" of the clause before can have done.
WORK_TYPES = ("production_halt", "production_change", "deal_signed", "deal_collapsed")
#: A clause whose subject is the work or the deal of the clause before ("but the work has been halted",
#: "북측이 계약을 없던 일로 만들었다"), at its start.
WORK_SUBJECT = re.compile(r"(?:(?:but|and|yet|then|so|however)\s+)?(?:the|its|their|this|that|all)\s+"
                          r"(?:work|works|project|development|operations?|mining|excavation|digging|contract|deal"
                          r"|agreement|venture)\b|(?:\d{4}\s*년\s*)?(?:\d{1,2}\s*월\s*)?\S{0,12}?\s?(?:계약|사업|작업|공사|개발|조업|합작|채굴)"
                          # (a Korean clause may open on its own date: "… 체결한 뒤 2003년 7월 합작계약을 했다")
                          # or a clause whose subject is the one before's, dropped ("… began operating in April 2011 but
                          # stopped producing six months later")
                          r"|(?:but\s+|and\s+|then\s+)?(?:stopped|ceased|halted|suspended|shut|closed)\s+(?:producing|operating|operations"
                          r"|production|mining|work|down)\b", re.IGNORECASE)
#: … or a deal of the clause before named again ("his firm has cancelled every one of its contracts").
DEAL_REFERENCE = re.compile(r"\b(?:the|its|their|his|her|this|that|these|those)\s+(?:\w+\s+)?(?:contracts?|deals?"
                            r"|agreements?|ventures?)\b", re.IGNORECASE)


#: … or a Korean clause that only says the attempt before it came to nothing, its subject dropped as Korean
#: drops it ("지분을 사들이려 했지만 북측 반대로 없던 일이 됐다": the purchase tried before is what collapsed).
COLLAPSE_ALONE = re.compile(r"(?:\S+\s+){0,4}?\S{0,6}?(?:없던\s*일(?:이|로)|무산(?:됐|되|돼)|결렬(?:됐|되|돼)|물거품(?:이|으로))")


#: The types a clause that only says the goods of the clause before started again can draft.
RESUMED_TYPES = ("export_resumed", "production_change")
#: A clause that only says that what the clause before halted started again, its subject dropped or a pronoun
#: ("Exports of iron ore were halted in January but resumed in March"; "… 수출을 잠시 멈췄다가, 3월 말 … 곧장
#: 다시 내보내기 시작했다").
RESUMED_ALONE = re.compile(r"(?:(?:but|and|then|only\s+to)\s+)?(?:(?:they|it|exports?|shipments?|sales|trade|the\s+\w+)\s+)?"
                           r"(?:(?:was|were|had|have|has|been)\s+){0,2}(?:\w+ly\s+)?(?:resum|restart)\w*"
                           r"|[^.]{0,80}?다시\s*(?:\S{1,10}\s+)?\S{0,6}?(?:시작|재개)", re.IGNORECASE)
#: What the clause before did that a resumption undoes.
_HALTS = ("export_halt", "import_suspension", "production_halt")


def halted_before(clause: str, own: list) -> tuple[list, list] | None:
    """(the minerals, the mines) of the halt the sentence's clause just before drafted (``own``: its drafts so far,
    each with its clause), when ``clause`` only says it started again (:data:`RESUMED_ALONE`); None otherwise."""
    if not own or own[-1][0].event_type not in _HALTS or not RESUMED_ALONE.match(clause):
        return None
    return own[-1][0].minerals, own[-1][0].mines


def work_of_clause_before(clause: str, matches: list, prev_start: int, start: int) -> tuple[list, list] | None:
    """(the mineral, the mines) of the clause just before (``prev_start``..``start``) when ``clause``
    names it as its subject (:data:`WORK_SUBJECT`, :data:`DEAL_REFERENCE`, :data:`COLLAPSE_ALONE`); None otherwise."""
    if not (WORK_SUBJECT.match(clause) or DEAL_REFERENCE.search(clause) or COLLAPSE_ALONE.match(clause)):
        return None
    earlier = [m for m in matches if prev_start <= m.start < start]
    if not earlier:
        return None
    return [m for m in earlier if m.kind == "mineral"][-1:], [m for m in earlier if m.kind == "mine"]


#: Minerals named only in general ("its mineral resources", "광물", "지하자원", or mines none of which is named): the
#: sentence after may say which.
GENERIC_MINERALS = re.compile(r"\b(?:mineral|natural|underground|subterranean) (?:resources|wealth|deposits|riches)\b"
                              r"|\bminerals\b|광물|지하자원"
                              # mines none of which is named ("북한 광산 공동개발 계약", "to develop three mines")
                              r"|\b(?:mines|mine)\b|광산"
                              # the North's exports or goods in general ("North Korean exports got moving again … Coal
                              # and molybdenum make up most of the loads"; "North Korean goods … began leaving in earnest.
                              # The loads … include coal, molybdenum")
                              r"|\b(?:North Korean|the North's|the North’s|North Korea's|North Korea’s) (?:exports|goods|cargo(?:es)?"
                              r"|products|shipments)\b", re.IGNORECASE)
#: Loads told of with no goods named ("still bringing the loads in"), and a next sentence that says what they are
#: ("An expert … said the cargo 'looks like coal'", "The loads were mostly iron ore"): the goods it names are theirs.
_LOADS = re.compile(r"\b(?:the|its|their|these|those) (?:loads?|cargo(?:es)?|freight|shipments?|consignments?)\b", re.IGNORECASE)
_CARGO_IS = re.compile(r"\b(?:loads?|cargo(?:es)?|freight|shipments?|consignments?|trucks?|ships?)\b[^.;]{0,40}?\b(?:looks?|looked|appears?"
                       r"|appeared|seems?|seemed|believed|thought|identified|found|turned out|is|are|was|were|consist\w*|contained"
                       r"|held)\b", re.IGNORECASE)
#: What an event about minerals in general can be: any type but a trade figure (whose mineral is told with it).
NAMED_NEXT_TYPES = ("export_halt", "export_resumed", "export_continued", "import_suspension", "sanction", "smuggling",
                    "investment_offer", "deal_signed", "deal_collapsed", "production_halt", "production_change")


#: A sentence that goes on with the deal the sentence before told ("… signed a memorandum on September 10. Under
#: the memorandum the company takes over the rights to five minerals: iron ore, …"; "이 계약에 따라"): its minerals
#: are the deal's.
DEAL_GOES_ON = re.compile(r"\s*(?:(?:under|by|with|in|through)\s+)?(?:the|this|that|its|their)\s+(?:new\s+)?(?:memorandum|MOU|"
                          r"agreement|deal|contract|accord|venture|joint venture)\b|\s*(?:이|그|해당)\s*(?:계약|합의|협정|양해각서|MOU)"
                          r"(?:에\s*따라|으로|에\s*따르면|은|에는)", re.IGNORECASE)


def deal_goes_on(i: int, sents) -> bool:
    """Does the sentence after the i-th, in its paragraph, go on with the deal the i-th told (:data:`DEAL_GOES_ON`)?"""
    return i + 1 < len(sents) and sents[i + 1].para == sents[i].para and DEAL_GOES_ON.match(sents[i + 1].text) is not None


#: A clause about the plan or project the sentence before told ("코스트사는 이 계획에 대해 … 원칙적으로 합의했고"): its
#: minerals are that plan's. (Not "the agreement" or "the deal": a report names one told anywhere before.)
PLAN_BEFORE = re.compile(r"\b(?:the|this|that)\s+(?:plan|project|investment|proposal|scheme)s?\b"
                         r"|(?:이|그|해당)\s*(?:계획|사업|구상|투자|제안)", re.IGNORECASE)
#: The types a clause about the plan before may tell.
PLAN_TYPES = ("deal_signed", "deal_collapsed", "investment_offer")


def plan_minerals_before(clause: str, i: int, sents, info) -> list[Match]:
    """The minerals of the sentence before the i-th, in its paragraph or the one before, when ``clause`` is about the
    plan or deal that sentence told (:data:`PLAN_BEFORE`) and drafted no event of; [] otherwise."""
    if i == 0 or sents[i].para - sents[i - 1].para > 2 or info[i - 1]["made"] or not PLAN_BEFORE.search(clause):
        return []  # (a plan the sentence before drafted already is that draft's)
    return [m for m in info[i - 1]["matches"] if m.kind == "mineral"]


def goods_in_general(text: str, i: int, sents) -> bool:
    """Does ``text`` (the i-th sentence or a clause of it) speak of minerals in general (:data:`GENERIC_MINERALS`), or of
    loads that the next sentence says what they are ("still bringing the loads in …" "… said the cargo 'looks like
    coal'")? The next sentence's minerals may then be its own (:func:`minerals_named_next`)."""
    return bool(GENERIC_MINERALS.search(text) or (i + 1 < len(sents) and _LOADS.search(text) and _CARGO_IS.search(sents[i + 1].text)))


def minerals_named_next(clause: str, i: int, sents, info) -> list[Match]:
    """The minerals the sentence after the i-th names (in its paragraph or the next: paragraphs count lines), when ``clause`` names
    minerals only in general ("offering rights to its mineral resources. … its coal and gold deposits"): the
    event is about those; [] otherwise. The caller keeps them for :data:`NAMED_NEXT_TYPES` only, and only when
    the next sentence tells no event of its own."""
    if i + 1 >= len(sents) or sents[i + 1].para - sents[i].para > 2 or not (
            goods_in_general(clause, i, sents) or deal_goes_on(i, sents)):
        return []
    return [m for m in info[i + 1]["matches"] if m.kind == "mineral"]


#: How many sentences back a mine's minerals are looked for (bounded: linear in the report).
_LOOK_BACK = 8


def minerals_for(mines: list[Match], i: int, sents, info, known, report_minerals,
                  etype: str) -> tuple[list[Match], str]:
    """Minerals for a clause that names a mine but no mineral, nearest first.

    The rest of the sentence, then the next sentence of the paragraph ("a mineral named in the
    next sentence belongs to the mine"), then the previous one; then the minerals a sentence a few before gave the
    same mine; then what the mine is known for,
    when the report names it somewhere or the mine has only one mineral; for a mine's output
    ("the Hyesan Youth Mine is raising production"), its primary mineral (the record's first).
    """
    def of(k):
        return [m for m in info[k]["matches"] if m.kind == "mineral"]

    for k, why in ((i, ""), (i + 1, "mineral from the next sentence"), (i - 1, "mineral from the previous sentence")):
        if 0 <= k < len(sents) and sents[k].para == sents[i].para and of(k):
            return of(k), why
    ids = [x for m in mines for x in known.get(m.id, [])]
    # the minerals the report tied to the same mine a few sentences before ("혜산광산에서 나오는 동정광과 연·아연정광이
    # … 넘어가고 있다", then "혜산광산 근처 주민들은 … 몰래 팔아"): the report's own pairing, before what the mine is known for
    wanted = {m.id for m in mines}
    for k in range(i - 2, max(-1, i - 1 - _LOOK_BACK), -1):
        if {m.id for m in info[k]["matches"] if m.kind == "mine"} & wanted and (earlier := of(k)):
            return earlier, f"mineral the report gave {mines[0].text} before"
    # "the Hyesan copper mine": a mineral the mine is known for, written into its name
    named = [x for m in mines for x in known.get(m.id, []) if x.split("_")[0] in m.text.lower()] \
        or [x for x in ids if x in report_minerals]
    chosen = named or (ids if len(set(ids)) == 1 else [])
    why = "known for"
    if not chosen and etype in ("production_change", "production_halt"):
        chosen, why = [known[m.id][0] for m in mines if known.get(m.id)], "primarily mined for"
    if not chosen:
        return [], ""
    m0 = mines[0]
    return ([_inferred(x, m0) for x in dict.fromkeys(chosen)],
            f"mineral is what {m0.text if len({m.id for m in mines}) == 1 else 'each mine'} is {why}")


def own_minerals(mine: Match, minerals: list[Match], inferred: bool, known: dict[str, list[str]],
                 one_mineral_report: bool = False) -> list[Match]:
    """A mine's share of a clause's minerals: those the record knows it for when they were inferred from
    what the clause's mines are known for; a mine known for none of them (one of several listed: "혜산광산과
    대봉광산, 용화광산 등의 광물 수출이 모두 멈췄다", where only Yonghwa is known for the report's molybdenum)
    takes its own primary mineral, not another mine's, unless the report names no other mineral (a report on
    gold: "the Holdong and Eunpa mines" are both its gold mines); named minerals are every mine's."""
    if not inferred or one_mineral_report:
        return minerals
    mine_known = known.get(mine.id, ())
    own = [x for x in minerals if x.id in mine_known]
    if own or not mine_known:
        return own or minerals
    return [_inferred(mine_known[0], mine)]


def _inferred(mineral_id: str, mine: Match) -> Match:
    """A mineral the text does not name, taken from what ``mine`` is known for, placed at the mine's mention."""
    return Match("mineral", mineral_id, mineral_id, mineral_id.replace("_", " "), mine.start, mine.end, True)


#: A sentence that goes on about the cargo or ship the sentence before told of ("The ship was in the end allowed to
#: unload its 6,300 metric tonnes of anthracite coal"; "이 배에는 석탄 3천t이 실려 있었다").
_CARGO_GOES_ON = re.compile(r"\s*(?:(?:the|this|that)\s+(?:ship|vessel|boat|barge|cargo|shipment|consignment|freighter|tanker)s?|it)\b"
                            r"|\s*(?:이|그|해당)\s*(?:배|선박|화물|화물선)", re.IGNORECASE)
def _opens_with_its_mineral(i: int, j: int, sents, info) -> bool:
    """Does the j-th sentence open with a mineral the i-th names ("금을 밀수하려다 적발됐습니다." then "금 27킬로그램, 무려 시가
    15억원어치 인데요": the cargo's amount, the seventy-sixth trial's 27 kg)?"""
    before = {m.id for m in info[i]["matches"] if m.kind == "mineral"}
    opening = sents[j].text[:4].lstrip("\"“‘' ")
    return any(m.kind == "mineral" and m.id in before and sents[j].text.find(m.text) <= 4 and m.text[:1] == opening[:1]
               for m in info[j]["matches"])


#: The events whose amount is a cargo's.
CARGO_TYPES = ("smuggling", "import_suspension")


def cargo_amounts_next(i: int, sents, info):
    """(amounts, qualifier) of the sentence after the i-th, in its paragraph or the next, when it goes on about the
    cargo or ship the i-th told of (:data:`_CARGO_GOES_ON`), tells no event of its own and gives an amount; else None."""
    j = i + 1
    if j >= len(sents) or sents[j].para - sents[i].para > 2 or info[j]["made"] or not (
            _CARGO_GOES_ON.match(sents[j].text) or _opens_with_its_mineral(i, j, sents, info)):
        return None
    amounts = info[j]["amounts"]
    return (amounts, info[j]["qualifier"]) if amounts[0] is not None or amounts[1] is not None else None



#: A clause about a ship or its cargo, named by a definite word ("the vessel", "배를 … 돌려보냈다").
_CARGO_WORD = re.compile(r"\b(?:the|this|that|its|their)\s+(?:ship|vessel|boat|barge|cargo|shipment|consignment|freighter|tanker)s?\b"
                         r"|(?:배|선박|화물|화물선)(?:를|을|가|이|는|은|에는|의)", re.IGNORECASE)


def cargo_mineral(clause: str, i: int, info, report_minerals: set[str]) -> list[Match]:
    """The report's one mineral, for a clause that tells of the ship or its cargo but names no mineral ("말레이시아
    당국은 입항을 허가하지 않고 배를 … 돌려보냈다" in a report of one coal cargo): its last mention before the clause;
    [] when the report names several minerals or the clause no ship or cargo. The caller keeps it only for a cargo's
    events (:data:`CARGO_TYPES`)."""
    if len(report_minerals) != 1 or not _CARGO_WORD.search(clause):
        return []
    for k in range(i - 1, -1, -1):
        if found := [m for m in info[k]["matches"] if m.kind == "mineral"]:
            return found[-1:]
    return []


def may_speak_of_mine(clause: str) -> bool:
    """Can :data:`_UNNAMED_MINE` match the clause (it needs "mine" or "deposit")? A cheap
    necessary test before :func:`mine_named_next`."""
    return may_hold(clause, clause.lower(), ("mine", "deposit"))
