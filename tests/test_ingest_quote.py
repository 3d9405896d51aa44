"""What an applied event keeps of the report's words (geo.ingest.quote): a short quoted phrase around the
event word, never the whole sentence (the record's evidence is in our own words, a short quoted phrase at
most), or what the reviewer writes instead."""

from __future__ import annotations

import time

from geo.ingest import extract
from geo.ingest.apply import apply
from geo.ingest.quote import MAX_CHARS, short_quote
from geo.ingest.review import drafts_from_review, review_rows
from geo.rules.load import load_dataset

SENTENCE = "Exports of copper concentrate from the Hyesan mine were suspended on Feb. 20, a source in Ryanggang said."


def test_a_few_words_around_the_event_word_within_its_clause():
    assert short_quote(SENTENCE, SENTENCE.index("suspended")) == "“…Hyesan mine were suspended on Feb. 20…”"
    assert short_quote(SENTENCE) == "“Exports of copper concentrate from…”"  # no event word: the sentence's start
    text = "China, which buys most of the coal, said on Friday it had banned imports of North Korean coal."
    assert short_quote(text, text.index("banned")) == "“…Friday it had banned imports of North Korean…”"


def test_korean_keeps_fewer_words_and_no_quotation_marks_inside():
    text = "양강도의 한 소식통은 13일 \"혜산청년광산의 구리정광 수출이 지난달부터 완전히 중단됐다\"고 말했다."
    assert short_quote(text, text.index("중단")) == "“…지난달부터 완전히 중단됐다고 말했다”"


def test_the_phrase_is_short_whatever_the_words():
    long_words = " ".join(["Supercalifragilistic" * 3] * 10)
    assert len(short_quote(long_words, 300)) <= MAX_CHARS + 4
    assert short_quote("", 0) == "" and short_quote("   ", 0) == ""
    big = "word " * 200_000  # linear: a million characters in well under a second
    start = time.perf_counter()
    short_quote(big, len(big) // 2)
    assert time.perf_counter() - start < 1.0


def test_an_applied_event_keeps_the_phrase_or_the_reviewers_words_not_the_sentence(data_copy):
    ds = load_dataset(data_copy)
    result = extract(SENTENCE + "\n", "2017-03-02", "Test wire", "https://example.org/q", ds)
    (d,) = result.drafts
    assert d.evidence == SENTENCE and d.recorded_evidence == "“…the Hyesan mine were suspended on Feb…”"
    rows = review_rows(result.drafts)
    assert rows[0]["quote"] == d.recorded_evidence  # the review shows what will be kept, editable
    rows[0].update(accept=True, quote="A source told the wire the Hyesan copper exports stopped on 20 February.")
    drafts, problems = drafts_from_review(result.drafts, rows)
    assert not problems
    apply(drafts, result.source_row, data_copy, who="test")
    events = load_dataset(data_copy).events
    (written,) = events.loc[events["event_id"] == drafts[0].event_id, "evidence"]
    assert written == "A source told the wire the Hyesan copper exports stopped on 20 February."
    assert SENTENCE not in set(events["evidence"])


def test_the_phrase_names_what_the_event_is_about_when_it_is_near():
    # the fourth trial: the recorded phrase was about a railway, the mineral outside it
    text = "Under the deal the Chinese side will lay a railway to carry the coal it buys from the mine."
    assert "coal" in short_quote(text, text.index("railway"), text.index("coal"))
    far = "Coal " + "and many other things " * 10 + "was suspended."
    assert "Coal" not in short_quote(far, far.index("suspended"), 0)  # too far apart: the event word's phrase


def test_an_extracted_drafts_phrase_spans_its_event_word_and_mineral(record_ds):
    text = "Exports of copper concentrate from the Hyesan mine were suspended on Feb. 20, a source said."
    (d,) = extract(text, "2017-03-02", "T", "", record_ds).drafts
    assert "Hyesan" in d.recorded_evidence and "suspended" in d.recorded_evidence  # the mine, the nearest name


import pytest  # noqa: E402


@pytest.fixture(scope="module")
def record_ds():
    from tests.conftest import RECORD

    return load_dataset(RECORD)
