"""Draft events and the results of extraction and apply: the ingest's data types."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from geo.ingest.quote import short_quote

Progress = Callable[[float, str], None]


EVENT_COLUMNS = [
    "event_id", "date", "date_precision", "end_date", "event_type", "title", "description",
    "actors", "place", "value_usd", "quantity", "unit", "amount_qualifier", "source_id", "corroborating_source_ids",
    "evidence", "confidence", "anonymous_source",
]


LINK_COLUMNS = ["event_id", "mine_id", "mineral_id", "effect"]


SOURCE_COLUMNS = ["source_id", "publisher", "title", "url", "published", "accessed", "language", "notes"]


#: Columns of the draft CSV the command line prints: one row per mine × mineral.
DRAFT_CSV_COLUMNS = [
    "event_id", "mine_id", "mineral_id", "date", "date_precision", "end_date", "event_type",
    "effect", "value_usd", "quantity", "unit", "amounts", "anonymous_source", "confidence",
    "place", "actors", "date_basis", "known", "estimate", "check", "evidence", "quote", "title", "description", "notes",
]


EVIDENCE_MAX = 400


class IngestError(Exception):
    """Bad input or a refused apply: one clear line for the user, nothing written."""


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
    description: str = ""  # what happened, in our words (geo.ingest.accounts)
    notes: str = ""  # how it was read: the date's words, the confidence's reason (shown in the review, not stored)
    teller: str = ""  # the official body the report cites for it ('' for none; the account names it)
    place: str = ""
    actors: str = ""  # the firms and bodies it is between, "; "-joined (geo.ingest.actors)
    value_usd: float | None = None
    quantity: float | None = None
    unit: str = ""
    amounts: list[str] = field(default_factory=list)  # every amount as written
    amount_qualifier: str = ""  # exact, approximate ("around"), at_least ("more than"), at_most ("up to"); '' without
    confidence: str = "reported"
    anonymous_source: bool = False
    candidates: list[str] = field(default_factory=list)  # unknown mine names in the sentence
    known: str = ""  # what in the record this draft repeats ('' when new; see geo.ingest.known)
    estimate: float | None = None  # estimated chance it is right (see geo.ingest.certainty)
    check: str = ""  # why a reviewer should check it before it is applied ('' when proposed)
    quote: str = ""  # what the record keeps as evidence: a short phrase of it (geo.ingest.quote) or the reviewer's words
    also_told: list[str] = field(default_factory=list)  # the sentences of the tellings merged into it (geo.ingest.merge)
    before_measure: bool = False  # a telling of it says it came before a measure ("well before the UN voted"; geo.ingest.known)

    @property
    def proposed(self) -> bool:
        """Does the review propose (tick) it: new to the record and not marked to check?"""
        return not self.known and not self.check

    def event_row(self, source_id: str) -> dict:
        return {
            "event_id": self.event_id, "date": self.date, "date_precision": self.date_precision,
            "end_date": self.end_date, "event_type": self.event_type, "title": self.title,
            "description": self.description, "actors": self.actors, "place": self.place,
            "value_usd": _num(self.value_usd), "quantity": _num(self.quantity), "unit": self.unit,
            "amount_qualifier": self.amount_qualifier, "source_id": source_id, "corroborating_source_ids": "", "evidence": self.recorded_evidence,
            "confidence": self.confidence, "anonymous_source": "true" if self.anonymous_source else "false",
        }

    @property
    def recorded_evidence(self) -> str:
        """The evidence written to the record: the quote, never the whole sentence (``evidence``)."""
        return self.quote.strip() or short_quote(self.evidence)

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
    leads: list[Draft] = field(default_factory=list)  # typeless drafts from sentences that made none (geo.ingest.leads)


@dataclass
class ApplyResult:
    version: str
    event_ids: list[str]
    links: int
    source_id: str
    source_added: bool
    changelog_entry: str
    mine_ids: list[str] = field(default_factory=list)  # mines added from the review
    corroborated: list[dict] = field(default_factory=list)  # record events given the report as a source (geo.ingest.corroborate)


def _num(v) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def _noop(_fraction: float, _message: str) -> None:
    return None
