"""extract: run the configured extractors over stored documents, in this process, N processes or on Celery."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import QuerySet

from extractors.errors import UnknownExtractor
from extractors.registry import Registry
from factcheck.extraction import ExtractionStats
from factcheck.models import Corpus, Document
from factcheck.parallel import extract_parallel
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
        parser.add_argument("--workers", type=int, default=1, metavar="N",
                            help="Extract with N processes on this machine (default 1).")
        parser.add_argument("--celery", action="store_true",
                            help="Enqueue batches for Celery workers (celery -A project worker) and wait for them.")
        parser.add_argument("--batch-size", type=int, default=100, metavar="N",
                            help="Documents per Celery task or per chunk handed to a worker process (default 100).")
        parser.add_argument("--timeout", type=float, default=24 * 3600, metavar="SECONDS",
                            help="With --celery: give up waiting after this long; unfinished batches stay queued.")

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        if opts["workers"] < 1:
            raise CommandError("--workers must be at least 1.")
        if opts["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        if opts["celery"] and opts["workers"] != 1:
            raise CommandError("--celery and --workers do not combine: Celery workers set their own concurrency.")
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
        show_bar = not opts["no_progress"] and sys.stderr.isatty()
        failures: list[str] = []
        if opts["celery"]:
            total, failures = self._on_celery(docs, registry, opts["batch_size"], opts["timeout"], show_bar)
        else:
            total = self._here(docs, registry, opts["workers"], opts["batch_size"], show_bar)
        for doc_id, name, reason in sorted(total.errors):
            self.stderr.write(f"document {doc_id}: extractor {name!r} skipped: {reason}")
        self.stdout.write(
            f"{total.documents} documents, {len(registry)} extractors ({', '.join(e.name for e in registry)}): "
            f"{total.created} facts created, {total.unchanged} unchanged, {total.replaced} pending facts of older "
            f"versions replaced, {len(total.errors)} extractor failures"
        )
        if failures:
            for failure in failures:
                self.stderr.write(failure)
            raise CommandError(f"{len(failures)} Celery batch(es) failed (listed above); rerun to retry them.")

    def _here(self, docs: QuerySet[Document], registry: Registry, workers: int, chunk: int,
              show_bar: bool) -> ExtractionStats:
        advance: Callable[[int], None] | None = None
        bar = None
        if show_bar:
            from tqdm import tqdm

            bar = tqdm(total=docs.count(), unit="doc", desc="extracting", file=sys.stderr)
            advance = bar.update
        try:
            return extract_parallel(docs, registry, workers, chunk_size=chunk, on_progress=advance)
        except RuntimeError as exc:
            raise CommandError(f"--workers {workers}: {exc}") from None
        finally:
            if bar is not None:
                bar.close()

    def _on_celery(self, docs: QuerySet[Document], registry: Registry, batch_size: int, timeout: float,
                   show_bar: bool) -> tuple[ExtractionStats, list[str]]:
        from celery.exceptions import TimeoutError as CeleryTimeout

        from factcheck.tasks import extract_batch, stats_from_json
        from project.celery import app

        broker = app.connection_for_write()
        try:
            broker.ensure_connection(max_retries=1, timeout=5)
        except Exception as exc:
            raise CommandError(f"Cannot reach the Celery broker at {broker.as_uri()}: {exc}") from None
        finally:
            broker.release()
        queue = app.conf.task_default_queue
        if not app.control.ping(timeout=1.0):
            self.stderr.write(f"celery: no worker answered yet; batches wait on queue {queue!r} until one starts")
        names = list(registry.extractors)
        results, batch, documents = [], [], 0
        for pk in docs.values_list("pk", flat=True).iterator(chunk_size=10_000):
            batch.append(pk)
            if len(batch) == batch_size:
                results.append((len(batch), extract_batch.apply_async((batch, names))))
                documents += len(batch)
                batch = []
        if batch:
            results.append((len(batch), extract_batch.apply_async((batch, names))))
            documents += len(batch)
        self.stderr.write(f"celery: {documents} documents enqueued in {len(results)} batches on queue {queue!r}")

        bar = None
        if show_bar:
            from tqdm import tqdm

            bar = tqdm(total=documents, unit="doc", desc="extracting (celery)", file=sys.stderr)
        total, failures = ExtractionStats(), []
        deadline = time.monotonic() + timeout
        last_report = time.monotonic()
        done = 0
        try:
            for i, (size, result) in enumerate(results, 1):
                try:
                    data = result.get(timeout=max(deadline - time.monotonic(), 0.01), propagate=False)
                except CeleryTimeout:
                    raise CommandError(
                        f"Timed out after {timeout:g}s with {i - 1} of {len(results)} batches done; "
                        f"the rest stay queued on {queue!r} for the workers."
                    ) from None
                if result.failed():
                    failures.append(f"batch {i} ({size} documents) failed: {data!r}")
                else:
                    total.add(stats_from_json(data))
                result.forget()
                done += size
                if bar is not None:
                    bar.update(size)
                elif time.monotonic() - last_report >= 2 or i == len(results):
                    self.stderr.write(f"celery: {i}/{len(results)} batches, {done}/{documents} documents done")
                    last_report = time.monotonic()
        finally:
            if bar is not None:
                bar.close()
        return total, failures
