"""General rules read from blind set 57 (read after its first score) and the new-user trials from the forty-seventh on,
each shown on sentences of our own, not the sets' or the trials' (tests/test_ingest_round36_wordings.py holds the round
before)."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.ingest import extract
from geo.ingest.dates import find_dates
from tests.test_ingest_wordings import record  # noqa: F401 - pytest fixture


def _drafts(text, record, pub="2019-03-12"):  # noqa: F811
    return extract(text, pub, "T", "", record).drafts


def _dates(sentence, pub):
    return [(d.date, d.precision, d.end_date) for d in find_dates(sentence, dt.date.fromisoformat(pub))]


@pytest.mark.parametrize(("sentence", "pub", "expected"), [
    # two months next to each other in the calendar joined by "and": one span, the year told once
    ("The trader shipped the ore last October and November.", "2019-03-12",
     [(dt.date(2018, 10, 1), "month", dt.date(2018, 11, 30)), (dt.date(2018, 11, 1), "month", None)]),
    ("Deliveries ran in December 2016 and January.", "2019-03-12",
     [(dt.date(2016, 12, 1), "month", dt.date(2017, 1, 31)), (dt.date(2017, 1, 1), "month", None)]),
    # not next to each other: two months, no span
    ("Cargoes left in August and September 2017.", "2019-03-12",
     [(dt.date(2017, 8, 1), "month", dt.date(2017, 9, 30)), (dt.date(2017, 9, 1), "month", None)]),
    ("Cargoes left in March and June 2018.", "2019-03-12",
     [(dt.date(2018, 3, 1), "month", None), (dt.date(2018, 6, 1), "month", None)]),
])
def test_two_months_joined_by_and_are_one_span(sentence, pub, expected):
    assert _dates(sentence, pub) == expected


def test_a_case_told_over_two_months_is_dated_from_the_first_and_titled_with_both(record):  # noqa: F811
    [d] = _drafts("A Busan trader is accused of buying North Korean anthracite last October and November through a Hong Kong "
                  "shell company.", record)
    assert (d.event_type, d.date, d.date_precision, d.end_date) == ("smuggling", "2018-10-01", "month", "2018-11-30")
    assert d.title.endswith("(October–November 2018)")


def test_figures_listed_after_their_months_each_take_their_month_without_respectively(record):  # noqa: F811
    drafts = _drafts("In April and May, Chinese customs recorded imports of 2.1 million tons and 1.8 million tons of "
                     "North Korean coal.", record, pub="2016-06-20")
    assert sorted((d.event_type, d.date, d.date_precision, d.end_date, d.quantity, d.unit) for d in drafts) == [
        ("trade_figure", "2016-04-01", "month", "", 2.1, "million tons"),
        ("trade_figure", "2016-05-01", "month", "", 1.8, "million tons")]


@pytest.mark.parametrize(("sentence", "pub", "year"), [
    # a bare month told as ahead is the coming one, not the one before the report
    ("The minister has agreed to visit Beijing in June to discuss the mine.", "2019-03-12", 2019),
    ("The mine will reopen in May, the company said.", "2019-03-12", 2019),
    ("The new rule takes effect in April.", "2019-03-12", 2019),
    # told as done: the one before the report
    ("The mine reopened in May, the company said.", "2019-03-12", 2018),
])
def test_a_bare_month_told_as_ahead_is_the_coming_one(sentence, pub, year):
    [(date, precision, _end)] = _dates(sentence, pub)
    assert (date.year, precision) == (year, "month")


def test_a_smuggling_case_is_not_the_records_tally_of_many_shipments(record):  # noqa: F811
    # the record holds a panel's count of 23 coal shipments after the August 2017 ban (poe-coal-shipments-after-ban-2017)
    [d] = _drafts("Prosecutors say a Taiwanese broker smuggled North Korean coal to Vietnam in August 2017.",
                  record, pub="2018-03-01")
    assert (d.event_type, d.date, d.known) == ("smuggling", "2017-08-01", "")
    # the tally told again, with its count or its counters, still repeats it
    [t] = _drafts("The panel counted 23 coal shipments smuggled out of North Korea in August and September 2017.",
                  record, pub="2018-03-01")
    assert "poe-coal-shipments-after-ban-2017" in t.known


def test_a_resumption_takes_the_day_and_amount_of_the_first_delivery_told_next(record):  # noqa: F811
    text = ("한 발전회사가 북한산 무연탄 수입을 10년 만에 재개했다.\n\n"
            "회사 측은 지난 3일 북한산 무연탄 2만톤을 들여왔다고 밝혔다.")
    [d] = _drafts(text, record, pub="2009-04-08")
    assert (d.event_type, d.minerals, d.date, d.date_precision, d.quantity) == ("export_resumed", ["coal"], "2009-04-03", "day", 20_000.0)


def test_a_verb_joined_to_a_plan_by_a_tenseless_go_is_part_of_the_plan(record):  # noqa: F811
    plan = "회사는 연말까지 북한산 무연탄 3만톤을 더 사들이고, 수요가 늘면 5만톤을 추가로 들여온다는 계획이다."
    assert _drafts(plan, record, pub="2009-04-08") == []
    done = "회사는 지난 3일 북한산 무연탄 2만톤을 들여왔고, 연말까지 3만톤을 더 들여올 계획이다."
    assert [(d.event_type, d.date) for d in _drafts(done, record, pub="2009-04-08")] == [("trade_figure", "2009-04-03")]


@pytest.mark.parametrize(("text", "minerals"), [
    # minerals given as payment for a project: resources traded for investment
    ("Officials in Moscow said the railway upgrade would be paid in part in North Korean coal and iron ore.",
     ["coal", "iron_ore"]),
    ("Under the plan, China would receive zinc concentrate as payment for building a new power line.", ["zinc"]),
    # Korean: foreign miners seeking a way to invest, or development under discussion
    ("일본 기업들이 북한 금광 개발에 투자하는 방안을 검토 중인 것으로 알려졌다.", ["gold"]),
    ("양측은 북한 흑연 광산의 합작개발을 모색하고 있다.", ["graphite"]),
])
def test_resources_given_as_payment_and_investment_sought_are_offers(record, text, minerals):  # noqa: F811
    drafts = _drafts(text, record)
    assert [(d.event_type, sorted(d.minerals)) for d in drafts] == [("investment_offer", sorted(minerals))]


@pytest.mark.parametrize("text", [
    "North Korea was paid in yuan for its coal.",
    "The firm sold coal to China and was paid in cash.",
])
def test_being_paid_for_goods_is_no_offer(record, text):  # noqa: F811
    assert [d.event_type for d in _drafts(text, record)] != ["investment_offer"]


# --- from the forty-seventh and forty-eighth trials (each on sentences of our own) ---

@pytest.mark.parametrize(("text", "quantity"), [
    ("세관은 2018년 4월 북한산 무연탄 6320톤을 러시아산으로 속여 들여온 혐의로 업자를 입건했다.", 6320.0),
    ("세관은 2018년 4월 북한산 무연탄 6,320톤(시가 9억원)을 러시아산으로 속여 들여온 혐의로 업자를 입건했다.", 6320.0),
])
def test_korean_tonnage_in_plain_digits_is_the_amount(record, text, quantity):  # noqa: F811
    [d] = _drafts(text, record)
    assert (d.event_type, d.quantity, d.unit) == ("smuggling", quantity, "t")


def test_an_official_teller_read_up_to_its_verb_is_named_by_its_name_alone(record):  # noqa: F811
    text = ("인천본부세관은 대외무역법위반, 관세법위반 등의 혐의로 수입업자 C씨(52)를 구속하고 직원 2명을 불구속 입건했다고 11일 밝혔다.\n\n"
            "C씨는 2018년 9월 북한산 무연탄 3100톤을 중국산으로 속여 들여온 혐의다.")
    [d] = _drafts(text, record)
    assert d.confidence == "official" and "인천본부세관" in d.description and "C씨" not in d.description


def test_a_tips_date_is_not_the_arrests(record):  # noqa: F811
    text = ("C씨는 2018년 9월 북한산 무연탄 3100톤을 중국산으로 속여 들여온 혐의다.\n\n"
            "세관은 지난해 11월 이들이 북한산 석탄을 몰래 들여온다는 첩보를 입수하고 수사를 벌여 C씨를 검거했다.")
    drafts = _drafts(text, record)
    assert [(d.event_type, d.date) for d in drafts] == [("smuggling", "2018-09-01")]


def test_a_smuggling_case_with_its_own_tonnage_is_not_the_years_total(record):  # noqa: F811
    # the record holds the panel's 3.7 million t of coal exported January–August 2019 (poe-coal-exports-3-7mt-2019)
    [d] = _drafts("세관은 지난 3월 4일 북한산 석탄 2100톤을 중국산으로 위장해 들여온 업자를 적발했다.", record, pub="2019-06-10")
    assert (d.event_type, d.date, d.quantity) == ("smuggling", "2019-03-04", 2100.0)
    assert "poe-coal-exports-3-7mt-2019" not in d.known


@pytest.mark.parametrize(("text", "expected"), [
    # a pit named 증산 (증산광구) or an output goal is no rise in output
    ("노동신문에 따르면 지난달 5일 검덕광업연합기업소 증산광구에서 갱도 보수 작업이 있었다.", []),
    ("은률광산 광부들은 증산 목표를 내걸고 일하고 있다.", []),
])
def test_a_pit_named_jeungsan_and_an_output_goal_are_no_rise(record, text, expected):  # noqa: F811
    assert [(d.event_type, d.mines) for d in _drafts(text, record)] == expected


def test_a_paper_the_sentence_before_named_gives_its_confidence_and_the_outlets_own_guess_does_not(record):  # noqa: F811
    text = ("노동신문은 15일 검덕광업연합기업소의 소식을 전했다.\n\n"
            "신문에 따르면 지난해 검덕광업연합기업소에 새 갱이 완공됐다.\n\n"
            "무산광산은 지난해부터 새 채탄장을 마련해 생산을 늘린 것으로 추정된다.")
    drafts = {d.mines[0]: d for d in _drafts(text, record, pub="2019-06-16")}
    assert drafts["komdok"].confidence == "official"
    assert drafts["musan"].confidence == "reported"


@pytest.mark.parametrize(("text", "title"), [
    ("UN panel finds coal cargoes shipped despite ban\n\nThe panel said coal left Nampo.\n\n"
     "This story was republished from www.example.org", "UN panel finds coal cargoes shipped despite ban"),
    ("The panel said coal left Nampo in May.\n\nThis article is reproduced at www.example.org", ""),
    # a Korean headline is short in words; a byline is none
    ("북한 석탄 밀수 적발\n\n홍길동 기자\n\n세관은 북한산 석탄을 적발했다.", "북한 석탄 밀수 적발"),
    ("홍길동 기자\n\n세관은 북한산 석탄을 적발했다.", ""),
])
def test_a_credit_line_is_no_headline_and_a_korean_one_may_be_three_words(text, title):
    from geo.ingest.text import guess_title
    assert guess_title(text) == title


def test_a_publisher_the_record_knows_keeps_the_records_slug(record):  # noqa: F811
    from geo.ingest.source_row import make_source_row
    row = make_source_row(record, "Los Angeles Times", "Coal", "https://example.org/x", dt.date(2021, 1, 5))
    assert row["source_id"] == "latimes-2021-01-05"
    assert make_source_row(record, "Quite New Gazette", "Coal", "https://example.org/y", dt.date(2021, 1, 5))[
        "source_id"] == "quite-new-gazette-2021-01-05"


@pytest.mark.parametrize("text", [
    "한 화물선이 지난 4월 남포항에서 자동선박식별장치(AIS)를 끈 채 석탄을 실었다.",
    "A bulk carrier turned off its transponder and loaded coal at Nampo in April.",
])
def test_loading_with_the_ais_off_is_smuggling(record, text):  # noqa: F811
    assert [(d.event_type, d.minerals) for d in _drafts(text, record)] == [("smuggling", ["coal"])]


def test_the_extractors_notes_and_the_repeat_warnings_are_each_said_once(record):  # noqa: F811
    from geo.ingest import extract, review_rows
    from geo.ingest.review import ticked_repeats
    text = ("OFAC designated three firms over North Korean coal on Tuesday.\n\n"
            "The firms shipped North Korean coal to China, OFAC said.\n\n"
            "OFAC designated the firms for trading North Korean coal.")
    result = extract(text, "2020-12-10", "T", "", record)
    assert len(result.notes) == len(set(result.notes))
    rows = [dict(r, accept=True, known="sanctions.csv X (UN)", title="Coal: sanction") for r in review_rows(result.drafts)] * 3
    assert ticked_repeats(rows) == ["Coal: sanction: repeats sanctions.csv X (UN)"]


def test_a_ban_announced_with_its_wait_or_its_midnight_is_decided_and_dated_the_day_it_was_announced(record):  # noqa: F811
    # the forty-seventh trial: "will cut off imports … in three weeks" and "will stop processing imports … at midnight
    # on Sept. 5" were read as plans, and an announcement's "Monday" was made approximate
    text = ("Japan announced Tuesday that it will cut off imports of North Korean zinc and magnesite in two weeks.\n\n"
            "The customs bureau said it will stop clearing North Korean graphite imports at midnight on June 30.")
    drafts = {tuple(d.minerals): d for d in _drafts(text, record, pub="2021-06-15")}
    zinc = drafts[("zinc", "magnesia")]
    assert zinc.event_type in ("import_suspension", "sanction") and (zinc.date, zinc.date_precision) == ("2021-06-15", "day")
    assert drafts[("graphite",)].event_type in ("import_suspension", "sanction")
    # still a plan without a wait or a day
    assert _drafts("Japan said it will cut off imports of North Korean zinc.", record, pub="2021-06-15") == []


def test_a_stop_told_without_a_figure_repeats_the_measure_not_a_cargo_turned_back_that_month(record):  # noqa: F811
    # the record holds China's suspension of 18 February 2017 and a coal cargo turned back on the 13th, with its tonnage
    [d] = _drafts("China stopped importing North Korean coal in February 2017.", record, pub="2017-08-14")
    assert "china-rejects-coal-shipment" not in d.known and d.known


def test_a_designations_actors_are_the_firms_it_lists_in_every_sentence_that_tells_it(record):  # noqa: F811
    # the forty-eighth trial: six firms named over four sentences, and the drafted Actors cell was empty
    text = ("The Treasury designated four firms over North Korean coal on Thursday.\n\n"
            "It designated Singapore-based companies Bright Harbour Trade, Evening Star and Blue Anchor Shipping for "
            "carrying North Korean coal.\n\n"
            "It also designated Pyongyang Lantern Trading, which sold the coal.")
    [d] = [x for x in _drafts(text, record, pub="2021-03-12") if x.event_type == "designation"]
    assert d.actors == "Bright Harbour Trade; Evening Star; Blue Anchor Shipping; Pyongyang Lantern Trading"
    assert "(Bright Harbour Trade)" in d.title


@pytest.mark.parametrize("sentence", [
    "OFAC designated six companies and four vessels over North Korean coal.",
    "The designated vessels all carried North Korean coal.",
])
def test_a_designation_that_names_no_firm_has_no_actors(sentence):
    from geo.ingest.actors import actors_of
    assert actors_of(sentence, "designation") == ""


def test_firms_added_to_a_list_of_sanction_targets_are_designated(record):  # noqa: F811
    [d] = _drafts("Canada added two exporters of North Korean iron ore to its list of sanction targets on Monday.",
                  record, pub="2021-03-15")
    assert (d.event_type, d.minerals, d.date, d.date_precision) == ("designation", ["iron_ore"], "2021-03-15", "day")
    assert _drafts("The trader added zinc to its list of products.", record) == []


# --- from the forty-ninth and fiftieth trials (each on sentences of our own) ---

def test_a_per_cent_change_right_after_a_figure_is_that_figure_again_and_a_quarter_is_not_the_half_year(record):  # noqa: F811
    text = ("세관 자료에 따르면 중국의 5월 북한산 아연 수입액은 520만달러를 기록했다. 5월 수입액은 전년동기대비 3.2% 감소한 수치다. "
            "상반기 아연 수입액은 2100만 달러로 집계됐다. 1분기 아연 수입액은 900만 달러였다.")
    drafts = sorted((d.date, d.end_date, d.value_usd, d.confidence) for d in _drafts(text, record, pub="2018-07-20")
                    if d.event_type == "trade_figure")
    assert drafts == [("2018-01-01", "2018-03-31", 9_000_000.0, "official"), ("2018-01-01", "2018-06-30", 21_000_000.0, "official"),
                      ("2018-05-01", "", 5_200_000.0, "official")]


def test_a_change_alone_is_no_amount_and_a_rate_says_per_month(record):  # noqa: F811
    [d] = _drafts("The value of Chinese zinc imports from North Korea jumped nearly 30 percent in May 2018.", record, pub="2018-07-20")
    assert (d.event_type, d.quantity, d.unit) == ("trade_figure", None, "")
    [r] = _drafts("China imported on average 2.1 million tons of North Korean coal per month between January and May this year.",
                  record, pub="2016-07-20")
    assert (r.quantity, r.unit, r.amount_qualifier, r.date, r.end_date) == (2.1, "million tons per month", "approximate",
                                                                            "2016-01-01", "2016-05-31")


def test_a_korean_date_before_kkaji_is_the_end_and_the_date_before_it_the_start(record):  # noqa: F811
    [d] = _drafts("일본은 지난 3월 북한산 아연 수입을 올해 연말까지 중단한다고 발표했다.", record, pub="2018-07-20")
    assert (d.date, d.date_precision, d.end_date) == ("2018-03-01", "month", "2018-12-31")


def test_a_figure_of_other_goods_takes_no_mineral_from_the_sentence_before_and_a_listed_mineral_takes_its_own(record):  # noqa: F811
    text = ("North Korea mainly exported wigs and molybdenum.\n\n"
            "Its largest import item was rice, which amounted to $21.4 million in the first three months of this year.\n\n"
            "Wigs came first at $12.1 million, followed by ferro silicon iron with $4.2 million, molybdenum with $3.3 million.")
    drafts = _drafts(text, record, pub="2023-05-04")
    assert [(d.event_type, d.minerals, d.value_usd, d.date, d.end_date) for d in drafts] == [
        ("trade_figure", ["molybdenum"], 3_300_000.0, "2023-01-01", "2023-03-31")]


def test_an_importer_that_will_not_import_any_suspends_and_the_records_event_is_offered_over_the_measure(record):  # noqa: F811
    [d] = _drafts("Beijing's commerce ministry announced on Saturday it would not import any North Korean coal between "
                  "December 11 and 31.", record, pub="2016-12-12")
    assert d.event_type == "import_suspension" and "mofcom-no75-coal-suspension-2016-12" in d.known


def test_a_resolution_the_sentence_names_is_the_measure_it_repeats(record):  # noqa: F811
    [d] = _drafts("UN Security Council Resolution 2321 capped North Korean coal exports for 2017.", record, pub="2017-01-10")
    assert d.event_type == "sanction" and "UNSCR-2321" in d.known
    # a UN resolution told by its month is the UN's measure, not China's notice of that month
    [u] = _drafts("A December 2016 U.N. Security Council resolution placed a cap on North Korean coal exports.", record,
                  pub="2017-03-29")
    assert "CN-MOFCOM" not in u.known


def test_a_repeat_of_a_measure_offers_the_records_event_of_it_for_corroboration(record):  # noqa: F811
    # the fiftieth trial: a draft repeating China's December 2016 suspension named only its sanctions.csv row, which
    # takes no further source, and the record's event of it was never offered
    from geo.ingest.corroborate import offered_corroborations
    drafts = _drafts("China suspended North Korean coal imports from December 11 to December 31, 2016.", record, pub="2016-12-12")
    assert drafts and "sanctions.csv CN-MOFCOM-2016-75" in drafts[0].known
    assert [r["event_id"] for r in offered_corroborations(drafts, record)] == ["mofcom-no75-coal-suspension-2016-12"]
    # a cargo turned back the week of a measure is not its event
    [d] = _drafts("China stopped importing North Korean coal in February 2017.", record, pub="2017-08-14")
    assert [r["event_id"] for r in offered_corroborations([d], record)] == ["china-coal-suspension-2017"]
