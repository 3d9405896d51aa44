"""Timeline: the filtered events over time, one lane per mine or per mineral."""

import streamlit as st

from geo import state
from geo.render.details import TABLE_CSS, events_table_html
from geo.render.timeline import (
    LANE_SELECTION,
    TOP_LANES,
    lane_from_selection,
    responsive_lanes,
    timeline_view,
)
from geo.render.trade_chart import PRECISIONS, md_escape, shared_domain, trade_charts, with_x_domain
from geo.rules.trade import MEASURE_LABELS, MEASURES

ds = state.dataset_or_stop()
filters = state.current_filters()
if note := state.narrowed_note():  # another page narrowed the shared filters to show its events
    st.info(note, icon=":material/filter_alt:")
rows = filters.apply(ds.view)
selected = state.selected_mine()

st.title("Timeline")
st.caption(f"{rows['event_id'].nunique()} events — {md_escape(ds.describe(filters))}")
if st.session_state.get("_timeline_search_shown") != filters.text:  # the shared search (sidebar, link) shows here
    st.session_state["timeline_search"] = st.session_state["_timeline_search_shown"] = filters.text
st.text_input("Search events", key="timeline_search", on_change=state.search_changed,
              args=("timeline_search",), placeholder="words in the title, summary or source: smuggled, Reuters, \"coal exports\"…",
              help="Every word must appear in the event's title, summary or source (publisher or title); case and "
              "accents do not matter. The search is shared with the other pages and the link.")

domain = shared_domain(ds, rows, list(filters.minerals), filters.since, filters.until)

lane = st.segmented_control("Lanes", ["mine", "mineral"], default="mine", key="timeline_lane",
                            format_func=lambda v: f"One lane per {v}") or "mine"
if rows.empty:
    st.info("No events match the current filters.")
else:
    frame, spec, aggregated = timeline_view(rows, ds.vocab, lane, selected)
    spec = responsive_lanes(with_x_domain(spec, domain))  # the time axis of the trade charts below
    # An explicit height (lanes + axis and legend) so that every lane keeps its own labelled row.
    event = st.vega_lite_chart(frame, spec, on_select="rerun", selection_mode=LANE_SELECTION,
                               key=f"timeline_chart_{lane}", width="stretch", height=spec["height"] + 60)
    picked = lane_from_selection(event)
    if lane == "mine" and picked and picked != selected and picked in ds.mine_names:
        state.select_mine(picked)
        st.rerun()
    if aggregated:
        st.caption(f"Too many events to draw one by one: each cell counts the events of a {lane} in a month "
                   f"(the {TOP_LANES} {lane}s with most events have their own lane, the rest share one). "
                   "Narrow the filters to see each event. Click a lane to select its mine.")
    else:
        st.caption("Filled marks: exact day. Hollow marks with a dashed line: approximate, month or year dates, "
                   "spanning the window they may fall in. Bars: periods with an end date. "
                   "A dotted ring: the event involved a mineral under a ban, cap or suspension that day. "
                   "Events of one lane within about six weeks of each other are drawn one above another. "
                   "Drag the chart to pan, scroll or pinch to zoom in time, double-click to reset. "
                   "Click a mark to select its mine (highlighted here and on the map).")
    if selected:
        st.markdown(f"Selected mine: **{md_escape(ds.mine_name(selected))}**")

st.subheader("Trade figures")
trade_measure = st.segmented_control("Measure", list(MEASURES), default="quantity", key="timeline_trade_measure",
                                     format_func=MEASURE_LABELS.get) or "quantity"
periods = st.segmented_control("Figures for", list(PRECISIONS), selection_mode="multi", default=list(PRECISIONS),
                               key="timeline_trade_periods", format_func=lambda p: PRECISIONS[p][1])
charts, no_figures = trade_charts(ds, rows, list(filters.minerals), trade_measure, filters.since, filters.until,
                                  domain=domain, precisions=periods)
if not filters.minerals:
    st.info("Choose a mineral in the sidebar to see China's recorded imports of it beside the events.",
            icon=":material/monitoring:")
for mineral, trade_spec in charts:
    # Streamlit sizes the whole chart: the plot, plus room for the title, the axis and two legends.
    st.vega_lite_chart(trade_spec, key=f"trade_chart_{mineral}", width="stretch", height=trade_spec["height"] + 190)
if charts:
    st.caption("China's recorded imports from North Korea (China customs, mirror data), on the time axis of the "
               "events above. Each figure is a segment over its whole period (month, range or year, never spread "
               "over months); a gap means no source was found, not zero. Circle: exact; diamond: about; triangles: "
               "at least / at most; ring: another source disagrees. Shading: sanctions in force. Dashed lines: the "
               "events. Port subtotals and UN figures are on the Trade page.")
for mineral in no_figures:
    st.caption(f"No {trade_measure} figures of the chosen periods for {md_escape(ds.mineral_name(mineral))} in this period: no source was found.")

st.subheader("Events")
added = state.just_added()
shown_ids = set(rows["event_id"]) if added else set()
marks = {i: m for i, m in added.items() if i in shown_ids}
if marks:
    st.caption(f"The {len(marks)} event(s) the Add report page just sent here are marked "
               + " or ".join(f'"{m}"' for m in dict.fromkeys(marks.values())) + " in the table.")
st.html(TABLE_CSS + events_table_html(ds, rows, marked=marks))
