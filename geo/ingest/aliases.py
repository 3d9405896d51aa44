"""Stage 3, the other names a record's mines and crossings go by in reports: a mine's name without
its generic tail ("Jenam Coal Mine" → "Jenam"), a crossing's short and bridge names. The gazetteer
(:mod:`geo.ingest.gazetteer`) adds them beside the record's own names and aliases."""

from __future__ import annotations

import re

from geo.ingest.hangul import has_hangul

#: Words a mine's name ends with that say what it is, not which one ("Hoean Youth Coal Mine").
_GENERIC_TAIL = {"mine", "mines", "colliery", "collieries", "coal", "youth", "hero", "mining", "complex", "area",
                 "enterprise", "iron", "gold", "copper", "tungsten", "uranium", "graphite", "lead-zinc", "ore"}
_NOT_A_STEM = re.compile(r"\d|\b(?:County|City|the|of|in)\b", re.IGNORECASE)
_DATE_WORD = re.compile(r"\d+|January|February|March|April|May|June|July|August|September|October|November|December",
                        re.IGNORECASE)


def mine_stem(name: str) -> str:
    """A mine's name without its generic tail ("Jenam Coal Mine" → "Jenam"): how reports often
    name it. '' when nothing is left, or the rest is not a name (a date such as "March 5", a
    county, a phrase)."""
    words = name.split()
    if not words or words[-1].lower() not in _GENERIC_TAIL:
        return ""
    tail = []
    while words and words[-1].lower() in _GENERIC_TAIL:
        tail.append(words.pop().lower())
    if "area" in tail:
        return ""  # "Kujang area coal mine": the stem is a district, not the mine's own name
    stem = " ".join(words)
    if len(stem) < 4 or not stem[:1].isupper() or has_hangul(stem):
        return ""
    named = [w for w in stem.split() if not _DATE_WORD.fullmatch(w)]  # "February 8 Jikdong": Jikdong names it
    if not named or _NOT_A_STEM.search(" ".join(named)):
        return ""  # "March 5" alone is a date, not a name
    return stem


def crossing_aliases(name: str) -> list[str]:
    """'Dandong–Sinuiju (Friendship Bridge)' → 'Dandong–Sinuiju', 'Friendship Bridge'."""
    out = []
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", name)
    if m:
        out += [m.group(1), m.group(2)]
    base = m.group(1) if m else name
    short = re.sub(r"\s+(International\s+)?(Road\s+|Rail\s+)?Bridge$", "", base, flags=re.IGNORECASE)
    out += [short, short + " bridge", short + " crossing"]
    return out
