"""A report that tells an event the record already holds is added to that event as a further source (and an
independent one makes a 'reported' event 'corroborated'), in the library and the command line; undone by the revert."""

from __future__ import annotations

import hashlib
import json
import re
import shutil

import pytest

from geo.ingest import (
    Corroboration,
    IngestError,
    apply,
    chosen_corroborations,
    extract,
    offered_corroborations,
    preview,
)
from geo.ingest.corroborate import plan, undo
from geo.ingest.history import revert
from geo.rules.load import load_dataset
from tests.conftest import RECORD, read_rows
from tests.test_ingest_review import _cli  # the command line, as that module runs it

EVENT = "sky-angel-rich-glory-coal-2017-10"  # 'reported', one source, no corroborating source in the record
TEXT = ("UN report says two ships carried North Korean coal to South Korea\n\n"
        "Two ships, the Rich Glory and the Sky Angel, smuggled North Korean coal to South Korean ports in October, "
        "according to a UN panel report seen by reporters.")
PUB = "2018-08-10"


@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of the curated record (the frozen test package predates the event used here)."""
    dest = tmp_path / "data"
    shutil.copytree(RECORD, dest, ignore=shutil.ignore_patterns(".cache", ".ingest*"))
    return dest


def _event(data, event_id=EVENT):
    return next(r for r in read_rows(data / "events.csv") if r["event_id"] == event_id)


def _digest(folder, name):
    return hashlib.sha256((folder / name).read_bytes()).hexdigest()


def test_the_review_offers_the_record_event_a_report_repeats(data_copy):
    ds = load_dataset(data_copy)
    result = extract(TEXT, PUB, "Example Wire", "https://example.org/ships", ds)
    rows = offered_corroborations(result.drafts, ds)
    assert [r["event_id"] for r in rows] == [EVENT]
    assert rows[0]["confidence"] == "reported" and rows[0]["corroborate"] is False  # the reviewer ticks it
    assert "Sky Angel" in rows[0]["title"] and "Sky Angel" in rows[0]["evidence"]
    assert chosen_corroborations(rows) == []
    rows[0]["corroborate"] = rows[0]["independent"] = True
    assert chosen_corroborations(rows) == [Corroboration(EVENT, True)]


def test_an_independent_report_corroborates_and_the_revert_puts_everything_back(data_copy):
    ds = load_dataset(data_copy)
    result = extract(TEXT, PUB, "Example Wire", "https://example.org/ships", ds)
    before = {n: _digest(data_copy, n) for n in ("events.csv", "event_links.csv", "sources.csv")}
    lines_before = (data_copy / "events.csv").read_text(encoding="utf-8").splitlines()

    summary = preview([], result.source_row, data_copy, corroborations=[Corroboration(EVENT, True)])
    assert summary["problems"] == [] and summary["event_ids"] == []
    done = apply([], result.source_row, data_copy, who="test", corroborations=[Corroboration(EVENT, True)])
    sid = done.source_id
    row = _event(data_copy)
    assert row["corroborating_source_ids"] == sid and row["confidence"] == "corroborated"
    assert row["source_id"] == "nknews-2018-08-kcs"  # the event's own source is kept
    assert any(s["source_id"] == sid for s in read_rows(data_copy / "sources.csv"))
    lines_after = (data_copy / "events.csv").read_text(encoding="utf-8").splitlines()
    changed = [a for a, b in zip(lines_before, lines_after, strict=True) if a != b]
    assert len(changed) == 1 and changed[0].startswith(EVENT)  # every other line byte for byte
    assert _digest(data_copy, "event_links.csv") == before["event_links.csv"]
    log = [json.loads(x) for x in (data_copy / ".ingest-log.jsonl").read_text(encoding="utf-8").splitlines()]
    assert log[-1]["corroborated"][0]["before"]["confidence"] == "reported"
    assert "gain this report as a corroborating source" in (data_copy / "CHANGELOG.md").read_text(encoding="utf-8")

    undone = revert(done.version, data_copy, who="test")
    assert undone["restored"] == [EVENT]
    assert {n: _digest(data_copy, n) for n in before} == before  # the event, and the source row the apply added


def test_a_relay_adds_the_source_but_keeps_the_confidence(data_copy):
    ds = load_dataset(data_copy)
    result = extract(TEXT, PUB, "Example Wire", "https://example.org/ships", ds)
    apply([], result.source_row, data_copy, who="test", corroborations=[Corroboration(EVENT, False)])
    row = _event(data_copy)
    assert row["corroborating_source_ids"] == result.source_row["source_id"] and row["confidence"] == "reported"


def test_new_drafts_and_a_corroboration_in_one_apply(data_copy):
    ds = load_dataset(data_copy)
    text = TEXT + "\n\nThe report also said North Korea kept exporting iron ore to China in July."
    result = extract(text, PUB, "Example Wire", "https://example.org/ships", ds)
    new = [d for d in result.drafts if not d.known]
    assert new
    done = apply(new, result.source_row, data_copy, who="test", corroborations=[Corroboration(EVENT, True)])
    assert done.event_ids and [c["event_id"] for c in done.corroborated] == [EVENT]
    revert(done.version, data_copy, who="test")
    assert _event(data_copy)["confidence"] == "reported"
    assert not set(done.event_ids) & {r["event_id"] for r in read_rows(data_copy / "events.csv")}


@pytest.mark.parametrize(("event_id", "message"), [("no-such-event", "not in the record"),
                                                    (EVENT, "already lists this report")])
def test_a_bad_corroboration_is_refused_and_writes_nothing(data_copy, event_id, message):
    ds = load_dataset(data_copy)
    src = extract(TEXT, PUB, "Example Wire", "https://example.org/ships", ds).source_row
    if message.startswith("already"):
        apply([], src, data_copy, who="test", corroborations=[Corroboration(EVENT)])
    before = _digest(data_copy, "events.csv")
    with pytest.raises(IngestError, match=message):
        apply([], src, data_copy, who="test", corroborations=[Corroboration(event_id)])
    assert _digest(data_copy, "events.csv") == before


def test_an_event_cannot_corroborate_itself():
    text = "event_id,source_id,corroborating_source_ids,confidence\nx,s1,,reported\n"
    with pytest.raises(IngestError, match="already cites this report"):
        plan(text, "s1", [Corroboration("x", True)])


def test_undo_leaves_an_event_changed_since():
    text = "event_id,source_id,corroborating_source_ids,confidence\nx,s1,,reported\n"
    new, changes = plan(text, "s2", [Corroboration("x", True)])
    assert new.endswith("x,s1,s2,corroborated\n")
    edited = new.replace("corroborated", "official")  # a curator changed it after the apply
    assert undo(edited, changes) == (edited, [])
    assert undo(new, changes) == (text, ["x"])


def test_cli_corroborate_dry_run_apply_and_revert(data_copy, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(TEXT, encoding="utf-8")
    base = ["ingest", report, "--published", PUB, "--publisher", "Example Wire", "--url", "https://example.org/ships",
            "--data", data_copy]
    listed = _cli(*base)
    assert listed.returncode == 0 and f"event {EVENT}" in listed.stderr and "--corroborate EVENT_ID" in listed.stderr
    before = _digest(data_copy, "events.csv")
    dry = _cli(*base, "--corroborate", EVENT, "--independent", "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert f"gain this report as a corroborating source: {EVENT} (confidence reported → corroborated" in dry.stdout
    assert _digest(data_copy, "events.csv") == before
    done = _cli(*base, "--corroborate", EVENT, "--independent", "--apply")
    assert done.returncode == 0, done.stderr
    assert _event(data_copy)["confidence"] == "corroborated"
    version = json.loads((data_copy / "datapackage.json").read_text(encoding="utf-8"))["version"]
    back = _cli("ingest", "--revert", version, "--data", data_copy)
    assert back.returncode == 0, back.stderr
    assert _digest(data_copy, "events.csv") == before


def test_page_add_the_report_as_a_source_of_a_record_event_apply_and_undo(data_copy, monkeypatch):
    import datetime as dt

    from tests.test_add_report import extract_drafts, fill, html, open_add_report

    monkeypatch.setenv("NK_MINES_DATA", str(data_copy))
    at = extract_drafts(fill(open_add_report(), TEXT, publisher="Example Wire", url="https://example.org/ships",
                             published=dt.date.fromisoformat(PUB)))
    assert not at.exception and not at.error
    assert not at.data_editor(key="ar_editor").value["accept"].any()  # the repeat starts unticked
    backs = at.data_editor(key="ar_backs").value
    assert list(backs["event_id"]) == [EVENT] and not backs["corroborate"].any()
    assert at.button(key="ar_apply").disabled
    at.session_state["ar_backs"] = {"edited_rows": {0: {"corroborate": True, "independent": True}},
                                    "added_rows": [], "deleted_rows": []}
    at = at.run()
    summary = " ".join(t.value for t in at.text)
    assert f"gain this report as a corroborating source: {EVENT} (confidence reported → corroborated" in summary
    assert "0 new event(s)" in summary and "0 new event(s):" not in summary  # (no colon before an empty list: trials 53, 54)
    button = at.button(key="ar_apply")
    assert not button.disabled and button.label == "Apply: add the report as a source of 1 record event(s)"  # (the 64th trial read "Apply 0 accepted row(s) and …")
    at = button.click().run()
    assert not at.exception and not at.error
    assert _event(data_copy)["confidence"] == "corroborated"
    assert any("corroborating source" in c.value for c in at.caption)
    # the apply's first line says what it did, not only "0 event(s)" (the fifty-seventh trial)
    assert any(s.value.startswith("Applied: 0 event(s) and 0 link(s) added, and the report added as a source of 1 "
                                  "record event(s)") for s in at.success)
    # the timeline shows the event the report now supports, marked so (the fiftieth and fifty-fourth trials)
    at = at.button(key="ar_see_timeline").click().run()
    assert not at.exception and at.title[0].value == "Timeline"
    # and says what it was narrowed to in words (the fifty-seventh and fifty-eighth trials: "the 1 this report …")
    assert any("the 1 record event(s) this report now supports" in x.value for x in (*at.info, *at.caption, *at.markdown))
    table = html(at)
    row = re.search(rf'<tr data-event-id="{EVENT}">(.*?)</tr>', table, re.S)
    assert row and ">new source</span>" in row.group(1) and "also: " in row.group(1)
    at = at.switch_page("views/add_report.py").run()
    at = at.button(key="ar_revert").click().run()
    assert any("confidence of 1 record event(s) put back" in s.value for s in at.success)
    assert _event(data_copy)["confidence"] == "reported" and _event(data_copy)["corroborating_source_ids"] == ""


def test_page_the_offer_follows_the_rows_as_edited(data_copy, monkeypatch):
    # the forty-fourth trial: a row retyped so that it no longer repeats the event still offered that event
    import datetime as dt

    from tests.test_add_report import edit, extract_drafts, fill, open_add_report

    monkeypatch.setenv("NK_MINES_DATA", str(data_copy))
    at = extract_drafts(fill(open_add_report(), TEXT, publisher="Example Wire", url="https://example.org/ships",
                             published=dt.date.fromisoformat(PUB)))
    assert list(at.data_editor(key="ar_backs").value["event_id"]) == [EVENT]
    assert any(f"Drafted as published on {PUB}" in c.value for c in at.caption)  # the date the drafts were read against
    at = edit(at, {0: {"event_type": "export_continued"}})
    assert not at.exception
    assert not [e for e in at.data_editor if e.key == "ar_backs"]  # nothing of the record repeated now
    at = edit(at, {0: {"event_type": "smuggling"}})
    assert list(at.data_editor(key="ar_backs").value["event_id"]) == [EVENT]
