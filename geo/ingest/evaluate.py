"""How well ``geo.ingest.extract`` recovers the curated events of the two seed reports.

``python -m geo.ingest.evaluate [--seeds DIR] [--data DIR]`` ingests each seed report against a
copy of the package with no events (mines, minerals, provinces, crossings, sanctions and
sources kept) and compares the drafts with the curated events linked to that report's
source, field by field. It prints a Markdown table of precision and recall.

Each field is compared as a set of link-level facts, one per mine × mineral, so a draft
gets credit for a field only on the right link:

* ``mine_id``: the distinct mines named; ``mineral_id``: the distinct minerals;
* ``link``: (mine_id, mineral_id) pairs, mine empty for mineral-only events;
* ``event_type``: (mine, mineral, event_type); ``date``: (mine, mineral, event_type, date);
  ``date_precision``: (mine, mineral, event_type, date_precision);
  ``anonymous_source``: (mine, mineral, event_type, anonymous_source).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from geo.ingest.drafts import Draft
from geo.ingest.events import extract
from geo.ingest.text import read_report
from geo.model.dataset import DEFAULT_DATA_DIR
from geo.model.dataset import data_dir as package_dir
from geo.rules.load import load_dataset

DEFAULT_SEEDS = DEFAULT_DATA_DIR.parent.parent / "shared" / "seeds"
FIELDS = ("mine_id", "mineral_id", "link", "event_type", "date", "date_precision", "anonymous_source")


@dataclass(frozen=True)
class Seed:
    file: str
    published: str
    publisher: str
    url: str
    source_id: str  # the curated events' source


SEEDS = (
    Seed("004_47fcaa0260fc4bca.txt", "2017-03-02", "Radio Free Asia (Korean Service)",
         "https://www.rfa.org/english/news/korea/mineral-03022017144846.html", "rfa-2017-03-02"),
    Seed("000_b98a2db8ef3f8f9c.txt", "2019-10-22",
         "Radio Free Asia (reposted by the Shanghai Rare Earth Association)", "", "shrea-2019-10-22"),
)


def empty_events_package(data_dir: Path, dest: Path) -> Path:
    """A copy of the package with events.csv and event_links.csv reduced to their headers."""
    shutil.copytree(data_dir, dest, ignore=shutil.ignore_patterns(".ingest.lock", ".*.tmp"))
    desc_path = dest / "datapackage.json"
    desc = json.loads(desc_path.read_text(encoding="utf-8"))
    for res in desc["resources"]:
        if res["name"] in ("events", "event_links"):
            res["x-allow-empty"] = True
            path = dest / res["path"]
            header = path.read_text(encoding="utf-8").splitlines()[0]
            path.write_text(header + "\n", encoding="utf-8")
    desc_path.write_text(json.dumps(desc, indent=2, ensure_ascii=False), encoding="utf-8")
    return dest


def _facts(rows: list[dict]) -> dict[str, set]:
    out = {f: set() for f in FIELDS}
    for r in rows:
        mine, mineral, etype = r["mine_id"], r["mineral_id"], r["event_type"]
        if mine:
            out["mine_id"].add(mine)
        out["mineral_id"].add(mineral)
        out["link"].add((mine, mineral))
        out["event_type"].add((mine, mineral, etype))
        out["date"].add((mine, mineral, etype, r["date"]))
        out["date_precision"].add((mine, mineral, etype, r["date_precision"]))
        out["anonymous_source"].add((mine, mineral, etype, r["anonymous_source"]))
    return out


def draft_rows(drafts: list[Draft]) -> list[dict]:
    return [{"mine_id": link["mine_id"], "mineral_id": link["mineral_id"], "event_type": d.event_type,
             "date": d.date, "date_precision": d.date_precision, "anonymous_source": d.anonymous_source}
            for d in drafts for link in d.link_rows()]


def curated_rows(ds, source_id: str) -> list[dict]:
    view = ds.view[ds.view["source_id"] == source_id]
    return [{"mine_id": r.mine_id or "", "mineral_id": r.mineral_id, "event_type": r.event_type,
             "date": r.date.strftime("%Y-%m-%d"), "date_precision": r.date_precision,
             "anonymous_source": bool(r.anonymous_source)}
            for r in view.itertuples(index=False)]


def score(found: list[dict], truth: list[dict]) -> dict[str, dict]:
    """Per field: true positives, drafts, curated, precision, recall."""
    a, b = _facts(found), _facts(truth)
    out = {}
    for f in FIELDS:
        tp = len(a[f] & b[f])
        out[f] = {"tp": tp, "drafted": len(a[f]), "curated": len(b[f]),
                  "precision": tp / len(a[f]) if a[f] else 0.0,
                  "recall": tp / len(b[f]) if b[f] else 0.0,
                  "missed": sorted(map(str, b[f] - a[f])), "extra": sorted(map(str, a[f] - b[f]))}
    return out


def evaluate(seeds_dir: Path = DEFAULT_SEEDS, data_dir: Path | None = None) -> dict[str, dict]:
    """Scores per seed report and over both ('all'), against the curated package at data_dir."""
    data_dir = Path(data_dir) if data_dir is not None else package_dir()
    curated = load_dataset(data_dir)
    results: dict[str, dict] = {}
    all_found, all_truth = [], []
    with tempfile.TemporaryDirectory(prefix="geo-ingest-eval-") as tmp:
        scratch = load_dataset(empty_events_package(data_dir, Path(tmp) / "data"))
        for seed in SEEDS:
            text = read_report(Path(seeds_dir) / seed.file)
            res = extract(text, seed.published, seed.publisher, seed.url, scratch)
            found, truth = draft_rows(res.drafts), curated_rows(curated, seed.source_id)
            # Tag rows with the report so facts from different reports never coincide.
            all_found += [{**r, "mine_id": r["mine_id"], "mineral_id": f"{seed.source_id}:{r['mineral_id']}"} for r in found]
            all_truth += [{**r, "mineral_id": f"{seed.source_id}:{r['mineral_id']}"} for r in truth]
            results[seed.source_id] = score(found, truth)
    results["all"] = score(all_found, all_truth)
    return results


def table(results: dict[str, dict]) -> str:
    head = "| field | " + " | ".join(f"{k} P / R" for k in results) + " |"
    lines = [head, "|---|" + "---|" * len(results)]
    for f in FIELDS:
        cells = []
        for r in results.values():
            s = r[f]
            cells.append(f"{s['precision']:.2f} / {s['recall']:.2f} ({s['tp']}/{s['drafted']}, {s['tp']}/{s['curated']})")
        lines.append(f"| {f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m geo.ingest.evaluate", description=__doc__.splitlines()[0])
    p.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    p.add_argument("--data", type=Path, default=package_dir())
    p.add_argument("--verbose", action="store_true", help="list missed and extra facts")
    args = p.parse_args(argv)
    missing = [s.file for s in SEEDS if not (args.seeds / s.file).is_file()]
    if missing:
        print(f"error: seed report(s) not found in {args.seeds}: {', '.join(missing)}", file=sys.stderr)
        return 1
    results = evaluate(args.seeds, args.data)
    print(table(results))
    if args.verbose:
        for name, r in results.items():
            for f in FIELDS:
                if r[f]["missed"] or r[f]["extra"]:
                    print(f"{name} {f}: missed {r[f]['missed']} extra {r[f]['extra']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
