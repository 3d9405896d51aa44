"""Ingest speed stays linear: the benchmark's texts at 5 MB within a generous bound (the README
gives the benchmark's figures), and the parts made faster give the same answers as before."""

from __future__ import annotations

import random
import re
import time
from functools import reduce
from operator import or_

import pytest

from geo.ingest import cue_table, cues, extract
from geo.ingest.cue_table import load_table
from geo.ingest.drafts import Draft
from geo.ingest.literals import literal_prefixes, required_clauses, required_literals
from geo.ingest.merge import merge_restatements
from geo.ingest.sentences import sentences
from geo.tools.ingest_bench import TEXTS, main
from tests.conftest import ROOT


@pytest.mark.parametrize("name", list(TEXTS))
def test_five_megabytes_of_every_benchmark_text_stay_linear(ds, name):
    text = TEXTS[name](5_000_000)
    t0 = time.perf_counter()
    extract(text, "2019-01-08", "X", "", ds)
    assert time.perf_counter() - t0 < 30  # generous on a shared 2-core machine; see README Performance


def test_many_distinct_dates_do_not_make_merging_quadratic(ds):
    days = [f"{m} {d}, {y}" for y in range(1990, 2019) for m in ("Jan.", "March", "June", "Oct.") for d in range(1, 29)]
    text = "\n".join(f"Iron ore exports from the Musan mine were halted on {d}." for d in days)
    t0 = time.perf_counter()
    result = extract(text, "2019-01-08", "X", "", ds)
    assert time.perf_counter() - t0 < 30
    assert len(result.drafts) == len(days)  # two direct dates that differ are two events


def _merge_by_scan(drafts):
    """The rule, written as a scan: an indirect draft (rank ≥ 2) restates the first of its key whose
    year is at most one apart; a direct one, the first with its date or with an indirect date and a
    year at most one apart; the more direct one kept."""
    merged = {}
    for d, rank in drafts:
        key = (d.event_type, d.effect, tuple(sorted(d.mines)), tuple(sorted(d.minerals)))
        group = merged.setdefault(key, [])
        near = [abs(int(o.date[:4]) - int(d.date[:4])) <= 1 for o, _ in group]
        if rank >= 2:
            same = next((k for k in range(len(group)) if near[k]), None)
        else:
            same = next((k for k, (o, r) in enumerate(group) if o.date == d.date or (r >= 2 and near[k])), None)
        if same is None:
            group.append((d, rank))
        elif rank < group[same][1]:
            group[same] = (d, rank)
    return [d for g in merged.values() for d, _ in g]


def test_indexed_merge_agrees_with_the_scan():
    for trial in range(500):
        rnd = random.Random(trial)
        drafts = [(Draft(str(i), rnd.choice("ab"), "", f"{rnd.choice((2017, 2019, 2020, 2020))}-01-0{rnd.randint(1, 4)}", "day", "e",
                         mines=[rnd.choice("xy")], minerals=["m"]), rnd.randint(0, 4))
                  for i in range(rnd.randint(1, 30))]
        got = [d.event_id for d in merge_restatements(drafts)[0]]
        assert got == [d.event_id for d in _merge_by_scan(drafts)], trial


def test_literal_prefixes_are_necessary_for_every_cue_match():
    """A cue row is skipped when none of its literal prefixes is in the clause: every match of
    its pattern must contain one."""
    samples = ["still exported", "continued to cross", "has not moved", "none of the ore is exported",
               "resumed", "buying it again", "pulled out", "signed", "won the mining rights", "discovered",
               "invest", "exports were rising", "started production", "output fell", "cut output", "shut down",
               "came to a stop", "suspended", "banned", "capped", "imported", "smuggled", "illegally",
               "plans to", "could", "if China", "a source said", "the mine", "Chinese customs", "did not"]
    for row in load_table():
        pre = literal_prefixes(row.pattern.pattern)
        assert pre, row.serves  # every row of the shipped table has a prefilter
        for text in samples:
            for m in row.pattern.finditer(text):
                assert any(p in m.group(0).lower() for p in pre), (row.serves, text)
    assert literal_prefixes(r"\bstopp?\w*") == ["stop"] and literal_prefixes(r"(?:a|b)?c") is None


