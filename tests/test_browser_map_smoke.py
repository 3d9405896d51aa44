"""Real browser, offline: the map renders, a marker click reaches Python and names the mine.

Runs a throwaway Streamlit page from a temporary folder (with its own static/vendor filled
by geo.render.assets) and drives Debian Chromium with Playwright; every request that is not to the
local server is aborted. Run with ``pytest -m browser``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.request
from pathlib import Path

import pytest

from geo.render import assets

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
MAP_IFRAME = 'iframe[title="streamlit_folium.st_folium"]'

PAGE = textwrap.dedent(
    """
    import geopandas as gpd
    import streamlit as st
    from shapely.geometry import Point
    from streamlit_folium import st_folium

    from geo.render import maps

    rows = [
        ("musan", "Musan mine", ["iron_ore"], "site", 42.23194, 129.26917),
        ("tanchon", "Ryongyang mine", ["magnesia"], "approximate", 40.8, 128.9),
        ("cholsan", "<img src=x onerror=alert(1)>", ["rare_earths"], "county", 39.73, 124.664),
    ]
    mines = gpd.GeoDataFrame(
        {
            "mine_id": [r[0] for r in rows],
            "name": [r[1] for r in rows],
            "minerals": [r[2] for r in rows],
            "location_precision": [r[3] for r in rows],
            "uncertainty_km": float("nan"),
        },
        geometry=[Point(r[5], r[4]) for r in rows],
        crs="EPSG:4326",
    )
    crossings = gpd.GeoDataFrame(
        {"crossing_id": ["dandong"], "name": ["Dandong–Sinuiju"], "location_precision": ["site"]},
        geometry=[Point(124.393, 40.11452)],
        crs="EPSG:4326",
    )
    selected = st.session_state.get("selected")
    out = st_folium(
        maps.build_base_map(maps.load_basemap(), crossings),
        feature_group_to_add=maps.mine_layer(mines, selected_id=selected),
        returned_objects=["last_object_clicked", "last_object_clicked_tooltip"],
        key="map",
        height=520,
        use_container_width=True,
    )
    mine_id = maps.resolve_click(out, mines)
    if mine_id and mine_id != selected:
        st.session_state["selected"] = mine_id
        st.rerun()
    st.text(f"CLICKED: {mine_id}")
    if mine_id:
        st.text("NAME: " + mines.set_index("mine_id").loc[mine_id, "name"])
    """
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def app_url(tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium not installed")
    pytest.importorskip("playwright")
    (tmp_path / "page.py").write_text(PAGE, encoding="utf-8")
    assets.install(tmp_path)  # static/ must sit next to the page script
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    log = (tmp_path / "streamlit.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(tmp_path / "page.py"),
            "--server.headless",
            "true",
            "--server.address",
            "127.0.0.1",
            "--server.port",
            str(port),
        ],
        cwd=REPO,  # picks up .streamlit/config.toml (static serving)
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=1):  # noqa: S310
                    break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail(
                        "streamlit did not start: " + (tmp_path / "streamlit.log").read_text()
                    )
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
        shutil.rmtree(tmp_path / "static", ignore_errors=True)


def test_map_renders_offline_and_a_click_names_the_mine(app_url, tmp_path):
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 900})

            def route(r):
                if r.request.url.startswith(app_url):
                    r.continue_()
                else:
                    outside.append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            page.goto(app_url)
            page.wait_for_selector(MAP_IFRAME, state="attached", timeout=30_000)
            frame = page.frame_locator(MAP_IFRAME)
            markers = frame.locator("path.leaflet-interactive")
            markers.first.wait_for(timeout=30_000)
            assert markers.count() == 3
            assert frame.locator(".crossing-marker").count() == 1
            assert frame.locator(".mines-legend").is_visible()

            map_frame = next(f for f in page.frames if "st_folium" in f.url)
            map_frame.evaluate("window.__probe = 1")
            # click the XSS-named mine at its projected position
            x, y = map_frame.evaluate(
                "(() => { const p = window.map.latLngToContainerPoint([39.73, 124.664]);"
                " return [p.x, p.y]; })()"
            )
            box = page.locator(MAP_IFRAME).bounding_box()
            page.mouse.click(box["x"] + x, box["y"] + y)
            page.get_by_text("CLICKED: cholsan").wait_for(timeout=15_000)
            page.get_by_text("NAME: <img src=x onerror=alert(1)>").wait_for(timeout=15_000)
            assert page.locator("img[src=x]").count() == 0
            assert frame.locator("img[src=x]").count() == 0
            # the selection swapped the mine layer in place: same map, no remount
            page.wait_for_timeout(1000)
            assert map_frame.evaluate("window.__probe") == 1
            assert markers.count() == 3
            page.screenshot(path=str(tmp_path / "map.png"))
        finally:
            browser.close()
    assert outside == []
