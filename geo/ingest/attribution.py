"""Stage 6, attribution: what a sentence says of where its account comes from, read from the
``attribution`` and ``official`` rows of ``cues.csv``.

* **unnamed sources** ("a source in Ryanggang said", 소식통): the draft's anonymous-source flag;
* **an official document, body or state medium** (customs data, a ministry, the Treasury, the UN's
  panel of experts, KCNA, 노동신문): the draft's confidence is ``official``, as ``data/README.md``
  defines it (state-media claims are official *as claims*). A sanction or a designation is itself
  an authority's act: official too. Resting on unnamed sources, a draft stays ``reported`` whatever
  it cites; ``corroborated`` needs a second report, which one report cannot say.
"""

from __future__ import annotations

import bisect
import re

from geo.ingest.cue_table import _any
from geo.ingest.hangul import has_hangul
from geo.ingest.text import is_caption

#: How a draft's reason says its confidence is official only for its type (the review reads it back: a row retyped
#: away from such a type is no longer official for it).
OWN_ACT = "is an authority's own act"
#: Event types that are an authority's own act: a report of one tells an official measure.
OFFICIAL_ACTS = frozenset({"sanction", "designation"})


def is_anonymous(text: str) -> bool:
    return _any("attribution", text) is not None


def official_cited(text: str) -> str:
    """The official document, body or state medium ``text`` cites, as written ('' if none); a long match (a Korean
    teller read up to its verb: "세관은 … 혐의로 … 밝혔") is told by its name alone, the word it starts in, without its
    particle ("부산본부세관"), never a stretch of the report (the forty-eighth trial found one in a description)."""
    m = _any("official", text)
    if m is None and ("says" in text or "said" in text):  # (looked for only then: "China" alone is in most sentences)
        m = _COUNTRY_SAYS.search(text)
    if m is None:
        return ""
    if len(m.group(0)) <= 40:
        return m.group(0)
    before = text[:m.start()]
    head = before.rsplit(None, 1)[-1] if before and not before[-1].isspace() else ""
    return _PARTICLE.sub("", head + m.group(0).split(None, 1)[0])


#: A government named by its country as the teller ("South Korea says a total of 35,000 tons …": the sixty-fourth trial).
_COUNTRY_SAYS = re.compile(r"\b(?:South Korea|China|Japan|Russia|Seoul|Beijing|Tokyo|Moscow)(?=\s+(?:says|said)\b)")
_PARTICLE = re.compile(r"(?:은|는|이|가|의|도|에서|에|,)$")


def confidence(event_type: str, sentence: str, anonymous: bool, before: str = "", teller: str = "") -> tuple[str, str, str]:
    """(confidence, why, teller) of a draft of ``event_type`` told in ``sentence``; why is '' for ``reported``, and teller the official body cited ('' for none).
    A draft whose sentence cites nothing takes the official source the sentence ``before`` it (in its paragraph) cites
    ("대북제재위원회 자료를 보면 … . 한 나라가 1월과 2월에 각각 144만t, 123만t 수입했다고 신고한 뒤 …"; "세관에 따르면 A씨
    등은 2017년 5월께 … . 이들은 2018년 6월에도 … 제출한 것으로 조사됐다"): a report goes on with the account it has
    named. A draft whose sentence and paragraph cite no one, in a report that tells an official body's own findings
    (``teller``, :meth:`Anonymity.official_teller`: "관세청은 … 범죄 사실을 확인했다고 10일 밝혔다"), is that body's account too."""
    if anonymous:
        return "reported", "", ""
    if (cited := official_cited(sentence)) and not _MEDIA_TELLER.search(sentence):
        return "official", f"the sentence cites {cited}", cited
    if event_type in OFFICIAL_ACTS:
        return "official", f"a {event_type.replace('_', ' ')} {OWN_ACT}", ""
    if before and (cited := official_cited(before)) and not _MEDIA_TELLER.search(before) \
            and (not cites_anyone(sentence) or back_cite(sentence)):
        return "official", f"the sentence before cites {cited}", cited
    if teller and not cites_anyone(sentence) and not _OWN_GUESS.search(sentence):
        return "official", f"the report tells {teller}'s own findings", teller
    return "reported", "", ""


