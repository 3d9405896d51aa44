"""Stage 8b, new mines from the review: an unknown mine a report names, added with the report as its source.

A report may name a mine the data does not have ("the Komdok mine"); ``extract`` returns such
names as candidates and drafts their events without a mine. The reviewer can add the mine
(name, spellings, province, county, how precisely the report places it) in the same apply as
the events. No point is ever invented: the report gives none, so the mine is written with
``"geometry": null`` and ``location_precision`` ``unknown`` (the package must allow that through
``x-null-geometry``), and its note says what the report does locate (county or province).
The drafts that named the candidate and have no mine are linked to it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field, replace

from geo.ingest.certainty import rate
from geo.ingest.drafts import Draft, IngestError
from geo.ingest.gazetteer import fold
from geo.ingest.hangul import romanize

#: What the reviewer may say about where the report places a new mine.
PRECISIONS = ("unknown", "county", "province")


@dataclass
class NewMine:
    """A mine to add from the review; ``candidate`` is the name as the report wrote it."""

    name: str
    province: str = ""
    county: str = ""
    aliases: list[str] = field(default_factory=list)
    minerals: list[str] = field(default_factory=list)
    precision: str = "unknown"  # where the report places it: county, province or unknown
    candidate: str = ""
    mine_id: str = ""


#: Words that say what a mine is, not which one: "the Chongam mine" and "the Chongam Copper Mine"
#: name the same mine.
_GENERIC_RE = re.compile(r"\b(?:the|mines?|mining|complex|colliery|deposits?|pits?|ore|copper|iron|gold|silver|"
                         r"coal|zinc|lead|tungsten|molybdenum|magnesite|graphite|rare[ -]earths?)\b|광산|탄광", re.IGNORECASE)


def _slug(text: str) -> str:
    ascii_ = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")


def mine_id_for(name: str, taken: set[str]) -> str:
    """A new mine id from its name without generic words ("Chongam Copper Mine" → ``chongam``; "룡천광산" →
    ``ryongcheon``), unique among ``taken``."""
    base = _slug(_GENERIC_RE.sub(" ", name)) or _slug(romanize(_GENERIC_RE.sub(" ", name))) or _slug(name) or "mine"
    # (a name in Hangul alone takes its romanization: "룡천광산" → ryongcheon, not "mine": the sixty-fifth trial)
    mid, n = base, 2
    while mid in taken:
        mid, n = f"{base}-{n}", n + 1
    return mid


def resolve_province(value: str, provinces: list[dict]) -> str:
    """The provinces.csv name for ``value`` (its name, Hangul or an alias, any case); '' for ''."""
    value = (value or "").strip()
    if not value:
        return ""
    want = fold(value)
    for p in provinces:
        names = [p.get("name", ""), p.get("name_ko", ""), *str(p.get("aliases", "") or "").split(";")]
        if any(fold(n) == want for n in names if n):
            return p["name"]
    known = ", ".join(p.get("name", "") for p in provinces)
    raise IngestError(f"province {value!r} is not in provinces.csv (known: {known})")


#: Markup or a link in a name or spelling: a mine's name is plain text ("**Kapsan**", "[x](http://a)",
#: "<b>", "www.…" are refused; the page shows names as text, but the record should not hold them).
_MARKUP = re.compile(r"[<>\[\]`*_|]|://|\bwww\.", re.IGNORECASE)


def check_new_mine(m: NewMine, provinces: list[dict], taken_ids: set[str], known_names: set[str]) -> NewMine:
    """The mine with its id and province resolved; IngestError for what cannot be written: no name,
    a name or spelling with markup or a link, a name or spelling another mine already has."""
    name = " ".join((m.name or "").split())
    if not name:
        raise IngestError("a new mine needs a name")
    for text in (name, *m.aliases):
        if _MARKUP.search(text or ""):
            raise IngestError(f"{' '.join(text.split())!r}: a mine's name or spelling is plain text, without "
                              "markup (* _ ` [ ] < > |) or a link")
    if fold(name) in known_names:
        raise IngestError(f"{name!r} is already a mine in the data; choose it in the review instead of adding it")
    if m.precision not in PRECISIONS:
        raise IngestError(f"precision of a new mine must be one of {', '.join(PRECISIONS)}, not {m.precision!r}")
    province = resolve_province(m.province, provinces)
    county = " ".join((m.county or "").split())
    if m.precision == "province" and not province:
        raise IngestError(f"{name}: precision 'province' needs the province")
    if m.precision == "county" and not county:
        raise IngestError(f"{name}: precision 'county' needs the county")
    aliases, cores = [], {core(n) for n in known_names}
    for a in [m.candidate, *m.aliases]:
        a = " ".join((a or "").split())
        if a and a != m.candidate and (fold(a) in known_names or core(a) in cores):
            raise IngestError(f"{a!r} already names a mine in the data; a spelling may belong to one mine only")
        if a and fold(a) != fold(name) and fold(a) not in {fold(x) for x in aliases}:
            aliases.append(a)
    mine_id = m.mine_id or mine_id_for(name, taken_ids)
    if mine_id in taken_ids:
        raise IngestError(f"mine id {mine_id!r} is already used")
    return replace(m, name=name, province=province, county=county, aliases=aliases, mine_id=mine_id)


def core(name: str) -> str:
    """The name without its generic words, folded (``Chongam Copper Mine`` → ``chongam``)."""
    return fold(_GENERIC_RE.sub(" ", name)) or fold(name)


def _names(m: NewMine) -> set[str]:
    return {core(n) for n in (m.name, m.candidate, *m.aliases) if n}


def link_new_mines(drafts: list[Draft], mines: list[NewMine]) -> list[Draft]:
    """The drafts with each new mine their sentence names linked to them (and a draft's estimate of being
    right worked out again, now that it has a mine): a mine-less draft takes it, and a draft of the
    record's mines takes it beside them ("Namdok, Inpho and Phunggok Youth Coal Mines raised output",
    Phunggok new), one row per mineral, which the reviewer can untick. A new mine given its minerals takes only drafts
    of one of them (the sentence's molybdenum draft is not the new iron mine's)."""
    out, given = [], set()  # (sentence, type, mine) linked so far: a sentence's drafts, one per mine, take it once
    for d in drafts:
        named = {core(c) for c in d.candidates}
        ids = [m.mine_id for m in mines if m.mine_id and named & _names(m) and m.mine_id not in d.mines
               and (not d.mines or (d.evidence, d.event_type, m.mine_id) not in given)
               and (not m.minerals or set(m.minerals) & set(d.minerals) or not d.minerals)]
        given.update((d.evidence, d.event_type, i) for i in ids)
        if ids:
            had = bool(d.mines)
            d = replace(d, mines=[*d.mines, *ids], amounts=list(d.amounts), candidates=list(d.candidates))
            if d.event_type and not had:  # a lead has no type to estimate: the reviewer gives it one
                rate([d])  # its mine is now named: estimated again (see geo.ingest.certainty)
        out.append(d)
    return out


def fill_minerals(m: NewMine, drafts: list[Draft]) -> NewMine:
    """The minerals of a new mine: as given, else those of the drafts linked to it."""
    if m.minerals:
        return m
    found: list[str] = []
    for d in drafts:
        if m.mine_id in d.mines:
            found += [x for x in d.minerals if x not in found]
    if not found:
        raise IngestError(f"{m.name}: give the new mine's minerals (no draft links a mineral to it)")
    return replace(m, minerals=found)


def _note(m: NewMine, source_id: str) -> str:
    where = {"county": f"in {m.county}" + (f", {m.province}" if m.province else ""),
             "province": f"in {m.province} province" if m.province else "",
             "unknown": ""}[m.precision]
    placed = (f"The report ({source_id}) places it {where} ({m.precision} precision)" if where
              else f"The report ({source_id}) does not say where it is")
    return (f"{placed}; no source read gives a point, so it has no geometry (precision unknown) and is not "
            "drawn on the map. Added from the ingest review.")


#: A name written in Hangul (with digits, dots and spaces: "2.8직동청년탄광", "선봉 탄광").
_HANGUL_NAME = re.compile(r"[\uac00-\ud7a3][\uac00-\ud7a3\d.·\s]*")


def mine_feature(m: NewMine, source_id: str, fields: list[dict]) -> dict:
    """The GeoJSON feature of a new mine, with exactly the properties the package's schema lists."""
    hangul = next((n for n in (m.name, m.candidate, *m.aliases) if n and _HANGUL_NAME.fullmatch(n)), "")
    values = {  # a Hangul spelling the report gives is the mine's name_ko, as the record writes its mines' (the 54th trial)
        "mine_id": m.mine_id, "name": m.name, "name_ko": hangul, "aliases": [a for a in m.aliases if a != hangul],
        "province": m.province,
        "county": m.county, "minerals": list(m.minerals), "location_precision": "unknown",
        "uncertainty_km": None, "location_note": _note(m, source_id), "location_source_ids": [],
        "colocated_with": [], "source_ids": [source_id],
    }
    empty = {"array": [], "number": None, "integer": None}
    props = {f["name"]: values.get(f["name"], empty.get(f.get("type"), "")) for f in fields}
    return {"type": "Feature", "id": m.mine_id, "geometry": None, "properties": props}


def dump_like(doc: dict, original: str) -> str:
    """``doc`` as JSON in the layout of ``original`` (indent, non-ASCII kept), so unchanged
    features stay byte for byte."""
    try:
        old = json.loads(original)
    except ValueError:
        old = None
    for indent in (1, 2, 4, None):
        for ascii_ in (False, True):
            text = json.dumps(old, indent=indent, ensure_ascii=ascii_)
            if old is not None and original.rstrip("\n") == text:
                return json.dumps(doc, indent=indent, ensure_ascii=ascii_) + original[len(text):]
    return json.dumps(doc, indent=1, ensure_ascii=False) + "\n"
