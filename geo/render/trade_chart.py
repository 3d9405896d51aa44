"""Trade figures drawn beside the events: Vega-Lite specs (dicts, data inline) and the table.

One chart per mineral: each figure is a horizontal segment over its whole period (a month, a
range of months, a year) at its value, with a mark in the middle (circle = exact, diamond =
about, triangle up = at least, down = at most) and a ring when another source disagrees.
Nothing joins the figures: a month without a figure stays empty. Behind them, the sanctions in
force are shaded (:func:`geo.rules.sanctions.timeline`); the filtered events of the mineral
are dashed rules with a mark at the top. The x axis takes the domain the page passes, so the
events chart above can share it (:func:`with_x_domain`).
"""

from __future__ import annotations

import copy

import pandas as pd

from geo.model.dataset import Dataset
from geo.render.text import md_escape as text_md_escape
from geo.rules.sanctions import UNRESTRICTED
from geo.rules.sanctions import timeline as sanctions_timeline
from geo.rules.trade import MEASURE_LABELS, REPORTERS, format_amount, series, trade_table

#: Period precision → colour (Okabe–Ito) and label.
PRECISIONS = {"month": ("#0072B2", "months"), "range": ("#E69F00", "ranges of months"), "year": ("#009E73", "years")}
QUALIFIER_SHAPES = {"exact": "circle", "approximate": "diamond", "at_least": "triangle-up", "at_most": "triangle-down"}
TRADE_LAYER = "trade_figures"
EVENTS_LAYER = "trade_events"
CHART_HEIGHT = 220
#: Width (px) of the y axis of the events chart and of the trade charts, so their time axes line up.
AXIS_EXTENT = 270


def md_escape(text: str) -> str:
    """Text from the data made inert for Streamlit's Markdown: :func:`geo.render.text.md_escape`."""
    return text_md_escape(text)


def _iso(values: pd.Series) -> list[str]:
    return [v.strftime("%Y-%m-%d") for v in pd.to_datetime(values)]


def chart_domain(rows: pd.DataFrame, points: pd.DataFrame, since=None, until=None) -> list[str] | None:
    """The shared time axis: the filter's dates, else the span of the events and the figures."""
    def extreme(columns, pick):
        values = [v for v in (pick(c.dropna()) if len(c.dropna()) else None for c in columns) if v is not None]
        return pick(pd.Series(values)) if values else None

    lo = pd.Timestamp(since) if since else extreme([rows["date_start"], points["start"]], lambda c: c.min())
    hi = pd.Timestamp(until) if until else extreme([rows["date_end"], points["until"]], lambda c: c.max())
    if lo is None or hi is None:
        return None
    lo, hi = pd.Timestamp(lo), pd.Timestamp(hi)
    return [lo.strftime("%Y-%m-%d"), hi.strftime("%Y-%m-%d")] if lo <= hi else None


def with_x_domain(spec: dict, domain: list[str] | None) -> dict:
    """A copy of ``spec`` whose temporal x encodings use ``domain`` and whose y axis takes
    :data:`AXIS_EXTENT` pixels, so that it lines up with the trade charts."""
    if not domain:
        return spec
    out = copy.deepcopy(spec)
    for layer in out.get("layer", [out]):
        enc = layer.get("encoding", {})
        x = enc.get("x")
        if x and x.get("type") == "temporal":
            x["scale"] = {**x.get("scale", {}), "domain": domain}
        y = enc.get("y")
        if y and "axis" in y and isinstance(y["axis"], dict):
            y["axis"] = {**y["axis"], "minExtent": AXIS_EXTENT, "maxExtent": AXIS_EXTENT,
                         "labelLimit": min(y["axis"].get("labelLimit", AXIS_EXTENT), AXIS_EXTENT - 10)}
        if isinstance(layer.get("mark"), dict):
            layer["mark"]["clip"] = True
    return out


def trade_records(points: pd.DataFrame, measure: str) -> list[dict]:
    """One record per figure, with what the chart and its tooltip show."""
    if points.empty:
        return []
    mid = points["start"] + (points["until"] - points["start"]) / 2
    return [{
        "trade_id": r.trade_id, "start": s, "until": u, "mid": m, "value": float(r.value),
        "figure": format_amount(r.value, measure, r.amount_qualifier), "period": r.period_label,
        "precision": PRECISIONS.get(r.period_precision, ("", r.period_precision))[1],
        "qualifier": r.amount_qualifier, "reporter": r.reporter,
        "source": f"{r.source_publisher}: {r.source_title}", "source_url": r.source_url or "",
        "conflict": bool(r.conflict), "conflict_text": (f"{r.conflict_group}: also {r.conflicts_with}"
                                                        if r.conflict else ""),
    } for r, s, u, m in zip(points.itertuples(index=False), _iso(points["start"]), _iso(points["until"]),
                            _iso(mid), strict=True)]


