"""Stage 4, dates: absolute and relative dates in a sentence, resolved against the publication date, with precision."""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt
import re

from geo.ingest.ahead import FUTURE_BEFORE, month_day, pointed_ahead
from geo.ingest.date_mention import DateMention, month_end
from geo.ingest.dates_en import (
    AFTER_A_MONTH,
    day_spans,
    english_dates,
    month_named_before,
    month_pairs,
    months_later,
    shared_year,
)
from geo.ingest.dates_ko import korean_dates
from geo.ingest.hangul import has_hangul
from geo.ingest.literals import has_odd_case, may_hold

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9


_MONTH_RE = r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"


_WEEKDAYS = [d.lower() for d in calendar.day_name]
_WEEKDAY_WORDS = tuple(_WEEKDAYS)
_WEEKDAY_DATED = re.compile(r",?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|,?\s+\d{1,2}\s+"
                            r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")


_APPROX_BEFORE = re.compile(r"\b(around|about|approximately|roughly|circa|c\.|some|near)\s+(the\s+)?$", re.IGNORECASE)


_DIGIT = re.compile(r"\d")
_YEAR_ANY = re.compile(r"(?:19|20)\d\d")
_MONTH_ANY = re.compile(_MONTH_RE)
#: Words one of which every rule without a digit or a month name needs ("day" also stands for
#: Monday … Sunday, today, yesterday): a sentence with none of them, no year and no month name
#: has no date, and is not searched rule by rule.
_WORDS_ANY = ("month", "year", "day", "week", "recently", "time", "half", "on the ")


def find_dates(sentence: str, pub: dt.date, context: DateMention | None = None) -> list[DateMention]:
    """Every date a sentence states, resolved against the publication date, in text order."""
    found: list[DateMention] = []
    taken = bytearray(len(sentence) + 1)  # characters a date holds already: an overlap test costs the match's length

    def add(m: re.Match, date: dt.date | None, precision: str, kind: str, end=None):
        if date is None or any(taken[m.start():m.end()]):
            return
        if precision == "day" and _APPROX_BEFORE.search(sentence[max(0, m.start() - 30):m.start()]):
            precision = "approximate"
        taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        found.append(DateMention(date, precision, m.group(0), m.start(), kind, end))

    digits = _DIGIT.search(sentence) is not None
    years = digits and _YEAR_ANY.search(sentence) is not None  # rules that need a year skip without one
    months = _MONTH_ANY.search(sentence) is not None
    lower = sentence.lower()
    korean = has_hangul(sentence)
    if not years and not months and not korean and not any(w in lower for w in _WORDS_ANY):
        english_dates(sentence, lower, pub, add)  # only the rules of geo.ingest.dates_en can match
        found.sort(key=lambda d: d.start)
        return [_as_attribution(sentence, d) for d in found]  # [] mostly: the rest of the rules, in one pass
    # Each rule is searched only when the sentence holds the words every match of it needs (as
    # may_hold tells: ``odd`` is its answer for text with none of the words): the same dates, cheaper.
    odd = has_odd_case(sentence, lower)
    if korean:
        korean_dates(sentence, pub, add)
    for m in (_R_FIRST_MONTHS.finditer(sentence) if "months of" in lower else ()):
        n = m.group("n")
        n = int(n) if n.isdigit() else ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven"].index(n.lower()) + 2
        y = int(m.group("y")) if m.group("y") else pub.year - ((m.group("w") or "").lower() == "last")
        if 1 <= n <= 12:
            add(m, dt.date(y, 1, 1), "month", "absolute" if m.group("y") else "relative", month_end(y, n))
    for m in (_R_ISO.finditer(sentence) if years else ()):
        with contextlib.suppress(ValueError):
            add(m, dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d"))), "day", "absolute")
    for m in (_R_MONTH_DAY.finditer(sentence) if months and digits else ()):
        mon, day = _MONTHS[m.group("mon").lower()], int(m.group("d"))
        if m.group("y") or m.group("ly"):  # "March 3, 2019"; "March 3 last year"
            with contextlib.suppress(ValueError):
                add(m, dt.date(int(m.group("y")) if m.group("y") else pub.year - (m.group("ly") == "last"), mon, day),
                    "day", "absolute")
        else:
            add(m, month_day(mon, day, pub, pointed_ahead(sentence, m.start())), "day", "absolute")
    for m in (_R_MONTH_ORDINAL.finditer(sentence) if months and any(w in lower for w in _ORDINAL_ROOTS) else ()):  # "on November ninth": the day, in words (the fifty-third trial read a month)
        mon, day = _MONTHS[m.group("mon").lower()], _ORDINALS.index(m.group("o").lower().replace(" ", "-")) + 1
        with contextlib.suppress(ValueError):
            add(m, month_day(mon, day, pub, pointed_ahead(sentence, m.start())), "day", "absolute")
    for m in (_R_DAY_MONTH.finditer(sentence) if months and digits else ()):
        mon, day = _MONTHS[m.group("mon").lower()], int(m.group("d"))
        y = int(m.group("y")) if m.group("y") else None
        with contextlib.suppress(ValueError):
            add(m, dt.date(y, mon, day) if y else month_day(mon, day, pub, pointed_ahead(sentence, m.start())),
                "day", "absolute")
    _relative_rules(sentence, pub, add, lower, years, odd)
    for m in (_R_MONTH.finditer(sentence) if months else ()):
        year = m.group("y") or m.group("cy")
        if m.group("mon") in ("May", "Mar") and not (m.group("rel") or year or m.group("ly")) \
                and not AFTER_A_MONTH.search(sentence, max(0, m.start() - 24), m.start()):
            continue  # "may", "mar": only with a cue, or after another month ("April and May")
        mon = _MONTHS[m.group("mon").lower()]
        rel = (m.group("rel") or "").lower()
        if year:
            y = int(year)
        elif m.group("ly"):  # "August last year", "in March this year"
            y = pub.year - (m.group("ly") == "last")
        elif rel == "last":
            y = pub.year if mon < pub.month else pub.year - 1
        else:  # a month told as ahead ("will reopen in May", "has agreed to travel … in May"): the coming one
            y = pub.year if mon <= pub.month or FUTURE_BEFORE.search(sentence, max(0, m.start() - 80), m.start()) else pub.year - 1
        add(m, dt.date(y, mon, 1), "month", "absolute" if year else "relative")
    if "month" in lower and (odd or "this month" in lower or "last month" in lower or "next month" in lower):
        for m in _R_THIS_MONTH.finditer(sentence):  # "from next month": a measure's start, announced ahead
            add(m, _months_back(pub, {"last": 1, "this": 0, "next": -1}[m.group("w").lower()]), "month", "relative")
    if "year" in lower and (odd or "this year" in lower or "last year" in lower or "next year" in lower):
        for m in _R_THIS_YEAR.finditer(sentence):
            add(m, dt.date(pub.year + {"last": -1, "this": 0, "next": 1}[m.group("w").lower()], 1, 1), "year", "relative")
    if "day" in lower:
        _day_rules(sentence, pub, add, lower, odd)
    if "week" in lower and (odd or "last week" in lower or "a week ago" in lower):
        for m in _R_LAST_WEEK.finditer(sentence):
            add(m, pub - dt.timedelta(days=7), "approximate", "relative")
    if ("week" in lower or "recently" in lower) and (odd or "week ago" in lower or "weeks ago" in lower
                                                    or "weeks earlier" in lower or "weeks before" in lower or "recently" in lower):
        for m in _R_WEEKS_AGO.finditer(sentence):  # "recently": about the report's time, as the labels date it
            add(m, pub - dt.timedelta(days=0 if m.group(0).lower() == "recently" else 14), "approximate", "relative")
    english_dates(sentence, lower, pub, add)  # weeks ago, quarters, seasons, the weekend (geo.ingest.dates_en)
    if "time" in lower and (odd or "some time" in lower or "long time" in lower):
        for m in _R_SOME_TIME.finditer(sentence):
            anchor = context.date if context is not None and context.precision == "day" else pub
            add(m, anchor, "approximate", "relative")
    for m in (_R_YEAR.finditer(sentence) if years else ()):
        add(m, dt.date(int(m.group("y")), 1, 1), "year", "absolute")
    found.sort(key=lambda d: d.start)
    if korean and context is not None:
        found = [_day_named_before(d, context, pub) for d in found]
    return [_as_attribution(sentence, d) for d in months_later(sentence, day_spans(sentence, month_pairs(sentence, shared_year(sentence, found))))]


#: Korean "15일 전(에)": fifteen days ago, or "before the 15th" when a sentence before named that day.
DAYS_BEFORE = re.compile(r"(\d{1,2})\s*일\s*전")


def _day_named_before(d: DateMention, context: DateMention, pub: dt.date) -> DateMention:
    """"내일(15일)부터 … 다만 15일 전에 운송된 화물은": the day the sentence before named, within a month of the
    report, not fifteen days before it."""
    m = DAYS_BEFORE.fullmatch(d.text.strip())
    if m and context.precision == "day" and context.date.day == int(m.group(1)) and abs((context.date - pub).days) <= 31:
        return DateMention(context.date, "day", d.text, d.start, "relative", None)
    return d


def _day_rules(sentence: str, pub: dt.date, add, lower: str, odd: bool) -> None:
    """The rules that need the word "day" (a weekday, yesterday, today, days ago), in table order."""
    for m in (_R_WEEKDAY.finditer(sentence) if odd or any(w in lower for w in _WEEKDAY_WORDS) else ()):
        if _WEEKDAY_DATED.match(sentence, m.end()):
            continue  # "Sunday, Feb. 19": the weekday of a date the month-day rule reads
        wd = _WEEKDAYS.index(m.group("wd").lower())
        if not m.group("last") and pointed_ahead(sentence, m.start()):
            add(m, pub + dt.timedelta(days=(wd - pub.weekday()) % 7), "day", "relative")  # "from Sunday": the next
            continue
        back = (pub.weekday() - wd) % 7
        if m.group("last") and back == 0:
            back = 7
        add(m, pub - dt.timedelta(days=back), "day", "relative")
    for m in (_R_YESTERDAY.finditer(sentence) if odd or "yesterday" in lower else ()):
        add(m, pub - dt.timedelta(days=1), "day", "relative")
    for m in (_R_TODAY.finditer(sentence) if odd or "today" in lower else ()):
        add(m, pub, "day", "relative")
    ago = odd or "days ago" in lower
    for m in (_R_N_DAYS_AGO.finditer(sentence) if ago else ()):
        n = m.group("n")
        add(m, pub - dt.timedelta(days=int(n) if n.isdigit() else {"two": 2, "three": 3}[n.lower()]), "day", "relative")
    for m in (_R_FEW_DAYS_AGO.finditer(sentence) if ago else ()):
        add(m, pub - dt.timedelta(days=3), "approximate", "relative")


#: "a source said on October 30", "told Daily NK on Wednesday": the date of the telling; also the
#: day figures were published ("data showed on Friday", "customs data released Tuesday show"), by a
#: customs office, ministry, administration, agency or bureau named at length ("Figures from the
#: General Administration of Customs released on Monday", "the April trade figures of China's General Administration of
#: Customs, released on 24 May"); a document a newsroom obtained ("a report
#: that Voice of America obtained on Tuesday"); the day a story was learnt ("It was confirmed by the 9th
#: that …", "it was learned on Friday"); "According to the Korea Mining Promotion Corporation on the 25th"; the day
#: an article or statement was put up ("according to an article put up on an industry association website on Thursday").
_ATTRIBUTION_BEFORE = re.compile(r"(?:\b(?:said|says|told [\w ]{1,30}|reported|added|explained|announced|"
                                 r"(?:data|figures|statistics|report|study|customs|ministry|administration|agency|bureau) (?:[\w'’,-]+ ){0,8}?(?:showed|show|shows|released|published)"
                                 r"|(?:report|document|documents|letter|copy) (?:[\w-]+ ){0,8}?obtained"
                                 r"|(?:article|statement|notice|post|press release) (?:[\w-]+ ){0,3}?(?:put up|posted|published|released|issued)"
                                 r"(?: (?:on|by|in) (?:[\w-]+ ){1,5}?[\w-]+)?"
                                 r"|according to(?: [\w().&'’-]+){1,8}?)\s+(?:on\s+)?"
                                 r"|\b[Ii]t (?:was|has been) (?:confirmed|learned|learnt|known)\s+(?:on|by)\s+)(?:the\s+)?$", re.IGNORECASE)

#: Korean: the day a report or figures came out ("최근 펴낸 보고서에서", "지난달 발표한 자료"): the telling's date.
_KO_PUBLISHED_AFTER = re.compile(r"\s*(?:펴낸|발표한|낸|공개한|내놓은|발간한|공개된|발표된|나온)\s*(?:[\uac00-\ud7a3]+\s+)?"
                                 r"(?:보고서|자료|통계|집계|분석|연구)"
                                 # the day a source spoke to the outlet ("소식통은 27일 데일리NK와 통화에서 …"; "… 인터뷰에서")
                                 r"|\s*(?:[\w가-힣]{1,12}(?:와|과)(?:의)?\s*)?(?:전화\s*)?(?:통화|인터뷰|전화|면담)(?:에서|를\s*통해)"
                                 # a document's own date ("5일자 중국 상무부의 통계를 인용하며"): when it was issued
                                 r"|자\s")

#: A measure's own announcement ("the decision announced Feb. 18 to suspend", "a ban announced on
#: Aug. 14"): the day of the measure, not of a telling.
_MEASURE_ANNOUNCED = re.compile(r"\b(?:decision|ban|order|measure|suspension|halt|notice|embargo)\s+(?:was\s+)?announced\s+"
                                r"(?:on\s+)?(?:the\s+)?$", re.IGNORECASE)

#: A baseline a figure is compared with, not the event's date: "lower than in April", "against
#: 217,897 tonnes a year ago" (a figure after "against"), "their highest since August 2014", "the smallest monthly
#: volume since January 2011", "the first of their kind since 2019", "compared with March", "1.5 times
#: what it was in the same period last year".
_COMPARISON_BEFORE = re.compile(r"\b(?:than|compared (?:with|to)|versus|vs\.?|(?:highest|lowest|most|least|best|worst|smallest|largest"
                                r"|biggest|fewest|weakest|strongest)(?:\s+[\w-]+){0,3}\s+since"
                                r"|any (?:\w+ )?since|(?:the )?first (?:[\w-]+ ){0,4}since|[\d.]+\s*(?:percent|per cent|%)\s+from|above|below|up from"
                                r"|down from|against\s+(?:about\s+|some\s+|around\s+|just\s+)?(?:US)?(?:\$\s?\d[\d,.]*(?:\s+(?:million|billion))?|\d[\d,.]*\s*(?:(?:million|billion)\s+)?(?:tonnes|tons|t|percent|per cent|%|dollars|yuan))|(?:the )?same (?:\w+ )?(?:period|time|days?|weeks?|months?|quarter|season)(?: of| in)?|what it was(?: in)?)"
                                r"\s+(?:(?:in|on|of|during)\s+)?(?:the\s+)?(?:(?:whole|entire|full)\s+(?:year\s+)?(?:of\s+)?)?$",
                                re.IGNORECASE)


#: A dateline: "HONG KONG, Sept 20 (Reuters) -", "Tanchon, September 8 (KCNA) --".
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^()]{0,30}\)\s*)?(?:-|–|—|:)")  # (also "Feb. 20(ANI): …")


