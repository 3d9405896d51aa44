"""Stage 5, amounts: US dollar values and quantities with units, as written."""

from __future__ import annotations

import re

from geo.ingest.hangul import has_hangul

_DIGIT = re.compile(r"\d")
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


_USD_RE = re.compile(r"(?:U\.?S\.?\s*|US)?\$\s?(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<s>thousand|million|billion|trillion|[mb]n?\b|M\b)?", re.IGNORECASE)
#: Dollars written out: "11.5 million dollars", "650,000 US dollars".
_DOLLARS_RE = re.compile(r"(?P<n>\d(?<![\w$.,]\d)[\d,]*(?:\.\d+)?)\s*(?P<s>thousand|million|billion|trillion)?\s+(?:U\.?S\.?\s+)?dollars\b",
                         re.IGNORECASE)


#: The figure's first digit is taken before the look-behind that tests the character before it
#: (not a letter, digit, '$', '.' or ','): the engine then jumps from digit to digit, and a run of
#: "5,5,5,…" is one figure read once, not one per digit (which was quadratic).
_QTY_RE = re.compile(r"(?P<n>\d(?<![\w$.,]\d)[\d,]*(?:\.\d+)?)\s*(?:-(?=(?:thousand|million|billion)\s))?(?P<unit>(?:(?:thousand|million|billion|mil\.|mln|mn)\s+)?(?:metric\s+)?(?:tons|tonnes|tons?|t(?![A-Za-z급])|kilowatts|megawatts|gigawatts|kilowatt-hours|kwh|mw|kw|percent|per cent|%|kilograms|kg|ounces|oz|barrels))", re.IGNORECASE)


#: An amount in words ("one million tonnes", "half a million tons", "two billion dollars"): a number word
#: and a scale, then tonnes or dollars; not the end of a compound ("twenty-five million", "thirty one million").
_WORD_AMOUNT_RE = re.compile(r"(?<![\w-])(?<!ty )(?P<w>one|two|three|four|five|six|seven|eight|nine|ten|a|half a)\s+"
                             r"(?P<s>hundred|thousand|million|billion)\s+(?:(?:metric\s+)?(?P<unit>tons|tonnes)"
                             r"|(?:U\.?S\.?\s+)?(?P<usd>dollars))\b", re.IGNORECASE)
_WORDS = {"one": 1, "a": 1, "half a": 0.5, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10}
_SCALE_WORD = re.compile(r"hundred|thousand|million|billion", re.IGNORECASE)
_WORD_SCALE = {"hundred": 1e2, **_SCALE}

#: "1.44 mil. tons", "2 mn tonnes": the unit written out.
_ABBREVIATED = re.compile(r"^(?:mil\.|mln|mn)(?=\s)", re.IGNORECASE)


def find_amounts(sentence: str) -> tuple[float | None, float | None, str, list[str]]:
    """(value_usd, quantity, unit, every amount as written) of a sentence."""
    return amounts_and_qualifier(sentence)[0]


