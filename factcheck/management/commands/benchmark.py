"""benchmark: time load, extract (1 process and N workers), export and the fact-list queries on this database."""

from __future__ import annotations

import io
import os
import tempfile
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, reset_queries
from django.db.models import Case, IntegerField, Value, When
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from factcheck import benchmarking as bench
from factcheck.loading import load_paths
from factcheck.models import Corpus, Document, Fact, FactStatus
from factcheck.parallel import extract_parallel
from factcheck.registry import configured_registry


class Command(BaseCommand):
    help = (
        "Generate a corpus from the fixtures' sentences, then time loading, extraction with one process and with "
        "N workers, export, and the admin/API fact-list queries over many facts. Uses a throwaway corpus."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--docs", type=int, default=100_000, help="Documents to generate (default 100,000).")
        parser.add_argument("--workers", type=int, default=os.cpu_count() or 2,
                            help="Processes for the parallel extraction stage (default: CPU count).")
        parser.add_argument("--facts-for-queries", type=int, default=1_000_000, metavar="N",
                            help="Synthetic facts added before timing the list queries (default 1,000,000; 0 skips).")
        parser.add_argument("--seed", type=int, default=7, help="Seed of the generated corpus.")
        parser.add_argument("--keep", action="store_true", help="Keep the benchmark corpus and its facts.")

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        if opts["docs"] < 1 or opts["workers"] < 1:
            raise CommandError("--docs and --workers must be at least 1.")
        name = f"benchmark-{time.strftime('%Y%m%d-%H%M%S')}-{uuid.uuid4().hex[:6]}"
        registry = configured_registry()
        self.stdout.write(
            f"database: {bench.database_description()}\n"
            f"documents: {opts['docs']:,}, workers: {opts['workers']}, CPUs: {os.cpu_count()}, "
            f"extractors: {', '.join(e.name for e in registry) or 'none installed'}, DEBUG: {settings.DEBUG}\n"
        )
        stages: list[bench.Stage] = []
        corpus = None
        with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
            try:
                corpus = self._pipeline(Path(tmp), name, registry, opts, stages)
                self.stdout.write(bench.table(bench.STAGE_HEADER, [s.row() for s in stages]))
                for stage in stages:
                    if stage.note:
                        self.stdout.write(f"  {stage.name}: {stage.note}")
                if opts["facts_for_queries"] > 0:
                    self._queries(corpus, opts["facts_for_queries"])
            finally:
                if corpus is not None and not opts["keep"]:
                    bench.delete_corpus_rows(corpus.pk)
                    corpus.delete()
                elif corpus is not None:
                    self.stdout.write(f"kept corpus {name!r}")

    def _pipeline(self, tmp: Path, name: str, registry, opts, stages: list[bench.Stage]) -> Corpus:  # type: ignore[no-untyped-def]
        path = tmp / "corpus.jsonl"
        generate = bench.Stage("generate JSONL", documents=opts["docs"])
        generate.bytes = bench.measure(generate, lambda: bench.write_corpus(path, opts["docs"], opts["seed"]))
        stages.append(generate)

        load = bench.Stage("load", bytes=generate.bytes)
        loaded = bench.measure(load, lambda: load_paths([path], name))
        load.documents = loaded.loaded
        if loaded.rejected or loaded.duplicate:
            load.note = f"{len(loaded.rejected)} rejected, {loaded.duplicate} duplicates"
        del loaded.documents[:]
        stages.append(load)
        corpus = Corpus.objects.get(name=name)
        docs = Document.objects.filter(corpus=corpus)
        text_bytes = sum(len(t.encode("utf-8")) for t in docs.values_list("text", flat=True).iterator(chunk_size=2000))

        if not len(registry):
            stages.append(bench.Stage("extract", note="skipped: no extractor is installed and enabled"))
            return corpus
        for workers in sorted({1, opts["workers"]}):
            if workers > 1:
                bench.delete_corpus_facts(corpus.pk)
            stage = bench.Stage(f"extract, {workers} process{'es' if workers > 1 else ''}", bytes=text_bytes)
            stats = bench.measure(stage, lambda w=workers: extract_parallel(docs, registry, w))
            stage.documents, stage.facts = stats.documents, stats.created
            if stats.errors:
                stage.note = f"{len(stats.errors)} extractor failures"
            stages.append(stage)

        export = bench.Stage("export JSONL")
        out = tmp / "facts.jsonl"
        bench.measure(export, lambda: call_command("export_facts", "--corpus", name, "-o", str(out),
                                                   stdout=io.StringIO(), stderr=io.StringIO()))
        export.bytes = out.stat().st_size
        export.facts = Fact.objects.filter(document__corpus=corpus).count()
        export.documents = docs.count()
        stages.append(export)
        return corpus

    def _queries(self, corpus: Corpus, count: int) -> None:
        began = time.perf_counter()
        inserted = bench.insert_synthetic_facts(corpus.pk, count)
        total = Fact.objects.count()
        self.stdout.write(
            f"\nfact-list queries over {total:,} facts ({inserted:,} synthetic, inserted and analysed in "
            f"{time.perf_counter() - began:,.1f}s); page of 50, median of 5 after a warm-up:"
        )
        latencies = self._orm_latencies() + self._http_latencies()
        self.stdout.write(bench.table(bench.LATENCY_HEADER, [lat.row() for lat in latencies]))

    def _orm_latencies(self) -> list[bench.Latency]:
        try:  # the admin's own expression, which its index serves
            from factcheck.admin.facts import PENDING_FIRST as pending_first
        except ImportError:
            pending_first = Case(When(status=FactStatus.PENDING, then=Value(0)), default=Value(1),
                                 output_field=IntegerField())
        middle = Fact.objects.order_by("id").values_list("id", flat=True)[Fact.objects.count() // 2]
        shapes = {
            "kind=casualty, status=pending, by id: page 1 + count": lambda: (
                list(Fact.objects.filter(kind="casualty", status=FactStatus.PENDING).order_by("id")[:50]),
                Fact.objects.filter(kind="casualty", status=FactStatus.PENDING).count(),
            )[0],
            "kind=troops, pending first, then id: page 1": lambda: list(
                Fact.objects.filter(kind="troops").order_by(pending_first.asc(), "id")[:50]
            ),
            "status=pending, by id, after id N: count-free page": lambda: list(
                Fact.objects.filter(status=FactStatus.PENDING, id__gt=middle).order_by("id")[:50]
            ),
        }
        out = []
        for label, work in shapes.items():
            latency = bench.Latency(f"ORM {label}")
            reset_queries()  # the capture counts what the log gained, and a full log gains nothing
            with CaptureQueriesContext(connection) as queries:
                rows = work()
            latency.queries, latency.rows = len(queries), len(rows)
            bench.time_repeatedly(latency, work)
            out.append(latency)
        return out

    def _http_latencies(self) -> list[bench.Latency]:
        urls = [
            ("API", "/api/facts/"),
            ("API", "/api/facts/?kind=casualty&status=pending"),
            ("API", "/api/facts/?status=pending&ordering=-id"),
            ("admin", "/admin/factcheck/fact/"),
            ("admin", "/admin/factcheck/fact/?kind=troops"),
            ("admin", "/admin/factcheck/fact/?kind=casualty&status__exact=pending"),
        ]
        user = get_user_model().objects.create_superuser(f"benchmark-{uuid.uuid4().hex[:8]}", password=None)
        out = []
        try:
            with override_settings(ALLOWED_HOSTS=["testserver"], DEBUG=False):
                client = Client()
                client.force_login(user)
                for where, url in urls:
                    latency = bench.Latency(f"{where} GET {url}")
                    reset_queries()
                    with CaptureQueriesContext(connection) as queries:
                        response = client.get(url, secure=True)  # production settings redirect plain HTTP
                    if response.status_code != 200:
                        latency.note = f"HTTP {response.status_code}: not measured"
                        out.append(latency)
                        continue
                    latency.queries = len(queries)
                    data = response.json() if response.get("Content-Type", "").startswith("application/json") else None
                    latency.rows = len(data["results"]) if isinstance(data, dict) and "results" in data else 0
                    bench.time_repeatedly(latency, lambda u=url: client.get(u, secure=True))
                    out.append(latency)
                client.logout()
        finally:
            user.delete()
        return out
