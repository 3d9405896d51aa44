"""Issue 12, general reading rules found by trying reports the extractor had never seen, and the
marking of drafts that repeat the record. Each case names the general pattern it checks."""

from __future__ import annotations

import pytest

from geo.ingest import extract
from geo.ingest.drafts import Draft
from geo.ingest.known import mark_known, window
from geo.ingest.review import review_rows
from tests.conftest import ingest_dry_runs

PUB = "2017-03-03"


def _drafts(ds, text, pub=PUB):
    return {(tuple(d.mines), tuple(d.minerals), d.event_type) for d in extract(text, pub, "T", "", ds).drafts}


def test_a_contrast_with_and_yet_splits_the_sentence(ds):
    got = _drafts(ds, "Iron ore from Musan is still shipped to China, and yet the exports of molybdenum "
                      "from Musan are completely suspended.")
    assert (("musan",), ("iron_ore",), "export_continued") in got
    assert (("musan",), ("molybdenum",), "export_halt") in got
    assert not any(t == "export_halt" and "iron_ore" in m for _, m, t in got)


def test_a_mineral_written_in_the_plural_is_the_mineral(ds):
    got = _drafts(ds, "Iron ores from Musan are still shipped to China.")
    assert got == {(("musan",), ("iron_ore",), "export_continued")}


def test_the_cause_given_as_a_reason_is_background(ds):
    """'… in retaliation for China's ban on coal imports': the coal ban is not this report's event."""
    got = _drafts(ds, "North Korea has stopped shipments of rare earth minerals to China in retaliation "
                      "for China's ban on imports of coal.")
    assert got == {((), ("rare_earths",), "export_halt")}


def test_the_exporters_own_ban_on_its_exports_is_a_halt_not_a_sanction(ds):
    own = _drafts(ds, "The central government ordered a ban on the exports of rare earth minerals to China "
                      "around Feb. 20.")
    assert own == {((), ("rare_earths",), "export_halt")}
    # the exporter as the ban's object is still a sanction's reading
    passive = _drafts(ds, "North Korea is banned from exporting coal under Resolution 2371.")
    assert all(t != "export_halt" for _, _, t in passive)


def test_words_beginning_with_sign_are_not_a_signing(ds):
    got = _drafts(ds, "The resolution is aimed at significantly curtailing exports of coal.")
    assert all(t != "deal_signed" for _, _, t in got)


@pytest.mark.parametrize("verb", ["shipped", "sent", "sold", "trucked"])
def test_still_with_a_verb_of_moving_goods_is_a_continuation(ds, verb):
    assert _drafts(ds, f"Copper from the Hyesan mine is still {verb} to China.") == \
        {(("hyesan",), ("copper",), "export_continued")}


# --------------------------------------------------------------------------- already in the record


def _draft(**kw) -> Draft:
    base = {"event_id": "x", "event_type": "sanction", "effect": "banned", "date": "2016-11-30",
            "date_precision": "day", "evidence": "e", "minerals": ["coal"]}
    return Draft(**{**base, **kw})


def test_a_draft_repeating_a_measure_names_it_and_starts_unticked(ds):
    measure = ds.sanctions[ds.sanctions["mineral_id"] == "coal"].iloc[0]
    day = measure["adopted"].date().isoformat()
    repeat, new = _draft(date=day), _draft(date="1999-06-01")
    mark_known([repeat, new], ds)
    assert measure["measure_id"] in repeat.known and new.known == ""
    assert [r["accept"] for r in review_rows([repeat, new])] == [False, True]


def test_a_draft_repeating_an_event_needs_every_link_to_repeat(ds):
    row = ds.view.dropna(subset=["mine_id"]).iloc[0]
    day = row["date"].date().isoformat()
    same = _draft(event_type=row["event_type"], date=day, mines=[row["mine_id"]], minerals=[row["mineral_id"]])
    other_type = _draft(event_type="discovery" if row["event_type"] != "discovery" else "smuggling", date=day,
                        mines=[row["mine_id"]], minerals=[row["mineral_id"]])
    one_new_link = _draft(event_type=row["event_type"], date=day, mines=[row["mine_id"]],
                          minerals=[row["mineral_id"], "uranium" if row["mineral_id"] != "uranium" else "gold"])
    mark_known([same, other_type, one_new_link], ds)
    assert row["event_id"] in same.known
    assert other_type.known == "" and one_new_link.known == ""


