"""Trade: China's recorded imports from North Korea for the filtered minerals and dates, with downloads."""

import streamlit as st

from geo import state
from geo.io.trade_export import trade_csv_bytes, trade_filename, trade_xlsx_bytes
from geo.render.trade_chart import md_escape, trade_display
from geo.rules.filters import Filters
from geo.rules.trade import MEASURE_LABELS, MEASURES, REPORTERS, measure_column, trade_table

ALL = "all"

ds = state.dataset_or_stop()
shared = state.current_filters()
filters = Filters(minerals=shared.minerals, since=shared.since, until=shared.until)  # what applies to trade

st.title("Trade")
st.caption("China's recorded imports from North Korea (mirror data: what China's customs recorded, not North "
           f"Korea's own figures), figure by figure as sources state them — {md_escape(ds.describe(filters))}")

c1, c2 = st.columns(2)
measure = c1.segmented_control("Measure", list(MEASURES), default="quantity", key="trade_measure",
                               format_func=MEASURE_LABELS.get) or "quantity"
reporter = c2.selectbox("Reporter", [ALL, *REPORTERS], key="trade_reporter",
                        format_func=lambda r: "Every reporter" if r == ALL else f"{r}: {REPORTERS[r]}")
table = trade_table(ds, filters.minerals or None, filters.since, filters.until, None if reporter == ALL else reporter)
table = table[table[measure_column(measure)].notna()]

st.caption(f"{len(table)} figure(s) with a {measure}. A period without a row: no source was found (not zero). "
           "Range and year rows cover their whole period: never add them to the months inside. CN-port rows are "
           "one port's subtotal: never add them to CN. Rows sharing a conflict group disagree; all are kept.")
if table.empty:
    st.info("No trade figures match the current filters and measure.")
else:
    st.dataframe(trade_display(table, measure), hide_index=True, width="stretch",
                 column_config={"Source URL": st.column_config.LinkColumn("Source URL"),
                                MEASURE_LABELS[measure]: st.column_config.NumberColumn(format="localized")})

st.subheader("Download these figures")
st.caption(f"Data version {md_escape(ds.version)}. Both files hold the rows with their sources; the XLSX adds a sources "
           "sheet and an about sheet (version, filter, licence, how to read the figures).")
d1, d2 = st.columns(2)
d1.download_button("Trade CSV", data=lambda: trade_csv_bytes(table), file_name=trade_filename(ds, filters, "csv"),
                   mime="text/csv", key="dl_trade_csv", on_click="ignore", icon=":material/download:")
d2.download_button("Trade XLSX (with sources)", data=lambda: trade_xlsx_bytes(ds, filters, table, measure),
                   file_name=trade_filename(ds, filters, "xlsx"),
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   key="dl_trade_xlsx", on_click="ignore", icon=":material/download:")
