"""Draft titles: what a draft is about, in the record's own names, and its type's words.

A title names the mine by its ``name`` in ``mines.geojson`` and the mineral by its label in
``minerals.csv``, in English, whatever script the report used: a Korean report's halt at 무산광산
is titled "Iron ore from Musan mine: exports halted", not "철광석 from 무산광산: …".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

_TYPE_WORDS = {
    "export_halt": "exports halted", "export_continued": "still exported",
    "import_suspension": "imports suspended", "sanction": "sanction",
    "investment_offer": "rights offered for investment", "trade_figure": "trade figure",
    "production_halt": "production halted", "smuggling": "smuggled", "export_resumed": "exports resumed",
    "deal_signed": "deal signed", "deal_collapsed": "deal collapsed", "discovery": "deposit announced",
    "production_change": "production changed",
}

TITLE_MAX = 200


def subject(mines: Iterable[str], minerals: Iterable[str], names: Mapping[str, str]) -> str:
    """What a draft is about, from its mine and mineral ids and ``names`` (id → the record's name):
    "Copper, zinc from Hyesan Youth Copper Mine". An id the record lacks stands for itself (a mineral's
    with spaces for underscores); no mineral gives the mines alone, neither gives ''."""
    labels = [names.get(x, x.replace("_", " ")) for x in dict.fromkeys(minerals)]
    labels = labels[:1] + [n[:1].lower() + n[1:] for n in labels[1:]]  # one phrase: "Copper, zinc"
    places = ", ".join(names.get(m, m) for m in dict.fromkeys(mines) if m)
    if not labels:
        return places
    return ", ".join(labels) + (f" from {places}" if places else "")


def event_title(what: str, event_type: str) -> str:
    """A draft's title: what it is about and its type's words ("Copper from Hyesan mine: exports halted")."""
    return f"{what}: {_TYPE_WORDS.get(event_type, event_type)}"[:TITLE_MAX]


def what_of(title: str) -> str:
    """What a title is about: the title without its type's words, when it ends with a type's ("Coal: trade figure"
    gives "Coal"); a title without them (a lead's, "Coal") is all "what"."""
    what, sep, words = title.rpartition(": ")
    return what if sep and (words in _TYPE_WORDS.values() or words in _TYPE_WORDS) else title