def amounts_and_qualifier(sentence: str) -> tuple[tuple[float | None, float | None, str, list[str]], str]:
    """:func:`find_amounts` and :func:`amount_qualifier` of a sentence in one pass."""
    written, usd, qty, unit = [], None, None, ""
    qty_at = len(sentence)  # where the quantity kept is written: a Korean figure before it is the first ("석탄 3만3028t과 선철 2010t")
    spans, used = [], []  # the matches of the amounts kept (their hedges are the draft's)
    first = None  # the first dollar amount, else the first quantity: the one the qualifier reads
    words = list(_WORD_AMOUNT_RE.finditer(sentence)) if _SCALE_WORD.search(sentence) else []
    if not _DIGIT.search(sentence):
        return _with_words(words, (usd, qty, unit, written)), _qualifier(sentence, words[0] if words else None)
    usd_matches = list(_USD_RE.finditer(sentence)) if "$" in sentence else []
    if "dollar" in sentence or "Dollar" in sentence:
        usd_matches = sorted(usd_matches + list(_DOLLARS_RE.finditer(sentence)), key=lambda m: m.start())
    for m in usd_matches:
        first = first or m
        n = float(m.group("n").replace(",", ""))
        s = (m.group("s") or "").lower()
        mult = _SCALE.get(s, {"m": 1e6, "mn": 1e6, "b": 1e9, "bn": 1e9}.get(s, 1))
        written.append(m.group(0).strip())
        spans.append((m.start(), m.end()))
        if usd is None:
            usd, used = round(n * mult, 2), [m]
    for m in _QTY_RE.finditer(sentence):
        if any(a <= m.start() < b for a, b in spans) or _share_of_other(sentence, m) or sentence.startswith("당", m.end()):
            continue
        first = first or m  # with no dollar amount, the first quantity (none lies in a dollar span)
        written.append(m.group(0).strip())
        if (qty is None or (_SHARE.search(unit) and not _SHARE.search(m.group("unit")))) and not _reserve(sentence, m.start()):
            # the first quantity, or the first of goods after a share ("fell 51.6% to 2.68 million tonnes")
            qty, used = float(m.group("n").replace(",", "")), [*used[:1 if usd is not None else 0], m]
            unit, qty_at = _ABBREVIATED.sub("million", re.sub(r"\s+", " ", m.group("unit").strip())), m.start()
            if (per := _PER_AFTER.match(sentence, m.end())) is not None:
                unit += f" per {per.group(1).lower()}"  # "1.8 million tons per month": a rate, not the period's total
    for m in (_korean_amounts(sentence) if has_hangul(sentence) else ()):
        if _share_of_other(sentence, m) or sentence.startswith("당", m.end()):
            continue  # (a price per unit, "1t당 평균 70달러", gives no amount of goods: the fifty-fifth trial's "1 t")
        first = first or m
        written.append(m.group(0).strip())
        value, what = korean_number(m.group("n")), m.group("unit")
        if _reserve(sentence, m.start()):
            continue  # "한 탄광(매장량 200만t)": the mine's reserves, not the event's amount
        if what == "달러" and usd is None:
            usd = round(value, 2)
            used.append(m)
        elif what in ("t", "톤", "kg", "킬로그램") and (qty is None or _SHARE.search(unit) or m.start() < qty_at):
            qty, unit, qty_at = value, "t" if what in ("t", "톤") else "kg", m.start()  # goods, not a share told first
            used.append(m)
    # the hedge of the first amount kept, else of the first written ("이 석탄의 70% 이상이 … 3억 7,000만 달러로 추정된다":
    # the share is no amount kept, and its "이상" no hedge of the dollars, the sixty-second trial)
    goods = [m for m in used if not _SHARE.search(m.group(0))] or used  # (a share is no amount of goods: see is_share)
    qualifier = _qualifier(sentence, min(goods, key=lambda m: m.start()) if goods else first or (words[0] if words else None))
    if qualifier == "exact" and (hedged := [q for m in used if (q := _qualifier(sentence, m)) not in ("exact", "")]):
        qualifier = hedged[0]  # "50만t(약 2억2000만 달러)": the figure kept beside the first is hedged (the seventy-sixth trial)
    return _with_words(words, (usd, qty, unit, written)), qualifier


#: A rate's time after its unit ("1.8 million tons per month", "2.1 million tons of North Korean coal per month"; not "a
#: year ago", "a year earlier").
_PER_AFTER = re.compile(r"(?:\s+of\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+)?\s*(?:a|per|each|every|/)\s*(month|year|day|week)\b"
                        r"(?!\s+(?:ago|earlier|before|later|on|in|from))", re.IGNORECASE)

#: Just before a figure, the reserves it measures ("reserves put at 3 billion tons", "매장량 200만t"): written
#: down, but not the event's quantity.
_RESERVE_BEFORE = re.compile(r"(?:\breserves?\b|\bdeposits? (?:of|estimated at|put at)|매장량|매장)[^.;,()]{0,16}$", re.IGNORECASE)


#: A share of a whole that is no trade or goods ("40% of the North's electricity", "북한 전력의 40%"): it tells
#: what a mineral is to the country, not an amount of an event, and is not written down as one.
_OTHER_WHOLE_BEFORE = re.compile(r"(?:전력|전기|발전량|에너지|국내총생산|GDP|예산|인구|국토|면적"
                                 # a share of a cap or quota ("연간 수입 제한선의 90%가 넘는", the sixtieth trial)
                                 r"|제한선|상한선|상한|한도|쿼터|할당량)(?:의|\s)\s*(?:약\s*)?$")
