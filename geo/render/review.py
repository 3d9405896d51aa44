"""The Add report page's review tables in short, for a narrow screen (a phone).

There the table needs sideways scrolling and cuts the evidence off (its cells are drawn on a canvas,
one line each). So above each table the page lists its rows in short: the row's tick, mine, mineral,
type and date on one line and the whole evidence sentence beneath, wrapped. The list shows only below
:data:`NARROW_PX` wide (CSS); the table, whose first columns are the tick, mine, mineral, type and
date, stays for ticking and editing.

On a wider screen (a laptop) the table's "Check" and "Already in the record" columns stand right of
the wide evidence column, out of sight. So there the same place lists only the rows that start
unticked, each with why (a second trial's finding): a reviewer learns why before ticking.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from geo.render.html import _text, render

#: Below this width (CSS pixels) the short list is shown above the review tables.
NARROW_PX = 640


def short_list_html(key: str, rows: list[dict], names: Mapping[str, str], type_label: Callable[[str], str],
                    reasons: bool = True, started: list[str] | None = None) -> str:
    """The review-table rows (as edited) in short, escaped, with the style that shows the Streamlit
    container ``key`` holding them only on a narrow screen. ``names`` maps mine and mineral ids to the
    record's names, ``type_label`` an event type to its label; ``reasons``: say why a row starts unticked
    (what it repeats, or why to check it); ``started``: why each row started unticked, as drafted (a row edited
    since so that it has no reason now stays listed with that one, marked "edited now")."""
    items = []
    for n, r in enumerate(rows, start=1):
        was = started[n - 1] if started and n <= len(started) else ""
        mine, mineral, etype = _text(r.get("mine_id")), _text(r.get("mineral_id")), _text(r.get("event_type"))
        items.append({
            "n": n, "accept": r.get("accept") is True,
            "mine": names.get(mine, mine) if mine else "no mine",
            "mineral": names.get(mineral, mineral) if mineral else "no mineral",
            "type": type_label(etype) if etype else "no type yet",
            "date": _text(r.get("date")) or "no date",
            "evidence": _text(r.get("evidence")),
            "why": why_unticked(r) if reasons else "", "edited": False,
        })
        if reasons and was and not items[-1]["why"]:
            items[-1]["why"], items[-1]["edited"] = f"it started unticked: {was}", True
    # every row with a reason stays listed once ticked, or edited so that its reason is gone, marked so: the list keeps its
    # height, and the table below it does not move under the reviewer's next click (the fifteenth trial: two clicks
    # landed on the wrong cell; the nineteenth: a retyped row left the list and the table moved up under the cursor)
    return render("review_compact.html", key=key, narrow=NARROW_PX, rows=items, reasons=reasons,
                  unticked=[i for i in items if i["why"]])


def why_unticked(row: dict) -> str:
    """Why a review row starts unticked: what it repeats in the record, and why to check it (either or both)."""
    known, check = _text(row.get("known")), _text(row.get("check"))
    return "; ".join(x for x in (known and f"repeats {known}", check and f"check: {check}") if x)
