"""The literal text a regular expression requires: the cue table's prefilter.

A cue row's pattern is searched in a clause only when one of the texts every match of it must
contain is in the clause (``required_literals``: the most selective text of each alternative,
"source" rather than "a" or "the"). Both functions return None when they cannot tell.
"""

from __future__ import annotations

import re
from functools import reduce
from operator import or_

_META = set("\\()[].*+?{|^$")  # regex syntax ends a literal run


def _split_top(p: str) -> list[str]:
    """The pattern's alternatives at the top level (inside no group or character class)."""
    out, depth, cur, i = [], 0, "", 0
    while i < len(p):
        c = p[i]
        step = 1
        if c == "\\":
            step = 2
        elif c == "[":
            while i + step < len(p) and p[i + step] != "]":
                step += 2 if p[i + step] == "\\" else 1
            step += 1
        elif c in "()":
            depth += 1 if c == "(" else -1
        if c == "|" and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += p[i:i + step]
        i += step
    return [*out, cur]


def _group_end(alt: str) -> int:
    """Index of the parenthesis closing the group ``alt`` starts with."""
    depth = 0
    for j, c in enumerate(alt):
        if c in "()" and (j == 0 or alt[j - 1] != "\\"):
            depth += 1 if c == "(" else -1
            if depth == 0:
                return j
    return len(alt) - 1


def literal_prefixes(p: str) -> list[str] | None:
    """Lower-case literal texts one of which any match of pattern ``p`` must contain (the literal
    start of each alternative, after ``\\b``); None when an alternative has none. A cheap
    necessary test: a clause with none of them cannot match, so its regex search is skipped."""
    out: list[str] = []
    for alt in _split_top(p):
        while alt.startswith("\\b"):
            alt = alt[2:]
        if alt.startswith("(?:"):
            j = _group_end(alt)
            inner = literal_prefixes(alt[3:j])
            if inner is None or alt[j + 1:j + 2] in ("?", "*", "{"):
                return None  # an optional group: no literal is required
            out += inner
            continue
        lit = ""
        for c in alt:
            if c in _META:
                if c in "?*{":
                    lit = lit[:-1]  # the last character is optional or repeated
                break
            lit += c
        if not lit.strip():
            return None
        out.append(lit.lower())
    return out


_LITERAL_ESCAPES = set(".-()[]{}?*+|^$\\/ '\"")  # escaped characters that stand for themselves


def _elements(alt: str) -> list[tuple[str, str, str]]:
    """An alternative's top-level elements: (kind, text, quantifier); kind ``lit`` (a character
    that matches itself), ``group`` (text: the whole group) or ``meta`` (anything else)."""
    out, i = [], 0
    while i < len(alt):
        c = alt[i]
        if c == "\\":
            tok, i = alt[i:i + 2], i + 2
            kind, text = ("lit", tok[1]) if tok[1:] and tok[1] in _LITERAL_ESCAPES else ("meta", "")
        elif c == "(":
            j = i + _group_end(alt[i:])
            kind, text, i = "group", alt[i:j + 1], j + 1
        elif c == "[":
            j = i + 1
            while j < len(alt) and alt[j] != "]":
                j += 2 if alt[j] == "\\" else 1
            kind, text, i = "meta", "", j + 1
        else:
            (kind, text), i = (("meta", "") if c in _META else ("lit", c)), i + 1
        q = ""
        if i < len(alt) and alt[i] in "?*+{":
            k = alt.index("}", i) + 1 if alt[i] == "{" else i + 1
            q, i = alt[i:k], k
            if i < len(alt) and alt[i] == "?":
                i += 1  # lazy
        out.append((kind, text, q))
    return out


def _required(q: str) -> bool:
    """Is an element with quantifier ``q`` matched at least once?"""
    return q in ("", "+") or (q.startswith("{") and not re.match(r"\{0*(?:,|\}|$)", q))


def required_literals(p: str) -> list[str] | None:
    """Lower-case literal texts one of which any match of pattern ``p`` must contain, chosen per
    alternative as the most selective required part (the longest shortest text): "(?:a|the) …
    (?:source|official)" is tested by "source" and "official", not by "a" and "the". None when an
    alternative has no required literal. A necessary test, like :func:`literal_prefixes`."""
    out: list[str] = []
    for alt in _split_top(p):
        best: list[str] | None = None
        run = ""

        def consider(cands: list[str] | None) -> None:
            nonlocal best
            cands = [c for c in (cands or []) if c.strip()]
            if cands and (best is None or min(map(len, cands)) > min(map(len, best))):
                best = cands

        for kind, text, q in _elements(alt):
            if kind == "lit" and q == "":
                run += text
                continue
            consider([run.lower()] if run else None)
            run = ""
            if kind == "lit" and _required(q):
                consider([text.lower()])
            elif kind == "group" and _required(q) and (text.startswith("(?:") or not text.startswith("(?")):
                consider(required_literals(text[3:-1] if text.startswith("(?:") else text[1:-1]))
        consider([run.lower()] if run else None)
        if best is None:
            return None
        out += best
    return out


