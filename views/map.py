"""Map: mines and border crossings; click a mine (or find it by any spelling) for its details."""

import datetime as dt
import time

import streamlit as st
from streamlit_folium import st_folium

from geo import state
from geo.render.details import PANEL_CSS, asof_status_html, mine_detail_html
from geo.render.maps import build_base_map, focus_view, mine_layer, resolve_click
from geo.render.text import md_escape
from geo.rules.asof import date_range, default_day, mine_states, state_map

MAP_KEY = "mine_map"
PICKER_KEY = "mine_picker"
LAST_CLICK_KEY = "_last_map_click"
FOCUS_KEY = "_map_focus"  # (mine_id, n): the mine picked in the list, to centre the map on
FOCUS_ZOOM = 9
ASOF_ON, ASOF_SLIDER, ASOF_VALUE, ASOF_PLAY = "asof_on", "asof_slider", "asof_value", "asof_play"
ASOF_LAST_STEP, ASOF_STOP = "_asof_last_step", "_asof_stop"
STEPS = {"day": dt.timedelta(days=1), "week": dt.timedelta(days=7), "month": dt.timedelta(days=30),
         "quarter": dt.timedelta(days=91)}
RETURNED = ["last_object_clicked", "last_object_clicked_tooltip", "last_object_clicked_count"]

ds = state.dataset_or_stop()
filters = state.current_filters()
if note := state.narrowed_note():  # another page narrowed the shared filters to show its events
    st.info(note, icon=":material/filter_alt:")
rows = filters.apply(ds.view)
active = None if filters.is_empty else tuple(sorted(set(rows["mine_id"].unique()) - {""}))


def _on_pick():
    picked = st.session_state.get(PICKER_KEY)
    state.select_mine(picked)
    if picked:  # move the map to it (a new value each pick, so picking the same mine again moves it back)
        st.session_state[FOCUS_KEY] = (picked, st.session_state.get(FOCUS_KEY, (None, 0))[1] + 1)


def _on_map_change():
    """A click on the map: select its mine before the page runs, so one run draws the panel."""
    returned = st.session_state.get(MAP_KEY)
    clicked = resolve_click(returned, ds.mines)
    click_id = ((returned or {}).get("last_object_clicked_count"), clicked)
    if clicked and click_id != st.session_state.get(LAST_CLICK_KEY):
        # A new click (the count tells a second click on the same marker from an old value).
        st.session_state[LAST_CLICK_KEY] = click_id
        state.select_mine(clicked)


selected = state.selected_mine()
if st.session_state.get(PICKER_KEY) != selected:
    st.session_state[PICKER_KEY] = selected

first, last = date_range(ds)
if st.session_state.pop(ASOF_STOP, False):
    st.session_state[ASOF_PLAY] = False


def _set_day(day: dt.date) -> None:
    st.session_state[ASOF_VALUE] = min(max(day, first), last)


def _on_slider():
    _set_day(st.session_state[ASOF_SLIDER])


def _step(sign: int):
    _set_day(st.session_state.get(ASOF_VALUE, first) + sign * STEPS[st.session_state.get("asof_step", "month")])

st.title("Mines and trade events")
n_active = len(ds.mines) if active is None else len(active)
st.caption(f"{n_active} of {len(ds.mines)} mines have events matching: {md_escape(ds.describe(filters))}. "
           "Click a marker, or find a mine by any spelling.")

asof = None
with st.container(border=True):
    c_on, c_slider = st.columns([1, 4], vertical_alignment="center")
    c_on.toggle("As-of view", key=ASOF_ON, help="Show what was known on a day: each mine styled by its latest "
                "reported export status and by the sanctions on its minerals that day.")
    if st.session_state.get(ASOF_ON):
        st.session_state.setdefault(ASOF_VALUE, default_day(ds))
        st.session_state[ASOF_SLIDER] = st.session_state[ASOF_VALUE]
        c_slider.slider("As of", min_value=first, max_value=last, key=ASOF_SLIDER, on_change=_on_slider,
                        format="YYYY-MM-DD", step=dt.timedelta(days=1))
        b1, b2, b3, b4 = st.columns([1, 1, 2, 2], vertical_alignment="center")
        b1.button("◀ Step", on_click=_step, args=(-1,), width="stretch")
        b2.button("Step ▶", on_click=_step, args=(1,), width="stretch")
        b3.segmented_control("Step", list(STEPS), default="month", key="asof_step", label_visibility="collapsed")
        b4.toggle("Play", key=ASOF_PLAY, help="Advance one step a second until the last day.")
        asof = st.session_state[ASOF_VALUE]


