"""General rules read from blind set 60 and from the fifty-first to fifty-eighth trials (round 39), each tested on
sentences of our own: the pattern, not the set's or the trials' wording. The guards (negative cases) say what each
rule must not take."""

from __future__ import annotations

import pytest

from geo.ingest import extract
from geo.rules.load import load_dataset
from tests.conftest import RECORD


@pytest.fixture(scope="module")
def record():
    return load_dataset(RECORD)


def _drafts(text: str, record, pub: str = "2021-06-01"):
    return extract(text, pub, "Test", "", record).drafts


def _read(drafts, *fields):
    return sorted(tuple(getattr(d, f) for f in fields) for d in drafts)


# --- a halt, then the resumption that undid it, in one sentence (blind set 60's fd01) ---

def test_a_korean_halt_then_resumption_gives_both_each_with_its_own_date(record):
    text = "소식통에 따르면 북한은 2월 초께부터 4월 중순까지 철광석 수출을 잠시 멈췄다가, 4월 말 남포항에서 다시 내보내기 시작했다."
    drafts = _drafts(text, record)
    assert _read(drafts, "event_type", "minerals", "date", "date_precision") == [
        ("export_halt", ["iron_ore"], "2021-02-01", "month"),  # the span's start ("2월 초께부터"), not its end
        ("export_resumed", ["iron_ore"], "2021-04-01", "month")]
    (halt,) = [d for d in drafts if d.event_type == "export_halt"]
    assert "Nampo" not in halt.place  # the port is the resumption's clause's


def test_an_english_halt_then_resumption_gives_both(record):
    text = "Shipments of zinc concentrate were suspended in May but resumed in August, traders said."
    assert _read(_drafts(text, record, "2019-10-01"), "event_type", "minerals", "date") == [
        ("export_halt", ["zinc"], "2019-05-01"), ("export_resumed", ["zinc"], "2019-08-01")]


def test_something_else_resumed_after_a_rise_borrows_no_mineral(record):  # guard
    text = "Coal exports rose in May, but the talks resumed in August."
    assert not [d for d in _drafts(text, record, "2019-10-01") if d.event_type == "export_resumed"]


# --- dates ---

def test_a_date_in_an_opening_reason_is_the_reasons(record):
    # blind set 60's fd05: "Because China had said in February that …, it was not clear why … had restarted"
    text = ("China bought 1.2 million tonnes of North Korean coal in August, customs data showed. Because Beijing had "
            "announced in February that it would stop all coal purchases, it was unclear why the data showed the "
            "shipments had restarted.")
    (d,) = [d for d in _drafts(text, record, "2017-09-27") if d.event_type == "export_resumed"]
    assert d.date[:7] != "2017-02"


def test_a_date_after_an_opening_reason_stays_the_events(record):  # guard
    text = "Because of the floods, coal exports from Nampo stopped in March, a trader said."
    (d,) = [d for d in _drafts(text, record, "2019-06-10") if d.event_type == "export_halt"]
    assert (d.date, d.date_precision) == ("2019-03-01", "month")


def test_a_korean_state_told_as_now_takes_the_start_the_next_sentence_tells(record):
    # the fifty-fourth trial: "현재 … 캘 수 없게 된 탄광들" then "올해 5월부터 … 침수됐다"
    text = ("현재 물에 잠겨 석탄을 더 이상 캐지 못하는 탄광으로는 오봉탄광이 있다고 소식통은 말했다.\n"
            "이 탄광은 올해 4월부터 배수펌프가 멈추면서 갱이 모두 침수됐다고 한다.")
    (d,) = [d for d in _drafts(text, record, "2019-08-01") if d.event_type == "production_halt"]
    assert (d.mines, d.date, d.date_precision) == (["obong"], "2019-04-01", "month")


def test_a_korean_state_told_as_now_with_no_start_beside_it_is_the_reports(record):  # guard
    text = "현재 물에 잠겨 석탄을 더 이상 캐지 못하는 탄광으로는 오봉탄광이 있다고 소식통은 말했다."
    (d,) = [d for d in _drafts(text, record, "2019-08-01") if d.event_type == "production_halt"]
    assert (d.date, d.date_precision) == ("2019-08-01", "approximate")


def test_the_day_before_sources_cited_is_when_they_told_it(record):
    # the fifty-fifth trial: "20일 복수의 … 소식통에 따르면 …" is the telling's day, not the event's
    text = "15일 복수의 내부 소식통에 따르면 북한은 석탄을 중국 업자들에게 몰래 팔고 있다."
    (d,) = _drafts(text, record, "2022-03-20")
    assert (d.event_type, d.date, d.date_precision) == ("smuggling", "2022-03-15", "approximate")


