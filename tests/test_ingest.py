"""Ingest: from a report's text to draft events, and from drafts to the package, safely."""

import datetime as dt
import hashlib
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from geo.ingest import (
    Draft,
    IngestError,
    apply,
    decode_report,
    drafts_from_review,
    extract,
    find_amounts,
    find_dates,
    package_lock,
    problem_event,
    read_report,
    review_rows,
    validate_drafts,
)
from geo.ingest.evaluate import DEFAULT_SEEDS, SEEDS, empty_events_package, evaluate, table
from geo.package import DataError, validate_package
from geo.rules.load import load_dataset
from tests.conftest import ROOT, bumped_version, read_rows

NEXT = bumped_version()

needs_seeds = pytest.mark.skipif(not all((DEFAULT_SEEDS / s.file).is_file() for s in SEEDS),
                                 reason=f"seed reports not found in {DEFAULT_SEEDS}")
RFA, SHREA = SEEDS


@pytest.fixture
def scratch(data_copy, tmp_path) -> Path:
    """A package with the mines, minerals, sanctions and sources but no events."""
    return empty_events_package(data_copy, tmp_path / "scratch")


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and p.name != ".ingest.lock"}


def _ingest(seed, data: Path):
    ds = load_dataset(data)
    return extract(read_report(DEFAULT_SEEDS / seed.file), seed.published, seed.publisher, seed.url, ds)


# --------------------------------------------------------------------------- dates

THU = dt.date(2017, 3, 2)  # the 2017 report's publication day, a Thursday
TUE = dt.date(2019, 10, 22)  # the 2019 repost's day, a Tuesday

DATES = [
    (THU, "sources said Thursday", "2017-03-02", "day"),
    (THU, "told RFA Wednesday that", "2017-03-01", "day"),
    (THU, "on Friday the mine closed", "2017-02-24", "day"),
    (THU, "last Thursday", "2017-02-23", "day"),
    (THU, "yesterday", "2017-03-01", "day"),
    (THU, "3 days ago", "2017-02-27", "day"),
    (THU, "a few days ago", "2017-02-27", "approximate"),
    (THU, "Last week, a commentator said", "2017-02-23", "approximate"),
    (THU, "for some time now", "2017-03-02", "approximate"),
    (THU, "from around Feb. 20", "2017-02-20", "approximate"),
    (THU, "on Feb. 18 suspended", "2017-02-18", "day"),
    (THU, "on Dec. 28", "2016-12-28", "day"),
    (THU, "on 5 January 2015", "2015-01-05", "day"),
    (THU, "in October", "2016-10-01", "month"),
    (THU, "passed last November", "2016-11-01", "month"),
    (THU, "this month", "2017-03-01", "month"),
    (THU, "in 2016", "2016-01-01", "year"),
    (THU, "in the first 10 months of 2016", "2016-01-01", "month"),
    (TUE, "a few days ago", "2019-10-19", "approximate"),
    (TUE, "Thursday", "2019-10-17", "day"),
    (TUE, "Tuesday", "2019-10-22", "day"),
    (TUE, "in October", "2019-10-01", "month"),
    (TUE, "last October", "2018-10-01", "month"),
]


@pytest.mark.parametrize("pub, text, date, precision", DATES, ids=[f"{p}:{t}" for p, t, *_ in DATES])
def test_dates_resolve_against_publication(pub, text, date, precision):
    found = find_dates(text, pub)
    assert found, f"no date in {text!r}"
    assert (found[0].date.isoformat(), found[0].precision) == (date, precision)


def test_no_date_where_none_is_written():
    assert find_dates("Resolution 2321 capped coal exports at 7.5 million tons.", THU) == []
    assert find_dates("The mine may reopen.", THU) == []


def test_first_months_of_a_year_has_an_end():
    (d,) = find_dates("in the first 10 months of 2016", THU)
    assert d.end_date == dt.date(2016, 10, 31)


