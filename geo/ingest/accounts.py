"""Stage 7f, the account: a draft's description, what happened in one plain sentence of our own.

The record's descriptions tell what happened ("… reported that ten North Korean ships apparently carrying coal
entered Longkou …"); a draft's used to be a note on how it was drafted ("Drafted by ingest from the report; date
from '최근' in the sentence."), and the trials' testers rewrote it or left a process note in the record. The account
is built from the draft's own fields — its type and effect, mineral, mine, amount, place, actors and date to its
precision — and who it rests on (an unnamed source; the official body the report cites): no words of the report
are copied. How the draft was read (the date's words, the confidence's reason) is said apart, in the review's notes
(:attr:`geo.ingest.drafts.Draft.notes`). The review tells an account anew when the cells it is built from change,
unless the reviewer wrote their own (:func:`row_account`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from geo.ingest.apply import cell_flag, cell_text
from geo.ingest.cue_words import cargo_back
from geo.ingest.titles import amount_words, draft_case, event_title, what_of, when_of

#: Types whose goods are told with the mine they come from ("coal from Musan mine"); the rest are "at" it.
_FROM = frozenset({"export_halt", "export_continued", "export_resumed", "import_suspension", "smuggling",
                   "trade_figure", "sanction", "designation"})


def _when(date: str, precision: str, end_date: str = "") -> str:
    told = when_of(date, precision, end_date)
    if not told:
        return ""
    if told.startswith("about "):
        return "around " + told[len("about "):]
    return ("on " if precision == "day" and told[:1].isdigit() and "–" not in told else "in ") + told


def _goods(minerals: list[str], mines: list[str], names: Mapping[str, str], event_type: str) -> str:
    labels = [names.get(x, x.replace("_", " ")) for x in dict.fromkeys(minerals)]
    labels = [x[:1].lower() + x[1:] if x[:1].isupper() and not x[1:2].isupper() else x for x in labels]
    goods = _listed(labels) if labels else "minerals"
    places = " and ".join(names.get(m, m) for m in dict.fromkeys(mines) if m)
    return f"{goods} {'from' if event_type in _FROM else 'at'} {places}" if places else goods


def account(event_type: str, effect: str, minerals: list[str], mines: list[str], names: Mapping[str, str],
            amount: str = "", place: str = "", actors: str = "", when: str = "", anonymous: bool = False,
            confidence: str = "reported", teller: str = "", cargo: bool = False) -> str:
    """What happened, in one sentence: "8,201 t of coal was smuggled in Pohang in June 2023, according to
    the Busan Customs Office." ``amount`` is :func:`geo.ingest.titles.amount_words`' and ``when`` :func:`_when`'s;
    ``cargo``: an importer's stop told by one cargo sent back ("A cargo of coal was turned back in China …")."""
    goods = _goods(minerals, mines, names, event_type)
    where = f" in {place}" if place and not mines else ""
    who = "; ".join(a.strip() for a in actors.split(";") if a.strip())
    named = f"; the report names {_listed(who.split('; '))}" if who and event_type != "designation" else ""
    of = f"{amount} of {goods}" if amount else goods
    when = f" {when}" if when else ""
    was = "were" if len(set(minerals)) > 1 and not amount else "was"  # "Iron ore and rare earths were smuggled"
    said = {
        "smuggling": f"{of} {was} smuggled{where}{when}",
        "export_halt": f"exports of {goods}{where} stopped{when}",
        "export_continued": f"{of} {was} still being exported{where}{when}",
        "export_resumed": f"exports of {of}{where} resumed{when}",
        "import_suspension": f"a cargo of {of}{where} was turned back{when}" if cargo
                             else f"imports of {of}{where} were suspended{when}",
        "sanction": f"a sanction {'capped' if effect == 'capped' else 'banned'} trade in {goods}{where}{when}"
                    + (f" (to {amount})" if amount and effect == "capped" else ""),
        "designation": f"{_listed(who.split('; ')) if who else 'firms or people'} trading in {goods} were designated"
                       f" for sanctions{when}",
        "trade_figure": (f"{'imports' if effect == 'imported' else 'exports'} of {goods}{where} came to {amount}{when}"
                         if amount else f"a figure for trade in {goods}{where} was given{when}"),
        "production_halt": f"production of {goods} stopped{when}",
        "production_change": f"output of {goods} {_CHANGE.get(effect, 'changed')}{when}" + (f" (to {amount})" if amount else ""),
        "deal_signed": f"a deal on {goods} was signed{when}",
        "deal_collapsed": f"a deal on {goods} fell through{when}",
        "investment_offer": f"rights to {goods} were offered for investment{when}",
        "discovery": f"a deposit of {goods} was announced{when}",
        "infrastructure": f"infrastructure for {goods} was built{when}",
    }.get(event_type, f"{event_type.replace('_', ' ')} of {of}{when}")
    if anonymous:
        said += ", according to an unnamed source"
    elif confidence == "official" and teller:
        said += f", according to {_teller(teller)}"
    return said[:1].upper() + said[1:] + named + "."


