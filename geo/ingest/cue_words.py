"""Stage 6b, the words around a cue that change its reading: growth that makes exports a figure,
goods that came from China or Russia, whom a ban names or binds, a ban told before a halt, a
measure that restricts, a stop for a stated while, people who left and work that goes on
(:func:`tells_no`), and a production change's words for less. Each is one bounded regular
expression: linear in the clause."""

from __future__ import annotations

import functools
import re

#: Smuggling named in a sentence, or customs bypassed: exports it tells as going on, or a share of them, are the
#: smuggling (the twenty-fourth trial).
SMUGGLING_NAMED = re.compile(r"밀수|밀반출|세관을\s*(?:거치지|통하지|통과하지)\s*않|\bsmuggl|\b(?:bypass\w*|without going through|"
                             r"avoid\w*) customs\b", re.IGNORECASE)
#: Goods moved or loaded: what a stop that did not happen kept going ("loading at the port does not appear to have
#: stopped"; the English of :data:`geo.ingest.cues_ko._SHIPPING`).
SHIPPING_WORDS = re.compile(r"\b(?:load\w*|ship\w*|export\w*|deliver\w*|trad(?:e|ing)|sales?|trucks?|crossings?|cargo\w*)\b",
                            re.IGNORECASE)
#: A stop or a measure named again as the subject of its cause ("The halt is said to stem from the global slowdown"):
#: the event the report told before, not another.
THE_BEFORE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+$")
CAUSE_AFTER = re.compile(r"\s+(?:(?:is|was|has been|had been)\s+)?(?:(?:said|thought|believed|reported|understood)\s+to\s+)?"
                         r"(?:stems?|stemmed|results?|resulted|comes?|came|arises?|arose)\s+(?:from|out of)\b"
                         r"|\s+(?:is|was|has been)\s+(?:(?:said|thought|believed)\s+to\s+(?:be|have been)\s+)?"
                         r"(?:caused|prompted|triggered|driven)\s+by\b|\s+(?:is|was)\s+(?:due|owing)\s+to\b", re.IGNORECASE)
GROWTH = re.compile(r"ris|rose|increas|surg|grew|늘|증가|급증|불어", re.IGNORECASE)
#: Goods sent to the North's own users ("every tonne of coal now mined is being sent to thermal power plants"): kept at
#: home, not exported, unless a foreign buyer or place is named in the clause.
DOMESTIC_USE = re.compile(r"\b(?:sent|sends|sending|supplied|delivered|diverted|allocated|redirected|going|goes|shipped|sold)\s+"
                          r"(?:[\w-]+\s+){0,2}?to (?:the |its |local |domestic |the country's |state |their )?(?:own )?"
                          r"(?:(?:thermal|coal-fired|coal-burning|local|domestic) )?(?:power (?:plants?|stations?)|thermal plants?"
                          r"|steel ?(?:works|mills?)|smelters? at home|factories at home|households)\b|\bfor (?:domestic|home|local) use\b",
                          re.IGNORECASE)
#: The words one of which every DOMESTIC_USE match holds (lower case): the search is skipped without them.
DOMESTIC_WORDS = ("power", "thermal", "steel", "smelter", "factor", "household", "domestic", "home", "local")
FOREIGN_PLACE = re.compile(r"\b(?:China|Chinese|Russia|Russian|Dandong|Japan|Vietnam|abroad|overseas|foreign)\b")
#: Goods that came from China or Russia (to the North): not the North's minerals.
FOREIGN_ORIGIN = re.compile(r"\b(?:shipped|imported|bought|came|arrived|brought|sent|supplied)\s+(?:[\w-]+\s+){0,3}from "
                             r"(?:China|Russia)\b|\bfrom (?:China|Russia) (?:to|into) (?:North Korea|the North|the DPRK|Pyongyang)\b"
                             # another country's own trade told beside ("Mongolia exported more than 22 million tons
                             # of coal last year, most of it to China"): its exporter named as the sentence's subject
                             r"|^(?:\w+\s+){0,3}?(?:Mongolia|Russia|Australia|Indonesia|Vietnam|South Africa|Canada|[Tt]he United States"
                             r"|[Tt]he US|[Tt]he U\.S\.|America|Colombia|Kazakhstan)(?:'s|’s)?\s+(?:\w+\s+){0,2}?(?:exported|sold|shipped|sent"
                             r"|supplied|exports)\b"
                             # goods of another country named as such ("about 2 million tonnes of Russian coal … shipped on to
                             # China"), not goods passed off as them ("relabelled as Russian coal") nor one of two named ("North
                             # Korean and Russian coal")
                             r"|(?=[RMAICSU])\b(?<!\bas )(?<!\band )(?<!\bor )(?<!, )(?:Russian|Mongolian|Australian|Indonesian|Colombian|Canadian|South African|American|U\.S\.)\s+(?:[\w-]+\s+)?"
                             r"(?:coal|anthracite|coke|iron ore|ore)\b(?!\s+(?:imports?|importers?|buyers?|traders?|demand|market|prices?))"
                             # another country's goods bought or received ("China has started buying American coal again
                             # …", "RasonConTrans has received some 2 million tonnes of Russian coal by rail")
                             r"|\b(?:buying|bought|buys|buy|received|receives|receiving|imports? of|purchases? of)\s+(?:[\w,.-]+\s+){0,5}?"
                             r"(?:American|U\.S\.|US"
                             r"|Australian|Russian|Mongolian|Indonesian|Canadian|Colombian)\s+(?:[\w-]+\s+)?coal\b"
                             # Korean: exports to the North ("1~8월 중국의 대북 수출액은 22억 달러로"): another country's goods
                             r"|대북\s*(?:수출|반출)")
