"""Stage 4, more English date rules: weeks ago by number, quarters, seasons told relative to the
report, the weekend, "the previous month", "over the past three days", "over the past year", "three years ago" and a state
that "has been stopped for more than a year", resolved against the publication date with
precision, like the rules of :mod:`geo.ingest.dates` (which calls these with its collector).
Each rule is searched only when the sentence holds a word all its matches need."""

from __future__ import annotations

import contextlib
import datetime as dt
import re

from geo.ingest.date_mention import DateMention, month_end

_I = re.IGNORECASE
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_SEASON_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}

_R_WEEKS_AGO = re.compile(r"\b(?P<n>\d{1,2}|two|three|four|five|six) weeks ago\b", _I)
#: (a plan's quarter is no date: "having carried out their plans for the third quarter", as for a plan's half)
_R_QUARTER = re.compile(r"(?P<plan>\b(?:plans?|quotas?|targets?|assignments?|tasks?) (?:for|of) )?"
                        r"\b(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th) quarter"
                        r"(?: of (?:(?P<y>(?:19|20)\d\d)|(?P<w>this|last) year))?\b"
                        r"|\bQ(?P<qn>[1-4])(?:\s+(?P<y2>(?:19|20)\d\d))?\b", _I)
_R_QN = re.compile(r"\bq[1-4]\b")
_R_SEASON = re.compile(r"\b(?P<w>this|last|past)\s+(?P<s>spring|summer|autumn|fall|winter)\b", _I)
_R_WEEKEND = re.compile(r"\b(?:over|at|during) the weekend\b|\b(?:this|last) weekend\b", _I)
_R_EARLY_MONTHS = re.compile(r"\bthe (?:first|early|opening) (?:few )?months of (?:(?P<w>the|this|last) year|(?P<y>(?:19|20)\d\d))\b", _I)
_R_PREVIOUS_MONTH = re.compile(r"\bthe (?:previous|preceding|prior) month\b", _I)
#: "over the past three days", "in the last two weeks": a short span ending at the report, dated
#: near its middle (approximate).
_R_PAST_SPAN = re.compile(r"\b(?:over|in|during|for|within) the (?:past|last) (?P<n>\d{1,2}|two|three|four|five|six|few|several)"
                          r" (?P<u>days|weeks)\b(?!\s+of\b)", _I)
_SPAN_DAYS = {"days": 1, "weeks": 7}
#: "over the past year", "in the last 12 months": the year ending at the report, dated by the calendar year that holds
#: most of it (told in December 2020: 2020; in March 2020: 2019).
_R_PAST_YEAR = re.compile(r"\b(?:over|in|during|throughout|within|for) the (?:past|last|previous) (?:year|12 months|twelve months)\b", _I)
#: "three years ago", "a year ago": that year.
_R_YEARS_AGO = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|\d{1,2}) years? ago\b", _I)
#: A stop that has lasted "for more than a year", "for two months", told right after "has been
#: stopped" (closed, halted, idle…): it began that long before the report (approximate). Not a
#: measure's or a contract's length ("suspending imports for three weeks", "has signed a contract
#: for five years"), nor a life ("has operated for 50 years").
_R_LASTED = re.compile(r"\bfor (?:more than |over |nearly |almost |about |around |some )?(?P<n>a|an|one|two|three|four|five|six"
                       r"|\d{1,2}) (?P<u>years?|months?)\b", _I)
_HAS_BEFORE = re.compile(r"\b(?:has|have)\s+(?:not\s+)?been\s+(?:\w+ly\s+)?(?:stopped|closed|halted|suspended|idle|shut(?: down)?"
                         r"|frozen|blocked|abandoned|flooded|inactive|dormant|out of operation|at a standstill)\s+$"
                         r"|\b(?:has|have)\s+(?:stood|lain|sat|remained)\s+(?:idle|closed|unused|abandoned)\s+$", _I)
_UNIT_DAYS = {"year": 365, "month": 30}
_LASTED_WORDS = ("been ", "stood ", "lain ", "sat ", "remained ")  # one of which every _HAS_BEFORE match holds

