"""Fuzz tests (Hypothesis) of the text and CSV paths (issue 13): whatever the text, the Markdown
escaper leaves no markup and loses nothing, the formula neutraliser catches every formula a
spreadsheet would run and nothing else, the CSV export reads back cell for cell, the CSV reader
and URL parsing never raise, and work stays linear in the size of the input."""

from __future__ import annotations

import csv
import io
import re

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo.io.export import csv_bytes
from geo.io.formulas import _LEAD, SIGNS, neutralise, neutralise_column
from geo.package.problems import Problem
from geo.package.read import read_csv
from geo.render.text import WJ, md_escape, md_plain
from geo.rules.filters import DATE_BOUNDS, Filters

FAST = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: Text rich in what matters: Markdown and formula signs, blanks, quotes, line breaks, any Unicode.
MARKUPISH = st.lists(st.one_of(st.sampled_from(list("[]()!<>:$*_`#|~\\@=+-.&^ \t\n\r\"'/")
                                               + ["http://", "www.", ":material/", "\u00a0", "\u200b", "\uff1d",
                                                  "\ufeff", "\u2060", "[x](http://e.x/)", "![i](http://e.x/a.png)"]),
                                st.characters()), max_size=40).map("".join)


@FAST
@given(MARKUPISH)
def test_md_escape_leaves_no_markup_and_loses_nothing(text):
    out = md_escape(text)
    assert md_plain(out) == re.sub(r"[\r\n\u2028\u2029\x0b\x0c]+", " ", text).replace(WJ, "")
    assert "\n" not in out and "\r" not in out
    # every character of MARKUP is escaped wherever it is
    assert not re.search(r"(?<!\\)[\[\]<>$`*_#|~]", out.replace("\\\\", ""))
    assert not re.search(r"(?i)https?://|www\.", out)  # no bare address for GFM to link


@FAST
@given(st.text(alphabet=st.sampled_from(list(_LEAD[:40]) + [" ", "\u00a0", "\u200b", '"', "'", "\n"]), max_size=6),
       st.sampled_from(list(SIGNS)), st.text(max_size=20))
def test_every_formula_behind_any_blanks_is_neutralised(lead, sign, rest):
    cell = lead + sign + rest
    assert neutralise(cell) == "'" + cell
    assert neutralise_column(pd.Series([cell, "plain"])).tolist() == ["'" + cell, "plain"]


@FAST
@given(st.lists(st.text(max_size=30), min_size=1, max_size=20))
def test_the_column_neutraliser_agrees_with_the_cell_one(cells):
    assert neutralise_column(pd.Series(cells, dtype=object)).tolist() == [neutralise(c) for c in cells]


@FAST
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30),
                min_size=1, max_size=20))
def test_csv_export_reads_back_cell_for_cell(cells):
    column = neutralise_column(pd.Series(cells, dtype=object).astype("str"))
    data = csv_bytes({"text": column})
    back = [row[0] for row in list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))[1:]]
    assert back == column.tolist()


@FAST
@given(st.text(max_size=400))
def test_the_csv_reader_never_raises(text):
    problems: list[Problem] = []
    read_csv(text, "x.csv", problems)
    assert all(p.file == "x.csv" for p in problems)


@FAST
@given(st.dictionaries(st.sampled_from(["mineral", "type", "province", "since", "until", "confidence", "x"]),
                       st.lists(st.text(max_size=30), max_size=3)))
def test_url_parsing_never_raises_and_keeps_dates_in_range(params):
    f, notices = Filters.from_query(params, minerals=["coal"], event_types=["export_halt"])
    lo, hi = DATE_BOUNDS
    assert all(d is None or lo <= d <= hi for d in (f.since, f.until))
    assert all(len(n) < 300 for n in notices)


def test_escaping_and_neutralising_are_linear():
    """Work on untrusted text is linear: a 5 MB pathological string is escaped and checked at
    about the speed of a 50 KB one, times 100 (counted in regex steps, not timed: no backtracking)."""
    nasty = (":" * 10 + "\u200b" * 10 + "[" * 10) * 170_000
    assert len(md_plain(md_escape(nasty))) == len(nasty)
    assert neutralise(" " * 5_000_000 + "x") == " " * 5_000_000 + "x"
