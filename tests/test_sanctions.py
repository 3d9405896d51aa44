"""The sanctions overlay: what was banned when, and which events crossed it.

Expectations come from the resolutions themselves (facts.md): UNSCR 2270 (2016-03-02) bans
gold, titanium, vanadium and rare earths and bans coal and iron ore except for livelihood
purposes; UNSCR 2321 (adopted 2016-11-30) bans copper, nickel, silver and zinc at once and
caps coal from 2017-01-01; China suspends coal imports 2017-02-19 to 2017-12-31; UNSCR 2371
(2017-08-05) bans coal, iron ore and lead outright; UNSCR 2397 (2017-12-22) bans magnesia.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import subprocess
import sys
import time

import numpy as np
import pandas as pd
import pytest

from geo.render.charts import sanctions_chart
from geo.rules.load import load_dataset
from geo.rules.sanctions import (
    ANNOTATION_COLUMNS,
    STATUSES,
    annotate,
    restricted_rows,
    status_on,
    timeline,
)
from tests.conftest import ROOT, assert_one_line_error, read_rows, write_rows

DAY = dt.timedelta(days=1)

# (mineral, date, status): the day before, of and after each adoption / effective date.
TABLE = [
    # UNSCR 2270, 2016-03-02: outright bans.
    *[(m, d, s) for m in ("gold", "titanium", "vanadium", "rare_earths")
      for d, s in (("2016-03-01", "unrestricted"), ("2016-03-02", "banned"), ("2016-03-03", "banned"))],
    # UNSCR 2270: coal and iron ore banned except for livelihood purposes.
    *[(m, d, s) for m in ("coal", "iron_ore")
      for d, s in (("2016-03-01", "unrestricted"), ("2016-03-02", "exempt"), ("2016-03-03", "exempt"))],
    # UNSCR 2321, adopted 2016-11-30: copper, nickel, silver, zinc banned at once.
    *[(m, d, s) for m in ("copper", "nickel", "silver", "zinc")
      for d, s in (("2016-11-29", "unrestricted"), ("2016-11-30", "banned"), ("2016-12-01", "banned"))],
    # ... but its coal cap only takes effect on 2017-01-01: until then the exemption holds.
    ("coal", "2016-11-29", "exempt"), ("coal", "2016-11-30", "exempt"), ("coal", "2016-12-01", "exempt"),
    ("coal", "2016-12-31", "exempt"), ("coal", "2017-01-01", "capped"), ("coal", "2017-01-02", "capped"),
    # UNSCR 2321 keeps the livelihood exemption for iron ore.
    ("iron_ore", "2016-11-30", "exempt"), ("iron_ore", "2017-01-01", "exempt"),
    # China's coal suspension: announced 2017-02-18, in force from 2017-02-19.
    ("coal", "2017-02-17", "capped"), ("coal", "2017-02-18", "capped"),
    ("coal", "2017-02-19", "suspended"), ("coal", "2017-02-20", "suspended"),
    # UNSCR 2371, 2017-08-05: exemption removed for coal and iron ore; lead banned.
    ("coal", "2017-08-04", "suspended"), ("coal", "2017-08-05", "banned"), ("coal", "2017-08-06", "banned"),
    ("iron_ore", "2017-08-04", "exempt"), ("iron_ore", "2017-08-05", "banned"), ("iron_ore", "2017-08-06", "banned"),
    ("lead", "2017-08-04", "unrestricted"), ("lead", "2017-08-05", "banned"), ("lead", "2017-08-06", "banned"),
    # UNSCR 2397, 2017-12-22: magnesia.
    ("magnesia", "2017-12-21", "unrestricted"), ("magnesia", "2017-12-22", "banned"),
    ("magnesia", "2017-12-23", "banned"),
    # The suspension ends on 2017-12-31; the UN ban stays.
    ("coal", "2017-12-31", "banned"), ("coal", "2018-01-01", "banned"),
    # Bans without an end stay in force.
    ("rare_earths", "2019-10-01", "banned"), ("copper", "2019-01-14", "banned"),
]
NEVER_RESTRICTED = [(m, d, "unrestricted") for m in ("molybdenum", "cobalt", "tungsten")
                    for d in ("2016-03-02", "2016-11-30", "2017-02-20", "2017-08-05", "2017-12-22", "2019-10-01")]


@pytest.mark.parametrize("mineral, date, status", TABLE + NEVER_RESTRICTED)
def test_status_on_a_day(ds, mineral, date, status):
    assert status_on(ds, mineral, date).status == status


@pytest.mark.parametrize("mineral, date, ids", [
    # Within the UN, 2321's cap supersedes 2270's exemption; China's suspension is listed too.
    ("coal", "2017-02-20", {"UNSCR-2321", "CN-COAL-2017"}),
    ("coal", "2016-12-31", {"UNSCR-2270"}),
    ("coal", "2017-08-05", {"UNSCR-2371", "CN-COAL-2017"}),
    ("coal", "2017-12-31", {"UNSCR-2371", "CN-COAL-2017"}),
    ("coal", "2018-01-01", {"UNSCR-2371"}),
    ("iron_ore", "2017-02-20", {"UNSCR-2270"}),
    ("iron_ore", "2017-08-05", {"UNSCR-2371"}),
    ("molybdenum", "2017-02-20", set()),
])
def test_measures_in_force(ds, mineral, date, ids):
    assert set(status_on(ds, mineral, date).measure_ids) == ids


def test_each_measure_is_in_force_from_its_effective_day_to_its_end(ds):
    for row in ds.sanctions.itertuples(index=False):
        effective = row.effective.date()
        assert row.measure_id not in status_on(ds, row.mineral_id, effective - DAY).measure_ids
        assert row.measure_id in status_on(ds, row.mineral_id, effective).measure_ids
        if not pd.isna(row.ends):
            assert row.measure_id in status_on(ds, row.mineral_id, row.ends.date()).measure_ids
            assert row.measure_id not in status_on(ds, row.mineral_id, row.ends.date() + DAY).measure_ids


def test_measures_carry_their_sources(ds):
    st = status_on(ds, "iron_ore", "2017-02-20")
    (m,) = st.measures
    assert (m.action, m.source_id, m.adopted) == ("ban_with_exemption", "un-2270", dt.date(2016, 3, 2))
    assert "livelihood" in m.note
    assert m.source_url == ds.source("un-2270")["url"]


@pytest.mark.parametrize("mineral, date, message", [
    ("unobtainium", "2017-02-20", "unknown mineral"),
    ("coal", "2017-02-30", "not a date"),
    ("coal", "20/02/2017", "not a date"),
])
def test_bad_input_is_a_clear_value_error(ds, mineral, date, message):
    with pytest.raises(ValueError, match=message):
        status_on(ds, mineral, date)


# --------------------------------------------------------------------------- annotate


def _row(frame, event_id, mineral_id):
    rows = frame[(frame.event_id == event_id) & (frame.mineral_id == mineral_id)]
    assert len(rows) == 1, (event_id, mineral_id)
    return rows.iloc[0]


#: The events of the two reports and their minerals' status on the event's date (issue #4).
REPORT_EVENT_STATUSES = [
    ("hyesan-halt-2017", "copper", "banned", "UNSCR-2321"),
    ("hyesan-halt-2017", "zinc", "banned", "UNSCR-2321"),
    ("musan-iron-continued-2017", "iron_ore", "exempt", "UNSCR-2270"),
    ("musan-imagery-2016-10", "iron_ore", "exempt", "UNSCR-2270"),
    ("cholsan-solar-offer-2019", "rare_earths", "banned", "UNSCR-2270"),
    ("musan-molybdenum-halt-2017", "molybdenum", "unrestricted", ""),
    ("hoeryeong-cobalt-halt-2017", "cobalt", "unrestricted", ""),
    ("daebong-tungsten-halt-2017", "tungsten", "unrestricted", ""),
    ("dancheon-magnesia-continued-2017", "magnesia", "unrestricted", ""),
]


@pytest.mark.parametrize("event_id, mineral, status, measures", REPORT_EVENT_STATUSES)
def test_report_events_get_their_status(ds, event_id, mineral, status, measures):
    row = _row(annotate(ds.view.drop(columns=ANNOTATION_COLUMNS), ds.sanctions), event_id, mineral)
    assert (row.sanction_status, row.sanction_measures, bool(row.sanction_uncertain)) == (status, measures, False)


def test_annotate_agrees_with_status_on_for_every_row(ds):
    bare = ds.view.drop(columns=ANNOTATION_COLUMNS)
    annotated = annotate(bare, ds.sanctions)
    for row in annotated.itertuples(index=False):
        st = status_on(ds, row.mineral_id, row.date)
        assert row.sanction_status == st.status
        assert row.sanction_measures.split(";") == (st.measure_ids or [""])
    assert list(annotated.columns[-len(ANNOTATION_COLUMNS):]) == ANNOTATION_COLUMNS
    assert "sanction_status" not in bare  # annotate returns a copy
    # load_dataset annotates the shared view once, with the same result
    assert annotated[ANNOTATION_COLUMNS].equals(ds.view[ANNOTATION_COLUMNS])


def test_a_period_spanning_an_adoption_is_uncertain(ds):
    # China's Jan–Oct 2016 coal imports span UNSCR 2270 (2016-03-02).
    row = _row(annotate(ds.view, ds.sanctions), "china-coal-imports-2016", "coal")
    assert row.sanction_status == "unrestricted"
    assert row.sanction_uncertain
    assert row.sanction_status_range == "unrestricted → exempt"


def _move_event(data_copy, event_id, date, precision):
    path = data_copy / "events.csv"
    rows = read_rows(path)
    for r in rows:
        if r["event_id"] == event_id:
            r["date"], r["date_precision"] = date, precision
    write_rows(path, rows)
    return load_dataset(data_copy)


def test_an_approximate_date_straddling_an_adoption_is_flagged(data_copy):
    # "Around 25 Nov 2016" may be before or after UNSCR 2321 banned copper and zinc (30 Nov).
    ds = _move_event(data_copy, "hyesan-halt-2017", "2016-11-25", "approximate")
    annotated = annotate(ds.view, ds.sanctions)
    for mineral in ("copper", "zinc"):
        row = _row(annotated, "hyesan-halt-2017", mineral)
        assert row.sanction_uncertain
        assert row.sanction_status_range == "unrestricted → banned"
    flagged = restricted_rows(ds)
    assert {"copper", "zinc"} <= set(flagged[flagged.event_id == "hyesan-halt-2017"].mineral_id)
    strict = restricted_rows(ds, include_uncertain=False)
    assert "hyesan-halt-2017" not in set(strict.event_id)


def test_the_same_day_with_day_precision_is_not_uncertain(data_copy):
    ds = _move_event(data_copy, "hyesan-halt-2017", "2016-11-25", "day")
    row = _row(annotate(ds.view, ds.sanctions), "hyesan-halt-2017", "copper")
    assert (row.sanction_status, bool(row.sanction_uncertain), row.sanction_status_range) == \
        ("unrestricted", False, "")


def test_a_month_spanning_the_end_of_an_exemption_is_flagged(data_copy):
    # Musan iron ore "in August 2017": exempt until 4 Aug, banned from 5 Aug.
    ds = _move_event(data_copy, "musan-iron-continued-2017", "2017-08-01", "month")
    row = _row(annotate(ds.view, ds.sanctions), "musan-iron-continued-2017", "iron_ore")
    assert row.sanction_uncertain and row.sanction_status_range == "exempt → banned"


def test_a_short_measure_inside_a_window_is_flagged(data_copy):
    # A made-up five-day suspension inside "around 20 Feb 2017" (5 Feb - 7 Mar): the window
    # starts and ends unrestricted but passes through a restriction.
    path = data_copy / "sanctions.csv"
    rows = read_rows(path)
    rows.append({"measure_id": "CN-MO-TEST", "authority": "China", "adopted": "2017-03-01",
                 "effective": "2017-03-01", "ends": "2017-03-05", "mineral_id": "molybdenum",
                 "action": "suspension", "note": "", "source_id": "rfa-2017-03-02"})
    write_rows(path, rows)
    ds = load_dataset(data_copy)
    assert status_on(ds, "molybdenum", "2017-03-05").status == "suspended"
    assert status_on(ds, "molybdenum", "2017-03-06").status == "unrestricted"
    row = _row(annotate(ds.view, ds.sanctions), "musan-molybdenum-halt-2017", "molybdenum")
    assert row.sanction_status == "unrestricted"
    assert row.sanction_uncertain
    assert row.sanction_status_range == "unrestricted → suspended → unrestricted"


def test_restricted_rows_are_the_sanctioned_minerals(ds):
    rows = restricted_rows(ds)
    assert ("hyesan-halt-2017", "copper") in set(zip(rows.event_id, rows.mineral_id, strict=True))
    assert ("cholsan-solar-offer-2019", "rare_earths") in set(zip(rows.event_id, rows.mineral_id, strict=True))
    assert not {"molybdenum", "cobalt", "tungsten"} & set(rows.mineral_id)
    assert ((rows.sanction_status != "unrestricted") | rows.sanction_uncertain).all()


def test_annotate_is_vectorised_on_a_million_rows(ds):
    copies = 1_000_000 // len(ds.view) + 1
    cols = ["event_id", "mineral_id", "date", "date_start", "date_end"]
    big = ds.view[cols].iloc[np.tile(np.arange(len(ds.view)), copies)].reset_index(drop=True)
    started = time.perf_counter()
    annotated = annotate(big, ds.sanctions)
    assert time.perf_counter() - started < 20
    small = annotate(ds.view, ds.sanctions)
    assert list(annotated["sanction_status"][:len(small)]) == list(small["sanction_status"])
    assert annotated["sanction_uncertain"].sum() == small["sanction_uncertain"].sum() * copies


# --------------------------------------------------------------------------- timeline and chart


def test_timeline_of_iron_ore_follows_the_resolutions(ds):
    tl = timeline(ds, start="2016-01-01", end="2018-12-31", minerals=["iron_ore"])
    assert list(tl.status) == ["unrestricted", "exempt", "banned"]
    assert list(tl.start.dt.date) == [dt.date(2016, 1, 1), dt.date(2016, 3, 2), dt.date(2017, 8, 5)]
    assert list(tl.measure_ids) == ["", "UNSCR-2270", "UNSCR-2371"]
    assert tl.iloc[2].href == ds.source("un-2371")["url"]


def test_timeline_covers_every_mineral_without_gaps(ds):
    tl = timeline(ds)
    assert set(tl.mineral_id) == set(ds.minerals.mineral_id)
    for _mineral, rows in tl.groupby("mineral_id"):
        assert (rows.start.iloc[1:].to_numpy() == rows.until.iloc[:-1].to_numpy()).all()
    for mineral in ("molybdenum", "cobalt", "tungsten"):
        assert list(tl[tl.mineral_id == mineral].status) == ["unrestricted"]


def test_chart_colours_by_status_and_links_each_measure_to_its_source(ds):
    spec = sanctions_chart(ds).to_dict()
    bars, ticks = spec["layer"]
    scale = bars["encoding"]["color"]["scale"]
    assert scale["domain"] == list(STATUSES)
    assert scale["range"] == [ds.vocab.colour("sanction_status", s) for s in STATUSES]
    assert bars["encoding"]["href"]["field"] == "href"
    assert ticks["encoding"]["href"]["field"] == "href"
    tooltips = {t["field"] for t in bars["encoding"]["tooltip"]}
    assert {"measure_ids", "source_urls"} <= tooltips
    tick_rows = spec["datasets"][ticks["data"]["name"]]
    linked = {(r["measure_id"], r["href"]) for r in tick_rows}
    urls = dict(zip(ds.sources.source_id, ds.sources.url, strict=True))
    assert linked == {(r.measure_id, urls[r.source_id]) for r in ds.sanctions.itertuples()}


def test_geo_does_not_import_streamlit():
    code = "import sys, geo.rules.sanctions, geo.io.export, geo.cli, geo.render.charts; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- end to end


def _geo(*args):
    return subprocess.run([sys.executable, "-m", "geo", *args], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize("mineral, date, status, measure, action, adopted, source", [
    ("copper", "2017-02-15", "banned", "UNSCR-2321", "ban", "2016-11-30", "un-2321"),
    ("zinc", "2017-02-15", "banned", "UNSCR-2321", "ban", "2016-11-30", "un-2321"),
    ("iron_ore", "2017-02-20", "exempt", "UNSCR-2270", "ban_with_exemption", "2016-03-02", "un-2270"),
    ("iron_ore", "2017-08-05", "banned", "UNSCR-2371", "ban", "2017-08-05", "un-2371"),
    ("rare_earths", "2019-10-15", "banned", "UNSCR-2270", "ban", "2016-03-02", "un-2270"),
])
def test_cli_prints_the_status_and_the_measures(ds, mineral, date, status, measure, action, adopted, source):
    out = _geo("sanctions", "--mineral", mineral, "--on", date)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == f"{mineral} on {date}: {status}"
    measure_lines = [line for line in lines[1:] if line.strip() and "by authority:" not in line]
    assert len(measure_lines) == 1
    assert lines[-1].strip().startswith("by authority:") and f"{status} ({measure})" in lines[-1]
    words = measure_lines[0].split()
    assert words[:2] == [measure, action]
    assert f"adopted {adopted}" in measure_lines[0]
    assert measure_lines[0].endswith(f"source: {ds.source(source)['url']}")


@pytest.mark.parametrize("mineral", ["molybdenum", "cobalt"])
def test_cli_unrestricted_minerals_list_no_measure(mineral):
    out = _geo("sanctions", "--mineral", mineral, "--on", "2017-02-20")
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines()[0] == f"{mineral} on 2017-02-20: unrestricted"
    assert "UNSCR" not in out.stdout and "CN-" not in out.stdout


def test_cli_coal_lists_both_authorities():
    out = _geo("sanctions", "--mineral", "coal", "--on", "2017-02-20")
    assert out.stdout.splitlines()[0] == "coal on 2017-02-20: suspended"
    assert "CN-COAL-2017" in out.stdout and "UNSCR-2321" in out.stdout
    assert "UNSCR-2270" not in out.stdout and "ends 2017-12-31" in out.stdout


@pytest.mark.parametrize("args, message", [
    (["--mineral", "unobtainium", "--on", "2017-02-20"], "unknown mineral 'unobtainium'"),
    (["--mineral", "coal", "--on", "2017-02-30"], "not a date"),
    (["--mineral", "coal", "--on", "last week"], "not a date"),
])
def test_cli_bad_input_is_one_line_and_exit_1(args, message):
    assert_one_line_error(_geo("sanctions", *args), message)


def test_cli_bad_data_folder_is_reported_not_raised(tmp_path):
    out = _geo("sanctions", "--data", str(tmp_path / "nowhere"), "--mineral", "coal", "--on", "2017-02-20")
    assert out.returncode == 1 and "Traceback" not in out.stderr + out.stdout


def test_exported_csv_carries_the_status(tmp_path):
    out_file = tmp_path / "all.csv"
    out = _geo("export", "--out", str(out_file))
    assert out.returncode == 0, out.stderr
    rows = {(r["event_id"], r["mineral_id"]): r for r in read_rows(out_file)}
    for event_id, mineral, status, measures in REPORT_EVENT_STATUSES:
        r = rows[(event_id, mineral)]
        assert (r["sanction_status"], r["sanction_measures"], r["sanction_uncertain"]) == (status, measures, "false")
    coal = rows[("china-coal-imports-2016", "coal")]
    assert coal["sanction_uncertain"] == "true" and coal["sanction_status_range"] == "unrestricted → exempt"
    manifest = json.loads((tmp_path / "all.csv.manifest.json").read_text(encoding="utf-8"))
    assert "sanction_status" in manifest["columns"]


def test_filtered_csv_export_is_annotated_too(tmp_path):
    out_file = tmp_path / "iron.csv"
    assert _geo("export", "--mineral", "iron_ore", "--out", str(out_file)).returncode == 0
    with open(out_file, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {r["sanction_status"] for r in rows} == {"exempt"}


def test_exported_geojson_carries_the_status(tmp_path):
    out_file = tmp_path / "all.geojson"
    assert _geo("export", "--format", "geojson", "--out", str(out_file)).returncode == 0
    features = json.loads(out_file.read_text(encoding="utf-8"))["features"]
    props = {(f["properties"]["event_id"], f["properties"]["mineral_id"]): f["properties"] for f in features}
    for event_id, mineral, status, measures in REPORT_EVENT_STATUSES:
        p = props[(event_id, mineral)]
        assert (p["sanction_status"], p["sanction_measures"], p["sanction_uncertain"]) == (status, measures, False)
