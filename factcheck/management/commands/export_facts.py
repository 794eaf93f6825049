"""export_facts: facts with their provenance and review state, as JSONL or CSV."""

from __future__ import annotations

import csv
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from factcheck.models import Fact, FactStatus

COLUMNS = [
    "id", "corpus", "document", "document_title", "outlet", "published", "kind", "start", "end", "text",
    "value", "extractor", "version", "rule", "status", "reviewer", "reviewed_at", "note",
]


def fact_row(f: Fact) -> dict[str, Any]:
    return {
        "id": f.pk,
        "corpus": f.document.corpus.name,
        "document": f.document_id,
        "document_title": f.document.title,
        "outlet": f.document.outlet,
        "published": f.document.published.isoformat() if f.document.published else None,
        "kind": f.kind,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "value": f.value,
        "extractor": f.extractor,
        "version": f.extractor_version,
        "rule": f.rule,
        "status": f.status,
        "reviewer": f.reviewer.get_username() if f.reviewer else None,
        "reviewed_at": f.reviewed_at.isoformat() if f.reviewed_at else None,
        "note": f.note,
    }


class Command(BaseCommand):
    help = "Export facts with provenance and review state to stdout or a file, as JSONL (default) or CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--status", choices=FactStatus.values)
        parser.add_argument("--kind")
        parser.add_argument("--corpus")
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--output", "-o", help="File to write (default: stdout).")

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        facts = Fact.objects.select_related("document__corpus", "reviewer").order_by("pk")
        if opts["status"]:
            facts = facts.filter(status=opts["status"])
        if opts["kind"]:
            facts = facts.filter(kind=opts["kind"])
        if opts["corpus"]:
            facts = facts.filter(document__corpus__name=opts["corpus"])
        try:
            out = open(opts["output"], "w", encoding="utf-8", newline="") if opts["output"] else self.stdout
        except OSError as exc:
            raise CommandError(f"{opts['output']}: {exc.strerror}") from None
        count = 0
        self.stdout.ending = ""  # rows carry their own line ends
        try:
            writer = csv.DictWriter(out, fieldnames=COLUMNS) if opts["format"] == "csv" else None
            if writer:
                writer.writeheader()
            for fact in facts.iterator(chunk_size=2000):
                row = fact_row(fact)
                if writer:
                    row["value"] = json.dumps(row["value"], ensure_ascii=False)
                    writer.writerow(row)
                else:
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
        finally:
            if out is not self.stdout:
                out.close()
        self.stderr.write(f"{count} facts exported")
