"""Stage 3b, mine names that are places: when a name the gazetteer knows as a mine stands for the
town, county or city it is named after ("Daebong Mine near Hyesan", "혜산시", "the Musan Mining
Complex in Musan County"), so that it links no event and is not what "the complex" refers to.
"""

from __future__ import annotations

import re

from geo.ingest.gazetteer import Match
from geo.ingest.hangul import has_hangul

_PLACE_BEFORE = re.compile(r"\b(?:near|in|outside|around)\s+$", re.IGNORECASE)
_MINE_WORD_AFTER = re.compile(r"\s*(?:광산|탄광|광업|청년광산|(?:[A-Z][a-z]+ ){0,2}(?:[Mm]ines?|[Cc]olliery|[Mm]ining))")


#: A trading company named after a mine's place ("Daeheung Trading Company", "대흥무역회사").
_COMPANY_AFTER = re.compile(r"\s?(?:(?:International |General |Foreign )?Trad(?:ing|e)\b|무역)")


def company_name(m: Match, sentence: str) -> bool:
    """Is this mine name the start of a trading company's name? Then it names no mine."""
    return m.kind == "mine" and _COMPANY_AFTER.match(sentence, m.end) is not None


def _as_place(m: Match, sentence: str) -> bool:
    """Named after 'near', 'in', 'outside' or 'around', with no mine word in or after the name."""
    return bool(_PLACE_BEFORE.search(sentence[max(0, m.start - 10):m.start])
                and "mine" not in m.text.lower()
                and not re.match(r"\s*(?:mine|mines|mining)\b", sentence[m.end:m.end + 10], re.I))


def drop_town_names(mines: list[Match], sentence: str) -> list[Match]:
    """Of several mines in a clause, one named only as a place ("Daebong Mine near Hyesan") is a town."""
    if len(mines) < 2 or len({m.id for m in mines}) < 2:
        return mines
    kept = [m for m in mines if not _as_place(m, sentence)]
    return kept or mines


def drop_foreign_places(mines: list[Match], minerals: list[Match], sentence: str,
                        known: dict[str, list[str]]) -> list[Match]:
    """A mine named only as a place, by its county's name, or by a bare Korean place name ("무산, 철산 등 철광산": the
    iron mines of Musan and Cholsan, not the Cholsan rare-earth mine), for a mineral the record does not know it for
    ("gold … to a trader near Hyesan": Hyesan's mine is copper) is the town: the mineral goes without it; so is a bare Latin name before the mines of another mineral ("the Musan and
    Cholsan iron ore mines")."""
    if not minerals:
        return mines
    ids = {x.id for x in minerals}
    return [m for m in mines if not ((_as_place(m, sentence) or _COUNTY.search(m.text) or _BARE.fullmatch(m.text)
                                      or _names_mines_of_a_mineral(m, sentence))
                                     and known.get(m.id) and not ids & set(known[m.id]))]


#: After a bare Latin place name, the mines of a mineral it names ("the Musan and Cholsan iron ore mines").
_MINERAL_MINES_AFTER = re.compile(r"\s+(?:[\w-]+\s+){1,3}(?:mines?|pits?|collier(?:y|ies))\b", re.IGNORECASE)


def _names_mines_of_a_mineral(m: Match, sentence: str) -> bool:
    """A Latin mine name with no mine word, before a mineral's mines: "Cholsan" in "the Musan and Cholsan iron ore
    mines" is the place of an iron ore mine, not the record's Cholsan rare-earth mine."""
    return not has_hangul(m.text) and "mine" not in m.text.lower() and _MINERAL_MINES_AFTER.match(sentence, m.end) is not None


#: A Korean name of two or three syllables with no mine word ("철산", not "철산광산").
_BARE = re.compile(r"[\uac00-\ud7a3]{2,3}")
#: A mine the record knows only by its county ("Musan County molybdenum source", 무산군): named as the
#: county with another mineral ("무산군의 작은 탄광들", coal), it is the county, not that mine.
_COUNTY = re.compile(r"(?:군|\b[Cc]ounty|-gun)$")


def town_names(text: str, all_matches: list[list[Match]]) -> set[str]:
    """Mine names the report also writes as a city ("혜산시", "Hyesan City", "the border city of Hyesan") or as
    an end of a link ("난핑과 무산을 잇는 세관"): one report, one sense,
    so the name alone is the city there too, not the mine ("혜산 금괴 밀수"); with a mine word after
    it ("혜산 광산", "Hyesan mine") it is still the mine. A few substring tests per distinct name."""
    names = {m.text for ms in all_matches for m in ms if m.kind == "mine"}
    return {t for t in names if (t + "시" in text or (not _MINE_WORD_END.search(t) and _linked(t, text))
                                 if has_hangul(t) else _as_town(t, text))}


def _as_town(name: str, text: str) -> bool:
    """A Latin mine name written as its town: "Hyesan City", "the city of Hyesan" (substring tests: a few
    passes of the text per name, not a pattern's)."""
    return any(w in text for w in (f"{name} City", f"{name} city", f"city of {name}", f"town of {name}"))


def _linked(name: str, text: str) -> bool:
    """A Hangul mine name as an end of a road, bridge or customs link: "난핑과 무산을 잇는 세관" (the customs
    linking Nanping and Musan), "무산과 난핑을 연결하는 다리": the town, not the mine."""
    if not any(name + p in text for p in ("을", "를", "과", "와")):
        return False  # the pattern's search only where it may match
    n = re.escape(name)
    return re.search(rf"{n}(?:을|를)\s*(?:잇|연결하)|{n}(?:과|와)\s*\S{{1,12}}(?:을|를)\s*(?:잇|연결하)", text) is not None


#: A Hangul name that ends in a mine word ("무산광산과 국경을 잇는 철도") is the mine, even at a link's end.
_MINE_WORD_END = re.compile(r"(?:광산|탄광|광업소|기업소|철광|금광)$")


def without_towns(sents, all_matches: list[list[Match]], towns: set[str]) -> list[list[Match]]:
    """Each sentence's matches without the mine names :func:`town_names` found to be cities."""
    if not towns:
        return all_matches
    return [[m for m in ms if not (m.kind == "mine" and m.text in towns and not _MINE_WORD_AFTER.match(s.text, m.end))]
            for s, ms in zip(sents, all_matches, strict=True)]


#: A capital's name stands for its government ("frustrated with Pyongyang", "Pyongyang's nuclear
#: programme"); it is the place only when placed ("in Pyongyang", "near Pyongyang", "Pyongyang City").
_GOVERNMENT_SEATS = ("pyongyang",)
_PLACED_BEFORE = re.compile(r"\b(?:in|near|around|outside|at|to|(?:north|south|east|west|outskirts) of)\s+(?:the\s+)?$",
                            re.IGNORECASE)
_PLACE_WORD_AFTER = re.compile(r"\s*(?:City|city|Province|province|area|region)\b")


def as_place(m: Match, text: str) -> bool:
    """Is this province match the place (not a capital standing for its government)?"""
    if has_hangul(m.text) or not m.text.lower().startswith(_GOVERNMENT_SEATS):
        return True
    return bool(_PLACED_BEFORE.search(text, max(0, m.start - 25), m.start) or _PLACE_WORD_AFTER.match(text, m.end))

