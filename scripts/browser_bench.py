"""Browser benchmark of the map page: first marker visible, and click → details, in a real browser.

Starts the dashboard on a free port (the package of ``--data``, default ``data/``), drives Debian
Chromium with Playwright offline, and for each of ``--runs`` fresh browser contexts measures:

- ``first_marker_s``: from navigation to /map until the first mine marker is painted in the map;
- ``click_details_s``: from the first click on a mine marker (the page otherwise idle) until its
  name shows in the detail panel.

Prints each run and the medians against the targets (3 s, 0.8 s); ``--json FILE`` writes them.
Run with ``make bench`` or ``.venv/bin/python scripts/browser_bench.py [--data DIR] [--runs 3]``.
The first load of a package (validation, cache) is done once before the runs and not counted.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TARGETS = {"first_marker_s": 3.0, "click_details_s": 0.8}


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(data: Path) -> tuple[subprocess.Popen, str]:
    port = _port()
    url = f"http://127.0.0.1:{port}"
    env = dict(os.environ, NK_MINES_DATA=str(data), PYTHONPATH=str(ROOT))
    (ROOT / ".bench").mkdir(exist_ok=True)
    log = open(ROOT / ".bench" / "browser_bench_server.log", "w")  # noqa: SIM115 (lives as long as the server)
    proc = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                             "--server.address", "127.0.0.1", "--server.port", str(port),
                             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:  # noqa: S310
                if r.status == 200:
                    return proc, url
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("streamlit did not start")


def _offline(context) -> None:
    def guard(route):
        if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            route.abort()
    context.route("**/*", guard)


def first_marker(page, url: str) -> float:
    start = time.perf_counter()
    page.goto(url + "/map", wait_until="commit")
    page.wait_for_selector(MAP_FRAME, state="attached", timeout=60_000)
    frame = page.frame_locator(MAP_FRAME)
    frame.locator("path.mine-marker").first.wait_for(state="visible", timeout=60_000)
    return time.perf_counter() - start


def click_details(page, name: str) -> float:
    """Click the marker whose tooltip starts with ``name``; seconds until its panel shows."""
    handle = page.wait_for_selector(MAP_FRAME, state="attached")
    frame = handle.content_frame()
    frame.wait_for_function("() => window.map && window.__nkReady === true", timeout=30_000)
    page.wait_for_timeout(1500)  # the page idle: nothing else running
    box = handle.bounding_box()
    point = next(m for m in frame.evaluate("() => window.nkMarkers()") if m["name"].startswith(name))
    start = time.perf_counter()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.locator(".nk-mine-name", has_text=name).wait_for(timeout=30_000)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mine", default="Musan", help="name (tooltip prefix) of the mine to click")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    proc, url = start_server(args.data.resolve())
    results: dict[str, list[float]] = {"first_marker_s": [], "click_details_s": []}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            warm = browser.new_context(viewport={"width": 1400, "height": 1000})
            _offline(warm)
            first_marker(warm.new_page(), url)  # loads and caches the package; not counted
            warm.close()
            for run in range(args.runs):
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                _offline(context)
                page = context.new_page()
                results["first_marker_s"].append(first_marker(page, url))
                results["click_details_s"].append(click_details(page, args.mine))
                print(f"run {run + 1}: first marker {results['first_marker_s'][-1]:.2f} s, "
                      f"click → details {results['click_details_s'][-1]:.2f} s", flush=True)
                context.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(10)
    summary = {}
    for key, values in results.items():
        median = statistics.median(values)
        verdict = "holds" if median <= TARGETS[key] else "misses"
        summary[key] = {"median": round(median, 3), "min": round(min(values), 3), "max": round(max(values), 3),
                        "target": TARGETS[key], "verdict": verdict}
        print(f"{key}: median {median:.2f} s (min {min(values):.2f}, max {max(values):.2f}) over {len(values)} "
              f"runs; target ≤ {TARGETS[key]} s: {verdict}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({"data": str(args.data), "runs": args.runs, **summary}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
