"""Folium maps of North Korea's mines and border crossings (pure folium: no Streamlit here).

The page builds the map in two parts so that filtering and selecting never remount it:

* :func:`build_base_map` -- everything that stays put: the offline vector basemap (country
  outlines), border crossings, legend, scale bar and layer control. Its JavaScript must not
  change between reruns, or st_folium remounts the map and the user loses the view.
* :func:`mine_layer` -- the mines as one ``folium.FeatureGroup``, passed to
  ``st_folium(..., feature_group_to_add=...)``; st_folium swaps it in place.

A click comes back from st_folium as ``{"last_object_clicked": {"lat": .., "lng": ..},
"last_object_clicked_tooltip": "..."}``; :func:`resolve_click` turns that into a mine_id.

Everything from data is HTML-escaped with :func:`escape_html` before it reaches HTML (tooltip
text is pasted by folium into a JavaScript template literal, so backticks, ``$`` and
backslashes are turned into entities as well). The map loads no CDN and no tile server unless
``online_tiles=True`` is asked for (and even then the tile layer is off until switched on).
"""

from __future__ import annotations

import copy
import json
import math
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import folium
import numpy as np
import pandas as pd
from branca.element import MacroElement
from folium.template import Template

from geo import assets
from geo.details import esc as escape_html  # the one HTML escaper; also safe for JS and Jinja

# --------------------------------------------------------------------------- constants

#: Marker outline by the latest reported export status (as-of view); halted is also dashed.
EXPORT_OUTLINES = {"halted": "#7a0019", "continued": "#1b4d89"}

#: Okabe–Ito colour-blind-safe palette, one fixed colour per primary mineral.
MINERAL_COLOURS: dict[str, str] = {
    "iron_ore": "#D55E00",  # vermillion
    "copper": "#E69F00",  # orange
    "rare_earths": "#CC79A7",  # reddish purple
    "tungsten": "#0072B2",  # blue
    "molybdenum": "#56B4E9",  # sky blue
    "magnesia": "#009E73",  # bluish green
    "cobalt": "#000000",  # black
    "zinc": "#F0E442",  # yellow (markers get a dark edge so it stays visible)
}
#: Colour for any mineral without a fixed colour (and for mines with no mineral).
OTHER_COLOUR = "#999999"
#: Default legend labels; the page may pass its own (they are escaped either way).
MINERAL_LABELS: dict[str, str] = {
    "iron_ore": "Iron ore",
    "copper": "Copper",
    "rare_earths": "Rare earths",
    "tungsten": "Tungsten",
    "molybdenum": "Molybdenum",
    "magnesia": "Magnesia",
    "cobalt": "Cobalt",
    "zinc": "Zinc",
}

#: Uncertainty radius (km) used when a mine's uncertainty_km is missing.
DEFAULT_UNCERTAINTY_KM: dict[str, float] = {
    "site": 1,
    "town": 5,
    "county": 15,
    "province": 50,
    "approximate": 25,
}
#: Precisions drawn as a filled marker; anything else is hollow with an uncertainty ring.
EXACT_PRECISIONS = frozenset({"site", "town"})

#: Above this many mines, :func:`mine_layer` draws GeoJson layers (markers, rings) with
#: per-feature styles instead of one folium object per mine. Same look, clicks and tooltips,
#: about 10x cheaper: folium compiles a Jinja template per element, so st_folium's
#: feature-group step costs ~1 ms per separate mine (0.2 s at 200, 2 s at 2,000, measured
#: on 2 cores) against ~0.03 s at 300 and ~0.7 s at 10,000 as GeoJson. The page rebuilds the
#: layer on every interaction, hence the low threshold.
LARGE_LAYER_THRESHOLD = 200
#: Above this many mines, :func:`mine_layer` sends one compact JSON array (coordinates
#: rounded to 5 decimals, i.e. about 1 m; a table of distinct styles; escaped names) and a
#: small script that draws a Leaflet circle marker with its tooltip per mine: 10,000 mines
#: cost ~0.5 MB and ~0.1 s instead of ~2.3 MB and ~0.9 s as GeoJson. Same clicks, tooltips,
#: faded/selected styles and export outlines; uncertainty rings and the restricted ring are
#: not drawn at that scale (they would cover the map).
COMPACT_LAYER_THRESHOLD = 2000

