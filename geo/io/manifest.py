"""What an export is: the manifest (package, version, filter, rows, licence, sources,
checksum) and the file name that carries the version and the filter."""

from __future__ import annotations

import datetime as dt
import hashlib

import pandas as pd

from geo.model.dataset import Dataset
from geo.rules.filters import Filters

#: Columns of the CSV snapshot, in order.
EXPORT_COLUMNS = [
    "event_id", "date", "date_precision", "end_date", "date_label", "event_type", "title",
    "mine_id", "mine_name", "mine_name_ko", "province", "county", "lat", "lon", "location_precision",
    "mineral_id", "mineral_name", "effect", "value_usd", "quantity", "unit",
    "confidence", "anonymous_source", "evidence", "actors", "place", "description",
    "source_id", "source_publisher", "source_title", "source_url", "source_published",
    "corroborating_source_ids",
    "sanction_status", "sanction_measures", "sanction_uncertain", "sanction_status_range",
]


def manifest(ds: Dataset, filters: Filters, rows: pd.DataFrame, fmt: str,
             payload: bytes | None = None, file_name: str | None = None) -> dict:
    """What an export is: which data, which filter, how many rows, under which licence."""
    out = {
        "package": ds.name,
        "title": ds.descriptor.get("title", ""),
        "version": ds.version,
        "exported_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "format": fmt,
        "filter": ds.describe(filters),
        "filter_query": filters.to_query(),
        "rows": int(len(rows)),
        "columns": EXPORT_COLUMNS if fmt == "csv" else None,
        "licenses": ds.descriptor.get("licenses", []),
        "sources_cited": sorted(set(rows["source_id"]) | {s for ids in rows["corroborating_source_ids"] for s in ids})
        if len(rows) else [],
        "notes": ("One row per event × mine × mineral. Dates are ISO (YYYY-MM-DD); read each with its "
                  "date_precision: for 'month' and 'year' the date is the first day of the period, "
                  "'approximate' means about that day. Locations carry location_precision. Text cells "
                  "that a spreadsheet would run as a formula are prefixed with an apostrophe. sanction_status is the "
                  "status of the mineral on the row's date (banned, suspended, capped, exempt, unrestricted), "
                  "sanction_measures the measures in force; sanction_uncertain is true when the row's "
                  "date window (its precision or period) spans a change of status, listed in "
                  "sanction_status_range."),
    }
    if file_name:
        out["file"] = file_name
    if payload is not None:
        out["sha256"] = hashlib.sha256(payload).hexdigest()
    return {k: v for k, v in out.items() if v is not None}


def export_filename(ds: Dataset, filters: Filters, ext: str) -> str:
    """E.g. "nk-mines-trade-events_v1.0.0_molybdenum_2017.csv"."""
    return f"{ds.name}_v{ds.version}_{filters.slug()}.{ext}"
