"""Accuracy floors on the gold sets, so a rule that costs accuracy fails here before anyone scores us.

The issue's target (F1 and value accuracy of at least 0.95 for every kind)
holds on the seeds and the dev set. ``independent.jsonl`` was written by
twelve annotators who had not seen the extractors; its floors are what the
extractors reach on it today (docs/extraction.md lists every miss left), so
they ratchet: raise them when a change does better, never lower them to pass.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extractors.casualties import CasualtiesExtractor
from extractors.dates import DatesExtractor
from extractors.evaluation import evaluate, read_gold
from extractors.registry import Registry
from extractors.sanctions import SanctionsExtractor
from extractors.troops import TroopsExtractor

GOLD = Path(__file__).resolve().parents[2] / "fixtures" / "gold"
TARGET = 0.95

#: (F1, value accuracy) per kind on the independent set.
INDEPENDENT_FLOORS = {
    "casualty": (0.98, 0.975),
    "troops": (0.985, 0.955),
    "date": (0.995, 0.99),
    "sanction": (0.99, 0.96),  # 0.927 when hol joined the set; 0.971 after session 5's rounds
}


def _scores(name: str) -> dict[str, tuple[float, float]]:
    registry = Registry.from_extractors([CasualtiesExtractor(), DatesExtractor(), SanctionsExtractor(), TroopsExtractor()])
    report = evaluate(read_gold(GOLD / name), registry)
    return {kind: (s.f1, s.value_accuracy) for kind, s in report.kinds.items()}


@pytest.mark.parametrize("name", ["seeds.jsonl", "dev.jsonl"])
def test_every_kind_meets_the_target_on_our_gold(name: str) -> None:
    scores = _scores(name)
    assert set(scores) == {"casualty", "troops", "date", "sanction"}
    below = {kind: s for kind, s in scores.items() if min(s) < TARGET}
    assert below == {}, f"{name}: (F1, value accuracy) below {TARGET}"


def test_no_kind_falls_below_its_floor_on_the_independent_set() -> None:
    scores = _scores("independent.jsonl")
    below = {
        kind: (round(s[0], 3), round(s[1], 3))
        for kind, s in scores.items()
        if s[0] < INDEPENDENT_FLOORS[kind][0] or s[1] < INDEPENDENT_FLOORS[kind][1]
    }
    assert below == {}, f"independent.jsonl: (F1, value accuracy) below the floors {INDEPENDENT_FLOORS}"
