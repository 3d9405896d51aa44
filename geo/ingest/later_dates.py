"""Stage 7, an event's date told in a later sentence: the report's opening for its headline, the
report's own account after "according to a report", and the event named again ("The decision …",
"The idea was raised …"). Each looks a few sentences ahead: bounded, so a long report stays linear."""

from __future__ import annotations

import functools
import re

from geo.ingest.cues import _cue
from geo.ingest.dates import DateMention, own_dates
from geo.ingest.dates_ko import FROM_AFTER
from geo.ingest.protos import _Proto

#: Types whose date may lie after the report (a ban or halt "from March 1"); any other event has
#: happened by the time it is reported, and a date ahead of the report is its plan's.
MAY_BE_AHEAD = frozenset({"sanction", "import_suspension", "export_halt", "production_halt", "designation"})

#: A sentence that tells another event than the one before it ("a similar agreement with Moscow in 2014",
#: "an earlier offer", 앞서): its date is that event's.
_ANOTHER = re.compile(r"\b(?:similar|earlier|previous|prior|another|other|also|too|before that)\b|비슷한|앞서|이전에|또 다른",
                      re.IGNORECASE)


def dates_of(j: int, info, pub, event_type: str = "") -> list[DateMention]:
    """The j-th sentence's own dates (not a telling's, not a baseline), on or before the publication date
    unless the type's date may lie ahead; read even when the sentence is far from any mention."""
    return [d for d in own_dates(info[j].dated.any_dates(j)) if d.date <= pub or event_type in MAY_BE_AHEAD]


def same_kind(a: str, b: str) -> bool:
    halts = {"export_halt", "import_suspension", "production_halt"}
    return a == b or (a in halts and b in halts)


_BODY_REACH = 3  # the opening sentences after a headline that may tell its event
_FULL_SENTENCE = 40  # characters: shorter lines after a headline are subheads, captions and bylines


def told_in_body(p: _Proto, sents, info, pub) -> DateMention | None:
    """A headline's event is told again at the report's opening, often without the headline's
    mineral ("North Korea agrees with Chinese firm to develop gold and iron mines" … "the office agreed on
    June 9 with a Beijing trading company to develop mines"): the first of the opening sentences that drafts
    nothing itself, whose cue is of the same kind and which has a date of its own dates the headline's event;
    not one that tells another event ("a similar agreement … in 2014") or names other minerals."""
    j, seen = p.sent + 1, 0
    minerals = {m.id for m in p.minerals}
    while j < len(sents) and seen < _BODY_REACH:
        text = sents[j].text
        if not sents[j].headline and len(text) >= _FULL_SENTENCE:  # not a subhead, caption or byline
            seen += 1
            named = {m.id for m in info[j]["matches"] if m.kind == "mineral"}
            if info[j]["made"] or _ANOTHER.search(text) or (named and not named & minerals):
                j += 1  # its own drafts (merged with the headline's), or another event
                continue
            cue = info[j]["cue"]() if info[j]["cue"] else _cue(text, [], False)  # a sentence naming no mine or mineral
            if cue and same_kind(cue[0], p.event_type) and (own := dates_of(j, info, pub, p.event_type)):
                return own[0]
        j += 1
    return None


#: The report an event is told from, named again at the next sentence's start and telling what it found ("…
#: according to a report that Voice of America obtained on Tuesday." "The report, filed with the UN sanctions
#: committee, says cargoes … in October of last year"): the date after its verb is among the report's details.
_REPORT_AGAIN = re.compile(r"^(?:The|This|That) (?:\w+ )?(?:report|document|study|findings)\b[^;]{0,80}?"
                           r"\b(?:says|said|shows|showed|found|finds|details|detailed|describes|described|states|stated)\b")
