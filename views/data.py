"""Data & export: the filtered table, counts, and the snapshot downloads."""

import streamlit as st

from geo import state
from geo.io.export import snapshot_zip, to_csv_bytes, to_geojson_bytes, to_xlsx_bytes
from geo.io.manifest import export_filename
from geo.render.tables import counts, display_table
from geo.render.text import md_escape

DISPLAY_LIMIT = 10_000  # rows sent to the browser table; exports are never cut

ds = state.dataset_or_stop()
filters = state.current_filters()
rows = filters.apply(ds.view)
description = md_escape(ds.describe(filters))  # holds the user's search text

st.title("Data & export")
st.caption(f"{len(rows)} rows (one per event × mine × mineral), {rows['event_id'].nunique()} events — {md_escape(description)}")

c1, c2 = st.columns(2)
with c1:
    st.markdown("**Events by mineral**")
    st.dataframe(counts(rows, "mineral_name", "Mineral"), hide_index=True, width="stretch")
with c2:
    st.markdown("**Events by type**")
    st.dataframe(counts(rows, "event_type", "Event type"), hide_index=True, width="stretch")

st.subheader("Download this view")
st.caption(f"Data version {md_escape(ds.version)}; the file names carry the version and the filter. The CSV opens in Excel "
           "with Hangul intact (UTF-8 with a byte-order mark); the Excel workbook holds the same rows plus a sheet of "
           "sources and one describing the filter, version and licence. The zip adds manifest.json (version, filter, "
           "row count, licence, checksum) for citing.")
d1, d4, d2, d3 = st.columns(4)
# Files are made when a button is clicked (callables), not on every rerun of the page.
d1.download_button("CSV snapshot", data=lambda: to_csv_bytes(rows, ds), file_name=export_filename(ds, filters, "csv"),
                   mime="text/csv", key="dl_csv", on_click="ignore", icon=":material/download:")
d4.download_button("Excel (.xlsx)", data=lambda: to_xlsx_bytes(ds, filters, rows),
                   file_name=export_filename(ds, filters, "xlsx"),
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="dl_xlsx",
                   on_click="ignore", icon=":material/download:")
d2.download_button("GeoJSON", data=lambda: to_geojson_bytes(ds, filters, rows),
                   file_name=export_filename(ds, filters, "geojson"), mime="application/geo+json",
                   key="dl_geojson", on_click="ignore", icon=":material/download:")
d3.download_button("Snapshot zip (CSV + GeoJSON + manifest)", data=lambda: snapshot_zip(ds, filters, rows),
                   file_name=export_filename(ds, filters, "zip"), mime="application/zip",
                   key="dl_zip", on_click="ignore", icon=":material/download:")

st.subheader("Rows")
if len(rows) > DISPLAY_LIMIT:
    st.caption(f"Showing the first {DISPLAY_LIMIT:,} of {len(rows):,} rows; the downloads hold them all.")
st.dataframe(display_table(rows.head(DISPLAY_LIMIT), ds.vocab), hide_index=True, width="stretch",
             column_config={"Source URL": st.column_config.LinkColumn("Source URL")})
