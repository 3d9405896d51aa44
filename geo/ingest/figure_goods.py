"""Stage 7c, the goods of a trade figure told without its mineral: the one mineral the sentence before names
("Arrivals from North Korea in January came to 1.45 million tonnes" after a sentence on coal), unless that sentence
names it among other goods or the figure is of other goods or of the whole trade; the one mineral of a report that
names no other, for a figure by weight; and a figure of goods moved "this way", which is the amount of the smuggling
just told.
"""

from __future__ import annotations

import re

from geo.ingest.cue_words import FOREIGN_ORIGIN
from geo.ingest.gazetteer import Match


def figure_mineral(i: int, sents, info) -> list[Match]:
    """The one mineral the previous sentence names, for a figure told without one; [] when it names
    none or several."""
    if i == 0 or sents[i - 1].headline or FOREIGN_ORIGIN.search(sents[i - 1].text):
        return []  # (not another country's goods: "China resumed buying American coal. … China bought over 400,000 tons")
    if OTHER_GOODS.search(sents[i].text) or WHOLE_TRADE.search(sents[i].text):
        return []  # a figure of goods its own sentence names ("… was rice and cereal products, which amounted to $34.02 million"),
        # or of the whole trade ("China remained the biggest partner: trade with it reached $6.05 billion")
    if GOODS_BESIDE.search(sents[i - 1].text):
        return []  # the mineral was one of several goods ("shipments of coal, precious metals and other goods … fell"):
        # the figure after it is of them all ("exports to China in the month came to $161.38 million")
    minerals = [m for m in info[i - 1]["matches"] if m.kind == "mineral"]
    return minerals[:1] if len({m.id for m in minerals}) == 1 else []


#: A unit of weight: a figure of goods, not of money or of a share.
_WEIGHT_UNIT = re.compile(r"(?:(?:thousand|million|billion)\s+)?(?:t|tons?|tonnes?|metric tons?|mt|kg|kilograms?)$", re.IGNORECASE)


#: The North named as whose the goods are, or its exports ("두 달 모두 수출량이 2만t 안팎에 머물러" in a report on them).
_THE_NORTH = re.compile(r"\bNorth Korea|\bPyongyang\b|\bthe North\b|\bDPRK\b|북한|북측|북\s*(?:은|이|의)|\bexport|수출",
                        re.IGNORECASE)
_WEIGHED = re.compile(r"\d\s*(?:만|천|억)?\s*(?:t|톤|tons?|tonnes?)(?![a-z])", re.IGNORECASE)


def weighed(text: str) -> bool:
    """Does the sentence give a figure by weight ("120만t", "1.2 million tonnes") of no goods it names as others
    (:data:`OTHER_GOODS`: "원유는 … 52만5천t을 넘겨 팔 수 없다")? Such a sentence is read in a report of one mineral
    even when its neighbours name none (:func:`only_mineral_weighed`)."""
    return _WEIGHED.search(text) is not None and OTHER_GOODS.search(text) is None


def only_mineral_weighed(i: int, sents, info, report_minerals: set[str]) -> list[Match]:
    """The report's one mineral, for a figure by weight told with no mineral in a report that names no other ("북한은
    지난해 1~11월 중국에 410만톤(…)을 수출했는데" in a report on coal alone); [] otherwise (a figure of money may be of
    all goods)."""
    if len(report_minerals) != 1 or not _WEIGHT_UNIT.match(info[i]["amounts"][2] or "") \
            or OTHER_GOODS.search(sents[i].text) or WHOLE_TRADE.search(sents[i].text) or not _THE_NORTH.search(sents[i].text) \
            or any(FOREIGN_ORIGIN.search(sents[j].text) for j in (i - 1, i) if j >= 0):
        return []  # (the North's own figure: not "China bought over 300,000 tons" after "… began buying Australian coal")
    return next(([m] for x in info for m in x["matches"] if m.kind == "mineral"), [])


