"""The one module of geo/ that knows Streamlit: cached loading and shared session state.

- ``dataset()`` loads the package once per content change (cache keyed on the files'
  modification times and sizes), or returns the DataError listing every problem.
- The shared filters live in widget keys defined by the entrypoint's sidebar; they are
  read from the URL query string once per session and written back on every run, so every
  view is a shareable link. The selected mine is ``st.session_state["selected_mine"]`` and
  travels in the URL as ``mine``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import streamlit as st

from geo.ingest.history import revertable
from geo.model.dataset import CONFIDENCE_LEVELS, Dataset
from geo.model.dataset import data_dir as package_dir
from geo.package import DataError
from geo.rules.filters import Filters, date_bounds, mine_to_select, showing, vocabularies
from geo.rules.load import load_dataset

# Widget keys of the shared filters.
K_MINERALS, K_TYPES, K_PROVINCES = "f_minerals", "f_types", "f_provinces"
K_SINCE, K_UNTIL, K_CONFIDENCE = "f_since", "f_until", "f_confidence"
K_MINES, K_TEXT = "f_mines", "f_text"
K_SELECTED = "selected_mine"
#: Above this many mines the sidebar's Mines filter sits in a popover: the browser builds its list of
#: every mine only when it is opened (at 10,000 mines, built on every run it held back the map by ~0.3 s).
MINES_FILTER_POPOVER_ABOVE = 2000
K_FILTERS = "filters"
K_NOTICES = "url_notices"
_K_URL_READ = "_url_read"
_SELECTION_PARAM = "mine"


def data_dir() -> Path:
    """The package folder: $NK_MINES_DATA if set (tests, benchmarks), else the project's data/."""
    return package_dir()


def _signature(path: Path) -> tuple:
    try:
        return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in path.iterdir() if p.is_file()))
    except OSError:
        return ()


@st.cache_resource(show_spinner="Loading and validating the data package…", max_entries=4)
def _load(path: str, signature: tuple) -> Dataset | DataError:
    try:
        return load_dataset(path)
    except DataError as err:
        return err


@st.cache_data(show_spinner=False, max_entries=4)
def _revertable(path: str, signature: tuple) -> list[dict]:
    return revertable(path)


def undoable_applies() -> list[dict]:
    """The ingest applies of the package's log not yet undone, newest first, read again only when a file of
    the package changed (the Add report page asks at every rerun)."""
    path = data_dir()
    return _revertable(str(path), _signature(path))


def map_assets_missing() -> list[str]:
    """The map's offline files (Leaflet and its plugins, copied into ``static/vendor/`` by ``make run``)
    that are not there, as paths under the app's folder: without them the map frame stays blank."""
    from geo.render.assets import missing

    root = Path(__file__).resolve().parent.parent  # the app's folder: Streamlit serves its static/
    return [p.relative_to(root).as_posix() for p in missing(root)]


def dataset() -> Dataset | DataError:
    path = data_dir()
    return _load(str(path), _signature(path))


def dataset_or_stop() -> Dataset:
    """For pages: the dataset, or stop the run with the problems if the package is invalid."""
    ds = dataset()
    if isinstance(ds, DataError):
        st.error(f"The data package did not validate ({len(ds.problems)} problem(s)):")
        st.code(ds.report(limit=200), language=None)
        st.stop()
    return ds


# --------------------------------------------------------------------------- URL ↔ widgets


def _params() -> dict[str, list[str]]:
    qp = st.query_params
    return {key: qp.get_all(key) for key in qp.keys()}  # noqa: SIM118 (QueryParamsProxy)


def query_params() -> dict[str, list[str]]:
    """The current URL query (name → values), e.g. to carry it to another page."""
    return _params()


def init_from_url(ds: Dataset) -> None:
    """Once per session: set the shared filters and the selection from the URL."""
    if st.session_state.get(_K_URL_READ):
        return
    st.session_state[_K_URL_READ] = True
    params = _params()
    filters, notices = Filters.from_query({k: v for k, v in params.items() if k != _SELECTION_PARAM},
                                          **vocabularies(ds), bounds=date_bounds(ds))
    st.session_state[K_FILTERS] = filters
    selected = params.get(_SELECTION_PARAM, [])
    if selected:
        if selected[-1] in set(ds.mines["mine_id"]):
            st.session_state[K_SELECTED] = selected[-1]
        else:
            notices.append(f"Ignored unknown mine {selected[-1][:60]!r} in the link.")
    st.session_state[K_NOTICES] = notices


