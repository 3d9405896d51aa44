"""General rules read from blind set 55 (read after its first score) and the new-user trials from the forty-first on,
each shown on sentences of our own, not the sets' or the trials' (tests/test_ingest_fresh_wordings.py holds the rounds
before)."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.ingest import extract
from geo.ingest.dates import find_dates
from tests.test_ingest_wordings import record  # noqa: F401 - pytest fixture

PUB = "2021-11-20"


def _read(text, record, pub=PUB):  # noqa: F811
    return [(d.event_type, d.minerals) for d in extract(text, pub, "T", "", record).drafts]


def _drafts(text, record, pub=PUB):  # noqa: F811
    return extract(text, pub, "T", "", record).drafts


@pytest.mark.parametrize(("text", "expected"), [
    # coal taken over from another ship at sea
    ("선박 한 척이 북한 앞바다에서 북한산 석탄을 옮겨 받은 뒤 중국 항구로 향했다.", [("smuggling", ["coal"])]),
    # a ship that sailed with the North's ore to a Chinese port: exports going on
    ("화물선 한 척이 지난 3월 남포항에서 철광석을 싣고 중국 룽커우항으로 건너간 것으로 확인됐다.", [("export_continued", ["iron_ore"])]),
    # a ship stopped on its way with the ore is a seizure, read before the voyage
    ("석탄을 싣고 중국 항구로 향하던 화물선이 해경에 나포됐다.", [("smuggling", ["coal"])]),
])
def test_korean_ships_at_sea_and_ships_sailing_with_ore(record, text, expected):  # noqa: F811
    assert _read(text, record) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Pyongyang keeps sending zinc ore to China in what one envoy called a flagrant breach of the sanctions.",
     [("smuggling", ["zinc"])]),
    ("Ships are still moving iron ore out of Nampo in what officials termed a \"blatant\" violation of UN resolutions.",
     [("smuggling", ["iron_ore"])]),
])
def test_trade_someone_calls_a_breach_is_smuggling(record, text, expected):  # noqa: F811
    assert _read(text, record) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A trader said the North now has no anthracite left to sell abroad.", [("export_halt", ["coal"])]),
    ("Not a single tonne of North Korean iron ore has crossed the river since March, a trader said.",
     [("export_halt", ["iron_ore"])]),
])
def test_nothing_left_to_export_and_not_a_single_tonne_are_halts(record, text, expected):  # noqa: F811
    assert _read(text, record) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("All the coal the pits produce is being sent to thermal power plants, the source said.", []),
    ("Most of the zinc is now being sent to China, the source said.", [("export_continued", ["zinc"])]),
])
def test_goods_sent_to_the_norths_own_plants_are_not_exported(record, text, expected):  # noqa: F811
    assert _read(text, record) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # output grown, in the North's word for it
    ("올해 상반기 철광석 생산량은 지난해보다 115%로 장성되였다.", [("production_change", ["iron_ore"])]),
    # a struggle aimed at a plan is not its result
    ("광산에서는 연간 석탄 생산계획을 넘쳐 수행하기 위한 투쟁이 힘있게 벌어지고 있다.", []),
])
def test_korean_output_grown_and_a_struggle_aimed_at_a_plan(record, text, expected):  # noqa: F811
    assert _read(text, record) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # infrastructure built in return is the deal's price; joining the mine's development is the deal
    ("중국의 한 건설회사는 북한에 도로를 놓아 주는 대신 북한의 한 금광 개발에 참여하기로 했다.", [("deal_signed", ["gold"])]),
    # rights sought are not an offer
    ("이 회사는 구리광산 개발권을 얻으려고 평양의 병원 건설 비용도 댄 것으로 전해졌다.", []),
])
def test_korean_a_mine_joined_in_return_for_building_and_rights_sought(record, text, expected):  # noqa: F811
    assert _read(text, record) == expected


def test_a_korean_firm_named_with_its_chinese_characters_is_one_actor(record):  # noqa: F811
    text = "랴오닝성의 다펑(大鵬)광업회사는 지난달 북한 조선광산무역회사와 몰리브덴 광산을 함께 개발하기로 하는 계약을 맺었다."
    (d,) = _drafts(text, record)
    assert d.actors == "다펑(大鵬)광업회사; 조선광산무역회사"


def test_a_deal_between_firms_the_record_does_not_name_is_not_its_deal(record):  # noqa: F811
    # a deal at no mine, between firms the sentence names, is not the record's deal of other firms that season
    from geo.ingest.drafts import Draft
    from geo.ingest.known import repeats_of

    def deal(evidence, actors):
        return Draft(event_id="x", event_type="deal_signed", effect="signed", date="2012-01-01", date_precision="year",
                     evidence=evidence, minerals=["gold"], actors=actors)

    other = deal("대붕광업회사는 지난해 북한 조선광산무역회사와 금광 개발 계약을 맺었다.", "대붕광업회사; 조선광산무역회사")
    assert repeats_of(other, record) == ""
    named = deal("Baoyuanhengchang signed a deal to develop a gold mine.", "Baoyuanhengchang")
    assert "baoyuanhengchang" in repeats_of(named, record)
    unnamed = deal("A Chinese firm signed a deal to develop a North Korean gold mine.", "")
    assert "baoyuanhengchang" in repeats_of(unnamed, record)  # no firm named: the record's deal that season, as before


def test_a_plan_finished_for_the_whole_year_and_a_plans_half_is_no_date(record):  # noqa: F811
    text = ("Miners at the Musan Mine have already finished their plans for the whole year, "
            "and other teams have completed their assignments for the first half.")
    (d,) = _drafts(text, record, pub="2021-07-10")
    assert (d.event_type, d.mines, d.date, d.date_precision) == ("production_change", ["musan"], "2021-07-10", "approximate")


@pytest.mark.parametrize(("pub", "text", "expected"), [
    ("2021-11-20", "Ships carried coal to China 300 times over the past year.", [("2021-01-01", "year")]),
    ("2021-03-05", "Ships carried coal to China 300 times in the last 12 months.", [("2020-01-01", "year")]),
    ("2021-11-20", "Exports rose in the last year.", [("2021-01-01", "year")]),
    ("2021-11-20", "Exports rose last year.", [("2020-01-01", "year")]),
])
def test_the_past_year_is_the_calendar_year_holding_most_of_it(pub, text, expected):
    assert [(str(d.date), d.precision) for d in find_dates(text, dt.date.fromisoformat(pub))] == expected


def test_a_korean_second_day_after_a_month_and_day_is_that_months():
    (d,) = find_dates("지난 8월 12일과 15일 두 차례 석탄을 옮겨 실었다.", dt.date(2021, 11, 20))
    assert (d.date, d.precision, d.end_date) == (dt.date(2021, 8, 12), "day", dt.date(2021, 8, 15))


# --------------------------------------------------------------------------- from the forty-first and forty-second trials


def test_a_korean_mine_written_apart_from_its_mineral_and_mine_word(record):  # noqa: F811
    from geo.ingest.gazetteer import Gazetteer

    found = [(m.kind, m.id) for m in Gazetteer.from_dataset(record).match("공사가 투자한 종천 흑연 광산에서 생산이 늘었다.")]
    assert found == [("mine", "jongchon-graphite"), ("mineral", "graphite")]


@pytest.mark.parametrize(("text", "expected"), [
    # another country's coal shipped on to China: no figure of the North's
    ("North Korean coal lies piled up at the port.\n\n"
     "At the next pier, about 1.5 million tonnes of Mongolian coal has come in by rail and been shipped on to China this "
     "year.", []),
    # the North's coal passed off as another's is still read
    ("About 30,000 tonnes of North Korean coal relabelled as Russian coal was shipped to Vietnam, the panel said.",
     [("smuggling", ["coal"])]),
])
def test_another_countrys_coal_is_not_the_norths(record, text, expected):  # noqa: F811
    assert _read(text, record) == expected


@pytest.mark.parametrize("text", [
    "중국 기업이 60%를 투자한 룡등탄광이 지난달부터 석탄 생산을 늘렸다.",
    "The Ryongdung colliery, in which a Chinese firm holds a 60% stake, raised coal output last month.",
])
def test_a_share_of_a_ventures_capital_is_no_amount(record, text):  # noqa: F811
    (d,) = _drafts(text, record)
    assert (d.event_type, d.quantity, d.unit) == ("production_change", None, "")


# --------------------------------------------------------------------------- read from blind set 56 (after its first score)


def test_a_korean_designation_whose_grounds_the_next_sentence_gives(record):  # noqa: F811
    text = ("정부는 20일 선박 4척과 기관 2곳을 대북 독자제재 대상으로 지정했다.\n\n"
            "외교부는 이들 선박이 북한산 철광석을 몰래 실어 나른 것이 확인됐다고 지정 배경을 설명했다.")
    drafts = _drafts(text, record)
    assert [(d.event_type, d.minerals, d.date, d.date_precision) for d in drafts if d.event_type == "designation"] \
        == [("designation", ["iron_ore"], "2021-11-20", "day")]


@pytest.mark.parametrize(("text", "expected"), [
    ("정부는 3일 새해 첫 대북 제재로 선박 2척을 지정했다.", [("2022-01-03", "day")]),  # the year's first measure: no date
    ("새해 첫 보름동안 석탄 생산이 늘었다.", [("2022-01-01", "month")]),  # a span of the new year
])
def test_the_new_years_first_measure_is_no_date(text, expected):
    assert [(str(d.date), d.precision) for d in find_dates(text, dt.date(2022, 1, 10))] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the stop told before, now its cause
    ("Work at the Hyesan mine stopped in May.\n\nThe halt is thought to stem from a fall in copper prices.",
     [("production_halt", ["copper"])]),
    # an importing side that stops dealing with a mine stops buying from it
    ("The Chinese side then stopped dealing with the Musan mine from June to August.", [("import_suspension", ["iron_ore"])]),
    # a mine left disused is a place, not a deal given up
    ("Residents crept into an old, abandoned mine to dig for gold.", []),
])
def test_a_halt_named_with_its_cause_dealings_stopped_and_an_abandoned_mine(record, text, expected):  # noqa: F811
    assert sorted(_read(text, record)) == expected


def test_a_gold_vein_found_in_korean_is_a_discovery(record):  # noqa: F811
    assert _read("소식통은 인근 부대가 지난달 새로 금맥을 찾아냈다고 전했다.", record) == [("discovery", ["gold"])]


# --------------------------------------------------------------------------- from the forty-third and forty-fourth trials


@pytest.mark.parametrize(("text", "expected"), [
    # later bare days of a sentence that named a whole day are of its month and year
    ("지난해 9월 2일 항구를 떠난 배는 5일 다롄항에 들어가 11일까지 머물렀다.",
     [("2020-09-02", None), ("2020-09-05", None), ("2020-09-11", None)]),
    # a month and a range of days
    ("이 배는 3월 4~9일 룽커우항에 머문 것으로 확인됐다.", [("2021-03-04", "2021-03-09")]),
])
def test_korean_days_after_a_whole_day_and_a_range_of_days(text, expected):
    found = find_dates(text, dt.date(2021, 11, 20))
    assert [(str(d.date), str(d.end_date) if d.end_date else None) for d in found] == expected


def test_korean_months_with_a_middle_dot_take_their_figures_respectively(record):  # noqa: F811
    text = "유엔 회원국 한 곳이 지난 3·4월 각각 북한산 석탄 12만t과 9만t을 수입했다고 밝혔다."
    got = sorted((d.date, d.quantity) for d in _drafts(text, record, pub="2021-07-01") if d.event_type == "trade_figure")
    assert got == [("2021-03-01", 120000.0), ("2021-04-01", 90000.0)]


def test_a_per_cent_change_from_an_earlier_year_is_no_figure_of_that_year(record):  # noqa: F811
    text = "China imported only 1.2 million tons of North Korean coal in the first half of 2019, down 40 percent from 2018."
    got = [(d.event_type, d.date, d.quantity) for d in _drafts(text, record, pub="2019-08-01")]
    assert got == [("trade_figure", "2019-01-01", 1.2)]  # (as written: 1.2 million tons)


@pytest.mark.parametrize(("text", "expected"), [
    ("The Treasury said the firm continues to sell zinc through front companies in Dalian.", [("smuggling", ["zinc"])]),
    # another country's coal named in the sentence before: the figure is not the North's
    ("North Korean coal sits unsold at Dandong.\n\nTo make up for the fall in coal imports, China began buying Australian "
     "coal this year. According to trade data, China bought over 300,000 tons by late March.", []),
])
def test_front_companies_and_a_figure_of_anothers_goods(record, text, expected):  # noqa: F811
    assert _read(text, record) == expected


def test_a_commerce_department_telling_a_measure_is_official(record):  # noqa: F811
    (d,) = _drafts("China halts imports of North Korean iron ore, said Department of Commerce in Beijing.", record)
    assert d.confidence == "official"


def test_where_a_firm_is_based_is_not_its_name(record):  # noqa: F811
    from geo.ingest.actors import actors_of

    assert actors_of("The Treasury blacklisted Dandong-based Hongxiang Trading Company for shipping coal.", "designation") \
        == "Hongxiang Trading Company"


# --------------------------------------------------------------------------- from the forty-fifth and forty-sixth trials


def test_a_value_where_the_record_gives_a_tonnage_is_the_same_months_trade(record):  # noqa: F811
    from geo.ingest.drafts import Draft
    from geo.ingest.known import repeats_of

    def figure(**amount):
        return Draft(event_id="x", event_type="trade_figure", effect="imported", date="2017-04-01", date_precision="month",
                     evidence="…", minerals=["iron_ore"], **amount)

    assert "china-iron-ore-imports-2017-04" in repeats_of(figure(value_usd=20_260_000.0), record)
    assert repeats_of(figure(quantity=900_000.0, unit="t"), record) == ""  # another tonnage: a figure of its own


def test_figures_china_customs_publishes_are_official(record):  # noqa: F811
    text = ("China's zinc ore imports from North Korea rose to $3 million in May, the paper found, using official "
            "statistics published by China Customs.")
    (d,) = _drafts(text, record)
    assert (d.event_type, d.confidence) == ("trade_figure", "official")


def test_a_ban_the_trade_went_on_despite_is_background(record):  # noqa: F811
    text = "Imports of North Korean iron ore have more than tripled since January despite a U.N. ban on such imports."
    assert "sanction" not in [t for t, _m in _read(text, record)]


def test_korean_goods_cleared_through_customs_with_an_amount_are_a_figure(record):  # noqa: F811
    text = "올해 1월부터 6월까지 훈춘통상구에서 통관된 북한산 석탄은 12만t이었다."
    assert _read(text, record) == [("trade_figure", ["coal"])]


def test_korean_every_few_days_is_no_date():
    found = find_dates("예전엔 하루 30~40척이 들어왔지만 요즘은 3~4일만에 화물선 한 척이 들어온다.", dt.date(2015, 8, 10))
    assert [d.text for d in found] == ["요즘"]


def test_korean_goods_made_at_a_mine_and_a_ministry_that_tells_them(record):  # noqa: F811
    from geo.ingest.gazetteer import Gazetteer

    found = [(m.kind, m.id) for m in Gazetteer.from_dataset(record).match("정촌산 흑연 200t을 실은 배가 떠났다.")]
    assert found == [("mine", "jongchon-graphite"), ("mineral", "graphite")]
    (d,) = _drafts("산업자원부는 북한산 아연 300t이 지난달 인천항에 반입됐다고 밝혔다.", record)
    assert (d.event_type, d.confidence) == ("trade_figure", "official")
