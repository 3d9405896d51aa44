"""Issue 12: the blind phrasing batteries (tests/ingest_phrasing_blind*/) are well formed, and the
round-by-round record (docs/ingest-evaluation.md) states what ``scripts/phrasing_battery.py`` scores on each now."""

from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BATTERIES = sorted((ROOT / "tests").glob("ingest_phrasing_blind*/battery.json"),
                   key=lambda p: int(p.parent.name.removeprefix("ingest_phrasing_blind") or 1))


def _script():
    spec = importlib.util.spec_from_file_location("phrasing_battery", ROOT / "scripts" / "phrasing_battery.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_battery_is_found_in_order():
    assert [p.parent.name for p in BATTERIES][:3] == ["ingest_phrasing_blind", "ingest_phrasing_blind2",
                                                      "ingest_phrasing_blind3"]


@pytest.mark.parametrize("path", BATTERIES, ids=lambda p: p.parent.name)
def test_a_battery_names_only_the_records_ids(path):
    items = json.loads(path.read_text(encoding="utf-8"))["items"]
    with (ROOT / "data" / "vocabulary.csv").open(encoding="utf-8") as f:
        types = {r["code"] for r in csv.DictReader(f) if r["kind"] == "event_type"}
    with (ROOT / "data" / "minerals.csv").open(encoding="utf-8") as f:
        minerals = {r["mineral_id"] for r in csv.DictReader(f)}
    mines = {ft["properties"]["mine_id"] for ft in json.loads((ROOT / "data" / "mines.geojson").read_text())["features"]}
    assert len({it["id"] for it in items}) == len(items) == len({it["text"] for it in items}) > 150
    for it in items:
        assert it["lang"] in ("en", "ko") and it["modelled_on"].startswith("http"), it["id"]
        assert not it["event_type"] or (it["event_type"] in types and it["mineral_id"] in minerals), it["id"]
        assert not it["mine_id"] or it["mine_id"] in mines, it["id"]


def test_the_readme_states_each_batterys_score_now():
    script = _script()
    from geo.model.dataset import DEFAULT_DATA_DIR
    from geo.rules.load import load_dataset

    ds = load_dataset(DEFAULT_DATA_DIR)
    readme = (ROOT / "docs" / "ingest-evaluation.md").read_text(encoding="utf-8")  # the round-by-round record
    for n, path in enumerate(BATTERIES, start=1):
        rows = script.score(json.loads(path.read_text(encoding="utf-8"))["items"], ds)
        events = [r for it, _g, r in rows if it["event_type"]]
        traps = [r for it, _g, r in rows if not it["event_type"]]
        line = next(ln for ln in readme.splitlines() if ln.startswith(f"| {n} ("))
        assert line.rstrip(" |").endswith(f"{sum(events)}/{len(events)}, {sum(traps)}/{len(traps)}") or \
            f"{sum(events)}/{len(events)}, {sum(traps)}/{len(traps)}** (first score; not read)" in line, line
