"""Pathological text never hangs or crashes extraction: it is extracted, or reported and skipped, quickly."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from extractors import patterns
from extractors.base import Context
from extractors.registry import Registry
from extractors.runner import run

BUILT_INS = ["casualties", "troops", "dates", "sanctions"]

PATHOLOGICAL = {
    "5 MB line of digits": "7" * 5_000_000,
    "digits with separators": ("1,000," * 300_000) + " killed",
    "nested qualifiers": "more than about at least nearly " * 20_000 + "100 troops",
    "keyword storm": "killed wounded troops sanctions Monday January 2014 " * 40_000,
    "combining marks": "1\u0301\u0302\u0303 0\u0308" * 50_000 + " soldiers killed",
    "right-to-left": "\u202e61 soldiers killed\u202c \u0627\u0644\u062c\u0646\u0648\u062f " * 20_000,
    "zero-width joiners": "6\u200d1 sol\u200ddiers kil\u200bled on Thurs\u200dday " * 20_000,
    "NUL bytes": "\x00".join(["At least 12 people were killed on Monday."] * 20_000),
    "surrogate-free astral": "\U0001F4A5 12 killed \U0001F4A5 " * 30_000,
    "no spaces": "killedtroops" * 200_000,
    "backtracking bait": "a" * 100_000 + "!" + " between 1 and " * 10_000,
}


@pytest.fixture(scope="module")
def registry():
    return Registry.load(enabled=BUILT_INS)


@pytest.mark.parametrize("text", PATHOLOGICAL.values(), ids=PATHOLOGICAL.keys())
def test_pathological_text_is_extracted_or_reported_never_hangs(registry, text, monkeypatch):
    monkeypatch.setattr(patterns, "TIMEOUT", 1.0)
    started = time.monotonic()
    result = run(text, Context(published=dt.date(2021, 12, 2)), registry)
    elapsed = time.monotonic() - started
    # Each pattern call is bounded by the timeout; the run as a whole stays within a generous multiple.
    assert elapsed < 60, f"extraction took {elapsed:.1f}s"
    for name, reason in result.errors.items():
        assert name in BUILT_INS and reason  # reported, by name, with a reason
    for _, fact in result.extractions:
        assert text[fact.start : fact.end] == fact.text


def test_a_timed_out_document_is_reported_by_the_extract_command(db, monkeypatch, capsys):
    """The whole chain: a document whose patterns time out is named on stderr and the run goes on."""
    from django.core.management import call_command

    from factcheck.models import Fact
    from tests.factories import DocumentFactory

    monkeypatch.setattr(patterns, "TIMEOUT", 1e-6)
    # Sanctions and full dates need patterns; a plain "12 people were killed" is read with str methods alone.
    DocumentFactory(text="The EU adopted a fifth package of sanctions against Belarus on 2 December 2021. " * 2000)
    call_command("extract", "--no-progress")
    err = capsys.readouterr().err
    assert "timed out" in err
    assert not Fact.objects.filter(kind="sanction").exists()
    monkeypatch.setattr(patterns, "TIMEOUT", 2.0)
    call_command("extract", "--no-progress")
    assert Fact.objects.filter(kind="sanction").exists()
