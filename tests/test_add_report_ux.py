"""The Add report page's usability leftovers of a new analyst's trial, mended: after Apply the map
and timeline open showing what was added; the sidebar's shared filters are not shown on this page,
where they do nothing; dates are edited as the record writes them (YYYY-MM-DD)."""

from __future__ import annotations

import json
import re

import pytest

from geo.ingest.review import DATE_PATTERN
from geo.rules.load import load_dataset
from tests.conftest import read_rows
from tests.test_add_report import (
    SHORT_REPORT,
    _tick_all,
    apply_drafts,
    edit,
    extract_drafts,
    fill,
    html,
    open_add_report,
)


@pytest.fixture
def data(data_copy, monkeypatch):
    monkeypatch.setenv("NK_MINES_DATA", str(data_copy))
    return data_copy


def _sidebar_labels(at) -> list[str]:
    return [w.label for kind in ("multiselect", "selectbox", "date_input", "text_input", "button")
            for w in getattr(at.sidebar, kind)]


def _applied(at, data):
    """The apply's new event ids, and the mines and minerals they link to (from the package)."""
    ids = list(at.dataframe[0].value["New event id"])
    links = load_dataset(data).links
    links = links[links["event_id"].isin(ids)]
    return ids, {m for m in links["mine_id"] if m}, set(links["mineral_id"])


def test_after_apply_the_map_opens_filtered_to_the_new_events_mines(data):
    at = apply_drafts(_tick_all(extract_drafts(fill(open_add_report(), SHORT_REPORT))))
    assert not at.exception
    ids, mines, minerals = _applied(at, data)
    assert mines and minerals
    at = at.button(key="ar_see_map").click().run()
    assert not at.exception
    assert at.title[0].value == "Mines and trade events"  # the map page
    sidebar = {w.label: w.value for w in at.sidebar.multiselect}
    assert set(sidebar["Mines"]) == mines and set(sidebar["Minerals"]) == minerals  # the filter, shown
    caption = at.caption[0].value
    assert f"{len(mines)} of " in caption and "at " in caption  # "3 of 40 mines have events matching: …, at Musan mine…"
    assert at.query_params["mines"] and set(at.query_params["mines"]) == mines  # the link says so too
    # the first mine is selected: its panel lists the new event
    selected = at.session_state["selected_mine"]
    assert selected in mines
    new_titles = load_dataset(data).events.set_index("event_id").loc[ids, "title"]
    assert any(t.replace("&", "&amp;") in html(at) for t in new_titles)
    # the map says why its filters changed (the review's finding: they were replaced silently)
    assert any("narrowed to the" in i.value and "Reset filters" in i.value for i in at.info)


def test_events_at_no_mine_sent_to_the_map_are_said_to_be_on_the_timeline(data):
    # the fourteenth and fifteenth trials: "See them on the map" showed "0 of 54 mines" and nothing to see
    text = "North Korean coal was smuggled to China by sea in January, traders said."
    at = apply_drafts(_tick_all(extract_drafts(fill(open_add_report(), text))))
    assert not at.exception
    _ids, mines, _minerals = _applied(at, data)
    assert not mines
    at = at.button(key="ar_see_map").click().run()
    assert not at.exception and at.title[0].value == "Mines and trade events"
    assert any("None of them is at a mine" in i.value and "timeline" in i.value for i in at.info)


def test_after_apply_the_timeline_opens_on_the_new_events_minerals_and_dates(data):
    at = apply_drafts(_tick_all(extract_drafts(fill(open_add_report(), SHORT_REPORT))))
    ids, _mines, minerals = _applied(at, data)
    at = at.button(key="ar_see_timeline").click().run()
    assert not at.exception
    assert at.title[0].value == "Timeline"
    sidebar = {w.label: w.value for w in at.sidebar.multiselect}
    assert set(sidebar["Minerals"]) == minerals and sidebar["Mines"] == []
    since, until = (w.value for w in at.sidebar.date_input)
    assert since is not None and until is not None  # the days the new events may fall on
    table = html(at)
    assert all(f'data-event-id="{i}"' in table for i in ids)  # every new event is listed
    # and marked "new" (the forty-eighth trial found the three new events among 25 only by their titles)
    rows = dict(re.findall(r'<tr data-event-id="([^"]+)">(.*?)</tr>', table, re.S))
    assert {i for i, cells in rows.items() if 'class="nk-new"' in cells} == set(ids) and len(rows) > len(set(ids))
    assert any(f'The {len(set(ids))} event(s) the Add report page just sent here are marked "new"' in c.value
               for c in at.caption)
    assert any("narrowed to the" in i.value for i in at.info)
    assert at.session_state["selected_mine"] is None  # no mine left selected from before