_OTHER_WHOLE_AFTER = re.compile(r"\s*of\s+(?:(?:the|its|their|all|total|North Korea's|North Korea’s|the North's|the North’s"
                                r"|the country's|the country’s|Pyongyang's|Pyongyang’s)\s+){0,2}(?:\w+\s+)?(?:electricity|power"
                                r"|energy|GDP|gross domestic product|budget|population|land|territory)\b", re.IGNORECASE)


#: A share of a venture's capital ("중국이 51%를 투자한 혜산청년광산", "a 51% stake"): who owns it, no amount of goods.
_CAPITAL_AFTER = re.compile(r"\s*(?:가|이|는|은)\s*(?:광물자원|광물|지하자원|광산물)(?:이었|이다|였|으로|이)"  # (minerals' share of all exports:
                            # "대중국 수출액 중 63%가 광물자원이었습니다" is no figure of the coal and iron ore named before it)
                            r"|\s*(?:를|을|의)?\s*(?:투자|출자|지분)|\s+(?:stakes?\b|equity\b|ownership\b|interest\b|owned\b"
                            r"|of the (?:shares|joint venture|venture|company)\b)", re.IGNORECASE)


def _share_of_other(sentence: str, m: re.Match) -> bool:
    return _SHARE.search(m.group(0)) is not None and (
        _OTHER_WHOLE_BEFORE.search(sentence, max(0, m.start() - 16), m.start()) is not None
        or _OTHER_WHOLE_AFTER.match(sentence, m.end()) is not None or _CAPITAL_AFTER.match(sentence, m.end()) is not None)


#: A discovery told in the sentence: there the reserves found are the event's amount.
_FOUND = re.compile(r"\b(?:discover\w*|found|struck|uncovered)\b|발견|찾아냈|찾아낸", re.IGNORECASE)


def _reserve(sentence: str, start: int) -> bool:
    return _RESERVE_BEFORE.search(sentence, max(0, start - 40), start) is not None and not _FOUND.search(sentence)


def _with_words(words: list[re.Match], found: tuple) -> tuple:
    """Amounts in words ("one million tonnes") added: written down, and the value or quantity where
    the figures in digits gave none."""
    usd, qty, unit, written = found
    for m in words:
        written.append(m.group(0))
        n = _WORDS[re.sub(r"\s+", " ", m.group("w").lower())]
        if m.group("usd") and usd is None:
            usd = n * _WORD_SCALE[m.group("s").lower()]
        elif m.group("unit") and qty is None:
            scale = m.group("s").lower()
            qty, unit = (n * 100.0, m.group("unit").lower()) if scale == "hundred" else (float(n), f"{scale} {m.group('unit').lower()}")
    return usd, qty, unit, written


#: A Korean amount: digits with the counters 억 (10^8), 만 (10^4), 천 (10^3), 백 (10^2), and a unit:
#: "50만t", "38만6천t", "2천800만 위안", "약 455만 달러", "2천237kg"; market prices in 원 are not trade amounts (plain "25t" is the English rule's).
_KO_AMOUNT_RE = re.compile(r"(?<![\d.,])(?P<n>\d[\d,]*(?:\.\d+)?\s*[억만천백](?:\s*(?:\d[\d,]*(?:\.\d+)?)?\s*[억만천백]|\s*\d[\d,]*(?:\.\d+)?(?=\s*여?\s*(?:t(?![A-Za-z급])|톤|달러|위안|kg|킬로그램)))*)"
                           r"\s*(?P<about>여)?\s*(?P<unit>t(?![A-Za-z급])|톤|달러|위안|kg|킬로그램)(?!급)")  # (not a ship's class: "5천톤급")
