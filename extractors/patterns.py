"""Shared ``regex`` helpers: every match an extractor runs is bounded in time.

A pathological document (catastrophic backtracking bait, a megabyte of
digits) must never hang a run, so extractors call :func:`finditer` and
:func:`search` here instead of the pattern methods, and the timeout raises
``TimeoutError`` which the runner reports against the document.

Compiling is the expensive part of importing the extractors: ``regex`` parses
patterns in Python, about 3 µs a character, and under VERSION1 with IGNORECASE
it folds case fully (``ß`` matches ``ss``, ``ﬁ`` matches ``fi``), which doubles
that. The casualty and troop patterns embed the 9 KB count pattern of
:mod:`extractors.numbers` 27 times between them, so compiling them at import
took over three seconds of every process that merely imported them. A simple
fold would halve it but would stop "ﬁve" matching "five", so :func:`lazy`
defers such a pattern to its first use instead; it is still compiled once per
process, never per match.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any, TypeAlias

import regex

#: Seconds one pattern call may spend on one document: ``FACTCHECK_REGEX_TIMEOUT`` in the environment.
TIMEOUT: float = float(os.environ.get("FACTCHECK_REGEX_TIMEOUT", "2.0"))

FLAGS = regex.VERSION1 | regex.IGNORECASE | regex.VERBOSE


def compile(pattern: str, flags: int = FLAGS) -> regex.Pattern[str]:
    """Compile once at import time; never compile per match."""
    return regex.compile(pattern, flags)


_METHODS = ("finditer", "search", "match", "fullmatch")


class Lazy:
    """A pattern compiled on its first match, then kept: the functions below take it like a compiled one.

    The first access to a match method compiles the pattern and stores the
    compiled pattern's bound methods on the instance, so later calls find them
    by plain attribute lookup (about 40 ns a call more than a compiled pattern). Two
    threads racing on the first use may both compile; either result is the
    same pattern, so the race is harmless.
    """

    finditer: Callable[..., Iterator[regex.Match[str]]]
    search: Callable[..., regex.Match[str] | None]
    match: Callable[..., regex.Match[str] | None]
    fullmatch: Callable[..., regex.Match[str] | None]

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags

    @property
    def compiled(self) -> regex.Pattern[str]:
        """The compiled pattern (compiling it now if no match has yet)."""
        compiled: regex.Pattern[str] | None = self.__dict__.get("_compiled")
        return compiled if compiled is not None else self._compile()

    def _compile(self) -> regex.Pattern[str]:
        compiled = regex.compile(self.pattern, self._flags)
        for name in _METHODS:
            self.__dict__[name] = getattr(compiled, name)
        self.__dict__["_compiled"] = compiled
        return compiled

    def __getattr__(self, name: str) -> Any:
        # only reached while ``name`` is not yet on the instance, i.e. before the first compile
        if name not in _METHODS:
            raise AttributeError(name)
        return getattr(self._compile(), name)

    def __repr__(self) -> str:
        return f"patterns.lazy({self.pattern[:60]!r}{'...' if len(self.pattern) > 60 else ''})"


#: Every pattern :func:`lazy` made, for :func:`compile_all`.
_LAZY: list[Lazy] = []


def lazy(pattern: str, flags: int = FLAGS) -> Lazy:
    """Like :func:`compile`, but the work is done on the pattern's first match, once."""
    made = Lazy(pattern, flags)
    _LAZY.append(made)
    return made


def compile_all() -> int:
    """Compile every lazy pattern now, e.g. in a pre-forking parent so its workers share them; how many."""
    for p in list(_LAZY):
        _ = p.compiled
    return len(_LAZY)


#: What the match functions take: a pattern compiled at import, or one compiled on first use.
Pattern: TypeAlias = "regex.Pattern[str] | Lazy"


def finditer(pattern: Pattern, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match[str]]:
    if endpos is None:
        endpos = len(text)
    return pattern.finditer(text, pos, endpos, timeout=TIMEOUT)


def search(pattern: Pattern, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
    if endpos is None:
        endpos = len(text)
    return pattern.search(text, pos, endpos, timeout=TIMEOUT)


def match(pattern: Pattern, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match[str] | None:
    if endpos is None:
        endpos = len(text)
    return pattern.match(text, pos, endpos, timeout=TIMEOUT)


def fullmatch(pattern: Pattern, text: str) -> regex.Match[str] | None:
    return pattern.fullmatch(text, timeout=TIMEOUT)