#: The year's start told as a moment ("once the new year began", "since the start of the year", "since New Year"): the
#: report's January (a start, month precision); not "the start of last year" (the rule of parts of a year).
_R_NEW_YEAR = re.compile(r"\b(?:once|after|since|from) the new year (?:began|begun|started|set in|arrived|kicked off|opened)\b"
                         r"|\bsince (?:the )?(?:new year|New Year)(?:'s| holidays?)?\b"
                         r"|\b(?:since|from) the (?:start|beginning|turn) of (?:the|this) year\b", _I)

#: The words one of which each rule needs (lower case).
WORDS = ("new year", "of the year", "of this year", "weeks ago", "years ago", "year ago", "been ", "stood ", "lain ", "sat ", "remained ", "the past ", "the last ",
         "quarter", "q1", "q2", "q3", "q4", "spring", "summer", "autumn", "fall", "winter", "weekend",
         "month")


def _months_back(pub: dt.date, n: int) -> dt.date:
    y, m = divmod(pub.year * 12 + pub.month - 1 - n, 12)
    return dt.date(y, m + 1, 1)


_ANY_WORD = re.compile("|".join(WORDS))


def english_dates(sentence: str, lower: str, pub: dt.date, add) -> None:
    """These rules' matches in ``sentence``, passed to ``add(match, date, precision, kind, end=None)``."""
    if not _ANY_WORD.search(lower):
        return
    if "weeks ago" in lower:
        for m in _R_WEEKS_AGO.finditer(sentence):
            n = m.group("n")
            n = int(n) if n.isdigit() else _NUMBERS[n.lower()]
            add(m, pub - dt.timedelta(days=7 * n), "approximate", "relative")
    if "quarter" in lower or "q" in lower and _R_QN.search(lower):
        for m in _R_QUARTER.finditer(sentence):
            if m.group("plan"):
                continue
            q = _ORDINAL[m.group("q").lower()] if m.group("q") else int(m.group("qn"))
            first = 3 * q - 2
            year = m.group("y") or m.group("y2")
            if year:
                y = int(year)
            elif m.group("w"):
                y = pub.year - (m.group("w").lower() == "last")
            else:  # the latest such quarter begun by the report
                y = pub.year if dt.date(pub.year, first, 1) <= pub else pub.year - 1
            add(m, dt.date(y, first, 1), "month", "absolute" if year else "relative", month_end(y, first + 2))
    if any(s in lower for s in _SEASON_MONTH):
        for m in _R_SEASON.finditer(sentence):
            month = _SEASON_MONTH[m.group("s").lower()]
            y = pub.year - (m.group("w").lower() in ("last", "past"))
            if month == 12 and m.group("w").lower() == "this" and pub.month <= 2:
                y -= 1  # "this winter" told in January: the winter begun last December
            start = dt.date(y, month, 1)
            end = month_end(y + (month + 2 > 12), (month + 1) % 12 + 1)
            add(m, start, "month", "relative", end)
    if "months of" in lower:  # "in the first months of the year": its first quarter or so, from January
        for m in _R_EARLY_MONTHS.finditer(sentence):
            w = (m.group("w") or "this").lower()
            y = int(m.group("y")) if m.group("y") else pub.year - (w == "last")
            add(m, dt.date(y, 1, 1), "month", "absolute" if m.group("y") else "relative", month_end(y, 3))
    if "weekend" in lower:
        for m in _R_WEEKEND.finditer(sentence):
            saturday = pub - dt.timedelta(days=(pub.weekday() - 5) % 7)
            add(m, saturday, "approximate", "relative")
    if "the past " in lower or "the last " in lower:
        for m in _R_PAST_SPAN.finditer(sentence):
            n = m.group("n").lower()
            n = int(n) if n.isdigit() else _NUMBERS.get(n, 3)  # a few, several: about three
            add(m, pub - dt.timedelta(days=n * _SPAN_DAYS[m.group("u").lower()] // 2), "approximate", "relative")
        for m in _R_PAST_YEAR.finditer(sentence):
            add(m, dt.date(pub.year - (pub.month < 7), 1, 1), "year", "relative")
    if "year ago" in lower or "years ago" in lower:
        for m in _R_YEARS_AGO.finditer(sentence):
            n = m.group("n").lower()
            add(m, dt.date(pub.year - (int(n) if n.isdigit() else _NUMBERS[n]), 1, 1), "year", "relative")
    if "for " in lower and ("year" in lower or "month" in lower) and any(w in lower for w in _LASTED_WORDS):
        for m in _R_LASTED.finditer(sentence):
            if not _HAS_BEFORE.search(sentence[max(0, m.start() - 60):m.start()]):
                continue
            n = m.group("n").lower()
            n = int(n) if n.isdigit() else _NUMBERS[n]
            add(m, pub - dt.timedelta(days=n * _UNIT_DAYS[m.group("u").lower().rstrip("s")]), "approximate", "relative")
    if "new year" in lower or "of the year" in lower or "of this year" in lower:
        for m in _R_NEW_YEAR.finditer(sentence):
            add(m, dt.date(pub.year, 1, 1), "month", "relative")
    if "month" in lower and ("previous" in lower or "preceding" in lower or "prior" in lower):
        for m in _R_PREVIOUS_MONTH.finditer(sentence):
            add(m, _months_back(pub, 1), "month", "relative")


_MONTH_BEFORE = re.compile(r"\b(?P<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?,?)?"
                           r"(?:\s+(?P<y>(?:19|20)\d\d))?\b")
_MONTH_NUMBER = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def month_named_before(sentence: str, end: int, pub: dt.date) -> dt.date | None:
    """The first day of the last month the sentence names before ``end`` ("14 August 2017" → 1 August 2017); a month with
    no year is the latest such month by the report."""
    last = None
    for m in _MONTH_BEFORE.finditer(sentence, 0, end):
        last = m
    if last is None:
        return None
    month = _MONTH_NUMBER[last.group("m")[:3].lower()]
    if last.group("y"):
        return dt.date(int(last.group("y")), month, 1)
    return dt.date(pub.year - (month > pub.month), month, 1)


_A_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\b")
_JOINED = re.compile(r"\s*(?:and|to|-|–|—)\s*$")  # "until", "till", "through" are read into the second month's mention
_SPAN_OPENING = re.compile(r"(?:between|from)\s+(?:the\s+)?$", re.IGNORECASE)


def shared_year(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """Two months joined, the year said once after the second ("between April and October last year", "from
    March to May 2017"): the first is of that year too (of the year before when later in the calendar: "from
    November to February 2018"); "between" or "from" makes the two a span, and so does "and" between two months next to each
    other in the calendar (as :func:`month_pairs`)."""
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        gap, second = sentence[a.start + len(a.text):b.start], b.text.lstrip().lower()
        if a.precision != "month" or a.kind != "relative" or b.precision != "month" or a.end_date is not None \
                or not (b.kind == "absolute" or b.text.rstrip().endswith(" year")) or not _A_MONTH.search(a.text) \
                or a.text.lstrip().lower().startswith(("last", "this")) \
                or not (_JOINED.match(gap) or (not gap.strip() and second.startswith(("until ", "till ", "through ")))):
            continue  # "last March and in May 2017": March names its own year
        year = b.date.year - (a.date.month > b.date.month)
        lead = len(a.text) - len(a.text.lstrip())  # " April": the space before the month is the mention's
        span = a.text.lstrip().lower().startswith(("from", "between")) or second.startswith(("until", "till", "through")) \
            or _SPAN_OPENING.search(sentence[max(0, a.start - 12):a.start + lead]) \
            or (gap.strip().lower() == "and" and b.date.month == a.date.month % 12 + 1)  # "August and September 2017"
        found[i] = DateMention(dt.date(year, a.date.month, 1), "month", a.text, a.start, b.kind,
                               month_end(b.date.year, b.date.month) if span else None)
    return found


#: A month and the word that joins the next to it ("April and", "March to"): after it, "May" and "Mar" are months.
AFTER_A_MONTH = re.compile(r"\b(?:January|February|March|April|June|July|August|September|October|November|December)"
                           r"\s*(?:and|to|or|through|until|-|–|—)\s*$")
#: A month written alone, with no year of its own: " September", " and in June".
_BARE_MONTH = re.compile(r"\s*(?:in\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s*", re.IGNORECASE)


def month_pairs(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """Two months next to each other in the calendar joined by "and", the year told with the first only ("last
    August and September", "in March 2017 and April"): one span, from the first month to the end of the second,
    the second of the first's year (of the next after December)."""
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if a.precision != "month" or b.precision != "month" or a.end_date is not None or b.end_date is not None \
                or b.date.month != a.date.month % 12 + 1 or not _A_MONTH.search(a.text) or not _BARE_MONTH.fullmatch(b.text) \
                or sentence[a.start + len(a.text):b.start].strip().lower() != "and":
            continue
        second = dt.date(a.date.year + (a.date.month == 12), b.date.month, 1)
        found[i] = DateMention(a.date, "month", a.text, a.start, a.kind, month_end(second.year, second.month))
        found[i + 1] = DateMention(second, "month", b.text, b.start, b.kind, None)
    return found


_DAYS_JOINED = re.compile(r"\s*(?:to|through|till|until|and|-|–|—)\s*$", re.IGNORECASE)


def day_spans(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """Two days joined as a span ("from June 26 to July 6", "between March 2 and 6"): the first ends with the
    second, and the second, resolved alone, is never before the first (a report of May 9 puts "July 6" alone in
    the year before; after "from June 26", ahead of the report, it is that July's)."""
    for i in range(len(found) - 1):
        a, b = found[i], found[i + 1]
        if a.precision != "day" or b.precision != "day" or a.end_date is not None \
                or not _DAYS_JOINED.match(sentence[a.start + len(a.text):b.start]) \
                or not (a.text.lstrip().lower().startswith(("from", "between"))
                        or _SPAN_OPENING.search(sentence[max(0, a.start - 12):a.start + len(a.text) - len(a.text.lstrip())])):
            continue
        end = b.date
        if end < a.date:
            with contextlib.suppress(ValueError):
                end = end.replace(year=a.date.year)
            if end < a.date:
                with contextlib.suppress(ValueError):
                    end = end.replace(year=a.date.year + 1)
        found[i] = DateMention(a.date, a.precision, a.text, a.start, a.kind, end)
        found[i + 1] = DateMention(end, b.precision, b.text, b.start, b.kind, b.end_date)
    return found


#: "six months later", "two years later": that long after the date the sentence named before it.
_R_LATER = re.compile(r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}) (?P<u>months?|years?) later\b", _I)
_LATER_NUMBERS = {**_NUMBERS, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def months_later(sentence: str, found: list[DateMention]) -> list[DateMention]:
    """A span told from the date before it ("began operating in April 2011 but stopped producing six months later"): that
    many months (or years) after it, at its precision (a month's or a year's); none without a date before it in the
    sentence (as Korean "5개월 만에", :mod:`geo.ingest.dates_ko`)."""
    if " later" not in sentence:
        return found
    out = list(found)
    for m in _R_LATER.finditer(sentence):
        before = [d for d in found if d.start < m.start() and d.kind != "comparison" and d.precision in ("day", "month", "year")]
        if not before:
            continue
        b, n = before[-1], m.group("n").lower()
        n = int(n) if n.isdigit() else _LATER_NUMBERS[n]
        months = n * (12 if m.group("u").lower().startswith("year") else 1)
        y, mo = divmod(b.date.year * 12 + b.date.month - 1 + months, 12)
        precision = "year" if b.precision == "year" else "month"
        date = dt.date(y, 1, 1) if precision == "year" else dt.date(y, mo + 1, 1)
        out.append(DateMention(date, precision, m.group(0), m.start(), b.kind))
    return sorted(out, key=lambda d: d.start)
