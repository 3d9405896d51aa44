"""The state of each mine on a day: its latest reported export status and its minerals' sanctions.

``mine_states(ds, day)`` answers "what did we know about this mine on that day?", **per
mineral**: for each of its minerals, the latest export halt or continuation reported with a date
on or before the day (an approximate date counts from the start of its window) and the
sanction status that day (:func:`geo.rules.sanctions.status_on` rules). A mine's minerals can
differ (Musan: iron ore still exported while molybdenum halted), so the mine as a whole is
``mixed`` when they do. Pure pandas; no Streamlit.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from geo.model.dataset import Dataset
from geo.rules.sanctions import RESTRICTED, STATUSES, UNRESTRICTED, status_on

EXPORT_EFFECTS = {"halted": "halted", "continued": "continued"}
#: A mine's export status when its minerals' latest reports disagree.
MIXED = "mixed"
_RANK = {s: i for i, s in enumerate(STATUSES)}


_EXPORT_COLUMNS = ["mine_id", "export_status", "export_event_id", "export_date_label", "export_title",
                   "export_source_id"]


def _reported(ds: Dataset, day: dt.date) -> pd.DataFrame:
    rows = ds.view[(ds.view["mine_id"] != "") & ds.view["effect"].isin(list(EXPORT_EFFECTS))]
    return rows[rows["date_start"] <= pd.Timestamp(day)].sort_values(["date", "event_id"], kind="stable")


def mineral_export_status(ds: Dataset, day: dt.date) -> pd.DataFrame:
    """Per mine and mineral, the latest export halt/continuation dated on or before ``day``."""
    rows = _reported(ds, day)
    if rows.empty:
        return pd.DataFrame(columns=[*_EXPORT_COLUMNS, "mineral_id"])
    latest = rows.groupby(["mine_id", "mineral_id"], sort=False).tail(1)
    return _export_frame(latest).assign(mineral_id=latest["mineral_id"].to_numpy())


def export_status(ds: Dataset, day: dt.date) -> pd.DataFrame:
    """Per mine, the latest export halt/continuation dated on or before ``day`` (one row per mine),
    whatever the mineral; see :func:`mine_states` for the status per mineral."""
    rows = _reported(ds, day)
    if rows.empty:
        return pd.DataFrame(columns=_EXPORT_COLUMNS)
    return _export_frame(rows.groupby("mine_id", sort=False).tail(1))


def _export_frame(latest: pd.DataFrame) -> pd.DataFrame:
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

    Columns: mine_id, export_status (halted / continued / ``mixed`` when its minerals' latest
    reports differ / None), export_event_id, export_date_label, export_title, export_source_id
    (the latest report whatever the mineral), sanction_status (the most restrictive over the
    mine's minerals), restricted (bool), mineral_statuses (one per mineral:
    {mineral_id, status, measures, export_status, export_date_label, export_title,
    export_source_id}, the export fields None when nothing was reported for that mineral).
    """
    cache: dict[str, object] = {}

    def status(mineral_id: str):
        if mineral_id not in cache:
            cache[mineral_id] = status_on(ds, mineral_id, day)
        return cache[mineral_id]

    reports = {(r["mine_id"], r["mineral_id"]): r for r in mineral_export_status(ds, day).to_dict("records")}
    none = dict.fromkeys(("export_status", "export_date_label", "export_title", "export_source_id"))
    records = []
    for mine_id, minerals in zip(ds.mines["mine_id"], ds.mines["minerals"], strict=True):
        reported = [m for (mine, m) in reports if mine == mine_id and m not in set(minerals)]
        per = [status(m) for m in [*minerals, *reported]]  # a report about a mineral not listed still counts
        worst = min((s.status for s in per), key=_RANK.__getitem__, default=UNRESTRICTED)
        mineral_statuses = []
        for s in per:
            report = reports.get((mine_id, s.mineral_id))
            mineral_statuses.append({"mineral_id": s.mineral_id, "status": s.status, "measures": list(s.measure_ids),
                                     **({k: report[k] for k in none} if report else none)})
        exports = {m["export_status"] for m in mineral_statuses if m["export_status"]}
        records.append({
            "mine_id": mine_id,
            "sanction_status": worst,
            "restricted": worst in RESTRICTED,
            "mineral_statuses": mineral_statuses,
            "_exports": exports.pop() if len(exports) == 1 else (MIXED if exports else None),
        })
    states = pd.DataFrame(records).merge(export_status(ds, day), on="mine_id", how="left")
    # per mineral: the mine's status is its minerals' when they agree, mixed when they do not
    states["export_status"] = states.pop("_exports").astype(object)
    states["export_status"] = states["export_status"].where(states["export_status"].notna(), None)
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


def default_day(ds: Dataset) -> dt.date:
    """The day the as-of view and the sanctions check open on: the latest day an export report
    (halted or continuing) is dated, where the as-of view has most to show; the last day of
    :func:`date_range` when there is none."""
    first, last = date_range(ds)
    rows = ds.view[ds.view["effect"].isin(list(EXPORT_EFFECTS)) & (ds.view["mine_id"] != "")]
    if rows.empty:
        return last
    return min(max(pd.Timestamp(rows["date"].max()).date(), first), last)