@pytest.mark.parametrize("text, usd, qty, unit", [
    ("would cost around $2.5 billion", 2.5e9, None, ""),
    ("imported 18.6 million tons of coal", None, 18.6, "million tons"),
    ("capped at U.S. $400.9 million annually, or 7.5 million tons", 400.9e6, 7.5, "million tons"),
    ("some 40 percent of foreign currency", None, 40, "percent"),
    ("resolution 2321 of 2016", None, None, ""),
])
def test_amounts_as_written(text, usd, qty, unit):
    got_usd, got_qty, got_unit, _written = find_amounts(text)
    assert (got_usd, got_qty, got_unit) == (usd, qty, unit)


# --------------------------------------------------------------------------- extraction

CUES = [
    ("Exports of copper concentrate from the Hyesan mine were suspended on Feb. 20.", "export_halt", "halted", ["hyesan"], ["copper"]),
    ("Musan iron ore is still exported to China.", "export_continued", "continued", ["musan"], ["iron_ore"]),
    ("The export of tungsten from Daebong mine has stopped.", "export_halt", "halted", ["daebong"], ["tungsten"]),
    ("China halted all imports of coal from North Korea on Feb. 18.", "import_suspension", "suspended", [], ["coal"]),
    ("The resolution bans exports of gold and vanadium ore.", "sanction", "banned", [], ["gold", "vanadium"]),
    ("The resolution capped coal exports at 7.5 million tons.", "sanction", "capped", [], ["coal"]),
    ("If China invests, the right to develop the rare earth mine in Ch'ŏlsan will be handed over.", "investment_offer", "offered", ["cholsan"], ["rare_earths"]),
    ("Zinc concentrate from Hyesan was smuggled across the river.", "smuggling", "smuggled", ["hyesan"], ["zinc"]),
    ("China imported 18.6 million tons of coal in 2016.", "trade_figure", "imported", [], ["coal"]),
]


@pytest.mark.parametrize("text, etype, effect, mines, minerals", CUES, ids=[c[1] + ":" + c[0][:25] for c in CUES])
def test_event_type_from_cue_words(ds, text, etype, effect, mines, minerals):
    res = extract(text, THU, "Test", "", ds)
    assert [(d.event_type, d.effect, d.mines, d.minerals) for d in res.drafts] == [(etype, effect, mines, minerals)]
    d = res.drafts[0]
    # a sanction is an authority's act (official); the others cite no official source (geo.ingest.attribution)
    assert d.evidence == text and d.confidence == ("official" if etype == "sanction" else "reported")


def test_no_cue_no_draft(ds):
    text = "The rare earth ore buried in Cholsan is very valuable."
    assert extract(text, THU, "Test", "", ds).drafts == []


def test_anonymous_sources_are_flagged(ds):
    named = extract("Zinc exports from Hyesan were halted, the ministry said.", THU, "T", "", ds).drafts[0]
    anon = extract("Zinc exports from Hyesan were halted, a source said on condition of anonymity.",
                   THU, "T", "", ds).drafts[0]
    assert (named.anonymous_source, anon.anonymous_source) == (False, True)


def test_unknown_mine_becomes_a_candidate(ds):
    text = "Zinc exports from the Komdok mine were halted last week. 검덕광산 was quiet."
    res = extract(text, THU, "Test", "", ds)
    assert res.candidates == ["Komdok mine", "검덕광산"]
    # The event is still drafted, mineral-only, with the unknown place kept for the reviewer.
    assert [(d.mines, d.minerals, d.place) for d in res.drafts] == [([], ["zinc"], "Komdok mine")]


def test_known_mines_are_not_candidates(ds):
    res = extract("Copper exports from the Hyesan Youth Copper Mine and the Taehŭng mine halted.", THU, "T", "", ds)
    assert res.candidates == []


def test_progress_is_reported(ds):
    seen = []
    extract("Musan iron ore is still exported to China.", THU, "T", "", ds, progress=lambda f, m: seen.append(f))
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)


