"""The timeline's data and chart: one mark per event and lane, precision shown, selection,
restricted minerals marked, and counts per lane and month when there are too many marks."""

import re

import pandas as pd
import pytest

from geo.render.timeline import (
    AGGREGATE_MARKS,
    NO_MINE_LANE,
    TOP_LANES,
    lane_from_selection,
    mark_count,
    timeline_frame,
    timeline_view,
)
from geo.rules.load import load_dataset
from geo.tools.synthetic import write_package


def _row(frame, event_id, lane_id):
    rows = frame[(frame.event_id == event_id) & (frame.lane_id == lane_id)]
    assert len(rows) == 1
    return rows.iloc[0]


def test_one_mark_per_event_and_mine_lane(ds):
    frame = timeline_frame(ds.view, ds.vocab, "mine")
    assert len(frame) == mark_count(ds.view, "mine") == len(ds.view[["event_id", "mine_id"]].drop_duplicates())
    hyesan = _row(frame, "hyesan-halt-2017", "hyesan")
    assert hyesan["minerals"] == "Copper, Zinc"  # one mark, both minerals named
    assert set(frame[frame.lane_id == ""]["lane"]) == {NO_MINE_LANE}


@pytest.mark.parametrize("event_id, lane_id, kind", [
    ("musan-molybdenum-halt-2017", "musan", "approximate"),  # "from around Feb. 20"
    ("cholsan-solar-offer-2019", "cholsan", "approximate"),  # month precision: drawn as its window
    ("china-coal-suspension-2017", "", "period"),            # has an end date
    ("musan-iron-continued-2017", "musan", "exact"),
])
def test_each_mark_shows_its_date_precision(ds, event_id, lane_id, kind):
    assert _row(timeline_frame(ds.view, ds.vocab, "mine"), event_id, lane_id)["kind"] == kind


def test_the_selected_mine_is_highlighted(ds):
    frame = timeline_frame(ds.view, ds.vocab, "mine", selected="musan")
    assert set(frame[frame.selected]["lane_id"]) == {"musan"}
    assert frame[frame.lane_id == "musan"]["selected"].all()
    assert not timeline_frame(ds.view, ds.vocab, "mine")["selected"].any()


def test_events_that_touched_a_restricted_mineral_are_marked(ds):
    frame = timeline_frame(ds.view, ds.vocab, "mine")
    assert _row(frame, "hyesan-halt-2017", "hyesan")["restricted"]          # copper, zinc: UNSCR 2321
    assert not _row(frame, "musan-molybdenum-halt-2017", "musan")["restricted"]  # never restricted


def test_mineral_lanes(ds):
    frame = timeline_frame(ds.view, ds.vocab, "mineral")
    assert set(frame["lane"]) == set(ds.view["mineral_name"])
    assert len(frame) == len(ds.view[["event_id", "mineral_id", "mine_id"]].drop_duplicates())


def test_small_views_are_drawn_event_by_event(ds):
    frame, spec, aggregated = timeline_view(ds.view, ds.vocab, "mine", "musan")
    assert not aggregated and len(frame) == mark_count(ds.view)
    assert "datum.selected" in str(spec)  # the highlight is in the chart
    assert spec["height"] >= 34 * frame["lane"].nunique()


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    path = write_package(tmp_path_factory.mktemp("tl") / "data", mines=200, links=6000)
    return load_dataset(path)


def test_large_views_count_events_per_lane_and_month(big):
    rows = big.view
    assert mark_count(rows) > AGGREGATE_MARKS
    frame, spec, aggregated = timeline_view(rows, big.vocab, "mine")
    assert aggregated
    lanes = set(frame["lane"])
    assert len(lanes) <= TOP_LANES + 2  # the busiest lanes, "Other N mines", events without a mine
    assert any(ln.startswith("Other ") for ln in lanes)
    # every event is counted once in its lane and month: the counts add up
    marks = rows[["event_id", "mine_id", "date"]].drop_duplicates(["event_id", "mine_id"])
    assert frame["events"].sum() == len(marks)
    months = pd.to_datetime(frame["month"])
    assert (months.dt.day == 1).all()


