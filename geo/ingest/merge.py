"""Stage 7b, merging restatements: the headline and the body, a summary and the detail, one event.

Drafts with the same type, effect, mines and minerals are one event when they give the same
date, or when either's date is indirect (rank ≥ 2: from the next sentence, the telling, the
context or the publication) and their years are at most one apart (a flood of 1995 recalled
beside this year's is another event); the most direct date is kept. Two direct dates that differ
are two events ("in January … in February"), and so are a halt, suspension or ban told with a figure of its
own and one told with none or another (a cargo "valued at about $1 million" turned away, beside the
suspension of all coal imports). A sanction with no date of its own that follows an
import suspension of the same minerals is that suspension named again ("China's ban on coal"),
unless it names another authority. A mineral-only draft whose minerals are all covered by mine
drafts of the same type is a summary and is dropped, unless its own date is of a year none of them
has (the country's output of 2018 beside a mine's decline reported in 2019); so is a draft of several minerals, no mine
and no figure whose minerals are each told that year, as the same event, with a figure. Indexed, so that many
drafts with distinct dates stay linear (n log n), not quadratic.
"""

from __future__ import annotations

import heapq
import re

from geo.ingest.amounts import figures_of, is_share, only_changes
from geo.ingest.cue_words import cargo_back
from geo.ingest.cues import named_sides
from geo.ingest.drafts import Draft
from geo.ingest.event_dates import HEADLINE_RANK


class _Group:
    """Drafts of one key: the first of each year, the first with an indirect date of each year, and
    the first of each date, found fast (heaps of indices; entries made stale by a replacement are
    skipped when met)."""

    def __init__(self) -> None:
        self.items: list[tuple[Draft, int]] = []
        self.by_year: dict[int, list[int]] = {}  # year → heap of indices
        self.indirect: dict[int, list[int]] = {}  # year → heap of indices whose rank is ≥ 2
        self.by_date: dict[str, list[int]] = {}  # date and end (_period) → heap of indices

    def _first(self, heaps: dict, key, valid) -> int | None:
        heap = heaps.get(key)
        while heap and not valid(self.items[heap[0]]):
            heapq.heappop(heap)
        return heap[0] if heap else None

    def _first_near(self, heaps: dict, year: int, indirect: bool) -> int | None:
        """The first draft of a year at most one from ``year`` (with an indirect date, if asked)."""
        found = [self._first(heaps, y, lambda it, y=y: int(it[0].date[:4]) == y and (not indirect or it[1] >= 2))
                 for y in (year - 1, year, year + 1)]
        found = [k for k in found if k is not None]
        return min(found) if found else None

    def find(self, d: Draft, rank: int) -> int | None:
        """The first draft ``d`` restates (the linear rule, by index), or None."""
        year = int(d.date[:4])
        if rank >= 2:
            return self._first_near(self.by_year, year, indirect=False)
        found = [k for k in (self._first_near(self.indirect, year, indirect=True),
                             self._first(self.by_date, _period(d), lambda it: _period(it[0]) == _period(d))) if k is not None]
        return min(found) if found else None

    def put(self, k: int | None, d: Draft, rank: int) -> None:
        if k is None:
            k = len(self.items)
            self.items.append((d, rank))
        else:
            self.items[k] = (d, rank)
        year = int(d.date[:4])
        heapq.heappush(self.by_year.setdefault(year, []), k)
        if rank >= 2:
            heapq.heappush(self.indirect.setdefault(year, []), k)
        heapq.heappush(self.by_date.setdefault(_period(d), []), k)


#: The merged tellings' sentences a kept draft remembers (geo.ingest.attribution.cited_elsewhere reads them).
TELLINGS_KEPT = 12


def _period(d: Draft) -> str:
    """A draft's date with its end: the first quarter and the first half both start in January, and are two figures
    (the forty-ninth trial's "1분기 … 4079만 달러" was merged into "상반기 … 8604만 달러")."""
    return f"{d.date}/{d.end_date}"


