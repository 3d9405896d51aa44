"""Stage 3, mentions: mine and mineral pairs within a clause, and candidate mine names not in the gazetteer."""

from __future__ import annotations

import re

from geo.ingest.gazetteer import Gazetteer, Match

_PAIR_GAP_RE = re.compile(r"^\s*(?:mines?\s+|deposits?\s+)?(?:from|in|at|of)\s+(?:the\s+)?$"
                          # Korean apposition: "북한 최대 구리광산으로 꼽히는 혜산청년광산" (the biggest copper mine, Hyesan)
                          r"|^\s?(?:광산|탄광|광)(?:으로\s*(?:꼽히는|알려진|불리는|손꼽히는)|인|이라는)\s*$", re.IGNORECASE)


_LIST_GAP_RE = re.compile(r"^[\s,]*(?:and|or|as well as)?[\s,]*$", re.IGNORECASE)


#: Between two mines of a list: a comma or a conjunction, not a bare space ("회령시 중봉탄광" is a place and its mine).
_MINE_LIST_GAP_RE = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|as well as\s+)$", re.IGNORECASE)
#: A mine the record lacks named just before a mineral ("용하광산 몰리브덴", "the Sangnong Mine's zinc"): the
#: mineral is that mine's, not the next named mine's.
_UNKNOWN_MINE_BEFORE = re.compile(r"[\uac00-\ud7a3]{1,10}(?:광산|탄광)(?:의)?\s*$|\b[A-Z][\w'-]+\s+(?:[Mm]ine|[Cc]olliery)(?:['’]s)?\s*$")
_ADJ_GAP_RE = re.compile(r"^\s*(?:mine['’]s|mines['’]|['’]s)?\s*$", re.IGNORECASE)

#: Korean puts the mine before its mineral, joined by a few Hangul words and no punctuation but
#: quotes: "무산광산 철광석", "대봉광산'의 중석", "혜산청년광산'에서 나오는 구리".
_KO_ADJ_GAP_RE = re.compile(r"^[\uac00-\ud7a3'’‘\"“”\s]{0,24}$")

#: A Korean list of minerals: "구리정광과 아연정광", "연·아연", "구리와 몰리브덴 정광".
_KO_LIST_GAP_RE = re.compile(r"^[\uac00-\ud7a3()\s]{0,8}(?:과|와|및|·|,)[\uac00-\ud7a3()\s,·]{0,8}$")


#: One to three capitalised words before "mine" ("the Kapsan Youth mine"); the first word's capital is
#: taken before the look-behind that tests it starts a word, so the engine jumps from capital to capital.
_CAND_RE = re.compile(r"((?:[A-Z](?<!\w[A-Z])[\w'’ʼ\-]*\s+)(?:[A-Z][\w'’ʼ\-]*\s+){0,2})"
                      r"(?:mines?|Mines?|Mining Complex|deposit|colliery)\b")
#: A text one of which every candidate holds (_CAND_RE's or _HANGUL_CAND_RE's last word).
CANDIDATE_WORDS = ("mine", "Mine", "Mining Complex", "deposit", "colliery", "광산", "탄광")


#: A works named for a day keeps its day: 3월5일청년광산, 6·13광산 (not the fragment 일청년광산); a coal mine is named
#: as a mine is (룡문탄광, 강안탄광).
_HANGUL_CAND_RE = re.compile(r"((?<![\d.·])(?:\d{1,2}\s?월\s?\d{1,2}\s?일|\d{1,2}[·.]\d{1,2})[\uac00-\ud7a3]{0,8}"
                             r"|[\uac00-\ud7a3]{1,8}?)(?:광산|탄광)")


_CAND_STOP = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our",
              "north", "south", "korean", "korea", "chinese", "china", "even", "if", "new", "old",
              "state", "youth", "copper", "iron", "gold", "coal", "rare", "earth", "one", "another",
              "mine", "and", "of", "in", "at", "from", "any", "no", "every", "big",
              "but", "as", "so", "when", "while", "where", "which", "whose", "all", "some"}


def find_candidates(sentence: str, gaz: Gazetteer) -> list[str]:
    """Names in 'the X mine' form that the gazetteer does not know."""
    out = []
    for m in _CAND_RE.finditer(sentence):
        words = m.group(1).split()
        while words and words[0].lower().strip("'’") in _CAND_STOP:
            words = words[1:]
        if not words or all(w.lower() in _CAND_STOP for w in words):
            continue
        name = " ".join(words)
        full = f"{name} {m.group(0)[len(m.group(1)):]}".strip()
        if gaz.names_mine(name) or gaz.names_mine(full):  # a known mine; a mineral in the name is not one
            continue
        out.append(full)
    for m in _HANGUL_CAND_RE.finditer(sentence):
        stem = m.group(1)
        if gaz.names_mine(m.group(0)) or stem in _KO_GENERIC or gaz.lookup(stem, ("mineral",)) is not None:
            continue  # "구리광산" (a copper mine), "대형광산": a kind of mine, not a name
        out.append(m.group(0))
    for m in _HANGUL_SPACED_RE.finditer(sentence):  # "흥산 광산": a name written apart from 광산, as reports often do
        stem, name = m.group(1), m.group(1) + "광산"
        if stem in _KO_GENERIC or gaz.lookup(stem, ("mineral",)) is not None or gaz.names_mine(name) \
                or gaz.names_mine(stem) or name in out:
            continue
        out.append(name)
    return out


