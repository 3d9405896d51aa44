"""Clicks: the mine a st_folium click refers to."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import numpy as np

from geo.render.maps.style import mine_tooltip_text

#: A marker click is matched to mines within this distance of the reported position. Leaflet
#: reports the marker's own coordinates for circle markers of radius <= 10 px (all markers
#: here), so this only absorbs float noise; it stays well below the distance between
#: distinct places (the Hyesan crossing is 0.6 km from Hyesan town).
CLICK_TOLERANCE_KM = 0.1


_EARTH_RADIUS_KM = 6371.0088


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
    # Markers are drawn at their stored points (overlapping ones are moved apart in pixels by the
    # browser, see geo.render.maps.interact), and a click reports the stored point.
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


def focus_view(mines: Any, mine_id: str | None, n: int = 0, *, zoom: int = 9) -> tuple[list[float] | None, int | None]:
    """``center`` and ``zoom`` for st_folium that move the mounted map to a mine, or (None, None).

    st_folium moves the map only when ``center`` differs from the last one it applied, so the
    ``n``-th request is offset by n × 1e-9 degrees (a tenth of a millimetre): picking the same mine
    again after panning away moves the map back to it.
    """
    if not mine_id or mines is None or len(mines) == 0:
        return None, None
    hit = np.flatnonzero((mines["mine_id"] == mine_id).to_numpy())
    if hit.size == 0:
        return None, None
    point = mines.geometry.iloc[int(hit[0])]
    if point is None or point.is_empty:
        return None, None
    return [round(float(point.y), 6) + n * 1e-9, round(float(point.x), 6)], zoom
