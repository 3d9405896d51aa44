"""General rules read from the new-user trials and blind set 50 of the twenty-fourth round on, each shown on
sentences of our own, not the trials' or the sets' (tests/test_ingest_later_wordings.py holds the earlier rounds')."""

from __future__ import annotations

import pytest

from geo.ingest import extract
from geo.ingest.amounts import amounts_and_qualifier
from tests.test_ingest_wordings import record  # noqa: F401 - pytest fixture


@pytest.mark.parametrize(("text", "effect", "quantity"), [
    # rose for years, then fell: the later verb is the clause's own
    ("북한의 아연 생산량은 2010년 10만t에서 2015년 20만t까지 꾸준히 늘다가 2016년 15만t, 지난해 12만t으로 줄었다.", "reduced", 120_000),
    # peaked, then fell, more than 45 characters after the output word
    ("북한의 동(구리) 생산량은 2014년 5만t으로 2010년 이후 가장 많았다가 2016년 9천t, 지난해 6천t으로 줄어든 것으로 분석됐다.", "reduced", 6_000),
    ("북한의 아연 생산량 역시 2015년 30만t으로 최대를 기록한 뒤 2016년 20만t으로 줄었고, 지난해에는 18만t까지 떨어졌다.", "reduced", 180_000),
    # fell, then rose again
    ("북한의 석탄 생산량은 2015년 2천만t까지 줄다가 지난해 2천500만t으로 다시 늘었다.", "increased", 25_000_000),
    # one direction only: as before
    ("북한의 석탄 생산량은 지난해 2천500만t으로 늘었다.", "increased", 25_000_000),
])
def test_korean_output_that_turned_goes_the_way_of_its_last_verb(record, text, effect, quantity):  # noqa: F811
    (d,) = extract(text, "2017-02-01", "T", "", record).drafts
    assert (d.event_type, d.effect, d.date, d.quantity, d.unit) == ("production_change", effect, "2016-01-01", quantity, "t")


@pytest.mark.parametrize("text", [
    "석탄은 북한이 중국에 파는 품목 가운데 가장 크며, 북한 전력의 40% 이상을 대는 발전소의 연료이기도 하다.",
    "Coal is the North's biggest export to China and fuels power stations that make over 40% of the North's electricity.",
])
def test_a_share_of_the_countrys_power_is_no_trade_figure(record, text):  # noqa: F811
    assert amounts_and_qualifier(text)[0][3] == []
    assert not [d for d in extract(text, "2019-01-22", "T", "", record).drafts if d.event_type == "trade_figure"]


def test_a_share_of_exports_is_still_a_trade_figures_amount(record):  # noqa: F811
    text = "Last year coal made up 40 percent of North Korea's exports to China."
    assert amounts_and_qualifier(text)[0][1:3] == (40.0, "percent")
    assert [d.event_type for d in extract(text, "2019-01-22", "T", "", record).drafts] == ["trade_figure"]


@pytest.mark.parametrize(("text", "minerals"), [
    ("석탄 다음으로 중국에 많이 팔리는 철광석의 생산량은 지난해 200만t으로 줄었다.", ["iron_ore"]),
    ("North Korea's iron ore output, second only to coal, fell to 2 million tonnes last year.", ["iron_ore"]),
    # coal named for itself stays
    ("석탄과 철광석의 생산량은 지난해 크게 줄었다.", ["coal", "iron_ore"]),
])
def test_a_mineral_another_is_ranked_by_is_not_the_sentences(record, text, minerals):  # noqa: F811
    (d,) = extract(text, "2019-01-22", "T", "", record).drafts
    assert (d.event_type, d.minerals) == ("production_change", minerals)


def test_a_sentence_summing_up_minerals_each_told_with_its_figure_is_no_other_event(record):  # noqa: F811
    text = ("연구소는 석탄·철광석·아연 등 주요 광물의 생산이 지난해 크게 줄었다고 밝혔다.\n\n"
            "석탄 생산량은 지난해 1천500만t으로 줄었다.\n\n"
            "철광석 생산량은 지난해 200만t으로 줄었다.\n\n"
            "아연 생산량은 지난해 12만t으로 줄었다.")
    drafts = extract(text, "2019-01-22", "T", "", record).drafts
    assert sorted((d.minerals[0], d.quantity) for d in drafts) == [
        ("coal", 15_000_000), ("iron_ore", 2_000_000), ("zinc", 120_000)]
    assert all(len(d.minerals) == 1 for d in drafts)
    # a mineral the detail does not tell keeps the summary
    text = text.replace("석탄·철광석·아연", "석탄·철광석·아연·마그네사이트")
    drafts = extract(text, "2019-01-22", "T", "", record).drafts
    assert any(len(d.minerals) == 4 for d in drafts)


def test_a_month_with_a_comma_before_its_year_is_that_years(record):  # noqa: F811
    text = "The two sides signed the contract for the Hyesan copper mine in Pyongyang in November, 2006, with a 51:49 split."
    (d,) = extract(text, "2008-08-06", "T", "", record).drafts
    assert (d.event_type, d.date, d.date_precision) == ("deal_signed", "2006-11-01", "month")


def test_a_bare_place_before_another_minerals_mines_is_not_the_records_mine_there(record):  # noqa: F811
    # the record's Cholsan mine is a rare-earth mine: "Cholsan iron ore mines" are others, in its county
    text = "China stopped buying ore from the Musan and Cholsan iron ore mines last month."
    drafts = extract(text, "2017-08-10", "T", "", record).drafts
    assert [(d.mines, d.minerals) for d in drafts] == [(["musan"], ["iron_ore"])]
    text = "Exports of rare earths from the Cholsan mines stopped last month."
    (d,) = extract(text, "2017-08-10", "T", "", record).drafts
    assert (d.mines, d.minerals) == (["cholsan"], ["rare_earths"])
