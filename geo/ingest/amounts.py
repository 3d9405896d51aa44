"""Stage 5, amounts: US dollar values and quantities with units, as written."""

from __future__ import annotations

import re

_DIGIT = re.compile(r"\d")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


_USD_RE = re.compile(r"(?:U\.?S\.?\s*|US)?\$\s?(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<s>thousand|million|billion|trillion|[mb]n?\b|M\b)?", re.IGNORECASE)


_QTY_RE = re.compile(r"(?<![\w$.])(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<unit>(?:(?:thousand|million|billion)\s+)?(?:metric\s+)?(?:tons|tonnes|tons?|t\b|kilowatts|megawatts|gigawatts|kilowatt-hours|kwh|mw|kw|percent|per cent|%|kilograms|kg|ounces|oz|barrels))", re.IGNORECASE)


def find_amounts(sentence: str) -> tuple[float | None, float | None, str, list[str]]:
    """(value_usd, quantity, unit, every amount as written) of a sentence."""
    return amounts_and_qualifier(sentence)[0]


def amounts_and_qualifier(sentence: str) -> tuple[tuple[float | None, float | None, str, list[str]], str]:
    """:func:`find_amounts` and :func:`amount_qualifier` of a sentence in one pass."""
    written, usd, qty, unit = [], None, None, ""
    spans = []
    first = None  # the first dollar amount, else the first quantity: the one the qualifier reads
    if not _DIGIT.search(sentence):
        return (usd, qty, unit, written), ""  # every amount has a digit
    for m in (_USD_RE.finditer(sentence) if "$" in sentence else ()):
        first = first or m
        n = float(m.group("n").replace(",", ""))
        s = (m.group("s") or "").lower()
        mult = _SCALE.get(s, {"m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}.get(s, 1))
        written.append(m.group(0).strip())
        spans.append((m.start(), m.end()))
        if usd is None:
            usd = round(n * mult, 2)
    for m in _QTY_RE.finditer(sentence):
        first = first or m  # with no dollar amount, the first quantity (none lies in a dollar span)
        if any(a <= m.start() < b for a, b in spans):
            continue
        written.append(m.group(0).strip())
        if qty is None:
            qty = float(m.group("n").replace(",", ""))
            unit = re.sub(r"\s+", " ", m.group("unit").strip())
    return (usd, qty, unit, written), _qualifier(sentence, first)


#: Words that hedge the amount after them ("around 1,000 tons", "more than 20 percent").
_APPROX_RE = re.compile(r"\b(?:about|around|some|roughly|approximately|nearly|almost|more than|over|up to|"
                        r"an estimated|estimated|at least|just over|just under|close to|upwards of)\s*$", re.IGNORECASE)


def amount_qualifier(sentence: str) -> str:
    """'approximate' when the sentence's first amount is hedged, 'exact' when it is plain, '' without one."""
    if not _DIGIT.search(sentence):
        return ""
    return _qualifier(sentence, ("$" in sentence and _USD_RE.search(sentence)) or _QTY_RE.search(sentence))


def _qualifier(sentence: str, m: re.Match | None) -> str:
    if m is None:
        return ""
    return "approximate" if _APPROX_RE.search(sentence[max(0, m.start() - 30):m.start()]) else "exact"
