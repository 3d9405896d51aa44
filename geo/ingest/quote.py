"""Stage 7, the quote: what an applied event keeps of the report's words.

The record's evidence is in its curators' own words, a short quoted phrase at most (``data/README.md``;
the descriptor says so of the ``evidence`` field): no article text is copied beyond that. A draft shows
the reviewer its whole sentence, to judge it by, but what it writes to the record is a short phrase of
that sentence around its event word — a few words either side (fewer in Korean, whose words carry
particles), cut at word boundaries, marked with ellipses where the sentence goes on, in quotation marks —
or what the reviewer writes instead. One pass over the sentence's words: linear in its length.
"""

from __future__ import annotations

import re

from geo.ingest.hangul import has_hangul

#: Words kept before and after the word the event word is in: (English and other scripts, Korean).
SPAN = {False: (3, 4), True: (2, 2)}
#: The phrase's longest length in characters (a run of long words is cut at a word boundary).
MAX_CHARS = 90
_WORD = re.compile(r"\S+")
_EDGE = ".,;:!?\"'“”‘’()[]「」『』"


def short_quote(sentence: str, at: int | None = None) -> str:
    """A short quoted phrase of ``sentence`` around the character ``at`` (its event word; the start when
    None), within the event word's clause (not past a comma or semicolon): "“…the Hyesan mine were suspended
    on Feb. 20…”", with "…" where the sentence goes on; quotation marks inside it are left out."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(sentence)]
    if not words:
        return ""
    where = 0 if at is None else next((i for i, (_s, e) in enumerate(words) if e > at), len(words) - 1)
    before, after = SPAN[has_hangul(sentence)]
    first = last = where
    while first > 0 and where - first < before and not _ends_clause(sentence, words[first - 1]) \
            and words[last][1] - words[first - 1][0] <= MAX_CHARS:
        first -= 1
    while last < len(words) - 1 and last - where < after and not _ends_clause(sentence, words[last]) \
            and words[last + 1][1] - words[first][0] <= MAX_CHARS:
        last += 1
    phrase = _QUOTES.sub("", sentence[words[first][0]:words[last][1]][:MAX_CHARS]).strip(_EDGE + " ")
    head = "…" if first > 0 else ""
    tail = "…" if last < len(words) - 1 else ""
    return f"“{head}{phrase}{tail}”" if phrase else ""


_QUOTES = re.compile(r"[\"“”]")


def _ends_clause(sentence: str, word: tuple[int, int]) -> bool:
    """Does the word end its clause (a comma, semicolon or colon after it)? Not a full stop: the sentence
    is one sentence already, so a stop inside it ends an abbreviation ("Feb. 20", "U.S.")."""
    return sentence[word[1] - 1] in ",;:"
