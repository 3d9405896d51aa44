"""The filter value object: what it keeps, how it describes itself, how it round-trips a URL."""

import datetime as dt

import pytest

from geo.rules.filters import Filters, showing, vocabularies


def _events(ds, f):
    return set(f.apply(ds.view)["event_id"])


@pytest.mark.parametrize("filters, expected", [
    (Filters(minerals=["molybdenum"]), {"musan-molybdenum-halt-2017", "yonghwa-molybdenum-halt-2017"}),
    (Filters(minerals=["cobalt", "molybdenum"]),
     {"musan-molybdenum-halt-2017", "yonghwa-molybdenum-halt-2017", "hoeryeong-cobalt-halt-2017"}),
    (Filters(event_types=["investment_offer"]), {"cholsan-solar-offer-2019"}),
    (Filters(provinces=["North Pyongan"]), {"cholsan-solar-offer-2019"}),
    (Filters(mines=["hyesan"]), {"hyesan-halt-2017"}),
    (Filters(min_confidence="official"), {"unscr-2270-adopted", "unscr-2321-coal-cap"}),
    (Filters(min_confidence="corroborated"), {"unscr-2270-adopted", "unscr-2321-coal-cap", "china-coal-suspension-2017"}),
    (Filters(since="2019-01-01"), {"cholsan-solar-offer-2019"}),
    (Filters(minerals=["coal"], until="2016-12-31"), {"china-coal-imports-2016", "unscr-2321-coal-cap"}),
    (Filters(minerals=["molybdenum"], since="2018-01-01"), set()),
])
def test_apply_keeps_exactly_the_matching_events(ds, filters, expected):
    assert _events(ds, filters) == expected


def test_an_approximate_date_matches_a_range_it_may_fall_in(ds):
    # "from around Feb. 20" may have been 10 Feb: a filter ending 10 Feb keeps it.
    f = Filters(minerals=["cobalt"], since="2017-02-01", until="2017-02-10")
    assert _events(ds, f) == {"hoeryeong-cobalt-halt-2017"}
    # ...but a day-precision event on 2 Mar 2017 is not in that range.
    assert "musan-iron-continued-2017" not in _events(ds, Filters(since="2017-02-01", until="2017-02-10"))


def test_a_period_event_matches_any_overlapping_range(ds):
    # China's coal suspension runs 18 Feb – 31 Dec 2017.
    assert "china-coal-suspension-2017" in _events(ds, Filters(since="2017-11-01", until="2017-11-30"))


def test_empty_filter_keeps_everything(ds):
    assert len(Filters().apply(ds.view)) == len(ds.view)
    assert Filters().is_empty


@pytest.mark.parametrize("filters, words", [
    (Filters(minerals=["molybdenum", "cobalt"], since="2017-01-01", until="2017-12-31",
             min_confidence="corroborated"), "molybdenum and cobalt, 2017, corroborated or better"),
    (Filters(), "all events"),
    (Filters(minerals=["rare_earths"]), "rare earths"),
    (Filters(event_types=["export_halt", "import_suspension"], provinces=["Ryanggang"]),
     "export halts and import suspensions, in Ryanggang"),
    (Filters(since="2017-02-01", until="2017-03-31"), "2017-02-01 to 2017-03-31"),
    (Filters(since="2016-01-01", until="2017-12-31"), "2016–2017"),
    (Filters(until="2016-12-31", mines=["musan"]), "at Musan mine, until 2016-12-31"),
])
def test_describe_in_plain_words(ds, filters, words):
    assert ds.describe(filters) == words


def test_reported_is_the_floor_so_it_filters_nothing():
    assert Filters(min_confidence="reported") == Filters()


@pytest.mark.parametrize("filters", [
    Filters(),
    Filters(minerals=["molybdenum", "cobalt"], event_types=["export_halt"], provinces=["North Hamgyong"],
            mines=["musan"], since="2017-01-01", until="2017-12-31", min_confidence="official"),
])
def test_query_round_trip(ds, filters):
    back, notices = Filters.from_query(filters.to_query(), **vocabularies(ds))
    assert back == filters and notices == []


@pytest.mark.parametrize("params, kept, notice", [
    ({"mineral": ["molybdenum", "unobtainium"]}, Filters(minerals=["molybdenum"]), "unknown mineral 'unobtainium'"),
    ({"since": "2017-02-30"}, Filters(), "since '2017-02-30'"),
    ({"confidence": "gospel"}, Filters(), "confidence 'gospel'"),
    ({"type": "<script>"}, Filters(), "unknown type '<script>'"),
    ({"since": "2018-01-01", "until": "2017-01-01"}, Filters(), "'since' is after 'until'"),
])
def test_bad_link_values_are_ignored_with_a_notice(ds, params, kept, notice):
    got, notices = Filters.from_query(params, **vocabularies(ds))
    assert got == kept
    assert any(notice in n for n in notices)


def test_dates_accept_strings_and_dates():
    assert Filters(since="2017-01-01").since == dt.date(2017, 1, 1)
    with pytest.raises(ValueError):
        Filters(min_confidence="certain")


def test_showing_given_events_on_the_map_and_on_the_timeline(ds):
    # what an ingest apply just added: an event at a mine and an event about a mineral only
    ids = ["hyesan-halt-2017", "unscr-2321-coal-cap"]
    on_map = showing(ds.view, ids, on_map=True)
    assert set(on_map.mines) == {"hyesan"} and {"coal"} <= set(on_map.minerals)
    on_timeline = showing(ds.view, ids, on_map=False)
    assert not on_timeline.mines and set(on_timeline.minerals) == set(on_map.minerals)
    assert set(ids) <= _events(ds, on_timeline)  # every one of them is shown
    assert on_timeline.since <= dt.date(2016, 11, 30) and on_timeline.until >= dt.date(2017, 2, 28)
    assert showing(ds.view, ["no-such-event"], on_map=True) == Filters()


def test_showing_takes_one_id_as_one_and_leaves_missing_minerals_out():
    import pandas as pd

    from geo.rules.filters import mine_to_select, showing

    view = pd.DataFrame({"event_id": ["abc", "abc", "d"], "mine_id": ["musan", "newmine", ""],
                         "mineral_id": ["iron_ore", float("nan"), "coal"], "lat": [42.2, float("nan"), None],
                         "lon": [129.2, float("nan"), None], "date_start": pd.to_datetime(["2019-01-01"] * 3),
                         "date_end": pd.to_datetime(["2019-01-31"] * 3)})
    f = showing(view, "abc", on_map=True)  # one id, not the ids "a", "b", "c"
    assert list(f.minerals) == ["iron_ore"] and list(f.mines) == ["musan", "newmine"]
    assert mine_to_select(view, ["newmine", "musan"]) == "musan"  # the new mine has no point yet
    assert showing(view, ["zzz"], on_map=True).is_empty
