"""What an analyst found in a day of real use (issue 14), each checked in a real browser.

The map: the first click counts, markers on one spot are apart and clickable at every zoom, names
are written on the map without overlapping, the wheel scrolls the page until the map is clicked,
picking a mine moves the map, the as-of view speaks per mineral, the panel links to the mine's
timeline and export. Exports: a CSV Excel reads (byte-order mark, Hangul) and an Excel workbook.
Sanctions: a typed date is taken on Enter, names instead of ids. Timeline: zoom, one date format,
a text search. A phone: the legend leaves the map visible and the timeline keeps its plot.
"""

from __future__ import annotations

import contextlib
import csv
import io
import math
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from geo.render.maps.style import EXPORT_OUTLINES
from geo.rules.filters import Filters
from tests import test_browser as tb
from tests.test_browser import MAP_FRAME, wait_for_map

browser, server = tb.browser, tb.server  # Chromium offline; the app on the fixture package

pytestmark = pytest.mark.browser

DAEBONG_POINT = [41.40167, 128.17778]  # Daebong and Yonghwa share it; Hyesan town is 4 km away
ON_ONE_SPOT = ("Hyesan Youth Copper Mine", "Daebong mine", "Yonghwa mine")


def _context(browser, width, height, blocked):
    from urllib.parse import urlparse as _parse

    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True)

    def guard(route):
        if _parse(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return context


@contextlib.contextmanager
def _window(browser, width: int, height: int):
    """A page of that size whose requests off 127.0.0.1 are aborted and listed in ``blocked``."""
    blocked: list[str] = []
    context = _context(browser, width, height, blocked)
    pg = context.new_page()
    pg.blocked = blocked
    try:
        yield pg
    finally:
        context.close()


@pytest.fixture
def page(browser):
    """A laptop window whose map reaches below the fold (900 px high)."""
    with _window(browser, 1400, 900) as pg:
        yield pg


@pytest.fixture
def phone(browser):
    with _window(browser, 390, 844) as pg:
        yield pg


def ready_map(page, n_markers):
    """The map drawn, spread and labelled (the map script flags window.__nkReady)."""
    wait_for_map(page, n_markers)
    handle = page.wait_for_selector(MAP_FRAME, state="attached")
    frame = handle.content_frame()
    frame.wait_for_function("() => window.__nkReady === true", timeout=30_000)
    page.wait_for_timeout(300)
    return handle, frame


def drawn(page) -> dict[str, dict]:
    """Marker name → where it is drawn, in page pixels, and whether it is on top at its centre."""
    handle = page.wait_for_selector(MAP_FRAME, state="attached")
    box = handle.bounding_box()
    markers = handle.content_frame().evaluate("""() => {
        const top = {};
        window.map.eachLayer(l => {
            if (l._path && l._point && (l.options.className || '').includes('mine-marker')) {
                const p = window.map.layerPointToContainerPoint(l._point);
                top[l.options.nkid || (l.feature && l.feature.properties.nkid)] = document.elementFromPoint(p.x, p.y) === l._path;
            }
        });
        return window.nkMarkers().map(m => Object.assign(m, {onTop: top[m.id] === true}));
    }""")
    return {m["name"]: {**m, "px": box["x"] + m["x"], "py": box["y"] + m["y"]} for m in markers}


def set_view(frame, center, zoom):
    frame.evaluate("([c, z]) => { window.__nkReady = false; window.map.setView(c, z, {animate: false}); }",
                   [center, zoom])
    frame.wait_for_function("() => window.__nkReady === true", timeout=10_000)


# --------------------------------------------------------------------------- map


def test_the_first_click_after_loading_opens_the_details(server, page, ds):
    """One click, no retry: the map reaches below the window, and focusing it used to scroll the
    page between mousedown and mouseup, so the first click landed nowhere."""
    page.goto(server.url + "/map")
    ready_map(page, len(ds.mines))
    page.wait_for_timeout(1000)  # the page settled, as a user would see it
    musan = drawn(page)["Musan mine"]
    page.mouse.click(musan["px"], musan["py"])
    page.locator(".nk-mine-name", has_text="Musan mine").wait_for(timeout=10_000)
    assert page.blocked == []


@pytest.mark.parametrize("zoom", [5, 6, 7, 9, 12])
def test_mines_on_one_spot_are_apart_and_on_top_at_every_zoom(server, page, ds, zoom):
    page.goto(server.url + "/map")
    _, frame = ready_map(page, len(ds.mines))
    set_view(frame, DAEBONG_POINT, zoom)
    where = drawn(page)
    for a, b in [(ON_ONE_SPOT[0], ON_ONE_SPOT[1]), (ON_ONE_SPOT[0], ON_ONE_SPOT[2]), (ON_ONE_SPOT[1], ON_ONE_SPOT[2])]:
        gap = math.dist((where[a]["x"], where[a]["y"]), (where[b]["x"], where[b]["y"]))
        assert gap >= 13, (zoom, a, b, gap)  # markers of radius 7 (selected 9) do not cover each other
    for name in ON_ONE_SPOT:
        assert where[name]["onTop"], (zoom, name)  # nothing covers its centre: it takes the click


def test_each_mine_on_one_spot_opens_its_own_details(server, page, ds):
    page.goto(server.url + "/map")
    _, frame = ready_map(page, len(ds.mines))
    set_view(frame, DAEBONG_POINT, 6)  # the zoom an analyst opens the map at
    for name in ON_ONE_SPOT:
        target = drawn(page)[name]
        page.mouse.click(target["px"], target["py"])
        page.locator(".nk-mine-name", has_text=name).wait_for(timeout=10_000)
        frame.wait_for_function("() => window.__nkReady === true", timeout=10_000)
        page.wait_for_timeout(300)


def _label_boxes(frame):
    return frame.evaluate("""() => [...document.querySelectorAll('.nk-label')].map(el => {
        const r = el.getBoundingClientRect(); return {text: el.textContent, x: r.x, y: r.y, w: r.width, h: r.height};
    })""")


def test_mines_carry_name_labels_that_never_overlap(server, page, ds):
    page.goto(server.url + "/map")
    _, frame = ready_map(page, len(ds.mines))
    for center, zoom, at_least in [(None, None, 5), (DAEBONG_POINT, 10, 3)]:
        if center:
            set_view(frame, center, zoom)
        boxes = _label_boxes(frame)
        assert len(boxes) >= at_least, boxes
        for i, a in enumerate(boxes):
            for b in boxes[i + 1:]:
                apart = a["x"] + a["w"] <= b["x"] or b["x"] + b["w"] <= a["x"] or \
                    a["y"] + a["h"] <= b["y"] or b["y"] + b["h"] <= a["y"]
                assert apart, (a, b)
    assert set(ON_ONE_SPOT) <= {b["text"] for b in _label_boxes(frame)}  # zoomed in: all three named


def test_the_wheel_scrolls_the_page_until_the_map_is_clicked(server, page, ds):
    page.goto(server.url + "/map")
    handle, frame = ready_map(page, len(ds.mines))
    box = handle.bounding_box()
    zoom = frame.evaluate("() => window.map.getZoom()")
    page.mouse.move(box["x"] + 30, box["y"] + box["height"] - 120)  # over the sea, not a marker
    page.mouse.wheel(0, -400)
    page.wait_for_timeout(600)
    assert frame.evaluate("() => window.map.getZoom()") == zoom
    assert "mouse wheel" in frame.locator(".nk-wheel-hint").inner_text()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + 40)  # on the map, away from markers and legend
    page.mouse.wheel(0, -400)
    frame.wait_for_function(f"() => window.map.getZoom() > {zoom}", timeout=5_000)


