"""Hostile input, by class (issue 13): each section closes one class of defect, not one input.

1. paths · 2. export targets · 5. dates · 6. stack traces from bad data · 7. spreadsheet
formulas, numbers, NUL · 8. big bad input · 9. concurrency. Markdown injection (3) and the
app's side of dates and big input are in tests/test_hostile_app.py; the fuzz tests of the text
and CSV paths in tests/test_hostile_fuzz.py.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from geo.ingest import apply, extract, validate_drafts
from geo.io.export import to_geojson_bytes, write_export
from geo.io.targets import TargetError, check_target
from geo.package import DataError, validate_package
from geo.rules.filters import Filters
from geo.rules.load import load_dataset
from tests.conftest import DATA, ROOT, read_rows, write_rows

REPORT = ("Musan mine halts iron ore exports\n\nSEOUL — The Musan iron mine in North Hamgyong halted iron ore "
          "exports to China on March 1, 2017, traders said.\n")


def cli(*args, timeout=120):
    proc = subprocess.run([sys.executable, "-m", "geo", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=timeout)
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    return proc


def edit_descriptor(folder: Path, change) -> None:
    path = folder / "datapackage.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc = change(doc)
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")


def set_path(name: str, new: str):
    def change(doc):
        for res in doc["resources"]:
            if res["name"] == name:
                res["path"] = new
        return doc
    return change


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and ".cache" not in p.parts and p.name != ".ingest.lock"}


# --------------------------------------------------------------------------- 1. paths


@pytest.mark.parametrize("bad", ["/etc/passwd", "../outside/events.csv", "sub/../../outside/events.csv", "",
                                 "events.csv\u0000x", "link.csv"])
def test_a_resource_path_outside_the_package_is_refused_and_never_read(data_copy, bad):
    outside = data_copy.parent / "outside"
    outside.mkdir()
    (outside / "events.csv").write_bytes((data_copy / "events.csv").read_bytes())
    (data_copy / "link.csv").symlink_to(outside / "events.csv")
    edit_descriptor(data_copy, set_path("events", bad))
    problems = validate_package(data_copy).problems
    assert any(p.file == "datapackage.json" and "resources[" in (p.field or "") for p in problems), problems
    proc = cli("validate", "--data", data_copy)
    assert proc.returncode == 1 and "datapackage.json" in proc.stdout


@pytest.mark.parametrize("bad", ["ABSOLUTE", "../outside/events.csv"])
def test_an_apply_on_such_a_package_writes_nothing_outside_and_says_why(data_copy, bad):
    outside = data_copy.parent / "outside"
    outside.mkdir()
    (outside / "events.csv").write_bytes((data_copy / "events.csv").read_bytes())
    ds = load_dataset(DATA)
    result = extract(REPORT, "2017-03-02", "T", "", ds)
    assert result.drafts
    edit_descriptor(data_copy, set_path("events", str(outside / "events.csv") if bad == "ABSOLUTE" else bad))
    before, before_in = digest(outside), digest(data_copy)
    problems = validate_drafts(result.drafts, result.source_row, data_copy)
    assert any("not a file inside the package folder" in p.reason for p in problems)
    with pytest.raises(Exception, match="not a file inside the package folder"):
        apply(result.drafts, result.source_row, data_copy)
    assert digest(outside) == before and digest(data_copy) == before_in


# --------------------------------------------------------------------------- 2. export targets


def test_export_never_writes_into_the_package(data_copy):
    alias = data_copy.parent / "alias"
    alias.symlink_to(data_copy, target_is_directory=True)
    before = digest(data_copy)
    for out in (data_copy / "events.csv", data_copy / "new.csv", data_copy / "." / "x.csv", alias / "x.csv"):
        proc = cli("export", "--data", data_copy, "--out", out, "--force")
        assert proc.returncode == 1 and "data package" in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1
    assert digest(data_copy) == before


@pytest.mark.parametrize("kind", ["symlink", "fifo", "device", "dir", "empty", "blank", "missing_parent", "exists"])
def test_export_refuses_a_bad_target_in_one_line(tmp_path, kind):
    target = tmp_path / "out.csv"
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    out = str(target)
    if kind == "symlink":
        target.symlink_to(victim)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "device":
        out = "/dev/null"
    elif kind == "dir":
        out = str(tmp_path)
    elif kind == "empty":
        out = ""
    elif kind == "blank":
        out = "   "
    elif kind == "missing_parent":
        out = str(tmp_path / "nowhere" / "out.csv")
    elif kind == "exists":
        target.write_text("old")
    start = time.monotonic()
    proc = cli("export", "--out", out, "--force" if kind in ("symlink", "fifo", "device") else "--format=csv")
    assert time.monotonic() - start < 60  # a FIFO is never opened (that would block)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: --out ") and len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    assert victim.read_text() == "keep me"
    if kind == "symlink":
        assert target.is_symlink()
    if kind == "fifo":
        assert target.is_fifo()
    if kind == "exists":
        assert target.read_text() == "old"


def test_force_replaces_an_existing_regular_file_only(tmp_path, ds):
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(TargetError, match="--force"):
        write_export(ds, Filters(), target)
    _out, man, n = write_export(ds, Filters(), target, force=True)
    assert n == len(ds.view) and target.read_text() != "old" and man.is_file()
    with pytest.raises(TargetError, match="data package"):
        check_target(DATA / "anything.csv", DATA)


# --------------------------------------------------------------------------- 5. dates


@pytest.mark.parametrize("day", ["9999-12-31", "1000-01-01", "0001-01-01", "1899-12-31", "2101-01-01"])
def test_data_dates_outside_1900_to_2100_are_refused_with_file_and_field(data_copy, day):
    rows = read_rows(data_copy / "sanctions.csv")
    rows[0]["effective"] = day
    write_rows(data_copy / "sanctions.csv", rows)
    proc = cli("validate", "--data", data_copy)
    assert proc.returncode == 1
    assert f"sanctions.csv, row 1 (line 2), field 'effective': '{day}' is outside the dates" in proc.stdout


@pytest.mark.parametrize("day", ["1900-01-01", "2100-12-31"])
def test_the_extreme_dates_validation_accepts_work_everywhere(data_copy, tmp_path, day):
    events = read_rows(data_copy / "events.csv")
    events[0]["date"] = day
    events[0]["date_precision"] = "year"
    write_rows(data_copy / "events.csv", events)
    rows = read_rows(data_copy / "sanctions.csv")
    rows[0].update(adopted=day, effective=day)
    write_rows(data_copy / "sanctions.csv", rows)
    assert cli("validate", "--data", data_copy).returncode == 0
    mineral = rows[0]["mineral_id"]
    for on in (day, "2017-01-01"):
        assert cli("sanctions", "--data", data_copy, "--mineral", mineral, "--on", on).returncode == 0
    assert cli("export", "--data", data_copy, "--out", tmp_path / "x.geojson", "--format", "geojson").returncode == 0
    from geo.rules.asof import date_range, mine_states

    ds = load_dataset(data_copy)
    for d in date_range(ds):
        assert len(mine_states(ds, d)) == len(ds.mines)


@pytest.mark.parametrize("value, ok", [("1999-12-31", False), ("2099-12-31", False), ("2017-02-30", False),
                                       ("20170101", False), ("2017-W01-1", False), ("x" * 10_000, False),
                                       ("2017-03-02", True)])
def test_url_dates_are_clamped_or_refused_with_a_notice(value, ok):
    lo, hi = __import__("geo.rules.filters", fromlist=["DATE_BOUNDS"]).DATE_BOUNDS
    f, notices = Filters.from_query({"since": value, "until": value})
    assert (notices == []) is ok
    for d in (f.since, f.until):
        assert d is None or lo <= d <= hi
    assert all(len(n) < 300 for n in notices)


@pytest.mark.parametrize("published", ["0001-01-01", "9999-12-31", "1899-12-31", "20170302", "2017-13-01", ""])
def test_a_bad_publication_date_is_one_line(tmp_path, published):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    proc = cli("ingest", report, "--published", published, "--publisher", "T", "--url", "")
    assert proc.returncode == 1 and "--published" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


# --------------------------------------------------------------------------- 6. stack traces from bad data


def _resources(change):
    def edit(doc):
        doc["resources"] = [change(r) for r in doc["resources"]]
        return doc
    return edit


def _fields(change):
    return _resources(lambda r: {**r, "schema": {**r["schema"], "fields": [change(f) for f in r["schema"]["fields"]]}}
                      if "schema" in r else r)


BAD_DESCRIPTORS = {  # name → (change to the descriptor, a word the message has)
    "a list": (lambda d: [d], "must be a JSON object"),
    "a string": (lambda d: "datapackage", "must be a JSON object"),
    "licences as a string": (lambda d: {**d, "licenses": "CC-BY-4.0"}, "licenses"),
    "a licence title as a list": (lambda d: {**d, "licenses": [{"name": "x", "title": ["t"]}]}, "licenses[1].title"),
    "created as an object": (lambda d: {**d, "created": {"when": "now"}}, "created"),
    "title as a list": (lambda d: {**d, "title": ["x"]}, "title"),
    "version nested": (lambda d: {**d, "version": {"major": 1}}, "version"),
    "resources as an object": (lambda d: {**d, "resources": {"a": 1}}, "resources"),
    "a resource as a string": (lambda d: {**d, "resources": ["events.csv", *d["resources"]]}, "resources[1]"),
    "format as a list": (_resources(lambda r: {**r, "format": ["csv"]}), ".format"),
    "a field type as a list": (_fields(lambda f: {**f, "type": ["date"]}), ".type"),
    "an unknown field type": (_fields(lambda f: {**f, "type": "datetime"} if f["type"] == "date" else f), ".type"),
    "constraints as a list": (_fields(lambda f: {**f, "constraints": ["required"]}), ".constraints"),
    "a pattern as a number": (_fields(lambda f: {**f, "constraints": {"pattern": 5}}), "constraints.pattern"),
    "x-when as a string": (_fields(lambda f: {**f, "x-when": "always"}), "x-when"),
    "a primary key as an object": (_resources(lambda r: {**r, "schema": {**r["schema"], "primaryKey": {"a": 1}}}
                                              if "schema" in r else r), "primaryKey"),
    "a foreign key as a number": (_resources(lambda r: {**r, "schema": {**r["schema"], "foreignKeys": [{"fields": 1}]}}
                                             if "schema" in r else r), "foreignKeys[1]"),
    "region bounds as text": (lambda d: {**d, "x-region-bounds": "korea"}, "x-region-bounds"),
    "a bbox of one number": (lambda d: {**d, "x-region-bounds": {"bbox": [1]}}, "x-region-bounds"),
    "dates declared as text": (_fields(lambda f: {**f, "type": "string"} if f["name"] == "date" else f),
                               "does not have the resources and field types"),
}


@pytest.mark.parametrize("name", list(BAD_DESCRIPTORS))
def test_a_malformed_descriptor_gets_one_clear_message(data_copy, tmp_path, name):
    change, words = BAD_DESCRIPTORS[name]
    edit_descriptor(data_copy, change)
    for args in (["validate"], ["sanctions", "--mineral", "coal", "--on", "2017-01-01"], ["trade", "--mineral", "coal"],
                 ["export", "--out", tmp_path / "x.csv"]):
        proc = cli(*args, "--data", data_copy)
        assert proc.returncode == 1, (args, proc.stdout)
        assert "datapackage.json" in proc.stdout and words in proc.stdout, proc.stdout


BAD_FILES = {  # name → (file, bytes or a function of the folder, words the message has)
    "a non-UTF-8 changelog": ("CHANGELOG.md", "caf\xe9".encode("latin-1"), "CHANGELOG.md: not valid UTF-8 (line 1"),
    "a NUL in a CSV": ("events.csv", None, "events.csv: holds a NUL character (line 2)"),
    "JSON nested too deeply": ("datapackage.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "NaN in GeoJSON": ("mines.geojson", None, "mines.geojson: malformed JSON: NaN is not valid JSON"),
    "a device as a resource": ("events.csv", "/dev/zero", "events.csv: not a regular file"),
    "a folder as a resource": ("events.csv", "DIR", "events.csv: not a regular file"),
}


@pytest.mark.parametrize("name", list(BAD_FILES))
def test_a_bad_file_gets_one_clear_message_naming_it(data_copy, name):
    fname, content, words = BAD_FILES[name]
    path = data_copy / fname
    if name == "a NUL in a CSV":
        text = path.read_text(encoding="utf-8").splitlines(keepends=True)
        text[1] = text[1].replace(",", ",\x00", 1)
        path.write_text("".join(text), encoding="utf-8")
    elif name == "NaN in GeoJSON":
        path.write_text(path.read_text(encoding="utf-8").replace('"coordinates": [', '"coordinates": [NaN, ', 1))
    elif content == "DIR":
        path.unlink()
        path.mkdir()
    elif isinstance(content, str):
        path.unlink()
        path.symlink_to(content)  # resolves outside the package too: refused before it is opened
    else:
        path.write_bytes(content)
    proc = cli("validate", "--data", data_copy)
    assert proc.returncode == 1
    assert words in proc.stdout or (name == "a device as a resource" and "not a file inside" in proc.stdout), proc.stdout


def test_a_huge_resource_is_refused_unread(data_copy):
    from geo.package.read import MAX_FILE_BYTES

    with open(data_copy / "events.csv", "r+b") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used, and never read
    start = time.monotonic()
    proc = cli("validate", "--data", data_copy)
    assert time.monotonic() - start < 30
    assert proc.returncode == 1
    assert f"events.csv: file is {MAX_FILE_BYTES + 1:,} bytes, larger than the" in proc.stdout


# --------------------------------------------------------------------------- 7. formulas, numbers, NUL


@pytest.mark.parametrize("value", ["inf", "-inf", "Infinity", "nan", "NaN", "1e999"])
def test_non_finite_numbers_are_refused(data_copy, value):
    rows = read_rows(data_copy / "events.csv")
    rows[0]["value_usd"] = value
    write_rows(data_copy / "events.csv", rows)
    with pytest.raises(DataError) as info:
        load_dataset(data_copy)
    assert [str(p) for p in info.value.problems] == [
        f"events.csv, row 1 (line 2), field 'value_usd': {value!r} is not a number"]


def test_geojson_export_is_strict_json(ds):
    text = to_geojson_bytes(ds, Filters(), ds.view).decode("utf-8")
    json.loads(text, parse_constant=lambda c: pytest.fail(f"{c} in the GeoJSON"))


# --------------------------------------------------------------------------- 8. big bad input


def test_100000_rows_sharing_one_key_are_summarised(data_copy):
    rows = read_rows(data_copy / "events.csv")
    write_rows(data_copy / "events.csv", [rows[0]] * 100_000)
    proc = cli("validate", "--data", data_copy)
    assert proc.returncode == 1
    out = proc.stdout.splitlines()
    assert len(out) < 60, out[:80]
    assert "  … and 99,996 more rows of events.csv with the same problem" in out
    assert "--all lists every one" in proc.stderr
    full = cli("validate", "--all", "--data", data_copy).stdout.splitlines()
    assert sum("duplicate value" in line for line in full) == 99_999


# --------------------------------------------------------------------------- 9. concurrency

APPLY = ("import sys; from geo.cli import main; sys.exit(main(sys.argv[1:]))")
READER = ("import sys, time; from geo.rules.load import load_dataset\n"
          "end = time.time() + float(sys.argv[2])\n"
          "while time.time() < end:\n"
          "    load_dataset(sys.argv[1])\n")
REPORTS = [REPORT, "Hyesan copper exports halted\n\nThe Hyesan copper mine halted copper exports to China on "
                   "April 2, 2017, a source said.\n"]


def test_two_applies_and_a_reader_at_once_lose_nothing(data_copy, tmp_path):
    from geo.io.atomic import package_lock

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    files = []
    for i, text in enumerate(REPORTS):
        files.append(tmp_path / f"r{i}.txt")
        files[-1].write_text(text, encoding="utf-8")
    n_before = len(read_rows(data_copy / "events.csv"))
    reader = subprocess.Popen([sys.executable, "-c", READER, str(data_copy), "20"], cwd=ROOT, env=env)
    with package_lock(data_copy):  # both start together and must wait for the lock
        procs = [subprocess.Popen([sys.executable, "-c", APPLY, "ingest", str(f), "--published", "2017-04-05",
                                   "--publisher", f"P{i}", "--url", "", "--data", str(data_copy), "--apply",
                                   "--keep-unsure"],  # the lock is under test, not the certainty estimate
                                  cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for i, f in enumerate(files)]
    outs = [p.communicate(timeout=180) for p in procs]
    reader.kill()
    reader.wait()
    assert [p.returncode for p in procs] == [0, 0], outs
    ds = load_dataset(data_copy)
    assert len(ds.events) == n_before + 2
    assert ds.changelog.count("Ingested a report") == 2