#: A sentence that names data as its teller ("the data showed", "figures show", "according to the statistics").
_DATA_TOLD = re.compile(r"\b(?:data|figures|statistics)\s+(?:showed|shows|show|indicated|indicate)\b"
                        r"|\baccording\s+to\s+(?:the\s+)?(?:\w+\s+)?(?:data|figures|statistics)\b|자료(?:에\s*따르면|를\s*보면)"
                        r"|통계(?:에\s*따르면|를\s*보면)", re.IGNORECASE)


def cited_elsewhere(tellings: list[str]) -> str:
    """The official source another telling of a merged draft cites ('' for none): the report's lead tells the figure,
    a later sentence says whose it is ("RFA는 5일자 중국 상무부의 통계를 인용하며 … 50만t"): the event rests on it."""
    return next((c for t in tellings if (c := official_cited(t)) and not _MEDIA_TELLER.search(t)), "")


#: Other media as the teller ("앞서 일부 외신은 중국 해관이 … 지시했다고 보도했습니다", "foreign media reported that
#: customs had ordered …"): an official body they name is what the news is about, not who told it.
_MEDIA_TELLER = re.compile(r"외신|일부\s*언론|외국\s*언론|현지\s*언론|언론\s*보도|\b(?:foreign|local|some|Chinese|Japanese|South Korean)"
                           r"\s+(?:media|news\s*papers?|press)\b|\bmedia reports?\b", re.IGNORECASE)


def back_cite(sentence: str) -> bool:
    """Does the sentence cite a teller the sentence before named, by a common noun ("신문에 따르면" after "노동신문은 …
    전했다", "the paper said", "according to the agency")?"""
    return _CITED_BACK.search(sentence) is not None


_CITED_BACK = re.compile(r"(?<![가-힣])(?:신문|통신|방송|보고서|자료|성명)(?:은|는|이|가)?\s*(?:에\s*따르면|(?:\S+\s+){0,3}?(?:보도했|전했|밝혔))"
                         r"|\b(?:the|that)\s+(?:paper|newspaper|agency|broadcaster|report|statement|document)\s+(?:said|says|reported|added)\b"
                         r"|\baccording to the (?:paper|newspaper|agency|broadcaster|report|statement|document)\b", re.IGNORECASE)
#: The outlet's own guess at the end of a sentence that cites no one ("… 사고를 당한 것으로 추정된다"): not the
#: account of the official body the report tells.
_OWN_GUESS = re.compile(r"것으로\s*(?:추정|보인|보여|관측|분석|풀이)\S{0,3}\s*[.\"”]*\s*$")


def cites_anyone(sentence: str) -> bool:
    """Does the sentence name where its account comes from (an unnamed source, or someone who said it)?"""
    return is_anonymous(sentence) or _SAID.search(sentence) is not None


_SAID = re.compile(r"\b(?:said|says|say|told|according to|reported|estimated?s?)\b|에 따르면|(?:했|한)다고\s*(?:말|밝|전|보도)"
                   r"|[\"”'’]\s*(?:이라|라)?고\s*(?:말|밝|전|확인|설명|덧붙|강조)했", re.IGNORECASE)  # '"…"고 확인했습니다


def official_report(drafts, publisher: str) -> None:
    """A report published by an official body or a state medium (KCNA, 노동신문, a ministry, China's customs)
    is that body's own account: its drafts resting on no unnamed source are ``official``, as
    ``data/README.md`` defines it (state media's as claims), though no sentence cites it."""
    if not (own := official_cited(publisher)):
        return
    for d in drafts:
        if d.confidence == "reported" and not d.anonymous_source:
            d.confidence = "official"
            d.notes += f" Confidence official: the report is {own}'s own."
            d.teller = d.teller or own


