"""Stage 3c, mentions that name no record thing: a mine's name that starts a trading company's name
(see :func:`geo.ingest.places.company_name`), and a mineral's name that stands for other goods than
the North's ore:

* processed metal: "iron and steel", "iron products", "pig iron", "silicon iron", "steel and iron" (customs
  chapters 72-73, not the ore);
* foreign ore: "Russian coal", "Australian coal", "러시아산 석탄", "중국산 무연탄": a cargo of another
  country's (in transit through Rajin, or sold to China beside the North's); "Chinese coal" stays
  (it is also China's imports of coal), and so does "North Korean and Russian coal";
* a Korean group named by its first member, in a sentence that gives a figure: "석탄 등 7개 품목" (coal and six
  other items), "석탄을 비롯한 광물": the group's figure is not coal's;
* a mineral named as the mark another is ranked by: "석탄 다음으로 … 많이 수출되는 철광석", "second only to
  coal": the sentence is about the other mineral;
* a mine's name that is a river's ("along the Chongchon River", 청천강): the river;
* "lead" as a verb or an idiom: "taking the lead in investing", "Set to Lead the World";
* a mineral's name inside an English proper name, capitalised between capitalised words in a sentence
  not in title case: "White Gold Mountain Partners", a joint venture's name;
* a mineral's name that only says what a person trades, "a coking coal and anthracite dealer", "석탄
  상인", in a sentence that names another mineral as the event's ("… said the government quit issuing
  permits for iron ore imports"): :func:`without_traders_goods`, per sentence.

Each test looks a few words before or after the mention: linear in the sentence.
"""

from __future__ import annotations

import re

from geo.ingest.gazetteer import Match
from geo.ingest.places import company_name

_PROCESSED_AFTER = re.compile(r"(?:\s*(?:and|&)\s*steel|[\s-]+(?:products?|goods|pipes?|bars?|rods?|sheets?|wire|castings?"
                              r"|scrap|works|mills?)\b)", re.IGNORECASE)
_PROCESSED_BEFORE = re.compile(r"\b(?:pig|cast|wrought|scrap|steel\s+and|silicon|ferro)[\s-]+$", re.IGNORECASE)  # silicon iron: an alloy
_FOREIGN_BEFORE = re.compile(r"(?<!\band )\b(?:Russian|Australian|Indonesian|Mongolian|Colombian|Canadian|South African|American)"
                             r"(?:-origin)?\s+(?:[\w-]+\s+)?$|(?:러시아|호주|인도네시아|몽골|중국|캐나다|미국|남아공|콜롬비아)산\s*$")
_GROUP_AFTER = re.compile(r"\s*(?:을|를)?\s*(?:비롯한|포함한)|\s*등\s*(?:[^.\d]{0,20}?)?\d+\s*(?:개|가지|종)\s*(?:품목|광물|광종|종류)?")
#: A figure in the sentence: a group named by its first member stands for the group only where the sentence gives the
#: group's figure ("석탄 등 7개 품목 수출액은 … 달러"); with none, the members named are the event's own ("석탄과 희토류를
#: 비롯한 광물 일곱 가지를 함께 개발하자고 제의": an offer of coal and rare earths among others).
_FIGURE = re.compile(r"\d[\d,.]*\s*(?:만|억|천|조)?\s*(?:톤|t\b|달러|위안|원|엔|%|퍼센트|kg|킬로)")
_REACH = 30
_RANK_MARK_AFTER = re.compile(r"\s*(?:다음으로|다음가는|에\s*이어\s*(?:두\s*번째|두번째|2위))")
_RANK_MARK_BEFORE = re.compile(r"\b(?:second|next|only)\s+(?:only\s+)?to\s+$", re.IGNORECASE)
#: "lead" as a verb or in an idiom, not the metal: "taking the lead in investing", "will lead", "set to
#: lead", "Lead the World", "following US lead", "in Washington's lead" (the metal is "lead ore", "lead and zinc", "500 tonnes of lead the previous
#: month", "from zinc to lead").
_LEAD_IDIOM_BEFORE = re.compile(r"\b(?:take|takes|took|taken|taking)\s+the\s+$|\b(?:follow\w*|in|after)\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,2}?"
                                r"(?:US|U\.S\.|America['’]s|Washington['’]s|[A-Z][\w-]*['’]s|its|their|his|her)\s+$|\b(?:will|would|could|can|may|might|set to"
                                r"|aims? to|wants? to|hopes? to|plans? to|seeks? to)\s+$", re.IGNORECASE)
_LEAD_VERB_AFTER = re.compile(r"\s+the\s+(?:world|way|pack|field|market)\b", re.IGNORECASE)
#: "roads that lead to the Amrok", "the routes which lead into China": a way that leads somewhere (the metal after "that"
#: is rarely followed by where it goes).
_LEAD_WAY_BEFORE = re.compile(r"\b(?:that|which|roads?|routes?|paths?|tracks?|tunnels?|bridges?|corridors?)\s+$", re.IGNORECASE)
_LEAD_WAY_AFTER = re.compile(r"\s+(?:directly\s+|straight\s+)?(?:to|into|up\s+to|through|across|towards?|onto)\b", re.IGNORECASE)


#: A mineral the sentence's news follows on ("북한산 석탄에 이어 구리·니켈·은·아연의 수입도 … 멈추겠다"): the earlier measure's, not
#: this one's.
_FOLLOWED_ON = re.compile(r"(?:에|에도)\s*이어(?:서)?\s")