def merge_restatements(drafts: list[tuple[Draft, int]], figures_from: dict[int, Draft] | None = None) -> tuple[list[Draft], list[str]]:
    """(drafts, notes) with restatements merged and summaries dropped; see the module docstring. ``figures_from`` is
    filled with id(kept draft) → the merged telling whose figures the kept one takes (:func:`_take_figures`)."""
    notes: list[str] = []
    groups: dict[tuple, _Group] = {}
    for d, rank in _first_deliveries(_changes_told_again(drafts, notes), notes, figures_from):
        # a trade figure of goods told as one side's imports and the other's exports is one figure: its effect is no key
        # (a share told beside them, "40 percent of its foreign currency", keeps its own)
        key = (d.event_type, "" if d.event_type == "trade_figure" and figures_of(d.amounts) else d.effect,
               tuple(sorted(d.mines)), tuple(sorted(d.minerals)))
        told = groups.get(("import_suspension", "suspended", *key[2:])) \
            if d.event_type == "sanction" and rank >= 2 and named_sides(d.evidence) != (True, False) else None
        if told is not None and (same := told.find(d, rank)) is not None:
            # "China's ban on coal" with no date of its own, after the report told China's suspension of
            # coal: the same measure named again, not a second one (data/README.md, "Event type"); not the
            # UN's ban, which is another measure. Whichever telling's date is kept, the kind is the suspension's.
            group, (d.event_type, d.effect) = told, ("import_suspension", "suspended")
        else:
            group = groups.get(key) or groups.setdefault(key, _Group())
            same = group.find(d, rank)
        if same is not None and _another_incident(d, group.items[same][0]):
            same = None
        if same is None:
            group.put(None, d, rank)
            continue
        old, old_rank = group.items[same]
        if rank < old_rank:
            group.put(same, d, rank)
        kept = group.items[same][0]
        kept.before_measure = old.before_measure or d.before_measure  # any telling's "before the ban"
        # the firms each telling names (a designation's list told over several sentences: geo.ingest.actors)
        kept.actors = "; ".join(dict.fromkeys(a for x in (old, d) for a in x.actors.split("; ") if a))
        other = old if kept is d else d
        if len(kept.also_told) < TELLINGS_KEPT:  # whom each telling cites (attribution): a few suffice, and a list
            kept.also_told.extend([*other.also_told, other.evidence][:TELLINGS_KEPT - len(kept.also_told)])
            # copied whole at each merge would make a report of many restatements quadratic
        _take_figures(kept, old if kept is d else d, figures_from)
        notes.append(f"merged a restatement of {d.event_type} {'/'.join(d.minerals)}"
                     f"{' at ' + '/'.join(d.mines) if d.mines else ''}; the date kept comes from "
                     f"{group.items[same][0].date_basis}")
    out = _headline_figures_told_as_more([(d, rank) for g in groups.values() for d, rank in g.items], notes)
    covered: dict[str, set[str]] = {}
    years: dict[tuple[str, str], set[str]] = {}  # (type, mineral) → the years of its mine drafts
    told: dict[tuple[str, str], set[str]] = {}  # (type, mineral) → the figures its mine drafts give, as written
    for o, _ in out:
        if o.mines:
            covered.setdefault(o.event_type, set()).update(o.minerals)
            for x in o.minerals:
                years.setdefault((o.event_type, x), set()).add(o.date[:4])
                told.setdefault((o.event_type, x), set()).update(figures_of(o.amounts))
    detail: dict[tuple, set[str]] = {}  # (type, effect, year) → minerals of figure-bearing mineral-only drafts
    for o, _ in out:
        if not o.mines and figures_of(o.amounts):
            detail.setdefault((o.event_type, o.effect, o.date[:4]), set()).update(o.minerals)
    final, dated = [], {}
    body = [(o.event_type, frozenset(o.minerals), int(o.date[:4])) for o, r in out if r < HEADLINE_RANK and not o.mines]
    for d, rank in out:
        if rank >= HEADLINE_RANK and not d.mines and any(t == d.event_type and set(d.minerals) < m and abs(y - int(d.date[:4])) <= 1
                                                        for t, m, y in body):
            notes.append(f"dropped the headline's {d.event_type} of {', '.join(d.minerals)}: the body tells it with more minerals")
            continue
        if _summed_up(d, detail):
            notes.append(f"dropped a sentence summing up {d.event_type} of {', '.join(d.minerals)}, each told with its "
                         f"figure: {d.evidence[:60]}…")
            continue
        own = set(figures_of(d.amounts))  # a figure no mine draft gives is no summary of them ("1~8월 … 38만6000t" beside
        # the year's "50만t": the seventy-sixth trial found it dropped)
        if not d.mines and not d.candidates and set(d.minerals) <= covered.get(d.event_type, set()) \
                and not (rank < 2 and all(d.date[:4] not in years[(d.event_type, x)] for x in d.minerals)) \
                and not (own and all(not own & told.get((d.event_type, x), set()) for x in d.minerals)):
            notes.append(f"dropped a summary sentence repeating {d.event_type} of "
                         f"{', '.join(d.minerals)}: {d.evidence[:60]}…")
            if rank < 2:
                _date_the_mine_draft(d, out, dated)
            continue
        final.append(d)
    return final, notes


