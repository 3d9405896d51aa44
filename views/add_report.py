"""Add report: paste or upload a news report, review the drafted events in a table, apply them.

The work is geo.ingest's: ``extract`` drafts, ``drafts_from_review`` reads the reviewed table
back, ``validate_drafts`` lists every problem, ``apply`` writes under a lock. This page only
collects the inputs, keeps the drafts in session state and renders. Text from the report is
shown through Streamlit's text elements and tables, never as HTML or Markdown.
"""

import datetime as dt
import hashlib

import pandas as pd
import streamlit as st

from geo import state
from geo.ingest import (
    PRECISIONS,
    REVIEW_COLUMNS,
    IngestError,
    NewMine,
    apply,
    check_text,
    chosen_corroborations,
    corroboration_line,
    decode_report,
    describe,
    detail_problems,
    drafts_from_review,
    edit_source,
    extract,
    linked,
    near_mines,
    offered_corroborations,
    prepare_new_mines,
    preview,
    problem_event,
    record_spellings,
    reuse_conflict,
    review_rows,
    ticked_repeats,
    validate_drafts,
)
from geo.ingest.history import revert
from geo.ingest.review import DATE_PATTERN, follow_edits_in_table
from geo.ingest.review_carry import carry_edits
from geo.ingest.source_row import UNTITLED
from geo.package import DataError, Problem
from geo.render.review import short_list_html, why_unticked
from geo.render.text import md_escape

K_RESULT = "ar_result"  # the IngestResult of the last extraction
#: The scripts the extractor does not read, by the source row's language (geo.ingest.text.guess_language).
LANGUAGES = {"ja": "Japanese", "zh": "Chinese"}
K_UPLOAD = "ar_upload_kept"  # the uploaded file (name, bytes, file id), kept while another page is visited
K_INPUTS = "ar_inputs"  # the inputs it was extracted from (to spot changes)
K_APPLIED = "ar_applied"  # the ApplyResult of the last apply
K_WANT_APPLY = "ar_want_apply"  # Apply was clicked: kept until a run reaches the button
K_SOURCE = "ar_source"  # the source row as the reviewer edited it
K_MINES = "ar_new_mines"  # new mines the reviewer added from the candidates (NewMine, ids given)
K_SPELLED = "ar_spelled"  # candidates the reviewer said are a record mine spelled otherwise: candidate → mine id
K_CARRY = "ar_carry"  # the tables as drawn and as edited before their mines changed: the edits carried onto the new rows
K_UNDONE = "ar_undone"  # what the last undo did, shown once after the page reloads
K_REVIEWED = "ar_reviewed"  # the two review tables' rows as last edited: a table Streamlit forgot starts from them
K_BASES = ("ar_base_drafts", "ar_base_leads")  # the rows each table is drawn from while its editor keeps its edits
EDITOR_KEY = "ar_editor"
LEADS_KEY = "ar_leads"  # the table of sentences with no draft
BACKS_KEY, K_BACKS = "ar_backs", ("ar_base_backs", "ar_backs_edited")  # the record's events to corroborate: editor, rows
#: Widgets whose values belong to one extraction (the source form, the new-mine forms): their
#: keys start so; a new extraction forgets them and (a browser sends a widget's last value back) renames them.
_PER_EXTRACTION, K_RUN = ("ar_src_", "ar_mine_"), "ar_run"

ds = state.dataset_or_stop()


def _redraw_tables() -> None:
    """A mine added, removed or linked changes the tables' mines: they are drawn again, and the cells the reviewer had
    changed (the rows as last edited, against the rows the drafts gave before the change) are carried onto the new
    rows (geo.ingest.review_carry), not lost."""
    mines, names = tables_before
    drafts_ = linked(result.drafts, mines, names)
    before = [review_rows(drafts_), review_rows(linked(result.leads, mines, names), first=len(drafts_))]
    last = st.session_state.get(K_REVIEWED) or ([], [])
    st.session_state[K_CARRY] = [(rows_, list(edited_)) for rows_, edited_ in zip(before, last, strict=True)]
    for key in (EDITOR_KEY, LEADS_KEY, K_REVIEWED, *K_BASES):
        st.session_state.pop(key, None)


st.title("Add a report")
st.caption("Paste a news report or upload it as a .txt file, say who published it and when, then review the "
           "events drafted from it. Nothing is written to the data package until you apply them; the package "
           "is validated first.")

# --------------------------------------------------------------------------- inputs

#: The inputs, kept while the analyst visits another page (else the drafts look stale against empty inputs).
_INPUT_KEYS = ("ar_text", "ar_publisher", "ar_url", "ar_published", "ar_title")
state.restore_inputs(_INPUT_KEYS)

