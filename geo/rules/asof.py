"""The state of each mine on a day: its latest reported export status and its minerals' sanctions.

``mine_states(ds, day)`` answers "what did we know about this mine on that day?": the latest
export halt or continuation reported for it with a date on or before the day (an approximate
date counts from the start of its window), and the sanction status of each of its minerals
that day (:func:`geo.rules.sanctions.status_on` rules). Pure pandas; no Streamlit.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from geo.model.dataset import Dataset
from geo.rules.sanctions import RESTRICTED, STATUSES, UNRESTRICTED, status_on

EXPORT_EFFECTS = {"halted": "halted", "continued": "continued"}
_RANK = {s: i for i, s in enumerate(STATUSES)}


def export_status(ds: Dataset, day: dt.date) -> pd.DataFrame:
    """Per mine, the latest export halt/continuation dated on or before ``day`` (one row per mine)."""
    rows = ds.view[(ds.view["mine_id"] != "") & ds.view["effect"].isin(list(EXPORT_EFFECTS))]
    rows = rows[rows["date_start"] <= pd.Timestamp(day)]
    if rows.empty:
        return pd.DataFrame(columns=["mine_id", "export_status", "export_event_id", "export_date_label",
                                     "export_title", "export_source_id"])
    latest = rows.sort_values(["date", "event_id"], kind="stable").groupby("mine_id", sort=False).tail(1)
    return pd.DataFrame({
        "mine_id": latest["mine_id"].to_numpy(),
        "export_status": latest["effect"].map(EXPORT_EFFECTS).to_numpy(),
        "export_event_id": latest["event_id"].to_numpy(),
        "export_date_label": latest["date_label"].to_numpy(),
        "export_title": latest["title"].to_numpy(),
        "export_source_id": latest["source_id"].to_numpy(),
    })


def mine_states(ds: Dataset, day: dt.date) -> pd.DataFrame:
    """One row per mine: export status as of ``day`` and the sanctions on its minerals that day.

    Columns: mine_id, export_status (halted / continued / None), export_event_id,
    export_date_label, export_title, export_source_id, sanction_status (the most restrictive
    over the mine's minerals), restricted (bool), mineral_statuses (list of
    {mineral_id, status, measures}).
    """
    cache: dict[str, object] = {}

    def status(mineral_id: str):
        if mineral_id not in cache:
            cache[mineral_id] = status_on(ds, mineral_id, day)
        return cache[mineral_id]

    records = []
    for mine_id, minerals in zip(ds.mines["mine_id"], ds.mines["minerals"], strict=True):
        per = [status(m) for m in minerals]
        worst = min((s.status for s in per), key=_RANK.__getitem__, default=UNRESTRICTED)
        records.append({
            "mine_id": mine_id,
            "sanction_status": worst,
            "restricted": worst in RESTRICTED,
            "mineral_statuses": [{"mineral_id": s.mineral_id, "status": s.status,
                                  "measures": list(s.measure_ids)} for s in per],
        })
    states = pd.DataFrame(records).merge(export_status(ds, day), on="mine_id", how="left")
    states["export_status"] = states["export_status"].astype(object).where(states["export_status"].notna(), None)
    return states


def state_map(states: pd.DataFrame) -> dict[str, dict]:
    """mine_id → {"export_status", "restricted"} for :func:`geo.maps.mine_layer`."""
    return {r.mine_id: {"export_status": r.export_status, "restricted": bool(r.restricted)}
            for r in states.itertuples(index=False)}


def date_range(ds: Dataset) -> tuple[dt.date, dt.date]:
    """The days an as-of control should offer: whole years around the data's dates and sanctions."""
    dates = [ds.view["date_start"].min(), ds.view["date_end"].max(),
             ds.sanctions["effective"].min(), ds.sanctions["effective"].max()]
    dates = [pd.Timestamp(d) for d in dates if pd.notna(d)]
    if not dates:
        today = dt.date.today()
        return today.replace(month=1, day=1), today
    return min(dates).date().replace(month=1, day=1), max(dates).date().replace(month=12, day=31)
