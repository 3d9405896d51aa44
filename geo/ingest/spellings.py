"""Stage 8c, a mine the record knows under another spelling: a name a report gives that no spelling of the record
matches ("the Gogunwon mine"), but that is one letter from a record mine's name once romanization is folded away
(Gogeonwon: ŏ written "u"). The review offers the record's mine beside "Add as a new mine"; the reviewer decides,
and the drafts that named the candidate are linked to the mine chosen. Nothing is linked without the reviewer: one
letter also separates distinct mines (Songchon, Jongchon and Bongcheon), so a near name is a question, not a match.
"""

from __future__ import annotations

from dataclasses import replace

from geo.ingest.certainty import rate
from geo.ingest.drafts import Draft
from geo.ingest.hangul import has_hangul, romanize, syllable_parts
from geo.ingest.name_keys import phonetic_key
from geo.ingest.newmine import NewMine, core, link_new_mines

#: A key shorter than this is too short to call one letter off a near spelling ("Unsan" and "Musan" are both five).
_MIN_KEY = 6
#: At most this many record mines are offered for one name.
_MAX_OFFERED = 3


def _key(name: str) -> str:
    """The name's romanization key, without its generic words; a Hangul name romanized first ("산농광산": sannong)."""
    name = core(name)
    return phonetic_key(romanize(name) if has_hangul(name) else name)


def _one_letter_apart(a: str, b: str) -> bool:
    """One letter changed, added or dropped (linear in the keys' length)."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:]
    return (a[i + 1:] == b[i:]) if len(a) > len(b) else (a[i:] == b[i + 1:])


#: Vowels Korean speech no longer tells apart, so that writers confuse them (재남 for 제남): ㅐ/ㅔ, ㅒ/ㅖ, ㅙ/ㅚ/ㅞ.
_SAME_VOWEL = {1: 5, 5: 5, 3: 7, 7: 7, 10: 11, 11: 11, 15: 11}


def _sounds_alike(a: str, b: str) -> bool:
    """Two Hangul names of the same length whose syllables differ only in vowels :data:`_SAME_VOWEL` pairs, at least
    one of them ("재남탄광" and "제남탄광")."""
    if len(a) != len(b) or a == b:
        return False
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        px, py = syllable_parts(x), syllable_parts(y)
        if px is None or py is None or px[0] != py[0] or px[2] != py[2] \
                or _SAME_VOWEL.get(px[1], px[1]) != _SAME_VOWEL.get(py[1], py[1]):
            return False
    return True


def record_spellings(mines) -> dict[str, list[tuple[str, str]]]:
    """Each record mine's names (name, romanizations, aliases) with their romanization keys, by mine id: worked out
    once for all the report's candidates; a key too short to tell a near spelling by is left out."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in mines.itertuples(index=False):
        aliases = getattr(row, "aliases", None)
        names = [getattr(row, c, None) for c in ("name", "name_rr", "name_mr", "name_ko")]
        names += list(aliases) if isinstance(aliases, list | tuple) else []
        keyed = ((n, _key(n)) for n in dict.fromkeys(x for x in names if isinstance(x, str) and x.strip()))
        out[row.mine_id] = [(n, k) for n, k in keyed if len(k) >= _MIN_KEY or has_hangul(n)]  # (Hangul: by sound)
    return out


def near_mines(candidate: str, spellings: dict[str, list[tuple[str, str]]]) -> list[tuple[str, str]]:
    """(mine id, the record's spelling that is near) for each record mine one letter from ``candidate``'s
    romanization key (``spellings``: :func:`record_spellings`), or, written in Hangul, that sounds as a record mine's
    Korean name does (:func:`_sounds_alike`), at most three; [] for a name whose key is too short."""
    key = _key(candidate)
    hangul = has_hangul(candidate)
    if len(key) < _MIN_KEY and not hangul:
        return []
    out, spoken = [], core(candidate) if hangul else ""
    for mine_id, names in spellings.items():
        near = next((n for n, k in names if (len(key) >= _MIN_KEY and len(k) >= _MIN_KEY and _one_letter_apart(key, k))
                     or (hangul and has_hangul(n) and _sounds_alike(spoken, core(n)))), None)
        if near is not None:
            out.append((mine_id, near))
    return out[:_MAX_OFFERED]


def linked(drafts: list[Draft], new_mines: list[NewMine], chosen: dict[str, str]) -> list[Draft]:
    """The drafts (or leads) as the review shows them: linked to the mines added from the review
    (:func:`geo.ingest.newmine.link_new_mines`) and to the record's mines the reviewer chose for names spelled otherwise."""
    return link_spellings(link_new_mines(drafts, new_mines), chosen)


def link_spellings(drafts: list[Draft], chosen: dict[str, str]) -> list[Draft]:
    """The drafts with each candidate the reviewer said is a record mine (``chosen``: candidate → mine id) linked to
    that mine: a draft that named the candidate and has no mine takes it (its estimate of being right worked out
    again); other drafts are as they were."""
    out = []
    for d in drafts:
        ids = [chosen[c] for c in d.candidates if c in chosen and chosen[c] not in d.mines]
        if ids and not d.mines:
            d = replace(d, mines=list(dict.fromkeys(ids)), amounts=list(d.amounts), candidates=list(d.candidates))
            if d.event_type:  # a lead has no type to estimate: the reviewer gives it one
                rate([d])
        out.append(d)
    return out
