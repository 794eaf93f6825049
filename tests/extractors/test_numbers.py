"""Counts as written → integers and {min, max, qualifier}, per FACTS.md's table."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractors import numbers, patterns

NUMBERS = [
    ("13,000", 13000),
    ("13 000", 13000),
    ("13.000", 13000),
    ("1,200,000", 1200000),
    ("61", 61),
    ("1.5 million", 1500000),
    ("1,5 million", 1500000),
    ("175k", 175000),
    ("2 billion", 2000000000),
    ("1.2bn", 1200000000),
    ("seventeen", 17),
    ("twenty-one", 21),
    ("twenty one", 21),
    ("a dozen", 12),
    ("two dozen", 24),
    ("half a dozen", 6),
    ("a hundred", 100),
    ("three hundred", 300),
    ("three hundred and fifty", 350),
    ("two thousand five hundred", 2500),
    ("ten thousand", 10000),
    ("two million", 2000000),
    ("2.5", None),
    ("12.5.2021", None),
    ("dozens", None),
    ("a", None),
    ("soldiers", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS, ids=[t or "empty" for t, _ in NUMBERS])
def test_parse_number(text: str, expected: int | None) -> None:
    assert numbers.parse_number(text) == expected


ORDINALS = [("fifth", 5), ("5th", 5), ("1st", 1), ("22nd", 22), ("twenty-first", 21), ("second", 2), ("five", None)]


@pytest.mark.parametrize(("text", "expected"), ORDINALS, ids=[t for t, _ in ORDINALS])
def test_parse_ordinal(text: str, expected: int | None) -> None:
    assert numbers.parse_ordinal(text) == expected


def _v(lo: int | None, hi: int | None, q: str) -> dict[str, Any]:
    return {"min": lo, "max": hi, "qualifier": q}


COUNTS = [
    ("61", _v(61, 61, "exact")),
    ("about 8,000", _v(8000, 8000, "approx")),
    ("around 8,000", _v(8000, 8000, "approx")),
    ("some 8,000", _v(8000, 8000, "approx")),
    ("roughly 8,000", _v(8000, 8000, "approx")),
    ("an estimated 8,000", _v(8000, 8000, "approx")),
    ("more than 100,000", _v(100000, None, "at_least")),
    ("over 100,000", _v(100000, None, "at_least")),
    ("at least 100,000", _v(100000, None, "at_least")),
    ("upwards of 100,000", _v(100000, None, "at_least")),
    ("well over 100,000", _v(100000, None, "at_least")),
    ("in excess of 100,000", _v(100000, None, "at_least")),
    ("above 100,000", _v(100000, None, "at_least")),
    ("more than a dozen", _v(12, None, "at_least")),
    ("fewer than 500", _v(None, 500, "at_most")),
    ("up to 500", _v(None, 500, "at_most")),
    ("as many as 500", _v(None, 500, "at_most")),
    ("nearly 500", _v(None, 500, "at_most")),
    ("almost 500", _v(None, 500, "at_most")),
    ("close to 500", _v(None, 500, "at_most")),
    ("under 500", _v(None, 500, "at_most")),
    ("nearly two dozen", _v(None, 24, "at_most")),
    ("between 90,000 and 120,000", _v(90000, 120000, "range")),
    ("90,000-120,000", _v(90000, 120000, "range")),
    ("90,000 to 120,000", _v(90000, 120000, "range")),
    ("two or three", _v(2, 3, "range")),
    ("between 2 and 3 million", _v(2000000, 3000000, "range")),
    ("dozens", _v(24, 99, "approx")),
    ("hundreds", _v(200, 999, "approx")),
    ("thousands", _v(2000, 9999, "approx")),
    ("tens of thousands", _v(20000, 99999, "approx")),
    ("hundreds of thousands", _v(200000, 999999, "approx")),
    ("several hundred", _v(200, 999, "approx")),
    ("at least hundreds", _v(200, None, "at_least")),
    ("a dozen", _v(12, 12, "exact")),
    ("1.5 million", _v(1500000, 1500000, "exact")),
    ("20-10", None),
    ("soldiers", None),
]


@pytest.mark.parametrize(("text", "expected"), COUNTS, ids=[t for t, _ in COUNTS])
def test_parse_count(text: str, expected: dict[str, Any] | None) -> None:
    assert numbers.parse_count(text) == expected


_COUNT = patterns.compile(numbers.COUNT)

FOUND = [
    ("left 13,000 dead", ["13,000"]),
    ("more than 100,000 troops", ["more than 100,000"]),
    ("tens of thousands of Russian soldiers", ["tens of thousands"]),
    ("COVID-19 deaths", []),
    ("at 8:30 p.m.", []),
    ("paid $13,000", []),
    ("11,5 percent", []),
    ("between five and ten people", ["between five and ten"]),
]


@pytest.mark.parametrize(("text", "expected"), FOUND, ids=[t for t, _ in FOUND])
def test_count_fragment_finds(text: str, expected: list[str]) -> None:
    assert [m.group() for m in patterns.finditer(_COUNT, text)] == expected


@given(st.text())
def test_parsers_never_raise(s: str) -> None:
    numbers.parse_number(s)
    numbers.parse_ordinal(s)
    numbers.parse_count(s)


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_separators_round_trip(n: int) -> None:
    assert numbers.parse_number(f"{n:,}") == n
    assert numbers.parse_number(str(n)) == n


@given(st.text(alphabet="0123456789,. -abcdefghijklmnopqrstuvwxyz", max_size=40))
def test_every_found_count_parses_to_ordered_bounds(s: str) -> None:
    for m in patterns.finditer(_COUNT, s):
        value = numbers.parse_count(m.group())
        if value is not None and value["min"] is not None and value["max"] is not None:
            assert value["min"] <= value["max"]


HEADS = ["", "about", "at least", "up to", "nearly", "some", "more than", "well over", "fewer than", "twenty", "tens of",
         "an estimated", "nearly about", "a minimum of", "between", "several", "at  least", "About"]  # fmt: skip
FIGURES = ["zero", "one", "Two", "seventeen", "twenty", "ninety", "dozens", "Dozens", "THOUSANDS", "scores", "hundreds",
           "millions", "12", "13,000", "1,000,000", "0", "007", "2014", "12,0000", "1.5", "hundred", "ſeven"]  # fmt: skip


@given(st.sampled_from(HEADS), st.sampled_from(FIGURES))
def test_plain_counts_parse_as_the_full_pattern_does(head: str, figure: str) -> None:
    text = f"{head} {figure}".strip()
    m = patterns.fullmatch(numbers._COUNT_FULL, text)
    full = numbers.count_value(m.group("lo"), m.group("hi"), m.group("q")) if m else None
    assert numbers.parse_count(text) == full
