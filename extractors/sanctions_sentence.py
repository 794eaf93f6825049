"""One sentence's sanctions measure: its counts, package number, issuer, target and status."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

from extractors import patterns
from extractors.numbers import parse_number, parse_ordinal
from extractors.sanctions_patterns import (
    Match, _CASUALTY_AFTER, _CASUALTY_AROUND, _CLAUSE_BREAK, _CONDITIONAL, _COUNT, _Fact, _GOVERNED_GAP,
    _Mention, _NAMED_PERSON, _NEW, _ORDINAL_PACKAGE, _PASSIVE_GAP, _Place, _STATUS,
)
from extractors.sanctions_parties import _issuer, _target

# --- one sentence ---


def _sentence_facts(
    text: str, sentence: tuple[int, int], mentions: list[_Mention], places: list[_Place]
) -> Iterator[_Fact]:
    """One fact for the sentence, or one per mention whose own clause names a different issuer."""
    ss, se = sentence
    if len(mentions) > 1:
        bounds = [ss] + [m.end for m in mentions[:-1]]
        ends = [m.start for m in mentions[1:]] + [se]
        local = [_issuer(text, (b, e), m, _within(places, (b, e))) for b, e, m in zip(bounds, ends, mentions)]
        if len({i for i in local if i}) > 1:
            for b, e, m, i in zip(bounds, ends, mentions, local):
                if i or m is mentions[0]:
                    yield _analyse(text, (b, e), [m], places)
            return
    yield _analyse(text, sentence, mentions, places)


def _within(places: list[_Place], window: tuple[int, int]) -> list[_Place]:
    """The places inside ``window``; ``places`` is in text order."""
    i = bisect.bisect_left(places, window[0], key=lambda p: p.start)
    j = bisect.bisect_left(places, window[1], lo=i, key=lambda p: p.start)
    return [p for p in places[i:j] if p.end <= window[1]]


def _analyse(text: str, window: tuple[int, int], mentions: list[_Mention], places: list[_Place]) -> _Fact:
    here = _within(places, window)
    counts: dict[str, int | None] = {"persons": None, "entities": None, "listings": None}
    count_spans: list[tuple[int, int]] = []
    for m in patterns.finditer(_COUNT, text, *window):
        if patterns.match(_CASUALTY_AFTER, text, m.end()) or patterns.search(
            _CASUALTY_AROUND, text, max(0, m.start() - 40), m.start("n")
        ):
            continue
        key = m.lastgroup or ""
        if key in counts and counts[key] is None:
            counts[key] = parse_number(m.group("n"))
            count_spans.append(m.span())
    if all(v is None for v in counts.values()) and patterns.search(_NAMED_PERSON, text, *window):
        counts["persons"] = 1
    governing = [_governing_cue(text, window, m) for m in mentions]
    primary = next(
        (m for m in mentions if patterns.search(_NEW, text, m.start, m.end)),
        next((m for m, g in zip(mentions, governing) if g), mentions[0]),
    )
    found = patterns.search(_ORDINAL_PACKAGE, text, primary.start, primary.end) or patterns.search(
        _ORDINAL_PACKAGE, text, *window
    )
    ordinal = parse_ordinal(found.group("ord")) if found else None
    issuer = _issuer(text, window, primary, here)
    target = primary.target or _target(text, primary, here, issuer, count_spans)
    value: dict[str, Any] = {
        "issuer": issuer,
        "target": target,
        "ordinal": ordinal,
        **counts,
        "status": _status(text, window, primary, governing[mentions.index(primary)]),
    }
    fact = _Fact(primary.start, primary.end, window, value, f"sanctions:{primary.trigger.lastgroup}")
    fact.explicit_issuer = issuer is not None
    fact.new = bool(patterns.search(_NEW, text, primary.start, primary.end)) or ordinal is not None or any(
        v is not None for v in counts.values()
    )
    fact.governed = any(governing)
    return fact


def _governing_cue(text: str, window: tuple[int, int], mention: _Mention) -> Match | None:
    """The status verb nearest the mention that acts on it: just before it, inside it, or after it in the passive."""
    ws, we = window
    found: Match | None = None
    for cue in patterns.finditer(_STATUS, text, max(ws, mention.start - 80), min(we, mention.end + 40)):
        if cue.lastgroup in ("demanded", "negated"):
            found = None  # "called for the lifting of sanctions", "will not lift sanctions": nothing happens
            continue
        if cue.start() >= mention.start and cue.end() <= mention.end:
            return cue
        if cue.end() <= mention.start:
            if patterns.fullmatch(_GOVERNED_GAP, text[cue.end() : mention.start].lstrip()):
                found = cue  # keep the last, nearest one
        elif found is None and patterns.search(_PASSIVE_GAP, text, mention.end, cue.start()):
            return cue
        else:
            break
    return found


def _status(text: str, window: tuple[int, int], mention: _Mention, governing: Match | None) -> str:
    """The governing cue's status, else the nearest cue's (one clause beats two); adopted when none."""
    cue = governing
    if cue is None:
        best: tuple[int, Match] | None = None
        for c in patterns.finditer(_STATUS, text, *window):
            if c.end() <= mention.start:
                gap, dist = text[c.end() : mention.start], mention.start - c.end()
            elif c.start() >= mention.end:
                gap, dist = text[mention.end : c.start()], c.start() - mention.end + 15
            else:
                gap, dist = "", 0
            if patterns.search(_CLAUSE_BREAK, gap):
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
