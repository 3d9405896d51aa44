"""Issue 12, general wordings found on blind set 25's failures (read after its one blind score):
output told by its results, goals, multiples, yields and operating rates; a drive or resolve to
raise output (a purpose, no event); investment asked for without the word "invest"; "lead" as a
verb; dates ahead of the report in Korean (오는 4월, 내달, 내년); "over the past three days"; and a
comparison's baseline of "the same days of last year". Each case is a sentence of our own, not
the set's."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.ingest import extract
from geo.ingest.dates import find_dates
from tests.conftest import RECORD


@pytest.fixture(scope="module")
def record():
    from geo.rules.load import load_dataset

    return load_dataset(RECORD)


def _drafts(ds, text, pub="2020-05-01"):
    return {(tuple(d.mines), tuple(d.minerals), d.event_type) for d in extract(text, pub, "T", "", ds).drafts}


def _dates(text, pub):
    return [(str(d.date), d.precision, d.kind) for d in find_dates(text, dt.date.fromisoformat(pub), None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Tokchon coal mine posted strong production results in April.", {(("tokchon",), ("coal",), "production_change")}),
    ("Miners at the pit carried their coal output 15 percent past their goals in April.",
     {((), ("coal",), "production_change")}),
    ("The new shaft multiplied the colliery's coal output three times.", {((), ("coal",), "production_change")}),
    ("Pits in the province yielded 3,000 tonnes of coal more than the same week of last year.",
     {((), ("coal",), "production_change")}),
    ("The iron ore mine's operating rate fell to 30 percent in March.", {((), ("iron_ore",), "production_change")}),
    ("The gold mine is running at only 20 percent of its capacity.", {((), ("gold",), "production_change")}),
    ("무산광산의 가동률이 지난달 절반으로 떨어졌다.", {(("musan",), ("iron_ore",), "production_change")}),
    ("덕천 탄광은 올해 높은 채탄 실적을 올렸다.", {(("tokchon",), ("coal",), "production_change")}),
])
def test_output_told_by_results_goals_multiples_and_operating_rates(record, text, expected):
    assert _drafts(record, text) == expected


@pytest.mark.parametrize("text", [
    "Coal miners launched a campaign to raise output before the party congress.",
    "Coal miners across the province vowed to boost production this year.",
    'The leader called on the coal industry to produce more for the power stations.',
    "중국 발전소 가동률이 떨어지자 화력발전에 쓰는 무연탄 값이 올랐다.",  # a power plant's rate, not a mine's
])
def test_a_drive_or_resolve_to_raise_output_and_a_plants_rate_are_no_production_change(record, text):
    assert {t for *_x, t in _drafts(record, text)} - {"trade_figure"} == set()


def test_investment_asked_for_without_the_word_invest(record):
    assert _drafts(record, "In March Pyongyang asked Japanese firms to put money into a project to mine vanadium.") \
        == {((), ("vanadium",), "investment_offer")}
    assert _drafts(record, "The North proposed that foreign companies take part in developing its tungsten.") \
        == {((), ("tungsten",), "investment_offer")}
    # money put into weapons is no offer to investors
    assert "investment_offer" not in {t for *_x, t in _drafts(
        record, "Higher coal prices are putting more money into its weapons programs.")}


def test_lead_as_a_verb_is_not_the_metal(record):
    assert _drafts(record, "China is taking the lead in investing in North Korean mines.") == set()
    assert _drafts(record, "Magnesia Producer Set to Lead the World.") == set()
    assert ((), ("lead",), "trade_figure") in _drafts(record, "China imported 2,000 tonnes of lead from North Korea in March.")


@pytest.mark.parametrize(("text", "pub", "expected"), [
    ("오는 4월 가동한다", "1991-03-12", ("1991-04-01", "month")),  # the coming April: after the report
    ("오는 2월 10일 첫 수출", "2020-05-01", ("2021-02-10", "day")),
    ("내달 석탄 수출", "2020-12-15", ("2021-01-01", "month")),
    ("내년 석탄 수출", "2020-05-01", ("2021-01-01", "year")),
])
def test_korean_dates_ahead_of_the_report(text, pub, expected):
    assert _dates(text, pub)[0][:2] == expected


def test_a_short_span_ending_at_the_report_and_the_same_days_of_last_year():
    assert _dates("Coal output has grown over the past three days.", "2011-12-23") == \
        [("2011-12-22", "approximate", "relative")]
    assert _dates("Output rose in the last two weeks.", "2011-12-23")[0][:2] == ("2011-12-16", "approximate")
    # a baseline, not the event's date: it is marked as a comparison, and no event takes it
    assert [k for *_x, k in _dates("5,000 tons more than the same days of last year", "2016-01-06")] == ["comparison"]


def test_a_figure_compared_with_the_same_days_of_last_year_is_dated_to_the_report(record):
    text = ("Headline\n\nThe first days of the year yielded 5,000 tons of coal more than the same days of last year.\n\n"
            "The Tokchon mine went two percent over its daily quota.\n")
    dates = {(tuple(d.mines), d.date[:4]) for d in extract(text, "2016-01-06", "T", "", record).drafts}
    assert (("tokchon",), "2016") in dates and (("tokchon",), "2015") not in dates  # not last year's


def test_a_per_cent_change_against_a_baseline_is_no_figure_of_the_baseline(record):
    text = ("Headline\n\n북한의 10월 대중국 석탄 수출액이 1억 달러였다.\n\n"
            "지난해 같은 달보다 69.7%, 바로 앞 달인 9월보다도 22% 늘어난 액수다.\n")
    got = {(d.event_type, d.date[:7]) for d in extract(text, "2016-11-30", "T", "", record).drafts}
    assert ("trade_figure", "2016-10") in got
    assert not {x for x in got if x[1] in ("2015-01", "2016-09")}  # not last year's month, not September's
    # a figure of the baseline's own is still its figure
    got = {(d.event_type, d.date[:4]) for d in extract(
        "Headline\n\n석탄 수출액은 2016년 1억 달러로 2015년 8천만 달러보다 늘었다.\n", "2017-01-30", "T", "", record).drafts}
    assert {("trade_figure", "2016"), ("trade_figure", "2015")} <= got


def test_the_day_figures_were_released_is_the_tellings_not_the_figures(record):
    text = ("Headline\n\nFigures from the General Administration of Customs released on Monday show that China "
            "imported 1.8 million tonnes of coal from North Korea last month.\n")
    got = {(d.event_type, d.date, d.date_precision) for d in extract(text, "2016-10-24", "T", "", record).drafts}
    assert got == {("trade_figure", "2016-09-01", "month")}


def test_the_present_progressive_tells_the_state_at_the_report(record):
    """'is producing more coal' is now: it does not take a month an earlier paragraph named."""
    text = ("Headline\n\nThe coal industry held a meeting in October.\n\n"
            "The Tokchon coal mine is producing more coal with new loaders.\n")
    got = {(d.mines[0] if d.mines else "", d.date, d.date_precision)
           for d in extract(text, "2020-12-08", "T", "", record).drafts}
    assert got == {("tokchon", "2020-12-08", "approximate")}
    # a past tense still goes on from the earlier date
    text = text.replace("is producing", "produced")
    assert {d.date for d in extract(text, "2020-12-08", "T", "", record).drafts} == {"2020-10-01"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Three years ago the mine flooded.", [("2016-01-01", "year", "relative")]),
    ("The mine has been stopped for more than a year.", [("2018-01-23", "approximate", "relative")]),
    ("China is suspending coal imports for three weeks.", []),  # the measure's length, not when it began
    ("Arrivals reached 233,508 tonnes, against 217,897 tonnes a year ago.", [("2018-01-01", "year", "comparison")]),
    ("The council voted against the ban a year ago.", [("2018-01-01", "year", "relative")]),  # no figure: no baseline
])
def test_years_ago_a_state_that_has_lasted_and_a_figure_against_a_baseline(text, expected):
    assert _dates(text, "2019-01-23") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("3년 전 광산이 물에 잠겼다", [("2016-01-01", "year")]),
    ("두 해 전 석탄 수출이 멈췄다", [("2017-01-01", "year")]),
    ("석 달 전에 수출이 재개됐다", [("2018-10-01", "month")]),
    ("6개월 전 석탄 수출", [("2018-07-01", "month")]),
])
def test_korean_years_and_months_ago(text, expected):
    assert [x[:2] for x in _dates(text, "2019-01-23")] == expected


# --- wordings from the blind phrasing battery's misses (tests/ingest_phrasing_blind), in sentences of our own ---

@pytest.mark.parametrize(("text", "expected"), [
    ("The Chinese partner's venture at the Musan mine is in tatters.", "deal_collapsed"),
    ("Pyongyang seized the copper mine from its Chinese partner last year.", "deal_collapsed"),
    ("Talks on joint development of the Musan iron ore mine have broken down.", "deal_collapsed"),
    ("무산 철광 합작 협상은 지분 문제로 결렬됐다.", "deal_collapsed"),
    ("중국 기업이 혜산 구리 광산 투자계획을 접었다.", "deal_collapsed"),
    ("Two cargoes of coal were not allowed to be unloaded at Longkou.", "import_suspension"),
    ("Customs officers told importers to return the North Korean coal.", "import_suspension"),
    ("Chinese buyers rejected three shipments of North Korean coal in May.", "import_suspension"),
    ("북한산 석탄 2만t이 하역을 거부당해 되돌아갔다.", "import_suspension"),
    ("The council put a ceiling on North Korean coal sales of 7.5 million tonnes.", "sanction"),
    ("안보리는 북한 석탄 수출을 연간 750만t으로 묶는 결의를 채택했다.", "sanction"),
    ("중국은 이달 말까지 북한산 석탄 수입을 전면 금지한다고 발표했다.", "import_suspension"),  # for a stated while
    ("중국은 북한산 석탄 수입을 전면 금지한다고 발표했다.", "sanction"),  # a standing ban: China's carry out UN measures
    ("Zinc from Komdok keeps slipping into China despite the checks.", "smuggling"),
    ("The coal was re-sold as Russian coal to get around the sanctions.", "smuggling"),
    ("무산광산은 전력난으로 가동중단 상태다.", "production_halt"),
    ("폭우로 탄광 갱도가 물에 잠겨 석탄 생산이 멎었다.", "production_halt"),
    ("검덕광산은 아연 생산계획을 150% 수행했다.", "production_change"),
    ("North Korea offered Chinese firms the rights to a gold mine in the north.", "investment_offer"),
    ("The delegation tried to bring foreign money into the Hyesan copper mine.", "investment_offer"),
    ("북한은 희토류 개발에 외국 기업의 투자를 환영한다고 밝혔다.", "investment_offer"),
    ("A Chinese company inks a deal for Musan iron ore.", "deal_signed"),
    ("북한은 올해 들어 중국에 몰리브덴을 팔아 500만 달러를 벌었다.", "trade_figure"),
    ("Miners struck a thick coal seam near Anju in May.", "discovery"),
    ("함경북도에서 철광석 광상이 새로 탐사됐다고 통신이 전했다.", "discovery"),
    ("Work has begun on a road to carry Musan iron ore to China.", "infrastructure"),
    ("무산광산에서 중국 쪽까지 철광석 수송관이 완공됐다.", "infrastructure"),
    ("마그네시아를 실은 배가 다시 중국으로 나가고 있다.", "export_resumed"),
    ("Musan iron ore continues to be shipped to China.", "export_continued"),
    ("China went on buying North Korean zinc in March.", "export_continued"),
    ("몰리브덴 정광이 날마다 중국에 들어오고 있다.", "export_continued"),
])
def test_battery_wordings(record, text, expected):
    assert expected in {t for *_x, t in _drafts(record, text)}


@pytest.mark.parametrize("text", [
    "Musan iron ore shipments are yet to resume.",
    "무산광산 철광석 수출은 아직 재개되지 않았다.",
    "Coal, which North Korea has been barred from selling since 2017, heats its homes.",
    "The company would build a second shaft to expand the mine if prices held.",
    "Thirty North Korean miners were sent to work illegally in Chinese coal mines.",
    "미국은 석탄 운반 선박을 제재 대상으로 지정해 달라고 요청할 방침이다.",
    "석탄 수출 금지로 북한의 수입이 연간 4억 달러 줄어들 것으로 전망된다.",
])
def test_battery_traps_draft_nothing(record, text):
    assert _drafts(record, text) == set()


def test_a_flood_recalled_from_years_before_is_not_merged_with_this_years(record):
    text = ("Headline\n\n통신은 20일 탄광 갱도 수십 개가 물에 잠겼다고 전했다.\n\n"
            "탈북자들은 1995년 대홍수 때도 탄광이 몇 해씩 물에 잠겨 석탄 생산이 멈췄다고 말한다.\n")
    dates = {d.date[:4] for d in extract(text, "2011-07-22", "T", "", record).drafts if d.event_type == "production_halt"}
    assert dates == {"2011", "1995"}  # two events: this year's, and the recalled one of its own year


# --- the review of this round (a helper's own sentences and hostile texts) ---

@pytest.mark.parametrize(("text", "pub", "unwanted"), [
    ("Workers at the Musan iron mine were told to return to work in March, a source said.", "2020-06-15", "import_suspension"),
    ("North Korea rejected claims that coal shipments to China continued in 2019.", "2020-06-15", "import_suspension"),
    ("Coal exports bounced back in May as shipments to China resumed.", "2020-06-15", "import_suspension"),
    ("Typhoon Maysak struck the coal fields of South Pyongan in September.", "2020-06-15", "discovery"),
    ("Coal fields in Anju were badly struck by floods in August.", "2020-06-15", "discovery"),
    ("North Korea's economy is in tatters after China halted coal imports in February.", "2020-06-15", "deal_collapsed"),
    ("Chinese customs seized coal from mines in North Hamgyong in May.", "2020-06-15", "deal_collapsed"),
    ("North Korea is pouring coal money into weapons development, the UN panel said in March.", "2020-06-15",
     "investment_offer"),
    ("Soldiers took part in developing the Ryongyang magnesite mine in April.", "2020-06-15", "investment_offer"),
    ("Production at the Komdok mine was halted several times in 2019.", "2020-06-15", "production_change"),
    ("석탄공업성 당위원회는 올해 석탄 증산을 위한 결의를 채택했다.", "2020-06-15", "sanction"),
    ("2.8직동청년탄광은 조업 중단 없이 석탄 생산을 이어갔다.", "2020-06-15", "production_halt"),
    ("중국 세관은 북한산 석탄 화물을 돌려보내지 않고 통관시켰다.", "2020-06-15", "import_suspension"),
    ("탄광이 문을 닫으면서 석탄 광부들은 모두 고향으로 돌아가게 됐다.", "2020-06-15", "import_suspension"),
    ("홍수가 끝나자 광부들이 다시 탄광 갱도로 들어가기 시작했다.", "2020-06-15", "export_resumed"),
    ("해외에 나가고 있는 북한 노동자들이 중국 탄광에서 일하고 있다.", "2020-06-15", "export_continued"),
    ("Control of the Musan iron mine has slipped into Chinese hands since 2007.", "2020-06-15", "smuggling"),
    ("The ink had barely dried on the 2013 zinc agreement when China tightened checks in May.", "2020-06-15",
     "deal_signed"),
    ("기자가 단둥의 석탄 매장을 찾아가 보니 값이 올라 있었다.", "2020-06-15", "discovery"),
    ("The company has several coal projects in its pipeline and the first opened in May.", "2020-06-15",
     "infrastructure"),
    ("남포 항구 근처 석탄 시장이 지난달 문을 열었다.", "2020-06-15", "infrastructure"),
    ("협상이 결렬되지 않도록 양측은 금 광산 지분 문제를 미뤘다.", "2020-06-15", "deal_collapsed"),
    ("The Komdok mine made no output gains in 2019, and its zinc stayed in store.", "2020-06-15", "production_change"),
    # the final review's: output that never stops is no export; 'again going up' goes nowhere; miners told to return
    ("검덕광산 광부들은 끊임없이 아연 생산을 늘렸다.", "2020-06-15", "export_continued"),
    ("무산광산에서는 사고가 끊이지 않아 철광석 생산이 줄었다.", "2020-06-15", "export_continued"),
    ("검덕광산에서는 여전히 아연 채굴이 이뤄지고 있다.", "2020-06-15", "export_continued"),
    ("무산광산 철광석 생산은 계속 진행되고 있다.", "2020-06-15", "export_continued"),
    ("Zinc output at the Komdok mine is once again going up.", "2020-06-15", "export_resumed"),
    ("Tokchon coal production is again heading higher this year.", "2020-06-15", "export_resumed"),
    ("The manager told the miners to return to the coal face at Tokchon in May.", "2020-06-15", "import_suspension"),
])
def test_review_readings_that_were_too_broad(record, text, pub, unwanted):
    assert unwanted not in {t for *_x, t in _drafts(record, text, pub)}


def test_review_readings_kept(record):
    # a plan before, the event after, in the same row: the row's next match is read
    assert "production_change" in {t for *_x, t in _drafts(
        record, "Miners vowed to raise output, and the Komdok mine raised zinc output by 20 percent in May.")}
    assert "export_resumed" in {t for *_x, t in _drafts(record, "Musan iron ore shipments to China are again heading to Nanping.")}
    assert "export_halt" in {t for *_x, t in _drafts(record, "5월 석탄 수출은 재개되지 않았다.")}  # as 'did not resume'
    assert ((), ("lead",), "trade_figure") in _drafts(record, "China imported 3,000 tonnes of North Korean lead the previous month.")
    got = {(t, xs) for _m, xs, t in _drafts(record, "Production in the lead and zinc mines of Komdok rose in May.")}
    assert any("lead" in xs for _t, xs in got)
    got = extract("Headline\n\n무산광산의 가동률이 30%로 낮아졌다.\n", "2020-06-15", "T", "", record).drafts
    assert [d.effect for d in got] == ["reduced"]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Musan mine, which has operated for 50 years, cut production in May.", [("2020-05-01", "month", "relative")]),
    ("China Minmetals has signed a contract for five years to import iron ore.", []),
    ("China halted coal imports in the last two weeks of March.", [("2020-03-01", "month", "relative")]),
    ("Chinese police filed charges against 3 traders on Monday for smuggling coal.", [("2020-06-15", "day", "relative")]),
    ("단둥으로 들어오는 3월분 철광석 수입이 줄었다.", [("2020-03-01", "month", "relative")]),  # 들어오는: no 오는 date
    ("중국은 2017년 8월 석탄 수입을 중단했고, 그 다음 달 철광석 수입도 막았다.", [("2017-08-01", "month", "absolute")]),
])
def test_review_dates(text, expected):
    assert _dates(text, "2020-06-15") == expected


@pytest.mark.parametrize("unit", [
    "석탄 수출을 4억 달러로 묶는 " + "가" * 1990 + ". ",  # a Korean cap row whose word repeat was quadratic
    "coal exports fell against 5,5,5,5,5" + ",5" * 1000 + " in May. ",  # a comma run read as a figure per digit
    "철광석 수출이 재개돼 " + "가" * 1800 + " 늘릴 것으로 예상했다. ",  # the forecast scan
])
def test_review_hostile_runs_stay_linear(record, unit):
    import time

    text = "".join(f"{k} {unit}" for k in range(1_000_000 // len(unit.encode())))
    t0 = time.process_time()  # CPU time: a loaded machine does not make it fail
    extract("Headline\n\n" + text + "\n", "2020-05-01", "T", "", record)
    assert time.process_time() - t0 < 6


def test_final_review_korean_halts_and_next_month(record):
    assert {t for *_x, t in _drafts(record, "검덕광산의 아연 생산량이 멈췄다.")} == {"production_halt"}
    # 다음 달 after a named month is the month after it, not the report's next month
    assert "2020-07-01" not in {d for d, *_x in _dates("중국은 8월 석탄 수입을 중단했고, 다음 달 철광석 수입도 막았다.", "2020-06-15")}
    assert _dates("다음 달 석탄 수출을 재개한다", "2020-06-15")[0][:2] == ("2020-07-01", "month")


# --- the convention settled in data/README.md ("Event types"): an importer's standing ban is a sanction ---

@pytest.mark.parametrize(("text", "expected"), [
    ("China bans imports of North Korean copper, nickel, silver and zinc from Dec. 24, the commerce ministry said.",
     "sanction"),
    ("Beijing banned North Korean iron ore and lead imports on Tuesday.", "sanction"),
    ("China banned imports of North Korean coal until the end of the year, the commerce ministry said.",
     "import_suspension"),
    ("China temporarily banned North Korean coal imports for three weeks.", "import_suspension"),
    ("중국 상무부는 15일부터 북한산 철광석 수입을 금지한다고 공고했다.", "sanction"),
    ("중국은 한시적으로 북한산 석탄 수입을 금지했다.", "import_suspension"),
])
def test_an_importers_standing_ban_is_a_sanction_and_one_for_a_stated_while_a_suspension(record, text, expected):
    assert {t for *_x, t in _drafts(record, text, "2017-08-10")} == {expected}


def test_a_ban_named_again_after_the_suspension_is_that_suspension(record):
    text = ("China halts coal imports\n\nChina suspended all imports of North Korean coal on Feb. 19 until the "
            "end of the year, the commerce ministry said.\n\nAnalysts said China's ban on North Korean coal "
            "showed a harder line.\n")
    measures = [d for d in extract(text, "2017-03-02", "T", "", record).drafts
                if d.event_type in ("sanction", "import_suspension")]
    assert [(d.event_type, d.date) for d in measures] == [("import_suspension", "2017-02-19")]


def test_a_month_the_text_gives_takes_the_kind_of_chinas_measure_it_repeats(record):
    # data/sanctions.csv: China's coal notice of 18 February 2017 is a suspension (until the year's end)
    text = "Coal\n\nAfter its ban on North Korean coal in February, China added lead to the list, effective Aug. 15.\n"
    got = {(d.event_type, tuple(d.minerals), d.date) for d in extract(text, "2017-08-16", "T", "", record).drafts}
    assert ("import_suspension", ("coal",), "2017-02-01") in got
    assert ("sanction", ("lead",), "2017-08-15") in got


# --- general wordings found on blind set 26's failures (read after its one blind score), sentences of our own ---

def test_the_work_of_the_clause_before_halted_is_that_mines_production_halt(record):
    text = "Engineers arrived last May to develop gold mines there, but the work has been halted since August."
    got = {(d.event_type, tuple(d.minerals), d.date) for d in extract(text, "2015-10-01", "T", "", record).drafts}
    assert got == {("production_halt", ("gold",), "2015-08-01")}


@pytest.mark.parametrize(("text", "expected"), [
    ("The miners have pulled out of the zinc mine, a source said.", set()),
    ("The Chinese investors pulled out of the Musan mine last year.", {(("musan",), ("iron_ore",), "deal_collapsed")}),
    ("A source said the copper mine project had to stop because of the floods.", {((), ("copper",), "production_halt")}),
    ("Work at the zinc mine stopped, and the soldiers guarding it went home.", {((), ("zinc",), "production_halt")}),
    ("Work on the Musan mine began in September.", {(("musan",), ("iron_ore",), "production_change")}),
    ("They started mining coal near Anju in May.", {((), ("coal",), "production_change")}),
    ("Work on the new road to the Musan mine began in May.", set()),
    ("직동청년탄광의 생산실적이 높다고 방송은 전했다.", {(("jikdong",), ("coal",), "production_change")}),
])
def test_people_leaving_a_project_stopping_and_work_beginning(record, text, expected):
    assert _drafts(record, text) - {(m, x, t) for m, x, t in _drafts(record, text) if t == "trade_figure"} == expected


def test_a_works_named_for_a_day_gives_no_date():
    assert _dates("9월21일제련소와 12월5일청년광산이 생산을 늘렸다.", "2002-11-05") == []
    assert [x[:2] for x in _dates("광산은 9월 21일 생산을 늘렸다.", "2002-11-05")] == [("2002-09-21", "day")]


def test_each_mine_takes_the_mineral_it_is_known_for(record):
    got = _drafts(record, "검덕광산과 룡양광산이 생산을 늘렸다고 방송이 전했다.")
    assert got == {(("komdok",), ("zinc",), "production_change"), (("ryongyang",), ("magnesia",), "production_change")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Zinc traders keep doing business with Chinese buyers thanks to sanctions evasion.", "smuggling"),
    ("The freighter unloaded banned coal at a Chinese port in May.", "smuggling"),
    ("The authorities sent hundreds of discharged soldiers to the Komdok mine this spring.", "production_change"),
    ("당국은 제대군인들을 검덕광산에 대거 배치했다.", "production_change"),
    ("중국 업체가 북한 탄광과 무연탄 반입에 관한 협의서에 서명했다.", "deal_signed"),
    ("석탄 값이 오르면서 탄광 채굴이 바삐 돌아가고 있다.", "production_change"),
])
def test_evasion_banned_goods_moved_labour_sent_and_agreements_signed(record, text, expected):
    assert {t for *_x, t in _drafts(record, text)} == {expected}


@pytest.mark.parametrize("text", [
    "China banned North Korean coal in 2017.",  # the ban itself: a sanction, not banned goods moved
    "Uranium mining at the Pyongsan site is still going on, a source said.",  # work going on: no export
    "The coal was sent to a port near the mine.",  # goods sent, not labour
])
def test_not_smuggling_export_or_labour(record, text):
    assert {t for *_x, t in _drafts(record, text)} & {"smuggling", "export_continued", "production_change"} == set()


def test_a_figure_without_a_date_is_of_the_period_its_paragraph_just_named(record):
    text = ("Exports\n\n보고서에 따르면 북한은 지난해 중국에 모두 13억달러어치의 지하자원을 수출했다. 대중 수출 전체의 절반이 "
            "넘는 규모다. 품목별로는 석탄이 10억달러로 가장 많았다.\n\n석탄 값은 올랐다.\n")
    figures = [(d.minerals, d.date, d.date_precision) for d in extract(text, "2016-02-26", "T", "", record).drafts
               if d.event_type == "trade_figure"]
    assert figures == [(["coal"], "2015-01-01", "year")]


# --- general wordings found on blind set 27's failures (read after its one blind score), sentences of our own ---

def test_a_figure_takes_the_period_an_earlier_paragraph_named(record):
    text = ("Trade\n\nThe agency's yearly review says North Korea exported goods worth $2.8 billion last year.\n\n"
            "The trade deficit widened as machinery imports grew.\n\n"
            "Among exports, coal and other fuels came to $1.1 billion, the largest item.\n")
    figures = [(d.minerals, d.date, d.date_precision) for d in extract(text, "2015-06-05", "T", "", record).drafts
               if d.event_type == "trade_figure"]
    assert figures == [(["coal"], "2014-01-01", "year")]


@pytest.mark.parametrize("text", [
    "Zinc output climbs at the Komdok mine",
    "Miners are marking the holiday by turning out more coal.",
    "Some 40,000 tonnes more coal had been produced by the end of the month than a month earlier.",
])
def test_output_rising_in_a_headlines_present_and_more_produced(record, text):
    assert "production_change" in {t for *_x, t in _drafts(record, text)}


def test_amounts_written_in_words():
    from geo.ingest.amounts import amounts_and_qualifier

    assert amounts_and_qualifier("A firm imported one million tonnes of Musan ore.")[0][1:3] == (1.0, "million tonnes")
    assert amounts_and_qualifier("Sales of about half a million tons")[0][1:] == (0.5, "million tons", ["half a million tons"])
    assert amounts_and_qualifier("Sales of about half a million tons")[1] == "approximate"
    assert amounts_and_qualifier("worth two billion dollars")[0][0] == 2e9
    assert amounts_and_qualifier("a hundred people came")[0] == (None, None, "", [])
    assert amounts_and_qualifier("3 tons, then one million tonnes")[0][1:3] == (3.0, "tons")  # the digits' first
    assert amounts_and_qualifier("China imported twenty-five million dollars of coal.")[0][0] is None  # not 'five million'
    assert amounts_and_qualifier("thirty one million tonnes")[0][1] is None
    assert amounts_and_qualifier("five hundred tonnes of coal")[0][1:3] == (500.0, "tonnes")
    assert amounts_and_qualifier("The miners were paid a hundred dollars a month.")[0][0] == 100.0


# --- general wordings found on blind set 28's failures (read after its one blind score), sentences of our own ---

@pytest.mark.parametrize(("text", "expected"), [
    ("Zinc from North Korea may no longer enter China from Tuesday, the customs office said.", "sanction"),
    ("China's commerce ministry said no North Korean coal would be let in until the end of the year.", "import_suspension"),
    ("Heavy rains last week also damaged several coal mines near Anju.", "production_halt"),
    ("검덕광산의 조업이 10월 들어 본궤도에 올랐다.", "production_change"),
    ("중국 쪽은 북한 아연을 아예 사들이지 않고 있다.", "import_suspension"),
    ("단둥 세관은 북한산 석탄에 세관을 걸어 잠갔다.", "import_suspension"),
])
def test_goods_no_longer_let_in_mines_hit_by_floods_and_operations_on_track(record, text, expected):
    assert {t for *_x, t in _drafts(record, text, "2017-08-10")} == {expected}


def test_a_storm_that_struck_fields_is_no_halt(record):
    assert {t for *_x, t in _drafts(record, "Typhoon Maysak struck the coal fields of South Pyongan in September.")} \
        & {"production_halt", "discovery"} == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("중국 기업이 무산광산에 선광장을 지어 주었지만, 북측이 계약을 없던 일로 만들었다.", {(("musan",), ("iron_ore",), "deal_collapsed")}),
    ("중국 회사가 2억 위안을 들여 혜산광산에 공장을 세웠다.", set()),  # money spent, no trade figure
    ("북한은 지난해 석탄 50만t을 들여왔다.", {((), ("coal",), "trade_figure")}),
])
def test_a_deal_undone_and_money_spent_is_no_trade(record, text, expected):
    assert _drafts(record, text) == expected


# --- the review of this round (a helper's own sentences): readings too broad, crashes, logic ---

@pytest.mark.parametrize(("text", "unwanted"), [
    ("Kim visited the Komdok mine last week; meanwhile a fertilizer plant in Hungnam was shut down in April.",
     "production_halt"),
    ("The Musan mine is the largest iron mine in Asia, while the South's shipbuilding contract was cancelled in 2019.",
     "deal_collapsed"),
    ("The Chinese firm had invested in the Hyesan copper mine, but its hotel project in Pyongyang was halted in 2019.",
     "production_halt"),
    ("김정은은 지난달 검덕광산을 현지지도했지만, 평양방직공장의 생산은 크게 줄었다.", "production_change"),
    ("Work at the Musan mine never started.", "production_change"),
    ("No visitors will be allowed into the Musan mine.", "sanction"),
    ("Tourists may no longer enter the Musan mine.", "sanction"),
    ("Police sent workers who had protested at the Komdok mine to prison.", "production_change"),
    ("Heavy rain damaged houses near the Komdok mine last week.", "production_halt"),
    ("Washington has stepped up its fight against sanctions evasion involving North Korean coal.", "smuggling"),
    ("Chinese ports refused to unload banned North Korean coal.", "smuggling"),
])
def test_the_rounds_new_readings_are_not_too_broad(record, text, unwanted):
    assert unwanted not in {t for *_x, t in _drafts(record, text)}


@pytest.mark.parametrize(("text", "expected"), [
    ("Chinese workers said the coal deal had collapsed.", "deal_collapsed"),  # people named, no one left
    ("Iron ore output at the Musan mine and exports to China continue.", "export_continued"),
    ("The miners were paid a hundred dollars a month at the Musan mine.", None),  # no crash ('hundred')
])
def test_real_events_beside_the_new_exceptions_are_still_read(record, text, expected):
    got = {t for *_x, t in _drafts(record, text)}
    assert expected is None or expected in got


def test_retyped_and_merged_measures_keep_an_effect_and_are_not_doubled(record):
    def measures(text, pub="2017-08-16"):
        return [(d.event_type, d.effect, d.date) for d in extract(text, pub, "T", "", record).drafts
                if d.event_type in ("sanction", "import_suspension")]

    # the record's measure that day is a coal cap: the text's "temporarily" keeps it a suspension
    assert measures("Coal\n\nChina temporarily suspended North Korean coal imports on December 23, 2016.\n") == \
        [("import_suspension", "suspended", "2016-12-23")]
    assert measures("Coal\n\nChina suspended coal imports from North Korea on February 19, 2017, until the end of the "
                    "year. Customs data showed China banned North Korean coal from February 19, 2017.\n") == \
        [("import_suspension", "suspended", "2017-02-19")]
    # the UN's ban is another measure, not China's suspension told again
    assert measures("Coal\n\nChina suspended all coal imports from North Korea on February 18, 2017 until the end of "
                    "the year. The UN Security Council also banned North Korean coal exports.\n") == \
        [("import_suspension", "suspended", "2017-02-18"), ("sanction", "banned", "2017-02-18")]
    # a suspension in the headline and a dateless ban in the body: one measure, a suspension
    assert [t for t, _e, _d in measures("China suspends North Korean coal imports until year end\n\nTraders in "
                                         "Dandong said the ban on coal had hit them hard.\n", "2017-03-02")] == \
        ["import_suspension"]


def test_dates_in_a_us_date_and_a_figures_period_are_guarded(record):
    text = ("On February 18, 2017 China banned coal imports from North Korea and on August 15, 2017 it banned "
            "iron ore and lead.")
    got = {(tuple(d.minerals), d.date) for d in extract(text, "2017-09-01", "T", "", record).drafts}
    assert {(("coal",), "2017-02-18"), (("iron_ore", "lead"), "2017-08-15")} <= got
    text = ("Zinc\n\nKim Jong Il visited the Komdok mine on March 3, 2009. He praised the workers.\n\n"
            "North Korea has now exported zinc worth $12 million, customs data show.\n")
    figures = [(d.date, d.date_precision) for d in extract(text, "2020-05-01", "T", "", record).drafts
               if d.event_type == "trade_figure"]
    assert figures == [("2020-05-01", "approximate")]  # told as now, and a day is no period


def test_a_year_before_a_works_named_for_a_day_stands():
    assert [x[:2] for x in _dates("2019년 9월21일제련소의 아연 생산이 크게 줄었다.", "2020-05-01")] == [("2019-01-01", "year")]


# --- the convention settled in data/README.md ("Event type"): trade under a ban is typed by the report's words ---

@pytest.mark.parametrize(("text", "expected"), [
    # the report calls the trade illicit, names the goods as banned, or says how it was hidden: smuggling
    ("Chinese firms kept trading North Korean coal in violation of UN sanctions, officials said.", "smuggling"),
    ("Traders in Dandong are buying iron ore from the North in breach of the sanctions.", "smuggling"),
    ("Sanctioned North Korean zinc is still being shipped to Dalian, traders say.", "smuggling"),
    ("Pyongyang keeps selling coal to Chinese buyers, defying the UN ban.", "smuggling"),
    ("금수품인 북한산 철광석이 여전히 중국으로 넘어가고 있다고 소식통이 전했다.", "smuggling"),
    ("북한은 제재를 위반하고 석탄을 중국에 계속 팔고 있다.", "smuggling"),
    # the ban named beside exports that go on: a continued export (its status on the date says banned)
    ("Iron ore from the Musan mine is still crossing into China every day despite the UN resolution.",
     "export_continued"),
    ("대북제재에도 불구하고 무산광산 철광석이 여전히 중국으로 수출되고 있다.", "export_continued"),
])
def test_trade_under_a_ban_is_typed_by_what_the_report_calls_it(record, text, expected):
    assert {t for *_x, t in _drafts(record, text, "2019-06-01")} == {expected}


def test_a_measure_on_sanctioned_coal_exports_is_no_smuggling(record):
    # "sanctioned" as the verb of a measure, not an attribute of goods moved
    got = {t for *_x, t in _drafts(record, "The Security Council sanctioned coal exports from North Korea in 2017.",
                                   "2017-09-01")}
    assert "smuggling" not in got


# --- blind set 29's failures (read after its one blind score), as general rules on sentences of our own ---

@pytest.mark.parametrize(("text", "expected"), [
    # a prohibition told as what a state must not do, a ban verb with its article, a ceiling
    ("The council decided that the country must not supply, sell or transfer iron ore from its territory.",
     {((), ("iron_ore",), "sanction")}),
    ("The new resolution also bars the sale of copper and zinc from the North.",
     {((), ("copper", "zinc"), "sanction")}),
    ("The council set a ceiling on the country's coal exports.", {((), ("coal",), "sanction")}),
    ("From January, its coal sales abroad may not go above 7.5 million tonnes a year.", {((), ("coal",), "sanction")}),
    # a suspected breach of sanctions is the report calling the trade illicit
    ("A cargo ship loaded with coal was held at the port over a suspected breach of UN sanctions.",
     {((), ("coal",), "smuggling")}),
    # an order to traders told with "telling", after a purpose that is no event of its own
    ("To stop the trade, customs issued an order telling trading firms to return their North Korean coal cargoes.",
     {((), ("coal",), "import_suspension")}),
    # Korean: production begun with a subject and an adverb; exported in secret; joint work agreed
    ("지난 3일부터 아연정광 생산이 본격적으로 시작됐다.", {((), ("zinc",), "production_change")}),
    ("북한산 석탄이 중국으로 몰래 수출되고 있다고 신문이 보도했다.", {((), ("coal",), "smuggling")}),
    ("남북은 공동 조사단을 꾸려 아연 산지인 검덕광산을 함께 살펴보기로 했다.", {(("komdok",), ("zinc",), "deal_signed")}),
])
def test_blind_set_29_wordings(record, text, expected):
    got = _drafts(record, text, "2016-12-01")
    assert expected <= got and {t for *_x, t in got} == {t for *_x, t in expected}, got


@pytest.mark.parametrize("text", [
    "Unnamed sources describe brisk gold bar sales in Dandong.",  # a bar of gold, not a ban
    "The panel looks into breaches of the sanctions and reports twice a year.",  # no mineral moved
    "To meet the plan, miners worked through the night at the coal face.",  # a purpose, no halt
])
def test_no_ban_or_smuggling_from_bars_probes_or_purposes(record, text):
    assert {t for *_x, t in _drafts(record, text)} & {"sanction", "smuggling", "export_halt"} == set()


@pytest.mark.parametrize(("text", "pub", "expected"), [
    ("남북이 공동팀을 꾸려 7월6일까지 광산을 살펴보기로 했다.", "2007-05-04", "2007-07-06"),  # a deadline ahead
    ("북한은 다음 달 12일까지 지질 자료를 넘기기로 했다.", "2007-05-04", "2007-06-12"),  # the 12th of next month
    ("5월 25일부터 수입을 금지한다.", "2007-05-20", "2007-05-25"),  # a start ahead
    ("3월 5일까지 수출을 멈췄다.", "2007-05-04", "2007-03-05"),  # a deadline passed stays
    ("5일까지 수출을 멈췄다.", "2007-05-20", "2007-05-05"),
    ("12월 20일부터 수출을 멈췄다.", "2007-01-20", "2006-12-20"),  # eleven months ahead: last year's
])
def test_a_korean_day_before_buteo_or_kkaji_may_lie_ahead(text, pub, expected):
    assert _dates(text, pub)[0][0] == expected


def test_a_mineral_sentence_dropped_as_a_summary_dates_the_mine_draft(record):
    text = ("Mine back at work\n\n무산광산이 홍수 피해를 복구하고 가동을 다시 시작했다고 북한 매체가 전했다.\n\n"
            "방송은 지난 16일부터 철정광 생산이 본격적으로 시작됐다고 전했다.\n")
    drafts = [d for d in extract(text, "2016-09-26", "T", "", record).drafts if d.event_type == "production_change"]
    assert [(d.mines, d.minerals, d.date, d.date_precision) for d in drafts] == [
        (["musan"], ["iron_ore"], "2016-09-16", "day")]


def test_an_undated_output_change_takes_the_period_named_before(record):
    text = ("Economy shrank\n\n한국은행은 지난해 북한 경제가 3.5% 줄었다고 밝혔다.\n\n광업 성장률은 -11.0%로 떨어졌다.\n\n"
            "한국은행은 석탄을 중심으로 광물 생산이 큰 폭으로 감소했다고 설명했다.\n")
    got = {(d.event_type, d.date, d.date_precision) for d in extract(text, "2018-07-20", "T", "", record).drafts}
    assert ("production_change", "2017-01-01", "year") in got


# --- the round's review (a helper's own sentences and hostile texts), each finding now a test ---

@pytest.mark.parametrize(("text", "not_expected"), [
    ("Sanctioned minerals include coal, iron ore, lead and zinc.", "smuggling"),  # goods named, not moved
    ("The price of sanctioned coal fell in Dandong last month.", "smuggling"),
    ("The council warned that violations of the sanctions on coal would be punished.", "smuggling"),
    ("The UN panel investigated violations of the sanctions on coal.", "smuggling"),
    ("북한은 석탄 수출로 제재를 위반하지 않았다고 밝혔다.", "smuggling"),  # denied
    ("중국 해관은 제재 위반을 막기 위해 북한산 석탄 수입을 전면 금지했다.", "smuggling"),  # to prevent it
    ("Part of the ceiling caved in at the Tanchon magnesite mine in May.", "sanction"),
    ("Miners must not sell gold to private traders, the manager said.", "sanction"),
    ("무산광산의 철광석 생산이 시작됐다가 곧 중단됐다.", "production_change"),
    ("공동 취재단에 따르면 중국은 무산광산 철광석을 조사하기로 했다.", "deal_signed"),  # a press pool
    ("Pyongyang is instructing trading companies to return coal earnings to the state.", "import_suspension"),
    ("Coal production began to fall at the Tokchon mine in 2018.", "production_change"),  # not an increase
])
def test_review_wordings_that_must_not_draft_their_type(record, text, not_expected):
    assert not_expected not in {t for *_x, t in _drafts(record, text, "2019-06-10")}


@pytest.mark.parametrize(("text", "expected"), [
    ("To evade the sanctions, traders shipped the coal to Vietnam first.", "smuggling"),  # a purpose that is evasion
    ("North Korea kept shipping coal to China, defying Washington's pressure.", "export_continued"),
    ("Traders moved the coal to China in defiance of UN sanctions.", "smuggling"),
    ("The ship was seized for breaching UN sanctions by carrying coal.", "smuggling"),
])
def test_review_wordings_that_must_draft_their_type(record, text, expected):
    assert expected in {t for *_x, t in _drafts(record, text, "2019-06-10")}


@pytest.mark.parametrize(("text", "pub", "expected"), [
    ("중국은 지난 25일부터 북한산 석탄 수입을 중단했다.", "2019-06-05", ("2019-05-25", "day")),  # 지난: past
    ("무산광산은 11월 3일부터 철광석 생산을 중단했다.", "2019-05-10", ("2018-11-03", "day")),  # a past act
    ("다음 달 31일부터 수입을 금지한다.", "2019-08-10", ("2019-09-01", "month")),  # September has no 31st
    ("작년 12월 20일부터 수출을 멈췄다.", "2019-06-10", ("2018-12-20", "day")),
    ("1월 10일부터 수입을 금지한다.", "2019-12-20", ("2020-01-10", "day")),  # across the year's end
])
def test_review_korean_days_before_buteo_and_kkaji(text, pub, expected):
    assert _dates(text, pub)[0][:2] == expected


def test_review_a_span_of_two_days_after_month_words():
    got = find_dates("지난달 12일부터 이달 5일까지 수출이 끊겼다.", dt.date(2019, 6, 20), None)
    assert [(str(d.date), str(d.end_date)) for d in got] == [("2019-05-12", "2019-06-05")]


def test_review_a_sentence_about_other_mines_does_not_date_the_mine(record):
    text = ("Output up\n\nThe Musan mine raised iron ore output, state media said.\n\n"
            "Iron ore output also rose at other mines in North Hamgyong on May 3.\n")
    (musan,) = [d for d in extract(text, "2019-06-10", "T", "", record).drafts if d.mines == ["musan"]]
    assert musan.date != "2019-05-03"


def test_review_a_mines_output_change_does_not_take_an_earlier_period(record):
    text = ("Economy\n\nThe economy shrank 3.5 percent last year, the central bank said.\n\n"
            "Separately, state media said zinc output at the Komdok mine soared.\n")
    (d,) = [d for d in extract(text, "2019-06-10", "T", "", record).drafts if d.event_type == "production_change"]
    assert "the period named before" not in d.date_basis  # a country's output takes it, not a mine's


def test_a_months_trade_figure_is_not_the_years(record):
    # found on a new user's trial: January's coal figure was marked as repeating the record's 2017 figure
    text = "Coal\n\nNorth Korea exported 1.44 million tons of coal to China in January, customs data showed.\n"
    (d,) = [d for d in extract(text, "2017-03-04", "T", "", record).drafts if d.event_type == "trade_figure"]
    assert d.date_precision == "month" and not d.known


def test_a_korean_headline_is_the_reports_title():
    # found on a new user's trial: a Korean report's source row said "(title not recorded)"
    from geo.ingest.text import guess_title

    assert guess_title("北 매체 수해 입은 무산광산 주요 공정 생산 재개\n\n본문이다.") == "北 매체 수해 입은 무산광산 주요 공정 생산 재개"
    assert guess_title("북한 석탄 항구 송림항에 선박 드나듦 잦아 환적 의심\n\n본문") == "북한 석탄 항구 송림항에 선박 드나듦 잦아 환적 의심"


def test_a_months_length_after_the_month_is_no_date():
    # "8월 한 달 동안": during the month of August, not since a month before the report
    assert _dates("북한은 8월 한 달 동안 텅스텐광 987t을 팔았다.", "2022-09-21")[0][:2] == ("2022-08-01", "month")
    assert _dates("한 달 넘게 캐지 못하고 있다.", "2022-09-21")[0][1] == "approximate"


# Blind set 31 read after its one blind score: general rules, each on sentences of our own.

@pytest.mark.parametrize(("text", "pub", "expected"), [
    # a ban told with no date of its own takes the adoption date of the resolution the report named before
    ("안보리 결의 2371호 채택\n\n안보리는 대북 제재 결의 2371호를 만장일치로 통과시켰다.\n\n북한산 석탄과 철광석은 수출이 전면 금지됐다.\n",
     "2017-08-07", ("2017-08-05", "day")),
    ("Council acts\n\nThe Security Council adopted Resolution 2371 after a short debate.\n\n"
     "It bans North Korea's exports of coal and iron ore.\n", "2017-08-07", ("2017-08-05", "day")),
])
def test_a_ban_takes_the_date_of_the_resolution_named_before(record, text, pub, expected):
    (d,) = [d for d in extract(text, pub, "T", "", record).drafts if d.event_type == "sanction" and "coal" in d.minerals]
    assert (d.date, d.date_precision) == expected


def test_a_ban_in_force_now_does_not_take_an_earlier_resolutions_date(record):
    text = ("Rules\n\nResolution 2321 was adopted in 2016.\n\n"
            "Buying copper and zinc from North Korea is now prohibited in Switzerland.\n")
    dates = {d.date for d in extract(text, "2017-02-23", "T", "", record).drafts if d.event_type == "sanction"}
    assert "2016-11-30" not in dates


@pytest.mark.parametrize(("text", "expected"), [
    ("A Chinese state firm has reached an agreement with a North Korean trading house to redevelop the Hyesan copper mine.",
     (("hyesan",), ("copper",), "deal_signed")),
    ("The office agreed on March 3 with a Shenyang trading company to develop gold mines in the north together.",
     ((), ("gold",), "deal_signed")),
])
def test_an_agreement_with_a_partner_to_develop_is_a_deal(record, text, expected):
    assert expected in _drafts(record, text)


def test_agreeing_with_a_view_is_no_deal(record):
    assert not {t for *_x, t in _drafts(record, "Analysts agreed with the view that it was too soon to invest in copper.")} \
        & {"deal_signed"}


def test_a_headlines_event_takes_the_date_the_opening_gives_it(record):
    text = ("Pyongyang agrees with Russian firm to develop gold mines\n\n"
            "North Korea's investment office agreed on April 2 with a Russian company to develop mines in the north together.\n")
    (d,) = [d for d in extract(text, "2020-05-01", "T", "", record).drafts if d.event_type == "deal_signed"]
    assert (d.date, d.date_precision) == ("2020-04-02", "day")


def test_a_document_obtained_on_a_day_is_the_tellings_date():
    got = _dates("Coal went to Japan in breach of sanctions, according to documents that a newspaper obtained on Monday.",
                 "2020-05-06")
    assert got == [("2020-05-04", "day", "attribution")]


def test_the_reports_account_in_the_next_sentence_dates_the_event(record):
    text = ("Coal\n\nNorth Korean coal reached Vietnam twice in violation of UN sanctions, according to a report that "
            "a broadcaster obtained on Friday.\n\nThe report says the two cargoes arrived in March of last year.\n")
    (d,) = [d for d in extract(text, "2020-05-10", "T", "", record).drafts if d.event_type == "smuggling"]
    assert (d.date, d.date_precision) == ("2019-03-01", "month")


def test_a_korean_mine_that_stopped_is_a_production_halt(record):
    assert {t for *_x, t in _drafts(record, "검덕광산이 지난달부터 완전히 멈춰 섰다고 소식통이 전했다.")} == {"production_halt"}


def test_a_proposal_named_again_two_sentences_on_dates_the_offer(record):
    text = ("Offer\n\nNorth Korea has proposed that China take molybdenum from a northern deposit in return for fuel, "
            "a ministry disclosed.\n\nIn a statement, the ministry said the North had asked for fuel oil.\n\n"
            "The proposal was made at talks held in Beijing last month.\n")
    (d,) = [d for d in extract(text, "2020-05-10", "T", "", record).drafts if d.event_type == "investment_offer"]
    assert (d.date, d.date_precision) == ("2020-04-01", "month")


@pytest.mark.parametrize(("text", "pub", "expected"), [
    ("Coal entered the South between April and October last year.", "2018-08-10", ("2017-04-01", "month", "2017-10-31")),
    ("Ore went out from November to February 2018.", "2018-08-10", ("2017-11-01", "month", "2018-02-28")),
    # two months next to each other joined by "and" are one span (the round-37 rule, geo.ingest.dates_en.month_pairs)
    ("Exports in January and February last year fell.", "2018-08-10", ("2017-01-01", "month", "2017-02-28")),
    ("Exports in January and March last year fell.", "2018-08-10", ("2017-01-01", "month", "None")),
])
def test_two_months_joined_share_the_year_said_after_the_second(text, pub, expected):
    d = find_dates(text, dt.date.fromisoformat(pub), None)[0]
    assert (str(d.date), d.precision, str(d.end_date)) == expected


def test_trade_in_what_looks_like_a_breach_is_smuggling(record):
    assert "smuggling" in {t for *_x, t in _drafts(
        record, "Two firms brought in coal from the North last year, in what looks like a breach of UN sanctions.")}


def test_a_rate_per_year_is_no_periods_trade_figure(record):
    text = ("Mill\n\nThe smelter shut in September.\n\n"
            "The firm took out 1.5 million tons of iron ore a year at the Musan mine.\n")
    assert "trade_figure" not in {d.event_type for d in extract(text, "2012-10-17", "T", "", record).drafts}
    dated = "North Korea exported 1.5 million tons of iron ore in 2011, up from a year earlier, customs data showed."
    assert "trade_figure" in {t for *_x, t in _drafts(record, dated, "2012-10-17")}


def test_rights_already_held_are_no_offer(record):
    assert "investment_offer" not in {t for *_x, t in _drafts(record, "The group already holds the mining rights to the Hyesan mine.")}


# The round's review of blind set 31's rules: each finding, on the reviewer's own sentences.

@pytest.mark.parametrize("text", [
    "Most experts agreed with the UN panel's finding, which said Pyongyang used front companies to develop the Musan iron ore mine.",
    "Analysts agree with officials in Seoul who say it will take a decade to develop the Hyesan copper mine.",
    "The UN Security Council agreed on Friday, together with Japan, to set up a panel to watch coal exports from the North.",
])
def test_review_agreeing_with_a_view_or_together_with_others_is_no_deal(record, text):
    assert "deal_signed" not in {t for *_x, t in _drafts(record, text, "2019-06-10")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials held the signing ceremony for the Musan iron ore joint venture in Beijing on Monday.", "deal_signed"),
    ("Chinese border police held smuggled North Korean coal at Dandong on Monday.", "smuggling"),
])
def test_review_held_before_a_cue_is_not_rights_held(record, text, expected):
    assert expected in {t for *_x, t in _drafts(record, text, "2019-06-10")}


@pytest.mark.parametrize("text", [
    "Customs figures for last year came out on Monday. North Korea sold $50 million of coal to China, about $4 million a month.",
    "Customs figures for 2019 came out on Monday. North Korea exported 300,000 tons of iron ore in half a year.",
    "Customs figures for 2019 came out on Monday. North Korea exported 300,000 tons of iron ore, up 20 percent on a year-on-year basis.",
])
def test_review_a_periods_figure_beside_a_rate_or_a_comparison_is_still_a_figure(record, text):
    assert "trade_figure" in {t for *_x, t in _drafts(record, text, "2020-01-20")}


def test_review_a_rate_left_out_of_the_drafts_is_a_lead(record):
    text = "Mill\n\nThe smelter shut in September.\n\nThe firm took out 1.5 million tons of iron ore a year at the Musan mine.\n"
    res = extract(text, "2012-10-17", "T", "", record)
    assert any("1.5 million tons" in d.evidence for d in res.leads)


def test_review_another_authoritys_ban_does_not_take_the_resolutions_date(record):
    text = ("Bans\n\nThe Security Council adopted Resolution 2270 in March 2016 after a nuclear test.\n\n"
            "Brussels banned all imports of North Korean coal and iron ore.\n")
    dates = {d.date for d in extract(text, "2016-06-01", "T", "", record).drafts if d.event_type == "sanction"}
    assert "2016-03-02" not in dates


@pytest.mark.parametrize(("text", "pub", "not_date"), [
    ("North Korea signs deal with Chinese firm to develop gold mines\n\n"
     "Pyongyang signed a similar agreement with Moscow in 2014 that was never carried out.\n", "2020-05-01", "2014"),
    ("Offer\n\nNorth Korea has offered Chinese investors the rights to develop the Musan iron ore mine.\n\nIt gave no price.\n\n"
     "The move follows a similar offer to Russia in 2014.\n", "2020-05-01", "2014"),
    ("Coal\n\nNorth Korean coal reached Vietnam in breach of sanctions, according to a report seen by Reuters.\n\n"
     "The report, the panel's first since 2017, runs to 200 pages.\n", "2020-05-01", "2017"),
])
def test_review_a_later_sentence_about_another_event_does_not_date_this_one(record, text, pub, not_date):
    assert all(not d.date.startswith(not_date) for d in extract(text, pub, "T", "", record).drafts)


@pytest.mark.parametrize(("text", "expected"), [
    ("무산광산 철광석 수출이 광산 측 사정으로 지난달 중단됐다.", "export_halt"),  # 광산 측: not the subject
    ("석탄 무역 계약 갱신이 지난달 중단됐다.", "export_halt"),  # 갱신 is no pit
    ("“무산광산 멈춰서자 노동자 감원 착수”\n\n본문은 짧다.", "production_halt"),  # a headline drops the particle
])
def test_review_a_korean_mine_is_a_halts_subject_only_as_its_subject(record, text, expected):
    assert expected in {t for *_x, t in _drafts(record, text, "2019-06-10")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Beijing said by March 1 all imports of North Korean coal would stop.", "absolute"),
    ("The state mining agency obtained on 5 May a 20-year licence.", "absolute"),
])
def test_review_by_and_obtained_are_a_tellings_date_only_after_their_own_words(text, expected):
    assert _dates(text, "2020-05-06")[0][2] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Exports rose last March and in May 2017.", ("2020-03-01", "month", "relative")),  # "last March" names its year
    ("Coal arrived on March 3 last year.", ("2019-03-03", "day", "absolute")),
])
def test_review_months_that_name_their_own_year(text, expected):
    assert _dates(text, "2020-05-06")[0] == expected


def test_review_from_a_month_until_another_is_a_span():
    d = find_dates("Ore went out from April until October 2017.", dt.date(2020, 5, 6), None)[0]
    assert (str(d.date), str(d.end_date)) == ("2017-04-01", "2017-10-31")


# Blind set 32 read after its one blind score: general rules, each on sentences of our own.

def test_a_measure_that_holds_trade_to_an_amount_is_a_cap_dated_by_its_adoption(record):
    text = ("Council\n\nThe Security Council voted for the resolution on November 30.\n\n"
            "The resolution holds the North's coal exports next year to 7.5 million tonnes.\n")
    drafts = [d for d in extract(text, "2016-12-10", "T", "", record).drafts if "coal" in d.minerals]
    assert [(d.event_type, d.effect, d.date) for d in drafts] == [("sanction", "capped", "2016-11-30")]


def test_a_halt_that_begins_on_a_weekday_is_dated_ahead(record):
    text = ("Coal\n\nChina was suspending imports of North Korean coal, a government statement said.\n\n"
            "The halt begins on Sunday and lasts until December 31, according to the statement.\n")
    (d,) = [d for d in extract(text, "2016-12-10", "T", "", record).drafts if d.event_type == "import_suspension"]
    assert (d.date, d.date_precision) == ("2016-12-11", "day")


@pytest.mark.parametrize(("text", "expected"), [
    ("싱가포르 당국이 북한산 석탄을 실은 선박의 입항을 거부했다.", "import_suspension"),
    ("석탄을 실은 배는 입항 허가를 받지 못한 채 바다에 머물러 있다.", "import_suspension"),
    ("당국은 이 석탄이 지난달 공해상에서 바지선으로 옮겨졌다고 본다.", "smuggling"),
    ("무산광산 철광석을 두 나라가 함께 개발해 온 사업이 멈춰 선 것으로 알려졌다.", "deal_collapsed"),
])
def test_korean_wordings_of_this_round(record, text, expected):
    assert expected in {t for *_x, t in _drafts(record, text, "2019-06-10")}


def test_a_korean_report_of_an_event_denied_is_no_event(record):
    text = "중국 업체는 무산광산 철광석 합작이 중단됐다는 일부 언론의 보도를 정면으로 반박했다."
    assert "deal_collapsed" not in {t for *_x, t in _drafts(record, text, "2012-10-18")}


def test_a_quoted_headline_is_the_headline_and_the_opening_dates_it(record):
    from geo.ingest.text import guess_title

    text = ("\"싱가포르, 北 석탄 의심 선박 입항 막아\"\n\n석탄 넘겨받은 배\n\n/사진=연합뉴스\n\n"
            "싱가포르 당국이 석탄을 실었다는 의심을 받는 선박을 조사하고 있다고 한 방송이 20일 전했다.\n\n"
            "이 방송에 따르면 선박은 지난 19일 항구 앞바다에 닿았지만 입항 허가를 받지 못한 채 머물러 있다.\n")
    assert guess_title(text) == "\"싱가포르, 北 석탄 의심 선박 입항 막아\""
    (d,) = [d for d in extract(text, "2019-04-20", "T", "", record).drafts if d.event_type == "import_suspension"]
    assert d.date == "2019-04-19"


def test_a_mineral_after_a_mine_the_record_lacks_is_that_mines(record):
    text = "소식통은 \"용하광산 몰리브덴과 대봉광산 중석 수출도 함께 멈췄다\"고 말했다."
    assert {(m, x) for m, x, _t in _drafts(record, text, "2017-04-27")} == {(("daebong",), ("tungsten",)), ((), ("molybdenum",))}


def test_the_first_months_of_the_year_start_in_january():
    d = find_dates("Shipments all but stopped in the first months of the year.", dt.date(2020, 8, 5), None)[0]
    assert (str(d.date), d.precision, str(d.end_date)) == ("2020-01-01", "month", "2020-03-31")


def test_a_projects_purpose_is_no_event(record):
    assert _drafts(record, "Its main purpose is to step up annual coal output at the Chongnam mine.", "2019-01-18") == set()


# Blind set 33 read after its one blind score: general rules, each on sentences of our own.

def test_a_cargo_refused_unloading_is_an_import_suspension(record):
    text = "Some 20,000 tons of North Korean coal was refused unloading on Friday at a port in Dalian, traders said."
    assert {t for *_x, t in _drafts(record, text, "2018-03-05")} == {"import_suspension"}


def test_what_came_a_day_before_is_background(record):
    text = ("Beijing turned away a shipment of North Korean coal, two days after Pyongyang fired a missile in breach "
            "of UN resolutions.")
    assert {t for *_x, t in _drafts(record, text, "2018-03-05")} == {"import_suspension"}


def test_a_date_after_comes_as_two_sentences_on_is_another_events(record):
    text = ("Coal\n\nBorder guards seized a truckload of North Korean coal hidden under cabbages, an official said Tuesday.\n\n"
            "It was not clear who owned it.\n\nThe seizure comes as the UN tightens a ban passed after the North's "
            "March 3 missile test.\n")
    (d,) = [d for d in extract(text, "2018-07-10", "T", "", record).drafts if d.event_type == "smuggling"]
    assert d.date != "2018-03-03"


def test_a_korean_joint_company_agreed_is_a_deal(record):
    text = "용등탄광과 중국 기업은 지난달 석탄을 캐기 위한 합병회사를 곧 세우기로 뜻을 모았다."
    assert (("ryongdung",), ("coal",), "deal_signed") in _drafts(record, text, "2005-11-10")


def test_a_county_named_with_another_mineral_is_the_county_not_its_mine(record):
    # the record keeps an unnamed molybdenum source known only by Musan County (무산군)
    text = "무산군과 회령군의 작은 탄광들은 생산을 멈췄다고 소식통이 전했다."
    assert {m for m, _x, _t in _drafts(record, text, "2015-03-20")} == {()}


# The new user's trial of this round: what its reports showed, on sentences of our own.

def test_a_headlines_request_is_no_event(record):
    assert "designation" not in {t for *_x, t in _drafts(
        record, "US seeks UN blacklist for four ships that carried North Korean coal to Vietnam", "2025-11-04")}


def test_a_fact_confirmed_is_no_discovery(record):
    text = "An official said it had been confirmed that ships from third countries carried North Korean coal."
    assert "discovery" not in {t for *_x, t in _drafts(record, text, "2025-11-04")}
    assert "discovery" in {t for *_x, t in _drafts(record, "Large coal deposits have been confirmed near the town.", "2025-11-04")}


def test_a_korean_works_named_for_a_day_is_a_whole_candidate():
    from geo.ingest.gazetteer import Gazetteer
    from geo.ingest.mentions import find_candidates
    from geo.rules.load import load_dataset

    gaz = Gazetteer.from_dataset(load_dataset())
    assert find_candidates("4월15일청년광산에서 구리를 캤다.", gaz) == ["4월15일청년광산"]  # not "일청년광산"
    assert find_candidates("6·13광산도 멈췄다.", gaz) == ["6·13광산"]


def test_a_headline_that_opens_or_ends_with_a_quote_is_the_headline():
    from geo.ingest.text import guess_title

    assert guess_title("\"北, 함경북도 석탄으로 외화 번다\"…연구소 분석\n\n본문이다.") == "\"北, 함경북도 석탄으로 외화 번다\"…연구소 분석"
    assert guess_title("밤에만 오가는 배… \"북한 석탄, 中으로 몰래 나간다\"\n\n본문") == "밤에만 오가는 배… \"북한 석탄, 中으로 몰래 나간다\""
    assert guess_title("\"We will never give up,\" he said at the border post.\n\nBody.") == ""  # a quoted sentence


def test_a_hangul_publishers_source_id_is_romanized():
    from geo.ingest.source_row import make_source_row

    # a publisher the record knows takes the record's slug (the fourth trial: 데일리NK gave "deilrink"); another is romanized
    assert make_source_row(None, "데일리NK", "", "", dt.date(2019, 10, 22))["source_id"] == "dailynk-2019-10-22"
    assert make_source_row(None, "통일뉴스", "", "", dt.date(2019, 10, 22))["source_id"] == "tongilnyuseu-2019-10-22"


# Blind set 34 read after its one blind score: general rules, each on sentences of our own.

def test_a_korean_cargo_sent_back_or_returned_is_an_import_suspension(record):
    for text in ("칭다오항 세관은 지난달 초 북한에서 온 무연탄을 검사한 뒤 모두 되돌려 보냈다.",
                 "중국 당국은 지난 3월에도 옌타이항에 들어온 북한산 무연탄을 같은 이유로 반송한 바 있다."):
        assert ((), ("coal",), "import_suspension") in _drafts(record, text, "2014-05-10")
    # not sent back: no suspension
    assert "import_suspension" not in {t for *_x, t in _drafts(
        record, "세관은 북한산 무연탄을 돌려보내지 않고 그대로 통관시켰다.", "2014-05-10")}


def test_a_korean_mine_whose_mining_has_stopped_is_a_production_halt(record):
    text = "무산 철광은 전력난으로 채광이 멈춰 있는 상태다."  # not its exports: its mining
    assert _drafts(record, text, "2012-09-01") == {(("musan",), ("iron_ore",), "production_halt")}


def test_a_korean_day_said_with_its_time_zone_is_the_telling(record):
    text = "북한의 아연 수출이 끊겼다고 미국의소리(VOA) 방송이 9일(현지시간) 보도했다."
    (d,) = extract(text, "2016-06-10", "T", "", record).drafts
    assert (d.date, d.date_precision) == ("2016-06-09", "approximate") and "when the source spoke" in d.date_basis


def test_a_korean_day_just_after_a_relative_month_is_that_months_day():
    assert _dates("작년 11월7일 계약서에 서명했다.", "2009-03-02")[0][:2] == ("2008-11-07", "day")
    assert _dates("지난해 9월 4일 계약서에 서명했다.", "2009-03-02")[0][:2] == ("2008-09-04", "day")


def test_the_name_of_the_data_is_not_the_figures_event_word(record):
    # "수출입 통계를 보면" names where the figure comes from; the figure is the purchase told after it, with its month
    text = "3일 해관총서가 공개한 수출입 통계를 보면, 중국은 지난달 북한산 철광석 2만t을 사들였다."
    (d,) = extract(text, "2016-11-03", "T", "", record).drafts
    assert (d.event_type, d.date, d.date_precision) == ("trade_figure", "2016-10-01", "month")
    text = "Export data released on Thursday showed China bought 20,000 tonnes of North Korean iron ore in October."
    (d,) = extract(text, "2016-11-04", "T", "", record).drafts
    assert (d.event_type, d.date, d.date_precision) == ("trade_figure", "2016-10-01", "month")


def test_an_importer_buying_again_is_resumed_exports(record):
    text = "중국이 북한산 무연탄 수입을 끊은 지 석 달 만에 다시 들여오기 시작한 것으로 확인됐다."
    assert ((), ("coal",), "export_resumed") in _drafts(record, text, "2016-08-01")


def test_slipping_around_sanctions_is_smuggling(record):
    text = "A UN panel found that Pyongyang has been slipping around sanctions and selling iron ore to Vietnam since March."
    assert ((), ("iron_ore",), "smuggling") in _drafts(record, text, "2018-09-01")
    text = "Traders skirted the embargo by selling North Korean coal through third countries last year."
    assert ((), ("coal",), "smuggling") in _drafts(record, text, "2018-09-01")


def test_a_korean_prohibition_is_no_event(record):
    # reading the round's own rules again: "must not stop" is no halt
    text = "당국은 검덕광산이 아연 생산을 멈춰서는 안 된다고 강조했다."
    assert "production_halt" not in {t for *_x, t in _drafts(record, text, "2012-09-01")}
    assert (("komdok",), ("zinc",), "production_halt") in _drafts(record, "검덕광산은 지난달 아연 생산을 멈췄다.", "2012-09-01")


# The third new user's trial: its reports' patterns, on sentences of our own.

def test_a_korean_span_written_with_another_tilde_is_a_span():
    # "1∼4월" (the tilde operator, as Yonhap's copy writes it) was read as April alone
    for tilde in "~∼〜～":
        (d,) = [x for x in find_dates(f"지난해 1{tilde}4월 아연 수출액이 늘었다.", dt.date(2005, 1, 13), None)]
        assert (str(d.date), d.precision, str(d.end_date)) == ("2004-01-01", "month", "2004-04-30")


def test_an_offer_to_let_a_partner_develop_a_deposit_is_an_investment_offer(record):
    text = "Pyongyang has offered to let Chinese firms develop a zinc deposit in the north, a ministry report said."
    assert ((), ("zinc",), "investment_offer") in _drafts(record, text, "2015-04-28")
    assert ((), ("gold",), "investment_offer") in _drafts(record, "North Korea suggests Chinese development of gold mine",
                                                          "2015-04-28")


def test_a_mines_reserves_are_not_the_events_amount():
    # the third trial: a deal with "한 탄광(매장량 200만t)" was drafted with 2,000,000 t, the mine's reserves
    from geo.ingest.amounts import find_amounts

    assert find_amounts("저장성의 한 회사는 함경남도의 한 탄광(매장량 300만t)과 협의서에 서명했다.")[1] is None
    assert find_amounts("The mine, with reserves put at 2 billion tons, exported 900,000 tons last year.")[1:3] == (
        900000.0, "tons")
    # a discovery's reserves are its amount
    assert find_amounts("Reserves of 20 million tonnes of rare earths were found in the north.")[1] == 20.0


def test_a_year_with_the_same_period_takes_the_months_named_before():
    # the third trial: "2003년 같은 기간" (the same period of 2003) after "지난해 1∼4월" was the whole of 2003
    found = find_dates("지난해 1~6월 아연 수출액은 2010년 같은 기간의 수출액보다 늘었다.", dt.date(2012, 2, 1), None)
    assert [(str(d.date), d.precision, str(d.end_date)) for d in found] == [
        ("2011-01-01", "month", "2011-06-30"), ("2010-01-01", "month", "2010-06-30")]
    (d,) = find_dates("2010년 같은 기간에는 수출이 없었다.", dt.date(2012, 2, 1), None)  # no span before it: the year
    assert (str(d.date), d.precision) == ("2010-01-01", "year")


# The fourth new user's trial: its reports' patterns, on sentences of our own.

def test_a_day_with_no_year_told_as_ahead_is_the_coming_one():
    # "are likely to conclude the deal on Feb. 15" in a report of 7 February was dated a year back
    assert _dates("The two governments are expected to sign the accord on March 20.", "2012-03-10")[0][:2] == (
        "2012-03-20", "day")
    assert _dates("The two governments will sign the accord on March 20.", "2012-03-10")[0][:2] == ("2012-03-20", "day")
    assert _dates("The two governments signed the accord on March 20.", "2012-03-10")[0][:2] == ("2011-03-20", "day")


def test_the_whole_of_a_year_compared_with_is_a_baseline():
    found = _dates("Exports reached $1.2 billion last year, 8 percent more than the whole of 2009.", "2011-02-07")
    assert [(d, k) for d, _p, k in found] == [("2010-01-01", "relative"), ("2009-01-01", "comparison")]


def test_that_deal_refers_to_the_mine_named_before(record):
    text = ("A Chinese company had put money into the Musan mine, the country's largest.\n"
            "That deal also fell through.\n")
    assert (("musan",), ("iron_ore",), "deal_collapsed") in _drafts(record, text.replace("\n", " "), "2011-02-07")


def test_a_lead_of_a_mine_whose_name_says_its_mineral_has_that_mineral(record):
    # "Hyesan Youth Copper mine" alone was listed with copper, zinc, lead, gold and silver
    (lead,) = extract("At one point a Chinese firm held a stake in the Hyesan Youth Copper mine.", "2011-02-07", "T", "",
                      record).leads
    assert (lead.mines, lead.minerals) == (["hyesan"], ["copper"])


def test_an_amount_in_a_currency_the_record_does_not_keep_gives_no_qualifier(record):
    # a deal of "6천만 위안" was written with amount_qualifier "exact" and no amount
    (d,) = extract("중국 회사는 지난 3일 함경남도의 한 탄광과 6천만 위안 규모의 무연탄 개발 계약을 맺었다.", "2005-03-30", "T", "",
                   record).drafts
    assert d.amounts == ["6천만 위안"] and d.value_usd is None and d.quantity is None and d.amount_qualifier == ""


def test_a_headline_ending_with_who_said_it_is_the_title_and_an_agency_tag_ends_no_headline():
    # found on the ninth new user's trial: "…fall to zero in April: UN" was passed over for the colon, and the
    # last paragraph, ending "… in value terms. (Yonhap)", was taken as the title
    from geo.ingest.text import guess_title

    text = ("N. Korea's coal exports fall to zero in April: UN\n\nNorth Korea sold no coal abroad in April.\n\n"
            "As of April, the North's coal shipments had reached 57 percent of the cap. (Yonhap)\n")
    assert guess_title(text) == "N. Korea's coal exports fall to zero in April: UN"
    assert guess_title("Ship seen loading coal at Nampo port, satellite images show: VOA\n\nBody.") \
        == "Ship seen loading coal at Nampo port, satellite images show: VOA"
    # a label is no headline, nor is a paragraph ending with a stop and its agency
    assert guess_title("Photo: Kim Jong Un visits the Musan mine on Monday\n\nThe mine made more ore. (Yonhap)\n") == ""