#: Words one of which every match of _ATTRIBUTION_BEFORE ("show" for "showed", "shows") and of
#: _COMPARISON_BEFORE ("since" for "highest since", "from" for "up from") holds: without them,
#: not searched (as may_hold tells).
_ATTRIBUTION_WORDS = ("said", "says", "told", "reported", "added", "explained", "announced", "show", "released", "obtained",
                      "confirmed", "learn", "known", "according",
                      "published", "posted", "put up", "issued")
_COMPARISON_WORDS = ("than", "compared", "versus", "vs", "since", "from", "above", "below", "same", "was", "against")


def _as_attribution(sentence: str, d: DateMention) -> DateMention:
    dateline = d.start < 40 and _DATELINE_AFTER.match(sentence[d.start + len(d.text):d.start + len(d.text) + 40])
    before = sentence[max(0, d.start - 80):d.start]
    after = d.start + len(d.text)
    if dateline or (may_hold(before, before.lower(), _ATTRIBUTION_WORDS) and _ATTRIBUTION_BEFORE.search(before)
                    and not _MEASURE_ANNOUNCED.search(before)) or _KO_PUBLISHED_AFTER.match(sentence, after, after + 30):
        return DateMention(d.date, d.precision, d.text, d.start, "attribution", d.end_date)
    lead = _LEAD_WORD.match(d.text.lstrip())  # "since August 2014": the rule's own leading word belongs to the context
    baseline = before.rstrip() + " " + (lead.group(0) if lead else "")
    if (may_hold(baseline, baseline.lower(), _COMPARISON_WORDS) and _COMPARISON_BEFORE.search(baseline)) \
            or _POSSESSIVE.match(sentence, after):  # "a third of last year's exports": a thing's date
        return DateMention(d.date, d.precision, d.text, d.start, "comparison", d.end_date)
    return d


