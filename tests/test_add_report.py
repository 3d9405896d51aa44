"""AppTest of the "Add report" page, as an analyst uses it: paste a report, extract, review the
drafts in the table (reject, fix), apply; then the new events are on the map and the timeline.

Every test works on a writable copy of the package (``data_copy`` through $NK_MINES_DATA) and
uses the real extract/validate/apply. The 2017 RFA seed report is read from ``../shared/seeds``
beside the repository; without it a short report written here stands in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.ingest.titles import when_of
from geo.package import validate_package
from geo.rules.load import load_dataset
from tests.conftest import ROOT, bumped_version, read_rows

NEXT = bumped_version()

APP = str(ROOT / "app.py")
PAGE = "views/add_report.py"
SEED = ROOT.parent / "shared" / "seeds" / "004_47fcaa0260fc4bca.txt"
PUBLISHER = "Radio Free Asia (Korean Service)"
URL = "https://www.rfa.org/english/news/korea/mineral-03022017144846.html"
PUBLISHED = dt.date(2017, 3, 2)
SHORT_REPORT = (
    "North Korea Halts Exports From Border Mines\n\n"
    "Musan iron ore is still exported to China, a source said Thursday on condition of anonymity.\n"
    "Exports of copper concentrate and zinc concentrate from the Hyesan mine were suspended on Feb. 20.\n"
    "The export of tungsten from Daebong mine has stopped, the source said.\n"
)


def report_text() -> str:
    return SEED.read_text(encoding="utf-8") if SEED.is_file() else SHORT_REPORT


@pytest.fixture
def data(data_copy, monkeypatch) -> Path:
    monkeypatch.setenv("NK_MINES_DATA", str(data_copy))
    return data_copy


def digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and p.name != ".ingest.lock"}


def open_add_report() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page(PAGE)
    return at.run()


def fill(at: AppTest, text: str | None = None, publisher=PUBLISHER, url=URL, published=PUBLISHED) -> AppTest:
    if text is not None:
        at.text_area(key="ar_text").set_value(text)
    at.text_input(key="ar_publisher").set_value(publisher)
    at.text_input(key="ar_url").set_value(url)
    at.date_input(key="ar_published").set_value(published)
    return at


def extract_drafts(at: AppTest) -> AppTest:
    return at.button(key="ar_extract").click().run()


def edit(at: AppTest, rows: dict[int, dict]) -> AppTest:
    """Edit cells of the review table as a user would (row position → {column: value})."""
    at.session_state["ar_editor"] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    return at.run()


def apply_drafts(at: AppTest) -> AppTest:
    return at.button(key="ar_apply").click().run()


def run_key(at: AppTest, key: str) -> str:
    """A widget key of the current extraction's forms (the page renames them at each extraction)."""
    return f"{key}-{at.session_state['ar_run']}"


def errors(at: AppTest) -> str:
    return " ".join(e.value for e in at.error)


def problems(at: AppTest):
    return at.dataframe[-1].value


def html(at: AppTest) -> str:
    return "\n".join(el.proto.body for el in at.get("html"))


# --------------------------------------------------------------------------- the whole flow


