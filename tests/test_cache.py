"""The validated cache: a second load of the same content skips validation and gives the same
dataset; any change of content is validated again, with the same problems reported."""

from __future__ import annotations

import pandas as pd
import pytest

from geo.package import DataError, cache
from geo.rules import load as load_module
from geo.rules.load import load_dataset
from tests.conftest import read_rows, write_rows

FRAMES = ("minerals", "provinces", "sources", "events", "links", "sanctions", "view")


def test_a_cached_load_gives_the_same_dataset_without_validating(data_copy, monkeypatch):
    fresh = load_dataset(data_copy, use_cache=False)
    first = load_dataset(data_copy)  # writes the cache
    assert any((data_copy / cache.CACHE_DIR).iterdir())

    def fail(_path):
        raise AssertionError("validated again although nothing changed")

    monkeypatch.setattr(load_module, "validate_package", fail)
    second = load_dataset(data_copy)
    for name in FRAMES:
        pd.testing.assert_frame_equal(getattr(second, name), getattr(first, name), check_dtype=True)
        pd.testing.assert_frame_equal(_plain(getattr(second, name)), _plain(getattr(fresh, name)),
                                      check_dtype=False, obj=name)
    assert list(second.mines["mine_id"]) == list(fresh.mines["mine_id"])
    assert second.mines.geometry.equals(fresh.mines.geometry)
    assert second.descriptor == fresh.descriptor and second.changelog == fresh.changelog
    assert list(second.events["corroborating_source_ids"].iloc[0]) == list(fresh.events["corroborating_source_ids"].iloc[0])


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Values only: list cells as tuples, every column as objects."""
    out = frame.astype(object)
    for col in out:
        out[col] = out[col].map(lambda v: tuple(v) if isinstance(v, list | tuple) or hasattr(v, "tolist") else v)
    return out


def test_a_change_of_content_is_validated_again(data_copy):
    load_dataset(data_copy)
    rows = read_rows(data_copy / "events.csv")
    rows[0]["confidence"] = "certain"
    write_rows(data_copy / "events.csv", rows)
    with pytest.raises(DataError) as info:
        load_dataset(data_copy)
    assert any("'certain' is not one of" in str(p) for p in info.value.problems)
    with pytest.raises(DataError):  # bad data is never cached
        load_dataset(data_copy)


def test_a_corrupt_cache_falls_back_to_validation(data_copy):
    load_dataset(data_copy)
    for f in (data_copy / cache.CACHE_DIR).rglob("*.arrow"):
        f.write_bytes(b"not arrow")
    ds = load_dataset(data_copy)
    assert len(ds.events) == len(read_rows(data_copy / "events.csv"))
