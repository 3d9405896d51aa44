"""Issue 12 in a real browser, as a new user would: paste a report in Korean into the Add report
page, extract, see which drafts repeat the record, apply, and undo the apply.

The server runs on a copy of the curated record (the minerals' Korean names are there, not in
the frozen fixture); the copy is byte for byte the same after the undo.
"""

from __future__ import annotations

import hashlib
import re
import shutil

import pytest

from tests.conftest import RECORD
from tests.test_browser import browser, page, serving  # noqa: F401 - pytest fixtures

pytestmark = pytest.mark.browser

REPORT = "\n".join([
    "북한, 혜산광산 구리 수출 중단",
    "양강도의 한 소식통은 13일 \"혜산청년광산의 구리정광 수출이 지난달부터 완전히 중단됐다\"고 말했다.",
    "이 소식통은 \"무산광산 철광석은 지금도 중국으로 수출되고 있다\"고 덧붙였다.",
    "무산광산은 지난해 철광석 120만 톤을 중국에 수출한 것으로 집계됐다.",
    "유엔 안보리는 2017년 8월 5일 결의 2371호로 북한의 석탄 수출을 금지했다.",
    "소식통은 \"백암광산에서 나온 아연은 역에 쌓여 있다\"고 전했다.",  # no event word: a lead, unticked
])


def _digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and not p.name.startswith(".")}


@pytest.fixture(scope="module")
def record_copy(tmp_path_factory):
    data = tmp_path_factory.mktemp("ingest") / "data"
    shutil.copytree(RECORD, data, ignore=shutil.ignore_patterns(".cache", ".ingest*"))
    return data


@pytest.fixture(scope="module")
def record_server(record_copy):
    with serving(record_copy) as srv:
        yield srv


def test_a_korean_report_pasted_applied_and_undone(record_server, record_copy, page):  # noqa: F811
    before = _digest(record_copy)
    page.goto(record_server.url + "/add-report")
    page.get_by_label("Report text").fill(REPORT)
    page.get_by_label("Publisher").fill("자유아시아방송")
    page.get_by_role("spinbutton", name="year, Publication date").click()
    page.keyboard.type("20150213")  # year, month, day: each segment passes on to the next
    page.keyboard.press("Escape")  # close the calendar the field opened
    page.get_by_role("button", name="Extract drafts").click()

    page.get_by_text("Review the drafts").wait_for(timeout=60_000)
    # The UN's coal ban is already a measure of the record: said above the table, its row unticked.
    page.get_by_text("repeat a measure or event already in the record").wait_for(timeout=20_000)
    # A sentence that names a mine and mineral but drafted nothing is listed below, for the reviewer.
    page.get_by_text(re.compile(r"^Sentences with no draft \(\d+\)")).wait_for(timeout=20_000)
    apply_button = page.get_by_role("button", name="Apply")
    accepted = int(re.search(r"Apply (\d+) accepted", apply_button.inner_text()).group(1))
    # Musan's dated export figure is proposed; the halt and the continued exports, drafts a new
    # report often gets wrong (estimated below 0.5), are shown unticked to check.
    assert accepted >= 1

    apply_button.click()
    applied = page.get_by_text(re.compile(r"^Applied: \d+ event\(s\)"))
    applied.wait_for(timeout=60_000)
    assert f"Applied: {accepted} event(s)" in applied.inner_text()
    assert _digest(record_copy) != before

    page.get_by_role("button", name="Undo this apply").click()
    page.get_by_text(re.compile(r"^Reverted version")).wait_for(timeout=60_000)
    after = _digest(record_copy)
    changed = {k for k in before if before[k] != after.get(k)}
    # Events, links and sources are back byte for byte; the version and changelog record the undo.
    assert changed <= {"datapackage.json", "CHANGELOG.md"}, changed


SECOND = "\n".join([
    "Coal exports from Musan resume",
    "Iron ore from the Musan mine was exported to China again in March 2015, a source told Daily NK on Monday.",
])


def test_after_an_apply_the_next_reports_source_form_is_its_own(record_server, page):  # noqa: F811
    # A new user's trial: after applying one report, the next report's "Edit the source row" form still
    # held the first report's publisher, URL and date, and saving it cited the second report to the first.
    page.goto(record_server.url + "/add-report")
    page.get_by_label("Report text").fill(REPORT)
    page.get_by_label("Publisher").fill("자유아시아방송")
    _type_date(page, "20150213")
    page.get_by_role("button", name="Extract drafts").click()
    page.get_by_text("Review the drafts").wait_for(timeout=60_000)
    page.get_by_role("button", name="Apply").click()
    page.get_by_text(re.compile(r"^Applied: \d+ event\(s\)")).wait_for(timeout=60_000)

    page.get_by_label("Report text").fill(SECOND)
    page.get_by_label("Publisher (required)").fill("Daily NK")
    _type_date(page, "20150406")
    page.get_by_role("button", name="Extract drafts").click()
    form = page.locator("[data-testid='stForm']")  # inside the "Edit the source row" expander, open or not
    # The new extraction's form once the page has finished running again: while it runs, the old form lingers
    # beside the new one; before the mend the one form left kept the first report's values for good.
    page.wait_for_function("""() => { const els = [...document.querySelectorAll('input[aria-label="Publisher (any script)"]')];
                                      return els.length === 1 && els[0].value === 'Daily NK'; }""", timeout=120_000)
    assert form.get_by_label("Title").input_value() == "Coal exports from Musan resume"
    assert form.get_by_label("Publication date (YYYY-MM-DD)").input_value() == "2015-04-06"


def _type_date(pg, digits: str) -> None:
    pg.get_by_role("spinbutton", name="year, Publication date").click()
    pg.keyboard.type(digits)  # year, month, day: each segment passes on to the next
    pg.keyboard.press("Escape")  # close the calendar the field opened
