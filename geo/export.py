"""Exports of a filtered view: CSV snapshot, GeoJSON, and the manifest that goes with them.

The CSV is plain UTF-8 with ISO dates, one row per event × mine × mineral, so any CSV
reader opens it. What made it (package name and version, the filter in words and as query
parameters, row count, licence, checksum) goes in a manifest: ``<file>.manifest.json``
beside the CSV from the command line, ``manifest.json`` inside the snapshot zip from the
dashboard. The GeoJSON carries the same manifest as a top-level ``metadata`` member.

Cells a spreadsheet would run as a formula (text starting with ``= + - @``, tab or carriage
return) are prefixed with an apostrophe.

Every export carries the sanctions overlay (see :mod:`geo.sanctions`): ``sanction_status``
and ``sanction_measures`` on the row's date, ``sanction_uncertain`` and
``sanction_status_range`` when the row's date window spans a change of status.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pa_csv

from geo.data import Dataset
from geo.filters import Filters
from geo.sanctions import ANNOTATION_COLUMNS, annotate

#: Columns of the CSV snapshot, in order.
EXPORT_COLUMNS = [
    "event_id", "date", "date_precision", "end_date", "date_label", "event_type", "title",
    "mine_id", "mine_name", "province", "county", "lat", "lon", "location_precision",
    "mineral_id", "mineral_name", "effect", "value_usd", "quantity", "unit",
    "confidence", "anonymous_source", "evidence", "actors", "place", "description",
    "source_id", "source_publisher", "source_title", "source_url", "source_published",
    "corroborating_source_ids",
    "sanction_status", "sanction_measures", "sanction_uncertain", "sanction_status_range",
]
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "geojson")


def neutralise(value):
    """Make a text cell inert in spreadsheets; leave everything else as it is."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _text_column(s: pd.Series) -> pd.Series:
    """A text column for the snapshot: lists joined with ';', missing as "", formulas neutralised.

    Vectorised (a million rows in tens of milliseconds): no Python call per cell.
    """
    if not len(s):
        return s.astype(object)
    if pd.api.types.infer_dtype(s, skipna=True) not in ("string", "empty"):
        # Lists: the view shares one list object between the links of an event, so join each
        # distinct object once (by identity) instead of once per row.
        values = s.to_numpy(dtype=object)
        keys = np.fromiter(map(id, values), dtype=np.int64, count=len(values))
        _, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        text = np.array([";".join(v) if isinstance(v, list) else v for v in values[first]], dtype=object)
        s = pd.Series(text[inverse], index=s.index, dtype=object)
    s = s.astype("str").fillna("")
    risky = s.str.startswith(FORMULA_PREFIXES).fillna(False).to_numpy(dtype=bool)
    if risky.any():
        s = s.where(~risky, "'" + s)
    return s


def _snapshot_columns(rows: pd.DataFrame, columns: list[str]) -> dict[str, pd.Series]:
    out = {}
    for col in columns:
        s = rows[col] if col in rows else pd.Series("", index=rows.index)
        if pd.api.types.is_datetime64_any_dtype(s):
            codes, days = pd.factorize(s, use_na_sentinel=True)  # few distinct days: format those
            text = np.array([*pd.DatetimeIndex(days).strftime("%Y-%m-%d"), ""], dtype=object)
            s = pd.Series(text[codes], index=rows.index, dtype="str")
        elif pd.api.types.is_bool_dtype(s):
            codes = s.to_numpy(dtype=bool, na_value=False).astype(np.int8)
            codes[s.isna().to_numpy()] = 2
            s = pd.Series(np.array(["false", "true", ""], dtype=object)[codes], index=rows.index, dtype="str")
        elif not pd.api.types.is_numeric_dtype(s):
            s = _text_column(s)
        out[col] = s
    return out


def with_sanctions(ds: Dataset | None, rows: pd.DataFrame) -> pd.DataFrame:
    """``rows`` with the sanction columns, annotating them from ``ds`` if they lack them."""
    if ds is None or all(c in rows for c in ANNOTATION_COLUMNS):
        return rows
    return annotate(rows, ds.sanctions)


def to_csv_bytes(rows: pd.DataFrame, ds: Dataset | None = None) -> bytes:
    """The CSV snapshot of ``rows`` (view rows, already filtered), annotated from ``ds`` if given."""
    rows = with_sanctions(ds, rows)
    return csv_bytes(_snapshot_columns(rows, EXPORT_COLUMNS))


