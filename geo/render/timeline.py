"""The timeline: one lane per mine (or per mineral), events over time, as an Altair chart.

Periods (an end date) are bars; approximate, month and year dates show the window they may
fall in as a dashed line and a hollow mark; exact days are filled marks. Clicking a mark
selects its lane (``LANE_SELECTION``), which the page turns into the selected mine.
"""

from __future__ import annotations

import copy

import numpy as np
import pandas as pd

from geo.model.vocabulary import Vocabulary
from geo.rules.sanctions import RESTRICTED

LANE_SELECTION = "lane_pick"
#: The interval selection bound to the time scale: drag to pan, wheel or pinch to zoom, double-click to reset.
ZOOM_SELECTION = "time_zoom"
#: Events of one lane closer than this many days are drawn one above another, not on one spot.
OVERLAP_DAYS = 45
#: Vertical step (px) between events drawn one above another in a lane, and the most slots used.
STACK_PX, STACK_SLOTS = 8, 4
SVG_MAX_MARKS = 2000
NO_MINE_LANE = "— not tied to a mine (sanctions, trade)"


def timeline_frame(rows: pd.DataFrame, vocab: Vocabulary, lane: str = "mine", selected: str | None = None
                   ) -> pd.DataFrame:
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
    minerals = _joined(df, key, "mineral_name")
    if "sanction_status" in df:
        df["_restricted"] = df["sanction_status"].isin(RESTRICTED)
        restricted = df.groupby(key, sort=False)["_restricted"].any()
        statuses = _joined(df, key, "sanction_status")
    df = df.drop_duplicates(key).set_index(key)
    df["minerals"] = minerals
    df["restricted"] = restricted if "sanction_status" in df else False
    df["sanctions"] = statuses if "sanction_status" in df else ""
    df = df.reset_index()
    df["kind"] = "exact"
    df.loc[df["date_precision"] != "day", "kind"] = "approximate"
    df.loc[df["end_date"].notna(), "kind"] = "period"
    df["type_label"] = df["event_type"].map(lambda t: vocab.label("event_type", t))
    df["selected"] = (df["mine_id"] == selected) if (selected and lane == "mine") else False
    df["source"] = df["source_publisher"] + ": " + df["source_title"]
    for c in ("date", "date_start", "date_end"):
        df[c] = pd.to_datetime(df[c])
    df["y_offset"] = stack_offsets(df)
    return df


def stack_offsets(df: pd.DataFrame, days: int = OVERLAP_DAYS) -> np.ndarray:
    """Pixel offsets that draw a lane's events closer than ``days`` one above another, centred on
    the lane (a run of near events takes slots 0, 1, 2, 3, 0, … so no two neighbours coincide)."""
    out = np.zeros(len(df))
    if df.empty:
        return out
    order = np.lexsort((df["event_id"].to_numpy(), df["date"].to_numpy(), pd.factorize(df["lane"])[0]))
    lanes = pd.factorize(df["lane"])[0][order]
    dates = df["date"].to_numpy()[order].astype("datetime64[D]").astype(np.int64)
    new_run = np.ones(len(order), dtype=bool)
    new_run[1:] = (lanes[1:] != lanes[:-1]) | (np.diff(dates) > days)
    run = np.cumsum(new_run) - 1
    start = np.flatnonzero(new_run)
    pos = np.arange(len(order)) - start[run]
    size = np.bincount(run)[run]
    slots = np.minimum(size, STACK_SLOTS)
    out[order] = ((pos % STACK_SLOTS) - (slots - 1) / 2) * STACK_PX
    return out


def _joined(df: pd.DataFrame, key: list[str], col: str) -> pd.Series:
    """Per ``key`` group, the distinct values of ``col`` in first-seen order, joined with ', '."""
    distinct = df[[*key, col]].drop_duplicates()
    return distinct.astype({col: "str"}).groupby(key, sort=False)[col].agg(", ".join)


def _lanes_in_order(frame: pd.DataFrame) -> list[str]:
    lanes = sorted(set(frame["lane"])) if len(frame) else []
    if NO_MINE_LANE in lanes:
        lanes = [*(ln for ln in lanes if ln != NO_MINE_LANE), NO_MINE_LANE]
    return lanes


