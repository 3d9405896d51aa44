"""The scale benchmark: ``python -m geo.tools.bench [--links N]... [--repeat K] [--json FILE]``.

For each scale (the real data; 1,000 mines × 100,000 event links; 10,000 mines × 1,000,000
links) it generates a valid synthetic package once (:mod:`geo.tools.synthetic`, cached in
``.bench/``) and measures, as the median of ``--repeat`` runs:

* ``load_validate`` -- :func:`geo.rules.load.load_dataset` of a package not seen before (full
  validation, joined view, sanctions; writes the validated cache), once;
* ``load`` -- the same load again (the validated cache), against ``load_bare_pyarrow``: a bare
  ``pyarrow.csv.read_csv`` of the package's CSV files, measured in the same run;
* ``filter`` -- :meth:`Filters.apply` of a typical filter (two minerals, since 2012), against
  ``filter_naive``: the same condition as a bare pandas boolean mask;
* ``map_build`` -- the map page's folium output: base map and mine layer rendered to the
  strings st_folium sends (``bytes`` = payload), against ``map_naive``: one folium
  CircleMarker with a popup per mine, rendered;
* ``timeline_data`` -- the timeline's frame and Altair chart, serialised to its spec;
* ``csv_export`` -- the CSV snapshot of every row (``bytes`` = its size);
* ``rerun_map`` / ``rerun_timeline`` -- the whole app rerun (AppTest) after a change of the
  sidebar's "Minerals" filter, on the map page and on the timeline page, with the dataset
  already cached.

It prints a table and, with ``--json``, writes a list of
``{"mines", "links", "metric", "median_s", "bytes"}`` records.
"""

from __future__ import annotations

import argparse
import gc
import json
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".bench"
APP = ROOT / "app.py"
#: links → mines; 0 links means the real data package.
SCALES = {0: 0, 100_000: 1_000, 1_000_000: 10_000}
FILTER_MINERALS = ("copper", "iron_ore")
FILTER_SINCE = "2012-01-01"
TARGETS = {  # metric → (scale in links, seconds) from the issue
    ("rerun_timeline", 100_000): 0.150,
    ("rerun_timeline", 1_000_000): 1.0,
    ("map_build", 1_000_000): 0.300,
    ("csv_export", 1_000_000): 3.0,
}
MAP_PAYLOAD_LIMIT = 1_000_000


def package_for(links: int) -> tuple[Path, int]:
    """The package folder for a scale (generated once into .bench/) and its mine count."""
    from geo.model.dataset import DEFAULT_DATA_DIR
    from geo.tools.synthetic import copied_files, write_package

    if links == 0:
        return DEFAULT_DATA_DIR, 0
    mines = SCALES.get(links) or max(10, links // 100)
    path = CACHE / f"m{mines}-l{links}"
    if not all((path / f).exists() for f in ["event_links.csv", *copied_files(DEFAULT_DATA_DIR)]):
        print(f"generating {mines} mines × {links} links into {path} …", file=sys.stderr)
        write_package(path, mines=mines, links=links)
    return path, mines


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    """Median wall time of ``repeat`` calls and the last result."""
    times, result = [], None
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), result


def map_payload(ds, rows) -> int:
    """Build the map page's folium map (base map and the filtered mine layer) and render it, as
    the page does before st_folium sends it; return the rendered size in bytes."""
    from geo.render.maps import build_base_map, mine_layer, render_html

    active = tuple(sorted(set(rows["mine_id"].unique()) - {""}))
    base = build_base_map(ds.basemap, ds.crossings, mineral_labels=ds.mineral_names,
                          provinces=ds.province_boundaries, rivers=ds.rivers)
    mine_layer(ds.mines, active_ids=active).add_to(base)
    return len(render_html(base).encode("utf-8"))


def naive_map(ds) -> int:
    """The naive map: one folium CircleMarker with a popup per mine, rendered to HTML."""
    import folium

    m = folium.Map(location=[40.3, 127.2], zoom_start=6, tiles=None)
    for name, point in zip(ds.mines["name"], ds.mines.geometry, strict=True):
        if point is None:  # a mine no source locates is not drawn
            continue
        folium.CircleMarker([point.y, point.x], radius=7, popup=folium.Popup(str(name)),
                            tooltip=str(name)).add_to(m)
    return len(m.get_root().render().encode("utf-8"))


