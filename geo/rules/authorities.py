"""Each authority side by side: the UN's, China's and the United States' own status of a mineral
on a day, beside the status that applies (:mod:`geo.rules.sanctions` decides both)."""

from __future__ import annotations

import pandas as pd

from geo.model.dataset import Dataset
from geo.rules.sanctions import _RANK, UNRESTRICTED, SanctionStatus, _authority_key, status_on

#: Authorities in the order they are shown side by side (others follow, alphabetically).
AUTHORITY_ORDER = ("UN", "CN", "US")


def authorities(ds: Dataset) -> list[str]:
    """The authorities of the package's measures, UN, China, United States first."""
    groups = set(_authority_key(ds.sanctions)) if len(ds.sanctions) else set()
    return [g for g in AUTHORITY_ORDER if g in groups] + sorted(groups - set(AUTHORITY_ORDER))


def by_authority(st: SanctionStatus, groups: list[str]) -> dict[str, tuple[str, list[str]]]:
    """Each authority's own status that day and its measures in force: {group: (status, ids)}.
    An authority with no measure in force is ``unrestricted``."""
    out = {}
    for g in groups:
        mine = [m for m in st.measures if m.authority_group == g]
        status = min((m.status for m in mine), key=_RANK.__getitem__, default=UNRESTRICTED)
        out[g] = (status, [m.measure_id for m in mine])
    return out


def authority_table(ds: Dataset, day, minerals=None) -> pd.DataFrame:
    """Minerals × authorities on ``day``: each cell the authority's status and measures, plus
    the status that applies (the most restrictive)."""
    groups = authorities(ds)
    rows = []
    for m in (list(ds.minerals["mineral_id"]) if minerals is None else list(minerals)):
        st = status_on(ds, m, day)
        cells = by_authority(st, groups)
        rows.append({"mineral_id": m, "mineral": ds.mineral_name(m), "applies": st.status,
                     **{g: status + (f" ({', '.join(ids)})" if ids else "") for g, (status, ids) in cells.items()}})
    return pd.DataFrame(rows, columns=["mineral_id", "mineral", "applies", *groups])
