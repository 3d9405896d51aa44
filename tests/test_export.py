"""Exports: exactly the filtered rows, read back identical, formulas neutralised, manifest attached."""

import io
import json
import subprocess
import sys
import zipfile

import pandas as pd
import pytest

from geo.io.export import snapshot_zip, to_csv_bytes, to_geojson, write_export
from geo.io.formulas import neutralise
from geo.io.manifest import EXPORT_COLUMNS, export_filename
from geo.rules.filters import Filters
from tests.conftest import ROOT, read_rows, write_rows


def _read_csv(data: bytes) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)


@pytest.mark.parametrize("filters", [
    Filters(), Filters(minerals=["molybdenum"]), Filters(event_types=["sanction"]),
    Filters(provinces=["Ryanggang"], min_confidence="reported"), Filters(minerals=["tungsten"], since="2020-01-01"),
])
def test_csv_round_trip_gives_the_same_rows(ds, filters):
    rows = filters.apply(ds.view)
    back = _read_csv(to_csv_bytes(rows))
    assert list(back.columns) == EXPORT_COLUMNS
    assert len(back) == len(rows)
    assert list(back["event_id"]) == list(rows["event_id"])
    assert list(back["mineral_id"]) == list(rows["mineral_id"])
    assert list(back["date"]) == [d.strftime("%Y-%m-%d") for d in rows["date"]]
    assert list(back["source_url"]) == list(rows["source_url"])
    assert list(back["anonymous_source"]) == ["true" if a else "false" for a in rows["anonymous_source"]]
    lat = pd.to_numeric(back["lat"].replace("", None))
    assert lat.fillna(-1).tolist() == rows["lat"].fillna(-1).tolist()


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Musan mine", "Musan mine"), ("2017-02-20", "2017-02-20"), ("", ""), (42, 42), (-3.5, -3.5),
])
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_formula_in_data_is_neutralised_in_the_csv(data_copy):
    from geo.rules.load import load_dataset

    rows = read_rows(data_copy / "events.csv")
    rows[0]["title"] = '=HYPERLINK("http://evil.example","click")'
    rows[1]["actors"] = "@cmd"
    write_rows(data_copy / "events.csv", rows)
    ds = load_dataset(data_copy)
    out = _read_csv(to_csv_bytes(ds.view))
    assert (out["title"] == "'=HYPERLINK(\"http://evil.example\",\"click\")").any()
    assert (out["actors"] == "'@cmd").any()
    assert not out.apply(lambda col: col.str.match(r"^[=+\-@\t\r]")).any().any()


def test_geojson_export_has_points_and_metadata(ds):
    f = Filters(minerals=["rare_earths"])
    doc = to_geojson(ds, f, f.apply(ds.view))
    assert doc["metadata"]["version"] == ds.version
    assert doc["metadata"]["filter"] == "rare earths"
    by_event = {feat["properties"]["event_id"]: feat for feat in doc["features"]}
    assert by_event["cholsan-solar-offer-2019"]["geometry"]["coordinates"] == [124.664, 39.73]
    assert by_event["unscr-2270-adopted"]["geometry"] is None  # a sanction touches no mine
    json.dumps(doc)  # serialisable


def test_snapshot_zip_holds_csv_geojson_and_manifest(ds):
    f = Filters(minerals=["molybdenum"])
    with zipfile.ZipFile(io.BytesIO(snapshot_zip(ds, f, f.apply(ds.view)))) as zf:
        names = set(zf.namelist())
        assert names == {export_filename(ds, f, "csv"), export_filename(ds, f, "geojson"), "manifest.json"}
        man = json.loads(zf.read("manifest.json"))
        csv_rows = _read_csv(zf.read(export_filename(ds, f, "csv")))
    assert man["rows"] == len(csv_rows) == 2
    assert man["version"] == ds.version and man["filter"] == "molybdenum"
    assert man["sources_cited"] == ["rfa-2017-03-02"]


def test_file_name_carries_version_and_filter(ds):
    name = export_filename(ds, Filters(minerals=["molybdenum", "cobalt"], since="2017-01-01", until="2017-12-31"), "csv")
    assert name == f"nk-mines-trade-events_v{ds.version}_molybdenum-cobalt_2017.csv"


def test_write_export_writes_file_and_manifest(ds, tmp_path):
    out, man, n = write_export(ds, Filters(minerals=["coal"]), tmp_path / "coal.geojson", "geojson")
    doc = json.loads(out.read_text())
    assert len(doc["features"]) == n == (ds.view.mineral_id == "coal").sum()
    assert json.loads(man.read_text())["rows"] == n
    assert not list(tmp_path.glob(".*.tmp"))


def run_cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "geo", *args], capture_output=True, text=True, cwd=cwd or ROOT)