text_in = st.text_area("Report text", height=220, key="ar_text",
                       placeholder="Paste the report here (headline first, one paragraph a line).")
held_before = state.upload_held("ar_upload")  # the file the uploader held in this page's run before (None after a visit elsewhere)
upload = st.file_uploader("…or upload the report as a UTF-8 .txt file", type=["txt"], key="ar_upload")
c1, c2 = st.columns(2)
publisher = c1.text_input("Publisher (required)", key="ar_publisher",
                          placeholder="e.g. Radio Free Asia (Korean Service)")
url = c2.text_input("URL", key="ar_url", placeholder="https://… (leave empty if there is none)")
c3, c4 = st.columns(2)
published = c3.date_input("Publication date", value=None, key="ar_published", format="YYYY-MM-DD",
                          min_value=dt.date(1990, 1, 1), max_value=dt.date.today(),
                          help="Relative dates in the report (\"Thursday\", \"a few days ago\") are resolved "
                               "against this date.")
title = c4.text_input("Title (optional)", key="ar_title", help="Left empty, the headline is guessed from the text.")
if not url.strip():
    st.caption("No URL given: the source will be recorded without one.")
state.keep_inputs(_INPUT_KEYS)
kept = state.kept_upload(upload, K_UPLOAD, "ar_upload", held_before)  # the file uploaded before a visit to another page
if upload is None and kept is not None:
    st.info(f"Using the file uploaded before: {md_escape(kept[0])}. Upload another to replace it.",
            icon=":material/description:")
    if st.button("Forget the uploaded file", key="ar_forget_upload"):
        state.forget(K_UPLOAD)
        st.rerun()


def _report_text() -> str:
    """The report from the upload (preferred) or the text area; IngestError if unusable."""
    if kept is not None:
        try:
            return decode_report(kept[1], kept[0])
        except IngestError as err:  # the file wins over pasted text: say how to use the text instead
            raise IngestError(f"{err} (the uploaded file is read instead of the pasted text: remove it to use "
                              "the text)" if text_in.strip() else str(err)) from None
    return check_text(text_in)


def _inputs_signature(text: str) -> tuple:
    return (hashlib.sha256(text.encode("utf-8")).hexdigest(), publisher.strip(), url.strip(),
            published, title.strip())


if kept is not None and text_in.strip():
    st.info("A file is uploaded: the drafts come from the file, not from the pasted text.")

if st.button("Extract drafts", type="primary", icon=":material/manufacturing:", key="ar_extract"):
    st.session_state.pop(K_APPLIED, None)
    st.session_state.pop(K_WANT_APPLY, None)  # a click on Apply not yet served is not for the new drafts
    missing = detail_problems(published, publisher, url)  # every missing input at once, not one per click
    try:
        text = _report_text()
    except IngestError as err:
        missing.append(str(err))
    result = None
    if not missing:
        with st.status("Extracting drafts…", expanded=True) as status:
            bar = st.progress(0.0, text="starting")
            try:
                result = extract(text, published, publisher, url, ds, title=title or None,
                                 progress=lambda f, msg: bar.progress(min(max(f, 0.0), 1.0), text=msg))
            except IngestError as err:
                missing.append(str(err))
                status.update(label="Nothing extracted", state="error", expanded=False)
            else:
                status.update(label=f"{len(result.drafts)} draft event(s) extracted", state="complete",
                              expanded=False)
    if missing:
        st.session_state.pop(K_RESULT, None)
        st.error("Nothing extracted: " + "; ".join(md_escape(m) for m in missing) + ".", icon=":material/error:")
    else:
        st.session_state[K_RESULT] = result
        st.session_state[K_INPUTS] = _inputs_signature(text)
        for key in (EDITOR_KEY, LEADS_KEY, BACKS_KEY, K_SOURCE, K_MINES, K_SPELLED, K_REVIEWED, K_CARRY, *K_BASES, *K_BACKS):  # new tables: forget the last edits
            st.session_state.pop(key, None)
        state.forget(*_PER_EXTRACTION)
        st.session_state[K_RUN] = st.session_state.get(K_RUN, 0) + 1  # the forms' widgets are new ones

# --------------------------------------------------------------------------- after an apply


