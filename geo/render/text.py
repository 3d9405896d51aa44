"""Text from the data or a URL, made inert for Streamlit's Markdown.

Streamlit renders Markdown in ``st.markdown``, captions, notices (``st.info`` and friends),
widget labels and titles, with its own extensions: ``:material/icon:`` and ``:emoji:``
shortcodes, ``:red[colour]`` directives and ``$math$``. A mine name, a publisher, a licence
title or a ``?mine=`` value that reaches one of them must read as the text it is, never as a
link, an image (loaded from another host), an icon, a formula or a heading.

:func:`md_escape` backslash-escapes every ASCII punctuation character Markdown gives a meaning
(:data:`MARKUP`; an escaped character is always literal text), so ``[x](http://…)``, ``![i](…)``,
``<http://…>``, ``$x$``, ``*``, ``#`` and table pipes lose their meaning; a colon is escaped
too and followed by a zero-width word joiner, so no ``:name:`` shortcode, ``:colour[...]``
directive or ``http://`` address can form (Streamlit's GitHub-flavoured Markdown turns bare
addresses into links after escapes are read); ``@`` (e-mail links) and ``www.`` are broken the
same way. Line breaks become spaces: one value, one line.
"""

from __future__ import annotations

import re

#: Word joiner (U+2060): invisible, and it breaks Streamlit's ``:shortcode:`` pattern.
WJ = "\u2060"
#: What Markdown (CommonMark, GFM, Streamlit's extensions) gives a meaning: every ASCII
#: punctuation character but quotes, commas, semicolons, slashes, question marks and %.
MARKUP = "\\`*_{}[]()<>#+-.!|~$:@&=^"
_PUNCT = re.compile("[" + re.escape(MARKUP) + "]")
#: An escaped colon (but not one between digits, as in 10:30) or @: a word joiner goes after it.
_BREAK_AFTER = re.compile(r"(?<![0-9])\\:|\\:(?![0-9])|\\@")
_WWW = re.compile(r"(?i)\bwww(?=\\\.)")
_LINES = re.compile(r"[\r\n\u2028\u2029\x0b\x0c]+")


def md_escape(text) -> str:
    """``text`` (any value, ``None`` as "") as Markdown that renders as exactly that text."""
    if text is None:
        return ""
    out = _LINES.sub(" ", str(text))
    out = _PUNCT.sub(lambda m: "\\" + m.group(0), out)
    out = _BREAK_AFTER.sub(lambda m: m.group(0) + WJ, out)
    return _WWW.sub(lambda m: m.group(0)[:1] + WJ + m.group(0)[1:], out)


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
