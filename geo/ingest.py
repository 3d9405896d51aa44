"""From a news report to draft events, and from reviewed drafts to the data package.

``extract`` reads a report's text (with its publisher, URL and publication date) and returns
draft events: mines and minerals found by the gazetteer (:mod:`geo.gazetteer`), an event type
from cue words, the date with its precision (absolute or relative to the publication date),
amounts as written, the sentence as evidence and confidence ``reported``. Names that look
like mines but are unknown come back as candidates. Nothing is written.

``apply`` appends reviewed drafts to the package: under an exclusive lock
(``data/.ingest.lock``), the merged package is written to a temporary copy and validated
first; only then are the files replaced one by one (temporary file and rename) in an order
where every intermediate state is a valid package: sources, events, links, descriptor
(minor version bumped), changelog.

This module never imports Streamlit; the dashboard's "Add report" page calls these functions
and may pass ``progress(fraction, message)`` to follow them.
"""

from __future__ import annotations

import calendar
import contextlib
import csv
import datetime as dt
import io
import json
import re
import shutil
import tempfile
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from geo.export import write_atomic
from geo.gazetteer import Gazetteer, Match
from geo.validate import DESCRIPTOR, DataError, Problem, validate_package

Progress = Callable[[float, str], None]

MAX_REPORT_BYTES = 5 * 1024 * 1024
LOCK_NAME = ".ingest.lock"
EVIDENCE_MAX = 400

EVENT_COLUMNS = [
    "event_id", "date", "date_precision", "end_date", "event_type", "title", "description",
    "actors", "place", "value_usd", "quantity", "unit", "source_id", "corroborating_source_ids",
    "evidence", "confidence", "anonymous_source",
]
LINK_COLUMNS = ["event_id", "mine_id", "mineral_id", "effect"]
SOURCE_COLUMNS = ["source_id", "publisher", "title", "url", "published", "accessed", "language", "notes"]
#: Columns of the draft CSV the command line prints: one row per mine × mineral.
DRAFT_CSV_COLUMNS = [
    "event_id", "mine_id", "mineral_id", "date", "date_precision", "end_date", "event_type",
    "effect", "value_usd", "quantity", "unit", "amounts", "anonymous_source", "confidence",
    "place", "date_basis", "evidence",
]

EFFECTS = {
    "export_halt": "halted", "export_continued": "continued", "import_suspension": "suspended",
    "investment_offer": "offered", "smuggling": "smuggled", "production_halt": "halted",
}


class IngestError(Exception):
    """Bad input or a refused apply: one clear line for the user, nothing written."""


# --------------------------------------------------------------------------- results


@dataclass
class Draft:
    """One draft event: maps onto one events.csv row and one event_links.csv row per mine × mineral."""

    event_id: str
    event_type: str
    effect: str
    date: str  # YYYY-MM-DD
    date_precision: str  # day, month, year, approximate
    evidence: str
    mines: list[str] = field(default_factory=list)  # empty for mineral-only events
    minerals: list[str] = field(default_factory=list)
    end_date: str = ""
    date_basis: str = ""  # how the date was found, for the reviewer
    title: str = ""
    description: str = ""
    place: str = ""
    value_usd: float | None = None
    quantity: float | None = None
    unit: str = ""
    amounts: list[str] = field(default_factory=list)  # every amount as written
    confidence: str = "reported"
    anonymous_source: bool = False
    candidates: list[str] = field(default_factory=list)  # unknown mine names in the sentence

    def event_row(self, source_id: str) -> dict:
        return {
            "event_id": self.event_id, "date": self.date, "date_precision": self.date_precision,
            "end_date": self.end_date, "event_type": self.event_type, "title": self.title,
            "description": self.description, "actors": "", "place": self.place,
            "value_usd": _num(self.value_usd), "quantity": _num(self.quantity), "unit": self.unit,
            "source_id": source_id, "corroborating_source_ids": "", "evidence": self.evidence,
            "confidence": self.confidence, "anonymous_source": "true" if self.anonymous_source else "false",
        }

    def link_rows(self) -> list[dict]:
        mines = self.mines or [""]
        return [{"event_id": self.event_id, "mine_id": m, "mineral_id": x, "effect": self.effect}
                for m in mines for x in self.minerals]


@dataclass
class IngestResult:
    drafts: list[Draft]
    candidates: list[str]  # names that look like mines but are not in the gazetteer
    source_row: dict  # the sources.csv row for the report
    notes: list[str] = field(default_factory=list)  # merges and other decisions, for the reviewer


