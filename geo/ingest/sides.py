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
    return side.search(before) is not None and exports is not None


def near_import(clause: str, minerals: list[Match], offset: int = 0) -> bool:
    """Is an 'import' word the trade word nearest a mineral (or the only trade word)?"""
    imports = [m.start() for m in IMPORT_RE.finditer(clause)]
    if not imports:
        return False
    exports = [m.start() for m in EXPORT_RE.finditer(clause)]
    if not exports:
        return True
    for x in minerals:
        at = x.start - offset  # the mineral's position in the clause
        if min(abs(i - at) for i in imports) < min(abs(e - at) for e in exports):
            return True
    return False


#: Both sides acting together ("North Korea and China closed the border", "Pyongyang and Beijing",
#: "북중 양국", "북한과 중국이"): not the importer's own stop, so the exporter's goods are halted.
BOTH_SIDES = re.compile(r"\b(?:North Korea|Pyongyang|the North)\s+and\s+(?:China|Beijing)\b|\b(?:China|Beijing)\s+and\s+"
                        r"(?:North Korea|Pyongyang|the North)\b|\bboth (?:sides|countries)\b|북중\s*(?:양국|두\s*나라|당국)"
                        r"|북한과\s*중국(?:이|은|\s*양국)|중국과\s*북한(?:이|은|\s*양국)|양국(?:이|은)")