def test_required_literals_are_necessary_for_every_match_in_real_text():
    """The prefilter the table uses: the most selective required text of each alternative. Every
    match of every row in the evaluation set's reports (and the samples) contains one of them."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "ingest_eval").glob("*.txt"))]
    texts += ["a second source in the province said", "They are sending coal", "kept earning cash",
              "the contract was finalized", "walked away", "stopped completely", "the U.N. ban"]
    for row in load_table():
        req = required_literals(row.pattern.pattern)
        assert req and tuple(req) == row.prefixes, row.serves
        for text in texts:
            for m in row.pattern.finditer(text):
                assert any(p in m.group(0).lower() for p in req), (row.serves, m.group(0))
    assert required_literals(r"\b(?:a|the)\s+(?:\w+\s+){0,4}(?:source|official)\b") == ["source", "official"]
    assert required_literals(r"\bstopp?\w*") == ["stop"] and required_literals(r"x{0,3}") is None


def test_required_clauses_are_necessary_for_every_match_in_real_text():
    """The cue rows' second test: a row is searched only when some alternative of its pattern finds
    a text of each set it needs. Every match of every row in the evaluation set's reports holds one."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "ingest_eval").glob("*.txt"))]
    texts += ["a second source in the province said", "the railway to the port was rebuilt", "output rose",
              "they started production", "the deal fell through", "walked away", "the U.N. ban"]
    for row in load_table():
        alts = required_clauses(row.pattern.pattern)
        assert alts, row.serves
        for text in texts:
            for m in row.pattern.finditer(text):
                found = m.group(0).lower()
                assert any(all(any(t in found for t in texts_) for texts_ in alt) for alt in alts), (row.serves, found)
    assert required_clauses(r"\bstart\w* (?:production|operation)\w*|\bfired up\b") == [
        [("start",), ("production", "operation")], [("fired up",)]]
    assert required_clauses(r"\bstopp?\w*") == [[("stop",)]] and required_clauses(r"x{0,3}|y") is None


