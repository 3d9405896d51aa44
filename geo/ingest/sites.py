"""Stage 7e, sites: the ports and countries a sentence names, for the place of a draft that names no mine.

The record's ``place`` of a smuggling case, a turned-back cargo or a suspension is where it happened ("Rizhao,
Shandong", "Incheon; Pohang", "China"); testers of the review found it empty ("Nampo was empty") and typed it. The
table ``sites.csv`` lists the ports and countries such reports name, each with its English name and the spellings
reports write (Hangul, Chinese characters, older romanizations): a place is named in English whatever the script,
as titles name mines. A Korean name counts only as a word of its own, with a particle or the word for port after it
("포항항으로", "남포에서"), not inside another word ("원산지" is an origin, "부산본부세관" a customs office, "중국산"
goods made in China: the country a cargo was passed off as is not where it went). Seas where cargoes are moved
ship to ship ("the Gulf of Tonkin", 동중국해) come first, then ports; a country is the place only when neither is
named and it is the only one. One regex pass per sentence.
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path

from geo.ingest.clauses import clause_around, comma_clause

TABLE = Path(__file__).with_name("sites.csv")

#: After a Korean name: the word for port or city, then a particle or the end of the word.
_KO_AFTER = r"(?:항구|항만|항|시|港)?(?=에서|에|으로|로|의|을|를|은|는|이|가|과|와|까지|도|부터|등|인근|일대|앞바다|해역|[^가-힣]|$)"


@functools.cache
def _table() -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    with TABLE.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_alias: dict[str, tuple[str, str]] = {}
    for r in rows:
        for alias in [r["name"], *filter(None, r["aliases"].split("|"))]:
            by_alias[alias] = (r["name"], r["kind"])
    korean = [a for a in by_alias if re.search(r"[가-힣]", a)]
    other = [a for a in by_alias if a not in korean]
    longest = sorted(other, key=len, reverse=True)
    pattern = (r"(?<![\w'-])(?:" + "|".join(map(re.escape, longest)) + r")(?![\w-])"
               + r"|(?<![가-힣])(?:" + "|".join(map(re.escape, sorted(korean, key=len, reverse=True))) + ")" + _KO_AFTER)
    return re.compile(pattern), by_alias


#: After a Korean country's name: a particle of place or subject, or "등" (and others), not "의" or a noun ("중국
#: 항쥔룬호": a Chinese ship, not a seizure in China).
_KO_COUNTRY_AFTER = re.compile(r"에서|에|으로|로|은|는|이|가|까지|과|와|을|를|도|\s*등")
#: A country named as whose medium or spy service tells the story ("South Korea's Yonhap news agency reported", "South
#: Korean media", "Japan's Kyodo"): the teller's country, not where the event took place.
_TELLERS_COUNTRY = re.compile(r"(?:'s|’s|n)?\s+(?:[A-Z][\w-]*\s+){0,3}?(?:news\s+agency|(?:news\s+)?media|newspapers?|daily|dailies"
                              r"|broadcasters?|TV|television|radio|press|outlets?|Yonhap|Kyodo|Xinhua|NHK|Asahi|Mainichi|Yomiuri"
                              r"|Nikkei|spy\s+agency|intelligence(?:\s+(?:service|agency))?|NIS)\b", re.IGNORECASE)


def sites_named(sentence: str) -> list[tuple[str, str]]:
    """(English name, kind) of each sea, port and country ``sentence`` names, once each, in the order named."""
    pattern, by_alias = _table()
    out: dict[str, str] = {}
    for m in pattern.finditer(sentence):
        text = m.group(0)
        hit = by_alias.get(text) or by_alias.get(re.sub(r"(?:항구|항만|항|시|港)$", "", text))
        if hit is None or (hit[1] == "country" and "가" <= text[:1] <= "힣"
                           and not _KO_COUNTRY_AFTER.match(sentence, m.end())):
            continue
        if hit[1] == "country" and _TELLERS_COUNTRY.match(sentence, m.end()):
            continue
        out.setdefault(*hit)
    return list(out.items())


def place_named(sentence: str, event_type: str, at: int | None = None) -> str:
    """The place a draft with no mine takes from its sentence — from the clause around ``at`` (its event word) when
    that names one: its ports ("Nampo; Pohang"), else its one country (not when it names several: "exports to China
    and Russia" is no one place); '' for none."""
    if at is not None:
        start, stop = comma_clause(sentence, at)
        if start or stop < len(sentence):
            own = place_named(sentence[start:stop], event_type)
            if own:
                return own
        turn = clause_around(sentence, at)  # not a place of the sentence's other statement ("… 멈췄다가, 3월 말 청진항에서 …")
        if turn != (0, len(sentence)):
            return place_named(sentence[turn[0]:turn[1]], event_type)
    found = sites_named(sentence)
    ports = [n for n, k in found if k == "port"]
    seas = [n for n, k in found if k == "sea"]  # where a cargo was moved at sea, before the port it was loaded at
    if seas or ports:
        return "; ".join(seas + ports)
    countries = [n for n, k in found if k == "country"]
    return countries[0] if len(countries) == 1 else ""
