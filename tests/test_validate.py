"""Broken data: every kind of fault, made from the real files, gives its own clear message."""

import json

import pandas as pd
import pytest

from geo.package import DataError, validate_package
from geo.rules.load import load_dataset
from tests.conftest import read_rows, write_rows


def _csv(name, row, field, value):
    def mutate(d):
        rows = read_rows(d / name)
        rows[row - 1][field] = value
        write_rows(d / name, rows)
    return mutate


def _geo(name, feature, fn):
    def mutate(d):
        doc = json.loads((d / name).read_text(encoding="utf-8"))
        fn(doc["features"][feature - 1])
        (d / name).write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return mutate


def _text(name, text):
    def mutate(d):
        (d / name).write_text(text, encoding="utf-8")
    return mutate


def _remove(name):
    return lambda d: (d / name).unlink()


def _drop_column(name, col):
    def mutate(d):
        rows = read_rows(d / name)
        for r in rows:
            r.pop(col)
        write_rows(d / name, rows)
    return mutate


def _add_column(name, col):
    def mutate(d):
        rows = read_rows(d / name)
        for r in rows:
            r[col] = "x"
        write_rows(d / name, rows)
    return mutate


def _duplicate_row(name, row):
    def mutate(d):
        rows = read_rows(d / name)
        rows.append(dict(rows[row - 1]))
        write_rows(d / name, rows)
    return mutate