def _undo(version: str, mine_ids=(), again: bool = False) -> None:
    """Revert the apply that made ``version`` and reload; this page's tables start again from the rows as
    they were last edited (K_REVIEWED), not from the raw drafts."""
    try:
        undone = revert(version, state.data_dir())
    except (IngestError, DataError) as err:
        st.error(str(err) if isinstance(err, IngestError) else err.report())
        return
    for key in (K_APPLIED, K_WANT_APPLY, EDITOR_KEY, LEADS_KEY):
        st.session_state.pop(key, None)
    st.session_state[K_UNDONE] = (
        f"Reverted version {version}: {len(undone['event_ids'])} event(s) removed"
        + (f", and the sources and confidence of {len(undone['restored'])} record event(s) put back"
           if undone.get("restored") else "")
        + (f", and the new mine(s) {', '.join(mine_ids)}" if mine_ids else "")
        + f"; the data package is now version {undone['version']}."
        + (" The drafts below can be applied again, as you reviewed them." if again else ""))
    st.rerun()  # reload the package, so that nothing on the page still shows the undone apply


applied = st.session_state.get(K_APPLIED)
if applied is not None:
    st.success(f"Applied: {len(applied.event_ids)} event(s) and {applied.links} link(s) added"
               + (f", and the report added as a source of {len(applied.corroborated)} record event(s)"
                  if applied.corroborated else "")  # (a corroboration alone is not "nothing": the 57th trial)
               + "; the data package "
               f"is now version {applied.version}. Source `{applied.source_id}` "
               f"({'added' if applied.source_added else 'already in sources.csv'}).", icon=":material/check_circle:")
    # The map and timeline open showing what was added and the events the report now supports (the fifty-fourth
    # trial's two supported events fell outside the new event's month): the shared filters narrowed to them (said there).
    supported = [c["event_id"] for c in applied.corroborated]
    if applied.event_ids:
        st.dataframe(pd.DataFrame({"New event id": applied.event_ids}), hide_index=True)
    l1, l2 = st.columns(2)
    for col, page, what in ((l1, "views/map.py", "map"), (l2, "views/timeline.py", "timeline")):
        if col.button(f"See them on the {what}", icon=f":material/{what}:", key=f"ar_see_{what}") \
                and not state.open_added(page, ds.view, applied.event_ids, on_map=what == "map", supported=supported):
            st.warning("The events are not in the loaded record yet: reload the page.")
    if applied.mine_ids:
        st.caption(f"New mine(s), without a point until a source gives one: {', '.join(applied.mine_ids)}.")
    if applied.corroborated:
        st.caption(md_escape(corroboration_line(applied.corroborated)) + ".")
    if st.button(f"Undo this apply (version {applied.version})", icon=":material/undo:", key="ar_revert"):
        _undo(applied.version, applied.mine_ids, again=True)
undone_note = st.session_state.pop(K_UNDONE, None)
if undone_note:
    st.success(undone_note, icon=":material/undo:")

# Applies recorded in the package's log and not undone, also after a reload (the session forgets its own)
earlier = [r for r in state.undoable_applies() if applied is None or r.get("version") != applied.version]
if earlier:
    with st.expander(f"Undo an earlier apply ({len(earlier)})", icon=":material/history:"):
        st.caption("Applies recorded in the package's ingest log and not undone, newest first. Undo removes that "
                   "apply's events and links (and its source and new mines when nothing else cites them), and takes "
                   "the report off the record events it was added to as a source.")
        for r in earlier[:10]:
            u1, u2 = st.columns([5, 1])
            u1.text(f"version {r.get('version')} · {r.get('when', '')} · {r.get('who', '')} · source "
                    f"{r.get('source_id', '')} · {len(r.get('event_ids', []))} event(s)"
                    + (f" · source of {len(r['corroborated'])} record event(s)" if r.get("corroborated") else ""))
            if u2.button("Undo", key=f"ar_undo_{r.get('version')}"):
                _undo(str(r.get("version")), r.get("mine_ids") or ())

result, run = st.session_state.get(K_RESULT), st.session_state.get(K_RUN, 0)  # run: this extraction's widget keys
if result is None:
    st.stop()

# --------------------------------------------------------------------------- review

st.header("Review the drafts")
# The date every relative date below was read against, said where the drafts are: a date typed over in the form but
# not taken (left red) would otherwise go unnoticed (the forty-fourth trial's drafts kept the last report's date).
st.caption(f"Drafted as published on {result.source_row.get('published', '')}: relative dates (\"last month\", "
           "\"지난해\") were read against that day. If that is not the report's date, correct the date above and extract "
           "again.")
if applied is not None:
    st.caption("These drafts have been applied; applying them again is refused. Extract another report to "
               "continue.")
stale = False
try:
    stale = _inputs_signature(_report_text()) != st.session_state.get(K_INPUTS)
except IngestError:
    stale = True
if stale:
    st.warning("The report or its details changed since these drafts were extracted. Extract again before "
               "applying.", icon=":material/warning:")