def test_paste_review_apply_then_see_the_events_on_map_and_timeline(data):
    before = load_dataset(data)
    at = extract_drafts(fill(open_add_report(), report_text()))
    assert not at.exception and not errors(at)

    table = at.data_editor(key="ar_editor").value
    assert {"musan", "hyesan"} <= set(table["mine_id"])
    assert {"iron_ore", "copper", "zinc"} <= set(table["mineral_id"])
    # This package already holds the seed report's events: drafts that repeat them start unticked,
    # and say what they repeat; so do drafts marked to check; the others start ticked.
    repeats = table["known"] != ""
    assert repeats.any() and (table["accept"] == (~repeats & (table["check"] == ""))).all()
    assert table.loc[repeats, "known"].str.contains("event |sanctions.csv ", regex=True).all()
    assert (table.loc[table["mine_id"] == "hyesan", "date_precision"] != "").all()
    shown_sources = [df.value for df in at.dataframe if "source_id" in df.value.columns]
    assert shown_sources and shown_sources[0].iloc[0]["source_id"] == "rfa-2017-03-02"  # reused by URL

    # Reject the Daebong row, and drafts repeating events the package already has from this
    # report (the seed report's curated coal events); the page would refuse those.
    known = {(e["source_id"], e["evidence"], e["event_type"]) for e in read_rows(data / "events.csv")}
    reject = {i for i, r in table.iterrows()
              if r["mine_id"] == "daebong" or ("rfa-2017-03-02", r["evidence"], r["event_type"]) in known}
    assert any(table.loc[i, "mine_id"] == "daebong" for i in reject)
    assert len(reject) < len(table)
    at = edit(at, {i: {"accept": i not in reject} for i in table.index})  # the other repeats ticked: added anyway
    assert at.button(key="ar_apply").label == f"Apply {len(table) - len(reject)} accepted row(s)"

    at = apply_drafts(at)
    assert not at.exception and not errors(at)
    success = " ".join(s.value for s in at.success)
    assert f"version {NEXT}" in success

    # On disk: a valid package, a bumped version, the accepted events and not the rejected one.
    assert validate_package(data).problems == []
    after = load_dataset(data)
    assert after.version == NEXT
    kept = table.drop(index=list(reject))
    expected = set(kept["event_id"])
    new_ids = set(after.events["event_id"]) - set(before.events["event_id"])
    assert new_ids == expected
    assert not any("daebong" in i for i in new_ids)
    new_links = after.links[after.links["event_id"].isin(new_ids)]
    assert len(new_links) == len(kept)
    assert set(zip(new_links["mine_id"], new_links["mineral_id"], strict=True)) == \
        set(zip(kept["mine_id"], kept["mineral_id"], strict=True))
    listed = set(at.dataframe[0].value["New event id"])
    assert listed == expected
    assert [at.button(key=k).label for k in ("ar_see_map", "ar_see_timeline")] == \
        ["See them on the map", "See them on the timeline"]  # filtered to them: tests/test_add_report_ux.py

    # The other pages show them on their next run (the cache follows the files).
    hyesan = next(i for i in expected if i.startswith("hyesan-"))
    at.switch_page("views/timeline.py").run()
    assert not at.exception
    assert f'data-event-id="{hyesan}"' in html(at)
    mp = AppTest.from_file(APP, default_timeout=60)
    mp.query_params["mine"] = "hyesan"
    mp.run()
    assert not mp.exception
    title = after.events.set_index("event_id").loc[hyesan, "title"]
    assert title.replace("&", "&amp;") in html(mp)
    assert f"v{NEXT}" in mp.caption[-1].value


def test_a_draft_less_likely_right_starts_unticked_and_says_why(data):
    text = ("Mining notes\n\nIn February 2017, trade was reported.\n\nA Chinese company offered to invest in "
            "molybdenum and rare earth mining in exchange for rights, a source said.\n\n"
            "The Hyesan mine sold 2,000 tons of copper to China on March 5, 2017.\n")
    at = extract_drafts(fill(open_add_report(), text, url="", published=dt.date(2017, 3, 10)))
    assert not at.exception and not errors(at)
    table = at.data_editor(key="ar_editor").value.set_index("mineral_id")
    assert table.loc["copper", "accept"] and table.loc["copper", "check"] == ""
    unsure = table.loc[["molybdenum", "rare_earths"]]
    assert (~unsure["accept"]).all() and unsure["check"].str.contains("no mine named").all()
    assert any("less likely right" in i.value for i in at.info)
    assert at.button(key="ar_apply").label == "Apply 1 accepted row(s)"


def test_upload_a_txt_file(data):
    at = fill(open_add_report())
    at.file_uploader(key="ar_upload").set_value(("report.txt", SHORT_REPORT.encode("utf-8"), "text/plain"))
    at = extract_drafts(at.run())
    assert not at.exception and not errors(at)
    table = at.data_editor(key="ar_editor").value
    assert {"musan", "hyesan", "daebong"} <= set(table["mine_id"])


# --------------------------------------------------------------------------- refused input


@pytest.mark.parametrize("name, content, message", [
    ("empty.txt", b"", "the report is empty"),
    ("binary.txt", b"PK\x03\x04\x00\x00binary", "NUL bytes"),
    ("latin1.txt", "Tanch\xf4n copper halted".encode("latin-1"), "not UTF-8"),
    ("huge.txt", b"Musan iron ore is still exported. " * 160_000, "larger than the 5 MB limit"),
])
def test_a_bad_upload_is_refused_and_nothing_written(data, name, content, message):
    before = digest(data)
    at = fill(open_add_report())
    at.file_uploader(key="ar_upload").set_value((name, content, "text/plain"))
    at = extract_drafts(at.run())
    assert not at.exception
    assert message in errors(at)
    assert not at.data_editor
    assert digest(data) == before