_KO_PART = re.compile(r"(\d[\d,]*(?:\.\d+)?)?\s*([억만천백])?")
#: Goods counted in plain digits before a Korean unit: "8201톤", "5,049톤", "300 킬로그램" (the forty-eighth trial's
#: "무연탄 5049톤(시가 7억원)" had no amount).
_KO_PLAIN_RE = re.compile(r"(?<![\d.,])(?P<n>\d[\d,]*(?:\.\d+)?)\s*(?P<about>여)?\s*(?P<unit>톤|킬로그램)(?!급)")


def _korean_amounts(sentence: str):
    """The Korean amounts of a sentence, in order: with counters (:data:`_KO_AMOUNT_RE`), and in plain digits before 톤
    or 킬로그램 outside them."""
    counted = list(_KO_AMOUNT_RE.finditer(sentence))
    plain = [m for m in _KO_PLAIN_RE.finditer(sentence) if not any(c.start() <= m.start() < c.end() for c in counted)] \
        if "톤" in sentence or "킬로그램" in sentence else []
    return sorted(counted + plain, key=lambda m: m.start())


def korean_number(text: str) -> float:
    """'38만6천' → 386000, '2억2천만' → 220000000, '1백만' → 1000000: 억 and 만 close a group of
    thousands and hundreds, as Korean counts."""
    total, group = 0.0, 0.0
    for digits, counter in _KO_PART.findall(text):
        if not digits and not counter:
            continue
        value = float(digits.replace(",", "")) if digits else 0.0
        if counter in ("천", "백"):
            group += (value or 1.0) * (1000 if counter == "천" else 100)
        elif counter in ("만", "억"):
            total += (group + value or 1.0) * (1e4 if counter == "만" else 1e8)
            group = 0.0
        else:
            group += value
    return total + group


#: Words that hedge the amount after them ("around 1,000 tons", "more than 20 percent"), by what they say of it
#: (data/README.md, "Amount qualifier"): a floor ("more than", "over", "at least"), a ceiling ("up to", "less than",
#: "as many as") or roughly the figure ("about", "nearly").
_FLOOR_RE = re.compile(r"(?:\b(?:more than|over|at least|just over|upwards of|in excess of|no fewer than|no less than)"
                       r"|(?<![가-힣])(?:최소한?|적어도))\s*$", re.IGNORECASE)  # (Korean before: "최소 3억7천만 달러")
_CEILING_RE = re.compile(r"\b(?:up to|less than|fewer than|under|just under|as many as|as much as|at most|no more than)\s*$",
                         re.IGNORECASE)
_APPROX_RE = re.compile(r"\b(?:about|around|some|roughly|approximately|nearly|almost|an estimated|estimated|close to|on average|an average of|averag(?:ed|ing)|평균|약)\s*$",
                        re.IGNORECASE)


def amount_qualifier(sentence: str) -> str:
    """The qualifier of the sentence's amounts (data/README.md): 'at_least', 'at_most', 'approximate' when its first
    is hedged so, or another it keeps ("20만t(약 1800만 달러)"), 'exact' when they are plain, '' without one."""
    if not _DIGIT.search(sentence):
        return ""
    return amounts_and_qualifier(sentence)[1]


#: Korean hedges after an amount: a floor ("1천t 이상", "넘게"), a ceiling ("미만", "이하") or roughly it ("두 배가량",
#: "100만t 안팎", "100여t", "70% 가까이", nearly 70%).
_FLOOR_AFTER_RE = re.compile(r"\s*(?:이상|넘게|넘는|초과)|(?:을|를)?\s*(?:조금\s*|약간\s*|훨씬\s*)?(?:웃돈|웃돌|넘었|넘어섰|넘는다)")
_CEILING_AFTER_RE = re.compile(r"\s*(?:미만|이하|까지|밑으로|아래로|밑돌)")  # (50% 밑으로 내려간: below half)
_APPROX_AFTER_RE = re.compile(r"\s*(?:가량|안팎|정도|남짓|여|께|가까이|쯤|내외)"
                             # … or told as an estimate just after ("4천430만 달러에 이르는 것으로 추정됐습니다", the 60th trial)
                             r"|\S{0,4}\s*(?:\S+\s+){0,2}?(?:것으로\s*)?(?:추정|추산|추계)")