_TOOLTIP = [
    ("title", "Event"), ("date_label", "Date"), ("date_precision", "Date precision"), ("type_label", "Type"),
    ("minerals", "Minerals"), ("confidence", "Confidence"), ("sanctions", "Sanctions on the day"),
    ("source", "Source"), ("source_url", "Source URL"),
]
_CONFIG = {"axis": {"grid": True, "gridOpacity": 0.3},
           # the legend above the plot: two short columns on a phone, as many as fit on a wider screen
           "legend": {"orient": "top", "columns": {"expr": "containerSize()[0] < 600 ? 2 : floor(containerSize()[0] / 175)"},
                      "labelLimit": {"expr": "containerSize()[0] < 600 ? 85 : 200"},
                      "rowPadding": {"expr": "containerSize()[0] < 600 ? 2 : 6"}}}
_LANE_AXIS = {"labelLimit": 260, "labelOverlap": False}
#: Below this chart width (px, a phone) lane labels are cut to :data:`NARROW_LABEL_PX`.
NARROW_PX, NARROW_LABEL_PX = 600, 110
#: Date labels in one format at a time: month and year, or day, month and year when zoomed in
#: to less than about three months. Month and year name each month once: of weekly ticks (a span of a few months), only
#: the month's first is labelled (the fifty-eighth trial read "Jan 2010, Jan 2010, Jan 2010, Feb 2010").
_TIME_AXIS = {"labelExpr": "(domain('x')[1] - domain('x')[0]) > 90 * 864e5 ? (date(datum.value) <= 7 ? "
                           "timeFormat(datum.value, '%b %Y') : '') : timeFormat(datum.value, '%-d %b %Y')",
              "labelOverlap": "greedy", "labelSeparation": 6, "labelFlush": True}
_ZOOM = {"name": ZOOM_SELECTION, "select": {"type": "interval", "encodings": ["x"]}, "bind": "scales",
         "views": ["timeline_marks"]}


def timeline_chart(frame: pd.DataFrame, vocab: Vocabulary, *, selected: str | None = None,
                   height_per_lane: int = 34) -> dict:
    """The Vega-Lite spec (a dict, without data) of a timeline frame: pass it with the frame to
    ``st.vega_lite_chart``. Written as plain JSON rather than Altair objects: building and
    validating the Altair chart cost 0.2-0.3 s on every rerun."""
    present = set(frame["event_type"])
    codes = vocab.codes("event_type")
    types = [t for t in codes if t in present] or codes
    colour = {"field": "type_label", "type": "nominal", "title": "Event type",
              "scale": {"domain": [vocab.label("event_type", t) for t in types],
                        "range": [vocab.colour("event_type", t) for t in types]}}
    lanes = _lanes_in_order(frame)
    # a point scale: with a yOffset channel Vega-Lite turns a nominal y into a band scale and draws each mark at its
    # band's top, half a lane above the lane's label (the fifty-fourth trial saw every lane's marks one row up)
    y = {"field": "lane", "type": "nominal", "title": None, "sort": lanes, "axis": dict(_LANE_AXIS),
         "scale": {"type": "point", "padding": 0.5}}
    y_offset = {"field": "y_offset", "type": "quantitative", "scale": None}
    tooltip = [{"field": f, "type": "nominal", "title": t} for f, t in _TOOLTIP]
    has_selection = bool(selected) and bool(frame["selected"].any()) if len(frame) else False
    opacity = ({"condition": {"test": "datum.selected", "value": 1.0}, "value": 0.3} if has_selection
               else {"value": 0.95})

    def layer(filter_: str, mark: dict, **encoding) -> dict:
        return {"mark": mark, "encoding": {**encoding, "yOffset": y_offset}, "transform": [{"filter": filter_}]}

    x_start = {"field": "date_start", "type": "temporal", "title": None, "axis": _TIME_AXIS}
    x_date = {"field": "date", "type": "temporal", "title": None, "axis": _TIME_AXIS}
    exact = layer("datum.kind != 'approximate'", {"type": "point", "filled": True, "size": 110},
                  x=x_date, y=y, color=colour, opacity=opacity, tooltip=tooltip, shape={"value": "circle"})
    exact["name"] = "timeline_marks"
    spec = {
        "layer": [
            layer("datum.kind == 'approximate'", {"type": "rule", "strokeDash": [4, 3], "strokeWidth": 2},
                  x=x_start, x2={"field": "date_end"}, y=y, color=colour, opacity=opacity, tooltip=tooltip),
            layer("datum.kind == 'period'", {"type": "bar", "height": 10, "cornerRadius": 3},
                  x=x_start, x2={"field": "date_end"}, y=y, color=colour, opacity=opacity, tooltip=tooltip),
            layer("datum.restricted", {"type": "point", "size": 300, "filled": False, "strokeWidth": 1.5,
                                       "strokeDash": [2, 2], "color": "#111"}, x=x_date, y=y, tooltip=tooltip),
            exact,
            layer("datum.kind == 'approximate'", {"type": "point", "filled": False, "size": 120, "strokeWidth": 2},
                  x=x_date, y=y, color=colour, opacity=opacity, tooltip=tooltip),
            layer("datum.selected", {"type": "point", "size": 420, "filled": False, "strokeWidth": 2,
                                     "color": "#222"}, x=x_date, y=y),
        ],
        "params": [{"name": LANE_SELECTION, "select": {"type": "point", "fields": ["lane_id"], "on": "click"},
                    "views": ["timeline_marks"]}, _ZOOM],
        "height": max(120, height_per_lane * max(1, len(lanes))),
        "width": "container",
        "config": _CONFIG,
    }
    if len(frame) <= SVG_MAX_MARKS:  # SVG marks carry ARIA labels: readable by screen readers and tests
        spec["usermeta"] = {"embedOptions": {"renderer": "svg"}}
    return spec