def test_a_click_on_a_lane_gives_its_id():
    assert lane_from_selection({"selection": {"lane_pick": [{"lane_id": "musan"}]}}) == "musan"
    assert lane_from_selection({"selection": {"lane_pick": []}}) is None
    assert lane_from_selection(None) is None


# --------------------------------------------------------------------------- analyst's round (issue 14)


def _spec_and_frame(ds, rows=None, lane="mine"):
    from geo.render.timeline import timeline_view

    frame, spec, _ = timeline_view(ds.view if rows is None else rows, ds.vocab, lane, None)
    return frame, spec


def test_near_events_of_a_lane_are_stacked_not_drawn_on_one_spot(ds):
    frame, _ = _spec_and_frame(ds)
    key = frame[["lane", "date", "y_offset"]]
    same_spot = key.duplicated(["lane", "date", "y_offset"]) & key.duplicated(["lane", "date"])
    assert not same_spot.any()  # two events of one lane on one day sit at different heights
    assert frame["y_offset"].abs().max() <= 12  # within the lane's band


def test_stack_offsets_centre_a_run_and_leave_lone_events_on_the_line():
    from geo.render.timeline import STACK_PX, stack_offsets

    df = pd.DataFrame({"lane": ["a", "a", "a", "b"], "event_id": ["1", "2", "3", "4"],
                       "date": pd.to_datetime(["2017-01-01", "2017-01-10", "2019-01-01", "2017-01-01"])})
    assert list(stack_offsets(df)) == [-STACK_PX / 2, STACK_PX / 2, 0.0, 0.0]


def test_the_time_axis_zooms_and_labels_dates_in_one_format(ds):
    from geo.render.timeline import LANE_SELECTION, ZOOM_SELECTION

    _, spec = _spec_and_frame(ds)
    params = {p["name"]: p for p in spec["params"]}
    assert params[ZOOM_SELECTION]["bind"] == "scales" and params[ZOOM_SELECTION]["select"]["encodings"] == ["x"]
    assert LANE_SELECTION in params
    axes = [layer["encoding"]["x"].get("axis", {}) for layer in spec["layer"]]
    assert all("timeFormat(datum.value, '%b %Y')" in a["labelExpr"] for a in axes)


def test_lane_labels_are_cut_short_on_a_narrow_chart(ds):
    from geo.render.timeline import NARROW_LABEL_PX, responsive_lanes
    from geo.render.trade_chart import with_x_domain

    _, spec = _spec_and_frame(ds)
    spec = responsive_lanes(with_x_domain(spec, ["2016-01-01", "2020-12-31"]))
    axis = spec["layer"][0]["encoding"]["y"]["axis"]
    for key in ("labelLimit", "minExtent", "maxExtent"):
        assert f"? {NARROW_LABEL_PX} :" in axis[key]["expr"]


def test_the_events_table_names_every_source_of_an_event_and_marks_the_ones_sent_here():
    # the fiftieth trial: after a report was applied as a further source, the timeline table still named only the
    # event's first source; and the events an apply added were not told apart from the rest
    from geo.render.details import events_table_html
    from geo.rules.load import load_dataset
    from tests.conftest import RECORD

    record = load_dataset(RECORD)
    backed = record.events[record.events["corroborating_source_ids"].map(len) > 0].iloc[0]
    further = record.source(backed["corroborating_source_ids"][0])
    rows = record.view[record.view["event_id"] == backed["event_id"]]
    other = record.view[record.view["event_id"] != backed["event_id"]].head(3)
    html = events_table_html(record, pd.concat([rows, other]), marked={backed["event_id"]: "new source"})
    cells = dict(re.findall(r'<tr data-event-id="([^"]+)">(.*?)</tr>', html, re.S))
    assert "also: " in cells[backed["event_id"]] and str(further["publisher"]) in cells[backed["event_id"]]
    assert '<span class="nk-new"' in cells[backed["event_id"]] and ">new source</span>" in cells[backed["event_id"]]
    assert all("nk-new" not in c for i, c in cells.items() if i != backed["event_id"])
