"""Synthetic data packages with the real schema, for benchmarks and scale tests.

``write_package(dest, mines=N, links=L)`` writes a package that validates with
:func:`geo.data.load_dataset`: the real ``datapackage.json``, minerals, provinces, sources,
sanctions, border crossings and basemap copied from ``data/``, plus ``N`` synthetic mines
(points inside North Korea's part of the region bounds, realistic location precisions,
minerals from the vocabulary, sources that exist) and events with exactly ``L`` event links.
Deterministic: the same arguments and seed give the same bytes.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pandas as pd

from geo.model.dataset import DEFAULT_DATA_DIR

#: Resources the generator writes; every other file of the source package is copied as it is.
GENERATED = {"mines", "events", "event_links"}
#: Roughly North Korea inside the package's region bounds (lon/lat).
LON_RANGE, LAT_RANGE = (124.3, 130.6), (38.0, 42.8)
#: Minerals mines produce (the others only appear in sanction events).
MINE_MINERALS = ["iron_ore", "copper", "rare_earths", "tungsten", "molybdenum", "magnesia",
                 "cobalt", "zinc", "coal", "gold"]
LOCATION_PRECISIONS = (["site", "town", "county", "province", "approximate"], [0.4, 0.2, 0.2, 0.1, 0.1])
DATE_PRECISIONS = (["day", "month", "year", "approximate"], [0.6, 0.2, 0.05, 0.15])
CONFIDENCES = (["reported", "corroborated", "official"], [0.6, 0.3, 0.1])
MINE_EVENT_TYPES = {  # event_type → effect of its links
    "export_halt": "halted", "export_continued": "continued", "investment_offer": "offered",
    "trade_figure": "exported", "production_halt": "halted", "smuggling": "smuggled",
    "import_suspension": "suspended",
}
LINKS_PER_EVENT = 4
SANCTION_SHARE = 0.02  # of links: events about a mineral only (no mine)


def write_package(dest: str | Path, mines: int, links: int, seed: int = 7,
                  source: Path = DEFAULT_DATA_DIR) -> Path:
    """Write a synthetic package with ``mines`` mines and ``links`` event links to ``dest``."""
    if mines < LINKS_PER_EVENT:
        raise ValueError(f"need at least {LINKS_PER_EVENT} mines")
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for name in copied_files(source):
        shutil.copyfile(source / name, dest / name)
    (dest / "CHANGELOG.md").write_text("# Data changelog\n\nSynthetic package for benchmarks.\n",
                                       encoding="utf-8")
    rng = np.random.default_rng(seed)
    sources = pd.read_csv(source / "sources.csv", dtype=str, keep_default_na=False)["source_id"].to_numpy()
    provinces = pd.read_csv(source / "provinces.csv", dtype=str, keep_default_na=False)["name"].to_numpy()
    known = set(pd.read_csv(source / "minerals.csv", dtype=str, keep_default_na=False)["mineral_id"])
    minerals = [m for m in MINE_MINERALS if m in known]
    mine_minerals = _write_mines(dest / "mines.geojson", rng, mines, sources, provinces, minerals)
    _write_events(dest, rng, mines, links, sources, mine_minerals, sorted(known))
    return dest


def copied_files(source: Path) -> list[str]:
    """The descriptor and the files of every resource the generator does not write."""
    desc = json.loads((source / "datapackage.json").read_text(encoding="utf-8"))
    return ["datapackage.json", *(r["path"] for r in desc["resources"] if r["name"] not in GENERATED)]


def _write_mines(path: Path, rng, n: int, sources, provinces, minerals) -> list[list[str]]:
    lon = np.round(rng.uniform(*LON_RANGE, n), 5)
    lat = np.round(rng.uniform(*LAT_RANGE, n), 5)
    precision = rng.choice(LOCATION_PRECISIONS[0], n, p=LOCATION_PRECISIONS[1])
    province = rng.choice(provinces, n)
    first = rng.integers(0, len(minerals), n)
    second = rng.integers(0, len(minerals), n)
    two = rng.random(n) < 0.3
    src = rng.choice(sources, n)
    features, mine_minerals = [], []
    for i in range(n):
        mins = [minerals[first[i]]]
        if two[i] and second[i] != first[i]:
            mins.append(minerals[second[i]])
        mine_minerals.append(mins)
        features.append({
            "type": "Feature",
            "id": f"syn-{i:05d}",
            "geometry": {"type": "Point", "coordinates": [float(lon[i]), float(lat[i])]},
            "properties": {
                "mine_id": f"syn-{i:05d}", "name": f"Synthetic mine {i}", "name_ko": "",
                "aliases": [f"Syn {i}"], "province": str(province[i]), "county": "",
                "minerals": mins, "location_precision": str(precision[i]), "uncertainty_km": None,
                "location_note": "Synthetic point for benchmarks.", "operator": "",
                "source_ids": [str(src[i])],
            },
        })
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False),
                    encoding="utf-8")
    return mine_minerals


def _write_events(dest: Path, rng, n_mines: int, n_links: int, sources, mine_minerals, all_minerals) -> None:
    n_sanction = int(n_links * SANCTION_SHARE)
    rest = n_links - n_sanction
    n_mine_events, extra = divmod(rest, LINKS_PER_EVENT)
    n_mine_events += 1 if extra else 0
    n_events = n_mine_events + n_sanction
    # events: mine events first, then the mineral-only sanction events
    is_sanction = np.arange(n_events) >= n_mine_events
    types = np.array(list(MINE_EVENT_TYPES))[rng.integers(0, len(MINE_EVENT_TYPES), n_events)]
    types = np.where(is_sanction, "sanction", types)
    day = pd.Timestamp("2005-01-01") + pd.to_timedelta(rng.integers(0, 20 * 365, n_events), unit="D")
    precision = rng.choice(DATE_PRECISIONS[0], n_events, p=DATE_PRECISIONS[1])
    day = pd.DatetimeIndex(day)
    day = day.where(precision != "month", day.to_period("M").to_timestamp())
    day = day.where(precision != "year", day.to_period("Y").to_timestamp())
    has_end = rng.random(n_events) < 0.05
    end = (day + pd.to_timedelta(rng.integers(1, 365, n_events), unit="D")).strftime("%Y-%m-%d")
    ids = np.char.add("syn-e", np.char.zfill(np.arange(n_events).astype(str), 7))
    events = pd.DataFrame({
        "event_id": ids,
        "date": day.strftime("%Y-%m-%d"),
        "date_precision": precision,
        "end_date": np.where(has_end, end, ""),
        "event_type": types,
        "title": np.char.add("Synthetic event ", np.arange(n_events).astype(str)),
        "description": "Generated for the benchmark.",
        "actors": "",
        "place": "",
        "value_usd": np.where(rng.random(n_events) < 0.1, rng.integers(1, 10**8, n_events).astype(str), ""),
        "quantity": "",
        "unit": "",
        "source_id": rng.choice(sources, n_events),
        "corroborating_source_ids": np.where(rng.random(n_events) < 0.1, rng.choice(sources, n_events), ""),
        "evidence": "A short quoted sentence from the source.",
        "confidence": rng.choice(CONFIDENCES[0], n_events, p=CONFIDENCES[1]),
        "anonymous_source": np.where(rng.random(n_events) < 0.3, "true", "false"),
    })
    _schema_columns(events, dest, "events").to_csv(dest / "events.csv", index=False, lineterminator="\n")

    # links: LINKS_PER_EVENT consecutive (so distinct) mines per mine event, primary mineral each
    event_idx = np.repeat(np.arange(n_mine_events), LINKS_PER_EVENT)[:rest]
    offset = np.tile(np.arange(LINKS_PER_EVENT), n_mine_events)[:rest]
    start = rng.integers(0, n_mines, n_mine_events)
    mine_idx = (start[event_idx] + offset) % n_mines
    primary = np.array([m[0] for m in mine_minerals])
    effects = np.array([MINE_EVENT_TYPES[t] for t in types[:n_mine_events]])
    mine_links = pd.DataFrame({
        "event_id": ids[event_idx],
        "mine_id": np.char.add("syn-", np.char.zfill(mine_idx.astype(str), 5)),
        "mineral_id": primary[mine_idx],
        "effect": effects[event_idx],
    })
    sanction_links = pd.DataFrame({
        "event_id": ids[n_mine_events:],
        "mine_id": "",
        "mineral_id": rng.choice(all_minerals, n_sanction),
        "effect": "banned",
    })
    pd.concat([mine_links, sanction_links], ignore_index=True).to_csv(
        dest / "event_links.csv", index=False, lineterminator="\n")


def _schema_columns(frame: pd.DataFrame, dest: Path, resource: str) -> pd.DataFrame:
    """``frame`` with the columns the copied descriptor declares, in its order; fields the
    synthetic data does not fill (e.g. amount_qualifier) are left empty."""
    desc = json.loads((dest / "datapackage.json").read_text(encoding="utf-8"))
    res = next(r for r in desc["resources"] if r["name"] == resource)
    names = [f["name"] for f in (res.get("schema") or res.get("x-schema"))["fields"]]
    return frame.reindex(columns=names, fill_value="")
