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
from dataclasses import dataclass, field
from pathlib import Path

import regex

from extractors.base import Context, ExtractorProtocol
from extractors.evaluation import read_jsonl
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


@dataclass(frozen=True)
class Source:
    """A named set of texts, so the report can say how each kind of text fares."""

    label: str
    texts: tuple[str, ...]


def read_source(path: str | Path) -> Source:
    """A benchmark source from a ``.txt`` file, a folder of them, or a JSONL file of ``{"text": ...}`` rows."""
    path = Path(path)
    if path.is_dir():
        texts = tuple(p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt")))
    elif path.suffix == ".jsonl":
        texts = tuple(row["text"] for _, row in read_jsonl(path))
    else:
        texts = (path.read_text(encoding="utf-8"),)
    if not texts:
        raise ValueError(f"{path}: no texts (expected .txt files, a .txt file or JSONL rows with 'text')")
    return Source(path.name, texts)


Corpus = dict[str, list[str]]


def build_corpus(sources: Sequence[Source], target_chars: int) -> Corpus:
    """Each source's texts, repeated in turn until all together hold ``target_chars`` characters.

    The makeup follows the sources' sizes. Texts are kept grouped by source
    so each group is timed with one pair of clock reads: a clock read per
    document would weigh on the bare-number baseline and flatter the ratios.
    """
    texts = [(s.label, t) for s in sources for t in s.texts]
    if not texts:
        raise ValueError("no texts to build a benchmark corpus from")
    corpus: Corpus = {s.label: [] for s in sources}
    total = 0
    while total < target_chars:
        for label, text in texts:
            corpus[label].append(text)
            total += len(text)
            if total >= target_chars:
                break
    return {label: docs for label, docs in corpus.items() if docs}


@dataclass
class Run:
    """One timed pass over the corpus: seconds and items found, per source."""

    seconds: dict[str, float] = field(default_factory=dict)
    found: dict[str, int] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())

    @property
    def total_found(self) -> int:
        return sum(self.found.values())


def time_extractors(corpus: Corpus, extractors: Sequence[ExtractorProtocol], published: dt.date) -> Run:
    context = Context(published=published)
    timed = Run()
    for label, docs in corpus.items():
        found = 0
        start = time.perf_counter()
        for text in docs:
            found += len(run(text, context, extractors).extractions)
        timed.seconds[label] = time.perf_counter() - start
        timed.found[label] = found
    return timed


def time_baseline(corpus: Corpus) -> Run:
    timed = Run()
    for label, docs in corpus.items():
        found = 0
        start = time.perf_counter()
        for text in docs:
            for _ in BARE_NUMBER.finditer(text):
                found += 1
        timed.seconds[label] = time.perf_counter() - start
        timed.found[label] = found
    return timed


def best_of(repeat: int, contenders: dict[str, Callable[[], Run]]) -> dict[str, Run]:
    """Each contender's fastest of ``repeat`` runs, the contenders taking turns within each round."""
    best: dict[str, Run] = {}
    for _ in range(repeat):
        for name, fn in contenders.items():
            timed = fn()
            if name not in best or timed.total_seconds < best[name].total_seconds:
                best[name] = timed
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
