"""TextLayout's str-method scans must agree exactly with the patterns that define them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import patterns
from extractors.text import _ABBREVIATIONS, _FURNITURE, _SENTENCE_END, TextLayout

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def reference_ends(text: str) -> list[int]:
    """The definition: every ``_SENTENCE_END`` match, less those after an abbreviation or initial."""
    ends = []
    for m in patterns.finditer(_SENTENCE_END, text):
        if m.group() != "\n":
            word_start = text.rfind(" ", 0, m.start()) + 1
            word = text[word_start : m.start()].lower().strip("\"'“(")
            if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        ends.append(m.end())
    return ends


def fixture_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "seeds").glob("*.txt"))]
    for path in sorted(FIXTURES.glob("gold*/*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line]
    return texts


# Characters the rules care about, mixed with letters and space, so examples hit the edge cases often.
_ALPHABET = st.sampled_from(list(".!?\n \x1c\u00a0\"')(“aA1İ#»") + ["Mr", "u.s", "e", "See also", "Home"])
_TEXTS = st.lists(_ALPHABET, max_size=60).map("".join) | st.text(max_size=80)


EDGE_CASES = [
    *(f"He said no.{c} Then" for c in "'\"”’»)"),
    *(f"Stop{p}{c}{c} next" for p in ".!?" for c in "'\")"),
    "Mr. Smith met Gen. Lee in the U.S. Army. A. Lincoln. 3.5 killed. end... Next",
    "end.\x1cAnd end. \x1cB end.\u00a0C end.\n\nD end.\t(e) end. «f» end. 9 end. ş",
    '"(u.s. Then "u.s." Then ((No. 5',
]


@pytest.mark.parametrize("text", EDGE_CASES)
def test_sentence_ends_match_the_pattern_on_edge_cases(text: str) -> None:
    assert TextLayout(text)._ends == reference_ends(text)


@pytest.mark.parametrize("text", fixture_texts()[:400])
def test_sentence_ends_match_the_pattern_on_fixtures(text: str) -> None:
    assert TextLayout(text)._ends == reference_ends(text)


@given(_TEXTS)
@settings(max_examples=800)
def test_sentence_ends_match_the_pattern(text: str) -> None:
    assert TextLayout(text)._ends == reference_ends(text)


def test_a_word_without_spaces_longer_than_the_window_is_read_whole() -> None:
    text = "x " + "(" * 100 + "u.s. Then"
    assert TextLayout(text)._ends == reference_ends(text) == []


@given(_TEXTS)
@settings(max_examples=800)
def test_is_furniture_agrees_with_the_whole_document_scan(text: str) -> None:
    spans = [(m.start(), m.end()) for m in patterns.finditer(_FURNITURE, text)]
    layout = TextLayout(text)
    for pos in range(len(text) + 1):
        assert layout.is_furniture(pos) == any(s <= pos < e for s, e in spans), pos


@pytest.mark.parametrize(
    "text",
    ["See also: 12 killed\nBody text 3 killed.\n#news #war", "Home » World » 5 dead\nText", "İstanbul, 3 killed"],
)
def test_is_furniture_line_by_line(text: str) -> None:
    spans = TextLayout(text).furniture
    layout = TextLayout(text)
    for pos in reversed(range(len(text) + 1)):  # out of order: the per-line memo must not leak
        assert layout.is_furniture(pos) == any(s <= pos < e for s, e in spans)


@given(st.text(max_size=60))
def test_lower_keeps_every_offset(text: str) -> None:
    low = TextLayout(text).lower
    assert len(low) == len(text)
    for a, b in zip(text, low):
        assert b == a.lower() or len(a.lower()) != 1
