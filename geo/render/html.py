"""HTML out of data, always escaped: the Jinja environment (autoescape on) and the escapers.

Pages get HTML from templates in ``geo/render/templates`` rendered by :func:`render`: every
value is escaped by Jinja unless a filter here made it safe (``link`` escapes its parts and
only keeps http(s) URLs). :func:`esc` is the escaper for the places Jinja does not reach:
folium tooltips and scripts (see its docstring).
"""

from __future__ import annotations

import html
from functools import cache

import jinja2
import pandas as pd
from markupsafe import Markup, escape

_EXTRA_ENTITIES = str.maketrans(
    {"\\": "&#92;", "`": "&#96;", "$": "&#36;", "{": "&#123;", "}": "&#125;"}
)


def esc(value) -> str:
    """Text from data made safe for HTML, for JS template literals and for Jinja.

    ``None``/NaN become "". Besides ``& < > " '``, these become numeric entities (the browser
    shows them as the original characters): backtick, ``$`` and backslash, because folium
    pastes tooltip HTML into a JS template literal where they could end the string or run
    ``${...}``; ``{`` and ``}``, because folium compiles every element's rendered script again
    as a Jinja template, so ``{{ ... }}`` in data would be evaluated on the server.
    """
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True).translate(_EXTRA_ENTITIES)


def safe_url(url) -> str:
    """The URL if it is http(s), else ""."""
    text = "" if url is None or (isinstance(url, float) and pd.isna(url)) else str(url).strip()
    return text if text.lower().startswith(("https://", "http://")) else ""


def link(url, text) -> Markup:
    """An escaped link that opens in a new tab, or just the escaped text when there is no URL."""
    href = safe_url(url)
    if not href:
        return Markup.escape(_text(text))
    # the same as Markup(...).format(href, text), which escapes both, at a quarter of its cost
    return Markup(f'<a href="{escape(href)}" target="_blank" rel="noopener noreferrer">{escape(_text(text))}</a>')  # noqa: S704 - both parts escaped


def format_number(value) -> str:
    """1234567 → "1,234,567"; 7.5 → "7.5"; missing → ""."""
    if value is None or pd.isna(value):
        return ""
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,}"


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("geo.render", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(link=link, number=format_number, text=_text)
    return env


def render(template: str, **context) -> str:
    """A template of ``geo/render/templates`` rendered with autoescape."""
    return environment().get_template(template).render(**context)
