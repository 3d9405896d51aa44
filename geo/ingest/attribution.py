"""Stage 6, attribution: what a sentence says of where its account comes from, read from the
``attribution`` and ``official`` rows of ``cues.csv``.

* **unnamed sources** ("a source in Ryanggang said", 소식통): the draft's anonymous-source flag;
* **an official document, body or state medium** (customs data, a ministry, the Treasury, the UN's
  panel of experts, KCNA, 노동신문): the draft's confidence is ``official``, as ``data/README.md``
  defines it (state-media claims are official *as claims*). A sanction or a designation is itself
  an authority's act: official too. Resting on unnamed sources, a draft stays ``reported`` whatever
  it cites; ``corroborated`` needs a second report, which one report cannot say.
"""

from __future__ import annotations

import re

from geo.ingest.cues import _any

#: Event types that are an authority's own act: a report of one tells an official measure.
OFFICIAL_ACTS = frozenset({"sanction", "designation"})


def is_anonymous(text: str) -> bool:
    return _any("attribution", text) is not None


def official_cited(text: str) -> str:
    """The official document, body or state medium ``text`` cites, as written ('' if none)."""
    m = _any("official", text)
    return m.group(0) if m else ""


def confidence(event_type: str, sentence: str, anonymous: bool, before: str = "") -> tuple[str, str]:
    """(confidence, why) of a draft of ``event_type`` told in ``sentence``; why is '' for ``reported``.
    A trade figure whose sentence cites nothing takes the official data the sentence ``before`` it cites
    ("대북제재위원회 자료를 보면 … . 한 나라가 1월과 2월에 각각 144만t, 123만t 수입했다고 신고한 뒤 …"):
    a report goes on with the figures of the data it has named."""
    if anonymous:
        return "reported", ""
    if cited := official_cited(sentence):
        return "official", f"the sentence cites {cited}"
    if event_type in OFFICIAL_ACTS:
        return "official", f"a {event_type.replace('_', ' ')} is an authority's own act"
    if event_type == "trade_figure" and before and (cited := official_cited(before)) and not _cites_anyone(sentence):
        return "official", f"the sentence before cites {cited}"
    return "reported", ""


def _cites_anyone(sentence: str) -> bool:
    """Does the sentence name where its account comes from (an unnamed source, or someone who said it)?"""
    return is_anonymous(sentence) or _SAID.search(sentence) is not None


_SAID = re.compile(r"\b(?:said|says|say|told|according to|reported|estimated?s?)\b|에 따르면|(?:했|한)다고\s*(?:말|밝|전|보도)", re.IGNORECASE)


def official_report(drafts, publisher: str) -> None:
    """A report published by an official body or a state medium (KCNA, 노동신문, a ministry, China's customs)
    is that body's own account: its drafts resting on no unnamed source are ``official``, as
    ``data/README.md`` defines it (state media's as claims), though no sentence cites it."""
    if not (own := official_cited(publisher)):
        return
    for d in drafts:
        if d.confidence == "reported" and not d.anonymous_source:
            d.confidence = "official"
            d.description += f" Confidence official: the report is {own}'s own."
