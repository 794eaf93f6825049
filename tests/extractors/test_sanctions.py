"""Sanctions measures per FACTS.md §Sanctions: golden cases, the seeds, and properties of any text."""

from __future__ import annotations

from itertools import product
from pathlib import Path
from string import ascii_lowercase, digits
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import patterns
from extractors.base import Context
from extractors.places import _DATELINE, _PLACE, compile_simple
from extractors.runner import run_one
from extractors.sanctions import ISSUERS, KEYS, STATUSES, SanctionsExtractor
from extractors.sanctions_patterns import (
    _AID_BEFORE, _ATTACH, _BACK, _BY_BEFORE, _CASUALTY_AFTER, _CASUALTY_AROUND, _CLAUSE_BREAK, _COORDINATED, _COUNT,
    _DETERMINER, _GOVERNED_GAP, _HEAD, _HYPHENATED, _LIST_LINE, _LOCATION_BEFORE, _MODIFIER_AFTER, _NAMED_PERSON,
    _NEW, _OBJECT, _OF_OTHER, _ORDINAL_PACKAGE, _OVER_BEFORE, _OWNER_GAP, _PASSIVE_GAP, _POSSESSIVE, _PREMOD,
    _PREPOSITION_END, _STATUS, _STRONG_BEFORE, _SUBJECT_TAIL, _TARGET_BEFORE, _URGES, _VICTIM_BEFORE,
)
from extractors.sanctions_prefilter import BACK_ENDINGS, BACK_SHORT, CHECKS, may_govern, may_list
from extractors.sanctions_scan import PLACE_OPENINGS, STATUS_OPENINGS, STATUS_WORDS, Scan
from extractors.testing import actual_facts, assert_golden, load_golden
from extractors.text import TextLayout

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


# --- the fast paths (sanctions_scan, sanctions_prefilter) find exactly what the patterns find ---

_ASCII = [chr(c) for c in range(128)]


def _openings(pattern: Any, before: str, first: str, depth: int, variants: Any) -> set[str]:
    """Every ``depth``-character ASCII string some match of ``pattern`` may open with, right after ``before``."""
    level = [""]
    for d in range(depth):
        level = [
            s
            for prefix in level
            for c in (first if d == 0 else _ASCII)
            for s in [prefix + c]
            if any(pattern.match(before + v, len(before), partial=True) for v in variants(s))
        ]
    return set(level)


def _cases(s: str) -> set[str]:
    return {"".join(c.upper() if bit else c for c, bit in zip(s, bits)) for bits in product((0, 1), repeat=len(s))}


def test_every_status_cue_opens_with_a_tabulated_opening() -> None:
    found = {s.lower() for s in _openings(_STATUS, " ", ascii_lowercase, 3, lambda s: {s})}
    assert found and found <= STATUS_OPENINGS, sorted(found - STATUS_OPENINGS)


def _stops(pattern: Any, before: str, opening: str, depth: int) -> list[str]:
    """How a match opening with ``opening`` can go on: letter by letter, up to where anything else may follow."""
    letters, stops, level = ascii_lowercase, [], [opening]

    def valid(s: str) -> bool:
        return pattern.match(before + s, len(before), partial=True) is not None

    while level:
        grown = []
        for word in level:
            more = [c for c in letters if valid(word + c)]
            if len(more) > 2 or len(word) >= depth or any(valid(word + c) for c in _ASCII if c.lower() not in letters):
                stops.append(word)
            else:
                grown += [word + c for c in more]
        level = grown
    return stops


def test_every_status_cue_goes_on_as_tabulated() -> None:
    for opening, words in STATUS_WORDS.items():
        stops = _stops(_STATUS, " ", opening, 10)
        assert all(stop.startswith(words) for stop in stops), (opening, stops, words)


def test_every_place_opens_with_a_tabulated_opening() -> None:
    found = {s.lower() for s in _openings(_PLACE, "the ", ascii_lowercase + digits, 3, _cases)}
    assert found and found <= PLACE_OPENINGS, sorted(found - PLACE_OPENINGS)


def test_every_premodifier_ends_in_a_tabulated_ending() -> None:
    """Right to left (REVERSE), the strings a premodifier of ``_BACK`` may end with; ``anti-...`` is sought apart."""
    anti = r"|anti-[\w-]+"
    assert anti in _PREMOD
    pattern = compile_simple(rf"(?:{_PREMOD.replace(anti, '')}|of|same)", patterns.FLAGS | regex.REVERSE)
    alphabet = ascii_lowercase + digits + ".-' \t\n\r\x0b\x0c"
    level, missing = [""], []
    for depth in range(1, 5):
        grown = []
        for suffix in level:
            for c in alphabet:
                s = c + suffix
                found = [m for v in (s, s.upper()) if (m := pattern.match(v, partial=True))]
                if not found:
                    continue
                if s[-2:] in BACK_SHORT or s[-3:] in BACK_SHORT:
                    continue  # a whole short premodifier ("EU", "new"): no need to look further back
                assert not any(not m.partial and m.start() == 0 for m in found) or depth == 4, s
                grown.append(s)
        level = grown
    missing = [s for s in level if s.strip() not in BACK_ENDINGS and s.strip() not in BACK_SHORT]
    assert not missing, f"add to BACK_ENDINGS: {' '.join(sorted(set(missing)))}"


