"""The offline-assets set-up step and the local URLs folium is given."""

from __future__ import annotations

import tomllib
from pathlib import Path

import folium
import pytest
from folium.plugins import MarkerCluster

from geo.render import assets

REPO = Path(__file__).resolve().parent.parent


def test_install_copies_real_files(tmp_path):
    paths = assets.install(tmp_path)
    vendor = tmp_path / "static" / "vendor"
    expected = {
        "leaflet/leaflet.js",
        "leaflet/leaflet.css",
        "leaflet/images/layers.png",
        "jquery/jquery.min.js",
        "leaflet.markercluster/leaflet.markercluster.js",
        "leaflet.markercluster/MarkerCluster.css",
        "leaflet.markercluster/MarkerCluster.Default.css",
    }
    installed = {p.relative_to(vendor).as_posix() for p in paths}
    assert expected <= installed
    assert all(p.is_file() and p.stat().st_size > 0 for p in paths)
    assert "Leaflet 1.9.3" in (vendor / "leaflet/leaflet.js").read_text(encoding="utf-8")[:500]
    assert "jQuery v3.7.1" in (vendor / "jquery/jquery.min.js").read_text(encoding="utf-8")[:200]
    assert assets.missing(tmp_path) == []


def test_install_is_idempotent(tmp_path):
    first = assets.install(tmp_path)
    mtimes = {p: p.stat().st_mtime_ns for p in first}
    second = assets.install(tmp_path)
    assert second == first
    assert {p: p.stat().st_mtime_ns for p in second} == mtimes


def test_install_repairs_a_damaged_file(tmp_path):
    assets.install(tmp_path)
    target = tmp_path / "static/vendor/leaflet/leaflet.js"
    target.write_text("broken", encoding="utf-8")
    assets.install(tmp_path)
    assert target.stat().st_size > 100_000


def test_missing_lists_what_is_not_installed(tmp_path):
    gone = assets.missing(tmp_path)
    assert tmp_path / "static/vendor/leaflet/leaflet.js" in gone


def test_missing_package_gives_a_clear_error(tmp_path, monkeypatch):
    broken = assets._Source("xstatic.pkg.does_not_exist", "xstatic-nothing==1", files=())
    monkeypatch.setattr(assets, "_SOURCES", (*assets._SOURCES, broken))
    with pytest.raises(assets.AssetsError, match="pip install xstatic-nothing==1"):
        assets.install(tmp_path)


def test_cli_prints_what_it_installed(tmp_path, capsys):
    assert assets.main(["--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "static/vendor/leaflet/leaflet.js" in out
    assert (tmp_path / "static/vendor/jquery/jquery.min.js").is_file()


def test_default_lists_point_to_streamlit_static_urls():
    urls = [u for _, u in assets.map_default_js() + assets.map_default_css()]
    urls += [u for _, u in assets.markercluster_default_js() + assets.markercluster_default_css()]
    assert all(u.startswith("/app/static/vendor/") for u in urls)
    assert "/app/static/vendor/leaflet/leaflet.js" in urls


def test_urls_match_installed_layout(tmp_path):
    assets.install(tmp_path)
    lists = assets.map_default_js() + assets.map_default_css()
    lists += assets.markercluster_default_js() + assets.markercluster_default_css()
    for _, url in lists:
        relative = url.removeprefix("/app/")
        assert (tmp_path / relative).is_file(), url


def test_make_offline_map_and_cluster_render_without_cdn():
    m = assets.make_offline(folium.Map(tiles=None))
    cluster = assets.make_offline(MarkerCluster())
    cluster.add_to(m)
    html = m.get_root().render()
    assert 'src="/app/static/vendor/leaflet/leaflet.js"' in html
    assert "leaflet.markercluster.js" in html
    for bad in ("https://", "http://", "bootstrap", "awesome", "fontawesome"):
        assert bad not in html.lower()
    # folium's own class-level defaults are untouched
    assert folium.Map.default_js[0][1].startswith("https://")


def test_make_offline_rejects_unknown_elements():
    with pytest.raises(TypeError):
        assets.make_offline(folium.FeatureGroup())


def test_streamlit_config_enables_static_serving():
    config = tomllib.loads((REPO / ".streamlit/config.toml").read_text(encoding="utf-8"))
    assert config["server"]["enableStaticServing"] is True
    assert config["browser"]["gatherUsageStats"] is False