@needs_seeds
@pytest.mark.parametrize("seed", SEEDS, ids=[s.source_id for s in SEEDS])
def test_seed_reports_find_every_curated_mine_and_mineral(ds, scratch, seed):
    res = _ingest(seed, scratch)
    curated = ds.view[ds.view["source_id"] == seed.source_id]
    found_mines = {m for d in res.drafts for m in d.mines}
    found_minerals = {x for d in res.drafts for x in d.minerals}
    assert set(curated["mine_id"]) - {""} <= found_mines
    assert set(curated["mineral_id"]) <= found_minerals
    assert res.candidates == ([] if seed is RFA else ["Mt Weld mine"])  # Lynas's mine, in a sidebar
    # The existing source row is recognised, not duplicated.
    assert res.source_row["source_id"] == (seed.source_id if seed.url else res.source_row["source_id"])


@needs_seeds
def test_readme_states_the_measured_precision_and_recall():
    measured = table(evaluate())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert measured in readme, "README's ingest table is stale: rerun python -m geo.ingest.evaluate"


# --------------------------------------------------------------------------- applying


@needs_seeds
def test_apply_from_scratch_then_refuse_a_second_time(scratch):
    res = _ingest(RFA, scratch)
    done = apply(res.drafts, res.source_row, scratch)
    ds = load_dataset(scratch)
    assert ds.version == NEXT and done.version == NEXT
    assert sorted(ds.events["event_id"]) == sorted(d.event_id for d in res.drafts)
    assert len(ds.links) == sum(len(d.link_rows()) for d in res.drafts)
    assert done.source_id == "rfa-2017-03-02" and not done.source_added  # reused, not duplicated
    assert f"## {NEXT}" in ds.changelog and "North Korea Suspends Rare Mineral Exports to China" in ds.changelog
    before = _digest(scratch)
    with pytest.raises(IngestError, match="already in the package"):
        apply(res.drafts, res.source_row, scratch)
    assert _digest(scratch) == before


def test_apply_adds_a_new_source(data_copy, ds):
    text = "Zinc concentrate from Hyesan was smuggled across the river on Jan. 14, a source said."
    res = extract(text, "2019-01-16", "Daily NK", "https://example.org/dailynk-hyesan", ds, title="Hyesan zinc smuggled")
    done = apply(res.drafts, res.source_row, data_copy)
    after = load_dataset(data_copy)
    assert done.source_added and done.source_id in set(after.sources["source_id"])
    row = after.view[after.view["event_id"] == done.event_ids[0]].iloc[0]
    assert (row.mine_id, row.mineral_id, row.effect, row.date.date()) == ("hyesan", "zinc", "smuggled", dt.date(2019, 1, 14))
    assert after.version == NEXT and len(after.events) == len(ds.events) + 1


def test_invalid_drafts_write_nothing(data_copy, ds):
    bad = Draft(event_id="bad-one", event_type="export_halt", effect="halted", date="2017-02-30",
                date_precision="day", evidence="x", mines=["atlantis"], minerals=["copper"])
    src = {"source_id": "t-1", "publisher": "T", "title": "T", "url": "", "published": "2017-03-02",
           "accessed": "2017-03-03", "language": "en", "notes": ""}
    problems = validate_drafts([bad], src, data_copy)
    reasons = " ".join(str(p) for p in problems)
    assert "'2017-02-30' is not a valid date" in reasons and "'atlantis' is not a mine_id" in reasons
    before = _digest(data_copy)
    with pytest.raises(DataError):
        apply([bad], src, data_copy)
    assert _digest(data_copy) == before