def test_cli_export_molybdenum_yields_exactly_the_molybdenum_rows(ds, tmp_path):
    res = run_cli("export", "--mineral", "molybdenum", "--format", "csv", "--out", str(tmp_path / "x.csv"))
    assert res.returncode == 0, res.stderr
    out = _read_csv((tmp_path / "x.csv").read_bytes())
    expected = ds.view[ds.view.mineral_id == "molybdenum"]
    assert sorted(out["event_id"]) == sorted(expected["event_id"])
    assert set(out["mineral_id"]) == {"molybdenum"}
    assert out["source_id"].ne("").all() and out["source_url"].str.startswith("https://").all()
    man = json.loads((tmp_path / "x.csv.manifest.json").read_text())
    assert man["rows"] == len(out) and man["filter"] == "molybdenum"


def test_cli_validate_ok():
    res = run_cli("validate")
    assert res.returncode == 0
    assert "valid" in res.stdout and "8 mines" in res.stdout


def test_cli_validate_reports_every_problem_without_a_traceback(data_copy):
    rows = read_rows(data_copy / "events.csv")
    rows[0]["date"] = "someday"
    rows[1]["confidence"] = "sure"
    write_rows(data_copy / "events.csv", rows)
    (data_copy / "mines.geojson").write_text("{not json", encoding="utf-8")
    res = run_cli("validate", "--data", str(data_copy))
    assert res.returncode == 1
    lines = res.stdout.strip().splitlines()
    assert any("events.csv, row 1 (line 2), field 'date'" in ln for ln in lines)
    assert any("events.csv, row 2 (line 3), field 'confidence'" in ln for ln in lines)
    assert any(ln.startswith("mines.geojson: malformed JSON") for ln in lines)
    assert "Traceback" not in res.stdout + res.stderr


@pytest.mark.parametrize("args, message", [
    (["--mineral", "unobtainium"], "unknown mineral 'unobtainium'"),
    (["--since", "2017-02-30"], "--since '2017-02-30' is not a date"),
    (["--since", "2018-01-01", "--until", "2017-01-01"], "--since is after --until"),
])
def test_cli_export_rejects_bad_arguments(tmp_path, args, message):
    res = run_cli("export", *args, "--out", str(tmp_path / "x.csv"))
    assert res.returncode == 1
    assert message in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "x.csv").exists()


def test_cli_works_from_another_folder(tmp_path):
    res = run_cli("validate", cwd=tmp_path)
    assert res.returncode == 0, res.stderr


def test_csv_has_a_byte_order_mark_and_hangul_names(ds):
    """Excel opens a CSV as UTF-8 only with a BOM; the Hangul name of each mine is a column."""
    data = to_csv_bytes(Filters(minerals=["molybdenum"]).apply(ds.view), ds)
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert back.columns[0] == "event_id"
    musan = back[back["mine_id"] == "musan"]
    assert set(musan["mine_name_ko"]) == {"무산광산연합기업소"}


def test_xlsx_has_the_same_rows_and_describes_the_filter(ds):
    from openpyxl import load_workbook

    from geo.io.export import to_xlsx_bytes

    f = Filters(minerals=["molybdenum", "cobalt"])
    rows = f.apply(ds.view)
    wb = load_workbook(io.BytesIO(to_xlsx_bytes(ds, f, rows)))
    assert wb.sheetnames == ["rows", "sources", "about"]
    table = list(wb["rows"].values)
    assert list(table[0]) == EXPORT_COLUMNS
    csv_rows = _read_csv(to_csv_bytes(rows, ds))
    assert [r[0] for r in table[1:]] == list(csv_rows["event_id"])
    assert {r[EXPORT_COLUMNS.index("mine_name_ko")] for r in table[1:]} >= {"무산광산연합기업소"}
    about = dict(wb["about"].values)
    assert about["version"] == ds.version and about["filter"] == "molybdenum and cobalt"
    assert about["rows"] == len(rows) and "mineral=molybdenum" in about["filter_query"]
    cited = {r[0] for r in list(wb["sources"].values)[1:]}
    assert cited == set(rows["source_id"]) | {s for ids in rows["corroborating_source_ids"] for s in ids}


def test_xlsx_neutralises_formulas(data_copy):
    from openpyxl import load_workbook

    from geo.io.export import to_xlsx_bytes
    from geo.rules.load import load_dataset

    rows = read_rows(data_copy / "events.csv")
    rows[0]["title"] = '=HYPERLINK("http://evil.example","click")'
    write_rows(data_copy / "events.csv", rows)
    ds = load_dataset(data_copy)
    wb = load_workbook(io.BytesIO(to_xlsx_bytes(ds, Filters(), ds.view)))
    titles = [r[EXPORT_COLUMNS.index("title")] for r in list(wb["rows"].values)[1:]]
    assert "'=HYPERLINK(\"http://evil.example\",\"click\")" in titles
    assert not any(isinstance(c, str) and c.startswith("=") for r in wb["rows"].values for c in r)
