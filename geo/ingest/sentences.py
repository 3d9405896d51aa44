"""Stage 2, sentences: splitting a report into sentences with their offsets (quotes kept together)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV = {"u.n", "u.s", "mr", "mrs", "ms", "dr", "st", "mt", "no", "vs", "gen", "lt", "col",
           "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
           "inc", "co", "corp", "ltd", "jr", "sr", "e.g", "i.e", "approx", "n", "s"}


_SPLIT_RE = re.compile(r"(?<=[.!?])[”\"’)]*\s+(?=[“\"‘(]?[A-Z0-9\uac00-\ud7a3])")


@dataclass
class _Sentence:
    text: str
    para: int
    quoted: bool


def sentences(text: str) -> list[_Sentence]:
    """Sentences of a report, paragraph by paragraph (one paragraph a line)."""
    out: list[_Sentence] = []
    for p, line in enumerate(x.strip() for x in text.splitlines()):
        if not line:
            continue
        start = 0
        pieces = []
        for m in _SPLIT_RE.finditer(line):
            before = line[start:m.start()].rstrip("”\"’)")
            last = re.search(r"(\S+)\.$", before)
            if last and (last.group(1).lower().strip("“\"(") in _ABBREV
                         or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", last.group(1))):
                continue
            pieces.append(line[start:m.end()].strip())
            start = m.end()
        pieces.append(line[start:].strip())
        out += [_Sentence(piece, p, _is_quote(piece)) for piece in pieces if piece]
    return out


def _is_quote(s: str) -> bool:
    return s.lstrip().startswith(("“", '"', "‘")) or bool(re.search(r"[”\"],?\s+(he|she|they|the \w+( \w+)?) (said|added)", s))