#: A marker click is matched to mines within this distance of the reported position. Leaflet
#: reports the marker's own coordinates for circle markers of radius <= 10 px (all markers
#: here), so this only absorbs float noise; it stays well below the distance between
#: distinct places (the Hyesan crossing is 0.6 km from Hyesan town).
CLICK_TOLERANCE_KM = 0.1

#: Initial view: the northern half of the Korean peninsula, [[south, west], [north, east]].
NORTH_KOREA_BOUNDS = [[37.5, 123.5], [43.5, 131.0]]
NORTH_KOREA_ID = "408"
DEFAULT_BASEMAP_PATH = Path(__file__).resolve().parent.parent / "data" / "basemap.geojson"

_SEA_COLOUR = "#d6e4ee"
_LAND_STYLE = {"color": "#8a8a8a", "weight": 0.8, "fillColor": "#f3f1ec", "fillOpacity": 1}
_DPRK_STYLE = {"color": "#4a4a4a", "weight": 1.8, "fillColor": "#fffdf5", "fillOpacity": 1}
_LEGEND_WIDTH_PX = 215
_MARKER_RADIUS = 7
_SELECTED_RADIUS = 9  # must stay <= 10 px, see CLICK_TOLERANCE_KM
_FADED_RADIUS = 5
_EARTH_RADIUS_KM = 6371.0088


# --------------------------------------------------------------------------- small helpers


def mineral_colour(mineral_id: Any) -> str:
    """The marker colour for a mineral id (grey for anything without a fixed colour)."""
    return MINERAL_COLOURS.get(str(mineral_id), OTHER_COLOUR) if mineral_id else OTHER_COLOUR


def primary_mineral(minerals: Any) -> str | None:
    """First mineral id of a mine's ``minerals`` list (None if empty or missing)."""
    if isinstance(minerals, str):
        return minerals or None
    if minerals is None or isinstance(minerals, float):  # missing / NaN
        return None
    try:
        items = list(minerals)
    except TypeError:
        return None
    return str(items[0]) if items else None


def is_exact(precision: Any) -> bool:
    """site/town precision: drawn filled, no ring."""
    return str(precision) in EXACT_PRECISIONS


def uncertainty_km(value: Any, precision: Any) -> float:
    """The ring radius in km: the mine's own value, else the default for its precision."""
    try:
        km = float(value)
    except (TypeError, ValueError):
        km = math.nan
    if math.isnan(km) or km <= 0:
        km = float(
            DEFAULT_UNCERTAINTY_KM.get(str(precision), DEFAULT_UNCERTAINTY_KM["approximate"])
        )
    return km


def mine_tooltip_text(name: Any, precision: Any) -> str:
    """Plain text of a mine's tooltip, as st_folium returns it (used to disambiguate clicks)."""
    text = "" if name is None or (isinstance(name, float) and math.isnan(name)) else str(name)
    if not is_exact(precision):
        text += " (approximate location)"
    return " ".join(text.split())


def _mine_tooltip_html(name: Any, precision: Any) -> str:
    suffix = "" if is_exact(precision) else ' <span class="tt-approx">(approximate location)</span>'
    return f"<b>{escape_html(name)}</b>{suffix}"


def render_html(m: folium.Map) -> str:
    """The complete standalone HTML page of a map (for tests and benchmarks)."""
    return m.get_root().render()


