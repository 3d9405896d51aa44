"""geo.render.maps: what an analyst (or a reviewer) would check on the rendered map."""

from __future__ import annotations

import json
import re

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point
from streamlit_folium import _get_feature_group_string

from geo.render import maps

XSS = "<img src=x onerror=alert(1)>"
XSS_ESCAPED = "&lt;img src=x onerror=alert(1)&gt;"

# mine_id, name, minerals, precision, uncertainty_km, lat, lon
MINES = [
    ("musan", "Musan mine", ["iron_ore"], "site", np.nan, 42.23194, 129.26917),
    ("hyesan", "Hyesan Youth Copper Mine", ["copper", "zinc"], "site", np.nan, 41.36417, 128.15667),
    ("hoeryong", "Hoeryong", ["cobalt"], "town", np.nan, 42.44113, 129.74601),
    ("daebong", "Daebong mine", ["tungsten"], "approximate", 8.0, 41.45, 128.25),
    ("ryongyang", "Ryongyang mine", ["magnesia"], "approximate", np.nan, 40.8, 128.9),
    ("taehung", "Taehung mine", ["magnesia"], "approximate", np.nan, 40.8, 128.9),  # same point
    ("cholsan", XSS, ["rare_earths"], "county", np.nan, 39.73, 124.664),
]
APPROXIMATE = {"daebong", "ryongyang", "taehung", "cholsan"}


@pytest.fixture
def mines():
    return gpd.GeoDataFrame(
        {
            "mine_id": [m[0] for m in MINES],
            "name": [m[1] for m in MINES],
            "name_ko": ["무산광산", "혜산청년광산", "", "", "룡양광산", "", ""],
            "aliases": [[] for _ in MINES],
            "province": "",
            "county": "",
            "minerals": [m[2] for m in MINES],
            "location_precision": [m[3] for m in MINES],
            "uncertainty_km": [m[4] for m in MINES],
            "location_note": "",
            "source_ids": [["rfa-2017-03-02"] for _ in MINES],
        },
        geometry=[Point(m[6], m[5]) for m in MINES],
        crs="EPSG:4326",
    )


@pytest.fixture
def crossings():
    rows = [
        ("dandong", "Dandong–Sinuiju", "site", 40.11452, 124.39300),
        ("changbai", "Changbai–Hyesan", "site", 41.4069, 128.1750),
        ("sanhe", "Sanhe–Hoeryong <b>", "town", 42.44113, 129.74601),  # proxy: Hoeryong town
    ]
    return gpd.GeoDataFrame(
        {
            "crossing_id": [r[0] for r in rows],
            "name": [r[1] for r in rows],
            "location_precision": [r[2] for r in rows],
            "location_note": "",
        },
        geometry=[Point(r[4], r[3]) for r in rows],
        crs="EPSG:4326",
    )


@pytest.fixture
def basemap():
    return maps.load_basemap()


@pytest.fixture(params=["markers", "geojson"])
def mode(request, monkeypatch):
    """Run a test with one folium object per mine and with the large (GeoJson) layer."""
    if request.param == "geojson":
        monkeypatch.setattr(maps.layers, "LARGE_LAYER_THRESHOLD", 0)
    return request.param


def full_html(basemap, crossings, layer) -> str:
    m = maps.build_base_map(basemap, crossings)
    layer.add_to(m)
    return maps.render_html(m)


def marker_styles(layer: folium.FeatureGroup) -> dict[str, dict]:
    """Style of each mine marker, keyed by tooltip text (either representation)."""
    out = {}
    for child in layer._children.values():
        if isinstance(child, folium.CircleMarker) and child.options.get("className"):
            tooltip = next(iter(child._children.values())).text
            out[tooltip] = {**child.options, "location": child.location}
        elif isinstance(child, folium.GeoJson) and "tooltip" in str(child.data)[:2000]:
            for f in child.data["features"]:
                out[f["properties"]["tooltip"]] = {
                    **f["properties"]["style"],
                    "location": f["geometry"]["coordinates"][::-1],
                }
    return out


