"""Running totals: which casualty figures count since a date or in total ("61 killed since the start of the year").

A marker ("so far", "since June 17", "in total", "in 2014") covers every
figure of its sentence. Markers are rare, so a line without one of their
words is settled without finding its sentence, which would cost a scan of
the whole document.
"""

from __future__ import annotations

from extractors import patterns
from extractors.casualties_found import Found
from extractors.casualties_scan import LocalLayout, count_may_follow, folded, mentions
from extractors.numbers import COUNT

_CUMULATIVE = patterns.lazy(
    r"""\b(?:so\s+far|thus\s+far|to\s+date|in\s+total|a\s+total\s+of|total\s+number|altogether|in\s+all\b|
    overall|cumulative|already|this\s+year|
    since(?!\s+(?:been|died|recovered|left|returned|resumed)\b)      # "27 of the injured have since been discharged"
      (?!\s+(?:the\s+|this\s+)?(?:morning|dawn|daybreak|midnight|early\s+hours)\b)|  # part of one day
    (?:in|during|throughout)\s+(?:the\s+(?:whole\s+|entire\s+)?(?:year\s+(?:of\s+)?)?)?(?:1[89]\d\d|20\d\d)\b(?!\s*[-–/]\s*\d))"""
)
#: A single event in the sentence makes "in 2014" a date, not the period of a running total.
_EVENT = patterns.lazy(
    r"""\b(?:a|an|the|its|this|that)\s+(?:(?-i:[\p{L}\-]+)\s+){0,2}?(?:attack|bombing|blast|explosion|crash|
    air\s+strike|airstrike|strike|earthquake|quake|fire|shooting|stampede|collapse|shipwreck|sinking|
    derailment|massacre|ambush|raid|landslide|storm|hurricane|typhoon|cyclone|tornado|accident|heatwave|heat\s+wave|
    flood|flooding|avalanche|eruption|tsunami|disaster|collision|outbreak|murder|killing)s?\b|\bshot\s+down\b"""
)
_YEAR_PERIOD = patterns.lazy(r"\b(?:in|during|throughout)\s+(?:the\s+[\w\s]{0,20}?)?(?:1[89]\d\d|20\d\d)\b")
_BRINGS = patterns.lazy(r"\b(?:brings?|bringing|brought)\b")
#: Where a new clause starts: a marker on one side does not reach a figure on the other ("13 killed since
#: Friday, while a peacekeeper was also killed"; "deployed since October, and about 100 have been killed").
_AND_COUNT = patterns.lazy(rf",\s+and\s+{COUNT}\s")
_AND_CLAUSE = patterns.lazy(r",\s+and\s+(?!\p{L}+(?:ed|ing)\b|another\b|more\b|then\b)\p{L}")
#: "Already in April 2021, 82 died": "already" dating an event is no running total.
_ALREADY_DATED = patterns.lazy(r"\balready\s+(?:in|on|back|last)\b")
#: A single day is no running total: "128 bodies on Tuesday alone".
_DAY_BEFORE = patterns.lazy(r"(?r)\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|overnight)\s+\Z")
#: A short recent stretch is no running total either: "In Punjab alone, two dozen died over the past 48 hours".
_RECENT = patterns.lazy(r"\b(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?:\w+\s+)?(?:hours|days|day)\b")
#: Words one of which every _CUMULATIVE marker holds, but for "in all" and "in 2014" (see below).
_CUMULATIVE_WORDS = ("far", "date", "total", "altogether", "overall", "cumulative", "already", "year", "since",
                     "bring", "brought")  # fmt: skip


def _may_be_cumulative(text: str, lo: int, hi: int) -> bool:
    """False only when ``text[lo:hi]`` cannot hold a _CUMULATIVE marker, so its sentences need no search."""
    window = folded(text)
    if window is None:
        window = text[lo:hi].casefold()
        lo, hi = 0, len(window)
    for w in _CUMULATIVE_WORDS:
        if window.find(w, lo, hi) >= 0:
            return True
    for word in ("all", "18", "19", "20"):  # "in all", "in 2014": a word after a space
        i = window.find(word, lo + 1, hi)
        while i > lo:
            if window[i - 1].isspace() and (_in_all(window, lo, i, hi) if word == "all" else _year(window, i, hi)):
                return True
            i = window.find(word, i + 1, hi)
    return False