def retyped_as_act(d, sent, anon: Anonymity) -> None:
    """A draft retyped as the record's measure it repeats (geo.ingest.known) is now an authority's own act: its flag is
    read again for its new type (a paragraph naming no teller, in a report whose only tellers are unnamed, no longer
    makes it the sources' account: "China has suspended imports … since Aug. 15 as part of its implementation of
    Resolution 2371."), and unflagged it is official."""
    if d.event_type not in OFFICIAL_ACTS:
        return
    if sent is not None:  # (None: a long sentence's evidence is cut, and its flag is left as it is)
        d.anonymous_source = anon.of(sent, d.event_type)
    if not d.anonymous_source:
        d.confidence = "official"


class Anonymity:
    """Does a draft rest on an unnamed source? Each paragraph's tellers are read when a draft asks,
    once per paragraph: the drafts left after merging restatements are few."""

    def __init__(self, sents) -> None:
        self._texts: dict[int, list[str]] = {}
        for s in sents:
            self._texts.setdefault(s.para, []).append(s.text)
        self._paras = sorted(self._texts)
        # the report's first paragraph: the first after the headline that ends as a sentence does (not a sub-headline)
        # (nor a photo's caption: "북창지구 청년탄광연합기업소 산하 인포청년탄광." under the headline, the fifty-seventh trial;
        # a Korean sentence ends on its verb, 다)
        self._lede = next((s.para for s in sents if not s.headline and _ENDS_AS_SENTENCE.search(s.text)
                           and not (has_hangul(s.text) and not _KO_ENDS_AS_SENTENCE.search(s.text))
                           and not is_caption(s.text)), None)
        self._own: dict[int, str] = {}
        self._told: dict[int, str] = {}
        self._report: bool | None = None
        self._teller: str | None = None
        self._only: bool | None = None

    def of(self, sent, event_type: str = "") -> bool:
        """Does a draft of ``event_type`` told in ``sent`` rest on an unnamed source? Its paragraph cites
        one, or it is a quote in a report that does; or its paragraph names no teller at all, in a report
        whose every teller is unnamed ("A source in China, who asked not to be named, said …" two
        paragraphs before "… provincial companies have started smuggling coal"): the report's account is
        the source's. Not an authority's own act, nor a trade figure: those rest on the record they cite."""
        told = self._cites(sent.para)
        if told == "unnamed" and _DATA_TOLD.search(sent.text) and not is_anonymous(sent.text):
            return False  # "… to 1.45 million tonnes, the data showed": its own teller, in a paragraph that also cites
            # unnamed sources for something else (the fifty-fourth trial's figure was flagged anonymous)
        return told == "unnamed" or (sent.quoted and self.report()) or (
            told == "" and event_type not in _OWN_RECORD and self._only_unnamed())

    def _cites(self, para: int) -> str:
        """'unnamed', 'named' or '' (the paragraph names no teller), once per paragraph: its own tellers
        (:meth:`_names`), or the next paragraph's when that one tells where this one's account came from: the
        report's first paragraph naming none (its next names the teller of the news it opened with: "북한이 … 수출한
        것으로 드러났다." "교도통신은 … 외교 소식통을 인용해 … 보도했다"), or any paragraph whose next says its account
        is a source's "like this" ("통신은 … 소식통을 인용해 이같이 전했다")."""
        if para not in self._told:
            own = self._names(para)
            at = bisect.bisect_right(self._paras, para)
            nxt = self._paras[at] if at < len(self._paras) else None
            if nxt is not None and (own == "" and para == self._lede
                                    or own != "unnamed" and any(_BACK_TELLER.search(t) for t in self._texts[nxt])):
                own = self._names(nxt) or own
            self._told[para] = own
        return self._told[para]

    def _names(self, para: int) -> str:
        """The paragraph's own tellers: 'unnamed', 'named' or ''; 'he' or 'she' ("He added that …") is the teller
        of the paragraphs before (:meth:`_teller_before`)."""
        if para not in self._own:
            texts = self._texts.get(para, ())
            by_pronoun = {t for t in texts if _PRONOUN_TELLER.search(t)}  # each sentence tested once
            self._own[para] = "unnamed" if any(map(is_anonymous, texts)) else \
                "named" if any(official_cited(t) or (cites_anyone(t) and t not in by_pronoun) for t in texts) \
                else self._teller_before(para) if by_pronoun else ""
        return self._own[para]

    def _teller_before(self, para: int) -> str:
        """The kind of the nearest teller in the three paragraphs before one told by 'he' or 'she' ("He added that …")."""
        at = bisect.bisect_left(self._paras, para)
        return next((told for p in reversed(self._paras[max(0, at - 3):at]) if (told := self._cites(p))), "")

    def _only_unnamed(self) -> bool:
        """Is every teller of the report unnamed? Paragraphs are read in order until one names a teller."""
        if self._only is None:
            told = set()
            for p in self._texts:
                told.add(self._cites(p))
                if "named" in told:
                    break
            self._only = told - {""} == {"unnamed"}
        return self._only

    def official_teller(self, para: int) -> str:
        """The official body whose own findings the report tells, for a draft in paragraph ``para`` that names no
        teller: the body the report's first paragraph cites as the one who said it (or its next paragraph, when the
        first names none: "… 의혹이 결국 사실로 드러났다." "관세청은 … 10일 밝혔다."), in a report no paragraph of which
        rests on an unnamed source and told through no other medium; '' otherwise."""
        if self._teller is None:
            self._teller = ""
            if self._lede is not None and not self.report():
                at = bisect.bisect_left(self._paras, self._lede)
                for p in self._paras[at:at + 2]:
                    told = [t for t in self._texts[p] if official_cited(t) and (_SAID.search(t) or _KO_TOLD.search(t))
                            and not _MEDIA_TELLER.search(t)]
                    if told:
                        self._teller = official_cited(told[0])
                    if self._names(p):
                        break  # the first paragraph names its teller: that one, official or not
        return self._teller if self._teller and not self._names(para) else ""

    def report(self) -> bool:
        if self._report is None:
            self._report = any(self._cites(p) == "unnamed" for p in self._texts)
        return self._report


