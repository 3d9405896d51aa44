"""A draft's confidence from what its sentence cites (geo.ingest.attribution): ``official`` for an
official document, body or state medium, or for a sanction or designation (an authority's own act),
as data/README.md defines the scale; ``reported`` otherwise, and whenever the draft rests on unnamed
sources. The rule is read from the record's convention, not from sentences of the labelled sets."""

from __future__ import annotations

import pytest

from geo.ingest import extract
from geo.ingest.attribution import confidence
from geo.rules.load import load_dataset
from tests.conftest import RECORD

PUB = "2017-10-13"


@pytest.fixture(scope="module")
def record():
    return load_dataset(RECORD)  # the record: it has the minerals' Korean names

CASES = [
    # (sentence, confidence of its one draft, what the notes say)
    ("Customs data showed China imported 511,619 tonnes of North Korean coal in September.", "official", "customs data"),
    ("According to the State Department, North Korean coal was smuggled to Weifang on May 29.", "official",
     "State Department"),
    ("KCNA said the Komdok mine raised its zinc concentrate output in September.", "official", "KCNA"),
    ("중국 해관총서 자료에 따르면 중국은 지난달 북한산 철광석 3천t을 수입했다.", "official", "해관"),
    ("노동신문은 무산광산이 9월 철정광 생산 계획을 넘쳐 수행했다고 전했다.", "official", "노동신문"),
    ("The Treasury designated Dandong traders in North Korean coal on Sept. 26.", "official", "Treasury"),
    # an unnamed source, whatever it cites: reported
    ("A customs official in Dandong, speaking on condition of anonymity, said coal was smuggled on Sept. 3.",
     "reported", ""),
    # a resolution named as what was breached is no source: a press report of smuggling stays reported
    ("Coal from North Korea was shipped to Vietnam in September in violation of UN Security Council resolutions.",
     "reported", ""),
    ("Zinc from Hyesan was smuggled across the river on Sept. 3.", "reported", ""),
]


@pytest.mark.parametrize("text, level, says", CASES, ids=[c[0][:40] for c in CASES])
def test_a_drafts_confidence_follows_what_its_sentence_cites(record, text, level, says):
    (d,) = extract(text, PUB, "Test", "", record).drafts
    assert d.confidence == level
    if level == "official":  # the reviewer is told why
        assert f"confidence official: the sentence cites {says}".lower() in d.notes.lower()
    else:
        assert "Confidence" not in d.notes


def test_sanctions_and_designations_are_official_unless_unnamed_sources_carry_them():
    assert confidence("designation", "Washington blacklisted two shippers.", False)[0] == "official"
    assert confidence("sanction", "The resolution bans coal.", False)[0] == "official"
    assert confidence("sanction", "The resolution bans coal.", True) == ("reported", "", "")
    assert confidence("smuggling", "Coal went across the river.", False) == ("reported", "", "")


def test_an_applied_reports_events_keep_their_confidence_and_the_changelog_counts_them(data_copy):
    from geo.ingest.apply import apply

    ds = load_dataset(data_copy)
    text = ("Customs data showed China imported 511,619 tonnes of North Korean coal in September.\n\n"
            "Zinc from the Hyesan mine was smuggled across the river on Sept. 3, a source in Ryanggang said.\n")
    result = extract(text, PUB, "Test wire", "https://example.org/a", ds)
    assert sorted(d.confidence for d in result.drafts) == ["official", "reported"]
    apply(result.drafts, result.source_row, data_copy, who="test")
    after = load_dataset(data_copy)
    new = after.events[after.events["event_id"].isin([d.event_id for d in result.drafts])]
    assert sorted(new["confidence"]) == ["official", "reported"]
    assert "confidence 1 official, 1 reported" in after.changelog or "confidence 1 reported, 1 official" in after.changelog


def test_a_count_of_unnamed_sources_is_anonymous():
    # the third trial: "according to three trading sources" was not read as unnamed sources
    from geo.ingest.attribution import is_anonymous

    assert is_anonymous("China ordered coal cargoes sent back on Friday, according to three trading sources.")
    assert is_anonymous("Two officials in Dandong said the trucks had stopped.")
    assert not is_anonymous("The three firms signed the contract on Friday.")
    assert not is_anonymous("In 2017 official data showed coal imports fell.")


