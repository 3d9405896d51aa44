"""Stage 7, the event's date: which of the dates a report gives an event takes, and how directly."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re

from geo.ingest.clauses import clause_around
from geo.ingest.date_mention import month_end, resolutions_day
from geo.ingest.dates import DateMention, _end_of_year, own_dates
from geo.ingest.hangul import has_hangul
from geo.ingest.later_dates import (
    MAY_BE_AHEAD,
    began_beside,
    dates_of,
    incident_dated,
    named_next,
    report_next,
    same_kind,
    told_in_body,
)
from geo.ingest.protos import _Proto
from geo.ingest.record_rows import MEASURE_TYPES
from geo.ingest.resolutions import resolution_before, resolution_numbers

#: What a headline's draft adds to its rank: a headline's date ranks after every date of the body.
HEADLINE_RANK = 5


def date_for(p: _Proto, sents, info, pub, adopted) -> tuple[dt.date, str, dt.date | None, str, int]:
    """(date, precision, end date, basis, rank); a lower rank is a more direct date.

    The event's own date comes first: a date in the sentence, nearest the cue, that is not the
    date of the telling ("a source said on October 30"); then a date in the next sentence about
    the same kind of event; then the telling's date (approximate); then the last date earlier in
    the report; then the publication date (approximate). A headline's dates rank last, so the
    body's date wins when the two are merged.
    """
    s = sents[p.sent].text
    dates = info[p.sent]["dates"]
    own = own_dates(dates)
    if p.event_type not in MAY_BE_AHEAD:  # "agreed to develop the mines from next year": the plan's start
        own = [d for d in own if d.date <= pub]
    if own and not has_hangul(s) and (befores := _befores(s)):  # "stopped buying ore well before the UN voted this
        own = [d for d in own if not _after_before(s, befores, p.at, d.start)]  # month": the vote's date, not the event's
    lead = _LEADING_REASON.match(s)
    if own and lead is not None and p.at >= lead.end():  # "Because China had said in
        own = [d for d in own if d.start >= lead.end()]  # February that …, it was unclear why the shipments had restarted"
    if own and has_hangul(s):  # "1989년 이후 멈춰 있던 … 수입 길이 다시 열렸다": 1989 is the past state's, not the event's
        own = [d for d in own if not _KO_PAST_STATE.search(s, d.start + len(d.text), max(p.at, d.start + len(d.text)))]
    if own and has_hangul(s):  # "지난해 8월 … 수입한다는 정보를 입수하고 … 검거했다": August is when the tip came, not the arrest
        own = [d for d in own if not _TIP_TAKEN.search(s, d.start + len(d.text), max(p.at, d.start + len(d.text)))]
    if p.event_type != "sanction" and own:  # "결의 2371호(2017년 8월 5일) 등으로 … 들여올 수 없게 되자": the resolution's day
        own = [d for d in own if not resolutions_day(s, d)]
    told = [d for d in dates if d.kind == "attribution" and not (lead and d.start < lead.end() <= p.at)]
    head = HEADLINE_RANK if sents[p.sent].headline else 0
    if p.event_type == "sanction":
        for num in resolution_numbers(s):
            a = adopted.get(num)
            if a and (not own or (fits := [d for d in own if _within(a, d)])):  # any date of the sentence may be it
                why = f"; consistent with '{fits[0].text}'" if own else ""  # ("지난해 9월 핵실험을 하자 11월 … 결의 2321호")
                return a, "day", None, f"adoption date of UNSCR {num} in sanctions.csv{why}", 0
        if not own and p.date is None and not _tells_now(s) and (named := resolution_before(p, s, sents, adopted)) is not None:
            num, a = named
            return a, "day", None, f"adoption date of UNSCR {num} in sanctions.csv, the resolution the report named before", head + 3
    if p.event_type == "sanction" and not own and not told and (goes_on := _measure_before(p.sent, sents, info, pub)):
        return goes_on.date, goes_on.precision, goes_on.end_date, f"'{goes_on.text}', the date of the measure the sentence before tells", head + 2
    if p.event_type == "sanction" and own and all(d.date > pub for d in own) \
            and (ante := _antecedent_date(p.sent, s, sents, info, pub)) is not None:
        d, noun = ante  # "The resolution holds exports next year to …": when it applies; the measure is the one told of
        return d.date, d.precision, d.end_date, f"'{d.text}', when the {noun} was first told of", head + 1
    if p.date is not None:  # a figure of a split sentence: its part's date
        end = p.date.end_date or _end_of_year(s, p.date.date)
        return p.date.date, p.date.precision, end, f"'{p.date.text}' beside its figure", head + (0 if p.date.kind == "absolute" else 1)
    if all(d.precision == "approximate" for d in own) and (ctx := info[p.sent]["context"]) is not None \
            and ctx.date <= pub and (that := _THAT_PERIOD.search(s)) is not None:
        # "이 기간 불법으로 거래된 석탄은 …", "in the same period": the period the report named before, not the day told
        return ctx.date, ctx.precision, ctx.end_date, f"'{ctx.text}' earlier in the report, which '{that.group(0)}' names", head + 2
    if (began := began_beside(p, own, sents, info, pub)) is not None:  # "현재 … 캘 수 없게 된" after "5월부터 … 침수됐다"
        return began.date, began.precision, began.end_date, f"'{began.text}', when the state told as now began", head + 1
    if own:
        # Korean puts the time before the verb: its nearest date before the cue, when there is one
        before = [d for d in own if d.start < p.at] if has_hangul(s) else []
        until = None  # "지난 2월 … 올해 연말까지 중단한다고": the date before 까지 is the end, the one before it the start
        if len(before) > 1 and _UNTIL_KO.match(s, before[-1].start + len(before[-1].text)):
            until, before = _last_day(before[-1]), before[:-1]
        mine = [] if before else _in_clause_of(s, p.at, own)  # "agreed in 2009 …, but the project was put on hold … on
        d = before[-1] if before else min(mine or own, key=lambda d: abs(d.start - p.at))  # May 25, 2010": the hold's
        if p.event_type == "production_change" and len(years := {x.date: x for x in (_in_clause_of(s, p.at, own) or own)
                                                                 if x.precision == "year"}) > 1:
            d = years[max(years)]  # a change told from one year to another in its clause: the later ("from … in 2017 to … last year")
        elif (span := next((x for x in own if x.end_date and x.start < d.start and x.date < d.date <= x.end_date
                            and d in _in_clause_of(s, x.start, own)), None)):
            d = span  # the end of a span told "from April to October 2017": the span, from its start (not a date of
            # the next clause: "1월 말께부터 3월 초까지 … 멈췄다가, 3월 말 … 다시 내보내기 시작했다")
        end = d.end_date or until or _end_of_year(s, d.date) or (_end_told_next(p, sents, info) if p.event_type in MEASURE_TYPES else None)
        return d.date, d.precision, end, f"'{d.text}' in the sentence", head + (0 if d.kind == "absolute" else 1)
    if (accident := incident_dated(p.sent, sents, info, pub)) is not None:  # "The tragedy took place Jan. 9"
        return accident.date, accident.precision, None, f"'{accident.text}', when a sentence nearby says it happened", head + 2
    nxt = p.sent + 1
    if nxt < len(sents) and sents[nxt].para == sents[p.sent].para and not info[nxt]["made"] \
            and info[nxt]["cue"] and (cue := info[nxt]["cue"]()) and same_kind(cue[0], p.event_type):
        nd = own_dates(info[nxt]["dates"])
        if nd:
            return nd[0].date, nd[0].precision, nd[0].end_date, f"'{nd[0].text}' in the next sentence", head + 2
    if sents[p.sent].headline and (body := told_in_body(p, sents, info, pub)) is not None:
        return body.date, body.precision, body.end_date, f"'{body.text}', where the report's opening tells it", head + 2
    if (cited := report_next(p.sent, sents, info, pub)) is not None:  # the report's own account: as direct as the sentence's
        return cited.date, cited.precision, cited.end_date, f"'{cited.text}' in the report's account, the next sentence", head + 1
    if (fwd := named_next(p.sent, sents, info, pub, p.event_type)) is not None:
        d, on = fwd
        where = "the next sentence" if on == 1 else "a later sentence"
        return d.date, d.precision, d.end_date, f"'{d.text}', when {where} names it again", head + 2
    if told:
        d = told[0]
        if (p.event_type in MEASURE_TYPES and _ANNOUNCED.search(s)) or (p.event_type == "designation" and _ACTOR_SAID.search(s)):
            # "China announced Monday that it will cut off imports …"; "… blacklisted six companies …, the Treasury
            # Department said on Tuesday": the authority that acts tells it the day it acts
            return d.date, d.precision, _end_told_next(p, sents, info), f"'{d.text}', the day the measure was announced", head + 1
        return d.date, "approximate", None, f"'{d.text}', when the source spoke", head + 2
    if (ante := _antecedent_date(p.sent, s, sents, info, pub)) is not None:
        d, noun = ante
        return d.date, d.precision, d.end_date, f"'{d.text}', when the {noun} was first told of", head + 3
    # a figure, or a country's change in output (one of no mine), takes the period named before: "By item,
    # coal was $1.05 billion" after "last year"; "mineral output fell sharply" in a review of last year
    if (p.event_type == "trade_figure" or p.event_type == "production_change" and not p.mines) and not _tells_now(s) \
            and (period := _figure_period(p.sent, sents, info, pub)) is not None:
        return period.date, period.precision, period.end_date, f"'{period.text}', the period named before", head + 3
    ctx = info[p.sent]["context"]
    # a date ahead of the report ("from next month") is a plan's, not the date later sentences go on from; but
    # a measure's own day a few days ahead is when it takes effect ("내일(15일)부터 … 수입이 금지되는 품목은")
    ahead_ok = p.event_type in MEASURE_TYPES and ctx is not None and (ctx.date - pub).days <= 7 and ctx.precision == "day"
    if ctx is not None and (ctx.date <= pub or ahead_ok) and not sents[p.sent].headline and not _tells_now(s):
        # from an earlier paragraph, a day is only near the event's date (the report may have moved on)
        far = info[p.sent]["context_para"] != sents[p.sent].para and ctx.precision == "day"
        return ctx.date, "approximate" if far else ctx.precision, None, f"'{ctx.text}' earlier in the report", head + 3
    return pub, "approximate", None, "publication date (the report gives no date)", head + 4


#: A Korean date that ends what follows ("올해 연말까지", "6월 말까지", "15일까지").
_UNTIL_KO = re.compile(r"\s*(?:연말|말|안|내|중)?\s*까지")


def _last_day(d: DateMention) -> dt.date:
    """The last day a date names: its end, the year's 31 December, the month's last day, or the day."""
    if d.end_date is not None:
        return d.end_date
    if d.precision == "year":
        return dt.date(d.date.year, 12, 31)
    return month_end(d.date.year, d.date.month) if d.precision == "month" else d.date


#: An authority announcing a measure: the day it announced it is the measure's ("China announced Monday that it will cut
#: off imports of North Korean coal"), not only when a source spoke.
_ANNOUNCED = re.compile(r"\b(?:announced|announces|declared|declares|notified|decreed)\b|발표했|공고했|고시했|통보했", re.IGNORECASE)

#: An authority that designates, telling it ("the Treasury Department said on Tuesday", "OFAC said").
_ACTOR_SAID = re.compile(r"\b(?:Treasury|State Department|Department of (?:the Treasury|State|Justice|Commerce)|OFAC|Justice Department"
                         r"|Commerce Department|Foreign Ministry|ministry|government|재무부|국무부|외교부|정부)\b[^.;]{0,30}?(?:\bsaid\b|\bsays\b|밝혔)")

#: A tip taken in ("정보를 입수하고", "첩보를 받아"): a date before it is the tip's, not that of the event told after it.
_TIP_TAKEN = re.compile(r"(?:정보|첩보|제보)(?:를|을)?\s*(?:입수|받|접수)")

#: A period named again: "이 기간", "같은 기간", "during that period", "in the same period".
_THAT_PERIOD = re.compile(r"(?:(?<![가-힣])이|(?<![가-힣])그|같은|해당)\s*기간(?!\s*(?:동안의?\s*)?(?:보다|에\s*비해|대비))"
                          r"|\b(?:during|in|over)\s+(?:that|the\s+same|this)\s+period\b(?!\s+(?:a|last)\s+year)", re.IGNORECASE)


#: A measure's end told in the sentence after it: "the ban would stay in force until Dec. 31", "조치는 12월 31일까지".
_UNTIL_BEFORE = re.compile(r"\b(?:ban|suspension|measure|halt|embargo|order|notice)\b[^.;]{0,60}?\b(?:until|through|till)\s+(?:the\s+)?$"
                           r"|(?:조치|금지|중단|수입\s*중단|제재)[^.]{0,40}?$", re.IGNORECASE)
_UNTIL_KO_AFTER = re.compile(r"\s*까지")


def _end_told_next(p: _Proto, sents, info) -> dt.date | None:
    """The end day of a measure, told as when it lasts until in one of the two sentences after it (within the next two
    paragraphs: "… the Commerce Ministry announced Saturday." "Coal is …" "The ministry said the ban would come into
    force today and be effective until Dec. 31."), else "until the end of the year" in its own sentence."""
    for nxt in (p.sent + 1, p.sent + 2):
        if nxt >= len(sents) or sents[nxt].para - sents[p.sent].para > 4:  # (paragraphs count lines)
            break
        text = sents[nxt].text
        if not any(w in text for w in ("until", "through", "till", "Until", "까지")):
            continue  # (most sentences: their dates are not read for it)
        for d in own_dates(info[nxt]["dates"]):
            after = d.start + len(d.text)
            if d.precision == "day" and _UNTIL_BEFORE.search(text[max(0, d.start - 80):d.start]) \
                    and (not has_hangul(d.text) or _UNTIL_KO_AFTER.match(text, after)):
                return d.date
    if _UNTIL_YEAR_END.search(sents[p.sent].text) and (named := info[p.sent]["dates"]):  # (its telling's day will do)
        return dt.date(named[0].date.year, 12, 31)
    return None


#: A measure told to last the year out ("will suspend all imports … until the end of the year", 연말까지).
_UNTIL_YEAR_END = re.compile(r"\b(?:until|till|through)\s+the\s+end\s+of\s+(?:the|this)\s+year\b|연말까지|올해\s*말까지", re.IGNORECASE)


def of_its_own(rank: int, headline: bool) -> bool:
    """Did date_for find the date in the draft's own sentence (or its part), not elsewhere in the report?"""
    return rank - (HEADLINE_RANK if headline else 0) < 2


#: A Korean stop told as a past state ("멈춰 있던", "끊겼던", "중단됐던" …) between a date and the cue: the date is the
#: stop's, not the resumption's ("1989년 이후 멈춰 있던 … 수입 길이 다시 열렸다").
_KO_PAST_STATE = re.compile(r"(?:멈춰\s*있|멈췄|끊겼|끊어졌|끊겨\s*있|중단됐|중단되었|중단돼\s*있|막혔|막혀\s*있|중지됐|닫혔|닫혀\s*있"
                            # or a declaration told as a relative clause ("올해 2월 … 않겠다고 선언했던 중국이 다시 …
                            # 사들이기 시작한": the date is the declaration's, not the purchases'; not a visit in which the
                            # news happened: "지난달 8일 중국을 찾았던 … 이사장이 … 타진한")
                            r"|(?:선언|발표|공표|약속|결정)했)던\s+[가-힣]")


#: A sentence that opens with its reason ("Because China had said in February that …, it was not clear why …"): the
#: dates in that clause are the reason's, not the event's the rest of the sentence tells. (Not a concession: "Although
#: … began limiting … in 2016, … let the trade carry on" may tell the event's own start.)
_LEADING_REASON = re.compile(r"(?:Because|Given that)\b[^,;]{1,200},\s")

#: A later thing the event came before ("well before the Security Council voted this month", "ahead of
#: the talks held on May 3"): a date told three or more words after it, past the cue, is that thing's. A date
#: right after it ends the event's own period ("came in before February 18").
_BEFORE = re.compile(r"\b(?:before|ahead of|prior to)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _befores(sentence: str) -> tuple[tuple[int, int], ...]:
    """Where "before", "ahead of" and "prior to" are in the sentence, found once per sentence (a long report's
    sentence serves many drafts)."""
    if "efore" not in sentence and "ahead of" not in sentence and "rior to" not in sentence:
        return ()  # most sentences: no search
    return tuple(m.span() for m in _BEFORE.finditer(sentence))


def _after_before(sentence: str, befores, at: int, start: int) -> bool:
    """Is a date at ``start`` told three or more words after a "before" that follows the cue at ``at``?"""
    k = bisect.bisect_left(befores, (at, -1))
    return any(b_end <= start and len(sentence[b_end:start].split()) >= 3
               for _b, b_end in befores[k:k + 4] if b_end <= start)


#: The present perfect ("has fired up", "have been restored") tells the state at the time of the
#: report: without a date of its own such a sentence does not take an earlier date of the report.
_PERFECT = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+|now\s+|just\s+|already\s+|also\s+|since\s+)?(?:been\s+)?"
                      r"(?:\w+(?:ed|en)|gone|grown|risen|fallen|begun|become|come|run|kept|held|met|sold|built|lost|made"
                      r"|brought|bought|found|got|set|cut|shut|sent|won|stood)\b", re.IGNORECASE)  # ("has gone up", irregular)


