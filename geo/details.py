"""The mine detail panel and source citations as HTML fragments.

Pure functions, so escaping is unit-tested: every text from the data passes through
``esc`` and every link through ``safe_url`` (http and https only) before it reaches HTML.
"""

from __future__ import annotations

import html

import pandas as pd

from geo.data import Dataset

PRECISION_WORDS = {
    "site": "exact site",
    "town": "town (the mine is in or near it)",
    "county": "county only",
    "province": "province only",
    "approximate": "approximate",
}
DATE_PRECISION_WORDS = {"day": "exact day", "month": "month only", "year": "year only",
                        "approximate": "approximate date"}
CONFIDENCE_WORDS = {
    "official": "official — a government or UN document",
    "corroborated": "corroborated — two or more independent reports",
    "reported": "reported — a single report",
}
EVENT_TYPE_LABELS = {
    "export_halt": "Export halt", "export_continued": "Export continued",
    "import_suspension": "Import suspension", "sanction": "Sanction",
    "investment_offer": "Investment offer", "trade_figure": "Trade figure",
    "production_halt": "Production halt", "smuggling": "Smuggling",
}


_EXTRA_ENTITIES = str.maketrans(
    {"\\": "&#92;", "`": "&#96;", "$": "&#36;", "{": "&#123;", "}": "&#125;"}
)


def esc(value) -> str:
    """Text from data made safe for HTML, for JS template literals and for Jinja.

    ``None``/NaN become "". Besides ``& < > " '``, these become numeric entities (the browser
    shows them as the original characters): backtick, ``$`` and backslash, because folium
    pastes tooltip HTML into a JS template literal where they could end the string or run
    ``${...}``; ``{`` and ``}``, because folium compiles every element's rendered script again
    as a Jinja template, so ``{{ ... }}`` in data would be evaluated on the server.
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True).translate(_EXTRA_ENTITIES)


def safe_url(url) -> str:
    text = "" if url is None or (isinstance(url, float) and pd.isna(url)) else str(url).strip()
    return text if text.lower().startswith(("https://", "http://")) else ""


def link(url, text) -> str:
    """An escaped link that opens in a new tab, or just the escaped text when there is no URL."""
    href = safe_url(url)
    if not href:
        return esc(text)
    return f'<a href="{esc(href)}" target="_blank" rel="noopener noreferrer">{esc(text)}</a>'


def source_citation(ds: Dataset, source_id: str) -> str:
    src = ds.source(source_id)
    if src is None:
        return esc(source_id)
    published = f", {esc(src['published'])}" if src.get("published") else ""
    title = link(src.get("url"), src["title"])
    return f"{esc(src['publisher'])}, <cite>{title}</cite>{published}"


def format_number(value) -> str:
    if value is None or pd.isna(value):
        return ""
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def _badge(text: str, kind: str, title: str = "") -> str:
    t = f' title="{esc(title)}"' if title else ""
    return f'<span class="nk-badge nk-{esc(kind)}"{t}>{esc(text)}</span>'


def _event_block(ds: Dataset, rows: pd.DataFrame) -> str:
    first = rows.iloc[0]
    minerals = ", ".join(f"{esc(r.mineral_name)} ({esc(r.effect)})" for r in rows.itertuples())
    badges = [_badge(first["confidence"], first["confidence"], CONFIDENCE_WORDS.get(first["confidence"], ""))]
    if bool(first["anonymous_source"]):
        badges.append(_badge("anonymous source", "anonymous", "The report relies on unnamed sources"))
    if first["date_precision"] != "day":
        badges.append(_badge(DATE_PRECISION_WORDS[first["date_precision"]], "approx"))
    figures = []
    if pd.notna(first["value_usd"]):
        figures.append(f"US${format_number(first['value_usd'])}")
    if pd.notna(first["quantity"]):
        figures.append(f"{format_number(first['quantity'])} {esc(first['unit'])}")
    evidence = (f'<blockquote class="nk-evidence">“{esc(first["evidence"])}”</blockquote>'
                if first["evidence"] else "")
    corroborating = "".join(f"<br>Also: {source_citation(ds, s)}" for s in first["corroborating_source_ids"])
    return (
        '<li class="nk-event">'
        f'<div class="nk-event-head"><strong>{esc(first["date_label"])}</strong> · '
        f'{esc(EVENT_TYPE_LABELS.get(first["event_type"], first["event_type"]))} · {minerals} {" ".join(badges)}</div>'
        f'<div class="nk-event-title">{esc(first["title"])}</div>'
        + (f'<div class="nk-figures">Figures as stated: {"; ".join(figures)}</div>' if figures else "")
        + evidence
        + f'<div class="nk-source">Source: {source_citation(ds, first["source_id"])}{corroborating}</div>'
        "</li>"
    )


def mine_detail_html(ds: Dataset, mine_id: str, rows: pd.DataFrame, hidden: int = 0,
                     status_html: str = "") -> str:
    """The detail panel of one mine: names, minerals, place, precision, and its events in date order.

    ``rows`` are the mine's view rows to list (already filtered); ``hidden`` counts the mine's
    events the filters leave out. ``status_html`` (already escaped) is shown under the place.
    """
    mine = ds.mine(mine_id)
    if mine is None:
        return f"<p>Unknown mine {esc(mine_id)}.</p>"
    aliases = ", ".join(esc(a) for a in mine["aliases"])
    minerals = ", ".join(esc(ds.mineral_name(m)) for m in mine["minerals"])
    place = ", ".join(esc(p) for p in (mine["county"], mine["province"]) if p)
    precision = PRECISION_WORDS.get(mine["location_precision"], mine["location_precision"])
    unc = mine.get("uncertainty_km")
    unc_text = f" (± {format_number(unc)} km)" if unc is not None and pd.notna(unc) else ""
    loc_sources = "; ".join(source_citation(ds, s) for s in mine["source_ids"])
    events = []
    ordered = rows.sort_values(["date", "event_id"], kind="stable")
    for _eid, group in ordered.groupby("event_id", sort=False):
        events.append(_event_block(ds, group))
    n_events = len(events)
    hidden_note = (f'<p class="nk-hidden">{hidden} more event{"s" if hidden != 1 else ""} of this mine '
                   "are hidden by the current filters.</p>") if hidden else ""
    parts = [
        '<div class="nk-detail">',
        f'<h3 class="nk-mine-name">{esc(mine["name"])}</h3>',
        f'<p class="nk-names">{esc(mine["name_ko"])}{" · " if mine["name_ko"] and aliases else ""}{aliases}</p>'
        if (mine["name_ko"] or aliases) else "",
        f"<p><strong>Minerals:</strong> {minerals}</p>",
        f"<p><strong>Where:</strong> {place or 'not recorded'}</p>",
        f"<p><strong>Location:</strong> {esc(precision)}{esc(unc_text)}. {esc(mine['location_note'])}</p>",
        f"<p><strong>Operator:</strong> {esc(mine['operator'])}</p>" if mine.get("operator") else "",
        status_html,
        f'<p class="nk-loc-sources"><strong>Location sources:</strong> {loc_sources}</p>',
        f"<h4>Events ({n_events})</h4>",
        f'<ol class="nk-events">{"".join(events)}</ol>' if events else "<p>No events match the current filters.</p>",
        hidden_note,
        "</div>",
    ]
    return "\n".join(p for p in parts if p)


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
</style>
"""


