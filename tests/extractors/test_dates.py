"""Dates per FACTS.md §Dates: golden cases, the seeds, the calendar rules, and properties of any text."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extractors import dates_find as find
from extractors import dates_resolve as resolve
from extractors import dates_tense as tense
from extractors import patterns
from extractors.base import Context
from extractors.dates import DatesExtractor
from extractors.dates_context import furniture
from extractors.dates_resolve import Direction
from extractors.runner import run_one
from extractors.text import TextLayout
from extractors.testing import actual_facts, assert_golden, load_golden

ROOT = Path(__file__).resolve().parents[2]
CASES = load_golden(ROOT / "fixtures" / "golden" / "dates.jsonl")
EXTRACTOR = DatesExtractor()


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden(case: dict[str, Any]) -> None:
    assert_golden(EXTRACTOR, case)


def test_golden_file_covers_every_granularity_and_hard_negatives() -> None:
    positives = [c for c in CASES if c["facts"]]
    negatives = [c for c in CASES if not c["facts"]]
    assert len(positives) >= 60 and len(negatives) >= 20
    values = [f["value"] for c in positives for f in c["facts"]]
    assert {v["granularity"] for v in values} == {"day", "month", "year"}
    assert {v["relative"] for v in values} == {True, False}
    assert any(v["value"] is None for v in values)


SEEDS = {
    "000_34d693b449392de2": ["Thursday", "Thursday", "Wednesday", "2014", "Thursday", "Thursday"],
    "001_581ca8c252333ccd": ["Wednesday", "Thursday", "December 2nd", "June", "November", "Thursday", "Wednesday"],
    "002_b2bb6ed3c1709d7f": ["Thursday", "2014", "Thursday", "2014"],
    "003_7e4e0dfab43c1563": ["Thursday", "September", "Wednesday", "Wednesday", "Monday", "Wednesday"],
    "004_8bd907fa7b7b92f9": ["Thursday", "June", "January 10", "Wednesday", "the beginning of December", "2014",
                             "January 10", "January 12", "January 13", "Thursday"],
}  # fmt: skip


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_seed_dates(seed: str) -> None:
    """Every date of the seeds and nothing else; file 004's scraped date stamp is furniture."""
    published = "2021-12-30" if seed.startswith("004") else "2021-12-02"
    text = (ROOT / "fixtures" / "seeds" / f"{seed}.txt").read_text(encoding="utf-8")
    facts = actual_facts(EXTRACTOR, {"text": text, "published": published})
    assert [f["text"] for f in facts] == SEEDS[seed]


# -- the calendar rules on their own ---------------------------------------------------------

THURSDAY = dt.date(2021, 12, 2)
WEEKDAYS = [
    (Direction.PAST, 3, "2021-12-02"),  # the publication day itself
    (Direction.FUTURE, 3, "2021-12-02"),
    (Direction.PAST, 0, "2021-11-29"),
    (Direction.FUTURE, 0, "2021-12-06"),
    (Direction.BEFORE, 3, "2021-11-25"),  # "last Thursday" on a Thursday
    (Direction.AFTER, 3, "2021-12-09"),
    (Direction.NEAREST, 4, "2021-11-26"),  # a bare weekday reads as past
]


@pytest.mark.parametrize(("direction", "day", "expected"), WEEKDAYS, ids=[f"{d.value}-{n}" for d, n, _ in WEEKDAYS])
def test_weekday(direction: Direction, day: int, expected: str) -> None:
    assert resolve.weekday(THURSDAY, day, direction).isoformat() == expected


