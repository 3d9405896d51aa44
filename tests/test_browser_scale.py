"""The map in a real browser at 10,000 mines: the first marker within 3 s, clicks open details."""

from __future__ import annotations

import os
import time

import pytest

from geo.synthetic import write_package
from tests import test_browser as tb
from tests.test_browser import ARTIFACTS, MAP_FRAME, Server, _require_chromium

browser, page = tb.browser, tb.page  # the same fixtures: Chromium offline, requests off the host aborted

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MINES = 10_000
FIRST_MARKER_S = 3.0


@pytest.fixture(scope="module")
def big_server(tmp_path_factory):
    _require_chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    data = write_package(tmp_path_factory.mktemp("scale") / "data", mines=MINES, links=40_000)
    srv = Server(data)
    yield srv
    srv.stop()


def _first_marker_seconds(pg, url: str) -> float:
    start = time.perf_counter()
    pg.goto(url)
    pg.wait_for_selector(MAP_FRAME, state="attached", timeout=60_000)
    frame = pg.wait_for_selector(MAP_FRAME, state="attached").content_frame()
    # Above 2,000 mines the markers are drawn on one canvas: wait until the map holds them and
    # the canvas has painted a frame with them (the next animation frame after they were added).
    frame.wait_for_function("""() => {
        if (!window.map) return false;
        let n = 0;
        window.map.eachLayer(l => { if (l.options && l.options.className === 'mine-marker many') n++; });
        const canvas = document.querySelector('.leaflet-overlay-pane canvas');
        return n > 0 && canvas && canvas.width > 0 && canvas.getBoundingClientRect().height > 0;
    }""", timeout=60_000, polling="raf")
    frame.evaluate("() => new Promise(r => requestAnimationFrame(() => r()))")
    return time.perf_counter() - start


def test_first_marker_within_3_s_and_a_click_opens_details(big_server, page):
    _first_marker_seconds(page, big_server.url + "/")  # the first session loads and caches the package
    page.goto("about:blank")
    seconds = _first_marker_seconds(page, big_server.url + "/")
    print(f"first marker visible after {seconds:.2f} s at {MINES} mines")
    handle = page.wait_for_selector(MAP_FRAME, state="attached")
    box = handle.bounding_box()
    # the marker drawn last is on top wherever it is: click its centre
    counted = handle.content_frame().evaluate("""() => {
        let n = 0;
        window.map.eachLayer(l => { if (l.options && l.options.className === 'mine-marker many') n++; });
        return n;
    }""")
    assert counted == MINES
    point = handle.content_frame().evaluate("""() => {
        let last = null;
        window.map.eachLayer(l => { if (l instanceof L.CircleMarker && l.options.className.startsWith('mine-marker')) last = l; });
        const p = window.map.latLngToContainerPoint(last.getLatLng());
        return {x: p.x, y: p.y, text: last.getTooltip().getContent()};
    }""")
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.locator(".nk-mine-name").wait_for(timeout=30_000)
    assert page.locator(".nk-mine-name").inner_text().startswith("Synthetic mine")
    assert page.blocked == []
    if os.environ.get("NK_BENCH"):  # `make bench` holds the target; `make test` checks function only
        assert seconds <= FIRST_MARKER_S, f"first marker after {seconds:.2f} s (target {FIRST_MARKER_S} s)"
