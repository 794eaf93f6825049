"""What the benchmark needs besides the pipeline itself: a corpus, a stopwatch, a memory gauge, synthetic facts.

The generated corpus reuses the sentences of the fixtures (seed articles and
the gold set), so extractors meet the wording they were written for, and
every document starts with a numbered dateline so none is a duplicate. The
same ``seed`` always gives the same corpus.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import resource
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection

from factcheck.models import Document, Fact

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
OUTLETS = ("Wire", "Daily Ledger", "Evening Post", "Kyiv Desk", "Baltic Review", "Courier")


def fixture_sentences(root: Path = FIXTURES) -> list[str]:
    """Every sentence of the seed articles and gold documents, whitespace squeezed."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    for path in sorted((root / "gold").glob("*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    sentences = []
    for text in texts:
        for paragraph in text.split("\n"):
            words = paragraph.split()
            current: list[str] = []
            for word in words:
                current.append(word)
                if word.endswith((".", "!", "?", '."', ".”")) and len(current) > 3:
                    sentences.append(" ".join(current))
                    current = []
            if len(current) > 3:
                sentences.append(" ".join(current))
    if not sentences:
        raise FileNotFoundError(f"no fixture text under {root}")
    return sentences


def generate_documents(count: int, seed: int = 7, sentences: list[str] | None = None) -> Iterator[dict[str, Any]]:
    """``count`` JSONL-ready records of 4–24 fixture sentences in 1–4 paragraphs."""
    pool = sentences or fixture_sentences()
    rng = random.Random(seed)
    start = dt.date(2021, 1, 1)
    for i in range(count):
        published = start + dt.timedelta(days=rng.randrange(4 * 365))
        picked = rng.choices(pool, k=rng.randint(4, 24))
        cut = sorted(rng.sample(range(1, len(picked)), k=min(3, len(picked) - 1)))
        paragraphs = [" ".join(picked[a:b]) for a, b in zip([0, *cut], [*cut, len(picked)]) if a < b]
        outlet = rng.choice(OUTLETS)
        dateline = f"{outlet.upper()}, report {i + 1} ({published:%B} {published.day}) -"
        yield {
            "title": f"Report {i + 1}: {picked[0][:120]}",
            "outlet": outlet,
            "published": published.isoformat(),
            "url": f"https://example.org/{outlet.lower().replace(' ', '-')}/{i + 1}",
            "text": dateline + " " + "\n\n".join(paragraphs) + "\n",
        }


def write_corpus(path: Path, count: int, seed: int = 7) -> int:
    """Write a generated corpus as JSONL; returns its size in bytes."""
    with open(path, "w", encoding="utf-8") as fh:
        for record in generate_documents(count, seed):
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size


def _rss_bytes(pid: int | str = "self") -> int:
    try:
        with open(f"/proc/{pid}/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            return [int(p) for p in fh.read().split()]
    except OSError:
        return []


class MemoryGauge:
    """Peak resident memory of this process plus its children, sampled every ``interval`` seconds.

    Where /proc is missing (not Linux) it falls back to ``getrusage``, which
    knows only the peak of the whole process lifetime.
    """

    def __init__(self, interval: float = 0.02) -> None:
        self.interval = interval
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> int:
        pid = os.getpid()
        return _rss_bytes() + sum(_rss_bytes(child) for child in _children(pid))

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self.interval)

    def __enter__(self) -> MemoryGauge:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self._sample())
        if not self.peak:
            self.peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


@dataclass
class Stage:
    name: str
    seconds: float = 0.0
    documents: int = 0
    bytes: int = 0
    facts: int = 0
    peak_rss: int = 0
    note: str = ""

    def row(self) -> list[str]:
        def rate(n: float) -> str:
            return f"{n / self.seconds:,.0f}" if self.seconds and n else "-"

        return [
            self.name,
            f"{self.seconds:,.2f}",
            f"{self.documents:,}" if self.documents else "-",
            rate(self.documents),
            f"{self.bytes / self.seconds / 1e6:,.1f}" if self.seconds and self.bytes else "-",
            f"{self.facts:,}" if self.facts else "-",
            rate(self.facts),
            f"{self.peak_rss / 2**20:,.0f}",
        ]


STAGE_HEADER = ["stage", "seconds", "docs", "docs/s", "MB/s", "facts", "facts/s", "peak RSS MB"]