new_mines: list[NewMine] = st.session_state.get(K_MINES, [])
spelled: dict[str, str] = st.session_state.get(K_SPELLED, {})
tables_before = (list(new_mines), dict(spelled))  # what the tables were drawn with, before a mine is added or linked
if result.candidates:
    st.subheader("Mines not in the data")
    st.caption(f"{len(result.candidates)} name(s) in the report look like mines but are not in the data; events "
               "about them are drafted without a mine. Add one as a new mine and those drafts are linked to it. "
               "The report gives no point, so the mine is stored without one (location precision unknown, not "
               "drawn on the map); say where the report places it.")
    provinces = ["", *ds.provinces["name"]]
    minerals_all = list(ds.minerals["mineral_id"])
    spellings = record_spellings(ds.mines)
    for n, cand in enumerate(result.candidates):
        done = next((m for m in new_mines if m.candidate == cand), None)
        same = spelled.get(cand)
        with st.expander(md_escape(cand) + (f" — added as {done.mine_id}" if done else "")
                         + (f" — the record's {md_escape(ds.mine_names.get(same, same))}" if same else ""),
                         expanded=done is None and same is None):
            if same:
                st.text(f"Read as the record's {ds.mine_names.get(same, same)} ({same}), spelled otherwise: the drafts "
                        "that named it are linked to that mine.")
                if st.button("Not that mine", key=f"ar_mine_notsame_{n}-{run}"):
                    st.session_state[K_SPELLED] = {c: m for c, m in spelled.items() if c != cand}
                    _redraw_tables()  # the tables' mines change: drawn again, the reviewer's edits carried
                    st.rerun()
                continue
            for mine_id, near in [] if done else near_mines(cand, spellings):
                st.info(f"The record has {md_escape(ds.mine_names.get(mine_id, mine_id))}, spelled "
                        f"“{md_escape(near)}”, one letter from this name once romanization is set aside. If the "
                        "report means that mine, link its drafts to it instead of adding a new mine.",
                        icon=":material/help:")
                if st.button(f"It is {md_escape(ds.mine_names.get(mine_id, mine_id))}: link its drafts",
                             key=f"ar_mine_same_{n}_{mine_id}-{run}"):
                    st.session_state[K_SPELLED] = {**spelled, cand: mine_id}
                    _redraw_tables()  # the tables' mines change: drawn again, the reviewer's edits carried
                    st.rerun()
            if done:
                st.text(f"{done.name} ({done.mine_id}); aliases: {', '.join(done.aliases) or '—'}; province: "
                        f"{done.province or '—'}; county: {done.county or '—'}; the report places it at "
                        f"{done.precision} precision; minerals: {', '.join(done.minerals) or 'those of its drafts'}")
                if st.button("Remove this new mine", key=f"ar_mine_rm_{n}-{run}"):
                    st.session_state[K_MINES] = [m for m in new_mines if m.candidate != cand]
                    _redraw_tables()  # the tables' mines change: drawn again, the reviewer's edits carried
                    st.rerun()
                continue
            guess = sorted({x for d in result.drafts if cand in d.candidates for x in d.minerals})
            with st.form(f"ar_mine_form_{n}"):
                name = st.text_input("Name", value=cand, key=f"ar_mine_name_{n}-{run}")
                aliases = st.text_input("Other spellings (comma-separated)", key=f"ar_mine_alias_{n}-{run}")
                f1, f2, f3 = st.columns(3)
                prov = f1.selectbox("Province", provinces, key=f"ar_mine_prov_{n}-{run}")
                county = f2.text_input("County", key=f"ar_mine_county_{n}-{run}")
                precision = f3.selectbox("The report places it at", PRECISIONS, key=f"ar_mine_prec_{n}-{run}",
                                         help="unknown, county or province; no point is stored either way")
                mins = st.multiselect("Minerals", minerals_all, default=guess, key=f"ar_mine_min_{n}-{run}")
                if st.form_submit_button("Add as a new mine"):
                    try:
                        new_mines = prepare_new_mines(
                            [*new_mines, NewMine(name, prov, county, [a for a in aliases.split(",") if a.strip()],
                                                 list(mins), precision, candidate=cand)], state.data_dir())
                    except IngestError as err:
                        st.error(str(err), icon=":material/error:")
                    else:
                        st.session_state[K_MINES] = new_mines
                        _redraw_tables()  # the tables' mines change: drawn again, the reviewer's edits carried
                        st.rerun()

src = st.session_state.get(K_SOURCE, result.source_row)
existing = ds.sources["source_id"].eq(src["source_id"]).any()
other_report = False  # the row reused by its URL looks like another report's, and the reviewer has not said it is this one
st.subheader("Source")
if existing and applied is not None and applied.source_id == src["source_id"]:
    st.caption(f"This source row is in sources.csv: the apply above ({applied.version}) wrote it or reused it.")
