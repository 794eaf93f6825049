"""extract: run the configured extractors over stored documents."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser

from extractors.errors import UnknownExtractor
from factcheck.extraction import ExtractionStats, extract_document
from factcheck.models import Corpus, Document
from factcheck.registry import configured_registry


class Command(BaseCommand):
    help = (
        "Run extractors over stored documents. Rerunning adds nothing twice; a new extractor version "
        "replaces that extractor's pending facts and never touches a reviewed fact."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--corpus", help="Only documents of this corpus.")
        parser.add_argument("--extractor", action="append", dest="extractors", metavar="NAME",
                            help="Only this extractor (repeatable).")
        parser.add_argument("--no-progress", action="store_true", help="Never show a progress bar.")

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        registry = configured_registry()
        for name, reason in registry.errors.items():
            self.stderr.write(f"extractor {name!r} not loaded: {reason}")
        try:
            registry = registry.select(opts["extractors"])
        except UnknownExtractor as exc:
            raise CommandError(str(exc)) from None
        if not len(registry):
            raise CommandError("No extractor to run: none is installed and enabled (see list_extractors).")
        docs = Document.objects.order_by("pk")
        if opts["corpus"]:
            if not Corpus.objects.filter(name=opts["corpus"]).exists():
                raise CommandError(f"No corpus named {opts['corpus']!r}.")
            docs = docs.filter(corpus__name=opts["corpus"])
        total = ExtractionStats()
        items = docs.iterator(chunk_size=200)
        if not opts["no_progress"] and sys.stderr.isatty():
            from tqdm import tqdm

            items = tqdm(items, total=docs.count(), unit="doc", desc="extracting", file=sys.stderr)
        for doc in items:
            total.add(extract_document(doc, registry))
        for doc_id, name, reason in total.errors:
            self.stderr.write(f"document {doc_id}: extractor {name!r} skipped: {reason}")
        self.stdout.write(
            f"{total.documents} documents, {len(registry)} extractors ({', '.join(e.name for e in registry)}): "
            f"{total.created} facts created, {total.unchanged} unchanged, {total.replaced} pending facts of older "
            f"versions replaced, {len(total.errors)} extractor failures"
        )
