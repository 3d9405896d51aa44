"""Stage 9b, history: every apply recorded in ``data/.ingest-log.jsonl``, and undone by ``revert``.

Each line of the log is one JSON record: ``action`` (apply or revert), ``version`` (the package
version it produced), ``previous_version``, ``who`` (the user name, or what the caller says),
``when`` (UTC, ISO 8601), ``source_id``, ``source_added``, ``event_ids``, ``links`` and, for a
revert, ``reverts``; an apply that added the report to record events as a further source also keeps
``corroborated`` (each event's fields before and after, :mod:`geo.ingest.corroborate`). ``revert(VERSION)``
removes exactly what the apply that produced VERSION added (its events, their links, its source row if it added one
and nothing else cites it, and the mines it added that no other event links) and puts back the fields of the
events it corroborated, bumps the minor version and adds a CHANGELOG entry — validated in a copy first, under the
package lock, each file written atomically, like an apply. A revert is itself logged.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

from geo.ingest import corroborate
from geo.ingest.apply import _check_in_copy, _locked, _read_csv_rows, bump_minor, read_descriptor
from geo.ingest.drafts import IngestError
from geo.ingest.log import LOG_NAME, read_log, record
from geo.ingest.newmine import dump_like
from geo.io.atomic import write_atomic
from geo.package import DESCRIPTOR, DataError


def revertable(data_dir: str | Path) -> list[dict]:
    """Applies not yet reverted, newest first."""
    log = read_log(data_dir)
    undone = {r.get("reverts") for r in log if r.get("action") == "revert"}
    return [r for r in reversed(log) if r.get("action") == "apply" and r.get("version") not in undone]


def _csv_text(text: str, keep) -> str:
    """The CSV text without the rows ``keep`` refuses; every kept line stays byte for byte."""
    lines = text.splitlines(keepends=True)
    if not lines:
        return text
    reader = csv.reader(io.StringIO(text))
    header = next(reader)
    out, prev = lines[:reader.line_num], reader.line_num
    for row in reader:
        chunk, prev = lines[prev:reader.line_num], reader.line_num
        if keep(dict(zip(header, row, strict=False))):
            out += chunk
    return "".join(out)


def revert(version: str, data_dir: str | Path, who: str | None = None, lock_timeout: float = 60.0) -> dict:
    """Undo the apply that produced ``version``; returns the log record of the revert.

    Raises IngestError (unknown or already reverted version: nothing written) or DataError
    (the result would not be a valid package: nothing written).
    """
    data_dir = Path(data_dir)
    version = str(version).strip()
    with _locked(data_dir, lock_timeout):
        entry = next((r for r in revertable(data_dir) if r.get("version") == version), None)
        if entry is None:
            done = any(r.get("reverts") == version for r in read_log(data_dir))
            raise IngestError(f"version {version} {'was already reverted' if done else 'is not an ingest apply recorded in ' + LOG_NAME}"
                              "; nothing written")
        desc_text, desc, paths = read_descriptor(data_dir)  # paths checked to stay inside the package
        ids = set(entry.get("event_ids", []))
        ev_text, events = _read_csv_rows(data_dir / paths["events"])
        ln_text, _ = _read_csv_rows(data_dir / paths["event_links"])
        src_text, _ = _read_csv_rows(data_dir / paths["sources"])
        present = ids & {e["event_id"] for e in events}
        kept_text, restored = corroborate.undo(_csv_text(ev_text, lambda r: r["event_id"] not in ids), entry.get("corroborated") or [])
        if not present and not restored:
            raise IngestError(f"none of the events of version {version} are in the package any more, nor the sources it "
                              "added to record events; nothing written")
        sid = entry.get("source_id", "")
        still_cited = any(e["source_id"] == sid or sid in (e.get("corroborating_source_ids") or "").split(";")
                          for e in csv.DictReader(io.StringIO(kept_text)))  # by the events kept, as the revert leaves them
        new_files = {paths["events"]: kept_text}
        if present:
            new_files[paths["event_links"]] = _csv_text(ln_text, lambda r: r["event_id"] not in ids)
        _, links = _read_csv_rows(data_dir / paths["event_links"])
        mine_ids = set(entry.get("mine_ids") or [])
        removed_mines = sorted(mine_ids - {r["mine_id"] for r in links if r["event_id"] not in ids})
        still_cited = still_cited or bool(mine_ids - set(removed_mines))  # a kept mine cites the source
        if entry.get("source_added") and not still_cited:
            new_files[paths["sources"]] = _csv_text(src_text, lambda r: r["source_id"] != sid)
        if removed_mines:
            mines_text = (data_dir / paths["mines"]).read_text(encoding="utf-8")
            doc = json.loads(mines_text)
            doc["features"] = [f for f in doc.get("features", [])
                               if (f.get("properties") or {}).get("mine_id") not in removed_mines]
            new_files[paths["mines"]] = dump_like(doc, mines_text)
        before = str(desc.get("version", ""))  # the package's version before this revert (not the one it reverts)
        new_version = bump_minor(before)
        desc["version"] = new_version
        new_files[DESCRIPTOR] = json.dumps(desc, indent=2, ensure_ascii=False) + ("\n" if desc_text.endswith("\n") else "")
        log_path = data_dir / "CHANGELOG.md"
        log_text = log_path.read_text(encoding="utf-8") if log_path.exists() else "# Data changelog\n\n"
        note = (f"## {new_version} — {dt.date.today().isoformat()}\n\nReverted the ingest apply of version {version}: "
                f"removed {len(present)} event(s) ({', '.join(sorted(present)) or 'none'})"
                f"{'; put back the sources and confidence of ' + ', '.join(restored) if restored else ''}"
                f"{' and source `' + sid + '`' if paths['sources'] in new_files else ''}"
                f"{' and mine(s) ' + ', '.join(removed_mines) if removed_mines else ''}.\n\n")
        m = re.search(r"^## ", log_text, re.MULTILINE)
        new_files["CHANGELOG.md"] = log_text[:m.start()] + note + log_text[m.start():] if m else log_text.rstrip("\n") + "\n\n" + note
        problems = _check_in_copy(data_dir, new_files)
        if problems:
            raise DataError(problems)
        order = [k for k in new_files if k not in (DESCRIPTOR, "CHANGELOG.md")] + [DESCRIPTOR, "CHANGELOG.md"]
        for rel in order:
            write_atomic(data_dir / rel, new_files[rel].encode("utf-8"))
        return record(data_dir, {"action": "revert", "version": new_version, "previous_version": before,
                                 "reverts": version, "source_id": sid, "event_ids": sorted(present),
                                 "mine_ids": removed_mines, "restored": restored}, who)
