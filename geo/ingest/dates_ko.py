"""Stage 4, dates in Korean: the rule table for reports written in Korean, resolved against the
publication date with precision, like :mod:`geo.ingest.dates` for English.

Korean writes a date as its parts with counters: 2013년 (year), 3월 (month), 5일 (day), in that
order, and relative words: 지난해/작년 (last year), 올해/금년 (this year), 지난달 (last month),
이달 (this month), 다음 달/내달 (next month), 내년 (next year), 오는 N월 / 오는 N일 (the coming month or day N: ahead of the report), X년 … 이듬해 (the year after X), 새해 들어 (since the new year: its January), 지난주 (last week), N년 전 / N개월 전 (N years or months ago), 최근 (recently), 현재/지금/요즘 (the report's time), 한 달 넘게 / N개월째 (for over N months: since then), 1년 넘게 / 2년째 (for over N years: since then), N개월 만에 (about N months after the date named before it), 어제 (yesterday), 내일 (tomorrow), N일 전 (N days ago, or before the day N a sentence before named: see
:func:`geo.ingest.dates.find_dates`).
A quarter "1분기" is its three months; a span "1~8월" (or "1월에서 8월 사이", "1월부터 8월까지") is months 1 to 8 ("2017년 4~10월": of 2017). A date followed by 보다 / 에 비해 / 대비 is a comparison's
baseline ("2008년보다 41.6% 늘어난": more than in 2008; "지난해 같은 기간보다", "지난해 같은 시기에 비해"), and a day followed by a verb of telling
(전했다, 말했다, 밝혔다, 보도했다) or by a quote is the day a source spoke ("데일리NK가 28일
전했다"). Each rule is one regular expression over the sentence: linear in its length.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re

from geo.ingest.date_mention import month_end
from geo.ingest.dates_ko_rules import _NAMED_AFTER, _RULES
from geo.ingest.hangul import PAST_SYLLABLE

_AHEAD_BEFORE = re.compile(r"(?:앞으로|향후)\s*$")  # "앞으로 6개월 동안": for a while from now
_COMPARISON_AFTER = re.compile(r"^\s*(?:께)?\)?\s*(?:\([^()]{0,15}\))?\s*(?:같은\s*(?:기간|시기|때|달|해|주|분기)|동기|동월)?\s*(?:보다|에\s*비해|대비|과\s*비교|와\s*비교|전보다)")
#: A day, then (after a time zone or a part of the day: "17일(현지시간)", "28일 오전") what a source said, or the
#: reading of data it is the day of ("통계를 21일 들여다본 결과": the statistics' month is the figure's)
_TELLING_AFTER = re.compile(r"^\s*(?:\((?:현지|한국|미국|중국)?\s*시[간각]\)\s*)?(?:(?:오전|오후|낮|밤)\s*)?"
                            r"(?:[\"“”'‘’]|(?:전했|말했|밝혔|보도했|전한|발표했|설명했|덧붙였)"
                            r"|(?:\S+\s+){0,2}?(?:들여다|살펴|분석|확인|집계|조사)(?:본|한|해\s*본)\s*결과"  # the day data was read
                            # the day sources told it ("20일 복수의 데일리NK 북한 내부 소식통에 따르면")
                            r"|(?:\S+\s+){0,4}?\S*(?:소식통|관계자|당국자)(?:들)?에\s*따르면)")


#: A length right after 최근 ("최근 한 달 넘게 캐지 못하고", for over a month now).
_DURATION_AFTER = re.compile(r"\s*(?:한|두|세|석|네|넉|다섯|여섯|[1-9]\d?)\s*(?:달|개월|년|해)\s*(?:넘게|째|이상|가까이)")
#: A day just after the one who spoke, in a sentence they tell ("평안남도 소식통은 15일 데일리NK에 … 말했다").
_SPEAKER_BEFORE = re.compile(r"(?:소식통|관계자|당국자|대변인|통신|신문|방송|매체)(?:은|는|이|가|도)\s*$")
_TELLS_AT_END = re.compile(r"(?:말했|밝혔|전했|보도했|설명했|덧붙였|강조했)(?:다|습니다)[\s.\"”'’]*$")
_ABOUT_AFTER = re.compile(r"\s*(?:께|경(?![가-힣])|경에|경부터|경까지|쯤|무렵|전후)")
#: A Korean date then 부터: the start of something ("올해 5월부터"); a span's start and end may carry a part of the month
#: and "about" ("1월 말께부터 3월 초까지").
FROM_AFTER = re.compile(r"\s*(?:초|중순|하순|말)?\s*(?:께|경)?\s*부터")
_UNTIL_AFTER = re.compile(r"\s*(?:초|중순|하순|말)?\s*(?:께|경)?\s*까지")


def _end_of(date: dt.date, precision: str) -> dt.date:
    if precision == "year":
        return dt.date(date.year, 12, 31)
    if precision == "month":
        return month_end(date.year, date.month)
    return date



def korean_dates(sentence: str, pub: dt.date, add) -> None:
    """Every Korean date rule's matches in ``sentence``, passed to ``add(match, date, precision,
    kind, end=None)`` (the English rules' collector, which keeps the first claim on a span)."""
    found = []
    taken = bytearray(len(sentence) + 1)  # characters a date holds already: an overlap test costs the match's length
    for rx, what in _RULES:
        for m in rx.finditer(sentence):
            got = _resolve(m, what, pub)
            if got is None or any(taken[m.start():m.end()]):
                continue
            if _NAMED_AFTER.match(sentence, m.end()):
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                if what == "ymd":  # "2019년 9월21일제련소": the year stands; the month and day name the works
                    found.append([m.start(), m.end(), m, dt.date(got[0].year, 1, 1), "year", "absolute", None, "year"])
                continue  # "9월21일제련소", "12월5일청년광산": a works named for a day, no date
            if what in ("quarter", "half") and _PLANS_PERIOD.match(sentence, m.end()):
                taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                continue  # "3분기 계획을 완수한", "상반기 과제를": the plan's period, not when (as "plans for the third quarter")
            if what == "next_month" and any(f[0] < m.start() for f in found):
                continue  # "8월 … 다음 달": the month after the one named, not after the report's
            if what == "recently" and _DURATION_AFTER.match(sentence, m.end()):
                continue  # "최근 한 달 넘게": the length says since when, not "recently" alone
            if what in ("months_long", "years_long") and _AHEAD_BEFORE.search(sentence, max(0, m.start() - 8), m.start()):
                got = (pub, "approximate", None)  # "앞으로 6개월 동안": a while from now on, begun at the report's time
            taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
            date, precision, end = got
            kind = "absolute" if what in ("ymd", "ym", "ym_span", "year", "next_year") or (what in ("quarter", "half") and m.group("y")) \
                else "relative"
            after = sentence[m.end():m.end() + 30]
            if _COMPARISON_AFTER.match(after):
                kind = "comparison"
            elif what in ("day", "md", "ymd") and _TELLING_AFTER.match(after):
                kind = "attribution"
            elif _PROBE_AFTER.match(after) and precision in ("day", "month"):
                # "지난해 10월부터 … 수입법인을 조사한 결과": the month the inquiry began is not the case's; its year is
                date, precision, end = dt.date(date.year, 1, 1), "year", None
            elif what == "day" and _SPEAKER_BEFORE.search(sentence, max(0, m.start() - 12), m.start()) \
                    and _TELLS_AT_END.search(sentence):
                precision = "approximate"  # "소식통은 15일 … 말했다": the day the source spoke, about when it happened
            found.append([m.start(), m.end(), m, date, precision, kind, end, what])
    found.sort(key=lambda f: f[0])
    _months_after(found, pub)
    _days_of_named_months(sentence, found, pub)
    _same_period(sentence, found)
    for f in found:
        if f[4] == "day" and _ABOUT_AFTER.match(sentence, f[1]):
            f[4] = "approximate"  # "지난달 20일께", "5일경": about that day
    found = [f for f in found if f[5] != _CONSUMED]
    for i, (_a, b, m, date, precision, kind, end, _w) in enumerate(found):
        # "지난해 11월부터 올해 1월 중순까지": a span, dated by its start, ending with the second
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and FROM_AFTER.match(sentence, b) and _UNTIL_AFTER.match(sentence, nxt[1]):
            end = nxt[6] or _end_of(nxt[3], nxt[4])
            nxt[5] = "span end"
        if kind != "span end":
            add(m, date, precision, kind, end)


#: Rules that give a month a day may follow ("지난달 5일", "작년 12월 20일", "다음 달 12일").
_MONTH_WORDS = frozenset({"next_month", "this_month", "last_month", "rel_month", "ym", "coming", "month"})
_CONSUMED = "consumed"  # an entry that gives no date of its own (a month its day took, a day it lacks)
_AHEAD_REACH = 183  # days: a deadline or start with no year is ahead only when at most this far ahead
#: After a date: a past verb ("중단했다", "늘었다"), unless the sentence tells a plan or a rule in force
#: ("살펴보기로 했다", "금지한다", "예정"): a past event's date is not moved ahead of the report.
_PAST_AFTER = re.compile(PAST_SYLLABLE + r"(?:다|고|으며|는데|지만|으나|던)")  # a syllable ending ㅆ, then an ending
_PLAN_AFTER = re.compile(r"기로|예정|계획|방침|[할될]\s*것|한다|된다|합니다|됩니다|하기로")
_LAST_BEFORE = re.compile(r"지난\s*$")  # "지난 25일부터": last, so past
#: Between a month-and-day and a bare day: "5월 29일과 31일", "29일, 31일".
#: Between a month and a day that ends a range of days: "4월 6~18일".
_DAY_RANGE = re.compile(r"\s*(\d{1,2})\s*[~∼\-–]\s*")
_AND_DAY = re.compile(r"\s*(?:과|와|,|및|·|、|\s또는)\s*")


#: After a year: "the same period" of it ("2003년 같은 기간의 788만 달러"), the months a span before it named.
_SAME_PERIOD_AFTER = re.compile(r"\s*(?:의\s*)?같은\s*(?:기간|시기)")


def _months_after(found: list, pub: dt.date) -> None:
    """"N개월 만에" is about N months after the nearest date named before it in the sentence (approximate: a count of
    months is a round one; not after the report); with none, it gives no date."""
    for i, f in enumerate(found):
        if f[7] != "months_after":
            continue
        before = next((b for b in reversed(found[:i]) if b[7] != "months_after" and b[5] != "comparison"), None)
        n = int(f[2].group("n")) if f[2].group("n").isdigit() else _KO_COUNT[f[2].group("n")]
        if before is None:
            f[5] = _CONSUMED
            continue
        y, mo = divmod(before[3].year * 12 + before[3].month - 1 + n, 12)
        day = dt.date(y, mo + 1, min(before[3].day, 28))
        if day > pub:
            f[5] = _CONSUMED
            continue
        f[3], f[4], f[6] = day, "approximate", None  # a count of months is a round one


def _same_period(sentence: str, found: list) -> None:
    """A year followed by 같은 기간 takes, in that year, the months of the span named before it in the
    sentence ("지난해 1∼4월 … 2003년 같은 기간": January to April 2003), in place in ``found``."""
    span = None
    for f in found:
        if f[7] in ("month_span", "ym_span") and f[6] is not None:
            span = f
        elif f[7] == "year" and span is not None and _SAME_PERIOD_AFTER.match(sentence, f[1]):
            first, last = span[3], span[6]
            f[3], f[4] = dt.date(f[3].year, first.month, 1), "month"
            f[6] = _end_of(dt.date(f[3].year, last.month, 1), "month")


def _after_month(prev: list | None, start: int) -> bool:
    """Does the entry at ``start`` follow a month (``prev``, the entry before it) directly?"""
    return prev is not None and prev[7] in _MONTH_WORDS and 0 <= start - prev[1] <= 2


def _days_of_named_months(sentence: str, found: list, pub: dt.date) -> None:
    """Two readings of a day with no year, and one of a length, each in place in ``found`` (entries:
    start, end, match, date, precision, kind, end date, rule):
    * a length just after a month ("8월 한 달 동안") is that month's length, no date of its own;

    * a day just after a month ("지난달 5일", "작년 12월 20일", "다음 달 12일까지") is that month's day,
      and the month gives no date of its own; a day the month does not have ("다음 달 31일" of a
      30-day month) is no date, and the month stands;
    * a day, a month and day, or a month, followed by 부터 or 까지, not after 지난 ("last"), in a sentence that
      tells a plan or a rule in force rather than a past act ("7월6일까지 … 살펴보기로 했다",
      "5월 1일부터 금지한다", "6월부터 다시 시작될 것"; not "11월 3일부터 생산을 중단했다"), is a start or deadline
      that may lie ahead of the report: the rules put it in the past, and it becomes the same day a month (or a
      year) later, or the same month a year later, when that lies at most half a year ahead.
    """
    anchor = None  # the last whole day named ("지난해 8월 9일"): a later bare day of the sentence is of its month
    for i, f in enumerate(found):
        start, end, _m, date, precision, _kind, _e, what = f
        prev = found[i - 1] if i else None
        if what not in ("day", "md", "ymd"):
            anchor = None  # another month or period named between: the days after it are not the anchor's
        if what == "day" and prev is not None and prev[7] in _MONTH_WORDS and (gap := _DAY_RANGE.fullmatch(sentence, prev[1], start)):
            with contextlib.suppress(ValueError):  # "4월 6~18일": April the 6th to the 18th
                f[3], f[6] = dt.date(prev[3].year, prev[3].month, int(gap.group(1))), dt.date(prev[3].year, prev[3].month, date.day)
                prev[5], anchor = _CONSUMED, f[3]
            continue
        if what == "months_long" and (_after_month(prev, start) or (prev is not None and prev[7] in ("month_span", "ym_span")
                                                                     and 0 <= start - prev[1] <= 2)):
            f[5] = _CONSUMED  # "8월 한 달 동안", "8∼11월 넉달간": the month's or span's length, not a month before the report
            continue
        if (what, precision) not in (("day", "day"), ("md", "day"), ("month", "month")):
            continue
        if what == "day" and _after_month(prev, start):
            try:
                f[3] = dt.date(prev[3].year, prev[3].month, date.day)
            except ValueError:
                f[5] = _CONSUMED  # not a day of that month: no date; the month stands
                continue
            prev[5], anchor = _CONSUMED, f[3]  # the month is the day's: no date of its own
            continue
        if what == "day" and prev is not None and prev[7] == "md" and _AND_DAY.fullmatch(sentence, prev[1], start):
            with contextlib.suppress(ValueError):  # "5월 29일과 31일": the days of May from the first to the second
                if (last := dt.date(prev[3].year, prev[3].month, date.day)) > prev[3]:
                    prev[6], f[5] = last, _CONSUMED
            continue
        if what == "day" and anchor is not None and date.day > anchor.day:
            f[3] = anchor.replace(day=date.day)  # "8월 9일 … 13일 … 입항해 26일까지": later days of August
            continue
        if what in ("md", "ymd") and precision == "day":
            anchor = date
        after = sentence[end:]
        if _LAST_BEFORE.search(sentence, max(0, start - 4), start) or not (
                FROM_AFTER.match(sentence, end) or _UNTIL_AFTER.match(sentence, end)):
            continue
        if _PAST_AFTER.search(after) and not _PLAN_AFTER.search(after):
            continue
        twin = _twin_ahead(date, what, pub)
        if twin is not None:
            f[3] = twin


def _twin_ahead(date: dt.date, what: str, pub: dt.date) -> dt.date | None:
    """The first of the same month and day this year or next (for a month and day), the same day this month
    or next (for a day), or the month's first day this year or next (for a month), that lies after the report
    and at most half a year ahead."""
    if what == "month":  # the month's first day: this year's when the month is still ahead, else next year's
        twin = dt.date(pub.year + (date.month <= pub.month), date.month, 1)
        return twin if (twin - pub).days <= _AHEAD_REACH else None
    nxt_year, nxt_month = divmod(pub.year * 12 + pub.month, 12)  # the month after the report's, 0-based
    months = [(pub.year, date.month), (pub.year + 1, date.month)] if what == "md" \
        else [(pub.year, pub.month), (nxt_year, nxt_month + 1)]
    for y, mo in months:
        try:
            twin = dt.date(y, mo, date.day)
        except ValueError:
            continue
        if pub < twin and (twin - pub).days <= _AHEAD_REACH:
            return twin
    return None


def _latest_day(pub: dt.date, day: int) -> dt.date | None:
    """That day of the publication month, or of the month before (a report looks back)."""
    for back in (0, 1):
        y, mo = divmod(pub.year * 12 + pub.month - 1 - back, 12)
        try:
            d = dt.date(y, mo + 1, day)
        except ValueError:
            continue
        if d <= pub:
            return d
    return None


def _year(text: str) -> int:
    """2017 → 2017; '05 → 2005; 91 → 1991."""
    digits = text.lstrip("'")
    y = int(digits)
    return y if len(digits) == 4 else (1900 + y if y >= 40 else 2000 + y)


def _rel_year(rel: str | None, pub: dt.date) -> int:
    """The year a relative year word names (지난해/작년: the one before the report's; 내년: the one
    after; 올해, 금년, 올 or none: the report's)."""
    return pub.year - (rel in ("지난해", "작년")) + (rel == "내년")


#: An inquiry begun at the date ("지난해 10월부터 국내 3개 수입법인을 조사한 결과"): its start, not the date of what it found
#: (the sixtieth trial's case took the month the probe began); the year stands.
_PROBE_AFTER = re.compile(r"\s*(?:께|경)?\s*부터\s*(?:\S+\s+){0,4}?\S*(?:조사|수사|내사|추적)(?:한|해|하|했|를|에)")


#: A plan named right after a quarter or a half ("3분기 계획", "상반기 인민경제계획", "하반기 생산 목표").
_PLANS_PERIOD = re.compile(r"\s*(?:의\s*)?(?:인민경제\s*|생산\s*|채굴\s*|석탄\s*)?(?:계획|과제|목표|과업)")


_KO_COUNT = {"한": 1, "두": 2, "세": 3, "석": 3, "네": 4, "넉": 4, "다섯": 5, "여섯": 6}


def _resolve(m: re.Match, what: str, pub: dt.date):  # noqa: PLR0911 - one branch per rule kind
    g = m.groupdict()
    if g.get("rel"):
        g["rel"] = g["rel"].replace(" ", "")  # 지난 해 = 지난해
    try:
        if what == "ymd":
            return dt.date(_year(g["y"]), int(g["m"]), int(g["d"])), "day", None
        if what == "ym":
            return dt.date(_year(g["y"]), int(g["m"]), 1), "month", None
        if what == "quarter":
            y = _year(g["y"]) if g["y"] else _rel_year(g["rel"], pub)
            first = 3 * int(g["q"]) - 2
            return dt.date(y, first, 1), "month", month_end(y, first + 2)
        if what == "half":
            first = 1 if g["h"] == "상" else 7
            if g["y"]:
                y = _year(g["y"])
            elif g["rel"]:
                y = _rel_year(g["rel"], pub)
            else:  # a half with no year is this year's, begun or ahead ("하반기부터 본격적으로 들어온다" in April: this
                y = pub.year  # year's; Korean news writes "지난해 하반기" for last year's)
            return dt.date(y, first, 1), "month", month_end(y, first + 5)
        if what in ("ym_span", "month_span"):
            if what == "ym_span":
                y = _year(g["y"])
            elif g["rel"]:
                y = _rel_year(g["rel"], pub)
            else:
                y = pub.year if int(g["m"]) <= pub.month else pub.year - 1
            if (int(g["m1"]), int(g["m"])) == (1, 12):  # "작년 1∼12월": the whole year
                return dt.date(y, 1, 1), "year", None
            return dt.date(y, int(g["m1"]), 1), "month", month_end(y, int(g["m"]))
        if what == "rel_month" or (what == "month_head" and g.get("rel")):
            y = _rel_year(g["rel"], pub)
            return dt.date(y, int(g["m"]), 1), "month", None
        if what == "md":
            mo, d = int(g["m"]), int(g["d"])
            day = dt.date(pub.year, mo, d)
            return (day if day <= pub else dt.date(pub.year - 1, mo, d)), "day", None
        if what == "days_ago":
            return pub - dt.timedelta(days=int(g["n"])), "approximate", None
        if what == "day":
            day = _latest_day(pub, int(g["d"]))
            return (day, "day", None) if day else None
        if what == "year":
            return dt.date(_year(g["y"]), 1, 1), "year", None
        if what == "next_year":
            return dt.date(_year(g["y"]) + 1, 1, 1), "year", None
        if what == "coming":
            mo, d = int(g["m"]), int(g["d"] or 1)
            day = dt.date(pub.year, mo, d)
            ahead = day if (mo, d if g["d"] else 32) >= (pub.month, pub.day) else dt.date(pub.year + 1, mo, d)
            return ahead, "day" if g["d"] else "month", None
        if what == "coming_day":
            d = int(g["d"])
            if d >= pub.day:
                return dt.date(pub.year, pub.month, d), "day", None
            y, mo = divmod(pub.year * 12 + pub.month, 12)
            return dt.date(y, mo + 1, d), "day", None
        if what in ("month", "month_head"):
            mo = int(g["m"])
            return dt.date(pub.year if mo <= pub.month else pub.year - 1, mo, 1), "month", None
    except ValueError:
        return None
    if what == "new_year":
        return dt.date(pub.year, 1, 1), "month", None
    if what == "last_year":
        return dt.date(pub.year - 1, 1, 1), "year", None
    if what == "this_year":
        return dt.date(pub.year, 1, 1), "year", None
    if what == "next_year_rel":
        return dt.date(pub.year + 1, 1, 1), "year", None
    if what in ("last_month", "this_month", "next_month"):
        y, mo = divmod(pub.year * 12 + pub.month - 1 - (what == "last_month") + (what == "next_month"), 12)
        return dt.date(y, mo + 1, 1), "month", None
    if what == "last_week":
        return pub - dt.timedelta(days=7), "approximate", None
    if what in ("years_ago", "months_ago"):
        n = int(g["n"]) if g["n"].isdigit() else _KO_COUNT[g["n"]]
        if what == "years_ago":
            return dt.date(pub.year - n, 1, 1), "year", None
        y, mo = divmod(pub.year * 12 + pub.month - 1 - n, 12)
        return dt.date(y, mo + 1, 1), "month", None
    if what == "years_long":
        n = int(g["n"]) if g["n"].isdigit() else _KO_COUNT[g["n"]]
        return pub - dt.timedelta(days=365 * n), "approximate", None
    if what == "months_long":
        n = int(g["n"]) if g["n"].isdigit() else _KO_COUNT[g["n"]]
        return pub - dt.timedelta(days=30 * n), "approximate", None
    if what == "months_after":  # dated by :func:`_months_after` from the date before it; none without one
        return pub, "approximate", None
    if what == "now":
        return pub, "approximate", None
    if what == "recently":  # about the report's time (the sets label "최근" so), not a guessed fortnight before it
        return pub, "approximate", None
    if what in ("yesterday", "tomorrow"):
        return pub + dt.timedelta(days=1 if what == "tomorrow" else -1), "day", None
    return None
