"""Text search over events (geo/rules/search.py) and as a shared filter (Filters.text, q= in links)."""

import numpy as np
import pandas as pd
import pytest

from geo.rules.filters import Filters
from geo.rules.search import MAX_QUERY, fold, query_terms, text_mask


def _events(ds, query):
    return set(ds.view[text_mask(ds.view, query)]["event_id"])


def test_every_word_must_appear_in_title_summary_or_source(ds):
    assert _events(ds, "musan HALT") == {"musan-molybdenum-halt-2017"}  # title words, any case
    by_source = _events(ds, "Radio Free Asia")
    assert by_source == set(ds.view[ds.view["source_publisher"].str.contains("Radio Free Asia")]["event_id"])
    summary_word = ds.view["description"].dropna().iloc[0].split()[-1].strip(".,")
    assert ds.view["description"].dropna().iloc[0] and _events(ds, summary_word)
    assert _events(ds, "musan zzzz") == set()


def test_case_accents_and_apostrophes_are_folded():
    assert fold("Tanch'ŏn MINE") == "tanchon mine"
    assert query_terms('  "Coal  Exports" Ŏ ') == ["coal exports", "o"]
    view = pd.DataFrame({"event_id": ["a", "b"], "title": ["Hoeryŏng cobalt", "Musan"], "description": ["", ""],
                         "source_publisher": ["x", "y"], "source_title": ["", ""]})
    assert list(text_mask(view, "hoeryong")) == [True, False]


def test_a_blank_query_keeps_everything_and_a_long_one_is_cut(ds):
    assert text_mask(ds.view, "").all() and text_mask(ds.view, None).all() and text_mask(ds.view, "   ").all()
    assert len(Filters(text="x" * 1000).text) == MAX_QUERY


def test_every_row_of_a_matching_event_is_kept(ds):
    mask = text_mask(ds.view, "molybdenum")
    hit = set(ds.view[mask]["event_id"])
    assert np.array_equal(mask, ds.view["event_id"].isin(hit).to_numpy())


def test_search_is_a_filter_that_round_trips_through_the_link(ds):
    f = Filters(minerals=["molybdenum"], text="halts")
    assert f.to_query()["q"] == ["halts"]
    back, notices = Filters.from_query(f.to_query(), minerals=list(ds.minerals["mineral_id"]))
    assert back == f and notices == []
    assert f.describe() == "molybdenum, matching “halts”"
    assert set(f.apply(ds.view)["event_id"]) == {"musan-molybdenum-halt-2017"}


@pytest.mark.parametrize("query", ["<script>", "a.*b", "zz(", "%%", "'; DROP"])
def test_odd_queries_are_text_not_patterns(ds, query):
    assert _events(ds, query) == set()
