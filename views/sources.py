"""Sources & method: every source with the events it supports, licence, version, changelog, method."""

import streamlit as st

from geo import state
from geo.render.sources import METHOD_MARKDOWN, source_table

ds = state.dataset_or_stop()

st.title("Sources & method")
st.markdown(f"Data package **{ds.name}**, version **{ds.version}**, created {ds.descriptor.get('created', '')}. "
            f"Licence: [{ds.licence}]({ds.licence_url}). Country outlines: Natural Earth (public domain).")

st.subheader("Sources")
st.caption("Every source the data cites, with the events it supports (as main or corroborating source) "
           "and what else it is used for.")
st.dataframe(source_table(ds), hide_index=True, width="stretch",
             column_config={"URL": st.column_config.LinkColumn("URL")})

st.subheader("Method")
st.markdown(METHOD_MARKDOWN)

with st.expander("Data changelog", expanded=False):
    st.markdown(ds.changelog)