#: A Korean sentence ending as an announcement ("… 넘길 예정이라고 10일 밝혔다", "… 발표했습니다").
_KO_TOLD = re.compile(r"(?:밝혔|발표했|전했|말했|설명했|확인했)(?:다|습니다)")

#: A paragraph told by 'he', 'she' or 'they' ("He added that …", "그는 … 덧붙였다"): the teller named before.
_PRONOUN_TELLER = re.compile(r"\b(?:he|she|they)\s+(?:also\s+)?(?:said|says|added|told|noted|explained|claimed)\b"
                             r"|(?:^|\s)(?:그는|그녀는|그들은|이들은)\s(?:[^.]*?)(?:말했|전했|덧붙였|설명했)", re.IGNORECASE)

#: The end of a sentence (a sub-headline has none): a stop, or a Korean verb's final 다, before closing quotes.
_ENDS_AS_SENTENCE = re.compile(r"(?:[.!?。]|다)[\"'”’)\]]*\s*$")
_KO_ENDS_AS_SENTENCE = re.compile(r"(?:다|요)[.!?]?[\"'”’)\]]*\s*$")
#: A teller who says the account before is theirs: "이같이 전했다" ("told it so"), "이렇게 말했다".
_BACK_TELLER = re.compile(r"(?:이같이|이와\s*같이|이렇게|그같이)\s*(?:전했|말했|밝혔|보도했|덧붙였|설명했)")

#: Drafts that rest on a record of their own, not on the report's unnamed source (see ``Anonymity.of``).
_OWN_RECORD = OFFICIAL_ACTS | {"trade_figure"}
