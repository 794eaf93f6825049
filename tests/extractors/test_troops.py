"""Troop extractor: golden cases from fixtures/golden/troops.jsonl, plus properties on any text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.base import Context
from extractors.runner import run_one
from extractors.testing import assert_golden, assert_valid_count, load_golden
from extractors.troops import TroopsExtractor

GOLDEN = load_golden(Path(__file__).parents[2] / "fixtures" / "golden" / "troops.jsonl")
EXTRACTOR = TroopsExtractor()


@pytest.mark.parametrize("case", GOLDEN, ids=[c["id"] for c in GOLDEN])
def test_golden(case: dict[str, Any]) -> None:
    assert_golden(EXTRACTOR, case)


def test_soldiers_killed_are_a_casualty_not_troops() -> None:
    assert run_one(EXTRACTOR, "20 Indian soldiers were killed and 35,000 troops moved north.", Context())[0].text == (
        "35,000 troops"
    )


def test_golden_file_has_positives_and_hard_negatives() -> None:
    assert sum(1 for c in GOLDEN if c["facts"]) >= 25
    assert sum(1 for c in GOLDEN if not c["facts"]) >= 10


FRAGMENTS = [
    "troops", "soldiers", "servicemen", "forces", "personnel", "reservists", "-strong force", "Russia has massed",
    "U.S.", "NATO", "Russian", "police", "protesters", "were killed", "killing", "number of", "at", "at least", "more than", "about", "up to", "between", "and", "dozens of",
    "tens of thousands of", "13,000", "61", "1.5 million", "twenty-one", "a dozen", "a soldier", "people", "civilians",
    "since the start of the year", "so far", "could exceed", "in 2014", "$5", "40%", "25-year-old", ",", ".", "\n",
    "Home » World »", "Read also:", "could deploy", "captured", "Washington plans to send",
]  # fmt: skip
news_like = st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(" ".join)


def _check(text: str) -> None:
    for fact in run_one(EXTRACTOR, text, Context()):  # run_one checks spans against the text
        assert text[fact.start : fact.end] == fact.text
        v = fact.value
        assert_valid_count(v)
        assert set(v) == {"min", "max", "qualifier", "actor"}


@settings(max_examples=200)
@given(st.text())
def test_any_text_gives_honest_facts(text: str) -> None:
    _check(text)


@settings(max_examples=300)
@given(news_like)
def test_news_like_text_gives_honest_facts(text: str) -> None:
    _check(text)


SHORTCUT_FRAGMENTS = [*FRAGMENTS, "Troops", "TROOPS", "troops_", "troops1", "service members", "servicemen", "strong",
                      "-strong army", "were", "reportedly", "taken", "prisoner", "swapped", "freed", "deaths of", "may",
                      "might", "soon", "ſoldiers", "\u00a0", "\t", "of", "U.S.", "A.M.", "P.M.", "I.D.", "U.S",
                      "Jr.", "active-duty", "pro-Russian", "o'clock", "Russia's", "Kremlin’s", "'s", "additional",
                      "were", "the", "years", "year-old", "police", "12,", "12", "thus", "its", "their", "our",
                      "of its", "ITS"]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(SHORTCUT_FRAGMENTS), max_size=14).map(" ".join), st.data())
def test_shortcuts_answer_as_their_patterns_would(text: str, data: st.DataObject) -> None:
    """The trigger lookup gives the trigger pattern's match; a window without the words a pattern needs fails it."""
    from extractors import patterns
    from extractors import troops as t
    from extractors.casualties_scan import mentions, trigger_at

    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    if lo < len(text) and (lo == 0 or not text[lo - 1].isalpha()):
        hit = trigger_at(text, lo, t._TRIGGER_WORDS, t._TRIGGER_PHRASES, t._TRIGGER, 80)
        full = patterns.match(t._TRIGGER, text, lo, min(len(text), lo + 80))
        assert (hit.start(), hit.end(), hit.group("w")) == full.span() + (full.group("w"),) if hit else full is None
    if not mentions(text, lo, hi, t._CASUALTY_AFTER_WORDS):
        assert patterns.match(t._CASUALTY_AFTER, text, lo, hi) is None
    mods = t._gap_mods(text, lo, hi)
    gap = patterns.match(t._GAP, text, lo, hi)
    assert mods == (gap.group("mods") if gap else None)
    if not t._may_own(text, lo, hi):
        assert patterns.match(t._OWNER, text, lo, hi) is None
    for end in range(lo, len(text) + 1):  # the other two are anchored at their window's end
        for words, pattern in [(t._CASUALTY_BEFORE_WORDS, t._CASUALTY_BEFORE), (("could", "may", "might"), t._SPECULATION)]:
            if not mentions(text, lo, end, words):
                assert patterns.match(pattern, text, lo, end) is None
