"""Province boundaries and border rivers on the map (issue 14): shipped, credited, offline."""

import json
import re
from pathlib import Path

from geo.package.validate import validate_package
from geo.render.maps import build_base_map, load_basemap, render_html

DATA = Path(__file__).resolve().parents[1] / "data"


def _load(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def test_record_ships_provinces_and_border_rivers():
    provinces = _load("province_boundaries.geojson")
    names = {f["properties"]["name"] for f in provinces["features"]}
    assert {"North Hamgyong", "Ryanggang", "Chagang", "North Pyongan", "Pyongyang", "Rason"} <= names
    rivers = {f["properties"]["name_alt"]: f for f in _load("rivers.geojson")["features"]}
    assert set(rivers) == {"Amnok", "Tuman"}
    # the Yalu reaches the sea near Sinuiju, the Tumen near Rason
    yalu = rivers["Amnok"]["geometry"]["coordinates"]
    assert min(p[0] for p in yalu) < 124.6


def test_map_draws_provinces_and_rivers_without_any_url():
    m = build_base_map(load_basemap(), None, provinces=_load("province_boundaries.geojson"),
                       rivers=_load("rivers.geojson"))
    html = render_html(m)
    assert "Province boundaries" in html and "Border rivers (Yalu, Tumen)" in html
    assert "#4a90c8" in html and "#9a9a9a" in html  # the river and province line colours
    assert '"outlines"' in html
    assert re.findall(r"https?://", html) == []  # offline: nothing is fetched


def test_map_without_the_layers_has_no_empty_toggles():
    html = render_html(build_base_map(load_basemap(), None))
    assert "Province boundaries" not in html


def test_river_resource_rejects_a_polygon(tmp_path):
    import shutil
    shutil.copytree(DATA, tmp_path / "pkg")
    rivers = _load("rivers.geojson")
    rivers["features"][0]["geometry"] = {"type": "Polygon", "coordinates": [[[125, 40], [126, 40], [126, 41], [125, 40]]]}
    (tmp_path / "pkg" / "rivers.geojson").write_text(json.dumps(rivers), encoding="utf-8")
    out = validate_package(tmp_path / "pkg")
    assert any("LineString" in p.reason for p in out.problems)
