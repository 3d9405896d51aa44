"""The ingest log, ``data/.ingest-log.jsonl``: one JSON record per apply or revert (who, when, what).

See :mod:`geo.ingest.history` for the record's fields and for undoing an apply.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
from pathlib import Path

from geo.io.atomic import write_atomic

LOG_NAME = ".ingest-log.jsonl"


def _who(who: str | None) -> str:
    if who:
        return who
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name on this system
        return "unknown"


def read_log(data_dir: str | Path) -> list[dict]:
    """The log's records, oldest first (an unreadable line is skipped, never fatal)."""
    path = Path(data_dir) / LOG_NAME
    out = []
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                out.append(json.loads(line))
            except ValueError:
                continue
    return out


def record(data_dir: str | Path, entry: dict, who: str | None = None) -> dict:
    """Append one record to the log (the caller holds the package lock)."""
    entry = {**entry, "who": _who(who), "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    path = Path(data_dir) / LOG_NAME
    old = path.read_bytes() if path.exists() else b""
    write_atomic(path, old + (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))
    return entry