def ring_radii(layer: folium.FeatureGroup) -> list[float]:
    """Uncertainty-ring radii in metres (either representation)."""
    out = []
    for child in layer._children.values():
        if type(child) is folium.Circle:
            assert child.options["dashArray"] == "6 5"
            out.append(float(child.options["radius"]))
        elif isinstance(child, folium.GeoJson) and isinstance(child.marker, folium.Circle):
            out += [float(f["properties"]["style"]["radius"]) for f in child.data["features"]]
    return sorted(out)


def by_name(styles: dict, name: str) -> dict:
    hits = [v for k, v in styles.items() if f"<b>{name}</b>" in k]
    assert len(hits) == 1, (name, list(styles))
    return hits[0]


# --------------------------------------------------------------------------- palette, helpers


def test_palette_is_okabe_ito_with_grey_fallback():
    okabe_ito = {"#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7"}
    okabe_ito.add("#000000")
    assert set(maps.MINERAL_COLOURS.values()) <= okabe_ito
    assert len(set(maps.MINERAL_COLOURS.values())) == len(maps.MINERAL_COLOURS) == 8
    for mineral in ("rare_earths", "iron_ore", "copper", "tungsten", "molybdenum"):
        assert maps.mineral_colour(mineral) == maps.MINERAL_COLOURS[mineral]
    for mineral in ("magnesia", "cobalt", "zinc"):
        assert maps.mineral_colour(mineral) == maps.MINERAL_COLOURS[mineral]
    assert maps.mineral_colour("gold") == maps.mineral_colour(None) == maps.OTHER_COLOUR


def test_default_uncertainty_used_when_missing():
    assert maps.DEFAULT_UNCERTAINTY_KM == {
        "site": 1,
        "town": 5,
        "county": 15,
        "province": 50,
        "approximate": 25,
    }
    assert maps.uncertainty_km(np.nan, "province") == 50
    assert maps.uncertainty_km(None, "county") == 15
    assert maps.uncertainty_km(8.0, "approximate") == 8.0


def test_escape_html_neutralises_html_js_and_jinja():
    assert maps.escape_html(XSS) == XSS_ESCAPED
    escaped = maps.escape_html("a`${x}\\{{ 7*7 }}'\"")
    assert not set("`${}\\'\"<>") & set(escaped)
    assert maps.escape_html(None) == maps.escape_html(float("nan")) == ""


# --------------------------------------------------------------------------- offline page


def test_base_map_is_offline_and_uses_local_leaflet(basemap, crossings, mines):
    page = full_html(basemap, crossings, maps.mine_layer(mines))
    assert '<script src="/app/static/vendor/leaflet/leaflet.js"></script>' in page
    assert "/app/static/vendor/leaflet/leaflet.css" in page
    urls = re.findall(r'<(?:script|link)\b[^>]*(?:src|href)="([^"]+)"', page)
    assert urls and all(u.startswith("/app/static/vendor/") for u in urls), urls
    assert "http://" not in page.replace('http-equiv="content-type"', "")
    assert "https://" not in page
    for cdn_only in ("bootstrap", "awesome-markers", "fontawesome", "L.tileLayer"):
        assert cdn_only not in page


def test_online_tiles_are_opt_in_and_off_by_default(basemap, crossings):
    page = maps.render_html(maps.build_base_map(basemap, crossings, online_tiles=True))
    assert "L.tileLayer" in page and "tile.openstreetmap.org" in page
    # overlay that is not added to the map until switched on in the layer control
    tile_var = re.search(r"var (tile_layer_\w+) = L\.tileLayer", page).group(1)
    assert f"{tile_var}.addTo(" not in page
    assert "OpenStreetMap tiles (online)" in page


