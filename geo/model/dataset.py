"""The typed dataset: every table of a validated package, and the joined view.

:func:`dataset_from_package` turns a :class:`~geo.package.ValidatedPackage` without problems
into a :class:`Dataset`; the joined ``view`` (one row per event × mine × mineral) is built
once here. Loading with the sanctions overlay is :func:`geo.rules.load.load_dataset`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.model.dates import date_labels, date_window
from geo.model.vocabulary import Vocabulary
from geo.package import ValidatedPackage

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"
#: Environment variable naming another package folder (tests, benchmarks, a second record).
DATA_DIR_ENV = "NK_MINES_DATA"


def data_dir() -> Path:
    """The package folder the app and the command line use: $NK_MINES_DATA if set, else data/."""
    return Path(os.environ.get(DATA_DIR_ENV) or DEFAULT_DATA_DIR)

#: The confidence scale, weakest first (labels and meanings: the vocabulary).
CONFIDENCE_LEVELS = ("reported", "corroborated", "official")


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
    vocab: Vocabulary
    #: Trade figures (trade.csv): China's recorded imports by mineral and period; empty if the
    #: package has no trade resource. Series and spans: :mod:`geo.rules.trade`.
    trade: pd.DataFrame = field(default_factory=pd.DataFrame)
    changelog: str = ""
    #: Province outlines and border rivers (GeoJSON dicts; empty if the package has none).
    province_boundaries: dict = field(default_factory=dict)
    rivers: dict = field(default_factory=dict)
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

    @property
    def event_types(self) -> list[str]:
        """The event types of the vocabulary, in their order."""
        return self.vocab.codes("event_type")

    @property
    def mineral_names(self) -> dict[str, str]:
        return self._names.get("mineral", {})

    @property
    def mine_names(self) -> dict[str, str]:
        return self._names.get("mine", {})

    def describe(self, filters) -> str:
        """A filter in plain words, with this dataset's names."""
        return filters.describe(self.mineral_names, self.mine_names, self.vocab.plurals("event_type"))

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


def _from_lon_lat(table: pd.DataFrame) -> gpd.GeoDataFrame:
    """A points frame back from its lon/lat columns (NaN: no geometry)."""
    geoms = [None if pd.isna(x) or pd.isna(y) else (x, y) for x, y in zip(table["lon"], table["lat"], strict=True)]
    return _points(table.drop(columns=["lon", "lat"]), geoms)


def _points(table: pd.DataFrame, geoms: list) -> gpd.GeoDataFrame:
    """Point features; a feature without geometry (location unknown) keeps a None geometry."""
    lon = [g[0] if g else np.nan for g in geoms]
    lat = [g[1] if g else np.nan for g in geoms]
    points = gpd.points_from_xy(lon, lat)
    points[[g is None for g in geoms]] = None
    gdf = gpd.GeoDataFrame(table.copy(), geometry=points, crs="EPSG:4326")
    gdf["lon"] = lon
    gdf["lat"] = lat
    return gdf


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


def summary(ds: Dataset) -> str:
    """One line describing a valid package."""
    return (f"{ds.name} {ds.version}: valid — {len(ds.mines)} mines, {len(ds.crossings)} border crossings, "
            f"{len(ds.events)} events, {len(ds.links)} event links, {len(ds.sources)} sources, "
            f"{len(ds.sanctions)} sanction rows, {len(ds.trade)} trade figures, {len(ds.minerals)} minerals"
            + _years(ds.events["date"]))


def _years(dates: pd.Series) -> str:
    """", events 2006–2025" (the years the events cover), or "" without events."""
    years = pd.to_datetime(dates).dt.year.dropna()
    return f"; events {int(years.min())}–{int(years.max())}" if len(years) else ""



def dataset_from_package(path: Path, checked: ValidatedPackage, changelog: str = "") -> Dataset:
    """The dataset of a package that validated without problems (view not yet annotated)."""
    t = checked.tables
    mines = _points(t["mines"], checked.geometries["mines"])
    crossings = _points(t["border_crossings"], checked.geometries["border_crossings"])
    view = build_view(t["events"], t["event_links"], mines, t["minerals"], t["sources"])
    names = _names(t["minerals"], mines)
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
        vocab=Vocabulary.from_table(t["vocabulary"]),
        trade=t.get("trade", pd.DataFrame()),
        changelog=changelog,
        province_boundaries=checked.raw_geojson.get("province_boundaries", {}),
        rivers=checked.raw_geojson.get("rivers", {}),
        _names=names,
    )


#: Dataset frames stored by the validated cache (mines and crossings without geometry).
_FRAMES = ("mines", "crossings", "minerals", "provinces", "sources", "events", "links", "sanctions", "view", "trade")


def dataset_frames(ds: Dataset) -> tuple[dict[str, pd.DataFrame], dict]:
    """The dataset as plain frames and a JSON-able document, for :mod:`geo.package.cache`."""
    frames = {name: pd.DataFrame(getattr(ds, name)).drop(columns="geometry", errors="ignore") for name in _FRAMES}
    frames["vocabulary"] = ds.vocab.table
    doc = {"descriptor": ds.descriptor, "basemap": ds.basemap, "changelog": ds.changelog,
           "province_boundaries": ds.province_boundaries, "rivers": ds.rivers}
    return frames, doc


def dataset_from_frames(path: Path, frames: dict[str, pd.DataFrame], doc: dict) -> Dataset:
    """The dataset back from :func:`dataset_frames`."""
    mines, crossings = _from_lon_lat(frames["mines"]), _from_lon_lat(frames["crossings"])
    return Dataset(
        path=path, descriptor=doc["descriptor"], mines=mines, crossings=crossings, basemap=doc["basemap"],
        minerals=frames["minerals"], provinces=frames["provinces"], sources=frames["sources"],
        events=frames["events"], links=frames["links"], sanctions=frames["sanctions"], view=frames["view"],
        trade=frames["trade"],
        vocab=Vocabulary.from_table(frames["vocabulary"]), changelog=doc["changelog"],
        province_boundaries=doc.get("province_boundaries", {}), rivers=doc.get("rivers", {}),
        _names=_names(frames["minerals"], mines),
    )


def _names(minerals: pd.DataFrame, mines: pd.DataFrame) -> dict:
    return {
        "mineral": dict(zip(minerals["mineral_id"], minerals["name"], strict=True)),
        "mine": dict(zip(mines["mine_id"], mines["name"], strict=True)),
    }
