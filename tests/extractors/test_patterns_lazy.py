"""Patterns compiled on first use: importing the extractors stays cheap, and a pattern is still compiled once.

Compiling the count-bearing casualty and troop patterns took over three
seconds of every process that imported them (see extractors/patterns.py).
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest
import regex

from extractors import patterns
from extractors.base import Context
from extractors.registry import Registry
from extractors.runner import run
from tests.conftest import ROOT

_IMPORT_AND_LIST_COMPILES = """
import json, regex
compiled = []
real = regex.compile
def counting(pattern, flags=0, **kw):
    compiled.append(pattern)
    return real(pattern, flags, **kw)
regex.compile = counting
import extractors.casualties, extractors.troops, extractors.dates
from extractors import numbers, patterns
print(json.dumps({
    "lazy": len(patterns._LAZY),
    "lazy_compiled": sum("_compiled" in vars(p) for p in patterns._LAZY),
    "with_a_count": sum(numbers.EXACT in p for p in compiled),
}))
"""


def test_importing_the_extractors_compiles_no_count_pattern():
    out = subprocess.run(
        [sys.executable, "-c", _IMPORT_AND_LIST_COMPILES], cwd=ROOT, capture_output=True, text=True, check=True
    )
    seen = json.loads(out.stdout)
    assert seen["lazy"] > 50
    assert seen["lazy_compiled"] == 0
    assert seen["with_a_count"] == 0


def _no_compiling(pattern: object, flags: int = 0, **kw: object) -> None:
    raise AssertionError(f"compiled again: {pattern!r:.80}")


def test_a_lazy_pattern_is_compiled_on_first_use_and_only_then(monkeypatch: pytest.MonkeyPatch):
    p = patterns.lazy(r"(?P<n>\d+) \s+ dead")
    assert "_compiled" not in vars(p)
    m = patterns.search(p, "at least 12  DEAD")
    assert m is not None and m.group("n") == "12"
    monkeypatch.setattr(regex, "compile", _no_compiling)
    assert patterns.match(p, "7 dead") is not None
    assert [m.span() for m in patterns.finditer(p, "1 dead, 2 dead")] == [(0, 6), (8, 14)]
    assert patterns.fullmatch(p, "3 dead") is not None


def test_a_lazy_pattern_keeps_the_timeout(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(patterns, "TIMEOUT", 0.05)
    with pytest.raises(TimeoutError):
        patterns.search(patterns.lazy(r"(?:a|aa)+c"), "a" * 60)


TEXT = (
    "KYIV, Dec 1 (Reuters) - At least 12 people were killed and 40 wounded on Tuesday, officials said. "
    "Russia has massed about 100,000 troops near the border, up from 2,500 in March."
)


def test_extracting_again_compiles_nothing(monkeypatch: pytest.MonkeyPatch):
    extractors = [e for e in Registry.load() if e.name in ("casualties", "troops", "dates")]
    context = Context(published=dt.date(2021, 12, 2))
    first = run(TEXT, context, extractors)
    monkeypatch.setattr(regex, "compile", _no_compiling)
    again = run(TEXT, context, extractors)
    assert again.extractions == first.extractions and not again.errors
    assert len(first.extractions) >= 4