#: "Still", "now", "currently" (지금도, 아직, 현재), a state "is no longer" so, and the present progressive ("is producing
#: more coal", "are lifting production"; of trade or output in Korean, "석탄 수출도 계속 이어지고 있다", not any verb: "… 사건으로 불리고 있다" is how
#: it is called now) tell the state at the time of the report, like the present perfect: such a sentence does not take
#: an earlier date of the report either.
_NOW = re.compile(r"\b(?:still|currently|now|at present|these days)\b|\b(?:is|are)\s+no\s+longer\b|(?<!\bwhich )(?<!\bwho )(?<!\bthat )\b(?:is|are) (?:\w+ly )?(?!(?:being|according|nothing|something|during)\b)\w{3,}ing\b"
                  r"|지금도|아직|현재|요즘|(?:수출|반출|운반|수입|반입|거래|생산|채굴|가동|이어지|계속|나가)(?:되|하|돼)?고\s?있(?:다|으며|습니다"
                  r"|는\s*(?:것|상황|상태|중))", re.IGNORECASE)


#: A definite measure or deal ("the resolution", "the ban") is the one an earlier sentence introduced.
_DEFINITE = re.compile(r"\b[Tt]he (?:new |latest |fresh |same )?(resolution|ban|embargo|measure|deal|agreement|contract"
                       r"|decision|order|notice|directive)\b")
