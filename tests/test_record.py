"""The curated record in data/: its size, its sources and its locations, as an analyst relies on them."""

from __future__ import annotations

import pytest

from geo.rules.load import load_dataset
from geo.rules.sanctions import status_on
from tests.conftest import RECORD


@pytest.fixture(scope="module")
def record():
    return load_dataset(RECORD)


def test_the_record_holds_what_issue_11_asks(record):
    assert len(record.mines) >= 40
    assert record.events["event_id"].nunique() >= 150
    assert record.events["source_id"].nunique() >= 50
    years = record.events["date"].dt.year
    assert years.min() <= 2006 and years.max() >= 2025
    assert (years >= 2020).sum() >= 20
    assert {"UN", "CN", "US"} <= set(record.sanctions["authority_group"])


def test_every_event_source_exists_and_has_a_url(record):
    urls = dict(zip(record.sources["source_id"], record.sources["url"], strict=True))
    cited = set(record.events["source_id"]) | {s for ids in record.events["corroborating_source_ids"] for s in ids}
    assert cited <= set(urls)
    assert [s for s in sorted(cited) if not str(urls[s]).startswith(("http://", "https://"))] == []


def test_no_two_mines_share_a_point_unless_the_record_says_so(record):
    located = record.mines[record.mines.geometry.notna()]
    groups = located.groupby([located["lat"].round(6), located["lon"].round(6)])["mine_id"].agg(list)
    marked = dict(zip(record.mines["mine_id"], record.mines["colocated_with"], strict=True))
    for ids in (g for g in groups if len(g) > 1):
        for mine in ids:
            assert set(ids) - {mine} <= set(marked[mine]), f"{mine} shares its point with {ids} unmarked"


def test_corroborated_events_name_their_second_source(record):
    corroborated = record.events[record.events["confidence"] == "corroborated"]
    assert all(len(ids) >= 1 for ids in corroborated["corroborating_source_ids"])


def test_each_authority_has_its_measures_for_coal(record):
    """China's and the US measures stand beside the UN's: on 2017-09-01 coal is banned by the UN
    (UNSCR 2371) and China (No. 40 of 2017), and the US sectoral orders are in force."""
    st = status_on(record, "coal", "2017-09-01")
    groups = set(record.sanctions.set_index("measure_id").loc[st.measure_ids, "authority_group"])
    assert st.status == "banned"
    assert {"UN", "CN"} <= groups


def test_hedged_amounts_keep_their_qualifier(record):
    with_amount = record.events[record.events["value_usd"].notna() | record.events["quantity"].notna()]
    assert set(with_amount["amount_qualifier"].dropna()) <= {"exact", "approximate", "at_least", "at_most"}
    assert (with_amount["amount_qualifier"].astype(str).str.len() > 0).all()  # every figure says how hedged it is


def test_the_sanctions_command_shows_each_authority_side_by_side():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "geo", "sanctions", "--data", str(RECORD), "--mineral", "coal",
                          "--on", "2017-03-01"], capture_output=True, text=True, check=True).stdout
    side = next(line for line in out.splitlines() if "by authority:" in line)
    assert "UN capped (UNSCR-2321)" in side  # the UN cap still applies
    assert "CN suspended (CN-COAL-2017)" in side  # China's own suspension
    assert "US sectoral" in side


def test_the_authority_table_has_one_column_per_authority(record):
    from geo.rules.authorities import authority_table

    table = authority_table(record, "2017-09-01", ["coal", "iron_ore"])
    assert list(table.columns) == ["mineral_id", "mineral", "applies", "UN", "CN", "US"]
    coal = table.set_index("mineral_id").loc["coal"]
    assert coal["applies"] == "banned" and coal["UN"].startswith("banned") and coal["CN"].startswith("banned")


@pytest.fixture
def record_copy(tmp_path):
    import shutil

    dest = tmp_path / "data"
    shutil.copytree(RECORD, dest, ignore=shutil.ignore_patterns(".cache", ".ingest.lock"))
    return dest


@pytest.mark.parametrize("resource, field, value, message", [
    ("events.csv", "amount_qualifier", "roughly", "'roughly' is not one of: exact, approximate, at_least, at_most"),
    ("events.csv", "event_type", "rumour", "'rumour' is not one of"),
    ("sanctions.csv", "authority_group", "EU", "'EU' is not one of: UN, CN, US"),
    ("sanctions.csv", "action", "embargo", "'embargo' is not one of"),
])
def test_the_new_fields_are_validated(record_copy, resource, field, value, message):
    from geo.package import DataError
    from tests.conftest import read_rows, write_rows

    rows = read_rows(record_copy / resource)
    rows[0][field] = value
    write_rows(record_copy / resource, rows)
    with pytest.raises(DataError) as info:
        load_dataset(record_copy)
    assert any(message in str(p) and f"field '{field}'" in str(p) for p in info.value.problems)


def test_a_colocated_mine_must_exist(record_copy):
    import json

    from geo.package import DataError

    doc = json.loads((record_copy / "mines.geojson").read_text(encoding="utf-8"))
    doc["features"][0]["properties"]["colocated_with"] = ["no-such-mine"]
    (record_copy / "mines.geojson").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_dataset(record_copy)
    assert any("'no-such-mine' is not a mine_id" in str(p) for p in info.value.problems)


def test_both_readmes_state_the_current_version_and_counts(record):
    """A reader cites the record by its version: the READMEs must give the one in datapackage.json
    (they said 1.2.2 through six data releases)."""
    main = (RECORD.parent / "README.md").read_text(encoding="utf-8")
    assert f"version {record.version})" in (RECORD / "README.md").read_text(encoding="utf-8")
    assert f"The record (version {record.version}): {len(record.mines)} mines, {len(record.events)} events" in main
    assert f"{len(record.sources)} sources." in main
    assert f"| `sources.csv` | {len(record.sources)} documents" in (RECORD / "README.md").read_text(encoding="utf-8")
