"""extract_text: facts of a text file or a JSONL of documents as JSON lines; no database."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from extractors.base import Context
from extractors.runner import run
from factcheck.loading import RecordError, parse_published
from factcheck.registry import configured_registry


class Command(BaseCommand):
    help = (
        "Print the facts of a text file (or stdin with '-'), or of each line of a JSONL file of "
        '{"id", "text", "published"}, one JSON object per line. Touches no database.'
    )
    requires_system_checks: list[str] = []

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", help="A UTF-8 text file, or '-' for stdin.")
        parser.add_argument("--jsonl", help="A JSONL file of documents instead of one text.")
        parser.add_argument("--published", help="Publication date (YYYY-MM-DD) to resolve relative dates.")
        parser.add_argument("--extractor", action="append", dest="extractors", metavar="NAME")

    def handle(self, *args, **opts) -> None:  # type: ignore[no-untyped-def]
        if bool(opts["path"]) == bool(opts["jsonl"]):
            raise CommandError("Give either a text file PATH or --jsonl PATH.")
        try:
            published = parse_published(opts["published"])
        except RecordError as exc:
            raise CommandError(f"--published: {exc}") from None
        registry = configured_registry()
        for name, reason in registry.errors.items():
            self.stderr.write(f"extractor {name!r} not loaded: {reason}")
        registry = registry.select(opts["extractors"])
        self.bad_lines: list[str] = []
        for doc_id, text, date in self._documents(opts, published):
            result = run(text, Context(published=date), registry)
            for name, reason in result.errors.items():
                self.stderr.write(f"{doc_id or opts['path']}: extractor {name!r} skipped: {reason}")
            for ex, e in result.extractions:
                row: dict[str, Any] = {"id": doc_id} if opts["jsonl"] else {}
                row.update(
                    kind=e.kind, start=e.start, end=e.end, text=e.text,
                    value=dict(e.value) if e.value is not None else None,
                    extractor=ex.name, version=ex.version,
                )
                self.stdout.write(json.dumps(row, ensure_ascii=False))
        if self.bad_lines:
            raise CommandError(
                f"{len(self.bad_lines)} line(s) rejected, the others extracted; first: {self.bad_lines[0]}"
            )

    def _documents(self, opts: dict[str, Any], published: dt.date | None) -> Iterator[tuple[Any, str, dt.date | None]]:
        if opts["path"]:
            try:
                if opts["path"] == "-":
                    text = sys.stdin.read()
                else:
                    with open(opts["path"], encoding="utf-8") as fh:
                        text = fh.read()
            except (OSError, UnicodeDecodeError) as exc:
                raise CommandError(f"{opts['path']}: cannot read text: {exc}") from None
            yield None, text, published
            return
        try:
            fh = open(opts["jsonl"], encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"{opts['jsonl']}: {exc.strerror}") from None
        with fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                        raise RecordError("no 'text' field")
                    date = parse_published(row.get("published")) or published
                except (json.JSONDecodeError, RecordError) as exc:
                    # Report and go on: one bad line must not cost the facts of the lines after it.
                    self.bad_lines.append(f"{opts['jsonl']}:{lineno}: {exc}")
                    self.stderr.write(self.bad_lines[-1])
                    continue
                yield row.get("id", lineno), row["text"], date