elif existing and (conflict := reuse_conflict(src, publisher, published)):
    st.warning(md_escape(conflict), icon=":material/warning:")
    other_report = not st.checkbox("It is that report: cite the drafts to it", key=f"ar_src_same-{run}")
elif existing:
    n_old = ds.view.loc[ds.view["source_id"] == src["source_id"], "event_id"].nunique()
    st.info(f"This report is already in sources.csv and {n_old} event(s) cite it: the row is reused, not "
            "added. Reject drafts that repeat those events.", icon=":material/info:")
else:
    st.caption("This row will be added to sources.csv (edit it below before applying):")
st.dataframe(pd.DataFrame([src]), hide_index=True)
with st.expander("Edit the source row"), st.form("ar_source_form"):
    s1, s2 = st.columns(2)
    e_pub = s1.text_input("Publisher (any script)", value=src["publisher"], key=f"ar_src_publisher-{run}")
    e_url = s2.text_input("Source row's URL", value=src["url"], key=f"ar_src_url-{run}")
    e_title = st.text_input("Title", value="" if src["title"] == UNTITLED else src["title"], key=f"ar_src_title-{run}",
                            placeholder=f"{UNTITLED}: type the report's headline")  # (no placeholder text to delete)
    s3, s4 = st.columns(2)
    e_date = s3.text_input("Publication date (YYYY-MM-DD)", value=src["published"], key=f"ar_src_published-{run}")
    e_lang = s4.text_input("Language (two letters: en, ko, zh…)", value=src["language"], key=f"ar_src_language-{run}")
    e_notes = st.text_input("Notes (who tells it, what the page is: a repost, a translation…)", value=src["notes"],
                            key=f"ar_src_notes-{run}")
    if st.form_submit_button("Save the source row"):
        try:
            st.session_state[K_SOURCE] = edit_source(ds, src, publisher=e_pub, url=e_url.strip(), title=e_title,
                                                     published=e_date.strip(), language=e_lang.strip(), notes=e_notes)
        except IngestError as err:
            st.error(str(err), icon=":material/error:")
        else:
            st.rerun()
if src["published"] != result.source_row["published"]:
    st.warning(f"The drafts' relative dates were resolved against {result.source_row['published']}, not "
               f"{src['published']}: check their dates, or extract again with the new date.",
               icon=":material/warning:")

if result.notes:
    with st.expander(f"What the extractor decided ({len(result.notes)} note(s))"):
        for note in result.notes:
            st.text(note)

if not result.drafts and not result.leads:
    st.warning("No events were drafted from this report, and no sentence names a mine or a mineral. Nothing "
               "to apply." + (f" The report is in {LANGUAGES[src['language']]}: the extractor reads English and Korean "
                              "only (a translation can be pasted instead)." if src["language"] in LANGUAGES else ""))
    st.stop()