KILL_AFTER = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from geo.rules.load import load_dataset
    from geo.ingest import apply, extract
    data, n = Path(sys.argv[1]), int(sys.argv[2])
    ds = load_dataset(data)
    res = extract("Zinc concentrate from Hyesan was smuggled across the river on Jan. 14.",
                  "2019-01-16", "Daily NK", "https://example.org/kill", ds, title="Kill test")
    real, calls = os.replace, []
    def dying_replace(src, dst):
        calls.append(dst)
        if len(calls) > n:
            os._exit(9)  # killed between writing the temporary file and renaming it
        real(src, dst)
    os.replace = dying_replace
    apply(res.drafts, res.source_row, data)
""")


@pytest.mark.parametrize("renames_done", [0, 1, 2, 3, 4])
def test_killed_between_temp_file_and_rename_leaves_a_valid_package(data_copy, renames_done):
    proc = subprocess.run([sys.executable, "-c", KILL_AFTER, str(data_copy), str(renames_done)],
                          cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
    assert proc.returncode == 9, proc.stderr
    assert list(data_copy.glob(".*.tmp")), "the kill should leave a temporary file behind"
    assert validate_package(data_copy).problems == []


CONCURRENT = textwrap.dedent("""
    import sys
    from geo.cli import main
    sys.exit(main(sys.argv[1:]))
