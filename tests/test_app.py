"""AppTest of every page: links restore the view, widgets update the link, clicks open details,
broken data shows an error page, and names from the data never become HTML.

Page tests put the shared filters in session state, as the sidebar would, then switch page.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from unittest import mock

import pytest
from streamlit.testing.v1 import AppTest

from geo.render.maps import mine_tooltip_text
from geo.render.text import md_plain
from geo.rules.filters import Filters
from tests.conftest import ROOT

APP = str(ROOT / "app.py")


def open_app(**params) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


def open_page(page: str, filters: Filters | None = None, selected: str | None = None, **params) -> AppTest:
    """The app opened with ``params`` in its link, then switched to ``page`` with the given state."""
    at = open_app(**params)
    if filters is not None:
        at.session_state["filters"] = filters
    if selected is not None:
        at.session_state["selected_mine"] = selected
    at.switch_page(page)
    return at.run()


def panel_html(at: AppTest) -> str:
    blocks = [el.proto.body for el in at.get("html")]
    return "\n".join(blocks)


def widget(at, label):
    for el in [*at.multiselect, *at.selectbox, *at.date_input]:
        if el.label == label:
            return el
    raise KeyError(label)


# --------------------------------------------------------------------------- links and widgets


def test_a_link_restores_filters_and_selected_mine():
    at = open_app(mineral="molybdenum", mine="musan", since="2017-01-01", confidence="reported")
    assert not at.exception
    assert widget(at, "Minerals").value == ["molybdenum"]
    assert str(widget(at, "Since").value) == "2017-01-01"
    html = panel_html(at)
    assert "Musan mine" in html
    assert "North Korea halts molybdenum exports from Musan county" in html
    assert "Musan iron ore still exported" not in html  # iron ore is filtered out...
    assert "2 more events of this mine are hidden by the current filters" in html  # ...and said so


def test_changing_widgets_updates_the_link():
    at = open_app(mineral="molybdenum")
    widget(at, "Minerals").select("cobalt")
    widget(at, "Minimum confidence").set_value("corroborated")
    at.run()
    assert not at.exception
    qp = at.query_params
    assert sorted(qp["mineral"]) == ["cobalt", "molybdenum"]
    assert qp["confidence"] in ("corroborated", ["corroborated"])


def test_bad_link_values_are_ignored_with_a_notice():
    at = open_app(mineral=["molybdenum", "unobtainium"], since="2017-02-30", mine="atlantis",
                  type="<script>alert(1)</script>")
    assert not at.exception
    notices = " ".join(md_plain(w.value) for w in at.warning)  # shown as text: Markdown-escaped
    assert "unknown mineral 'unobtainium'" in notices
    assert "since '2017-02-30'" in notices
    assert "unknown mine 'atlantis'" in notices
    assert widget(at, "Minerals").value == ["molybdenum"]


def test_reset_filters_clears_the_link():
    at = open_app(mineral="molybdenum", type="export_halt")
    at.button[0].click()
    at.run()
    assert widget(at, "Minerals").value == []
    assert "mineral" not in at.query_params


# --------------------------------------------------------------------------- map page


def test_map_click_selects_the_mine_and_opens_its_details(ds):
    cholsan = ds.mine("cholsan")
    click = {"last_object_clicked": {"lat": cholsan["lat"], "lng": cholsan["lon"]},
             "last_object_clicked_tooltip": mine_tooltip_text(cholsan["name"], cholsan["location_precision"]),
             "last_object_clicked_count": 1}
    fake = mock.MagicMock(return_value=click)
    with mock.patch("streamlit_folium.st_folium", fake):
        at = open_app()
        at.run()  # the click triggered st.rerun(); one more run shows the URL
    assert not at.exception
    assert at.session_state["selected_mine"] == "cholsan"
    html = panel_html(at)
    assert "Cholsan rare earth mine" in html
    assert "North Korea offers Cholsan rare-earth mine rights" in html
    assert "county only" in html
    assert at.query_params["mine"] in ("cholsan", ["cholsan"])
    kwargs = fake.call_args.kwargs
    assert kwargs["returned_objects"] == ["last_object_clicked", "last_object_clicked_tooltip",
                                          "last_object_clicked_count"]
    assert kwargs["feature_group_to_add"] is not None


def test_the_mine_list_finds_a_mine_by_any_spelling():
    at = open_app()
    picker = at.selectbox(key="mine_picker")
    tanchon = [opt for opt in picker.options if "Tanchon" in opt]
    assert len(tanchon) == 1 and "Dancheon" in tanchon[0]
    assert any("단천" in opt for opt in picker.options)
    picker.set_value("dancheon").run()
    assert "Dancheon magnesite mines" in panel_html(at)
    assert "magnesia clinker from Dancheon are still exported" in panel_html(at)


def test_detail_panel_lists_events_in_date_order_with_sources():
    at = open_app(mine="musan")
    html = panel_html(at)
    order = [html.index(t) for t in ("Imagery shows the Musan mine", "halts molybdenum exports",
                                     "Musan iron ore still exported")]
    assert order == sorted(order)
    assert 'href="https://www.rfa.org/english/news/korea/mineral-03022017144846.html"' in html
    assert "anonymous source" in html and "approximate date" in html


# --------------------------------------------------------------------------- other pages


def _chart_text(at) -> str:
    charts = [el for el in at.main.children.values() if getattr(el, "type", "") == "vega_lite_chart"]
    assert charts, "no chart"
    return str(charts[0].proto)


def test_timeline_shows_only_filtered_events_in_chart_and_table():
    at = open_page("views/timeline.py", Filters(minerals=["molybdenum"]))
    assert not at.exception
    assert widget(at, "Minerals").value == ["molybdenum"]  # the shared sidebar is on every page
    table = panel_html(at)
    assert table.count("<tr data-event-id=") == 2
    assert 'data-event-id="musan-molybdenum-halt-2017"' in table
    assert 'data-event-id="yonghwa-molybdenum-halt-2017"' in table
    assert '<a href="https://www.rfa.org/' in table
    chart = _chart_text(at)
    assert "yonghwa-molybdenum-halt-2017" in chart and "hoeryeong-cobalt-halt-2017" not in chart


def test_timeline_names_the_selected_mine_and_switches_lanes():
    at = open_page("views/timeline.py", Filters(), selected="musan")
    assert "Selected mine: **Musan mine**" in [m.value for m in at.markdown]
    at.get("button_group")[0].set_value("mineral").run()
    assert not at.exception
    assert "Molybdenum" in _chart_text(at)  # mineral lanes


def test_data_page_counts_and_downloads():
    at = open_page("views/data.py", Filters(minerals=["molybdenum", "cobalt"]))
    assert not at.exception
    by_mineral = at.dataframe[0].value.set_index("Mineral")["Events"].to_dict()
    assert by_mineral == {"Molybdenum": 2, "Cobalt": 1}
    rows = at.dataframe[2].value
    assert len(rows) == 3
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["CSV snapshot", "Excel (.xlsx)", "GeoJSON", "Snapshot zip (CSV + GeoJSON + manifest)"]


def test_sources_page_lists_every_source_with_its_events(ds):
    at = open_page("views/sources.py")
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table["Source"]) == set(ds.sources["source_id"])
    rfa = table.set_index("Source").loc["rfa-2017-03-02"]
    assert "musan-molybdenum-halt-2017" in rfa["Events"]
    text = " ".join(md_plain(m.value) for m in at.markdown)
    assert "Location precision" in text and "Confidence" in text and ds.version in text


# --------------------------------------------------------------------------- bad data, hostile text


def test_broken_data_shows_the_problems_not_a_stack_trace(data_copy, monkeypatch):
    (data_copy / "events.csv").write_text("event_id,date\nx,someday\n", encoding="utf-8")
    monkeypatch.setenv("NK_MINES_DATA", str(data_copy))
    at = open_app()
    assert not at.exception
    assert at.title[0].value == "The data package did not validate"
    problems = at.dataframe[0].value
    assert (problems["File"] == "events.csv").any()
    assert problems["Problem"].str.contains("column is missing").any()


def test_a_hostile_mine_name_is_shown_as_text(data_copy, monkeypatch):
    doc = json.loads((data_copy / "mines.geojson").read_text(encoding="utf-8"))
    doc["features"][0]["properties"]["name"] = "<img src=x onerror=alert(1)>"
    (data_copy / "mines.geojson").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("NK_MINES_DATA", str(data_copy))
    at = open_app(mine="musan")
    html = panel_html(at)
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img" not in html


@pytest.mark.parametrize("page", ["views/map.py", "views/timeline.py", "views/data.py", "views/sources.py"])
def test_every_page_runs_with_an_empty_result(page):
    at = open_page(page, Filters(minerals=["tungsten"], since="2030-01-01"))
    assert not at.exception


# --------------------------------------------------------------------------- sanctions and as-of


def test_sanctions_page_lists_the_events_that_touched_a_restricted_mineral(ds):
    from geo.rules.sanctions import status_on

    at = open_page("views/sanctions.py")
    assert not at.exception
    # restricted on the event's date, or at some point of the window an imprecise date spans
    expected = {r.event_id for r in ds.view.itertuples()
                if any(status_on(ds, r.mineral_id, d.date()).status != "unrestricted"
                       for d in (r.date_start, r.date, r.date_end))}
    html = panel_html(at)
    listed = set(re.findall(r'data-event-id="([^"]+)"', html))
    assert listed == expected
    assert "hyesan-halt-2017" in listed and "cholsan-solar-offer-2019" in listed
    assert "musan-molybdenum-halt-2017" not in listed  # molybdenum was never restricted
    assert "banned (UNSCR 2321)" in html
    assert html.count("<tr><td>UNSCR ") + html.count("<tr><td>CN ") == len(ds.sanctions)  # measures by name
    assert f"({len(expected)})" in at.subheader[0].value


def test_sanctions_page_checks_a_mineral_on_a_day():
    at = open_page("views/sanctions.py")
    at.selectbox(key="sanction_mineral").set_value("iron_ore")
    at.text_input(key="sanction_day").set_value("2017-02-20").run()
    check = _sanction_check(at)
    assert "<strong>Iron ore</strong> on 20 Feb 2017: <strong class=\"nk-s-exempt\">" in check
    assert "UNSCR 2270" in check and "iron_ore" not in check  # names, not ids
    at.text_input(key="sanction_day").set_value("2017-08-05").run()
    assert "on 5 Aug 2017: <strong class=\"nk-s-banned\">" in _sanction_check(at)
    at.text_input(key="sanction_day").set_value("5 Aug").run()
    assert any("not a date" in w.value for w in at.warning)


def test_sanctions_check_follows_the_sidebar_mineral_filter(ds):
    at = open_page("views/sanctions.py", filters=Filters(minerals=("coal",)))
    box = at.selectbox(key="sanction_mineral")
    assert box.options == ["Coal"] and box.value == "coal"
    assert "<strong>Coal</strong>" in _sanction_check(at)
    at = open_page("views/sanctions.py")
    assert len(at.selectbox(key="sanction_mineral").options) == len(ds.minerals)  # no filter: every mineral


def _sanction_check(at) -> str:
    return next(h.proto.body for h in at.get("html") if "nk-sanction-check" in h.proto.body)


def test_sanctions_page_shows_each_authority_side_by_side():
    at = open_page("views/sanctions.py")
    at.text_input(key="sanction_day").set_value("2017-03-01").run()
    table = next(df.value for df in at.dataframe if "Status that applies" in df.value.columns)
    coal = table.set_index("Mineral").loc["Coal"]
    assert coal["Status that applies"] == "suspended"
    authorities = [c for c in table.columns if c not in ("Mineral", "Status that applies")]
    assert len(authorities) == 2  # the fixture package: the UN and China
    assert sorted(coal[authorities].str.split(" ").str[0]) == ["capped", "suspended"]


def test_as_of_slider_shows_the_state_on_that_day():
    at = open_app(mine="hyesan")
    at.toggle(key="asof_on").set_value(True).run()
    at.slider(key="asof_slider").set_value(dt.date(2016, 6, 1)).run()
    html = panel_html(at)
    assert "As of 1 Jun 2016</strong>, per mineral" in html and "no export report on or before this day" in html
    assert "<td>Copper</td>" in html and "<strong>not restricted</strong>" in html
    at.slider(key="asof_slider").set_value(dt.date(2017, 3, 5)).run()
    html = panel_html(at)
    copper = html[html.index('data-mineral="copper"'):].split("</tr>")[0]
    assert '<strong class="nk-x-halted">halted</strong>' in copper
    assert "<strong>banned</strong> (UNSCR 2321)" in copper
    step = next(b for b in at.button if b.label == "Step ▶")
    step.click().run()
    assert at.slider(key="asof_slider").value == dt.date(2017, 4, 4)


def test_timeline_marks_events_that_touched_a_restricted_mineral():
    at = open_page("views/timeline.py", Filters(mines=()))
    chart = _chart_text(at)
    assert "datum.restricted" in chart
    assert "Sanctions on the day" in chart


def test_as_of_play_advances_one_step_at_a_time_and_stops_at_the_end(ds):
    from geo.rules.asof import date_range

    at = open_app()
    at.toggle(key="asof_on").set_value(True).run()
    start = at.slider(key="asof_slider").value
    at.toggle(key="asof_play").set_value(True).run()
    assert not at.exception
    after = at.slider(key="asof_slider").value
    assert (after - start).days == 30  # one month step, not a run to the end
    at.slider(key="asof_slider").set_value(date_range(ds)[1]).run()
    at.session_state["_asof_last_step"] = 0.0
    at.run()
    assert at.toggle(key="asof_play").value is False  # stopped at the last day


def test_the_map_page_says_when_the_maps_offline_files_are_missing():
    # The sixth trial ran the app from a copy without static/vendor (made by `make run`): the map frame
    # stayed 0 px high with no word. The page now says what is missing and how to mend it.
    with mock.patch("geo.render.assets.missing", return_value=[ROOT / "static" / "vendor" / "leaflet" / "leaflet.js"]):
        at = open_page("views/map.py")
    assert not at.exception
    (err,) = [e.value for e in at.error]
    assert "static/vendor/leaflet/leaflet.js" in err and "make run" in err
    assert at.selectbox[0].label.startswith("Find a mine")  # the rest of the page still works
    at = open_page("views/map.py")
    assert not at.error  # with the files there (make test installs them), no message
