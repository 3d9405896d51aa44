"""Stage 7, events: from sentences, mentions, dates, amounts and cues to draft events (``extract``)."""

from __future__ import annotations

import datetime as dt
import gc

from geo.ingest import figure_goods as fig
from geo.ingest.accounts import finish
from geo.ingest.actors import actors_at, with_actor
from geo.ingest.amounts import (
    amounts_and_qualifier,
    change_figure,
    figures,
    no_amount,
    no_figure,
    plan_share,
)
from geo.ingest.attribution import (
    Anonymity,
    back_cite,
    cited_elsewhere,
    confidence,
    official_report,
    retyped_as_act,
)
from geo.ingest.certainty import rate
from geo.ingest.clauses import clauses, find_reason, hypothetical
from geo.ingest.cue_words import CAP_WORDS, SMUGGLING_NAMED
from geo.ingest.cues import EFFECTS, _cue, has_reference
from geo.ingest.dated import Dated
from geo.ingest.drafts import EVIDENCE_MAX, Draft, IngestError, IngestResult, Progress, _noop
from geo.ingest.event_dates import date_for, of_its_own
from geo.ingest.gazetteer import Gazetteer, Match
from geo.ingest.goods import names_record_thing, without_traders_goods
from geo.ingest.known import EARLIER_THAN_MEASURE, mark_known
from geo.ingest.leads import find_leads
from geo.ingest.mentions import CANDIDATE_WORDS, _pairs, find_candidates
from geo.ingest.merge import drop_exact_repeats, merge_restatements
from geo.ingest.nearby import (
    CARGO_TYPES,
    NAMED_NEXT_TYPES,
    PART_TYPES,
    PLAN_TYPES,
    RESUMED_TYPES,
    WORK_TYPES,
    cargo_amounts_next,
    cargo_mineral,
    deal_goes_on,
    designated_minerals,
    goes_on_about_those,
    goods_in_general,
    halted_before,
    may_speak_of_mine,
    mine_named_next,
    minerals_for,
    minerals_named_next,
    own_minerals,
    part_of_those,
    plan_minerals_before,
    topic_mine,
    work_of_clause_before,
)
from geo.ingest.places import (
    as_place,
    drop_foreign_places,
    drop_town_names,
    town_names,
    without_towns,
)
from geo.ingest.protos import (
    _Proto,
    clause_amounts,
    figured_flows,
    figureless_figures,
    split_figures,
    split_minerals_by_date,
)
from geo.ingest.publishers import slug
from geo.ingest.quote import short_quote
from geo.ingest.record_rows import mine_minerals
from geo.ingest.resolutions import Resolutions
from geo.ingest.sentences import sentences
from geo.ingest.short_names import short_minerals
from geo.ingest.sites import place_named
from geo.ingest.source_row import make_source_row
from geo.ingest.text import (
    CaptionLines,
    check_text,
    detail_problems,
    guess_language,
    guess_title,
    is_caption,
    parse_published,
    title_case,
)
from geo.ingest.titles import event_title, subject

#: How far back (in paragraphs) "the mine" looks for the mine it refers to.
REFERENCE_REACH = 2


