"""Stage 6, which side acts: the words around a halt or ban that say whether the exporting side (North
Korea's own government), a UN measure or the importer stopped the goods. The cue table names the
importers and authorities (:mod:`geo.ingest.cues`); these are the fixed patterns beside them."""

from __future__ import annotations

import re

from geo.ingest.gazetteer import Match
from geo.ingest.hangul import has_hangul

IMPORT_RE = re.compile(r"\bimport\w*|수입|들여", re.IGNORECASE)
EXPORT_RE = re.compile(r"\bexport\w*|수출|반출", re.IGNORECASE)

_UN_BEFORE = re.compile(r"\bresolution\b|\bsecurity council\b|\bU\.?N\.?\b|\bsanctions? (?:committee|resolution)", re.IGNORECASE)
_UNDER_RESOLUTION = re.compile(r"\b(?:under|to (?:implement|enforce|comply with)|in line with|in accordance with)"
                               r" (?:the |a |an )?(?:new )?(?:U\.?N\.? |Security Council )?(?:resolutions?|sanctions)\b",
                               re.IGNORECASE)

#: The exporting side: North Korea's own government, party or authorities (in Korean, as the subject).
_EXPORTER_SIDE = re.compile(r"\b(?:North Korea\w*|N\. Korea\w*|Pyongyang|the North|(?:the )?central (?:government|authorities)"
                            r"|the (?:North Korean )?(?:authorities|regime|state|Cabinet)|Kim Jong[- ]?Un|Workers['’] Party)\b",
                            re.IGNORECASE)
_EXPORTER_SIDE_KO = re.compile(r"북한(?:이|은|\s*당국|\s*정부|\s*내각)|북\s*당국|중앙(?:당)?(?:이|은|에서)|당국(?:이|은)")
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|been|be|being|get|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def under_un_measure(clause: str, at: int) -> bool:
    """A UN measure named before the ban word at ``at``, or the ban said to carry one out ("a ban
    … under the UN resolution")."""
    return _UN_BEFORE.search(clause, 0, at) is not None or _UNDER_RESOLUTION.search(clause, at) is not None


def exporter_bans_its_exports(clause: str, m: re.Match) -> bool:
    """North Korea's side named before the ban word ``m`` as its subject, not its object ("North
    Korea is banned from exporting"), and exports the ban's object (after the word in English,
    before it in Korean: '북한 당국이 구리 수출을 금지했다')."""
    before = clause[:m.start()]
    if _PASSIVE_BEFORE.search(before):
        return False
    korean = has_hangul(m.group(0))
    side = _EXPORTER_SIDE_KO if korean else _EXPORTER_SIDE
    exports = EXPORT_RE.search(clause, max(0, m.start() - 12), m.start()) if korean \
        else EXPORT_RE.search(clause, m.end(), m.end() + 40)
    ordered = korean and _ORDER_AFTER.match(clause, m.end()) is not None
    return (side.search(before) is not None or ordered) and exports is not None


#: A ban given as an order, in the words the North's own orders come in ("금정광 수출을 일절 금지하는 명령이 … 떨어졌다",
#: "수출을 금지하라는 지시", "금지 방침"): the exporting side's order, though no side is named; China's and the UN's measures
#: come as notices and resolutions (공고, 결의), and an importer or authority named before the ban still makes it theirs.
_ORDER_AFTER = re.compile(r"\S{0,4}\s*(?:명령|지시|방침|포치|지령)")


#: Goods told as coming from the North, with no trade word ("Lead, lead ore and seafood from the North are stopped
#: as well"): the receiving side's stop.
_FROM_THE_NORTH = re.compile(r"\bfrom (?:the North|North Korea|the DPRK|Pyongyang)\b(?! to\b)", re.IGNORECASE)


def near_import(clause: str, minerals: list[Match], offset: int = 0) -> bool:
    """Is an 'import' word the trade word nearest a mineral (or the only trade word)? With no trade word, are the
    goods told as coming from the North (:data:`_FROM_THE_NORTH`, after a mineral)?"""
    imports = [m.start() for m in IMPORT_RE.finditer(clause)]
    if not imports:
        return bool(minerals) and not EXPORT_RE.search(clause) and any(
            _FROM_THE_NORTH.search(clause, max(0, x.start - offset), x.start - offset + 60) for x in minerals)
    exports = [m.start() for m in EXPORT_RE.finditer(clause)]
    if not exports:
        return True
    for x in minerals:
        at = x.start - offset  # the mineral's position in the clause
        if min(abs(i - at) for i in imports) < min(abs(e - at) for e in exports):
            return True
    return False


#: Both sides as the subject of the stop, just before it ("North Korea and China shut the border",
#: "Pyongyang and Beijing closed", "북한과 중국이 국경을 봉쇄"): not the importer's own stop, so the
#: exporter's goods are halted. Not "the border between China and North Korea", not "both sides".
BOTH_SIDES = re.compile(r"(?<!between )\b(?:(?:North Korea|Pyongyang|the North)\s+and\s+(?:China|Beijing)|(?:China|Beijing)"
                        r"\s+and\s+(?:North Korea|Pyongyang|the North))(?:\s+[\w'’-]+){0,4}\s*$"
                        r"|(?:북중\s*(?:양국|두\s*나라|당국)|북한과\s*중국|중국과\s*북한)(?:이|은|\s*양국[이은])\s+(?:\S{1,20}\s+){0,3}$")


def destination(text: str, start: int, end: int) -> bool:
    """Is the importer at text[start:end] where the goods go ("to China", "중국으로", "중국 판매"), not
    who acts ("due to China", "중국에 의해")? A look at a few words each side: linear in the clause."""
    window = max(0, start - _TO_REACH)
    return bool(_TO_BEFORE.search(text, window, start) and not _NOT_TO_BEFORE.search(text, window, start)
                or _TO_AFTER.match(text, end))


_TO_REACH = 30
_TO_BEFORE = re.compile(r"\b(?:to|into|for|towards?)\s{1,3}(?:the\s{1,3})?$", re.IGNORECASE)
_NOT_TO_BEFORE = re.compile(r"\b(?:due|owing|according|thanks|response|prior|next|close|pursuant|relation|addition)"
                            r"\s{1,3}to\s{1,3}(?:the\s{1,3})?$", re.IGNORECASE)
_TO_AFTER = re.compile(r"(?:으로|에게|에(?!서|\s*의[해한])|행)|\s*(?:판매|수출|반출)|\s*쪽(?:으로|에(?!서))")
