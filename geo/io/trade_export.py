"""Exports of trade figures: CSV (through :func:`geo.io.export.csv_bytes`) and XLSX.

Both hold the rows with their periods, figures as stated, qualifier, source and conflicts;
text cells a spreadsheet would run as a formula get a leading apostrophe
(:mod:`geo.io.formulas`). The XLSX adds a ``sources`` sheet (every source cited) and an
``about`` sheet (package, version, filter, row count, licence, how to read the figures).
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd

from geo.io.export import csv_bytes
from geo.io.formulas import neutralise, neutralise_column
from geo.model.dataset import Dataset
from geo.rules.filters import Filters

#: Columns of the trade exports, in order.
TRADE_EXPORT_COLUMNS = [
    "trade_id", "mineral_id", "mineral_name", "period", "period_precision", "period_end", "start", "end",
    "reporter", "partner", "flow", "hs_code", "quantity", "unit", "quantity_t", "value_usd",
    "amount_qualifier", "conflict_group", "conflicts_with", "note",
    "source_id", "source_publisher", "source_title", "source_url", "source_published",
]
SOURCE_COLUMNS = ["source_id", "publisher", "title", "url", "published", "accessed", "language", "notes"]
NOTES = ("Mirror data: what China (or the named reporter) recorded importing from North Korea (partner KP), "
         "not North Korea's own export figures. One row per figure as its source states it; nothing is "
         "interpolated. A period without a row means no source was found, not zero. 'range' rows cover "
         "period to period_end (whole months); 'year' rows a calendar year: never add them to the months they "
         "contain. reporter CN-port rows are one port's subtotal: never add them to CN. Rows sharing a "
         "conflict_group disagree about the same period; all are kept. quantity/unit are as the source writes "
         "them (만t = 10,000 t), quantity_t in metric tonnes; value_usd as stated; amount_qualifier says "
         "how the source hedges (approximate, at_least, at_most).")


def _frame(table: pd.DataFrame, neutral: bool = True) -> pd.DataFrame:
    out = {}
    for col in TRADE_EXPORT_COLUMNS:
        s = table[col] if col in table else pd.Series("", index=table.index)
        if pd.api.types.is_datetime64_any_dtype(s):
            s = s.dt.strftime("%Y-%m-%d").fillna("").astype("str")
        elif not pd.api.types.is_numeric_dtype(s):
            s = s.astype("str").fillna("")
            s = neutralise_column(s) if neutral else s
        out[col] = s
    return pd.DataFrame(out, index=table.index)


def trade_csv_bytes(table: pd.DataFrame) -> bytes:
    """The rows of :func:`geo.rules.trade.trade_table` as UTF-8 CSV, formulas neutralised."""
    return csv_bytes(_frame(table))


def _sources(ds: Dataset, table: pd.DataFrame) -> pd.DataFrame:
    cited = ds.sources[ds.sources["source_id"].isin(set(table["source_id"]))]
    cited = cited[[c for c in SOURCE_COLUMNS if c in cited]].copy()
    if "accessed" in cited:
        cited["accessed"] = pd.to_datetime(cited["accessed"]).dt.strftime("%Y-%m-%d").fillna("")
    return cited


def trade_xlsx_bytes(ds: Dataset, filters: Filters, table: pd.DataFrame, measure: str = "") -> bytes:
    """An XLSX workbook: ``trade`` (the rows), ``sources`` (those cited) and ``about``."""
    from openpyxl import Workbook

    wb = Workbook()
    sheets = [("trade", _frame(table, neutral=False)), ("sources", _sources(ds, table))]  # cells: _cell
    for i, (name, frame) in enumerate(sheets):
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = name
        ws.append(list(frame.columns))
        for rec in frame.itertuples(index=False):
            ws.append([_cell(v) for v in rec])
        ws.freeze_panes = "A2"
    about = wb.create_sheet("about")
    licence = (ds.descriptor.get("licenses") or [{}])[0]
    for key, value in [
        ("package", ds.name), ("version", ds.version), ("title", ds.descriptor.get("title", "")),
        ("exported_at", dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()),
        ("filter", ds.describe(filters)), ("filter_query", "&".join(f"{k}={v}" for k, vs in filters.to_query().items()
                                                                     for v in vs)),
        ("measure", measure), ("rows", len(table)), ("sources cited", len(sheets[1][1])),
        ("licence", f"{licence.get('title') or licence.get('name', '')} {licence.get('path', '')}".strip()),
        ("notes", NOTES),
    ]:
        about.append([key, _cell(value)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cell(v):
    if v is None or (isinstance(v, float) and pd.isna(v)):
        return None
    if hasattr(v, "item"):
        v = v.item()
    if isinstance(v, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", v))
    return v


def trade_filename(ds: Dataset, filters: Filters, ext: str) -> str:
    """E.g. "nk-mines-trade-events_v1.1.0_trade_coal_2017.xlsx"."""
    return f"{ds.name}_v{ds.version}_trade_{filters.slug()}.{ext}"