@pytest.mark.parametrize("change, message", [
    ({"text": "   \n "}, "the report is empty"),
    ({"published": None}, "enter the publication date"),
    ({"publisher": " "}, "the publisher is required"),
    ({"url": "ftp://example.org/x"}, "must start with http"),
])
def test_missing_or_bad_details_are_refused(data, change, message):
    before = digest(data)
    args = {"text": SHORT_REPORT, "publisher": PUBLISHER, "url": URL, "published": PUBLISHED, **change}
    at = extract_drafts(fill(open_add_report(), **args))
    assert not at.exception
    assert message in errors(at)
    assert not at.data_editor
    assert digest(data) == before


def test_an_empty_url_is_allowed_and_said(data):
    at = extract_drafts(fill(open_add_report(), SHORT_REPORT, publisher="Daily NK", url=""))
    assert not at.exception and not errors(at)
    assert any("recorded without one" in c.value for c in at.caption)
    src = next(df.value for df in at.dataframe if "source_id" in df.value.columns).iloc[0]
    assert src["url"] == "" and src["publisher"] == "Daily NK"


# --------------------------------------------------------------------------- problems shown, not crashes


def test_an_invalid_edit_is_shown_with_its_event_and_nothing_written(data):
    at = extract_drafts(fill(open_add_report(), SHORT_REPORT))
    table = at.data_editor(key="ar_editor").value
    row = int(table.index[table["mine_id"] == "musan"][0])
    before = digest(data)
    at = apply_drafts(edit(at, {row: {"date_precision": "weekly", "accept": True}}))
    assert not at.exception
    assert "Nothing written: 1 problem(s)" in errors(at)
    p = problems(at).iloc[0]
    assert (p["File"], p["Field"], p["Event"]) == ("events.csv", "date_precision", table.loc[row, "event_id"])
    assert "'weekly' is not one of" in p["Problem"]
    assert digest(data) == before


def test_a_row_without_a_mineral_and_no_accepted_row_are_problems(data):
    at = extract_drafts(fill(open_add_report(), SHORT_REPORT))
    before = digest(data)
    at = apply_drafts(edit(at, {0: {"mineral_id": None, "accept": True}}))
    assert not at.exception
    p = problems(at).iloc[0]
    assert (p["File"], p["Row"], p["Field"]) == ("review table", 1, "mineral_id")
    n = len(at.data_editor(key="ar_editor").value)
    at = edit(at, {i: {"accept": False} for i in range(n)})
    # nothing ticked: Apply cannot be pressed, and the page says why (found on a new user's trial)
    assert at.button(key="ar_apply").disabled and at.button(key="ar_apply").label == "Nothing ticked to apply"
    assert any("Tick at least one row" in c.value for c in at.caption)
    assert any("no row is ticked" in t.value for t in at.text)
    assert digest(data) == before


def _tick_all(at: AppTest) -> AppTest:
    """Tick every row, repeats of the record included (this package already holds the report's events)."""
    n = len(at.data_editor(key="ar_editor").value)
    return edit(at, {i: {"accept": True} for i in range(n)})


def test_applying_twice_is_refused_on_the_page(data):
    at = apply_drafts(_tick_all(extract_drafts(fill(open_add_report(), SHORT_REPORT))))
    assert f"version {NEXT}" in " ".join(s.value for s in at.success)
    # the ninth trial: the Apply button stayed enabled after an apply; it rests until the apply is undone, and says so
    # (the fiftieth trial read "Apply 3 accepted row(s)" on the resting button)
    assert at.button(key="ar_apply").disabled and at.button(key="ar_apply").label.startswith("Applied: undo it")
    # (the library refuses a second apply of the same drafts too: tests/test_ingest.py)
    assert load_dataset(data).version == NEXT
    at = at.button(key="ar_revert").click().run()
    assert not at.button(key="ar_apply").disabled  # undone: the drafts can be applied again


