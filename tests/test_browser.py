"""Real-browser tests: Debian Chromium driven by Playwright against the running dashboard.

What only a browser can show: the map renders offline with every mine, a click on a marker
opens its details, the timeline link filters what is drawn, a download holds exactly the
rows shown, and a hostile name stays text. Every request that is not for 127.0.0.1 is
aborted and recorded; a test fails if any was made. In CI these tests never skip.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

from geo.rules.filters import Filters
from tests.conftest import DATA, ROOT, in_ci

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
ARTIFACTS = ROOT / "test-artifacts"
SCREENSHOT = ROOT / "docs" / "map-selected.png"


def _require_chromium():
    if not Path(CHROMIUM).exists():
        msg = "Debian chromium is not installed (make test installs it with apt-get)"
        if in_ci():
            pytest.fail(msg)
        pytest.skip(msg)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, data_dir: Path):
        from geo.render import assets

        if assets.missing(ROOT):
            assets.install(ROOT)
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, NK_MINES_DATA=str(data_dir))
        self.log = open(ARTIFACTS / f"streamlit-{self.port}.log", "w")  # noqa: SIM115
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.address", "127.0.0.1", "--server.port", str(self.port),
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:  # noqa: S310
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("streamlit did not start; see " + self.log.name)

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.log.close()


@contextlib.contextmanager
def serving(data_dir: Path):
    """A Streamlit server on ``data_dir`` for a module's tests (Chromium required), stopped after."""
    _require_chromium()
    ARTIFACTS.mkdir(exist_ok=True)
    srv = Server(data_dir)
    try:
        yield srv
    finally:
        srv.stop()


@pytest.fixture(scope="module")
def server():
    with serving(DATA) as srv:
        yield srv


@pytest.fixture(scope="module")
def browser():
    _require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A page whose every request off 127.0.0.1 is aborted and recorded in page.blocked."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    blocked: list[str] = []

    def guard(route):
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    pg = context.new_page()
    pg.blocked = blocked
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.dialogs = dialogs
    yield pg
    context.close()


def wait_for_map(page, n_markers: int):
    page.wait_for_selector(MAP_FRAME, state="attached", timeout=30_000)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator("path.mine-marker").nth(n_markers - 1).wait_for(state="attached", timeout=30_000)
    return frame


def marker_positions(page) -> dict[str, dict]:
    """Tooltip text → position (in page pixels) where each mine marker is drawn in the map iframe."""
    handle = page.wait_for_selector(MAP_FRAME, state="attached")
    box = handle.bounding_box()
    frame = handle.content_frame()
    points = frame.evaluate("""() => {
        const out = [];
        window.map.eachLayer(l => {
            if (l instanceof L.CircleMarker && l.getTooltip && l.getTooltip()
                && l.options.className && l.options.className.includes('mine-marker')) {
                // where it is drawn: markers on one spot are moved apart in pixels
                const p = window.map.layerPointToContainerPoint(l._point || window.map.latLngToLayerPoint(l.getLatLng()));
                const el = document.createElement('div'); el.innerHTML = l.getTooltip().getContent();
                out.push({text: el.textContent.trim(), x: p.x, y: p.y});
            }
        });
        return out;
    }""")
    return {p["text"]: {"x": box["x"] + p["x"], "y": box["y"] + p["y"]} for p in points}


def settled_positions(page) -> dict[str, dict]:
    """Marker positions once the map has stopped moving (fitting its bounds can take a moment)."""
    last = None
    for _ in range(20):
        now = marker_positions(page)
        if now and now == last:
            return now
        last = now
        page.wait_for_timeout(250)
    return last or {}


def click_marker(page, name_prefix: str, expect_text: str, tries: int = 3) -> None:
    """Click the marker whose tooltip starts with ``name_prefix`` until ``expect_text`` shows.

    A click that lands while Streamlit is still rerunning can be lost under load; the test still
    fails if no click on the marker ever opens the panel.
    """
    for attempt in range(tries):
        pos = next(v for k, v in settled_positions(page).items() if k.startswith(name_prefix))
        page.mouse.click(pos["x"], pos["y"])
        try:
            page.get_by_text(expect_text).first.wait_for(timeout=10_000)
            return
        except Exception:
            if attempt == tries - 1:
                raise


