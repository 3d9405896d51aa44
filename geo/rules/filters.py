"""The filter value object: what an analyst has narrowed the data to.

``Filters`` is immutable. ``apply`` narrows the joined view; ``describe`` says it in plain
words ("molybdenum and cobalt, 2017, reported or better"); ``to_query``/``from_query``
round-trip it through a URL query string so every view is a shareable link.

Date semantics: an event matches a date range when the window it may refer to (its date
widened by its precision, see :func:`geo.model.dates.date_window`) overlaps the range. So "around
20 Feb 2017" matches a filter that ends on 10 Feb 2017: it may have happened then.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from geo.model.dataset import CONFIDENCE_LEVELS
from geo.rules.search import MAX_QUERY, text_mask

#: URL query parameter names, by Filters field.
QUERY_NAMES = {
    "minerals": "mineral",
    "event_types": "type",
    "provinces": "province",
    "mines": "mines",
    "since": "since",
    "until": "until",
    "min_confidence": "confidence",
    "text": "q",
}


#: The days the dashboard's date filters offer, widened by :func:`date_bounds` to the data's own.
DATE_BOUNDS = (dt.date(2000, 1, 1), dt.date(2030, 12, 31))
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def date_bounds(ds) -> tuple[dt.date, dt.date]:
    """The first and last day the date filters offer: :data:`DATE_BOUNDS`, widened to every
    date of the data (validation keeps those within 1900–2100)."""
    lo, hi = DATE_BOUNDS
    view = getattr(ds, "view", None)
    if view is not None and len(view):
        first, last = view["date_start"].min(), view["date_end"].max()
        if pd.notna(first):
            lo = min(lo, first.date())
        if pd.notna(last):
            hi = max(hi, last.date())
    return lo, hi


def _tuple(values: Iterable[str] | str | None) -> tuple[str, ...]:
    if values is None:
        return ()
    if isinstance(values, str):
        values = [values]
    seen: list[str] = []
    for v in values:
        v = str(v).strip()
        if v and v not in seen:
            seen.append(v)
    return tuple(seen)


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


@dataclass(frozen=True)
class Filters:
    """Minerals, event types, provinces, mines, a date range, a minimum confidence and a text search.

    Empty means "no restriction". Mines select events linked to those mines. ``text`` keeps the
    events whose title, summary or source holds every word (:mod:`geo.rules.search`).
    """

    minerals: tuple[str, ...] = ()
    event_types: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    mines: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    min_confidence: str | None = None
    text: str = ""

    def mineral_choices(self, mineral_ids) -> list[str]:
        """The minerals a per-mineral control offers: those the filter keeps (in the package's
        order), or every mineral when it keeps all."""
        ids = [str(m) for m in mineral_ids]
        return [m for m in ids if m in self.minerals] or ids

    def __post_init__(self):
        object.__setattr__(self, "text", " ".join(str(self.text or "").split())[:MAX_QUERY])
        for name in ("minerals", "event_types", "provinces", "mines"):
            object.__setattr__(self, name, _tuple(getattr(self, name)))
        for name in ("since", "until"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, dt.date.fromisoformat(value))
            elif isinstance(value, dt.datetime | pd.Timestamp):
                object.__setattr__(self, name, value.date())
        if self.min_confidence == CONFIDENCE_LEVELS[0]:
            object.__setattr__(self, "min_confidence", None)  # the weakest level filters nothing
        if self.min_confidence is not None and self.min_confidence not in CONFIDENCE_LEVELS:
            raise ValueError(f"unknown confidence {self.min_confidence!r}")

    # ------------------------------------------------------------------ applying

    @property
    def is_empty(self) -> bool:
        return self == Filters()

    def mask(self, view: pd.DataFrame) -> np.ndarray:
        """A boolean array over ``view`` rows that match every set criterion."""
        keep = np.ones(len(view), dtype=bool)
        for attr, col in (("minerals", "mineral_id"), ("event_types", "event_type"),
                          ("provinces", "province"), ("mines", "mine_id")):
            values = getattr(self, attr)
            if values:
                keep &= view[col].isin(values).to_numpy()
        if self.since is not None:
            keep &= (view["date_end"] >= pd.Timestamp(self.since)).to_numpy()
        if self.until is not None:
            keep &= (view["date_start"] <= pd.Timestamp(self.until)).to_numpy()
        if self.min_confidence is not None:
            allowed = CONFIDENCE_LEVELS[CONFIDENCE_LEVELS.index(self.min_confidence):]
            keep &= view["confidence"].isin(allowed).to_numpy()
        if self.text:
            keep &= text_mask(view, self.text)
        return keep

    def apply(self, view: pd.DataFrame) -> pd.DataFrame:
        """The rows of ``view`` that match."""
        if self.is_empty:
            return view
        return view[self.mask(view)]

    def with_(self, **changes) -> Filters:
        return replace(self, **changes)

    # ------------------------------------------------------------------ words

    def describe(self, mineral_names: Mapping[str, str] | None = None,
                 mine_names: Mapping[str, str] | None = None,
                 type_words: Mapping[str, str] | None = None) -> str:
        """The filter in plain words, e.g. "molybdenum and cobalt, 2017, reported or better"."""
        parts: list[str] = []
        if self.minerals:
            names = [(mineral_names or {}).get(m, m.replace("_", " ")) for m in self.minerals]
            parts.append(_join([n[:1].lower() + n[1:] for n in names]))
        if self.event_types:
            parts.append(_join([(type_words or {}).get(t, t.replace("_", " ")) for t in self.event_types]))
        if self.mines:
            parts.append("at " + _join([(mine_names or {}).get(m, m) for m in self.mines]))
        if self.provinces:
            parts.append("in " + _join(list(self.provinces)))
        period = self._describe_period()
        if period:
            parts.append(period)
        if self.min_confidence:
            parts.append(f"{self.min_confidence} or better")
        if self.text:
            parts.append(f"matching “{self.text}”")
        return ", ".join(parts) if parts else "all events"

    def _describe_period(self) -> str:
        s, u = self.since, self.until
        if s and u:
            if s.month == 1 and s.day == 1 and u.month == 12 and u.day == 31:
                return str(s.year) if s.year == u.year else f"{s.year}–{u.year}"
            return f"{s.isoformat()} to {u.isoformat()}"
        if s:
            return f"since {s.isoformat()}"
        if u:
            return f"until {u.isoformat()}"
        return ""

    def slug(self) -> str:
        """A short file-name-safe form, e.g. "molybdenum-cobalt_2017"."""
        parts = ["-".join(self.minerals), "-".join(self.event_types),
                 "-".join(p.lower().replace(" ", "") for p in self.provinces), "-".join(self.mines)]
        period = self._describe_period().replace(" to ", "_").replace(" ", "-").replace("–", "-")
        parts += [period, self.min_confidence or "", ("q-" + self.text[:30]) if self.text else ""]
        text = "_".join(p for p in parts if p)
        keep = "".join(c if c.isalnum() or c in "-_" else "-" for c in text)
        return (keep or "all")[:80]

    # ------------------------------------------------------------------ URL

    def to_query(self) -> dict[str, list[str]]:
        """Query parameters (name → list of values); empty criteria are left out."""
        out: dict[str, list[str]] = {}
        for attr, key in QUERY_NAMES.items():
            value = getattr(self, attr)
            if isinstance(value, tuple):
                if value:
                    out[key] = list(value)
            elif value is not None and value != "":
                out[key] = [value.isoformat() if isinstance(value, dt.date) else str(value)]
        return out

    @classmethod
    def from_query(cls, params: Mapping[str, Iterable[str] | str], *, minerals: Iterable[str] = (),
                   event_types: Iterable[str] = (), provinces: Iterable[str] = (),
                   mines: Iterable[str] = (),
                   bounds: tuple[dt.date, dt.date] = DATE_BOUNDS) -> tuple[Filters, list[str]]:
        """Parse query parameters against the known vocabularies.

        Dates must be YYYY-MM-DD; one outside ``bounds`` (the days the dashboard offers) is
        moved to the nearest bound, with a notice. Returns the filters and one notice per
        value that was ignored or changed; never raises.
        """
        known = {QUERY_NAMES["minerals"]: set(minerals), QUERY_NAMES["event_types"]: set(event_types),
                 QUERY_NAMES["provinces"]: set(provinces), QUERY_NAMES["mines"]: set(mines)}
        notices: list[str] = []
        kwargs: dict = {}
        for attr, key in QUERY_NAMES.items():
            raw = params.get(key)
            if raw is None:
                continue
            values = [raw] if isinstance(raw, str) else list(raw)
            values = [v for v in (str(x).strip() for x in values) if v]
            if key in known:
                good = [v for v in values if v in known[key]]
                for bad in (v for v in values if v not in known[key]):
                    notices.append(f"Ignored unknown {key} {bad[:60]!r} in the link.")
                kwargs[attr] = tuple(good)
            elif key in ("since", "until") and values:
                try:
                    if not _ISO_DAY.fullmatch(values[-1]):
                        raise ValueError
                    day = dt.date.fromisoformat(values[-1])
                except ValueError:
                    notices.append(f"Ignored {key} {values[-1][:40]!r} in the link: not a date (YYYY-MM-DD).")
                    continue
                lo, hi = bounds
                if not lo <= day <= hi:
                    near = lo if day < lo else hi
                    notices.append(f"The link's {key} {day.isoformat()} is outside the days the dashboard shows "
                                   f"({lo.isoformat()} to {hi.isoformat()}): using {near.isoformat()}.")
                    day = near
                kwargs[attr] = day
            elif key == "q":
                kwargs[attr] = " ".join(values)
            elif key == "confidence" and values:
                if values[-1] in CONFIDENCE_LEVELS:
                    kwargs[attr] = values[-1]
                else:
                    notices.append(f"Ignored confidence {values[-1][:40]!r} in the link: use one of "
                                   f"{', '.join(CONFIDENCE_LEVELS)}.")
        if kwargs.get("since") and kwargs.get("until") and kwargs["since"] > kwargs["until"]:
            notices.append("Ignored the date range in the link: 'since' is after 'until'.")
            kwargs.pop("since")
            kwargs.pop("until")
        return cls(**kwargs), notices


def showing(view: pd.DataFrame, event_ids: Iterable[str], *, on_map: bool) -> Filters:
    """Filters that show the events ``event_ids`` (those an ingest apply just added) among their like.

    On the map (``on_map``): the mines they are linked to and their minerals (their minerals alone when
    none has a mine). On the timeline: their minerals, over the days their dates may fall on. Events
    not in ``view`` are left out; none there gives no filter."""
    ids = [event_ids] if isinstance(event_ids, str) else list(event_ids)  # one id is not its characters
    rows = view[view["event_id"].isin(ids)]
    if rows.empty:
        return Filters()
    minerals = [m for m in dict.fromkeys(rows["mineral_id"]) if isinstance(m, str) and m]
    if on_map:
        return Filters(minerals=minerals, mines=[m for m in dict.fromkeys(rows["mine_id"]) if isinstance(m, str) and m])
    first, last = rows["date_start"].min(), rows["date_end"].max()
    return Filters(minerals=minerals, since=first if pd.notna(first) else None, until=last if pd.notna(last) else None)


def mine_to_select(mines: pd.DataFrame, mine_ids: list[str]) -> str | None:
    """The first of ``mine_ids`` that has a point on the map (a mine added from a report has none yet)."""
    placed = set(mines.loc[mines["lat"].notna() & mines["lon"].notna(), "mine_id"]) if "lat" in mines else set(mines["mine_id"])
    return next((m for m in mine_ids if m in placed), None)


def vocabularies(ds) -> dict[str, list[str]]:
    """The values each filter accepts for a dataset, for ``from_query`` and for widgets."""
    return {
        "minerals": list(ds.minerals["mineral_id"]),
        "event_types": ds.event_types,
        "provinces": sorted(p for p in ds.mines["province"].unique() if p),
        "mines": list(ds.mines["mine_id"]),
    }