# --------------------------------------------------------------------------- large views

#: Above this many marks (events × lanes) the timeline shows counts per lane and month instead.
AGGREGATE_MARKS = SVG_MAX_MARKS
#: Lanes drawn one by one in the aggregate view (most events first); the rest share a lane.
TOP_LANES = 40


def mark_count(rows: pd.DataFrame, lane: str = "mine") -> int:
    """How many marks the per-event timeline would draw (distinct event × lane), vectorised."""
    if rows.empty:
        return 0
    ev = pd.factorize(rows["event_id"])[0].astype(np.int64)
    ln = pd.factorize(rows["mine_id" if lane == "mine" else "mineral_id"])[0].astype(np.int64)
    return int(np.unique(ev * (int(ln.max()) + 1) + ln).size)


def aggregate_frame(rows: pd.DataFrame, lane: str = "mine", selected: str | None = None,
                    top: int = TOP_LANES) -> pd.DataFrame:
    """Events per lane and month (distinct events), for views too large to draw event by event.

    The ``top`` lanes with most events keep their own lane; the others are summed into one
    "Other N mines" lane (``lane_id`` ""); events not tied to a mine keep their own lane.
    Columns: lane, lane_id, month, month_end, events, selected.
    """
    cols = ["lane", "lane_id", "month", "month_end", "events", "selected"]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    id_col, name_col = ("mine_id", "mine_name") if lane == "mine" else ("mineral_id", "mineral_name")
    lane_codes, lane_ids = pd.factorize(rows[id_col])
    ev = pd.factorize(rows["event_id"])[0].astype(np.int64)
    month = rows["date"].to_numpy().astype("datetime64[M]")
    first = ~pd.Series(ev * (len(lane_ids) + 1) + lane_codes).duplicated().to_numpy()  # one per event × lane
    lane_codes, month = lane_codes[first], month[first]
    per_lane = np.bincount(lane_codes, minlength=len(lane_ids))
    names = pd.Series(rows[name_col].to_numpy()[first]).groupby(lane_codes).first()
    order = np.argsort(-per_lane, kind="stable")
    kept = [c for c in order if lane_ids[c] != ""][:top]
    rest = len(lane_ids) - len(kept) - (1 if "" in set(lane_ids) else 0)
    label = np.full(len(lane_ids), f"Other {rest} {'mines' if lane == 'mine' else 'minerals'}", dtype=object)
    out_id = np.full(len(lane_ids), "", dtype=object)
    for c in kept:
        label[c], out_id[c] = names[c], lane_ids[c]
    if lane == "mine":
        label[np.asarray(lane_ids) == ""] = NO_MINE_LANE
    counts = (pd.DataFrame({"lane": label[lane_codes], "lane_id": out_id[lane_codes], "month": month})
              .groupby(["lane", "lane_id", "month"], sort=False).size().rename("events").reset_index())
    counts["month"] = pd.to_datetime(counts["month"])
    counts["month_end"] = counts["month"] + pd.offsets.MonthBegin(1)
    counts["selected"] = counts["lane_id"].eq(selected) if (selected and lane == "mine") else False
    return counts[cols]


