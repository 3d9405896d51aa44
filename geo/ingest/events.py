"""Stage 7, events: from sentences, mentions, dates, amounts and cues to draft events (``extract``)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from geo.ingest.amounts import find_amounts
from geo.ingest.apply import _cell, _find_source
from geo.ingest.cues import _ANON_RE, _CLAUSE_RE, EFFECTS, _cue
from geo.ingest.dates import DateMention, _end_of_year, find_dates
from geo.ingest.drafts import (
    EVIDENCE_MAX,
    SOURCE_COLUMNS,
    Draft,
    IngestError,
    IngestResult,
    Progress,
    _noop,
)
from geo.ingest.gazetteer import Gazetteer, Match
from geo.ingest.mentions import _pairs, find_candidates
from geo.ingest.sentences import sentences
from geo.ingest.text import check_text, guess_title, parse_published


@dataclass
class _Proto:
    sent: int
    event_type: str
    effect: str
    mines: list[Match]
    minerals: list[Match]
    place: str = ""
    candidates: list[str] = field(default_factory=list)


def extract(text: str, published: str | dt.date, publisher: str, url: str, ds,
            progress: Progress | None = None, title: str | None = None,
            gazetteer: Gazetteer | None = None) -> IngestResult:
    """Draft events from a report's text; nothing is written. See the module docstring."""
    progress = progress or _noop
    text = check_text(text)
    pub = parse_published(published)
    publisher = (publisher or "").strip()
    if not publisher:
        raise IngestError("the publisher is required")
    url = (url or "").strip()
    if url and not re.fullmatch(r"https?://\S+", url):
        raise IngestError(f"URL {url!r} must start with http:// or https:// (or be left empty)")
    progress(0.05, "building the gazetteer")
    gaz = gazetteer or Gazetteer.from_dataset(ds)
    title = (title or guess_title(text)).strip()
    sents = sentences(text)
    report_anonymous = bool(_ANON_RE.search(text))
    adopted = _resolution_dates(ds)

    protos: list[_Proto] = []
    info: list[dict] = []
    candidates: list[str] = []
    context: DateMention | None = None
    for i, s in enumerate(sents):
        if i % 10 == 0:
            progress(0.1 + 0.8 * i / max(1, len(sents)), f"reading sentence {i + 1} of {len(sents)}")
        dates = find_dates(s.text, pub, context)
        cands = find_candidates(s.text, gaz)
        candidates += [c for c in cands if c not in candidates]
        matches = [m for m in gaz.match(s.text) if m.kind in ("mine", "mineral")]
        usd, qty, unit, written = find_amounts(s.text)
        minerals_all = [m for m in matches if m.kind == "mineral"]
        sent_cue = _cue(s.text, minerals_all, bool(written))
        made = 0
        offset = 0
        for clause in _CLAUSE_RE.split(s.text):
            start = s.text.find(clause, offset)
            end = start + len(clause)
            offset = end
            cm = [m for m in matches if start <= m.start < end]
            cminerals = [m for m in cm if m.kind == "mineral"]
            if not cminerals:
                continue
            cue = _cue(clause, cminerals, bool(written)) or sent_cue
            if cue is None:
                continue
            for mine, mins in _pairs(cm, s.text, 0):
                protos.append(_Proto(i, cue[0], cue[1], [mine] if mine else [], mins,
                                     candidates=list(cands)))
                made += 1
        info.append({"dates": dates, "cue": sent_cue, "made": made, "amounts": (usd, qty, unit, written)})
        if dates:
            context = dates[-1]
        info[-1]["context"] = context

    progress(0.9, "assembling drafts")
    drafts, notes = _assemble(protos, sents, info, pub, adopted, report_anonymous)
    source_row = make_source_row(ds, publisher, title, url, pub)
    for d in drafts:
        d.event_id = _unique_id(d, {x.event_id for x in drafts if x is not d})
    progress(1.0, f"{len(drafts)} draft event(s), {len(candidates)} unknown mine name(s)")
    return IngestResult(drafts, candidates, source_row, notes)


def _resolution_dates(ds) -> dict[str, dt.date]:
    out = {}
    sanctions = getattr(ds, "sanctions", None)
    if sanctions is None:
        return out
    for row in sanctions.itertuples(index=False):
        m = re.fullmatch(r"UNSCR-(\d+)", str(row.measure_id))
        if m and row.adopted is not None and str(row.adopted) != "NaT":
            out[m.group(1)] = row.adopted.date() if hasattr(row.adopted, "date") else row.adopted
    return out


def _date_for(p: _Proto, sents, info, pub, adopted) -> tuple[dt.date, str, dt.date | None, str, int]:
    """(date, precision, end date, basis, rank); a lower rank is a more direct date."""
    s = sents[p.sent].text
    own = info[p.sent]["dates"]
    if p.event_type == "sanction":
        for num in re.findall(r"\b[Rr]esolution\s+(\d{3,4})\b", s):
            a = adopted.get(num)
            if a and (not own or _within(a, own[0])):
                why = f"; consistent with '{own[0].text}'" if own else ""
                return a, "day", None, f"adoption date of UNSCR {num} in sanctions.csv{why}", 0
    if own:
        d = own[0]
        end = d.end_date or _end_of_year(s, d.date)
        return d.date, d.precision, end, f"'{d.text}' in the sentence", 0 if d.kind == "absolute" else 1
    nxt = p.sent + 1
    if nxt < len(sents) and not info[nxt]["made"] and info[nxt]["dates"] and info[nxt]["cue"] \
            and _same_kind(info[nxt]["cue"][0], p.event_type):
        d = info[nxt]["dates"][0]
        return d.date, d.precision, d.end_date, f"'{d.text}' in the next sentence", 2
    ctx = info[p.sent - 1]["context"] if p.sent > 0 else None
    if ctx is not None:
        return ctx.date, ctx.precision, None, f"'{ctx.text}' earlier in the report", 3
    return pub, "day", None, "publication date (the report gives no date)", 4