def timeline_data(rows, vocab) -> int:
    """The timeline page's chart: frame (aggregated when large) and spec, as st.vega_lite_chart gets them."""
    from geo.render.timeline import timeline_view

    frame, spec, _ = timeline_view(rows, vocab, "mine")
    return len(json.dumps(spec)) + int(frame.memory_usage(deep=True).sum())


def rerun_times(data_dir: Path, repeat: int) -> dict[str, float]:
    """Median AppTest rerun after a change of the Minerals filter, on the map and timeline pages.

    Measured in a separate process (``scripts/bench_reruns.py``): this module stays free of
    Streamlit imports.
    """
    out = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench_reruns.py"), str(data_dir), str(repeat)],
                         capture_output=True, text=True, check=False)
    if out.returncode:
        raise RuntimeError(f"the AppTest reruns failed: {out.stderr.strip()[-2000:]}")
    return json.loads(out.stdout)


def run_scale(links: int, repeat: int, apptest: bool = True) -> list[dict]:
    import pyarrow.csv as pa_csv

    from geo.io.export import to_csv_bytes
    from geo.package.cache import CACHE_DIR
    from geo.rules.filters import Filters
    from geo.rules.load import load_dataset

    path, _ = package_for(links)
    records: list[dict] = []

    shutil.rmtree(path / CACHE_DIR, ignore_errors=True)
    first_s, ds = timed(lambda: load_dataset(path), 1)  # a miss: full validation, writes the cache
    load_s, ds = timed(lambda: load_dataset(path), repeat)  # hits: the validated cache
    bare_s, _ = timed(lambda: [pa_csv.read_csv(f) for f in sorted(path.glob("*.csv"))], repeat)
    mines, n_links = len(ds.mines), len(ds.links)

    def rec(metric, seconds, size=None):
        records.append({"mines": mines, "links": n_links, "metric": metric, "median_s": round(seconds, 4),
                        "bytes": size})
        print(f"  {mines:>6} mines {n_links:>8} links  {metric:<15} {seconds:8.3f} s"
              + (f"  {size:>10,} B" if size is not None else ""), file=sys.stderr)

    rec("load_validate", first_s)
    rec("load", load_s)
    rec("load_bare_pyarrow", bare_s)
    view = ds.view
    filters = Filters(minerals=FILTER_MINERALS, since=FILTER_SINCE)
    since = pd.Timestamp(FILTER_SINCE)

    def bare():
        return view[view["mineral_id"].isin(list(FILTER_MINERALS)).to_numpy()
                    & (view["date_end"] >= since).to_numpy()]

    naive_s, expected = timed(bare, max(repeat, 5))
    filter_s, rows = timed(lambda: filters.apply(view), max(repeat, 5))
    assert len(rows) == len(expected)
    rec("filter", filter_s)
    rec("filter_naive", naive_s)
    map_s, size = timed(lambda: map_payload(ds, rows), repeat)
    rec("map_build", map_s, size)
    naive_map_s, naive_size = timed(lambda: naive_map(ds), repeat)
    rec("map_naive", naive_map_s, naive_size)
    tl_s, tl_size = timed(lambda: timeline_data(rows, ds.vocab), repeat)
    rec("timeline_data", tl_s, tl_size)
    csv_s, csv = timed(lambda: to_csv_bytes(view), repeat)
    rec("csv_export", csv_s, len(csv))
    del csv
    if apptest:
        for metric, seconds in rerun_times(path, repeat).items():
            rec(metric, seconds)
    return records