@dataclass
class ApplyResult:
    version: str
    event_ids: list[str]
    links: int
    source_id: str
    source_added: bool
    changelog_entry: str


def _num(v) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def _noop(_fraction: float, _message: str) -> None:
    return None


# --------------------------------------------------------------------------- input


def check_text(text: str, max_bytes: int = MAX_REPORT_BYTES) -> str:
    """The report text, NFC-normalised; IngestError if it is empty, binary or too large."""
    if not isinstance(text, str):
        raise IngestError("the report must be text")
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        raise IngestError(f"the report is larger than {max_bytes // (1024 * 1024)} MB; is it really one news report?")
    if "\x00" in text:
        raise IngestError("the report contains NUL bytes: it looks like a binary file, not text")
    if not text.strip():
        raise IngestError("the report is empty")
    return unicodedata.normalize("NFC", text)


def read_report(path: str | Path, max_bytes: int = MAX_REPORT_BYTES) -> str:
    """Read a report file as UTF-8 text, refusing what is not a plain-text report."""
    path = Path(path)
    if not path.exists():
        raise IngestError(f"{path}: no such file")
    if not path.is_file():
        raise IngestError(f"{path}: not a file")
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(f"{path}: {size / 1024 / 1024:.1f} MB is larger than the "
                          f"{max_bytes // (1024 * 1024)} MB limit for one report")
    return decode_report(path.read_bytes(), str(path), max_bytes)


def decode_report(raw: bytes, name: str = "the report", max_bytes: int = MAX_REPORT_BYTES) -> str:
    """A report's bytes (a file read or uploaded) as UTF-8 text, with the same checks as a file."""
    if len(raw) > max_bytes:
        raise IngestError(f"{name}: {len(raw) / 1024 / 1024:.1f} MB is larger than the "
                          f"{max_bytes // (1024 * 1024)} MB limit for one report")
    if b"\x00" in raw:
        raise IngestError(f"{name}: contains NUL bytes; it looks like a binary file, not a text report")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise IngestError(f"{name}: not UTF-8 text (invalid byte at offset {exc.start}); "
                          "save the report as UTF-8") from None
    if not text.strip():
        raise IngestError(f"{name}: the report is empty")
    return check_text(text, max_bytes)


def parse_published(value: str | dt.date) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise IngestError(f"publication date {value!r} is not a date (YYYY-MM-DD)") from None


# --------------------------------------------------------------------------- sentences

_ABBREV = {"u.n", "u.s", "mr", "mrs", "ms", "dr", "st", "mt", "no", "vs", "gen", "lt", "col",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
           "inc", "co", "corp", "ltd", "jr", "sr", "e.g", "i.e", "approx", "n", "s"}
_SPLIT_RE = re.compile(r"(?<=[.!?])[”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9\uac00-\ud7a3])")


@dataclass
class _Sentence:
    text: str
    para: int
    quoted: bool