def test_cues_read_the_same_with_and_without_the_second_test(monkeypatch):
    """Skipping the rows whose needs are not met changes no clause's reading (reports, their lower
    case, and text with a character that matches a letter only under re.IGNORECASE)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "ingest_eval").glob("*.txt"))]
    clauses = [s.text for t in texts for s in sentences(t)]
    clauses += [c.lower() for c in clauses[:300]] + ["exports of coal \u017furged", "\u212aept exporting coal"]
    fast = [cues._cue(c, [], True) for c in clauses]
    monkeypatch.setattr(cues, "needs_met", lambda needs, present: True)
    assert fast == [cues._cue(c, [], True) for c in clauses]


@pytest.mark.parametrize("text, expected", [
    ("He met Mr. Kim. Then U.S. officials left.", ["He met Mr. Kim.", "Then U.S. officials left."]),
    ("Exports fell in Dec. 2017 at the mine. A.B.C. Ltd. said so.", ["Exports fell in Dec. 2017 at the mine.",
                                                                     "A.B.C. Ltd. said so."]),
    ("Musan was shut. No. 3 pit too.", ["Musan was shut.", "No. 3 pit too."]),
])
def test_sentences_skip_abbreviations_and_initials(text, expected):
    assert [s.text for s in sentences(text)] == expected


def test_the_split_that_takes_the_stop_splits_as_the_look_behind_did():
    """The sentence split's pattern takes the full stop (so the engine jumps from stop to stop);
    it splits every line where the pattern that only looked behind at the stop did."""
    import importlib
    mod = importlib.import_module("geo.ingest.sentences")
    behind = re.compile(r"(?<=[.!?])" + mod._not_after_abbreviation()
                        + r"[”\"’)]{0,3}\s+(?=[“\"‘(]?[A-Z0-9\uac00-\ud7a3])")
    alphabet = [*".!?.. ”\"’)“‘(AaBbMmrsSUNu12광\t", "Mr.", "U.S.", "Dec.", "e.g.", "No.", " A. ", "?” ", ".) "]
    rnd = random.Random(7)
    for _ in range(3000):
        line = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        want = [m.span() for m in behind.finditer(line)]
        assert [(m.start() + 1, m.end()) for m in mod._SPLIT_RE.finditer(line)] == want, line


def test_amounts_that_take_the_first_digit_match_as_the_look_behind_did():
    """The figure patterns take the first digit before testing the character before it; they find
    the same figures as the patterns that looked behind first."""
    from geo.ingest import amounts
    rnd = random.Random(11)
    alphabet = [*"0123456789,.$ aT%-", " tons", " tonnes", "t ", " million", " dollars", " US", "$1", " kg", "x"]
    for pattern in (amounts._QTY_RE, amounts._DOLLARS_RE):
        behind = re.compile(pattern.pattern.replace(r"(?P<n>\d(?<![\w$.,]\d)", r"(?<![\w$.,])(?P<n>\d", 1), re.IGNORECASE)
        assert behind.pattern != pattern.pattern
        for _ in range(3000):
            text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 30)))
            assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == \
                [(m.span(), m.groups()) for m in behind.finditer(text)], text


def test_the_words_a_telling_or_a_baseline_needs_are_in_every_match():
    """A date's context is searched for a telling ("a source said on") or a comparison's baseline
    ("lower than in") only when it holds one of the words every such match holds."""
    import importlib
    dates = importlib.import_module("geo.ingest.dates")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "ingest_eval").glob("*.txt"))]
    texts += ["customs data released Tuesday show", "figures for the year showed on the", "up 5 per cent from",
              "their highest since", "compared to the", "told Daily NK on", "vs. the"]
    for pattern, words in ((dates._ATTRIBUTION_BEFORE, dates._ATTRIBUTION_WORDS),
                           (dates._COMPARISON_BEFORE, dates._COMPARISON_WORDS)):
        found = 0
        for text in texts:
            for end in [m.end() for m in re.finditer(r"\s", text)] + [len(text)]:
                m = pattern.search(text[max(0, end - 60):end])
                if m:
                    found += 1
                    assert any(w in m.group(0).lower() for w in words), m.group(0)
        assert found > 10


def test_unknown_mine_names_are_found_as_by_the_look_behind_pattern():
    """The unknown-mine pattern takes the first capital before testing that it starts a word; it
    finds what the pattern that tested the word boundary first found, and every match holds one
    of the words the extraction asks for before searching."""
    from geo.ingest import mentions
    behind = re.compile(r"\b((?:[A-Z][\w'’ʼ\-]*\s+){1,3})(?:mines?|Mines?|Mining Complex|deposit|colliery)\b")
    rnd = random.Random(5)
    alphabet = [" ", "  ", "Kap", "san", "X", "x", "-", "’", "_", "1", " mine", " Mines", " Mining Complex", " deposit",
                " colliery", "the ", "Youth ", "é"]
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        got = [(m.span(), m.groups()) for m in mentions._CAND_RE.finditer(text)]
        assert got == [(m.span(), m.groups()) for m in behind.finditer(text)], text
        assert not got or any(w in text for w in mentions.CANDIDATE_WORDS)


def test_dates_found_on_demand_are_those_read_in_order():
    """A sentence's dates and date context, found when asked in any order, are those a reading of
    every sentence in order gives (with "for some time", which reads the context, and "Times")."""
    import datetime as dt

    from geo.ingest.dated import Dated
    from geo.ingest.dates import find_dates, own_dates
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "ingest_eval").glob("*.txt"))]
    extra = ["Musan ore has been halted for some time.", "The Times said zinc moved for some Time.",
             "On March 3, 2017, copper was suspended.", "It was idle for a long time."]
    rnd = random.Random(2)
    pub = dt.date(2019, 5, 20)
    for trial in range(30):
        pool = sentences(rnd.choice(texts))
        sents = sentences(" ".join(rnd.choice(extra) if rnd.random() < 0.3 else s.text
                                   for s in rnd.sample(pool, min(8, len(pool))) * 2))
        near = [rnd.random() < 0.8 for _ in sents]
        want, context, memo = [], (None, -1), {}
        for i, s in enumerate(sents):  # the reading in order this replaces
            key = (s.text, context[0] if "time" in s.text else None)
            if near[i] and key not in memo:
                memo[key] = find_dates(s.text, pub, context[0])
            found = memo[key] if near[i] else []
            want.append((found, context))
            if own_dates(found):
                context = (own_dates(found)[-1], s.para)
        dated = Dated(sents, near, [[] for _ in sents], pub)
        order = list(range(len(sents)))
        rnd.shuffle(order)
        got = {i: (dated.dates(i), dated.context(i)) if trial % 2 else (None, dated.context(i)) for i in order}
        assert [(dated.dates(i), got[i][1]) for i in range(len(sents))] == want, trial


def test_a_word_holds_the_texts_the_letter_finder_finds():
    """A new word's bits are those of the longest text found at each of its letters and of the
    texts it begins with: the same bits as testing every text, for a word alone and for words
    joined by a line break (the bits of all of them)."""
    from geo.ingest.literals import letter_finder, letters_bits
    texts = tuple((t, 1 << k) for k, t in enumerate(["a", "port", "export", "ex", "still", "s", "ore", "or", "t",
                                                      "exported", "por", "a"]))
    finder = letter_finder(texts)
    rnd = random.Random(3)
    words = ["".join(rnd.choice("aeoprstxild") for _ in range(rnd.randint(1, 9))) for _ in range(3000)]
    words += ["exported", "exporte", "portexport", "stillstil"]

    def want(word):
        return sum({b for t, b in texts if t in word})  # every text tested (one bit each, "a" twice)
    for k, word in enumerate(words):
        assert letters_bits(word, finder) == want(word), word
        joined = words[k:k + 4]
        assert letters_bits("\n".join(joined), finder) == want("\n".join(joined)), joined


def test_the_cue_tables_letter_finder_finds_what_every_text_does():
    """On the cue table's own texts: random words (and the words of the evaluation set) get the
    bits of every text they hold."""
    finder = cue_table._finder("cue")
    letters = cue_table._masks("cue")[0]
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "ingest_eval").glob("*.txt"))]
    words = sorted({w for t in texts for w in re.findall("[a-z]+", t.lower())})
    rnd = random.Random(5)
    words += ["".join(rnd.choices("abcdeghilnoprstuwxy", k=rnd.randint(2, 14))) for _ in range(3000)]
    for word in words:
        want = 0
        for t, b in letters:
            want |= b if t in word else 0
        assert cue_table.letters_bits(word, finder) == want, word


def test_cues_read_the_same_whether_a_word_is_new_seen_once_or_remembered(monkeypatch):
    """A clause's mask is the same when its words are all new (found together), seen once before
    (found alone and remembered) or remembered, and with every word looked up alone."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "ingest_eval").glob("*.txt"))[:8]]
    clauses = [s.text.lower() for t in texts for s in sentences(t)]
    rnd = random.Random(9)
    clauses += [" ".join("".join(rnd.choices("abcdeilnoprstuwx", k=rnd.randint(1, 9))) for _ in range(12))
                for _ in range(300)]

    def alone(lower):  # every word's bits found on its own, nothing remembered
        letters, other, mask, rows = cue_table._masks("cue")
        mask |= reduce(or_, (cue_table.letters_bits(w, cue_table._finder("cue")) for w in re.findall("[a-z]+", lower)), 0)
        for j in cue_table._rows_of((mask >> rows) & ((1 << len(other)) - 1)):
            if other[j][0] in lower:
                mask |= other[j][1]
        return (mask & ((1 << rows) - 1)) | (mask >> (rows + len(other)) << rows)
    want = [alone(c) for c in clauses]
    monkeypatch.setattr(cue_table, "_WORD_ROWS", {})
    monkeypatch.setattr(cue_table, "_ONCE", {})
    for _ in range(3):  # new, then seen once, then remembered
        assert [cue_table._latin_mask("cue", c) for c in clauses] == want
    monkeypatch.setattr(cue_table, "_WORD_ROWS_MAX", 40)  # forgotten often
    assert [cue_table._latin_mask("cue", c) for c in clauses] == want