def test_a_weekday_just_after_a_verb_of_telling_is_past_whatever_the_statement_plans(record):
    # the fifty-eighth trial: "China will suspend … until the end of the year, the Commerce Ministry announced Saturday"
    text = ("Beijing will suspend all imports of North Korean iron ore until the end of the year, the trade ministry "
            "announced Saturday.")
    (d,) = _drafts(text, record, "2017-02-19")  # a Sunday
    assert (d.date, d.end_date) == ("2017-02-18", "2017-12-31")


def test_a_measures_end_told_two_sentences_on_is_its_end(record):
    text = ("Beijing will suspend all imports of North Korean iron ore from Monday, the trade ministry announced Saturday.\n"
            "Iron ore is one of the North's main exports.\n"
            "The ministry said the halt would take effect at once and last until Dec. 31.")
    (d,) = [d for d in _drafts(text, record, "2017-02-19") if d.minerals == ["iron_ore"]]
    assert d.end_date == "2017-12-31"


def test_a_sanction_that_goes_on_from_the_sentence_before_takes_its_measures_date(record):
    # blind set 60's fd08: "The resolution … bars North Korea from selling coal … Its lead, lead ore … are banned as well"
    text = ("On Monday the Security Council voted for a resolution over last month's missile tests.\n"
            "The resolution bars North Korea from exporting zinc and copper. Its silver is banned as well.")
    drafts = [d for d in _drafts(text, record, "2030-03-06") if d.event_type == "sanction"]
    assert {(m, d.date) for d in drafts for m in d.minerals} == {
        ("zinc", "2030-03-04"), ("copper", "2030-03-04"), ("silver", "2030-03-04")}


# --- types ---

def test_a_state_barred_from_selling_is_a_sanction(record):
    text = "The new resolution bars North Korea from selling zinc and copper abroad."
    assert {(d.event_type, m) for d in _drafts(text, record, "2016-12-01") for m in d.minerals} == {
        ("sanction", "zinc"), ("sanction", "copper")}


def test_a_rule_barring_something_that_is_no_trade_is_no_sanction(record):  # guard
    text = "The rule bars North Korea from hosting coal industry fairs."
    assert not [d for d in _drafts(text, record, "2016-12-01") if d.event_type == "sanction"]


def test_papers_told_as_forged_after_the_cargo_make_it_smuggling_and_one_cargo_is_one_event(record):
    # blind set 60's fd06: a cargo loaded and discharged on two days, "with papers forged to show the coal as Russian"
    text = ("The panel says the vessel loaded 12,000 tons of coal at Nampho on May 3 last year and unloaded the coal in "
            "Vietnam on May 20, with documents falsified to show it as Indonesian.")
    drafts = _drafts(text, record, "2019-03-01")
    assert [(d.event_type, d.minerals) for d in drafts] == [("smuggling", ["coal"])]


def test_new_working_faces_are_a_production_change(record):  # blind set 60's fd10
    (d,) = _drafts("The Komdok Mine is opening new working faces to lay a base for production.", record)
    assert (d.event_type, d.mines) == ("production_change", ["komdok"])


def test_a_mine_no_longer_operable_is_halted_now(record):  # the fifty-second trial
    text = ("A Chinese firm once ran the Hyesan Youth Copper Mine, with a turnover of $80 million in 2008. As far as we "
            "can tell, the mine is no longer operable because of flooding.")
    drafts = [d for d in _drafts(text, record, "2011-02-07") if d.event_type == "production_halt"]
    assert [(d.mines, d.minerals, d.date, d.date_precision) for d in drafts] == [
        (["hyesan"], ["copper"], "2011-02-07", "approximate")]


def test_goods_named_as_banned_beside_their_sale_are_smuggled_not_a_sanction(record):
    # the fifty-sixth trial: "earned US$200 million … from exports of coal, iron, steel and other banned commodities"
    text = "The North earned about $100 million last year by selling iron ore and other banned goods."
    assert [(d.event_type, d.minerals) for d in _drafts(text, record, "2018-07-31")] == [("smuggling", ["iron_ore"])]


@pytest.mark.parametrize("text", ["The UN banned iron ore exports in August last year.",
                                  "The resolution, adopted in August last year, banned iron ore exports."])
def test_a_ban_as_a_verb_stays_a_sanction(record, text):  # guard
    assert {d.event_type for d in _drafts(text, record, "2018-07-31")} == {"sanction"}