#: A ban whose object is ships, companies or people names them: a designation, not a measure on goods.
BAN_ON_WHOM = re.compile(r"\s+(?:(?:on|against)\s+)?(?:[\w-]+\s+){0,3}(?:ships?|vessels?|tankers?|freighters?|companies"
                          r"|firms|entities|individuals|persons)\b", re.IGNORECASE)
#: Those a ban binds, not names: "prohibits citizens and companies from buying copper" is a measure on goods.
BOUND_FROM = re.compile(r"\s+from\s+\w+ing\b")
#: A ban told as a verb, before a halt in the same clause: the clause tells a measure.
BANNED_BEFORE = re.compile(r"\b(?:banned|bans|prohibited|prohibits|forbade|forbids|forbidden)\b", re.IGNORECASE)
#: A measure named as what restricts ("the ban restricted imports of coal").
MEASURE_BEFORE = re.compile(r"\b(?:ban|bans|resolutions?|measures?|sanctions|embargo|decree|law)\b", re.IGNORECASE)
#: A stop for a stated while ("until the end of the year", "temporarily", 연말까지, 한시적으로): an importer's
#: suspension, not its standing ban (data/README's "Event types": China's bans carry out UN measures).
FOR_A_WHILE = re.compile(r"\b(?:temporar\w*|until\b(?! (?:then|now)\b)|till\b|through the end\b|for the rest of\b|for (?:\w+ ){0,2}"
                         r"(?:days?|weeks?|months?)\b)|(?:말|\d\s*일|\d\s*월)까지|한시적|일시적", re.IGNORECASE)
#: People who leave ("the troops have pulled out", "workers withdrew"): no deal that fell through.
PEOPLE_LEAVING = re.compile(r"\b(?:troops|soldiers|workers|miners|labou?rers|people|residents|families|staff|engineers"
                            r"|guards|refugees)\s+(?:[\w']+\s+){0,3}$", re.IGNORECASE)
_LEAVING = re.compile(r"pull|withdr|walk|left|abandon", re.IGNORECASE)
_TRADE_CUE = re.compile(r"export|shipment|sale|sold|sell|trade|수출", re.IGNORECASE)
#: Work as the subject just before the cue ("uranium mining at Pyongsan is still going on"): no export.
WORK_GOING_ON = re.compile(r"\b(?:mining|production|output|operations?|work|digging|excavation|refining)\b"
                           r"(?:\s+(?!exports?\b|shipments?\b|sales?\b|trade\b|sold\b|sells?\b)[\w'-]+){0,6}\s*$",
                           re.IGNORECASE)
#: A production change's words for less (the rest are more).
REDUCED = re.compile(r"less|under|below|fell|falls|fallen|dropped|drops|declined|declines|decreased|gone down|halved|cut"
                      r"|shr[iau]nk|slump|plung|sinks|slides|dips|tumbles"
                      r"|slowed|stalled|slid|slipped|sank|tumbled|dipped|\bdown\b|\b(?:running|operating|working) at\b"
                      r"|줄|감소|떨어|위축|움츠러|하락|급감|감산|낮아|낮추|낮췄|낮춰|반토막|절반으로"
                      r"|안\s*(?:되|돼|된)|못\s*미|미치지\s*못|밑돌", re.IGNORECASE)  # '가동률이 50%도 안 된다': below a share
#: A Korean output verb of more or less. Korean ends a clause on its main verb, so an output that rose
#: and then turned ("해마다 늘다가 … 두 해 연속 줄었다") went the way of the last such verb.
_KO_OUTPUT_TURN = re.compile(r"(늘|증가|확대|급증|증산|높아|높였|높여|높이|올라|올랐|오르|끌어올)"
                             r"|(줄|감소|떨어|하락|급감|감산|위축|낮아|낮추|낮췄|낮춰|반토막|절반으로|내려|밑돌)")


def output_reduced(told: str) -> bool:
    """Whether a production change's words tell less: the last Korean verb of more or less when
    there is one (the clause's main verb), else any of :data:`REDUCED`'s words."""
    last = None
    for m in _KO_OUTPUT_TURN.finditer(told):
        last = m
    return last.group(2) is not None if last else REDUCED.search(told) is not None


#: A purpose opening the clause ("To stop the coal traffic, customs issued …"): what it would do is
#: no event; but an act done to evade or smuggle is the evasion ("To evade the sanctions, traders
#: shipped the coal to Vietnam first").
_PURPOSE_START = re.compile(r"^\s*(?:and\s+|but\s+)?to\s+$", re.IGNORECASE)