def _first_deliveries(drafts: list[tuple[Draft, int]], notes: list[str], figures_from) -> list[tuple[Draft, int]]:
    """A resumption with no date of its own (rank 2 or more) told just before a trade figure of the same goods dated to a
    day ("… 석탄 도입을 15년 만에 다시 시작했다." then "지난 5일 … 무연탄 1만톤을 들여와"): the figure is the resumption's first
    delivery, not a statistic; the resumption takes its day and its amount, and the figure is not drafted apart, nor
    is a telling of the same figure with no date of its own (a standfirst's "1만톤 도입")."""
    out: list[tuple[Draft, int]] = []
    delivered: set[tuple] = set()
    for d, rank in drafts:
        p, p_rank = out[-1] if out else (None, 0)
        if p is not None and p.event_type == "export_resumed" and p_rank >= 2 and rank < 2 and d.event_type == "trade_figure" \
                and d.date_precision == "day" and d.minerals == p.minerals and set(d.mines) <= set(p.mines) \
                and d.date <= p.date and figures_of(d.amounts):
            p.date, p.date_precision, p.end_date = d.date, d.date_precision, d.end_date
            p.date_basis = f"{d.date_basis.removesuffix(' in the sentence')}, the first delivery the next sentence tells"
            _take_figures(p, d, figures_from)
            out[-1] = (p, rank)
            delivered.add((tuple(d.minerals), tuple(sorted(figures_of(d.amounts)))))
            notes.append(f"merged the first delivery of {'/'.join(d.minerals)} into the resumption before it")
            continue
        out.append((d, rank))
    if not delivered:
        return out
    return [(d, rank) for d, rank in out if not (d.event_type == "trade_figure" and rank >= 2 and not d.mines
                                                 and (tuple(d.minerals), tuple(sorted(figures_of(d.amounts)))) in delivered)]


def _changes_told_again(drafts: list[tuple[Draft, int]], notes: list[str]) -> list[tuple[Draft, int]]:
    """Without a trade figure told only as a per-cent change right after the figure of the same goods ("… 1151만달러를
    기록했다. 6월달의 수입액은 전년동기대비 1.7% 감소한 수치다"): that figure told again, not a figure of 1.7 % (the
    forty-ninth trial had it ticked)."""
    out: list[tuple[Draft, int]] = []
    for d, rank in drafts:
        p = out[-1][0] if out else None
        if p is not None and d.event_type == p.event_type == "trade_figure" and d.minerals == p.minerals \
                and d.mines == p.mines and figures_of(p.amounts) and only_changes(d.evidence, d.amounts):
            notes.append(f"dropped a change of the {'/'.join(d.minerals)} figure just before: {d.evidence[:60]}…")
            continue
        out.append((d, rank))
    return out


def _summed_up(d: Draft, detail: dict[tuple, set[str]]) -> bool:
    """A draft of several minerals and no mine or figure whose minerals are each told, as the same kind of event of
    the same year, by a draft with a figure of its own ("주요 광물의 생산이 지난해 크게 감소", then coal's, iron ore's and
    zinc's output each with its tonnage): the summary of those events, not another."""
    return len(d.minerals) >= 2 and not d.mines and not d.candidates and not figures_of(d.amounts) \
        and set(d.minerals) <= detail.get((d.event_type, d.effect, d.date[:4]), set())


def _headline_figures_told_as_more(out: list[tuple[Draft, int]], notes: list[str]) -> list[tuple[Draft, int]]:
    """Without a headline's trade figure that the body tells as an event of another type, with the same minerals,
    mines, date and amounts as written ("북한, 지난해 1~8월 석탄 약 370만t 수출" over "… 유엔 결의를 무시하고 석탄 약 370만t을
    수출한 것으로 드러났다": the smuggling, told in short). Indexed by its key: linear."""
    def key(d: Draft) -> tuple:
        return tuple(sorted(d.minerals)), tuple(sorted(d.mines)), d.date, d.date_precision, tuple(sorted(figures_of(d.amounts)))

    told = {key(d) for d, rank in out if d.event_type != "trade_figure" and rank < HEADLINE_RANK and figures_of(d.amounts)}
    if not told:
        return out
    kept = []
    for d, rank in out:
        if d.event_type == "trade_figure" and rank >= HEADLINE_RANK and key(d) in told:
            notes.append(f"dropped the headline's figure of {', '.join(d.minerals)}: the body tells it as another event")
            continue
        kept.append((d, rank))
    return kept


