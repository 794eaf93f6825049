#!/usr/bin/env python
"""Validate gold JSONL files, so a typo in an annotation fails loudly instead of skewing a score.

Usage: python scripts/check_gold.py [fixtures/gold/seeds.jsonl fixtures/gold/dev.jsonl fixtures/gold/independent.jsonl ...]

Checks each row against the shape FACTS.md defines: spans that match the
text exactly, values with exactly the keys of their kind and consistent
qualifiers, no duplicate or overlapping facts of one kind, unique ids.
Pure Python: the pytest module tests/test_gold_files.py reuses ``row_problems``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FILES = tuple(ROOT / "fixtures" / "gold" / name for name in ("seeds.jsonl", "dev.jsonl", "independent.jsonl"))

KINDS = ("casualty", "troops", "date", "sanction")
ROW_KEYS = {"id", "published", "text", "kinds", "facts"}
OPTIONAL_ROW_KEYS = {"title", "ignore"}
FACT_KEYS = {"kind", "start", "end", "text", "value"}
IGNORE_KEYS = {"start", "end", "text", "why"}
VALUE_KEYS = {
    "casualty": {"min", "max", "qualifier", "category", "who", "cumulative"},
    "troops": {"min", "max", "qualifier", "actor"},
    "date": {"value", "granularity", "relative"},
    "sanction": {"issuer", "target", "ordinal", "persons", "entities", "listings", "status"},
}
QUALIFIERS = {"exact", "approx", "at_least", "at_most", "range"}
CATEGORIES = {"killed", "injured", "missing"}
STATUSES = {"adopted", "proposed", "threatened", "lifted"}
DATE_SHAPES = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-(0[1-9]|1[0-2])"),
    "year": re.compile(r"\d{4}"),
    "week": re.compile(r"\d{4}-W(0[1-9]|[1-4]\d|5[0-3])"),
}


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _opt_int(v: Any, low: int = 0) -> bool:
    return v is None or (_is_int(v) and v >= low)


def _opt_text(v: Any) -> bool:
    return v is None or (isinstance(v, str) and v.strip() == v and v != "")


def count_problems(v: Mapping[str, Any]) -> list[str]:
    """A count's min/max must agree with its qualifier (FACTS.md, Counts)."""
    lo, hi, q = v.get("min"), v.get("max"), v.get("qualifier")
    if q not in QUALIFIERS:
        return [f"qualifier {q!r} not one of {sorted(QUALIFIERS)}"]
    if not (_opt_int(lo) and _opt_int(hi)):
        return [f"min/max must be non-negative integers or null, got {lo!r}/{hi!r}"]
    need = {
        "exact": lo is not None and lo == hi,
        "approx": lo is not None and hi is not None and lo <= hi,
        "at_least": lo is not None and hi is None,
        "at_most": lo is None and hi is not None,
        "range": lo is not None and hi is not None and lo < hi,
    }
    return [] if need[q] else [f"min/max {lo!r}/{hi!r} do not fit qualifier {q!r}"]


def value_problems(kind: str, v: Any, published: str | None) -> list[str]:
    if not isinstance(v, dict):
        return [f"value must be an object, got {v!r}"]
    want = VALUE_KEYS[kind]
    if set(v) != want:
        return [f"value keys {sorted(v)} != {sorted(want)}"]
    out: list[str] = []
    if kind in ("casualty", "troops"):
        out += count_problems(v)
    if kind == "casualty":
        if v["category"] not in CATEGORIES:
            out.append(f"category {v['category']!r} not one of {sorted(CATEGORIES)}")
        if not _opt_text(v["who"]):
            out.append(f"who must be trimmed text or null, got {v['who']!r}")
        if not isinstance(v["cumulative"], bool):
            out.append(f"cumulative must be a bool, got {v['cumulative']!r}")
    elif kind == "troops":
        if not _opt_text(v["actor"]):
            out.append(f"actor must be trimmed text or null, got {v['actor']!r}")
    elif kind == "date":
        out += _date_problems(v, published)
    elif kind == "sanction":
        for key in ("issuer", "target"):
            if not _opt_text(v[key]):
                out.append(f"{key} must be trimmed text or null, got {v[key]!r}")
        if not _opt_int(v["ordinal"], 1):
            out.append(f"ordinal must be a positive integer or null, got {v['ordinal']!r}")
        for key in ("persons", "entities", "listings"):
            if not _opt_int(v[key]):
                out.append(f"{key} must be a non-negative integer or null, got {v[key]!r}")
        if v["listings"] is not None and (v["persons"] is not None or v["entities"] is not None):
            out.append("a combined count goes in listings, with persons and entities null")
        if v["status"] not in STATUSES:
            out.append(f"status {v['status']!r} not one of {sorted(STATUSES)}")
    return out


