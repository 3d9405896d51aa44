"""Markdown injection in a real browser (issue 13, class 3): a package whose mine name, mineral
name, publisher, title, created, licence title and changelog hold Markdown links, images, icons
and maths, and a link whose ``?mine=`` holds one, show no link or image to another host, and the
browser makes no request off 127.0.0.1 (the ``page`` fixture aborts and records any)."""

from __future__ import annotations

import json
import shutil
from urllib.parse import quote, urlparse

import pytest

from tests.conftest import DATA, read_rows
from tests.test_browser import browser, page, serving  # noqa: F401 (fixtures)
from tests.test_hostile_app import IMAGE, LINK, make_markdown_package

pytestmark = pytest.mark.browser
ALLOWED_LINK_HOSTS = {"127.0.0.1", "localhost", "creativecommons.org"}  # the package's declared licence


@pytest.fixture(scope="module")
def markdown_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("markdown") / "data"
    shutil.copytree(DATA, data)
    make_markdown_package(data)
    with serving(data) as srv:
        srv.mineral = read_rows(data / "minerals.csv")[0]["mineral_id"]
        srv.mine = json.loads((data / "mines.geojson").read_text(encoding="utf-8"))["features"][0]["properties"]["mine_id"]
        yield srv


@pytest.mark.parametrize("path, heading", [("/map", "Mines and trade events"), ("/timeline", "Timeline"),
                                           ("/sanctions", "Sanctions"), ("/data", "Data & export"),
                                           ("/sources", "Sources & method"), ("/trade", "Trade")])
def test_markdown_in_the_data_shows_as_text(markdown_server, page, path, heading):  # noqa: F811
    page.goto(f"{markdown_server.url}{path}?mineral={markdown_server.mineral}&mine={markdown_server.mine}"
              f"&type={quote(LINK)}&province={quote(IMAGE)}")
    page.get_by_role("heading", name=heading).first.wait_for(timeout=60_000)
    page.get_by_text("every row cites a source").wait_for(timeout=60_000)
    page.wait_for_timeout(1500)
    if path == "/sources":
        page.get_by_text("Data changelog", exact=True).first.click()
        page.wait_for_timeout(500)
    main = page.locator("[data-testid=stApp]")
    links = main.evaluate("el => [...el.querySelectorAll('a[href]')].map(a => a.href)")
    images = main.evaluate("el => [...el.querySelectorAll('img[src]')].map(i => i.src)")
    assert [u for u in links if urlparse(u).hostname not in ALLOWED_LINK_HOSTS and "evil" in u] == []
    assert [u for u in images if "evil" in u] == []
    assert main.locator(".katex").count() == 0
    text = main.inner_text()
    assert "evil.example" in text.replace("\u2060", "")  # the hostile text is there, as text
    assert page.blocked == [], f"requests left the host: {page.blocked}"
