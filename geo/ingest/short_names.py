"""Stage 3d, one-syllable Korean names of minerals that are other words elsewhere: 동 (copper; also "east", a
town ward), 연 (lead; also "year", "per year") and 은 (silver; also the topic particle). The gazetteer does not
know them; they are read as minerals only as items of a list of minerals ("연·아연정광", "금, 은 정광과 목재",
"은, 구리, 아연 등"; the last item before 등, "금, 은 등이다"), next to a mineral it does know, or before 정광 or 광석 ("은 정광"). One pass of one
bounded pattern over the sentence, and a look at the known matches either side: linear in the sentence.
"""

from __future__ import annotations

import re

from geo.ingest.gazetteer import Match

#: The one-syllable names and the mineral each stands for.
SHORT_NAMES = {"동": "copper", "연": "lead", "은": "silver"}

_ITEM = re.compile(r"(?<![\uac00-\ud7a3])([동연은])(?=\s*(?:[·,/]|(?:과|와|및)\s)|\s?(?:정광|광석)|\s+등(?:이|을|은|의|과|도|\s|$))")
#: What may stand between two items of a list.
_GAP = re.compile(r"\s*(?:[·,/]|과|와|및)\s*")
_CONCENTRATE_AFTER = re.compile(r"\s?(?:정광|광석)")


def short_minerals(sentence: str, matches: list[Match], names: dict[str, str]) -> list[Match]:
    """``matches`` with the list items of :data:`SHORT_NAMES` the sentence holds, in the order of the text;
    ``names`` gives each mineral's name as the record writes it."""
    if not any(c in sentence for c in SHORT_NAMES) or (not matches and "정광" not in sentence and "광석" not in sentence):
        return matches
    minerals = [m for m in matches if m.kind == "mineral"]
    ends = {m.end for m in minerals}
    starts = {m.start for m in minerals}
    spans = sorted((x.start, x.end) for x in matches)
    k, reach = 0, -1  # the known names started before the item, and how far the furthest of them reaches
    found = []
    for m in _ITEM.finditer(sentence):
        while k < len(spans) and spans[k][0] <= m.start():
            reach = max(reach, spans[k][1])
            k += 1
        if m.start() < reach:
            continue  # inside a known name (연정광, 동정광)
        after = _GAP.match(sentence, m.end())
        listed = (after is not None and after.end() in starts) or _item_end_before(sentence, m.start()) in ends
        if listed or _CONCENTRATE_AFTER.match(sentence, m.end()):
            x = SHORT_NAMES[m.group(1)]
            found.append(Match("mineral", x, names.get(x, x), m.group(1), m.start(), m.end(), True))
    return sorted(matches + found, key=lambda x: x.start) if found else matches


def _item_end_before(sentence: str, at: int) -> int | None:
    """Where the list item before ``at`` ends, back over one separator and its spaces; None with no separator."""
    i = at
    while i > 0 and sentence[i - 1].isspace():
        i -= 1
    if i == 0 or sentence[i - 1] not in "·,/과와및":
        return None
    i -= 1
    while i > 0 and sentence[i - 1].isspace():
        i -= 1
    return i
