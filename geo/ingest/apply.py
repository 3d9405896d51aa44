"""Stage 9, apply: reviewed drafts appended to the package, validated in a copy first, under the package lock, file by file atomically."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import replace
from pathlib import Path

from geo.ingest import corroborate
from geo.ingest.corroborate import Corroboration
from geo.ingest.drafts import (
    EVENT_COLUMNS,
    LINK_COLUMNS,
    SOURCE_COLUMNS,
    ApplyResult,
    Draft,
    IngestError,
    Progress,
    _noop,
)
from geo.ingest.gazetteer import fold
from geo.ingest.log import record
from geo.ingest.newmine import NewMine, check_new_mine, dump_like, fill_minerals, mine_feature
from geo.io.atomic import LOCK_NAME, LockedError, package_lock, write_atomic
from geo.package import DESCRIPTOR, DataError, Problem, validate_package
from geo.package.descriptor import resource_path


def _cell(v) -> str:
    if v is None:
        return ""
    if hasattr(v, "strftime"):
        return "" if str(v) == "NaT" else v.strftime("%Y-%m-%d")
    return "" if isinstance(v, float) and v != v else str(v)


def cell_text(value) -> str:
    """A table cell as text: dates as YYYY-MM-DD, missing values (None, NaN, NaT) as ''."""
    return "" if value is None or str(value) in ("NaT", "<NA>", "nan", "None") else _cell(value).strip()


def cell_flag(value) -> bool:
    """A table cell as a tick: True, 'true', '1', 'yes' (any case); missing values and anything else False."""
    if value is None or str(value) in ("<NA>", "nan"):
        return False
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _find_source(rows: list[dict], publisher, title, url, published) -> dict | None:
    for r in rows:
        if url and _cell(r.get("url")) == url:
            return r
        same = (_cell(r.get("publisher")).casefold() == publisher.casefold()
                and _cell(r.get("title")).casefold() == (title or "").casefold()
                and _cell(r.get("published")) == published)
        if same:
            return r
    return None


def _read_csv_rows(path: Path) -> tuple[str, list[dict]]:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    return text, list(csv.DictReader(io.StringIO(text)))


def _append_rows(text: str, columns: list[str], rows: list[dict]) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    if not text.strip():
        writer.writeheader()
        text = ""
    elif not text.endswith("\n"):
        text += "\n"
    writer.writerows([{c: r.get(c, "") for c in columns} for r in rows])
    return text + buf.getvalue()


def bump_minor(version: str) -> str:
    m = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", str(version).strip())
    if not m:
        raise IngestError(f"package version {version!r} is not MAJOR.MINOR.PATCH")
    return f"{m.group(1)}.{int(m.group(2)) + 1}.0"


def _changelog(text: str, version: str, source_row: dict, drafts: list[Draft], source_added: bool,
               mine_ids: list[str] = (), changes: list[dict] = ()) -> tuple[str, str]:
    today = dt.date.today().isoformat()
    links = sum(len(d.link_rows()) for d in drafts)
    levels = ", ".join(f"{n} {c}" for c, n in Counter(d.confidence for d in drafts).most_common())
    cite = f"{source_row['publisher']}, “{source_row['title']}”, {source_row['published']}"
    if source_row.get("url"):
        cite += f" ({source_row['url']})"
    entry = (f"## {version} — {today}\n\nIngested a report: {cite}.\n\n"
             + (f"- **Events** ({len(drafts)}) and links ({links}), confidence {levels}, reviewed from "
                f"ingest drafts: {', '.join(d.event_id for d in drafts)}.\n" if drafts else "")
             + (f"- **Corroboration**: {corroborate.describe(changes)}.\n" if changes else "") +
             f"- **Source**: `{source_row['source_id']}` "
             f"({'added' if source_added else 'already in sources.csv'}).\n"
             + (f"- **Mines** ({len(mine_ids)}) added from the review, without a point (precision unknown): "
                f"{', '.join(mine_ids)}.\n" if mine_ids else "") + "\n")
    m = re.search(r"^## ", text, re.MULTILINE)
    if m:
        return text[:m.start()] + entry + text[m.start():], entry
    return (text.rstrip("\n") + "\n\n" if text.strip() else "# Data changelog\n\n") + entry, entry


def _read_json(path: Path) -> tuple[str, dict]:
    try:
        text = path.read_text(encoding="utf-8")
        return text, json.loads(text)
    except (OSError, ValueError) as exc:
        raise IngestError(f"{path}: cannot read it ({exc})") from None


def _mines_resource(desc: dict) -> dict:
    res = next((r for r in desc.get("resources", []) if isinstance(r, dict) and r.get("name") == "mines"), None)
    if res is None:
        raise IngestError("the package has no mines resource")
    return res


def prepare_new_mines(mines: list[NewMine], data_dir: str | Path) -> list[NewMine]:
    """New mines from the review checked against the package: ids given, provinces resolved.

    Raises IngestError when one cannot be added (no name, already a mine, unknown province,
    a precision without its county or province, or a package that allows no mine without
    geometry).
    """
    if not mines:
        return []
    data_dir = Path(data_dir)
    _t, desc = _read_json(data_dir / DESCRIPTOR)
    res = _mines_resource(desc)
    rule = res.get("x-null-geometry") or {}
    if rule.get("field") != "location_precision" or rule.get("value") != "unknown":
        raise IngestError("this package does not allow a mine without a point (its descriptor has no "
                          "x-null-geometry rule for location_precision 'unknown'); add the mine by hand")
    _t, doc = _read_json(data_dir / res["path"])
    props = [f.get("properties") or {} for f in doc.get("features", [])]
    taken = {str(p.get("mine_id", "")) for p in props}
    known = {fold(n) for p in props for n in [p.get("name", ""), *(p.get("aliases") or [])] if n}
    paths = {r["name"]: r["path"] for r in desc.get("resources", []) if isinstance(r, dict) and "name" in r}
    _t, provinces = _read_csv_rows(data_dir / paths.get("provinces", "provinces.csv"))
    out = []
    for m in mines:
        m = check_new_mine(m, provinces, taken, known)
        taken.add(m.mine_id)
        known |= {fold(m.name)}
        out.append(m)
    return out


def _plan_mines(new_mines: list[NewMine], drafts: list[Draft], sid: str, desc: dict, data_dir: Path) -> tuple[str, str, list[str]]:
    """(path, new text, ids) of mines.geojson with the new mines appended."""
    res = _mines_resource(desc)
    text, doc = _read_json(data_dir / res["path"])
    fields = (res.get("x-schema") or res.get("schema") or {}).get("fields", [])
    given = [m.mine_id for m in new_mines]
    checked = prepare_new_mines([replace(m, mine_id="") for m in new_mines], data_dir)
    feats = []
    for m, mid in zip(checked, given, strict=True):
        m = fill_minerals(replace(m, mine_id=mid or m.mine_id), drafts)
        feats.append(mine_feature(m, sid, fields))
    ids = [f["id"] for f in feats]
    if len(set(ids)) != len(ids) or set(ids) & {str((f.get("properties") or {}).get("mine_id")) for f in doc.get("features", [])}:
        raise IngestError(f"new mine id(s) {', '.join(ids)} clash with each other or with the data")
    doc = {**doc, "features": [*doc.get("features", []), *feats]}
    return res["path"], dump_like(doc, text), ids


def read_descriptor(data_dir: Path) -> tuple[str, dict, dict[str, str]]:
    """The descriptor's text, the descriptor and the paths of the resources an apply or a revert
    rewrites; IngestError unless each is named and inside the package folder."""
    desc_path = data_dir / DESCRIPTOR
    try:
        desc_text = desc_path.read_text(encoding="utf-8")
        desc = json.loads(desc_text)
    except (OSError, ValueError, RecursionError) as exc:
        raise IngestError(f"{desc_path}: cannot read the package descriptor ({str(exc)[:200]})") from None
    if not isinstance(desc, dict) or not isinstance(desc.get("resources"), list):
        raise IngestError(f"{desc_path}: not a package descriptor (an object with a list of resources)")
    paths = {r["name"]: r["path"] for r in desc["resources"] if isinstance(r, dict) and "name" in r}
    for name in ("sources", "events", "event_links"):
        if name not in paths:
            raise IngestError(f"the package has no {name} resource")
        if resource_path(data_dir, {"path": paths[name]}) is None:  # the one containment check
            raise IngestError(f"{DESCRIPTOR}: the {name} resource's path {paths[name]!r} is not a file inside "
                              "the package folder; nothing written")
    return desc_text, desc, paths


def _plan(drafts: list[Draft], source_row: dict, data_dir: Path, new_mines: list[NewMine] | None = None,
          corroborations: list[Corroboration] | None = None) -> tuple[dict[str, str], dict]:
    """The new text of every file to change, and facts about the change; raises IngestError."""
    if not drafts and not corroborations:
        raise IngestError("no draft events to apply and no record event to corroborate")
    desc_text, desc, paths = read_descriptor(data_dir)
    src_text, sources = _read_csv_rows(data_dir / paths["sources"])
    ev_text, events = _read_csv_rows(data_dir / paths["events"])
    ln_text, _links = _read_csv_rows(data_dir / paths["event_links"])

    ids = [d.event_id for d in drafts]
    dup_in_batch = sorted({i for i in ids if ids.count(i) > 1})
    if dup_in_batch:
        raise IngestError(f"two drafts share the event id {', '.join(dup_in_batch)}; give them distinct ids")
    have = {e["event_id"] for e in events}
    clash = [i for i in ids if i in have]
    if clash:
        raise IngestError(f"already in the package: {', '.join(clash)} (was this report applied before?); nothing written")
    existing = _find_source(sources, source_row.get("publisher", ""), source_row.get("title", ""),
                            source_row.get("url", ""), source_row.get("published", ""))
    if existing is not None:
        source_row = {k: existing.get(k, "") for k in SOURCE_COLUMNS}
    elif any(s["source_id"] == source_row.get("source_id") for s in sources):
        raise IngestError(f"source id {source_row.get('source_id')!r} is already used by another report")
    sid = source_row["source_id"]
    seen = {(e["source_id"], e["evidence"], e["event_type"]) for e in events}
    repeats = [d.event_id for d in drafts if (sid, d.recorded_evidence, d.event_type) in seen]
    if repeats:
        raise IngestError(f"the package already has events with the same source, evidence and type as "
                          f"{', '.join(repeats)} (was this report applied before?); nothing written")

    version = bump_minor(desc.get("version", ""))
    desc["version"] = version
    new_files: dict[str, str] = {}
    if existing is None:
        new_files[paths["sources"]] = _append_rows(src_text, _columns(src_text, SOURCE_COLUMNS), [source_row])
    mine_ids: list[str] = []
    if new_mines:
        mines_path, mines_text, mine_ids = _plan_mines(new_mines, drafts, sid, desc, data_dir)
        new_files[mines_path] = mines_text
    events_text = _append_rows(ev_text, _columns(ev_text, EVENT_COLUMNS), [d.event_row(sid) for d in drafts]) if drafts else ev_text
    new_files[paths["events"]], changes = corroborate.plan(events_text, sid, list(corroborations or []))
    if drafts:
        new_files[paths["event_links"]] = _append_rows(ln_text, _columns(ln_text, LINK_COLUMNS),
                                                       [r for d in drafts for r in d.link_rows()])
    new_files[DESCRIPTOR] = json.dumps(desc, indent=2, ensure_ascii=False) + ("\n" if desc_text.endswith("\n") else "")
    log_path = data_dir / "CHANGELOG.md"
    log_text = log_path.read_text(encoding="utf-8") if log_path.exists() else ""
    new_files["CHANGELOG.md"], entry = _changelog(log_text, version, source_row, drafts, existing is None, mine_ids, changes)
    facts = {"version": version, "previous_version": str(json.loads(desc_text).get("version", "")), "source_id": sid,
             "source_added": existing is None, "entry": entry, "mine_ids": mine_ids,
             "event_ids": [d.event_id for d in drafts], "links": sum(len(d.link_rows()) for d in drafts),
             "corroborated": changes}
    return new_files, facts


def _columns(text: str, default: list[str]) -> list[str]:
    first = text.splitlines()[0] if text.strip() else ""
    return next(csv.reader([first])) if first else default


def _check_in_copy(data_dir: Path, new_files: dict[str, str]) -> list[Problem]:
    with tempfile.TemporaryDirectory(prefix="geo-ingest-") as tmp:
        copy = Path(tmp) / "data"
        # Not the validated cache: a reader may be replacing it (no lock), and the copy never needs it.
        shutil.copytree(data_dir, copy, ignore=shutil.ignore_patterns(LOCK_NAME, ".*.tmp", ".cache"))
        for rel, text in new_files.items():
            (copy / rel).write_text(text, encoding="utf-8")
        return validate_package(copy).problems


def validate_drafts(drafts: list[Draft], source_row: dict, data_dir: str | Path,
                    new_mines: list[NewMine] | None = None, corroborations: list[Corroboration] | None = None) -> list[Problem]:
    """Every problem the package would have with these drafts added (empty: they can be applied).

    A refusal that is not about the data (already applied, no drafts) comes back as a Problem too.
    """
    data_dir = Path(data_dir)
    try:
        new_files, _facts = _plan(drafts, source_row, data_dir, new_mines, corroborations)
    except IngestError as err:
        return [Problem("drafts", reason=str(err))]
    return _check_in_copy(data_dir, new_files)


def preview(drafts: list[Draft], source_row: dict, data_dir: str | Path,
            new_mines: list[NewMine] | None = None, check: bool = True, corroborations: list[Corroboration] | None = None) -> dict:
    """What an apply would change, without writing: version from and to, event ids, links, the
    source (added or reused), new mine ids, and ``problems`` (empty: it can be applied; with
    ``check=False`` the merged package is not validated, only the refusals are listed)."""
    data_dir = Path(data_dir)
    try:
        new_files, facts = _plan(drafts, source_row, data_dir, new_mines, corroborations)
    except IngestError as err:
        return {"problems": [Problem("drafts", reason=str(err))], "event_ids": [], "links": 0, "mine_ids": [], "corroborated": [],
                "version": "", "previous_version": "", "source_id": source_row.get("source_id", ""),
                "source_added": False, "files": []}
    return {**facts, "problems": _check_in_copy(data_dir, new_files) if check else [], "files": sorted(new_files)}


def describe(summary: dict) -> list[str]:
    """The preview in words, one line per change."""
    if not summary.get("version"):
        return ["nothing can be applied: " + "; ".join(p.reason for p in summary["problems"])]
    lines = [f"version {summary['previous_version']} → {summary['version']}",
             f"{len(summary['event_ids'])} new event(s)" + (f": {', '.join(summary['event_ids'])}" if summary["event_ids"] else ""),
             f"{summary['links']} new link(s) (event × mine × mineral)",
             f"source {summary['source_id']}: " + ("added to sources.csv" if summary["source_added"]
                                                   else "already in sources.csv, reused")]
    if summary.get("corroborated"):
        lines.append(corroborate.describe(summary["corroborated"]))
    if summary["mine_ids"]:
        lines.append(f"{len(summary['mine_ids'])} new mine(s) without a point: {', '.join(summary['mine_ids'])}")
    lines.append("files written: " + ", ".join(summary["files"]))
    return lines


@contextlib.contextmanager
def _locked(data_dir: Path, timeout: float):
    """The package lock; a lock held too long is an IngestError (refused, nothing written)."""
    try:
        with package_lock(data_dir, timeout):
            yield
    except LockedError as err:
        raise IngestError(str(err)) from None


def apply(drafts: list[Draft], source_row: dict, data_dir: str | Path,
          progress: Progress | None = None, lock_timeout: float = 60.0, who: str | None = None,
          new_mines: list[NewMine] | None = None, corroborations: list[Corroboration] | None = None) -> ApplyResult:
    """Append reviewed drafts to the package, and add the report as a source of the record events it corroborates
    (geo.ingest.corroborate); validated first, written atomically under a lock.

    Raises IngestError (refused: nothing written) or DataError (the result would not be a
    valid package: nothing written; ``problems`` says why).
    """
    progress = progress or _noop
    data_dir = Path(data_dir)
    if not (data_dir / DESCRIPTOR).is_file():
        raise IngestError(f"{data_dir}: no {DESCRIPTOR}; is this a data package folder?")
    drafts = [replace(d) for d in drafts]
    progress(0.05, "waiting for the package lock")
    with _locked(data_dir, lock_timeout):
        progress(0.2, "merging the drafts into the package")
        previous = json.loads((data_dir / DESCRIPTOR).read_text(encoding="utf-8")).get("version", "")
        new_files, facts = _plan(drafts, source_row, data_dir, new_mines, corroborations)
        progress(0.4, "validating the merged package in a temporary copy")
        problems = _check_in_copy(data_dir, new_files)
        if problems:
            raise DataError(problems)
        order = [k for k in new_files if k not in (DESCRIPTOR, "CHANGELOG.md")] + [DESCRIPTOR, "CHANGELOG.md"]
        for n, rel in enumerate(order, start=1):
            progress(0.5 + 0.5 * n / len(order), f"writing {rel}")
            write_atomic(data_dir / rel, new_files[rel].encode("utf-8"))
        record(data_dir, {"action": "apply", "version": facts["version"], "previous_version": previous,
                          "source_id": facts["source_id"], "source_added": facts["source_added"],
                          "event_ids": [d.event_id for d in drafts], "mine_ids": facts["mine_ids"],
                          "links": sum(len(d.link_rows()) for d in drafts), "corroborated": facts["corroborated"]}, who)
    return ApplyResult(version=facts["version"], event_ids=[d.event_id for d in drafts],
                       links=sum(len(d.link_rows()) for d in drafts), source_id=facts["source_id"],
                       source_added=facts["source_added"], changelog_entry=facts["entry"],
                       mine_ids=facts["mine_ids"], corroborated=facts["corroborated"])