def _ends_word(window: str, i: int, hi: int) -> bool:
    """Whether a word may end before ``i``: no ASCII letter, digit or "_" follows (a lax ``\b``)."""
    return i >= hi or not (window[i].isascii() and (window[i].isalnum() or window[i] == "_"))


def _in_all(window: str, lo: int, i: int, hi: int) -> bool:
    """Whether "all" at ``i`` may be the end of "in all"."""
    if not _ends_word(window, i + 3, hi):
        return False
    j = i
    while j > lo and window[j - 1].isspace():
        j -= 1
    return window[max(lo, j - 2) : j] == "in"


def _year(window: str, i: int, hi: int) -> bool:
    """Whether "18", "19" or "20" at ``i`` may start a year ("2014", not "20 people")."""
    return i + 4 <= hi and window[i + 2].isdigit() and window[i + 3].isdigit() and _ends_word(window, i + 4, hi)


_ALONE = patterns.lazy(r"\balone\b")
_SUPERLATIVE_BEFORE = patterns.lazy(
    r"""(?r)\b(?:deadliest|worst|biggest|largest|first|highest|most|bloodiest|heaviest|greatest|fiercest|strongest|
    largest|lowest|longest|latest|last|single)(?:\s+(?-i:[\p{L}\-]+)){0,6}\s+\Z"""
)
#: The superlatives of a toll reach further: "the deadliest attack on its force of in excess of 17,000 troops since".
_DEADLIEST_BEFORE = patterns.lazy(
    r"""(?r)\b(?:deadliest|worst|bloodiest|heaviest)(?:\s+(?:(?-i:[\p{L}\-'’]+)|\d[\d,.]*\d|\d)){0,12}\s+\Z"""
)


def _superlative_before(text: str, s_start: int, pos: int) -> bool:
    """Whether "since" at ``pos`` dates a record ("the deadliest day since 2014"), not a running total."""
    if patterns.match(_SUPERLATIVE_BEFORE, text, max(s_start, pos - 80), pos):
        return True
    lo = max(s_start, pos - 140)
    return mentions(text, lo, pos, ("deadliest", "worst", "bloodiest", "heaviest")) and bool(
        patterns.match(_DEADLIEST_BEFORE, text, lo, pos)
    )


def _has_marker(text: str, lo: int, hi: int, s_start: int, s_end: int) -> bool:
    """A running-total marker in ``text[lo:hi]``, but not "the deadliest day since ..." nor the
    year of a single event ("shot down in 2014")."""
    if not _may_be_cumulative(text, lo, hi):
        return False
    for marker in patterns.finditer(_CUMULATIVE, text, lo, hi):
        word = marker.group().lower()
        if word == "already" and patterns.match(_ALREADY_DATED, text, marker.start(), min(hi, marker.end() + 8)):
            continue
        if word == "since" and _superlative_before(text, s_start, marker.start()):
            continue
        if patterns.match(_YEAR_PERIOD, text, marker.start(), marker.end()) and patterns.search(_EVENT, text, s_start, s_end):
            continue
        return True
    return False


