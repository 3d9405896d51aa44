"""The date of a reviewed row as the record keeps it for its precision (data/README.md: a month on its first day, a
year on 1 January): what the reviewer set, made to fit, or why it does not."""

from __future__ import annotations


def stored_date(day: str, precision: str) -> str:
    """The date as the record stores it for its precision (data/README.md): a month on its first day, a
    year on 1 January ("2019-10-25" at month precision is "2019-10-01"); a day or an approximate date as
    it is. A date that is not YYYY-MM-DD is left for the check that reports it. Applied when the reviewer
    sets a row's precision and leaves its date (a date typed with the precision left: :func:`typed_precision`; both
    set and at odds: :func:`misfit_date`)."""
    if len(day) != 10 or precision not in ("month", "year"):
        return day
    return day[:8] + "01" if precision == "month" else day[:5] + "01-01"


def typed_precision(day: str, precision: str) -> str:
    """The precision of a date the reviewer typed on a row and whose precision they left: finer when the
    date is finer than the row's ("2014-06-01" typed on a year row is June 2014, month; "2014-06-15" a day),
    so that the record never keeps a day its precision says it does not know; else the row's."""
    if len(day) != 10 or precision not in ("month", "year") or stored_date(day, precision) == day:
        return precision
    return "day" if day[8:] != "01" else "month"


def fitted(day: str, precision: str, base_day: str, base_precision: str) -> tuple[str, str]:
    """A reviewed row's (date, precision) as Apply stores them, from the drafted ones: a precision set anew moves the
    drafted date to its first day (:func:`stored_date`); a date typed with the precision left makes the precision as
    fine as the date (:func:`typed_precision`); else as set."""
    if day == base_day and precision != base_precision:
        return stored_date(day, precision), precision
    if day != base_day and precision == base_precision:
        return day, typed_precision(day, precision)
    return day, precision


def misfit_date(day: str, precision: str, base_day: str, base_precision: str) -> list[str]:
    """Why a row's date does not fit its precision when the reviewer set both ("2018-03-14" on a row they set to year:
    the record keeps a year on 1 January); [] when it fits, or when one of the two was left as drafted (the rules
    above then fit it)."""
    if day == base_day or precision == base_precision or stored_date(day, precision) == day:
        return []
    return [f"a {precision} date is kept on its first day: write {stored_date(day, precision)}, or choose day precision"]
