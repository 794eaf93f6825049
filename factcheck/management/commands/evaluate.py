"""evaluate: precision, recall, F1 and value accuracy per kind against gold annotations."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from extractors.evaluation import evaluate, read_gold
from factcheck.registry import configured_registry


class Command(BaseCommand):
    help = (
        "Score the configured extractors against gold JSONL files: detection (same kind, overlapping span) "
        "and value accuracy on the matched facts, per kind and overall."
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gold", nargs="+", metavar="GOLD.jsonl")
        parser.add_argument("--extractor", action="append", dest="extractors", metavar="NAME")
        parser.add_argument("--misses", action="store_true", help="List every missed, spurious or wrong-valued fact.")
        parser.add_argument("--json", action="store_true", help="Print the scores as JSON instead of a table.")

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        registry = configured_registry().select(opts["extractors"])
        for path in opts["gold"]:
            try:
                rows = read_gold(path)
            except OSError as exc:
                raise CommandError(f"{path}: {exc.strerror}") from None
            except ValueError as exc:
                raise CommandError(str(exc)) from None
            report = evaluate(rows, registry)
            if opts["json"]:
                scores = {
                    kind: {"gold": s.tp + s.fn, "predicted": s.tp + s.fp, "tp": s.tp,
                           "precision": s.precision, "recall": s.recall, "f1": s.f1,
                           "value_accuracy": s.value_accuracy}
                    for kind, s in [*sorted(report.kinds.items()), ("overall", report.overall())]
                }
                self.stdout.write(json.dumps({"gold": path, "documents": len(rows), "scores": scores}))
                continue
            self.stdout.write(f"{path}: {len(rows)} documents")
            self.stdout.write(report.table())
            if opts["misses"]:
                for m in report.misses:
                    detail = f" expected {m.expected} got {m.got}" if m.problem == "value" else ""
                    self.stdout.write(f"  {m.problem:8} {m.kind:9} {m.doc_id}: {m.text!r}{detail}")
