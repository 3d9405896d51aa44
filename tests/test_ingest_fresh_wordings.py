"""General rules read from blind set 53 and the new-user trials from the thirty-third on, each shown on sentences of our
own, not the sets' or the trials' (tests/test_ingest_trial_wordings.py holds the round before's)."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.ingest import extract
from tests.test_ingest_wordings import record  # noqa: F401 - pytest fixture

PUB = "2020-03-01"


def _read(text, record):  # noqa: F811
    return [(d.event_type, d.minerals) for d in extract(text, PUB, "T", "", record).drafts]


def test_a_mine_unable_to_operate_has_halted(record):  # noqa: F811
    text = "The zinc mine has been unable to operate since the power lines failed, a source said."
    assert _read(text, record) == [("production_halt", ["zinc"])]


@pytest.mark.parametrize(("text", "expected"), [
    # goods sold by slipping through the sanctions net, or sold off in secret
    ("북한은 감시망을 피해 베트남에 철광석을 팔아넘긴 것으로 드러났다.", [("smuggling", ["iron_ore"])]),
    ("북한이 지난해 중국으로 몰래 내다 판 철광석은 10만t에 이른다.", [("smuggling", ["iron_ore"])]),
    # the sanctions' damage (no particle) is no evasion
    ("제재 피해가 커지면서 북한의 석탄 수출이 줄었다는 분석이 나왔다.", []),
])
def test_korean_goods_sold_past_the_sanctions_net_are_smuggled(record, text, expected):  # noqa: F811
    assert _read(text, record) == expected


def test_a_port_that_does_not_permit_entry_suspends_the_cargo(record):  # noqa: F811
    assert _read("항만 당국은 석탄을 실은 배의 입항을 허가하지 않았다.", record) == [("import_suspension", ["coal"])]


@pytest.mark.parametrize("text", [
    "Japan said it will keep three tankers that carried North Korean coal out of its ports.",
    "The two bulk carriers that moved North Korean iron ore may no longer enter Japan, the ministry said.",
])
def test_ships_kept_out_of_a_countrys_ports_from_now_on_are_designated(record, text):  # noqa: F811
    ((etype, _),) = _read(text, record)
    assert etype == "designation"


@pytest.mark.parametrize("text", [
    "China said it would halt imports of North Korean coal.",  # an importer's stop said it would: still a plan
    "Japan said it will keep buying Australian coal.",
])
def test_only_a_designation_said_it_will_is_decided(record, text):  # noqa: F811
    assert _read(text, record) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("지난달 북한산 석탄 5천t을 싣고 온 화물선이 항구 앞바다에 닿았다.\n\n항만 당국은 배를 돌려보냈다.", [("import_suspension", ["coal"])]),
    ("A freighter loaded with North Korean coal reached the port last month.\n\n"
     "Port officials refused to let the vessel unload and sent it back.", [("import_suspension", ["coal"])]),
    # two minerals in the report: the ship's cargo is not known to be either
    ("지난달 북한산 석탄과 철광석을 싣고 온 화물선이 항구 앞바다에 닿았다.\n\n항만 당국은 배를 돌려보냈다.", []),
])
def test_a_ship_turned_away_carries_the_reports_one_mineral(record, text, expected):  # noqa: F811
    assert _read(text, record) == expected


def _drafts(text, record, published=PUB):  # noqa: F811
    return extract(text, published, "T", "", record).drafts


@pytest.mark.parametrize(("teller", "confidence", "anonymous"), [
    # the report tells a customs service's own findings: a paragraph naming no teller is that body's account
    ("관세청은 수입업체 두 곳이 북한산 철광석을 들여온 사실을 확인했다고 5일 밝혔다.", "official", False),
    # an unnamed source's report stays the source's
    ("소식통은 수입업체 두 곳이 북한산 철광석을 들여왔다고 5일 전했다.", "reported", True),
])
def test_a_report_of_an_official_bodys_findings_is_official_where_no_one_else_tells(record, teller, confidence, anonymous):  # noqa: F811
    text = f"북한산 철광석 위장 반입\n\n{teller}\n\n지난해 3월 북한산 철광석이 중국산으로 꾸며져 인천항에 들어왔다."
    (d,) = _drafts(text, record, "2019-06-07")
    assert (d.event_type, d.date, d.confidence, d.anonymous_source) == ("smuggling", "2018-03-01", confidence, anonymous)


@pytest.mark.parametrize("text", [
    "수입업자들은 지난해 4월 북한산 철광석을 중국산으로 속여 들여왔다. 이렇게 들어온 철광석은 모두 2만t에 이른다.",
    "Traders passed off North Korean iron ore as Chinese in April last year. Ore shipped this way came to 20,000 tons.",
])
def test_a_figure_of_goods_moved_this_way_is_the_smugglings_amount(record, text):  # noqa: F811
    (d,) = _drafts(text, record, "2019-06-07")
    assert (d.event_type, d.minerals, d.date, d.quantity) == ("smuggling", ["iron_ore"], "2018-04-01", 20_000)


def test_a_resolutions_day_in_brackets_is_not_the_events(record):  # noqa: F811
    (d,) = _drafts("수입업자들은 안보리 결의 2371호(2017년 8월 5일) 이후 북한산 석탄을 중국산으로 속여 들여왔다.", record, "2018-06-07")
    assert d.event_type == "smuggling" and d.date != "2017-08-05"


def test_roads_that_lead_somewhere_name_no_lead(record):  # noqa: F811
    text = "Checkpoints stand on the roads that lead to the Yalu, the main route for smuggled coal, sources said."
    assert [d.minerals for d in _drafts(text, record)] == [["coal"]]
    # the metal sent somewhere is still the metal
    assert [d.minerals for d in _drafts("North Korea smuggled zinc and lead to China last year, sources said.", record)] \
        == [["zinc", "lead"]]


def test_a_forged_certificate_of_origin_is_smuggling(record):  # noqa: F811
    (d,) = _drafts("수입업자들은 원산지증명서를 중국산으로 위조해 북한산 무연탄을 들여왔다.", record)
    assert (d.event_type, d.minerals) == ("smuggling", ["coal"])


def test_a_draft_retyped_as_the_records_measure_is_read_again_for_its_source(record):  # noqa: F811
    # every teller of the report is unnamed, but the measure's own paragraph names none: China's notice, not the sources'
    text = ("Border traders are nervous, sources said.\n\n"
            "China has suspended imports of coal from the North since Aug. 15 as part of its implementation of Resolution 2371.")
    (d,) = _drafts(text, record, "2017-09-11")
    assert (d.event_type, d.date, d.known != "", d.confidence, d.anonymous_source) == ("sanction", "2017-08-15", True, "official", False)


def test_a_unit_sign_of_east_asian_type_is_read_as_its_letters(record):  # noqa: F811
    (d,) = _drafts("북한은 작년 1∼12월 중국에 희토류 3만4천500㎏을 수출했다.", record, "2015-03-23")
    # "1∼12월" of a year is the whole year
    assert (d.event_type, d.quantity, d.unit, d.date, d.date_precision) == ("trade_figure", 34_500, "kg", "2014-01-01", "year")


def test_a_korean_half_with_no_year_is_this_years(record):  # noqa: F811
    import datetime as dt

    from geo.ingest.dates import find_dates
    (d,) = find_dates("하반기부터 본격적으로 들어온다.", dt.date(2006, 4, 28))
    assert (d.date, d.precision) == (dt.date(2006, 7, 1), "month")


def test_a_mines_completion_ceremony_changes_its_capacity(record):  # noqa: F811
    (d,) = _drafts("광업진흥공사는 12일 정촌 흑연광산의 준공식을 열었다고 밝혔다.", record, "2006-04-28")
    assert (d.event_type, d.effect, d.mines, d.date) == ("production_change", "increased", ["jongchon-graphite"], "2006-04-12")


def test_a_measure_from_the_nth_is_dated_that_day(record):  # noqa: F811
    text = "The commerce ministry said on Monday that it would ban imports of North Korean lead ore from the 20th."
    (d,) = _drafts(text, record, "2017-08-16")
    assert (d.event_type, d.date, d.date_precision) == ("sanction", "2017-08-20", "day")


def test_a_stop_told_months_later_than_a_start_is_dated_from_it(record):  # noqa: F811
    text = "The zinc concentrate plant began operating in March 2011 but stopped producing four months later, workers said."
    (d,) = _drafts(text, record, "2012-09-06")
    assert (d.event_type, d.minerals, d.date, d.date_precision) == ("production_halt", ["zinc"], "2011-07-01", "month")


def test_a_cargo_split_among_smaller_boats_is_smuggled(record):  # noqa: F811
    (d,) = _drafts("남포항을 떠난 배는 공해상에서 작은 배 여러 척에 무연탄을 나눠 실었다.", record)
    assert (d.event_type, d.minerals) == ("smuggling", ["coal"])


def test_ore_crossing_over_into_china_now_is_exports_going_on(record):  # noqa: F811
    (d,) = _drafts("제재에도 아연 정광은 예전처럼 중국으로 넘어오고 있는 셈이다.", record)
    assert (d.event_type, d.minerals) == ("export_continued", ["zinc"])


def test_a_ship_the_record_does_not_name_is_another_case(record):  # noqa: F811
    # found on the thirty-fourth new user's trial: the Dong Thanh's coal was said to repeat the panel's count of barge
    # shipments to Hangzhou Bay that season
    from geo.ingest.drafts import Draft
    from geo.ingest.known import repeats_of

    def smuggling(evidence, date, precision):
        return Draft(event_id="x", event_type="smuggling", effect="smuggled", date=date, date_precision=precision,
                     evidence=evidence, minerals=["coal"])

    other = smuggling("They let it move its coal onto another vessel, the Dong Thanh, which left for Malaysia.", "2019-05-10",
                      "approximate")
    assert repeats_of(other, record) == ""
    same = smuggling("Indonesian authorities held the ship, the Wise Honest, from April 2018.", "2018-04-01", "month")
    assert "wise-honest-coal-2018-04" in repeats_of(same, record)
    unnamed = smuggling("They let it move its coal onto another vessel, which left for Malaysia.", "2019-05-10", "approximate")
    # no ship named, but one cargo: not the panel's count of barge shipments either (the record's tally of many cases,
    # tests/test_ingest_round37_wordings.py); the count told again, with its counters, is that tally
    assert repeats_of(unnamed, record) == ""
    counted = smuggling("The panel counted barge shipments of coal to Hangzhou Bay in May 2019.", "2019-05-01", "month")
    assert "poe-hangzhou-bay-shipments-2019" in repeats_of(counted, record)


@pytest.mark.parametrize("text", ["사들인 사람은 5년 이상 징역을 살 수 있다고 소식통은 전했다.", "사들이면 징역 5년 이상이라고 한다."])
def test_a_prison_term_is_no_date(text):
    from geo.ingest.dates import find_dates
    assert find_dates(text, dt.date(2017, 7, 21)) == []
    # a state that has lasted that long still is one
    (d,) = find_dates("탄광은 1년 넘게 멈춰 서 있다.", dt.date(2017, 7, 21))
    assert d.date == dt.date(2016, 7, 21)


@pytest.mark.parametrize("text", [
    "The paper said this looked like a scheme to \"launder\" North Korean coal.",
    "Passing the coal off as Russian would let the cargo be sold abroad.",
])
def test_coal_laundered_or_passed_off_is_smuggled(record, text):  # noqa: F811
    assert [d.event_type for d in _drafts(text, record, "2018-03-05")] == ["smuggling"]


def test_money_laundered_for_coal_traders_is_no_smuggled_coal(record):  # noqa: F811
    assert _drafts("The bank was accused of laundering money for coal traders.", record, "2018-03-05") == []


@pytest.mark.parametrize("name", ["6.13탄광", "6·13탄광"])
def test_a_mine_named_for_a_day_is_found_with_either_dot(record, name):  # noqa: F811
    from geo.ingest.gazetteer import Gazetteer
    (m,) = [m for m in Gazetteer.from_dataset(record).match(f"은덕군 '{name}'이 물에 잠겼다.") if m.kind == "mine"]
    assert (m.id, m.text) == ("aoji", name)


def test_mines_listed_in_one_sentence_take_the_month_a_later_telling_gives(record):  # noqa: F811
    # the thirty-sixth trial: three flooded mines were dated by the year an earlier paragraph named, though the next
    # sentence said since May; "갱이 물에 찼다" (pits filled with water) is a halt, after a state the sentence told first
    text = ("함북 탄광들 물에 잠겨\n\n"
            "소식통은 올해는 전기가 모자라 도내 탄광들이 모두 멈췄다고 말했다.\n\n"
            "물에 잠겨 석탄을 캘 수 없게 된 곳은 회령시 '중봉탄광'과 '오봉탄광'이라고 한다.\n"
            "소식통은 이 탄광들의 설비가 낡아 있었는데, 버티던 탄광들도 올해 5월부터 전기가 끊겨 갱이 모두 물에 찼다고 설명했다.")
    drafts = [d for d in _drafts(text, record, "2015-06-30") if d.mines]
    assert sorted((d.mines[0], d.event_type, d.date, d.date_precision) for d in drafts) == [
        ("jungbong", "production_halt", "2015-05-01", "month"), ("obong", "production_halt", "2015-05-01", "month")]


def test_ships_found_carrying_coal_are_no_discovery(record):  # noqa: F811
    text = "A source said the four ships had been found carrying coal and iron ore, exports a resolution banned in August."
    assert "discovery" not in [d.event_type for d in _drafts(text, record, "2017-10-10")]
    # a deposit found is still one
    assert [d.event_type for d in _drafts("A large deposit of graphite has been found in the county.", record)] == ["discovery"]


def test_the_trade_at_large_is_not_a_record_case_told_by_whom_it_names(record):  # noqa: F811
    # the thirty-fifth trial: a season's coal smuggling at large was said to repeat the Sky Angel's and Rich Glory's cargoes
    from geo.ingest.drafts import Draft
    from geo.ingest.known import repeats_of

    def smuggling(evidence):
        return Draft(event_id="x", event_type="smuggling", effect="smuggled", date="2017-10-10", date_precision="approximate",
                     evidence=evidence, minerals=["coal"])

    assert "sky-angel" not in repeats_of(smuggling("Some states were taken advantage of as the North kept exporting coal."), record)
    assert "sky-angel" in repeats_of(smuggling("The Rich Glory and the Sky Angel carried North Korean coal."), record)


def test_a_national_figure_is_not_told_to_name_a_mine():
    # the thirty-sixth trial read "no mine named" as a fault of a country's trade figure
    from geo.ingest.certainty import estimate
    from geo.ingest.drafts import Draft

    def draft(event_type):
        return Draft(event_id="x", event_type=event_type, effect="", date="2017-01-01", date_precision="year",
                     evidence="The North earned some $200 million from coal exports last year.", minerals=["coal"],
                     date_basis="'last year' in the sentence")

    assert "no mine named" not in estimate(draft("trade_figure"))[1]
    assert "no mine named" in estimate(draft("investment_offer"))[1]  # a deal is over a mine: its absence is said


def test_the_last_item_of_a_korean_list_before_deung_and_a_bracketed_synonym(record):  # noqa: F811
    # the thirty-fifth trial: "…금, 은 등이다" lost silver, and "텅스텐(중석)" gave tungsten twice
    from geo.ingest.gazetteer import Gazetteer
    from geo.ingest.short_names import short_minerals
    sentence = "내보내는 광물은 아연, 텅스텐(중석), 금, 은 등이다."
    found = short_minerals(sentence, Gazetteer.from_dataset(record).match(sentence), record.mineral_names)
    assert [m.id for m in found if m.kind == "mineral"] == ["zinc", "tungsten", "gold", "silver"]
    # a gloss naming another mineral is a mention of its own
    assert [m.id for m in Gazetteer.from_dataset(record).match("납(아연)을 실었다") if m.kind == "mineral"] == ["lead", "zinc"]


def test_a_customs_disclosure_of_goods_brought_in_from_april_to_october(record):  # noqa: F811
    # the thirty-seventh trial: the headline behind a section label was a second event, the span's end was the date, the
    # customs agency was no official teller, and the record's customs case was not said to be repeated
    text = ("[Debriefing] North Korea's smuggled coal\n\n"
            "On Aug. 10 South Korea's customs agency disclosed that private firms had brought North Korean coal and iron "
            "into the country from April to October 2017, in breach of United Nations sanctions.\n")
    (d,) = _drafts(text, record, "2018-08-19")
    assert (d.event_type, d.minerals, d.date, d.date_precision, d.end_date) == (
        "smuggling", ["coal", "iron_ore"], "2017-04-01", "month", "2017-10-31")
    assert d.confidence == "official"
    assert d.known.startswith("event south-korea-coal-pig-iron-imports-2017") and "does not link iron_ore" in d.known


def test_a_headline_behind_a_section_label_is_the_headline():
    from geo.ingest.text import guess_title
    assert guess_title("[Debriefing] North Korea's smuggled coal\n\nQ. What was smuggled, and how did it get through?\n") \
        == "[Debriefing] North Korea's smuggled coal"


def test_a_mineral_the_news_follows_on_is_not_its_own(record):  # noqa: F811
    # the thirty-seventh trial: "석탄에 이어 구리·니켈·은·아연의 수입도" put coal in with the metals
    (d,) = _drafts("중국이 북한산 석탄에 이어 구리·아연의 수입도 멈추겠다고 발표했다.", record, "2016-12-23")
    assert d.minerals == ["copper", "zinc"]


def test_the_thirty_eighth_trials_wordings(record):  # noqa: F811
    # another country's own coal sold abroad, told after "Official figures show", is not the North's trade
    text = "Official figures show Vietnam sold more than two million tonnes of coal abroad in 2017, worth about $295 million."
    assert [d.event_type for d in _drafts(text, record, "2018-02-08")] == []
    # goods relabelled and sold on as another country's are smuggled
    text = "The coal is landed in Vietnam, relabelled and then exported again as Vietnamese coal, analysts said."
    assert [d.event_type for d in _drafts(text, record, "2018-02-08")] == ["smuggling"]
    # customs officials who said it are an official teller
    (d,) = _drafts("Three firms smuggled North Korean coal into the South last year, customs officials said.", record, "2018-08-10")
    assert d.confidence == "official"
    # a Korean rate gone below a share is at most that share
    from geo.ingest.amounts import amounts_and_qualifier
    assert amounts_and_qualifier("무산광산의 가동률이 50% 밑으로 내려간 것으로 전해졌다.")[1] == "at_most"