def current_filters() -> Filters:
    """The shared filters (kept as a value object, so they survive pages without the sidebar)."""
    return st.session_state.get(K_FILTERS) or Filters()


def seed_widgets() -> None:
    """Before the sidebar widgets are drawn: give them the values of the shared filters."""
    f = current_filters()
    st.session_state[K_MINERALS] = list(f.minerals)
    st.session_state[K_TYPES] = list(f.event_types)
    st.session_state[K_PROVINCES] = list(f.provinces)
    st.session_state[K_SINCE] = f.since
    st.session_state[K_UNTIL] = f.until
    st.session_state[K_CONFIDENCE] = f.min_confidence or CONFIDENCE_LEVELS[0]
    st.session_state[K_MINES] = list(f.mines)
    st.session_state[K_TEXT] = f.text


def on_widget_change() -> None:
    """A sidebar widget changed: rebuild the shared filters from all of them."""
    since, until = st.session_state.get(K_SINCE), st.session_state.get(K_UNTIL)
    if isinstance(since, dt.date) and isinstance(until, dt.date) and since > until:
        since, until = until, since
    st.session_state[K_FILTERS] = Filters(
        minerals=st.session_state.get(K_MINERALS, []),
        event_types=st.session_state.get(K_TYPES, []),
        provinces=st.session_state.get(K_PROVINCES, []),
        since=since if isinstance(since, dt.date) else None,
        until=until if isinstance(until, dt.date) else None,
        min_confidence=st.session_state.get(K_CONFIDENCE) or None,
        mines=st.session_state.get(K_MINES, []),
        text=st.session_state.get(K_TEXT, ""),
    )


def search_changed(key: str) -> None:
    """A page's own search box changed: make its text the shared filters' search. The page puts the
    shared search into its box only when it changed elsewhere (``_<key>_shown`` differs), so a rerun
    never overwrites what the user is typing."""
    st.session_state[K_FILTERS] = current_filters().with_(text=st.session_state.get(key, ""))
    st.session_state[f"_{key}_shown"] = st.session_state[K_FILTERS].text  # what the box shows now


def selected_mine() -> str | None:
    return st.session_state.get(K_SELECTED) or None


def select_mine(mine_id: str | None) -> None:
    st.session_state[K_SELECTED] = mine_id or None


def sync_url(filters: Filters) -> None:
    """Write the filters and selection to the URL, touching it only when it differs."""
    wanted = filters.to_query()
    if selected_mine():
        wanted[_SELECTION_PARAM] = [selected_mine()]
    if _params() != wanted:
        st.query_params.from_dict(wanted)


K_NARROWED = "_filters_narrowed"


def open_filtered(page: str, filters: Filters, select: str | None = None, why: str = "") -> bool:
    """Switch to ``page`` showing ``filters`` (the shared ones: the sidebar and the link follow), with the
    mine ``select`` selected (none when not given), and leave ``why`` for that page to say (see
    :func:`narrowed_note`). An empty filter would show everything: then nothing is switched and False is
    returned. Call from the page's script, not a callback."""
    if filters.is_empty:
        return False
    st.session_state[K_FILTERS] = filters
    select_mine(select)
    st.session_state[K_NARROWED] = why
    st.switch_page(page)
    return True


K_ADDED = "_events_just_added"


def open_added(page: str, view, event_ids: list[str], *, on_map: bool, supported: list[str] = ()) -> bool:
    """Open the map or the timeline showing the events an apply just added and those it added the report to as a
    further source (``supported``; :func:`geo.rules.filters.showing`; on the map, the first of their mines that has a
    point is selected), saying there what it was narrowed to; the timeline's table marks them (:func:`just_added`)."""
    ids = [*event_ids, *(i for i in supported if i not in event_ids)]
    st.session_state[K_ADDED] = {**{i: "new source" for i in supported}, **{i: "new" for i in event_ids}}
    filters = showing(view, ids, on_map=on_map)
    what = ("mines and minerals" if filters.mines else "minerals") if on_map else "minerals and days"
    told = " and ".join(x for x in (f"the {len(event_ids)} event(s) just added" if event_ids else "",
                                    f"the {len(supported)} record event(s) this report now supports" if supported else "")
                     if x)
    why = (f"The shared filters were narrowed to the {what} of {told} (other events of theirs show too); "
           "Reset filters shows all.")
    if on_map and not filters.mines:  # (a new user's trial found "0 of 54 mines" and nothing to see)
        why += (" None of them is at a mine of the record, and the map draws mines: the timeline shows them, and the "
                "Data & export page lists them.")
    return open_filtered(page, filters, select=mine_to_select(view, filters.mines) if on_map else None, why=why)


