"""The vocabulary: one table (``data/vocabulary.csv``) of every coded value the record uses.

Each row is (kind, code, label, plural, colour, order, meaning). Kinds: ``event_type``,
``effect``, ``date_precision``, ``location_precision``, ``confidence``, ``sanction_status``,
``sanction_action``. Validation checks every field that names a kind (``x-vocabulary``), and
the map, timeline, legend, filters and exports read labels, colours and order from here, so
adding an event type is one row of that file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

FALLBACK_COLOUR = "#999999"


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """Lookups over the vocabulary table (validated, with kind and code as text)."""

    table: pd.DataFrame
    _by_kind: dict = field(default_factory=dict, repr=False)

    @classmethod
    def from_table(cls, table: pd.DataFrame) -> Vocabulary:
        by_kind: dict[str, list[dict]] = {}
        ordered = table.assign(_o=pd.to_numeric(table["order"], errors="coerce")).sort_values(
            ["kind", "_o", "code"], kind="stable")
        for rec in ordered.drop(columns="_o").to_dict(orient="records"):
            by_kind.setdefault(rec["kind"], []).append(rec)
        return cls(table, {k: {r["code"]: r for r in rows} for k, rows in by_kind.items()})

    def codes(self, kind: str) -> list[str]:
        """The codes of a kind, in their order."""
        return list(self._by_kind.get(kind, {}))

    def _get(self, kind: str, code: str, column: str) -> str:
        row = self._by_kind.get(kind, {}).get(code)
        value = row.get(column) if row else None
        return value if isinstance(value, str) and value else ""

    def label(self, kind: str, code: str) -> str:
        return self._get(kind, code, "label") or str(code).replace("_", " ")

    def plural(self, kind: str, code: str) -> str:
        return self._get(kind, code, "plural") or self.label(kind, code)

    def colour(self, kind: str, code: str) -> str:
        return self._get(kind, code, "colour") or FALLBACK_COLOUR

    def meaning(self, kind: str, code: str) -> str:
        return self._get(kind, code, "meaning")

    def labels(self, kind: str) -> dict[str, str]:
        return {c: self.label(kind, c) for c in self.codes(kind)}

    def colours(self, kind: str) -> dict[str, str]:
        return {c: self.colour(kind, c) for c in self.codes(kind)}

    def plurals(self, kind: str) -> dict[str, str]:
        return {c: self.plural(kind, c) for c in self.codes(kind)}

    def meanings(self, kind: str) -> dict[str, str]:
        return {c: self.meaning(kind, c) for c in self.codes(kind)}