def test_base_map_has_outlines_legend_scale_and_view(basemap, crossings):
    m = maps.build_base_map(basemap, crossings)
    page = maps.render_html(m)
    assert "L.control.scale" in page
    assert "L.control.layers" in page
    assert "mines-legend" in page and "approximate location" in page
    assert "Rare earths" in page and "outside the filter" in page
    assert '"interactive": false' in page  # outlines do not catch clicks
    assert page.count('"fillColor": "#fffdf5"') == 1  # North Korea emphasised
    bounds = json.loads(re.search(r"fitBounds\(\s*(\[\[.*?\]\])", page).group(1))
    assert bounds == [[37.5, 123.5], [43.5, 131.0]]


def test_legend_labels_are_escaped(basemap):
    m = maps.build_base_map(basemap, None, mineral_labels={"copper": "<script>x</script>"})
    page = maps.render_html(m)
    assert "<script>x</script>" not in page
    # HTML-escaped in Python, then JSON-encoded into the script (& -> \u0026)
    assert "\\u0026lt;script\\u0026gt;x\\u0026lt;/script\\u0026gt;" in page


def test_crossings_are_a_toggleable_layer_with_escaped_tooltips(basemap, crossings):
    page = maps.render_html(maps.build_base_map(basemap, crossings))
    assert page.count("L.marker(") == 3
    assert "Border crossings" in page
    assert "Sanhe–Hoeryong &lt;b&gt;" in page and "Sanhe–Hoeryong <b>" not in page
    assert "location: town" in page
    hidden = maps.render_html(maps.build_base_map(basemap, crossings, show_crossings=False))
    group = re.search(r'"Border crossings" : (feature_group_\w+)', hidden).group(1)
    assert f"{group}.addTo(" not in hidden


def test_basemap_can_be_a_geodataframe():
    gdf = gpd.read_file(maps.DEFAULT_BASEMAP_PATH)
    page = maps.render_html(maps.build_base_map(gdf, None))
    assert page.count('"fillColor": "#fffdf5"') == 1


# --------------------------------------------------------------------------- mine layer


def test_one_circle_marker_per_mine(basemap, crossings, mines):
    page = full_html(basemap, crossings, maps.mine_layer(mines))
    assert page.count('"className": "mine-marker"') == len(mines)
    assert page.count("L.circleMarker(") == len(mines)  # no selection: no halo
    assert page.count(".bindTooltip(") == len(mines) + 3  # mines + crossings


def test_names_are_escaped_never_raw(basemap, crossings, mines, mode):
    page = full_html(basemap, crossings, maps.mine_layer(mines))
    assert "<img" not in page
    if mode == "markers":
        assert f"<b>{XSS_ESCAPED}</b>" in page
    else:  # inside the GeoJson data, JSON-encoded on top of the HTML escaping
        assert "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in page


def test_jinja_in_names_is_not_evaluated(basemap, mines, mode):
    mines.loc[0, "name"] = "{{ 'QXZ'.lower() }}{% if true %}-evaluated-{% endif %}"
    page = full_html(basemap, None, maps.mine_layer(mines))
    assert "&#123;&#123; &#x27;QXZ&#x27;.lower() &#125;&#125;" in page or (
        "\\u0026#123;\\u0026#123; \\u0026#x27;QXZ" in page
    )
    assert "qxz" not in page  # would be the output of .lower()
    assert "%&#125;-evaluated-&#123;%" in page or "%\\u0026#125;-evaluated-" in page


def test_approximate_mines_are_hollow_with_a_dashed_ring(mines, mode):
    layer = maps.mine_layer(mines)
    styles = marker_styles(layer)
    assert len(styles) == len(mines)
    musan, daebong = by_name(styles, "Musan mine"), by_name(styles, "Daebong mine")
    assert musan["fillColor"] == maps.MINERAL_COLOURS["iron_ore"]
    assert (
        daebong["fillColor"] == "#ffffff" and daebong["color"] == maps.MINERAL_COLOURS["tungsten"]
    )
    assert ring_radii(layer) == [8000.0, 15000.0, 25000.0, 25000.0]  # own, county, approx x2
    page = maps.render_html(folium.Map(tiles=None).add_child(layer))
    assert "(approximate location)" in page
    assert page.count("(approximate location)") == len(APPROXIMATE)


