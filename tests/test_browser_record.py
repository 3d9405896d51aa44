"""The real record in a browser: what an analyst opening the dashboard on data/ sees on the map."""

from __future__ import annotations

import pytest

from tests.conftest import RECORD
from tests.test_browser import (  # noqa: F401 - browser and page are fixtures
    MAP_FRAME,
    browser,
    page,
    serving,
    wait_for_map,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def record_server():
    with serving(RECORD) as srv:
        yield srv


def test_province_boundaries_and_border_rivers_are_drawn_offline(record_server, page):  # noqa: F811
    from geo.rules.load import load_dataset

    ds = load_dataset(RECORD)
    page.goto(record_server.url + "/map")
    frame = wait_for_map(page, int(ds.mines.geometry.notna().sum()))
    provinces = frame.locator('path[stroke="#9a9a9a"]')
    rivers = frame.locator('path[stroke="#4a90c8"]')
    provinces.first.wait_for(state="attached", timeout=30_000)
    assert provinces.count() >= len(ds.province_boundaries["features"]) - 1  # one path per province outline
    assert rivers.count() >= 2  # the Yalu and the Tumen
    control = page.frame_locator(MAP_FRAME).locator(".leaflet-control-layers")
    text = control.inner_text()
    assert "Province boundaries" in text and "Border rivers" in text
    assert page.blocked == []