def sanction_records(ds: Dataset, mineral: str, domain: list[str] | None) -> list[dict]:
    """The stretches of time a measure restricted ``mineral``, within the domain."""
    start, end = (domain[0], domain[1]) if domain else (None, None)
    spans = sanctions_timeline(ds, start, end, [mineral])
    spans = spans[spans["status"] != UNRESTRICTED]
    return [{"start": s, "until": u, "status": ds.vocab.label("sanction_status", r.status),
             "measures": r.measure_ids.replace(";", ", ")}
            for r, s, u in zip(spans.itertuples(index=False), _iso(spans["start"]), _iso(spans["until"]), strict=True)]


#: Most events marked one by one on a trade chart; above that, one mark per month.
EVENT_MARKS_MAX = 500


def event_records(ds: Dataset, rows: pd.DataFrame, mineral: str) -> list[dict]:
    """The filtered events that touch ``mineral``, one per event."""
    cols = ["event_id", "date", "title", "date_label", "event_type", "source_publisher"]
    ev = rows.loc[(rows["mineral_id"] == mineral).to_numpy(), cols]  # only the columns it shows: cheap on a large view
    ev = ev[ev["date"].notna().to_numpy()].drop_duplicates("event_id")
    if len(ev) > EVENT_MARKS_MAX:  # too many to mark one by one: one mark per month, with the count
        month = ev["date"].dt.to_period("M").dt.start_time
        counts = month.value_counts().sort_index()
        return [{"event_id": "", "date": d, "title": f"{n} events", "date_label": pd.Timestamp(d).strftime("%b %Y"),
                 "type": "events this month", "source": ""} for d, n in zip(_iso(counts.index), counts, strict=True)]
    return [{"event_id": r.event_id, "date": d, "title": r.title, "date_label": r.date_label,
             "type": ds.vocab.label("event_type", r.event_type), "source": r.source_publisher}
            for r, d in zip(ev.itertuples(index=False), _iso(ev["date"]), strict=True)]


def trade_chart(ds: Dataset, mineral: str, points: pd.DataFrame, rows: pd.DataFrame, measure: str,
                domain: list[str] | None, reporter: str = "CN") -> dict:
    """The Vega-Lite spec (data inline, as named datasets) of one mineral's figures."""
    x = {"field": "start", "type": "temporal", "title": None}
    if domain:
        x["scale"] = {"domain": domain}
    y = {"field": "value", "type": "quantitative", "title": None, "scale": {"zero": True},
         "axis": {"format": ",.3~s", "minExtent": AXIS_EXTENT, "maxExtent": AXIS_EXTENT}}
    present = [p for p in PRECISIONS if p in set(points.get("period_precision", []))] or list(PRECISIONS)
    colour = {"field": "precision", "type": "nominal", "title": "Figures for",
              "scale": {"domain": [PRECISIONS[p][1] for p in present], "range": [PRECISIONS[p][0] for p in present]}}
    shading = sanction_records(ds, mineral, domain)
    shown = {r["status"] for r in shading}
    statuses = [s for s in ds.vocab.codes("sanction_status")
                if s != UNRESTRICTED and ds.vocab.label("sanction_status", s) in shown] or ["banned"]
    fill = {"field": "status", "type": "nominal", "title": "Sanctions in force", "legend": {"orient": "bottom"},
            "scale": {"domain": [ds.vocab.label("sanction_status", s) for s in statuses],
                      "range": [ds.vocab.colour("sanction_status", s) for s in statuses]}}
    tip = [{"field": f, "type": "nominal", "title": t} for f, t in (
        ("period", "Period"), ("figure", "Figure"), ("precision", "Period type"), ("reporter", "Reporter"),
        ("source", "Source"), ("source_url", "Source URL"), ("conflict_text", "Conflicting figures"))]
    mid = {**x, "field": "mid"}
    data = {f"trade_{mineral}": trade_records(points, measure), f"sanctions_{mineral}": shading,
            f"events_{mineral}": event_records(ds, rows, mineral)}
    ev_x = {**x, "field": "date"}
    ev_tip = [{"field": f, "type": "nominal", "title": t} for f, t in (
        ("title", "Event"), ("date_label", "Date"), ("type", "Type"), ("source", "Source"))]
    layers = [
        {"data": {"name": f"sanctions_{mineral}"}, "mark": {"type": "rect", "opacity": 0.22, "clip": True},
         "encoding": {"x": x, "x2": {"field": "until"}, "fill": fill,
                      "tooltip": [{"field": "status", "title": "Sanctions in force"},
                                  {"field": "measures", "title": "Measures"}]}},
        {"data": {"name": f"events_{mineral}"}, "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#555",
                                                         "clip": True},
         "encoding": {"x": ev_x, "tooltip": ev_tip}},
        {"name": EVENTS_LAYER, "data": {"name": f"events_{mineral}"},
         "mark": {"type": "point", "shape": "triangle-down", "filled": True, "size": 90, "color": "#333",
                  "clip": True},
         "encoding": {"x": ev_x, "y": {"value": 6}, "tooltip": ev_tip}},
        {"data": {"name": f"trade_{mineral}"}, "mark": {"type": "rule", "strokeWidth": 4, "clip": True},
         "encoding": {"x": x, "x2": {"field": "until"}, "y": y, "color": colour, "tooltip": tip}},
        {"name": TRADE_LAYER, "data": {"name": f"trade_{mineral}"},
         "mark": {"type": "point", "filled": True, "size": 70, "clip": True},
         "encoding": {"x": mid, "y": y, "color": colour, "tooltip": tip,
                      "shape": {"field": "qualifier", "type": "nominal", "legend": None,
                                "scale": {"domain": list(QUALIFIER_SHAPES), "range": list(QUALIFIER_SHAPES.values())}}}},
        {"data": {"name": f"trade_{mineral}"}, "transform": [{"filter": "datum.conflict"}],
         "mark": {"type": "point", "filled": False, "size": 260, "strokeWidth": 1.5, "color": "#111", "clip": True},
         "encoding": {"x": mid, "y": y, "tooltip": tip}},
    ]
    return {
        "title": {"text": f"{ds.mineral_name(mineral)}: China's recorded imports from North Korea",
                  "subtitle": f"{MEASURE_LABELS[measure]} · reporter {reporter}: {REPORTERS.get(reporter, reporter)}",
                  "anchor": "start"},
        "datasets": data,
        "layer": layers,
        "resolve": {"scale": {"fill": "independent", "shape": "independent"}},
        "height": CHART_HEIGHT,
        "width": "container",
        "config": {"axis": {"grid": True, "gridOpacity": 0.3}, "legend": {"orient": "top"}},
        "usermeta": {"embedOptions": {"renderer": "svg"}},
    }


