"""Sanctions: what was banned when, and which events touched a restricted mineral."""

import streamlit as st

from geo import state
from geo.render.charts import sanctions_chart
from geo.render.details import (
    TABLE_CSS,
    events_table_html,
    measures_table_html,
    sanction_check_html,
)
from geo.render.text import md_escape
from geo.rules.asof import default_day
from geo.rules.authorities import authority_table
from geo.rules.sanctions import STATUSES, parse_date, restricted_rows, status_on

ds = state.dataset_or_stop()
filters = state.current_filters()
rows = filters.apply(ds.view)

st.title("Sanctions")
st.caption("UN Security Council resolutions, China's implementing notices and suspensions, and US executive orders, by mineral. Within one "
           "authority the latest measure replaces earlier ones; across authorities the most restrictive "
           f"applies ({' > '.join(STATUSES)}).")

minerals = list(filters.minerals) or None
st.altair_chart(sanctions_chart(ds, minerals=minerals), width="stretch")

with st.container(border=True):
    st.markdown("**Check a mineral on a day**")
    c1, c2 = st.columns(2)
    mineral = c1.selectbox("Mineral", filters.mineral_choices(ds.minerals["mineral_id"]), format_func=ds.mineral_name,
                           key="sanction_mineral", help="The minerals of the sidebar's filter (every mineral without one)")
    # A text field: it takes a typed date on Enter (the date picker's typed value waited for a blur).
    typed = c2.text_input("On (YYYY-MM-DD, press Enter)", value=default_day(ds).isoformat(), key="sanction_day",
                          max_chars=10)
    try:
        day = parse_date(typed.strip())
    except ValueError:
        day = None
        st.warning("That is not a date: type it as YYYY-MM-DD, e.g. 2017-08-05, and press Enter.")
    if day is not None:
        st.html(TABLE_CSS + sanction_check_html(ds, status_on(ds, mineral, day)))
        st.markdown("**Each authority side by side on that day**")
        st.caption("Every mineral's status under each authority's own measures in force "
                   "(UN Security Council, China's MOFCOM/GACC notices, US executive orders), and the status that "
                   "applies (the most restrictive). *sectoral*: persons in the sector may be designated; trade in "
                   "the mineral itself is not banned by that authority.")
        st.dataframe(authority_table(ds, day, filters.minerals or None).drop(columns="mineral_id")
                     .rename(columns={"mineral": "Mineral", "applies": "Status that applies"}), hide_index=True,
                     width="stretch")

touched = restricted_rows(ds, rows)
st.subheader(f"Events that touched a restricted mineral ({touched['event_id'].nunique()})")
st.caption(f"Within the current filters ({md_escape(ds.describe(filters))}). The status is the mineral's on the event's "
           "date; where an approximate date spans a change of status, the row says so.")
if touched.empty:
    st.info("No event in the current filters touched a mineral under a ban, cap or suspension.")
else:
    st.html(TABLE_CSS + events_table_html(ds, touched))

st.subheader("Measures")
st.html(TABLE_CSS + measures_table_html(ds))