def aggregate_chart(frame: pd.DataFrame, *, selected: str | None = None, height_per_lane: int = 18) -> dict:
    """Vega-Lite spec of :func:`aggregate_frame`: one row of monthly cells per lane, shaded by count."""
    lanes = _lanes_in_order(frame)
    others = [ln for ln in lanes if ln.startswith("Other ") and ln != NO_MINE_LANE]
    lanes = [*(ln for ln in lanes if ln not in others and ln != NO_MINE_LANE), *others,
             *([NO_MINE_LANE] if NO_MINE_LANE in lanes else [])]
    has_selection = bool(selected) and bool(frame["selected"].any()) if len(frame) else False
    cells = {
        "name": "timeline_marks",
        "mark": {"type": "rect"},
        "encoding": {
            "x": {"field": "month", "type": "temporal", "title": None, "axis": _TIME_AXIS},
            "x2": {"field": "month_end"},
            "y": {"field": "lane", "type": "nominal", "title": None, "sort": lanes, "axis": dict(_LANE_AXIS)},
            "color": {"field": "events", "type": "quantitative", "title": "Events per month",
                      "scale": {"scheme": "blues", "type": "sqrt"}},
            "opacity": ({"condition": {"test": "datum.selected", "value": 1.0}, "value": 0.35}
                        if has_selection else {"value": 1.0}),
            "tooltip": [{"field": "lane", "type": "nominal", "title": "Lane"},
                        {"field": "month", "type": "temporal", "title": "Month", "format": "%b %Y"},
                        {"field": "events", "type": "quantitative", "title": "Events"}],
        },
    }
    return {
        "layer": [cells],
        "params": [{"name": LANE_SELECTION, "select": {"type": "point", "fields": ["lane_id"], "on": "click"},
                    "views": ["timeline_marks"]}, _ZOOM],
        "height": max(120, height_per_lane * max(1, len(lanes))),
        "width": "container",
        "config": _CONFIG,
    }


def responsive_lanes(spec: dict) -> dict:
    """``spec`` with the lane labels (and the room kept for them) cut to NARROW_LABEL_PX on a chart
    narrower than NARROW_PX, so that on a phone the plot keeps most of the width. Apply last."""
    spec = copy.deepcopy(spec)  # never change the caller's spec or the module's axis dicts
    for layer in spec.get("layer", [spec]):
        y = layer.get("encoding", {}).get("y", {})
        if not isinstance(y.get("axis"), dict):
            continue
        axis = dict(y["axis"])
        for key in ("labelLimit", "minExtent", "maxExtent"):
            value = axis.get(key)
            if isinstance(value, int | float):
                axis[key] = {"expr": f"containerSize()[0] < {NARROW_PX} ? {min(value, NARROW_LABEL_PX)} : {value}"}
        y["axis"] = axis
    return spec


def timeline_view(rows: pd.DataFrame, vocab: Vocabulary, lane: str = "mine", selected: str | None = None
                  ) -> tuple[pd.DataFrame, dict, bool]:
    """The frame and spec the page draws, and whether they are aggregated (above AGGREGATE_MARKS)."""
    if mark_count(rows, lane) > AGGREGATE_MARKS:
        frame = aggregate_frame(rows, lane, selected)
        return frame, aggregate_chart(frame, selected=selected), True
    frame = timeline_frame(rows, vocab, lane, selected)
    return frame, timeline_chart(frame, vocab, selected=selected), False


def lane_from_selection(event) -> str | None:
    """The lane id picked in the chart, from st.vega_lite_chart's selection state, if any."""
    try:
        points = event["selection"][LANE_SELECTION]
    except (KeyError, TypeError):
        return None
    if isinstance(points, list) and points:
        value = points[0].get("lane_id")
        return value or None
    return None
