"""Stage 7, the dates of a report's sentences for the events: found when an event asks for them.

Each sentence near a mention (see :func:`geo.ingest.events.extract`) has its dates
(:func:`~geo.ingest.dates.find_dates`, without those inside a mine's name) and a *context*: the
last date of its own that an earlier sentence gave, and that sentence's paragraph. Most
sentences of a long report make no event, or one that restates another and needs no date of
its own, so a sentence's dates are found when asked (``Info["dates"]``), and a context by
walking back to the last sentence with a date: the same answers as reading every sentence in
order, each sentence read at most once.

Repeated sentences are read once, as before: a sentence's dates are remembered by its text and,
when it says "time" (the rule "for some time" reads the context), its context. A sentence that
holds "time" only in another case ("Times") is remembered by its text alone, with the context of
its first appearance: such a report is read in order, as before.
"""

from __future__ import annotations

import re

from geo.ingest.date_mention import resolutions_day
from geo.ingest.dates import DAYS_BEFORE, DateMention, find_dates, own_dates

_DIGIT = re.compile(r"\d")


class Info(dict):
    """A sentence's facts for the event stage; ``"dates"``, ``"context"`` and ``"context_para"``
    are found on first use."""

    __slots__ = ("dated", "i")

    def __missing__(self, key: str):
        if key == "dates":
            value = self.dated.dates(self.i)
        elif key in ("context", "context_para"):
            self["context"], self["context_para"] = self.dated.context(self.i)
            return self[key]
        else:
            raise KeyError(key)
        self[key] = value
        return value


class Dated:
    """The dates and contexts of a report's sentences (see the module docstring)."""

    def __init__(self, sents, near: list[bool], matches: list[list], pub) -> None:
        self.sents, self.near, self.matches, self.pub = sents, near, matches, pub
        self._dates: dict[int, list[DateMention]] = {}
        self._context: dict[int, tuple[DateMention | None, int]] = {0: (None, -1)}
        self._memo: dict[tuple, list[DateMention]] = {}
        self._first: dict[str, int] = {}  # a text with "time" in another case -> its first near sentence
        for i, s in enumerate(sents):
            if near[i] and "time" not in s.text and "time" in s.text.lower():
                self._first.setdefault(s.text, i)
        if self._first:  # read in order: every context is then known before it is asked for
            for i in range(len(sents)):
                self.context(i)
                self.dates(i)

    def info(self, i: int, facts: dict) -> Info:
        out = Info(facts)
        out.dated, out.i = self, i
        return out

    def dates(self, i: int) -> list[DateMention]:
        """The i-th sentence's dates, without those in a mine's name."""
        if i in self._dates:
            return self._dates[i]
        found: list[DateMention] = []
        if self.near[i]:
            text = self.sents[i].text
            if _reads_on(text):
                context = self.context(i)[0]
                key = (text, context)
            else:
                key = (text, None)
                context = self.context(self._first[text])[0] if text in self._first else None
            if key not in self._memo:
                self._memo[key] = find_dates(text, self.pub, context)
            found = self._memo[key]
            if found and self.matches[i]:  # "the February 8 Jiktong mine": a date in a mine's name is its name
                found = outside_mine_names(found, self.matches[i])
        self._dates[i] = found
        return found

    def any_dates(self, i: int) -> list[DateMention]:
        """The i-th sentence's dates even when it is far from any mention (read without a context:
        for a sentence an event refers back to, see :mod:`geo.ingest.event_dates`)."""
        if self.near[i]:
            return self.dates(i)
        key = (self.sents[i].text, None)
        if key not in self._memo:
            self._memo[key] = find_dates(self.sents[i].text, self.pub, None)
        return self._memo[key]

    def _free(self, j: int) -> bool:
        """Can the j-th sentence's dates be found without its context?"""
        return j in self._dates or (not _reads_on(self.sents[j].text) and self.sents[j].text not in self._first)

    def _own(self, j: int) -> list[DateMention]:
        """The j-th sentence's own dates that later sentences may go on from (not a resolution's day in brackets)."""
        return [d for d in own_dates(self.dates(j)) if not resolutions_day(self.sents[j].text, d)]

    def context(self, i: int) -> tuple[DateMention | None, int]:
        """(the last own date of a sentence before the i-th, its paragraph), or (None, -1)."""
        if i in self._context:
            return self._context[i]
        pending, j = [], i - 1
        while True:  # back to a known context, or to a sentence whose own date is found without one
            if j + 1 in self._context:
                current = self._context[j + 1]
                break
            if self.near[j] and self._free(j):
                own = self._own(j)
                if own:
                    current = (own[-1], self.sents[j].para)
                    break
            pending.append(j)
            j -= 1
        for k in reversed(pending):  # then forward, as the sentences are read
            self._context[k] = current
            if self.near[k]:
                own = self._own(k)
                if own:
                    current = (own[-1], self.sents[k].para)
        self._context[i] = current
        return current


def _reads_on(text: str) -> bool:
    """Are a sentence's dates read with its context: "for some time" (since the date before), "15일 전"
    (before the day the sentence before named)?"""
    return "time" in text or ("일" in text and DAYS_BEFORE.search(text) is not None)


def outside_mine_names(dates: list[DateMention], matches: list) -> list[DateMention]:
    """The dates that are not part of a mine's name; only names with a digit can hold one (a
    month alone is not a date), so most sentences cost one test per mine named."""
    spans = [(m.start, m.end) for m in matches if m.kind == "mine" and _DIGIT.search(m.text)]
    if not spans:
        return dates
    return [d for d in dates if not any(a <= d.start < b for a, b in spans)]
