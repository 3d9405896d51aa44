"""The real data package: it validates, and it holds what the source reports say."""

import json

import pandas as pd
import pytest

from tests.conftest import DATA

SEVEN = {"cholsan", "musan", "hyesan", "daebong", "yonghwa", "dancheon", "hoeryeong"}


def test_real_package_validates(ds):
    assert len(ds.mines) >= 7
    assert ds.version == json.loads((DATA / "datapackage.json").read_text())["version"]
    assert ds.mines.crs.to_epsg() == 4326


def test_the_seven_mines_of_the_reports_are_there_with_their_minerals(ds):
    mines = ds.mines.set_index("mine_id")
    assert set(mines.index) >= SEVEN
    expected = {"cholsan": "rare_earths", "musan": "iron_ore", "hyesan": "copper", "daebong": "tungsten",
                "yonghwa": "molybdenum", "dancheon": "magnesia", "hoeryeong": "cobalt"}
    for mine_id, mineral in expected.items():
        assert mineral in mines.loc[mine_id, "minerals"], mine_id
    assert "molybdenum" in mines.loc["musan", "minerals"]
    assert "zinc" in mines.loc["hyesan", "minerals"]


@pytest.mark.parametrize("mine_id, precision", [
    ("yonghwa", "province"), ("daebong", "approximate"), ("cholsan", "county"),
    ("musan", "site"), ("hyesan", "site"), ("hoeryeong", "town"), ("dancheon", "approximate"),
])
def test_location_precision_is_honest(ds, mine_id, precision):
    mine = ds.mine(mine_id)
    assert mine["location_precision"] == precision
    assert mine["location_note"].strip()


def test_spellings_are_recorded(ds):
    aliases = {m: set(a) for m, a in zip(ds.mines["mine_id"], ds.mines["aliases"], strict=True)}
    assert {"Tanchon", "Tanch'ŏn", "Dancheon"} <= aliases["dancheon"] | {ds.mine("dancheon")["name"].split()[0]}
    assert {"Hoeryong", "Hoeryŏng"} <= aliases["hoeryeong"]
    assert {"Taebong"} <= aliases["daebong"]
    assert {"Cheolsan", "Ch'ŏlsan"} <= aliases["cholsan"]


def _event(ds, event_id):
    return ds.events.set_index("event_id").loc[event_id]


def test_every_event_and_link_cites_a_source(ds):
    assert ds.view["source_id"].ne("").all()
    assert set(ds.events["source_id"]) <= set(ds.sources["source_id"])
    assert ds.view["source_title"].notna().all()


@pytest.mark.parametrize("mine_id, mineral, effect", [
    ("musan", "molybdenum", "halted"), ("hoeryeong", "cobalt", "halted"),
    ("musan", "iron_ore", "continued"), ("dancheon", "magnesia", "continued"),
    ("hyesan", "copper", "halted"), ("hyesan", "zinc", "halted"),
    ("daebong", "tungsten", "halted"), ("yonghwa", "molybdenum", "halted"),
    ("cholsan", "rare_earths", "offered"),
])
def test_each_reported_export_is_an_event_by_mine_and_mineral(ds, mine_id, mineral, effect):
    rows = ds.view[(ds.view.mine_id == mine_id) & (ds.view.mineral_id == mineral) & (ds.view.effect == effect)]
    assert len(rows) >= 1


def test_dates_keep_their_precision(ds):
    halt = _event(ds, "musan-molybdenum-halt-2017")
    assert (halt["date"], halt["date_precision"]) == (pd.Timestamp("2017-02-20"), "approximate")
    offer = _event(ds, "cholsan-solar-offer-2019")
    assert offer["date_precision"] == "month"
    suspension = _event(ds, "china-coal-suspension-2017")
    assert (suspension["date"], suspension["end_date"]) == (pd.Timestamp("2017-02-18"), pd.Timestamp("2017-12-31"))


def test_figures_stay_as_the_source_states_them(ds):
    offer = _event(ds, "cholsan-solar-offer-2019")
    assert offer["value_usd"] == 2_500_000_000
    assert (offer["quantity"], offer["unit"]) == (2.5, "million kilowatts of electricity each day")
    assert "Dandong" in offer["place"]
    cap = _event(ds, "unscr-2321-coal-cap")
    assert (cap["value_usd"], cap["quantity"], cap["unit"]) == (400_900_000, 7.5, "million tons")
    coal = _event(ds, "china-coal-imports-2016")
    assert (coal["quantity"], coal["unit"]) == (18.6, "million tons")


def test_anonymous_single_sources_are_marked(ds):
    halts = ds.events[ds.events.event_type == "export_halt"]
    assert halts["anonymous_source"].all()
    assert set(halts["confidence"]) == {"reported"}


@pytest.mark.parametrize("measure, mineral, action", [
    ("UNSCR-2270", "rare_earths", "ban"), ("UNSCR-2270", "iron_ore", "ban_with_exemption"),
    ("UNSCR-2321", "coal", "cap"), ("UNSCR-2321", "copper", "ban"), ("UNSCR-2321", "zinc", "ban"),
    ("UNSCR-2371", "iron_ore", "ban"), ("UNSCR-2397", "magnesia", "ban"), ("CN-COAL-2017", "coal", "suspension"),
])
def test_sanctions_from_the_reference(ds, measure, mineral, action):
    rows = ds.sanctions[(ds.sanctions.measure_id == measure) & (ds.sanctions.mineral_id == mineral)]
    assert list(rows["action"]) == [action]


def test_view_is_one_row_per_link_with_coordinates_for_mine_rows(ds):
    assert len(ds.view) == len(ds.links)
    mine_rows = ds.view[ds.view.mine_id != ""]
    assert mine_rows["lat"].notna().all() and mine_rows["lon"].notna().all()
    assert ds.view[ds.view.mine_id == ""]["lat"].isna().all()


def test_changelog_names_the_current_version(ds):
    assert f"## {ds.version}" in ds.changelog

