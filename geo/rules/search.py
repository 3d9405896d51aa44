"""Text search over events: every word of the query must appear in the event's title, summary
(description) or source (publisher, title).

Case, accents and breves are folded (Tanch'ŏn finds Tanch'on, "SMUGGLED" finds smuggled), words
are matched as substrings ("smuggl" finds smuggled and smuggling), and quotes group words into a
phrase ("coal exports"). Vectorised: each distinct event's text is built and folded once, so the
cost is linear in the size of the text searched.
"""

from __future__ import annotations

import re
import unicodedata

import numpy as np
import pandas as pd

#: The columns searched, in the joined view.
SEARCH_COLUMNS = ("title", "description", "source_publisher", "source_title")
#: Longest query kept (characters); more is cut, never an error.
MAX_QUERY = 200


def fold(text: str) -> str:
    """Lower case without accents or breves, apostrophes removed, spaces collapsed."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = re.sub(r"[\u2019\u2018\u02bc']", "", bare)
    return " ".join(bare.split())


def query_terms(query: str | None) -> list[str]:
    """The folded words and "quoted phrases" of a query; empty for a blank query."""
    if not query:
        return []
    text = str(query)[:MAX_QUERY]
    terms = [fold(p) for p in re.findall(r'"([^"]+)"', text)]
    terms += [fold(w) for w in re.sub(r'"[^"]*"', " ", text).split()]
    return [t for t in terms if t]


def _folded_series(s: pd.Series) -> pd.Series:
    """Folded text, computed once per distinct value (vectorised casefold, Python only for accents)."""
    values = s.astype("str").fillna("")
    codes, uniques = pd.factorize(values)
    folded = np.array([fold(u) for u in uniques], dtype=object)
    return pd.Series(folded[codes] if len(uniques) else np.array([], dtype=object), index=s.index)


def text_mask(view: pd.DataFrame, query: str | None) -> np.ndarray:
    """A boolean array over ``view`` rows whose event matches every term of ``query``."""
    terms = query_terms(query)
    if not terms or view.empty:
        return np.ones(len(view), dtype=bool)
    key = view["event_id"] if "event_id" in view else pd.Series(np.arange(len(view)), index=view.index)
    codes, _ = pd.factorize(key)
    first = ~pd.Series(codes).duplicated().to_numpy()
    events = view[first]
    hay = pd.Series("", index=events.index, dtype=object)
    for col in SEARCH_COLUMNS:
        if col in events:
            hay = hay + " " + _folded_series(events[col])
    hay = hay.astype("str")
    hit = np.ones(len(events), dtype=bool)
    for term in terms:
        hit &= hay.str.contains(term, regex=False).to_numpy()
    per_event = np.zeros(codes.max() + 1, dtype=bool)
    per_event[codes[first]] = hit
    return per_event[codes]