_ANTECEDENT_REACH = 40  # sentences searched back: bounded, so a long report stays linear


def _figure_period(i: int, sents, info, pub) -> DateMention | None:
    """A figure with no date of its own, not told as now, is of the period the report named last
    before it ("last year North Korea exported $1.3 billion of minerals. More than half … By item,
    coal was $1.05 billion"): the last own date of the few sentences before it (not the
    headline's), read even where a sentence names no mineral, across paragraphs (a trade report's
    period carries on); a month or a year, not a day."""
    for j in range(i - 1, max(-1, i - 1 - _FIGURE_REACH), -1):
        if sents[j].headline:
            return None
        if _MEASURE_DAY.search(sents[j].text):
            continue  # "because last March the Security Council adopted a resolution …": the measure's date, no period
        own = dates_of(j, info, pub)
        if own:  # a period (a month, a quarter, a year), not a day: "visited on March 3" names no period
            # the span the last one ends ("between January and September in 2011"), else the last one
            last = next((d for d in own if d.end_date is not None and d.date <= own[-1].date <= d.end_date), own[-1])
            return last if last.precision in ("month", "year") else None
    return None


_FIGURE_REACH = 6  # sentences searched back for a figure's period: bounded, so a long report stays linear
#: A sentence telling a measure's adoption: its date is the measure's.
_MEASURE_DAY = re.compile(r"\b(?:adopted|passed|imposed|approved|voted (?:for|on)|slapped)\b[^.;]{0,40}?\b(?:resolution|sanctions?|ban"
                          r"|embargo)\b|\bresolutions?\b[^.;]{0,30}?\b(?:was |were )?(?:adopted|passed)\b|결의(?:안)?(?:을|를|이|가)?\s*"
                          r"(?:채택|통과)", re.IGNORECASE)


