"""Loading the curated data package into one typed, validated object.

``load_dataset(path)`` validates the whole package first (see :mod:`geo.validate`) and either
returns a :class:`Dataset` or raises :class:`DataError` listing every problem: never a
partial load. The joined ``view`` (one row per event × mine × mineral) is built once here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.validate import DataError, Problem, validate_package

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: Half-width, in days, of the window an "approximate" date stands for ("around Feb. 20").
APPROX_DAYS = 15

CONFIDENCE_LEVELS = ("reported", "corroborated", "official")  # weakest first

#: Columns of the joined view, in the order exports use.
VIEW_COLUMNS = [
    "event_id", "date", "date_precision", "end_date", "date_start", "date_end", "date_label",
    "event_type", "title", "description", "actors", "place",
    "mine_id", "mine_name", "province", "county", "lat", "lon", "location_precision",
    "mineral_id", "mineral_name", "effect",
    "value_usd", "quantity", "unit",
    "confidence", "anonymous_source", "evidence",
    "source_id", "source_publisher", "source_title", "source_url", "source_published",
    "corroborating_source_ids",
]

__all__ = ["Dataset", "DataError", "Problem", "load_dataset", "DEFAULT_DATA_DIR"]


@dataclass(frozen=True, eq=False)
class Dataset:
    """The whole validated package. Frames are shared: treat them as read-only."""

    path: Path
    descriptor: dict
    mines: gpd.GeoDataFrame
    crossings: gpd.GeoDataFrame
    basemap: dict
    minerals: pd.DataFrame
    provinces: pd.DataFrame
    sources: pd.DataFrame
    events: pd.DataFrame
    links: pd.DataFrame
    sanctions: pd.DataFrame
    view: pd.DataFrame
    changelog: str = ""
    _names: dict = field(default_factory=dict, repr=False)

    @property
    def version(self) -> str:
        return str(self.descriptor.get("version", ""))

    @property
    def name(self) -> str:
        return str(self.descriptor.get("name", ""))

    @property
    def licence(self) -> str:
        lic = (self.descriptor.get("licenses") or [{}])[0]
        return lic.get("title") or lic.get("name", "")

    @property
    def licence_url(self) -> str:
        return (self.descriptor.get("licenses") or [{}])[0].get("path", "")

    def enum(self, resource: str, field_name: str) -> list[str]:
        """The allowed values the package schema declares for a field."""
        for res in self.descriptor.get("resources", []):
            if res.get("name") == resource:
                for f in res["schema"]["fields"]:
                    if f["name"] == field_name:
                        return list(f.get("constraints", {}).get("enum", []))
        return []

    @property
    def mineral_names(self) -> dict[str, str]:
        return self._names.get("mineral", {})

    @property
    def mine_names(self) -> dict[str, str]:
        return self._names.get("mine", {})

    def describe(self, filters) -> str:
        """A filter in plain words, with this dataset's names."""
        return filters.describe(self.mineral_names, self.mine_names)

    def mineral_name(self, mineral_id: str) -> str:
        return self._names.get("mineral", {}).get(mineral_id, mineral_id.replace("_", " "))

    def mine_name(self, mine_id: str) -> str:
        return self._names.get("mine", {}).get(mine_id, mine_id)

    def mine(self, mine_id: str) -> dict | None:
        rows = self.mines[self.mines["mine_id"] == mine_id]
        return None if rows.empty else rows.iloc[0].to_dict()

    def mine_events(self, mine_id: str) -> pd.DataFrame:
        """The view rows of one mine, in date order."""
        rows = self.view[self.view["mine_id"] == mine_id]
        return rows.sort_values(["date", "event_id", "mineral_id"], kind="stable")

    def source(self, source_id: str) -> dict | None:
        rows = self.sources[self.sources["source_id"] == source_id]
        return None if rows.empty else rows.iloc[0].to_dict()


def _points(table: pd.DataFrame, geoms: list) -> gpd.GeoDataFrame:
    lon = [g[0] for g in geoms]
    lat = [g[1] for g in geoms]
    gdf = gpd.GeoDataFrame(table.copy(), geometry=gpd.points_from_xy(lon, lat), crs="EPSG:4326")
    gdf["lon"] = lon
    gdf["lat"] = lat
    return gdf