def _date_the_mine_draft(d: Draft, out: list[tuple[Draft, int]], dated: dict[int, tuple[str, str]]) -> None:
    """A mineral-only sentence dropped as repeating a mine's draft may date it: "The Musan mine has
    started up again, state media said." "Production of iron concentrate began in earnest on the
    16th." When the mine drafts of the same type and minerals, told in the body (one mine's, or those of the mines one
    sentence lists), have only an indirect date (the next sentence's, the telling's, the context's or the publication's:
    rank 2 to 4; a headline's own date is not replaced) of a near year, and no summary has dated them yet (or only with
    the year this date falls in), they take the sentence's own date, as a merge keeps the most direct date. A sentence
    about other mines ("also rose at other mines on May 3") dates none."""
    if _OTHER_MINES.search(d.evidence):
        return
    near = [o for o, r in out if o.mines and 2 <= r <= 4 and o.event_type == d.event_type and o.effect == d.effect
            and set(d.minerals) <= set(o.minerals) and abs(int(o.date[:4]) - int(d.date[:4])) <= 1]
    if len({o.evidence for o in near}) != 1:  # one mine's draft, or the drafts of the mines one sentence lists
        return
    for o in near:  # not dated yet by a summary, or dated by one less precise that this one's date falls in ('올해', then
        if id(o) in dated and not _finer(d, dated[id(o)]):  # '올해 5월부터')
            continue
        dated[id(o)] = (d.date, d.date_precision)
        o.date, o.date_precision, o.end_date = d.date, d.date_precision, d.end_date
        o.date_basis = f"{d.date_basis.split(';')[0]} of the next telling ({d.evidence[:40]}…)"


def _finer(d: Draft, before: tuple[str, str]) -> bool:
    """Is ``d``'s date a finer one inside the date a summary gave before (a month of that year)?"""
    date, precision = before
    return precision == "year" and d.date_precision in ("month", "day") and d.date[:4] == date[:4]


_OTHER_MINES = re.compile(r"\bother (?:mines|pits|collieries|enterprises)\b|다른\s*(?:광산|탄광|기업소)", re.IGNORECASE)


def _take_figures(kept: Draft, other: Draft, figures_from: dict[int, Draft] | None) -> None:
    """A kept telling with no figure takes the merged telling's ("… 러시아산으로 꾸며져 들어왔다" kept for its date, "이렇게 들어온
    북한산 석탄과 선철은 모두 3만5천여톤" merged into it): the event's amount is the one the report gives it."""
    if figures_from is not None and not figures_of(kept.amounts) and figures_of(other.amounts):
        figures_from[id(kept)] = figures_from.get(id(other), other)
        kept.amounts = list(other.amounts)


_MEASURES_AND_INCIDENTS = ("import_suspension", "export_halt", "sanction")


def _another_incident(d: Draft, other: Draft) -> bool:
    """Two drafts of a halt, a suspension or a ban, one with a figure of its own and the other with none
    or another ("a North Korean coal cargo valued at about $1 million had been turned away", beside China's
    suspension of all coal imports): an incident told beside the measure, not the measure told again. Trade
    figures are compared elsewhere (a headline's figure is often the body's, rounded); the tellings of one
    smuggling case or one mine's output give each their own figures (tonnes here, dollars there)."""
    if d.event_type not in _MEASURES_AND_INCIDENTS:
        return False
    if cargo_back(d.evidence) != cargo_back(other.evidence):
        return True  # cargoes ordered back beside the stop of all imports: an incident of the measure, not it again
    mine, theirs = set(figures_of(d.amounts)), set(figures_of(other.amounts))
    return mine != theirs and bool(mine or theirs)


def drop_exact_repeats(drafts: list[Draft]) -> list[Draft]:
    """The drafts, each (type, mines, minerals, date, precision, and a figure's end date) once: the first is kept, unless a later one
    gives a figure it lacks (a headline's "140% 증가" beside the body's "8604만 달러" of the same half-year: the
    forty-ninth trial's half-year figure was the headline's per cent, and its first quarter, of the same start, lost)."""
    at: dict[tuple, int] = {}
    out: list[Draft] = []
    for d in drafts:
        key = (d.event_type, tuple(d.mines), tuple(d.minerals), d.date, d.date_precision,
               d.end_date if d.event_type == "trade_figure" else "")  # (a measure told with and without its end: one)
        if key not in at:
            at[key] = len(out)
            out.append(d)
        elif _figured(d) and not _figured(out[at[key]]):
            out[at[key]] = d
    return out


def _figured(d: Draft) -> bool:
    return d.value_usd is not None or (d.quantity is not None and not is_share(d.unit))
