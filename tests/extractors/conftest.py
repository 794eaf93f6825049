"""Extractor tests judge rules, not the machine's load.

The regex timeout is wall-clock time, so on a busy shared machine a short
text can be descheduled past it and an extractor test would fail for no fault
of the rules. Here the timeout is generous; tests of the timeout itself set
their own (tests/extractors/test_runner.py, tests/reliability/).
"""

from __future__ import annotations

import pytest

from extractors import patterns


@pytest.fixture(autouse=True)
def generous_regex_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(patterns, "TIMEOUT", 30.0)