def measure(stage: Stage, work: Callable[[], Any]) -> Any:
    """Run ``work`` and record its wall time and peak memory into ``stage``."""
    with MemoryGauge() as gauge:
        began = time.perf_counter()
        result = work()
        stage.seconds = time.perf_counter() - began
    stage.peak_rss = gauge.peak
    return result


def table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table, columns padded so it also reads well in a terminal."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(str(c).ljust(w) for c, w in zip(cells, widths)) + " |"

    return "\n".join([line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|", *map(line, rows)])


def database_description() -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            version = cursor.fetchone()[0]
            return f"PostgreSQL {version}"
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]} (file {connection.settings_dict['NAME']})"
        return f"{connection.display_name}"


def insert_synthetic_facts(corpus_id: int, count: int, spread: int = 1000) -> int:
    """Insert ``count`` pending/confirmed/rejected facts over the corpus's first ``spread`` documents, in SQL.

    One INSERT … SELECT over a recursive series: a million rows take seconds,
    where saving model instances would take minutes.
    """
    docs = list(Document.objects.filter(corpus_id=corpus_id).order_by("pk").values_list("pk", flat=True)[:spread])
    if not docs or count <= 0:
        return 0
    per_doc = -(-count // len(docs))
    qn = connection.ops.quote_name
    table_name = Fact._meta.db_table
    columns = ["document_id", "kind", "start", "end", "text", "value", "extractor", "extractor_version", "rule",
               "status", "note", "revision", "created_at"]
    sql = f"""
        WITH RECURSIVE series(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM series WHERE n + 1 < %s)
        INSERT INTO {qn(table_name)} ({", ".join(qn(c) for c in columns)})
        SELECT d.id,
               CASE s.n %% 4 WHEN 0 THEN 'casualty' WHEN 1 THEN 'troops' WHEN 2 THEN 'date' ELSE 'sanction' END,
               s.n * 10, s.n * 10 + 5, 'synthetic', '{{"synthetic": true}}', 'benchmark-synthetic', '1', 'synthetic',
               CASE s.n %% 10 WHEN 3 THEN 'confirmed' WHEN 7 THEN 'rejected' ELSE 'pending' END,
               '', 0, CURRENT_TIMESTAMP
        FROM (SELECT id FROM {qn(Document._meta.db_table)} WHERE id IN ({", ".join(["%s"] * len(docs))})) d
        CROSS JOIN series s
        LIMIT %s
    """
    before = Fact.objects.count()
    with connection.cursor() as cursor:
        cursor.execute(sql, [per_doc, *docs, count])
        cursor.execute(f"ANALYZE {qn(table_name)}" if connection.vendor == "postgresql" else "ANALYZE")
    return Fact.objects.count() - before


def delete_corpus_facts(corpus_id: int) -> None:
    """Delete a benchmark corpus's facts in one statement, not row by row through the ORM."""
    qn = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM {qn(Fact._meta.db_table)} WHERE document_id IN "
            f"(SELECT id FROM {qn(Document._meta.db_table)} WHERE corpus_id = %s)",
            [corpus_id],
        )


def delete_corpus_rows(corpus_id: int) -> None:
    """Delete a benchmark corpus's facts, then its documents."""
    delete_corpus_facts(corpus_id)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(Document._meta.db_table)} WHERE corpus_id = %s",
                       [corpus_id])


@dataclass
class Latency:
    name: str
    timings: list[float] = field(default_factory=list)
    queries: int = 0
    rows: int = 0
    note: str = ""

    def row(self) -> list[str]:
        if not self.timings:
            return [self.name, "-", "-", "-", "-", self.note]
        return [
            self.name,
            f"{statistics.median(self.timings) * 1000:,.1f}",
            f"{max(self.timings) * 1000:,.1f}",
            str(self.queries),
            f"{self.rows:,}" if self.rows else "-",
            self.note,
        ]


LATENCY_HEADER = ["query", "median ms", "max ms", "SQL queries", "rows", "note"]


def time_repeatedly(latency: Latency, work: Callable[[], Any], repeat: int = 5) -> Any:
    """One warm-up run, then ``repeat`` timed ones."""
    result = work()
    for _ in range(repeat):
        began = time.perf_counter()
        result = work()
        latency.timings.append(time.perf_counter() - began)
    return result