def load_basemap(path: Path | str = DEFAULT_BASEMAP_PATH) -> dict:
    """Read the country-outline GeoJSON shipped in data/basemap.geojson."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


# --------------------------------------------------------------------------- base map


class _Legend(MacroElement):
    """A Leaflet control holding pre-escaped legend HTML, plus the map's CSS."""

    _template = Template(
        """
        {% macro header(this, kwargs) %}
        <style>{{ this.css }}</style>
        {% endmacro %}
        {% macro script(this, kwargs) %}
        (function () {
            var legend = L.control({position: "bottomleft"});
            legend.onAdd = function () {
                var div = L.DomUtil.create("div", "mines-legend");
                div.innerHTML = {{ this.legend_html|tojson }};
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, legend_html: str, css: str):
        super().__init__()
        self._name = "Legend"
        self.legend_html = legend_html
        self.css = css


_CSS = f"""
.leaflet-container {{ background: {_SEA_COLOUR}; }}
.leaflet-overlay-pane > svg {{ pointer-events: none; }}  /* let clicks reach lower panes */
.mines-legend {{ background: rgba(255,255,255,.93); padding: 4px 8px; border-radius: 5px;
  box-shadow: 0 1px 4px rgba(0,0,0,.35); font: 11px/1.3 system-ui, sans-serif; color: #222;
  width: {_LEGEND_WIDTH_PX - 30}px; }}
.mines-legend summary {{ cursor: pointer; font-weight: 600; }}
.mines-legend .grid {{ display: grid; grid-template-columns: 1fr 1fr; column-gap: 6px; }}
.mines-legend .row {{ display: flex; align-items: center; gap: 4px; margin: 0; }}
.mines-legend svg {{ flex: none; }}
.mines-legend hr {{ border: 0; border-top: 1px solid #ddd; margin: 4px 0; }}
path.mine-marker {{ filter: drop-shadow(0 0 .6px rgba(0,0,0,.85)); }}
path.mine-marker.many {{ filter: none; }}  /* a filter on thousands of paths slows every frame */
.crossing-marker .crossing-icon {{ width: 8px; height: 8px; margin: 1px; background: #fff;
  border: 2px solid #222; transform: rotate(45deg); box-sizing: border-box; }}
.tt-approx {{ color: #555; }}
"""


def _legend_html(mineral_labels: Mapping[str, str] | None) -> str:
    labels = {**MINERAL_LABELS, **(mineral_labels or {})}

    def dot(fill: str, stroke: str, opacity: float = 1.0, ring: bool = False) -> str:
        ring_svg = (
            '<circle cx="10" cy="8" r="7" fill="none" stroke="#555" stroke-width="1" '
            'stroke-dasharray="3 2"/>'
            if ring
            else ""
        )
        return (
            f'<svg width="20" height="16" aria-hidden="true">{ring_svg}'
            f'<circle cx="10" cy="8" r="4.5" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="{2 if ring else 1}" opacity="{opacity}"/></svg>'
        )

    rows = ['<details open><summary>Legend: primary mineral</summary><div class="grid">']
    for mineral_id, colour in [*MINERAL_COLOURS.items(), ("", OTHER_COLOUR)]:
        label = labels.get(mineral_id, mineral_id.replace("_", " ")) if mineral_id else "Other"
        rows.append(f'<div class="row">{dot(colour, "#222")}{escape_html(label)}</div>')
    rows += [
        "</div><hr>",
        f'<div class="row">{dot("#777", "#222")}exact site or town</div>',
        f'<div class="row">{dot("#fff", "#555", ring=True)}approximate location '
        "(ring = uncertainty radius)</div>",
        f'<div class="row">{dot("#777", "#222", opacity=0.3)}outside the filter</div>',
        '<div class="row"><svg width="20" height="16" aria-hidden="true">'
        '<rect x="6" y="4" width="8" height="8" fill="#fff" stroke="#222" stroke-width="2" '
        'transform="rotate(45 10 8)"/></svg>border crossing (export route)</div>',
        "<hr><div class=\"row\"><b>On the as-of date</b></div>",
        '<div class="row"><svg width="20" height="16" aria-hidden="true"><circle cx="10" cy="8" r="5" '
        f'fill="#777" stroke="{EXPORT_OUTLINES["halted"]}" stroke-width="2.5" stroke-dasharray="2 2"/></svg>'
        "exports reported halted</div>",
        '<div class="row"><svg width="20" height="16" aria-hidden="true"><circle cx="10" cy="8" r="5" '
        f'fill="#777" stroke="{EXPORT_OUTLINES["continued"]}" stroke-width="2.5"/></svg>'
        "exports reported continuing</div>",
        '<div class="row"><svg width="20" height="16" aria-hidden="true"><circle cx="10" cy="8" r="7" '
        'fill="none" stroke="#111" stroke-width="1.5" stroke-dasharray="1 2"/></svg>'
        "a mineral banned (even with exemption), capped or suspended</div>",
        "</details>",
    ]
    return "".join(rows)


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
) -> folium.Map:
    """The static part of the map: outlines, crossings, legend, scale bar, layer control.

    ``basemap`` is the GeoJSON dict of data/basemap.geojson (or a GeoDataFrame of it).
    ``crossings`` a GeoDataFrame (crossing_id, name, location_precision, geometry) or None.
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

    # The outlines sit below the tile pane: if online tiles are switched on they cover them.
    folium.map.CustomPane("basemap", z_index=150, pointer_events=False).add_to(m)
    folium.GeoJson(
        _basemap_geojson(basemap),
        name="Country outlines",
        control=False,
        interactive=False,
        pane="basemap",
        attribution="Outlines: Natural Earth",
    ).add_to(m)

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
    # leave a strip on the left for the legend so it does not hide the west coast mines
    m.fit_bounds(
        NORTH_KOREA_BOUNDS, padding_top_left=(_LEGEND_WIDTH_PX, 8), padding_bottom_right=(8, 8)
    )
    return m


# --------------------------------------------------------------------------- mine layer


def _marker_style(colour: str, exact: bool, active: bool, selected: bool) -> dict:
    if exact:
        style = {"color": "#222222", "weight": 1, "fillColor": colour, "fillOpacity": 0.9}
    else:  # hollow look; the white fill keeps the whole disc clickable
        style = {"color": colour, "weight": 2.5, "fillColor": "#ffffff", "fillOpacity": 0.85}
    style.update(radius=_MARKER_RADIUS, opacity=1.0, fill=True)
    if selected:
        style.update(radius=_SELECTED_RADIUS, weight=3.5 if not exact else 2.5)
        if exact:
            style["color"] = "#000000"
    elif not active:
        style.update(radius=_FADED_RADIUS, opacity=0.3, fillOpacity=0.2)
    return style


def _mine_records(
    mines: Any, active_ids: Iterable[str] | None, selected_id: str | None, hide_inactive: bool,
    states: Mapping[str, Mapping[str, Any]] | None = None,
) -> list[dict]:
    """One plain dict per drawable mine, in drawing order (faded, active, selected last)."""
    active = None if active_ids is None else {str(i) for i in active_ids}
    records = []
    columns = mines.columns
    for row, point in zip(mines.itertuples(index=False), mines.geometry, strict=True):
        if point is None or point.is_empty:
            continue
        mine_id = str(row.mine_id)
        is_active = active is None or mine_id in active
        if not is_active and hide_inactive:
            continue
        precision = row.location_precision if "location_precision" in columns else "approximate"
        mineral = primary_mineral(row.minerals if "minerals" in columns else None)
        records.append(
            {
                "mine_id": mine_id,
                "lat": point.y,
                "lng": point.x,
                "name": row.name if "name" in columns else mine_id,
                "precision": precision,
                "exact": is_exact(precision),
                "colour": mineral_colour(mineral),
                "km": uncertainty_km(getattr(row, "uncertainty_km", None), precision),
                "active": is_active,
                "selected": selected_id is not None and mine_id == str(selected_id),
                "export": (states or {}).get(mine_id, {}).get("export_status"),
                "restricted": bool((states or {}).get(mine_id, {}).get("restricted")),
            }
        )
    records.sort(key=lambda r: (r["selected"], r["active"]))  # stable: keeps data order
    return records


def mine_layer(
    mines: Any,
    *,
    active_ids: Iterable[str] | None = None,
    selected_id: str | None = None,
    hide_inactive: bool = False,
    states: Mapping[str, Mapping[str, Any]] | None = None,
) -> folium.FeatureGroup:
    """The mines as one FeatureGroup, for ``st_folium(feature_group_to_add=...)``.

    Circle marker per mine coloured by primary mineral: site/town filled; county, province and
    approximate hollow with a dashed ring of the uncertainty radius (``uncertainty_km`` or
    :data:`DEFAULT_UNCERTAINTY_KM`). Mines not in ``active_ids`` (None = all active) are faded,
    or left out with ``hide_inactive``. ``selected_id`` gets a larger marker and a dark halo.
    Rings and halo are non-interactive, so clicks always reach the marker. Above
    :data:`LARGE_LAYER_THRESHOLD` mines the same picture is drawn with GeoJson layers.

    ``states`` (mine_id → {"export_status": "halted" | "continued" | None, "restricted": bool},
    see :func:`geo.asof.mine_states`) styles each mine as of a day: the outline says whether its
    exports were last reported halted (dashed) or continuing (solid), and a dotted outer ring
    marks a mineral under a ban, cap or suspension. Only drawn below the threshold.
    """
    group = folium.FeatureGroup(name="Mines", control=False)
    if len(mines) > COMPACT_LAYER_THRESHOLD:
        _add_compact_layer(group, mines, active_ids, selected_id, hide_inactive, states)
        if len(group._children):
            return group
    records = _mine_records(mines, active_ids, selected_id, hide_inactive, states)
    if len(records) > LARGE_LAYER_THRESHOLD:
        _add_large_layer(group, records)
        return group

    for r in records:  # rings underneath every marker
        if r["exact"] or not r["active"]:
            continue
        ring = folium.Circle([r["lat"], r["lng"]], radius=r["km"] * 1000)
        ring.options.update(_ring_style(r), interactive=False)
        ring.add_to(group)
    for r in records:
        if r["selected"]:
            _halo(r).add_to(group)
        if r["restricted"] and r["active"]:
            _restricted_ring(r).add_to(group)
        style = _marker_style(r["colour"], r["exact"], r["active"], r["selected"])
        if r["export"] in EXPORT_OUTLINES and r["active"]:
            style.update(color=EXPORT_OUTLINES[r["export"]], weight=3)
            if r["export"] == "halted":
                style["dashArray"] = "3 3"
        folium.CircleMarker(
            [r["lat"], r["lng"]],
            tooltip=folium.Tooltip(_mine_tooltip_html(r["name"], r["precision"])),
            class_name="mine-marker",
            **_folium_style(style),
        ).add_to(group)
    return group


def _folium_style(style: dict) -> dict:
    extra = {"dash_array": style["dashArray"]} if style.get("dashArray") else {}
    return {
        **extra,
        "radius": style["radius"],
        "color": style["color"],
        "weight": style["weight"],
        "opacity": style["opacity"],
        "fill": True,
        "fill_color": style["fillColor"],
        "fill_opacity": style["fillOpacity"],
    }


def _restricted_ring(r: dict) -> folium.CircleMarker:
    ring = folium.CircleMarker([r["lat"], r["lng"]], radius=_MARKER_RADIUS + 4, color="#111111",
                               weight=1.5, fill=False, dash_array="1 3")
    ring.options.update(interactive=False)
    return ring


def _halo(r: dict) -> folium.CircleMarker:
    halo = folium.CircleMarker(
        [r["lat"], r["lng"]], radius=_SELECTED_RADIUS + 5, color="#111111", weight=2.5, fill=False
    )
    halo.options.update(interactive=False)
    return halo


def _ring_style(r: dict) -> dict:
    return {
        "radius": r["km"] * 1000,  # metres
        "color": r["colour"],
        "weight": 2 if r["selected"] else 1.2,
        "opacity": 0.9,
        "dashArray": "6 5",
        "fill": True,
        "fillColor": r["colour"],
        "fillOpacity": 0.06,
    }


def _points(records: list[dict], properties) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [r["lng"], r["lat"]]},
                "properties": properties(r),
            }
            for r in records
        ],
    }


def _add_large_layer(group: folium.FeatureGroup, records: list[dict]) -> None:
    """Many mines: a few GeoJson layers with per-feature styles instead of one object each.

    folium compiles a Jinja template per element it renders, so thousands of separate
    markers cost seconds; a GeoJson layer is one element whatever its size. Properties hold
    only the style and the escaped tooltip HTML (no other data text).
    """
    rings = [r for r in records if r["active"] and not r["exact"]]
    if rings:
        ring = folium.Circle(radius=1000)
        ring.options.update(interactive=False)
        folium.GeoJson(
            _points(rings, lambda r: {"style": _ring_style(r)}), marker=ring, control=False
        ).add_to(group)
    for r in records:
        if r["selected"]:
            _halo(r).add_to(group)
    folium.GeoJson(
        _points(
            records,
            lambda r: {
                "tooltip": _mine_tooltip_html(r["name"], r["precision"]),
                "style": _marker_style(r["colour"], r["exact"], r["active"], r["selected"]),
            },
        ),
        name="Mines",
        control=False,
        marker=folium.CircleMarker(radius=_MARKER_RADIUS, class_name="mine-marker"),
        tooltip=folium.GeoJsonTooltip(fields=["tooltip"], labels=False),
    ).add_to(group)


class _CompactMines(MacroElement):
    """Mines as one JSON payload drawn by a loop of ``L.circleMarker`` (see COMPACT_LAYER_THRESHOLD).

    The payload holds only numbers, style dicts and names already escaped by
    :func:`escape_html` (so no ``{{``, ``<`` or backtick can reach the page or Jinja).
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var d = {{ this.payload }};
            var group = {{ this._parent.get_name() }};
            var approx = ' <span class="tt-approx">(approximate location)</span>';
            // one canvas for all: thousands of SVG paths take seconds to lay out and paint
            var renderer = L.canvas({padding: 0.5});
            for (var i = 0; i < d.lat.length; i++) {
                var st = d.styles[d.style[i]];
                var m = L.circleMarker([d.lat[i], d.lng[i]],
                                       Object.assign({className: "mine-marker many", renderer: renderer}, st.o));
                m.bindTooltip("<b>" + d.name[i] + "</b>" + (st.exact ? "" : approx), {sticky: true});
                group.addLayer(m);
            }
        })();
        {% endmacro %}
        """
    )

    def __init__(self, payload: str):
        super().__init__()
        self._name = "CompactMines"
        self.payload = payload


def _add_compact_layer(
    group: folium.FeatureGroup, mines: Any, active_ids: Iterable[str] | None, selected_id: str | None,
    hide_inactive: bool, states: Mapping[str, Mapping[str, Any]] | None,
) -> None:
    """Vectorised over the mines (no Python object per mine but its escaped name)."""
    geoms = mines.geometry
    keep = ~(geoms.isna() | geoms.is_empty).to_numpy()
    ids = mines["mine_id"].astype(str).to_numpy()
    active = (np.ones(len(mines), dtype=bool) if active_ids is None  # hashed isin: np.isin on text is slow
              else pd.Series(ids).isin({str(i) for i in active_ids}).to_numpy())
    if hide_inactive:
        keep &= active
    if keep.sum() <= COMPACT_LAYER_THRESHOLD:
        return  # the caller draws the few that are left one by one
    precision = (mines["location_precision"].astype(str).to_numpy() if "location_precision" in mines.columns
                 else np.full(len(mines), "approximate"))
    exact = pd.Series(precision).isin(EXACT_PRECISIONS).to_numpy()
    primary = mines["minerals"].map(primary_mineral) if "minerals" in mines.columns else pd.Series(None, index=mines.index)
    colour = primary.map(mineral_colour).to_numpy()
    selected = ids == str(selected_id) if selected_id is not None else np.zeros(len(mines), dtype=bool)
    export = (pd.Series(ids).map({k: (v or {}).get("export_status") for k, v in states.items()}).to_numpy()
              if states else np.full(len(mines), None))
    names = mines["name"].to_numpy() if "name" in mines.columns else ids
    order = np.flatnonzero(keep)
    order = order[np.argsort(selected[order] * 2 + active[order], kind="stable")]  # faded, active, selected
    keys = pd.Series(list(zip(colour[order], exact[order], active[order], selected[order], export[order],
                              strict=True)))
    codes, uniques = pd.factorize(keys)
    table = []
    for colour_, exact_, active_, selected_, export_ in uniques:
        style = _marker_style(colour_, bool(exact_), bool(active_), bool(selected_))
        if export_ in EXPORT_OUTLINES and active_:
            style.update(color=EXPORT_OUTLINES[export_], weight=3)
            if export_ == "halted":
                style["dashArray"] = "3 3"
        table.append({"o": style, "exact": bool(exact_)})
    for i in np.flatnonzero(selected[order]):
        j = order[i]
        _halo({"lat": geoms.iloc[j].y, "lng": geoms.iloc[j].x}).add_to(group)
    payload = {
        "lat": np.round(geoms.y.to_numpy()[order], 5).tolist(),
        "lng": np.round(geoms.x.to_numpy()[order], 5).tolist(),
        "style": codes.tolist(),
        "styles": table,
        "name": [escape_html(n) for n in names[order]],
    }
    text = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    if "{{" in text or "{%" in text or "{#" in text:  # cannot happen: names are escaped
        raise ValueError("the compact mine layer would be read as a Jinja template")
    _CompactMines(text).add_to(group)


# --------------------------------------------------------------------------- clicks


def _haversine_km(lat: float, lng: float, lats: np.ndarray, lngs: np.ndarray) -> np.ndarray:
    p1, p2 = math.radians(lat), np.radians(lats)
    dp, dl = p2 - p1, np.radians(lngs - lng)
    a = np.sin(dp / 2) ** 2 + math.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0, 1)))


