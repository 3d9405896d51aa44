"""Draft titles name the mine and the mineral as the record does, in English, whatever script the
report used (a new analyst's trial found "구리정광 from 혜산청년광산: exports halted")."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.ingest import drafts_from_review, extract, review_rows
from geo.ingest.titles import event_title, subject
from geo.rules.load import load_dataset
from tests.conftest import RECORD

KOREAN = "\n".join([
    "북한, 혜산광산 구리 수출 중단",
    "양강도의 한 소식통은 13일 \"혜산청년광산의 구리정광 수출이 지난달부터 완전히 중단됐다\"고 말했다.",
    "이 소식통은 \"무산광산 철광석은 지금도 중국으로 수출되고 있다\"고 덧붙였다.",
    "소식통은 \"백암광산에서 나온 아연은 역에 쌓여 있다\"고 전했다.",  # no event word: a lead
])


@pytest.fixture(scope="module")
def record():
    return load_dataset(RECORD)  # the curated record: it has the minerals' Korean names


def test_a_korean_reports_drafts_are_titled_with_the_records_english_names(record):
    result = extract(KOREAN, dt.date(2015, 2, 13), "자유아시아방송", "", record)
    titles = {(tuple(d.mines), tuple(d.minerals)): d.title for d in result.drafts}
    assert titles[("hyesan",), ("copper",)] == f"Copper from {record.mine_name('hyesan')}: exports halted (January 2015)"
    assert titles[("musan",), ("iron_ore",)] == "Iron ore from Musan mine: still exported (about 13 February 2015)"
    (lead,) = [d for d in result.leads if d.minerals == ["zinc"]]
    assert lead.mines and lead.title == f"Zinc from {record.mine_name(lead.mines[0])}"  # 백암광산: Paegam mine
    for d in [*result.drafts, *result.leads]:
        assert not any("\uac00" <= c <= "\ud7a3" for c in d.title), d.title  # no Hangul
    # the review keeps them so, and a retyped row's title keeps the record's names
    rows = review_rows(result.drafts)
    musan = next(i for i, r in enumerate(rows) if r["mine_id"] == "musan")
    rows[musan].update(accept=True, event_type="smuggling")
    names = {**record.mine_names, **record.mineral_names}
    drafts, problems = drafts_from_review(result.drafts, rows, names)
    assert not problems
    assert "Iron ore from Musan mine: smuggled (about 13 February 2015)" in {d.title for d in drafts}


def test_subject_uses_the_records_names_and_falls_back_to_the_id():
    names = {"hyesan": "Hyesan Youth Copper Mine", "copper": "Copper", "zinc": "Zinc"}
    assert subject(["hyesan"], ["copper", "zinc"], names) == "Copper, zinc from Hyesan Youth Copper Mine"
    assert subject([], ["rare_earths"], {}) == "rare earths"
    assert subject(["komdok"], [], names) == "komdok"
    assert event_title(subject([], ["copper"], names), "export_halt") == "Copper: exports halted"


def test_a_draft_with_no_mine_keeps_the_province_its_sentence_names():
    # the third trial: "함경남도의 한 탄광" (a coal mine in South Hamgyong) was applied with no place at all
    from geo.ingest import extract
    from geo.rules.load import load_dataset
    from tests.conftest import RECORD

    ds = load_dataset(RECORD)
    (d,) = extract("저장성의 한 회사는 올해 초 함경남도의 한 탄광과 무연탄 생산에 관한 협의서에 서명했다.",
                   "2005-01-13", "T", "", ds).drafts
    assert (d.mines, d.place, d.title) == ([], "South Hamgyong", "Coal in South Hamgyong: deal signed (2005)")
    (d,) = extract("Iron ore from the Musan mine in North Hamgyong was smuggled on Jan. 3.", "2005-01-13", "T", "", ds).drafts
    assert d.mines == ["musan"] and "North Hamgyong" not in d.title  # a mine named: its own place


def test_a_korean_papers_source_id_takes_its_own_spelling():
    # found on the tenth new user's trial: 한국일보 became "hangukilbo"; the paper writes itself Hankook Ilbo
    from geo.ingest.publishers import publisher_slug
    assert publisher_slug("한국일보") == "hankookilbo" and publisher_slug("한국 일보") == "hankookilbo"
    assert publisher_slug("연합뉴스") == "yonhap"
    assert publisher_slug("통일뉴스") == "tongilnyuseu"  # one the table lacks: romanized


@pytest.mark.parametrize(("publisher", "expected"), [
    ("데일리NK (연합뉴스 전재)", "dailynk"),  # a known name with a note after it (the thirty-third trial)
    ("Daily NK / Yonhap", "dailynk"),
    ("에포크타임스 (The Epoch Times Korea)", "the-epoch-times-korea"),  # its own Latin name, not a romanization
    ("KBS 뉴스", "kbs"),
    ("서울신문", "seoulsinmun"),  # no Latin name: romanized, as before
])
def test_a_publishers_slug_uses_the_name_it_knows_or_the_latin_one_given(publisher, expected):
    from geo.ingest.publishers import publisher_slug
    assert publisher_slug(publisher) == expected


def test_a_title_tells_when_and_follows_a_date_the_reviewer_sets(record):
    # every tester of this round rewrote titles such as "Coal: smuggled", which tell neither when nor which case; a
    # drafted title now ends with its date as its precision tells it, as the record's titles do, and a date set in the
    # table is told there at once, and applied so
    from geo.ingest.review import follow_edits_in_table
    from geo.ingest.titles import when_of

    assert [when_of("2022-04-06", "day", "2022-04-18"), when_of("2020-01-01", "month", "2020-09-30"),
            when_of("2017-01-01", "year"), when_of("2020-12-09", "approximate")] \
        == ["6–18 April 2022", "January–September 2020", "2017", "about 9 December 2020"]
    (d,) = extract("Zinc exports from the Hyesan mine were halted on March 5.", "2018-03-20", "T", "", record).drafts
    assert d.title == f"Zinc from {record.mine_name('hyesan')}: exports halted (5 March 2018)"
    rows = review_rows([d])
    followed, _ = follow_edits_in_table(rows, [dict(rows[0], date_precision="month")], [d])
    assert followed[0]["title"].endswith(": exports halted (March 2018)")
    mine = dict(rows[0], title="Hyesan zinc stops, says trader")  # a title of the reviewer's own is left as it is
    assert follow_edits_in_table([mine], [dict(mine, date_precision="month")], [d])[0][0]["title"] == mine["title"]
    names = {**record.mine_names, **record.mineral_names}
    (out,), problems = drafts_from_review([d], [dict(rows[0], accept=True, date="2018-02-10")], names)
    assert not problems and out.title.endswith(": exports halted (10 February 2018)")


def test_every_event_type_has_its_words_and_a_dated_title_is_told_once():
    # the forty-eighth trial: a designation was titled "Coal: designation: designation (about 9 December 2020)"
    from geo.ingest.titles import retold, what_of
    types = load_dataset(RECORD).vocab.codes("event_type")
    for event_type in types:
        title = event_title("Coal", event_type)
        assert what_of(title) == "Coal", title
        again = retold(retold(title, event_type, "about 9 December 2020", "8,201 t"), event_type, "December 2020", "9 t")
        assert again.count(":") == 1 and again.endswith(", 9 t (December 2020)"), again