def table(records: list[dict]) -> str:
    by = {(r["links"], r["metric"]): r for r in records}
    scales = sorted({(r["mines"], r["links"]) for r in records}, key=lambda s: s[1])
    metrics = list(dict.fromkeys(r["metric"] for r in records))
    head = "| metric | " + " | ".join(f"{m:,} mines × {n:,} links" for m, n in scales) + " |"
    lines = [head, "|---" * (len(scales) + 1) + "|"]
    for metric in metrics:
        cells = []
        for _, n in scales:
            r = by.get((n, metric))
            if r is None:
                cells.append("")
                continue
            cell = f"{r['median_s'] * 1000:,.0f} ms" if r["median_s"] < 10 else f"{r['median_s']:.1f} s"
            if r["bytes"] is not None:
                cell += f" ({r['bytes'] / 1e6:.2f} MB)" if r["bytes"] >= 1e5 else f" ({r['bytes'] / 1e3:.0f} kB)"
            cells.append(cell)
        lines.append(f"| {metric} | " + " | ".join(cells) + " |")
    ratios = []
    for _, n in scales:
        ld, lb = by.get((n, "load")), by.get((n, "load_bare_pyarrow"))
        f, fn = by.get((n, "filter")), by.get((n, "filter_naive"))
        mp, mn = by.get((n, "map_build")), by.get((n, "map_naive"))
        parts = []
        if ld and lb and lb["median_s"]:
            parts.append(f"load {ld['median_s'] / lb['median_s']:.2f}× the bare read")
        if f and fn and fn["median_s"]:
            parts.append(f"{f['median_s'] / fn['median_s']:.2f}× the bare mask")
        if mp and mn and mn["median_s"]:
            parts.append(f"map {mp['median_s'] / mn['median_s']:.2f}× the naive time, "
                         f"{mp['bytes'] / mn['bytes']:.2f}× its size")
        ratios.append("; ".join(parts))
    lines.append("| ratios (load; filter; map) | " + " | ".join(ratios) + " |")
    return "\n".join(lines)


def check_targets(records: list[dict]) -> list[str]:
    by = {(r["links"], r["metric"]): r for r in records}
    out = []
    for (metric, links), limit in TARGETS.items():
        r = by.get((links, metric))
        if r:
            ok = r["median_s"] <= limit
            out.append(f"{'OK  ' if ok else 'MISS'} {metric} at {links:,} links: {r['median_s']:.3f} s (target ≤ {limit} s)")
    for (links, metric), r in by.items():
        if metric == "map_build" and r["bytes"] is not None and links == max(SCALES):
            ok = r["bytes"] <= MAP_PAYLOAD_LIMIT
            out.append(f"{'OK  ' if ok else 'MISS'} map payload at {r['mines']:,} mines: {r['bytes']:,} B (target ≤ 1 MB)")
        if metric == "load" and (links, "load_bare_pyarrow") in by and links == max(SCALES):
            ratio = r["median_s"] / max(by[(links, "load_bare_pyarrow")]["median_s"], 1e-9)
            out.append(f"{'OK  ' if ratio <= 4 else 'MISS'} load at {links:,} links: {ratio:.2f}× a bare pyarrow "
                       "read of the same CSVs (target ≤ 4×)")
        if metric == "filter" and (links, "filter_naive") in by:
            ratio = r["median_s"] / max(by[(links, "filter_naive")]["median_s"], 1e-9)
            out.append(f"{'OK  ' if ratio <= 2 else 'MISS'} filter at {links:,} links: {ratio:.2f}× the bare mask (target ≤ 2×)")
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m geo.tools.bench", description=__doc__.split("\n")[0])
    p.add_argument("--links", type=int, action="append",
                   help="event links of a scale (0 = the real data); repeatable; default: 0, 100000, 1000000")
    p.add_argument("--repeat", type=int, default=3, help="runs per measurement (median); default 3")
    p.add_argument("--json", type=Path, help="write the records to this file")
    p.add_argument("--no-apptest", action="store_true", help="skip the AppTest page reruns")
    args = p.parse_args(argv)
    if args.repeat < 1:
        p.error("--repeat must be at least 1")
    records: list[dict] = []
    for links in args.links or list(SCALES):
        print(f"scale: {links:,} links", file=sys.stderr)
        records += run_scale(links, args.repeat, apptest=not args.no_apptest)
    print(table(records))
    print()
    for line in check_targets(records):
        print(line)
    if args.json:
        args.json.write_text(json.dumps(records, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
