"""Mines named for a day written with a dot or a middle dot ("6.13탄광", "6·13탄광", the June 13 mine at Aoji): the
gazetteer's tokens split at the dot, so the day and the name are looked up whole here, in the gazetteer's Hangul
index (folded names: "613탄광"). A name the gazetteer found otherwise ("2.8직동청년탄광" as 직동청년탄광) is left as it was."""

from __future__ import annotations

import re

from geo.ingest.name_keys import fold

_DAY_NAME = re.compile(r"(?<![\d.·])(\d{1,2})[.·](\d{1,2})([\uac00-\ud7a3]{1,12})")


def day_named(text: str, index: dict) -> list[tuple[object, int, int]]:
    """(entry, start, end) of each mine of ``index`` named with its day and a dot in ``text``: the longest Hangul
    part that completes a known name (a particle may follow: "6.13탄광에서")."""
    out = []
    for m in _DAY_NAME.finditer(text):
        day, tail = m.group(1) + m.group(2), m.group(3)
        for n in range(len(tail), 0, -1):
            entry = index.get(fold(day + tail[:n]))
            if entry is not None and entry.kind == "mine":
                out.append((entry, m.start(), m.start(3) + n))
                break
    return out
