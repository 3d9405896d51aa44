"""The record as the ingest compares drafts with it (:mod:`geo.ingest.known`): its measures (``sanctions.csv``) and its
events (the dataset's view, one row per event × mine × mineral), each a dict with its mineral, days or window, type,
amounts, actors and label, grouped by mineral and read once per loaded dataset. A measure's label also names the
record's event that records it, so that a draft repeating the measure is offered for corroboration of that event."""

from __future__ import annotations

import datetime as dt
import re
import weakref

import pandas as pd

#: Event types a measure in sanctions.csv can stand for.
MEASURE_TYPES = ("sanction", "import_suspension")


_RECORDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def record(ds) -> tuple[dict[str, list[dict]], dict[str, list[dict]]]:
    """The record's measures and events by mineral, once per loaded dataset."""
    cached = _RECORDS.get(ds)
    if cached is None:
        cached = _RECORDS[ds] = (_by_mineral(_measure_rows(ds)), _by_mineral(_event_rows(ds)))
        _name_recording_events(*cached)
    return cached


def _name_recording_events(measures: dict[str, list[dict]], events: dict[str, list[dict]]) -> None:
    """A measure's label names the record's event that records it (the same mineral, a measure's type, within a week of
    its days: "sanctions.csv CN-MOFCOM-2016-75 (…); recorded as event mofcom-no75-coal-suspension-2016-12 (2016-12-11)"),
    so that a draft repeating the measure is offered for corroboration of that event: a row of ``sanctions.csv`` takes
    no further source (the fiftieth trial's retyped suspension was offered nothing)."""
    week = dt.timedelta(days=7)
    for mineral, rows in measures.items():
        for m in rows:
            near = [e for e in events.get(mineral, []) if e["event_type"] in MEASURE_TYPES and not e["amounts"]
                    and any(abs(e["start"] - day) <= week for day in m["days"])]  # (not a cargo turned back that week)
            if near:
                m["label"] += "; recorded as " + ", ".join(dict.fromkeys(e["label"] for e in near))


def amounts(quantity, unit, value) -> list[float]:
    """The figures a trade figure gives, each with its kind: ("quantity", in the unit's plain count), ("value", US$)."""
    scale = next((f for word, f in _SCALES.items() if word in str(unit or "").lower()), 1.0)
    return [(kind, float(v) * f) for kind, v, f in (("quantity", quantity, scale), ("value", value, 1.0))
            if v is not None and not pd.isna(v) and v != ""]


_SCALES = {"billion": 1e9, "million": 1e6, "thousand": 1e3}


_GENERIC_ACTOR_WORDS = frozenset({"dprk", "north", "korea", "korean", "china", "chinese", "another", "unnamed", "ministry",
                                  "cabinet", "russian", "state", "korea's", "hyesan", "musan", "the", "local", "private",
                                  "commission", "committee", "company", "companies", "partner", "partners", "trading"})


def _actor_keys(actors) -> tuple[str, ...]:
    if actors is None or (isinstance(actors, float) and actors != actors):
        return ()
    # a name, not a description: an actor written with a capital ("Sky Angel", not "three South Korean importers")
    words = (a.strip().split(" ")[0].strip("(),.").lower() for a in str(actors).split(";") if a.strip()[:1].isupper())
    return tuple(dict.fromkeys(w for w in words if len(w) >= 4 and w not in _GENERIC_ACTOR_WORDS))


#: A unit that counts cases: a record event with such an amount tallies many ("23 shipments", "12 ships").
_CASES = re.compile(r"\b(?:shipments?|ships|vessels|cases|cargoes|deliveries|voyages)\b", re.IGNORECASE)


def _by_mineral(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(r["mineral_id"], []).append(r)
    return out


def day_of(value) -> dt.date | None:
    if value is None or pd.isna(value):
        return None
    return value.date() if hasattr(value, "date") else dt.date.fromisoformat(str(value)[:10])


def _measure_rows(ds) -> list[dict]:
    table = getattr(ds, "sanctions", None)
    if table is None or table.empty:
        return []
    out = []
    for r in table.itertuples(index=False):
        days = tuple(x for x in (day_of(r.adopted), day_of(r.effective)) if x is not None)
        if days:
            # China's own notices are of either kind (its suspensions for a stated while, its bans carrying out
            # the UN's); the UN's and others' measures are sanctions, and a draft of them needs no retyping
            kind = None if _authority(r) != "CN" else ("import_suspension", "suspended") if r.action == "suspension" \
                else ("sanction", "capped" if r.action == "cap" else "banned")
            out.append({"mineral_id": r.mineral_id, "days": days, "type": kind, "authority": _authority(r), "action": r.action,
                        "label": f"sanctions.csv {r.measure_id} ({_authority(r)}, adopted {days[0].isoformat()})"})
    return out


def _authority(row) -> str:
    return str(getattr(row, "authority_group", None) or getattr(row, "authority", ""))


def _event_rows(ds) -> list[dict]:
    view = getattr(ds, "view", None)
    if view is None or view.empty:
        return []
    out = []
    columns = ["event_id", "event_type", "mine_id", "mineral_id", "date", "date_start", "date_end", "date_precision",
               "end_date", "quantity", "unit", "value_usd", "actors", "title", "description", "evidence"]
    for r in view.reindex(columns=columns).itertuples(index=False):  # (a view without amounts: none)
        day, first, last = day_of(r.date), day_of(r.date_start), day_of(r.date_end)
        if day is not None and first is not None and last is not None:
            mine = "" if r.mine_id is None or pd.isna(r.mine_id) else str(r.mine_id)
            out.append({"mineral_id": r.mineral_id, "event_type": r.event_type, "mine_id": mine,
                        "window": (first, last), "precision": r.date_precision, "start": first,
                        "period": day_of(r.end_date) is not None, "amounts": amounts(r.quantity, r.unit, r.value_usd),
                        "label": f"event {r.event_id} ({day.isoformat()})", "actor_keys": _actor_keys(r.actors),
                        "tally": bool(_CASES.search(str(r.unit or ""))) and (r.quantity or 0) > 1,
                        "text": " ".join(str(x) for x in (r.title, r.description, r.actors, r.evidence) if isinstance(x, str)).lower()})
    return out


def mine_minerals(ds) -> dict[str, list[str]]:
    """Each mine of the record → the minerals the record knows it for."""
    out = {}
    for row in ds.mines.itertuples(index=False):
        out[row.mine_id] = [str(x) for x in (row.minerals if isinstance(row.minerals, list | tuple) else [])]
    return out