def test_choosing_a_mine_in_the_list_moves_the_map_to_it(server, page, ds):
    page.goto(server.url + "/map")
    _, frame = ready_map(page, len(ds.mines))
    frame.evaluate("() => { window.__marker = 'still here'; }")
    picker = page.locator("[data-testid='stSelectbox']").filter(has_text="Find a mine").locator("input")
    picker.click()
    page.keyboard.type("Cholsan")
    page.keyboard.press("Enter")
    page.locator(".nk-mine-name", has_text="Cholsan rare earth mine").wait_for(timeout=15_000)
    frame.wait_for_function("() => { const c = window.map.getCenter();"
                            " return Math.abs(c.lat - 39.73) < 0.01 && Math.abs(c.lng - 124.664) < 0.01; }",
                            timeout=10_000)
    assert frame.evaluate("() => window.map.getZoom()") == 9
    assert frame.evaluate("() => window.__marker") == "still here"  # moved, not remounted


def test_as_of_view_gives_each_mineral_its_status(server, page, ds):
    """Musan on 2 Mar 2017: iron ore still exported, molybdenum halted; the marker says 'mixed'."""
    page.goto(server.url + "/map?mine=musan")
    ready_map(page, len(ds.mines))
    page.get_by_text("As-of view", exact=True).click()
    table = page.locator(".nk-asof-table")
    table.wait_for(timeout=15_000)
    assert "continued" in table.locator("tr[data-mineral='iron_ore']").inner_text()
    assert "halted" in table.locator("tr[data-mineral='molybdenum']").inner_text()
    frame = page.wait_for_selector(MAP_FRAME, state="attached").content_frame()
    frame.wait_for_function("""(colour) => { let ok = false; window.map.eachLayer(l => {
        if (l._path && l.options.nkid === 'musan' && (l.options.className || '').includes('mine-marker'))
            ok = l._path.getAttribute('stroke') === colour; }); return ok; }""",
                            arg=EXPORT_OUTLINES["mixed"], timeout=15_000)


