"""Values as a reviewer reads them: one table of stored values and how each must look."""

from __future__ import annotations

import pytest

from factcheck.admin.display import MAX_JSON_CHARS, format_value, kind_chip, status_badge


def count(low, high, qualifier, **extra):  # type: ignore[no-untyped-def]
    return {"min": low, "max": high, "qualifier": qualifier, **extra}


CASES = [
    ("exact", "troops", count(61, 61, "exact"), "61"),
    ("approx", "troops", count(8000, 8000, "approx"), "≈ 8,000"),
    ("at-least", "troops", count(100000, None, "at_least"), "≥ 100,000"),
    ("at-most", "troops", count(None, 500, "at_most"), "≤ 500"),
    ("range", "troops", count(90000, 120000, "range"), "90,000–120,000"),
    ("approx-range", "troops", count(20000, 99999, "approx"), "≈ 20,000–99,999"),
    ("troops-actor", "troops", count(100000, None, "at_least", actor="Russian"), "≥ 100,000 · Russian"),
    (
        "casualty-who",
        "casualty",
        count(61, 61, "exact", category="killed", who="Ukrainian soldiers", cumulative=False),
        "61 killed · Ukrainian soldiers",
    ),
    (
        "casualty-cumulative",
        "casualty",
        count(13000, None, "at_least", category="killed", who=None, cumulative=True),
        "≥ 13,000 killed · cumulative",
    ),
    ("casualty-no-figure", "casualty", count(None, None, "approx", category="injured"), "? injured"),
    ("date", "date", {"value": "2022-01-10", "granularity": "day", "relative": False}, "2022-01-10"),
    ("date-relative", "date", {"value": "2021-12-02", "granularity": "day", "relative": True}, "2021-12-02 (relative)"),
    ("date-unresolved", "date", {"value": None, "granularity": "day", "relative": True}, "unresolved (relative)"),
    (
        "sanction",
        "sanction",
        {"issuer": "EU", "target": "Belarus", "ordinal": 5, "persons": None, "entities": None, "status": "adopted"},
        "EU package #5 → Belarus · adopted",
    ),
    (
        "sanction-listings",
        "sanction",
        {"issuer": "US", "target": "Russia", "ordinal": None, "persons": 17, "entities": 11, "status": "proposed"},
        "US sanctions → Russia · 17 persons, 11 entities · proposed",
    ),
    ("sanction-bare", "sanction", {"issuer": None, "target": None, "ordinal": None, "status": None}, "sanctions"),
    ("plugin-kind", "displaced", {"min": 5, "where": "Kyiv"}, '{"min":5,"where":"Kyiv"}'),
    ("malformed-known-kind", "troops", {"min": "many", "max": None, "qualifier": "exact"}, '{"max":null,"min":"many","qualifier":"exact"}'),
    ("not-a-dict", "date", ["2022"], '["2022"]'),
    ("no-value", "casualty", None, "—"),
]


@pytest.mark.parametrize(("kind", "value", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_format_value(kind, value, expected):  # type: ignore[no-untyped-def]
    assert format_value(kind, value) == expected


def test_long_json_is_cut():
    shown = format_value("plugin", {"text": "x" * 1000})
    assert len(shown) == MAX_JSON_CHARS and shown.endswith("…")


def test_chips_escape_plugin_names():
    assert kind_chip('<b onclick="x">') == '<span class="fc-kind kind--b-onclick--x--">&lt;b onclick=&quot;x&quot;&gt;</span>'
    assert status_badge("pending") == '<span class="fc-status status-pending">pending</span>'