#: A name written apart from 광산 ("흥산 광산"): two to four syllables ending as North Korean place names
#: mostly end (산, 덕, 동, 천, 양, 흥, 봉, 리 …), not a word that only describes ("대신 광산", "주요 광산",
#: "따르면 광산"), and not followed by 업 or 들 (광산업, mining; 광산들, mines).
_HANGUL_SPACED_RE = re.compile(r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{1,3}[산덕동천양흥봉리암원포령평촌곡골진룡계])"
                               r" 광산(?![\uac00-\ud7a3]{0,2}(?:업|들|물))")


#: Words before 광산 that make a kind of mine, not a name ("대형광산", "노천광산"); minerals are checked apart.
_KO_GENERIC = frozenset({"대형", "소형", "중소", "국영", "지방", "노천", "지하", "북한", "중국", "인근", "주변", "해당", "각",
                         "여러", "최대", "대규모", "소규모", "비철", "비철금속", "희귀", "금속", "탄", "철", "동", "무연", "갈",
                         "석", "유연", "각지", "이들", "다른", "모든",
                         # a mine told by how it is run or owned ("남북 첫 합작광산", a joint-venture mine: the 63rd trial)
                         "합작", "합영", "공동", "남북", "외자", "민간", "국유", "신규", "새", "첫", "폐", "주요", "기존"})


def _pairs(clause_matches: list[Match], clause: str, offset: int, known: dict[str, list[str]] | None = None):
    """Group a clause's matches into (mine or None, [minerals]) by 'MINERAL from MINE' patterns.

    ``known``: mine id → the minerals the record knows it for (pairs several mines with minerals
    nobody claimed, see the end)."""
    groups: list[tuple[Match | None, list[Match]]] = []
    pending: list[Match] = []
    loose_mines: list[Match] = []
    listed: list[Match] = []  # mines listed just before the current one
    prev: Match | None = None
    claimed: list[tuple[None, list[Match]]] = []  # minerals named right after a mine the record lacks
    for m in clause_matches:
        gap = clause[(prev.end - offset) if prev else 0:m.start - offset]
        if m.kind == "mineral":
            if prev is not None and prev.kind == "mine" and (_ADJ_GAP_RE.match(gap) or _KO_ADJ_GAP_RE.match(gap)) \
                    and not pending:
                for mine in [*listed, prev]:  # "Musan iron ore", "무산광산 철광석"; a list shares it: "무산·철산의 철광산"
                    groups.append((mine, [m]))
                    if mine in loose_mines:
                        loose_mines.remove(mine)
            elif prev is not None and prev.kind == "mineral" and groups and groups[-1][0] is not None \
                    and prev in groups[-1][1] and not pending and _KO_LIST_GAP_RE.match(gap):
                groups[-1][1].append(m)  # "혜산광산의 구리정광과 아연정광": the list shares the mine
            elif not pending and _UNKNOWN_MINE_BEFORE.search(gap[-24:]):
                claimed.append((None, [m]))  # "용하광산 몰리브덴과 대봉광산 중석": a mine the record lacks claims it
            else:
                if pending and not _LIST_GAP_RE.match(gap):
                    groups.append((None, pending))
                    pending = []
                pending.append(m)
        elif m.kind == "mine":
            # mines listed before this one ("Musan and Unryul", "무산·철산") share a mineral named right after it
            listed = [*listed, prev] if prev is not None and prev.kind == "mine" and (
                _MINE_LIST_GAP_RE.match(gap) or _KO_LIST_GAP_RE.match(gap)) else []
            if pending and _PAIR_GAP_RE.match(gap):
                groups.append((m, pending))
                pending = []
            else:
                loose_mines.append(m)
        prev = m
    if pending:
        groups.append((None, pending))
    # One mine and minerals nobody claimed, in the same clause: they go together.
    loose_ids = {m.id for m in loose_mines} - {g[0].id for g in groups if g[0] is not None}
    unpaired = [g for g in groups if g[0] is None]
    if len(loose_ids) == 1 and unpaired and not any(g[0] is not None for g in groups):
        mine = next(m for m in loose_mines if m.id in loose_ids)
        groups = [(mine, [x for g in unpaired for x in g[1]])]
    elif len(loose_ids) > 1 and unpaired and not any(g[0] is not None for g in groups) and known:
        # Several mines and minerals nobody claimed ("the Hoean and Inpho coal mines are raising
        # output"): each mine takes them when the record knows it for every one of them.
        minerals = [x for g in unpaired for x in g[1]]
        mines = list({m.id: m for m in loose_mines}.values())
        if all({x.id for x in minerals} <= set(known.get(m.id, ())) for m in mines):
            groups = [(m, minerals) for m in mines]
    return _known_to_sole_mine(groups, clause_matches, known) + claimed


def _known_to_sole_mine(groups, clause_matches: list[Match], known: dict[str, list[str]] | None):
    """A clause that names one mine: minerals named after it that nobody claimed and the record knows
    the mine for are that mine's, even when another mineral was paired with it first ("대봉광산 근처로
    사금을 건지거나 중석을 줍겠다는": Daebong's gold, and its tungsten)."""
    mines = [m for m in clause_matches if m.kind == "mine"]
    if not known or not mines or len({m.id for m in mines}) != 1:
        return groups
    mine, held = mines[0], set(known.get(mines[0].id, ()))
    return [(mine, ms) if g is None and all(x.id in held and x.start > mine.start for x in ms) else (g, ms)
            for g, ms in groups]