#: A figure of a country's whole trade, not of one mineral's.
WHOLE_TRADE = re.compile(r"\b(?:total|overall|bilateral|foreign) trade\b|\btrade (?:with|between) (?:it|them|China|Beijing|the two)\b"
                         r"|\btrade volume\b|(?:교역|무역)\s*(?:액|규모|총액)|총\s*교역", re.IGNORECASE)


#: Goods that are no mineral of the record, named as what a figure is of: the forty-ninth trial's rice figure took
#: the tungsten of the sentence before.
OTHER_GOODS = re.compile(r"\b(?:rice|cereals?|grains?|wheat|flour|maize|corn|soybeans?|sugar|fertili[sz]ers?|ammonium|wigs?"
                         r"|eyelash(?:es)?|textiles?|garments?|clothing|apparel|food(?:stuffs?)?|seafood|fish|crude|petroleum"
                         r"|fuel oil|diesel|machinery|vehicles?|electricity|cigarettes?|plastics?)\b"
                         r"|쌀|곡물|밀가루|옥수수|비료|가발|속눈썹|섬유|의류|식량|수산물|원유|석유|기계류|전력", re.IGNORECASE)

#: Goods named beside a mineral as others of a list: a figure told next is of them all, not of the mineral.
GOODS_BESIDE = re.compile(r"\b(?:and|or|among|with|plus) other (?:goods|products|items|commodities|exports|minerals|metals|ores)\b"
                          r"|\bprecious metals\b|\band so on\b|(?:등|등의)\s*(?:여러\s*|각종\s*|주요\s*)?(?:품목|상품|물품|광물)", re.IGNORECASE)


#: A sentence that opens on goods moved "this way", the way the sentence before told ("이렇게 들어온 북한산 석탄과 선철은 모두
#: 3만5천여톤", "Coal shipped this way came to 35,000 tons").
_THIS_WAY = re.compile(r"\s*(?:이렇게|이런\s*식으로|이같이|이와\s*같이|이\s*같은\s*방식으로|이런\s*방식으로)\s"
                       r"|[^.;]{0,60}?\b(?:this|that|the same) way\b|\s*(?:In|By) (?:this|that|the same) (?:way|manner|fashion|means)\b",
                       re.IGNORECASE)


#: A headline that calls the exports illicit ("북, 4천억원대 불법 석탄수출", "UN panel: North Korea earned $370 million from
#: illicit coal exports"): the report's figures of that mineral are the smuggling's amount (data/README.md: trade the
#: report tells as illicit is smuggling).
_ILLICIT_EXPORTS = re.compile(r"\b(?:illicit|illegal|illegitimate|banned|prohibited|sanctions-busting|sanctions-violating)\s+"
                              r"(?:[\w-]+\s+){0,2}?(?:exports?|shipments?|sales|trade)\b|불법\s*\S{0,6}?(?:수출|반출|거래)|밀수출",
                              re.IGNORECASE)


def smuggling_figure(i: int, sents, info, protos, minerals: list[Match]) -> bool:
    """Is the i-th sentence's trade figure the amount of a smuggling: of goods moved "this way" just after one
    (:func:`figure_of_the_way_before`), or of exports the headline calls illicit, of a mineral it names (or of any
    when it names none)?"""
    if figure_of_the_way_before(i, sents, protos) == "smuggling":
        return True
    for j, s in enumerate(sents):
        if not s.headline:
            break
        if _ILLICIT_EXPORTS.search(s.text) and not s.text.rstrip(" \"'”’»)").endswith("?"):  # (a question asserts nothing)
            named = {m.id for m in info[j]["matches"] if m.kind == "mineral"}
            return not named or bool(named & {m.id for m in minerals})
    return False


def figure_of_the_way_before(i: int, sents, protos) -> str:
    """The type of the event the sentence before told, for a figure the i-th sentence gives of goods moved "this way"
    (the smuggling just told: its amount, not a trade figure of its own); '' otherwise."""
    if i == 0 or sents[i].para - sents[i - 1].para > 2 or not _THIS_WAY.match(sents[i].text):
        return ""
    return next((p.event_type for p in reversed(protos) if p.sent == i - 1), "")