def _anon(record, text, pub="2024-11-20"):  # noqa: F811
    return {(tuple(d.minerals), d.event_type): d.anonymous_source for d in extract(text, pub, "T", "", record).drafts}


#: A report whose one teller is unnamed, named once two paragraphs before the smuggling it told of.
_UNNAMED_STORY = ("Coal firms look for buyers\n\n"
                  "A source in China, who asked not to be named, said last week that traders were asked to find buyers.\n\n"
                  "Since the new policy took effect, provincial trading companies have smuggled coal to China.")


def test_a_report_whose_only_teller_is_unnamed_lends_it_to_paragraphs_that_name_none(record):
    assert _anon(record, _UNNAMED_STORY)[(("coal",), "smuggling")] is True
    # a named teller elsewhere in the report keeps the paragraph unflagged
    named = _UNNAMED_STORY + "\n\nKim Jin-ho, a professor at Dongguk University, said the trade would grow."
    assert _anon(record, named)[(("coal",), "smuggling")] is False


def test_a_trade_figure_or_a_measure_rests_on_its_own_record_not_on_the_unnamed_source(record):
    text = ("Coal trade\n\n"
            "A source in Dandong, who asked not to be named, said traders were nervous.\n\n"
            "China imported 52,000 tonnes of North Korean coal in September.\n\n"
            "The Security Council banned all North Korean coal exports on August 5.")
    flags = _anon(record, text, "2017-10-13")
    assert flags[(("coal",), "trade_figure")] is False
    assert all(v is False for (_m, t), v in flags.items() if t in ("sanction", "trade_figure"))


def test_a_broker_or_an_official_in_the_story_is_no_unnamed_source_unless_they_tell_it(record):
    # the sixteenth trial: "when an Indonesian broker with ties to North Korea asked to sell it" flagged an unnamed source
    story = "Coal was smuggled to China in May by an Indonesian broker with ties to North Korea."
    assert _anon(record, story, "2019-06-07")[(("coal",), "smuggling")] is False
    for told in ("Coal was smuggled to China in May, a Dandong trader said.",
                 "Coal was smuggled to China in May, according to a trader in Dandong."):
        assert _anon(record, told, "2019-06-07")[(("coal",), "smuggling")] is True


def test_a_paragraph_told_by_he_takes_the_teller_before(record):
    # the seventeenth trial: "He added that …" after an unnamed source's paragraph was not flagged
    text = ("Coal sold as Russian\n\nNorth Korea's trade is watched closely, Reuters reported on Monday.\n\n"
            "A trader in Dandong, who asked not to be named, said coal moved through Russian ports.\n\n"
            "He added that North Korean coal was smuggled to Vietnam in July.")
    assert _anon(record, text, "2018-08-09")[(("coal",), "smuggling")] is True


def test_korean_officials_met_in_the_story_are_no_unnamed_source_unless_they_tell_it():
    # the seventeenth trial: "민경련 관계자들과 만나 … 밝혔다", told by a named corporation, was flagged unnamed
    from geo.ingest.attribution import is_anonymous

    assert not is_anonymous("광물공사는 작년 12월 민경련 관계자들과 만나 희토류 공동개발을 협의했다고 밝혔다.")
    for told in ("한 관계자는 북측이 석탄 광산도 개발하자고 제안했다고 전했다.",
                 "정부 관계자에 따르면 북측이 석탄 광산도 개발하자고 제안했다.",
                 "대북 소식통은 석탄이 밀수출됐다고 말했다."):
        assert is_anonymous(told)


def _flag_of(record, text, pub, words):  # noqa: F811
    """The anonymous-source flag of the one draft whose evidence holds ``words``."""
    (d,) = [d for d in extract(text, pub, "T", "", record).drafts if words in d.evidence]
    return d.anonymous_source


