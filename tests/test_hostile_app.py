"""Hostile input in the app (issue 13), by class: 3. Markdown injection · 5. dates from the URL
and the data · 8. big bad input on the error page. AppTest reads the Markdown source Streamlit
is given; tests/test_browser.py checks what a browser makes of it.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.render.text import md_escape, md_plain
from geo.rules.filters import DATE_BOUNDS, Filters
from tests.conftest import ROOT, read_rows, write_rows
from tests.test_app import open_page

APP = str(ROOT / "app.py")
LINK = "[x](http://evil.example/)"
IMAGE = "![i](http://evil.example/a.png)"
HOSTILE = f"{LINK} {IMAGE} :material/warning: :red[red] $x^2$ <http://evil.example/> http://evil.example/b"
PAGES = ["views/map.py", "views/timeline.py", "views/sanctions.py", "views/trade.py", "views/data.py",
         "views/sources.py", "views/add_report.py"]


def make_markdown_package(folder: Path, text: str = HOSTILE) -> None:
    """Put ``text`` in every field of the package that the pages print: a mine name, a mineral
    name, a publisher, the descriptor's title, created and licence title, a changelog line."""
    doc = json.loads((folder / "mines.geojson").read_text(encoding="utf-8"))
    doc["features"][0]["properties"]["name"] = "Mine " + text
    (folder / "mines.geojson").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    for name, column in (("minerals.csv", "name"), ("sources.csv", "publisher")):
        rows = read_rows(folder / name)
        rows[0][column] = text
        write_rows(folder / name, rows)
    desc = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    desc["title"] = desc["created"] = text
    desc["licenses"][0]["title"] = text
    (folder / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False), encoding="utf-8")
    with open(folder / "CHANGELOG.md", "a", encoding="utf-8") as fh:
        fh.write(f"\n- {text}\n")


def markdown_of(at: AppTest) -> list[str]:
    """Every string the run handed to an element that renders Markdown."""
    out = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "title", "header", "subheader"):
        out += [str(e.value) for e in getattr(at, kind)]
    for kind in ("selectbox", "multiselect", "date_input", "button", "toggle", "text_input", "text_area"):
        out += [f"{w.label} {getattr(w, 'help', '') or ''}" for w in getattr(at, kind)]
    return out


def live_markup(md: str) -> list[str]:
    """The pieces of :data:`HOSTILE` left live in ``md``: an unescaped link or image target, an
    autolink, a bare address (GitHub-flavoured Markdown links it), an icon, a colour, maths."""
    return re.findall(r"(?<!\\)\]\(https?://evil|(?<!\\)<http://evil|https?://evil|(?<!\\):material/warning"
                      r"|(?<!\\):red\[|(?<!\\)\$x", md)


run_page = open_page  # the page, with a link's query parameters and shared state


# --------------------------------------------------------------------------- 3. Markdown injection


def test_the_escaper_leaves_no_markup():
    escaped = md_escape(HOSTILE)
    assert live_markup(escaped) == [] and md_plain(escaped) == HOSTILE
    assert live_markup("RAW " + HOSTILE)  # the check itself finds every kind


@pytest.mark.parametrize("page", PAGES)
def test_data_text_reaches_markdown_only_escaped(data_copy, monkeypatch, page):
    make_markdown_package(data_copy)
    monkeypatch.setenv("NK_MINES_DATA", str(data_copy))
    rows = read_rows(data_copy / "minerals.csv")
    mines = json.loads((data_copy / "mines.geojson").read_text(encoding="utf-8"))
    mine_id = mines["features"][0]["properties"]["mine_id"]
    at = run_page(page, Filters(minerals=[rows[0]["mineral_id"]]), selected=mine_id)
    assert not at.exception, at.exception
    texts = markdown_of(at)
    assert [(t, live_markup(t)) for t in texts if live_markup(t)] == []
    if page == "views/sources.py":
        assert any("evil.example" in c.value for c in at.code)  # the changelog, shown as text


def test_url_values_in_notices_are_escaped():
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["mine"] = LINK
    at.query_params["mineral"] = IMAGE
    at.query_params["confidence"] = ":material/home:"
    at.run()
    assert not at.exception
    notices = [w.value for w in at.warning]
    assert len(notices) == 3
    assert all(live_markup(n) == [] for n in notices), notices
    assert LINK in md_plain(" ".join(notices)) and IMAGE in md_plain(" ".join(notices))


# --------------------------------------------------------------------------- 5. dates


@pytest.mark.parametrize("since, until", [("1999-12-31", "2099-12-31"), ("0001-01-01", "9999-12-31"),
                                          ("2017-02-30", "yesterday"), ("2017-03-02", "2017-03-01")])
@pytest.mark.parametrize("page", ["views/map.py", "views/data.py"])
def test_url_dates_outside_the_range_never_crash(page, since, until):
    at = run_page(page, since=since, until=until)
    assert not at.exception, at.exception
    lo, hi = DATE_BOUNDS
    for w in at.date_input:
        if w.label in ("Since", "Until") and w.value is not None:
            assert lo <= w.value <= hi
    assert at.warning  # each link is refused, clamped or reordered with a notice


@pytest.mark.parametrize("day", ["1900-01-01", "2100-12-31"])
@pytest.mark.parametrize("page", ["views/map.py", "views/sanctions.py", "views/timeline.py", "views/data.py"])
def test_pages_handle_every_date_validation_accepts(data_copy, monkeypatch, page, day):
    events = read_rows(data_copy / "events.csv")
    events[0].update(date=day, date_precision="year")
    write_rows(data_copy / "events.csv", events)
    sanctions = read_rows(data_copy / "sanctions.csv")
    sanctions[0].update(adopted=day, effective=day)
    write_rows(data_copy / "sanctions.csv", sanctions)
    monkeypatch.setenv("NK_MINES_DATA", str(data_copy))
    at = AppTest.from_file(APP, default_timeout=90)
    at.run()
    at.session_state["asof_on"] = True
    at.switch_page(page)
    at.run()
    assert not at.exception, at.exception
    if page == "views/map.py":
        assert any(s.label == "As of" for s in at.slider)
    # the date filters offer the data's own days
    since = next(w for w in at.date_input if w.label == "Since")
    since.set_value(dt.date.fromisoformat(day)).run()
    assert not at.exception


# --------------------------------------------------------------------------- 8. big bad input


def test_the_error_page_summarises_100000_broken_rows(data_copy, monkeypatch):
    rows = read_rows(data_copy / "events.csv")
    bad = [dict(rows[0], event_id=f"e{i}", date="someday") for i in range(100_000)]
    write_rows(data_copy / "events.csv", rows + bad)
    monkeypatch.setenv("NK_MINES_DATA", str(data_copy))
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert at.title[0].value == "The data package did not validate"
    assert "100,000 problem(s)" in at.error[0].value
    table = at.dataframe[0].value
    assert len(table) < 50
    assert 100_000 - 3 in set(table["More rows like it"].replace("", 0).astype(int))