def _qualifier(sentence: str, m: re.Match | None) -> str:
    if m is None:
        return ""
    before = sentence[max(0, m.start() - 30):m.start()]
    if _FLOOR_RE.search(before) or _FLOOR_AFTER_RE.match(sentence, m.end()):
        return "at_least"
    if _CEILING_RE.search(before) or _CEILING_AFTER_RE.match(sentence, m.end()):
        return "at_most"
    hedged = (_APPROX_RE.search(before) or _APPROX_AFTER_RE.match(sentence, m.end())
              or "about" in m.re.groupindex and m.group("about"))  # "132만 9천여 달러": some 1.329 million
    return "approximate" if hedged else "exact"


#: A figure given per year or per month, the rate word right after it ("took out 1 to 1.5 million tons of
#: iron ore a year at Musan") or, in Korean, just before it ("해마다 철광석 100만~150만톤을"): a rate or a
#: capacity, not the amount of one period. Not "a year earlier" or "year-on-year" (comparisons), "half a
#: year" (a period), "한 해 전보다" (a comparison) or 연간 (an annual total).
_RATE = re.compile(r"\d[\d,.]*\s*(?:million|billion|thousand)?\s*(?:tons?|tonnes?|t|dollars?)?(?:\s+(?:of|in)\s+(?:[\w-]+\s+){0,2}?[\w-]+)?"
                   r"(?<!\bhalf)\s+(?:a|per|each|every)\s+(?:year|month)\b(?![- ](?:on|earlier|ago|before|later|after|from|to)\b)"
                   r"|\d[\d,.]*\s*(?:million|billion)?\s*(?:tons?|tonnes?|t)?\s+annually\b"
                   r"|(?:해마다|매년|매달|한\s*해(?!\s*전)(?:에)?)\s+(?:\S+\s+){0,3}?\d", re.IGNORECASE)
_SHARE = re.compile(r"(?:percent|per cent|%|퍼센트)\s*$", re.IGNORECASE)


def is_share(unit: str) -> bool:
    """Is a quantity's unit a percent: a share ("70% 이상이 … 밀수입됐으며", "49%를 나눠 갖기로") or a rate of change
    ("12% 증가"), not an amount of goods? Only a change in output ("cut output by 30%") or a trade figure told by no
    other figure ("석탄이 70% 가까이를 차지했습니다") keeps one as its quantity."""
    return bool(unit) and _SHARE.search(unit) is not None


#: Where a change came to: a Korean amount then 으로/로/까지 ("205만t으로 49% 줄었다"), an English one after "to".
_REACHED_AFTER = re.compile(r"\s*(?:으로|로|까지)")
_REACHED_BEFORE = re.compile(r"\bto\s+(?:about\s+|around\s+|some\s+|nearly\s+|just\s+)?$", re.IGNORECASE)


def change_figure(sentence: str, written: list[str], qty: float | None, unit: str) -> tuple[float | None, str]:
    """The quantity of a change in output told from one figure to another: the one it came to ("2017년 약 403만t에서
    지난해 205만t으로 49% 줄었다": 205만t; "from 4.03 million tonnes to 2.05 million tonnes"), else, for a share
    (:func:`is_share`), the sentence's first figure that is none; else as found (the twenty-third trial: the first
    year of a series, or the percent, was the drafted figure)."""
    reached = None
    for w in figures_of(written):
        for m in re.finditer(re.escape(w), sentence):
            if (_REACHED_AFTER.match(sentence, m.end()) or _REACHED_BEFORE.search(sentence[max(0, m.start() - 20):m.start()])) \
                    and (reached is None or m.start() > reached[0]):
                reached = (m.start(), w)
    for w in ([reached[1]] if reached else figures_of(written)[:1] if is_share(unit) else []):
        _usd, q, u, _w = find_amounts(w)
        if q is not None:
            return q, u
    return qty, unit


def tells_rate(sentence: str, amounts: int) -> bool:
    """Is the sentence's one figure a rate per year or month? (A sentence of several figures tells a
    period's amount beside its rate: "sold $50 million of coal, about $4 million a month".)"""
    return amounts == 1 and _RATE.search(sentence) is not None


