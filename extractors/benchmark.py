"""Time extractors against baselines measured in the same process and run.

Absolute speeds drift on shared machines, so every figure is reported next
to a baseline timed alongside it: a single compiled ``regex`` ``finditer``
for bare numbers over the same text, and, where installed, dateparser's
``search_dates``. Each timing is the best of ``repeat`` runs, interleaved, so
a burst of load on the machine hits every contender alike.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import regex

from extractors.base import Context, ExtractorProtocol
from extractors.runner import run

BARE_NUMBER = regex.compile(r"\d[\d,.]*")


@dataclass
class Timing:
    name: str
    seconds: float
    chars: int
    docs: int
    facts: int = 0

    @property
    def mb_per_s(self) -> float:
        return self.chars / 1e6 / self.seconds if self.seconds else float("inf")

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else float("inf")


def build_corpus(texts: Sequence[str], target_chars: int) -> list[str]:
    """Repeat ``texts`` in order until they hold ``target_chars`` characters."""
    if not texts:
        raise ValueError("no texts to build a benchmark corpus from")
    corpus: list[str] = []
    total = 0
    while total < target_chars:
        for t in texts:
            corpus.append(t)
            total += len(t)
            if total >= target_chars:
                break
    return corpus


def time_extractors(
    docs: Sequence[str], extractors: Sequence[ExtractorProtocol], published: dt.date
) -> tuple[float, int]:
    context = Context(published=published)
    facts = 0
    start = time.perf_counter()
    for text in docs:
        facts += len(run(text, context, extractors).extractions)
    return time.perf_counter() - start, facts


def time_baseline(docs: Sequence[str]) -> tuple[float, int]:
    found = 0
    start = time.perf_counter()
    for text in docs:
        for _ in BARE_NUMBER.finditer(text):
            found += 1
    return time.perf_counter() - start, found


def best_of(repeat: int, contenders: dict[str, Callable[[], tuple[float, int]]]) -> dict[str, tuple[float, int]]:
    best: dict[str, tuple[float, int]] = {}
    for _ in range(repeat):
        for name, fn in contenders.items():
            seconds, count = fn()
            if name not in best or seconds < best[name][0]:
                best[name] = (seconds, count)
    return best


def dateparser_search() -> Callable[[str], object] | None:
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None

    def search(text: str) -> object:
        return search_dates(text, languages=["en"])

    return search


def time_dateparser(search: Callable[[str], object], text: str) -> float:
    start = time.perf_counter()
    for para in iter_chunks(text, 2000):
        search(para)
    return time.perf_counter() - start


def iter_chunks(text: str, size: int) -> Iterable[str]:
    """Paragraph-sized pieces, cut at whitespace: dateparser is meant for snippets, not whole books."""
    i = 0
    while i < len(text):
        j = min(len(text), i + size)
        if j < len(text):
            k = text.rfind(" ", i, j)
            j = k + 1 if k > i else j
        yield text[i:j]
        i = j
