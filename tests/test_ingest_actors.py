"""The firms and bodies a deal, a designation or a smuggling case is between (geo.ingest.actors): drafted into the
record's ``actors`` column and the title, editable in the review, written by Apply."""

from __future__ import annotations

import pytest

from geo.ingest import extract
from geo.ingest.actors import actors_of
from tests.conftest import read_rows
from tests.test_add_report import apply_drafts, edit, extract_drafts, fill, open_add_report
from tests.test_ingest_wordings import record  # noqa: F401 - pytest fixture


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Liaoning firm Wanxiang Resources Group signed a deal with the Korea Ferrous Metals Export Corporation.",
     "Wanxiang Resources Group; Korea Ferrous Metals Export Corporation"),
    ("SRE Minerals Ltd and the North's state trading house formed a joint venture, the Korea Times reported.",
     "SRE Minerals Ltd"),  # the paper that told it is no actor
    ("중국 업체 '동방광업투자'는 북한의 '조선금강무역회사'와 맺은 계약을 깼다고 연합뉴스가 전했다.", "동방광업투자; 조선금강무역회사"),
])
def test_a_deals_firms_are_its_actors(sentence, expected):
    assert actors_of(sentence, "deal_signed") == expected


def test_a_trade_figure_has_no_actors():
    assert actors_of("The Korea Trade-Investment Promotion Agency said coal exports fell.", "trade_figure") == ""


def test_a_deal_draft_names_its_firm_in_its_actors_and_title(record):  # noqa: F811
    text = "Wanxiang Resources Group signed a contract in March 2011 to develop the Hyesan copper mine."
    (d,) = extract(text, "2011-06-01", "T", "", record).drafts
    assert (d.event_type, d.actors) == ("deal_signed", "Wanxiang Resources Group")
    assert "Wanxiang Resources Group" in d.title and d.event_row("s")["actors"] == "Wanxiang Resources Group"


@pytest.fixture
def data(data_copy, monkeypatch):
    monkeypatch.setenv("NK_MINES_DATA", str(data_copy))
    return data_copy


def test_the_reviewer_edits_the_actors_and_apply_writes_them(data):
    text = ("Copper deal\n\nWanxiang Resources Group signed a contract on March 3, 2011 to develop the Hyesan copper mine, "
            "the company said.\n")
    at = extract_drafts(fill(open_add_report(), text, publisher="Reuters", url=""))
    table = at.data_editor(key="ar_editor").value
    assert list(table["actors"]) == ["Wanxiang Resources Group"]
    at = apply_drafts(edit(at, {0: {"accept": True, "actors": "Wanxiang Resources Group; Ministry of Mining Industries"}}))
    assert not at.exception
    (new_id,) = at.dataframe[0].value["New event id"]
    (row,) = [r for r in read_rows(data / "events.csv") if r["event_id"] == new_id]
    assert row["actors"] == "Wanxiang Resources Group; Ministry of Mining Industries"
    assert "Wanxiang Resources Group" in row["title"]