def extract(text: str, published: str | dt.date, publisher: str, url: str, ds,
            progress: Progress | None = None, title: str | None = None,
            gazetteer: Gazetteer | None = None) -> IngestResult:
    """Draft events from a report's text; nothing is written. See the module docstring.

    The cyclic garbage collector is paused while it runs: the extraction builds many small
    objects and no cycles, and collections over a growing heap would make a long text slower
    than linear."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _extract(text, published, publisher, url, ds, progress, title, gazetteer)
    finally:
        if enabled:
            gc.enable()


def _extract(text, published, publisher, url, ds, progress, title, gazetteer) -> IngestResult:
    progress = progress or _noop
    text = check_text(text)
    if problems := detail_problems(published, publisher, url):
        raise IngestError(problems[0])
    pub = parse_published(published)
    publisher = " ".join((publisher or "").split())
    url = (url or "").strip()
    progress(0.05, "building the gazetteer")
    gaz = gazetteer or Gazetteer.from_dataset(ds)
    guessed = guess_title(text)
    title = (title or guessed).strip()
    sents = sentences(text, guessed)
    adopted = Resolutions.of(ds)
    known = mine_minerals(ds)

    info: list[dict] = []
    candidates, cand_seen = [], set()  # unknown mine names, in the order first met, and those met
    # Only sentences that name a mine or mineral, or "the mine", and their neighbours get the costly stages (dates, amounts, cues)
    seen: dict[str, list[Match]] = {}  # a repeated sentence is read once (repetitive input stays fast)
    all_matches = [seen[s.text] if s.text in seen else seen.setdefault(
        s.text, without_traders_goods(short_minerals(s.text, [m for m in gaz.match(s.text) if m.kind in ("mine", "mineral")
                                                              and names_record_thing(m, s.text)], ds.mineral_names), s.text))
        for s in sents]
    all_matches = without_towns(sents, all_matches, town_names(text, all_matches))
    relevant = [bool(ms) or has_reference(s.text) for s, ms in zip(sents, all_matches, strict=True)]
    one = len({m.id for ms in all_matches for m in ms if m.kind == "mineral"}) == 1  # (its figures by weight are its)
    near = [r or (i + 1 < len(sents) and relevant[i + 1]) or (i > 0 and relevant[i - 1]) or (one and fig.weighed(s.text))
            for i, (r, s) in enumerate(zip(relevant, sents, strict=True))]
    dated = Dated(sents, near, all_matches, pub)  # a sentence's dates are found when an event asks for them
    memo: dict[str, tuple] = {}
    for i, s in enumerate(sents):
        if i % 200 == 0:
            progress(0.1 + 0.4 * i / max(1, len(sents)), f"reading sentence {i + 1} of {len(sents)}")
        if near[i] and s.text not in memo:
            memo[s.text] = amounts_and_qualifier(s.text)
        amounts, qualifier = memo[s.text] if near[i] else ((None, None, "", []), "")
        cands = find_candidates(s.text, gaz) if ("ine" in s.text or "광산" in s.text or "탄광" in s.text or "olliery" in s.text or "eposit" in s.text
                                                or "Mining" in s.text) \
            and any(w in s.text for w in CANDIDATE_WORDS) else []
        if cands and (title_case(s.text) or is_caption(s.text)):  # tested only when there is a candidate: most have none
            cands = []  # (a photo's caption names what the picture shows, not the report's mine: the fifty-fourth trial)
        for c in cands:
            if c not in cand_seen:
                cand_seen.add(c)
                candidates.append(c)
        info.append(dated.info(i, {"matches": all_matches[i], "cands": cands, "amounts": amounts,
                                   "qualifier": qualifier, "cue": None, "made": 0, "relevant": relevant[i]}))
    report_minerals = {m.id for x in info for m in x["matches"] if m.kind == "mineral"}

    protos: list[_Proto] = []
    cues_seen: dict[tuple, tuple | None] = {}  # a repeated clause is read once

    def read_cue(clause: str, minerals: list[Match], has_amount: bool, start: int = 0):
        key = (clause, tuple((m.id, m.start - start) for m in minerals), has_amount)
        return cues_seen[key] if key in cues_seen else cues_seen.setdefault(key, _cue(clause, minerals, has_amount, start))

    captions = CaptionLines(text)  # a photo's caption tells what the picture shows, no event of the report (the 55th trial)
    last_mine: tuple[int, Match] | None = None  # (paragraph, mine)
    for i, s in enumerate(sents):
        if i % 50 == 0:
            progress(0.5 + 0.4 * i / max(1, len(sents)), f"reading events in sentence {i + 1} of {len(sents)}")
        x = info[i]
        if not x["relevant"] and not (i > 0 and info[i - 1]["relevant"]) \
                and not (i + 1 < len(sents) and info[i + 1]["relevant"]
                         and (goes_on_about_those(i, sents) or goods_in_general(s.text, i, sents) or deal_goes_on(i, sents))) \
                and not fig.only_mineral_weighed(i, sents, info, report_minerals):
            continue
        if captions[s.para]:
            continue
        matches = x["matches"]
        question = s.text.rstrip(" \"'”’»)").endswith("?") or hypothetical(s.text)  # asserts nothing ("a game-changer for
        # investors?", "If the sanctions are carried out, … exports are estimated to shrink")
        has_amount = bool(x["amounts"][3])
        x["cue"] = lambda text=s.text, ms=matches, a=has_amount: read_cue(text, [m for m in ms if m.kind == "mineral"], a)
        offset, before_start = 0, 0
        own: list[tuple[_Proto, str]] = []  # this sentence's events, each with its clause
        for clause in clauses(s.text):
            start = s.text.find(clause, offset)
            end = start + len(clause)
            prev_start, before_start = before_start, start  # where the clause before this one starts
            offset = end
            if (reason := find_reason(clause)) is not None:  # the cause is background
                clause, end = clause[:reason.start()], start + reason.start()
            cm = [m for m in matches if start <= m.start < end]
            cminerals = [m for m in cm if m.kind == "mineral"]
            cmines = [m for m in cm if m.kind == "mine"]
            prev_mine = last_mine
            if cmines and (placed := drop_town_names(cmines, s.text)):
                last_mine = (s.para, placed[-1])  # "its ore" in the next clause is this mine's
            if question:
                continue
            how = ""
            if not cmines and prev_mine is not None and s.para - prev_mine[0] <= REFERENCE_REACH \
                    and has_reference(clause):
                cmines, how = [prev_mine[1]], f"'the …' read as {prev_mine[1].text}"
                last_mine = (s.para, prev_mine[1])  # a chain of "the complex …" sentences keeps its mine
            if not cmines and not cm and start and (topic := topic_mine(s.text, matches)) is not None and topic.start < start:
                cmines, how = [topic], f"the sentence's topic ({topic.text})"
            if not cmines and may_speak_of_mine(clause) and (later := mine_named_next(clause, i, sents, info)) is not None:
                cmines, how = [later], f"the mine is named in the next sentence ({later.text})"
            # a figure told without its mineral: the one named earlier in the sentence, else in the one before
            borrowed = ([m for m in matches if m.kind == "mineral" and m.start < start][-1:] or fig.figure_mineral(i, sents, info)
                        or fig.only_mineral_weighed(i, sents, info, report_minerals)) \
                if not cmines and not cminerals and has_amount and not plan_share(clause) else []
            wanted, where = ("trade_figure",), "previous sentence"  # the types a borrowed mineral may serve
            if not cmines and not cminerals and not borrowed:  # "… designated three firms." "The firms shipped coal."
                borrowed, wanted, where = designated_minerals(i, sents, info), ("designation",), "next sentence"
            if not cmines and not cminerals and not borrowed and (cargo := cargo_mineral(clause, i, info, report_minerals)):
                borrowed, wanted, where = cargo, CARGO_TYPES, "report, which names no other"  # "… 배를 돌려보냈다"
            if not cmines and not cminerals and not borrowed and (named := minerals_named_next(clause, i, sents, info)) \
                    and (deal_goes_on(i, sents) or read_cue(sents[i + 1].text, named, bool(info[i + 1]["amounts"][3])) is None):
                # "its mineral resources. … its coal and gold deposits": the next sentence only says which (or goes on
                # with the deal: "Under the memorandum the company takes over the rights to …")
                borrowed, wanted, where = named, NAMED_NEXT_TYPES, "next sentence"
            if not cmines and not cminerals and not borrowed and (back := plan_minerals_before(clause, i, sents, info)):
                borrowed, wanted, where = back, PLAN_TYPES, "previous sentence"  # "코스트사는 이 계획에 대해 … 합의했고"
            before = work_of_clause_before(clause, matches, prev_start, start) if not cmines and not cminerals else None
            if not borrowed and before is not None:  # "…, but the work has been halted"
                borrowed, wanted, where, cmines = before[0], WORK_TYPES, "clause before", drop_town_names(before[1], s.text)[-1:]
            if not cmines and not cminerals and not borrowed and (part := part_of_those(clause, i, sents, info)):
                borrowed, wanted, where = part, PART_TYPES, "previous sentence"  # "이 중 일부는 중국으로 밀수되고 있어"
            if not cmines and not cminerals and not borrowed and (halted := halted_before(clause, own)):
                borrowed, wanted, where, cmines = halted[0], RESUMED_TYPES, "clause before", list(halted[1])  # "…, but resumed"
            if not cmines and not cminerals and not borrowed:
                continue  # no mine and no mineral: nothing to draft, the cue is not read
            cue = read_cue(clause, cminerals, has_amount, start)
            if cue is not None and cue[0] in WORK_TYPES and where == "previous sentence" and before is not None:  # "…51%를 사들이려 했지만 없던 일이 됐다"
                borrowed, wanted, where, cmines = before[0], WORK_TYPES, "clause before", drop_town_names(before[1], s.text)[-1:]
            if where == "clause before" and cmines:
                how = f"the mine of the clause before ({cmines[0].text})"
            if cue is None or ((borrowed or where == "clause before") and cue[0] not in wanted):
                continue  # a borrowed mention serves only its types
            if ((cue[0] == "export_continued" or (cue[0] == "trade_figure" and not figures(x["amounts"][3])))
                    and SMUGGLING_NAMED.search(s.text)) \
                    or (cue[0] == "trade_figure" and fig.smuggling_figure(i, sents, info, protos, cminerals or borrowed)):
                # "… 중국에 넘어가고 있다 … 밀수 단속이 풀리는 분위기", or "세관을 거치지 않고 … 내보내는 것의 70% 정도는 …":
                # goods going out, or their share, in a sentence that names smuggling are the smuggling; so is a figure
                # of goods moved "this way" just after a smuggling, or of exports the headline calls illicit
                cue = ("smuggling", "smuggled", cue[2])
            if borrowed:  # "Arrivals from North Korea in January came to 1.45 million tonnes": the figure's mineral
                where = "same sentence, earlier" if where == "previous sentence" and borrowed[0] in matches else where
                cminerals, how = borrowed, "; ".join(filter(None, [how, f"mineral from the {where} ({borrowed[0].text})"]))
            inferred = cmines and not cminerals
            if inferred:
                cminerals, how2 = minerals_for(cmines, i, sents, info, known, report_minerals, cue[0])
                how = "; ".join(filter(None, [how, how2]))
            if not cminerals:
                continue
            cmines = drop_foreign_places(drop_town_names(cmines, s.text), cminerals, s.text, known)
            if how or not cmines:  # a mineral inferred from what each mine is known for is that mine's only
                groups = [(mine, own_minerals(mine, cminerals, inferred, known, len(report_minerals) == 1))
                          for mine in cmines] or [(None, cminerals)]
            elif any(m.kind == "mineral" for m in cm):
                chosen = {id(m) for m in cmines}  # the same objects: an identity test, not a field comparison
                groups = _pairs([m for m in cm if m.kind == "mineral" or id(m) in chosen], s.text, 0, known)
            else:
                groups = [(mine, cminerals) for mine in cmines] or [(None, cminerals)]
            for mine, mins in groups:
                protos.append(_Proto(i, cue[0], cue[1], [mine] if mine else [], mins,
                                     candidates=list(x["cands"]), at=start + cue[2], how=how))
                own.append((protos[-1], clause))
                x["made"] += 1
        if has_amount and len({c for p, c in own if p.event_type != "trade_figure"}) > 1:
            clause_amounts(own)
        if has_amount and len(own) > 1 and (extra := {id(p) for p in figureless_figures(own) + figured_flows(own, s.text)}):
            protos[:] = [p for p in protos if id(p) not in extra]
        named = drop_town_names([m for m in matches if m.kind == "mine"], s.text)  # not "in Musan County"
        if named:
            last_mine = (s.para, named[-1])

    progress(0.9, "assembling drafts")
    anon = Anonymity(sents)
    names = {**ds.mine_names, **ds.mineral_names}  # titles name mines and minerals as the record does
    drafts, notes = _assemble(protos, sents, info, pub, adopted, anon, names, gaz)
    retyped = mark_known(drafts, ds)
    by_text = {s.text: s for s in sents} if retyped else {}
    for d in retyped:  # typed as the record's measure it repeats (the title follows, below)
        retyped_as_act(d, by_text.get(d.evidence), anon)  # an authority's own act: official, unless its paragraph's source is unnamed
    drafts = drop_exact_repeats(drafts) if retyped else drafts  # a retyped draft may now repeat another exactly
    official_report(drafts, publisher)  # a state medium's or a ministry's own report: official (as a claim)
    leads, lead_notes = find_leads(sents, info, drafts, pub, adopted, anon, known, names)
    source_row = make_source_row(ds, publisher, title, url, pub, guess_language(text))
    taken: set[str] = set()  # ids given so far (one set, not one per draft: linear in the drafts)
    for d in drafts:
        finish(d, names)  # titled by its type, date and case as finally read, and told (geo.ingest.accounts)
        d.event_id = _unique_id(d, taken)
        taken.add(d.event_id)
    rate(drafts)
    progress(1.0, f"{len(drafts)} draft event(s), {len(candidates)} unknown mine name(s)")
    return IngestResult(drafts, candidates, source_row, list(dict.fromkeys(notes + lead_notes)), leads)  # each note once


def _assemble(protos, sents, info, pub, adopted, anon, names, gaz):
    notes: list[str] = []
    # A mineral already tied to a mine in a sentence is not also a mineral-only event there.
    tied = {(p.sent, x.id, p.event_type) for p in protos if p.mines for x in p.minerals}
    kept = []
    for p in protos:
        if not p.mines:
            p.minerals = [x for x in p.minerals if (p.sent, x.id, p.event_type) not in tied]
        if p.minerals:
            kept.append(p)
    drafts: list[tuple[Draft, int]] = []
    made: dict[int, _Proto] = {}  # id of a draft -> its proto: the rest of a draft is filled once it survives the merge
    told_before: dict[int, bool] = {}  # a sentence's "well before the vote", read once however many drafts it makes

    def earlier(i: int) -> bool:
        if i not in told_before:
            text = sents[i].text
            told_before[i] = "efore" in text and EARLIER_THAN_MEASURE.search(text) is not None
        return told_before[i]

    for p in (q for p0 in kept for p1 in split_minerals_by_date(p0, sents, info) for q in split_figures(p1, sents, info)):
        s = sents[p.sent]
        date, precision, end, basis, rank = date_for(p, sents, info, pub, adopted)
        if p.event_type == "trade_figure" and no_figure(s.text, (p.amounts or info[p.sent]["amounts"])[3], of_its_own(rank, s.headline)):
            info[p.sent]["made"] -= 1  # a rate with no date of its own ("1.5 million tons a year"): a lead, no period's figure
            continue
        evidence = s.text if len(s.text) <= EVIDENCE_MAX else s.text[:EVIDENCE_MAX - 1].rstrip() + "…"
        d = Draft(event_id="", event_type=p.event_type, effect=p.effect or EFFECTS.get(p.event_type, ""),
                  date=date.isoformat(), date_precision=precision, end_date=end.isoformat() if end else "",
                  evidence=evidence, mines=list(dict.fromkeys(m.id for m in p.mines)),
                  minerals=list(dict.fromkeys(x.id for x in p.minerals)),
                  date_basis=basis + (f"; {p.how}" if p.how else ""), candidates=list(p.candidates),
                  amounts=list((p.amounts or info[p.sent]["amounts"])[3]),  # for the merge; set again after it
                  notes=f"Date from {basis}.", actors=actors_at(s.text, p.event_type, p.at, [x.text for x in sents[max(0, p.sent - 8):p.sent]]),
                  before_measure=earlier(p.sent))
        made[id(d)] = p
        drafts.append((d, rank))
    figures_from: dict[int, Draft] = {}  # a kept telling with no figure: the merged telling whose figure it takes
    merged, more = merge_restatements(drafts, figures_from)  # most drafts of a long report restate others
    for d in merged:
        p = made[id(d)]
        fp = made[id(figures_from[id(d)])] if id(d) in figures_from else p
        usd, qty, unit, written = fp.amounts[:4] if fp.amounts else info[fp.sent]["amounts"]
        qualifier = fp.amounts[4] if fp.amounts else info[fp.sent]["qualifier"]
        if usd is None and qty is None and d.event_type in CARGO_TYPES and (later := cargo_amounts_next(p.sent, sents, info)):
            (usd, qty, unit, written), qualifier = later  # "… kept a ship carrying coal out. The ship … its 6,300 tonnes"
        if qty is not None and d.event_type == "production_change":
            qty, unit = change_figure(sents[p.sent].text, written, qty, unit)  # the figure output came to, not a share
        if qty is not None and no_amount(unit, d.event_type, sents[p.sent].text, written, usd):
            qty = None  # a share or a rate of change, not the event's amount of goods (amounts.is_share)
        d.value_usd, d.quantity, d.unit, d.amounts = usd, qty, unit if qty is not None else "", written
        d.amount_qualifier = qualifier if usd is not None or qty is not None else ""  # not of a yuan figure alone
        if d.event_type == "sanction" and not CAP_WORDS.search(sents[p.sent].text):
            d.value_usd = d.quantity = None  # background figures beside a measure, not its amount (a cap is)
            d.unit = d.amount_qualifier = ""
            d.amounts = []
        d.anonymous_source = anon.of(sents[p.sent], d.event_type)
        text = sents[p.sent].text  # the quote spans the event word and its nearest mine or mineral named there
        named = [m.start for m in (*p.mines, *p.minerals) if text[m.start:m.end] == m.text]
        d.quote = short_quote(text, p.at, min(named, key=lambda x: abs(x - p.at)) if named else None,
                              d.amounts[0] if d.amounts and (d.quantity is not None or d.value_usd is not None) else "")
        # the sentence before: in the paragraph (a trade figure also across it: data named, then its figures)
        before = sents[p.sent - 1].text if p.sent and (sents[p.sent - 1].para == sents[p.sent].para
                                                       or d.event_type == "trade_figure" or back_cite(text)) else ""
        if d.event_type == "trade_figure" and p.sent > 1:  # figures in a paragraph its first sentence sources ("해관총서가 발표한 …")
            before = " ".join(x.text for x in sents[max(0, p.sent - 6):p.sent - 1] if x.para == sents[p.sent].para) + " " + before
        d.confidence, why, d.teller = confidence(d.event_type, text, d.anonymous_source, before, anon.official_teller(sents[p.sent].para))
        if d.confidence == "reported" and not d.anonymous_source and (cited := cited_elsewhere(d.also_told)):
            d.confidence, why, d.teller = "official", f"another telling of it cites {cited}", cited
        d.notes += f" Confidence {d.confidence}: {why}." if why else ""
        province = "" if p.mines or p.candidates else " and ".join(  # "함경남도의 한 탄광": no mine, a province
            dict.fromkeys(m.name for m in gaz.match(text, ("province",)) if as_place(m, text)))  # not "with Pyongyang"
        # the record's name of each mine (a Korean report's 무산광산 is "Musan mine", as the record writes places)
        d.place = "; ".join(dict.fromkeys(names.get(m.id, m.text) for m in p.mines)) or "; ".join(p.candidates) \
            or place_named(text, d.event_type, p.at) or province  # a port or country named (geo.ingest.sites)
        d.title = event_title(with_actor(subject(d.mines, d.minerals, names) + (f" in {province}" if province else ""), d.actors), d.event_type)
    return merged, notes + more


def _unique_id(d: Draft, taken: set[str]) -> str:
    parts = [*d.mines[:2], *d.minerals[:3], d.event_type, d.date]
    base = slug("-".join(parts))[:80].strip("-")
    out, n = base, 2
    while out in taken:
        out, n = f"{base}-{n}", n + 1
    return out
