"""The review before an apply: the source row edited, unknown mines added as new mines (no invented
point), and what an apply will change shown first — in the library, the command line and the page."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.ingest import (
    IngestError,
    NewMine,
    apply,
    edit_source,
    extract,
    link_new_mines,
    prepare_new_mines,
    preview,
)
from geo.ingest.gazetteer import Gazetteer
from geo.ingest.history import revert
from geo.ingest.text import guess_language
from geo.package import DataError, validate_package
from geo.rules.load import load_dataset
from tests.conftest import ROOT, read_rows
from tests.test_add_report import apply_drafts, edit, extract_drafts, fill, open_add_report, run_key

REPORT = ("New Copper Mine Starts Exports in Ryanggang Province\n\n"
          "Copper concentrate from the Chongam mine was smuggled to China on March 3, a source in the province said.\n"
          "Zinc exports from the Hyesan mine were halted on March 5.\n")
PUB = dt.date(2018, 3, 20)


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and p.name not in (".ingest.lock", ".ingest-log.jsonl")}


@pytest.fixture
def data(data_copy, monkeypatch) -> Path:
    """A writable package that allows a mine without a point (``x-null-geometry`` and the precision
    ``unknown``), as data/ does."""
    desc_path = data_copy / "datapackage.json"
    desc = json.loads(desc_path.read_text(encoding="utf-8"))
    for res in desc["resources"]:
        if res["name"] == "mines":
            res["x-null-geometry"] = {"field": "location_precision", "value": "unknown"}
    desc_path.write_text(json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    with open(data_copy / "vocabulary.csv", "a", encoding="utf-8") as fh:  # as in data/vocabulary.csv
        fh.write("location_precision,unknown,not located,,,6,No source locates it; not drawn on the map.\n")
    monkeypatch.setenv("NK_MINES_DATA", str(data_copy))
    return data_copy


def _mines(data: Path) -> dict[str, dict]:
    doc = json.loads((data / "mines.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["mine_id"]: f for f in doc["features"]}


# --------------------------------------------------------------------------- the source row


def test_source_row_edits_are_checked_and_the_id_follows_the_publisher(ds):
    row = extract(REPORT, PUB, "Daily NK", "", ds).source_row
    assert row["source_id"] == "dailynk-2018-03-20" and row["language"] == "en"
    hangul = edit_source(ds, row, publisher="데일리NK 북한", language="ko", url="https://example.org/a")
    assert hangul["publisher"] == "데일리NK 북한" and hangul["language"] == "ko"
    assert hangul["source_id"] == "deilrink-bukhan-2018-03-20" and hangul["url"] == "https://example.org/a"
    redated = edit_source(ds, row, published="2018-03-19")
    assert redated["source_id"] == "dailynk-2018-03-19" and redated["published"] == "2018-03-19"
    for change, message in [({"url": "ftp://x"}, "http"), ({"language": "korean"}, "two-letter"),
                            ({"published": "March 2018"}, "YYYY-MM-DD"), ({"publisher": " "}, "publisher"),
                            ({"source_id": "x"}, "cannot be edited")]:
        with pytest.raises(IngestError, match=message):
            edit_source(ds, row, **change)


def test_an_edited_url_of_a_known_report_reuses_its_row(ds):
    known = ds.sources.iloc[0]
    row = extract(REPORT, PUB, "Someone", "", ds).source_row
    reused = edit_source(ds, row, url=known["url"])
    assert reused["source_id"] == known["source_id"]


def test_language_is_guessed_from_the_script():
    assert guess_language("북한 무산광산의 철광석 수출이 중단됐다고 소식통이 전했다.") == "ko"
    assert guess_language("朝鲜向中国出口的铁矿石暂停") == "zh"
    assert guess_language(REPORT) == "en"


# --------------------------------------------------------------------------- new mines


def test_a_new_mine_needs_a_package_that_allows_no_point(data_copy):
    before = _digest(data_copy)
    with pytest.raises(IngestError, match="x-null-geometry"):
        prepare_new_mines([NewMine("Chongam mine")], data_copy)
    assert _digest(data_copy) == before


def test_new_mine_checks(data):
    [m] = prepare_new_mines([NewMine("Chongam Copper Mine", "Yanggang", "Hyesan", ["Cheongam"],
                                     precision="county", candidate="Chongam mine")], data)
    assert m.mine_id == "chongam" and m.province == "Ryanggang"  # an alias resolved to provinces.csv
    assert m.aliases == ["Chongam mine", "Cheongam"]
    for mine, message in [(NewMine(" "), "name"), (NewMine("Musan mine"), "already a mine"),
                          (NewMine("X mine", "Atlantis"), "not in provinces.csv"),
                          (NewMine("X mine", precision="county"), "needs the county"),
                          (NewMine("X mine", precision="province"), "needs the province"),
                          (NewMine("X mine", precision="site"), "precision")]:
        with pytest.raises(IngestError, match=message):
            prepare_new_mines([mine], data)


def test_add_a_new_mine_with_the_events_then_revert(data):
    ds = load_dataset(data)
    result = extract(REPORT, PUB, "Daily NK", "", ds)
    assert result.candidates == ["Chongam mine"]
    mines = prepare_new_mines([NewMine("Chongam mine", "Ryanggang", precision="province",
                                       candidate="Chongam mine")], data)
    drafts = link_new_mines(result.drafts, mines)
    linked = [d for d in drafts if "chongam" in d.mines]
    assert [d.minerals for d in linked] == [["copper"]]
    assert all("hyesan" in d.mines for d in drafts if "zinc" in d.minerals)  # a known mine stays as it is

    before = _digest(data)
    summary = preview(drafts, result.source_row, data, mines)
    assert summary["problems"] == [] and summary["mine_ids"] == ["chongam"] and summary["source_added"]
    assert len(summary["event_ids"]) == len(drafts) and "mines.geojson" in summary["files"]
    assert _digest(data) == before  # a preview writes nothing

    done = apply(drafts, result.source_row, data, new_mines=mines, who="test")
    assert done.mine_ids == ["chongam"] and validate_package(data).problems == []
    feat = _mines(data)["chongam"]
    assert feat["geometry"] is None  # no point is invented
    props = feat["properties"]
    assert props["location_precision"] == "unknown" and props["province"] == "Ryanggang"
    assert props["minerals"] == ["copper"] and props["source_ids"] == [done.source_id]
    assert "province precision" in props["location_note"]
    links = read_rows(data / "event_links.csv")
    assert any(r["mine_id"] == "chongam" and r["mineral_id"] == "copper" for r in links)
    after = load_dataset(data)
    assert "chongam" in set(after.mines["mine_id"])  # loads; not drawn (no geometry)

    undone = revert(done.version, data, who="test")
    assert undone["mine_ids"] == ["chongam"]
    assert "chongam" not in _mines(data)
    for name in ("mines.geojson", "events.csv", "event_links.csv", "sources.csv"):
        assert _digest(data)[name] == before[name], name


def test_a_revert_logs_the_version_the_package_had_before_it(data):
    # the twenty-fifth trial: undoing an earlier apply after a later one logged the reverted version as the previous one
    from geo.ingest.history import read_log
    ds = load_dataset(data)
    first = apply(extract(REPORT, PUB, "Daily NK", "", ds).drafts, extract(REPORT, PUB, "Daily NK", "", ds).source_row,
                  data, who="test")
    other = extract("Coal exports from the Musan mine were halted on March 5.\n", PUB, "Yonhap", "", load_dataset(data))
    second = apply(other.drafts, other.source_row, data, who="test")
    undone = revert(first.version, data, who="test")
    assert (undone["reverts"], undone["previous_version"]) == (first.version, second.version)
    assert read_log(data)[-1]["previous_version"] == second.version


def test_an_apply_that_fails_validation_adds_no_mine(data):
    ds = load_dataset(data)
    result = extract(REPORT, PUB, "Daily NK", "", ds)
    mines = prepare_new_mines([NewMine("Chongam mine", minerals=["unobtainium"], candidate="Chongam mine")], data)
    before = _digest(data)
    summary = preview(link_new_mines(result.drafts, mines), result.source_row, data, mines)
    assert any("unobtainium" in str(p) for p in summary["problems"])
    with pytest.raises(DataError) as err:
        apply(link_new_mines(result.drafts, mines), result.source_row, data, new_mines=mines)
    assert "unobtainium" in err.value.report()
    assert _digest(data) == before


# --------------------------------------------------------------------------- command line


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "geo", *map(str, args)], cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)


def test_cli_dry_run_then_apply_with_a_new_mine_and_revert(data, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    base = ["ingest", report, "--published", PUB, "--publisher", "데일리NK", "--url", "", "--data", data,
            "--language", "ko", "--add-mine", "Chongam mine", "--province", "Ryanggang", "--alias", "Cheongam"]
    before = _digest(data)
    dry = _cli(*base, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "new mine(s) without a point: chongam" in dry.stdout and "added to sources.csv" in dry.stdout
    assert "new event(s)" in dry.stdout and "→" in dry.stdout and "nothing written" in dry.stderr
    assert _digest(data) == before

    done = _cli(*base, "--apply")
    assert done.returncode == 0, done.stderr
    assert "new mine(s) chongam" in done.stdout
    props = _mines(data)["chongam"]["properties"]
    assert props["province"] == "Ryanggang" and props["aliases"] == ["Cheongam"]
    assert _mines(data)["chongam"]["geometry"] is None
    src = [r for r in read_rows(data / "sources.csv") if r["publisher"] == "데일리NK"]
    assert len(src) == 1 and src[0]["language"] == "ko"

    version = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))["version"]
    back = _cli("ingest", "--revert", version, "--data", data)
    assert back.returncode == 0 and "mine(s) chongam" in back.stdout
    assert "chongam" not in _mines(data)


def test_cli_refuses_a_bad_new_mine_and_writes_nothing(data, tmp_path):
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    before = _digest(data)
    bad = _cli("ingest", report, "--published", PUB, "--publisher", "Daily NK", "--url", "", "--data", data,
               "--add-mine", "Chongam mine", "--province", "Atlantis", "--apply")
    assert bad.returncode != 0 and "Atlantis" in bad.stderr
    assert _digest(data) == before


# --------------------------------------------------------------------------- the page


def _button(at, label):
    return next(b for b in at.button if b.label == label)


def test_page_add_a_mine_edit_the_source_see_the_summary_apply_and_undo(data):
    at = extract_drafts(fill(open_add_report(), REPORT, publisher="Daily NK", url="", published=PUB))
    assert not at.exception
    at.text_input(key=run_key(at, "ar_mine_alias_0")).set_value("Cheongam")
    at.selectbox(key=run_key(at, "ar_mine_prov_0")).set_value("Ryanggang")
    at.selectbox(key=run_key(at, "ar_mine_prec_0")).set_value("province")
    at = _button(at, "Add as a new mine").click().run()
    assert not at.exception and not at.error
    table = at.data_editor(key="ar_editor").value
    assert "chongam" in set(table["mine_id"])

    at.text_input(key=run_key(at, "ar_src_publisher")).set_value("데일리NK")
    at.text_input(key=run_key(at, "ar_src_language")).set_value("ko")
    # the fiftieth trial: the row's notes read "Added by geo ingest." and could not be edited
    at.text_input(key=run_key(at, "ar_src_notes")).set_value("Repost of a Yonhap item")
    at = _button(at, "Save the source row").click().run()
    assert not at.error
    summary = " ".join(t.value for t in at.text)
    assert "new mine(s) without a point: chongam" in summary and "source dailynk-2018-03-20: added" in summary

    at = apply_drafts(at)
    assert not at.exception and not at.error
    assert "chongam" in _mines(data) and _mines(data)["chongam"]["geometry"] is None
    assert any(r["source_id"] == "dailynk-2018-03-20" and r["language"] == "ko" and r["notes"] == "Repost of a Yonhap item"
               for r in read_rows(data / "sources.csv"))
    version = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))["version"]
    at = at.button(key="ar_revert").click().run()
    assert f"Reverted version {version}" in " ".join(s.value for s in at.success)
    assert "chongam" not in _mines(data)


def test_adding_a_mine_keeps_the_reviewers_edits(data):
    # found on the thirty-sixth new user's trial: typed dates and ticks went back to the drafted ones when a mine was added
    at = extract_drafts(fill(open_add_report(), REPORT, publisher="Daily NK", url="", published=PUB))
    table = at.data_editor(key="ar_editor").value
    chongam = int(table.index[table["mine_id"].eq("") & table["mineral_id"].eq("copper")][0])
    hyesan = int(table.index[table["mine_id"].eq("hyesan")][0])
    at = edit(at, {chongam: {"date": "2018-03-04", "accept": False}, hyesan: {"date_precision": "month"}})
    at = _button(at, "Add as a new mine").click().run()
    assert not at.exception and not at.error
    table = at.data_editor(key="ar_editor").value.set_index("mine_id")
    assert (table.loc["chongam", "date"], bool(table.loc["chongam", "accept"])) == ("2018-03-04", False)  # the new mine's row
    assert table.loc["hyesan", "date_precision"] == "month" and table.loc["hyesan", "date"] == "2018-03-01"


def test_page_bad_source_edit_is_refused(data):
    at = extract_drafts(fill(open_add_report(), REPORT, publisher="Daily NK", url="", published=PUB))
    at.text_input(key=run_key(at, "ar_src_url")).set_value("javascript:alert(1)")
    at = _button(at, "Save the source row").click().run()
    assert any("must start with http" in e.value for e in at.error)


@pytest.mark.parametrize(("mine", "message"), [
    (NewMine("**Kapsan** mine", "Ryanggang"), "plain text"),  # markup in the name
    (NewMine("Kapsan mine", "Ryanggang", aliases=["[x](http://a)"]), "plain text"),  # a link as a spelling
    (NewMine("Kapsan mine", "Ryanggang", aliases=["Musan"]), "already names a mine"),  # another mine's spelling
])
def test_a_new_mines_name_and_spellings_are_plain_and_its_own(data, mine, message):
    # found on a new user's trial of the Add report page: the form took all three
    with pytest.raises(IngestError, match=message):
        prepare_new_mines([mine], data)


def test_a_day_well_inside_a_recorded_period_is_another_event():
    # The third trial: an order to send coal cargoes back, seven weeks into China's suspension of 2017, was
    # marked as repeating the suspension; near the suspension's start, a day is the suspension told again.
    import datetime as dt

    import pandas as pd

    from geo.ingest.drafts import Draft
    from geo.ingest.known import mark_known

    view = pd.DataFrame([{"event_id": "cn-suspension", "event_type": "import_suspension", "mine_id": None,
                          "mineral_id": "coal", "date": pd.Timestamp("2017-02-18"), "date_start": pd.Timestamp("2017-02-18"),
                          "date_end": pd.Timestamp("2017-12-31"), "date_precision": "day",
                          "end_date": pd.Timestamp("2017-12-31")}])
    class Record:  # what mark_known reads of a loaded dataset (weakly referenced, as a Dataset is)
        sanctions = pd.DataFrame()

    ds = Record()
    ds.view = view

    def draft(day, precision="day"):
        return Draft(event_id=f"d-{day}", event_type="import_suspension", effect="suspended", date=day,
                     date_precision=precision, evidence="…", minerals=["coal"])

    later, near, month = draft("2017-04-07"), draft("2017-02-26"), draft("2017-06-01", "month")
    mark_known([later, near, month], ds)
    assert later.known == ""
    assert near.known == month.known == "event cn-suspension (2017-02-18)"
    assert dt.date.fromisoformat(later.date) - dt.date(2017, 2, 18) > dt.timedelta(days=14)


def test_the_table_shows_what_a_changed_type_brings_along(ds):
    from geo.ingest import review_rows
    from geo.ingest.review import NEW_ID, follow_edits_in_table

    result = extract("Zinc exports from the Hyesan mine were halted on March 5.\n\n"
                     "Zinc from the Hyesan mine was mentioned.\n", PUB, "Test", "", ds)
    (draft,), (lead,) = result.drafts, result.leads
    rows = review_rows([draft]) + review_rows([lead], first=1)
    before = [dict(r) for r in rows]
    rows[0]["event_type"], rows[1]["event_type"] = "smuggling", "export_halt"
    followed, changed = follow_edits_in_table(before, rows, [draft, lead])
    assert changed
    assert (followed[0]["effect"], followed[0]["event_id"]) == ("smuggled", NEW_ID)
    assert followed[0]["title"] == draft.title.replace(": exports halted (", ": smuggled (")
    assert followed[1]["effect"] == "halted" and followed[1]["title"].startswith(lead.title + ": ")
    # nothing changed: nothing to redraw; an effect the reviewer chose is kept with a new type
    assert follow_edits_in_table(before, [dict(r) for r in before], [draft, lead]) == (before, False)
    rows = [dict(r) for r in before]
    rows[0].update(event_type="export_resumed", effect="continued")
    assert follow_edits_in_table(before, rows, [draft, lead])[0][0]["effect"] == "continued"


def test_a_type_cleared_on_the_way_to_another_keeps_one_set_of_type_words(ds):
    # the twenty-fifth trial: a trade figure's row retyped to sanction read "Coal: trade figure: sanction" (the grid
    # passed the type through an empty cell first, and the title's type words were kept as its "what")
    from geo.ingest import review_rows
    from geo.ingest.review import follow_edits_in_table

    (draft,) = extract("China imported 1.2 million tonnes of North Korean coal in March.\n", PUB, "Test", "", ds).drafts
    assert draft.title == "Coal: trade figure, 1.2 million tonnes, in China (March 2018)"
    rows = review_rows([draft])
    cleared, _ = follow_edits_in_table(rows, [dict(rows[0], event_type="")], [draft])
    retyped, _ = follow_edits_in_table(cleared, [dict(cleared[0], event_type="sanction")], [draft])
    assert retyped[0]["title"] == "Coal: sanction, 1.2 million tonnes (March 2018)"  # (a sanction's place is not told)


def test_a_type_put_back_brings_back_the_drafts_own_cells(ds):
    # the fifth trial: a row set back to its drafted type kept the cells of the type in between
    from geo.ingest import review_rows
    from geo.ingest.review import follow_edits_in_table

    (draft,) = extract("The UN capped North Korean coal exports on Monday.\n", PUB, "Test", "", ds).drafts
    assert (draft.event_type, draft.effect) == ("sanction", "capped")
    rows = review_rows([draft])
    step = [dict(rows[0], event_type="smuggling")]
    step, _ = follow_edits_in_table(rows, step, [draft])
    assert step[0]["effect"] == "smuggled"
    back, changed = follow_edits_in_table(step, [dict(step[0], event_type="sanction")], [draft])
    assert changed and (back[0]["effect"], back[0]["title"], back[0]["confidence"], back[0]["event_id"]) == (
        "capped", draft.title, draft.confidence, draft.event_id)


def test_a_date_or_type_the_reviewer_sets_clears_the_drafts_own_reasons(ds):
    # the sixth trial: "Date from" still said "the report gives no date" after the reviewer set one, and
    # "Check" still named the drafted type after it was changed
    from geo.ingest import review_rows
    from geo.ingest.review import follow_edits_in_table

    (draft,) = extract("Zinc exports from the Hyesan mine were halted.\n", PUB, "Test", "", ds).drafts
    draft.check = "estimated 40% likely right: export halt drafts are often wrong"
    rows = review_rows([draft])
    dated, changed = follow_edits_in_table(rows, [dict(rows[0], date="2018-03-05", date_precision="day")], [draft])
    assert changed and dated[0]["date_basis"] == "set by the reviewer" and dated[0]["check"] == draft.check
    typed, _ = follow_edits_in_table(rows, [dict(rows[0], event_type="smuggling")], [draft])
    assert typed[0]["check"] == "" and typed[0]["date_basis"] == draft.date_basis
    back, _ = follow_edits_in_table(typed, [dict(typed[0], event_type="export_halt")], [draft])
    assert back[0]["check"] == draft.check


def test_one_minerals_row_retyped_alone_is_titled_by_its_mineral(ds):
    # the eighth trial: the gold row of a six-mineral ban, retyped alone, was written with all six minerals in its title
    from geo.ingest import review_rows
    from geo.ingest.review import drafts_from_review, follow_edits_in_table

    (draft,) = extract("China banned imports of North Korean coal, gold and zinc on Tuesday.\n", PUB, "Test", "",
                       ds).drafts
    rows = review_rows([draft])
    gold = next(i for i, r in enumerate(rows) if r["mineral_id"] == "gold")
    edited = [dict(r, accept=(i == gold)) for i, r in enumerate(rows)]
    edited[gold]["event_type"] = "import_suspension"
    shown, _ = follow_edits_in_table(rows, edited, [draft])  # the table's title for the new type, then Apply
    (event,), problems = drafts_from_review([draft], shown, ds.mineral_names)
    assert not problems and event.minerals == ["gold"] and event.title.startswith("Gold: ")


def test_a_lead_given_a_mine_is_titled_by_it(ds):
    # the eighth trial: a sentence with no draft, given a mine and a type, kept the title of its mineral alone
    from geo.ingest import review_rows
    from geo.ingest.review import drafts_from_review, follow_edits_in_table

    result = extract("Iron ore heaps lay by the road, a resident said.\n", PUB, "Test", "", ds)
    (lead,) = result.leads
    rows = review_rows([lead])
    edited = [dict(rows[0], accept=True, event_type="production_change", effect="increased", mine_id="musan")]
    shown, _ = follow_edits_in_table(rows, edited, [lead])
    (event,), problems = drafts_from_review([lead], shown, {**ds.mine_names, **ds.mineral_names})
    assert not problems and ds.mine_names["musan"] in event.title


def test_a_new_mine_named_beside_the_records_mines_is_linked_once():
    # found on the twelfth new user's trial: "Namdok, Inpho and Phunggok Youth Coal Mines" offered Phunggok as a new
    # mine, and adding it gave a mine with no event
    from geo.ingest.newmine import NewMine
    from geo.rules.load import load_dataset as load

    ds = load()
    text = "KCNA said the Namdok, Inpho and Phunggok Youth Coal Mines raised coal output in September."
    drafts = extract(text, "2022-10-04", "KCNA", "", ds).drafts
    new = NewMine("Phunggok Youth Coal Mine", mine_id="phunggok", candidate="Phunggok Youth Coal Mines")
    linked = link_new_mines(drafts, [new])
    assert sum("phunggok" in d.mines for d in linked) == 1
    assert sorted(m for d in linked for m in d.mines) == ["inpho", "namdok", "phunggok"]


def test_a_new_mine_given_its_minerals_takes_only_drafts_of_them():
    # found on the thirty-third new user's trial: the new iron mine was linked to the sentence's molybdenum draft too
    from geo.ingest.drafts import Draft
    from geo.ingest.newmine import NewMine

    def draft(mineral, mines, event_type):
        return Draft(event_id=mineral, event_type=event_type, effect="", date="2004-01-01", date_precision="year",
                     evidence="…", mines=mines, minerals=[mineral], candidates=["Toksong mine"])

    drafts = [draft("iron_ore", [], "deal_signed"), draft("molybdenum", ["yonghung-ri"], "production_change")]
    iron = NewMine("Toksong mine", mine_id="toksong", candidate="Toksong mine", minerals=["iron_ore"])
    assert [d.mines for d in link_new_mines(drafts, [iron])] == [["toksong"], ["yonghung-ri"]]
    any_mineral = NewMine("Toksong mine", mine_id="toksong", candidate="Toksong mine")  # none given: every draft naming it
    assert [d.mines for d in link_new_mines(drafts, [any_mineral])] == [["toksong"], ["yonghung-ri", "toksong"]]


def test_a_month_or_a_year_set_by_the_reviewer_is_stored_on_its_first_day():
    # found on the twelfth new user's trial: 2019-10-25 changed to month precision was stored as 2019-10-25
    from geo.ingest.reviewed_dates import stored_date
    assert stored_date("2019-10-25", "month") == "2019-10-01"
    assert stored_date("2019-10-25", "year") == "2019-01-01"
    assert stored_date("2019-10-25", "approximate") == "2019-10-25"
    assert stored_date("2019-10", "month") == "2019-10"  # not a day: left for the check that reports it
    from geo.ingest.drafts import Draft
    from geo.ingest.review import drafts_from_review, review_rows
    draft = Draft(event_id="x", event_type="investment_offer", effect="offered", date="2019-10-25",
                  date_precision="approximate", evidence="…", minerals=["rare_earths"], title="Rare earths: offer")
    rows = review_rows([draft])
    rows[0]["date_precision"] = "month"  # the reviewer sets the precision and leaves the date
    (event,), problems = drafts_from_review([draft], rows)
    assert problems == [] and (event.date, event.date_precision) == ("2019-10-01", "month")
    rows[0]["date"] = "2019-06-15"  # a day typed on a row set to month: not moved silently, but said at the row
    _events, problems = drafts_from_review([draft], rows)
    assert [(p.row, p.field) for p in problems] == [(1, "date")]


def test_a_date_typed_finer_than_its_rows_precision_makes_the_precision_finer():
    # the thirteenth trial's left item: 2014-06-01 typed on a year row was kept with year precision, a day the
    # record then claimed not to know
    from geo.ingest.drafts import Draft
    from geo.ingest.review import drafts_from_review, review_rows
    draft = Draft(event_id="x", event_type="trade_figure", effect="exported", date="2014-01-01",
                  date_precision="year", evidence="…", minerals=["iron_ore"], title="Iron ore: trade figure")
    for typed, precision in (("2014-06-01", "month"), ("2014-06-15", "day"), ("2015-01-01", "year")):
        rows = review_rows([draft])
        rows[0]["date"] = typed  # precision left as drafted
        (event,), problems = drafts_from_review([draft], rows)
        assert problems == [] and (event.date, event.date_precision) == (typed, precision)
    rows = review_rows([draft])
    rows[0].update(date="2014-06-15", date_precision="approximate")  # both set by the reviewer: kept as set
    (event,), _problems = drafts_from_review([draft], rows)
    assert (event.date, event.date_precision) == ("2014-06-15", "approximate")


def test_a_date_and_a_precision_both_set_and_at_odds_are_a_problem_at_the_row():
    # the fifteenth trial: a row set to year precision with 2018-03-14 typed was written as "2018-03-14, year"
    from geo.ingest.drafts import Draft
    from geo.ingest.review import drafts_from_review, review_rows
    draft = Draft(event_id="x", event_type="smuggling", effect="smuggled", date="2018-03-16",
                  date_precision="approximate", evidence="…", minerals=["zinc"], title="Zinc: smuggling")
    rows = review_rows([draft])
    rows[0].update(date="2018-03-14", date_precision="year")
    _events, problems = drafts_from_review([draft], rows)
    assert [(p.row, p.field) for p in problems] == [(1, "date")] and "2018-01-01" in problems[0].reason
    rows[0].update(date="2018-01-01")  # as the problem says
    (event,), problems = drafts_from_review([draft], rows)
    assert problems == [] and (event.date, event.date_precision) == ("2018-01-01", "year")


def test_the_table_shows_at_once_the_date_apply_will_store_for_a_precision_set_or_a_date_typed():
    # the sixteenth trial: a precision changed to year left the old date and event id in the table, while "What applying
    # will change" showed 2014-01-01
    from geo.ingest.drafts import Draft
    from geo.ingest.review import NEW_ID, follow_edits_in_table, review_rows
    draft = Draft(event_id="x-2014-03-14", event_type="smuggling", effect="smuggled", date="2014-03-14",
                  date_precision="approximate", evidence="…", minerals=["zinc"], title="Zinc: smuggling")
    rows = review_rows([draft])
    (shown,), changed = follow_edits_in_table(rows, [dict(rows[0], date_precision="year")], [draft])
    assert changed and (shown["date"], shown["event_id"]) == ("2014-01-01", NEW_ID)
    (shown,), changed = follow_edits_in_table(rows, [dict(rows[0], date="2014-06-01")], [draft])
    assert (shown["date"], shown["date_precision"]) == ("2014-06-01", "approximate")  # an approximate date is a day
    year = Draft(**{**draft.__dict__, "date": "2014-01-01", "date_precision": "year"})
    rows = review_rows([year])
    (shown,), changed = follow_edits_in_table(rows, [dict(rows[0], date="2014-06-01")], [year])
    assert changed and (shown["date"], shown["date_precision"]) == ("2014-06-01", "month")


def test_a_row_given_another_mine_is_titled_by_it_in_the_table_at_once():
    # the seventeenth trial: after the mine was set, the table still read "Graphite in South Hwanghae: production changed"
    from geo.ingest.drafts import Draft
    from geo.ingest.review import follow_edits_in_table, review_rows
    draft = Draft(event_id="x", event_type="production_change", effect="increased", date="2006-12-12",
                  date_precision="approximate", evidence="…", minerals=["graphite"],
                  title="Graphite in South Hwanghae: production changed")
    rows = review_rows([draft])
    names = {"jongchon-graphite": "Jongchon graphite mine", "graphite": "Graphite"}
    (shown,), changed = follow_edits_in_table(rows, [dict(rows[0], mine_id="jongchon-graphite")], [draft], names)
    assert changed and shown["title"].startswith("Graphite from Jongchon graphite mine")
    edited = dict(rows[0], mine_id="jongchon-graphite", title="My own title")  # a title the reviewer wrote stays
    (shown,), _changed = follow_edits_in_table(rows, [edited], [draft], names)
    assert shown["title"] == "My own title"


def test_a_row_retyped_in_the_table_says_again_what_of_the_record_it_repeats():
    # the sixteenth trial: a row retyped as a sanction kept the repeat its draft had as smuggling
    from geo.ingest.review import follow_edits_in_table, review_rows
    from geo.rules.load import load_dataset as load
    from tests.conftest import RECORD

    ds = load(RECORD)  # the record: it holds China's coal suspension of February 2017
    (draft,) = extract("China banned all imports of North Korean coal on Feb. 19, officials said.", "2017-02-20",
                       "Test", "", ds).drafts
    assert "CN-COAL-2017" in draft.known
    rows = review_rows([draft])
    (shown,), changed = follow_edits_in_table(rows, [dict(rows[0], event_type="smuggling")], [draft], record=ds)
    assert changed and shown["known"] == ""  # the record holds no smuggling of coal that day
    retyped = dict(shown)
    (shown,), _changed = follow_edits_in_table([retyped], [dict(rows[0])], [draft], record=ds)
    assert shown["known"] == draft.known  # put back: the draft's own
    # read again on an edit only: a rerun with nothing edited (after an apply or an undo changed the record) keeps the
    # cell, so that the page is not redrawn again and loses what it says (a browser test's undo note was lost so)
    (shown,), changed = follow_edits_in_table([dict(retyped, known="as shown")], [dict(retyped, known="as shown")],
                                              [draft], record=ds)
    assert shown["known"] == "as shown" and not changed


def test_a_precision_set_after_a_date_was_typed_moves_that_date():
    # the nineteenth trial: 2017-02-18 typed on a month row (shown as a day), then month chosen again: the row kept
    # 2017-02-18 and Apply would have written a day; each edit is now fitted to the row as the table showed it
    from geo.ingest.drafts import Draft
    from geo.ingest.review import drafts_from_review, follow_edits_in_table, review_rows
    draft = Draft(event_id="x", event_type="import_suspension", effect="suspended", date="2017-02-01",
                  date_precision="month", evidence="…", minerals=["coal"], title="Coal: imports suspended")
    rows = review_rows([draft])
    typed, _changed = follow_edits_in_table(rows, [dict(rows[0], date="2017-02-18")], [draft])
    assert (typed[0]["date"], typed[0]["date_precision"]) == ("2017-02-18", "day")
    month, changed = follow_edits_in_table(typed, [dict(typed[0], date_precision="month")], [draft])
    assert changed and (month[0]["date"], month[0]["date_precision"]) == ("2017-02-01", "month")
    (event,), problems = drafts_from_review([draft], month)
    assert problems == [] and (event.date, event.date_precision) == ("2017-02-01", "month")


def test_a_sentence_with_no_draft_typed_as_the_records_event_says_so():
    # the eighteenth trial: a deal typed in "Sentences with no draft" repeated the record's Baoyuanhengchang deal of
    # June 2012, and nothing said so (that table had no "Already in the record" column, and its rows were not read)
    from geo.ingest.drafts import Draft
    from geo.ingest.review import follow_edits_in_table, review_rows
    from geo.rules.load import load_dataset
    lead = Draft(event_id="", event_type="", effect="", date="2012-08-10", date_precision="approximate",
                 evidence="A Chinese company will jointly develop one gold mine.", minerals=["gold"], title="Gold")
    rows = review_rows([lead])
    assert rows[0]["known"] == ""
    typed = dict(rows[0], accept=True, event_type="deal_signed", date="2012-06-01", date_precision="month")
    (shown,), _changed = follow_edits_in_table(rows, [typed], [lead], record=load_dataset())
    assert "baoyuanhengchang-mines-deal-2012-06-09" in shown["known"]
    (shown,), _changed = follow_edits_in_table([shown], [dict(shown, event_type="")], [lead], record=load_dataset())
    assert shown["known"] == ""  # untyped again: it repeats nothing


def test_a_confidence_the_reviewer_chose_takes_the_drafted_reason_out_of_the_description():
    # the twenty-fifth trial: a row set from official to reported kept "Confidence official: the sentence cites 해관."
    # The reason is a note of how the row was read; the description tells what happened, and whom it rests on
    from geo.ingest.accounts import draft_account
    from geo.ingest.drafts import Draft
    from geo.ingest.review import drafts_from_review, review_rows
    names = {"coal": "Coal"}
    draft = Draft(event_id="x", event_type="import_suspension", effect="suspended", date="2017-04-07",
                  date_precision="day", evidence="…", minerals=["coal"], title="Coal: imports suspended",
                  confidence="official", teller="해관", notes="Date from '7일'. Confidence official: the sentence cites 해관.")
    draft.description = draft_account(draft, names)
    assert draft.description == "Imports of coal were suspended on 7 April 2017, according to China's customs."
    rows = review_rows([draft])
    rows[0]["confidence"] = "reported"
    (event,), problems = drafts_from_review([draft], rows, names)
    assert problems == [] and event.confidence == "reported"
    assert event.description == "Imports of coal were suspended on 7 April 2017."
    assert event.notes.endswith("Confidence reported: set by the reviewer.")
    (event,), _ = drafts_from_review([draft], review_rows([draft]), names)  # left alone: as drafted
    assert (event.description, event.notes) == (draft.description, draft.notes)


def test_a_reused_row_of_another_report_is_flagged_and_apply_waits_for_the_reviewer(data):
    # found on the fortieth new user's trial: after an apply, the next report kept the last one's URL, and its source
    # row was reused with only a note: the new report's events would have been cited to the old report
    from geo.ingest import reuse_conflict
    record = load_dataset(data)
    row = record.sources[record.sources["url"].astype(str).str.startswith("http")].iloc[0].to_dict()
    other_day = dt.date.fromisoformat(str(row["published"])[:7] + "-01") + dt.timedelta(days=400)
    assert reuse_conflict(row, "YTN", other_day).startswith(f"this URL is the one of source {row['source_id']}")
    assert reuse_conflict(row, row["publisher"], other_day) == ""  # the same publisher: a date to check, not another report
    assert reuse_conflict(row, "YTN", dt.date.fromisoformat(str(row["published"])[:10])) == ""  # the same day
    at = extract_drafts(fill(open_add_report(), REPORT, publisher="YTN", url=str(row["url"]), published=other_day))
    assert any(w.value.startswith("this URL is the one of source") for w in at.warning)
    assert at.button(key="ar_apply").disabled
    at = at.checkbox(key=run_key(at, "ar_src_same")).check().run()  # the reviewer says it is that report
    assert not at.button(key="ar_apply").disabled


def test_the_reviewer_writes_the_place_and_the_description_and_apply_keeps_them():
    # the forty-seventh trial: there was no Place cell ("남포항" could not be recorded) and the description written
    # was a note on how the draft was made
    from geo.ingest.accounts import draft_account
    from geo.ingest.drafts import Draft
    from geo.ingest.review import drafts_from_review, follow_edits_in_table, review_rows
    names = {"coal": "Coal"}
    draft = Draft(event_id="x", event_type="smuggling", effect="smuggled", date="2017-08-01", date_precision="month",
                  evidence="…", minerals=["coal"], title="Coal: smuggled (August 2017)", notes="Date from 'last August'.")
    draft.description = draft_account(draft, names)
    rows = review_rows([draft])
    assert rows[0]["place"] == "" and rows[0]["description"] == draft.description == "Coal was smuggled in August 2017."
    mine = dict(rows[0], place="Nampo port", description="A ship loaded coal at Nampo with its AIS off.")
    (event,), problems = drafts_from_review([draft], [mine], names)
    assert problems == [] and (event.place, event.description) == ("Nampo port", "A ship loaded coal at Nampo with its AIS off.")
    # a date the reviewer set keeps the description they wrote; one left as drafted tells the new date and place, in
    # the table at once as at apply
    (event,), _ = drafts_from_review([draft], [dict(mine, date="2017-09-01")], names)
    assert event.description == "A ship loaded coal at Nampo with its AIS off."
    (shown,), changed = follow_edits_in_table(rows, [dict(rows[0], date="2017-09-01")], [draft], names)
    (shown,), changed_again = follow_edits_in_table([shown], [dict(shown, place="Nampo")], [draft], names)
    (event,), _ = drafts_from_review([draft], [shown], names)
    assert changed and changed_again
    assert shown["description"] == event.description == "Coal was smuggled in Nampo in September 2017."
    assert shown["title"] == event.title == "Coal: smuggled, in Nampo (September 2017)"


def test_a_row_given_a_mine_shows_the_mines_place_unless_the_reviewer_wrote_one():
    from geo.ingest.drafts import Draft
    from geo.ingest.review import follow_edits_in_table, review_rows
    draft = Draft(event_id="x", event_type="export_halt", effect="halted", date="2017-03-01", date_precision="month",
                  evidence="…", minerals=["iron_ore"], title="Iron ore: exports halted (March 2017)")
    rows = review_rows([draft])
    names = {"musan": "Musan mine", "iron_ore": "Iron ore"}
    (shown,), _ = follow_edits_in_table(rows, [dict(rows[0], mine_id="musan")], [draft], names)
    assert shown["place"] == "Musan mine"
    (kept,), _ = follow_edits_in_table(rows, [dict(rows[0], mine_id="musan", place="Musan county")], [draft], names)
    assert kept["place"] == "Musan county"


def test_a_new_mines_hangul_spelling_is_its_korean_name(data):
    # the fifty-fourth trial: "선봉탄광" added as "Sonbong coal mine" kept its Hangul only among the other spellings
    ds = load_dataset(data)
    text = "The Sonbong mine in North Hamgyong stopped producing coal after the floods, a source said."
    result = extract(text, "2015-06-30", "RFA", "", ds)
    assert result.candidates == ["Sonbong mine"]
    mines = prepare_new_mines([NewMine("Sonbong coal mine", "North Hamgyong", precision="province",
                                       aliases=["선봉탄광", "Sonbong"], candidate="Sonbong mine")], data)
    drafts = link_new_mines(result.drafts, mines)
    assert drafts, result.drafts
    done = apply(drafts, result.source_row, data, new_mines=mines, who="test")
    props = _mines(data)[done.mine_ids[0]]["properties"]
    assert props["name"] == "Sonbong coal mine" and props["name_ko"] == "선봉탄광"
    assert "선봉탄광" not in props["aliases"] and "Sonbong" in props["aliases"]
    assert validate_package(data).problems == []
    again = extract("선봉탄광이 물에 잠겼다.", "2015-06-30", "RFA", "", load_dataset(data))  # found by its Korean name
    assert [m.id for m in Gazetteer.from_dataset(load_dataset(data)).match("선봉탄광이 물에 잠겼다.") if m.kind == "mine"] \
        == [done.mine_ids[0]] and not again.candidates