def test_rings_never_catch_clicks(mines, mode):
    layer = maps.mine_layer(mines)
    page = maps.render_html(folium.Map(tiles=None).add_child(layer))
    if mode == "markers":
        rings = [c for c in layer._children.values() if type(c) is folium.Circle]
        assert len(rings) == len(APPROXIMATE)
        assert all(r.options["interactive"] is False for r in rings)
    else:
        assert re.search(
            r'var opts = \{[^}]*"interactive": false,\s*\};\s*return new L.circle\(', page
        )


def test_mines_outside_the_filter_are_faded_or_hidden(mines, mode):
    active = {"musan", "daebong"}
    styles = marker_styles(maps.mine_layer(mines, active_ids=active))
    assert len(styles) == len(mines)
    assert by_name(styles, "Musan mine")["opacity"] == 1.0
    assert by_name(styles, "Daebong mine")["opacity"] == 1.0
    assert by_name(styles, "Hoeryong")["opacity"] < 0.5
    assert by_name(styles, "Taehung mine")["fillOpacity"] < 0.5
    assert ring_radii(maps.mine_layer(mines, active_ids=active)) == [8000.0]  # active only

    hidden = marker_styles(maps.mine_layer(mines, active_ids=active, hide_inactive=True))
    assert len(hidden) == 2
    assert maps.mine_layer(mines, active_ids=[], hide_inactive=True)._children == {}


def test_selected_mine_is_highlighted_and_drawn_on_top(mines, mode):
    layer = maps.mine_layer(mines, selected_id="hyesan")
    styles = marker_styles(layer)
    hyesan, musan = by_name(styles, "Hyesan Youth Copper Mine"), by_name(styles, "Musan mine")
    assert hyesan["radius"] > musan["radius"] and hyesan["weight"] > musan["weight"]
    assert hyesan["radius"] <= 10  # Leaflet reports a marker's own lat/lng only up to 10 px
    halos = [
        c
        for c in layer._children.values()
        if isinstance(c, folium.CircleMarker) and c.options.get("interactive") is False
    ]
    assert len(halos) == 1 and halos[0].location == [41.36417, 128.15667]
    assert list(styles)[-1].startswith("<b>Hyesan")  # last drawn = on top


def test_feature_group_string_for_st_folium(basemap, crossings, mines, mode):
    """What st_folium sends as `feature_group` (the layer swapped in without a remount)."""
    m = maps.build_base_map(basemap, crossings)
    script = _get_feature_group_string(maps.mine_layer(mines, selected_id="musan"), m)
    assert "map_div.addLayer(feature_group_feature_group_0)" in script
    assert "<img" not in script and "bindTooltip" in script


def test_base_map_script_does_not_depend_on_the_mine_layer(basemap, crossings, mines):
    """st_folium remounts when the main script changes; selection must not change it."""
    from streamlit_folium import _get_map_string, generate_js_hash

    def main_hash(selected):
        m = maps.build_base_map(basemap, crossings)
        m.get_root().render()
        maps.mine_layer(mines, selected_id=selected)  # built separately, as the page does
        return generate_js_hash(_get_map_string(m), "map")

    assert main_hash(None) == main_hash("musan")


# --------------------------------------------------------------------------- clicks


def click(lat, lng, tooltip=None):
    returned = {"last_object_clicked": {"lat": lat, "lng": lng}}
    if tooltip is not None:
        returned["last_object_clicked_tooltip"] = tooltip
    return returned


def test_resolve_click_at_a_mine(mines):
    assert maps.resolve_click(click(42.23194, 129.26917), mines) == "musan"
    assert maps.resolve_click(click(42.23194, 129.26917, "Musan mine"), mines) == "musan"
    assert maps.resolve_click(click(39.73, 124.664, f"  {XSS} (approximate location) "), mines) == (
        "cholsan"
    )


