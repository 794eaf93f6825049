"""Calendar arithmetic for the date extractor: which year a year-less date falls in.

A year-less day or month and a weekday are resolved against the publication
date in a direction (see :class:`Direction`): the nearest one, on or before
it (past tense, ``since``), on or after it (future tense), strictly before it
(``last``), strictly after it (``next``), or the nearest with a lean one way
(deadlines; a tense whose verb does not govern the date). Kept apart from the
pattern code so the rules of FACTS.md can be tested on their own.
"""

from __future__ import annotations

import calendar
import datetime as dt
from enum import Enum


class Direction(Enum):
    NEAREST = "nearest"
    PAST = "past"  # on or before the publication date
    FUTURE = "future"  # on or after it
    BEFORE = "before"  # strictly before: "last May", "last Monday"
    AFTER = "after"  # strictly after: "next March", "next Friday"
    #: Nearest, but the later reading wins unless the earlier one is under half as far:
    #: deadlines (``until July 31``, ``by December 31``) mostly point forward.
    LEAN_FUTURE = "lean-future"
    #: The mirror image: a past verb that does not govern the date (``said on Thursday, ruling
    #: out a vote in December``) breaks a near tie but does not move a date days ahead a year back.
    LEAN_PAST = "lean-past"


def weekday(published: dt.date, day: int, direction: Direction) -> dt.date:
    """The ``day`` (0 = Monday) a text published on ``published`` means.

    A bare weekday is read as the nearest one on or before the publication
    date (news reports what happened), so every other direction behaves as PAST.
    """
    today = published.weekday()
    if direction is Direction.FUTURE:
        return published + dt.timedelta(days=(day - today) % 7)
    if direction is Direction.AFTER:
        return published + dt.timedelta(days=(day - today - 1) % 7 + 1)
    if direction is Direction.BEFORE:
        return published - dt.timedelta(days=(today - day - 1) % 7 + 1)
    return published - dt.timedelta(days=(today - day) % 7)


def days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def day(published: dt.date, month: int, mday: int, direction: Direction) -> dt.date | None:
    """The year-less ``month``/``mday`` nearest ``published`` in ``direction``; None if no year has it."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        if mday <= calendar.monthrange(year, month)[1]:
            candidates.append(dt.date(year, month, mday))
    if not candidates:
        return None
    return _pick(published, [(c, c) for c in candidates], direction)[0]


def month(published: dt.date, mon: int, direction: Direction) -> tuple[int, int]:
    """The (year, month) a year-less month means, judged by the whole month's days."""
    spans = []
    for year in (published.year - 1, published.year, published.year + 1):
        first = dt.date(year, mon, 1)
        last = dt.date(year, mon, calendar.monthrange(year, mon)[1])
        spans.append((first, last))
    first, _ = _pick(published, spans, direction)
    return first.year, first.month


def _pick(published: dt.date, spans: list[tuple[dt.date, dt.date]], direction: Direction) -> tuple[dt.date, dt.date]:
    """Choose one (first, last) interval; spans come in calendar order."""
    if direction is Direction.PAST:
        fitting = [s for s in spans if s[0] <= published]
        return fitting[-1] if fitting else spans[0]
    if direction is Direction.FUTURE:
        fitting = [s for s in spans if s[1] >= published]
        return fitting[0] if fitting else spans[-1]
    if direction is Direction.BEFORE:
        fitting = [s for s in spans if s[1] < published]
        return fitting[-1] if fitting else spans[0]
    if direction is Direction.AFTER:
        fitting = [s for s in spans if s[0] > published]
        return fitting[0] if fitting else spans[-1]

    def distance(span: tuple[dt.date, dt.date]) -> int:
        first, last = span
        if first <= published <= last:
            return 0
        return (first - published).days if first > published else (published - last).days

    if direction is Direction.LEAN_FUTURE or direction is Direction.LEAN_PAST:
        later = [s for s in spans if s[1] >= published]
        earlier = [s for s in spans if s[0] <= published]
        if later and earlier and distance(later[0]) > 0 and distance(earlier[-1]) > 0:
            ahead, back = distance(later[0]), distance(earlier[-1])
            if direction is Direction.LEAN_FUTURE:
                return later[0] if 2 * back >= ahead else earlier[-1]
            return earlier[-1] if 2 * ahead >= back else later[0]
    # min() keeps the first of equals: a tie goes to the earlier, past reading.
    return min(spans, key=distance)