def shared_domain(ds: Dataset, rows: pd.DataFrame, minerals: list[str], since=None, until=None,
                  reporter: str = "CN") -> list[str] | None:
    """The time axis of the events chart and the trade charts: the filter's dates, else the span
    of the events and of the minerals' figures (either measure). None when no mineral is chosen."""
    if not minerals:
        return None
    return chart_domain(rows, trade_table(ds, minerals, since, until, reporter), since, until)


def trade_charts(ds: Dataset, rows: pd.DataFrame, minerals: list[str], measure: str, since=None, until=None,
                 reporter: str = "CN", domain: list[str] | None = None, precisions=None,
                 ) -> tuple[list[tuple[str, dict]], list[str]]:
    """For the timeline page: one spec per mineral that has figures (of the chosen period
    ``precisions``, default all), and the minerals without any."""
    if not minerals:
        return [], []
    points = series(ds, minerals, measure, reporter, since, until)
    if precisions is not None:
        points = points[points["period_precision"].isin(list(precisions))]
    charts, empty = [], []
    for m in minerals:
        mine = points[points["mineral_id"] == m]
        if mine.empty:
            empty.append(m)
        else:
            charts.append((m, trade_chart(ds, m, mine, rows, measure, domain, reporter)))
    return charts, empty


def trade_display(table: pd.DataFrame, measure: str) -> pd.DataFrame:
    """The trade rows as the page's table shows them (figures as stated, with their hedge)."""
    col = "quantity_t" if measure == "quantity" else "value_usd"
    as_reported = table["quantity"].map(lambda q: "" if pd.isna(q) else f"{q:,g}") + " " + table["unit"].fillna("")
    return pd.DataFrame({
        "Period": table["period_label"],
        "Period type": table["period_precision"],
        "Mineral": table["mineral_name"],
        "Reporter": table["reporter"],
        MEASURE_LABELS[measure]: table[col],
        "Figure is": table["amount_qualifier"].str.replace("_", " "),
        "Quantity as reported": as_reported.str.strip(),
        "HS code": table["hs_code"],
        "Source": table["source_publisher"] + ": " + table["source_title"],
        "Source URL": table["source_url"],
        "Conflict": table["conflict_group"],
        "Conflicting figures": table["conflicts_with"],
        "Note": table["note"],
    })
