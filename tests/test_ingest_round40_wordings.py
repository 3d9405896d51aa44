"""General rules read from blind set 61 and from the sixty-third and sixty-fourth trials (round 40), each tested on
sentences of our own: the pattern, not the set's or the trials' wording. The guards (negative cases) say what each
rule must not take."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.ingest import extract
from geo.ingest.dates import find_dates
from geo.rules.load import load_dataset
from tests.conftest import RECORD


@pytest.fixture(scope="module")
def record():
    return load_dataset(RECORD)


def _drafts(text: str, record, pub: str = "2021-06-01"):
    return extract(text, pub, "Test", "", record).drafts


def _dates(text: str, pub: dt.date):
    return [(d.text, d.date.isoformat(), d.precision) for d in find_dates(text, pub) if d.kind not in ("attribution", "comparison")]


# --- a figure of several goods is not the one mineral's (blind set 61's fe07) ---

def test_a_figure_after_a_list_of_goods_is_not_the_first_minerals(record):
    text = ("Trade slumps\n\nIn July the North's sales of iron ore, seafood and other goods to China dropped sharply. Its "
            "exports to China that month totalled $95.4 million. Iron ore alone brought in $30.1 million.")
    figures = [d for d in _drafts(text, record, "2018-08-25") if d.event_type == "trade_figure"]
    assert [(d.minerals, d.value_usd) for d in figures] == [(["iron_ore"], 30_100_000)]


def test_a_figure_after_one_mineral_alone_still_takes_it(record):  # guard
    text = "Trade\n\nIn July China bought iron ore from North Korea again. Arrivals in July came to 120,000 tonnes."
    figures = [d for d in _drafts(text, record, "2018-08-25") if d.event_type == "trade_figure"]
    assert [d.minerals for d in figures] == [["iron_ore"]]


# --- a release day is not the period a figure is of ---

def test_the_day_figures_were_released_is_a_telling_not_the_figures_date():
    pub = dt.date(2018, 8, 30)
    text = ("According to the July trade statistics of China's customs office, released on 23 August by a Seoul "
            "agency, zinc exports came to $3.2 million.")
    assert ("23 August", "2018-08-23", "day") not in _dates(text, pub)


def test_a_figure_with_no_date_takes_the_month_of_the_statistics_not_their_release(record):
    text = ("Zinc sales fall\n\nAccording to the July trade statistics of China's customs office, released on 23 August "
            "by a Seoul agency, the North's exports to China in the month fell 12%.\n\n"
            "By item, zinc exports earned $3.2 million, down 40% on a year earlier.")
    (d,) = [d for d in _drafts(text, record, "2018-08-30") if d.event_type == "trade_figure"]
    assert (d.date, d.date_precision) == ("2018-07-01", "month")


# --- a plan's period is not when ---

def test_a_plans_quarter_is_no_date():
    pub = dt.date(2023, 7, 5)
    assert _dates("Having fulfilled their plans for the second quarter, the miners raised output.", pub) == []
    assert _dates("상반기 인민경제계획을 넘쳐 수행한 광부들이 생산을 늘렸다.", pub) == []
    assert _dates("2분기 과제를 끝낸 광산들이 생산을 늘렸다.", pub) == []


def test_a_quarter_that_is_a_period_stays_one():  # guard
    pub = dt.date(2023, 7, 5)
    assert _dates("Coal exports rose in the second quarter.", pub) == [("the second quarter", "2023-04-01", "month")]
    assert _dates("올해 2분기 석탄 수출은 20만t이었다.", pub)[0][1:] == ("2023-04-01", "month")


def test_output_that_rose_after_a_quarters_plan_is_dated_to_the_report(record):
    text = ("Miners raise output\n\nPyongyang, July 5 (KCNA) -- Having fulfilled their plans for the second quarter, "
            "coal miners keep making gains.\n\nCoal output has risen at the Kangdong Coal Mine.")
    (d,) = [d for d in _drafts(text, record, "2023-07-05") if d.event_type == "production_change"]
    assert d.date_precision == "approximate" and d.date == "2023-07-05"


# --- loads the next sentence names ---

def test_loads_told_before_the_sentence_that_names_them_take_its_mineral(record):
    text = ("Lorries keep crossing\n\nA video filmed in Tumen shows a Chinese trader still bringing the loads in on the "
            "12th, a week after the ban. A geologist who saw it said the cargo appeared to be iron ore.")
    drafts = [d for d in _drafts(text, record, "2017-10-15") if d.event_type == "export_continued"]
    assert [(d.minerals, d.date, d.date_precision) for d in drafts] == [(["iron_ore"], "2017-10-12", "day")]


def test_loads_with_no_sentence_naming_them_draft_nothing(record):  # guard
    text = ("Lorries keep crossing\n\nA video filmed in Tumen shows a Chinese trader still bringing the loads in on the "
            "12th. The trader declined to comment on the iron ore market.")
    assert not [d for d in _drafts(text, record, "2017-10-15") if d.event_type == "export_continued"]


# --- dates of the month named before, and of the year's start ---

def test_the_day_of_that_month_is_of_the_month_named_before():
    pub = dt.date(2025, 3, 14)
    text = "Beijing said on 14 August 2017 that from the 15th of that month all coal imports were banned."
    assert ("from the 15th", "2017-08-15", "day") in _dates(text, pub)
    assert _dates("The ban took effect on the 15th of that month.", pub) == []  # no month named: no guess


def test_the_new_year_begun_is_the_reports_january():
    pub = dt.date(2017, 1, 11)
    assert _dates("China began buying the coal again once the new year began.", pub) == [
        ("once the new year began", "2017-01-01", "month")]
    assert _dates("Shipments have picked up since the start of the year.", pub)[0][1:] == ("2017-01-01", "month")
    assert _dates("Shipments picked up at the start of last year.", pub)[0][1:] == ("2016-01-01", "year")  # guard


# --- a report relayed "citing sources" rests on unnamed sources; a medium's country is not the place ---

def test_citing_sources_flags_the_draft_anonymous(record):
    text = "Ship sinks\n\nA North Korean freighter smuggling coal sank last week, a Japanese daily reported, citing unnamed sources."
    (d,) = [d for d in _drafts(text, record, "2024-05-10") if d.event_type == "smuggling"]
    assert d.anonymous_source


def test_citing_a_named_report_is_not_anonymous(record):  # guard
    text = "Ship sinks\n\nA North Korean freighter smuggling coal sank last week, a Japanese daily reported, citing the coast guard."
    (d,) = [d for d in _drafts(text, record, "2024-05-10") if d.event_type == "smuggling"]
    assert not d.anonymous_source


def test_the_country_of_the_medium_telling_it_is_not_the_place(record):
    text = "Coal ships\n\nNorth Korean ships smuggled coal out last month, South Korea's Yonhap news agency reported."
    (d,) = [d for d in _drafts(text, record, "2024-05-10") if d.event_type == "smuggling"]
    assert "South Korea" not in d.place


def test_a_country_the_goods_went_to_is_still_the_place(record):  # guard
    text = "Coal ships\n\nNorth Korean ships smuggled coal to Vietnam last month, Japanese media reported."
    (d,) = [d for d in _drafts(text, record, "2024-05-10") if d.event_type == "smuggling"]
    assert d.place == "Vietnam"


# --- a consequence told under a condition ---

def test_a_projection_under_a_condition_is_no_event(record):
    text = "Sanctions\n\nIf the sanctions are applied in full, North Korea's iron ore exports are estimated to shrink by more than 60 percent."
    assert not _drafts(text, record, "2017-01-11")


def test_a_sentence_opening_with_if_that_tells_a_fact_is_read(record):  # guard
    text = "Sanctions\n\nIf anything, iron ore exports rose to $20 million in March."
    assert [d.event_type for d in _drafts(text, record, "2017-04-20")] == ["trade_figure"]


# --- the sixty-third trial (MBC): a figure the headline calls illicit, and "최소" before an amount ---

def test_korean_minimum_before_an_amount_is_a_floor(record):
    text = "북한 아연 수출\n\n북한이 지난해 최소 2억1천만 달러 어치의 아연을 중국에 수출한 것으로 파악됐다."
    (d,) = _drafts(text, record, "2020-03-02")
    assert d.amount_qualifier == "at_least"


def test_a_figure_of_exports_the_headline_calls_illicit_is_smuggling(record):
    text = ("Panel: North Korea earned millions from illicit iron ore exports\n\n"
            "North Korea exported at least $48 million of iron ore last year, the draft report says.")
    assert [d.event_type for d in _drafts(text, record, "2020-03-02")] == ["smuggling"]


def test_a_figure_under_a_headline_that_only_asks_stays_a_figure(record):  # guard
    text = ("Why does North Korea cling to illicit iron ore exports?\n\n"
            "North Korea exported $48 million of iron ore in 2016, customs data show.")
    assert [d.event_type for d in _drafts(text, record, "2020-03-02")] == ["trade_figure"]


# --- the sixty-third and sixty-fourth trials: mines, deals, titles, accounts ---

def test_a_mine_told_by_how_it_is_run_is_no_candidate_name(record):
    from geo.ingest.gazetteer import Gazetteer
    from geo.ingest.mentions import find_candidates
    gaz = Gazetteer.from_dataset(record)
    assert find_candidates("남북 첫 합영광산에서 아연 캔다", gaz) == []
    assert find_candidates("북한의 신규광산 개발이 늘었다", gaz) == []
    assert find_candidates("흥산광산에서 아연 캔다", gaz) == ["흥산광산"]  # guard: a name stays a candidate


def test_two_korean_acts_joined_by_han_dwi_each_keep_their_date(record):
    text = ("남북 합영 아연광산\n\n회사는 검덕광산 개발을 위해 2005년 6월 북측과 양해각서를 체결한 뒤 2006년 2월 "
            "합작계약을 했다.")
    deals = [d for d in _drafts(text, record, "2007-05-01") if d.event_type == "deal_signed"]
    assert sorted((d.date, d.date_precision) for d in deals) == [("2005-06-01", "month"), ("2006-02-01", "month")]


def test_an_actor_named_only_in_hangul_stays_out_of_the_english_title():
    from geo.ingest.actors import with_actor
    assert with_actor("Zinc from Komdok mine", "명지총회사; KORES") == "Zinc from Komdok mine"
    assert with_actor("Zinc from Komdok mine", "KORES; 명지총회사") == "Zinc from Komdok mine (KORES)"


def test_a_korean_teller_written_apart_is_named_in_english(record):
    text = ("석탄 불법 환적\n\n유엔 전문가 패널에 따르면 북한 선박들이 지난 4월 동중국해에서 석탄을 다른 선박에 옮겨 싣는 "
            "정황이 포착됐다.")
    (d,) = [d for d in _drafts(text, record, "2018-09-04") if d.event_type == "smuggling"]
    assert "패널" not in d.description and "Panel of Experts" in d.description
    assert d.confidence == "official"
    assert d.place == "East China Sea"  # where the cargo was moved ship to ship


def test_a_caption_or_a_body_paragraph_is_not_the_headline():
    from geo.ingest.text import guess_title
    text = ("검덕광산 채굴 모습(사진=조선중앙통신)\n\n북한 검덕광산에서 올해 아연정광 생산이 늘었다고 조선중앙통신이 3일 "
            "보도했다.\n\n검덕광산은 북한 최대의 연·아연 광산으로 알려져 있다\n")
    assert guess_title(text) == ""


def test_the_un_monitors_or_a_government_named_by_its_country_are_official(record):
    text = "Coal\n\nNorth Korea smuggled coal to Chinese ports in 2019, according to UN sanctions monitors."
    (d,) = _drafts(text, record, "2020-12-10")
    assert d.confidence == "official"
    text = "Coal\n\nSouth Korea says 4,100 tons of North Korean coal entered its ports illegally last year."
    (d,) = _drafts(text, record, "2018-08-10")
    assert d.confidence == "official"


def test_a_designation_the_acting_department_tells_on_a_weekday_is_of_that_day(record):
    text = ("US blacklists coal traders\n\nWASHINGTON — The United States has blacklisted three firms that shipped "
            "North Korean coal, the Treasury Department said on Thursday.")
    (d,) = [d for d in _drafts(text, record, "2021-05-14") if d.event_type == "designation"]
    assert (d.date, d.date_precision) == ("2021-05-13", "day")


def test_a_figure_the_un_panel_tells_is_matched_to_its_record_event_by_its_value(record):
    text = ("UN panel: North Korea's illicit coal exports\n\nNorth Korea exported at least $370 million of coal last year, "
            "a UN panel of experts said.")
    (d,) = _drafts(text, record, "2020-02-11")
    assert "poe-coal-exports-3-7mt-2019" in d.known


def test_the_enterprises_workers_refer_to_the_mine_named_before(record):
    text = ("무산광산 소식\n\n무산광산연합기업소는 해마다 철정광을 김책제철소에 보낸다.\n\n"
            "소식통은 \"올해 들어 생산량이 급격히 감소해 기업소 종사자들이 어려움을 겪고 있다\"고 전했다.")
    (d,) = [d for d in _drafts(text, record, "2021-11-28") if d.event_type == "production_change"]
    assert d.mines == ["musan"]


# --- blind set 62 (read after its first score) ---

def test_minerals_handed_over_in_exchange_for_help_are_an_offer(record):
    text = ("Power for ore\n\nOfficials said Moscow would take iron ore from the North in exchange for help in "
            "rebuilding its railways.")
    assert [(d.event_type, d.minerals) for d in _drafts(text, record, "2019-05-02")] == [("investment_offer", ["iron_ore"])]


def test_goods_swapped_for_other_goods_are_no_offer(record):  # guard
    text = "Barter\n\nTraders said the North swaps iron ore for rice in exchange for flour at the border."
    assert "investment_offer" not in [d.event_type for d in _drafts(text, record, "2019-05-02")]


def test_a_mines_place_name_that_is_a_rivers_is_not_the_mine(record):
    text = "Dams\n\nWork on ten hydropower plants along the Chongchon River was halted in 2013."
    assert not [d for d in _drafts(text, record, "2015-01-29") if "jongchon-graphite" in d.mines]


def test_the_day_of_this_month_is_the_day_not_the_month():
    pub = dt.date(2017, 2, 21)
    assert _dates("Beijing stopped the imports from the 19th of this month.", pub) == [
        ("from the 19th of this month", "2017-02-19", "day")]


def test_a_resolution_that_held_exports_to_a_figure_is_a_cap_not_a_figure(record):
    text = ("Cap\n\nThe resolution held the North's iron ore exports from its adoption in March to the end of the year "
            "to about $40 million.")
    assert [d.event_type for d in _drafts(text, record, "2017-02-21")] == ["sanction"]


def test_what_left_the_country_is_a_trade_figure(record):
    text = "Ore\n\nChina bought North Korean iron ore. What actually left the country in March was worth $25 million."
    assert "trade_figure" in [d.event_type for d in _drafts(text, record, "2017-04-21")]


def test_several_weeks_earlier_is_a_fortnight_or_so_before_the_report():
    pub = dt.date(2017, 8, 15)
    assert _dates("The government had stopped the permits several weeks earlier.", pub) == [
        ("several weeks earlier", "2017-08-01", "approximate")]
    assert _dates("Imports stopped a few weeks before the ban.", pub) == []  # guard: before another event


def test_a_purpose_or_a_weapons_test_named_as_cause_holds_no_event(record):
    text = ("Ban\n\nThe council barred the North's sales abroad of lead, with the aim of cutting the $2 billion the "
            "country earns from exports each year.")
    assert [d.event_type for d in _drafts(text, record, "2017-08-15")] == ["sanction"]
    text = "Ban\n\nIn August the council barred North Korea from selling zinc abroad, after missile tests that broke earlier sanctions."
    assert "smuggling" not in [d.event_type for d in _drafts(text, record, "2017-10-15")]


def test_a_trader_in_a_mineral_does_not_make_it_the_events(record):
    text = ("Permits\n\nA veteran trader in coking coal at the port of Rizhao said the government had quit granting "
            "permits for iron ore imports several weeks earlier.")
    (d,) = [d for d in _drafts(text, record, "2017-08-15") if d.event_type == "import_suspension"]
    assert d.minerals == ["iron_ore"]


def test_the_first_of_their_kind_since_a_year_is_a_baseline():
    pub = dt.date(2023, 12, 19)
    assert _dates("At those talks, the first of their kind since 2019, the two sides agreed to mine iron ore.", pub) == []


def test_a_ships_class_in_tonnes_is_no_amount():
    from geo.ingest.amounts import amounts_and_qualifier
    assert amounts_and_qualifier("300∼800t급 소형 선박으로 매달 2만t 안팎의 석탄을 나른다")[0][1:3] == (20000.0, "t")


# --- data 1.3.19: a US seizure of a ship is typed as the smuggling case it enforces, as data/README.md says ---

def test_a_us_seizure_of_the_record_ship_is_flagged_as_the_records_case(record):
    text = ("US seizes ship\n\nThe United States has seized the North Korean cargo ship Wise Honest, which it says "
            "shipped coal in breach of sanctions, the Justice Department said on Thursday.")
    (d,) = _drafts(text, record, "2019-05-10")
    assert d.event_type == "smuggling" and "wise-honest-seizure-2019-05-09" in d.known


# --- the sixty-fifth and sixty-sixth trials ---

def test_yesterday_inside_a_korean_word_is_no_date():
    pub = dt.date(2025, 11, 6)
    assert _dates("광부들이 증산의 돌파구를 열어제끼고 있다.", pub) == []
    assert _dates("어제 아연 수출이 멈췄다.", pub) == [("어제", "2025-11-05", "day")]  # guard


def test_a_new_mine_named_in_hangul_takes_a_romanized_id():
    from geo.ingest.newmine import mine_id_for
    assert mine_id_for("룡천광산", set()) == "ryongcheon"
    assert mine_id_for("룡천광산", {"ryongcheon"}) == "ryongcheon-2"


def test_a_transcripts_speaker_mark_ends_a_sentence():
    from geo.ingest.sentences import sentences
    got = [s.text for s in sentences("Head\n\nTrucks stopped last year.>> Traders said China banned zinc last April.", "Head")]
    assert got == ["Head", "Trucks stopped last year.", "Traders said China banned zinc last April."]


def test_a_korean_purpose_or_a_repair_of_an_earlier_flood_is_no_event(record):
    assert not _drafts("석탄\n\n폐갱을 살려 석탄 생산을 늘리려는 목적이 있는 것 같다고 그는 말했다.", record, "2016-07-01")
    text = "석탄\n\n북한이 침수된 탄광들을 복구하고자 중국에서 양수기를 대량 사들였다고 소식통이 전했다."
    assert "production_halt" not in [d.event_type for d in _drafts(text, record, "2016-07-01")]


def test_a_quarters_figure_is_not_the_records_figure_of_nine_months(record):
    text = "석탄 수출\n\n올해 1분기 북한이 중국에 석탄을 팔아 벌어들인 금액은 9천만 달러로 집계됐다."
    (d,) = _drafts(text, record, "2011-05-07")
    assert d.event_type == "trade_figure" and not d.known


def test_minerals_share_of_all_exports_is_no_figure_of_a_named_mineral(record):
    text = "수출\n\n올해 북한의 대중국 수출 품목 1위는 철광석이었고, 대중국 수출액 중 58%가 광물자원이었다."
    assert not [d for d in _drafts(text, record, "2012-05-07") if d.event_type == "trade_figure"]


def test_a_source_of_currency_is_no_unnamed_teller(record):
    text = ("Ban\n\nChina's commerce ministry said it would suspend iron ore imports from North Korea from next month. "
            "Iron ore is an important source of foreign currency for the North.")
    (d,) = [d for d in _drafts(text, record, "2017-07-20") if d.event_type in ("import_suspension", "sanction")]
    assert not d.anonymous_source


def test_a_datelines_day_followed_by_a_colon_is_the_tellings():
    pub = dt.date(2017, 2, 20)
    assert _dates("New York [USA], Feb. 20(ANI): China says it halted zinc imports.", pub) == []


def test_a_korean_customs_case_of_two_goods_is_the_records_case_of_their_sum(record):
    # the sixtieth trial's case: the coal's figure and the pig iron's add up to the record's 35,038 t; the month the
    # inquiry began ("지난해 10월부터 … 조사한 결과") is not the case's
    text = ("관세청 발표\n\n관세청이 지난해 10월부터 수입업체 3곳을 조사한 결과 이들은 북한산 석탄 3만3028t과 선철 2010t을 "
            "몰래 들여온 것으로 드러났다.")
    (d,) = _drafts(text, record, "2018-08-10")
    assert d.event_type == "smuggling" and (d.date, d.date_precision) == ("2017-01-01", "year")
    assert "south-korea-coal-pig-iron-imports-2017" in d.known
