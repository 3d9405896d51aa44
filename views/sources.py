"""Sources & method: every source with the events it supports, licence, version, changelog, method."""

import streamlit as st

from geo import state
from geo.render.sources import METHOD_MARKDOWN, source_table
from geo.render.text import md_escape, md_link

ds = state.dataset_or_stop()

st.title("Sources & method")
st.markdown(f"Data package **{md_escape(ds.name)}**, version **{md_escape(ds.version)}**, created "
            f"{md_escape(ds.descriptor.get('created', ''))}. Licence: {md_link(ds.licence, ds.licence_url)}. "
            "Country outlines: Natural Earth (public domain).")

st.subheader("Sources")
st.caption("Every source the data cites, with the events it supports (as main or corroborating source) "
           "and what else it is used for.")
st.dataframe(source_table(ds), hide_index=True, width="stretch",
             column_config={"URL": st.column_config.LinkColumn("URL")})

st.subheader("Method")
st.markdown(METHOD_MARKDOWN)

with st.expander("Data changelog", expanded=False):
    st.code(ds.changelog, language="markdown", wrap_lines=True)  # the package's text, shown as text
