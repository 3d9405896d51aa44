"""Stage 7a, candidate events: what one clause signals (``_Proto``), and how one sentence's
candidate becomes several events when the sentence gives several dates."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from geo.ingest.amounts import (
    amount_qualifier,
    amounts_and_qualifier,
    figures_of,
    find_amounts,
    is_share,
)
from geo.ingest.dates import DateMention, own_dates
from geo.ingest.gazetteer import Match
from geo.ingest.hangul import has_hangul


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
    date: DateMention | None = None  # its part's date, when a sentence of several figures is split


def split_minerals_by_date(p: _Proto, sents, info) -> list[_Proto]:
    """Several minerals and several dates in one sentence ("after its ban on coal in February,
    China added iron ore and lead, effective Aug. 15"): each mineral takes the date of its own
    clause nearest it (:func:`_dates_of_its_clause`), one event per date. Only minerals named in
    the sentence itself are placed. One mineral named twice is one ("took on … coal at Nampo on July 26 and
    discharged it … on August 16, with papers forged to show the coal as Russian": one cargo)."""
    own = own_dates(info[p.sent]["dates"])
    named = info[p.sent]["matches"]
    if len({x.id for x in p.minerals}) < 2 or len({(d.date, d.precision) for d in own}) < 2 or not all(x in named for x in p.minerals):
        return [p]
    groups: dict[int, list[Match]] = {}
    commas = _clause_commas(sents[p.sent].text, own)  # once per candidate split: linear in the sentence
    for x in p.minerals:
        d = min(_dates_of_its_clause(x, own, commas), key=lambda d: abs(d.start - x.start))
        groups.setdefault(d.start, []).append(x)
    if len(groups) < 2:
        return [p]
    return [replace(p, minerals=xs, at=at) for at, xs in groups.items()]


def _dates_of_its_clause(x: Match, own: list[DateMention], commas: list[int]) -> list[DateMention]:
    """The dates a mineral may take: those between the same commas as it; else those on the side the
    language puts a date (after it in English: "China added lead to the list, effective Aug. 15";
    before it in Korean); else all. ``commas`` are the sentence's clause commas, in order."""
    def clause(at: int) -> int:
        return bisect.bisect_right(commas, at)

    same = [d for d in own if clause(d.start) == clause(x.start)]
    side = [d for d in own if (d.start < x.start) == has_hangul(x.text)]
    return same or side or own


def _clause_commas(text: str, dates: list[DateMention]) -> list[int]:
    """Where the sentence's commas and semicolons are, but those inside a date ("February 18, 2017")."""
    inside = bytearray(len(text) + 1)
    for d in dates:
        inside[d.start:d.start + len(d.text)] = b"\x01" * len(d.text)
    return [k for k, c in enumerate(text) if c in ",;" and not inside[k]]


def split_figures(p: _Proto, sents, info) -> list[_Proto]:
    """Several trade figures in one sentence, each with its own date ("$126 million of coal in
    January and $100 million in February"; "exports of $831 million this year, twice 2010's $386
    million"): one figure per dated part that holds an amount, each with its amount and date. A
    baseline's date counts here: a figure given for it is a figure of its own (a per-cent change
    against it is not: "69.7% more than the same month last year"). English puts the
    date after its figure (a part ends at its date), Korean before it (a part begins at its date)."""
    if p.event_type != "trade_figure" or p.amounts is not None or len(info[p.sent]["amounts"][3]) < 2:
        return [p]
    dated = [d for d in info[p.sent]["dates"] if d.kind != "attribution"]
    if len({(d.date, d.precision) for d in dated}) < 2:
        return [own] if (own := _its_listed_figure(p, sents[p.sent].text)) is not None else [p]
    text, out = sents[p.sent].text, []
    if has_hangul(text):
        parts = [(d, d.start, nxt.start) for d, nxt in zip(dated, dated[1:], strict=False)] + [(dated[-1], dated[-1].start, len(text))]
    else:
        ends = [d.start + len(d.text) for d in dated]
        parts = [(d, a, b) for d, a, b in zip(dated, [0, *ends], ends, strict=False)]
    listed = _respective(dated, text)  # "1월과 2월에 … 각각 144만t, 123만t": each date its figure, in order
    for k, (d, a, b) in enumerate(parts):
        part = listed.get(k, text[a:b])
        if k in listed and k + 1 in listed and d.end_date is not None:
            d = replace(d, end_date=None)  # "in January and February … 1.44 … and 1.23": each month its own, no span
        usd, qty, unit, written = find_amounts(part)
        if d.kind == "comparison" and usd is None and is_share(unit):  # (%, percent, per cent)
            continue  # "69.7% more than 지난해 같은 달": a change against the baseline, no figure of the baseline's
        if written:
            out.append(replace(p, at=d.start, amounts=(usd, qty, unit, written, amount_qualifier(text if k in listed else part)), date=d))
    return out if len(out) >= 2 and len({(q.date.date, q.date.precision) for q in out}) >= 2 else [p]


#: A figure told right after its goods in a list ("silicon iron with $7.64 million, tungsten with $5.85 million",
#: "철광석이 8604만 달러"): the goods' own, not the list's first.
_RIGHT_AFTER = re.compile(r"\s*(?:with|at|worth|of|:|,|은|는|이|가)?\s*(?:a value of\s+|about\s+|some\s+|약\s*)?(?=[$\dU])",
                          re.IGNORECASE)


def _its_listed_figure(p: _Proto, text: str) -> _Proto | None:
    """The trade figure of one mineral of a sentence that lists goods each with its figure: the figure told right after
    the mineral's name (the forty-ninth trial's tungsten took the silicon iron's $7.64 million before it); None when
    no figure follows its name so."""
    if len(p.minerals) != 1:
        return None
    m = p.minerals[0]
    after = _RIGHT_AFTER.match(text, m.end)
    if after is None:
        return None
    start = after.end()
    usd, qty, unit, written = find_amounts(text[start:start + 40])
    if not written or not text.startswith(written[0], start):
        return None
    return replace(p, amounts=(usd, qty, unit, written[:1], amount_qualifier(text[max(0, m.start - 20):start + 40])))


_RESPECTIVELY = re.compile(r"각각|\brespectively\b", re.IGNORECASE)
_JOINED = re.compile(r"\s*(?:과|와|및|,|、|·|ㆍ|and|&)\s*", re.IGNORECASE)


def _respective(dated: list[DateMention], text: str) -> dict[int, str]:
    """{index of a date: its figure as written} when the sentence lists two or more dates joined by "and"
    ("1월과 2월에", "in January and February") and then as many figures "respectively" (각각), before its
    next date: the first date takes the first figure, and so on. {} otherwise."""
    if _RESPECTIVELY.search(text) is None and not _AND.search(text):
        return {}
    k = 0
    while k < len(dated) - 1:
        run = [k]
        while run[-1] + 1 < len(dated) and _JOINED.fullmatch(
                text, dated[run[-1]].start + len(dated[run[-1]].text), dated[run[-1] + 1].start):
            run.append(run[-1] + 1)
        if len(run) >= 2:
            last = dated[run[-1]]
            stop = dated[run[-1] + 1].start if run[-1] + 1 < len(dated) else len(text)
            segment = text[last.start + len(last.text):stop]
            written = find_amounts(segment)[3]
            if len(written) == len(run) and (_RESPECTIVELY.search(segment) or _listed(segment, written)):
                return dict(zip(run, written, strict=True))
        k = run[-1] + 1
    return {}


_AND = re.compile(r"\band\b|과|와", re.IGNORECASE)


def _listed(segment: str, written: list[str]) -> bool:
    """Are the figures written one after the other, joined by "and" or a comma ("imports of 1.44 million tons and 1.23
    million tons"), as a list that answers the dates' list even without "respectively"?"""
    at = 0
    for a, b in zip(written, written[1:], strict=False):
        i = segment.find(a, at)
        j = segment.find(b, i + len(a)) if i >= 0 else -1
        if j < 0 or not _JOINED.fullmatch(segment, i + len(a), j):
            return False
        at = j
    return True


def clause_amounts(own: list[tuple[_Proto, str]]) -> None:
    """Of a sentence whose clauses tell events of their own, each event's amounts are its clause's ("2003년 합작계약을
    체결한 이후 1020만 달러가 투입돼 … 가졌지만, … 10월 … 사업이 사실상 멈췄다": the sum is the deal's, not the stop's).
    The caller calls it only when events other than trade figures come from two clauses or more: a sentence whose
    other clauses tell only figures keeps its amounts for its event (they go on with it: "China is still buying gold
    …; last month alone those imports came to $650,000"). A trade figure's are split by :func:`split_figures`."""
    for p, clause in own:
        if p.event_type != "trade_figure":
            p.amounts = (*(both := amounts_and_qualifier(clause))[0], both[1])


def figureless_figures(own: list[tuple[_Proto, str]]) -> list[_Proto]:
    """Of a sentence's trade figures, those read in a clause that holds no figure while another clause's trade figure
    does ("1분기 … 석탄이 267만 8천 톤으로 … 줄었고, 모두 2월 18일 이전에 들어온 물량이라고": the second clause says when
    the same coal came in, not another figure); the caller drops them."""
    figures = [(p, bool(figures_of(amounts_and_qualifier(clause)[0][3]))) for p, clause in own if p.event_type == "trade_figure"]
    if not any(has for _p, has in figures):
        return []
    return [p for p, has in figures if not has]


def figured_flows(own: list[tuple[_Proto, str]], sentence: str) -> list[_Proto]:
    """Of a sentence's events, trade going on ("let coal keep crossing the border in large amounts") beside a trade figure
    of the same goods in a clause after a colon ("…: imports of coal rose 14.5 percent last year to 24.8 million tons"):
    the figure tells it; the caller drops the flow, which would carry the figure's amounts a second time. A clause that
    only goes on with a figure ("…; last month alone those imports came to US$650,000") lends it to the flow instead."""
    figured = {(tuple(m.id for m in p.mines), tuple(x.id for x in p.minerals)) for p, c in own if p.event_type == "trade_figure"
               and sentence[:max(0, sentence.find(c))].rstrip().endswith(":")}
    return [p for p, _c in own if p.event_type == "export_continued"
            and (tuple(m.id for m in p.mines), tuple(x.id for x in p.minerals)) in figured]
