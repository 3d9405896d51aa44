"""General rules read from blind sets 58 and 59 (round 38), each tested on sentences of our own: the pattern, not
the sets' wording. The guards (negative cases) say what each rule must not take."""

from __future__ import annotations

import pytest

from geo.ingest import extract
from geo.ingest.clauses import clauses
from geo.rules.load import load_dataset
from tests.conftest import RECORD


@pytest.fixture(scope="module")
def record():
    return load_dataset(RECORD)


def _drafts(text: str, record, pub: str = "2019-06-10"):
    return extract(text, pub, "Test", "", record).drafts


@pytest.mark.parametrize("text", [
    "세관에 따르면 이들은 2018년 3월 북한산 무연탄 2100t을 거짓 원산지 증명서를 붙여 러시아산으로 통관시켰다.",
    "Customs said the firm brought in 3,000 tonnes of North Korean coal in March 2018 with forged certificates of origin.",
    "The panel found North Korean coal shipments in March 2018 made under false papers to ports in Asia.",
])
def test_goods_passed_off_with_false_papers_are_smuggled(record, text):
    # blind set 58's fb08 (a false certificate of origin read as a trade figure); blind set 59's fc10 ("false papers")
    assert [(d.event_type, d.minerals, d.date[:7]) for d in _drafts(text, record)] == [("smuggling", ["coal"], "2018-03")]


def test_a_true_certificate_of_origin_is_no_smuggling(record):  # guard
    text = "The importer showed a certificate of origin for 3,000 tonnes of Australian coal in March 2018."
    assert not [d for d in _drafts(text, record) if d.event_type == "smuggling"]


@pytest.mark.parametrize("text", [
    "North Korean goods stayed at the border until this month, when they began leaving in earnest. The cargo "
    "includes coal and molybdenum.",
    "Exports of North Korean goods were frozen for years until this month, when they began flowing again. The trucks "
    "carry coal and molybdenum.",
])
def test_goods_that_began_leaving_in_earnest_resume_and_take_the_minerals_told_next(record, text):
    # blind set 59's fc02: the stop, then "began leaving in earnest", then the loads named in the next sentence
    drafts = [d for d in _drafts(text, record, "2025-01-17") if d.event_type == "export_resumed"]
    assert drafts and {x for d in drafts for x in d.minerals} == {"coal", "molybdenum"}


def test_goods_that_began_moving_for_the_first_time_are_no_resumption(record):  # guard
    text = "Trucks began moving North Korean coal to a new depot this month."
    assert not [d for d in _drafts(text, record, "2025-01-17") if d.event_type == "export_resumed"]


def test_a_barter_for_a_stake_in_deposits_is_a_deal(record):
    # blind set 58's fb01: "agreed with him to hand over fertilizer … in return for a stake in the North's rare-earth deposits"
    text = ("When the two leaders met in June, China agreed with Pyongyang to supply food at cost in exchange for rights "
            "to its magnesite deposits.")
    (d,) = _drafts(text, record, "2012-09-01")
    assert (d.event_type, d.minerals, d.date, d.date_precision) == ("deal_signed", ["magnesia"], "2012-06-01", "month")


def test_an_order_banning_exports_is_the_exporting_sides_halt_and_the_call_day_is_when_it_was_told(record):
    # blind set 59's fc01: "금정광 수출을 일절 금지하는 명령이 … 지난 10월에 떨어졌다" (a sanction dated the day the
    # source spoke, '27일 … 통화에서')
    text = ("아연 정광을 중국 쪽에 넘겨 온 한 소식통은 12일 본지와 통화에서 아연 정광 수출을 금지하라는 지시가 "
            "지난 8월에 내려왔다고 말했다.")
    (d,) = _drafts(text, record, "2016-11-14")
    assert (d.event_type, d.minerals, d.date, d.date_precision) == ("export_halt", ["zinc"], "2016-08-01", "month")


def test_a_ban_by_an_importer_stays_its_own_measure(record):  # guard
    text = "중국 상무부는 북한산 아연 정광 수입을 금지하는 공고를 지난 8월에 냈다."
    assert [d.event_type for d in _drafts(text, record, "2016-11-14")] != ["export_halt"]


