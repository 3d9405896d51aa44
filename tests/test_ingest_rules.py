"""Ingest rules for patterns real reports use: each test names the general pattern, in its own words."""

import datetime as dt

import pytest

from geo.ingest import extract, find_dates
from geo.ingest.cues import _cue
from geo.ingest.dates import own_dates

PUB = dt.date(2018, 8, 20)


def _drafts(ds, text, pub=PUB):
    return extract(text, pub, "Test", "", ds).drafts


def _links(drafts):
    return {(m or "-", x, d.event_type, d.date, d.date_precision)
            for d in drafts for m in (d.mines or [""]) for x in d.minerals}


# --------------------------------------------------------------------------- dates

@pytest.mark.parametrize("sentence, baseline", [
    ("Zinc exports were 12% lower than in April.", "in April"),
    ("Shipments hit their highest since March 2015.", "since March 2015"),
    ("Coal sales rose compared with June.", " June"),
])
def test_a_comparisons_baseline_is_not_the_events_date(sentence, baseline):
    dates = find_dates(sentence, PUB)
    assert [d.text for d in dates if d.kind == "comparison"] == [baseline]
    assert own_dates(dates) == []


def test_the_day_data_were_published_is_the_telling_not_the_event():
    dates = find_dates("Customs data released Tuesday show lead arrivals of 900 tons in July.", PUB)
    assert [(d.text, d.kind) for d in dates] == [("Tuesday", "attribution"), ("in July", "relative")]


def test_a_measures_own_announcement_date_is_its_date():
    own = own_dates(find_dates("The order announced Aug. 3 to halt zinc purchases took effect.", PUB))
    assert [d.text for d in own] == ["Aug. 3"]
    told = find_dates("The ministry announced on Aug. 3 that zinc purchases fell.", PUB)
    assert [d.kind for d in told] == ["attribution"]


def test_month_last_year_is_that_month_of_the_year_before():
    (d,) = find_dates("The deal was dissolved in October last year.", PUB)
    assert (d.date, d.precision) == (dt.date(2017, 10, 1), "month")


def test_an_undated_sentence_takes_the_reports_last_date_across_paragraphs(ds):
    text = ("Trade report\n\nChina imported 2,000 tons of North Korean zinc in June.\n\n"
            "Lead arrivals totalled 500 tons, the figures show.\n")
    assert ("-", "lead", "trade_figure", "2018-06-01", "month") in _links(_drafts(ds, text))


def test_a_sentence_in_the_present_perfect_keeps_the_time_of_the_report(ds):
    text = ("Mine news\n\nFloods hit the area in early July.\n\n"
            "The Musan mine has restarted its iron ore production lines.\n")
    (d,) = [d for d in _drafts(ds, text) if "musan" in d.mines]
    assert "publication date" in d.date_basis


# --------------------------------------------------------------------------- cues

def test_a_halt_a_sanctioning_authority_imposes_is_a_sanction():
    assert _cue("The Security Council ordered a full halt on zinc shipments", [], False)[0] == "sanction"
    # the importer acting on the resolution suspends its own imports
    assert _cue("Following resolution 2321, China is suspending coal purchases", [], False)[0] == "import_suspension"


def test_an_importer_that_stops_the_goods_suspends_its_imports():
    assert _cue("Beijing halted North Korean lead last month", [], False)[0] == "import_suspension"
    assert _cue("Exports of lead to China halted last month", [], False)[0] == "export_halt"


def test_a_ban_already_in_force_is_not_a_new_measure():
    assert _cue("the mine kept working despite the UN ban", [], False) is None
    assert _cue("the UN banned zinc exports", [], False)[0] == "sanction"


def test_an_ending_negates_the_cue():
    assert _cue("the border closure ended smuggling of copper", [], False) is None


def test_a_question_asserts_no_event(ds):
    assert _drafts(ds, "Will Musan iron ore exports resume soon?\n\nNobody knows.\n") == []


# --------------------------------------------------------------------------- mines, minerals, figures

def test_a_mine_spoken_of_is_the_one_the_next_sentence_names(ds):
    text = ("Copper news\n\nA large copper mine near the border started production on Monday.\n\n"
            "The mine in Hyesan is run by a joint venture.\n")
    links = _links(_drafts(ds, text))
    assert any(m == "hyesan" and x == "copper" and t == "production_change" for m, x, t, _d, _p in links)


def test_its_ore_in_a_later_clause_is_the_mine_of_the_earlier_clause(ds):
    text = ("Iron news\n\nWork at the Musan mine has slowed, but part of its iron ore is being smuggled into China.\n")
    assert any(m == "musan" and t == "smuggling" for m, _x, t, _d, _p in _links(_drafts(ds, text)))


def test_several_trade_figures_in_one_sentence_each_get_their_month_and_amount(ds):
    text = "Coal trade\n\nChina imported $20 million of coal in March and $35 million in April.\n"
    figures = sorted((d.date, d.value_usd) for d in _drafts(ds, text) if d.event_type == "trade_figure")
    assert figures == [("2018-03-01", 20e6), ("2018-04-01", 35e6)]


def test_minerals_with_their_own_dates_in_one_sentence_are_separate_events(ds):
    text = ("Bans\n\nAfter its ban on coal in February, China has now, after months of talks with the trading "
            "houses and the customs offices of the border, added lead and zinc to the list, effective Aug. 15.\n")
    links = {(x, d) for _m, x, t, d, _p in _links(_drafts(ds, text)) if t == "sanction"}
    assert {("coal", "2018-02-01"), ("lead", "2018-08-15"), ("zinc", "2018-08-15")} <= links