def test_goods_routed_through_another_country_to_a_buyer_that_bans_them_are_smuggled(record):
    # the fifty-sixth trial: "was imported into the South via Russia on two cargo ships last year"
    text = "About 5,000 tonnes of North Korean coal were shipped to South Korea via Russia last year, the minister said."
    assert [d.event_type for d in _drafts(text, record, "2018-07-31")] == ["smuggling"]


def test_goods_routed_through_a_border_city_are_no_smuggling(record):  # guard
    text = "China imported 5,000 tonnes of North Korean coal via Dandong last year, customs data showed."
    assert "smuggling" not in {d.event_type for d in _drafts(text, record, "2018-07-31")}


def test_a_ship_detained_by_the_authorities_is_a_smuggling_case(record):  # the fifty-seventh trial
    text = "The freighter was detained by Philippine authorities in March for carrying North Korean iron ore."
    assert [(d.event_type, d.minerals, d.date[:7]) for d in _drafts(text, record, "2021-06-01")] == [
        ("smuggling", ["iron_ore"], "2021-03")]


def test_a_korean_call_that_output_must_rise_is_no_event(record):  # the fifty-eighth trial's editorial
    assert not _drafts("신문은 탄광들이 석탄 생산을 획기적으로 늘려야 한다고 강조했다.", record, "2011-01-26")


def test_a_korean_rise_in_output_told_as_done_is_an_event(record):  # guard
    assert [d.event_type for d in _drafts("신문은 탄광들이 석탄 생산을 크게 늘렸다고 전했다.", record, "2011-01-26")] == [
        "production_change"]


def test_a_korean_surge_of_exports_with_its_figures_is_two_figures_each_of_its_span(record):
    # the fifty-eighth trial: "1~7월 151만톤에 그쳤던 … 수출량은 8∼11월 넉달간 255만톤으로 급증했다"
    text = "1~3월 20만t에 그쳤던 북한산 철광석 수출량은 4∼6월 석달간 45만t으로 급증했다."
    assert _read(_drafts(text, record, "2021-08-01"), "event_type", "date", "date_precision", "quantity") == [
        ("trade_figure", "2021-01-01", "month", 200000.0), ("trade_figure", "2021-04-01", "month", 450000.0)]


def test_a_figure_by_weight_with_no_mineral_in_a_one_mineral_report_is_that_minerals(record):
    text = "북한의 철광석 수출이 눈에 띄게 늘었다.\n전력난도 여전히 심하다.\n북한은 지난해 중국에 120만t을 수출했다."
    drafts = [d for d in _drafts(text, record, "2021-08-01") if d.event_type == "trade_figure"]
    assert [(d.minerals, d.date, d.quantity) for d in drafts] == [(["iron_ore"], "2020-01-01", 1200000.0)]


def test_a_figure_of_money_with_no_mineral_borrows_none(record):  # guard: money may be of every good
    text = "북한의 철광석 수출이 눈에 띄게 늘었다.\n전력난도 여전히 심하다.\n북한은 지난해 중국에 3억 달러어치를 수출했다."
    assert not [d for d in _drafts(text, record, "2021-08-01") if d.event_type == "trade_figure"]


def test_a_part_of_the_goods_named_before_takes_their_mineral(record):
    # the fifty-seventh trial: "이 중 일부는 중국으로 밀수되고 있어"
    text = "제재에도 북한 탄광에서 캐는 석탄의 양은 크게 줄지 않았다. 이 중 일부는 중국으로 밀수되고 있다."
    drafts = [d for d in _drafts(text, record, "2021-04-07") if d.event_type == "smuggling"]
    assert [(d.minerals, d.place) for d in drafts] == [(["coal"], "China")]


def test_a_cargo_sent_back_is_told_as_one_cargo(record):  # the fifty-eighth trial
    text = "China has returned a shipment of North Korean anthracite, a local paper reported on Friday."
    (d,) = _drafts(text, record, "2016-06-04")
    assert d.event_type == "import_suspension"
    assert "a cargo turned back" in d.title
    assert d.description.startswith("A cargo of coal") and "was turned back" in d.description


# --- the record's events told again ---

def test_a_case_told_by_the_record_cases_ports_repeats_it_though_it_names_no_ship(record):
    # the fifty-sixth trial: the Sky Angel's and Rich Glory's cargoes told by their ports alone
    text = "The coal was reloaded onto two ships at a Russian port and brought to Incheon and Pohang in October 2017."
    (d,) = [d for d in _drafts(text, record, "2018-07-31") if d.event_type == "smuggling"]
    assert "sky-angel-rich-glory-coal-2017-10" in d.known


