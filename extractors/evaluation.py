"""Run a registry over a gold JSONL file and score it (see ``scoring``).

Gold rows: ``{"id", "published", "text", "facts": [...], "kinds"?: [...],
"ignore"?: [...]}``. ``kinds`` limits which kinds the row judges; without it
the row judges every kind the registry emits.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from extractors.base import Context
from extractors.registry import Registry
from extractors.runner import run
from extractors.scoring import Report, score_document


def read_jsonl(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
    """(line number, object) for every non-blank line; a bad line is a ValueError naming file and line."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: not JSON ({exc.msg})") from None
            if not isinstance(row, dict) or "text" not in row:
                raise ValueError(f"{path}:{lineno}: a row needs a 'text' field")
            rows.append((lineno, row))
    return rows


def read_gold(path: str | Path) -> list[dict[str, Any]]:
    rows = []
    for lineno, row in read_jsonl(path):
        row.setdefault("id", f"{Path(path).name}:{lineno}")
        rows.append(row)
    return rows


def evaluate(rows: list[dict[str, Any]], registry: Registry) -> Report:
    report = Report()
    all_kinds = registry.kinds()
    for row in rows:
        published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
        result = run(row["text"], Context(published=published), registry)
        predicted = [e.as_dict() for _, e in result.extractions]
        kinds = set(row.get("kinds") or all_kinds) & all_kinds
        score_document(str(row["id"]), row.get("facts", []), predicted, kinds, row.get("ignore", []), report)
    return report
