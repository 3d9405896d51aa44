"""Sources and method: which source supports what, and how precision and confidence are recorded."""

from __future__ import annotations

import pandas as pd

from geo.model.dataset import Dataset
from geo.model.dates import APPROX_DAYS
from geo.render.maps.style import DEFAULT_UNCERTAINTY_KM as _KM

METHOD_MARKDOWN = f"""
**Location precision.** Each mine carries how well its location is known: *site* (the mine
itself), *town* (the town it is in or next to), *county* or *province* (only the area is
known; the point is the area's centre or seat), or *approximate* (a source gives a distance
or direction only). On the map, exact sites and towns are filled markers; everything else is
a hollow marker with a dashed ring whose radius is the uncertainty a source gives, or by
default {_KM["county"]:g} km for a county, {_KM["province"]:g} km for a province and
{_KM["approximate"]:g} km otherwise. No coordinate is
invented: where no source locates a mine, the note says so and the point is a stated
placeholder.

**Date precision.** Dates keep the precision their source gives: *day*, *month* (stored as
the first of the month), *year*, or *approximate* ("from around Feb. 20", read as ±{APPROX_DAYS}
days). Relative dates ("Thursday", "a few days ago") are resolved against the report's
publication date. Filters match an event when the window it may fall in overlaps the range.

**Confidence.** *official*: a government or UN document; *corroborated*: two or more
independent reports; *reported*: a single report. Events that rest on unnamed sources are
marked *anonymous source*. Figures are kept as the source states them, with its unit.
"""


def source_table(ds: Dataset) -> pd.DataFrame:
    """One row per source: who, what, when, link, and the events and places it supports."""
    main = ds.events.groupby("source_id")["event_id"].agg(list)
    corro: dict[str, list[str]] = {}
    for eid, ids in zip(ds.events["event_id"], ds.events["corroborating_source_ids"], strict=True):
        for s in ids:
            corro.setdefault(s, []).append(eid)
    places: dict[str, list[str]] = {}
    for frame in (ds.mines, ds.crossings):
        for name, ids in zip(frame["name"], frame["source_ids"], strict=True):
            for s in ids:
                places.setdefault(s, []).append(name)
    sanctions = ds.sanctions.groupby("source_id")["measure_id"].agg(lambda s: sorted(set(s)))
    rows = []
    for src in ds.sources.itertuples(index=False):
        events = list(main.get(src.source_id, [])) + [f"{e} (corroborates)" for e in corro.get(src.source_id, [])]
        rows.append({
            "Source": src.source_id, "Publisher": src.publisher, "Title": src.title, "Published": src.published,
            "URL": src.url, "Events": "; ".join(events), "Locations": "; ".join(places.get(src.source_id, [])),
            "Sanctions": "; ".join(sanctions.get(src.source_id, [])), "Notes": src.notes,
        })
    return pd.DataFrame(rows)
