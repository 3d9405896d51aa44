"""Trade series: the figures of ``trade.csv`` as dated spans with their sources.

What the figures are: China's recorded imports from North Korea (mirror data), as sources
state them, one row per figure. The rules:

* **Spans, not points.** A ``month`` row covers that month, a ``year`` row that year, a
  ``range`` row its first to its last month (``period``..``period_end``), whole months. Each
  row keeps its own span: an annual or a Jan–Sep figure is never spread over months.
* **Absent, never filled.** A month no source reports has no row; nothing is interpolated.
  A zero is a row whose source says there was no trade.
* **One reporter at a time.** A series holds one ``reporter`` (default ``CN``: China customs).
  ``CN-port`` rows are port subtotals and are never mixed into ``CN``; UN 1718 Committee,
  KOTRA and OEC figures are their own reporters.
* **Conflicts are flagged, both kept.** Rows that disagree about one period share a
  ``conflict_group``; each is flagged and names the others (whatever their reporter).
* **Measures.** ``quantity`` is ``quantity_t`` (metric tonnes), ``value`` is ``value_usd``;
  a row without the chosen measure is not part of that series.

Nothing here draws: the chart is :mod:`geo.render.trade_chart`.
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Iterable

import pandas as pd

from geo.model.dataset import Dataset
from geo.model.dates import parse_date

#: Measure name → (column, unit shown).
MEASURES = {"quantity": ("quantity_t", "t"), "value": ("value_usd", "USD")}
MEASURE_LABELS = {"quantity": "Quantity (tonnes)", "value": "Value (US$)"}
#: Reporter codes (the enum of trade.reporter) and what each means.
REPORTERS = {
    "CN": "China customs (GACC), directly or through a compiler: China's recorded imports",
    "CN-port": "one Chinese port's subtotal (not a national total; never added to CN)",
    "UN-1718": "UN 1718 Committee, from member-state reports (importer not named)",
    "KOTRA": "KOTRA's figure of North Korea's exports (all of which went to China)",
    "OEC": "the Observatory of Economic Complexity",
}
DEFAULT_REPORTER = "CN"
QUALIFIER_WORDS = {"exact": "", "approximate": "about ", "at_least": "at least ", "at_most": "at most "}

#: Columns of :func:`trade_table` (and of :func:`series`, which adds ``value`` and ``unit_shown``).
TABLE_COLUMNS = [
    "trade_id", "mineral_id", "mineral_name", "period", "period_precision", "period_end",
    "start", "end", "until", "period_text", "period_label", "reporter", "partner", "flow", "hs_code",
    "quantity", "unit", "quantity_t", "value_usd", "amount_qualifier",
    "source_id", "source_publisher", "source_title", "source_url", "source_published",
    "conflict_group", "conflict", "conflicts_with", "note",
]

__all__ = ["MEASURES", "REPORTERS", "DEFAULT_REPORTER", "TABLE_COLUMNS", "measure_column", "period_spans",
           "trade_table", "series", "format_amount", "format_series"]


def measure_column(measure: str) -> str:
    """``quantity``/``value`` (or the column names themselves) → the column; ValueError otherwise."""
    for name, (col, _unit) in MEASURES.items():
        if measure in (name, col):
            return col
    raise ValueError(f"unknown measure {measure!r}; use quantity or value")


def _measure_name(measure: str) -> str:
    col = measure_column(measure)
    return next(name for name, (c, _u) in MEASURES.items() if c == col)


def _minerals(ds: Dataset, minerals: Iterable[str] | str | None) -> list[str]:
    known = list(ds.minerals["mineral_id"])
    if minerals is None:
        return known
    ids = [minerals] if isinstance(minerals, str) else list(minerals)
    for m in ids:
        if m not in known:
            raise ValueError(f"unknown mineral {m!r}; known: {', '.join(known)}")
    return ids or known


def _day(value, name: str) -> pd.Timestamp | None:
    if value is None or value == "":
        return None
    try:
        return pd.Timestamp(parse_date(value))
    except ValueError as err:
        raise ValueError(f"{name}: {err}") from None


def period_spans(trade: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """First and last day of each row's period (month, year, or range of whole months)."""
    period = trade["period"].astype(str)
    precision = trade["period_precision"].astype(str)
    year_only = precision.eq("year")
    first_month = (period + "-01").where(~year_only, period + "-01-01")
    last_month = trade["period_end"].astype(str).where(precision.eq("range"), period)
    last_month = (last_month + "-01").where(~year_only, period + "-12-01")
    start = pd.to_datetime(first_month, format="%Y-%m-%d")
    end = pd.to_datetime(last_month, format="%Y-%m-%d") + pd.offsets.MonthEnd(0)
    return start, end


