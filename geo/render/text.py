"""Text from the data or a URL, made inert for Streamlit's Markdown.

Streamlit renders Markdown in ``st.markdown``, captions, notices (``st.info`` and friends),
widget labels and titles, with its own extensions: ``:material/icon:`` and ``:emoji:``
shortcodes, ``:red[colour]`` directives and ``$math$``. A mine name, a publisher, a licence
title or a ``?mine=`` value that reaches one of them must read as the text it is, never as a
link, an image (loaded from another host), an icon, a formula, emphasis or a heading.

:func:`md_escape` puts a value on one line and backslash-escapes what gives Markdown a meaning
(:data:`MARKUP`: brackets, so no link, image or reference can form; ``<`` for autolinks;
emphasis, code, strikethrough, table and maths signs; ``#``, and a leading ``-``, ``+`` or
``1.`` that would start a heading or list). Streamlit reads shortcodes and GitHub-flavoured
Markdown links bare addresses *after* escapes are read, so those are broken with an invisible
word joiner instead: after a colon before a letter or ``/`` (``:icon:``, ``:red[``,
``http://``), after ``@`` (e-mail links) and inside ``www.``. Everything else (dots, hyphens,
parentheses, times such as 10:30) stays as it is, so ordinary text is unchanged.
"""

from __future__ import annotations

import re

#: Word joiner (U+2060): invisible, and it breaks shortcodes and bare addresses.
WJ = "\u2060"
#: Characters escaped wherever they are.
MARKUP = "\\`*_[]<>#|~$"
_PUNCT = re.compile("[" + re.escape(MARKUP) + "]")
_LEADING = re.compile(r"^(\s*)([-+])(?=\s|$)|^(\s*\d+)([.)])(?=\s|$)")
_BREAK_AFTER = re.compile(r":(?=[A-Za-z/])|@")
_WWW = re.compile(r"(?i)w(?=ww\.)")
_LINES = re.compile(r"[\r\n\u2028\u2029\x0b\x0c]+")


def md_escape(text) -> str:
    """``text`` (any value, ``None`` as "") as Markdown that renders as exactly that text (line
    breaks become spaces)."""
    if text is None:
        return ""
    out = _LINES.sub(" ", str(text))
    out = _PUNCT.sub(lambda m: "\\" + m.group(0), out)
    out = _LEADING.sub(lambda m: (m.group(1) or m.group(3) or "") + "\\" + (m.group(2) or m.group(4)), out)  # no list
    out = _BREAK_AFTER.sub(lambda m: m.group(0) + WJ, out)
    return _WWW.sub(lambda m: m.group(0) + WJ, out)


def md_code(text) -> str:
    """``text`` as an inline code span (shown verbatim: nothing inside is Markdown)."""
    value = _LINES.sub(" ", "" if text is None else str(text))
    longest = max((len(m) for m in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") or not value.strip() else ""
    return f"{fence}{pad}{value}{pad}{fence}"


_URL_UNSAFE = re.compile(r"[\s()<>\[\]\\`\x00-\x1f\x7f]")


def md_link(text, url) -> str:
    """A Markdown link with escaped ``text``, when ``url`` is a plain http(s) address; else the
    escaped text alone (no ``javascript:``, no relative or malformed target)."""
    label = md_escape(text)
    url = "" if url is None else str(url).strip()
    if not re.match(r"(?i)^https?://[^/\s]+", url) or len(url) > 2000:
        return label
    safe = _URL_UNSAFE.sub(lambda m: f"%{ord(m.group(0)):02X}" if ord(m.group(0)) < 256 else "", url)
    return f"[{label}]({safe})"


def md_plain(markdown: str) -> str:
    """The text :func:`md_escape` made Markdown of (its inverse, for tests and logs)."""
    return re.sub(r"\\(.)", r"\1", str(markdown)).replace(WJ, "")
