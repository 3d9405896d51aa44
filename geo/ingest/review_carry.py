"""The reviewer's edits carried onto a review table drawn again: adding a mine from the review (or linking a name to
the record's mine) changes the drafts' mines, so the table's rows are made anew; the cells the reviewer had changed
(a tick, a date, a type, an amount…) keep their values on the new rows of the same draft and mineral, and the rest
take the new rows' values (the new mine, and the estimate worked out again). A new user's trial lost every typed
date and tick when it added a mine after editing."""

from __future__ import annotations

#: Cells a reviewer may change, carried when changed. The mine is carried only when the reviewer chose one: the new
#: mine is what a redrawn row brings.
_CARRIED = ("accept", "mine_id", "mineral_id", "event_type", "effect", "date", "date_precision", "end_date", "value_usd",
            "quantity", "unit", "amount_qualifier", "confidence", "title", "anonymous_source", "quote")


def _same(a, b) -> bool:
    blank = (None, "")
    if a in blank and b in blank:
        return True
    try:
        return a == b or (a != a and b != b)  # two NaNs (an empty number cell) are the same blank
    except (TypeError, ValueError):
        return False


def carry_edits(old_base: list[dict], old_edited: list[dict], new_base: list[dict]) -> list[dict]:
    """``new_base`` (the rows drawn again) with the reviewer's changes to ``old_base`` (what ``old_edited`` holds, row
    by row) on the rows of the same draft: the row of the same mine and mineral, else of the same mineral whose mine
    was empty (now the new mine), else of the same mineral, else the draft's first row."""
    if len(old_base) != len(old_edited):
        return new_base  # not the table those edits were made on: nothing is carried
    changes: list[tuple[dict, dict]] = []  # (old row as drawn, the cells the reviewer changed on it)
    for base, edited in zip(old_base, old_edited, strict=True):
        changed = {k: edited.get(k) for k in _CARRIED if not _same(edited.get(k), base.get(k))}
        if changed:
            changes.append((base, changed))
    if not changes:
        return new_base
    out = []
    for row in new_base:
        mine = [(b, c) for b, c in changes if b.get("draft") == row.get("draft")]
        pick = next((c for b, c in mine if b.get("mine_id") == row.get("mine_id") and b.get("mineral_id") == row.get("mineral_id")),
                    None) or next((c for b, c in mine if not b.get("mine_id") and b.get("mineral_id") == row.get("mineral_id")),
                                  None) or next((c for b, c in mine if b.get("mineral_id") == row.get("mineral_id")), None) \
            or next((c for _b, c in mine), None)
        out.append({**row, **pick} if pick else row)
    return out