def resolve_click(
    returned: Mapping[str, Any] | None,
    mines: Any,
    *,
    tolerance_km: float = CLICK_TOLERANCE_KM,
) -> str | None:
    """The mine_id a st_folium click refers to, or None.

    Uses ``returned["last_object_clicked"]`` ({"lat", "lng"}: the clicked marker's own
    position) to find the mines within ``tolerance_km``. When several mines share the point,
    or something else (a border crossing) sits on it, ``last_object_clicked_tooltip`` -- the
    tooltip's plain text -- decides: the mine whose tooltip matches wins; if the tooltip
    matches none of them the click was not on a mine and None is returned. Without a tooltip
    the nearest mine wins (ties: the first in ``mines``). So ask st_folium for both:
    ``returned_objects=["last_object_clicked", "last_object_clicked_tooltip"]``.
    """
    if not returned or mines is None or len(mines) == 0:
        return None
    clicked = returned.get("last_object_clicked")
    if not isinstance(clicked, Mapping):
        return None
    try:
        lat, lng = float(clicked["lat"]), float(clicked["lng"])
    except (KeyError, TypeError, ValueError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lng)):
        return None
    lng = (lng + 180.0) % 360.0 - 180.0  # Leaflet may report wrapped longitudes

    geoms = mines.geometry
    valid = ~(geoms.isna() | geoms.is_empty).to_numpy()
    lats = np.where(valid, geoms.y.to_numpy(dtype=float, na_value=np.nan), np.nan)
    lngs = np.where(valid, geoms.x.to_numpy(dtype=float, na_value=np.nan), np.nan)
    distances = _haversine_km(lat, lng, lats, lngs)
    near = np.flatnonzero(np.nan_to_num(distances, nan=np.inf) <= tolerance_km)
    if near.size == 0:
        return None
    near = near[np.argsort(distances[near], kind="stable")]

    tooltip = returned.get("last_object_clicked_tooltip")
    if isinstance(tooltip, str) and tooltip.strip():
        wanted = " ".join(tooltip.split())
        names = mines["name"].to_numpy() if "name" in mines.columns else None
        precisions = (
            mines["location_precision"].to_numpy()
            if "location_precision" in mines.columns
            else np.full(len(mines), "approximate")
        )
        for i in near:
            name = names[i] if names is not None else mines["mine_id"].iloc[i]
            if mine_tooltip_text(name, precisions[i]) == wanted:
                return str(mines["mine_id"].iloc[i])
        return None
    return str(mines["mine_id"].iloc[int(near[0])])