_SOUP = st.sampled_from(
    "sanctions sanctioned embargo asset freeze freezes blacklisted designated package fifth 11th round new "
    "fresh the The same EU E.U. U.S. US USA UN UK Britain Union bloc 27-nation Security Council Russia Russian "
    "Moscow Belarusians Iran Houthis Kim Jong un Wagner Group al-Qaeda Hong Kong United States European "
    "imposed impose threatened threat to lifted lift eased proposed expected will would not never said it "
    "agreed urged called for on against by of over in at its into and or an a hundred one 17 1,000 total up "
    "individuals entities companies officials leader Roman Abramovich killed were was be attack funding behalf "
    "anti-Russian US-led so-called ’s 's pro- - — , . ; : ( ) “ ” \n \t \x1c \u00a0 K ſ İ # if "
    "economic painful tougher package round of sixth 12th the same Treasury Jinping Xi Latin America Minsk "
    "BRUSSELS KYIV (Reuters) (AFP) – -- ST. PETERSBURG, Jan".split(" ")
)
_SEPARATORS = st.sampled_from([" ", " ", " ", "  ", "", "\n", ", "])
_TEXTS = st.lists(st.tuples(_SOUP, _SEPARATORS), max_size=30).map(lambda ws: "".join(w + s for w, s in ws))


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    return bool(a.span() == b.span() and a.group() == b.group() and a.lastgroup == b.lastgroup)


_KINDS = {  # how each prefiltered pattern is run by the extractor
    "search": (_HYPHENATED, _DETERMINER, _AID_BEFORE, _BACK, _NEW, _ORDINAL_PACKAGE, _NAMED_PERSON, _CASUALTY_AROUND,
               _PASSIVE_GAP),
    "match": (_HEAD, _OBJECT, _ATTACH, _OF_OTHER, _MODIFIER_AFTER, _CASUALTY_AFTER),
    "search_in": (_BY_BEFORE, _LOCATION_BEFORE, _VICTIM_BEFORE, _TARGET_BEFORE, _STRONG_BEFORE, _OVER_BEFORE,
                  _PREPOSITION_END, _URGES, _CLAUSE_BREAK),
    "match_in": (_SUBJECT_TAIL,),
    "fullmatch_in": (_COORDINATED, _POSSESSIVE, _OWNER_GAP),
}  # fmt: skip


def test_every_prefiltered_pattern_is_checked_below() -> None:
    assert set(CHECKS) == {p for kind in _KINDS.values() for p in kind}


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.data())
def test_scan_finds_what_the_patterns_find(text: str, data: st.DataObject) -> None:
    n = len(text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    covered = Scan(text, TextLayout(text).lower)
    covered.cover([(0, n)])  # windows read from one region, as the extractor reads its sentences
    for scan in (Scan(text), covered):
        _check_scan(scan, text, start, end)


_HEADS = st.tuples(  # a dateline's parts, with the characters its prefilter and its pattern might disagree on
    st.sampled_from(["", "Read also\n", "The EU\r", "x\u2028", "leaders\x1c"]),
    st.sampled_from(["BRUSSELS", "ST. PETERSBURG", "É", "Kyiv", "K", "ſ", "İSTANBUL", "EU", "The"]),
    st.lists(
        st.sampled_from(
            [" ", ",", ".", "’", "'", "(AFP)", "(Reuters)", "\t", "\x1c", "(", "x", ", Oct 2", " Sept. 21 ", "/TOKYO",
             "Dec", " 31", "ǅ", "ª"]
        ),
        max_size=3,
    ),
    st.sampled_from(["-", "–", "—", "--", ""]),
    st.sampled_from([" ", "\n", "x", "", "\u00a0"]),
).map(lambda parts: parts[0] + parts[1] + "".join(parts[2]) + parts[3] + parts[4] + " said")


@settings(max_examples=500, deadline=None)
@given(_HEADS)
def test_dateline_prefilter_never_hides_a_dateline(head: str) -> None:
    want = [m.span() for m in patterns.finditer(_DATELINE, head, 0, min(len(head), 200))]
    assert Scan(head).datelines == want


def _check_scan(scan: Scan, text: str, start: int, end: int) -> None:
    for mine, theirs in (
        (scan.status, _STATUS),
        (scan.places, _PLACE),
        (scan.counts, _COUNT),
    ):
        got = list(mine(start, end))
        want = list(patterns.finditer(theirs, text, start, end))
        assert len(got) == len(want) and all(map(_same, got, want)), (theirs.pattern[:40], start, end)
    for pattern in _KINDS["search"]:
        mine, theirs = scan.search(pattern, start, end), patterns.search(pattern, text, start, end)
        if pattern is _BACK and mine is None:  # _BACK always matches; None stands for its empty match
            assert theirs is not None and theirs.span() == (end, end)
        else:
            assert _same(mine, theirs), pattern.pattern
    for pattern in _KINDS["match"]:
        assert _same(scan.match(pattern, start), patterns.match(pattern, text, start)), pattern.pattern
    sliced = (("search_in", patterns.search), ("match_in", patterns.match), ("fullmatch_in", patterns.fullmatch))
    for kind, run in sliced:
        for pattern in _KINDS[kind]:
            assert _same(getattr(scan, kind)(pattern, start, end), run(pattern, text[start:end])), pattern.pattern
    back = patterns.search(_BACK, text, max(0, end - 120), end)
    assert scan.back(end) == (back.start() if back else end)
    gap = text[start:end].lstrip()
    assert may_govern(gap) or not patterns.fullmatch(_GOVERNED_GAP, gap)
    assert may_list(text[start:end]) or not patterns.match(_LIST_LINE, text, start, end)
