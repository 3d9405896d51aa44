"""Problems found in a data package: where (file, row or feature, field) and why.

:class:`DataError` carries every problem of one validation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_SHOWN_VALUE = 60


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located as precisely as possible."""

    file: str
    row: int | None = None  # 1-based data row (CSV, header excluded) or feature number
    field: str | None = None
    reason: str = ""
    kind: str = "row"  # "row" for CSV rows, "feature" for GeoJSON features

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            if self.kind == "feature":
                where.append(f"feature {self.row}")
            else:
                where.append(f"row {self.row} (line {self.row + 1})")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.reason}"


class DataError(Exception):
    """The package is not valid; ``problems`` lists everything that is wrong."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the data package")

    def report(self, limit: int | None = None) -> str:
        shown = self.problems if limit is None else self.problems[:limit]
        lines = [str(p) for p in shown]
        if limit is not None and len(self.problems) > limit:
            lines.append(f"... and {len(self.problems) - limit} more")
        return "\n".join(lines)


def show_value(value: Any) -> str:
    """A cell value quoted for a message, cut to a readable length."""
    text = str(value)
    if len(text) > MAX_SHOWN_VALUE:
        text = text[: MAX_SHOWN_VALUE - 1] + "…"
    return repr(text)