def test_ticked_rows_that_repeat_the_record_are_said_above_the_apply_button(data):
    # the twenty-ninth trial applied a ticked repeat: nothing in "What applying will change" said so
    at = extract_drafts(fill(open_add_report(), SHORT_REPORT))
    assert not [w for w in at.warning if "already holds" in w.value]
    at = _tick_all(at)
    (warning,) = [w.value for w in at.warning if "already holds" in w.value]
    known = [r["known"] for r in at.data_editor(key="ar_editor").value.to_dict(orient="records") if r["known"]]
    assert known and all(k in warning.replace("\\", "") for k in known)  # (Markdown-escaped on the page)


def test_changed_inputs_after_extracting_block_apply(data):
    at = extract_drafts(fill(open_add_report(), SHORT_REPORT))
    at.date_input(key="ar_published").set_value(dt.date(2018, 3, 2)).run()
    assert any("changed since these drafts were extracted" in w.value for w in at.warning)
    assert at.button(key="ar_apply").disabled and at.button(key="ar_apply").label == "Extract again: the report changed"


def test_unknown_mines_are_listed_not_dropped(data):
    text = "Zinc exports from the Komdok mine were halted last week, a source said."
    at = extract_drafts(fill(open_add_report(), text, publisher="Daily NK", url=""))
    assert any("look like mines but are not in the data" in c.value for c in at.caption)
    assert [e.label for e in at.expander if "mine" in e.label.lower()] == ["Komdok mine"]
    assert at.text_input(key=run_key(at, "ar_mine_name_0")).value == "Komdok mine"  # the form to add it
    table = at.data_editor(key="ar_editor").value
    assert list(table["mine_id"]) == [""] and list(table["mineral_id"]) == ["zinc"]


def test_report_text_never_becomes_html(data):
    text = ("Zinc concentrate from Hyesan was smuggled <img src=x onerror=alert(1)> on Jan. 14, a source said.\n"
            "Copper exports from the <b>Evil</b> mine were halted on Jan. 15.")
    at = extract_drafts(fill(open_add_report(), text, publisher="<script>x</script>", url=""))
    assert not at.exception
    rendered = html(at) + " ".join(m.value for m in [*at.markdown, *at.caption, *at.warning, *at.info])
    assert "<img" not in rendered and "<script" not in rendered and "<b>" not in rendered
    at = apply_drafts(at)
    assert f"version {NEXT}" in " ".join(s.value for s in at.success)
    at.switch_page("views/timeline.py").run()  # the publisher is in the events table's source column
    assert "<script>x" not in html(at) and "&lt;script&gt;x&lt;/script&gt;" in html(at)
    mp = AppTest.from_file(APP, default_timeout=60)
    mp.query_params["mine"] = "hyesan"
    mp.run()  # the evidence (a short quoted phrase of the sentence) is quoted in the mine's detail panel
    assert "<img" not in html(mp) and "was smuggled &lt;img src=x" in html(mp)


# --------------------------------------------------------------------------- a new user's trial (its findings)

OTHER = ("Coal figures\n\nNorth Korea exported about 1.44 million tons of coal to China in January, worth $126 "
         "million, customs data showed.\n")


def test_a_second_report_shows_its_own_source_in_the_source_form(data):
    # The blocker of the trial: the form kept the first report's publisher and URL, and saving it
    # silently attributed the second report's events to the first report.
    at = extract_drafts(fill(open_add_report(), SHORT_REPORT))
    assert at.text_input(key=run_key(at, "ar_src_publisher")).value == PUBLISHER
    at = extract_drafts(fill(at, OTHER, publisher="Yonhap News Agency", url="", published=dt.date(2017, 3, 4)))
    assert not at.exception and not errors(at)
    assert at.text_input(key=run_key(at, "ar_src_publisher")).value == "Yonhap News Agency"
    assert at.text_input(key=run_key(at, "ar_src_url")).value == ""
    assert at.text_input(key=run_key(at, "ar_src_published")).value == "2017-03-04"
    at = at.button(key="FormSubmitter:ar_source_form-Save the source row").click().run()  # saved unchanged
    src = next(df.value for df in at.dataframe if "source_id" in df.value.columns).iloc[0]
    assert (src["publisher"], src["url"], src["published"]) == ("Yonhap News Agency", "", "2017-03-04")


