"""Folium maps of North Korea's mines and border crossings (pure folium: no Streamlit here).

The page builds the map in two parts so that filtering and selecting never remount it:
:func:`~geo.render.maps.base.build_base_map` (everything that stays put) and
:func:`~geo.render.maps.layers.mine_layer` (the mines, passed to
``st_folium(..., feature_group_to_add=...)``). A click comes back from st_folium as
``{"last_object_clicked": {"lat": .., "lng": ..}, "last_object_clicked_tooltip": "..."}``;
:func:`~geo.render.maps.click.resolve_click` turns that into a mine_id. Everything from data is
escaped with :func:`geo.render.html.esc`; no CDN and no tile server is referenced unless
``online_tiles=True`` is asked for.
"""

from geo.render.html import esc as escape_html
from geo.render.maps.base import (
    DEFAULT_BASEMAP_PATH,
    NORTH_KOREA_BOUNDS,
    build_base_map,
    load_basemap,
    render_html,
)
from geo.render.maps.click import CLICK_TOLERANCE_KM, focus_view, resolve_click
from geo.render.maps.layers import COMPACT_LAYER_THRESHOLD, LARGE_LAYER_THRESHOLD, mine_layer
from geo.render.maps.style import (
    _SELECTED_RADIUS,
    DEFAULT_UNCERTAINTY_KM,
    EXACT_PRECISIONS,
    EXPORT_OUTLINES,
    _mine_tooltip_html,
    is_exact,
    mine_tooltip_text,
    primary_mineral,
    uncertainty_km,
)
from geo.render.palette import MINERAL_COLOURS, MINERAL_LABELS, OTHER_COLOUR, mineral_colour

__all__ = [
    "CLICK_TOLERANCE_KM", "COMPACT_LAYER_THRESHOLD", "DEFAULT_BASEMAP_PATH", "DEFAULT_UNCERTAINTY_KM",
    "EXACT_PRECISIONS", "EXPORT_OUTLINES", "LARGE_LAYER_THRESHOLD", "MINERAL_COLOURS", "MINERAL_LABELS",
    "NORTH_KOREA_BOUNDS", "OTHER_COLOUR", "_SELECTED_RADIUS", "_mine_tooltip_html", "build_base_map",
    "escape_html", "focus_view", "is_exact", "load_basemap", "mine_layer", "mine_tooltip_text", "mineral_colour",
    "primary_mineral", "render_html", "resolve_click", "uncertainty_km",
]
