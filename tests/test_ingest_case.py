"""A draft tells its case: the title's amount and place, the smuggling ships as actors, a description that says what
happened in plain words, and a quoted phrase that keeps the figure. Every tester of the last rounds rewrote titles
such as "Coal: smuggled (May 2017)" ("which port, which shipment, how much"), found the description a note on how the
draft was made, and typed the port and the ship themselves. The sentences here are our own."""

from __future__ import annotations

import pytest

from geo.ingest import extract, review_rows
from geo.ingest.accounts import account
from geo.ingest.review import drafts_from_review, follow_edits_in_table
from geo.ingest.ships import ship_names, ships_at
from geo.ingest.sites import place_named, sites_named
from geo.ingest.titles import amount_words, case_words, event_title, retold, what_of
from geo.rules.load import load_dataset
from tests.conftest import RECORD


@pytest.fixture(scope="module")
def record():
    return load_dataset(RECORD)


@pytest.fixture(scope="module")
def names(record):
    return {**record.mine_names, **record.mineral_names}


@pytest.mark.parametrize(("sentence", "found"), [
    ("선박은 남포항에서 석탄을 싣고 출항했다.", [("Nampo", "port")]),
    ("화물은 포항항으로 들어왔다.", [("Pohang", "port")]),
    ("The freighter called at the port of Nampho and then at Longkou.", [("Nampo", "port"), ("Longkou", "port")]),
    ("원산지를 속인 화물이었다.", []),  # an origin, not Wonsan
    ("부산본부세관이 밝혔다.", []),  # a customs office named after Busan, not the port
    ("중국산으로 위장한 석탄이었다.", []),  # made in China: not where it went
    ("중국 선적의 배가 적발됐다.", []),  # a Chinese ship: a country before a noun is no place
    ("석탄은 베트남으로 넘어갔다.", [("Vietnam", "country")]),
    ("Imports from Russia rose.", [("Russia", "country")]),
])
def test_a_sentence_names_its_ports_and_countries_as_words_of_their_own(sentence, found):
    assert sites_named(sentence) == found


def test_a_place_is_a_port_else_the_one_country_and_the_events_clause_comes_first():
    assert place_named("The ship left Nampho for China.", "smuggling") == "Nampo"
    assert place_named("Exports to China and Russia fell.", "trade_figure") == ""  # no one place
    text = "인도네시아는 지난 3월 석탄 2000톤을 적발했고, 지난 5월에는 말레이시아가 석탄 3000톤을 적발했다."
    assert place_named(text, "smuggling", text.index("3000")) == "Malaysia"
    assert place_named(text, "smuggling", text.index("2000")) == "Indonesia"


def test_ships_are_named_as_the_report_writes_them_and_each_case_keeps_its_own():
    text = ("세관은 지난 4월 토고 선적의 블루스타(Blue Star)호에 실린 석탄 900톤을 적발했고, "
            "지난 6월에는 용성호에 실린 석탄 1200톤을 적발했다.")
    assert list(ship_names(text)) == ["Blue Star", "용성"]
    assert ships_at(text, text.index("900")) == ["Blue Star"]
    assert ships_at(text, text.index("1200")) == ["용성"]
    assert list(ship_names("선박 보호 조치와 신호 체계를 점검했다.")) == []  # words that end in 호 are no ships
    assert list(ship_names("결의 2397호에 따라 선박을 검색했다.")) == []  # a resolution's number
    assert list(ship_names("Officials seized the vessel Ocean Pearl off the coast.")) == ["Ocean Pearl"]


@pytest.mark.parametrize(("args", "said"), [
    ((8201, "t", None, ""), "8,201 t"),
    ((1_200_000, "tons", None, "approximate"), "about 1.2 million tons"),
    ((None, "", 5_850_000, ""), "US$5.85 million"),
    ((40, "percent", None, ""), "40%"),
    ((2000, "t", 1_170_000_000, "at_least"), "at least 2,000 t and US$1.17 billion"),
    (("", "", float("nan"), ""), ""),
])
def test_an_amount_is_told_with_its_unit_and_hedge(args, said):
    assert amount_words(*args) == said


def test_a_title_tells_the_case_after_its_types_words_and_reads_back():
    case = case_words("smuggling", 4800, "t", None, "", "Nampo", mined=False)
    title = event_title("Coal (Blue Star)", "smuggling", "May 2024", case)
    assert title == "Coal (Blue Star): smuggled, 4,800 t, in Nampo (May 2024)"
    assert what_of(title) == "Coal (Blue Star)"
    assert retold(title, "export_continued", "June 2024", "900 t") == "Coal (Blue Star): still exported, 900 t (June 2024)"
    # a mine's place is its name, told already; a deal is not told by a place
    assert case_words("export_halt", None, "", None, "", "Musan mine", mined=True) == ""
    assert case_words("deal_signed", None, "", None, "", "Dandong", mined=False) == ""