base_drafts = linked(result.drafts, new_mines, spelled)
mine_ids = ["", *ds.mines["mine_id"], *(m.mine_id for m in new_mines)]
mine_label = {**ds.mine_names, **{m.mine_id: m.name for m in new_mines}}
mineral_ids = list(ds.minerals["mineral_id"])
columns = {
    "draft": None,
    "accept": st.column_config.CheckboxColumn("Accept", default=True),
    "event_id": st.column_config.TextColumn("Event id", disabled=True),
    # shown by the record's names (the cells hold the ids Apply writes): a list of ids told a new user nothing
    "mine_id": st.column_config.SelectboxColumn("Mine", options=mine_ids, help="Empty for events about a mineral only",
                                                format_func=lambda m: mine_label.get(m, m)),
    "mineral_id": st.column_config.SelectboxColumn("Mineral", options=mineral_ids,
                                                   format_func=lambda m: ds.mineral_names.get(m, m)),
    "event_type": st.column_config.SelectboxColumn("Event type", options=ds.vocab.codes("event_type")),
    "effect": st.column_config.SelectboxColumn("Effect", options=ds.vocab.codes("effect")),
    # Dates as text in the record's form: a DateColumn's editor is the browser's own date input, which
    # shows the browser's locale format (01/31/2017) whatever the column's format; Apply checks the day.
    "date": st.column_config.TextColumn("Date", validate=DATE_PATTERN, help="YYYY-MM-DD, as the record writes it"),
    "date_precision": st.column_config.SelectboxColumn("Date precision", options=ds.vocab.codes("date_precision")),
    "end_date": st.column_config.TextColumn("End date", validate=DATE_PATTERN,
                                            help="YYYY-MM-DD; empty unless the event spans a period"),
    "value_usd": st.column_config.NumberColumn("Value (US$)", min_value=0, format="%.0f",
                                               help="As the report gives it; empty when it gives none"),
    "quantity": st.column_config.NumberColumn("Quantity", min_value=0, help="In the unit beside it"),
    "unit": st.column_config.TextColumn("Unit"),
    "amount_qualifier": st.column_config.SelectboxColumn(
        "Amount is", options=["", *ds.vocab.codes("amount_qualifier")],
        help="exact, approximate (\"about\", \"around\"), at least (\"more than\") or at most (\"up to\")"),
    "confidence": st.column_config.SelectboxColumn("Confidence", options=ds.vocab.codes("confidence")),
    "title": st.column_config.TextColumn("Title"),
    "actors": st.column_config.TextColumn("Actors", help="The firms and bodies the event is between, separated by ';'"),
    "place": st.column_config.TextColumn("Place", help="Where it happened, as the record writes places (a port, a "
                                                       "county, a crossing); a mine's own place is its name"),
    "description": st.column_config.TextColumn("Description", width="large", max_chars=1000,
                                               help="What happened, in plain words: drafted from the row's own cells "
                                                    "(told anew when they change), or your own"),
    "anonymous_source": st.column_config.CheckboxColumn("Anonymous source"),
    "date_basis": st.column_config.TextColumn("Date from", disabled=True),
    "notes": st.column_config.TextColumn("How it was read", disabled=True,
                                         help="Where the date and the confidence come from; not stored"),
    "known": st.column_config.TextColumn("Already in the record", disabled=True,
                                         help="The measure or event this draft repeats; its row starts unticked"),
    "check": st.column_config.TextColumn("Check", disabled=True,
                                         help="Why this draft is less likely right; its row starts unticked"),
    "evidence": st.column_config.TextColumn("Evidence", disabled=True, width="large",
                                            help="The report's sentence, to judge the row by; it is not stored"),
    "quote": st.column_config.TextColumn("Evidence to record", max_chars=400,
                                         help="What the record keeps: a short quoted phrase of the sentence, or "
                                              "your own words (no more of the report's text than a phrase)"),
}
#: What a reviewer checks first stands first: the row's mine, mineral, type and date, then the sentence
#: they come from and why the row may be wrong; the id last.
ORDER = ("accept", "mine_id", "mineral_id", "event_type", "date", "date_precision", "evidence", "check", "known", "quote",
         "value_usd", "quantity", "unit", "amount_qualifier", "effect", "end_date", "confidence",
         "anonymous_source", "title", "actors", "place", "description", "date_basis", "notes", "event_id")
# The rows as last edited, when Streamlit forgot the table's edits (another page was drawn in between) or an
# undo dropped them; else the drafts
reviewed = st.session_state.get(K_REVIEWED) or ([], [])
carry = st.session_state.pop(K_CARRY, None) or [([], []), ([], [])]  # edits made before the mines changed
bases = [state.editor_base(EDITOR_KEY, K_BASES[0], reviewed[0], lambda: carry_edits(*carry[0], review_rows(base_drafts))), []]
table = pd.DataFrame(bases[0], columns=REVIEW_COLUMNS)
if base_drafts:
    st.caption(f"{len(result.drafts)} draft event(s) in {len(table)} row(s), one per event × mine × mineral. "
               "Untick a row to reject it; edit a cell to fix it. Rows of one event that you give different "
               "dates or types become separate events.")
else:
    st.warning("No event was drafted from this report: no sentence names a mineral with an event word the "
               "extractor knows (halted, still exported, bans, invest…). The sentences below name a mine or a "
               "mineral: tick one and choose its event type to add it.", icon=":material/warning:")
n_known = sum(1 for d in base_drafts if d.known)
if n_known:
    st.info(f"{n_known} draft(s) repeat a measure or event already in the record (column \"Already in the "
            "record\"): their rows start unticked. To cite this report for a record event, use \"Events the record "
            "already holds\" below (Add as source); tick a row here only to add a second copy.",
            icon=":material/content_copy:")  # (the fifty-seventh trial: which of the two places to act in)
n_check = sum(1 for d in base_drafts if d.check and not d.known)
if n_check:
    st.info(f"{n_check} draft(s) are less likely right (column \"Check\" says why): their rows start unticked. "
            "Read their evidence and tick the ones the report bears out.", icon=":material/rule:")
names = {**ds.mine_names, **ds.mineral_names, **{m.mine_id: m.name for m in new_mines}}