@pytest.mark.parametrize(("date", "precision", "first", "last"), [
    ("2017-02-20", "day", "2017-02-17", "2017-02-23"),
    ("2017-02-01", "month", "2017-02-01", "2017-02-28"),
    ("2017-01-01", "year", "2017-01-01", "2017-12-31"),
    ("2017-02-20", "approximate", "2017-01-20", "2017-03-23"),
])
def test_the_window_a_drafts_date_allows(date, precision, first, last):
    a, b = window(date, precision)
    assert (a.isoformat(), b.isoformat()) == (first, last)


def test_the_command_line_leaves_repeats_out_of_apply_unless_asked(data_copy, tmp_path):
    plain, kept = ingest_dry_runs(data_copy, tmp_path, "UN adds coal cap\n\nThe Security Council capped North "
                                  "Korea's coal exports on Nov. 30, 2016, a source said. Copper from the Hyesan "
                                  "mine was smuggled to China in February 1999.\n", "1999-03-01", "--keep-known")
    assert "already in the record" in plain.stderr and "left out of --apply" in plain.stderr
    assert "UNSCR-2321" in plain.stderr
    assert "1 new event(s)" in plain.stdout and "2 new event(s)" in kept.stdout


# --------------------------------------------------------------------------- reports in Korean
# The minerals' Korean names are in the curated record (data 1.3.0), not in the frozen fixture.


@pytest.fixture(scope="module")
def record():
    from geo.rules.load import load_dataset
    from tests.conftest import RECORD

    return load_dataset(RECORD)


@pytest.mark.parametrize(("text", "date", "precision", "kind", "end"), [
    ("지난해 1~8월 철광석 38만t", "2009-01-01", "month", "relative", "2009-08-31"),
    ("2013년 3월 5일 수출", "2013-03-05", "day", "absolute", None),
    ("2008년보다 41.6% 늘었다", "2008-01-01", "year", "comparison", None),
    ("통신원은 27일 \"철광석이 늘었다\"고 말했다", "2010-07-27", "day", "attribution", None),
    ("데일리NK가 28일 전했다", "2010-07-28", "day", "attribution", None),
    ("지난달 수출", "2010-06-01", "month", "relative", None),
    ("20일 전과 비교해", "2010-07-08", "approximate", "comparison", None),
])
def test_korean_dates_resolve_against_the_publication_date(text, date, precision, kind, end):
    import datetime as dt

    from geo.ingest.dates import find_dates
    (d,) = find_dates(text, dt.date(2010, 7, 28))
    assert (d.date.isoformat(), d.precision, d.kind) == (date, precision, kind)
    assert (d.end_date.isoformat() if d.end_date else None) == end


@pytest.mark.parametrize(("written", "value"), [
    ("38만6천", 386_000), ("2억2천만", 220_000_000), ("1백만", 1_000_000), ("2천800만", 28_000_000), ("455만", 4_550_000),
])
def test_korean_numbers_count_by_ten_thousands(written, value):
    from geo.ingest.amounts import korean_number

    assert korean_number(written) == value


def test_a_korean_amount_keeps_its_unit_and_hedge():
    from geo.ingest.amounts import amounts_and_qualifier

    (usd, qty, unit, written), qualifier = amounts_and_qualifier("철광석 50만t가량을 약 455만 달러에 팔았다.")
    assert (qty, unit, usd) == (500_000, "t", 4_550_000) and written == ["50만t", "455만 달러"]
    assert qualifier == "approximate"
    # a market price in won is not a trade amount
    assert amounts_and_qualifier("쌀값은 900원 선이다.")[0][3] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("중국이 지난해 북한 무산광산에서 철광석 50만t을 수입했다.", (("musan",), ("iron_ore",), "trade_figure")),
    ("혜산광산의 구리 수출이 지난달 전면 중단됐다고 소식통이 전했다.", (("hyesan",), ("copper",), "export_halt")),
    ("무산광산 철광석이 여전히 중국으로 넘어가고 있다.", (("musan",), ("iron_ore",), "export_continued")),
    ("석탄 밀수가 최근 늘었다고 현지 소식통이 말했다.", ((), ("coal",), "smuggling")),
])
def test_a_report_in_korean_gives_drafts(record, text, expected):
    got = extract(text, "2014-03-05", "자유아시아방송", "", record).drafts
    assert expected in {(tuple(d.mines), tuple(d.minerals), d.event_type) for d in got}


