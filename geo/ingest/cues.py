"""Stage 6, cues: the event type and effect a clause signals, and attribution to anonymous sources."""

from __future__ import annotations

import re

from geo.ingest.gazetteer import Match

EFFECTS = {
    "export_halt": "halted", "export_continued": "continued", "import_suspension": "suspended",
    "investment_offer": "offered", "smuggling": "smuggled", "production_halt": "halted",
}


_CUES = [  # (event_type, effect, pattern), first match wins
    ("sanction", "banned", r"\b(bans|banned|banning|prohibits|prohibited)\b"),
    ("sanction", "capped", r"\b(capped|caps|capping)\b"),
    ("export_continued", "continued", r"\bstill\s+(?:\w+\s+){0,2}export\w*|\bcontinu\w+\s+(?:to\s+)?export\w*|\bexports?\s+continu\w+"),
    ("halt", "halted", r"\b(suspend\w*|halt\w*|stopp?\w*|ceas\w+|cut off|no longer export\w*|not (?:being )?exported|none of\b.*\b(?:being )?exported)\b"),
    ("smuggling", "smuggled", r"\bsmuggl\w*"),
    ("investment_offer", "offered", r"\binvest\w*|\b(?:mining|development|exploration)\s+rights?\b"
     r"|\brights?\s+(?:to|for)\s+(?:develop|mine|exploit|explore|the|a)\b"),
    ("trade_figure", "", r"\b(imported|exported|imports?|exports?)\b"),
]


_IMPORT_RE = re.compile(r"\bimport\w*", re.IGNORECASE)


_ANON_RE = re.compile(r"condition of anonymity|not to be named|remain anonymous|requested anonymity|"
                      r"\b(?:a|the|another|second|RFA[’']s|our|one) source\b|\bsources? (?:said|say|says|told)\b",
                      re.IGNORECASE)


_CLAUSE_RE = re.compile(r",\s+but\s+|;\s+|\s+but\s+|,\s+while\s+")


def _cue(clause: str, minerals: list[Match], has_amount: bool) -> tuple[str, str] | None:
    for etype, effect, pat in _CUES:
        m = re.search(pat, clause, re.IGNORECASE)
        if not m:
            continue
        if etype == "halt":
            if _near_import(clause, minerals):
                return "import_suspension", "suspended"
            return "export_halt", "halted"
        if etype == "trade_figure":
            if not has_amount:
                continue
            return "trade_figure", "imported" if m.group(1).lower().startswith("import") else "exported"
        return etype, effect
    return None


def _near_import(clause: str, minerals: list[Match]) -> bool:
    """Is an 'import' word within a few words of a mineral (or the only trade word)?"""
    imports = [m.start() for m in _IMPORT_RE.finditer(clause)]
    if not imports:
        return False
    exports = [m.start() for m in re.finditer(r"\bexport\w*", clause, re.IGNORECASE)]
    if not exports:
        return True
    for x in minerals:
        near_i = min(abs(i - x.start) for i in imports)
        near_e = min(abs(e - x.start) for e in exports)
        if near_i < near_e:
            return True
    return False
