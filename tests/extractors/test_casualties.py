"""Casualty extractor: golden cases from fixtures/golden/casualties.jsonl, plus properties on any text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import patterns
from extractors.base import Context
from extractors.casualties import CasualtiesExtractor
from extractors.casualties_people import _WHO_AFTER
from extractors.numbers import COUNT
from extractors.runner import run_one
from extractors.testing import assert_golden, assert_valid_count, load_golden

GOLDEN = load_golden(Path(__file__).parents[2] / "fixtures" / "golden" / "casualties.jsonl")
EXTRACTOR = CasualtiesExtractor()


@pytest.mark.parametrize("case", GOLDEN, ids=[c["id"] for c in GOLDEN])
def test_golden(case: dict[str, Any]) -> None:
    assert_golden(EXTRACTOR, case)


def test_golden_file_has_positives_and_hard_negatives() -> None:
    assert sum(1 for c in GOLDEN if c["facts"]) >= 40
    assert sum(1 for c in GOLDEN if not c["facts"]) >= 10


FRAGMENTS = [
    "killed", "were killed", "dead", "died", "wounded", "injured", "missing", "the death toll rose to", "killing",
    "including", "among the dead were", "at least", "more than", "about", "up to", "between", "and", "dozens of",
    "tens of thousands of", "13,000", "61", "1.5 million", "twenty-one", "a dozen", "a soldier", "people", "civilians",
    "since the start of the year", "so far", "could exceed", "in 2014", "$5", "40%", "25-year-old", ",", ".", "\n",
    "Home » World »", "bodies of", "lives", "shot dead", "the number of", "troops", "soldiers",
]  # fmt: skip
news_like = st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(" ".join)


def _check(text: str) -> None:
    for fact in run_one(EXTRACTOR, text, Context()):  # run_one checks spans against the text
        assert text[fact.start : fact.end] == fact.text
        v = fact.value
        assert_valid_count(v)
        assert v["category"] in ("killed", "injured", "missing")
        assert isinstance(v["cumulative"], bool)


@settings(max_examples=200)
@given(st.text())
def test_any_text_gives_honest_facts(text: str) -> None:
    _check(text)


@settings(max_examples=300)
@given(news_like)
def test_news_like_text_gives_honest_facts(text: str) -> None:
    _check(text)


# --- the shortcuts: each answers a question without its pattern, and must answer as the pattern would -----------

SHORTCUT_FRAGMENTS = [
    *FRAGMENTS, "at least", "more than", "up to", "some", "well over", "between", "and", "to", "or", "-", "–",
    "13 000", "000", "1.5", "seven", "seventeen", "twenty", "one", "a", "an", "half", "Dozens", "thousands", "tens",
    "of", "the", "people", "were", "have", "been", "treated", "for", "so", "far", "aboard", "in", "Kyiv", "reportedly",
    "heavy", "light", "heavily", "Article", "flight", "No.", "page:", "#", "years", "km", "%", "-year-old", "pm", "could", "may", "expected",
    "See", "Read", "Share", "Home", "Monday,", "»", "in all", "overall", "in 2014", "this year", "alone", "bringing",
    "Killed", "KILLED", "deaths", "along with", "among them", "Among the dead", "killed_", "killed1", "including",
    "\u00a0", "\t", "\x1c", "  ", "(", ")", ",", ".", ":", "ſome", "İn", "\nSee also", "\nRead more", "\nLeave a Reply",
    "\nRelated posts", "\nSubscribe", "\nHome »", "\n#news #war", "\nFriday, January 21", "\nBe the first to comment",
    "U.S.", "officers", "them", "those", "thus", "a.m.", "o'clock", "hundred", "million", "12", "5.6", "8:30", "1,191",
    "1,191,000", "twenty-one", "nearly", "no", "fewer", "than", "close", "AND", "andes", "soldiers'", "12k", "pro-Russian",
    "12,", "12.", "ﬁfty", "lost", "their", "Jr.", "which", "number", "total", "toll", "rose", "stood", "at", "reached",
    "passed", "were", "included", "includes", "them", "themselves", "the 12", "thirteen", "fifty", "scores",
    "its", "their", "whom", "of its", "of whom", "Its", "itself", "above", "beyond", "exceeding", "to be", "believed",
    "wounded", "number of", "Gaza", "West Bank", "region", "near", "on", "Odesa,", "more", "count", "counts",
    "numbered", "stand at", "still",
]  # fmt: skip
_TOKEN = patterns.compile(r"(?<!\S)\S+")
_COUNT = patterns.compile(COUNT)
_WHO = patterns.compile(rf"(?:{_WHO_AFTER})?")
shortcut_text = st.lists(st.sampled_from(SHORTCUT_FRAGMENTS), max_size=14).map(" ".join)


@settings(max_examples=400)
@given(shortcut_text, st.data())
def test_shortcuts_answer_as_their_patterns_would(text: str, data: st.DataObject) -> None:
    """A shortcut either declines (None, or "maybe") or gives exactly what the pattern it spares gives."""
    from extractors import casualties as c
    from extractors import casualties_after as af
    from extractors import casualties_backward as bw
    from extractors import casualties_cumulative as cu
    from extractors import casualties_gap as g
    from extractors import casualties_people as pe
    from extractors import casualties_scan as s
    from extractors.text import TextLayout

    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    for word in patterns.finditer(_TOKEN, text, lo):  # as count_before walks: words after a space, less trailing marks
        start, end = word.start(), word.start() + len(word.group().rstrip(s._TRAILING))
        simple = s._simple_count(text, lo, start, end) if lo < start < end else None
        if simple is not None:
            count = patterns.match(s._COUNT_BEFORE, text, lo, end)
            assert simple == (count.span() if count else None), (text, lo, start, end)
    gap = g.simple_gap(text, lo, hi, pe._GAP_WORDS)
    if gap is not None:
        full = patterns.match(bw._GAP, text, lo, hi)
        assert full is not None
        assert gap == (full.group("who"), full.group("aux"), full.end("who") if full.group("who") else lo)
    if not s.count_may_follow(text, lo):
        assert patterns.match(af._FWD, text, lo, hi) is None and patterns.match(af._FWD_ONE, text, lo, hi) is None
    if lo < len(text) and (lo == 0 or not text[lo - 1].isalpha()):
        hit = s.trigger_at(text, lo, c._TRIGGER_WORDS, c._TRIGGER_PHRASES, c._TRIGGER, 40)
        full = patterns.match(c._TRIGGER, text, lo, min(len(text), lo + 40))
        assert (hit.start(), hit.end(), hit.group("w")) == full.span() + (full.group("w"),) if hit else full is None
    if not s._unit_may_follow(text, lo):
        assert patterns.match(s._AFTER_COUNT, text, lo, min(len(text), lo + 20)) is None
    if not s._label_may_end(text, lo, hi):
        assert patterns.match(s._LABEL_BEFORE, text, lo, hi) is None
    if not cu._may_be_cumulative(text, lo, hi):
        assert patterns.search(cu._CUMULATIVE, text, lo, hi) is None
    line_start = text.rfind("\n", 0, lo) + 1
    line_end = len(text) if text.find("\n", lo) < 0 else text.find("\n", lo)
    if not s._may_be_furniture(text, line_start, line_end):
        assert not TextLayout(text).is_furniture(lo)
    _check_forward_shortcuts(text, lo, hi)
    q_start = s.qualifier_before(text, lo, hi)
    if q_start is not None:
        q = patterns.match(s._QUALIFIER_BEFORE, text, lo, hi)
        assert q_start == (q.start() if q else -1)
    if not g.gap_may_match(text, lo, hi):
        assert patterns.match(bw._GAP, text, lo, hi) is None
    number_of = g.number_of_before(text, lo, hi, pe._GAP_WORDS)
    if number_of is not None:
        n = patterns.match(af._NUMBER_OF, text, lo, hi)
        assert number_of == ((n.start(), n.group("who")) if n else -1)


def _check_forward_shortcuts(text: str, lo: int, hi: int) -> None:
    from extractors import casualties as c
    from extractors import casualties_after as af
    from extractors import casualties_backward as bw
    from extractors import casualties_forward as f
    from extractors import casualties_linked as li
    from extractors import casualties_parts as pa
    from extractors import casualties_people as pe

    end = f.count_end(text, lo, hi)
    if end is not None and lo > 0 and text[lo - 1].isspace():  # counts are read after white space
        count = patterns.match(_COUNT, text, lo, hi)
        assert end == (count.end() if count else -1)
    who = f.who_end(text, lo, hi, pe._BLOCKED)
    if who is not None:
        assert who == patterns.match(_WHO, text, lo, hi).end()  # type: ignore[union-attr]
    full = patterns.match(af._FWD, text, lo, hi)
    assert af._fwd(text, lo, hi) == (full.span("count") + (full.group("who"), full.end()) if full else None)
    assert c._either_or(text, lo, hi) == (patterns.match(c._EITHER_OR, text, lo, hi) is not None)
    shot = patterns.match(c._SHOT_BEFORE, text, max(0, hi - 8), hi)
    assert c._shot_before(text, hi) == (shot.start() if shot else -1)
    assert bw._passive_ok(text, "killed", "", lo) == (
        patterns.match(bw._ACTIVE_OBJECT, text, lo, min(len(text), lo + 40)) is None
    )
    if not af._one_may_follow(text, lo, hi):
        assert patterns.match(af._FWD_ONE, text, lo, hi) is None
    if not af._elided_may_match(text, lo, hi):
        assert patterns.match(af._AND_ELIDED, text, lo, hi) is None
    if not af._tally_may_match(text, lo):
        assert patterns.match(af._TALLY, text, lo, hi) is None
    if text[lo:hi].isascii():
        for shortcut, pattern in ((f.and_count, af._AND), (f.of_count, af._OF)):
            got = shortcut(text, lo, hi, pe._BLOCKED)
            if got is not None:
                full = patterns.match(pattern, text, lo, hi)
                assert got == (full.span("count") + (full.group("who"), full.end()) if full else -1)
        for shortcut, pattern in ((f.linked_count, pa._LINKED_AFTER), (f.among_count, pa._AMONG_AFTER)):
            got = shortcut(text, lo, hi, pe._BLOCKED)
            if got is not None:
                full = patterns.match(pattern, text, lo, hi)
                assert full is None or not full.group("one")
                assert got == (full.span("count") + (full.group("who"), full.end()) if full else -1)
        if not li._may_hold_number(text, lo, hi):
            assert patterns.search(li._ANY_NUMBER, text, lo, hi) is None
        toll = f.toll_count(text, lo, hi)
        if toll is not None:
            full = patterns.match(af._TOLL, text, lo, hi)
            assert toll == ((full.group("verb"),) + full.span("count") if full else -1)


@pytest.mark.parametrize(
    "text",
    ["at least 61", "AT LEAST 61", "more than 13,000", "some 200", "well over 100", "between 2 and 3", "from 5 to 61",
     "five to 61", "2 or 3", "10 - 61", "10 – 61", "13 000", "tens of thousands", "hundreds of thousands",
     "twenty one", "a hundred", "one hundred and five", "nearly about 12", "up to five", "an estimated 8,000",
     "(about 12", "least, 61", "killed 61", "61", "dozens", "several dozen"],
)  # fmt: skip
def test_a_lone_figure_is_read_as_the_count_pattern_reads_it(text: str) -> None:
    from extractors import casualties_scan as s

    padded = f"Officials said {text}"
    start = padded.rfind(" ") + 1
    simple = s._simple_count(padded, 0, start, len(padded))
    count = patterns.match(s._COUNT_BEFORE, padded, 0, len(padded))
    assert simple is None or simple == (count.span() if count else None)


@pytest.mark.parametrize(
    "text",
    [" in Gaza and at least 1,100 in Israel", " in the West Bank, 5 in Gaza and 3 in Jenin", " number 40",
     " now total 58 villagers", " stood at 12", " IN Kyiv and 3 ON Lhotse", " counts 1 214 persons",
     ", who number 1,214", "  ,  numbering about 300"],
)  # fmt: skip
def test_a_prefilter_passes_what_its_pattern_matches(text: str) -> None:
    from extractors import casualties_after as af

    elided = patterns.match(af._AND_ELIDED, text, 0, len(text)) is not None
    tally = patterns.match(af._TALLY, text, 0, len(text)) is not None
    assert elided or tally  # each example exercises one prefilter
    assert af._elided_may_match(text, 0, len(text)) or not elided
    assert af._tally_may_match(text, 0) or not tally
