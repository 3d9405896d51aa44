"""Entrypoint and router: page config, shared sidebar filters bound to the URL, footer.

Pages live in views/ and only read state, call geo/ and render. (Not pages/: with a folder of
that name Streamlit starts in its legacy folder mode, so a shared link such as /timeline would
run that page alone, without this router and its sidebar.)
"""

import streamlit as st

from geo import state
from geo.model.dataset import CONFIDENCE_LEVELS
from geo.package import DataError
from geo.render.text import md_escape, md_link
from geo.rules.filters import date_bounds

st.set_page_config(page_title="North Korea mines & trade events", page_icon="⛏️", layout="wide")

ERROR_ROWS = 500  # rows of the error page's table

MAP = st.Page("views/map.py", title="Map", icon=":material/map:", url_path="map")


def _root() -> None:
    """The root address opens the map at its own address, /map, with the same query."""
    st.switch_page(MAP, query_params=state.query_params())


PAGES = [
    st.Page(_root, title="Home", url_path="home", default=True, visibility="hidden"),
    MAP,
    st.Page("views/timeline.py", title="Timeline", icon=":material/timeline:", url_path="timeline"),
    st.Page("views/sanctions.py", title="Sanctions", icon=":material/gavel:", url_path="sanctions"),
    st.Page("views/trade.py", title="Trade", icon=":material/monitoring:", url_path="trade"),
    st.Page("views/data.py", title="Data & export", icon=":material/table:", url_path="data"),
    st.Page("views/sources.py", title="Sources & method", icon=":material/menu_book:", url_path="sources"),
    st.Page("views/add_report.py", title="Add report", icon=":material/post_add:", url_path="add-report"),
]
#: Pages the shared filters do not act on: their sidebar says so instead of showing the filters.
UNFILTERED = {"add-report"}

ds = state.dataset()
if isinstance(ds, DataError):
    st.navigation(PAGES, position="hidden")
    st.title("The data package did not validate")
    st.error(f"{len(ds.problems):,} problem(s) were found in the data package. The dashboard shows nothing until "
             "they are fixed. Run `python -m geo validate` for the same list.")
    # Repeated problems summarised (at most ERROR_ROWS rows): 100,000 broken rows stay a short table.
    summary = ds.summary()
    st.dataframe(
        [{"File": p.file, "Row / feature": "" if p.row is None else p.row, "Field": p.field or "", "Problem": p.reason,
          "More rows like it": more or ""} for p, more in summary[:ERROR_ROWS]],
        hide_index=True, width="stretch",
    )
    if len(summary) > ERROR_ROWS:
        st.caption(f"The first {ERROR_ROWS} of {len(summary):,} kinds of problem; `python -m geo validate` lists them all.")
    st.stop()

pg = st.navigation(PAGES)
state.init_from_url(ds)

if pg.url_path in UNFILTERED:
    st.sidebar.caption("The shared filters do not apply to this page; the other pages keep them.")
else:
    state.seed_widgets()
    first_day, last_day = date_bounds(ds)
    with st.sidebar:
        st.header("Filters")
        st.multiselect("Minerals", list(ds.minerals["mineral_id"]), key=state.K_MINERALS, on_change=state.on_widget_change,
                       format_func=ds.mineral_name, placeholder="All minerals")
        st.multiselect("Event types", ds.event_types, key=state.K_TYPES, on_change=state.on_widget_change,
                       format_func=lambda t: ds.vocab.label("event_type", t), placeholder="All event types")
        st.text_input("Search events", key=state.K_TEXT, on_change=state.on_widget_change,
                      placeholder="words in title, summary or source", help="Every word must appear in the event's "
                      "title, summary or source (publisher, title); case and accents do not matter; \"quote\" a phrase.")
        # thousands of mines: the list is built in the browser only when the popover opens
        with (st.popover(state.mines_filter_label(), width="stretch") if len(ds.mines) > state.MINES_FILTER_POPOVER_ABOVE
              else st.container()):
            st.multiselect("Mines", list(ds.mines["mine_id"]), key=state.K_MINES, on_change=state.on_widget_change,
                           format_func=ds.mine_name, placeholder="All mines")
        st.multiselect("Provinces", sorted(p for p in ds.mines["province"].unique() if p), key=state.K_PROVINCES, on_change=state.on_widget_change,
                       placeholder="All provinces")
        c1, c2 = st.columns(2)
        c1.date_input("Since", key=state.K_SINCE, on_change=state.on_widget_change, format="YYYY-MM-DD",
                      min_value=first_day, max_value=last_day)
        c2.date_input("Until", key=state.K_UNTIL, on_change=state.on_widget_change, format="YYYY-MM-DD",
                      min_value=first_day, max_value=last_day)
        st.selectbox("Minimum confidence", CONFIDENCE_LEVELS, key=state.K_CONFIDENCE, on_change=state.on_widget_change,
                     format_func=lambda c: {"reported": "Any (reported or better)", "corroborated": "Corroborated or official",
                                            "official": "Official only"}[c])
        st.button("Reset filters", on_click=state.reset_filters)

filters = state.current_filters()
state.sync_url(filters)
for notice in st.session_state.get(state.K_NOTICES, []):
    st.warning(md_escape(notice), icon=":material/warning:")  # notices quote the link's values

pg.run()

st.divider()
st.caption(f"Data package **{md_escape(ds.name)} v{md_escape(ds.version)}** · licence "
           f"{md_link(ds.licence, ds.licence_url)} · every row cites a source.")
st.page_link("views/sources.py", label="Sources, licence and method", icon=":material/menu_book:")
