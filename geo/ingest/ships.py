"""Ships a report names ("another vessel, the Dong Thanh", "the Panama-flagged Katrin"): a smuggling case at sea is
told by its ship, and two cases of one season are two cases when their ships differ (geo.ingest.known)."""

from __future__ import annotations

import functools
import re

from geo.ingest.clauses import comma_clause

#: A ship named after the word for it ("the ship, the Wise Honest", "the vessel Rich Glory") or after its flag ("the
#: Panama-flagged Dong Thanh"); English reports only (a Korean report writes the name in Hangul, which the record does not).
_SHIP = re.compile(r"\b(?:vessel|ship|freighter|tanker|bulk carrier|cargo ship)s?,?\s+(?:named\s+|called\s+)?(?:the\s+)?"
                   r"(?:M/V\s+|M\.V\.\s+|MV\s+)?"  # "cargo ship the M/V Wise Honest"
                   r"[\"“‘']?(?P<a>[A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]*|\d+)){0,2})"
                   r"|\b[\w-]+-flagged\s+(?:vessel\s+|ship\s+|freighter\s+|tanker\s+)?(?P<b>[A-Z][\w'-]+(?:\s+(?:[A-Z][\w'-]*|\d+)){0,2})")
#: Capitalised words that open no ship's name.
_NOT_A_NAME = frozenset({"north", "south", "korean", "korea", "chinese", "china", "us", "u", "un", "the", "a", "an", "in", "on",
                         "at", "from", "to", "with", "and", "which", "that", "was", "is", "has", "had", "indonesian",
                         "malaysian", "russian", "japanese", "panama", "togo", "sierra", "american", "last", "this"})


@functools.lru_cache(maxsize=1024)
def ships_named(sentence: str) -> tuple[str, ...]:
    """The ships an English sentence names, lower-cased ("wise honest", "dong thanh"); () for none or a Korean sentence."""
    return tuple(dict.fromkeys(n.lower() for n in _english_ships(sentence)))


def _english_ships(sentence: str) -> list[str]:
    if not any(w in sentence for w in _SHIP_WORDS):
        return []
    out = []
    for m in _SHIP.finditer(sentence):
        name = m.group("a") or m.group("b")
        if name.split()[0].lower().strip("'’") not in _NOT_A_NAME:
            out.append(name)
    return out


#: A ship a Korean report names: its Latin name in brackets before 호 ("씨시나인(C Sea Nine)호"), or a Hangul name
#: before 호 in a sentence about a ship's cargo ("중국 항쥔룬호에 실린"), not a word ending in 호 (보호, 신호, 번호).
_KO_SHIP = re.compile(r"(?<![가-힣])(?:[가-힣]{1,10})?\(([A-Z][A-Za-z0-9 .'-]{1,30})\)호|(?<![가-힣\d])([가-힣]{2,8})호(?=[은는이가을를의에와과도]|\s)")
#: A ship a Korean report names in quotation marks, 호 inside or after them ("'와이즈 어네스트호'", "'샤이닝 리치'호").
_KO_SHIP_QUOTED = re.compile(r"['‘\"“]([가-힣A-Za-z][^'’\"”\n]{1,24}?)(?:호['’\"”]|['’\"”]\s?호)")
_KO_CARGO = re.compile(r"선적|국적|선박|화물선|실린|싣고|실은|실었|싣|운반선|적재")
_KO_NOT_A_SHIP = re.compile(r"(?:보|신|번|구|선|애|결의|청|칭|간|환|엄|수|방|부|상|원|연|가|토|경|명|이|제)$")


@functools.lru_cache(maxsize=1024)  # each draft of a sentence asks (drafts are named before they are merged)
def ship_names(sentence: str) -> tuple[str, ...]:
    """The ships a sentence names as the report writes them ("C Sea Nine", "항쥔룬"), in the order named: a smuggling
    case's actors (the record's "Sky Angel; Rich Glory"; the testers of the review typed them)."""
    out = [(sentence.find(n), n) for n in _english_ships(sentence)]
    if "호" in sentence and _KO_CARGO.search(sentence):
        quoted = [(m.start(), m.group(1).strip()) for m in _KO_SHIP_QUOTED.finditer(sentence)]
        out += quoted
        inside = [(a, a + len(n) + 3) for a, n in quoted]  # (a quoted name's last word is not a ship of its own)
        for m in _KO_SHIP.finditer(sentence):
            if (m.group(1) or not _KO_NOT_A_SHIP.search(m.group(2))) and not any(a <= m.start() < b for a, b in inside):
                out.append((m.start(), m.group(1) or m.group(2)))
    return tuple(dict.fromkeys(n for _, n in sorted(out)))


def ships_at(sentence: str, at: int) -> list[str]:
    """The ships named in the clause of ``sentence`` around the character ``at`` (an event's word: "… C Sea Nine호에
    실린 … 적발했고, 지난 2월에도 … 항쥔룬호에 실린 …" are two cases, each with its ship, :func:`geo.ingest.clauses.comma_clause`);
    the sentence's one ship when its clause names none."""
    if not _may_name_ships(sentence):
        return []
    start, stop = comma_clause(sentence, at)
    own = ship_names(sentence[start:stop])
    if own:
        return list(own)
    every = ship_names(sentence)
    return list(every) if len(every) == 1 else []


#: A ship the sentence refers back to ("The ship was intercepted …", 이 선박).
_THE_SHIP = re.compile(r"\b(?:the|this|that|its)\s+(?:\w+\s+)?(?:ship|vessel|freighter|tanker|carrier)\b|(?:이|그|해당)\s*(?:배|선박|화물선)",
                       re.IGNORECASE)
_SHIP_REACH = 8  # sentences back: bounded, so a long report stays linear


@functools.lru_cache(maxsize=4096)  # a sentence serves every draft it holds
def _refers_to_a_ship(text: str) -> bool:
    return (_may_name_ships(text) or "배" in text) and _THE_SHIP.search(text) is not None


def ship_referred(texts: list[str]) -> list[str]:
    """The ship "the ship" of the last of ``texts`` (a sentence and those before it) refers to: the one the nearest
    earlier sentence names, within :data:`_SHIP_REACH` ("… seized North Korean cargo ship the M/V Wise Honest …" then
    "The ship was intercepted by Indonesian maritime authorities on April 2, 2018"); [] when it names its own or none."""
    if not texts or not _refers_to_a_ship(texts[-1]) or ship_names(texts[-1]):
        return []
    for text in reversed(texts[-1 - _SHIP_REACH:-1]):
        if names := ship_names(text):
            return [names[0]]
    return []


#: Words a sentence naming a ship holds (one of them, or 호 in Korean).
_SHIP_WORDS = ("vessel", "ship", "freighter", "tanker", "carrier", "-flagged")


def _may_name_ships(sentence: str) -> bool:
    """Can the sentence name a ship at all? Most cannot: no clause is read then."""
    return "호" in sentence or any(w in sentence for w in _SHIP_WORDS)