#: The only characters that match a letter a-z under ``re.IGNORECASE`` other than A-Z and a-z
#: (İ ı → i, ſ → s, K → k); ``str.lower`` does not turn them into that letter.
_ODD_CASE = re.compile("[\u0130\u0131\u017f\u212a]")


def may_hold(text: str, lower: str, literals: tuple[str, ...]) -> bool:
    """Can a case-insensitive pattern that needs one of the lower-case ASCII ``literals`` match
    ``text`` (``lower`` is ``text.lower()``)? False only when it cannot: none of them is in the
    lower-cased text, and the text has none of the few characters that match an ASCII letter
    under ``re.IGNORECASE`` without lower-casing to it."""
    return any(x in lower for x in literals) or has_odd_case(text, lower)


def has_odd_case(text: str, lower: str) -> bool:
    """Does ``text`` hold a character that matches an ASCII letter under ``re.IGNORECASE`` without
    lower-casing to it? (:func:`may_hold`'s answer when none of the literals is in ``lower``.)"""
    return not lower.isascii() and _ODD_CASE.search(text) is not None


def required_clauses(p: str) -> list[list[tuple[str, ...]]] | None:
    """Per top-level alternative of pattern ``p``, every lower-case text set it needs: a match of
    that alternative contains a text of each set (its literal runs, its required single
    characters, and :func:`required_literals` of its required groups). None when an alternative
    needs no text. A stronger necessary test than :func:`required_literals`, which keeps one set."""
    out: list[list[tuple[str, ...]]] = []
    for alt in _split_top(p):
        sets: list[tuple[str, ...]] = []
        run = ""

        for kind, text, q in _elements(alt):
            if kind == "lit" and q == "":
                run += text
                continue
            _keep(sets, [run.lower()] if run else None)
            run = ""
            if kind == "lit" and _required(q):
                _keep(sets, [text.lower()])
            elif kind == "group" and _required(q) and (text.startswith("(?:") or not text.startswith("(?")):
                _keep(sets, required_literals(text[3:-1] if text.startswith("(?:") else text[1:-1]))
        _keep(sets, [run.lower()] if run else None)
        if not sets:
            return None
        out.append(sets)
    return out


def _keep(sets: list[tuple[str, ...]], texts: list[str] | None) -> None:
    texts = [t for t in (texts or []) if t.strip()]
    if texts:
        sets.append(tuple(dict.fromkeys(texts)))


_LETTERS = re.compile(r"[a-z]+")
_HANGUL = re.compile("[\uac00-\ud7a3]")


def need_masks(patterns: list[str]) -> tuple[tuple[tuple[tuple[int, ...], ...] | None, ...], tuple[str, ...]]:
    """Per pattern, what a text without Hangul must hold for it to match (None: not known): per
    alternative, the bit masks of the text sets it needs (:func:`required_clauses`), one of each
    set; and the texts the bits stand for. A text of letters only stands for itself; any other
    for its longest run of the letters a-z (a weaker test, still a necessary one); a text with
    Hangul is never in such text, and a set with a text without letters tells nothing (dropped)."""
    keys: dict[str, int] = {}
    out = []
    for pattern in patterns:
        alts = required_clauses(pattern)
        if alts is None:
            out.append(None)
            continue
        masks = []
        for sets in alts:
            alt = []
            for texts in sets:
                runs = [max(_LETTERS.findall(t), key=len, default="") for t in texts if not _HANGUL.search(t)]
                if "" in runs:
                    continue
                alt.append(reduce(or_, (1 << keys.setdefault(r, len(keys)) for r in runs), 0))
            masks.append(tuple(alt))
        out.append(tuple(masks))
    return tuple(out), tuple(keys)


def needs_met(needs: tuple[tuple[int, ...], ...] | None, present: int) -> bool:
    """Does some alternative find each text set it needs (``present``: the bits of the texts held)?"""
    if needs is None:
        return True
    for alt in needs:
        for mask in alt:
            if not present & mask:
                break
        else:
            return True
    return False


def letter_heads(texts: tuple[tuple[str, int], ...]) -> tuple[dict[str, tuple[tuple[str, int], ...]], dict[str, int]]:
    """(text of letters, bits) pairs by their first two letters, and the bits of the one-letter
    texts: what :func:`word_bits` looks up."""
    heads: dict[str, list[tuple[str, int]]] = {}
    singles: dict[str, int] = {}
    for text, bits in texts:
        if len(text) == 1:
            singles[text] = singles.get(text, 0) | bits
        else:
            heads.setdefault(text[:2], []).append((text, bits))
    return {h: tuple(v) for h, v in heads.items()}, singles


def word_bits(word: str, heads: dict[str, tuple[tuple[str, int], ...]], singles: dict[str, int]) -> int:
    """The bits of every text a word holds (see :func:`letter_heads`): a word holds a text exactly
    when the text begins at one of its letters, so only the texts that begin with the letters
    there are tried."""
    bits = 0
    for i in range(len(word)):
        bits |= singles.get(word[i], 0)
        for text, b in heads.get(word[i:i + 2], ()):
            if word.startswith(text, i):
                bits |= b
    return bits
