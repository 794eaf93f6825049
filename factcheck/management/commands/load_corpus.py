"""load_corpus: text folders, JSONL or CSV into a corpus, skipping exact duplicates."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from factcheck.loading import RecordError, load_paths, parse_published


class Command(BaseCommand):
    help = (
        "Load documents into a corpus from folders of .txt files (with an optional metadata.csv), "
        "JSONL files or CSV files (columns: text, title, outlet, url, published). "
        "Exact duplicates in the corpus are skipped; rejected records are listed with file and line."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--corpus", required=True, help="Corpus name; created if it does not exist.")
        parser.add_argument("--published", help="Publication date (YYYY-MM-DD) for records that have none.")
        parser.add_argument("--outlet", default="", help="Outlet for records that have none.")
        parser.add_argument("--batch-size", type=int, default=None, help="Documents written per transaction.")
        parser.add_argument("--no-progress", action="store_true", help="Never show a progress bar.")

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        try:
            published = parse_published(opts["published"])
        except RecordError as exc:
            raise CommandError(f"--published: {exc}") from None
        progress = None
        if not opts["no_progress"] and sys.stderr.isatty():
            from tqdm import tqdm

            def progress(items):  # type: ignore[no-untyped-def]
                return tqdm(items, unit="doc", desc="loading", file=sys.stderr)

        stats = load_paths(
            opts["paths"],
            opts["corpus"],
            published=published,
            outlet=opts["outlet"],
            batch_size=opts["batch_size"],
            progress=progress,
        )
        for rejected in stats.rejected:
            self.stderr.write(f"rejected {rejected}")
        self.stdout.write(
            f"corpus {opts['corpus']!r}: {stats.loaded} loaded, {stats.duplicate} duplicate, "
            f"{len(stats.rejected)} rejected"
        )
        if stats.rejected:
            raise CommandError(
                f"{len(stats.rejected)} record(s) rejected (listed above); the {stats.loaded} good ones were loaded."
            )