def test_map_renders_offline_with_every_mine(server, page, ds):
    page.goto(server.url + "/")
    frame = wait_for_map(page, len(ds.mines))
    assert frame.locator("path.mine-marker").count() == len(ds.mines)
    names = set(marker_positions(page))
    for name in ds.mines["name"]:
        assert any(t.startswith(name) for t in names), name
    assert page.blocked == [], f"requests left the host: {page.blocked}"


def test_clicking_a_marker_opens_its_details(server, page, ds):
    page.goto(server.url + "/")
    wait_for_map(page, len(ds.mines))
    click_marker(page, "Musan mine", "North Korea halts molybdenum exports from Musan county")
    panel = page.locator(".nk-detail")
    assert "무산광산연합기업소" in panel.inner_text()
    assert "Radio Free Asia" in panel.inner_text()
    page.wait_for_function("() => location.search.includes('mine=musan')", timeout=10_000)
    ARTIFACTS.mkdir(exist_ok=True)
    page.wait_for_timeout(800)
    page.screenshot(path=str(ARTIFACTS / "map-selected.png"))
    if os.environ.get("UPDATE_SCREENSHOTS"):
        SCREENSHOT.parent.mkdir(exist_ok=True)
        shutil.copy(ARTIFACTS / "map-selected.png", SCREENSHOT)
    assert page.blocked == []


def test_picking_a_mine_keeps_the_map_mounted(server, page, ds):
    page.goto(server.url + "/")
    wait_for_map(page, len(ds.mines))
    frame = page.wait_for_selector(MAP_FRAME).content_frame()
    frame.evaluate("() => { window.__marker = 'still here';"
                   " window.map.setView([41.0, 128.0], 8, {animate: false}); }")
    page.wait_for_timeout(500)
    click_marker(page, "Hyesan", "Hyesan mine's copper and zinc concentrate exports halted")
    page.wait_for_timeout(1000)
    frame = page.wait_for_selector(MAP_FRAME).content_frame()
    assert frame.evaluate("() => window.__marker") == "still here"  # same document: not remounted
    assert frame.evaluate("() => window.map.getZoom()") == 8  # the user's zoom is kept


def test_the_map_appearing_does_not_run_the_page_again(server, page, ds):
    """Once the map is drawn the page is done: the map sends the app nothing until the user clicks
    (its first value used to differ from st_folium's default and reran the whole page)."""
    from_map = []  # messages to the app that carry the map's value

    def sent(payload):
        data = payload.encode() if isinstance(payload, str) else (payload or b"")
        if b"last_object_clicked" in data:
            from_map.append(data)

    page.on("websocket", lambda ws: ws.on("framesent", sent))
    page.goto(server.url + "/")
    wait_for_map(page, len(ds.mines))
    page.wait_for_selector(MAP_FRAME).content_frame().wait_for_function("() => window.__nkReady === true")
    page.wait_for_timeout(2000)  # streamlit-folium sends a changed value at once, or 250 ms after a move
    assert from_map == [], "the map's first value reran the page"
    click_marker(page, "Musan mine", "North Korea halts molybdenum exports from Musan county")
    assert from_map  # a click still reaches the app


