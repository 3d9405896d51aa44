"""The timeline: one lane per mine (or per mineral), events over time, as an Altair chart.

Periods (an end date) are bars; approximate, month and year dates show the window they may
fall in as a dashed line and a hollow mark; exact days are filled marks. Clicking a mark
selects its lane (``LANE_SELECTION``), which the page turns into the selected mine.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from geo.details import EVENT_TYPE_LABELS

LANE_SELECTION = "lane_pick"
SVG_MAX_MARKS = 2000
NO_MINE_LANE = "— not tied to a mine (sanctions, trade)"
#: Colour-blind-safe (Okabe–Ito) colours per event type.
EVENT_TYPE_COLOURS = {
    "export_halt": "#D55E00", "export_continued": "#009E73", "import_suspension": "#CC79A7",
    "sanction": "#0072B2", "investment_offer": "#E69F00", "trade_figure": "#56B4E9",
    "production_halt": "#000000", "smuggling": "#F0E442",
}


def timeline_frame(rows: pd.DataFrame, lane: str = "mine", selected: str | None = None) -> pd.DataFrame:
    """One mark per event and lane, with everything the chart shows and its tooltip needs."""
    if lane not in ("mine", "mineral"):
        raise ValueError("lane must be 'mine' or 'mineral'")
    cols = ["event_id", "title", "date", "date_label", "date_precision", "end_date", "date_start", "date_end",
            "event_type", "confidence", "anonymous_source", "source_publisher", "source_title", "source_url",
            "mine_id", "mine_name", "mineral_id", "mineral_name", "effect"]
    cols += [c for c in ("sanction_status", "sanction_measures") if c in rows]
    if rows.empty:
        return pd.DataFrame(columns=[*cols, "lane", "lane_id", "minerals", "kind", "type_label", "selected"])
    df = rows[cols].copy()
    if lane == "mine":
        df["lane_id"] = df["mine_id"]
        df["lane"] = df["mine_name"].where(df["mine_id"] != "", NO_MINE_LANE)
        key = ["event_id", "lane_id"]
    else:
        df["lane_id"] = df["mineral_id"]
        df["lane"] = df["mineral_name"]
        key = ["event_id", "lane_id", "mine_id"]
    grouped = df.groupby(key, sort=False)
    minerals = grouped["mineral_name"].agg(lambda s: ", ".join(dict.fromkeys(s)))
    if "sanction_status" in df:
        df["_restricted"] = df["sanction_status"].ne("unrestricted") & df["sanction_status"].ne("")
        restricted = df.groupby(key, sort=False)["_restricted"].any()
        statuses = grouped["sanction_status"].agg(lambda s: ", ".join(dict.fromkeys(s)))
    df = df.drop_duplicates(key).set_index(key)
    df["minerals"] = minerals
    df["restricted"] = restricted if "sanction_status" in df else False
    df["sanctions"] = statuses if "sanction_status" in df else ""
    df = df.reset_index()
    df["kind"] = "exact"
    df.loc[df["date_precision"] != "day", "kind"] = "approximate"
    df.loc[df["end_date"].notna(), "kind"] = "period"
    df["type_label"] = df["event_type"].map(lambda t: EVENT_TYPE_LABELS.get(t, t))
    df["selected"] = (df["mine_id"] == selected) if (selected and lane == "mine") else False
    df["source"] = df["source_publisher"] + ": " + df["source_title"]
    for c in ("date", "date_start", "date_end"):
        df[c] = pd.to_datetime(df[c])
    return df


def timeline_chart(frame: pd.DataFrame, *, selected: str | None = None, height_per_lane: int = 34) -> alt.LayerChart:
    """The Altair chart of a timeline frame."""
    types = [t for t in EVENT_TYPE_COLOURS if t in set(frame["event_type"])] or list(EVENT_TYPE_COLOURS)
    colour = alt.Color("type_label:N", title="Event type",
                       scale=alt.Scale(domain=[EVENT_TYPE_LABELS[t] for t in types],
                                       range=[EVENT_TYPE_COLOURS[t] for t in types]))
    lanes = list(dict.fromkeys(frame.sort_values("lane")["lane"])) if len(frame) else []
    if NO_MINE_LANE in lanes:
        lanes = [*(ln for ln in lanes if ln != NO_MINE_LANE), NO_MINE_LANE]
    y = alt.Y("lane:N", title=None, sort=lanes, axis=alt.Axis(labelLimit=260, labelOverlap=False))
    tooltip = [
        alt.Tooltip("title:N", title="Event"), alt.Tooltip("date_label:N", title="Date"),
        alt.Tooltip("date_precision:N", title="Date precision"), alt.Tooltip("type_label:N", title="Type"),
        alt.Tooltip("minerals:N", title="Minerals"), alt.Tooltip("confidence:N", title="Confidence"),
        alt.Tooltip("sanctions:N", title="Sanctions on the day"),
        alt.Tooltip("source:N", title="Source"), alt.Tooltip("source_url:N", title="Source URL"),
    ]
    pick = alt.selection_point(name=LANE_SELECTION, fields=["lane_id"], on="click", empty=False)
    has_selection = bool(selected) and bool(frame["selected"].any()) if len(frame) else False
    opacity = alt.condition("datum.selected", alt.value(1.0), alt.value(0.3)) if has_selection else alt.value(0.95)
    base = alt.Chart(frame)
    windows = base.transform_filter("datum.kind == 'approximate'").mark_rule(
        strokeDash=[4, 3], strokeWidth=2).encode(x=alt.X("date_start:T", title=None), x2="date_end:T",
                                                 y=y, color=colour, opacity=opacity, tooltip=tooltip)
    periods = base.transform_filter("datum.kind == 'period'").mark_bar(height=10, cornerRadius=3).encode(
        x="date_start:T", x2="date_end:T", y=y, color=colour, opacity=opacity, tooltip=tooltip)
    exact = base.transform_filter("datum.kind != 'approximate'").mark_point(filled=True, size=110).encode(
        x=alt.X("date:T", title=None), y=y, color=colour, opacity=opacity, tooltip=tooltip,
        shape=alt.value("circle"))
    approx = base.transform_filter("datum.kind == 'approximate'").mark_point(filled=False, size=120, strokeWidth=2).encode(
        x="date:T", y=y, color=colour, opacity=opacity, tooltip=tooltip)
    restricted = base.transform_filter("datum.restricted").mark_point(
        size=300, filled=False, strokeWidth=1.5, strokeDash=[2, 2], color="#111").encode(x="date:T", y=y, tooltip=tooltip)
    halo = base.transform_filter("datum.selected").mark_point(size=420, filled=False, strokeWidth=2, color="#222").encode(
        x="date:T", y=y)
    chart = alt.layer(windows, periods, restricted, exact.add_params(pick), approx, halo).properties(
        height=max(120, height_per_lane * max(1, len(lanes))), width="container")
    if len(frame) <= SVG_MAX_MARKS:  # SVG marks carry ARIA labels: readable by screen readers and tests
        chart = chart.properties(usermeta={"embedOptions": {"renderer": "svg"}})
    return chart.configure_axis(grid=True, gridOpacity=0.3).configure_legend(orient="top")


def chart_height(frame: pd.DataFrame, height_per_lane: int = 34) -> int:
    """Pixels the chart needs so that every lane gets its own labelled row."""
    lanes = frame["lane"].nunique() if len(frame) else 1
    return max(120, height_per_lane * lanes) + 60  # + axis and legend


def lane_from_selection(event) -> str | None:
    """The lane id picked in the chart, from st.altair_chart's selection state, if any."""
    try:
        points = event["selection"][LANE_SELECTION]
    except (KeyError, TypeError):
        return None
    if isinstance(points, list) and points:
        value = points[0].get("lane_id")
        return value or None
    return None