_LEAD_WORD = re.compile(r"(?:in|on|since|from|during)\s+", re.IGNORECASE)
#: A date in the possessive ("last year's exports", "January's shipments") dates a thing named
#: beside the event, mostly a figure to compare with, not the event.
_POSSESSIVE = re.compile(r"['’]s\b")


def own_dates(dates: list[DateMention]) -> list[DateMention]:
    """The dates a sentence gives its events: not the telling's, not a comparison's baseline."""
    return [d for d in dates if d.kind not in ("attribution", "comparison")]


_PART = r"(?P<part>early|mid|mid-|late|the end of|end of|the beginning of|the start of|the middle of)"
#: Patterns built from parts, joined once (not at every call).
_P_MONTH_DAY = _MONTH_RE + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>(?:19|20)\d\d)|\s+(?P<ly>last|this) year\b)?"
_P_DAY_MONTH = r"\b(?P<d>\d{1,2})\s+" + _MONTH_RE + r"(?:\s+(?P<y>(?:19|20)\d\d))?"
_P_MONTH = (r"\b(?P<rel>last|this|in|since|from|until|by|early|late|mid-?)?\s*" + _MONTH_RE
            + r"(?:\s+(?:of\s+|in\s+)?(?P<y>(?:19|20)\d\d)|,\s+(?P<cy>(?:19|20)\d\d)(?=\s*[,.;:)])"
            r"|\s+(?:of\s+)?(?P<ly>last|this) year)?\b")  # "in March of last year",
