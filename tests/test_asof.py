"""The state of each mine on a day, and how the map draws it."""

import datetime as dt

import folium
import pytest

from geo.render.maps import EXPORT_OUTLINES, mine_layer, render_html
from geo.rules.asof import date_range, mine_states, state_map


def _state(ds, mine_id, day):
    states = mine_states(ds, day)
    return states[states["mine_id"] == mine_id].iloc[0]


@pytest.mark.parametrize("mine_id, day, export, sanction", [
    ("hyesan", dt.date(2016, 2, 1), None, "unrestricted"),      # before UNSCR 2270: nothing in force
    ("hyesan", dt.date(2016, 6, 1), None, "banned"),            # its by-product gold, UNSCR 2270
    ("hyesan", dt.date(2017, 3, 5), "halted", "banned"),        # UNSCR 2321 (2016-11-30) bans copper, zinc
    ("musan", dt.date(2016, 11, 1), "continued", "exempt"),     # 38 North imagery; iron ore under 2270's exemption
    ("musan", dt.date(2017, 3, 5), "mixed", "exempt"),          # iron ore still exported, molybdenum halted
    ("musan", dt.date(2017, 9, 1), "mixed", "banned"),          # UNSCR 2371 bans iron ore outright
    ("hoeryeong", dt.date(2017, 3, 5), "halted", "unrestricted"),  # cobalt never restricted
    ("dancheon", dt.date(2017, 3, 5), "continued", "unrestricted"),
    ("dancheon", dt.date(2018, 1, 1), "continued", "banned"),   # UNSCR 2397 bans magnesia
    ("cholsan", dt.date(2019, 10, 20), None, "banned"),         # rare earths, UNSCR 2270
])
def test_mine_state_on_a_day(ds, mine_id, day, export, sanction):
    st = _state(ds, mine_id, day)
    assert st["export_status"] == export
    assert st["sanction_status"] == sanction
    assert st["restricted"] == (sanction != "unrestricted")


def test_each_mineral_of_a_mine_has_its_status_and_measures(ds):
    per = {m["mineral_id"]: m for m in _state(ds, "hyesan", dt.date(2017, 3, 5))["mineral_statuses"]}
    assert {k: per["copper"][k] for k in ("mineral_id", "status", "measures", "export_status")} == {
        "mineral_id": "copper", "status": "banned", "measures": ["UNSCR-2321"], "export_status": "halted"}
    assert per["lead"]["status"] == "unrestricted"  # lead waits for UNSCR 2371 (2017-08-05)


def test_export_status_is_per_mineral(ds):
    """Musan, 5 Mar 2017: iron ore still exported, molybdenum halted; the mine as a whole is mixed."""
    state = _state(ds, "musan", dt.date(2017, 3, 5))
    per = {m["mineral_id"]: m for m in state["mineral_statuses"]}
    assert per["iron_ore"]["export_status"] == "continued" and per["iron_ore"]["status"] == "exempt"
    assert per["molybdenum"]["export_status"] == "halted" and per["molybdenum"]["status"] == "unrestricted"
    assert per["molybdenum"]["export_title"] == "North Korea halts molybdenum exports from Musan county"
    assert state["export_status"] == "mixed"
    assert state_map(mine_states(ds, dt.date(2017, 3, 5)))["musan"]["export_status"] == "mixed"


def test_the_panel_gives_each_mineral_its_own_status(ds):
    from geo.render.details import asof_status_html

    html = asof_status_html(ds, _state(ds, "musan", dt.date(2017, 3, 5)).to_dict(), dt.date(2017, 3, 5))
    rows = {r.split('"')[0]: r for r in html.split('data-mineral="')[1:]}
    assert "nk-x-continued" in rows["iron_ore"] and "exempt" in rows["iron_ore"]
    assert "nk-x-halted" in rows["molybdenum"] and "not restricted" in rows["molybdenum"]


def test_date_range_covers_the_data(ds):
    first, last = date_range(ds)
    assert first <= dt.date(2016, 1, 1) and last >= dt.date(2019, 12, 31)


def _layer_html(ds, states, selected=None):
    m = folium.Map(tiles=None)
    mine_layer(ds.mines, states=states, selected_id=selected).add_to(m)
    return render_html(m)


def test_the_map_draws_the_as_of_state(ds):
    states = state_map(mine_states(ds, dt.date(2017, 3, 5)))
    html = _layer_html(ds, states)
    halted = sum(1 for s in states.values() if s["export_status"] == "halted")
    continued = sum(1 for s in states.values() if s["export_status"] == "continued")
    restricted = sum(1 for s in states.values() if s["restricted"])
    assert html.count('"dashArray": "3 3"') == halted
    assert html.count(f'"color": "{EXPORT_OUTLINES["continued"]}"') == continued
    assert html.count('"dashArray": "1 3"') == restricted
    plain = _layer_html(ds, None)
    assert '"dashArray": "3 3"' not in plain and '"dashArray": "1 3"' not in plain


def test_the_as_of_view_opens_on_the_last_export_report(ds):
    from geo.rules.asof import default_day

    reports = ds.view[ds.view["effect"].isin(["halted", "continued"]) & (ds.view["mine_id"] != "")]
    assert default_day(ds) == reports["date"].max().date()
    assert date_range(ds)[0] <= default_day(ds) <= date_range(ds)[1]