def _extra_cell(name, line=2):
    def mutate(d):
        lines = (d / name).read_text(encoding="utf-8").splitlines()
        lines[line] = lines[line] + ",surplus"
        (d / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return mutate


def _bad_bytes(name):
    def mutate(d):
        (d / name).write_bytes((d / name).read_bytes() + b"bad,\xff\xfe,row\n")
    return mutate


def _set_prop(key, value):
    def fn(feat):
        feat["properties"][key] = value
    return fn


def _set_coords(coords):
    def fn(feat):
        feat["geometry"]["coordinates"] = coords
    return fn


CASES = [
    # (case id, mutation, expected text of one problem)
    ("descriptor missing", _remove("datapackage.json"), "datapackage.json: file is missing"),
    ("descriptor malformed", _text("datapackage.json", '{"name": '), "datapackage.json: malformed JSON"),
    ("file missing", _remove("events.csv"), "events.csv: file is missing"),
    ("file empty", _text("sources.csv", ""), "sources.csv: file is empty"),
    ("header only", _text("event_links.csv", "event_id,mine_id,mineral_id,effect\n"), "event_links.csv: file has a header but no rows"),
    ("malformed csv row", _extra_cell("minerals.csv"), "minerals.csv, row 2 (line 3): malformed CSV: 5 cells where the header has 4"),
    # the first row: pandas only warned and dropped the extra cell
    ("malformed first csv row", _extra_cell("minerals.csv", line=1),
     "minerals.csv, row 1 (line 2): malformed CSV: 5 cells where the header has 4"),
    ("not utf-8", _bad_bytes("sources.csv"), "sources.csv: not valid UTF-8"),
    ("missing column", _drop_column("events.csv", "confidence"), "events.csv, field 'confidence': column is missing"),
    ("unknown column", _add_column("sanctions.csv", "colour"), "sanctions.csv, field 'colour': column is not in the schema"),
    ("not a number", _csv("events.csv", 2, "value_usd", "lots"), "events.csv, row 2 (line 3), field 'value_usd': 'lots' is not a number"),
    ("below minimum", _csv("events.csv", 2, "quantity", "-7.5"), "field 'quantity': '-7.5' is below the minimum 0"),
    ("impossible date", _csv("events.csv", 3, "date", "2017-02-30"), "events.csv, row 3 (line 4), field 'date': '2017-02-30' is not a valid date"),
    ("date in another format", _csv("sanctions.csv", 1, "adopted", "02/03/2016"), "sanctions.csv, row 1 (line 2), field 'adopted': '02/03/2016' is not a valid date"),
    ("unknown enum", _csv("events.csv", 1, "date_precision", "roughly"), "field 'date_precision': 'roughly' is not one of: day, month, year, approximate"),
    ("unknown confidence", _csv("events.csv", 4, "confidence", "certain"), "events.csv, row 4 (line 5), field 'confidence': 'certain' is not one of"),
    ("not a boolean", _csv("events.csv", 5, "anonymous_source", "maybe"), "field 'anonymous_source': 'maybe' is not a boolean"),
    ("duplicate id", _csv("events.csv", 2, "event_id", "unscr-2270-adopted"), "events.csv, row 2 (line 3), field 'event_id': duplicate value 'unscr-2270-adopted'"),
    ("duplicate composite key", _duplicate_row("event_links.csv", 3), "event_links.csv, row 19 (line 20), field 'event_id+mine_id+mineral_id': duplicate primary key"),
    ("event → source", _csv("events.csv", 1, "source_id", "nowhere-news"), "events.csv, row 1 (line 2), field 'source_id': 'nowhere-news' is not a source_id in sources.csv"),
    ("corroborating → source", _csv("events.csv", 1, "corroborating_source_ids", "un-2270;un-9999"), "field 'corroborating_source_ids': 'un-9999' is not a source_id in sources.csv"),
    ("link → event", _csv("event_links.csv", 1, "event_id", "ghost-event"), "event_links.csv, row 1 (line 2), field 'event_id': 'ghost-event' is not a event_id in events.csv"),
    ("link → mine", _csv("event_links.csv", 7, "mine_id", "atlantis"), "event_links.csv, row 7 (line 8), field 'mine_id': 'atlantis' is not a mine_id in mines.geojson"),
    ("link → mineral", _csv("event_links.csv", 1, "mineral_id", "kryptonite"), "field 'mineral_id': 'kryptonite' is not a mineral_id in minerals.csv"),
    ("sanction → mineral", _csv("sanctions.csv", 1, "mineral_id", "unobtainium"), "sanctions.csv, row 1 (line 2), field 'mineral_id': 'unobtainium' is not a mineral_id"),
    ("sanction → source", _csv("sanctions.csv", 2, "source_id", "un-0000"), "sanctions.csv, row 2 (line 3), field 'source_id': 'un-0000' is not a source_id"),
    ("mine → source", _geo("mines.geojson", 1, _set_prop("source_ids", ["wikipedia-musan-mine", "rumour"])), "mines.geojson, feature 1, field 'source_ids': 'rumour' is not a source_id in sources.csv"),
    ("mine → mineral", _geo("mines.geojson", 2, _set_prop("minerals", ["copper", "mithril"])), "mines.geojson, feature 2, field 'minerals': 'mithril' is not a mineral_id"),
    ("coordinates out of range", _geo("mines.geojson", 1, _set_coords([129.2, 95.0])), "mines.geojson, feature 1, field 'geometry': coordinates out of range"),
    ("lat/lon swapped", _geo("mines.geojson", 3, _set_coords([41.4, 128.2])), "mines.geojson, feature 3, field 'geometry': coordinates out of range: lon 41.4, lat 128.2; it looks like [lat, lon]"),
    ("outside the region", _geo("border_crossings.geojson", 2, _set_coords([2.35, 48.85])), "border_crossings.geojson, feature 2, field 'geometry': point (lon 2.35, lat 48.85) is outside the region"),
    ("geometry missing", _geo("mines.geojson", 4, lambda f: f.pop("geometry")), "mines.geojson, feature 4, field 'geometry': missing geometry"),
    ("geometry not a point", _geo("mines.geojson", 4, lambda f: f.update(geometry={"type": "LineString", "coordinates": [[1, 2], [3, 4]]})), "expected a Point, found 'LineString'"),
    ("precision enum in geojson", _geo("mines.geojson", 5, _set_prop("location_precision", "exact")), "mines.geojson, feature 5, field 'location_precision': 'exact' is not one of"),
    ("required property empty", _geo("mines.geojson", 6, _set_prop("name", "")), "mines.geojson, feature 6, field 'name': required value is empty"),
    ("required text blank", _csv("events.csv", 6, "title", "   "), "events.csv, row 6 (line 7), field 'title': required text is blank"),
    ("required cell empty", _csv("sources.csv", 3, "publisher", ""), "sources.csv, row 3 (line 4), field 'publisher': required value is empty"),
    ("end before start", _csv("events.csv", 5, "end_date", "2016-01-01"), "events.csv, row 5 (line 6), field 'end_date': 2016-01-01 is before date 2017-02-18"),
    ("effective before adopted", _csv("sanctions.csv", 4, "effective", "2015-01-01"), "field 'effective': 2015-01-01 is before adopted 2016-03-02"),
    ("geojson malformed", _text("border_crossings.geojson", '{"type": "FeatureCollection", "features": [}'), "border_crossings.geojson: malformed JSON"),
    ("geojson not a collection", _text("mines.geojson", '{"type": "Feature"}'), "mines.geojson: not a GeoJSON FeatureCollection"),
    ("url not a url", _csv("sources.csv", 1, "url", "javascript:alert(1)"), "sources.csv, row 1 (line 2), field 'url': 'javascript:alert(1)' does not match"),
]


@pytest.mark.parametrize("case, mutate, expected", CASES, ids=[c[0] for c in CASES])
def test_broken_data_gives_its_specific_message(data_copy, case, mutate, expected):
    # Events must be read in a stable order for the row numbers above.
    mutate(data_copy)
    with pytest.raises(DataError) as info:
        load_dataset(data_copy)
    messages = [str(p) for p in info.value.problems]
    assert any(expected in m for m in messages), f"{case}: {expected!r} not in {messages}"


def test_every_problem_is_reported_at_once(data_copy):
    for mutate in (CASES[9][1], CASES[19][1], CASES[27][1], CASES[24][1]):
        mutate(data_copy)
    problems = validate_package(data_copy).problems
    files = {p.file for p in problems}
    assert {"events.csv", "mines.geojson", "sanctions.csv"} <= files
    assert len(problems) >= 4


def test_the_real_package_has_no_problems():
    from tests.conftest import DATA

    assert validate_package(DATA).problems == []


def test_a_large_broken_file_does_not_crash(data_copy):
    rows = read_rows(data_copy / "event_links.csv")
    bad = [dict(rows[0], mineral_id=f"bogus{i}") for i in range(3000)]
    write_rows(data_copy / "event_links.csv", rows + bad)
    with pytest.raises(DataError) as info:
        load_dataset(data_copy)
    assert len(info.value.problems) == 3000
    assert "… and 2,997 more rows of event_links.csv with the same problem" in info.value.report()
    assert "… and 2,990 more" in info.value.report(limit=10, full=True)


def test_a_mine_no_source_locates_is_kept_without_a_point(data_copy):
    """x-null-geometry: a feature may lack geometry only when its precision says 'unknown'."""
    desc = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))
    mines_res = next(r for r in desc["resources"] if r["name"] == "mines")
    mines_res["x-null-geometry"] = {"field": "location_precision", "value": "unknown"}
    (data_copy / "datapackage.json").write_text(json.dumps(desc), encoding="utf-8")
    vocab = (data_copy / "vocabulary.csv").read_text(encoding="utf-8")
    (data_copy / "vocabulary.csv").write_text(
        vocab + "location_precision,unknown,unknown,,,9,No source locates it; not drawn.\n", encoding="utf-8")
    doc = json.loads((data_copy / "mines.geojson").read_text(encoding="utf-8"))
    doc["features"][3]["geometry"] = None
    doc["features"][3]["properties"]["location_precision"] = "unknown"
    doc["features"][4]["geometry"] = None  # still "site" or similar: refused
    (data_copy / "mines.geojson").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_dataset(data_copy)
    messages = [str(p) for p in info.value.problems]
    assert messages == ["mines.geojson, feature 5, field 'geometry': missing geometry"]
    doc["features"][4]["geometry"] = {"type": "Point", "coordinates": [128.2, 41.4]}
    (data_copy / "mines.geojson").write_text(json.dumps(doc), encoding="utf-8")
    ds = load_dataset(data_copy)
    unknown = ds.mines.iloc[3]
    assert unknown.geometry is None and pd.isna(unknown["lat"])
    assert ds.mine(unknown["mine_id"])["location_precision"] == "unknown"
