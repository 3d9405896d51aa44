"""The command line: ``python -m geo <command>``.

Commands register themselves in ``COMMANDS`` (name → (add_arguments, run)). Bad data or a
bad argument gives a clear message and exit status 1, never a stack trace.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections.abc import Callable
from pathlib import Path

from geo.model.dataset import data_dir, summary
from geo.package import DataError
from geo.rules.filters import Filters, vocabularies
from geo.rules.load import load_dataset


class UsageError(Exception):
    """A bad argument value: reported in one line, exit status 1."""


def _data_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data", type=Path, default=data_dir(),
                   help="folder of the data package (default: the project's data/)")


# --------------------------------------------------------------------------- validate


def _validate_args(p):
    _data_arg(p)
    p.add_argument("--all", action="store_true",
                   help="list every problem (by default repeated problems are summarised)")


def _validate(args) -> int:
    try:
        ds = load_dataset(args.data)
    except DataError as err:
        print(err.report(full=args.all), file=sys.stdout)
        hint = "" if args.all or len(err.summary()) == len(err.problems) else "; --all lists every one"
        print(f"{len(err.problems):,} problem(s) in {args.data}{hint}", file=sys.stderr)
        return 1
    print(summary(ds))
    return 0


# --------------------------------------------------------------------------- export


def _export_args(p):
    _data_arg(p)
    p.add_argument("--mineral", action="append", default=[], metavar="ID", help="mineral id (repeatable)")
    p.add_argument("--type", action="append", default=[], metavar="TYPE", help="event type (repeatable)")
    p.add_argument("--province", action="append", default=[], metavar="NAME", help="province name (repeatable)")
    p.add_argument("--mine", action="append", default=[], metavar="ID", help="mine id (repeatable)")
    p.add_argument("--since", metavar="DATE", help="YYYY-MM-DD")
    p.add_argument("--until", metavar="DATE", help="YYYY-MM-DD")
    p.add_argument("--confidence", choices=["reported", "corroborated", "official"],
                   help="minimum confidence")
    p.add_argument("--format", choices=["csv", "geojson"], default="csv")
    p.add_argument("--out", required=True, metavar="FILE",
                   help="the file to write (never inside the data package); its manifest goes beside it")
    p.add_argument("--force", action="store_true", help="replace an existing regular file (never a link or device)")


def filters_from_args(args, ds) -> Filters:
    """Build Filters from CLI arguments, rejecting unknown values with a clear message."""
    vocab = vocabularies(ds)
    checks = (("mineral", args.mineral, vocab["minerals"]), ("type", args.type, vocab["event_types"]),
              ("province", args.province, vocab["provinces"]), ("mine", getattr(args, "mine", []), vocab["mines"]))
    for label, values, allowed in checks:
        unknown = [v for v in values if v not in allowed]
        if unknown:
            raise UsageError(f"unknown {label} {', '.join(map(repr, unknown))}; known: {', '.join(allowed)}")
    dates = {}
    for key in ("since", "until"):
        value = getattr(args, key)
        if value:
            try:
                dates[key] = dt.date.fromisoformat(value)
            except ValueError:
                raise UsageError(f"--{key} {value!r} is not a date (YYYY-MM-DD)") from None
    if dates.get("since") and dates.get("until") and dates["since"] > dates["until"]:
        raise UsageError("--since is after --until")
    return Filters(minerals=args.mineral, event_types=args.type, provinces=args.province,
                   mines=getattr(args, "mine", []), min_confidence=args.confidence, **dates)


def _export(args) -> int:
    from geo.io.export import write_export
    from geo.io.targets import TargetError, check_target

    try:
        check_target(args.out, args.data, args.force)  # before the (slow) load: a bad target fails fast
        ds = load_dataset(args.data)
        filters = filters_from_args(args, ds)
        out, man, n = write_export(ds, filters, args.out, args.format, force=args.force)
    except TargetError as err:
        raise UsageError(f"--out {err}") from None
    print(f"wrote {n} row(s) ({ds.describe(filters)}) to {out}; manifest {man}")
    return 0


# --------------------------------------------------------------------------- sanctions


def _sanctions_args(p):
    _data_arg(p)
    p.add_argument("--mineral", required=True, metavar="ID", help="mineral id, e.g. iron_ore")
    p.add_argument("--on", required=True, metavar="DATE", help="the day to check, YYYY-MM-DD")


def _sanctions(args) -> int:
    from geo.rules.authorities import authorities, by_authority
    from geo.rules.sanctions import format_status, parse_date, status_on

    try:
        day = parse_date(args.on)
    except ValueError as err:
        raise UsageError(f"--on {err}") from None
    ds = load_dataset(args.data)
    known = list(ds.minerals["mineral_id"])
    if args.mineral not in known:
        raise UsageError(f"unknown mineral {args.mineral!r}; known: {', '.join(known)}")
    st = status_on(ds, args.mineral, day)
    print(format_status(st))
    groups = authorities(ds)
    if groups:
        side = by_authority(st, groups)
        print("  by authority: " + " | ".join(
            f"{g} {status}" + (f" ({', '.join(ids)})" if ids else "") for g, (status, ids) in side.items()))
    return 0


# --------------------------------------------------------------------------- ingest


def _ingest_args(p):
    p.add_argument("report", type=Path, metavar="REPORT.txt", nargs="?", help="the report as UTF-8 text")
    p.add_argument("--published", metavar="DATE",
                   help="publication date YYYY-MM-DD; relative dates are resolved against it")
    p.add_argument("--publisher", metavar="NAME", help="in any script (e.g. 연합뉴스)")
    p.add_argument("--url", metavar="URL", help='the report\'s URL ("" if not recorded)')
    p.add_argument("--revert", metavar="VERSION", help="undo the apply that produced this package version")
    p.add_argument("--who", metavar="NAME", help="recorded in data/.ingest-log.jsonl (default: the user name)")
    p.add_argument("--title", metavar="TEXT", help="the headline (default: guessed from the text)")
    _data_arg(p)
    p.add_argument("--language", metavar="CODE", help="the report's language, two letters (default: from its script)")
    p.add_argument("--keep-known", action="store_true",
                   help="also apply drafts that repeat a measure or event already in the record (left out by default)")
    p.add_argument("--keep-unsure", action="store_true",
                   help="also apply drafts marked to check (estimated less likely right; left out by default)")
    p.add_argument("--apply", action="store_true",
                   help="append the drafts to the package (validated first, atomic, locked)")
    p.add_argument("--dry-run", action="store_true",
                   help="show what --apply would change (events, links, source, mines, version) and write nothing")
    c = p.add_argument_group("a record event the report tells again (added to it as a further source, not as a copy)")
    c.add_argument("--corroborate", metavar="EVENT_ID", action="append", default=[],
                   help="add the report to this record event's corroborating sources (repeatable; drafts that repeat "
                        "it are listed on stderr with its id)")
    c.add_argument("--independent", action="store_true",
                   help="the report is independent of those events' own sources (not a repost or relay): a "
                        "'reported' event becomes 'corroborated'")
    g = p.add_argument_group("a new mine the report names (added in the same apply, no point: precision unknown)")
    g.add_argument("--add-mine", metavar="NAME", help="add this mine; drafts naming it without a mine are linked to it")
    g.add_argument("--province", metavar="P", default="", help="its province as provinces.csv names it (or an alias)")
    g.add_argument("--county", metavar="C", default="", help="its county")
    g.add_argument("--alias", metavar="A", action="append", default=[], help="another spelling (repeatable)")
    g.add_argument("--mine-mineral", metavar="ID", action="append", default=[],
                   help="its minerals (default: those of the drafts linked to it)")
    g.add_argument("--precision", choices=["unknown", "county", "province"], default=None,
                   help="how precisely the report places it (default: county if --county, else province if "
                        "--province, else unknown); stored without a point either way")


def _check_published(value: str) -> None:
    """--published: YYYY-MM-DD, a real day, within the dates a package may hold and not in the future."""
    from geo.package.checks import DATE_MAX, DATE_MIN

    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--published {value[:40]!r} is not a date (YYYY-MM-DD)") from None
    latest = min(dt.date.fromisoformat(DATE_MAX), dt.date.today() + dt.timedelta(days=1))
    if not dt.date.fromisoformat(DATE_MIN) <= day <= latest:
        raise UsageError(f"--published {value} is outside the dates a report may have ({DATE_MIN} to "
                         f"{latest.isoformat()})")


def _ingest(args) -> int:
    from geo.ingest import (
        Corroboration,
        IngestError,
        NewMine,
        apply,
        corroboration_line,
        describe,
        drafts_csv,
        edit_source,
        extract,
        link_new_mines,
        prepare_new_mines,
        preview,
        read_report,
    )

    if args.revert:
        from geo.ingest.history import revert

        try:
            done = revert(args.revert, args.data, who=args.who)
        except IngestError as err:
            raise UsageError(str(err)) from None
        mines = f" and mine(s) {', '.join(done['mine_ids'])}" if done.get("mine_ids") else ""
        print(f"reverted version {args.revert}: removed {len(done['event_ids'])} event(s){mines}; "
              f"package version {done['version']}")
        return 0
    missing = [n for n in ("report", "published", "publisher", "url") if getattr(args, n) is None]
    if missing:
        raise UsageError(f"ingest needs {', '.join('--' + m if m != 'report' else 'REPORT.txt' for m in missing)}"
                         " (or --revert VERSION)")
    _check_published(args.published)
    try:
        text = read_report(args.report)
        ds = load_dataset(args.data)
        result = extract(text, args.published, args.publisher, args.url, ds, title=args.title)
        if args.language:
            result.source_row = edit_source(ds, result.source_row, language=args.language)
        mines = []
        if args.add_mine:
            precision = args.precision or ("county" if args.county else "province" if args.province else "unknown")
            mines = prepare_new_mines([NewMine(args.add_mine, args.province, args.county, args.alias,
                                               args.mine_mineral, precision, candidate=args.add_mine)], args.data)
            result.drafts = link_new_mines(result.drafts, mines)
    except IngestError as err:
        raise UsageError(str(err)) from None
    for name in result.candidates:
        print(f"candidate new mine (not in the gazetteer, not drafted as a mine): {name}", file=sys.stderr)
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    for lead in result.leads:  # no draft: the Add report page lets the reviewer type these
        names = ", ".join([*lead.mines, *lead.minerals])
        print(f"no draft from a sentence naming {names} (date {lead.date}, {lead.date_precision}): {lead.evidence}",
              file=sys.stderr)
    # The proposed drafts; a repeat is added by --keep-known alone, a new draft to check by --keep-unsure.
    chosen = [d for d in result.drafts if d.proposed or (args.keep_known if d.known else args.keep_unsure)]
    for d in result.drafts:
        if d.known:
            print(f"already in the record: {d.event_id} repeats {d.known}"
                  + ("" if args.keep_known else " (left out of --apply; --keep-known applies it")
                  + ("; --corroborate EVENT_ID adds this report to that event as a further source" if "event " in d.known else "")
                  + ("" if args.keep_known else ")"), file=sys.stderr)
        elif d.check:
            print(f"to check: {d.event_id}, {d.check}"
                  + ("" if args.keep_unsure else " (left out of --apply; --keep-unsure applies it)"), file=sys.stderr)
    backs = [Corroboration(e, args.independent) for e in dict.fromkeys(args.corroborate)]
    if args.dry_run:
        summary = preview(chosen, result.source_row, args.data, mines, corroborations=backs)
        print("\n".join(["dry run: --apply would change", *("  " + line for line in describe(summary))]))
        for p in summary["problems"]:
            print(f"problem: {p}", file=sys.stderr)
        print("nothing written", file=sys.stderr)
        return 1 if summary["problems"] else 0
    if not args.apply:
        sys.stdout.write(drafts_csv(result.drafts))
        print(f"{len(result.drafts)} draft event(s) from {args.report}; review them, then rerun with --apply",
              file=sys.stderr)
        return 0
    if not chosen and result.drafts and not backs:
        raise UsageError("no draft event is proposed: every draft repeats the record or is marked to check "
                         "(--keep-known, --keep-unsure apply them)")
    try:
        done = apply(chosen, result.source_row, args.data, who=args.who, new_mines=mines, corroborations=backs)
    except IngestError as err:
        raise UsageError(str(err)) from None
    print(f"applied {len(done.event_ids)} event(s) and {done.links} link(s) from source {done.source_id}"
          f"{' (added)' if done.source_added else ''}"
          f"{'; new mine(s) ' + ', '.join(done.mine_ids) if done.mine_ids else ''}"
          f"{'; ' + corroboration_line(done.corroborated) if done.corroborated else ''}; package version {done.version}")
    return 0


def _ingest_eval_args(p):
    p.add_argument("--set", type=Path, default=None, metavar="DIR",
                   help="score only this set folder (with labels.json) and the seeds")
    p.add_argument("--seeds", type=Path, default=None, metavar="DIR", help="seed reports (default: /work/shared/seeds)")
    p.add_argument("--data", type=Path, default=None,
                   help="package the labels use (default: the project's data/, whatever NK_MINES_DATA says)")
    p.add_argument("--verbose", action="store_true", help="list missed events and extra drafts")


def _ingest_eval(args) -> int:
    from geo.ingest.evalset import SETS, evaluate_seeds, evaluate_set, table
    from geo.ingest.evaluate import DEFAULT_SEEDS
    from geo.model.dataset import DEFAULT_DATA_DIR

    data = args.data or DEFAULT_DATA_DIR
    sets = [(args.set.name, args.set)] if args.set else [(n, f) for n, f in SETS if (f / "labels.json").is_file()]
    rows = {name: evaluate_set(folder, data)[0] for name, folder in sets}
    seeds = args.seeds or DEFAULT_SEEDS
    if seeds.is_dir():
        rows["seeds"] = evaluate_seeds(seeds, data)
    else:
        print(f"note: no seed reports in {seeds}; seeds not scored", file=sys.stderr)
    print(table(rows))
    if args.verbose:
        for s in rows.values():
            print("\n".join(s.misses + s.extras))
    return 0


# --------------------------------------------------------------------------- trade


def _trade_args(p):
    _data_arg(p)
    p.add_argument("--mineral", required=True, metavar="ID", help="mineral id, e.g. coal")
    p.add_argument("--since", metavar="DATE", help="YYYY-MM-DD")
    p.add_argument("--until", metavar="DATE", help="YYYY-MM-DD")
    p.add_argument("--measure", choices=["quantity", "value"], default="quantity")
    p.add_argument("--reporter", default="CN", help="CN (default), CN-port, UN-1718, KOTRA or OEC")


def _trade(args) -> int:
    from geo.rules.trade import format_series, series

    ds = load_dataset(args.data)
    try:
        points = series(ds, args.mineral, args.measure, args.reporter, args.since, args.until)
    except ValueError as err:
        raise UsageError(str(err)) from None
    print(format_series(points, ds.mineral_name(args.mineral), args.measure, args.reporter, args.since, args.until))
    return 0


COMMANDS: dict[str, tuple[str, Callable, Callable]] = {
    "validate": ("check the data package and report every problem", _validate_args, _validate),
    "export": ("export a filtered view as CSV or GeoJSON, with a manifest beside it", _export_args, _export),
    "sanctions": ("the sanctions in force for a mineral on a day, and its status", _sanctions_args, _sanctions),
    "ingest": ("draft events from a news report (CSV on stdout); --apply appends them", _ingest_args, _ingest),
    "ingest-eval": ("score the ingest on the hand-labelled evaluation set and on the seeds",
                    _ingest_eval_args, _ingest_eval),
    "trade": ("China's recorded imports of a mineral from North Korea, figure by figure, with sources",
              _trade_args, _trade),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m geo", description="North Korea mines and trade events")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, (help_text, add_args, _run) in COMMANDS.items():
        add_args(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _help, _add, run = COMMANDS[args.command]
    try:
        return run(args)
    except DataError as err:
        print(err.report(), file=sys.stdout)
        print(f"{len(err.problems):,} problem(s) in the data package", file=sys.stderr)
        return 1
    except UsageError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except (ValueError, RecursionError, MemoryError) as err:  # a case nobody foresaw: one line, not a trace
        print(f"error: {type(err).__name__}: {str(err)[:300]}", file=sys.stderr)
        return 1