# "between January and September in 2011", "in November, 2006," (a comma before the year, and after it)
_P_PART_OF = r"\b" + _PART + r"\s+(?:of\s+)?(?P<w>this|last) (?P<u>month|year)\b"
_P_PART_YEAR = r"\b" + _PART + r"\s+(?P<y>(?:19|20)\d\d)\b"
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12}


def _months_back(pub: dt.date, n: int) -> dt.date:
    y, m = divmod(pub.year * 12 + pub.month - 1 - n, 12)
    return dt.date(y, m + 1, 1)


def _relative_rules(sentence: str, pub: dt.date, add, lower: str, years: bool, odd: bool) -> None:
    """The rule table for spans of time, each resolved against the publication date.

    Applied before the plain month rule, so the longer phrase wins its span. ``odd``: see
    :func:`find_dates`.
    """
    for m in (_R_PART_OF.finditer(sentence) if ("month" in lower or "year" in lower) and (
            odd or any(w in lower for w in ("this month", "last month", "this year", "last year"))) else ()):
        # "early this month", "late last month", "the end of last year": the month or year it names
        last = m.group("w").lower() == "last"
        if m.group("u").lower() == "month":
            add(m, _months_back(pub, 1 if last else 0), "month", "relative")
        else:
            add(m, dt.date(pub.year - last, 1, 1), "year", "relative")
    for m in (_R_HALF.finditer(sentence) if "half" in lower and (odd or "first half" in lower or "second half" in lower)
              else ()):
        if m.group("plan"):  # "in the first half (of 2017)": six months from January or July; not a plan's half
            continue  # ("completed their assignments for the first half": the plan's period, not when)
        y = int(m.group("y")) if m.group("y") else pub.year - (str(m.group("w")).lower() == "last")
        first = m.group("h").lower() == "first"
        add(m, dt.date(y, 1 if first else 7, 1), "month", "absolute" if m.group("y") else "relative",
            dt.date(y, 6, 30) if first else dt.date(y, 12, 31))
    for m in (_R_SEASON.finditer(sentence) if years and (odd or any(w in lower for w in _SEASONS)) else ()):
        # "summer 2014": the year is what it pins down
        add(m, dt.date(int(m.group("y")), 1, 1), "year", "absolute")
    for m in (_R_PART_YEAR.finditer(sentence) if years and (odd or any(w in lower for w in _PART_WORDS)) else ()):
        # "late 2012", "early 2018": the year
        add(m, dt.date(int(m.group("y")), 1, 1), "year", "absolute")
    for m in (_R_MONTHS_AGO.finditer(sentence) if "month" in lower and (
            odd or any(w in lower for w in (" ago", " since", " earlier", " before"))) else ()):
        # "four months ago", "four months since": the month that many months back
        n = m.group("n").lower()
        n = int(n) if n.isdigit() else _NUMBERS[n]
        add(m, _months_back(pub, n), "month", "relative")
    for m in (_R_ON_THE.finditer(sentence) if "the " in lower else ()):
        # "on the 27th": that day of the publication month, or of the month before; "from the 15th": a start, this month's
        d, ahead = int(m.group("d")), m.group("w").lower() != "on"  # even when ahead of the report
        if _OF_THAT_MONTH.match(sentence, m.end()):  # "announced on 14 August 2017 that from the 15th of that month …"
            if (named := month_named_before(sentence, m.start(), pub)) is not None:
                with contextlib.suppress(ValueError):
                    add(m, named.replace(day=d), "day", "relative")
            continue  # (no month named before it in the sentence: not this month's day)
        for back in ((0, 1) if not m.group("of") else (0,) if m.group("of").lower() == "this" else (1,)):
            first = _months_back(pub, back)  # ("the 19th of this month": this month's, the month words its own)
            with contextlib.suppress(ValueError):
                day = first.replace(day=d)
                if day <= pub or (ahead and back == 0):
                    add(m, day, "day", "relative")
                    break


