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


def short_quote(sentence: str, at: int | None = None, near: int | None = None, figure: str = "") -> str:
    """A short quoted phrase of ``sentence`` around the character ``at`` (its event word; the start when
    None), within the event word's clause (not past a comma or semicolon): "“…the Hyesan mine were suspended
    on Feb. 20…”", with "…" where the sentence goes on; quotation marks inside it are left out. With
    ``near`` (where the event's mine or mineral is named), the phrase spans from one to the other when
    they are no further apart than the phrase's usual length, so that it names what the event is about; with
    ``figure`` (the event's amount as written), the phrase takes it in too when all three fit in the phrase's longest
    length (testers found "“…China's coal imports from North…”" without its figure)."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(sentence)]
    if not words:
        return ""

    def index(pos: int) -> int:
        return next((i for i, (_s, e) in enumerate(words) if e > pos), len(words) - 1)

    first = last = 0 if at is None else index(at)
    before, after = SPAN[has_hangul(sentence)]
    spans = []  # (from, to, with the figure?), the fullest first
    mention = index(near) if near is not None and at is not None else None
    if at is not None and figure and (where := sentence.find(figure)) >= 0:
        told = [first, index(where), index(where + len(figure) - 1)] + ([mention] if mention is not None else [])
        spans.append((min(told), max(told), True))
    if mention is not None:
        spans.append((min(first, mention), max(first, mention), False))
    for lo, hi, with_figure in spans:  # from the event word to its mine or mineral (and figure), and a word beyond
        if words[hi][1] - words[lo][0] <= MAX_CHARS and (with_figure or hi - lo <= before + after + 1):
            first, last, before, after = lo, hi, 0 if with_figure else 1, 1 if with_figure else 2
            break
    low, high = first - before, last + after
    while first > max(0, low) and not _ends_clause(sentence, words[first - 1]) \
            and words[last][1] - words[first - 1][0] <= MAX_CHARS:
        first -= 1
    while last < min(len(words) - 1, high) and not _ends_clause(sentence, words[last]) \
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