def test_the_details_link_to_the_mines_timeline_and_export(server, page, ds):
    page.goto(server.url + "/map?mine=musan")
    link = page.locator("a.nk-link-timeline")
    link.wait_for(timeout=30_000)
    query = parse_qs(urlparse(link.get_attribute("href")).query)
    assert query["mines"] == ["musan"] and query["mine"] == ["musan"]
    link.click()
    page.get_by_role("heading", name="Timeline").wait_for(timeout=30_000)
    page.get_by_text("at Musan mine").first.wait_for(timeout=30_000)
    expected = Filters(mines=["musan"]).apply(ds.view)
    rows = page.locator("table.nk-table tbody tr")
    rows.first.wait_for(timeout=15_000)
    assert sorted(set(rows.evaluate_all("rs => rs.map(r => r.dataset.eventId)"))) == sorted(set(expected["event_id"]))
    page.goto(server.url + "/map?mine=musan")
    page.locator("a.nk-link-data").click()
    caption = page.get_by_text("rows (one per event × mine × mineral)")
    caption.wait_for(timeout=30_000)
    assert int(caption.inner_text().split()[0]) == len(expected)


# --------------------------------------------------------------------------- exports


def test_csv_opens_in_excel_with_hangul_and_the_xlsx_holds_the_same_rows(server, page, ds):
    from openpyxl import load_workbook

    page.goto(server.url + "/data?mineral=molybdenum")
    page.get_by_text("rows (one per event × mine × mineral)").wait_for(timeout=30_000)
    with page.expect_download(timeout=20_000) as info:
        page.get_by_role("button", name="CSV snapshot").click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert {r["mine_name_ko"] for r in rows if r["mine_id"] == "musan"} == {"무산광산연합기업소"}
    with page.expect_download(timeout=20_000) as info:
        page.get_by_role("button", name="Excel (.xlsx)").click()
    assert info.value.suggested_filename == f"nk-mines-trade-events_v{ds.version}_molybdenum.xlsx"
    wb = load_workbook(io.BytesIO(Path(info.value.path()).read_bytes()))
    assert wb.sheetnames == ["rows", "sources", "about"]
    assert [r[0] for r in list(wb["rows"].values)[1:]] == [r["event_id"] for r in rows]
    about = dict(wb["about"].values)
    assert about["version"] == ds.version and about["filter"] == "molybdenum"
    assert page.blocked == []


# --------------------------------------------------------------------------- sanctions


def test_sanctions_take_a_typed_date_on_enter_and_show_names(server, page):
    page.goto(server.url + "/sanctions")
    page.get_by_text("Check a mineral on a day").wait_for(timeout=30_000)
    mineral = page.locator("[data-testid='stSelectbox']").filter(has_text="Mineral").locator("input")
    mineral.click()
    page.keyboard.type("Iron ore")
    page.keyboard.press("Enter")
    page.locator(".nk-check-status", has_text="Iron ore").wait_for(timeout=15_000)
    day = page.locator("[data-testid='stTextInput']").filter(has_text="On (").locator("input")
    day.fill("2017-08-05")
    day.press("Enter")
    status = page.locator(".nk-check-status", has_text="5 Aug 2017")
    status.wait_for(timeout=15_000)
    assert "banned" in status.inner_text()
    check = page.locator(".nk-sanction-check").inner_text()
    assert "UNSCR 2371" in check
    assert "iron_ore" not in check and "UNSCR-" not in check  # names, not ids


# --------------------------------------------------------------------------- timeline


def _x_axis(page):
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    axis = chart.locator("[aria-label^='X-axis']").first
    axis.wait_for(timeout=30_000)
    return axis


def test_timeline_dates_in_one_format_and_zoom(server, page):
    page.goto(server.url + "/timeline")
    axis = _x_axis(page)
    labels = [t for t in axis.locator("text").all_text_contents() if t.strip()]
    assert len(labels) >= 3
    month_year, day_month_year = r"^[A-Z][a-z]{2} \d{4}$", r"^\d{1,2} [A-Z][a-z]{2} \d{4}$"
    assert all(re.match(month_year, t) for t in labels) or all(re.match(day_month_year, t) for t in labels), labels
    before = axis.get_attribute("aria-label")
    box = page.locator("[data-testid='stVegaLiteChart']").first.locator("svg").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.6)
    for _ in range(4):
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(150)
    page.wait_for_function("(before) => { const a = document.querySelector(\"[data-testid='stVegaLiteChart'] "
                           "[aria-label^='X-axis']\"); return a && a.getAttribute('aria-label') !== before; }",
                           arg=before, timeout=5_000)
    labels = [t for t in _x_axis(page).locator("text").all_text_contents() if t.strip()]
    assert all(re.match(month_year, t) for t in labels) or all(re.match(day_month_year, t) for t in labels), labels