_NEXT_PARA = 2  # paragraph numbers are line numbers: the next paragraph is two on, past the blank line


def _measure_before(i: int, sents, info, pub) -> DateMention | None:
    """The date of the measure the sentence just before tells, for a sanction sentence with no date that goes on with
    it ("The resolution … bars North Korea from selling coal, iron and iron ore abroad. Its lead, lead ore and seafood
    are banned as well"): that sentence's own date, else the one its "the resolution" refers back to."""
    if i == 0 or sents[i].para - sents[i - 1].para > _NEXT_PARA or not (cue := info[i - 1]["cue"]) or (read := cue()) is None or read[0] != "sanction":
        return None
    if own := dates_of(i - 1, info, pub):
        return own[0]
    ante = _antecedent_date(i - 1, sents[i - 1].text, sents, info, pub)
    return ante[0] if ante else None


def _antecedent_date(i: int, s: str, sents, info, pub) -> tuple[DateMention, str] | None:
    """The date of the nearest earlier sentence that names the same measure or deal with a date of
    its own ('voted on Wednesday for a resolution … the resolution prohibits buying coal'): the
    definite noun refers back to it, so its date is the event's, not a later background date."""
    noun_word = _definite_noun(s)
    if noun_word is None:
        return None
    noun = _word_pattern(noun_word)
    for j in range(i - 1, max(-1, i - 1 - _ANTECEDENT_REACH), -1):
        text = sents[j].text
        if (named := noun.search(text)) is None:
            continue
        own = dates_of(j, info, pub)
        if own:
            return min(own, key=lambda d: abs(d.start - named.start())), noun_word
    return None


@functools.lru_cache(maxsize=4096)
def _definite_noun(s: str) -> str | None:
    """The measure or deal a sentence names as already known ("the resolution"), if any (per text:
    a sentence is asked once per draft it holds)."""
    m = _DEFINITE.search(s)
    return m.group(1).lower() if m else None


@functools.lru_cache(maxsize=64)
def _word_pattern(word: str) -> re.Pattern:
    return re.compile(rf"\b{word}\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _tells_now(s: str) -> bool:
    """A present perfect or 'still', 'now' (지금도): the sentence tells the state at the report's time."""
    return bool(_PERFECT.search(s) or _NOW.search(s))


def _within(day: dt.date, mention: DateMention) -> bool:
    if mention.precision == "year":
        return day.year == mention.date.year
    if mention.precision == "month":
        return (day.year, day.month) == (mention.date.year, mention.date.month)
    return abs((day - mention.date).days) <= 15


def _in_clause_of(s: str, at: int, dates: list[DateMention]) -> list[DateMention]:
    """The dates in the clause that holds the cue at ``at`` (:func:`geo.ingest.clauses.clauses`): another clause's date
    is its own event's, even when nearer the cue in characters."""
    start, end = clause_around(s, at)
    return [d for d in dates if start <= d.start < end]