def _date_problems(v: Mapping[str, Any], published: str | None) -> list[str]:
    gran, value, rel = v["granularity"], v["value"], v["relative"]
    if gran not in DATE_SHAPES:
        return [f"granularity {gran!r} not one of {sorted(DATE_SHAPES)}"]
    if not isinstance(rel, bool):
        return [f"relative must be a bool, got {rel!r}"]
    if value is None:
        if not (rel and published is None):
            return ["a null date value is only for a relative date in a row without a publication date"]
        return []
    if not isinstance(value, str) or not DATE_SHAPES[gran].fullmatch(value):
        return [f"date value {value!r} is not an ISO {gran}"]
    if rel and published is None:
        return ["a relative date in a row without a publication date must have value null"]
    if gran == "day":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return [f"{value!r} is not a calendar day"]
    return []


def _span_problems(what: str, item: Mapping[str, Any], text: str) -> list[str]:
    s, e = item.get("start"), item.get("end")
    if not (_is_int(s) and _is_int(e) and 0 <= s < e <= len(text)):
        return [f"{what}: bad span {s!r}:{e!r} for a text of {len(text)} characters"]
    if text[s:e] != item.get("text"):
        return [f"{what}: text {item.get('text')!r} != document[{s}:{e}] {text[s:e]!r}"]
    if item["text"] != item["text"].strip():
        return [f"{what}: span {item['text']!r} has surrounding space"]
    return []


