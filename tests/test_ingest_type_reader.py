"""The type reader (geo.ingest.type_reader): a trained second reading of a draft's sentence, weighed by the
certainty estimate (geo.ingest.certainty)."""

from __future__ import annotations

import time

import pytest

from geo.ingest.certainty import READS_OTHER, READS_OWN, estimate, features, weights
from geo.ingest.drafts import Draft
from geo.ingest.evalset import SETS
from geo.ingest.type_reader import BIAS, KEEP, NONE, Reader, reading, sentence_features, stored
from geo.rules.load import load_dataset
from geo.tools.first_sight import CHECK_SETS
from geo.tools.fit_types import classes, train, training_rows
from tests.conftest import RECORD


def test_a_sentences_features_are_its_words_word_pairs_and_korean_letter_pairs():
    got = sentence_features("Exports HALTED in 2017; 수출이 중단됐다")
    assert {"w:exports", "w:halted", "p:expor", "b:exports_halted", "w:<num>", "b:in_<num>"} <= got
    # Korean words carry their particles: letter pairs and the ending let 수출이 and 수출은 share features
    assert {"k:수출이", "k2:수출", "k2e:됐다", "k2:중단"} <= got
    assert sentence_features("") == set()


def test_reading_a_sentence_is_linear_in_its_length():
    def took(n: int) -> float:
        text = "Coal exports from the Musan mine were halted at Namyang, 석탄 수출이 중단됐다. " * n
        start = time.perf_counter()
        reading(text, "export_halt", stored())
        return time.perf_counter() - start

    took(10)
    small, large = min(took(200) for _ in range(3)), min(took(2000) for _ in range(3))
    assert large < 20 * small  # ten times the text: about ten times the time, not a hundred


def test_the_stored_reader_reads_every_event_type_of_the_vocabulary_and_no_event():
    # a new event type without a column would never be read as its type
    reader = stored()
    assert set(reader.types) == {*load_dataset(RECORD).vocab.codes("event_type"), NONE}
    assert BIAS in reader.weights


def test_a_reading_is_a_chance_per_type_and_its_best_is_an_event_type():
    reader = stored()
    probs = reader.read("The Hyesan mine halted copper exports to China last month.")
    assert sum(probs.values()) == pytest.approx(1.0)
    r = reading("The Hyesan mine halted copper exports to China last month.", "export_halt", reader)
    assert r.best in reader.types and r.best != NONE
    assert 0.0 < r.own_p <= r.best_p <= 1.0 and 0.0 < r.none_p < 1.0


@pytest.mark.parametrize(("sentence", "expected"), [
    # sentences of our own, in no labelled set
    ("North Korea exported 1.2 million tons of coal to China in March, customs data showed.", "trade_figure"),
    ("The mine's output fell by half last year because of power shortages.", "production_change"),
    ("북한 무산광산의 철광석 생산이 전력난으로 크게 줄었다고 소식통이 전했다.", "production_change"),
])
def test_the_stored_reader_reads_plain_sentences_as_an_analyst_would(sentence, expected):
    assert reading(sentence, expected).best == expected


def test_the_reader_is_fitted_on_the_read_sets_only():
    # the evaluation set (no evidence in its labels) and the certainty fit's check sets are never fitted
    # on, so their figures stay those of reports the reader has not seen
    fitted = {name for name, _s, _t in training_rows()}
    assert fitted and not fitted & {*CHECK_SETS, "evaluation set", "held-out set"}
    assert fitted <= {name for name, _folder in SETS}


def test_the_stored_reader_is_what_the_fit_gives():
    # type_reader.csv is written by the fit, never edited by hand: refitting reproduces it
    refit, kept = train(training_rows(), classes()), stored()
    assert refit.types == kept.types
    # weights under KEEP are left out of the table
    assert set(kept.weights) == {n for n, ws in refit.weights.items() if n == BIAS or max(map(abs, ws)) >= KEEP}
    for name, ws in kept.weights.items():
        assert ws == pytest.approx(refit.weights[name], abs=KEEP + 0.001), name


def _draft(event_type: str, evidence: str) -> Draft:
    return Draft(event_id="", event_type=event_type, effect="", date="2019-03-01", date_precision="month",
                 evidence=evidence, mines=["musan"], minerals=["iron_ore"], date_basis="'March' in the sentence")


def test_a_draft_whose_sentence_reads_as_another_type_is_told_which(tmp_path):
    # a reviewer changing a draft's type needs to know which one its sentence reads as
    two = ("export_halt", "sanction")
    reader = Reader(two, {BIAS: (0.0, 0.0), "w:banned": (-3.0, 3.0)})
    sentence = "The council banned iron ore from the Musan mine in March."
    halt, ban = features(_draft("export_halt", sentence), reader), features(_draft("sanction", sentence), reader)
    assert READS_OTHER in halt and READS_OWN not in halt
    assert READS_OWN in ban and READS_OTHER not in ban
    table = weights()
    assert table[READS_OTHER].weight < 0 < table[READS_OWN].weight  # the fit found them so
    # the same draft, its sentence read as its own type or as another: the other reading lowers its estimate (compared
    # on one type, so that the types' own rates of being right do not decide it)
    reads_halt = Reader(two, {BIAS: (0.0, 0.0), "w:banned": (3.0, -3.0)})
    p_own, _ = estimate(_draft("export_halt", sentence), table, reads_halt)
    p_other, why = estimate(_draft("export_halt", sentence), table, reader)
    assert p_other < p_own
    assert "its sentence reads more like sanction (the type reader)" in why, why
    # a reader unsure of every type names none: a wrong hint would cost the reviewer more than none
    unsure = Reader((*two, "smuggling"), {BIAS: (0.0, 0.0, 0.0), "w:banned": (-3.0, 1.0, 1.0)})  # 0.49 each
    _p, why = estimate(_draft("export_halt", sentence), table, unsure)
    assert "the type reader scores its type low (a trained hint only)" in why, why
