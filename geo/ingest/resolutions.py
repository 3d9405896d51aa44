"""Stage 7, the UN resolutions a report names: their numbers, and the adoption date a ban told
without a date of its own takes from the resolution named before it."""

from __future__ import annotations

import datetime as dt
import functools
import re

from geo.ingest.protos import _Proto


class Resolutions(dict):
    """The UN resolutions of sanctions.csv: number → adoption date, and ``minerals``: number → the
    minerals its rows cover."""

    def __init__(self):
        super().__init__()
        self.minerals: dict[str, set[str]] = {}

    @classmethod
    def of(cls, ds) -> Resolutions:
        """The UN resolutions of the dataset's ``sanctions.csv`` (none when it has no sanctions table)."""
        out = cls()
        sanctions = getattr(ds, "sanctions", None)
        if sanctions is None:
            return out
        for row in sanctions.itertuples(index=False):
            m = re.fullmatch(r"UNSCR-(\d+)", str(row.measure_id))
            if m and row.adopted is not None and str(row.adopted) != "NaT":
                out[m.group(1)] = row.adopted.date() if hasattr(row.adopted, "date") else row.adopted
                out.minerals.setdefault(m.group(1), set()).add(str(row.mineral_id))
        return out


#: A UN resolution named by its number: "resolution 2270", "Resolution No. 2371", 결의 2270호, 결의안 2371호.
_RESOLUTION = re.compile(r"\b[Rr]esolutions?\s+(?:[Nn]o\.?\s*)?(\d{3,4})\b|결의안?\s*(?:제\s*)?(\d{4})\s*호")

#: A ban told as another authority's than the UN's ("Brussels banned …", "Japan banned … on its own",
#: "미국 재무부는 … 금지했다"): its date is not the resolution's, even when it carries the resolution out.
_NOT_THE_UN = re.compile(r"\b(?:EU|European Union|Brussels|Japan|Japanese|Tokyo|United States|U\.S\.|US|Washington|Treasury"
                         r"|American|South Korea|South Korean|Seoul|Switzerland|Swiss|India|Indian|Russia|Russian|Moscow"
                         r"|Britain|British|Australia|Canada|China|Chinese|Beijing|Taiwan|Singapore|Malaysia)\b"
                         r"|미국|일본|재무부|유럽연합|한국 정부|우리 정부|스위스|인도 정부|러시아|중국|상무부|해관|대만")

_REACH = 40  # sentences searched back: bounded, so a long report stays linear


@functools.lru_cache(maxsize=4096)
def resolution_numbers(s: str) -> tuple[str, ...]:
    return tuple(a or b for a, b in _RESOLUTION.findall(s)) if ("esolution" in s or "결의" in s) else ()


@functools.lru_cache(maxsize=4096)
def _names_another_authority(sentence: str) -> bool:
    return _NOT_THE_UN.search(sentence) is not None


def resolution_before(p: _Proto, sentence: str, sents, adopted) -> tuple[str, dt.date] | None:
    """A ban told with no date of its own after the report named the resolution it comes from ("결의 2270호를
    통과시켰다 … 금·바나듐광·티타늄광·희토류는 수출이 전면 금지됐다"): the nearest resolution named before it,
    the headline included, whose rows in sanctions.csv cover one of the draft's minerals; none when the
    ban's sentence names another authority than the UN's, or when the sentence that names the resolution
    names another authority carrying it out (:data:`_AS_BASIS`): the ban is that authority's."""
    if _names_another_authority(sentence):
        return None
    covered = getattr(adopted, "minerals", {})
    minerals = {m.id for m in p.minerals}
    for j in range(p.sent - 1, max(-1, p.sent - 1 - _REACH), -1):
        nums = resolution_numbers(sents[j].text)
        if nums and _names_another_authority(sents[j].text) and _AS_BASIS.search(sents[j].text):
            return None  # "상무부는 … 결의 2371호를 근거로 … 수입을 전면 금지한다": China's ban, the resolution its basis
        for num in reversed(nums):
            if num in adopted and covered.get(num, set()) & minerals:
                return num, adopted[num]
    return None


#: A resolution named as what another authority's measure carries out: "under", "to implement", "in line
#: with", "결의 2371호를 근거로", "이행하기 위해", "따라".
_AS_BASIS = re.compile(r"(?:under|to implement|implementing|in line with|pursuant to|in accordance with|to enforce|"
                       r"enforcing|to comply with|complying with)|근거로|이행하기|이행한다|이행하려|따라|따른|맞춰", re.IGNORECASE)
