"""geo.tools.synthetic: the benchmark's packages are valid, deterministic and of the asked size."""

from geo.rules.load import load_dataset
from geo.tools.synthetic import write_package


def test_a_small_synthetic_package_validates(tmp_path):
    path = write_package(tmp_path / "syn", mines=25, links=203)
    ds = load_dataset(path)
    assert len(ds.mines) == 25 and len(ds.links) == 203
    assert set(ds.view["mineral_id"]) <= set(ds.minerals["mineral_id"])
    assert (ds.view["mine_id"] == "").any()  # events about a mineral only, as in the real data
    assert set(ds.mines["location_precision"]) >= {"site", "county"}
    assert len(ds.sanctions) == len(load_dataset().sanctions)


def test_synthetic_packages_are_deterministic(tmp_path):
    a = write_package(tmp_path / "a", mines=10, links=50)
    b = write_package(tmp_path / "b", mines=10, links=50)
    for name in ("mines.geojson", "events.csv", "event_links.csv"):
        assert (a / name).read_bytes() == (b / name).read_bytes()
