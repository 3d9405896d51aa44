"""Tables of view rows as readers see them (dates as labels, sources as links)."""

from __future__ import annotations

import pandas as pd

from geo.model.vocabulary import Vocabulary

#: Display column → view column.
DISPLAY_COLUMNS = {
    "Date": "date_label",
    "Date precision": "date_precision",
    "Type": "event_type",
    "Mine": "mine_name",
    "Province": "province",
    "Mineral": "mineral_name",
    "Effect": "effect",
    "Title": "title",
    "Confidence": "confidence",
    "Anonymous source": "anonymous_source",
    "Location precision": "location_precision",
    "Source": "source_publisher",
    "Source URL": "source_url",
    "Event id": "event_id",
}


def display_table(rows: pd.DataFrame, vocab: Vocabulary) -> pd.DataFrame:
    """One row per view row (event × mine × mineral), readable column names, in date order."""
    out = rows[list(DISPLAY_COLUMNS.values())].copy()
    out.columns = list(DISPLAY_COLUMNS.keys())
    out["Type"] = out["Type"].map(lambda t: vocab.label("event_type", t))
    out["Mine"] = out["Mine"].where(out["Mine"] != "", "—")
    out["Anonymous source"] = out["Anonymous source"].astype(bool)
    return out.reset_index(drop=True)


def counts(rows: pd.DataFrame, column: str, label: str) -> pd.DataFrame:
    """Number of events (not links) per value of ``column``."""
    if rows.empty:
        return pd.DataFrame({label: [], "Events": [], "Rows": []})
    grouped = rows.groupby(column, sort=False).agg(Events=("event_id", "nunique"), Rows=("event_id", "size"))
    grouped = grouped.reset_index().rename(columns={column: label})
    return grouped.sort_values(["Events", label], ascending=[False, True]).reset_index(drop=True)
