"""The two tiers of name normalisation the gazetteer looks names up by (see :mod:`geo.ingest.gazetteer`):
:func:`fold` (case, diacritics, apostrophes, hyphens and spaces folded away) and :func:`phonetic_key` (the regular
Revised Romanization ↔ McCune–Reischauer correspondences on top of it)."""

from __future__ import annotations

import functools
import re
import unicodedata
from operator import itemgetter

_DROP = set("'’ʼ‘`´ʻ-‐‑‒–—―.·") | {" ", "\t", "\u00a0"}
_ASCII_DROP = {ord(c): None for c in _DROP if c.isascii()}
_TOKEN_RE = re.compile(r"[^\W_]+(?:['’ʼ‘`\-‐‑][^\W_]+)*")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case, diacritics, apostrophes, hyphens and spaces folded away; Hangul kept."""
    text = str(text)
    if text.isascii():  # nothing to decompose or compose, and case folding is lower-casing
        return text.translate(_ASCII_DROP).lower()
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in _DROP)
    return unicodedata.normalize("NFC", kept.casefold())


@functools.lru_cache(maxsize=65536)
def _key_token(tok: str) -> str:
    if not tok.isascii():
        return tok
    t = tok.replace("shi", "si").replace("eo", "o").replace("eu", "u")
    if t.startswith(("ry", "ri")):
        t = t[1:]
    t = t.replace("ch", "c").replace("j", "c")
    return _DOUBLED.sub(itemgetter(1), t.translate(_VOICED))  # each doubled letter once


_VOICED = str.maketrans("gdbl", "ktpr")
_DOUBLED = re.compile(r"(.)\1+")


def phonetic_key(text: str) -> str:
    """The romanization-insensitive key of a name (see the module docstring)."""
    return "".join(_key_token(fold(t)) for t in _tokens(text)) or fold(text)


def _tokens(text: str) -> list[str]:
    return [m.group(0) for m in _TOKEN_RE.finditer(text)]
