"""Sentences that name a mine or mineral but drafted nothing are listed as leads, for the reviewer
to type: in the library, the evaluation, the command line and the Add report page."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from geo.ingest import drafts_from_review, extract, review_rows
from geo.ingest.evalset import score_report
from geo.ingest.leads import LEAD_LIMIT
from geo.ingest.review import LEADS_FILE
from geo.rules.load import load_dataset
from tests.conftest import ROOT, read_rows
from tests.test_add_report import apply_drafts, extract_drafts, fill, open_add_report

REPORT = ("Big coal ship returns to Nampo\n\n"
          "Exports of copper concentrate from the Hyesan mine were suspended on Feb. 20, a source said.\n"
          "Black heaps that looked like coal lay on the pier at Nampo on Tuesday, according to the report.\n")
PUB = dt.date(2021, 3, 10)  # a Wednesday: "Tuesday" is March 9


def _extract(ds, text=REPORT, pub=PUB):
    return extract(text, pub, "Test Wire", "", ds)


def test_a_sentence_naming_a_mineral_without_an_event_word_is_a_lead_with_its_date(ds):
    result = _extract(ds)
    assert [(d.event_type, d.mines, d.minerals) for d in result.drafts] == [("export_halt", ["hyesan"], ["copper"])]
    body = [d for d in result.leads if d.evidence.startswith("Black heaps")]
    assert len(body) == 1
    lead = body[0]
    assert (lead.event_type, lead.minerals, lead.mines) == ("", ["coal"], [])
    assert (lead.date, lead.date_precision) == ("2021-03-09", "day")
    assert "Tuesday" in lead.date_basis
    assert not lead.proposed and lead.check  # never ticked for the reviewer
    # the sentence that made a draft is not also a lead
    assert not any("Hyesan" in d.evidence for d in result.leads)


def test_a_lead_pairs_a_mine_with_its_mineral_and_a_lone_mine_takes_the_records_minerals(ds):
    text = ("Mines in the north\n\n"
            "Zinc ore from the Hyesan mine piled up at the station in May 2019.\n"
            "Reporters visited the Musan mine last week.\n")
    leads = _extract(ds, text, dt.date(2019, 6, 20)).leads
    hyesan = next(d for d in leads if d.mines == ["hyesan"])
    assert hyesan.minerals == ["zinc"] and (hyesan.date, hyesan.date_precision) == ("2019-05-01", "month")
    assert hyesan.title == "Zinc from Hyesan Youth Copper Mine"  # the record's names; the review adds the type
    musan = next(d for d in leads if d.mines == ["musan"])
    assert "iron_ore" in musan.minerals  # the record's mineral for Musan, for the reviewer to keep or untick


def test_a_lone_mine_is_a_lead_when_written_as_a_mine_not_as_its_town(ds):
    """The mine word may follow the name as matched ("the Cholsan mine": the match is "Cholsan")."""
    as_mine = _extract(ds, "Visits\n\nReporters visited the Cholsan mine last week.\n", dt.date(2019, 6, 20)).leads
    assert [d.mines for d in as_mine] == [["cholsan"]]
    as_town = _extract(ds, "Visits\n\nReporters visited Cholsan, a town near the coast, last week.\n",
                       dt.date(2019, 6, 20)).leads
    assert as_town == []


def test_a_repeated_sentence_is_one_lead_and_a_long_report_lists_at_most_the_limit(ds):
    same = "Coal lay on the pier at Nampo.\n" * 5
    assert len(_extract(ds, "Coal\n\n" + same).leads) == 2  # the headline, and the sentence once
    many = "".join(f"Coal lay on pier number {n} at Nampo.\n" for n in range(LEAD_LIMIT + 7))
    result = _extract(ds, "Piers\n\n" + many)
    assert len(result.leads) == LEAD_LIMIT
    assert any("7 more sentence(s) name a mine or mineral" in n for n in result.notes)


def test_a_lead_ticked_without_a_type_is_a_problem_and_with_one_becomes_an_event(ds):
    result = _extract(ds)
    drafts, leads = result.drafts, result.leads
    rows = review_rows(drafts) + review_rows(leads, first=len(drafts))
    assert all(not r["accept"] and r["event_type"] == "" for r in rows[len(drafts):])
    heaps = next(i for i, r in enumerate(rows) if r["evidence"].startswith("Black heaps"))

    ticked = [dict(r, accept=(i == heaps)) for i, r in enumerate(rows)]
    out, problems = drafts_from_review(drafts + leads, ticked)
    assert out == []
    assert [(p.file, p.row, p.field) for p in problems] == [(LEADS_FILE, heaps - len(drafts) + 1, "event_type")]

    ticked[heaps]["event_type"] = "smuggling"
    out, problems = drafts_from_review(drafts + leads, ticked)
    assert problems == [] and len(out) == 1
    event = out[0]
    assert (event.event_type, event.effect, event.minerals, event.date) == ("smuggling", "smuggled", ["coal"], "2021-03-09")
    assert event.title == "Coal: smuggled, in Nampo (9 March 2021)" and event.event_id == "coal-smuggling-2021-03-09"
    assert event.check == "" and "Typed by the reviewer" in event.notes
    # told in plain words from its cells, with the record's names (the page gives them)
    (told,), _ = drafts_from_review(drafts + leads, ticked, {"coal": "Coal"})
    assert told.description == "Coal was smuggled in Nampo on 9 March 2021."
    assert event.evidence.startswith("Black heaps")


def test_the_evaluation_counts_an_event_a_lead_reaches_once_per_row():
    labels = [{"mine_id": "", "mineral_id": "coal", "event_type": "smuggling", "date": "2021-03-09",
               "date_precision": "day"},
              {"mine_id": "", "mineral_id": "coal", "event_type": "export_continued", "date": "2021-01-01",
               "date_precision": "year"},
              {"mine_id": "musan", "mineral_id": "iron_ore", "event_type": "export_halt", "date": "2021-03-01",
               "date_precision": "month"}]
    from geo.ingest.drafts import Draft
    lead = Draft("", "", "", "2021-03-09", "day", "Black heaps…", minerals=["coal"])
    s = score_report("r", [], labels, [lead])
    assert (s.events_found, s.reachable, s.leads, s.drafted) == (0, 1, 1, 0)  # one row, one label; leads not drafts
    drafted = Draft("x", "export_halt", "halted", "2021-02-01", "month", "…", mines=["musan"], minerals=["iron_ore"])
    s = score_report("r", [drafted], labels, [lead, lead])
    assert (s.events_found, s.reachable) == (0, 3)  # the draft's row is corrected; two leads' rows


def test_the_command_line_lists_the_sentences_that_drafted_nothing(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "geo", "ingest", str(report), "--published", "2021-03-10",
                           "--publisher", "Test Wire", "--url", ""], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    line = next(x for x in proc.stderr.splitlines() if "Black heaps" in x)
    assert line.startswith("no draft from a sentence naming coal (date 2021-03-09, day)")
    assert "Black heaps" not in proc.stdout  # the drafts CSV holds drafts only


# --------------------------------------------------------------------------- the page


@pytest.fixture
def data(data_copy, monkeypatch):
    monkeypatch.setenv("NK_MINES_DATA", str(data_copy))
    return data_copy


def _edit_leads(at, rows):
    at.session_state["ar_leads"] = {"edited_rows": rows, "added_rows": [], "deleted_rows": []}
    return at.run()


def test_on_the_page_a_lead_is_ticked_typed_and_applied(data):
    at = extract_drafts(fill(open_add_report(), REPORT, publisher="Test Wire", url="", published=PUB))
    assert not at.exception
    assert any(h.value.startswith("Sentences with no draft (2)") for h in at.subheader)
    leads = at.data_editor(key="ar_leads").value
    heaps = int(leads.index[leads["evidence"].str.startswith("Black heaps")][0])
    assert not leads["accept"].any() and (leads["event_type"] == "").all()

    at = apply_drafts(_edit_leads(at, {heaps: {"accept": True}}))
    p = at.dataframe[-1].value.iloc[0]
    assert (p["File"], p["Row"], p["Field"]) == (LEADS_FILE, heaps + 1, "event_type")

    at = _edit_leads(at, {heaps: {"accept": True, "event_type": "smuggling"}})
    n_drafts = int(at.data_editor(key="ar_editor").value["accept"].sum())
    assert at.button(key="ar_apply").label == f"Apply {n_drafts + 1} accepted row(s)"
    at = apply_drafts(at)
    assert not at.exception and not at.error
    events = {e["event_id"]: e for e in read_rows(data / "events.csv")}
    event = events["coal-smuggling-2021-03-09"]
    assert (event["event_type"], event["date"], event["date_precision"]) == ("smuggling", "2021-03-09", "day")
    # the record keeps a short quoted phrase of the sentence, not the sentence (geo.ingest.quote)
    assert event["title"] == "Coal: smuggled, in Nampo (9 March 2021)"
    assert event["evidence"].startswith("“") and "coal" in event["evidence"] and not event["evidence"].startswith("“Black heaps that looked like coal lay")
    assert load_dataset(data).events.shape[0] == len(events)


def test_a_sentence_naming_only_a_mine_the_data_lacks_is_a_lead():
    # found on a new user's trial: the story of a mine not in the data ("Production at the Kapsan mine
    # has nearly stopped") was neither drafted nor listed, so the reviewer could not add it
    from geo.ingest.newmine import NewMine, link_new_mines

    text = ("Mine idle\n\nProduction at the Kapsan mine in Ryanggang Province has nearly stopped since early "
            "this month because of power shortages, a source said.\n")
    result = extract(text, "2021-06-25", "Daily NK", "", load_dataset(ROOT / "data"))
    assert result.candidates == ["Kapsan mine"]
    (lead,) = [d for d in result.leads if "Production" in d.evidence]
    assert (lead.mines, lead.minerals, lead.candidates, lead.event_type) == ([], [], ["Kapsan mine"], "")
    (linked,) = link_new_mines([lead], [NewMine("Kapsan mine", mine_id="kapsan", candidate="Kapsan mine")])
    assert linked.mines == ["kapsan"] and linked.check == lead.check  # linked, still a lead to type


def test_a_lead_typed_as_a_sanction_takes_its_effect_and_confidence_at_once(data):
    # The fifth trial: a sentence with no draft, ticked and typed "sanction", kept an empty effect (the
    # extractor's table of effects has none for a sanction, whose effect it reads from the wording) and
    # confidence "reported"; Apply then refused with a row of event_links.csv, not of the table.
    at = extract_drafts(fill(open_add_report(), REPORT, publisher="Test Wire", url="", published=PUB))
    leads = at.data_editor(key="ar_leads").value
    heaps = int(leads.index[leads["evidence"].str.startswith("Black heaps")][0])
    at = _edit_leads(at, {heaps: {"accept": True, "event_type": "sanction"}})
    assert not at.exception
    row = at.data_editor(key="ar_leads").value.loc[heaps]
    assert (row["effect"], row["confidence"]) == ("banned", "official")  # in the table, before Apply
    assert row["title"] == "Coal: sanction (9 March 2021)"
    at = apply_drafts(at)
    assert not at.exception and not at.error
    (event,) = [e for e in read_rows(data / "events.csv") if e["event_type"] == "sanction" and e["date"] == "2021-03-09"]
    assert event["confidence"] == "official"
    (link,) = [lk for lk in read_rows(data / "event_links.csv") if lk["event_id"] == event["event_id"]]
    assert link["effect"] == "banned"


def test_a_lead_typed_as_a_production_change_asks_up_or_down_at_its_own_row(data):
    at = extract_drafts(fill(open_add_report(), REPORT, publisher="Test Wire", url="", published=PUB))
    leads = at.data_editor(key="ar_leads").value
    heaps = int(leads.index[leads["evidence"].str.startswith("Black heaps")][0])
    at = apply_drafts(_edit_leads(at, {heaps: {"accept": True, "event_type": "production_change"}}))
    p = at.dataframe[-1].value.iloc[0]
    assert (p["File"], p["Row"], p["Field"]) == (LEADS_FILE, heaps + 1, "effect")
    assert "increased" in p["Problem"] and "reduced" in p["Problem"]
    assert not [e for e in read_rows(data / "events.csv") if e["event_type"] == "production_change" and e["date"] == "2021-03-09"]


def test_leads_of_one_sentence_typed_alike_are_one_event_with_every_mineral():
    # found on the ninth new user's trial: a joint company's minerals, listed in one sentence, gave three
    # leads (rare earths; titanium; gold and coal); ticked and typed alike, they made three events
    text = "러시아 기업과 북한, 광산 합작회사 세워\n\n새 회사는 북한의 희토류와 티타늄, 그리고 금과 석탄 등을 캐서 파는 일을 하게 된다.\n"
    result = extract(text, "2014-10-30", "Test Wire", "", load_dataset(ROOT / "data"))  # the record's minerals
    leads = result.leads
    assert len(leads) >= 2 and len({d.evidence for d in leads}) == 1  # (several leads of the one sentence)
    rows = review_rows(result.drafts) + review_rows(leads, first=len(result.drafts))
    typed = [dict(r, accept=True, event_type="deal_signed") if r["draft"] >= len(result.drafts) else dict(r, accept=False)
             for r in rows]
    first_lead = next(i for i, r in enumerate(typed) if r["accept"])
    out, problems = drafts_from_review(result.drafts + leads, typed)
    assert problems == []
    (event,) = out
    assert sorted(event.minerals) == sorted(m for d in leads for m in d.minerals)
    assert event.effect == "signed" and "deal" in event.title.lower() and "titanium" in event.title.lower()
    # typed differently, they stay apart
    typed[first_lead]["event_type"] = "smuggling"
    out, problems = drafts_from_review(result.drafts + leads, typed)
    assert problems == [] and len(out) == 2


def test_a_quantity_without_its_unit_is_a_problem_at_its_row():
    # found on the ninth new user's trial: a quantity was applied with no unit (0 of what?)
    text = "North Korea exported 6,300 tons of coal in March 2017, customs data showed.\n"
    result = extract(text, "2017-06-04", "Test Wire", "", load_dataset(ROOT / "data"))
    rows = [dict(r, accept=True) for r in review_rows(result.drafts)]
    assert rows[0]["quantity"] and rows[0]["unit"]
    assert drafts_from_review(result.drafts, rows)[1] == []
    rows[0]["unit"] = ""
    out, problems = drafts_from_review(result.drafts, rows)
    assert out == [] and [(p.row, p.field) for p in problems] == [(1, "unit")]
