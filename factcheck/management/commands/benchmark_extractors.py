"""benchmark_extractors: extraction speed against a bare-number regex and dateparser, no database."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from extractors import benchmark as bench
from factcheck.registry import configured_registry

FIXTURES = Path(settings.BASE_DIR) / "fixtures"


def fixture_texts() -> list[str]:
    """Every text the fixtures hold: the seeds, the gold sets and the golden cases."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "seeds").glob("*.txt"))]
    for path in sorted(FIXTURES.glob("gold*/*.jsonl")):
        with open(path, encoding="utf-8") as fh:
            texts.extend(json.loads(line)["text"] for line in fh if line.strip())
    return texts


class Command(BaseCommand):
    help = (
        "Time all extractors together and each alone over a corpus built from the fixtures, next to a bare-number "
        "regex baseline and (if installed) dateparser's search_dates, and print MB/s, docs/s and ratios."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--mb", type=float, default=10.0, help="Corpus size in MB of text (default 10).")
        parser.add_argument("--repeat", type=int, default=3, help="Runs per contender; the best counts.")
        parser.add_argument("--dateparser-kb", type=int, default=200, help="Slice timed with dateparser (KB).")

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        registry = configured_registry()
        docs = bench.build_corpus(fixture_texts(), int(opts["mb"] * 1e6))
        chars = sum(map(len, docs))
        published = dt.date(2021, 12, 2)
        extractors = list(registry)
        contenders = {"baseline: bare-number finditer": lambda: bench.time_baseline(docs)}
        contenders["all extractors"] = lambda: bench.time_extractors(docs, extractors, published)
        for ex in extractors:
            contenders[ex.name] = lambda ex=ex: bench.time_extractors(docs, [ex], published)
        best = bench.best_of(opts["repeat"], contenders)
        timings = {name: bench.Timing(name, s, chars, len(docs), n) for name, (s, n) in best.items()}

        self.stdout.write(f"corpus: {len(docs):,} documents, {chars / 1e6:.1f} MB of text (best of {opts['repeat']})")
        self.stdout.write(f"{'contender':<34}{'seconds':>9}{'MB/s':>9}{'docs/s':>10}{'facts':>9}{'x baseline':>12}")
        base = timings["baseline: bare-number finditer"]
        for t in timings.values():
            self.stdout.write(
                f"{t.name:<34}{t.seconds:>9.3f}{t.mb_per_s:>9.2f}{t.docs_per_s:>10,.0f}{t.facts:>9,}"
                f"{t.seconds / base.seconds:>12.1f}"
            )
        all_four = timings["all extractors"]
        self.stdout.write(f"ratio (a)/(c): all extractors cost {all_four.seconds / base.seconds:.1f}x the bare-number scan")

        search = bench.dateparser_search()
        if search is None:
            self.stdout.write("dateparser is not installed: (d) skipped (pip install dateparser)")
            return
        text = "\n\n".join(docs)[: opts["dateparser_kb"] * 1000]
        dp_seconds = bench.time_dateparser(search, text)
        dp_rate = len(text) / 1e6 / dp_seconds
        self.stdout.write(f"dateparser search_dates on {len(text) / 1000:.0f} KB: {dp_rate:.3f} MB/s")
        self.stdout.write(f"ratio (a)/(d): all extractors are {all_four.mb_per_s / dp_rate:.0f}x dateparser's speed")
        if "dates" in timings:
            self.stdout.write(
                f"dates extractor alone is {timings['dates'].mb_per_s / dp_rate:.0f}x dateparser's speed"
            )
