"""Shared ``regex`` helpers: every match an extractor runs is bounded in time.

A pathological document (catastrophic backtracking bait, a megabyte of
digits) must never hang a run, so extractors call :func:`finditer` and
:func:`search` here instead of the pattern methods, and the timeout raises
``TimeoutError`` which the runner reports against the document.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import regex

#: Seconds one pattern call may spend on one document: ``FACTCHECK_REGEX_TIMEOUT`` in the environment.
TIMEOUT: float = float(os.environ.get("FACTCHECK_REGEX_TIMEOUT", "2.0"))

FLAGS = regex.VERSION1 | regex.IGNORECASE | regex.VERBOSE


def compile(pattern: str, flags: int = FLAGS) -> regex.Pattern[str]:
    """Compile once at import time; never compile per match."""
    return regex.compile(pattern, flags)


def finditer(
    pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> Iterator[regex.Match[str]]:
    if endpos is None:
        endpos = len(text)
    return pattern.finditer(text, pos, endpos, timeout=TIMEOUT)


def search(
    pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> regex.Match[str] | None:
    if endpos is None:
        endpos = len(text)
    return pattern.search(text, pos, endpos, timeout=TIMEOUT)


def match(
    pattern: regex.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> regex.Match[str] | None:
    if endpos is None:
        endpos = len(text)
    return pattern.match(text, pos, endpos, timeout=TIMEOUT)


def fullmatch(pattern: regex.Pattern[str], text: str) -> regex.Match[str] | None:
    return pattern.fullmatch(text, timeout=TIMEOUT)
