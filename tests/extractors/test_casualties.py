"""Casualty extractor: golden cases from fixtures/golden/casualties.jsonl, plus properties on any text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.base import Context
from extractors.casualties import CasualtiesExtractor
from extractors.runner import run_one
from extractors.testing import assert_golden, load_golden

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
        assert v is not None
        assert v["category"] in ("killed", "injured", "missing")
        assert v["qualifier"] in ("exact", "approx", "at_least", "at_most", "range")
        assert isinstance(v["cumulative"], bool)
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
