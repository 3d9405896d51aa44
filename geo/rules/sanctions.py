"""Sanctions overlay: what was banned when, and which events crossed it.

A *measure* is one row of ``sanctions.csv``: a measure id (``UNSCR-2270``), the authority
that took it, the mineral it covers, its action and its dates. The rules:

* **In force.** A measure is in force on day *d* when it was adopted and had taken effect
  on or before *d* (``adopted <= d`` and ``effective <= d``) and *d* is not after its
  ``ends`` date (``ends`` is the last day in force; empty means open-ended).
* **Within one authority the latest measure supersedes.** Of the measures of one authority
  in force on *d* for a mineral, only the one with the latest ``effective`` date counts
  (ties: the later ``adopted``, then the more restrictive). So UNSCR 2321's coal cap
  replaces UNSCR 2270's livelihood exemption from 2017-01-01, and UNSCR 2371's ban replaces
  both from 2017-08-05. A superseded measure is no longer listed as in force.
* **Across authorities the most restrictive applies**, in the order
  ``banned > suspended > capped > exempt > sectoral > unrestricted``; every authority's measure in
  force is listed. E.g. coal on 2017-02-20: UNSCR 2321 caps it, China's own suspension
  (CN-COAL-2017, 2017-02-19 to 2017-12-31) stops it: ``suspended``.
* **Statuses** come from the action: ``ban`` → ``banned``, ``suspension`` → ``suspended``
  (a country's own import suspension), ``cap`` → ``capped``, ``ban_with_exemption`` →
  ``exempt`` (banned except, e.g., for livelihood purposes). No measure → ``unrestricted``.
* **Dated rows** (:func:`annotate`) get the status on their ``date`` (for month and year
  precision, the first day of the period) and the measures in force that day. Because a
  row may refer to any day of its window ``date_start``..``date_end`` (approximate = ±15
  days, month = whole month, or up to ``end_date``), a row whose window holds more than one
  status is flagged ``sanction_uncertain`` and ``sanction_status_range`` spells out the
  statuses in time order, e.g. ``unrestricted → banned``: it is flagged, not silently
  assigned.

Nothing here draws: the chart is :func:`geo.render.charts.sanctions_chart`.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo.model.dataset import Dataset
from geo.model.dates import parse_date

#: Statuses, most restrictive first.
STATUSES = ("banned", "suspended", "capped", "exempt", "sectoral", "unrestricted")
UNRESTRICTED = "unrestricted"
#: Statuses under which trade in the mineral itself is restricted. ``sectoral`` (a US order that
#: lets persons in the sector be designated) is a sanction in force but not a restriction of the
#: trade itself, so it does not mark events and mines as restricted.
RESTRICTED = ("banned", "suspended", "capped", "exempt")
#: The status each action gives.
ACTION_STATUS = {
    "ban": "banned",
    "suspension": "suspended",
    "cap": "capped",
    "ban_with_exemption": "exempt",
    "sectoral": "sectoral",
}
#: Columns :func:`annotate` adds.
ANNOTATION_COLUMNS = ["sanction_status", "sanction_measures", "sanction_uncertain",
                      "sanction_status_range"]
ARROW = " → "

_RANK = {s: i for i, s in enumerate(STATUSES)}  # lower is more restrictive

__all__ = [
    "STATUSES", "RESTRICTED", "ACTION_STATUS", "ANNOTATION_COLUMNS",
    "Measure", "SanctionStatus", "parse_date", "status_on", "format_status",
    "annotate", "timeline", "restricted_rows", "measures_table", "default_span",
]


@dataclass(frozen=True)
class Measure:
    """One measure in force for one mineral."""

    measure_id: str
    authority: str
    authority_group: str
    mineral_id: str
    action: str
    status: str
    adopted: dt.date
    effective: dt.date
    ends: dt.date | None
    note: str
    source_id: str
    source_url: str


@dataclass(frozen=True)
class SanctionStatus:
    """The status of a mineral on a day and the measures in force behind it."""

    mineral_id: str
    date: dt.date
    status: str
    measures: tuple[Measure, ...]

    @property
    def measure_ids(self) -> list[str]:
        return [m.measure_id for m in self.measures]

    @property
    def restricted(self) -> bool:
        return self.status in RESTRICTED


# --------------------------------------------------------------------------- inputs


def _check_mineral(ds: Dataset, mineral_id: str) -> None:
    known = list(ds.minerals["mineral_id"])
    if mineral_id not in known:
        raise ValueError(f"unknown mineral {mineral_id!r}; known: {', '.join(known)}")


def _day(value) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def measures_table(sanctions: pd.DataFrame, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """The sanctions rows with their status, rank and source URL."""
    table = sanctions.copy()
    table["status"] = table["action"].map(ACTION_STATUS).fillna(UNRESTRICTED)
    table["rank"] = table["status"].map(_RANK)
    if "source_url" not in table:
        urls = {} if sources is None else dict(zip(sources["source_id"], sources["url"], strict=True))
        table["source_url"] = table["source_id"].map(lambda s: _text(urls.get(s)))
    for col in ("adopted", "effective", "ends"):
        table[col] = pd.to_datetime(table[col])
    return table


# --------------------------------------------------------------------------- the rule


def _in_force(table: pd.DataFrame, day: pd.Timestamp) -> tuple[str, pd.DataFrame]:
    """Status and the measures in force on ``day`` among ``table`` (one mineral's rows)."""
    live = table[(table["adopted"] <= day) & (table["effective"] <= day)
                 & (table["ends"].isna() | (table["ends"] >= day))]
    if live.empty:
        return UNRESTRICTED, live
    # Within an authority, the latest effective (then latest adopted, then most restrictive) wins.
    live = live.sort_values(["effective", "adopted", "rank"], ascending=[True, True, False], kind="stable")
    current = live.groupby(_authority_key(live), sort=False).tail(1)
    current = current.sort_values(["rank", "effective", "measure_id"], kind="stable")
    return STATUSES[int(current["rank"].min())], current


def _authority_key(table: pd.DataFrame) -> pd.Series:
    """Which authority a measure belongs to: its ``authority_group`` (UN, CN, US) where the
    package has one, else the ``authority`` text."""
    if "authority_group" in table:
        group = table["authority_group"].astype(str)
        return group.where(group != "", table["authority"])
    return table["authority"]


def _to_measure(row) -> Measure:
    return Measure(
        measure_id=row.measure_id, authority=row.authority, mineral_id=row.mineral_id,
        authority_group=str(getattr(row, "authority_group", "") or row.authority),
        action=row.action, status=row.status, adopted=_day(row.adopted),
        effective=_day(row.effective), ends=_day(row.ends), note=_text(row.note),
        source_id=row.source_id, source_url=_text(row.source_url),
    )


def status_on(ds: Dataset, mineral_id: str, date) -> SanctionStatus:
    """The status of ``mineral_id`` on ``date`` and the measures in force; ValueError on bad input."""
    day = parse_date(date)
    _check_mineral(ds, mineral_id)
    table = measures_table(ds.sanctions[ds.sanctions["mineral_id"] == mineral_id], ds.sources)
    status, current = _in_force(table, pd.Timestamp(day))
    return SanctionStatus(mineral_id, day, status,
                          tuple(_to_measure(r) for r in current.itertuples(index=False)))


def format_status(st: SanctionStatus) -> str:
    """The status and one line per measure in force, as the command line prints it."""
    lines = [f"{st.mineral_id} on {st.date.isoformat()}: {st.status}"]
    if not st.measures:
        lines.append("  no measure in force")
    for m in st.measures:
        dates = f"adopted {m.adopted.isoformat()}, effective {m.effective.isoformat()}"
        if m.ends:
            dates += f", ends {m.ends.isoformat()}"
        note = f"  {m.note}" if m.note else ""
        lines.append(f"  {m.measure_id}  {m.action}  {dates}{note}  source: {m.source_url or m.source_id}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- segments


@dataclass(frozen=True)
class _Segments:
    """One mineral's statuses as a step function: segment k starts at ``starts[k-1]``.

    Segment 0 is everything before the first change (nothing in force), so the segment of a
    day is ``searchsorted(starts, day, side="right")``.
    """

    starts: np.ndarray  # datetime64[ns], sorted, unique
    status: np.ndarray  # object, len(starts) + 1
    measures: np.ndarray  # object: ids joined with ';'
    urls: np.ndarray  # object: source URLs joined with ' '
    change: np.ndarray  # int: number of status changes up to each segment


def _segments(table: pd.DataFrame) -> _Segments:
    """Segments of one mineral's measures (``table`` from :func:`_measures_table`)."""
    points = set(table["effective"].dropna()) | set(table["adopted"].dropna())
    points |= {e + pd.Timedelta(days=1) for e in table["ends"].dropna()}
    starts = sorted(pd.Timestamp(p) for p in points)
    status, measures, urls = [UNRESTRICTED], [""], [""]
    for day in starts:
        s, current = _in_force(table, day)
        status.append(s)
        measures.append(";".join(current["measure_id"]))
        urls.append(" ".join(dict.fromkeys(u for u in current["source_url"] if u)))
    change = np.concatenate([[0], np.cumsum([a != b for a, b in zip(status, status[1:], strict=False)])])
    return _Segments(np.array(starts, dtype="datetime64[ns]"), np.array(status, dtype=object),
                     np.array(measures, dtype=object), np.array(urls, dtype=object),
                     change.astype(int))


#: Segments per dataset, computed once: a dataset's measures never change (frames are read-only).
_DATASET_SEGMENTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _dataset_segments(ds: Dataset) -> dict[str, _Segments]:
    """:func:`_all_segments` of a dataset's measures with their source URLs, cached per dataset
    (the timeline and trade charts ask for them on every rerun)."""
    cached = _DATASET_SEGMENTS.get(ds)
    if cached is None:
        cached = _DATASET_SEGMENTS[ds] = _all_segments(ds.sanctions, ds.sources)
    return cached


def _all_segments(sanctions: pd.DataFrame, sources: pd.DataFrame | None = None) -> dict[str, _Segments]:
    table = measures_table(sanctions, sources)
    return {m: _segments(t) for m, t in table.groupby("mineral_id", sort=True)}


def _range_text(seg: _Segments, first: int, last: int) -> str:
    seen: list[str] = []
    for s in seg.status[first:last + 1]:
        if not seen or seen[-1] != s:
            seen.append(s)
    return ARROW.join(seen)


def annotate(view: pd.DataFrame, sanctions: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``view`` with the sanction columns (see the module docstring).

    ``sanction_status`` and ``sanction_measures`` (ids joined with ';') hold on the row's
    ``date``; ``sanction_uncertain`` is true when the status changes within
    ``date_start``..``date_end``, and ``sanction_status_range`` then lists the statuses in
    time order ("" otherwise). Vectorised per mineral; rows without a date get "".
    """
    out = view.copy()
    n = len(out)
    status = np.full(n, UNRESTRICTED, dtype=object)
    measures = np.full(n, "", dtype=object)
    uncertain = np.zeros(n, dtype=bool)
    ranges = np.full(n, "", dtype=object)
    if n:
        segments = _all_segments(sanctions)
        minerals = out["mineral_id"].to_numpy()
        date = out["date"].to_numpy(dtype="datetime64[ns]")
        start = out["date_start"].to_numpy(dtype="datetime64[ns]") if "date_start" in out else date
        end = out["date_end"].to_numpy(dtype="datetime64[ns]") if "date_end" in out else date
        for mineral, seg in segments.items():
            idx = np.flatnonzero(minerals == mineral)
            if not idx.size:
                continue
            at = np.searchsorted(seg.starts, date[idx], side="right")
            lo = np.searchsorted(seg.starts, start[idx], side="right")
            hi = np.searchsorted(seg.starts, end[idx], side="right")
            lo, hi = np.minimum(lo, at), np.maximum(hi, at)
            status[idx] = seg.status[at]
            measures[idx] = seg.measures[at]
            moved = seg.change[hi] != seg.change[lo]
            uncertain[idx] = moved
            if moved.any():
                pairs = np.unique(np.stack([lo[moved], hi[moved]], axis=1), axis=0)
                text = {(a, b): _range_text(seg, a, b) for a, b in pairs.tolist()}
                ranges[idx[moved]] = [text[(a, b)] for a, b in zip(lo[moved].tolist(), hi[moved].tolist(), strict=True)]
        undated = np.isnat(date)
        status[undated] = ""
        measures[undated] = ""
        uncertain[undated] = False
        ranges[undated] = ""
    out["sanction_status"] = pd.Series(status, index=out.index, dtype="str")
    out["sanction_measures"] = pd.Series(measures, index=out.index, dtype="str")
    out["sanction_uncertain"] = pd.Series(uncertain, index=out.index, dtype=bool)
    out["sanction_status_range"] = pd.Series(ranges, index=out.index, dtype="str")
    return out


def restricted_rows(ds: Dataset, rows: pd.DataFrame | None = None, *,
                    include_uncertain: bool = True) -> pd.DataFrame:
    """The rows (default: the whole view) whose mineral was restricted on the event date.

    Annotated as by :func:`annotate`. With ``include_uncertain`` (the default), a row whose
    window may fall under a restriction (``sanction_uncertain``) is kept too.
    """
    rows = ds.view if rows is None else rows
    has_columns = all(c in rows for c in ANNOTATION_COLUMNS)
    annotated = rows if has_columns else annotate(rows, ds.sanctions)
    keep = annotated["sanction_status"].isin(RESTRICTED)
    if include_uncertain:  # the date window spans a change to or from a restriction
        spans = annotated["sanction_status_range"].astype(str).str.contains("|".join(RESTRICTED), regex=True)
        keep |= annotated["sanction_uncertain"].astype(bool) & spans
    return annotated[keep]


# --------------------------------------------------------------------------- timeline & chart


def default_span(ds: Dataset) -> tuple[pd.Timestamp, pd.Timestamp]:
    days = [ds.view["date_start"].min(), ds.view["date_end"].max(),
            ds.sanctions["adopted"].min(), ds.sanctions["effective"].max(), ds.sanctions["ends"].max()]
    days = [pd.Timestamp(d) for d in days if not pd.isna(d)]
    if not days:
        year = pd.Timestamp.today().year
        return pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31)
    return pd.Timestamp(min(days).year, 1, 1), pd.Timestamp(max(days).year, 12, 31)


def timeline(ds: Dataset, start=None, end=None, minerals=None) -> pd.DataFrame:
    """Intervals of status per mineral between ``start`` and ``end`` (inclusive days).

    One row per mineral and stretch of constant status and measures: ``mineral_id``,
    ``mineral_name``, ``status``, ``start``, ``end`` (last day), ``until`` (the day after,
    for drawing), ``measure_ids`` (';'), ``source_urls`` (' '), ``href`` (the first source
    URL). Defaults: every mineral, from the first to the last year the data touches.
    """
    span = default_span(ds)
    lo = pd.Timestamp(parse_date(start)) if start is not None else span[0]
    hi = pd.Timestamp(parse_date(end)) if end is not None else span[1]
    if lo > hi:
        raise ValueError("the timeline starts after it ends")
    ids = list(ds.minerals["mineral_id"]) if minerals is None else list(minerals)
    for m in ids:
        _check_mineral(ds, m)
    segments = _dataset_segments(ds)
    empty = _Segments(np.array([], dtype="datetime64[ns]"), np.array([UNRESTRICTED], dtype=object),
                      np.array([""], dtype=object), np.array([""], dtype=object), np.array([0]))
    records = []
    one = pd.Timedelta(days=1)
    for m in ids:
        seg = segments.get(m, empty)
        bounds = [pd.Timestamp(s) for s in seg.starts]
        for k in range(len(seg.status)):
            s0 = bounds[k - 1] if k else pd.Timestamp.min
            s1 = bounds[k] - one if k < len(bounds) else pd.Timestamp.max
            a, b = max(s0, lo), min(s1, hi)
            if a > b:
                continue
            prev = records[-1] if records else None
            if (prev and prev["mineral_id"] == m and prev["status"] == seg.status[k]
                    and prev["measure_ids"] == seg.measures[k] and prev["end"] + one == a):
                prev["end"], prev["until"] = b, b + one
                continue
            urls = seg.urls[k]
            records.append({
                "mineral_id": m, "mineral_name": ds.mineral_name(m), "status": seg.status[k],
                "start": a, "end": b, "until": b + one, "measure_ids": seg.measures[k],
                "source_urls": urls, "href": urls.split(" ")[0] if urls else "",
            })
    cols = ["mineral_id", "mineral_name", "status", "start", "end", "until", "measure_ids",
            "source_urls", "href"]
    return pd.DataFrame.from_records(records, columns=cols)
