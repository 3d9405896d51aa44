"""Stage 7d, actors: the firms and bodies a deal, a designation or a smuggling case is between, as the record's
``actors`` column names them ("Henan Yima Coal Mining Group; Anju Coal Mining Association"). A draft of one of those
types takes the organisations its sentence names by a name of their own: an English name ending in a word for a
firm or body ("Xiyang Group", "Korea Natural Resources Trading Corporation", "SRE Minerals Ltd"), or a Korean one in
quotation marks or ending so ('중광국제투자', 조선광업개발무역회사). The tellers (news agencies, papers, institutes)
are not actors. The reviewer can edit them; the title names the first, so that a deal is told by whom it is with."""

from __future__ import annotations

import functools
import re

from geo.ingest.hangul import has_hangul
from geo.ingest.ships import ship_referred, ships_at

#: The event types told by whom they are between.
ACTOR_TYPES = frozenset({"deal_signed", "deal_collapsed", "investment_offer", "designation", "smuggling"})

_EN_ORG = re.compile(r"\b(?:[A-Z][\w&'’.-]*\s+){1,6}?(?:(?:[A-Z][\w&'’-]*\s+)?(?:Group|Company|Co\.|Corp\.?|Corporation|Ltd\.?"
                     r"|Limited|Inc\.?|Holdings|Industries|Enterprise|Association|Trading Company|Commission"
                     r"|Bureau|(?:Trading|Trade|Shipping|Logistics)(?!\s+(?:Co\b|Company|Corp|Group|Ltd|Limited|Inc))))(?![\w-])")
#: The names a designation lists ("OFAC designated China-based companies Weihai Huijiang Trade, Always Smooth and Good
#: Siblings"; the forty-eighth trial found the actors empty): capitalized names joined by commas and "and".
_LISTED = re.compile(r"\b(?:designated|designates|designating|sanctioned|sanctions|blacklisted|blacklists)\s+"
                     r"(?:(?:[A-Z][\w. ]{1,20}?-based|[A-Z][a-z]+(?:n|ese|ian))\s+)?(?:(?:companies|firms|entities|individuals|shipping companies)\s+)?"
                     r"((?:[A-Z][\w'’&.-]*(?:\s+(?:[A-Z0-9][\w'’&.-]*|of|and\s+(?=[A-Z][\w'’&.-]*\s+(?:Co|Trad|Ship|Corp|Group))))"
                     r"{0,5})(?:(?:,\s*(?:and\s+)?|\s+and\s+)[A-Z][\w'’&.-]*(?:\s+[A-Z0-9][\w'’&.-]*){0,5})*)")
_SPLIT = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_KO_ORG = re.compile(r"['‘\"“]([가-힣A-Za-z0-9·()\s]{2,24}?(?:회사|그룹|공사|상사|집단|투자|무역|광업|기업|총국|개발|실업|산업|연합회|위원회))['’\"”]"
                     r"|(?<![가-힣])([가-힣]{2,14}(?:\([\u4e00-\u9fff]{1,12}\)[가-힣]{0,8})?(?:그룹|총회사|무역회사|유한공사|합영회사|광업회사|투자회사|무역총회사))(?=[은는이가을를의와과에도]|\s|$)")
#: (a Korean firm's name may carry its Chinese characters in brackets inside it: '훈춘융이(琿春永益)수출입무역회사')
#: Names that tell, not act: news agencies, papers, broadcasters, institutes.
_TELLER = re.compile(r"News|Agency|Times|Post|Daily|Herald|Journal|Radio|Broadcast|Television|Institute|University|Press"
                     r"|Reuters|Yonhap|뉴스|통신|신문|방송|연구")
_LEADING = re.compile(r"^(?:(?:The|A|An|In|On|By|After|Under|With|When|While|But|And|North Korea's|China's)\s+)?"
                      r"(?:(?:North Korea|Pyongyang|China|Beijing|Dalian|Dandong|Hong Kong|[A-Z][a-z]+)-based\s+)?")  # not where it is based


@functools.lru_cache(maxsize=2048)  # each draft of a sentence asks (drafts are named before they are merged)
def actors_of(sentence: str, event_type: str) -> str:
    """The organisations ``sentence`` names, "; "-joined in the order named, for a draft of ``event_type`` (an
    :data:`ACTOR_TYPES` type); '' for another type or none."""
    if event_type not in ACTOR_TYPES:
        return ""
    found = [_LEADING.sub("", m.group(0)).strip() for m in _EN_ORG.finditer(sentence)]
    found += [(m.group(1) or m.group(2)).strip() for m in _KO_ORG.finditer(sentence)]
    if event_type == "designation":
        found += [n.strip() for m in _LISTED.finditer(sentence) for n in _SPLIT.split(m.group(1)) if n.strip()]
    found.sort(key=sentence.find)  # in the order named
    return "; ".join(dict.fromkeys(a for a in found if a and not _TELLER.search(a)))


def actors_at(sentence: str, event_type: str, at: int, before: list[str] | None = None) -> str:
    """:func:`actors_of`, and for a smuggling case the ships named in its clause (geo.ingest.ships), else the ship its
    "the ship" refers to in the sentences ``before`` it."""
    found = actors_of(sentence, event_type)
    if event_type == "smuggling":
        ships = ships_at(sentence, at) or ship_referred([*(before or []), sentence])
        found = "; ".join(dict.fromkeys([*filter(None, found.split("; ")), *ships]))
    return found


def with_actor(what: str, actors: str) -> str:
    """What a title is about, with the first actor when it is named in Latin letters ("Iron ore from Musan mine (Tonghua Iron and
    Steel Group)"); an actor named only in Hangul ("명지총회사") stays in the actors, not in the English title (the
    sixty-third trial)."""
    first = actors.split(";")[0].strip()
    return f"{what} ({first})" if first and what and not has_hangul(first) else what