def test_after_undo_the_page_no_longer_shows_the_apply(data):
    at = apply_drafts(_tick_all(extract_drafts(fill(open_add_report(), SHORT_REPORT))))
    assert at.button(key="ar_revert")
    at = at.button(key="ar_revert").click().run()
    assert not at.exception and not errors(at)
    assert any("Reverted version" in s.value and "can be applied again" in s.value for s in at.success)
    assert not [b for b in at.button if b.key == "ar_revert"]  # no stale Undo button
    assert not any("have been applied" in c.value for c in at.caption)
    assert not at.button(key="ar_apply").disabled


def test_a_retyped_row_is_written_with_its_new_types_effect_and_title(data):
    at = extract_drafts(fill(open_add_report(), SHORT_REPORT))
    table = at.data_editor(key="ar_editor").value
    row = int(table.index[table["mine_id"] == "musan"][0])
    assert table.loc[row, "event_type"] != "smuggling"
    at = edit(at, {i: {"accept": i == row} for i in table.index} | {row: {"accept": True, "event_type": "smuggling"}})
    at = apply_drafts(at)
    assert not at.exception and not errors(at)
    new = [e for e in read_rows(data / "events.csv") if e["event_type"] == "smuggling" and "Musan" in e["title"]]
    assert len(new) == 1 and new[0]["title"].endswith(f": smuggled ({when_of(new[0]['date'], new[0]['date_precision'])})")
    (link,) = [lk for lk in read_rows(data / "event_links.csv") if lk["event_id"] == new[0]["event_id"]]
    assert link["effect"] == "smuggled"  # the effect follows the new type, not "continued"


def test_amounts_are_shown_and_can_be_corrected(tmp_path, monkeypatch):
    import shutil

    data = tmp_path / "data"  # the record itself (the frozen fixture predates the amount_qualifier column)
    shutil.copytree(ROOT / "data", data)
    monkeypatch.setenv("NK_MINES_DATA", str(data))
    at = extract_drafts(fill(open_add_report(), OTHER, url="", published=dt.date(2017, 3, 4)))
    table = at.data_editor(key="ar_editor").value
    (row,) = table.index[table["event_type"] == "trade_figure"]
    assert (table.loc[row, "quantity"], table.loc[row, "unit"], table.loc[row, "value_usd"]) == (1.44, "million tons", 126_000_000)
    at = edit(at, {i: {"accept": i == row} for i in table.index} | {row: {"accept": True, "amount_qualifier": "at_least"}})
    at = apply_drafts(at)
    assert not at.exception and not errors(at)
    (e,) = [e for e in read_rows(data / "events.csv") if e["event_id"] == table.loc[row, "event_id"]]
    assert (e["amount_qualifier"], float(e["value_usd"])) == ("at_least", 126_000_000)


def test_every_missing_input_is_said_at_once(data):
    at = extract_drafts(fill(open_add_report(), "", publisher=" ", published=None))
    said = errors(at)
    assert "publication date" in said and "publisher is required" in said and "empty" in said
    assert not at.status or all(s.proto.state != "running" for s in at.get("expandable"))


def test_the_inputs_are_kept_while_another_page_is_visited(data):
    # found on a new user's trial: back from the timeline, the form was empty and the drafts "stale"
    at = extract_drafts(fill(open_add_report(), SHORT_REPORT))
    at.switch_page("views/timeline.py").run()
    at.switch_page(PAGE).run()
    assert not at.exception
    assert at.text_area(key="ar_text").value == SHORT_REPORT
    assert at.text_input(key="ar_publisher").value == PUBLISHER
    assert not any("changed since these drafts" in w.value for w in at.warning)


def test_the_uploader_states_the_reports_size_limit():
    import tomllib

    from geo.ingest.text import MAX_REPORT_BYTES

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["maxUploadSize"] * 1024 * 1024 == MAX_REPORT_BYTES