#: "the 15th of that month", "of the same month": the day of the month named before it, not of the report's month.
_OF_THAT_MONTH = re.compile(r"\s+of (?:that|the same) month\b", re.IGNORECASE)
_PART_WORDS = ("early", "mid", "late", "end of", "beginning of", "start of", "middle of")
_I = re.IGNORECASE
#: The rules, compiled once (in the order :func:`find_dates` applies them).
_R_FIRST_MONTHS = re.compile(r"\bfirst (?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven) months of "
                             r"(?:(?P<y>(?:19|20)\d\d)|(?P<w>this|last|the) year)\b", _I)  # "… of this year": of the report's
_R_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)(?P<sep>[-./])(?P<m>\d\d)(?P=sep)(?P<d>\d\d)\b")  # 2019-10-22, 2016.03.03, 2018/04/12
_R_MONTH_DAY = re.compile(_P_MONTH_DAY)
_ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
             "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
             "twentieth", *(f"twenty-{o}" for o in ("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                                                    "eighth", "ninth")), "thirtieth", "thirty-first"]
#: A part of every ordinal word (the rule above is searched only where one is there).
_ORDINAL_ROOTS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                  "twelfth", "teenth", "tieth")
_R_MONTH_ORDINAL = re.compile(_MONTH_RE + r"\s+(?:the\s+)?(?P<o>" + "|".join(o.replace("-", "[- ]") for o in sorted(
    _ORDINALS, key=len, reverse=True)) + r")\b(?=\s*(?:[,.;:)]|$)|\s+(?:and|or|of|in|at|this|last|next|to|when|after|before|"
    r"while|as|it|they|he|she)\b)", re.IGNORECASE)  # ("In May the first cargo left": no day)
_R_DAY_MONTH = re.compile(_P_DAY_MONTH)
_R_PART_OF = re.compile(_P_PART_OF, _I)
_R_HALF = re.compile(r"(?P<plan>\b(?:plans?|quotas?|targets?|assignments?) for )?"  # a plan's half: not a date
                     r"\b(?:the\s+)?(?P<h>first|second) half(?: of (?:(?P<y>(?:19|20)\d\d)|(?P<w>this|last) year"
                     r"|the year))?\b", _I)
_R_SEASON = re.compile(r"\b(?:in\s+)?(?P<s>spring|summer|autumn|fall|winter)\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b", _I)
_R_PART_YEAR = re.compile(_P_PART_YEAR, _I)
_R_MONTHS_AGO = re.compile(r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) months?"
                           r"(?: ago| since| earlier| before)\b", _I)