def test_minerals_named_before_a_group_without_a_figure_are_the_events(record):
    # blind set 59's fc03: "석탄과 희토류를 비롯한 북한 광물 일곱 가지를 … 함께 개발하자고 제의" (rare earths were dropped as the
    # group's first member, a rule for the group's figure)
    text = "북측은 지난해 5월 마그네사이트와 흑연을 비롯한 광물 다섯 가지를 함께 개발하자고 제의했다."
    (d,) = _drafts(text, record, "2012-07-23")
    assert d.event_type == "investment_offer" and set(d.minerals) == {"magnesia", "graphite"}


def test_a_groups_figure_is_still_not_its_first_members(record):  # guard (the rule the change keeps)
    text = "지난해 석탄을 비롯한 광물 수출액은 12억 달러였다."
    assert not [d for d in _drafts(text, record, "2017-03-01") if d.value_usd == 1_200_000_000 and "coal" in d.minerals]


def test_a_korean_ongoing_state_is_dated_to_the_report_not_an_earlier_date(record):
    # blind set 58's fb02: "석탄 수출도 계속 이어지고 있다" took '1일' from a plan two paragraphs before
    text = ("당국은 올해 1월 1일부터 철광석을 국내에 돌리라고 지시했다.\n\n"
            "그러나 소식통은 철광석 수출이 계속 이어지고 있다고 전했다.")
    (d,) = [d for d in _drafts(text, record, "2012-03-23") if d.event_type == "export_continued"]
    assert (d.date, d.date_precision) == ("2012-03-23", "approximate")


def test_a_korean_progressive_of_another_verb_leaves_the_event_its_date(record):  # guard (blind set 40's ej01)
    text = ("지난 11월 중순 공개재판이 열렸다.\n\n"
            "이 재판은 금을 밀수한 사람들을 처벌하는 자리였고, 주민들 사이에서는 '금밀수 사건'으로 불리고 있다고 한다.")
    (d,) = [d for d in _drafts(text, record, "2015-12-15") if d.event_type == "smuggling"]
    assert d.date[:7] == "2015-11"


def test_a_korean_past_clause_joined_by_euomyeo_keeps_its_own_year(record):
    # blind set 58's fb07: "지난해 … 1.5배로 끌어올리였으며 올해에 들어와서도 … 1.4분기계획을 136.6%로 해제꼈다" (dated this year,
    # with the plan's per cent as its amount)
    text = "기업소는 지난해 새 갱을 열어 아연 생산량을 두 배로 끌어올렸으며 올해에도 1분기 계획을 120%로 넘쳐 수행했다."
    (d,) = [d for d in _drafts(text, record, "2010-05-04") if d.event_type == "production_change"]
    assert (d.date, d.date_precision, d.quantity) == ("2009-01-01", "year", None)
    assert len(clauses(text)) == 2


@pytest.mark.parametrize(("clause", "share"), [
    ("1분기 계획을 120%로 넘쳐 수행했다", True),
    ("the mine fulfilled its quarterly plan at 112 percent", True),
    ("output reached 105% of the target", True),
    ("exports rose 12 percent", False),
    ("coal made up 40 percent of exports", False),
])
def test_a_plans_per_cent_is_no_figure_of_goods(clause, share):
    from geo.ingest.amounts import plan_share
    assert plan_share(clause) is share


def test_a_figure_after_a_measures_date_takes_the_period_named_before_it(record):
    # blind set 59's fc07: "because last March the Security Council adopted a resolution …" gave March to the year's
    # coal figure told after it
    text = ("North Korea's exports grew last year, a trade agency said.\n\n"
            "The rise came even though last March the Security Council adopted a resolution on minerals.\n\n"
            "Coal exports were worth $1.2 billion, the agency said.")
    (d,) = [d for d in _drafts(text, record, "2017-07-21") if d.event_type == "trade_figure"]
    assert (d.date, d.date_precision) == ("2016-01-01", "year")


def test_a_figure_of_the_whole_trade_borrows_no_mineral(record):
    # blind set 59's fc07: "trade with it reached $6.05 billion" took the coal of the sentence before
    text = ("Coal, the North's leading export, rose 12.5 percent last year.\n\n"
            "China remained the biggest partner: trade with it reached $5.2 billion (exports $2.1 billion, imports $3.1 "
            "billion), up 6.1 percent.")
    assert not [d for d in _drafts(text, record, "2017-07-21") if d.value_usd]