def test_an_earlier_apply_can_be_undone_from_a_new_session(data):
    # The third trial: after a reload (or Back) the page no longer offered Undo for what had been applied.
    at = apply_drafts(_tick_all(extract_drafts(fill(open_add_report(), SHORT_REPORT))))
    version = at.session_state["ar_applied"].version
    ids = set(at.session_state["ar_applied"].event_ids)
    fresh = open_add_report()  # a new browser session: nothing of the first one is remembered
    assert not fresh.exception
    assert any(t.value.startswith(f"version {version} ·") for t in fresh.text)
    fresh = fresh.button(key=f"ar_undo_{version}").click().run()
    assert not fresh.exception and not errors(fresh)
    assert any(f"Reverted version {version}" in s.value for s in fresh.success)
    assert not ids & {e["event_id"] for e in read_rows(data / "events.csv")}
    assert not [b for b in fresh.button if b.key == f"ar_undo_{version}"]  # nothing left to undo


def test_right_after_an_apply_the_page_says_what_was_applied_not_a_refusal(data):
    # the third trial: right after its own apply the page read "already in the package … (was this report
    # applied before?)"
    at = apply_drafts(_tick_all(extract_drafts(fill(open_add_report(), SHORT_REPORT))))
    version = at.session_state["ar_applied"].version
    texts = " ".join(t.value for t in at.text)
    assert f"these drafts were applied as version {version}" in texts and "applied before?" not in texts
    assert any(f"the apply above ({version})" in c.value for c in at.caption)
    assert not any("already in sources.csv and" in i.value for i in at.info)


def test_a_bad_upload_beside_pasted_text_says_how_to_use_the_text(data):
    # the fourth trial: a binary file left attached made Extract fail on it though a report was pasted
    at = fill(open_add_report(), SHORT_REPORT)
    at.file_uploader(key="ar_upload").set_value(("binary.txt", b"PK\x03\x04\x00\x00binary", "text/plain"))
    at = extract_drafts(at.run())
    assert "NUL bytes" in errors(at) and "remove it to use the text" in errors(at)


def test_an_uploaded_report_is_kept_while_another_page_is_visited(data):
    # the forty-seventh trial: back from the map, the uploader was empty, the drafts were said to be stale and Apply
    # was disabled
    at = fill(open_add_report())
    at.file_uploader(key="ar_upload").set_value(("report.txt", SHORT_REPORT.encode("utf-8"), "text/plain"))
    at = extract_drafts(at.run())
    at.switch_page("views/timeline.py").run()
    at.switch_page("views/add_report.py").run()
    assert not at.exception
    at.file_uploader(key="ar_upload").set_value(None).run()  # as Streamlit draws the uploader again: empty
    assert any("Using the file uploaded before: report.txt" in i.value for i in at.info)
    assert not any("changed since" in w.value for w in at.warning)
    table = at.data_editor(key="ar_editor").value
    row = int(table.index[table["mine_id"] == "musan"][0])
    at = apply_drafts(edit(at, {i: {"accept": i == row} for i in table.index}))
    assert not at.exception and not errors(at) and at.dataframe[0].value["New event id"].size
    at = at.button(key="ar_forget_upload").click().run()
    assert not any("uploaded before" in i.value for i in at.info)


def test_a_file_removed_from_the_uploader_is_not_used_again(data):
    # the seventy-sixth trial removed its file with the uploader's × and the page went on using it (the pasted text was
    # refused until it found "Forget the uploaded file")
    at = fill(open_add_report())
    at.file_uploader(key="ar_upload").set_value(("report.txt", SHORT_REPORT.encode("utf-8"), "text/plain"))
    at = at.run()
    at.file_uploader(key="ar_upload").set_value(None).run()  # the ×, on this page
    assert not at.exception
    assert not any("uploaded before" in i.value for i in at.info)
    at = at.run()  # and it stays forgotten on the reruns after
    assert not any("uploaded before" in i.value for i in at.info)


def test_a_report_with_no_draft_shows_its_sentences_and_no_empty_table(data_copy, monkeypatch):
    # the fifty-second trial: the empty drafts table's headers stood under the "No event was drafted" warning
    monkeypatch.setenv("NK_MINES_DATA", str(data_copy))
    at = extract_drafts(fill(open_add_report(), "Officials toured the Musan mine on Monday and praised its iron ore."))
    assert not at.exception and not at.error
    assert any(w.value.startswith("No event was drafted from this report") for w in at.warning)
    assert not [e for e in at.data_editor if e.key == "ar_editor"]  # no drafts: no drafts table
    leads = at.data_editor(key="ar_leads").value
    assert list(leads["mine_id"]) == ["musan"] and not leads["accept"].any()
    assert at.button(key="ar_apply").disabled
