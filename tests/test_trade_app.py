"""AppTest of the Trade page and of the trade chart on the timeline page."""

from __future__ import annotations

import json

from geo.rules.filters import Filters
from tests.test_app import open_page


def _charts(at):
    return [el for el in at.main.children.values() if getattr(el, "type", "") == "vega_lite_chart"]


def test_trade_page_shows_the_filtered_figures_with_sources():
    at = open_page("views/trade.py", Filters(minerals=["coal"], since="2017-01-01", until="2017-12-31"))
    assert not at.exception
    assert at.title[0].value == "Trade"
    table = at.dataframe[0].value
    assert set(table["Mineral"]) == {"Coal"}
    assert {"CN", "UN-1718"} <= set(table["Reporter"])  # every reporter by default, each named
    sept = table[(table["Period"] == "Sep 2017") & table["Source"].str.startswith("Reuters")].iloc[0]
    assert sept["Quantity (tonnes)"] == 511_619 and sept["Source URL"].startswith("https://uk.reuters.com/")
    assert "Jul 2017" not in set(table["Period"])  # no source: no row
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Trade CSV", "Trade XLSX (with sources)"]
    assert "mirror data" in at.caption[0].value


def test_trade_page_measure_and_reporter():
    at = open_page("views/trade.py", Filters(minerals=["coal"], since="2017-01-01", until="2017-12-31"))
    at.get("button_group")[0].set_value("value")
    at.selectbox(key="trade_reporter").set_value("CN").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert set(table["Reporter"]) == {"CN"}
    assert "Value (US$)" in table.columns and table["Value (US$)"].notna().all()
    assert 97_600_000 in set(table["Value (US$)"])


def test_trade_page_runs_with_an_empty_result():
    at = open_page("views/trade.py", Filters(minerals=["magnesia"]))
    assert not at.exception
    assert any("No trade figures" in i.value for i in at.info)


def test_timeline_draws_the_coal_trade_chart_for_2016_2017():
    at = open_page("views/timeline.py", Filters(minerals=["coal"], since="2016-01-01", until="2017-12-31"))
    assert not at.exception
    charts = _charts(at)
    assert len(charts) == 2  # the events, then coal's trade figures
    events_spec = json.loads(charts[0].proto.spec)
    trade = charts[1].proto
    trade_spec = json.loads(trade.spec)
    assert {d.name for d in trade.datasets} == {"trade_coal", "sanctions_coal", "events_coal"}
    domain = ["2016-01-01", "2017-12-31"]
    assert all(layer["encoding"]["x"]["scale"]["domain"] == domain for layer in trade_spec["layer"])
    assert events_spec["layer"][0]["encoding"]["x"]["scale"]["domain"] == domain  # the same time axis
    assert "China's recorded imports" in trade_spec["title"]["text"]


def test_timeline_asks_for_a_mineral_when_none_is_chosen():
    at = open_page("views/timeline.py", Filters())
    assert not at.exception
    assert any("Choose a mineral" in i.value for i in at.info)
    assert len(_charts(at)) == 1  # only the events


def test_timeline_names_a_mineral_without_figures():
    at = open_page("views/timeline.py", Filters(minerals=["magnesia", "tungsten"]))
    assert not at.exception
    assert any("for Magnesia in this period: no source was found" in c.value for c in at.caption)
    assert len(_charts(at)) == 2  # events and tungsten
