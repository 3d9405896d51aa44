"""How a date and its span read in the timeline's table and the exports (geo.model.dates)."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.model.dates import date_label, date_labels

T = pd.Timestamp


@pytest.mark.parametrize(("date", "precision", "end", "expected"), [
    ("2016-01-01", "year", "2016-12-31", "2016"),  # the fifty-ninth trial read "2016 – 2016"
    ("2016-01-01", "year", "2017-12-31", "2016 – 2017"),
    ("2016-03-01", "month", "2016-03-31", "Mar 2016"),
    ("2016-03-01", "month", "2016-05-31", "Mar 2016 – May 2016"),
    ("2016-03-05", "day", "2016-03-05", "5 Mar 2016"),
    ("2016-03-15", "day", "2016-03-05", "15 Mar 2016 – 5 Mar 2016"),  # (a day ending in the same digit is another day)
    ("2016-03-05", "approximate", "2016-03-05", "c. 5 Mar 2016"),
    ("2016-03-05", "approximate", "2016-04-05", "c. 5 Mar 2016 – 5 Apr 2016"),
    ("2016-03-05", "day", None, "5 Mar 2016"),
])
def test_a_span_within_its_one_unit_reads_as_that_unit(date, precision, end, expected):
    assert date_label(T(date), precision, T(end) if end else None) == expected
    vector = date_labels(pd.Series([date]), pd.Series([precision]), pd.Series([end]))
    assert list(vector) == [expected]  # the columns' labels read the same
