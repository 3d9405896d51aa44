"""Hangul for the gazetteer: the initial sound law, Revised Romanization, and mine-name stems.

North and South Korea spell some names differently: the North keeps an initial ㄹ or ㄴ that the
South's initial sound law turns into ㅇ or ㄴ (룡양 / 용양, 리원 / 이원, 녕변 / 영변).
:func:`initial_law` applies the law, so both spellings meet. :func:`romanize` writes a Hangul
name in Revised Romanization letter by letter (룡화 → ryonghwa); through the gazetteer's
romanization key it meets the Latin names the record knows (Yonghwa). :func:`stem` drops a
mine name's generic tail (대봉광산 → 대봉, 검덕광업연합기업소 → 검덕). All are linear in the text.
"""

from __future__ import annotations

import re

_BASE, _LAST = 0xAC00, 0xD7A3
_HANGUL = re.compile("[\uac00-\ud7a3]")
_INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"]
_VOWELS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
           "yu", "eu", "ui", "i"]
_FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "p", "t", "t", "p", "l", "m", "p", "p", "t", "t",
           "ng", "t", "t", "k", "t", "p", "t"]
_L_RIEUL, _L_NIEUN, _L_IEUNG = 5, 2, 11
#: Vowels before which the initial sound law drops ㄹ/ㄴ to ㅇ: ㅑ ㅒ ㅕ ㅖ ㅛ ㅠ ㅣ.
_Y_VOWELS = {2, 3, 6, 7, 12, 17, 20}

#: Generic tails of Korean mine names, longest first.
_TAILS = ("광업연합기업소", "지구탄광연합기업소", "연합기업소", "청년광산", "영웅광산", "청년탄광", "영웅탄광", "광업소", "광산",
          "금광", "탄광", "철광", "광업")
_TAIL_RE = re.compile("|".join(_TAILS))
#: Korean words that begin with a name of the record but are other words.
OTHER_WORDS = ("사금융", "사금고", "사금파리", "동광양", "동광주", "연광정")
_DIGITS_BEFORE_HANGUL = re.compile(r"\d+(?=[\uac00-\ud7a3])")
#: A date an enterprise is named for, before its name ("2.8직동청년탄광", "6.13탄광", "2·8직동탄광").
DATE_NAME_PREFIX = re.compile(r"^\d{1,2}\s?[.·]\s?\d{1,2}\s?(?=[\uac00-\ud7a3])")


#: A character class of every Hangul syllable that ends in ㅆ (final 20): a past verb's stem ("멈췄", "했", "였").
PAST_SYLLABLE = "[" + "".join(chr(0xAC00 + 28 * k + 20) for k in range(19 * 21)) + "]"


def has_hangul(text: str) -> bool:
    """Does the text hold a Hangul syllable? (ASCII text is told apart without a search.)"""
    return not text.isascii() and _HANGUL.search(text) is not None


def syllable_parts(ch: str) -> tuple[int, int, int] | None:
    """(lead, vowel, final) indexes of a Hangul syllable; None for another character."""
    code = ord(ch)
    if not _BASE <= code <= _LAST:
        return None
    code -= _BASE
    return code // (21 * 28), (code // 28) % 21, code % 28


def _syllable(lead: int, vowel: int, final: int) -> str:
    return chr(_BASE + (lead * 21 + vowel) * 28 + final)


def initial_law(text: str) -> str:
    """The first syllable under the South's initial sound law (룡양 → 용양, 로동 → 노동, 녀 → 여)."""
    parts = syllable_parts(text[:1]) if text else None
    if parts is None:
        return text
    lead, vowel, final = parts
    if lead == _L_RIEUL:
        lead = _L_IEUNG if vowel in _Y_VOWELS else _L_NIEUN
    elif lead == _L_NIEUN and vowel in _Y_VOWELS:
        lead = _L_IEUNG
    return _syllable(lead, vowel, final) + text[1:]


def romanize(text: str) -> str:
    """Revised Romanization, letter by letter (no sound changes across syllables): 무산 → musan."""
    out = []
    for ch in text:
        parts = syllable_parts(ch)
        if parts is None:
            out.append(ch)
            continue
        lead, vowel, final = parts
        out.append(_INITIALS[lead] + _VOWELS[vowel] + _FINALS[final])
    return "".join(out)


def stem(name: str) -> str:
    """A one-word Korean mine name without its generic tail, when two syllables or more are left."""
    name = DATE_NAME_PREFIX.sub("", name.strip(), count=1)
    if " " in name:
        return ""
    for tail in _TAILS:
        if name.endswith(tail) and len(name) - len(tail) >= 2:
            return name[:-len(tail)]
    return ""


def mine_tail_at(token: str, at: int) -> bool:
    """Does ``token`` continue at ``at`` with a generic mine-name tail (광산, 탄광 …)?"""
    return token.startswith(_TAILS, at)


def date_prefix(token: str) -> int:
    """How many digits begin a token before a mine's name ("8직동청년탄광" of "2.8직동…": 1): only
    when a mine-name tail follows ("19금 영상" is no gold, "3무산" no mine); 0 if none."""
    m = _DIGITS_BEFORE_HANGUL.match(token)
    return m.end() if m and _TAIL_RE.search(token, m.end()) else 0