def test_korean_anonymous_source_and_import_effect(record):
    (d,) = extract("중국이 지난해 무산광산 철광석 50만t을 들여갔다고 소식통이 전했다.", "2014-03-05", "RFA", "", record).drafts
    assert (d.event_type, d.effect, d.quantity, d.date, d.date_precision) == \
        ("trade_figure", "imported", 500_000, "2013-01-01", "year")
    assert d.anonymous_source


def test_hangul_initial_sound_law_romanization_and_stems():
    from geo.ingest.hangul import initial_law, romanize, stem

    assert (initial_law("룡양"), initial_law("로동"), initial_law("녕변"), initial_law("무산")) == ("용양", "노동", "영변", "무산")
    assert (romanize("무산"), romanize("룡화"), romanize("검덕")) == ("musan", "ryonghwa", "geomdeok")
    assert (stem("대봉광산"), stem("검덕광업연합기업소"), stem("금광"), stem("회령시 코발트 광산")) == ("대봉", "검덕", "", "")


@pytest.mark.parametrize(("text", "mine"), [
    ("룡양광산", "ryongyang"),  # the North's spelling of 용양광산
    ("대봉광산의 중석", "daebong"),  # the record has 대봉금광: its stem
    ("검덕광업연합기업소가", "komdok"),
    ("김정숙군 룡화광산의 구리", "yonghwa"),  # no Hangul name in the record: 룡화 romanized meets Yonghwa
])
def test_korean_mine_names_in_their_spellings(record, text, mine):
    from geo.ingest.gazetteer import Gazetteer

    assert mine in {m.id for m in Gazetteer.from_dataset(record).match(text) if m.kind == "mine"}


def test_a_korean_mine_precedes_its_minerals_and_a_list_shares_it(record):
    text = "소식통은 \"'혜산청년광산'에서 나오는 구리정광과 아연정광은 지금도 중국으로 수출되고 있다\"고 전했다."
    (d,) = extract(text, "2015-02-13", "RFA", "", record).drafts
    assert (d.mines, sorted(d.minerals), d.event_type) == (["hyesan"], ["copper", "zinc"], "export_continued")


def test_a_korean_span_is_dated_by_its_start_and_a_contrast_splits(record):
    text = ("함경북도 소식통은 \"중봉탄광의 석탄은 수출이 끊겼다\"면서도 \"혜산광산의 구리는 지금도 수출이 이어지고 있다\"고 말했다.\n"
            "대봉광산의 중석 수출은 지난해 11월부터 올해 1월 중순까지 멈춰 있었다.")
    got = {(tuple(d.mines), tuple(d.minerals), d.event_type, d.date, d.end_date)
           for d in extract(text, "2015-02-13", "RFA", "", record).drafts}
    assert (("jungbong",), ("coal",), "export_halt") in {g[:3] for g in got}
    assert (("hyesan",), ("copper",), "export_continued") in {g[:3] for g in got}
    assert (("daebong",), ("tungsten",), "export_halt", "2014-11-01", "2015-01-31") in got


def test_a_date_in_a_mines_name_is_not_its_date(record):
    (d, *_) = extract("Miners of the February 8 Jiktong Youth Coal Mine are stepping up coal production.",
                      "2020-11-14", "KCNA", "", record).drafts
    assert d.mines == ["jikdong"] and d.date != "2020-02-08"


@pytest.mark.parametrize("sentence", [
    "The Komdok Mining Complex has reached its highest output of zinc ores in ten years.",
    "The Komdok Mining Complex has been producing zinc over its plan.",
    "Output of zinc at the Komdok Mining Complex has also gone up 20 percent.",
])
def test_record_or_over_plan_output_is_a_production_change(record, sentence):
    got = {(tuple(d.mines), d.event_type, d.effect) for d in extract(sentence, "2016-04-18", "KCNA", "", record).drafts}
    assert (("komdok",), "production_change", "increased") in got


