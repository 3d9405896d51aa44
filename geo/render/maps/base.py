"""The static part of the map: offline basemap (country outlines), border crossings, legend, scale bar, layer control.

Its JavaScript must not change between reruns, or st_folium remounts the map and the user loses the view."""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import folium

from geo.render import assets
from geo.render.html import esc as escape_html
from geo.render.maps.interact import MapBehaviour
from geo.render.maps.legend import _CSS, _LEGEND_WIDTH_PX, _Legend, _legend_html

#: Initial view: the northern half of the Korean peninsula, [[south, west], [north, east]].
NORTH_KOREA_BOUNDS = [[37.5, 123.5], [43.5, 131.0]]


NORTH_KOREA_ID = "408"


DEFAULT_BASEMAP_PATH = Path(__file__).resolve().parents[3] / "data" / "basemap.geojson"




_LAND_STYLE = {"color": "#8a8a8a", "weight": 0.8, "fillColor": "#f3f1ec", "fillOpacity": 1}


_DPRK_STYLE = {"color": "#4a4a4a", "weight": 1.8, "fillColor": "#fffdf5", "fillOpacity": 1}


def render_html(m: folium.Map) -> str:
    """The complete standalone HTML page of a map (for tests and benchmarks)."""
    return m.get_root().render()


def load_basemap(path: Path | str = DEFAULT_BASEMAP_PATH) -> dict:
    """Read the country-outline GeoJSON shipped in data/basemap.geojson."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _basemap_geojson(basemap: Any) -> dict:
    if hasattr(basemap, "__geo_interface__"):
        if hasattr(basemap, "to_crs") and getattr(basemap, "crs", None) is not None:
            basemap = basemap.to_crs("EPSG:4326")
        data = json.loads(json.dumps(basemap.__geo_interface__))
    else:
        data = copy.deepcopy(basemap)
    for feature in data.get("features", []):
        props = feature.get("properties") or {}
        is_dprk = str(props.get("country_id", "")) == NORTH_KOREA_ID
        # the layer is not interactive: keep only the style (no data text reaches the page)
        feature["properties"] = {"style": dict(_DPRK_STYLE if is_dprk else _LAND_STYLE)}
    return data


_PROVINCE_STYLE = {"color": "#9a9a9a", "weight": 0.8, "fill": False, "dashArray": "4 3"}


_RIVER_STYLE = {"color": "#4a90c8", "weight": 1.6, "opacity": 0.9}


def _styled_lines(collection: Any, style: dict) -> dict:
    """A copy of a GeoJSON FeatureCollection whose properties hold only the style (the layer is
    not interactive: no data text reaches the page)."""
    data = copy.deepcopy(collection or {})
    for feature in data.get("features", []):
        feature["properties"] = {"style": dict(style)}
    return {"type": "FeatureCollection", "features": data.get("features", [])}


def _outline_layers(provinces: Any, rivers: Any) -> list[folium.FeatureGroup]:
    """Province boundaries and border rivers: thin lines under the markers, toggleable, not clickable."""
    layers = []
    for name, collection, style in (("Province boundaries", provinces, _PROVINCE_STYLE),
                                    ("Border rivers (Yalu, Tumen)", rivers, _RIVER_STYLE)):
        if not collection or not collection.get("features"):
            continue
        group = folium.FeatureGroup(name=name, show=True)
        folium.GeoJson(_styled_lines(collection, style), interactive=False, pane="outlines",
                       style_function=_feature_style).add_to(group)
        layers.append(group)
    return layers


def _feature_style(feature: dict) -> dict:
    return feature["properties"]["style"]


def _crossing_layer(crossings: Any, show: bool) -> folium.FeatureGroup:
    group = folium.FeatureGroup(name="Border crossings", show=show)
    if crossings is None or len(crossings) == 0:
        return group
    icon_html = '<div class="crossing-icon"></div>'
    for row, point in zip(crossings.itertuples(index=False), crossings.geometry, strict=True):
        if point is None or point.is_empty:
            continue
        precision = getattr(row, "location_precision", "")
        tooltip = (
            f"<b>{escape_html(getattr(row, 'name', ''))}</b> <br>"
            f"border crossing · location: {escape_html(precision)}"
        )
        folium.Marker(
            [point.y, point.x],
            icon=folium.DivIcon(
                html=icon_html, icon_size=(12, 12), icon_anchor=(6, 6), class_name="crossing-marker"
            ),
            tooltip=folium.Tooltip(tooltip),
            pane="crossings",
        ).add_to(group)
    return group


def build_base_map(
    basemap: Any,
    crossings: Any = None,
    *,
    show_crossings: bool = True,
    online_tiles: bool = False,
    mineral_labels: Mapping[str, str] | None = None,
    provinces: Any = None,
    rivers: Any = None,
) -> folium.Map:
    """The static part of the map: outlines, crossings, legend, scale bar, layer control.

    ``basemap`` is the GeoJSON dict of data/basemap.geojson (or a GeoDataFrame of it).
    ``crossings`` a GeoDataFrame (crossing_id, name, location_precision, geometry) or None.
    ``provinces`` and ``rivers`` are the GeoJSON dicts of data/province_boundaries.geojson and
    data/rivers.geojson (drawn as toggleable lines over the outlines, under everything else).
    ``online_tiles`` adds an OpenStreetMap layer, switched off until the user enables it; the
    map is complete without it. Assets are local (:mod:`geo.assets`): no CDN is referenced.
    """
    (south, west), (north, east) = NORTH_KOREA_BOUNDS
    m = folium.Map(
        location=[(south + north) / 2, (west + east) / 2],
        zoom_start=6,
        tiles=None,
        control_scale=True,
        min_zoom=4,
        max_zoom=16,
        zoom_snap=0.25,  # fit the peninsula tightly instead of a whole zoom level
    )
    assets.make_offline(m)
    # Nothing on this map uses jQuery: not loading it saves one sequential script load before the map draws.
    m.default_js = [(name, url) for name, url in m.default_js if name != "jquery"]

    # The outlines sit below the tile pane: if online tiles are switched on they cover them.
    folium.map.CustomPane("basemap", z_index=150, pointer_events=False).add_to(m)
    folium.GeoJson(
        _basemap_geojson(basemap),
        name="Country outlines",
        control=False,
        interactive=False,
        pane="basemap",
        attribution="Outlines, provinces, rivers: Natural Earth",
    ).add_to(m)

    # above the tiles (z 200) and below the markers (overlay pane, z 400); never takes a click
    folium.map.CustomPane("outlines", z_index=350, pointer_events=False).add_to(m)
    for layer in _outline_layers(provinces, rivers):
        layer.add_to(m)

    if online_tiles:
        folium.TileLayer(
            "OpenStreetMap", name="OpenStreetMap tiles (online)", overlay=True, show=False
        ).add_to(m)

    if crossings is not None:
        # below the mines (overlay pane, z 400): where they overlap, the mine gets the click
        folium.map.CustomPane("crossings", z_index=390, pointer_events=True).add_to(m)
        _crossing_layer(crossings, show_crossings).add_to(m)

    _Legend(_legend_html(mineral_labels), _CSS).add_to(m)
    folium.LayerControl(collapsed=False).add_to(m)
    MapBehaviour().add_to(m)  # before fit_bounds: on a phone it drops the legend's strip
    # leave a strip on the left for the legend so it does not hide the west coast mines (on a phone
    # the legend starts collapsed and the map script drops the strip)
    m.fit_bounds(
        NORTH_KOREA_BOUNDS, padding_top_left=(_LEGEND_WIDTH_PX, 8), padding_bottom_right=(8, 8)
    )
    return m
