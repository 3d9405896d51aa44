"""The mine detail panel, the events and measures tables and the as-of note, as HTML.

Built from the templates in ``geo/render/templates`` with autoescape: text from the data
never reaches the page unescaped, and links keep only http(s) URLs.
"""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
from markupsafe import Markup

from geo.model.dataset import Dataset
from geo.render.html import format_number, render

#: Most rows the HTML event table shows; beyond that the Data page has everything.
TABLE_ROW_LIMIT = 500


def _source(ds: Dataset, source_id: str, sources: dict | None = None) -> dict:
    return {"id": source_id, "src": (sources or {}).get(source_id) or ds.source(source_id)}


def _sources_of(ds: Dataset, ids) -> dict:
    """source_id → source row (dict) for the given ids, in one pass over the sources table."""
    wanted = {i for i in ids if i}
    table = ds.sources[ds.sources["source_id"].isin(wanted)]
    return {r["source_id"]: r for r in table.to_dict("records")}


def _event(ds: Dataset, rows: list[dict], sources: dict) -> dict:
    """One event of the panel from its view rows as plain dicts (one per mineral)."""
    first = rows[0]
    vocab = ds.vocab
    badges = [{"text": first["confidence"], "kind": first["confidence"],
               "title": f"{first['confidence']} — {vocab.meaning('confidence', first['confidence'])}"}]
    if bool(first["anonymous_source"]):
        badges.append({"text": "anonymous source", "kind": "anonymous", "title": "The report relies on unnamed sources"})
    if first["date_precision"] != "day":
        badges.append({"text": vocab.label("date_precision", first["date_precision"]), "kind": "approx", "title": ""})
    figures = []
    if pd.notna(first["value_usd"]):
        figures.append(f"US${format_number(first['value_usd'])}")
    if pd.notna(first["quantity"]):
        figures.append(f"{format_number(first['quantity'])} {first['unit']}")
    return {
        "date_label": first["date_label"],
        "type_label": vocab.label("event_type", first["event_type"]),
        "minerals": [{"name": r["mineral_name"], "effect": r["effect"]} for r in rows],
        "badges": badges,
        "title": first["title"],
        "figures": figures,
        "evidence": first["evidence"],
        "source": sources.get(first["source_id"]) or ds.source(first["source_id"]),
        "source_id": first["source_id"],
        "corroborating": [_source(ds, s, sources) for s in first["corroborating_source_ids"]],
    }


def mine_links(mine_id: str, filters=None) -> dict[str, str]:
    """Addresses of this mine's events on the timeline and on the Data & export page: the current
    filters narrowed to the mine (``mines=``), the mine selected (``mine=``)."""
    from urllib.parse import urlencode

    from geo.rules.filters import Filters

    query = (filters or Filters()).with_(mines=(mine_id,)).to_query()
    query["mine"] = [mine_id]
    text = urlencode([(k, v) for k, vs in query.items() for v in vs])
    return {"timeline": f"/timeline?{text}", "data": f"/data?{text}"}


def mine_detail_html(ds: Dataset, mine_id: str, rows: pd.DataFrame, hidden: int = 0,
                     status_html: str = "", filters=None) -> str:
    """The detail panel of one mine: names, minerals, place, precision, and its events in date order.

    ``rows`` are the mine's view rows to list (already filtered); ``hidden`` counts the mine's
    events the filters leave out. ``status_html`` (HTML made by :func:`asof_status_html`) is
    shown under the place.
    """
    mine = ds.mine(mine_id)
    if mine is None:
        return render("unknown_mine.html", mine_id=mine_id)
    unc = mine.get("uncertainty_km")
    ordered = rows.sort_values(["date", "event_id"], kind="stable")
    records = ordered.to_dict("records")
    by_event: dict[str, list[dict]] = {}
    for r in records:
        by_event.setdefault(r["event_id"], []).append(r)
    location_ids = list(mine.get("location_source_ids") or []) or list(mine["source_ids"])
    sources = _sources_of(ds, [*location_ids, *(r["source_id"] for r in records),
                               *(c for r in records for c in r["corroborating_source_ids"])])
    return render(
        "mine_detail.html",
        mine=mine,
        aliases=list(mine["aliases"]),
        minerals=[ds.mineral_name(m) for m in mine["minerals"]],
        place=", ".join(p for p in (mine["county"], mine["province"]) if p),
        precision=ds.vocab.label("location_precision", mine["location_precision"]),
        uncertainty=f" (± {format_number(unc)} km)" if unc is not None and pd.notna(unc) else "",
        status_html=Markup(status_html),  # noqa: S704 - made by asof_status_html from a template
        location_sources=[_source(ds, s, sources) for s in location_ids],
        colocated=[ds.mine_name(m) for m in (mine.get("colocated_with") or [])],
        events=[_event(ds, group, sources) for group in by_event.values()],
        hidden=hidden,
        links=mine_links(mine_id, filters),
    )


