"""Dates with precision, written once: parsing ISO days, the window a dated row may refer to,
and the label a reader sees ("c. 20 Feb 2017", "Oct 2019", "2016")."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

#: Half-width, in days, of the window an "approximate" date stands for ("around Feb. 20").
APPROX_DAYS = 15


def parse_date(value) -> dt.date:
    """A day from 'YYYY-MM-DD', a date or a Timestamp; ValueError with a clear message otherwise."""
    if isinstance(value, pd.Timestamp):
        if pd.isna(value):
            raise ValueError("no date given")
        return value.date()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def date_window(date: pd.Series, precision: pd.Series, end: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The earliest and latest day each dated row may refer to, honouring its precision."""
    start = date.copy()
    stop = date.copy()
    month = precision.eq("month")
    year = precision.eq("year")
    approx = precision.eq("approximate")
    stop = stop.where(~month, date + pd.offsets.MonthEnd(0))
    stop = stop.where(~year, date + pd.offsets.YearEnd(0))
    start = start.where(~approx, date - pd.Timedelta(days=APPROX_DAYS))
    stop = stop.where(~approx, date + pd.Timedelta(days=APPROX_DAYS))
    has_end = end.notna()
    stop = stop.where(~has_end, np.maximum(stop, end.where(has_end, stop)))
    return start, stop


def date_label(date: pd.Timestamp, precision: str, end: pd.Timestamp | None = None) -> str:
    """A date as a reader should see it: '20 Feb 2017 (approx.)', 'Oct 2019', '2016'."""
    if pd.isna(date):
        return ""
    if precision == "month":
        text = date.strftime("%b %Y")
    elif precision == "year":
        text = date.strftime("%Y")
    elif precision == "approximate":
        text = f"c. {date.day} {date.strftime('%b %Y')}"
    else:
        text = f"{date.day} {date.strftime('%b %Y')}"
    if end is not None and not pd.isna(end):
        if precision == "month":
            tail = end.strftime("%b %Y")
        elif precision == "year":
            tail = end.strftime("%Y")
        else:
            tail = f"{end.day} {end.strftime('%b %Y')}"
        if text.removeprefix("c. ") != tail:  # not "2016 – 2016": a span within its one unit is that unit
            text += f" – {tail}"
    return text


def date_labels(date: pd.Series, precision: pd.Series, end: pd.Series) -> pd.Series:
    """:func:`date_label` for whole columns at once (same text, vectorised)."""
    date, end = pd.to_datetime(date), pd.to_datetime(end)
    precision = precision.astype(str)

    def day_month_year(d: pd.Series) -> pd.Series:
        return d.dt.day.astype("Int64").astype(str) + " " + d.dt.strftime("%b %Y")

    text = day_month_year(date)
    text = text.where(precision.ne("approximate"), "c. " + text)
    text = text.where(precision.ne("month"), date.dt.strftime("%b %Y"))
    text = text.where(precision.ne("year"), date.dt.strftime("%Y"))
    tail = " – " + day_month_year(end)
    tail = tail.where(precision.ne("month"), " – " + end.dt.strftime("%b %Y"))
    tail = tail.where(precision.ne("year"), " – " + end.dt.strftime("%Y"))
    has_end = end.notna() & date.notna() & (tail.str[3:] != text.str.removeprefix("c. "))  # (not "2016 – 2016")
    text = text.where(~has_end, text + tail)
    return text.where(date.notna(), "").astype(str)
