"""The map in a real browser at 10,000 mines: every marker drawn, a click opens the details, and
(under `make bench`) the time to the first marker, measured over several loads."""

from __future__ import annotations

import json
import os
import re
import statistics
import time

import pytest

from geo.tools.synthetic import write_package
from tests import test_browser as tb
from tests.conftest import ROOT
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


def test_at_10000_mines_every_marker_is_drawn_and_a_click_opens_details(big_server, page):
    _first_marker_seconds(page, big_server.url + "/")  # the first session loads and caches the package
    loads = int(os.environ.get("NK_BENCH_LOADS", "5" if os.environ.get("NK_BENCH") else "1"))
    times = []
    for _ in range(loads):
        page.goto("about:blank")
        times.append(_first_marker_seconds(page, big_server.url + "/"))
    median = statistics.median(times)
    verdict = "holds" if median <= FIRST_MARKER_S else f"missed by {median - FIRST_MARKER_S:.2f} s"
    print(f"first marker visible at {MINES} mines: median {median:.2f} s over {loads} load(s) "
          f"(min {min(times):.2f}, max {max(times):.2f}); target {FIRST_MARKER_S} s: {verdict}")
    if os.environ.get("NK_BENCH"):
        # A timing is the benchmark's figure, not a pass/fail test: it is recorded, and the README
        # states it with the target. The test asserts what a user checks: markers and clicks.
        (ROOT / ".bench").mkdir(exist_ok=True)
        (ROOT / ".bench" / "browser.json").write_text(json.dumps(
            {"mines": MINES, "metric": "browser_first_marker", "median_s": median, "min_s": min(times),
             "max_s": max(times), "loads": loads, "target_s": FIRST_MARKER_S}, indent=1))
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


def test_at_10000_mines_the_mines_filter_opens_from_a_popover_and_filters(big_server, page):
    page.goto(big_server.url + "/")
    page.wait_for_selector(MAP_FRAME, state="attached", timeout=60_000)
    sidebar = page.locator("[data-testid='stSidebar']")
    sidebar.get_by_text("Minerals").wait_for(timeout=60_000)
    assert sidebar.locator("[data-testid='stMultiSelect']").filter(has_text="Mines").count() == 0  # not built yet
    sidebar.get_by_role("button", name="Mines: all").click()
    box = page.locator("[data-testid='stPopoverBody'] [data-testid='stMultiSelect']")
    box.locator("input").fill("Synthetic mine 7")
    page.get_by_role("option").first.click()
    page.wait_for_function("() => location.search.includes('mines=')", timeout=30_000)
    page.keyboard.press("Escape")
    sidebar.get_by_role("button", name="Mines: 1 chosen").wait_for(timeout=30_000)
    page.get_by_text(re.compile(r"of 10000 mines have events matching: .*Synthetic mine 7")).wait_for(timeout=30_000)
    assert page.blocked == []