def test_the_ship_a_sentence_refers_back_to_is_its_actor_and_its_case(record):
    # the fifty-fifth trial: "The ship was intercepted by Indonesian maritime authorities on April 2, 2018"
    text = ("US prosecutors seized the cargo ship the M/V Wise Honest on Thursday, court papers show.\n"
            "The ship had been detained by Indonesian authorities in April 2018 while carrying North Korean coal.")
    (d,) = [d for d in _drafts(text, record, "2019-05-10") if d.date.startswith("2018-04")]
    assert d.actors == "Wise Honest" and "wise-honest-coal-2018-04" in d.known


def test_a_case_that_names_another_ship_is_not_the_record_case(record):  # guard
    text = "The cargo ship Golden Harbor was detained by Indonesian authorities in April 2018 while carrying North Korean coal."
    (d,) = [d for d in _drafts(text, record, "2019-05-10") if d.event_type == "smuggling"]
    assert "wise-honest" not in d.known


def test_the_second_such_case_of_a_year_is_the_records_later_one(record):  # the fifty-eighth trial
    text = "For the second time this year, Chinese customs rejected a shipment of North Korean coal."
    (d,) = _drafts(text, record, "2015-04-04")
    assert "longkou-coal-rejection-2015-03" in d.known


# --- the text and its parts ---

def test_a_photo_caption_ending_with_its_credit_gives_no_event(record):  # the fifty-fifth trial
    text = ("Coal prices climb in the North\n\n"
            "Coal piled on a riverbank in October 2019, loaded at night to evade sanctions. / 사진=데일리NK\n\n"
            "Prices for North Korean coal have risen this spring, traders say.")
    assert not [d for d in _drafts(text, record, "2022-04-20") if "2019" in d.date]


def test_the_hangul_letter_used_as_a_middle_dot_joins_a_mines_name(record):  # the fifty-eighth trial
    (d,) = _drafts("지난달 2ㆍ8직동청년탄광에서 석탄 생산이 크게 늘었다고 신문이 전했다.", record, "2021-06-01")
    assert d.mines == ["jikdong"]


def test_a_lede_under_a_caption_takes_the_unnamed_source_of_the_next_paragraph(record):
    # the fifty-seventh trial: the caption under the headline was read as the report's first paragraph
    text = ("북한산 철광석 밀수 늘어\n\n"
            "무산광산 전경.\n\n"
            "북한이 철광석을 중국에 몰래 팔아 외화를 벌고 있는 것으로 전해졌다.\n\n"
            "북한 내부 소식통은 5일 데일리NK와의 통화에서 “철광석을 실은 트럭이 밤마다 국경을 넘는다”고 말했다.\n\n"
            "통일부 대변인은 6일 정례브리핑에서 관련 내용을 확인하지 못했다고 밝혔다.")  # a named teller too
    drafts = [d for d in _drafts(text, record, "2021-04-07") if d.event_type == "smuggling"]
    assert drafts and all(d.anonymous_source for d in drafts)


def test_an_accident_told_without_a_date_takes_the_day_a_sentence_nearby_gives_it(record):
    # the fifty-second trial: "The tragedy took place Jan. 9" two sentences before the collapse at Unryul
    text = ("The state newspaper honoured miners killed in January.\n\n"
            "The accident happened on Jan. 12, a week after a production drive began. Officials urged more output.\n\n"
            "Five workers were trapped when a shaft collapsed at the Unryul mine, a major iron ore producer.")
    result = extract(text, "2017-03-20", "Test", "", record)
    (lead,) = [d for d in result.leads if "unryul" in d.mines]
    assert (lead.date, lead.date_precision) == ("2017-01-12", "day")
    assert not result.drafts  # an accident told without a stop is no event (data/README.md, "Accidents")


@pytest.mark.parametrize("text", [
    "He added that the regime uses forced labour in its coal mines to advance its illicit weapons programmes.",
    "The North sells coal abroad to fund its illegal nuclear weapons program, the envoy said.",
])
def test_a_weapons_programme_called_illicit_makes_no_smuggling(record, text):  # the fifty-seventh trial
    assert "smuggling" not in {d.event_type for d in _drafts(text, record, "2020-12-09")}


def test_goods_called_illicit_are_still_smuggled(record):  # guard
    assert [d.event_type for d in _drafts("Illicit coal shipments reached Ningbo in May.", record, "2020-12-09")] == [
        "smuggling"]


