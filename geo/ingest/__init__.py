"""The ingest layer: from a news report to reviewed draft events, and from drafts to the package.

Stages, each its own module: :mod:`~geo.ingest.text` (checking and decoding) →
:mod:`~geo.ingest.sentences` → :mod:`~geo.ingest.mentions` (with :mod:`~geo.ingest.gazetteer`)
→ :mod:`~geo.ingest.dates` → :mod:`~geo.ingest.amounts` → :mod:`~geo.ingest.cues` →
:mod:`~geo.ingest.events` (``extract``) → :mod:`~geo.ingest.review` (with :mod:`~geo.ingest.newmine` and
:mod:`~geo.ingest.spellings`) → :mod:`~geo.ingest.apply` (with :mod:`~geo.ingest.corroborate`).
:mod:`~geo.ingest.evaluate` scores extraction against curated events. Nothing here imports
Streamlit; this package re-exports what the pages and the command line call.
"""

from geo.ingest.amounts import find_amounts
from geo.ingest.apply import (
    apply,
    bump_minor,
    describe,
    prepare_new_mines,
    preview,
    validate_drafts,
)
from geo.ingest.corroborate import Corroboration, chosen_corroborations, offered_corroborations
from geo.ingest.corroborate import describe as corroboration_line
from geo.ingest.dates import DateMention, find_dates
from geo.ingest.draft_csv import drafts_csv
from geo.ingest.drafts import ApplyResult, Draft, IngestError, IngestResult
from geo.ingest.events import extract
from geo.ingest.mentions import find_candidates
from geo.ingest.newmine import PRECISIONS, NewMine, link_new_mines
from geo.ingest.review import (
    REVIEW_COLUMNS,
    drafts_from_review,
    problem_event,
    review_rows,
    ticked_repeats,
)
from geo.ingest.sentences import sentences
from geo.ingest.source_row import SOURCE_EDITABLE, edit_source, make_source_row, reuse_conflict
from geo.ingest.spellings import link_spellings, linked, near_mines, record_spellings
from geo.ingest.text import (
    MAX_REPORT_BYTES,
    check_text,
    decode_report,
    detail_problems,
    guess_title,
    parse_published,
    read_report,
)
from geo.io.atomic import package_lock

__all__ = [
    "MAX_REPORT_BYTES", "REVIEW_COLUMNS", "ApplyResult", "Corroboration", "chosen_corroborations", "corroboration_line",
    "offered_corroborations", "DateMention", "Draft", "IngestError", "IngestResult",
    "PRECISIONS", "SOURCE_EDITABLE", "NewMine", "describe", "edit_source", "link_new_mines", "prepare_new_mines", "preview",
    "apply", "bump_minor", "check_text", "decode_report", "detail_problems", "drafts_csv", "drafts_from_review", "extract",
    "find_amounts", "find_candidates", "link_spellings", "linked", "near_mines", "record_spellings", "find_dates", "guess_title", "make_source_row", "package_lock",
    "parse_published", "problem_event", "reuse_conflict", "read_report", "review_rows", "ticked_repeats", "sentences", "validate_drafts",
]