#: Paragraphs that tell where the one before got its account (the nineteenth trial), each with the words of the draft
#: whose flag they set, and the same report changed so that they no longer do.
_TOLD_NEXT = [
    # the lede's smuggling, told by "교도통신은 … 외교 소식통을 인용해 … 보도했다" in the next paragraph; with a named
    # teller there instead, not flagged
    ("북한, 석탄 370만t 수출\n\n북한이 지난해 1~8월 유엔 결의를 무시하고 석탄 약 370만t을 수출한 것으로 드러났다.\n\n"
     "교도통신은 12일 외교 소식통을 인용해 이 석탄 대부분이 해상에서 옮겨 실렸다고 보도했다.\n\n"
     "보고서에 따르면 북한은 이 돈으로 핵무기 개발을 이어가고 있다.", "2020-02-12", "무시하고",
     ("외교 소식통을 인용해", "유엔 전문가패널 보고서를 인용해")),
    # "통신은 … 소식통을 인용해 이같이 전했다" after the agency's report of China's order; without that paragraph, not flagged
    ("중국, 북한산 석탄 반송 지시\n\n중국 당국은 올해 들어 처음으로 분량을 정해 두지 않고 북한산 석탄을 들여오지 말라고 했다.\n\n"
     "로이터통신은 10일 중국 당국이 북한에서 수입한 석탄을 되돌려 보내도록 무역회사들에 지시했다고 보도했다.\n\n"
     "통신은 단둥의 한 무역회사 쪽 소식통을 인용해 이같이 전했다.", "2017-04-11", "되돌려 보내도록",
     ("\n\n통신은 단둥의 한 무역회사 쪽 소식통을 인용해 이같이 전했다.", "")),
]


@pytest.mark.parametrize(("text", "pub", "words", "change"), _TOLD_NEXT, ids=["lede", "told-so"])
def test_a_paragraph_takes_the_unnamed_source_the_next_one_says_it_came_from(record, text, pub, words, change):  # noqa: F811
    assert _flag_of(record, text, pub, words) is True
    assert _flag_of(record, text.replace(*change), pub, words) is False


def test_an_unnamed_korean_trader_who_tells_it_is_an_unnamed_source():
    # the eighteenth trial: "중국 단둥에 있는 한 북한 무역업자는 … 말했다" was not flagged
    from geo.ingest.attribution import is_anonymous

    assert is_anonymous("중국 단둥에 있는 한 북한 무역업자는 \"석탄 100만t을 수출하라는 지시가 떨어졌다\"고 말했다.")
    assert not is_anonymous("한 북한 무역업자가 지난달 석탄 100만t을 중국에 팔았다.")  # in the story, telling nothing


def test_an_outlets_unnamed_reporting_partner_in_korean_is_an_unnamed_source():
    # the twenty-first trial: ASIAPRESS's "취재협력자" (its unnamed reporting partner) was not read as an unnamed source
    from geo.ingest.attribution import is_anonymous

    assert is_anonymous("양강도에 사는 취재협력자는 지난달부터 구리가 밀수되고 있다고 전했다.")
    assert is_anonymous("협력자에 따르면 몰리브덴도 함께 넘어갔다.")
    assert not is_anonymous("두 나라는 경제 협력자로서 광산 개발을 논의했다.")


def test_an_official_of_a_named_office_is_no_unnamed_source_but_a_pseudonym_is():
    # the twenty-second trial: "포항지방해양수산청 관계자는 … 확인했습니다" flagged every row of the report
    from geo.ingest.attribution import cites_anyone, is_anonymous

    told = "포항지방해양수산청 관계자는 \"실린 화물은 5,100톤이고 무연탄이 맞다\"고 확인했습니다."
    assert not is_anonymous(told) and cites_anyone(told)  # a named office's account
    assert is_anonymous("정부 관계자는 석탄이 밀수됐다고 말했다.")  # a government's unnamed official
    assert is_anonymous("혜산 출신 탈북자 정윤심(가명·37) 씨는 \"광산은 이미 버린 것\"이라고 말했다.")
    assert is_anonymous("Huh Soo Lim (a pseudonym), a trader in Sanhe, said the mine had stopped.")