def _in_short(place, key: str, table_rows: list[dict], reasons: bool = True, started: list[str] | None = None) -> None:
    """On a narrow screen (a phone), above a review table: its rows in short, each with its whole evidence,
    which the table cuts off (geo.render.review); hidden on a wider screen."""
    place.container(key=key).html(short_list_html(key, table_rows, names, lambda t: ds.vocab.label("event_type", t),
                                                  reasons=reasons, started=started))


short = st.empty()  # the rows in short, above the table, as edited below
# (no drafts: no empty table's headers under the warning, the fifty-second trial)
edited = st.data_editor(table, key=EDITOR_KEY, hide_index=True, num_rows="fixed", width="stretch",
                        column_config=columns, column_order=ORDER) if len(table) else table
rows = edited.to_dict(orient="records")
review = [list(rows), []]  # the two tables' rows as edited: kept below for a table Streamlit forgets
accepted = int(edited["accept"].eq(True).sum())
if rows:
    _in_short(short, "ar_short_drafts", rows, started=[why_unticked(r) for r in review_rows(base_drafts)])

# Sentences that name a mine or mineral but drafted nothing (geo.ingest.leads): the reviewer types them.
leads = linked(result.leads, new_mines, spelled)  # a sentence naming only a new mine is now about it
if leads:
    bases[1] = state.editor_base(LEADS_KEY, K_BASES[1], reviewed[1],
                                 lambda: carry_edits(*carry[1], review_rows(leads, first=len(base_drafts))))
    lead_table = pd.DataFrame(bases[1], columns=REVIEW_COLUMNS)
    n_sentences = len({d.evidence for d in leads})
    st.subheader(f"Sentences with no draft ({n_sentences})")
    st.caption(f"{n_sentences} sentence(s) in {len(lead_table)} row(s), one per sentence × mine × mineral it names. These "
               "sentences name a "
               "mine or a mineral, but the extractor drafted no event from them: it "
               "knows no event word there, or read the event as planned, denied or background. Read each one; "
               "to add its event, tick the row and choose the event type (and fix the date if needed).")
    short_leads = st.empty()
    edited_leads = st.data_editor(lead_table, key=LEADS_KEY, hide_index=True, num_rows="fixed", width="stretch",
                                  column_config={**columns,
                                                 "accept": st.column_config.CheckboxColumn("Add", default=False)},
                                  column_order=[c for c in ORDER if c not in ("check", "event_id")])
    review[1] = edited_leads.to_dict(orient="records")
    _in_short(short_leads, "ar_short_leads", review[1], reasons=False)
    rows += review[1]
    accepted += int(edited_leads["accept"].eq(True).sum())
# A type or date changed in a table brings along at once the cells that follow it, as Apply will write them
# (effect, confidence, title, event id, where the date came from, the Check reason): the table is redrawn from
# the rows so followed, so that a cell never shows what Apply will not write
everything = [*base_drafts, *leads]
followed = [follow_edits_in_table(bases[0], review[0], everything, names, ds),  # the rows each table was drawn from, as kept
            follow_edits_in_table(bases[1], review[1], everything, names, ds) if leads else (review[1], False)]
if any(changed for _rows, changed in followed):
    st.session_state[K_REVIEWED] = [rows_ for rows_, _changed in followed]
    for (_rows, changed), editor, base in zip(followed, (EDITOR_KEY, LEADS_KEY), K_BASES, strict=True):
        if changed:
            st.session_state.pop(editor, None)
            st.session_state.pop(base, None)
    st.rerun()
st.session_state[K_REVIEWED] = review  # kept for a table Streamlit forgets (see above)

# The record's events the drafts repeat (geo.ingest.corroborate): the report may be added to them as a further source.
backs = []
# (from the rows as edited: a retyped or redated row, or a typed lead, may repeat another event; ticks carry over)
offered = offered_corroborations(rows, ds, ticked=st.session_state.get(K_BACKS[1], []))
back_base = state.offer_base(BACKS_KEY, K_BACKS, offered, "event_id")  # other events offered: the table drawn anew
if offered:
    st.subheader(f"Events the record already holds ({len(offered)})")
    st.caption("The report tells these events again. Rather than add a copy, tick \"Add as source\" to cite the report "
               "as a further source of the record's event; tick \"Independent\" too when the report does not repost or "
               "relay the event's own source: a \"reported\" event then becomes \"corroborated\". Nothing else of "
               "the event changes, and Undo puts it back.")
    back_rows = st.data_editor(pd.DataFrame(back_base), key=BACKS_KEY, hide_index=True, num_rows="fixed", width="stretch",
                               column_order=("corroborate", "independent", "title", "date", "source", "confidence",
                                             "evidence", "event_id"),
                               column_config={
                                   "corroborate": st.column_config.CheckboxColumn("Add as source", default=False),
                                   "independent": st.column_config.CheckboxColumn(
                                       "Independent", default=False, help="not a repost or relay of the event's source"),
                                   "title": st.column_config.TextColumn("Record event", disabled=True),
                                   "date": st.column_config.TextColumn("Date", disabled=True),
                                   "source": st.column_config.TextColumn("Its source", disabled=True),
                                   "confidence": st.column_config.TextColumn("Confidence", disabled=True),
                                   "evidence": st.column_config.TextColumn("This report says", disabled=True),
                                   "event_id": st.column_config.TextColumn("Event id", disabled=True)}
                               ).to_dict(orient="records")
    st.session_state[K_BACKS[1]] = back_rows
    backs = chosen_corroborations(back_rows)