#: Most rows the HTML event table shows; beyond that the Data page has everything.
TABLE_ROW_LIMIT = 500


def sanction_cell(row) -> str:
    """The sanction status of a view row on its date, with measures and uncertainty, as text."""
    status = getattr(row, "sanction_status", "") or ""
    if not status:
        return ""
    text = STATUS_WORDS.get(status, status)
    if getattr(row, "sanction_measures", ""):
        text += f" ({row.sanction_measures})"
    if bool(getattr(row, "sanction_uncertain", False)):
        text += f"; uncertain, the date spans {getattr(row, 'sanction_status_range', '')}"
    return text


def events_table_html(ds: Dataset, rows: pd.DataFrame, limit: int = TABLE_ROW_LIMIT) -> str:
    """The view rows as an escaped HTML table, in date order, with each source as a link and
    the sanction status of the mineral on the event's date."""
    if len(rows) > limit:  # sort only the rows that can make the first ``limit``: O(n), not O(n log n)
        cut = rows["date"].nsmallest(limit).max()
        rows_head = rows[(rows["date"] <= cut).to_numpy()]
    else:
        rows_head = rows
    shown = rows_head.sort_values(["date", "event_id", "mine_id", "mineral_id"], kind="stable").head(limit)
    body = []
    for r in shown.itertuples(index=False):
        src = link(r.source_url, f"{r.source_publisher}: {r.source_title}")
        flags = " · anonymous source" if bool(r.anonymous_source) else ""
        body.append(
            f'<tr data-event-id="{esc(r.event_id)}"><td>{esc(r.date_label)}</td>'
            f"<td>{esc(EVENT_TYPE_LABELS.get(r.event_type, r.event_type))}</td>"
            f"<td>{esc(r.mine_name) or '—'}</td><td>{esc(r.mineral_name)}</td><td>{esc(r.effect)}</td>"
            f"<td>{esc(r.title)}</td><td>{esc(r.confidence)}{esc(flags)}</td>"
            f'<td class="nk-sanction nk-s-{esc(getattr(r, "sanction_status", ""))}">{esc(sanction_cell(r))}</td>'
            f"<td>{src}</td></tr>"
        )
    more = (f'<p class="nk-hidden">Showing the first {limit} of {len(rows)} rows; the Data page lists and '
            "exports them all.</p>") if len(rows) > limit else ""
    return (
        '<table class="nk-table"><thead><tr><th>Date</th><th>Type</th><th>Mine</th><th>Mineral</th>'
        "<th>Effect</th><th>Event</th><th>Confidence</th><th>Sanctions on the day</th><th>Source</th></tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>{more}"
    )