def sanction_cell(ds: Dataset, row, labels: dict[str, str] | None = None) -> str:
    """The sanction status of a view row on its date, with measures and uncertainty, as text."""
    status = getattr(row, "sanction_status", "") or ""
    if not status:
        return ""
    text = ds.vocab.label("sanction_status", status)
    if getattr(row, "sanction_measures", ""):
        labels = measure_labels(ds) if labels is None else labels
        text += f" ({'; '.join(labels.get(m, m) for m in str(row.sanction_measures).split(';') if m)})"
    if bool(getattr(row, "sanction_uncertain", False)):
        text += f"; uncertain, the date spans {getattr(row, 'sanction_status_range', '')}"
    return text


_TABLE_ORDER = ["date", "event_id", "mine_id", "mineral_id"]
_TABLE_COLUMNS = [*_TABLE_ORDER, "date_label", "event_type", "mine_name", "mineral_name", "effect", "title", "confidence",
                  "anonymous_source", "sanction_status", "sanction_measures", "sanction_uncertain",
                  "sanction_status_range", "source_url", "source_publisher", "source_title", "corroborating_source_ids"]


def events_table_html(ds: Dataset, rows: pd.DataFrame, limit: int = TABLE_ROW_LIMIT, marked=None) -> str:
    """The view rows as an escaped HTML table, in date order, with each source as a link (the further sources that
    corroborate an event after its first: a tester's report added as one was not to be seen on the timeline) and
    the sanction status of the mineral on the event's date; the events in ``marked`` (event id → its mark: "new" for an
    event an apply just added, "new source" for one a report was added to as a further source) carry their mark.

    Only the sort keys of every row are read: the first ``limit`` rows are found from them
    (the rows that can make the cut, then a stable sort of those), and only those rows' cells
    are taken, so a filtered view of 100,000 rows costs a few small columns, not all of them."""
    keys = rows[_TABLE_ORDER]
    if len(rows) > limit:  # sort only the rows that can make the first ``limit``: O(n), not O(n log n)
        dates = keys["date"]
        near = np.flatnonzero((dates <= dates.nsmallest(limit).max()).to_numpy())
    else:
        near = np.arange(len(rows))
    order = keys.iloc[near].reset_index(drop=True).sort_values(_TABLE_ORDER, kind="stable").index[:limit]
    shown = rows.iloc[near[order]][[c for c in _TABLE_COLUMNS if c in rows.columns]]
    labels = ds.vocab.labels("event_type")
    measures = measure_labels(ds)
    further = shown["corroborating_source_ids"].tolist() if "corroborating_source_ids" in shown.columns else []
    sources = _sources_of(ds, [i for ids in further for i in _ids(ids)])
    table = [{
        "event_id": r.event_id, "date_label": r.date_label, "type_label": labels.get(r.event_type, r.event_type),
        "mine_name": r.mine_name, "mineral_name": r.mineral_name, "effect": r.effect, "title": r.title,
        "confidence": r.confidence, "anonymous": bool(r.anonymous_source),
        "status": getattr(r, "sanction_status", ""), "sanction": sanction_cell(ds, r, measures),
        "source_url": r.source_url, "source_text": f"{r.source_publisher}: {r.source_title}",
        "further": [{"url": src.get("url"), "text": f"{src.get('publisher')}: {src.get('title')}"}
                    for i in _ids(getattr(r, "corroborating_source_ids", None)) if (src := sources.get(i))],
        "mark": (marked or {}).get(r.event_id, ""),
    } for r in _records(shown)]
    return render("events_table.html", rows=table, total=len(rows), limit=limit)


def _ids(value) -> list[str]:
    """A cell of source ids as a list (a list or an array of ids; nothing for a missing cell)."""
    return [] if value is None or isinstance(value, str | float) else [str(i) for i in value]


def _records(frame: pd.DataFrame):
    """The rows as objects with a field per column, from whole columns (``itertuples`` reads
    Arrow-backed columns one cell at a time, several times slower)."""
    names = list(frame.columns)
    for values in zip(*(frame[c].tolist() for c in names), strict=True):
        yield SimpleNamespace(**dict(zip(names, values, strict=True)))


def asof_status_html(ds: Dataset, state: dict, day) -> str:
    """What was known about one mine on ``day``, per mineral: the latest export report about that
    mineral at that mine, and the mineral's sanction status with the measures in force."""
    labels = measure_labels(ds)
    minerals = []
    for m in state.get("mineral_statuses", []):
        export = None
        if m.get("export_status"):
            export = {"status": m["export_status"], "date_label": m["export_date_label"], "title": m["export_title"],
                      "source": ds.source(m["export_source_id"]), "source_id": m["export_source_id"]}
        minerals.append({"id": m["mineral_id"], "name": ds.mineral_name(m["mineral_id"]),
                         "status": ds.vocab.label("sanction_status", m["status"]),
                         "measures": [labels.get(x, x) for x in m["measures"]], "export": export})
    return render("asof_status.html", day=pd.Timestamp(day).strftime("%d %b %Y").lstrip("0"), minerals=minerals)


#: A reference longer than this is shown by a short form of its measure id instead.
_SHORT_REFERENCE = 40