MONTHS = [
    ("2021-12-30", 1, Direction.NEAREST, (2022, 1)),
    ("2021-12-02", 6, Direction.NEAREST, (2021, 6)),  # June 2021 ended 155 days before, June 2022 starts 181 after
    ("2021-12-30", 6, Direction.NEAREST, (2022, 6)),
    ("2021-12-30", 6, Direction.PAST, (2021, 6)),
    ("2021-12-02", 12, Direction.PAST, (2021, 12)),  # the current month is on or before
    ("2021-12-02", 12, Direction.BEFORE, (2020, 12)),  # "last December"
    ("2021-12-02", 12, Direction.AFTER, (2022, 12)),
    ("2023-01-27", 7, Direction.LEAN_FUTURE, (2023, 7)),
    ("1989-10-30", 9, Direction.LEAN_FUTURE, (1989, 9)),  # one month back beats eleven ahead
    ("2025-02-10", 8, Direction.LEAN_PAST, (2024, 8)),  # a near tie: the past wins
    ("2025-08-14", 12, Direction.LEAN_PAST, (2025, 12)),  # 3.5 months ahead beats 7.5 back
    ("2024-11-07", 10, Direction.LEAN_FUTURE, (2024, 10)),  # a week back beats eleven months ahead
]


@pytest.mark.parametrize(("published", "month", "direction", "expected"), MONTHS, ids=[f"{p}-{m}-{d.value}" for p, m, d, _ in MONTHS])
def test_month(published: str, month: int, direction: Direction, expected: tuple[int, int]) -> None:
    assert resolve.month(dt.date.fromisoformat(published), month, direction) == expected


def test_day_with_no_such_date_in_any_candidate_year() -> None:
    assert resolve.day(dt.date(2021, 12, 2), 2, 30, Direction.NEAREST) is None
    assert resolve.day(dt.date(2023, 12, 2), 2, 29, Direction.NEAREST) == dt.date(2024, 2, 29)


def test_tense_word_classes_share_no_word() -> None:
    """dates_tense reads each word's class from one dict, which is right only while no word has two."""
    classes = [
        tense._IRREGULAR_PAST, tense._SCHEDULE, tense._PERFECT, tense._PRESENT, {"to"}, tense._PAST_AUX, tense._FUTURE,
        tense._PHRASE_ENDS,
    ]  # fmt: skip
    assert sum(map(len, classes)) == len(set().union(*classes)) == len(tense._KIND)


# -- properties of any text ------------------------------------------------------------------

_ISO = {"day": re.compile(r"\d{4}-\d{2}-\d{2}"), "month": re.compile(r"\d{4}-\d{2}"), "year": re.compile(r"\d{4}")}


def _check(text: str, published: dt.date | None) -> None:
    found = run_one(EXTRACTOR, text, Context(published=published))  # run_one checks every span
    for fact in found:
        assert fact.kind == "date" and fact.rule
        assert text[fact.start : fact.end] == fact.text
        value = dict(fact.value or {})
        assert set(value) == {"value", "granularity", "relative"}
        assert isinstance(value["relative"], bool)
        iso = value["value"]
        if iso is None:
            assert value["relative"] and published is None
        else:
            assert _ISO[value["granularity"]].fullmatch(iso)
            dt.date.fromisoformat(iso if value["granularity"] == "day" else (iso + "-01-01")[:10])
    starts = [f.start for f in found]
    assert starts == sorted(starts)


_DATEISH = st.sampled_from(
    "on in since by until last next this the of early mid- mid late end beginning middle and to - – , . ( ) 's "
    "Thursday Friday Monday today yesterday Tomorrow January June May March Dec. Sept. Jan 2 13 31 2nd 1996 2014 "
    "2014-15 2021-12-02 2,014 13,000 $2014 will would said met is scheduled to was has year ago people troops \n"
    "14.03.2025 31/12/2024 02/30/2021 1.2.2020 16th 2nd the until dec CARACAS, (EFE) plan wants take effect "
    "See also Friday, January 21 Black Sunday Times".split(" ")
)
_PUBLISHED = st.none() | st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), _PUBLISHED)
def test_any_text_gives_honest_facts(text: str, published: dt.date | None) -> None:
    _check(text, published)


@settings(max_examples=500, deadline=None)
@given(st.lists(_DATEISH, max_size=40).map(" ".join), _PUBLISHED)
def test_date_like_text_gives_honest_facts(text: str, published: dt.date | None) -> None:
    _check(text, published)


# -- the weekday finder against the pattern it stands in for ---------------------------------