def test_the_gazetteer_learns_new_words_together_as_it_would_one_by_one(ds):
    """Whether a name can start at a word, found for a sentence's new words at once (folded and
    keyed as lines of one text), is what the word alone gives: possessives, the romanization's
    rewrites (shi, eo, eu, initial ry/ri, ch, j, doubled letters), hyphens, digits, other scripts."""
    from geo.ingest.gazetteer import _TOKEN_RE, Gazetteer, _Starts
    gaz = Gazetteer.from_dataset(ds)
    names = [m for n in ds.mines.name for m in _TOKEN_RE.findall(n)]
    rnd = random.Random(11)
    pieces = ["shi", "eo", "eu", "ry", "ri", "ch", "j", "ll", "gg", "'s", "'S", "-", "'", "r", "s", "i", "y", "2"]
    words = set(names) | {w + "'s" for w in names} | {w.upper() for w in names}
    words |= {"Tanch'ŏn", "Hoeryŏng's", "Ryŏngyang", "Kim’s", "Musan’s", "Ryongyang", "Rryongyang", "Hyesan's's"}
    undo = [("o", "eo"), ("u", "eu"), ("si", "shi"), ("k", "g"), ("t", "d"), ("p", "b"), ("r", "l"), ("c", "ch"),
            ("n", "nn"), ("a", "aa")]
    for name in names:  # spellings the romanization key makes one: Ryonghwa, Yeonghwa, Yongghwa
        for _ in range(20):
            old, new = rnd.choice(undo)
            words.add(("R" if name[:1] in "YI" and rnd.random() < 0.5 else "") + name.replace(old, new, 1))
    for _ in range(5000):
        w = rnd.choice(names) if rnd.random() < 0.3 else ""
        w += "".join(rnd.choice(pieces + list("abcdeghkmnopstuwy")) for _ in range(rnd.randint(1, 6)))
        words |= set(_TOKEN_RE.findall(w))
    one_by_one = _Starts(gaz)
    want = {w: one_by_one[w] for w in words}
    together = _Starts(gaz)
    together.learn(words)
    assert dict(together) == want and any(want.values()) and not all(want.values())
    assert any(want[w] and w[:1] == "R" and w[1:2] in "yi" and _Starts(gaz)[w[1:]] for w in words)  # "R" dropped