def test_resolve_click_far_away_or_nothing(mines):
    assert maps.resolve_click(click(40.0, 127.0), mines) is None
    assert maps.resolve_click(click(42.2329, 129.26917), mines) is None  # ~110 m off
    assert maps.resolve_click(None, mines) is None
    assert maps.resolve_click({}, mines) is None
    assert maps.resolve_click({"last_object_clicked": None}, mines) is None
    assert maps.resolve_click({"last_object_clicked": {"lat": "x"}}, mines) is None
    assert maps.resolve_click(click(42.23194, 129.26917), mines.iloc[0:0]) is None


def test_mines_sharing_a_point_each_resolve_by_their_tooltip(mines):
    """Taehung and Ryongyang share one stored point: both markers keep it (the browser spreads them
    in pixels, see test_browser_analyst), a click reports it, and the tooltip tells them apart."""
    drawn = {m["mine_id"]: (m["lat"], m["lng"]) for m in _records(mines)}
    assert drawn["taehung"] == drawn["ryongyang"] == (40.8, 128.9)
    assert maps.resolve_click(click(40.8, 128.9, "Taehung mine (approximate location)"), mines) == "taehung"
    assert maps.resolve_click(click(40.8, 128.9, "Ryongyang mine (approximate location)"), mines) == "ryongyang"


def test_focus_view_moves_to_a_mine_and_each_request_differs(mines):
    center, zoom = maps.focus_view(mines, "musan", 1, zoom=9)
    assert zoom == 9 and center[0] == pytest.approx(42.23194) and center[1] == pytest.approx(129.26917)
    assert maps.focus_view(mines, "musan", 2)[0] != center  # picking it again moves the map again
    assert maps.focus_view(mines, None) == (None, None) and maps.focus_view(mines, "nope") == (None, None)


def _records(mines):
    from geo.render.maps.layers import _mine_records

    return _mine_records(mines, None, None, False)


def test_resolve_click_on_a_crossing_at_a_mine_point_is_not_a_mine(mines):
    # the Sanhe–Hoeryong crossing uses Hoeryong town as proxy, like the Hoeryong mine
    tooltip = "Sanhe–Hoeryong <b> border crossing · location: town"
    assert maps.resolve_click(click(42.44113, 129.74601, tooltip), mines) is None
    assert maps.resolve_click(click(42.44113, 129.74601, "Hoeryong"), mines) == "hoeryong"


def test_resolve_click_tolerates_wrapped_longitude_and_bad_geometry(mines):
    assert maps.resolve_click(click(42.23194, 129.26917 - 360), mines) == "musan"
    mines.loc[1, "geometry"] = None
    assert maps.resolve_click(click(41.36417, 128.15667), mines) is None
    assert maps.resolve_click(click(42.23194, 129.26917), mines) == "musan"


def test_tooltip_text_matches_what_resolve_click_expects(mines):
    """The tooltip HTML, reduced to text as the browser does, equals mine_tooltip_text."""
    import html as html_module

    for _, row in mines.iterrows():
        markup = maps._mine_tooltip_html(row["name"], row["location_precision"])
        text = html_module.unescape(re.sub(r"<[^>]+>", "", markup))
        assert " ".join(text.split()) == maps.mine_tooltip_text(
            row["name"], row["location_precision"]
        )


# --------------------------------------------------------------------------- scale