@pytest.mark.parametrize("span", ["since=2017-01-01&until=2017-07-31", "since=2017-01-01&until=2017-04-20",
                                  "since=2017-01-01&until=2017-04-05", ""])
def test_timeline_names_each_month_once(server, page, span):
    # the fifty-eighth trial: a span of some months was labelled "Jan 2010, Jan 2010, Jan 2010, Feb 2010, Feb 2010 …"
    page.set_viewport_size({"width": 1920, "height": 1000})  # a wide screen: more ticks than months
    page.goto(server.url + "/timeline" + (f"?{span}" if span else ""))
    labels = [t for t in _x_axis(page).locator("text").all_text_contents() if t.strip()]
    assert len(labels) >= 2 and len(labels) == len(set(labels)), labels


def test_timeline_search_keeps_the_events_with_those_words(server, page, ds):
    page.goto(server.url + "/timeline")
    _x_axis(page)  # the page drawn before typing, as a user would
    box = page.locator("[data-testid='stMain'] [data-testid='stTextInput']").filter(has_text="Search events")
    box.locator("input").fill("musan HALT")
    box.locator("input").press("Enter")
    page.get_by_text("matching “musan HALT”").first.wait_for(timeout=30_000)
    expected = Filters(text="musan HALT").apply(ds.view)
    assert set(expected["event_id"]) == {"musan-molybdenum-halt-2017"}
    rows = page.locator("table.nk-table tbody tr")
    assert sorted(set(rows.evaluate_all("rs => rs.map(r => r.dataset.eventId)"))) == ["musan-molybdenum-halt-2017"]
    page.wait_for_function("() => location.search.includes('q=musan')", timeout=10_000)


# --------------------------------------------------------------------------- phone


def test_on_a_phone_the_legend_leaves_the_map_visible(server, phone, ds):
    phone.goto(server.url + "/map")
    handle, frame = ready_map(phone, len(ds.mines))
    assert frame.evaluate("() => document.querySelector('.mines-legend details').open") is False
    legend = frame.locator(".mines-legend").bounding_box()
    area = handle.bounding_box()
    assert legend["width"] * legend["height"] < 0.08 * area["width"] * area["height"]
    frame.locator(".mines-legend summary").click()  # still there on demand
    assert frame.evaluate("() => document.querySelector('.mines-legend details').open") is True


def test_on_a_phone_the_timeline_keeps_its_plot(server, phone):
    phone.goto(server.url + "/timeline")
    axis = _x_axis(phone)
    chart = phone.locator("[data-testid='stVegaLiteChart']").first.bounding_box()
    plot = axis.bounding_box()
    assert plot["width"] >= 0.5 * chart["width"], (plot, chart)  # lane names do not eat the width
    y_labels = phone.locator("[data-testid='stVegaLiteChart']").first.locator("[aria-label^='Y-axis'] text")
    widths = y_labels.evaluate_all("ts => ts.map(t => t.getBoundingClientRect().width)")
    assert widths and max(widths) <= 125


def test_each_lanes_marks_sit_beside_its_label(server, page):
    # the fifty-fourth trial: every lane's marks sat about one row above its name (with a yOffset channel Vega-Lite drew
    # them at the top of a band while the labels stood at its middle), so "not tied to a mine" read as another lane's
    page.goto(server.url + "/timeline?mineral=molybdenum&mineral=cobalt&since=2017-01-01&until=2017-12-31")
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    chart.locator("[aria-roledescription='point']").first.wait_for(timeout=30_000)
    centre = "(e => { const r = e.getBoundingClientRect(); return r.top + r.height / 2; })"
    labels = chart.locator("[aria-label^='Y-axis'] text").evaluate_all(
        f"ts => ts.map(t => [t.textContent, {centre}(t)])")
    marks = chart.locator("[aria-roledescription='point']").evaluate_all(
        f"ps => ps.map(p => [p.getAttribute('aria-label'), {centre}(p)])")
    assert len(labels) >= 2 and marks
    step = min(abs(a[1] - b[1]) for a, b in zip(labels, labels[1:], strict=False))
    for aria, y in marks:
        lane = re.search(r"lane: (.*?); y_offset: (-?[\d.]+)", aria)
        if lane is None or float(lane.group(2)) != 0:
            continue  # (a mark drawn above another of its lane is offset on purpose)
        name, nearest = min(labels, key=lambda t: abs(t[1] - y))
        assert lane.group(1).startswith(name.rstrip("…")), (lane.group(1), name)
        assert abs(nearest - y) < step / 3, (lane.group(1), nearest, y)
