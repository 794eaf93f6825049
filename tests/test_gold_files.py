"""The gold files are data every evaluation trusts, so their shape is tested like code.

No Django: run with ``pytest tests/test_gold_files.py -p no:django``.
"""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "fixtures" / "gold"
SEEDS = ROOT / "fixtures" / "seeds"
FILES = [GOLD / "seeds.jsonl", GOLD / "dev.jsonl", GOLD / "independent.jsonl"]

_spec = importlib.util.spec_from_file_location("check_gold", ROOT / "scripts" / "check_gold.py")
assert _spec and _spec.loader
check_gold = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_gold)


def _rows(path: Path) -> list[dict[str, Any]]:
    return [row for _, row in check_gold.read_rows(path)] if path.exists() else []


ROWS = [pytest.param(row, id=f"{path.stem}:{row.get('id')}") for path in FILES for row in _rows(path)]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_line_is_json(path: Path) -> None:
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert isinstance(json.loads(line), dict), f"{path.name}:{lineno} is not a JSON object"


@pytest.mark.parametrize("row", ROWS)
def test_row_is_well_formed(row: dict[str, Any]) -> None:
    assert check_gold.row_problems(row, check_gold.layout_furniture) == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_ids_and_texts_are_unique(path: Path) -> None:
    assert check_gold.file_problems(_rows(path)) == []


def test_seed_rows_carry_the_seed_files_verbatim() -> None:
    rows = {row["id"]: row for row in _rows(GOLD / "seeds.jsonl")}
    files = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    assert set(rows) == set(files)
    for stem, text in files.items():
        assert rows[stem]["text"] == text, stem
        assert rows[stem]["published"] == ("2021-12-30" if stem.startswith("004") else "2021-12-02"), stem


def test_dev_set_is_big_enough_and_has_hard_negatives() -> None:
    rows = _rows(GOLD / "dev.jsonl")
    kinds = {f["kind"] for row in rows for f in row["facts"]}
    assert len(rows) >= 90
    assert kinds == {"casualty", "troops", "date", "sanction"}
    assert sum(1 for row in rows if row["id"].startswith("neg-")) >= 25


def test_independent_set_covers_every_kind_from_every_annotator() -> None:
    rows = _rows(GOLD / "independent.jsonl")
    annotators = {"hoa", "hob", "hoc", "hod", "hoe", "hof", "hog", "hoh", "hoi", "hoj", "hol", "hon"}
    assert {row["id"].split("-")[0] for row in rows} == annotators
    assert {f["kind"] for row in rows for f in row["facts"]} == {"casualty", "troops", "date", "sanction"}
    assert sum(1 for row in rows if row["id"].split("-")[1] == "neg") >= 85


# The validator itself must be able to say no: each broken copy of a good row is caught.

GOOD = {
    "id": "t1",
    "published": "2021-12-02",
    "text": "Five soldiers were killed on Monday, and the EU adopted its sixth sanctions package.",
    "kinds": ["casualty", "troops", "date", "sanction"],
    "facts": [
        {"kind": "casualty", "start": 0, "end": 24, "text": "Five soldiers were killed",
         "value": {"min": 5, "max": 5, "qualifier": "exact", "category": "killed", "who": "soldiers",
                   "cumulative": False}},
        {"kind": "date", "start": 28, "end": 34, "text": "Monday",
         "value": {"value": "2021-11-29", "granularity": "day", "relative": True}},
        {"kind": "sanction", "start": 61, "end": 83, "text": "sixth sanctions package",
         "value": {"issuer": "EU", "target": None, "ordinal": 6, "persons": None, "entities": None,
                   "listings": None, "status": "adopted"}},
    ],
    "ignore": [],
}


def _fix_spans(row: dict[str, Any]) -> dict[str, Any]:
    for f in row["facts"]:
        f["start"] = row["text"].index(f["text"])
        f["end"] = f["start"] + len(f["text"])
    return row


def _broken(change: Any) -> dict[str, Any]:
    row = _fix_spans(copy.deepcopy(GOOD))
    change(row)
    return row


BROKEN = {
    "span-off-by-one": lambda r: r["facts"][0].update(end=r["facts"][0]["end"] - 1),
    "missing-value-key": lambda r: r["facts"][0]["value"].pop("cumulative"),
    "exact-with-two-ends": lambda r: r["facts"][0]["value"].update(max=6),
    "at-least-with-max": lambda r: r["facts"][0]["value"].update(qualifier="at_least"),
    "bad-category": lambda r: r["facts"][0]["value"].update(category="dead"),
    "bad-date": lambda r: r["facts"][1]["value"].update(value="2021-02-30"),
    "month-as-day": lambda r: r["facts"][1]["value"].update(value="2021-11"),
    "relative-without-published": lambda r: r.update(published=None),
    "bad-status": lambda r: r["facts"][2]["value"].update(status="approved"),
    "listings-and-persons": lambda r: r["facts"][2]["value"].update(listings=3, persons=2),
    "duplicate-fact": lambda r: r["facts"].append(copy.deepcopy(r["facts"][2])),
    "unknown-kind": lambda r: r.update(kinds=["casualty", "date", "sanction"]) or r["facts"].append(
        {"kind": "troops", "start": 0, "end": 4, "text": "Five", "value": {}}),
    "ignore-over-fact": lambda r: r["ignore"].append({"start": 28, "end": 34, "text": "Monday", "why": "x"}),
    "no-published-format": lambda r: r.update(published="02/12/2021"),
}


def test_the_good_row_passes() -> None:
    assert check_gold.row_problems(_fix_spans(copy.deepcopy(GOOD))) == []


@pytest.mark.parametrize("change", BROKEN.values(), ids=BROKEN.keys())
def test_a_broken_row_is_caught(change: Any) -> None:
    assert check_gold.row_problems(_broken(change)) != []


def test_repeated_ids_are_caught() -> None:
    assert check_gold.file_problems([GOOD, dict(GOOD, text="Another text.")]) != []