def test_the_shared_filters_are_not_shown_on_the_add_report_page_but_kept_for_the_others(data):
    at = open_add_report()
    assert not at.exception
    assert "Minerals" not in _sidebar_labels(at) and "Reset filters" not in _sidebar_labels(at)
    assert any("do not apply to this page" in c.value for c in at.sidebar.caption)
    at.session_state["filters"] = at.session_state["filters"].with_(minerals=["copper"])
    at.switch_page("views/timeline.py").run()
    assert not at.exception
    sidebar = {w.label: w.value for w in at.sidebar.multiselect}
    assert sidebar["Minerals"] == ["copper"]  # the other pages keep their sidebar and its filters
    assert not any("do not apply" in c.value for c in at.sidebar.caption)


def test_dates_are_edited_as_the_record_writes_them(data):
    # A DateColumn's editor is the browser's own date input, in the browser's locale format (01/31/2017)
    # whatever the column's format: the review table's dates are YYYY-MM-DD text, checked as typed.
    at = extract_drafts(fill(open_add_report(), SHORT_REPORT))
    editor = at.data_editor(key="ar_editor")
    config = json.loads(editor.proto.columns)
    for column in ("date", "end_date"):
        assert config[column]["type_config"] == {"type": "text", "validate": DATE_PATTERN}
        assert "YYYY-MM-DD" in config[column]["help"]
    table = editor.value
    assert table["date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all() and (table["end_date"] == "").all()
    assert re.fullmatch(DATE_PATTERN, "2017-02-21") and re.fullmatch(DATE_PATTERN, "")
    assert not re.fullmatch(DATE_PATTERN, "02/21/2017")
    row = int(table.index[table["mine_id"] == "musan"][0])
    at = apply_drafts(edit(at, {i: {"accept": i == row} for i in table.index} | {row: {"accept": True, "date": "2017-02-21"}}))
    assert not at.exception and not at.error
    (new,) = [e for e in read_rows(data / "events.csv") if e["event_id"] in set(at.dataframe[0].value["New event id"])]
    assert (new["date"], new["event_id"][-10:]) == ("2017-02-21", "2017-02-21")


def test_the_short_list_for_a_phone_names_rows_as_the_record_does_and_escapes_the_evidence():
    from geo.render.review import NARROW_PX, short_list_html

    row = {"accept": True, "mine_id": "musan", "mineral_id": "iron_ore", "event_type": "smuggling",
           "date": "2017-02-21", "evidence": "Ore <img src=x onerror=alert(1)> went north.", "check": "why not"}
    out = short_list_html("ar_k", [row, {**row, "accept": False, "mine_id": ""}],
                          {"musan": "Musan mine", "iron_ore": "Iron ore"}, str.upper)
    assert "<img" not in out and "&lt;img src=x onerror=alert(1)&gt;" in out
    assert "1. ☑ ticked · <strong>Musan mine</strong> · Iron ore · SMUGGLING · 2017-02-21" in out
    assert "2. ☐ not ticked · <strong>no mine</strong>" in out and "check: why not" in out
    assert f"@media (max-width: {NARROW_PX}px)" in out
    assert ".st-key-ar_k .nk-compact-narrow { display: none; }" in out  # the whole list on a phone only
    # on a laptop, the rows with a reason, with why: there the table's Check column is off-screen (the first, ticked
    # by the reviewer since, marked so)
    wide = out.split('<div class="nk-compact-wide">')[1].split('<div class="nk-compact-narrow">')[0]
    assert "2 row(s) start unticked" in wide and wide.count("<li ") == 2 and 'data-row="2"' in wide
    assert '<li data-row="1"><em>(ticked now)</em>' in wide and '<li data-row="2"><strong>' in wide
    assert "<strong>no mine</strong> · Iron ore · SMUGGLING · 2017-02-21: check: why not" in wide
    assert "<img" not in wide and "&lt;img" in wide
    plain = short_list_html("ar_k", [row], {}, str.upper, reasons=False)  # the leads' table: no reasons
    assert "why not" not in plain and "nk-compact-wide" not in plain
    assert ".st-key-ar_k { display: none; }" in plain  # nothing to show on a laptop: hidden there
    # a row that started unticked stays listed once ticked, marked so: the list keeps its height and the table under
    # it does not move under the next click (the fifteenth trial)
    ticked = short_list_html("ar_k", [row], {}, str.upper)
    assert "1 row(s) start unticked" in ticked and "<em>(ticked now)</em> <strong>musan</strong>" in ticked
    calm = short_list_html("ar_k", [{**row, "check": ""}], {}, str.upper)  # no reason: nothing to list on a laptop
    assert "nk-compact-wide" not in calm and ".st-key-ar_k { display: none; }" in calm


def test_a_row_that_repeats_the_record_and_is_to_check_says_both():
    from geo.render.review import why_unticked

    assert why_unticked({"known": "event x (2017-02-21)", "check": "its date is only from an earlier paragraph"}) \
        == "repeats event x (2017-02-21); check: its date is only from an earlier paragraph"
    assert why_unticked({"known": "", "check": None}) == ""


def test_a_date_cell_that_is_no_day_is_refused_with_its_row():
    # the review's finding: "2019-02-30" passed the cell's pattern and reached the preview as an event id
    from geo.ingest import extract
    from geo.ingest.review import drafts_from_review, review_rows

    res = extract("Coal\n\nThe Musan mine halted iron ore exports on March 3, 2019, a source said.\n", "2019-06-10", "T", "",
                  load_dataset())
    rows = review_rows(res.drafts)
    rows[0].update(accept=True, date="2019-02-30")
    drafts, problems = drafts_from_review(res.drafts, rows, {})
    assert not drafts and [(p.row, p.field) for p in problems] == [(1, "date")] and "2019-02-30" in str(problems[0])


def test_a_type_changed_in_the_table_shows_its_effect_title_and_id_at_once(data):
    # The fourth trial: after a type change the effect, title and id cells kept the old type's values until
    # Apply (which wrote the right ones). The table now shows what Apply will write.
    from geo.ingest.review import NEW_ID
    from geo.ingest.titles import what_of, when_of

    at = extract_drafts(fill(open_add_report(), SHORT_REPORT))
    table = at.data_editor(key="ar_editor").value
    row = int(table.index[table["mine_id"] == "musan"][0])
    old_id, old_title = table.loc[row, "event_id"], table.loc[row, "title"]
    assert table.loc[row, "event_type"] != "smuggling" and old_id != NEW_ID
    at = edit(at, {row: {"event_type": "smuggling"}})
    assert not at.exception
    shown = at.data_editor(key="ar_editor").value.loc[row]
    assert shown["event_type"] == "smuggling" and shown["effect"] == "smuggled"
    assert shown["title"] == f"{what_of(old_title)}: smuggled ({when_of(shown['date'], shown['date_precision'])})"
    assert shown["event_id"] == NEW_ID
    # a title the reviewer wrote is theirs: another type leaves it, and the old type brings the old id back
    at = edit(at, {row: {"title": "Musan iron ore: my words", "event_type": table.loc[row, "event_type"]}})
    shown = at.data_editor(key="ar_editor").value.loc[row]
    assert shown["title"] == "Musan iron ore: my words" and shown["event_id"] == old_id
    assert shown["effect"] == table.loc[row, "effect"]
    others = at.data_editor(key="ar_editor").value.drop(index=row)
    assert (others["event_id"] == table.drop(index=row)["event_id"]).all()  # no other row moved


def test_a_row_edited_so_that_it_has_no_reason_now_stays_in_the_list_marked_so():
    # the nineteenth trial: a retyped row lost its reason, left the list above the table, and the table moved up about
    # 120 px under the cursor
    from geo.render.review import short_list_html

    row = {"accept": False, "mine_id": "", "mineral_id": "coal", "event_type": "smuggling", "date": "2017-02-18",
           "evidence": "Coal went north.", "known": "", "check": ""}
    out = short_list_html("ar_k", [row], {}, str.upper, started=["repeats sanctions.csv CN-COAL-2017"])
    wide = out.split('<div class="nk-compact-wide">')[1].split('<div class="nk-compact-narrow">')[0]
    assert "1 row(s) start unticked" in wide
    assert "<em>(edited now)</em>" in wide and "it started unticked: repeats sanctions.csv CN-COAL-2017" in wide
    assert "nk-compact-wide" not in short_list_html("ar_k", [row], {}, str.upper)  # with no start reason: not listed


def test_the_place_and_description_are_cells_of_the_review_and_are_written_as_typed(data):
    # the forty-seventh trial could not record "남포항" (no Place cell) and found every description a process note
    at = extract_drafts(fill(open_add_report(), SHORT_REPORT))
    editor = at.data_editor(key="ar_editor")
    config = json.loads(editor.proto.columns)
    assert {"place", "description"} <= set(editor.value.columns) and "Place" in json.dumps(config["place"])
    table = editor.value
    row = int(table.index[table["mine_id"] == "musan"][0])
    at = apply_drafts(edit(at, {i: {"accept": i == row} for i in table.index}
                           | {row: {"accept": True, "place": "Nanping crossing", "description": "Ore kept crossing."}}))
    assert not at.exception and not at.error
    (new,) = [e for e in read_rows(data / "events.csv") if e["event_id"] in set(at.dataframe[0].value["New event id"])]
    assert (new["place"], new["description"]) == ("Nanping crossing", "Ore kept crossing.")
