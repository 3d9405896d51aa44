"""General rules read from blind set 53 and the new-user trials from the thirty-third on, each shown on sentences of our
own, not the sets' or the trials' (tests/test_ingest_trial_wordings.py holds the round before's)."""

from __future__ import annotations

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