def sentences(text: str) -> list[_Sentence]:
    """Sentences of a report, paragraph by paragraph (one paragraph a line)."""
    out: list[_Sentence] = []
    for p, line in enumerate(x.strip() for x in text.splitlines()):
        if not line:
            continue
        start = 0
        pieces = []
        for m in _SPLIT_RE.finditer(line):
            before = line[start:m.start()].rstrip("”\"’)")
            last = re.search(r"(\S+)\.$", before)
            if last and (last.group(1).lower().strip("“\"(") in _ABBREV
                         or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", last.group(1))):
                continue
            pieces.append(line[start:m.end()].strip())
            start = m.end()
        pieces.append(line[start:].strip())
        out += [_Sentence(piece, p, _is_quote(piece)) for piece in pieces if piece]
    return out


def _is_quote(s: str) -> bool:
    return s.lstrip().startswith(("“", '"', "‘")) or bool(re.search(r"[”\"],?\s+(he|she|they|the \w+( \w+)?) (said|added)", s))


# --------------------------------------------------------------------------- dates

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH_RE = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAYS = [d.lower() for d in calendar.day_name]
_APPROX_BEFORE = re.compile(r"\b(around|about|approximately|roughly|circa|c\.|some|near)\s+(the\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    precision: str
    text: str
    start: int
    kind: str  # absolute, relative, context
    end_date: dt.date | None = None


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _latest(month: int, day: int, pub: dt.date) -> dt.date | None:
    """The latest month/day on or before the publication date (a report looks back)."""
    for year in (pub.year, pub.year - 1):
        try:
            d = dt.date(year, month, day)
        except ValueError:
            continue
        if d <= pub:
            return d
    return None


def find_dates(sentence: str, pub: dt.date, context: DateMention | None = None) -> list[DateMention]:
    """Every date a sentence states, resolved against the publication date, in text order."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, date: dt.date | None, precision: str, kind: str, end=None):
        if date is None or any(a < m.end() and m.start() < b for a, b in taken):
            return
        if precision == "day" and _APPROX_BEFORE.search(sentence[:m.start()]):
            precision = "approximate"
        taken.append((m.start(), m.end()))
        found.append(DateMention(date, precision, m.group(0), m.start(), kind, end))

    for m in re.finditer(r"\bfirst (?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven) months of (?P<y>(?:19|20)\d\d)\b", sentence, re.IGNORECASE):
        n = m.group("n")
        n = int(n) if n.isdigit() else ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"].index(n.lower()) + 2
        y = int(m.group("y"))
        if 1 <= n <= 12:
            add(m, dt.date(y, 1, 1), "month", "absolute", _month_end(y, n))
    for m in re.finditer(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)\b", sentence):
        with contextlib.suppress(ValueError):
            add(m, dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), "day", "absolute")
    for m in re.finditer(_MONTH_RE + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d))?", sentence):
        mon, day = _MONTHS[m.group("mon").lower()], int(m.group("d"))
        if m.group("y"):
            with contextlib.suppress(ValueError):
                add(m, dt.date(int(m.group("y")), mon, day), "day", "absolute")
        else:
            add(m, _latest(mon, day, pub), "day", "absolute")
    for m in re.finditer(r"\b(?P<d>\d{1,2})\s+" + _MONTH_RE + r"(?:\s+(?P<y>(?:19|20)\d\d))?", sentence):
        mon, day = _MONTHS[m.group("mon").lower()], int(m.group("d"))
        y = int(m.group("y")) if m.group("y") else None
        with contextlib.suppress(ValueError):
            add(m, dt.date(y, mon, day) if y else _latest(mon, day, pub), "day", "absolute")
    for m in re.finditer(r"\b(?P<rel>last|this|in|since|from|until|by|early|late|mid-?)?\s*" + _MONTH_RE + r"(?:\s+(?P<y>(?:19|20)\d\d))?\b", sentence):
        if m.group("mon") in ("May", "Mar") and not (m.group("rel") or m.group("y")):
            continue  # "may", "mar": only with a cue
        mon = _MONTHS[m.group("mon").lower()]
        rel = (m.group("rel") or "").lower()
        if m.group("y"):
            y = int(m.group("y"))
        elif rel == "last":
            y = pub.year if mon < pub.month else pub.year - 1
        else:
            y = pub.year if mon <= pub.month else pub.year - 1
        add(m, dt.date(y, mon, 1), "month", "absolute" if m.group("y") else "relative")
    for m in re.finditer(r"\b(?P<w>this|last) month\b", sentence, re.IGNORECASE):
        first = pub.replace(day=1)
        if m.group("w").lower() == "last":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        add(m, first, "month", "relative")
    for m in re.finditer(r"\b(?P<w>this|last) year\b", sentence, re.IGNORECASE):
        add(m, dt.date(pub.year - (m.group("w").lower() == "last"), 1, 1), "year", "relative")
    for m in re.finditer(r"\b(?P<last>last\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", sentence):
        back = (pub.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7
        if m.group("last") and back == 0:
            back = 7
        add(m, pub - dt.timedelta(days=back), "day", "relative")
    for m in re.finditer(r"\byesterday\b", sentence, re.IGNORECASE):
        add(m, pub - dt.timedelta(days=1), "day", "relative")
    for m in re.finditer(r"\btoday\b", sentence, re.IGNORECASE):
        add(m, pub, "day", "relative")
    for m in re.finditer(r"\b(?P<n>\d{1,2}|two|three) days ago\b", sentence, re.IGNORECASE):
        n = m.group("n")
        add(m, pub - dt.timedelta(days=int(n) if n.isdigit() else {"two": 2, "three": 3}[n.lower()]), "day", "relative")
    for m in re.finditer(r"\b(a few|several|some|few) days ago\b", sentence, re.IGNORECASE):
        add(m, pub - dt.timedelta(days=3), "approximate", "relative")
    for m in re.finditer(r"\b(last week|a week ago)\b", sentence, re.IGNORECASE):
        add(m, pub - dt.timedelta(days=7), "approximate", "relative")
    for m in re.finditer(r"\b(last|a few|several) weeks? ago\b|\brecently\b", sentence, re.IGNORECASE):
        add(m, pub - dt.timedelta(days=14), "approximate", "relative")
    for m in re.finditer(r"\bfor (some|a long|quite some) time\b", sentence, re.IGNORECASE):
        anchor = context.date if context is not None and context.precision == "day" else pub
        add(m, anchor, "approximate", "relative")
    for m in re.finditer(r"(?<![\d$.,-])(?<!resolution )(?<!Resolution )\b(?P<y>19[5-9]\d|20[0-4]\d)\b(?!,\d|-\d)", sentence):
        add(m, dt.date(int(m.group("y")), 1, 1), "year", "absolute")
    found.sort(key=lambda d: d.start)
    return found


def _end_of_year(sentence: str, date: dt.date) -> dt.date | None:
    if re.search(r"\buntil the end of (the|this) year\b", sentence, re.IGNORECASE):
        return dt.date(date.year, 12, 31)
    return None


# --------------------------------------------------------------------------- amounts

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_USD_RE = re.compile(r"(?:U\.?S\.?\s*|US)?\$\s?(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<s>thousand|million|billion|trillion|[mb]n?\b|M\b)?", re.IGNORECASE)
_QTY_RE = re.compile(r"(?<![\w$.])(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>(?:(?:thousand|million|billion)\s+)?(?:metric\s+)?(?:tons|tonnes|tons?|t\b|kilowatts|megawatts|gigawatts|kilowatt-hours|kwh|mw|kw|percent|per cent|%|kilograms|kg|ounces|oz|barrels))", re.IGNORECASE)


def find_amounts(sentence: str) -> tuple[float | None, float | None, str, list[str]]:
    """(value_usd, quantity, unit, every amount as written) of a sentence."""
    written, usd, qty, unit = [], None, None, ""
    spans = []
    for m in _USD_RE.finditer(sentence):
        n = float(m.group("n").replace(",", ""))
        s = (m.group("s") or "").lower()
        mult = _SCALE.get(s, {"m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}.get(s, 1))
        written.append(m.group(0).strip())
        spans.append((m.start(), m.end()))
        if usd is None:
            usd = round(n * mult, 2)
    for m in _QTY_RE.finditer(sentence):
        if any(a <= m.start() < b for a, b in spans):
            continue
        written.append(m.group(0).strip())
        if qty is None:
            qty = float(m.group("n").replace(",", ""))
            unit = re.sub(r"\s+", " ", m.group("unit").strip())
    return usd, qty, unit, written


# --------------------------------------------------------------------------- event cues

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
_PAIR_GAP_RE = re.compile(r"^\s*(?:mines?\s+|deposits?\s+)?(?:from|in|at|of)\s+(?:the\s+)?$", re.IGNORECASE)
_LIST_GAP_RE = re.compile(r"^[\s,]*(?:and|or|as well as)?[\s,]*$", re.IGNORECASE)
_ADJ_GAP_RE = re.compile(r"^\s*(?:mine['’]s|mines['’]|['’]s)?\s*$", re.IGNORECASE)


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


# --------------------------------------------------------------------------- candidates

_CAND_RE = re.compile(r"\b((?:[A-Z][\w'’ʼ\-]*\s+){1,3})(?:mines?|Mines?|Mining Complex|deposit|colliery)\b")
_HANGUL_CAND_RE = re.compile(r"([\uac00-\ud7a3]{1,8})광산")
_CAND_STOP = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
              "north", "south", "korean", "korea", "chinese", "china", "even", "if", "new", "old",
              "state", "youth", "copper", "iron", "gold", "coal", "rare", "earth", "one", "another",
              "mine", "and", "of", "in", "at", "from", "any", "no", "every", "big",
              "but", "as", "so", "when", "while", "where", "which", "whose", "all", "some"}


def find_candidates(sentence: str, gaz: Gazetteer) -> list[str]:
    """Names in 'the X mine' form that the gazetteer does not know."""
    out = []
    for m in _CAND_RE.finditer(sentence):
        words = m.group(1).split()
        while words and words[0].lower().strip("'’") in _CAND_STOP:
            words = words[1:]
        if not words or all(w.lower() in _CAND_STOP for w in words):
            continue
        name = " ".join(words)
        full = f"{name} {m.group(0)[len(m.group(1)):]}".strip()
        if gaz.match(name) or gaz.match(full):
            continue
        out.append(full)
    for m in _HANGUL_CAND_RE.finditer(sentence):
        if not gaz.match(m.group(0)):
            out.append(m.group(0))
    return out


# --------------------------------------------------------------------------- extraction


@dataclass
class _Proto:
    sent: int
    event_type: str
    effect: str
    mines: list[Match]
    minerals: list[Match]
    place: str = ""
    candidates: list[str] = field(default_factory=list)


def _pairs(clause_matches: list[Match], clause: str, offset: int):
    """Group a clause's matches into (mine or None, [minerals]) by 'MINERAL from MINE' patterns."""
    groups: list[tuple[Match | None, list[Match]]] = []
    pending: list[Match] = []
    loose_mines: list[Match] = []
    prev: Match | None = None
    for m in clause_matches:
        gap = clause[(prev.end - offset) if prev else 0:m.start - offset]
        if m.kind == "mineral":
            if prev is not None and prev.kind == "mine" and _ADJ_GAP_RE.match(gap) and not pending:
                groups.append((prev, [m]))  # "Musan iron ore"
                if prev in loose_mines:
                    loose_mines.remove(prev)
            else:
                if pending and not _LIST_GAP_RE.match(gap):
                    groups.append((None, pending))
                    pending = []
                pending.append(m)
        elif m.kind == "mine":
            if pending and _PAIR_GAP_RE.match(gap):
                groups.append((m, pending))
                pending = []
            else:
                loose_mines.append(m)
        prev = m
    if pending:
        groups.append((None, pending))
    # One mine and minerals nobody claimed, in the same clause: they go together.
    loose_ids = {m.id for m in loose_mines} - {g[0].id for g in groups if g[0] is not None}
    unpaired = [g for g in groups if g[0] is None]
    if len(loose_ids) == 1 and unpaired and not any(g[0] is not None for g in groups):
        mine = next(m for m in loose_mines if m.id in loose_ids)
        groups = [(mine, [x for g in unpaired for x in g[1]])]
    return groups


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


def guess_title(text: str) -> str:
    """The first line that reads like a headline (five words or more, no colon, no final stop)."""
    for line in text.splitlines():
        line = line.strip()
        words = line.split()
        if len(words) >= 5 and ":" not in line and not line.endswith((".", "”", '"')) \
                and line[0].isupper() and len(line) <= 200:
            return line
    return ""


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


def _cell(v) -> str:
    if v is None:
        return ""
    if hasattr(v, "strftime"):
        return "" if str(v) == "NaT" else v.strftime("%Y-%m-%d")
    return "" if isinstance(v, float) and v != v else str(v)


def _find_source(rows: list[dict], publisher, title, url, published) -> dict | None:
    for r in rows:
        if url and _cell(r.get("url")) == url:
            return r
        same = (_cell(r.get("publisher")).casefold() == publisher.casefold()
                and _cell(r.get("title")).casefold() == (title or "").casefold()
                and _cell(r.get("published")) == published)
        if same:
            return r
    return None


# --------------------------------------------------------------------------- applying


def _read_csv_rows(path: Path) -> tuple[str, list[dict]]:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return text, list(csv.DictReader(io.StringIO(text)))


def _append_rows(text: str, columns: list[str], rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    if not text.strip():
        writer.writeheader()
        text = ""
    elif not text.endswith("\n"):
        text += "\n"
    writer.writerows([{c: r.get(c, "") for c in columns} for r in rows])
    return text + buf.getvalue()


def bump_minor(version: str) -> str:
    m = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", str(version).strip())
    if not m:
        raise IngestError(f"package version {version!r} is not MAJOR.MINOR.PATCH")
    return f"{m.group(1)}.{int(m.group(2)) + 1}.0"


def _changelog(text: str, version: str, source_row: dict, drafts: list[Draft], source_added: bool) -> tuple[str, str]:
    today = dt.date.today().isoformat()
    links = sum(len(d.link_rows()) for d in drafts)
    cite = f"{source_row['publisher']}, “{source_row['title']}”, {source_row['published']}"
    if source_row.get("url"):
        cite += f" ({source_row['url']})"
    entry = (f"## {version} — {today}\n\nIngested a report: {cite}.\n\n"
             f"- **Events** ({len(drafts)}) and links ({links}), confidence reported, reviewed from "
             f"ingest drafts: {', '.join(d.event_id for d in drafts)}.\n"
             f"- **Source**: `{source_row['source_id']}` "
             f"({'added' if source_added else 'already in sources.csv'}).\n\n")
    m = re.search(r"^## ", text, re.MULTILINE)
    if m:
        return text[:m.start()] + entry + text[m.start():], entry
    return (text.rstrip("\n") + "\n\n" if text.strip() else "# Data changelog\n\n") + entry, entry


@contextlib.contextmanager
def package_lock(data_dir: Path, timeout: float = 60.0):
    """An exclusive lock on the package (``data/.ingest.lock``), shared by every writer."""
    import fcntl

    path = Path(data_dir) / LOCK_NAME
    fh = open(path, "a+")  # noqa: SIM115 - held for the duration of the context
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise IngestError(f"{data_dir} is locked by another ingest; try again later") from None
                time.sleep(0.05)
        yield
    finally:
        with contextlib.suppress(OSError):
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
        fh.close()


def _plan(drafts: list[Draft], source_row: dict, data_dir: Path) -> tuple[dict[str, str], dict]:
    """The new text of every file to change, and facts about the change; raises IngestError."""
    if not drafts:
        raise IngestError("no draft events to apply")
    desc_path = data_dir / DESCRIPTOR
    try:
        desc_text = desc_path.read_text(encoding="utf-8")
        desc = json.loads(desc_text)
    except (OSError, ValueError) as exc:
        raise IngestError(f"{desc_path}: cannot read the package descriptor ({exc})") from None
    paths = {r["name"]: r["path"] for r in desc.get("resources", []) if isinstance(r, dict) and "name" in r}
    for name in ("sources", "events", "event_links"):
        if name not in paths:
            raise IngestError(f"the package has no {name} resource")
    src_text, sources = _read_csv_rows(data_dir / paths["sources"])
    ev_text, events = _read_csv_rows(data_dir / paths["events"])
    ln_text, _links = _read_csv_rows(data_dir / paths["event_links"])

    ids = [d.event_id for d in drafts]
    dup_in_batch = sorted({i for i in ids if ids.count(i) > 1})
    if dup_in_batch:
        raise IngestError(f"two drafts share the event id {', '.join(dup_in_batch)}; give them distinct ids")
    have = {e["event_id"] for e in events}
    clash = [i for i in ids if i in have]
    if clash:
        raise IngestError(f"already in the package: {', '.join(clash)} (was this report applied before?); nothing written")
    existing = _find_source(sources, source_row.get("publisher", ""), source_row.get("title", ""),
                            source_row.get("url", ""), source_row.get("published", ""))
    if existing is not None:
        source_row = {k: existing.get(k, "") for k in SOURCE_COLUMNS}
    elif any(s["source_id"] == source_row.get("source_id") for s in sources):
        raise IngestError(f"source id {source_row.get('source_id')!r} is already used by another report")
    sid = source_row["source_id"]
    seen = {(e["source_id"], e["evidence"], e["event_type"]) for e in events}
    repeats = [d.event_id for d in drafts if (sid, d.evidence, d.event_type) in seen]
    if repeats:
        raise IngestError(f"the package already has events with the same source, evidence and type as "
                          f"{', '.join(repeats)} (was this report applied before?); nothing written")

    version = bump_minor(desc.get("version", ""))
    desc["version"] = version
    new_files: dict[str, str] = {}
    if existing is None:
        new_files[paths["sources"]] = _append_rows(src_text, _columns(src_text, SOURCE_COLUMNS), [source_row])
    new_files[paths["events"]] = _append_rows(ev_text, _columns(ev_text, EVENT_COLUMNS), [d.event_row(sid) for d in drafts])
    new_files[paths["event_links"]] = _append_rows(ln_text, _columns(ln_text, LINK_COLUMNS),
                                                   [r for d in drafts for r in d.link_rows()])
    new_files[DESCRIPTOR] = json.dumps(desc, indent=2, ensure_ascii=False) + ("\n" if desc_text.endswith("\n") else "")
    log_path = data_dir / "CHANGELOG.md"
    log_text = log_path.read_text(encoding="utf-8") if log_path.exists() else ""
    new_files["CHANGELOG.md"], entry = _changelog(log_text, version, source_row, drafts, existing is None)
    facts = {"version": version, "source_id": sid, "source_added": existing is None, "entry": entry}
    return new_files, facts


def _columns(text: str, default: list[str]) -> list[str]:
    first = text.splitlines()[0] if text.strip() else ""
    return next(csv.reader([first])) if first else default


def _check_in_copy(data_dir: Path, new_files: dict[str, str]) -> list[Problem]:
    with tempfile.TemporaryDirectory(prefix="geo-ingest-") as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(data_dir, copy, ignore=shutil.ignore_patterns(LOCK_NAME, ".*.tmp"))
        for rel, text in new_files.items():
            (copy / rel).write_text(text, encoding="utf-8")
        return validate_package(copy).problems


def validate_drafts(drafts: list[Draft], source_row: dict, data_dir: str | Path) -> list[Problem]:
    """Every problem the package would have with these drafts added (empty: they can be applied).

    A refusal that is not about the data (already applied, no drafts) comes back as a Problem too.
    """
    data_dir = Path(data_dir)
    try:
        new_files, _facts = _plan(drafts, source_row, data_dir)
    except IngestError as err:
        return [Problem("drafts", reason=str(err))]
    return _check_in_copy(data_dir, new_files)


def apply(drafts: list[Draft], source_row: dict, data_dir: str | Path,
          progress: Progress | None = None, lock_timeout: float = 60.0) -> ApplyResult:
    """Append reviewed drafts to the package; validated first, written atomically under a lock.

    Raises IngestError (refused: nothing written) or DataError (the result would not be a
    valid package: nothing written; ``problems`` says why).
    """
    progress = progress or _noop
    data_dir = Path(data_dir)
    if not (data_dir / DESCRIPTOR).is_file():
        raise IngestError(f"{data_dir}: no {DESCRIPTOR}; is this a data package folder?")
    drafts = [replace(d) for d in drafts]
    progress(0.05, "waiting for the package lock")
    with package_lock(data_dir, lock_timeout):
        progress(0.2, "merging the drafts into the package")
        new_files, facts = _plan(drafts, source_row, data_dir)
        progress(0.4, "validating the merged package in a temporary copy")
        problems = _check_in_copy(data_dir, new_files)
        if problems:
            raise DataError(problems)
        order = [k for k in new_files if k not in (DESCRIPTOR, "CHANGELOG.md")] + [DESCRIPTOR, "CHANGELOG.md"]
        for n, rel in enumerate(order, start=1):
            progress(0.5 + 0.5 * n / len(order), f"writing {rel}")
            write_atomic(data_dir / rel, new_files[rel].encode("utf-8"))
    return ApplyResult(version=facts["version"], event_ids=[d.event_id for d in drafts],
                       links=sum(len(d.link_rows()) for d in drafts), source_id=facts["source_id"],
                       source_added=facts["source_added"], changelog_entry=facts["entry"])


# --------------------------------------------------------------------------- CSV of drafts


def drafts_csv(drafts: list[Draft]) -> str:
    """The drafts as CSV, one row per mine × mineral (mine_id empty for mineral-only events)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=DRAFT_CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    for d in drafts:
        for link in d.link_rows():
            w.writerow({
                "event_id": d.event_id, "mine_id": link["mine_id"], "mineral_id": link["mineral_id"],
                "date": d.date, "date_precision": d.date_precision, "end_date": d.end_date,
                "event_type": d.event_type, "effect": d.effect, "value_usd": _num(d.value_usd),
                "quantity": _num(d.quantity), "unit": d.unit, "amounts": "; ".join(d.amounts),
                "anonymous_source": "true" if d.anonymous_source else "false",
                "confidence": d.confidence, "place": d.place, "date_basis": d.date_basis,
                "evidence": d.evidence,
            })
    return buf.getvalue()


# --------------------------------------------------------------------------- review table

#: Columns of the review table (the dashboard's "Add report" page): one row per draft × mine ×
#: mineral. ``draft`` is the draft's position in the extracted list; ``accept`` starts true.
REVIEW_COLUMNS = [
    "draft", "accept", "event_id", "mine_id", "mineral_id", "event_type", "effect", "date",
    "date_precision", "end_date", "confidence", "title", "anonymous_source", "date_basis", "evidence",
]
#: Fields that belong to the event (one value per event); rows of a draft that disagree on
#: any of them become separate events.
_EVENT_FIELDS = ("event_type", "effect", "date", "date_precision", "end_date", "confidence", "title",
                 "anonymous_source")
REVIEW_FILE = "review table"


def review_rows(drafts: list[Draft]) -> list[dict]:
    """The drafts as review-table rows, one per mine × mineral, dates as ``datetime.date``."""
    rows = []
    for i, d in enumerate(drafts):
        for mine in d.mines or [""]:
            for mineral in d.minerals or [""]:
                rows.append({
                    "draft": i, "accept": True, "event_id": d.event_id, "mine_id": mine,
                    "mineral_id": mineral, "event_type": d.event_type, "effect": d.effect,
                    "date": _as_date(d.date), "date_precision": d.date_precision,
                    "end_date": _as_date(d.end_date), "confidence": d.confidence, "title": d.title,
                    "anonymous_source": bool(d.anonymous_source), "date_basis": d.date_basis,
                    "evidence": d.evidence,
                })
    return rows


def _as_date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _text(value) -> str:
    """A table cell as text: dates as YYYY-MM-DD, missing values (None, NaN, NaT) as ''."""
    if value is None or str(value) in ("NaT", "<NA>", "nan", "None"):
        return ""
    return _cell(value).strip()


def _flag(value) -> bool:
    if value is None or str(value) in ("<NA>", "nan"):
        return False
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def drafts_from_review(drafts: list[Draft], rows: list[dict]) -> tuple[list[Draft], list[Problem]]:
    """The reviewed drafts: only accepted rows, with the reviewer's edits; and what is missing.

    ``rows`` are review-table rows (see ``review_rows``), edited. Rows of one draft that agree
    on the event's fields stay one event; rows that disagree (another date, type, effect…)
    become their own event. A draft's links must be every mine × every mineral, so when a
    rejected row breaks that, the draft is split by mine. An event keeps its id when its mines,
    minerals, type and date are unchanged, and gets a new one otherwise. Rows accepted without
    a mineral, or no accepted row at all, are problems (file ``review table``, 1-based row).
    """
    problems: list[Problem] = []
    groups: dict[tuple, list[tuple[str, str]]] = {}
    for n, row in enumerate(rows, start=1):
        if not _flag(row.get("accept")):
            continue
        try:
            index = int(row.get("draft"))
            base = drafts[index]
        except (TypeError, ValueError, IndexError):
            problems.append(Problem(REVIEW_FILE, n, "draft", "this row does not belong to a drafted event"))
            continue
        mineral = _text(row.get("mineral_id"))
        if not mineral:
            problems.append(Problem(REVIEW_FILE, n, "mineral_id", "choose a mineral: every event is linked to one"))
            continue
        fields = tuple(_flag(row.get(f)) if f == "anonymous_source" else _text(row.get(f)) for f in _EVENT_FIELDS)
        links = groups.setdefault((index, fields), [])
        link = (_text(row.get("mine_id")), mineral)
        if link not in links:
            links.append(link)
    if not groups and not problems:
        problems.append(Problem(REVIEW_FILE, None, "accept", "no row is accepted: nothing to apply"))

    out: list[tuple[Draft, bool]] = []  # (draft, keeps its id)
    events_of = {}
    for index, _fields in groups:
        events_of[index] = events_of.get(index, 0) + 1
    for (index, fields), links in groups.items():
        base = drafts[index]
        values = dict(zip(_EVENT_FIELDS, fields, strict=True))
        by_mine: dict[str, list[str]] = {}
        for mine, mineral in links:
            by_mine.setdefault(mine, []).append(mineral)
        parts: dict[tuple, list[str]] = {}  # (mine-less?, minerals) -> mines
        for mine, minerals in by_mine.items():
            parts.setdefault((mine == "", tuple(minerals)), []).append(mine)
        dated = (values["date"], values["date_precision"]) != (base.date, base.date_precision)
        for (no_mine, minerals), mines in parts.items():
            d = replace(base, **values, mines=[] if no_mine else list(mines), minerals=list(minerals),
                        amounts=list(base.amounts), candidates=list(base.candidates))
            if dated:
                d.date_basis = "set by the reviewer"
                d.description = "Draft from ingest; date set by the reviewer."
            same = (events_of[index] == 1 and len(parts) == 1 and d.mines == base.mines and d.minerals == base.minerals
                    and d.event_type == base.event_type and d.date == base.date)
            out.append((d, same))
    taken = {d.event_id for d, keep in out if keep}
    result = []
    for d, keep in out:
        if not keep or not d.event_id:
            d.event_id = _unique_id(d, taken)
            taken.add(d.event_id)
        result.append(d)
    return result, problems


def problem_event(problem: Problem, drafts: list[Draft], events_before: int, links_before: int) -> str:
    """The id of the draft a problem from ``validate_drafts`` is about ('' if none).

    The drafts are appended after ``events_before`` events and ``links_before`` links, so a
    problem in a later row of events.csv or event_links.csv belongs to one of them.
    """
    if problem.row is None:
        return ""
    row = int(problem.row)
    if problem.file.endswith("event_links.csv"):
        k = row - links_before
        for d in drafts:
            n = len(d.link_rows())
            if 1 <= k <= n:
                return d.event_id
            k -= n
        return ""
    if problem.file.endswith("events.csv") and 1 <= row - events_before <= len(drafts):
        return drafts[row - events_before - 1].event_id
    return ""