def test_dollars_written_out_and_purchases_make_a_trade_figure(ds):
    (d,) = extract("Chinese customs say iron ore purchases from North Korea in June were worth 11.5 million dollars.",
                   "2017-07-26", "NHK", "", ds).drafts
    assert (d.event_type, d.effect, d.value_usd, d.date, d.date_precision) == \
        ("trade_figure", "imported", 11_500_000, "2017-06-01", "month")


def test_still_buying_is_a_continuation(ds):
    got = _drafts(ds, "China is still buying zinc from its traditional ally.")
    assert got == {((), ("zinc",), "export_continued")}


def test_korean_investment_needs_an_offer_or_rights(record):
    assert extract("희토류에 대한 투자를 늘리고 있다.", "2014-07-27", "T", "", record).drafts == []
    (d,) = extract("북한이 희토류 광산 개발에 중국의 투자를 유치하고 있다.", "2014-07-27", "T", "", record).drafts
    assert (d.event_type, d.minerals) == ("investment_offer", ["rare_earths"])


def test_a_collapse_is_a_deals_only_and_a_flooded_mine_stops(record):
    got = _drafts(record, "Two bridges serving the Komdok mine collapsed, and zinc could not be moved.")
    assert all(t != "deal_collapsed" for _, _, t in got)
    assert (("komdok",), ("zinc",), "production_halt") in _drafts(record, "The Komdok zinc mine was flooded last week.")
    assert (("hyesan",), ("copper",), "deal_collapsed") in _drafts(
        record, "The joint venture to mine copper at Hyesan collapsed last year.")


def test_a_designation_is_its_own_event(ds):
    got = _drafts(ds, "The Treasury designated two companies that shipped coal from North Korea on Tuesday.")
    assert ((), ("coal",), "designation") in got


def test_output_kept_high_and_a_baseline_above_a_month(record):
    (d, *_) = extract("Coal output at the Jenam Coal Mine rose thousands of tons above January's.",
                      "2011-02-21", "KCNA", "", record).drafts
    assert d.date != "2011-01-01"
    got = _drafts(record, "The Chonsong Youth Coal Mine is keeping coal production at a high rate.", pub="2011-02-21")
    assert (("chonsong",), ("coal",), "production_change") in got


def test_a_figure_told_without_its_mineral_takes_the_previous_sentences(ds):
    text = ("Chinese imports of coal from North Korea fell last month, customs data showed.\n\n"
            "Arrivals from North Korea in January came to 1.45 million tonnes.")
    got = {(tuple(d.minerals), d.event_type, d.date, d.date_precision) for d in extract(text, "2017-02-24", "R", "", ds).drafts}
    assert (("coal",), "trade_figure", "2017-01-01", "month") in got
    # two minerals before it: whose figure it is cannot be told, so nothing is drafted from it
    text2 = "Imports of coal and iron ore fell.\n\nArrivals in January came to 1.45 million tonnes."
    assert all(d.date != "2017-01-01" for d in extract(text2, "2017-02-24", "R", "", ds).drafts)


def test_a_railway_or_bridge_built_for_a_mine_is_infrastructure(record):
    got = _drafts(record, "A new railway to carry iron ore from the Musan mine was completed last year.")
    assert (("musan",), ("iron_ore",), "infrastructure") in got
    assert all(t != "infrastructure" for _, _, t in _drafts(record, "Iron ore exports from Musan were completed."))


# --------------------------------------------------------------------------- blind set 6's failures, read
# General patterns its misses showed, each tried on sentences of our own.


def test_a_date_in_the_possessive_dates_a_thing_not_the_event(ds):
    res = extract("The new rules ban exports of zinc, worth about half of last year's sales, on Monday.",
                  "2017-08-09", "T", "", ds)
    assert [(d.event_type, d.date) for d in res.drafts] == [("sanction", "2017-08-07")]


def test_pits_under_water_a_clause_away_are_a_flood_halt(ds):
    got = _drafts(ds, "Dozens of pits at the coal mines of the Anju area, north of the capital, were under water.")
    assert got == {((), ("coal",), "production_halt")}


@pytest.mark.parametrize("text", [
    "The Musan mine is lifting its iron ore output under the new plan.",
    "The Musan mine is extending its conveyor belts to raise the hauling capacity for iron ore.",
    "A ceremony was held to inaugurate a new iron ore pit at the Musan mine.",
    "Construction of the third iron ore processing line at the Musan Mining Complex was completed last week.",
])
def test_state_medias_construction_and_capacity_news_is_a_production_change(ds, text):
    assert (("musan",), ("iron_ore",), "production_change") in _drafts(ds, text)