def test_timeline_link_keeps_only_molybdenum(server, page, ds):
    page.goto(server.url + "/timeline?mineral=molybdenum")
    page.get_by_text("2 events — molybdenum").wait_for(timeout=30_000)
    page.wait_for_selector("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg",
                           timeout=30_000)
    expected = Filters(minerals=["molybdenum"]).apply(ds.view)
    rows = page.locator("table.nk-table tbody tr")
    assert sorted(rows.evaluate_all("rs => rs.map(r => r.dataset.eventId)")) == sorted(expected["event_id"])
    assert set(page.locator("table.nk-table tbody td:nth-child(4)").all_inner_texts()) == {"Molybdenum"}
    labels = " | ".join(page.locator("[data-testid='stVegaLiteChart'] [aria-label]").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label'))"))
    for title in expected["title"]:
        assert title in labels  # drawn in the chart
    other = ds.view[ds.view.mineral_id != "molybdenum"]["title"]
    assert not any(t in labels for t in other)
    assert page.blocked == []


def test_csv_download_has_exactly_the_rows_shown(server, page, ds):
    page.goto(server.url + "/data?mineral=molybdenum&mineral=cobalt")
    caption = page.get_by_text("rows (one per event × mine × mineral)")
    caption.wait_for(timeout=30_000)
    shown = int(caption.inner_text().split()[0])
    with page.expect_download(timeout=20_000) as info:
        page.get_by_role("button", name="CSV snapshot").click()
    download = info.value
    assert download.suggested_filename == f"nk-mines-trade-events_v{ds.version}_molybdenum-cobalt.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    assert len(rows) == shown
    expected = Filters(minerals=["molybdenum", "cobalt"]).apply(ds.view)
    assert sorted(r["event_id"] for r in rows) == sorted(expected["event_id"])
    assert all(r["source_url"].startswith("https://") for r in rows)


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(DATA, data)
    doc = json.loads((data / "mines.geojson").read_text(encoding="utf-8"))
    doc["features"][0]["properties"]["name"] = "<img src=x onerror=alert(1)>"
    (data / "mines.geojson").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with serving(data) as srv:
        yield srv


def test_a_hostile_name_shows_as_text(hostile_server, page, ds):
    page.goto(hostile_server.url + "/?mine=musan")
    wait_for_map(page, len(ds.mines))
    page.locator(".nk-mine-name").wait_for(timeout=20_000)
    assert page.locator(".nk-mine-name").inner_text() == "<img src=x onerror=alert(1)>"
    assert page.locator("img[src='x']").count() == 0
    frame = page.frame_locator(MAP_FRAME)
    assert frame.locator("img[src='x']").count() == 0
    assert any(t.startswith("<img src=x onerror=alert(1)>") for t in marker_positions(page))
    page.wait_for_timeout(500)
    assert page.dialogs == []


ADDRESSES = [  # (address, heading, mineral chip shown in the sidebar filter; None: a page without the filters)
    ("/map?mineral=iron_ore", "Mines and trade events", "Iron ore"),
    ("/timeline?mineral=molybdenum", "Timeline", "Molybdenum"),
    ("/sanctions?mineral=coal", "Sanctions", "Coal"),
    ("/data?mineral=coal&since=2016-01-01", "Data & export", "Coal"),
    ("/sources?mineral=zinc", "Sources & method", "Zinc"),
    ("/add-report?mineral=copper", "Add a report", None),  # no filters there: the sidebar says so; the link keeps it
    ("/?mineral=iron_ore", "Mines and trade events", "Iron ore"),
]


@pytest.mark.parametrize("address, heading, chip", ADDRESSES)
def test_every_page_opens_at_its_own_address_with_its_filter(server, page, address, heading, chip):
    """A shared link pasted into a new tab opens that page with its filter; no 'Page not found'."""
    page.goto(server.url + address)
    page.get_by_role("heading", name=heading).first.wait_for(timeout=30_000)
    sidebar = page.locator("[data-testid='stSidebar']")
    if chip is None:
        sidebar.get_by_text("do not apply to this page", exact=False).first.wait_for(timeout=15_000)
    else:
        sidebar.get_by_text(chip, exact=True).first.wait_for(timeout=15_000)
    page.wait_for_timeout(500)  # a late dialog or exception would show by now
    assert page.get_by_text("Page not found").count() == 0
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.dialogs == []
    path = urlparse(page.url).path
    expected = urlparse(address).path
    assert path == ("/map" if expected == "/" else expected)
    assert "mineral=" in urlparse(page.url).query


def test_trade_chart_renders_beside_the_events(server, page, ds):
    page.goto(server.url + "/timeline?mineral=coal&since=2016-01-01&until=2017-12-31")
    page.get_by_text("Trade figures", exact=True).wait_for(timeout=30_000)
    charts = page.locator("[data-testid='stVegaLiteChart']")
    charts.nth(1).locator("svg").first.wait_for(timeout=30_000)
    assert charts.count() == 2  # the events, then coal's trade figures
    boxes = [charts.nth(i).bounding_box() for i in range(2)]
    assert boxes[1]["y"] > boxes[0]["y"]  # below the events, on the same time axis
    labels = " | ".join(charts.nth(1).locator("[aria-label]").evaluate_all(
        "els => els.map(e => e.getAttribute('aria-label'))"))
    assert "Sep 2017" in labels and "511,619 t" in labels  # a figure drawn, with its period
    assert "China suspends all coal imports from North Korea" in labels  # the events marked on the chart
    assert "suspended by an importer" in labels  # the sanction shading
    plot = charts.nth(1).locator("[aria-roledescription='rule mark']").first.bounding_box()
    assert plot and boxes[1]["height"] > 300  # room for the figures, not squeezed by the title and legends
    ARTIFACTS.mkdir(exist_ok=True)
    charts.nth(1).screenshot(path=str(ARTIFACTS / "timeline-trade.png"))
    assert page.blocked == []