_DAY_WORD = patterns.compile(
    r"(?<!\w)(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun|[Tt]o|[Yy]ester)day(?!\w)", regex.VERSION1
)
# stems, "day", and neighbours on both sides of the \w line, ASCII or not: é, a combining mark, a joiner, ’
_DAYISH = st.lists(
    st.sampled_from(
        "day Mon Sun Satur Tues Wednes Thurs Fri To to Yester yester TO y _ 2 x é ß \u0301 \u200d ’ - ,".split()
    ),
    max_size=24,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_DAYISH | st.text(alphabet="dayMonSuTtYesr _é\u0301", max_size=40))
@example("\u0301Monday, today’s Sunday\u200d and yesterday_ or Today2")
@example("Monday é’Friday (Today) 'yesterday' Saturday,Thursday")
def test_day_words_find_what_the_weekday_pattern_matches(text: str) -> None:
    expected = [m.span() for m in patterns.finditer(_DAY_WORD, text)]
    found = list(find.day_words(text))
    assert [(start, end) for start, end, _ in found] == expected
    assert all(text[start:end] == stem + "day" for start, end, stem in found)


# -- the month and year finder against the scan it stands in for -----------------------------

# month openings, years, the characters that share their byte classes, and \w neighbours ASCII or not
_MONTHISH = st.lists(
    st.sampled_from(
        "Jan Jan. Ja Mar March May Ma Sep Sep. Sept Sept. June July Jul Dec. December 18 19 20 1 2 0 8 9 14 ٣ "
        "2021-12-02 2014-15 "
        "New No 100 , . - – of the to 3rd  \xa0 é \u0301 _ x".split(" ")
    ),
    max_size=30,
).map("".join)


def _as_match(text: str, hit: find.Hit) -> tuple[tuple[int, int], tuple[str | None, ...]]:
    """The span and groups SCAN would give for a hit, the bare ones (no match kept) filled in."""
    start, name, dot, m = hit
    if m is not None:
        assert (m.start(), m.group(find.MON) or "", m.group(find.DOT) is not None) == (start, name, dot)
        return m.span(), m.groups()
    groups: list[str | None] = [None] * find.SCAN.groups
    if name:
        groups[find.MON - 1] = name
        groups[find.DOT - 1] = "." if dot else None
        return (start, start + len(name) + dot), tuple(groups)
    groups[find.YEAR - 1] = text[start : start + 4]
    return (start, start + 4), tuple(groups)


@settings(max_examples=1000, deadline=None)
@given(_MONTHISH | st.text(alphabet="JanMyDecS12890 .,-é\u0301", max_size=40))
@example("Jan 2, 2021 and 1999-2000, 2021-12-02T10:00 Mayor Sept. 3 to 5 of 2020 New 100 é2014 ٢٠٢١")
@example("June, 2014 June the 3rd May of 2020 Dec.\xa04 1999. 2000.5 2001,x 2002—3 1998–99 199")
def test_month_year_hits_are_what_the_scan_finds(text: str) -> None:
    found = [_as_match(text, hit) for hit in find.month_year_hits(text)]
    assert found == [(m.span(), m.groups()) for m in patterns.finditer(find.SCAN, text)]


# -- the furniture shortcut against the layout it stands in for ------------------------------

# openings of furniture lines in odd cases and spacing, "#" and "»" lines, and ordinary words
_LINEISH = st.lists(
    st.sampled_from(
        "See also Read more thİs site uses akismet ſee FRİDAY, Friday May 3 2021 Home » News #tag "
        "Share Follow us Be the first to comment leave a reply \n \n\n \t \xa0 a b said".split(" ")
    ),
    max_size=30,
).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(_LINEISH | st.text(alphabet="SeFRİfriday#»\n \t\xa0ſ", max_size=60))
@example(" " * 40 + "see also 2021")
@example("See also 2021\nMay 3 2021 #tag\n  Home » News May 3\nNews » World\nthİs site uses akismet")
def test_furniture_shortcut_agrees_with_the_layout(text: str) -> None:
    positions = list(range(len(text)))
    layout = TextLayout(text)
    assert furniture(text, positions) == {pos for pos in positions if layout.is_furniture(pos)}