def test_korean_output_drives_are_a_production_change(record):
    res = extract("무산광산에서 철광석 증산 투쟁이 벌어지고 있다고 신문이 전했다.", "2020-03-01", "T", "", record)
    assert {(tuple(d.mines), d.event_type) for d in res.drafts} == {(("musan",), "production_change")}


@pytest.mark.parametrize("text", [
    "Iron ore from the Musan mine is still exported to China.",
    "무산광산 철광석은 지금도 중국으로 수출되고 있다.",
])
def test_still_tells_the_state_at_the_report_not_at_an_earlier_date(record, text):
    res = extract("Musan notes\n\nCopper from Hyesan was halted in January 2015.\n\n" + text, "2015-03-20", "T", "",
                  record)
    still = next(d for d in res.drafts if d.event_type == "export_continued")
    assert (still.date, still.date_precision) == ("2015-03-20", "approximate")


# --------------------------------------------------------------------------- blind set 7's failures, read


def test_a_korean_word_that_begins_with_days_before_is_not_a_date():
    import datetime as dt

    from geo.ingest.dates import find_dates

    pub = dt.date(2016, 4, 15)
    assert not find_dates("'70일 전투'가 시작되면서 생산이 늘었다.", pub, None)
    assert [d.date for d in find_dates("3일 전에 수출이 멈췄다.", pub, None)] == [dt.date(2016, 4, 12)]


def test_next_month_is_the_month_after_and_not_the_date_later_sentences_go_on_from(ds):
    res = extract("Coal notes\n\nChina ordered a Dandong firm to stop importing coal from next month.\n\n"
                  "Copper from the Hyesan mine was smuggled across the river.", "2016-02-24", "T", "", ds)
    by_type = {d.event_type: (d.date, d.date_precision) for d in res.drafts}
    assert by_type["import_suspension"] == ("2016-03-01", "month")
    assert by_type["smuggling"] == ("2016-02-24", "approximate")  # the publication day, not next month


def test_a_korean_sentence_joined_by_go_is_two_clauses(record):
    res = extract("소식통은 혜산광산의 구리정광 생산량이 한 달 3백 톤에서 4백 톤으로 늘었고, 이 구리정광은 모두 중국으로 "
                  "수출된다고 말했다.", "2016-04-13", "T", "", record)
    assert {d.event_type for d in res.drafts} >= {"production_change", "export_continued"}


@pytest.mark.parametrize(("text", "etype"), [
    ("The Musan mine set up a new iron ore dressing line this month.", "production_change"),
    ("Prospectors have found a new vein of iron ore at the Musan mine.", "discovery"),
    ("The council blacklisted five ships over iron ore smuggling from the Musan mine.", "designation"),
    ("Iron ore from the Musan mine was disguised as Chinese ore and shipped to Vietnam.", "smuggling"),
    ("Customs officers seized iron ore from the Musan mine at the port of Nampho.", "smuggling"),
])
def test_new_lines_veins_designations_and_disguised_origins(ds, text, etype):
    assert {t for m, _x, t in _drafts(ds, text) if m == ("musan",)} == {etype}


@pytest.mark.parametrize(("text", "etype"), [
    ("무산광산 철광석을 중국산으로 속여 들여온 업자가 적발됐다.", "smuggling"),
    ("중국이 무산광산 앞까지 철광석 수송용 철도를 깔아 운행에 들어갔다.", "infrastructure"),
])
def test_korean_disguised_origins_and_railways_laid(record, text, etype):
    res = extract(text, "2013-08-20", "T", "", record)
    assert {d.event_type for d in res.drafts if d.mines == ["musan"]} == {etype}


def test_an_acronyms_plural_is_its_mineral_and_other_one_word_plurals_are_not(ds):
    from geo.ingest.gazetteer import Gazetteer

    gaz = Gazetteer.from_dataset(ds)
    found = [(m.id, m.text) for m in gaz.match("It exported 62 tonnes of REEs, golds and irons.") if m.kind == "mineral"]
    assert found == [("rare_earths", "REEs")]