def date_window(date: pd.Series, precision: pd.Series, end: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The earliest and latest day each dated row may refer to, honouring its precision."""
    start = date.copy()
    stop = date.copy()
    month = precision.eq("month")
    year = precision.eq("year")
    approx = precision.eq("approximate")
    stop = stop.where(~month, date + pd.offsets.MonthEnd(0))
    stop = stop.where(~year, date + pd.offsets.YearEnd(0))
    start = start.where(~approx, date - pd.Timedelta(days=APPROX_DAYS))
    stop = stop.where(~approx, date + pd.Timedelta(days=APPROX_DAYS))
    has_end = end.notna()
    stop = stop.where(~has_end, np.maximum(stop, end.where(has_end, stop)))
    return start, stop


def date_label(date: pd.Timestamp, precision: str, end: pd.Timestamp | None = None) -> str:
    """A date as a reader should see it: '20 Feb 2017 (approx.)', 'Oct 2019', '2016'."""
    if pd.isna(date):
        return ""
    if precision == "month":
        text = date.strftime("%b %Y")
    elif precision == "year":
        text = date.strftime("%Y")
    elif precision == "approximate":
        text = f"c. {date.day} {date.strftime('%b %Y')}"
    else:
        text = f"{date.day} {date.strftime('%b %Y')}"
    if end is not None and not pd.isna(end):
        if precision == "month":
            text += f" – {end.strftime('%b %Y')}"
        elif precision == "year":
            text += f" – {end.strftime('%Y')}"
        else:
            text += f" – {end.day} {end.strftime('%b %Y')}"
    return text


def date_labels(date: pd.Series, precision: pd.Series, end: pd.Series) -> pd.Series:
    """:func:`date_label` for whole columns at once (same text, vectorised)."""
    date, end = pd.to_datetime(date), pd.to_datetime(end)
    precision = precision.astype(str)

    def day_month_year(d: pd.Series) -> pd.Series:
        return d.dt.day.astype("Int64").astype(str) + " " + d.dt.strftime("%b %Y")

    text = day_month_year(date)
    text = text.where(precision.ne("approximate"), "c. " + text)
    text = text.where(precision.ne("month"), date.dt.strftime("%b %Y"))
    text = text.where(precision.ne("year"), date.dt.strftime("%Y"))
    tail = " – " + day_month_year(end)
    tail = tail.where(precision.ne("month"), " – " + end.dt.strftime("%b %Y"))
    tail = tail.where(precision.ne("year"), " – " + end.dt.strftime("%Y"))
    has_end = end.notna() & date.notna()
    text = text.where(~has_end, text + tail)
    return text.where(date.notna(), "").astype(str)


def build_view(events, links, mines, minerals, sources) -> pd.DataFrame:
    """One row per event × mine × mineral, with coordinates, source and confidence."""
    mine_cols = mines[["mine_id", "name", "province", "county", "lat", "lon", "location_precision"]]
    mine_cols = pd.DataFrame(mine_cols).rename(columns={"name": "mine_name"})
    src = sources[["source_id", "publisher", "title", "url", "published"]].rename(
        columns={"publisher": "source_publisher", "title": "source_title", "url": "source_url",
                 "published": "source_published"})
    view = links.merge(events, on="event_id", how="left", validate="many_to_one")
    links_mine = view["mine_id"].fillna("")
    view["mine_id"] = links_mine
    view = view.merge(mine_cols, on="mine_id", how="left")
    view = view.merge(minerals[["mineral_id", "name"]].rename(columns={"name": "mineral_name"}),
                      on="mineral_id", how="left")
    view = view.merge(src, on="source_id", how="left")
    start, stop = date_window(view["date"], view["date_precision"], view["end_date"])
    view["date_start"], view["date_end"] = start, stop
    # Labels depend only on the event: compute once per event, not per link.
    labels = pd.Series(date_labels(events["date"], events["date_precision"], events["end_date"]).to_numpy(),
                       index=events["event_id"].to_numpy())
    view["date_label"] = view["event_id"].map(labels)
    for col in ("mine_name", "province", "county", "location_precision", "source_url"):
        view[col] = view[col].fillna("")
    view = view[VIEW_COLUMNS].sort_values(["date", "event_id", "mine_id", "mineral_id"], kind="stable")
    return view.reset_index(drop=True)


def load_dataset(path: str | Path = DEFAULT_DATA_DIR) -> Dataset:
    """Validate and load the package at ``path``; raise DataError listing every problem."""
    path = Path(path)
    checked = validate_package(path)
    if checked.problems:
        raise DataError(sorted(set(checked.problems), key=_problem_order))
    t = checked.tables
    mines = _points(t["mines"], checked.geometries["mines"])
    crossings = _points(t["border_crossings"], checked.geometries["border_crossings"])
    from geo.sanctions import annotate  # geo.sanctions imports this module

    view = build_view(t["events"], t["event_links"], mines, t["minerals"], t["sources"])
    view = annotate(view, t["sanctions"])  # the sanction status on each row's date, once
    changelog_path = path / "CHANGELOG.md"
    names = {
        "mineral": dict(zip(t["minerals"]["mineral_id"], t["minerals"]["name"], strict=True)),
        "mine": dict(zip(mines["mine_id"], mines["name"], strict=True)),
    }
    return Dataset(
        path=path,
        descriptor=checked.descriptor,
        mines=mines,
        crossings=crossings,
        basemap=checked.raw_geojson.get("basemap", {"type": "FeatureCollection", "features": []}),
        minerals=t["minerals"],
        provinces=t["provinces"],
        sources=t["sources"],
        events=t["events"],
        links=t["event_links"],
        sanctions=t["sanctions"],
        view=view,
        changelog=changelog_path.read_text(encoding="utf-8") if changelog_path.exists() else "",
        _names=names,
    )


def _problem_order(p: Problem):
    return (p.file, -1 if p.row is None else p.row, p.field or "", p.reason)


def summary(ds: Dataset) -> str:
    """One line describing a valid package."""
    return (f"{ds.name} {ds.version}: valid — {len(ds.mines)} mines, {len(ds.crossings)} border crossings, "
            f"{len(ds.events)} events, {len(ds.links)} event links, {len(ds.sources)} sources, "
            f"{len(ds.sanctions)} sanction rows, {len(ds.minerals)} minerals")