_R_ON_THE = re.compile(r"\b(?P<w>on|from|starting|as of) the (?P<d>\d{1,2})(?:st|nd|rd|th)\b(?: of (?P<of>this|last) month\b)?", _I)  # "On the 7th" opens a sentence
_R_MONTH = re.compile(_P_MONTH)
_R_THIS_MONTH = re.compile(r"\b(?P<w>this|last|next) month\b", _I)
_R_THIS_YEAR = re.compile(r"\b(?<!the )(?<!The )(?P<w>this|last|next) year\b", _I)  # "over the last year": dates_en
_R_WEEKDAY = re.compile(r"\b(?P<last>last\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_R_YESTERDAY = re.compile(r"\byesterday\b", _I)
_R_TODAY = re.compile(r"\btoday\b", _I)
_R_N_DAYS_AGO = re.compile(r"\b(?P<n>\d{1,2}|two|three) days ago\b", _I)
_R_FEW_DAYS_AGO = re.compile(r"\b(a few|several|some|few) days ago\b", _I)
_R_LAST_WEEK = re.compile(r"\b(last week|a week ago)\b", _I)
_R_WEEKS_AGO = re.compile(r"\b(last|a few|several) weeks? (?:ago|earlier|before)\b(?! (?:it|the|that|this|a|an)\b)|\brecently\b", _I)
_R_SOME_TIME = re.compile(r"\bfor (some|a long|quite some) time\b", _I)
_R_YEAR = re.compile(r"(?<![\d$.,-])(?<!resolution )(?<!Resolution )\b(?P<y>19[5-9]\d|20[0-4]\d)\b(?!,\d|-\d)")


def _end_of_year(sentence: str, date: dt.date) -> dt.date | None:
    return dt.date(date.year, 12, 31) if re.search(r"\buntil the end of (the|this) year\b", sentence, re.IGNORECASE) else None
