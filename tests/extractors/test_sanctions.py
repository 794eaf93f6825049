"""Sanctions measures per FACTS.md §Sanctions: golden cases, the seeds, and properties of any text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.base import Context
from extractors.runner import run_one
from extractors.sanctions import ISSUERS, KEYS, STATUSES, SanctionsExtractor
from extractors.testing import actual_facts, assert_golden, load_golden

ROOT = Path(__file__).resolve().parents[2]
CASES = load_golden(ROOT / "fixtures" / "golden" / "sanctions.jsonl")
EXTRACTOR = SanctionsExtractor()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden(case: dict[str, Any]) -> None:
    assert_golden(EXTRACTOR, case)


def test_golden_file_has_positives_and_hard_negatives() -> None:
    positives = [c for c in CASES if c["facts"]]
    negatives = [c for c in CASES if not c["facts"]]
    assert len(positives) >= 45 and len(negatives) >= 15
    statuses = {f["value"]["status"] for c in positives for f in c["facts"]}
    assert statuses == set(STATUSES)


THREATENED_BY_US = {"issuer": "US", "target": "Russia", "status": "threatened"}
US_FOLLOWS = {"issuer": "US", "target": "Belarus", "status": "proposed"}  # the target of the EU package before it
SEEDS = [
    ("000_34d693b449392de2", "painful economic sanctions", THREATENED_BY_US),
    ("001_581ca8c252333ccd", "new sanctions against Belarus", {"issuer": "EU", "target": "Belarus"}),
    ("003_7e4e0dfab43c1563", "fifth sanctions package", {"issuer": "EU", "ordinal": 5, "persons": 17, "entities": 11}),
    ("003_7e4e0dfab43c1563", "the same sanctions decision", US_FOLLOWS),
    ("004_8bd907fa7b7b92f9", "sanctions", THREATENED_BY_US),
]


@pytest.mark.parametrize(("seed", "phrase", "expected"), SEEDS, ids=[f"{s[:3]}-{p}" for s, p, _ in SEEDS])
def test_seed_facts(seed: str, phrase: str, expected: dict[str, Any]) -> None:
    text = (ROOT / "fixtures" / "seeds" / f"{seed}.txt").read_text(encoding="utf-8")
    facts = actual_facts(EXTRACTOR, {"text": text})
    values = [f["value"] for f in facts if f["text"] == phrase]
    assert values, f"{phrase!r} not found among {[f['text'] for f in facts]}"
    assert {k: values[0][k] for k in expected} == expected


def test_seed_without_sanctions_and_later_references_yield_nothing_more() -> None:
    counts = {
        path.name[:3]: len(actual_facts(EXTRACTOR, {"text": path.read_text(encoding="utf-8")}))
        for path in sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
    }
    assert counts == {"000": 1, "001": 1, "002": 0, "003": 2, "004": 1}


def _check(text: str) -> list[Any]:
    found = run_one(EXTRACTOR, text, Context())  # run_one checks every span against the text
    for fact in found:
        assert fact.kind == "sanction" and fact.rule.startswith("sanctions:")
        assert set(fact.value or {}) == set(KEYS)
        value = dict(fact.value or {})
        assert value["status"] in STATUSES
        for key in ("ordinal", "persons", "entities", "listings"):
            assert value[key] is None or (isinstance(value[key], int) and value[key] >= 0)
        for key in ("issuer", "target"):
            assert value[key] is None or (isinstance(value[key], str) and value[key].strip())
    return found


_WORDS = st.sampled_from(
    "sanctions sanctioned embargo asset freeze blacklisted designated package fifth 11th round new the EU U.S. "
    "Britain UN Security Council Russia Moscow Belarusians Iran Houthis imposed threatened lifted eased "
    "proposed expected to on against by of and 17 individuals entities companies officials , . \n # if".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40).map(" ".join))
def test_sanctions_vocabulary_soup_never_breaks_the_contract(text: str) -> None:
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_breaks_the_contract(text: str) -> None:
    _check(text)


def test_issuers_are_normalized_to_four_names() -> None:
    assert ISSUERS == {"EU", "US", "UK", "UN"}
    text = "The Union's ambassadors and Washington on Monday imposed new sanctions on Iran."
    (fact,) = _check(text)
    assert fact.value is not None and fact.value["issuer"] in ISSUERS