def no_figure(sentence: str, written: list[str], dated: bool) -> bool:
    """Does a trade figure's sentence give no figure of a period: one rate with no date of its own ("1.5 million tons a
    year")?"""
    return not dated and tells_rate(sentence, figures(written))


def no_amount(unit: str, event_type: str, sentence: str, written: list[str], usd: float | None) -> bool:
    """Is a quantity in ``unit`` no amount of goods for a draft of ``event_type``: a share or a rate of change
    (:func:`is_share`), but for a change in output ("cut output by 30%") or a trade figure told by no other figure
    ("석탄이 70% 가까이를 차지했습니다"), and for that not when it is a change ("surged nearly 40 percent": the fiftieth
    trial's trade figure of 40 %)?"""
    if not is_share(unit):
        return False
    if event_type not in ("production_change", "trade_figure") or usd is not None or plan_share(sentence):
        return True  # (a plan fulfilled at a per cent is no change in output either)
    return event_type == "trade_figure" and only_changes(sentence, written)


def only_changes(sentence: str, written: list[str]) -> bool:
    """Are all of a sentence's amounts per-cent changes ("6월달의 수입액은 전년동기대비 1.7% 감소한 수치다")? Such a telling
    of a period the report gives a figure for is that figure told again (geo.ingest.merge): the forty-ninth trial had
    it ticked as a figure of 1.7 %."""
    return bool(written) and all(_is_change(sentence, w) for w in written)


def _is_change(sentence: str, written: str) -> bool:
    """Is this amount a per-cent change ("1.7% 감소", "전년 동기 대비 340% 늘어난", "rose 12%", "up 5 percent")?"""
    if not _SHARE.search(written):
        return False
    at = sentence.find(written)
    return at >= 0 and (_CHANGE_AFTER.match(sentence, at + len(written)) is not None
                        or _CHANGE_BEFORE.search(sentence, max(0, at - 24), at) is not None)


_CHANGE_AFTER = re.compile(r"\s*(?:나|이나|가량|정도|넘게|이상)?\s*(?:감소|증가|늘|줄|하락|상승|급증|급감|뛰|떨어|up\b|down\b|higher|lower|more|less"
                           r"|increase|decrease|rise|fall|drop|jump|gain)", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(r"(?:대비|보다|\b(?:rose|fell|dropped|jumped|climbed|declined|increased|decreased|grew|gained|surged|soared"
                            r"|plunged|plummeted|slumped|sank|up|down)\s+(?:by\s+)?(?:about\s+|nearly\s+|almost\s+|some\s+|around"
                            r"\s+|over\s+|more than\s+)?)\s*$", re.IGNORECASE)


def figures(written: list[str]) -> int:
    """How many of the amounts as written are figures, not shares ("40 percent of all its shipments")."""
    return len(figures_of(written))


def figures_of(written: list[str]) -> list[str]:
    """The amounts as written that are figures, not shares."""
    return [w for w in written if not _SHARE.search(w)]


#: A plan's fulfilment as a per cent ("1.4분기계획을 136.6%로 해제꼈다", "fulfilled its quarterly plan at 120 percent", "112% of
#: the target"): a share of a plan, not a figure of goods, so it borrows no mineral from the clause or sentence before.
_PLAN_SHARE = re.compile(r"계획(?:을|를|은|도)?\s*\d[\d.,]*\s*(?:%|퍼센트)|\d[\d.,]*\s*(?:%|퍼센트)\s*(?:로|으로)?\s*(?:초과\s*|넘쳐\s*)?"
                         r"(?:수행|완수|해제|달성|넘쳐)|\b(?:plans?|targets?|quotas?)\b[^.;]{0,30}?\b(?:at|by|to)\s+\d[\d.,]*\s*(?:%|per\s?cent)"
                         r"|\d[\d.,]*\s*(?:%|per\s?cent)\s+of\s+(?:its|the|their)\s+(?:[\w-]+\s+)?(?:plan|target|quota)\b", re.IGNORECASE)


def plan_share(clause: str) -> bool:
    """Is the clause's figure a plan's fulfilment (:data:`_PLAN_SHARE`)?"""
    return ("%" in clause or "퍼센트" in clause or "cent" in clause) and _PLAN_SHARE.search(clause) is not None
