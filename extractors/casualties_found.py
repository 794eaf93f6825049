"""What the casualty readers hand back: a :class:`Found` figure, its category and its value.

Every reader of a casualty figure, before or after its word, records what it
finds in the same shape, and the driver, the cumulative marker and the troops
extractor read those records back. Keeping the record and the value builders
below all the readers lets each reader live in a module of its own without
importing the driver, so no module imports another in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from extractors.numbers import parse_count

_CATEGORY = {
    "killed": "killed", "killing": "killed", "kills": "killed", "dead": "killed", "died": "killed",
    "deaths": "killed", "death": "killed", "fatalities": "killed", "perished": "killed", "drowned": "killed",
    "slain": "killed", "murdered": "killed", "massacred": "killed", "martyred": "killed", "martyrs": "killed", "murder": "killed",
    "murders": "killed", "massacre": "killed", "killings": "killed", "lives": "killed", "bodies": "killed",
    "toll": "killed", "victims": "killed", "casualties": "killed", "deceased": "killed", "decapitated": "killed",
    "beheaded": "killed",
    "wounded": "injured", "wounding": "injured", "injured": "injured", "injuring": "injured", "hurt": "injured",
    "injuries": "injured", "wounds": "injured", "smoke inhalation": "injured", "missing": "missing",
    "unaccounted": "missing", "disappeared": "missing",
}  # fmt: skip


@dataclass
class Found:
    """A figure as a reader found it: the fact's span, the count's span, the value, the rule, and a priority
    (when two wordings claim the same count, the higher wins); ``parent`` is the toll a part belongs to."""

    start: int
    end: int
    count_start: int
    count_end: int
    value: dict[str, Any]
    rule: str
    priority: int
    parent: Found | None = None


def _value(count: str, category: str, who: str | None) -> dict[str, Any] | None:
    v = parse_count(count)
    if v is None:
        return None
    return {**v, "category": category, "who": who, "cumulative": False}


def _one(category: str, who: str) -> dict[str, Any]:
    return {"min": 1, "max": 1, "qualifier": "exact", "category": category, "who": " ".join(who.split()),
            "cumulative": False}  # fmt: skip
