"""One sentence's sanctions measure: its counts, package number, issuer, target and status."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

from extractors import patterns
from extractors.numbers import parse_number, parse_ordinal
from extractors.sanctions_patterns import (
    Match, _CASUALTY_AFTER, _CASUALTY_AROUND, _CLAUSE_BREAK, _CONDITIONAL, _Fact, _GOVERNED_GAP,
    _Mention, _NAMED_PERSON, _NEW, _ORDINAL_PACKAGE, _PASSIVE_GAP, _Place,
)
from extractors.sanctions_parties import _issuer, _target
from extractors.sanctions_prefilter import may_govern
from extractors.sanctions_scan import Scan

# --- one sentence ---


def _sentence_facts(
    scan: Scan, sentence: tuple[int, int], mentions: list[_Mention], places: list[_Place]
) -> Iterator[_Fact]:
    """One fact for the sentence, or one per mention whose own clause names a different issuer."""
    text = scan.text
    ss, se = sentence
    if len(mentions) > 1:
        bounds = [ss] + [m.end for m in mentions[:-1]]
        ends = [m.start for m in mentions[1:]] + [se]
        local = [_issuer(scan, (b, e), m, _within(places, (b, e))) for b, e, m in zip(bounds, ends, mentions)]
        if len({i for i in local if i}) > 1:
            for b, e, m, i in zip(bounds, ends, mentions, local):
                if i or m is mentions[0]:
                    yield _analyse(scan, (b, e), [m], places)
            return
    yield _analyse(scan, sentence, mentions, places)


def _within(places: list[_Place], window: tuple[int, int]) -> list[_Place]:
    """The places inside ``window``; ``places`` is in text order."""
    i = bisect.bisect_left(places, window[0], key=lambda p: p.start)
    j = bisect.bisect_left(places, window[1], lo=i, key=lambda p: p.start)
    return [p for p in places[i:j] if p.end <= window[1]]


def _analyse(scan: Scan, window: tuple[int, int], mentions: list[_Mention], places: list[_Place]) -> _Fact:
    text = scan.text
    here = _within(places, window)
    counts: dict[str, int | None] = {"persons": None, "entities": None, "listings": None}
    count_spans: list[tuple[int, int]] = []
    for m in scan.counts(*window):
        if scan.match(_CASUALTY_AFTER, m.end()) or scan.search(_CASUALTY_AROUND, max(0, m.start() - 40), m.start("n")):
            continue
        key = m.lastgroup or ""
        if key in counts and counts[key] is None:
            counts[key] = parse_number(m.group("n"))
            count_spans.append(m.span())
    if all(v is None for v in counts.values()) and scan.search(_NAMED_PERSON, *window):
        counts["persons"] = 1
    governing = [_governing_cue(scan, window, m) for m in mentions]
    primary = next(
        (m for m in mentions if scan.search(_NEW, m.start, m.end)),
        next((m for m, g in zip(mentions, governing) if g), mentions[0]),
    )
    found = scan.search(_ORDINAL_PACKAGE, primary.start, primary.end) or scan.search(_ORDINAL_PACKAGE, *window)
    ordinal = parse_ordinal(found.group("ord")) if found else None
    issuer = _issuer(scan, window, primary, here)
    target = primary.target or _target(scan, primary, here, issuer, count_spans)
    value: dict[str, Any] = {
        "issuer": issuer,
        "target": target,
        "ordinal": ordinal,
        **counts,
        "status": _status(scan, window, primary, governing[mentions.index(primary)]),
    }
    fact = _Fact(primary.start, primary.end, window, value, f"sanctions:{primary.trigger.lastgroup}")
    fact.explicit_issuer = issuer is not None
    fact.new = bool(scan.search(_NEW, primary.start, primary.end)) or ordinal is not None or any(
        v is not None for v in counts.values()
    )
    fact.governed = any(governing)
    return fact


def _governing_cue(scan: Scan, window: tuple[int, int], mention: _Mention) -> Match | None:
    """The status verb nearest the mention that acts on it: just before it, inside it, or after it in the passive."""
    text = scan.text
    ws, we = window
    found: Match | None = None
    for cue in scan.status(max(ws, mention.start - 80), min(we, mention.end + 40)):
        if cue.lastgroup in ("demanded", "negated"):
            found = None  # "called for the lifting of sanctions", "will not lift sanctions": nothing happens
            continue
        if cue.start() >= mention.start and cue.end() <= mention.end:
            return cue
        if cue.end() <= mention.start:
            gap = text[cue.end() : mention.start].lstrip()
            if may_govern(gap) and patterns.fullmatch(_GOVERNED_GAP, gap):
                found = cue  # keep the last, nearest one
        elif found is None and scan.search(_PASSIVE_GAP, mention.end, cue.start()):
            return cue
        else:
            break
    return found


def _status(scan: Scan, window: tuple[int, int], mention: _Mention, governing: Match | None) -> str:
    """The governing cue's status, else the nearest cue's (one clause beats two); adopted when none."""
    text = scan.text
    cue = governing
    if cue is None:
        best: tuple[int, Match] | None = None
        for c in scan.status(*window):
            if c.end() <= mention.start:
                gap, dist = (c.end(), mention.start), mention.start - c.end()
            elif c.start() >= mention.end:
                gap, dist = (mention.end, c.start()), c.start() - mention.end + 15
            else:
                gap, dist = (0, 0), 0
            if scan.search_in(_CLAUSE_BREAK, *gap):
                dist += 60
            if best is None or dist < best[0]:
                best = (dist, c)
        if best is None:
            return "adopted"
        cue = best[1]
    kind = cue.lastgroup or "adopted"
    if kind in ("proposed", "announced", "infinitive") and patterns.search(_CONDITIONAL, text, *window):
        return "threatened"  # "will impose sanctions if Russia invades"
    return _KIND_STATUS.get(kind, kind)


_KIND_STATUS = {
    "negated": "adopted",
    "demanded": "adopted",
    "announced": "adopted",  # "said it would adopt", "Canada will impose": a decision made public
    "counterfactual": "proposed",  # "a resolution that would have imposed new sanctions"
    "infinitive": "proposed",  # "urged Biden to impose"
}