def _labels(table: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """ISO text (``2017-03``, ``2016``, ``2011-01/2011-09``) and a reader's label."""
    precision = table["period_precision"]
    iso = table["period"].where(precision.ne("range"), table["period"] + "/" + table["period_end"])
    start, end = table["start"], table["end"]
    month = start.dt.strftime("%b %Y")
    same_year = start.dt.year.eq(end.dt.year)
    span = (start.dt.strftime("%b").where(same_year, month) + "–" + end.dt.strftime("%b %Y"))
    label = month.where(precision.eq("month"), span.where(precision.eq("range"), start.dt.strftime("%Y")))
    return iso, label


def trade_table(ds: Dataset, minerals: Iterable[str] | str | None = None, since=None, until=None,
                reporter: str | None = None) -> pd.DataFrame:
    """Trade rows of ``minerals`` (default all) whose period overlaps ``since``..``until``,
    of one ``reporter`` (None: every reporter), with spans, labels, sources and conflicts.

    ValueError with a clear message for an unknown mineral or reporter or a bad date.
    """
    ids = _minerals(ds, minerals)
    lo, hi = _day(since, "since"), _day(until, "until")
    if lo is not None and hi is not None and lo > hi:
        raise ValueError("since is after until")
    if reporter is not None and reporter not in REPORTERS:
        raise ValueError(f"unknown reporter {reporter!r}; known: {', '.join(REPORTERS)}")
    table = _enriched(ds)
    if table.empty:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    table = table[table["mineral_id"].isin(ids)]
    if table.empty:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    keep = pd.Series(True, index=table.index)
    if reporter is not None:
        keep &= table["reporter"].eq(reporter)
    if lo is not None:
        keep &= table["end"] >= lo
    if hi is not None:
        keep &= table["start"] <= hi
    table = table[keep].sort_values(["mineral_id", "start", "end", "reporter", "trade_id"], kind="stable")
    return table[TABLE_COLUMNS].reset_index(drop=True)


_ENRICHED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _enriched(ds: Dataset) -> pd.DataFrame:
    """Every trade row with its span, labels, mineral name, source and conflicts: worked out once
    per loaded dataset (the pages ask for it on every rerun; a dataset is never changed)."""
    cached = _ENRICHED.get(ds)
    if cached is not None:
        return cached
    table = ds.trade.copy()
    if not table.empty:
        table["start"], table["end"] = period_spans(table)
        table["until"] = table["end"] + pd.Timedelta(days=1)
        table["period_text"], table["period_label"] = _labels(table)
        table["mineral_name"] = table["mineral_id"].map(ds.mineral_name)
        src = ds.sources[["source_id", "publisher", "title", "url", "published"]].rename(columns={
            "publisher": "source_publisher", "title": "source_title", "url": "source_url",
            "published": "source_published"})
        table = table.merge(src, on="source_id", how="left", validate="many_to_one")
        table["conflict"] = table["conflict_group"].astype(str).ne("")
        table["conflicts_with"] = _conflicts_with(table)
    _ENRICHED[ds] = table
    return table


def _conflicts_with(table: pd.DataFrame) -> pd.Series:
    """For each row in a conflict group: the other rows of the group, with reporter and figures."""
    out = pd.Series("", index=table.index, dtype=object)
    for _group, rows in table[table["conflict"]].groupby("conflict_group", sort=False):
        for i in rows.index:
            others = [f"{r.trade_id} ({r.reporter}: {_figures(r)})" for r in rows.drop(index=i).itertuples()]
            out[i] = "; ".join(others)
    return out


def _figures(row) -> str:
    parts = []
    if not pd.isna(row.quantity_t):
        parts.append(format_amount(row.quantity_t, "quantity", row.amount_qualifier))
    if not pd.isna(row.value_usd):
        parts.append(format_amount(row.value_usd, "value", row.amount_qualifier))
    return ", ".join(parts) or "no figure"


def series(ds: Dataset, minerals: Iterable[str] | str | None, measure: str = "quantity",
           reporter: str = DEFAULT_REPORTER, since=None, until=None) -> pd.DataFrame:
    """The points of one measure for ``minerals`` and one reporter: one row per figure, with its
    span (``start``..``end``, ``until`` the day after), precision, ``value``, qualifier, source
    and conflict flag. Months no source reports are absent. ValueError on bad input."""
    col = measure_column(measure)
    if reporter is None:
        raise ValueError("a series needs one reporter (CN-port subtotals are never mixed with CN)")
    table = trade_table(ds, minerals, since, until, reporter)
    table = table[table[col].notna()].copy()
    table["value"] = table[col].astype(float)
    table["measure"] = _measure_name(measure)
    table["unit_shown"] = MEASURES[_measure_name(measure)][1]
    return table.reset_index(drop=True)


def format_amount(value: float, measure: str, qualifier: str = "exact") -> str:
    """``about 1,230,000 t``, ``$97,600,000``: the figure with its unit and hedge."""
    number = float(value)
    text = f"{number:,.0f}" if number.is_integer() else f"{number:,.3f}".rstrip("0").rstrip(".")
    text = f"{text} t" if _measure_name(measure) == "quantity" else f"${text}"
    return QUALIFIER_WORDS.get(qualifier, "") + text


def format_series(points: pd.DataFrame, mineral_name: str, measure: str, reporter: str,
                  since: dt.date | None = None, until: dt.date | None = None) -> str:
    """The series as the command line prints it: a header, then one line per figure."""
    period = f"{since or '…'} to {until or '…'}" if (since or until) else "all periods"
    what = "quantity in tonnes" if _measure_name(measure) == "quantity" else "value in US dollars"
    lines = [f"{mineral_name} from North Korea, {what}, reporter {reporter} ({REPORTERS[reporter]}), "
             f"{period}: {len(points)} figure(s)"]
    for r in points.itertuples(index=False):
        source = f"{r.source_publisher} {r.source_url}".strip() if isinstance(r.source_url, str) else r.source_publisher
        line = (f"  {r.period_text:<16} {format_amount(r.value, measure, r.amount_qualifier):<22} "
                f"[{r.period_precision}]  source: {source}")
        if r.conflict:
            line += f"  CONFLICT {r.conflict_group}: also {r.conflicts_with or 'rows of other reporters'}"
        lines.append(line)
    lines.append("  (a period without a line: no source found, not zero; ranges and years are not spread over months)")
    return "\n".join(lines)
