"""Timeline: the filtered events over time, one lane per mine or per mineral."""

import streamlit as st

from geo import state
from geo.details import TABLE_CSS, events_table_html
from geo.timeline import chart_height, lane_from_selection, timeline_chart, timeline_frame

ds = state.dataset_or_stop()
filters = state.current_filters()
rows = filters.apply(ds.view)
selected = state.selected_mine()

st.title("Timeline")
st.caption(f"{rows['event_id'].nunique()} events — {ds.describe(filters)}")

lane = st.segmented_control("Lanes", ["mine", "mineral"], default="mine", key="timeline_lane",
                            format_func=lambda v: f"One lane per {v}") or "mine"
if rows.empty:
    st.info("No events match the current filters.")
else:
    frame = timeline_frame(rows, lane, selected)
    event = st.altair_chart(timeline_chart(frame, selected=selected), on_select="rerun",
                            key=f"timeline_chart_{lane}", width="stretch",
                            height=chart_height(frame))
    picked = lane_from_selection(event)
    if lane == "mine" and picked and picked != selected and picked in ds.mine_names:
        state.select_mine(picked)
        st.rerun()
    st.caption("Filled marks: exact day. Hollow marks with a dashed line: approximate, month or year dates, "
               "spanning the window they may fall in. Bars: periods with an end date. "
               "A dotted ring: the event involved a mineral under a ban, cap or suspension that day. "
               "Click a mark to select its mine (highlighted here and on the map).")
    if selected:
        st.markdown(f"Selected mine: **{ds.mine_name(selected)}**")

st.subheader("Events")
st.html(TABLE_CSS + events_table_html(ds, rows))