TABLE_CSS = """
<style>
.nk-table { border-collapse: collapse; width: 100%; font-size: .9em; }
.nk-table th, .nk-table td { border-bottom: 1px solid #e3e3e3; padding: .3rem .4rem; text-align: left; vertical-align: top; }
.nk-table th { background: #f6f6f6; }
.nk-s-banned, .nk-s-suspended, .nk-s-capped, .nk-s-exempt { font-weight: 600; }
.nk-hidden { color: #666; font-size: .9em; }
</style>
"""


STATUS_WORDS = {
    "banned": "banned", "suspended": "suspended by an importer", "capped": "capped",
    "exempt": "banned with an exemption", "unrestricted": "not restricted",
}


def asof_status_html(ds: Dataset, state: dict, day) -> str:
    """What was known about one mine on ``day``: its latest export report and its minerals' sanctions."""
    day_text = esc(pd.Timestamp(day).strftime("%d %b %Y").lstrip("0"))
    if state.get("export_status"):
        src = source_citation(ds, state["export_source_id"])
        export = (f"exports last reported <strong>{esc(state['export_status'])}</strong> "
                  f"({esc(state['export_date_label'])}: {esc(state['export_title'])}; {src})")
    else:
        export = "no export report on or before this day"
    minerals = "; ".join(
        f"{esc(ds.mineral_name(m['mineral_id']))}: <strong>{esc(STATUS_WORDS.get(m['status'], m['status']))}</strong>"
        + (f" ({esc(', '.join(m['measures']))})" if m["measures"] else "")
        for m in state.get("mineral_statuses", [])
    )
    return (f'<div class="nk-asof"><p><strong>As of {day_text}:</strong> {export}.</p>'
            f"<p><strong>Sanctions that day:</strong> {minerals}.</p></div>")


def measures_table_html(ds: Dataset) -> str:
    """Every sanction measure × mineral, in date order, each linked to its source."""
    rows = ds.sanctions.sort_values(["effective", "measure_id", "mineral_id"], kind="stable")
    body = []
    for r in rows.itertuples(index=False):
        src = ds.source(r.source_id) or {}
        ends = r.ends.strftime("%Y-%m-%d") if pd.notna(r.ends) else ""
        body.append(
            f"<tr><td>{esc(r.measure_id)}</td><td>{esc(r.authority)}</td>"
            f"<td>{esc(r.adopted.strftime('%Y-%m-%d'))}</td><td>{esc(r.effective.strftime('%Y-%m-%d'))}</td>"
            f"<td>{esc(ends)}</td><td>{esc(ds.mineral_name(r.mineral_id))}</td><td>{esc(r.action)}</td>"
            f"<td>{esc(r.note)}</td><td>{link(src.get('url'), src.get('title', r.source_id))}</td></tr>"
        )
    return ('<table class="nk-table"><thead><tr><th>Measure</th><th>Authority</th><th>Adopted</th>'
            "<th>Effective</th><th>Ends</th><th>Mineral</th><th>Action</th><th>Note</th><th>Source</th>"
            f"</tr></thead><tbody>{''.join(body)}</tbody></table>")