def test_a_figure_joined_to_its_scale_by_a_hyphen_is_read(record):  # the fifty-seventh trial: "25-thousand tons"
    text = "The ship was detained by Philippine authorities in March for carrying 12-thousand tons of North Korean coal."
    (d,) = _drafts(text, record, "2021-06-01")
    assert (d.quantity, d.unit) == (12.0, "thousand tons")


def test_an_english_account_names_a_korean_reports_teller_in_english(record):  # the 58th and 59th trials
    text = "관세청은 10일 북한산 무연탄 3만3028t과 선철 2010t이 지난해 국내로 불법 반입됐다고 밝혔다."
    (d,) = _drafts(text, record, "2018-08-10")
    assert d.description.endswith("according to the Korea Customs Service.") and "관세청" not in d.description
    assert (d.quantity, d.unit) == (33028.0, "t")  # the coal's figure, the first, not the pig iron's after it


def test_a_deal_whose_firm_is_named_in_hangul_repeats_the_records_deal_of_that_day(record):  # the 59th trial
    text = ("북한 합영투자위원회는 6월 9일 중국 '베이징바오위안헝창국제무역유한공사'와 금광 1곳과 철광산 2곳을 공동 개발하는 "
            "계약을 맺었다고 밝혔다.")
    drafts = [d for d in _drafts(text, record, "2012-08-09") if d.event_type == "deal_signed"]
    assert drafts and all(d.actors and "baoyuanhengchang-mines-deal-2012-06-09" in d.known for d in drafts)


def test_a_korean_figure_told_as_an_estimate_is_approximate(record):  # the sixtieth trial: "… 것으로 추정됐습니다"
    text = "지난해 12월부터 올해 5월까지 북한이 중국에 판 철광석은 4천430만 달러에 이르는 것으로 추정됐다."
    (d,) = [d for d in _drafts(text, record, "2017-08-30") if d.event_type == "trade_figure"]
    assert (d.value_usd, d.amount_qualifier) == (44300000.0, "approximate")


def test_a_share_of_a_cap_is_no_amount_of_goods(record):  # the sixtieth trial: "수입 제한선의 90%가 넘는 북한산 석탄"
    text = "중국은 3월까지 연간 수입 제한선의 90%가 넘는 북한산 석탄을 들여온 것으로 나타났다."
    assert all(d.quantity is None for d in _drafts(text, record, "2017-08-30"))


def test_a_ship_discovered_to_be_hauling_coal_is_no_discovery(record):  # the sixty-first trial
    text = "The freighter was discovered to be hauling banned coal when Indonesian officials boarded it in April 2018."
    assert "discovery" not in {d.event_type for d in _drafts(text, record, "2019-05-11")}


def test_a_deposit_discovered_is_still_a_discovery(record):  # guard
    text = "Geologists discovered a new gold deposit near Unsan in March, state media said."
    assert "discovery" in {d.event_type for d in _drafts(text, record, "2019-05-11")}


def test_a_days_amount_is_no_date(record):  # the sixty-first trial: "1일 수입량이 수천 톤"
    text = "중국 세관 관계자는 무산광산 철광석의 1일 수입량이 수천 톤에 이른다고 말했다."
    result = extract(text, "2016-08-11", "Test", "", record)
    rows = [*result.drafts, *result.leads]
    assert rows and all((d.date, d.date_precision) != ("2016-08-01", "day") for d in rows)


def test_the_hedge_of_a_share_is_not_the_hedge_of_the_figure_kept(record):  # the sixty-second trial
    text = "이 석탄의 70% 이상이 중국으로 밀수입됐으며 불법으로 거래된 석탄의 가치는 3억 7,000만 달러로 추정된다."
    drafts = [d for d in _drafts(text, record, "2020-02-12") if d.value_usd]
    assert drafts and all(d.amount_qualifier == "approximate" for d in drafts)


def test_exports_made_in_defiance_of_a_resolution_are_smuggled(record):  # the sixty-second trial: "결의안을 무시하고"
    text = "북한은 지난해 1~8월 유엔 결의안을 무시하고 약 370만 톤의 석탄을 수출한 것으로 밝혀졌다."
    assert [d.event_type for d in _drafts(text, record, "2020-02-12")] == ["smuggling"]


def test_a_revenue_source_is_no_unnamed_source(record):  # the sixty-second trial: "a key revenue source"
    text = ("China's new restrictions announced Tuesday ban most imports of North Korean gold and titanium, a key revenue "
            "source for the North, the Ministry of Commerce said.")
    drafts = [d for d in _drafts(text, record, "2016-04-06") if d.event_type == "sanction"]
    assert drafts and all(not d.anonymous_source and d.confidence == "official" for d in drafts)
