"""Map: mines and border crossings; click a mine (or find it by any spelling) for its details."""

import streamlit as st
from streamlit_folium import st_folium

from geo import state
from geo.details import PANEL_CSS, mine_detail_html
from geo.maps import build_base_map, mine_layer, resolve_click

MAP_KEY = "mine_map"
PICKER_KEY = "mine_picker"
LAST_CLICK_KEY = "_last_map_click"
RETURNED = ["last_object_clicked", "last_object_clicked_tooltip", "last_object_clicked_count"]

ds = state.dataset_or_stop()
filters = state.current_filters()
rows = filters.apply(ds.view)
active = None if filters.is_empty else tuple(sorted(set(rows["mine_id"]) - {""}))


def _on_pick():
    state.select_mine(st.session_state.get(PICKER_KEY))


selected = state.selected_mine()
if st.session_state.get(PICKER_KEY) != selected:
    st.session_state[PICKER_KEY] = selected

st.title("Mines and trade events")
n_active = len(ds.mines) if active is None else len(active)
st.caption(f"{n_active} of {len(ds.mines)} mines have events matching: {ds.describe(filters)}. "
           "Click a marker, or find a mine by any spelling.")

left, right = st.columns([3, 2], gap="medium")
with left:
    mine_ids = list(ds.mines["mine_id"])
    labels = {m: f"{n} — {', '.join(a)}" if a else n
              for m, n, a in zip(ds.mines["mine_id"], ds.mines["name"], ds.mines["aliases"], strict=True)}
    st.selectbox("Find a mine (any spelling: Tanchon, Dancheon, 단천…)", [None, *mine_ids], key=PICKER_KEY,
                 format_func=lambda m: "—" if m is None else labels[m], on_change=_on_pick)
    # Built afresh each run: st_folium rewrites the objects it renders, and it normalises their
    # ids, so the same data gives the same map script and the map is not remounted.
    base = build_base_map(ds.basemap, ds.crossings, mineral_labels=ds.mineral_names)
    returned = st_folium(base, key=MAP_KEY, height=580, use_container_width=True,
                         feature_group_to_add=mine_layer(ds.mines, active_ids=active, selected_id=selected),
                         returned_objects=RETURNED)
    clicked = resolve_click(returned, ds.mines)
    click_id = ((returned or {}).get("last_object_clicked_count"), clicked)
    if clicked and click_id != st.session_state.get(LAST_CLICK_KEY):
        # A new click (the count tells a second click on the same marker from an old value).
        st.session_state[LAST_CLICK_KEY] = click_id
        if clicked != selected:
            state.select_mine(clicked)
            st.rerun()

with right:
    if selected:
        all_rows = ds.mine_events(selected)
        shown = filters.apply(all_rows)
        hidden = all_rows["event_id"].nunique() - shown["event_id"].nunique()
        st.html(PANEL_CSS + mine_detail_html(ds, selected, shown, hidden))
        if st.button("Clear selection", key="clear_selection"):
            state.select_mine(None)
            st.rerun()
    else:
        st.info("Select a mine on the map or in the list to see what is mined there, what happened to its "
                "exports and who reported it.")
