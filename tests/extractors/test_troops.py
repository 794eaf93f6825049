"""Troop extractor: golden cases from fixtures/golden/troops.jsonl, plus properties on any text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.base import Context
from extractors.troops import TroopsExtractor
from extractors.runner import run_one
from extractors.testing import assert_golden, load_golden

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
        assert v is not None
        assert v["qualifier"] in ("exact", "approx", "at_least", "at_most", "range")
        assert set(v) == {"min", "max", "qualifier", "actor"}
        assert v["min"] is not None or v["max"] is not None
        if v["min"] is not None and v["max"] is not None:
            assert 0 <= v["min"] <= v["max"]
        if v["qualifier"] == "at_least":
            assert v["max"] is None
        if v["qualifier"] == "at_most":
            assert v["min"] is None


@settings(max_examples=200)
@given(st.text())
def test_any_text_gives_honest_facts(text: str) -> None:
    _check(text)


@settings(max_examples=300)
@given(news_like)
def test_news_like_text_gives_honest_facts(text: str) -> None:
    _check(text)