#: An English teller that is data, not a body ("Customs data"), and one that is a body named by its office.
_DATA = re.compile(r"(?:Customs|Trade|Official|Government|China's customs) (?:data|figures|statistics)\b")
_BODY = re.compile(r"(?:Ministry|Department|Treasury|General Administration|State|Office|Bureau|Commission|Committee"
                   r"|Panel|Security Council|Korea Customs Service|National|Central|Foreign Ministry|U\.?S\. Treasury)\b")


#: Korean names of the tellers the reports cite most, as an English account names them (the fifty-eighth and
#: fifty-ninth trials read "according to 해관" and "according to 관세청" in English text); others stay as written.
_KO_TELLERS = {"관세청": "the Korea Customs Service", "해관": "China's customs", "해관총서": "China's customs",
               "중국 해관": "China's customs", "중국 해관총서": "China's customs", "통일부": "the Unification Ministry",
               "외교부": "the Foreign Ministry", "상무부": "the Commerce Ministry", "중국 상무부": "China's Commerce Ministry",
               "조선중앙통신": "KCNA", "노동신문": "Rodong Sinmun", "연합뉴스": "Yonhap", "코트라": "KOTRA",
               "국가정보원": "the National Intelligence Service", "국정원": "the National Intelligence Service",
               "유엔": "the UN", "안보리": "the UN Security Council", "전문가패널": "the UN Panel of Experts",
               "부산본부세관": "the Busan Customs Office", "자유아시아방송": "RFA", "미국의소리": "VOA",
               "대북제재위원회": "the UN sanctions committee", "대북제재위": "the UN sanctions committee",
               "안보리대북제재위원회": "the UN sanctions committee", "유엔안보리": "the UN Security Council",
               "로이터통신": "Reuters", "교도통신": "Kyodo", "아사히신문": "the Asahi Shimbun", "미국재무부": "the US Treasury",
               "재무부": "the Treasury"}


def _teller(name: str) -> str:
    """A teller as an account names it: "customs data", "the Ministry of Commerce", "KCNA", "China's customs"."""
    if (english := _KO_TELLERS.get(" ".join(name.split())) or _KO_TELLERS.get("".join(name.split()))) is not None:
        # (written apart or together: "전문가 패널", "전문가패널")
        return english
    if _DATA.match(name):
        return name[:1].lower() + name[1:]
    return f"the {name}" if _BODY.match(name) else name


def _listed(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]


_CHANGE = {"increased": "rose", "reduced": "fell"}


def draft_account(d, names: Mapping[str, str]) -> str:
    """:func:`account` of a draft's fields."""
    return account(d.event_type, d.effect, d.minerals, d.mines, names,
                   amount_words(d.quantity, d.unit, d.value_usd, d.amount_qualifier), d.place, d.actors,
                   _when(d.date, d.date_precision, d.end_date), bool(d.anonymous_source), d.confidence, d.teller,
                   cargo_back(d.evidence))


def row_account(row: dict, teller: str, names: Mapping[str, str], links: tuple[list, list] | None = None) -> str:
    """:func:`account` of a review row's cells; over ``links`` (mines, minerals) when given (the rows of one event
    tell it alike), else over the row's own mine and mineral."""
    def cell(key: str) -> str:
        return cell_text(row.get(key))
    mine, mineral = cell("mine_id"), cell("mineral_id")
    mines, minerals = links if links is not None else ([mine] if mine else [], [mineral] if mineral else [])
    return account(cell("event_type"), cell("effect"), list(minerals), [m for m in mines if m], names,
                   amount_words(row.get("quantity"), cell("unit"), row.get("value_usd"), cell("amount_qualifier")),
                   cell("place"), cell("actors"), _when(cell("date"), cell("date_precision"), cell("end_date")),
                   cell_flag(row.get("anonymous_source")), cell("confidence"), teller, cargo_back(cell("evidence")))


def finish(d, names: Mapping[str, str]) -> None:
    """A draft as finally read, titled by its type, date and case (geo.ingest.titles) and told (:func:`draft_account`)."""
    d.title = event_title(what_of(d.title), d.event_type, when_of(d.date, d.date_precision, d.end_date), draft_case(d))
    d.description = draft_account(d, names)
