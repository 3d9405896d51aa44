"""Ships a report names ("another vessel, the Dong Thanh", "the Panama-flagged Katrin"): a smuggling case at sea is
told by its ship, and two cases of one season are two cases when their ships differ (geo.ingest.known)."""

from __future__ import annotations

import functools
import re

#: A ship named after the word for it ("the ship, the Wise Honest", "the vessel Rich Glory") or after its flag ("the
#: Panama-flagged Dong Thanh"); English reports only (a Korean report writes the name in Hangul, which the record does not).
_SHIP = re.compile(r"\b(?:vessel|ship|freighter|tanker|bulk carrier|cargo ship)s?,?\s+(?:named\s+|called\s+)?(?:the\s+)?"
                   r"[\"“‘']?(?P<a>[A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]*|\d+)){0,2})"
                   r"|\b[\w-]+-flagged\s+(?:vessel\s+|ship\s+|freighter\s+|tanker\s+)?(?P<b>[A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]*|\d+)){0,2})")
#: Capitalised words that open no ship's name.
_NOT_A_NAME = frozenset({"north", "south", "korean", "korea", "chinese", "china", "us", "u", "un", "the", "a", "an", "in", "on",
                         "at", "from", "to", "with", "and", "which", "that", "was", "is", "has", "had", "indonesian",
                         "malaysian", "russian", "japanese", "panama", "togo", "sierra", "american", "last", "this"})


@functools.lru_cache(maxsize=1024)
def ships_named(sentence: str) -> tuple[str, ...]:
    """The ships an English sentence names, lower-cased ("wise honest", "dong thanh"); () for none or a Korean sentence."""
    if not any(w in sentence for w in ("vessel", "ship", "freighter", "tanker", "carrier", "-flagged")):
        return ()
    out = []
    for m in _SHIP.finditer(sentence):
        name = m.group("a") or m.group("b")
        if name.split()[0].lower().strip("'’") not in _NOT_A_NAME:
            out.append(name.lower())
    return tuple(dict.fromkeys(out))
