"""Charts as Altair objects (no Streamlit): the sanctions in force by mineral over time."""

from __future__ import annotations

import pandas as pd

from geo.model.dataset import Dataset
from geo.rules.sanctions import STATUSES, default_span, measures_table, timeline


def text_or_empty(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def sanctions_chart(ds: Dataset, minerals=None, start=None, end=None, width: int = 700):
    """An Altair chart: minerals × time, coloured by status (Okabe–Ito palette).

    Bars are the :func:`timeline` intervals (tooltip: status, dates, measure ids, sources;
    ``href``: the first source). A tick marks each measure's effective date, with its id,
    action and note in the tooltip and its own source URL as ``href``.
    """
    import altair as alt

    tl = timeline(ds, start=start, end=end, minerals=minerals)
    names = list(dict.fromkeys(tl["mineral_name"]))
    y = alt.Y("mineral_name:N", title=None, sort=names)
    colour = alt.Color("status:N", title="Status",
                       scale=alt.Scale(domain=list(STATUSES), range=[ds.vocab.colour("sanction_status", s) for s in STATUSES]),
                       sort=list(STATUSES))
    bars_data = tl.assign(start=tl["start"].dt.strftime("%Y-%m-%d"), until=tl["until"].dt.strftime("%Y-%m-%d"),
                          end=tl["end"].dt.strftime("%Y-%m-%d"))
    bars = alt.Chart(bars_data).mark_bar().encode(
        x=alt.X("start:T", title=None),
        x2="until:T",
        y=y,
        color=colour,
        href="href:N",
        tooltip=[alt.Tooltip("mineral_name:N", title="Mineral"), alt.Tooltip("status:N", title="Status"),
                 alt.Tooltip("start:N", title="From"), alt.Tooltip("end:N", title="To"),
                 alt.Tooltip("measure_ids:N", title="Measures"), alt.Tooltip("source_urls:N", title="Sources")],
    )
    table = measures_table(ds.sanctions, ds.sources)
    table = table[table["mineral_id"].isin(tl["mineral_id"].unique())]
    lo, hi = (tl["start"].min(), tl["end"].max()) if len(tl) else default_span(ds)
    table = table[(table["effective"] >= lo) & (table["effective"] <= hi)]
    marks = pd.DataFrame({
        "mineral_name": table["mineral_id"].map(ds.mineral_name),
        "effective": table["effective"].dt.strftime("%Y-%m-%d"),
        "measure_id": table["measure_id"], "action": table["action"],
        "note": table["note"].map(text_or_empty), "href": table["source_url"],
    })
    ticks = alt.Chart(marks).mark_tick(color="black", thickness=2).encode(
        x="effective:T",
        y=y,
        href="href:N",
        tooltip=[alt.Tooltip("measure_id:N", title="Measure"), alt.Tooltip("action:N", title="Action"),
                 alt.Tooltip("effective:N", title="Effective"), alt.Tooltip("note:N", title="Note"),
                 alt.Tooltip("href:N", title="Source")],
    )
    return alt.layer(bars, ticks).properties(width=width, title="Sanctions in force by mineral")
