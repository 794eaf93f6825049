"""The runner: one extractor's failure on a document costs only that extractor's facts there."""

from __future__ import annotations

import regex

from extractors import patterns
from extractors.base import Context, Extraction, Extractor
from extractors.runner import run


class Fixed(Extractor):
    name = "fixed"
    version = "1"
    kinds = ("thing",)

    def __init__(self, *extractions: Extraction) -> None:
        self.extractions = extractions

    def extract(self, text, context):
        yield from self.extractions


class Backtracking(Extractor):
    """Runs a catastrophically backtracking pattern through the shared timeout."""

    name = "backtracking"
    version = "1"
    kinds = ("thing",)
    bait = regex.compile(r"(a|aa)+$")

    def extract(self, text, context):
        for m in patterns.finditer(self.bait, text):
            yield Extraction("thing", m.start(), m.end(), m.group(), {}, "bait")


class Crashing(Fixed):
    name = "crashing"

    def extract(self, text, context):
        yield Extraction("thing", 0, 1, text[0], {}, "first")
        raise RuntimeError("plugin bug")


def test_good_extractions_are_kept_in_text_order():
    text = "alpha beta"
    good = Fixed(Extraction("thing", 6, 10, "beta", {}), Extraction("thing", 0, 5, "alpha", {}))
    result = run(text, Context(), [good])
    assert [e.text for _, e in result.extractions] == ["alpha", "beta"]
    assert result.errors == {}


def test_a_span_that_does_not_match_the_text_drops_all_of_that_extractors_facts():
    text = "alpha beta"
    liar = Fixed(Extraction("thing", 0, 5, "alpha", {}), Extraction("thing", 6, 10, "BETA", {}))
    result = run(text, Context(), [liar])
    assert result.extractions == []
    assert "does not match" in result.errors["fixed"]


def test_a_span_outside_the_text_is_reported():
    result = run("short", Context(), [Fixed(Extraction("thing", 3, 99, "rt", {}))])
    assert "outside" in result.errors["fixed"]


def test_an_undeclared_kind_is_reported():
    result = run("alpha", Context(), [Fixed(Extraction("other", 0, 5, "alpha", {}))])
    assert "does not declare" in result.errors["fixed"]


def test_timeout_is_reported_and_the_other_extractors_still_run(monkeypatch):
    monkeypatch.setattr(patterns, "TIMEOUT", 0.05)
    text = "a" * 5000 + "b"
    good = Fixed(Extraction("thing", 0, 1, "a", {}))
    result = run(text, Context(), [Backtracking(), good])
    assert "timed out" in result.errors["backtracking"]
    assert [(x.name, e.text) for x, e in result.extractions] == [("fixed", "a")]


def test_a_crashing_plugin_loses_its_partial_output_and_is_named():
    result = run("alpha", Context(), [Crashing()])
    assert result.extractions == []
    assert result.errors == {"crashing": "RuntimeError: plugin bug"}