def tells_no(event_type: str, before: str, cue: str = "") -> bool:
    """The words just before a cue say it tells no event of its type: people who left ("the troops
    have pulled out": no deal fell through; not "workers said the deal had collapsed"); work that
    goes on ("mining … is still going on": no export; not "output … and exports continue"); a
    purpose opening the clause, unless the cue is smuggling."""
    if event_type != "smuggling" and _PURPOSE_START.match(before):
        return True
    if event_type == "deal_collapsed":
        return _LEAVING.match(cue) is not None and PEOPLE_LEAVING.search(before) is not None
    if event_type == "export_continued":
        return WORK_GOING_ON.search(before) is not None and _TRADE_CUE.search(cue) is None
    return False


#: An obligation a measure imposes ("member states will also have to prohibit exports", "are required to
#: ban"): the measure itself, not a plan or a possibility, before a sanction's ban word.
#: A government or authority saying what it will do to ships or firms ("The South Korean government said it will keep
#: cargo ships … out of all of the country's ports"): a designation decided, not a plan (only for designations: an
#: importer's "said it would halt imports" stays a plan until it is done).
ANNOUNCED_WILL = re.compile(r"\b(?:said|says|announced|announces|declared|declares|decided|decides)\s+(?:on\s+\w+\s+)?(?:that\s+)?"
                            r"(?:it|they|the\s+\w+|Seoul|Tokyo|Beijing|Washington)\s+(?:will|would)\s+(?:also\s+)?$", re.IGNORECASE)
OBLIGED = re.compile(r"\b(?:(?:will|shall|must|would)\s+(?:also\s+)?(?:have\s+to|be\s+(?:required|obliged|obligated)\s+to)"
                     r"|(?:are|is|were|was)\s+(?:also\s+)?(?:required|obliged|obligated)\s+to|shall(?:\s+also)?)\s+$",
                     re.IGNORECASE)


#: A mine's yearly output or capacity, with what it sells for ("yearly output at roughly 1 million to 1.5
#: million tons, sold at $30 to $50 a ton"): a rate, not a period's trade figure.
OUTPUT_RATE = re.compile(r"\b(?:yearly|annual)\s+(?:output|production|capacity)\b|\b(?:output|production|capacity)\b[^.;]{0,50}?"
                         r"\b(?:a|per)\s+year\b|연간\s*생산(?:량|능력)", re.IGNORECASE)


#: A measure's own amount is a cap ("caps coal exports at 7.5 million tons", "no more than $400 million",
#: 상한): a sanction's sentence with no such word gives its figures as background ("about a third of the
#: roughly $3 billion the North earns from exports each year"), not as the measure's.
CAP_WORDS = re.compile(r"\b(?:caps?|capped|capping|ceilings?|limits?|limited|limiting|no more than|at most|up to|maximum"
                       r"|quotas?|restrict\w*)\b|상한|한도|이내|까지만", re.IGNORECASE)


#: A trade word that tells the goods came in (a trade figure's effect "imported"), else "exported".
IMPORT_WORDS = ("import", "arrival", "took", "bought", "purchas", "수입", "들여", "반입", "사들", "들어")


@functools.lru_cache(maxsize=1024)
def cargo_back(evidence: str) -> bool:
    """Does the sentence tell cargoes sent, turned or ordered back? Read once per sentence (a sentence's
    drafts are compared with many others)."""
    lower = evidence.lower()
    if not any(w in lower for w in ("back", "away", "return", "reject", "돌려", "되돌", "퇴짜")):
        return False  # most sentences: no search
    return _CARGO_BACK.search(evidence) is not None


#: Cargoes sent, turned or ordered back ("ordered trading firms to return their coal cargoes", 돌려보내, 퇴짜).
_CARGO_BACK = re.compile(r"\b(?:send|sent|sending|ship|shipped|shipping|turn|turned|turning)\b[^.;]{0,40}?\b(?:back|away)\b"
                         r"|\b(?:return|reject)(?:s|ed|ing)?\b[^.;]{0,40}?\b(?:cargo(?:es)?|shipments?|consignments?)\b|돌려보내|되돌려|퇴짜",
                         re.IGNORECASE)
#: "banned" as what goods are, not as what a measure did ("exports of coal, iron, steel and other banned commodities",
#: "sold UN-banned coal", "shipments of banned ore"): the word before it is no subject but an article, a preposition, a
#: joining word or a trade verb.
BANNED_GOODS_BEFORE = re.compile(r"(?:\b(?:of|other|the|a|an|and|or|such|these|those|more|its|their|in|for|with|carrying|carried"
                                 r"|selling|sell|sold|sells|exporting|exported|buying|bought|smuggling|smuggled|shipping|shipped)"
                                 r"|\bU\.?N\.?-)\s*$", re.IGNORECASE)
#: A sale, an export or earnings from them in the clause: the trade in the goods named as banned is its event.
TRADE_ACT = re.compile(r"\b(?:sold|sell\w*|export\w*|earn\w*|shipp?\w*|bought|buy\w*|import\w*|smuggl\w*|traded|trading"
                       r"|deliver\w*|revenue|income)\b", re.IGNORECASE)
