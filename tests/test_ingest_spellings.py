"""A mine the record knows under another spelling (geo.ingest.spellings): offered on the Add report page beside "Add
as a new mine", linked only when the reviewer says so."""

from __future__ import annotations

import pytest

from geo.ingest import extract, link_spellings, near_mines, record_spellings
from geo.rules.load import load_dataset
from tests.test_add_report import apply_drafts, edit, extract_drafts, fill, open_add_report, run_key

GOGUNWON = "Coal exports from the Gogunwon mine were halted last week, a source said."


@pytest.fixture(scope="module")
def record():
    return load_dataset()


@pytest.mark.parametrize(("name", "expected"), [
    ("Gogunwon mine", ["gogeonwon"]),  # ŏ written "u": one letter from Gogeonwon's key
    ("Kumdok", ["komdok"]),
    ("Jeonju", []),  # a South Korean city, not a spelling of Jongju (no "g")
    ("Musen", []),  # too short a name to call one letter off anything
    # the fifty-eighth trial: ㅐ for ㅔ, which Korean speech no longer tells apart ("재남탄광" for Jenam's 제남탄광)
    ("재남탄광", ["jenam"]),
    ("재낭탄광", []),  # another consonant too: not the same sound
])
def test_a_name_one_letter_from_a_record_mine_offers_that_mine(record, name, expected):
    assert [m for m, _ in near_mines(name, record_spellings(record.mines))] == expected


def test_distinct_mines_one_letter_apart_are_offered_not_linked(record):
    # Songchon, Jongchon and Bongcheon differ by one letter: a near name is a question for the reviewer
    (d,) = extract(GOGUNWON, "2020-03-01", "T", "", record).drafts
    assert d.mines == [] and d.candidates == ["Gogunwon mine"]


def test_linking_a_spelling_gives_the_drafts_that_named_it_the_mine(record):
    text = GOGUNWON + "\nIron ore exports from Musan were halted last week too."
    drafts = extract(text, "2020-03-01", "T", "", record).drafts
    linked = link_spellings(drafts, {"Gogunwon mine": "gogeonwon"})
    assert sorted(tuple(d.mines) for d in linked) == [("gogeonwon",), ("musan",)]
    assert [d.mines for d in drafts if d.candidates] == [[]]  # the extraction's drafts are left as they were


@pytest.fixture
def data(data_copy, monkeypatch):
    monkeypatch.setenv("NK_MINES_DATA", str(data_copy))
    return data_copy


def test_the_page_offers_the_record_mine_and_links_it_on_the_reviewers_word(data):
    # the page's package (tests/fixtures/package) knows Yonghwa; the report writes "Yonghua"
    text = "Coal exports from the Yonghua mine were halted last week, a source said."
    at = extract_drafts(fill(open_add_report(), text, publisher="Daily NK", url=""))
    assert list(at.data_editor(key="ar_editor").value["mine_id"]) == [""]  # not linked before the reviewer says so
    assert any("Yonghwa" in i.value and "one letter" in i.value for i in at.info)
    assert at.text_input(key=run_key(at, "ar_mine_name_0")).value == "Yonghua mine"  # adding it stays possible
    at = at.button(key=run_key(at, "ar_mine_same_0_yonghwa")).click().run()
    assert not at.exception
    assert list(at.data_editor(key="ar_editor").value["mine_id"]) == ["yonghwa"]
    assert any(e.label.startswith("Yonghua mine — the record's Yonghwa") for e in at.expander)
    at = at.button(key=run_key(at, "ar_mine_notsame_0")).click().run()  # the reviewer changes their mind
    assert list(at.data_editor(key="ar_editor").value["mine_id"]) == [""]
    at = at.button(key=run_key(at, "ar_mine_same_0_yonghwa")).click().run()
    at = apply_drafts(edit(at, {0: {"accept": True}}))
    assert not at.exception
    links = load_dataset(data).links
    new = links[links["event_id"].isin(at.dataframe[0].value["New event id"])]
    assert list(new["mine_id"]) == ["yonghwa"]


def test_a_korean_coal_mine_the_record_lacks_is_a_candidate(record):
    # found on the thirty-third new user's trial: 룡문탄광 and 강안탄광 were not offered as mines (only 광산 names were)
    result = extract("중국은 평안북도의 룡등탄광·룡문탄광, 함경북도의 강안탄광과 오룡광산의 개발권도 쥐고 있다.", "2010-01-14", "T", "", record)
    assert result.candidates == ["룡문탄광", "강안탄광"]  # 룡등탄광 and 오룡광산 are the record's
    assert extract("북한 내 탄광 20여 곳의 개발권", "2010-01-14", "T", "", record).candidates == []  # the word alone names none


def test_a_korean_name_is_romanized_before_it_is_compared():
    import pandas as pd
    mines = pd.DataFrame({"mine_id": ["ongjin", "sangnong"], "name": ["Ongjin iron mine", "Sangnong mine"],
                          "name_rr": ["Ongjin", ""]})
    spellings = record_spellings(mines)  # the record's Latin names only
    assert near_mines("옹진광산", spellings) == [("ongjin", "Ongjin iron mine")]
    assert near_mines("옹진탄광", spellings) == [("ongjin", "Ongjin iron mine")]  # 탄광 is a mine word, as 광산 is
