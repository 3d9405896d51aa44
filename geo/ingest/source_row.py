"""The report's sources.csv row: made from the source details the reviewer gave (an existing row reused when it
is the same report), and edited in the review before an apply."""

from __future__ import annotations

import datetime as dt
import re

from geo.ingest.apply import _cell, _find_source
from geo.ingest.apply import cell_text as _text
from geo.ingest.drafts import SOURCE_COLUMNS, IngestError
from geo.ingest.publishers import publisher_slug
from geo.ingest.text import parse_published

#: The title of a source row whose report gave none and whose reviewer typed none.
UNTITLED = "(title not recorded)"


def make_source_row(ds, publisher: str, title: str, url: str, pub: dt.date, language: str = "en") -> dict:
    """The sources.csv row for a report; an existing row is reused when it is the same report."""
    existing = _find_source(ds.sources.to_dict(orient="records") if ds is not None else [],
                            publisher, title, url, pub.isoformat())
    if existing is not None:
        return {k: _cell(existing.get(k)) for k in SOURCE_COLUMNS}
    taken = set(ds.sources["source_id"]) if ds is not None else set()
    # A publisher in Hangul takes the record's slug (데일리NK: dailynk) or is romanized; in another script with
    # no Latin letters the id falls back to "source-DATE".
    base = f"{_record_slug(ds, publisher) or publisher_slug(publisher) or 'source'}-{pub.isoformat()}"
    sid, n = base, 2
    while sid in taken:
        sid, n = f"{base}-{n}", n + 1
    return {"source_id": sid, "publisher": publisher, "title": title or UNTITLED,
            "url": url, "published": pub.isoformat(), "accessed": dt.date.today().isoformat(),
            "language": language, "notes": "Added by geo ingest."}


_ID_TAIL = re.compile(r"-\d{4}(?:-\d{2}){0,2}(?:-.*)?$")  # (a service's slug stays whole: rfa-ko-2006-01-30-musan is rfa-ko)


#: A note after a publisher's name: "(via Yahoo News UK)", "/ Yonhap", "- relayed by …".
_NOTE_AFTER = re.compile(r"\s*(?:\(.*\)|\[.*\]|\s/\s.*|\s[-–—|]\s.*)$")


def _record_slug(ds, publisher: str) -> str:
    """The slug the record's own source ids give ``publisher`` ("Los Angeles Times": latimes, from
    latimes-2019-05-09-wise-honest), also with a note after the name ("Reuters (via Yahoo News UK)": the fifty-fourth
    trial got reuters-via-yahoo-news-uk), the commonest when several; '' when the record has no source of that name."""
    if ds is None or not publisher.strip():
        return ""
    name = " ".join(publisher.split()).casefold()
    rows = ds.sources[ds.sources["publisher"].astype(str).str.strip().str.casefold() == name]
    if rows.empty and (bare := _NOTE_AFTER.sub("", name)) != name:  # "Reuters (via Yahoo News UK)": Reuters, as the record
        rows = ds.sources[ds.sources["publisher"].astype(str).str.strip().str.casefold() == bare]
    slugs = [m.group(1) for sid in rows["source_id"].astype(str) if (m := re.match(r"(.+?)" + _ID_TAIL.pattern, sid))]
    return max(set(slugs), key=slugs.count) if slugs else ""


def reuse_conflict(row: dict, publisher: str, published: dt.date | None) -> str:
    """Why a reused sources.csv row (found by its URL) may be another report's: its date does not fit the date typed
    (within the precision the row gives: "2017-03", "2017") and its publisher is not the one typed. The URL of the last
    report, left in the field, would cite this report's events to it (the fortieth trial's second report was about
    to be). '' when the row fits. The caller asks only of a row already in sources.csv."""
    on = _text(row.get("published"))
    fits_date = published is None or not on or published.isoformat().startswith(on)
    same_publisher = " ".join(publisher.split()).casefold() == _text(row.get("publisher")).casefold()
    if fits_date or same_publisher:
        return ""
    return (f"this URL is the one of source {_text(row.get('source_id'))} ({_text(row.get('publisher'))}, published {on}), "
            f"not of a report by {' '.join(publisher.split())} published {published.isoformat()}: the drafts would be cited "
            "to that report. Correct the URL (or the date) and extract again, unless it really is that report.")


#: Source fields the reviewer may edit before applying (the id follows the publisher and date).
SOURCE_EDITABLE = ("publisher", "title", "url", "published", "language", "notes")


def edit_source(ds, row: dict, **changes) -> dict:
    """The report's sources.csv row with the reviewer's changes, checked.

    The publisher may be in any script; the URL must be http(s) or empty; the date
    YYYY-MM-DD; the language a two-letter code (ISO 639-1). A new row gets its id again from
    the (new) publisher and date; when the edited row is a report already in sources.csv (same
    URL, or same publisher, title and date), that row is reused. Raises IngestError.
    """
    unknown = set(changes) - set(SOURCE_EDITABLE)
    if unknown:
        raise IngestError(f"source fields {', '.join(sorted(unknown))} cannot be edited")
    merged = {k: _text(v) for k, v in {**row, **{k: v for k, v in changes.items() if v is not None}}.items()}
    publisher = " ".join(merged.get("publisher", "").split())
    if not publisher:
        raise IngestError("the publisher is required")
    url = merged.get("url", "")
    if url and not re.fullmatch(r"https?://\S+", url):
        raise IngestError(f"URL {url!r} must start with http:// or https:// (or be left empty)")
    language = merged.get("language", "").lower() or "en"
    if not re.fullmatch(r"[a-z]{2}", language):
        raise IngestError(f"language {language!r} must be a two-letter code such as en, ko, zh")
    pub = parse_published(merged.get("published", ""))
    title = " ".join(merged.get("title", "").split())
    new = make_source_row(ds, publisher, title, url, pub, language)
    if new.get("notes") == "Added by geo ingest." and merged.get("notes"):
        new["notes"] = merged["notes"]
    return new
