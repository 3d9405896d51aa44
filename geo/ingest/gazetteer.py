"""A romanization-aware gazetteer of the places and minerals the data package knows.

North Korean place names reach us in many spellings: Revised Romanization (Dancheon,
Hoeryeong, Cheolsan), McCune–Reischauer with or without breves and apostrophes (Tanch'ŏn,
Hoeryŏng, Ch'ŏlsan), press spellings (Tanchon, Hoeryong, Cholsan), the northern initial r
(Ryanggang / Yanggang) and Hangul. Two tiers of normalisation match them:

* :func:`fold` — Unicode compatibility decomposition, combining marks (breves, accents)
  removed, case folded, apostrophes, hyphens, dashes, dots and spaces dropped. "Tanch'ŏn",
  "TANCHON" and "Tan-chon" all fold to ``tanchon``.
* :func:`phonetic_key` — on top of :func:`fold`, the regular RR ↔ MR correspondences: eo/ŏ → o,
  eu/ŭ → u, shi → si, initial ry/ri → y/i, initial l → r, ch/j → c, g → k, d → t, b → p,
  l → r, doubled letters once. "Dancheon" and "Tanchon" share the key ``tancon``.

Keys are only ever used to look up names the data already knows (aliases of mines, border
crossings, provinces; names and synonyms of minerals): nothing is guessed beyond them.
Minerals match on :func:`fold` only (they are English words). Hangul matches as written, also
with a particle or suffix attached ("단천시에서").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from itertools import accumulate, compress, count, filterfalse
from operator import itemgetter, or_

from geo.ingest import hangul
from geo.ingest.aliases import crossing_aliases, mine_stem
from geo.ingest.day_names import day_named
from geo.ingest.hangul import has_hangul, initial_law, mine_tail_at, romanize
from geo.ingest.hangul import stem as hangul_stem
from geo.ingest.name_keys import (
    _ASCII_DROP,
    _DOUBLED,
    _TOKEN_RE,
    _VOICED,
    _key_token,
    _tokens,
    fold,
    phonetic_key,
)

#: Match kinds, in the order a tie on the same key is resolved.
KINDS = ("mine", "province", "crossing", "mineral")

_TOKEN_SPLIT = re.compile(f"({_TOKEN_RE.pattern})")
_POSSESSIVE_RE = re.compile(r"['’ʼ]s$", re.IGNORECASE)
MAX_SPAN = 6


@dataclass(frozen=True)
class Match:
    """One name found in a text."""

    kind: str  # mine, crossing, province or mineral
    id: str  # mine_id, crossing_id, province_id or mineral_id
    name: str  # the package's canonical name
    text: str  # as written in the text
    start: int
    end: int
    exact: bool  # matched after folding alone (False: through the romanization key)


@dataclass(frozen=True)
class _Entry:
    kind: str
    id: str
    name: str


#: A one-word plural is a mineral's only for an acronym ("REEs"); "golds" or "irons" are not read.
_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")


#: An alias with a note that says it names a mine or a part of one: "Masan (mine block)".
_MINE_NOTE = re.compile(r"\s*([^()]+?)\s*\((?:[^()]*\b(?:mine|pit|block|shaft)\b[^()]*)\)\s*")


class Gazetteer:
    """Every name of every mine, crossing, province and mineral of a package."""

    def __init__(self) -> None:
        self._exact: dict[str, _Entry] = {}
        self._phonetic: dict[str, _Entry] = {}
        self._hangul: dict[str, _Entry] = {}
        self._hangul_firsts: set[str] = set()  # first words of Hangul names written as two words ("금 정광")
        self._first: set[str] = set()  # folded or keyed first tokens of every name: the fast path
        self._exact_heads: set[str] = set()  # every beginning of an exact key (and of its plural)
        self._phonetic_heads: set[str] = set()  # every beginning of a romanization key
        self._starts = _Starts(self)  # a text token -> can a name start with it (remembered)
        self._names: dict[str, bool] = {}  # a text -> does it hold a known mine's name (see names_mine)
        self.max_span = 1

    # ------------------------------------------------------------------ building

    def add(self, kind: str, id_: str, name: str, aliases: Iterable[str]) -> None:
        entry = _Entry(kind, id_, name)
        self._starts.clear()  # what a name can start with is changing
        self._names.clear()
        for alias in [name, *aliases]:
            alias = unicodedata.normalize("NFC", str(alias or "")).strip()
            if not alias:
                continue
            if has_hangul(alias):
                for key in {fold(alias), initial_law(fold(alias))}:  # 룡양 and 용양 are one name
                    self._hangul.setdefault(key, entry)
                if len(alias.split()) == 2:
                    self._hangul_firsts.add(fold(alias.split()[0]))
                continue
            toks = _tokens(alias)
            if not toks:
                continue
            self.max_span = min(MAX_SPAN, max(self.max_span, len(toks)))
            for k in range(1, len(toks) + 1):  # a text token may join several of the name's words
                self._first.add("".join(fold(t) for t in toks[:k]))
                self._first.add("".join(_key_token(fold(t)) for t in toks[:k]))
            self._first.add(fold(re.split(r"[\s\-‐‑‒–—]+", alias)[0]))
            self._first.add(_key_token(fold(toks[0])))
            key = "".join(fold(t) for t in toks)
            self._put(self._exact, key, entry)
            self._exact_heads.update(key[:j] for j in range(1, len(key) + 1))
            self._exact_heads.add(key + "s")  # a plural: "iron ores"
            if kind == "mineral" and re.fullmatch(r"[A-Z]{2,}", alias):
                self._first.add(key + "s")  # an acronym's plural is one word: "REEs"
            if kind != "mineral":
                key = "".join(_key_token(fold(t)) for t in toks)
                self._put(self._phonetic, key, entry)
                self._phonetic_heads.update(key[:j] for j in range(1, len(key) + 1))

    @staticmethod
    def _put(table: dict, key: str, entry: _Entry) -> None:
        old = table.get(key)
        if old is None or KINDS.index(entry.kind) < KINDS.index(old.kind):
            table[key] = entry

    @classmethod
    def from_dataset(cls, ds) -> Gazetteer:
        """Built from a loaded :class:`geo.data.Dataset`."""
        gaz = cls()
        for row in ds.mines.itertuples(index=False):
            extra = [row.name_ko] if row.name_ko else []
            # an alias whose note says it is a mine ("Masan (mine block)") is also written "Masan Mine" (the twentieth
            # trial: "stations at Masan Mine (in Kanggu-dong, Hyesan)" was offered as a new mine)
            extra += [f"{m.group(1)} mine" for a in (row.aliases or []) if (m := _MINE_NOTE.fullmatch(str(a)))]
            gaz.add("mine", row.mine_id, row.name, [*list(row.aliases or []), *extra])
        for row in ds.provinces.itertuples(index=False):
            extra = [row.name_ko] if row.name_ko else []
            gaz.add("province", row.province_id, row.name, [*list(row.aliases or []), *extra])
        for row in ds.crossings.itertuples(index=False):
            gaz.add("crossing", row.crossing_id, row.name, crossing_aliases(row.name))
        for row in ds.minerals.itertuples(index=False):
            gaz.add("mineral", row.mineral_id, row.name,
                    [*list(row.synonyms or []), row.mineral_id.replace("_", " ")])
        for row in ds.mines.itertuples(index=False):  # after every written name: those win
            names = [row.name, *list(row.aliases or []), *([row.name_ko] if row.name_ko else [])]
            for stem in {s for n in names if (s := mine_stem(str(n or "")))}:
                if gaz.lookup(stem) is None:
                    gaz.add("mine", row.mine_id, row.name, [stem])
            for stem in {s for n in names if (s := hangul_stem(str(n or "")))}:  # 대봉광산 → 대봉
                if fold(stem) not in gaz._hangul:
                    gaz.add("mine", row.mine_id, row.name, [stem])
        return gaz

    # ------------------------------------------------------------------ matching

    def lookup(self, name: str, kinds: Iterable[str] | None = None) -> Match | None:
        """The entry a whole name stands for, or None."""
        found = [m for m in self.match(name, kinds) if m.start == 0 and m.end == len(name.strip())]
        return found[0] if found else None

    def names_mine(self, text: str) -> bool:
        """Does ``text`` hold a known mine's name? ``bool(self.match(text, ("mine",)))``, remembered per
        text: the candidate mine names of a report repeat ("the Musan mine")."""
        found = self._names.get(text)
        if found is None:
            if len(self._names) >= _STARTS_MAX:
                self._names.clear()
            found = self._names[text] = bool(self.match(text, ("mine",)))
        return found

    def match(self, text: str, kinds: Iterable[str] | None = None) -> list[Match]:
        """Every known name in ``text``, left to right, longest match first, no overlaps."""
        text = unicodedata.normalize("NFC", text)
        allowed = set(kinds) if kinds else set(KINDS)
        hangul = has_hangul(text)  # else no token needs the Hangul test
        parts = _TOKEN_SPLIT.split(text)  # gaps and tokens in turn: a token's offset is the length before it
        words = parts[1::2]
        if hangul:  # Only the words a name starts with are visited (in text with Hangul, also Hangul words).
            folded = list(map(_fold_token, words))
            keyed = list(map(_key_token, folded))
            first = self._first.__contains__
            starts = [j for j, f in enumerate(folded) if first(f) or first(keyed[j]) or has_hangul(f)]
        else:
            starts = self._starts
            if len(starts) > _STARTS_MAX:
                starts.clear()
            new = set(filterfalse(starts.__contains__, words))
            if new:
                starts.learn(new)  # the new words all at once, not one by one
            starts = list(compress(count(), map(starts.__getitem__, words)))  # a word costs no Python step
            if not starts:
                return []
            folded = [None] * len(words)  # filled by _reach: only the words a name could span
            keyed = [None] * len(words)
        out: list[Match] = []
        offsets: list[int] = []  # offsets[2j], offsets[2j + 1]: where the j-th token starts and ends
        i = 0
        for j in starts:
            if j < i:
                continue  # inside the name found before
            i = j
            hit = None
            for n in range(self._reach(words, folded, keyed, i, min(self.max_span, len(words) - i)), 0, -1):
                exact_key = "".join(folded[i:i + n])
                entry, exact = self._exact.get(exact_key), True
                if entry is None and exact_key.endswith("s") and "mineral" in allowed \
                        and (n > 1 or _ACRONYM_PLURAL.fullmatch(words[i])):
                    entry = self._exact.get(exact_key[:-1])  # a mineral's plural: "iron ores", "copper concentrates"
                    entry = entry if entry is not None and entry.kind == "mineral" else None
                if entry is None or entry.kind not in allowed:
                    entry, exact = self._phonetic.get("".join(keyed[i:i + n])), False
                if entry is not None and entry.kind in allowed:
                    offsets = offsets or list(accumulate(map(len, parts)))
                    start, end = offsets[2 * i], offsets[2 * (i + n - 1) + 1]
                    raw = text[start:end]
                    poss = _POSSESSIVE_RE.search(raw)
                    if poss:
                        end -= len(poss.group(0))
                    hit = (n, Match(entry.kind, entry.id, entry.name, text[start:end], start, end, exact))
                    break
            if hit is None and hangul and folded[i] in self._hangul_firsts and i + 1 < len(words):
                offsets = offsets or list(accumulate(map(len, parts)))
                hit = self._match_hangul_pair(text, offsets, folded, i, allowed)
            if hit is None and hangul and has_hangul(folded[i]):
                offsets = offsets or list(accumulate(map(len, parts)))
                hit = self._match_hangul(offsets[2 * i], words[i], folded[i], allowed)
                if hit is None and i + 1 < len(words) and "mine" in allowed:  # "정촌 흑연광산", "흥산 광산": the name apart
                    after = _fold_token(words[i + 1])  # (and "종천 흑연 광산": its mineral a word of its own)
                    after += _fold_token(words[i + 2]) if i + 2 < len(words) and getattr(self._hangul.get(after), "kind", "") == "mineral" else ""
                    hit = self._mine_apart(offsets[2 * i], words[i], folded[i], after)
            if hit is None:
                i += 1
                continue
            out.extend(m for m in hit[1:] if not (out and out[-1].id == m.id and text[out[-1].end:m.start] in ("(", " (")))
            i += hit[0]  # (a name glossed by its synonym in brackets, "텅스텐(중석)", is one mention)
        if hangul and "mine" in allowed and ("." in text or "·" in text):  # "6.13탄광", "6·13탄광": the mine 6·13탄광, whole
            days = [(x, s, e) for x, s, e in day_named(text, self._hangul) if not any(
                m.kind == "mine" and m.start < e and s < m.end for m in out)]  # (not 2.8직동청년탄광, found as 직동청년탄광)
            out = sorted([m for m in out if not any(s <= m.start < e for _x, s, e in days)]
                         + [Match("mine", x.id, x.name, text[s:e], s, e, True) for x, s, e in days], key=lambda m: m.start)
        return out

    def _reach(self, words: list[str], folded: list, keyed: list, i: int, most: int) -> int:
        """How many words from the i-th can still spell a key: past the first run of words that
        begins no key (exact, plural or romanized), no longer run can be one. The words' folded
        and keyed forms are filled in as they are reached (None: not yet)."""
        exact, phonetic, reach = "", "", 0
        for n in range(most):
            if folded[i + n] is None:
                folded[i + n] = f = _fold_token(words[i + n])
                keyed[i + n] = _key_token(f)
            exact, phonetic = exact + folded[i + n], phonetic + keyed[i + n]
            if exact not in self._exact_heads and phonetic not in self._phonetic_heads:
                break
            reach = n + 1
        return reach

    def _match_hangul_pair(self, text: str, offsets: list[int], folded: list[str], i: int, allowed: set[str]):
        """A Hangul name written as two words ("금 정광을"): the first word whole, then the longest
        known prefix of the second (a particle may follow)."""
        joined = folded[i] + folded[i + 1]
        lawful = initial_law(joined)
        for length in range(len(joined), len(folded[i]), -1):
            entry = self._hangul.get(joined[:length]) or self._hangul.get(lawful[:length])
            if entry is not None and entry.kind in allowed:
                start, end = offsets[2 * i], offsets[2 * (i + 1)] + length - len(folded[i])
                return 2, Match(entry.kind, entry.id, entry.name, text[start:end], start, end, True)
        return None

    def _mine_apart(self, start: int, word: str, folded: str, after: str):
        """A mine the record knows by its romanized name, written apart from its mine word, with or without its
        mineral ("정촌 흑연광산": Jeongchon): the name alone is matched, the mineral is read as the next word."""
        if not (mine_tail_at(after, 0) or self._mineral_mine_at(after, 0)) or not folded.isalpha():
            return None
        entry = self._phonetic.get(phonetic_key(romanize(folded)))
        if entry is None or entry.kind != "mine":
            return None
        return 1, Match(entry.kind, entry.id, entry.name, word, start, start + len(word), False)

    def _mineral_mine_at(self, folded: str, at: int) -> tuple[_Entry, int] | None:
        """A mineral's name and a mine tail at ``at`` ("혜산구리광산": 구리 광산, not the district 혜산구):
        (the mineral, its length); None if there is none."""
        for length in range(min(len(folded) - at, 6), 0, -1):
            entry = self._hangul.get(folded[at:at + length])
            if entry is not None and entry.kind == "mineral" and mine_tail_at(folded, at + length):
                return entry, length
        return None

    def _match_hangul(self, start: int, word: str, folded: str, allowed: set[str], dated: bool = True):
        """A Hangul token's longest known prefix (a particle or suffix may follow: 단천시에서); else, before a
        mine-name tail (룡화광산의), its Revised Romanization through the romanization key (Yonghwa)."""
        if folded.startswith(hangul.OTHER_WORDS):  # 사금융 ("private lending"), not 사금 (placer gold)
            return None
        if dated and (n := hangul.date_prefix(folded)):  # "8직동청년탄광" of "2.8직동청년탄광": the name after its
            return (self._match_hangul(start, word, folded, allowed, False)  # date, unless the whole is a name
                    or self._match_hangul(start + n, word[n:], folded[n:], allowed))  # (3월5일청년광산)
        lawful = initial_law(folded)
        for length in range(len(folded), 1, -1):
            entry = self._hangul.get(folded[:length]) or self._hangul.get(lawful[:length])
            exact = True
            if entry is None and "mine" in allowed and (mine_tail_at(folded, length) or self._mineral_mine_at(folded, length)
                                                        or (length + 1 == len(folded) and folded[length] == "산")):  # 정촌산: made at
                entry, exact = self._phonetic.get(phonetic_key(romanize(folded[:length]))), False
                entry = entry if entry is not None and entry.kind == "mine" else None
            inner = self._mineral_mine_at(folded, length) if entry is not None and entry.kind == "mine" else None
            if entry is not None and entry.kind == "mine" and folded[length:length + 1] in _TOWN_SUFFIX and not inner:
                return None  # 혜산시, 무산군: the town or county the mine is named for, not the mine
            if entry is not None and entry.kind == "mine" and _VERB_AFTER.match(folded, length):
                return None  # 무산됐다 ("came to nothing"): a verb that begins like the name
            if entry is not None and entry.kind in allowed:
                hit = Match(entry.kind, entry.id, entry.name, word[:length], start, start + length, exact)
                if inner is None or "mineral" not in allowed:
                    return 1, hit
                x, n = inner  # the mine's mineral written into its name: both are named
                return 1, hit, Match("mineral", x.id, x.name, word[length:length + n], start + length,
                                     start + length + n, True)
        # a one-syllable name (금 gold, 납 lead) only as a whole word, a particle at most after it:
        # as the start of a longer word it is another word (금지 "ban", 납부 "payment")
        entry = self._hangul.get(folded[:1])
        if entry is not None and entry.kind in allowed and folded[1:] in _PARTICLES:
            return 1, Match(entry.kind, entry.id, entry.name, word[:1], start, start + 1, True)
        return None


#: The particles a one-syllable name may carry and still be the name ("금을", "금이랑"; not 하고: "금하고" forbids).
_PARTICLES = frozenset({"", "을", "이", "은", "과", "의", "도", "만", "까지", "으로", "에", "이랑", "이나", "이며", "보다"})


#: Verb endings after a Hangul word: a word that begins like a mine's name but is a verb (무산됐다).
_VERB_AFTER = re.compile(r"됐|되|돼|될|시켰|시키|시켜")


#: Korean suffixes of a city, county or town (시, 군, 읍, 면, 구): "혜산시" is the city, not the mine.
_TOWN_SUFFIX = frozenset("시군읍면구")


_STARTS_MAX = 200_000  # words remembered by a gazetteer (text of ever new words: forgotten, not grown)


class _Starts(dict):
    """A text token → can a name start with it (its folded or romanized form begins a name):
    found once per distinct word, then looked up (reports repeat their words)."""

    def __init__(self, gaz: Gazetteer) -> None:
        super().__init__()
        self._first = gaz._first

    def __missing__(self, word: str) -> bool:
        folded = _fold_token(word)
        self[word] = found = folded in self._first or _key_token(folded) in self._first
        return found

    def learn(self, words: Collection[str]) -> None:
        """What :meth:`__missing__` finds for each word, found for all of them at once: the ASCII
        words joined by line breaks are folded and keyed in one pass of each step (no step's
        text spans a line break, so each line comes out as its word alone would); others one by one."""
        plain = list(filter(str.isascii, words))
        for word in filterfalse(str.isascii, words):
            self.__missing__(word)
        if not plain:
            return
        # Each line is "\n" + a word (a word never starts with '): _strip_possessive is a replace.
        lines = ("\n" + "\n".join(plain) + "\n").replace("'s\n", "\n").replace("'S\n", "\n")
        folded = lines.translate(_ASCII_DROP).lower()
        first = self._first.__contains__
        found = map(or_, map(first, folded[1:-1].split("\n")), map(first, _keys_of_lines(folded)[1:-1].split("\n")))
        self.update(zip(plain, found, strict=True))


def _keys_of_lines(text: str) -> str:
    """:func:`_key_token` of every folded ASCII word of ``text``, each after a line break, in one
    pass of each step."""
    t = text.replace("shi", "si").replace("eo", "o").replace("eu", "u").replace("\nry", "\ny").replace("\nri", "\ni")
    t = t.replace("ch", "c").replace("j", "c")
    return _DOUBLED.sub(itemgetter(1), t.translate(_VOICED))


@functools.lru_cache(maxsize=65536)
def _fold_token(tok: str) -> str:
    """A text token folded, without a possessive 's (cached: reports repeat their words)."""
    return fold(_strip_possessive(tok))


def _strip_possessive(tok: str) -> str:
    return tok[:-2] if len(tok) > 2 and tok[-1] in "sS" and tok[-2] in "'’ʼ" else tok