def measure_labels(ds: Dataset) -> dict[str, str]:
    """measure_id → how people cite it: its reference when short ("S/RES/2321 (2016)"), else the
    id in words ("UNSCR 2321", "US EO 13722")."""
    out = {}
    refs = ds.sanctions["reference"] if "reference" in ds.sanctions else pd.Series("", index=ds.sanctions.index)
    for mid, ref in zip(ds.sanctions["measure_id"], refs.fillna(""), strict=True):
        if mid in out:
            continue
        ref = str(ref).strip()
        out[mid] = ref if ref and len(ref) <= _SHORT_REFERENCE else str(mid).replace("-", " ")
    return out


def measure_label(ds: Dataset, measure_id: str) -> str:
    return measure_labels(ds).get(measure_id, measure_id)


def sanction_check_html(ds: Dataset, status) -> str:
    """A :class:`geo.rules.sanctions.SanctionStatus` in names: the mineral, the day, the status and
    each measure in force with its reference, authority, action, dates, note and source link."""
    labels = measure_labels(ds)
    measures = []
    for m in status.measures:
        src = ds.source(m.source_id) or {}
        measures.append({"id": m.measure_id, "label": labels.get(m.measure_id, m.measure_id), "authority": m.authority,
                         "action": ds.vocab.label("sanction_action", m.action), "adopted": m.adopted.isoformat(),
                         "effective": m.effective.isoformat(), "ends": m.ends.isoformat() if m.ends else "",
                         "note": m.note, "url": m.source_url or src.get("url"),
                         "source": src.get("title") or m.source_id})
    return render("sanction_check.html", mineral=ds.mineral_name(status.mineral_id),
                  day=pd.Timestamp(status.date).strftime("%d %b %Y").lstrip("0"), status_id=status.status,
                  status=ds.vocab.label("sanction_status", status.status), measures=measures)


def measures_table_html(ds: Dataset) -> str:
    """Every sanction measure × mineral, in date order, each linked to its source."""
    rows = ds.sanctions.sort_values(["effective", "measure_id", "mineral_id"], kind="stable")
    labels = measure_labels(ds)
    table = []
    for r in rows.itertuples(index=False):
        src = ds.source(r.source_id) or {}
        table.append({
            "measure_id": labels.get(r.measure_id, r.measure_id), "authority": r.authority, "reference": getattr(r, "reference", "") or "",
            "adopted": r.adopted.strftime("%Y-%m-%d"), "effective": r.effective.strftime("%Y-%m-%d"),
            "ends": r.ends.strftime("%Y-%m-%d") if pd.notna(r.ends) else "",
            "mineral": ds.mineral_name(r.mineral_id), "action": ds.vocab.label("sanction_action", r.action),
            "note": r.note, "url": src.get("url"), "title": src.get("title", r.source_id),
        })
    return render("measures_table.html", rows=table)


PANEL_CSS = """
<style>
.nk-detail h3 { margin: 0 0 .2rem 0; }
.nk-names { color: #555; margin-top: 0; }
.nk-events { padding-left: 1.1rem; }
.nk-event { margin-bottom: .8rem; }
.nk-event-title { margin: .1rem 0; }
.nk-evidence { margin: .2rem 0 .2rem .2rem; padding-left: .6rem; border-left: 3px solid #ccc; color: #333; font-style: italic; }
.nk-source, .nk-figures { font-size: .9em; color: #444; }
.nk-badge { display: inline-block; font-size: .75em; padding: 0 .4em; border-radius: .6em; border: 1px solid #999; margin-left: .2em; }
.nk-official { background: #e0f0e3; border-color: #3c8d50; }
.nk-corroborated { background: #e3ecf7; border-color: #4a78b0; }
.nk-reported { background: #f6efe0; border-color: #b08a3c; }
.nk-anonymous { background: #f3e3e3; border-color: #a05050; }
.nk-approx { border-style: dashed; }
.nk-hidden { color: #666; font-size: .9em; }
.nk-asof-table { border-collapse: collapse; font-size: .9em; margin-bottom: .6rem; }
.nk-asof-table th, .nk-asof-table td { border-bottom: 1px solid #e3e3e3; padding: .2rem .4rem; text-align: left; vertical-align: top; }
.nk-x-halted { color: #7a0019; } .nk-x-continued { color: #1b4d89; }
.nk-links a { margin-right: 1rem; }
</style>
"""


TABLE_CSS = """
<style>
.nk-table { border-collapse: collapse; width: 100%; font-size: .9em; }
.nk-table th, .nk-table td { border-bottom: 1px solid #e3e3e3; padding: .3rem .4rem; text-align: left; vertical-align: top; }
.nk-table th { background: #f6f6f6; }
.nk-s-banned, .nk-s-suspended, .nk-s-capped, .nk-s-exempt { font-weight: 600; }
.nk-hidden { color: #666; font-size: .9em; }
.nk-new { background: #fff3b0; border: 1px solid #c9a400; border-radius: 3px; padding: 0 .25rem; font-size: .85em; font-weight: 600; }
</style>
"""