def test_the_gazetteer_finds_the_same_names_with_new_words_learnt_together_and_folded_when_reached(ds, monkeypatch):
    """Names found in sentences of the evaluation set, their upper case and possessives, and of
    new words, are the same as when every word is folded and keyed, one by one (the gazetteer as
    it was: the Hangul path folds every word)."""
    from geo.ingest import gazetteer as g
    from geo.tools.ingest_bench import _new_words
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "ingest_eval").glob("*.txt"))]
    sents = [s.text for t in texts for s in sentences(t)] + [s.text for s in sentences(_new_words(20_000))]
    sents += [s.upper() for s in sents[:200]] + [s.replace(" ", "'s ") for s in sents[:200]]
    gaz = g.Gazetteer.from_dataset(ds)
    fast = [gaz.match(s) for s in sents]
    slow = g.Gazetteer.from_dataset(ds)
    monkeypatch.setattr(g, "has_hangul", lambda text: True)  # every word folded, keyed and tested alone
    assert [slow.match(s) for s in sents] == fast
    assert sum(map(len, fast)) > 500


def test_cues_read_the_same_when_the_word_memo_fills(monkeypatch):
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "ingest_eval").glob("*.txt"))[:6]]
    clauses = [s.text for t in texts for s in sentences(t)]
    want = [cues._cue(c, [], True) for c in clauses]
    monkeypatch.setattr(cue_table, "_WORD_ROWS_MAX", 30)
    assert [cues._cue(c, [], True) for c in clauses] == want


def test_benchmark_command_prints_mb_per_second(capsys):
    assert main(["--sizes", "0.05", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert all(f"| {name} | 0.1 MB |" in out or f"| {name} | 0.0 MB |" in out for name in TEXTS)
    assert re.search(r"\| \d+\.\d \|", out) and "targets" in out
    ratios = [int(m) for m in re.findall(r"\| (\d+) \| \d+ \|$", out, re.MULTILINE)]
    assert len(ratios) == len(TEXTS) and all(r >= 1 for r in ratios)  # the extraction costs more than the bare split


def test_many_unknown_mines_and_drafts_stay_linear(ds):
    """Every unknown mine name is kept once, in order, and every draft gets a distinct id, without
    a scan of the names or ids found so far (about 10,000 names, one draft each, each on its own day)."""
    days = [f"{m} {d}, {y}" for y in range(1960, 2019) for m in ("Jan.", "March", "June", "Aug.", "Oct.", "Dec.")
            for d in range(1, 29)]
    names = [f"Kap{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676 % 26)}" for i in range(len(days))]
    text = "\n".join(f"Zinc from the {n} mine was smuggled on {day}." for n, day in zip(names, days, strict=True))
    t0 = time.perf_counter()
    result = extract(text, "2019-01-08", "X", "", ds)
    assert time.perf_counter() - t0 < 30
    assert result.candidates[:3] == [f"{n} mine" for n in names[:3]]
    assert len(result.candidates) == len(set(result.candidates)) == len(names)
    assert len(result.drafts) == len(names)
    assert len({d.event_id for d in result.drafts}) == len(names)


def test_the_gazetteer_remembers_whether_a_text_holds_a_mine_as_match_tells(ds):
    """``names_mine`` is ``bool(match(text, ("mine",)))``, also for a text asked again, and forgets
    when a name is added ("Iron ore" names a mineral, not a mine)."""
    from geo.ingest.gazetteer import Gazetteer
    gaz = Gazetteer.from_dataset(ds)
    texts = ["Musan", "the Musan mine", "Qwerty", "Kapxyz mine", "Hyesan's", "Tanch'ŏn", "단천", "Iron ore", ""]
    for _ in range(2):
        assert [gaz.names_mine(t) for t in texts] == [bool(gaz.match(t, ("mine",))) for t in texts]
    assert not gaz.names_mine("Iron ore") and not gaz.names_mine("Kapxyz")
    gaz.add("mine", "kapxyz", "Kapxyz mine", ["Kapxyz"])
    assert gaz.names_mine("Kapxyz") and gaz.names_mine("Kapxyz mine")