def test_large_inputs_switch_to_the_cheap_layer(basemap):
    n = maps.LARGE_LAYER_THRESHOLD + 1
    rng = np.random.default_rng(1)
    many = gpd.GeoDataFrame(
        {
            "mine_id": [f"m{i}" for i in range(n)],
            "name": [f"Mine {i}" for i in range(n)],
            "minerals": [["copper"]] * n,
            "location_precision": ["site", "county"] * (n // 2) + ["site"] * (n % 2),
            "uncertainty_km": np.nan,
        },
        geometry=gpd.points_from_xy(rng.uniform(124, 130, n), rng.uniform(38, 43, n)),
        crs="EPSG:4326",
    )
    layer = maps.mine_layer(many, selected_id="m5")
    page = maps.render_html(maps.build_base_map(basemap, None).add_child(layer))
    assert page.count("L.geoJson(") == 3  # outlines, rings, markers
    assert page.count('"className": "mine-marker"') == 1  # one template, not one per mine
    assert len(marker_styles(layer)) == n
    assert len(ring_radii(layer)) == n // 2
    point = many.geometry.iloc[6]
    assert maps.resolve_click(click(point.y, point.x, "Mine 6"), many) == "m6"


def _many_mines(n: int) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(2)
    return gpd.GeoDataFrame(
        {
            "mine_id": [f"m{i}" for i in range(n)],
            "name": [f"Mine {i}" if i else XSS for i in range(n)],
            "minerals": [["copper"], ["zinc", "copper"]] * (n // 2),
            "location_precision": ["site", "county"] * (n // 2),
            "uncertainty_km": np.nan,
        },
        geometry=gpd.points_from_xy(rng.uniform(124, 130, n), rng.uniform(38, 43, n)),
        crs="EPSG:4326",
    )


def test_very_large_inputs_are_one_compact_layer(basemap):
    n = maps.COMPACT_LAYER_THRESHOLD + 2
    many = _many_mines(n)
    active = [f"m{i}" for i in range(0, n, 3)]
    layer = maps.mine_layer(many, active_ids=active, selected_id="m6")
    m = maps.build_base_map(basemap, None)
    script = _get_feature_group_string(layer, m)
    assert script.count("L.circleMarker(") == 2  # the loop, and the selected mine's halo
    assert "<img" not in script and "&lt;img" in script  # names escaped
    payload = json.loads(re.search(r"var d = (\{.*?\});\n", script).group(1))
    assert len(payload["lat"]) == n
    styles = [payload["styles"][k]["o"] for k in payload["style"]]
    names = payload["name"]
    assert names[-1] == "Mine 6" and styles[-1]["radius"] == maps._SELECTED_RADIUS  # drawn last
    assert styles[names.index("Mine 1")]["opacity"] < 0.5  # not in the filter: faded
    assert styles[names.index("Mine 3")]["opacity"] == 1.0
    assert not payload["styles"][payload["style"][names.index("Mine 3")]]["exact"]  # county: approximate
    i = names.index("Mine 9")
    assert maps.resolve_click(click(payload["lat"][i], payload["lng"][i], "Mine 9 (approximate location)"),
                              many) == "m9"
    assert len(script.encode()) < 60 * n  # compact: tens of bytes per mine


def test_the_map_script_keeps_the_first_click_and_the_page_wheel(basemap, crossings):
    """What the browser tests check, in the page: focus without scrolling, the wheel off until a
    click, overlapping markers spread, labels, the legend collapsed on a phone; no jQuery."""
    page = maps.render_html(maps.build_base_map(basemap, crossings))
    assert "focus({preventScroll: true})" in page
    assert "map_scroll_wheel" not in page and ".scrollWheelZoom.disable()" in page
    assert "window.nkMarkers" in page and "nk-labels" in page and "removeAttribute('open')" in page
    assert "jquery" not in page.lower()


def test_the_record_sized_layer_is_one_geojson_with_mine_ids(mines):
    from geo.render.maps.layers import LARGE_LAYER_THRESHOLD

    many = pd.concat([mines] * (LARGE_LAYER_THRESHOLD // len(mines) + 1), ignore_index=True)
    many["mine_id"] = [f"m{i}" for i in range(len(many))]
    layer = maps.mine_layer(many, selected_id="m3")
    markers = [c for c in layer._children.values() if isinstance(c, folium.GeoJson) and "tooltip" in str(c.data)[:2000]]
    assert len(markers) == 1
    assert [f["properties"]["nkid"] for f in markers[0].data["features"]][-1] == "m3"  # selected drawn last