@pytest.mark.parametrize(("fields", "said"), [
    (dict(event_type="smuggling", effect="smuggled", minerals=["coal"], mines=[], amount="4,800 t", place="Nampo",
          actors="Blue Star", when="in May 2024", anonymous=True),
     "4,800 t of coal was smuggled in Nampo in May 2024, according to an unnamed source; the report names Blue Star."),
    (dict(event_type="export_halt", effect="halted", minerals=["iron_ore"], mines=["musan"], when="in March 2017",
          confidence="official", teller="the ministry"),
     "Exports of iron ore from Musan mine stopped in March 2017, according to the ministry."),
    (dict(event_type="trade_figure", effect="imported", minerals=["coal"], mines=[], amount="1.2 million tonnes",
          place="China", when="in March 2018"),
     "Imports of coal in China came to 1.2 million tonnes in March 2018."),
    (dict(event_type="designation", effect="designated", minerals=["coal"], mines=[], actors="Alpha Trading; Beta Shipping",
          when="on 9 December 2020"),
     "Alpha Trading and Beta Shipping trading in coal were designated for sanctions on 9 December 2020."),
    (dict(event_type="production_change", effect="reduced", minerals=["copper", "zinc"], mines=["hyesan"], when="in 2019"),
     "Output of copper and zinc at Hyesan Youth Copper Mine fell in 2019."),
])
def test_the_account_tells_what_happened_from_the_fields(names, fields, said):
    assert account(names=names, **fields) == said


@pytest.mark.parametrize(("teller", "named"), [
    ("Customs data", "customs data"), ("Ministry of Commerce", "the Ministry of Commerce"), ("KCNA", "KCNA"),
    # a Korean teller the reports cite most is named in English (the fifty-eighth and fifty-ninth trials); another
    # stays as written
    ("관세청", "the Korea Customs Service"), ("해관", "China's customs"), ("평안북도 무역국", "평안북도 무역국"),
])
def test_the_official_teller_is_named_as_a_sentence_names_it(names, teller, named):
    said = account("import_suspension", "suspended", ["coal"], [], names, when="in March 2017", confidence="official",
                   teller=teller)
    assert said == f"Imports of coal were suspended in March 2017, according to {named}."


def test_a_korean_smuggling_report_is_drafted_with_its_port_ship_amount_and_account(record):
    text = ("세관, 북한산 석탄 밀수입 적발\n\n"
            "관세청은 수입업자 B씨를 관세법 위반 혐의로 입건했다고 9일 밝혔다.\n\n"
            "B씨는 지난해 3월 시에라리온 선적의 그린힐(Green Hill)호에 실린 북한산 무연탄 3200톤을 러시아산으로 속여 "
            "동해항이 아닌 군산항으로 들여온 혐의를 받고 있다.\n")
    drafts = [d for d in extract(text, "2020-06-10", "Test", "", record).drafts if d.event_type == "smuggling"]
    (d,) = [d for d in drafts if d.quantity == 3200]
    assert (d.place, d.actors) == ("Gunsan", "Green Hill")
    assert d.title == "Coal (Green Hill): smuggled, 3,200 t, in Gunsan (March 2019)"
    assert d.description.startswith("3,200 t of coal was smuggled in Gunsan in March 2019")
    assert "3200톤" in d.quote  # the phrase keeps the figure
    assert "Date from" in d.notes  # how it was read is said apart


def test_an_edited_amount_or_place_is_told_in_a_drafted_title_and_description_but_not_in_the_reviewers(record, names):
    text = "North Korea smuggled 2,000 tons of coal to Longkou in April 2019, according to an unnamed trader.\n"
    (d,) = extract(text, "2019-06-01", "Test", "", record).drafts
    assert d.title == "Coal: smuggled, 2,000 tons, in Longkou (April 2019)"
    rows = review_rows([d])
    (shown,), changed = follow_edits_in_table(rows, [dict(rows[0], quantity=2500.0)], [d], names)
    assert changed and shown["title"] == "Coal: smuggled, 2,500 tons, in Longkou (April 2019)"
    assert shown["description"].startswith("2,500 tons of coal was smuggled in Longkou in April 2019")
    (event,), problems = drafts_from_review([d], [dict(shown, accept=True)], names)
    assert not problems and (event.title, event.description) == (shown["title"], shown["description"])
    own = dict(rows[0], title="Longkou coal cargo", description="Our words.")
    (kept,), _ = follow_edits_in_table([own], [dict(own, quantity=2500.0)], [d], names)
    assert (kept["title"], kept["description"]) == ("Longkou coal cargo", "Our words.")


def test_the_quoted_phrase_takes_in_the_figure_when_it_fits(record):
    text = "Last month China's customs imported 285,490 tonnes of North Korean iron ore, the data showed.\n"
    (d,) = extract(text, "2017-05-23", "Test", "", record).drafts
    assert "285,490" in d.quote and "iron ore" in d.quote
