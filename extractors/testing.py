"""Golden-case helpers for extractor authors, ours and third parties'.

A golden file is JSONL, one case a line::

    {"id": "approx-dozens", "text": "Dozens of civilians died.", "published": "2021-12-02",
     "facts": [{"kind": "casualty", "text": "Dozens of civilians died", "value": {...}}]}

``facts`` lists every fact the extractor must yield for the text, in text
order; an empty list is a hard negative. ``published`` may be null.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from extractors.base import Context, ExtractorProtocol
from extractors.evaluation import read_jsonl
from extractors.runner import run_one


def load_golden(path: str | Path) -> list[dict[str, Any]]:
    """Read the cases of a golden file; each gets an ``id`` (its own, or file:line)."""
    cases = []
    for lineno, case in read_jsonl(path):
        case.setdefault("id", f"{Path(path).stem}:{lineno}")
        cases.append(case)
    return cases


def actual_facts(extractor: ExtractorProtocol, case: dict[str, Any]) -> list[dict[str, Any]]:
    """What the extractor yields for a case, in the golden shape (kind, text, value)."""
    published = dt.date.fromisoformat(case["published"]) if case.get("published") else None
    found = run_one(extractor, case["text"], Context(published=published))
    return [{"kind": e.kind, "text": e.text, "value": dict(e.value) if e.value is not None else None} for e in found]


def assert_golden(extractor: ExtractorProtocol, case: dict[str, Any]) -> None:
    """Fail with a readable diff unless the extractor yields exactly the case's facts."""
    got = actual_facts(extractor, case)
    want = case["facts"]
    assert got == want, (
        f"{case['id']}: {case['text']!r}\n"
        f"  expected: {json.dumps(want, ensure_ascii=False)}\n"
        f"  got:      {json.dumps(got, ensure_ascii=False)}"
    )


QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")


def assert_valid_count(value: dict[str, Any] | None) -> None:
    """The invariants FACTS.md sets on every count value (casualties, troops, a plugin's own counts)."""
    assert value is not None
    assert value["qualifier"] in QUALIFIERS
    assert value["min"] is not None or value["max"] is not None
    if value["min"] is not None and value["max"] is not None:
        assert 0 <= value["min"] <= value["max"]
    if value["qualifier"] == "at_least":
        assert value["max"] is None
    if value["qualifier"] == "at_most":
        assert value["min"] is None