@st.fragment(run_every=1.0 if (st.session_state.get(ASOF_ON) and st.session_state.get(ASOF_PLAY)) else None)
def _player():
    # The body also runs inside full reruns: the clock, not the call, decides when to step,
    # so playing advances one step a second however often the page reruns.
    if not (st.session_state.get(ASOF_ON) and st.session_state.get(ASOF_PLAY)):
        return
    now = time.monotonic()
    if now - st.session_state.get(ASOF_LAST_STEP, 0.0) < 0.9:
        return
    st.session_state[ASOF_LAST_STEP] = now
    if st.session_state.get(ASOF_VALUE, first) >= last:
        st.session_state[ASOF_STOP] = True  # the toggle is already drawn: switch it off next run
    else:
        _step(1)
    st.rerun(scope="app")


_player()
states = mine_states(ds, asof) if asof else None

left, right = st.columns([3, 2], gap="medium")
with left:
    mine_ids = list(ds.mines["mine_id"])
    labels = {m: f"{n} — {', '.join(a)}" if a else n
              for m, n, a in zip(ds.mines["mine_id"], ds.mines["name"], ds.mines["aliases"], strict=True)}
    st.selectbox("Find a mine (any spelling: Tanchon, Dancheon, 단천…)", [None, *mine_ids], key=PICKER_KEY,
                 format_func=lambda m: "—" if m is None else labels[m], on_change=_on_pick)
    # Built afresh each run: st_folium rewrites the objects it renders, and it normalises their
    # ids, so the same data gives the same map script and the map is not remounted.
    base = build_base_map(ds.basemap, ds.crossings, mineral_labels=ds.mineral_names,
                          provinces=ds.province_boundaries, rivers=ds.rivers)
    # centre/zoom move the mounted map (no remount) when a mine is picked in the list
    center, zoom = focus_view(ds.mines, *st.session_state.get(FOCUS_KEY, (None, 0)), zoom=FOCUS_ZOOM)
    if absent := state.map_assets_missing():  # a blank frame says nothing: say what is missing and how to mend it
        st.error(f"The map cannot be drawn: its offline files are missing ({absent[0]}"
                 f"{f' and {len(absent) - 1} more' if len(absent) > 1 else ''}). Start the dashboard with "
                 "`make run`, or run `python -m geo.render.assets`, then reload this page. The list of mines "
                 "above and the other pages work without them.", icon=":material/map:")
        returned = None
    else:
        returned = st_folium(base, key=MAP_KEY, height=620, use_container_width=True,
                             feature_group_to_add=mine_layer(ds.mines, active_ids=active, selected_id=selected,
                                                             states=state_map(states) if states is not None else None),
                             returned_objects=RETURNED, center=center, zoom=zoom, on_change=_on_map_change)
    clicked = resolve_click(returned, ds.mines)
    click_id = ((returned or {}).get("last_object_clicked_count"), clicked)
    if clicked and click_id != st.session_state.get(LAST_CLICK_KEY):  # a click the callback did not see
        st.session_state[LAST_CLICK_KEY] = click_id
        if clicked != selected:
            state.select_mine(clicked)
            st.rerun()

with right:
    if selected:
        all_rows = ds.mine_events(selected)
        shown = filters.apply(all_rows)
        hidden = all_rows["event_id"].nunique() - shown["event_id"].nunique()
        status_html = ""
        if states is not None:
            row = states[states["mine_id"] == selected].iloc[0].to_dict()
            status_html = asof_status_html(ds, row, asof)
        st.html(PANEL_CSS + mine_detail_html(ds, selected, shown, hidden, status_html=status_html, filters=filters))
        if st.button("Clear selection", key="clear_selection"):
            state.select_mine(None)
            st.rerun()
    else:
        st.info("Select a mine on the map or in the list to see what is mined there, what happened to its "
                "exports and who reported it.")
