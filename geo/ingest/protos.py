"""Stage 7a, candidate events: what one clause signals (``_Proto``), and how one sentence's
candidate becomes several events when the sentence gives several dates."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from geo.ingest.amounts import amount_qualifier, find_amounts
from geo.ingest.dates import own_dates
from geo.ingest.gazetteer import Match


@dataclass
class _Proto:
    sent: int
    event_type: str
    effect: str
    mines: list[Match]
    minerals: list[Match]
    place: str = ""
    candidates: list[str] = field(default_factory=list)
    at: int = 0  # where the cue is in the sentence
    how: str = ""  # how the mine or mineral was found, when not in the clause itself
    amounts: tuple | None = None  # (usd, qty, unit, written, qualifier) of its part of the sentence, when split


def split_minerals_by_date(p: _Proto, info) -> list[_Proto]:
    """Several minerals and several dates in one sentence ("after its ban on coal in February,
    China added iron ore and lead, effective Aug. 15"): each mineral takes the date nearest it,
    one event per date. Only minerals named in the sentence itself are placed."""
    own = own_dates(info[p.sent]["dates"])
    named = info[p.sent]["matches"]
    if len(p.minerals) < 2 or len({(d.date, d.precision) for d in own}) < 2 or not all(x in named for x in p.minerals):
        return [p]
    groups: dict[int, list[Match]] = {}
    for x in p.minerals:
        d = min(own, key=lambda d: abs(d.start - x.start))
        groups.setdefault(d.start, []).append(x)
    if len(groups) < 2:
        return [p]
    return [replace(p, minerals=xs, at=at) for at, xs in groups.items()]


def split_figures(p: _Proto, sents, info) -> list[_Proto]:
    """Several trade figures in one sentence, each with its month ("$126 million of coal in January
    and $100 million in February"): one figure per dated part, each with its own amount."""
    if p.event_type != "trade_figure" or p.amounts is not None:
        return [p]
    fine = [d for d in own_dates(info[p.sent]["dates"]) if d.precision in ("month", "day")]
    if len({d.date for d in fine}) < 2 or len(info[p.sent]["amounts"][3]) < 2:
        return [p]
    text, out, prev = sents[p.sent].text, [], 0
    for d in fine:
        end = d.start + len(d.text)
        part = text[prev:end]
        usd, qty, unit, written = find_amounts(part)
        if written:
            out.append(replace(p, at=d.start, amounts=(usd, qty, unit, written, amount_qualifier(part))))
        prev = end
    return out if len(out) >= 2 else [p]
