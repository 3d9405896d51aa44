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



def _not_after_abbreviation() -> str:
    """Negative look-behinds, one per length, for "ABBREV." as a whole word (after a space, a
    quote, a bracket or the line's start) and for an initial ("A.", "U.S." ends in "S.")."""
    by_len: dict[int, list[str]] = {}
    for a in sorted(_ABBREV):
        by_len.setdefault(len(a), []).append(re.escape(a))
    word_start = r"(?<![^\s“\"(])"
    parts = [f"(?<!{word_start}(?i:{'|'.join(words)})\\.)" for _n, words in sorted(by_len.items())]
    return "".join(parts) + r"(?<!(?<![^\s“\"(.])[A-Z]\.)"


# A sentence ends at . ! or ? (closing quotes may follow), then space, then a capital, digit or
# Hangul — unless the full stop ends an abbreviation or an initial. A transcript's speaker mark may come between
# the stop and the space (".>> Dandong started …": a new speaker, a new sentence). Every test is a fixed-width
# look-around at one position, so the split is one linear scan in the regex engine. The pattern
# takes the stop itself (a match starts one character before the split), so the engine jumps from
# stop to stop instead of trying every position.
_SPLIT_RE = re.compile(r"[.!?]" + _not_after_abbreviation()
                       + r"[”\"’)]{0,3}(?:\s*>>)?\s+(?=[“\"‘(]?[A-Z0-9\uac00-\ud7a3])")
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
        yield line[start:m.start() + 1].strip()  # the stop ends the sentence
        start = m.end()
    yield line[start:].strip()


def _bounded(piece: str):
    """The piece cut at a space into parts of at most MAX_SENTENCE characters (by index: linear)."""
    start, n = 0, len(piece)
    while n - start > MAX_SENTENCE:
        cut = piece.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > 0 else start + MAX_SENTENCE
        yield piece[start:cut]
        start = cut
        while start < n and piece[start].isspace():
            start += 1
    if start < n:
        yield piece[start:]


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
