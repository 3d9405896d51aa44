"""Shared fixtures: the real data package, and writable copies of it to break."""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: The package the code's tests run on: a frozen copy of the record as it was when they were
#: written (tests/fixtures/package), so that growing the curated record in data/ changes no
#: test of the code. The record in data/ has its own tests (tests/test_record.py).
DATA = ROOT / "tests" / "fixtures" / "package"
RECORD = ROOT / "data"
# The app, the command line and every process a test starts read the package from here.
os.environ["NK_MINES_DATA"] = str(DATA)


@pytest.fixture(scope="session")
def ds():
    from geo.rules.load import load_dataset

    return load_dataset(DATA)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A writable copy of the real package."""
    dest = tmp_path / "data"
    shutil.copytree(DATA, dest)
    return dest


def read_rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8-sig") as fh:  # exported CSVs start with a byte-order mark
        return list(csv.DictReader(fh))


def write_rows(path: Path, rows: list[dict], fieldnames: list[str] | None = None) -> None:
    fieldnames = fieldnames or list(rows[0].keys())
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=fieldnames, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")


def bumped_version(minors: int = 1) -> str:
    """The shipped package version with its minor number raised (what applying a report gives)."""
    import json

    major, minor, _patch = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))["version"].split(".")
    return f"{major}.{int(minor) + minors}.0"


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def assert_one_line_error(out, message: str) -> None:
    """A command refused bad input as a user expects: exit 1, nothing on stdout, one line on
    stderr that says ``message``, no stack trace."""
    assert out.returncode == 1
    assert out.stdout == ""
    assert len(out.stderr.strip().splitlines()) == 1
    assert message in out.stderr and "Traceback" not in out.stderr


def ingest_dry_runs(data: Path, folder: Path, text: str, published: str, flag: str):
    """``geo ingest --dry-run`` of a report written to ``folder``, plainly and with ``flag``:
    the two completed processes (output as text)."""
    import subprocess
    import sys

    report = folder / "r.txt"
    report.write_text(text, encoding="utf-8")
    base = [sys.executable, "-m", "geo", "ingest", str(report), "--published", published, "--publisher", "T",
            "--url", "", "--data", str(data), "--dry-run"]
    return tuple(subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True) for cmd in (base, [*base, flag]))