_CITES_REPORT = re.compile(r"\b(?:according to|cited|citing|in) (?:a|an|the) (?:[\w-]+ ){0,3}(?:report|document|study)\b",
                           re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _cites_report(text: str) -> bool:
    return _CITES_REPORT.search(text) is not None


def report_next(i: int, sents, info, pub) -> DateMention | None:
    # the anchored test first: most next sentences do not open with "The report"; a long sentence is searched once
    if i + 1 >= len(sents) or (told := _REPORT_AGAIN.match(sents[i + 1].text)) is None or not _cites_report(sents[i].text):
        return None
    own = [d for d in dates_of(i + 1, info, pub) if d.start >= told.end()]
    return own[0] if own else None


#: The next sentence names the event again by a definite noun and dates it ("… have decided to carry
#: out joint exploration." "The decision followed the meeting held in Pyongyang on Wednesday.").
_NAMED_AGAIN = re.compile(r"^(?:The|This|That) (?:new )?(decision|agreement|deal|accord|contract|ban|measure|move"
                          r"|announcement|resolution|seizure|shipment|idea|proposal|offer|halt|suspension|stoppage)\b")
#: … or a deal named again as what someone made: "Beijing trading house Baoyuanhengchang reached the agreement with …
#: in early June" after "A Chinese company has entered into a cooperation agreement to …".
_DEAL_MADE_AGAIN = re.compile(r"^[^.;]{0,80}?\b(?:reached|signed|concluded|inked|struck|sealed|made) (?:the|this|that) "
                              r"(agreement|deal|accord|contract|memorandum)\b")
_NAMED_REACH = 2  # the next sentences searched: "… has proposed … In a press release, the ministry said … The idea was raised …"
#: The nouns a sentence two on names an event of a type by.
_NOUN_FITS = {"investment_offer": ("idea", "proposal", "offer", "decision", "move", "announcement"),
              "smuggling": ("seizure", "shipment", "move")}


#: In a sentence that names the event again, what comes after these tells another event ("The seizure comes
#: as Washington gathers backing for a resolution passed after its May 25 nuclear test").
_ANOTHER_TOLD = re.compile(r"\b(?:comes?|came) as\b|\bfollow(?:s|ed|ing)?\b|\bafter\b|\bamid\b|\bbefore\b", re.IGNORECASE)


def named_next(i: int, sents, info, pub, event_type: str = "") -> tuple[DateMention, int] | None:
    """(date, how many sentences on) of the event named again by a definite noun just after it."""
    for j in range(i + 1, min(len(sents), i + 1 + _NAMED_REACH)):
        text = sents[j].text
        if (m := _NAMED_AGAIN.match(text) or (event_type == "deal_signed" and _DEAL_MADE_AGAIN.match(text))) \
                and (j == i + 1 or (m.group(1).lower() in _NOUN_FITS.get(event_type, ())
                                                              and not _ANOTHER.search(text))):
            own = dates_of(j, info, pub, event_type)
            if j > i + 1 and (other := _ANOTHER_TOLD.search(text)):  # two sentences on, only the noun's own date:
                own = [d for d in own if d.start < other.start()]  # "The seizure comes as … its May 25 nuclear test"
            return (own[0], j - i) if own else None
    return None



#: The halts a report may tell as a state at its time ("현재 … 더 이상 석탄을 캘 수 없게 된 탄광들").
_STATE_TYPES = frozenset({"export_halt", "import_suspension", "production_halt"})
#: A date that is only the report's time ("현재", "지금", "요즘", "now", "currently").
_NOW = re.compile(r"\s*(?:현재|지금|요즘|now|currently|at present|these days)\s*$", re.IGNORECASE)
#: Before an English date, as 부터 after a Korean one (geo.ingest.dates_ko.FROM_AFTER): the start of something ("since May").
_SINCE_EN = re.compile(r"\b(?:since|from)\s+(?:early\s+|late\s+|mid-?\s*)?$", re.IGNORECASE)
#: … followed closely by what stopped ("5월부터 전력공급이 중단돼 배수설비들이 멈춰서면서 석탄갱이 모두 침수됐다").
_STOPPED = re.compile(r"중단|멈[추춰췄]|침수|물에\s*잠|못하|\b(?:stopp|halt|suspend|flood|shut|clos|idle)", re.IGNORECASE)
_STOPPED_REACH = 60  # characters after the start's date


def began_beside(p: _Proto, own: list[DateMention], sents, info, pub) -> DateMention | None:
    """A halt told as a state at the report's time (its only dates :data:`_NOW`), when the sentence after it, else the
    one before (in the same or the next paragraph), tells a stop that began at a date ("현재 침수피해로 … 캘 수 없게 된
    탄광들로는 …" then "… 올해 5월부터 전력공급이 중단돼 … 침수됐다"): that start, not the report's day."""
    if p.event_type not in _STATE_TYPES or not own or not all(_NOW.match(d.text) for d in own):
        return None
    i = p.sent
    for j in (i + 1, i - 1):
        if not 0 <= j < len(sents) or abs(sents[j].para - sents[i].para) > 2:
            continue
        text = sents[j].text
        for d in dates_of(j, info, pub):
            after = d.start + len(d.text)
            if (FROM_AFTER.match(text, after) or _SINCE_EN.search(text, max(0, d.start - 12), d.start)) \
                    and _STOPPED.search(text, after, after + _STOPPED_REACH) and not _NOW.match(d.text):
                return d
    return None


#: A sentence telling a mine's accident ("a roof collapsed", 붕괴): its date may be told in a sentence of its own.
_INCIDENT = re.compile(r"\b(?:collaps\w*|accident|explosion|blast|fire|flood\w*|cave-in|trapped)\b|붕괴|사고|폭발|화재|매몰",
                       re.IGNORECASE)
#: … as "The tragedy took place Jan. 9" (사고는 지난 9일 발생했다), a few sentences before or after.
_INCIDENT_WHEN = re.compile(r"\b(?:the|this|that)\s+(?:\w+\s+)?(?:tragedy|accident|collapse|disaster|incident|explosion|blast|fire"
                            r"|flood|cave-in)\s+(?:took place|happened|occurred|struck)\b"
                            r"|(?:사고|붕괴|폭발|화재)(?:는|가|은|이)\s*(?:\S+\s+){0,3}?(?:발생|일어)", re.IGNORECASE)
_INCIDENT_REACH = (-1, -2, -3, 1, 2)  # sentences before, then after: bounded, so a long report stays linear


def incident_dated(i: int, sents, info, pub) -> DateMention | None:
    """The date a nearby sentence gives an accident the i-th tells without one ("The tragedy took place Jan. 9, …" two
    sentences before "Seven workers were trapped when a roof collapsed in the Unryul mine"); None otherwise."""
    if not _tells(_INCIDENT, sents[i].text):
        return None
    for k in _INCIDENT_REACH:
        j = i + k
        if 0 <= j < len(sents) and abs(sents[j].para - sents[i].para) <= 4 \
                and (told := _tells(_INCIDENT_WHEN, sents[j].text)) is not None \
                and (after := [d for d in dates_of(j, info, pub) if d.start >= told]):
            return after[0]
    return None


@functools.lru_cache(maxsize=4096)  # a sentence serves every draft it holds, and its neighbours'
def _tells(pattern: re.Pattern, text: str) -> int | None:
    """Where ``pattern`` first matches ``text``, or None."""
    m = pattern.search(text)
    return m.start() if m else None
