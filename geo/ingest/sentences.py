"""Stage 2, sentences: a report split into paragraphs (one a line) and sentences, the headline kept apart.

Linear in the text: one scan per line for candidate boundaries, each checked against the
word before it only (abbreviations, initials). A sentence longer than ``MAX_SENTENCE``
characters is cut at a space, so no later stage ever works on an unbounded string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = {"u.n", "u.s", "mr", "mrs", "ms", "dr", "st", "mt", "no", "vs", "gen", "lt", "col",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
           "inc", "co", "corp", "ltd", "jr", "sr", "e.g", "i.e", "approx", "n", "s"}

_SPLIT_RE = re.compile(r"(?<=[.!?])[”\"’)]{0,3}\s+(?=[“\"‘(]?[A-Z0-9\uac00-\ud7a3])")
_LAST_WORD_RE = re.compile(r"(\S{1,20})\.[”\"’)]{0,3}$")
_INITIALS_RE = re.compile(r"(?:[A-Z]\.)*[A-Z]")
_QUOTE_END_RE = re.compile(r"[”\"],?\s+(he|she|they|the \w+( \w+)?) (said|added)")
MAX_SENTENCE = 2000


@dataclass
class _Sentence:
    text: str
    para: int
    quoted: bool
    headline: bool = False


def _pieces(line: str):
    start = 0
    for m in _SPLIT_RE.finditer(line):
        tail = line[max(start, m.start() - 24):m.start()]  # the word before: bounded look-back
        last = _LAST_WORD_RE.search(tail)
        if last and (last.group(1).lower().strip("“\"(") in _ABBREV or _INITIALS_RE.fullmatch(last.group(1))):
            continue
        yield line[start:m.start()].strip()
        start = m.end()
    yield line[start:].strip()


def _bounded(piece: str):
    while len(piece) > MAX_SENTENCE:
        cut = piece.rfind(" ", MAX_SENTENCE // 2, MAX_SENTENCE)
        cut = cut if cut > 0 else MAX_SENTENCE
        yield piece[:cut]
        piece = piece[cut:].lstrip()
    if piece:
        yield piece


def sentences(text: str, title: str = "") -> list[_Sentence]:
    """Sentences of a report, paragraph by paragraph; the headline line (if it is ``title``) flagged."""
    out: list[_Sentence] = []
    title = title.strip()
    for p, line in enumerate(x.strip() for x in text.splitlines()):
        if not line:
            continue
        is_head = bool(title) and not out and line == title
        for piece in _pieces(line):
            for s in _bounded(piece):
                out.append(_Sentence(s, p, _is_quote(s), is_head))
    return out


def _is_quote(s: str) -> bool:
    return s.lstrip().startswith(("“", '"', "‘")) or bool(_QUOTE_END_RE.search(s[-200:]))