def _overlaps(a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return min(a["end"], b["end"]) > max(a["start"], b["start"])


def row_problems(row: Any, furniture: Any = None) -> list[str]:
    """Everything wrong with one gold row; ``furniture(text, pos) -> bool`` optionally vets fact positions."""
    if not isinstance(row, dict):
        return ["a row must be a JSON object"]
    missing, extra = ROW_KEYS - set(row), set(row) - ROW_KEYS - OPTIONAL_ROW_KEYS
    if missing or extra:
        return [f"row keys: missing {sorted(missing)}, unexpected {sorted(extra)}"]
    out: list[str] = []
    text, published = row["text"], row["published"]
    if not (isinstance(row["id"], str) and row["id"]):
        out.append(f"id must be a non-empty string, got {row['id']!r}")
    if not (isinstance(text, str) and text.strip()):
        return out + ["text must be a non-empty string"]
    if "title" in row and not isinstance(row["title"], str):
        out.append("title must be a string")
    if published is not None:
        try:
            dt.date.fromisoformat(published)
        except (TypeError, ValueError):
            out.append(f"published {published!r} is not YYYY-MM-DD or null")
            published = None
    kinds = row["kinds"]
    if not (isinstance(kinds, list) and kinds and set(kinds) <= set(KINDS) and len(set(kinds)) == len(kinds)):
        out.append(f"kinds must be a non-empty list of distinct {KINDS}, got {kinds!r}")
        kinds = list(KINDS)
    facts, ignore = row["facts"], row.get("ignore", [])
    if not isinstance(facts, list) or not isinstance(ignore, list):
        return out + ["facts and ignore must be lists"]
    good: list[dict[str, Any]] = []
    for i, f in enumerate(facts):
        what = f"fact {i}"
        if not isinstance(f, dict) or set(f) != FACT_KEYS:
            out.append(f"{what}: keys must be {sorted(FACT_KEYS)}, got {f!r}")
            continue
        what = f"fact {i} ({f['kind']} {f['text']!r})"
        if f["kind"] not in kinds:
            out.append(f"{what}: kind not in the row's kinds {kinds}")
            continue
        problems = _span_problems(what, f, text)
        problems += [f"{what}: {p}" for p in value_problems(f["kind"], f["value"], published)]
        if not problems and furniture is not None and furniture(text, f["start"]):
            problems.append(f"{what}: lies in page furniture")
        out += problems
        if not problems:
            good.append(f)
    if [f["start"] for f in good] != sorted(f["start"] for f in good):
        out.append("facts must be in text order")
    for i, a in enumerate(good):
        for b in good[i + 1 :]:
            if a["kind"] == b["kind"] and _overlaps(a, b):
                out.append(f"duplicate or overlapping {a['kind']} facts {a['text']!r} and {b['text']!r}")
    for i, g in enumerate(ignore):
        what = f"ignore {i}"
        if not isinstance(g, dict) or set(g) != IGNORE_KEYS:
            out.append(f"{what}: keys must be {sorted(IGNORE_KEYS)}, got {g!r}")
            continue
        problems = _span_problems(what, g, text)
        if not (isinstance(g["why"], str) and g["why"].strip()):
            problems.append(f"{what}: needs a reason in 'why'")
        out += problems
        if not problems:
            out += [f"{what} {g['text']!r} overlaps fact {f['text']!r}" for f in good if _overlaps(f, g)]
    return out


def file_problems(rows: Iterable[Any]) -> list[str]:
    """Problems between rows: repeated ids or repeated documents."""
    rows = [r for r in rows if isinstance(r, dict)]
    ids = Counter(r.get("id") for r in rows)
    texts = Counter(r.get("text") for r in rows)
    out = [f"id {i!r} used {n} times" for i, n in ids.items() if n > 1]
    out += [f"a text is repeated {n} times: {str(t)[:60]!r}" for t, n in texts.items() if n > 1]
    return out


def read_rows(path: str | Path) -> list[tuple[int, Any]]:
    """(line number, parsed row) for every non-blank line; a bad line raises ValueError."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append((lineno, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: not JSON ({exc.msg})") from None
    return rows


def layout_furniture(text: str, pos: int) -> bool:
    """Ask the project's own TextLayout, so gold never credits a fact the contract says to skip."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from extractors.text import TextLayout

    return TextLayout(text).is_furniture(pos)


def summary(rows: list[Any]) -> str:
    counts = Counter(f["kind"] for r in rows for f in r.get("facts", []))
    ignored = sum(len(r.get("ignore", [])) for r in rows)
    empty = sum(1 for r in rows if not r.get("facts"))
    parts = ", ".join(f"{k} {counts.get(k, 0)}" for k in KINDS)
    return f"{len(rows)} documents ({empty} without facts), facts: {parts}; ignore spans {ignored}"


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [p for p in DEFAULT_FILES if p.exists()]
    failed = False
    for path in paths:
        try:
            numbered = read_rows(path)
        except (OSError, ValueError) as exc:
            print(exc)
            failed = True
            continue
        problems = [f"{path}:{n} ({r.get('id') if isinstance(r, dict) else '?'}): {p}"
                    for n, r in numbered for p in row_problems(r, layout_furniture)]
        problems += [f"{path}: {p}" for p in file_problems(r for _, r in numbered)]
        for p in problems:
            print(p)
        failed |= bool(problems)
        print(f"{path}: {'FAIL' if problems else 'ok'}: {summary([r for _, r in numbered])}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