def mark_cumulative(text: str, layout: LocalLayout, found: list[Found]) -> None:
    """Set ``cumulative`` on every figure: a marker in its sentence, or a flag inherited from the figure it
    belongs to (``including``, ``among the dead``) or, with ``alone``, from the figure before it.

    "bringing to 61 the number ..." starts a new total, so a marker after it
    does not reach figures before it.
    """
    previous: Found | None = None
    markers: dict[tuple[int, int, int, int], bool] = {}  # figures of one sentence share its bounds
    lines: dict[tuple[int, int], bool] = {}  # and figures of one line its words
    for f in found:
        inherited = f.parent is not None and f.parent.value["cumulative"]
        line = (layout.line_start(f.count_start), layout.line_end(f.count_start))
        maybe = lines.get(line)
        if maybe is None:
            maybe = lines[line] = _may_be_cumulative(text, *line)
        if maybe:
            s_start, s_end = layout.sentence(f.count_start)
            bounds = (*_total_bounds(text, f, s_start, s_end, found), s_start, s_end)
            marked = markers.get(bounds)
            if marked is None:
                marked = markers[bounds] = _has_marker(text, *bounds)
            cumulative = marked or inherited
        else:  # no marker on the line, so none in the sentence; its bounds are needed only for "alone"
            s_start, s_end = layout.sentence(f.count_start) if _after_total(previous, inherited) else (0, 0)
            cumulative = inherited
        if not cumulative and _after_total(previous, inherited):
            alone = mentions(text, s_start, s_end, ("alone",))
            cumulative = alone and any(
                patterns.match(_DAY_BEFORE, text, max(s_start, a.start() - 20), a.start()) is None
                for a in patterns.finditer(_ALONE, text, s_start, s_end)
            ) and not (mentions(text, s_start, s_end, ("past", "last", "previous"))
                       and patterns.search(_RECENT, text, s_start, s_end))
        f.value["cumulative"] = cumulative
        previous = f


def _after_total(previous: Found | None, inherited: bool) -> bool:
    return not inherited and previous is not None and bool(previous.value["cumulative"])


#: Verbs after ", which" or ", who" that open reported speech: "a monitor, which said 2023 was the least deadly year".
_REPORTING = frozenset("said says reported reports added adds estimated estimates told".split())


def _clause_breaks(text: str, lo: int, hi: int) -> list[tuple[int, int, str]]:
    """Where new clauses start in ``text[lo:hi]``: ";", ", while", ", whereas", reported speech (", saying",
    ", adding", ", which said"), ", and" before a figure (kind "and") or before a new subject, but not before a
    verb sharing the subject ("..., and wounded 30"), and ", when" (kind "when": it reaches only the figures
    inside its own clause, "since 2006, when a blast caused 41 fatalities")."""
    breaks = []
    i = text.find(";", lo, hi)
    while i >= 0:
        breaks.append((i, i + 1, ""))
        i = text.find(";", i + 1, hi)
    i = text.find(",", lo, hi)
    while i >= 0:
        words = text[i + 1 : i + 24].split(None, 2)[:2]
        head = words[0].lower() if words else ""
        if head in ("while", "whereas", "saying", "adding", "when"):
            breaks.append((i, text.find(words[0], i + 1, hi) + len(head), "when" if head == "when" else ""))
        elif head in ("which", "who") and len(words) > 1 and words[1].lower().rstrip(",") in _REPORTING:
            breaks.append((i, text.find(words[0], i + 1, hi) + len(head), ""))
        elif head == "and":
            and_end = text.find("and", i, hi) + 3
            m = patterns.match(_AND_COUNT, text, i, hi) if count_may_follow(text, and_end) else None
            if m is not None:
                breaks.append((i, and_end, "and"))
            elif patterns.match(_AND_CLAUSE, text, i, hi) is not None:
                breaks.append((i, and_end, ""))
        i = text.find(",", i + 1, hi)
    return breaks


def _figure_in(found: list[Found], lo: int, hi: int) -> bool:
    return any(lo <= g.count_start < hi for g in found)


def _total_bounds(text: str, f: Found, s_start: int, s_end: int, found: list[Found]) -> tuple[int, int]:
    """The part of the sentence a marker must lie in: "brings to" before the figure starts it, after it ends it."""
    lo, hi = s_start, s_end
    for start, end, kind in _clause_breaks(text, s_start, s_end):
        if start >= f.end:
            hi = min(hi, start)
        elif kind == "when" and text.find(",", end, f.count_start) >= 0:
            continue  # "Since 2014, when the war began, 13,000 have died": the figure is past the "when" clause
        elif end <= f.count_start and not (kind == "and" and _figure_in(found, lo, start)):
            lo = max(lo, end)  # "400 killed since then, and 15,000 injured" share the marker
    if mentions(text, s_start, s_end, ("bring", "brought")):
        for b in patterns.finditer(_BRINGS, text, s_start, s_end):
            if b.start() >= f.end:
                hi = min(hi, b.start())
            elif b.end() <= f.count_start:
                lo = max(lo, b.start())
    return lo, hi
