"""The mines as one FeatureGroup for ``st_folium(feature_group_to_add=...)``: one marker per mine, GeoJson layers above
:data:`LARGE_LAYER_THRESHOLD` mines, one compact canvas layer above :data:`COMPACT_LAYER_THRESHOLD`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

import folium
import numpy as np
import pandas as pd
from branca.element import MacroElement
from folium.template import Template

from geo.render.html import esc as escape_html
from geo.render.maps.style import (
    _MARKER_RADIUS,
    _SELECTED_RADIUS,
    EXACT_PRECISIONS,
    EXPORT_DASHES,
    EXPORT_OUTLINES,
    _folium_style,
    _marker_style,
    _mine_tooltip_html,
    _ring_style,
    is_exact,
    primary_mineral,
    uncertainty_km,
)
from geo.render.palette import mineral_colour

#: Above this many mines, :func:`mine_layer` draws GeoJson layers (markers, rings) with
#: per-feature styles instead of one folium object per mine. Same look, clicks and tooltips,
#: about 10x cheaper: folium compiles a Jinja template per element, so st_folium's
#: feature-group step costs ~1 ms per separate mine (0.2 s at 200, 2 s at 2,000, measured
#: on 2 cores) against ~0.03 s at 300 and ~0.7 s at 10,000 as GeoJson. The page rebuilds the
#: layer on every interaction (a click on a mine included), hence the low threshold: the 54 mines
#: of the record cost 0.2 s as separate objects, under 0.02 s as GeoJson.
LARGE_LAYER_THRESHOLD = 20


#: Above this many mines, :func:`mine_layer` sends one compact JSON array (coordinates
#: rounded to 5 decimals, i.e. about 1 m; a table of distinct styles; escaped names) and a
#: small script that draws a Leaflet circle marker with its tooltip per mine: 10,000 mines
#: cost ~0.5 MB and ~0.1 s instead of ~2.3 MB and ~0.9 s as GeoJson. Same clicks, tooltips,
#: faded/selected styles and export outlines; uncertainty rings and the restricted ring are
#: not drawn at that scale (they would cover the map).
COMPACT_LAYER_THRESHOLD = 2000


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
                "lat": float(point.y),
                "lng": float(point.x),
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
        style = _export_style(r)
        marker = folium.CircleMarker(
            [r["lat"], r["lng"]],
            tooltip=folium.Tooltip(_mine_tooltip_html(r["name"], r["precision"])),
            class_name="mine-marker",
            **_folium_style(style),
        )
        marker.options.update(nkid=r["mine_id"])  # ties the halo and rings to the marker when spread
        marker.add_to(group)
    return group


def _export_style(r: dict) -> dict:
    """The marker's style, with the as-of outline: dashed dark red if exports were last reported
    halted, solid blue if continuing."""
    style = _marker_style(r["colour"], r["exact"], r["active"], r["selected"])
    if r["export"] in EXPORT_OUTLINES and r["active"]:
        style.update(color=EXPORT_OUTLINES[r["export"]], weight=3)
        if r["export"] in EXPORT_DASHES:
            style["dashArray"] = EXPORT_DASHES[r["export"]]
    return style


def _restricted_ring(r: dict) -> folium.CircleMarker:
    ring = folium.CircleMarker([r["lat"], r["lng"]], radius=_MARKER_RADIUS + 4, color="#111111",
                               weight=1.5, fill=False, dash_array="1 3")
    ring.options.update(interactive=False, nkid=r["mine_id"])
    return ring


def _halo(r: dict) -> folium.CircleMarker:
    halo = folium.CircleMarker(
        [r["lat"], r["lng"]], radius=_SELECTED_RADIUS + 5, color="#111111", weight=2.5, fill=False
    )
    halo.options.update(interactive=False, nkid=r.get("mine_id"))
    return halo


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
    restricted = [r for r in records if r["restricted"] and r["active"]]
    if restricted:  # as-of view: a dotted ring round a mine with a mineral under a ban, cap or suspension
        ring = folium.CircleMarker(radius=_MARKER_RADIUS + 4)
        ring.options.update(interactive=False)
        folium.GeoJson(
            _points(restricted, lambda r: {"nkid": r["mine_id"], "style": {
                "radius": _MARKER_RADIUS + 4, "color": "#111111", "weight": 1.5, "fill": False, "dashArray": "1 3"}}),
            marker=ring, control=False,
        ).add_to(group)
    folium.GeoJson(
        _points(
            records,
            lambda r: {
                "tooltip": _mine_tooltip_html(r["name"], r["precision"]),
                "nkid": r["mine_id"],
                "style": _export_style(r),
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
            if export_ in EXPORT_DASHES:
                style["dashArray"] = EXPORT_DASHES[export_]
        table.append({"o": style, "exact": bool(exact_)})
    for i in np.flatnonzero(selected[order]):
        j = order[i]
        _halo({"lat": geoms.iloc[j].y, "lng": geoms.iloc[j].x, "mine_id": ids[j]}).add_to(group)
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