# What an apply would change, from the tables as they are now (not validated yet: Apply does that).
drafts, problems = drafts_from_review([*base_drafts, *leads], rows, names) if accepted else ([], [])
st.subheader("What applying will change")
if applied is not None:
    st.text(f"Nothing: these drafts were applied as version {applied.version}. Undo it above to apply them again.")
elif not accepted and not backs:
    st.text("Nothing to apply yet: no row is ticked.")
elif problems:
    st.text("\n".join(str(p) for p in problems))
else:
    st.text("\n".join(describe(preview(drafts, src, state.data_dir(), new_mines, check=False, corroborations=backs))))
    if repeats := ticked_repeats(rows):
        st.warning("Ticked, though the record already holds it (applying adds it a second time): "
                   + "; ".join(md_escape(r) for r in repeats) + ".", icon=":material/content_copy:")

if not accepted and not backs:
    st.caption("Tick at least one row to apply.")
# applied once, the button rests until the apply is undone or another report extracted (a second apply is refused).
# The click is kept in the session (K_WANT_APPLY) until a run reaches this line: a run a click starts may end early in
# a redraw of the tables above (st.rerun), which would lose a button's own value (the nineteenth trial's lost clicks).
resting = stale or not (accepted or backs) or applied is not None or other_report
# a resting button says why it rests (the fiftieth trial read "Apply 3 accepted row(s)" on a disabled button)
label = ("Applied: undo it above to apply again" if applied is not None else "Extract again: the report changed" if stale
         else "Confirm the source row above to apply" if other_report else "Nothing ticked to apply" if not (accepted or backs)
         else f"Apply: add the report as a source of {len(backs)} record event(s)" if not accepted  # (not "Apply 0 rows")
         else f"Apply {accepted} accepted row(s)" + (f" and {len(backs)} corroboration(s)" if backs else ""))
st.button(label, type="primary", icon=":material/publish:", disabled=resting, key="ar_apply",
          on_click=state.remember_click, args=(K_WANT_APPLY,))
if st.session_state.pop(K_WANT_APPLY, False) and not resting:
    st.session_state.pop(K_APPLIED, None)
    if not problems:
        problems = validate_drafts(drafts, src, state.data_dir(), new_mines, corroborations=backs)
    if not problems:
        try:
            with st.status("Applying…", expanded=True) as status:
                bar = st.progress(0.0, text="starting")
                done = apply(drafts, src, state.data_dir(), new_mines=new_mines, corroborations=backs,
                             progress=lambda f, msg: bar.progress(min(max(f, 0.0), 1.0), text=msg))
                status.update(label="Applied", state="complete", expanded=False)
        except DataError as err:  # the package changed between the check and the apply
            problems = err.problems
        except IngestError as err:  # refused (e.g. the lock is held): nothing written
            problems = [Problem("drafts", reason=str(err))]
        else:
            st.session_state[K_APPLIED] = done
            st.rerun()  # reload the package (its cache follows the files) and show the result
    st.error(f"Nothing written: {len(problems)} problem(s) to fix first. Rows of each table on this page are "
             "counted from 1; rows of events.csv and event_links.csv are the rows the drafts would get.",
             icon=":material/error:")
    listed = [{"File": p.file, "Row": "" if p.row is None else int(p.row), "Field": p.field or "",
               "Event": problem_event(p, drafts, len(ds.events), len(ds.links)), "Problem": p.reason}
              for p in problems]
    st.dataframe(pd.DataFrame(listed), hide_index=True, width="stretch",
                 column_config={"Problem": st.column_config.TextColumn("Problem", width="large")})
    # The same in full, as plain text: a long reason does not fit in a table cell.
    st.text("\n".join(f"{p}" + (f" [event {x['Event']}]" if x["Event"] else "")
                       for p, x in zip(problems, listed, strict=True)))
