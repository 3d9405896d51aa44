"""Marker styling shared by the layers, the legend and click matching: colours, precision, uncertainty rings, tooltip text."""

from __future__ import annotations

import math
from typing import Any

from geo.render.html import esc as escape_html

_SEA_COLOUR = "#d6e4ee"
#: Marker outline by the latest reported export status (as-of view); halted is also dashed; mixed:
#: the mine's minerals differ (one halted, another continuing), long dashes.
EXPORT_OUTLINES = {"halted": "#7a0019", "continued": "#1b4d89", "mixed": "#7b3294"}
EXPORT_DASHES = {"halted": "3 3", "mixed": "8 3"}


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


_MARKER_RADIUS = 7


_SELECTED_RADIUS = 9  # must stay <= 10 px, see CLICK_TOLERANCE_KM


_FADED_RADIUS = 5


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
