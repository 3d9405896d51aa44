"""Problems found in a data package: where (file, row or feature, field) and why.

:class:`DataError` carries every problem of one validation. Its :meth:`~DataError.report`
summarises repeated problems (the same file, field and reason, values aside): the first few
rows of each, then "… and 99,990 more rows with the same problem", so 100,000 broken rows read
as a few lines; ``report(full=True)`` and ``problems`` keep every one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

MAX_SHOWN_VALUE = 60
#: Rows shown of each group of repeated problems before "… and N more".
SHOWN_PER_GROUP = 3
#: Quoted values in a reason (as :func:`show_value` writes them) and numbers: what varies
#: between rows with the same problem.
_VALUES = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|-?\d+(?:\.\d+)?")


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

    def summary(self, per_group: int = SHOWN_PER_GROUP) -> list[tuple[Problem, int]]:
        """The problems to show, each with how many more rows share its problem (0 for most):
        the first ``per_group`` of each group of repeated problems, in the original order,
        the last one shown carrying the count of the rest."""
        groups: dict[tuple, list[int]] = {}
        for i, p in enumerate(self.problems):
            groups.setdefault(group_key(p), []).append(i)
        shown: dict[int, int] = {}
        for members in groups.values():
            head = members[:per_group]
            for i in head:
                shown[i] = 0
            shown[head[-1]] = len(members) - len(head)
        return [(self.problems[i], shown[i]) for i in sorted(shown)]

    def report(self, limit: int | None = None, full: bool = False) -> str:
        """Every problem (``full``), or the summary of repeated ones; at most ``limit`` lines of it."""
        items = [(p, 0) for p in self.problems] if full else self.summary()
        lines = []
        for p, more in items[:limit]:
            lines.append(str(p))
            if more:
                lines.append(f"  … and {more:,} more {_unit(p, more)} with the same problem")
        if limit is not None and len(items) > limit:
            lines.append(f"… and {len(items) - limit:,} more problem(s) not shown")
        return "\n".join(lines)


def group_key(p: Problem) -> tuple:
    """What repeated problems share: file, field, kind and the reason without its values."""
    return (p.file, p.field, p.kind, p.row is None, _VALUES.sub("…", p.reason))


def _unit(p: Problem, n: int) -> str:
    word = "feature" if p.kind == "feature" else "row"
    return f"{word}{'s' if n != 1 else ''} of {p.file}"


def show_value(value: Any) -> str:
    """A cell value quoted for a message, cut to a readable length."""
    text = str(value)
    if len(text) > MAX_SHOWN_VALUE:
        text = text[: MAX_SHOWN_VALUE - 1] + "…"
    return repr(text)