def names_record_thing(m: Match, sentence: str) -> bool:
    """Does this mine or mineral mention name the record's mine or the North's mineral?"""
    if m.kind == "mine":
        return not company_name(m, sentence) and not _RIVER_AFTER.match(sentence, m.end)
    before = sentence[max(0, m.start - _REACH):m.start]
    if _FOREIGN_BEFORE.search(before) or (_GROUP_AFTER.match(sentence, m.end) and _FIGURE.search(sentence)) \
            or _RANK_MARK_AFTER.match(sentence, m.end) or _RANK_MARK_BEFORE.search(before):
        return False
    if _in_proper_name(m, sentence) or _FOLLOWED_ON.match(sentence, m.end):
        return False
    if m.id == "lead" and m.text.lower() == "lead" and (_LEAD_IDIOM_BEFORE.search(before) or _LEAD_VERB_AFTER.match(sentence, m.end)
                                                       or (_LEAD_WAY_BEFORE.search(before) and _LEAD_WAY_AFTER.match(sentence, m.end))):
        return False
    return not (m.id == "iron_ore" and m.text.lower() == "iron"
                and (_PROCESSED_AFTER.match(sentence, m.end) or _PROCESSED_BEFORE.search(before)))


#: A mine's place name that names a river ("along the Chongchon River", "청천강"): the river, not the mine.
_RIVER_AFTER = re.compile(r"\s*(?:River|river|강(?=[^가-힣]|에|을|의|은|이|과|와|가|$)|江)")

_CAPITAL_BEFORE = re.compile(r"\b[A-Z][\w'’&-]*\s+$")
_CAPITAL_AFTER = re.compile(r"\s+[A-Z][\w'’&-]*")
#: … or after a capitalised word that is not the sentence's first, a company's name ending in its mineral ("a
#: subsidiary of Jiangxi Copper,", "Yuguang Gold & Lead": the eighteenth trial), or after another such word and "&".
_NAME_BEFORE = re.compile(r"[\w,;:)’'\"]\s+[A-Z][a-z][\w'’-]*\s+$|\b[A-Z][a-z]+\s+&\s+$")
_MINE_AFTER = re.compile(r"(?:\s+(?:Ore|Concentrate))?\s+(?:Mines?|Mining|Complex|Collier(?:y|ies)|Pits?|Enterprise|Field)\b")


def _in_proper_name(m: Match, sentence: str) -> bool:
    """A capitalised mineral word between two capitalised words, or after a capitalised word not the sentence's
    first (or after "Gold &"), in a sentence not in title case (a headline's capitals say nothing of names): part of
    a name ("White Gold Mountain Partners", "Jiangxi Copper", "Yuguang Gold & Lead"); not a mine's name ("the
    Kaechon Area Coal Mining Complex")."""
    before = sentence[max(0, m.start - _REACH):m.start]
    if not (m.text[:1].isupper() and (_CAPITAL_BEFORE.search(before) and _CAPITAL_AFTER.match(sentence, m.end)
                                      or _NAME_BEFORE.search(before))) or _MINE_AFTER.match(sentence, m.end):
        return False  # (a mine's name with its mineral, "the Kaechon Area Coal Mining Complex", names the mineral)
    words = [w for w in sentence.split() if w[:1].isalpha()]
    return sum(w[0].isupper() for w in words) < 0.7 * len(words)


#: A trader named by the goods he deals in: the mineral word, perhaps "and" another, then the trader.
_TRADER_AFTER = re.compile(r"(?:\s+(?:and|or|&)\s+[\w-]+)?\s+(?:dealers?|traders?|merchants?|brokers?|middlemen|middleman)\b"
                           r"|\s*(?:상인|무역업자|중개상|거간꾼)", re.IGNORECASE)


#: … or after the verb for dealing in them ("a trader who deals in coking coal and anthracite": the fifty-third trial's
#: iron-ore trader drafted a coal event), or after the trader ("a veteran trader in coking coal and anthracite").
_DEALS_IN_BEFORE = re.compile(r"\b(?:deals?|dealt|dealing|trades?|traded|trading|specializ\w+|specialis\w+|traders?|dealers?"
                              r"|merchants?|brokers?)\s+in\s+"
                              r"(?:[\w-]+\s+){0,3}(?:(?:and|or|&)\s+(?:[\w-]+\s+){0,2})?$", re.IGNORECASE)


def without_traders_goods(matches: list[Match], sentence: str) -> list[Match]:
    """The mentions less the minerals that only say what a trader deals in ("a coking coal and anthracite
    dealer", "who deals in coking coal and anthracite"), when another mineral of the sentence is named otherwise; all
    of them when none is (a "coal trader" telling of coal is telling of coal)."""
    trade = {id(m) for m in matches if m.kind == "mineral" and (_TRADER_AFTER.match(sentence, m.end)
                                                                 or _DEALS_IN_BEFORE.search(sentence, max(0, m.start - 40), m.start))}
    if not trade or not any(m.kind == "mineral" and id(m) not in trade for m in matches):
        return matches
    kept_ids = {m.id for m in matches if m.kind == "mineral" and id(m) not in trade}
    return [m for m in matches if id(m) not in trade or m.id in kept_ids]