def just_added() -> dict[str, str]:
    """The events the last "See them on the map/timeline" link opened, each with its mark: "new" (an apply added it)
    or "new source" (a report applied as a further source of it)."""
    return st.session_state.get(K_ADDED) or {}


def narrowed_note() -> str:
    """What another page said when it narrowed the shared filters for this one ('' when it did not); said once."""
    return st.session_state.pop(K_NARROWED, "") or ""


def reset_filters() -> None:
    st.session_state[K_FILTERS] = Filters()


def mines_filter_label() -> str:
    """The label of the popover that holds the Mines filter at scale: what it filters now."""
    chosen = st.session_state.get(K_MINES) or []
    return f"Mines: {len(chosen)} chosen" if chosen else "Mines: all"


def restore_inputs(keys: tuple[str, ...]) -> None:
    """Put back the values a page's inputs had when it was last shown: Streamlit forgets a widget's
    value while its page is not shown (call before the widgets; :func:`keep_inputs` after them)."""
    for key in keys:
        if key not in st.session_state and f"_kept_{key}" in st.session_state:
            st.session_state[key] = st.session_state[f"_kept_{key}"]


def keep_inputs(keys: tuple[str, ...]) -> None:
    """Remember the inputs' values for :func:`restore_inputs`."""
    for key in keys:
        st.session_state[f"_kept_{key}"] = st.session_state.get(key)


def upload_held(uploader_key: str) -> str | None:
    """The id of the file the uploader ``uploader_key`` held in the page's run before this one; None when it held none,
    or when another page was drawn in between (Streamlit then drops the uploader's state). Call before drawing it."""
    return st.session_state.get(f"_held_{uploader_key}") if uploader_key in st.session_state else None


def kept_upload(upload, key: str, uploader_key: str = "", held_before: str | None = None) -> tuple[str, bytes, str] | None:
    """The uploaded file as (name, bytes, the uploader's id of it), kept while the analyst visits another page: Streamlit forgets an uploader's
    file then (the forty-seventh trial came back from the map to drafts that no longer matched an empty uploader).
    A new upload replaces it (read once: the page runs this on every rerun); :func:`forget` with ``key`` drops it, and
    so does emptying the uploader on the page (it held a file in the run before, ``held_before``, and holds none now:
    the seventy-sixth trial removed its file with the uploader's × and the page went on using it)."""
    st.session_state[f"_held_{uploader_key}"] = getattr(upload, "file_id", None)  # (read by upload_held next run)
    if upload is None and held_before is not None:
        st.session_state.pop(key, None)
        return None
    kept = st.session_state.get(key)
    if upload is not None and (kept is None or kept[2] != upload.file_id):
        kept = st.session_state[key] = (upload.name, upload.getvalue(), upload.file_id)
    return kept


def forget(*prefixes: str) -> None:
    """Drop every session value whose key starts with one of ``prefixes`` (the widgets of a form that
    belongs to one piece of work, so that the next one does not show the last one's values)."""
    for key in [k for k in st.session_state if str(k).startswith(prefixes)]:
        del st.session_state[key]


def editor_base(editor_key: str, base_key: str, last: list[dict], fresh) -> list[dict]:
    """The rows a data editor is drawn from. Kept while the editor keeps its edits (its edits are relative
    to them); when the editor is new, or Streamlit forgot its edits because another page was drawn in
    between (it drops the state of widgets a run does not draw), the rows as last edited (``last``), else
    ``fresh()``."""
    if editor_key not in st.session_state or base_key not in st.session_state:
        st.session_state[base_key] = last or fresh()
    return st.session_state[base_key]


def offer_base(editor_key: str, keys: tuple[str, str], offered: list[dict], field: str) -> list[dict]:
    """The rows a data editor of an offer is drawn from (see :func:`editor_base`): when the rows offered (told apart by
    ``field``) are no longer those drawn, the editor is drawn anew from ``offered`` (which carry the ticks kept);
    ``keys``: where the rows drawn and the rows as last edited are kept."""
    drawn, last = keys
    if [r[field] for r in offered] != [r[field] for r in st.session_state.get(drawn, [])]:
        for key in (editor_key, drawn):
            st.session_state.pop(key, None)
        st.session_state[last] = offered
    return editor_base(editor_key, drawn, st.session_state.get(last, []), lambda: offered)


def remember_click(key: str) -> None:
    """A button's ``on_click``: keep the click in the session under ``key`` until the page pops it. A button's
    own value is True only in the run its click starts, which may end early in an ``st.rerun``."""
    st.session_state[key] = True