def csv_bytes(frame: pd.DataFrame | dict[str, pd.Series]) -> bytes:
    """``frame`` as UTF-8 CSV (RFC 4180, "\\n" line ends) written by Arrow's CSV writer.

    About ten times faster than ``DataFrame.to_csv`` (a million 36-column rows in about a
    second). Text cells are always quoted; missing numbers are empty.
    """
    columns = {}
    for col in (frame.columns if isinstance(frame, pd.DataFrame) else frame):
        s = frame[col]
        if pd.api.types.is_numeric_dtype(s) and not pd.api.types.is_bool_dtype(s):
            columns[col] = pa.array(s.to_numpy(dtype="float64", na_value=np.nan), from_pandas=True)
        else:
            if not (s.dtype == "str" and not s.hasnans):
                s = s.astype("str").fillna("")
            columns[col] = pa.array(s, type=pa.string())
    buf = io.BytesIO()  # getvalue() is cheaper than copying an Arrow buffer out (0.5 s at 470 MB)
    pa_csv.write_csv(pa.table(columns), buf, pa_csv.WriteOptions(quoting_style="needed"))
    return buf.getvalue()


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
                  "starting with = + - @ tab or CR are prefixed with an apostrophe. sanction_status is the "
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


def _json_value(v):
    if isinstance(v, pd.Timestamp):
        return v.strftime("%Y-%m-%d")
    if isinstance(v, np.generic):
        v = v.item()
    if isinstance(v, float) and np.isnan(v):
        return None
    if v is pd.NaT:
        return None
    return v


def to_geojson(ds: Dataset, filters: Filters, rows: pd.DataFrame) -> dict:
    """A FeatureCollection, one feature per view row; rows with no mine have a null geometry."""
    features = []
    rows = with_sanctions(ds, rows)
    table = rows[EXPORT_COLUMNS]
    for rec in table.to_dict(orient="records"):
        props = {k: _json_value(v) for k, v in rec.items() if k not in ("lat", "lon")}
        lat, lon = _json_value(rec["lat"]), _json_value(rec["lon"])
        geom = {"type": "Point", "coordinates": [lon, lat]} if lat is not None and lon is not None else None
        features.append({"type": "Feature", "geometry": geom, "properties": props})
    return {"type": "FeatureCollection", "metadata": manifest(ds, filters, rows, "geojson"), "features": features}


def to_geojson_bytes(ds: Dataset, filters: Filters, rows: pd.DataFrame) -> bytes:
    return json.dumps(to_geojson(ds, filters, rows), ensure_ascii=False, indent=1).encode("utf-8")


def export_filename(ds: Dataset, filters: Filters, ext: str) -> str:
    """E.g. "nk-mines-trade-events_v1.0.0_molybdenum_2017.csv"."""
    return f"{ds.name}_v{ds.version}_{filters.slug()}.{ext}"


def snapshot_zip(ds: Dataset, filters: Filters, rows: pd.DataFrame) -> bytes:
    """A zip holding the CSV, the GeoJSON and manifest.json, for citing in a report."""
    csv_name = export_filename(ds, filters, "csv")
    rows = with_sanctions(ds, rows)
    csv_bytes = to_csv_bytes(rows)
    geo_bytes = to_geojson_bytes(ds, filters, rows)
    man = manifest(ds, filters, rows, "csv", csv_bytes, csv_name)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(csv_name, csv_bytes)
        zf.writestr(export_filename(ds, filters, "geojson"), geo_bytes)
        zf.writestr("manifest.json", json.dumps(man, ensure_ascii=False, indent=2))
    return buf.getvalue()


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        # mkstemp makes the file private (0600): keep the mode of the file it replaces.
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_export(ds: Dataset, filters: Filters, out: Path, fmt: str = "csv") -> tuple[Path, Path, int]:
    """Export the filtered view to ``out`` and its manifest beside it; return both paths and the row count."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    rows = with_sanctions(ds, filters.apply(ds.view))
    payload = to_csv_bytes(rows) if fmt == "csv" else to_geojson_bytes(ds, filters, rows)
    out = Path(out)
    man_path = out.with_name(out.name + ".manifest.json")
    write_atomic(out, payload)
    write_atomic(man_path, json.dumps(manifest(ds, filters, rows, fmt, payload, out.name),
                                      ensure_ascii=False, indent=2).encode("utf-8"))
    return out, man_path, len(rows)
