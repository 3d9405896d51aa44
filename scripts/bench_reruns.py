"""AppTest reruns for the benchmark (``python -m geo.tools.bench`` runs this in its own process).

Usage: ``python scripts/bench_reruns.py DATA_DIR REPEAT``; prints {metric: median seconds} as JSON.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
FILTER_MINERALS = ("copper", "iron_ore")


def rerun_times(data_dir: Path, repeat: int) -> dict[str, float]:
    """Median AppTest rerun after a change of the Minerals filter, on the map and timeline pages."""
    from streamlit.testing.v1 import AppTest

    os.environ["NK_MINES_DATA"] = str(data_dir)
    out = {}
    for metric, page in (("rerun_map", None), ("rerun_timeline", "views/timeline.py")):
        at = AppTest.from_file(str(APP), default_timeout=600)
        at.run()  # loads and caches the dataset
        if page:
            at.switch_page(page)
            at.run()
        times = []
        for k in range(repeat + 1):
            ms = next(w for w in at.multiselect if w.label == "Minerals")
            ms.set_value([FILTER_MINERALS[k % 2]])
            gc.collect()
            t = time.perf_counter()
            at.run()
            elapsed = time.perf_counter() - t
            if at.exception:
                raise RuntimeError(f"{metric}: the app raised {at.exception[0].message}")
            if k:  # the first change also warms per-session caches: not counted
                times.append(elapsed)
        out[metric] = statistics.median(times)
    return out



if __name__ == "__main__":
    print(json.dumps(rerun_times(Path(sys.argv[1]), int(sys.argv[2]))))
