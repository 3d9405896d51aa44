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
        while alt.startswith("\\b") or alt.startswith(("(?<!", "(?<=")):  # zero-width: no text of the match
            alt = alt[2:] if alt.startswith("\\b") else alt[_group_end(alt) + 1:]
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


def letter_finder(texts: tuple[tuple[str, int], ...]) -> tuple[re.Pattern, dict[str, int]]:
    """What :func:`letters_bits` uses for (text of letters, bits) pairs: one pattern that finds, at
    every position, the longest of the texts beginning there (a trie of them, every continuation
    tried before the text ends; a look-ahead, so the texts found may overlap), and per text the
    bits of every text it begins with."""
    bits: dict[str, int] = {}
    for text, b in texts:
        bits[text] = bits.get(text, 0) | b
    trie: dict = {}
    for text in bits:
        node = trie
        for c in text:
            node = node.setdefault(c, {})
        node[""] = {}
    begun = {t: reduce(or_, (bits.get(t[:j], 0) for j in range(1, len(t) + 1))) for t in bits}
    return re.compile(f"(?=({_trie_pattern(trie)}))"), begun


def _trie_pattern(node: dict) -> str:
    alts = [re.escape(c) + _trie_pattern(child) for c, child in sorted(node.items()) if c]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def letters_bits(text: str, finder: tuple[re.Pattern, dict[str, int]]) -> int:
    """The bits of every text (of :func:`letter_finder`) that ``text`` holds: the texts beginning at
    a position are the longest one found there and those it begins with. Words joined by any
    character not a letter give the bits of all of them (no text spans a word's end)."""
    pattern, begun = finder
    return reduce(or_, map(begun.__getitem__, set(pattern.findall(text))), 0)