""")


@needs_seeds
def test_two_concurrent_applies_lose_nothing(scratch):
    # --apply leaves out drafts that repeat the record (here: measures in sanctions.csv); with
    # --keep-unsure it applies the new drafts marked to check too
    expected = sum(len([d for d in _ingest(s, scratch).drafts if not d.known]) for s in (RFA, SHREA))
    cmds = [[sys.executable, "-c", CONCURRENT, "ingest", str(DEFAULT_SEEDS / s.file), "--published", s.published,
             "--publisher", s.publisher, "--url", s.url, "--data", str(scratch), "--apply", "--keep-unsure"]
            for s in SEEDS]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with package_lock(scratch):  # hold the lock so both start together and must wait for it
        procs = [subprocess.Popen(c, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for c in cmds]
    outs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    ds = load_dataset(scratch)
    # Both reports' events are there, each citing its existing source row (reused, not duplicated).
    assert set(ds.events["source_id"]) == {s.source_id for s in SEEDS}
    assert len(ds.sources) == len(read_rows(scratch / "sources.csv"))
    assert ds.version == bumped_version(2)
    assert ds.changelog.count("Ingested a report") == 2
    assert len(ds.events) == expected


# --------------------------------------------------------------------------- bad input


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "geo", *map(str, args)], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "the report is empty"),
    ("blank.txt", b"  \n\n ", "the report is empty"),
    ("binary.txt", b"PK\x03\x04\x00\x00binary", "NUL bytes"),
    ("latin1.txt", "Tanch\xf4n copper halted".encode("latin-1"), "not UTF-8"),
    ("huge.txt", b"Musan iron ore is still exported. " * 310_000, "larger than the 5 MB limit"),
])
def test_malformed_report_is_refused_and_nothing_written(data_copy, tmp_path, name, content, message):
    report = tmp_path / name
    report.write_bytes(content)
    before = _digest(data_copy)
    proc = _cli("ingest", report, "--published", "2017-03-02", "--publisher", "T", "--url", "",
                "--data", data_copy, "--apply")
    assert proc.returncode == 1
    assert message in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert _digest(data_copy) == before


@pytest.mark.parametrize("args, message", [
    (["--published", "2017-02-30"], "is not a date"),
    (["--url", "ftp://x"], "must start with http"),
    (["--publisher", " "], "publisher is required"),
])
def test_bad_arguments_are_refused(data_copy, args, message):
    base = {"--published": "2017-03-02", "--publisher": "T", "--url": ""}
    base.update(dict(zip(args[::2], args[1::2], strict=True)))
    report = data_copy.parent / "r.txt"
    report.write_text("Musan iron ore is still exported to China.", encoding="utf-8")
    proc = _cli("ingest", report, *[x for kv in base.items() for x in kv], "--data", data_copy)
    assert proc.returncode == 1 and message in proc.stderr and "Traceback" not in proc.stderr


@needs_seeds
def test_cli_prints_drafts_as_csv(scratch):
    s = RFA
    proc = _cli("ingest", DEFAULT_SEEDS / s.file, "--published", s.published, "--publisher", s.publisher,
                "--url", s.url, "--data", scratch)
    assert proc.returncode == 0, proc.stderr
    header = proc.stdout.splitlines()[0].split(",")
    for col in ("mine_id", "mineral_id", "date", "date_precision", "event_type", "effect", "evidence"):
        assert col in header
    # An approximate date (±15 days) near the curated 2017-03-01: the report dates the halt only by
    # "for some time" and the day the sources spoke; the exact day is not the report's.
    assert re.search(r"hyesan,zinc,2017-0[23]-\d\d,approximate", proc.stdout)
    assert load_dataset(scratch).events.empty  # nothing written without --apply


def test_extract_refuses_empty_text(ds):
    with pytest.raises(IngestError, match="empty"):
        extract("   ", THU, "T", "", ds)


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "the report is empty"),
    ("binary.txt", b"PK\x03\x04\x00\x00binary", "NUL bytes"),
    ("latin1.txt", "Tanch\xf4n copper halted".encode("latin-1"), "not UTF-8"),
    ("huge.txt", b"x" * (5 * 1024 * 1024 + 1), "larger than the 5 MB limit"),
])
def test_uploaded_bytes_get_the_same_checks_as_a_file(name, content, message):
    with pytest.raises(IngestError, match=message) as err:
        decode_report(content, name)
    assert str(err.value).startswith(f"{name}: ")


def test_uploaded_bytes_are_decoded_with_or_without_a_bom():
    assert decode_report("\ufeffTanchŏn copper".encode()) == "Tanchŏn copper"


# --------------------------------------------------------------------------- review table


def _draft(**kw) -> Draft:
    base = {"event_id": "hyesan-copper-zinc-export-halt-2017-03-01", "event_type": "export_halt",
            "effect": "halted", "date": "2017-03-01", "date_precision": "approximate", "evidence": "e",
            "mines": ["hyesan"], "minerals": ["copper", "zinc"], "title": "t", "anonymous_source": True}
    return Draft(**{**base, **kw})


def _links(drafts):
    return sorted((r["event_id"], r["mine_id"], r["mineral_id"]) for d in drafts for r in d.link_rows())


def test_review_rows_round_trip_unchanged(ds):
    res = extract("Musan iron ore is still exported to China. Coal exports were banned on Feb. 18. "
                  "Copper and zinc from the Hyesan mine were halted on Feb. 20.", THU, "T", "", ds)
    rows = review_rows(res.drafts)
    assert len(rows) == sum(len(d.link_rows()) for d in res.drafts)
    by_id = {d.event_id: d for d in res.drafts}
    assert all(r["accept"] == (not by_id[r["event_id"]].known) and r["date"] == by_id[r["event_id"]].date for r in rows)
    for r in rows:
        r["accept"] = True  # the reviewer keeps every row, repeats included
    back, problems = drafts_from_review(res.drafts, rows)
    assert problems == []
    assert back == res.drafts


def test_review_rejecting_one_mineral_keeps_the_rest_under_a_new_id():
    d = _draft()
    rows = review_rows([d])
    rows[1]["accept"] = False  # zinc
    (back,), problems = drafts_from_review([d], rows)
    assert problems == [] and (back.mines, back.minerals) == (["hyesan"], ["copper"])
    assert back.event_id == "hyesan-copper-export-halt-2017-03-01"
    assert d.minerals == ["copper", "zinc"]  # the extracted draft is not changed


def test_review_rejecting_one_link_of_a_product_splits_the_draft_by_mine():
    d = _draft(mines=["hyesan", "daebong"])
    rows = review_rows([d])
    rejected = next(r for r in rows if (r["mine_id"], r["mineral_id"]) == ("hyesan", "zinc"))
    rejected["accept"] = False
    back, problems = drafts_from_review([d], rows)
    assert problems == []
    assert sorted((x.mines, x.minerals) for x in back) == [(["daebong"], ["copper", "zinc"]), (["hyesan"], ["copper"])]
    assert {(m, x) for b in back for m, x in [(r["mine_id"], r["mineral_id"]) for r in b.link_rows()]} == \
        {("hyesan", "copper"), ("daebong", "copper"), ("daebong", "zinc")}
    assert len({b.event_id for b in back}) == 2


def test_review_edits_reach_the_draft_and_a_new_date_is_the_reviewers():
    d = _draft()
    rows = review_rows([d])
    for r in rows:
        r.update(date=dt.date(2017, 2, 20), date_precision="day", confidence="corroborated",
                 anonymous_source=False, title="Hyesan copper and zinc halted")
    (back,), _ = drafts_from_review([d], rows)
    assert (back.date, back.date_precision, back.confidence, back.anonymous_source, back.title) == \
        ("2017-02-20", "day", "corroborated", False, "Hyesan copper and zinc halted")
    assert back.date_basis == "set by the reviewer" and back.event_id.endswith("2017-02-20")
    # Only the precision changed: same id, basis by the reviewer.
    rows = review_rows([d])
    for r in rows:
        r["date_precision"] = "month"
    (back,), _ = drafts_from_review([d], rows)
    assert back.event_id == d.event_id and back.date_basis == "set by the reviewer"


def test_review_rows_of_one_draft_that_disagree_become_two_events():
    d = _draft()
    rows = review_rows([d])
    rows[1]["event_type"], rows[1]["effect"] = "export_continued", "continued"
    back, _ = drafts_from_review([d], rows)
    assert [(b.event_type, b.minerals) for b in back] == [("export_halt", ["copper"]), ("export_continued", ["zinc"])]
    assert len({b.event_id for b in back}) == 2 and d.event_id not in {b.event_id for b in back}


def test_review_reads_table_values_from_pandas():
    pd = pytest.importorskip("pandas")
    d = _draft(end_date="")
    frame = pd.DataFrame(review_rows([d]))
    frame["date"] = pd.to_datetime(frame["date"])
    frame.loc[0, "mine_id"] = None  # a cleared selectbox: a mineral-only event
    back, problems = drafts_from_review([d], frame.to_dict(orient="records"))
    assert problems == []
    assert sorted((b.mines, b.minerals, b.date, b.end_date) for b in back) == \
        [([], ["copper"], "2017-03-01", ""), (["hyesan"], ["zinc"], "2017-03-01", "")]


def test_review_problems_missing_mineral_and_nothing_accepted():
    d = _draft()
    rows = review_rows([d])
    rows[0]["mineral_id"] = ""
    back, problems = drafts_from_review([d], rows)
    assert [(p.file, p.row, p.field) for p in problems] == [("review table", 1, "mineral_id")]
    for r in rows:
        r["accept"] = False
    back, problems = drafts_from_review([d], rows)
    assert back == [] and "no row is accepted" in problems[0].reason


def test_validation_problems_point_at_their_draft(data_copy, ds):
    good, bad = _draft(event_id="a-good-one"), _draft(event_id="a-bad-one", date_precision="weekly",
                                                      minerals=["copper", "unobtainium"])
    src = {"source_id": "t-1", "publisher": "T", "title": "T", "url": "", "published": "2017-03-02",
           "accessed": "2017-03-03", "language": "en", "notes": ""}
    problems = validate_drafts([good, bad], src, data_copy)
    located = {(p.file, p.field, problem_event(p, [good, bad], len(ds.events), len(ds.links))) for p in problems}
    assert located == {("events.csv", "date_precision", "a-bad-one"), ("event_links.csv", "mineral_id", "a-bad-one")}