def _same_kind(a: str, b: str) -> bool:
    halts = {"export_halt", "import_suspension", "production_halt"}
    return a == b or (a in halts and b in halts)


def _within(day: dt.date, mention: DateMention) -> bool:
    if mention.precision == "year":
        return day.year == mention.date.year
    if mention.precision == "month":
        return (day.year, day.month) == (mention.date.year, mention.date.month)
    return abs((day - mention.date).days) <= 15


def _assemble(protos, sents, info, pub, adopted, report_anonymous):
    notes: list[str] = []
    # A mineral already tied to a mine in a sentence is not also a mineral-only event there.
    tied = {(p.sent, x.id, p.event_type) for p in protos if p.mines for x in p.minerals}
    kept = []
    for p in protos:
        if not p.mines:
            p.minerals = [x for x in p.minerals if (p.sent, x.id, p.event_type) not in tied]
        if p.minerals:
            kept.append(p)
    drafts: list[tuple[Draft, int]] = []
    for p in kept:
        s = sents[p.sent]
        date, precision, end, basis, rank = _date_for(p, sents, info, pub, adopted)
        usd, qty, unit, written = info[p.sent]["amounts"]
        mines = list(dict.fromkeys(m.id for m in p.mines))
        minerals = list(dict.fromkeys(x.id for x in p.minerals))
        para_text = " ".join(x.text for x in sents if x.para == s.para)
        anonymous = bool(_ANON_RE.search(para_text)) or (s.quoted and report_anonymous)
        place = "; ".join(dict.fromkeys(m.text for m in p.mines)) or "; ".join(p.candidates)
        evidence = s.text if len(s.text) <= EVIDENCE_MAX else s.text[:EVIDENCE_MAX - 1].rstrip() + "…"
        effect = p.effect or EFFECTS.get(p.event_type, "")
        d = Draft(event_id="", event_type=p.event_type, effect=effect, date=date.isoformat(),
                  date_precision=precision, end_date=end.isoformat() if end else "", evidence=evidence,
                  mines=mines, minerals=minerals, date_basis=basis, place=place,
                  value_usd=usd, quantity=qty, unit=unit if qty is not None else "", amounts=written,
                  anonymous_source=anonymous, candidates=list(p.candidates))
        d.title = _title(d, p)
        d.description = f"Draft from ingest; date from {basis}. Review before publishing."
        drafts.append((d, rank))
    # Restatements: the same event told twice keeps its most direct date.
    merged: dict[tuple, tuple[Draft, int]] = {}
    for d, rank in drafts:
        key = (d.event_type, d.effect, tuple(sorted(d.mines)), tuple(sorted(d.minerals)))
        if key in merged:
            old, old_rank = merged[key]
            if rank < old_rank:
                merged[key] = (d, rank)
            notes.append(f"merged a restatement of {d.event_type} {'/'.join(d.minerals)}"
                         f"{' at ' + '/'.join(d.mines) if d.mines else ''}; the date kept comes from "
                         f"{merged[key][0].date_basis}")
        else:
            merged[key] = (d, rank)
    out = [d for d, _ in merged.values()]
    # A mineral-only draft whose minerals are all covered by mine drafts of the same type is a summary.
    final = []
    for d in out:
        if not d.mines and not d.candidates:
            covered = {x for o in out if o.mines and o.event_type == d.event_type for x in o.minerals}
            if set(d.minerals) <= covered:
                notes.append(f"dropped a summary sentence repeating {d.event_type} of "
                             f"{', '.join(d.minerals)}: {d.evidence[:60]}…")
                continue
        final.append(d)
    return final, notes


_TYPE_WORDS = {
    "export_halt": "exports halted", "export_continued": "still exported",
    "import_suspension": "imports suspended", "sanction": "sanction",
    "investment_offer": "rights offered for investment", "trade_figure": "trade figure",
    "production_halt": "production halted", "smuggling": "smuggled",
}


def _title(d: Draft, p: _Proto) -> str:
    minerals = ", ".join(dict.fromkeys(x.text for x in p.minerals))
    where = f" from {', '.join(dict.fromkeys(m.text for m in p.mines))}" if p.mines else ""
    return f"{minerals}{where}: {_TYPE_WORDS.get(d.event_type, d.event_type)} (draft)"[:200]


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _unique_id(d: Draft, taken: set[str]) -> str:
    parts = [*d.mines[:2], *d.minerals[:3], d.event_type, d.date]
    base = _slug("-".join(parts))[:80].strip("-")
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    return out


def make_source_row(ds, publisher: str, title: str, url: str, pub: dt.date, language: str = "en") -> dict:
    """The sources.csv row for a report; an existing row is reused when it is the same report."""
    existing = _find_source(ds.sources.to_dict(orient="records") if ds is not None else [],
                            publisher, title, url, pub.isoformat())
    if existing is not None:
        return {k: _cell(existing.get(k)) for k in SOURCE_COLUMNS}
    taken = set(ds.sources["source_id"]) if ds is not None else set()
    base = f"{_slug(publisher)[:40].strip('-')}-{pub.isoformat()}"
    sid, n = base, 2
    while sid in taken:
        sid, n = f"{base}-{n}", n + 1
    return {"source_id": sid, "publisher": publisher, "title": title or "(title not recorded)",
            "url": url, "published": pub.isoformat(), "accessed": dt.date.today().isoformat(),
            "language": language, "notes": "Added by geo ingest."}
