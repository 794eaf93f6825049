"""benchmark_extractors: extraction speed against a bare-number regex and dateparser, no database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from extractors import benchmark as bench
from extractors.base import ExtractorProtocol
from factcheck.registry import configured_registry

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
BASELINE = "baseline: bare-number finditer"
ALL = "all extractors"


def fixture_sources() -> list[bench.Source]:
    """Every distinct fixture text: the seed articles, the dev and independent gold sets and the golden cases.

    ``gold/seeds.jsonl`` annotates the seed articles themselves, so it is
    left out rather than counting the seeds twice.
    """
    gold = [FIXTURES / "gold" / name for name in ("dev.jsonl", "independent.jsonl")]
    paths = [FIXTURES / "seeds", *gold, *sorted((FIXTURES / "golden").glob("*.jsonl"))]
    return [bench.read_source(p) for p in paths]


class Command(BaseCommand):
    help = (
        "Time all extractors together and each alone over a corpus built from the fixtures (or --corpus), next to "
        "a bare-number regex baseline and (if installed) dateparser's search_dates; print MB/s, docs/s and ratios, "
        "overall and per source."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--mb", type=float, default=10.0, help="Corpus size in MB of text (default 10).")
        parser.add_argument("--repeat", type=int, default=3, help="Runs per contender; the best counts.")
        parser.add_argument("--dateparser-kb", type=int, default=200, help="Slice timed with dateparser (KB).")
        parser.add_argument(
            "--corpus", action="append", default=[], metavar="PATH",
            help="Benchmark these texts instead of the fixtures: a folder of .txt files, a .txt file, or JSONL "
            "rows with a 'text' field. Repeatable; each is reported as its own source.",
        )

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        try:
            sources = [bench.read_source(p) for p in opts["corpus"]] or fixture_sources()
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(str(exc)) from None
        extractors = list(configured_registry())
        corpus = bench.build_corpus(sources, int(opts["mb"] * 1e6))
        published = dt.date(2021, 12, 2)
        contenders = {BASELINE: lambda: bench.time_baseline(corpus), ALL: lambda: bench.time_extractors(corpus, extractors, published)}
        for ex in extractors:
            contenders[ex.name] = lambda ex=ex: bench.time_extractors(corpus, [ex], published)
        best = bench.best_of(opts["repeat"], contenders)

        chars = {label: sum(map(len, docs)) for label, docs in corpus.items()}
        ndocs = {label: len(docs) for label, docs in corpus.items()}
        total_chars, total_docs = sum(chars.values()), sum(ndocs.values())
        timings = {
            name: bench.Timing(name, run.total_seconds, total_chars, total_docs, run.total_found)
            for name, run in best.items()
        }
        self.stdout.write(
            f"corpus: {total_docs:,} documents, {total_chars / 1e6:.1f} MB of text, "
            f"{timings[ALL].facts / total_chars * 1000:.1f} facts per KB (best of {opts['repeat']})"
        )
        self.stdout.write(f"{'contender':<34}{'seconds':>9}{'MB/s':>9}{'docs/s':>10}{'facts':>9}{'x baseline':>12}")
        base = timings[BASELINE]
        for t in timings.values():
            self.stdout.write(
                f"{t.name:<34}{t.seconds:>9.3f}{t.mb_per_s:>9.2f}{t.docs_per_s:>10,.0f}{t.facts:>9,}"
                f"{t.seconds / base.seconds:>12.1f}"
            )
        self.write_sources(best, chars, ndocs)
        all_four = timings[ALL]
        self.stdout.write(f"ratio (a)/(c): all extractors cost {all_four.seconds / base.seconds:.1f}x the bare-number scan")
        self.write_dateparser(opts["dateparser_kb"], sources, extractors, published, opts["repeat"])

    def write_sources(self, best: dict[str, bench.Run], chars: dict[str, int], ndocs: dict[str, int]) -> None:
        """Per source: how fact-dense its text is and what all extractors cost there, from the same runs."""
        if len(chars) < 2:
            return
        total = sum(chars.values())
        self.stdout.write("by source (same runs):")
        self.stdout.write(f"  {'source':<22}{'share':>7}{'docs':>8}{'chars/doc':>11}{'facts/KB':>10}{'MB/s':>8}{'x baseline':>12}")
        for label, size in chars.items():
            seconds = best[ALL].seconds[label]
            ratio = seconds / best[BASELINE].seconds[label]
            self.stdout.write(
                f"  {label:<22}{size / total:>7.0%}{ndocs[label]:>8,}{size / ndocs[label]:>11,.0f}"
                f"{best[ALL].found[label] / size * 1000:>10.1f}{size / 1e6 / seconds:>8.2f}{ratio:>12.1f}"
            )

    def write_dateparser(
        self, kb: int, sources: list[bench.Source], extractors: list[ExtractorProtocol], published: dt.date, repeat: int
    ) -> None:
        """(d): dateparser and our extractors over one and the same slice, built as the corpus is."""
        search = bench.dateparser_search()
        if search is None:
            self.stdout.write("dateparser is not installed: (d) skipped (pip install dateparser)")
            return
        sample = bench.build_corpus(sources, kb * 1000)
        text = "\n\n".join(t for docs in sample.values() for t in docs)
        dp_rate = len(text) / 1e6 / bench.time_dateparser(search, text)
        dates = [ex for ex in extractors if ex.name == "dates"]
        contenders = {ALL: lambda: bench.time_extractors(sample, extractors, published)}
        if dates:
            contenders["dates"] = lambda: bench.time_extractors(sample, dates, published)
        best = bench.best_of(repeat, contenders)
        rate = {name: len(text) / 1e6 / run.total_seconds for name, run in best.items()}
        self.stdout.write(f"dateparser search_dates on a {len(text) / 1000:.0f} KB slice built like the corpus: {dp_rate:.3f} MB/s")
        self.stdout.write(f"ratio (a)/(d): all extractors are {rate[ALL] / dp_rate:.0f}x dateparser's speed on that slice")
        if dates:
            self.stdout.write(f"dates extractor alone is {rate['dates'] / dp_rate:.0f}x dateparser's speed on that slice")
