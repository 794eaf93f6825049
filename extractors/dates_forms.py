"""Date forms the month-name and year scan of ``dates_find`` does not read.

Numeric dates (``14.03.2025``, ``24/02/2022``), an ordinal day that leans on a
date just before it (``from 14 March until the 16th``) and a dateline whose
month is written in lower case (``CARACAS, 31 dec (EFE)``). Each is rare, so
each is found with plain string work first and a pattern, if any, runs only
where the strings say one may match.
"""

from __future__ import annotations

import datetime as dt

import regex

from extractors import dates_resolve as resolve
from extractors import patterns
from extractors.dates_find import is_word
from extractors.dates_words import MONTHS

_DIGITS = "0123456789"
#: What may not touch a numeric date on the left: "1.14.03.2025" is a version, "10:14.03" a time.
_NUMERIC_GLUE = "./-,:"


def _number_before(text: str, end: int) -> int:
    """Where the run of one or two ASCII digits ending at ``end`` starts, -1 when there is none."""
    k = end
    while k > 0 and end - k < 3 and text[k - 1] in _DIGITS:
        k -= 1
    return k if 1 <= end - k <= 2 else -1


def numeric_before(text: str, start: int) -> tuple[int, int, int] | None:
    """(start, day, month) of the ``dd.mm.`` written before the 4-digit year at ``start``.

    With dots the day comes first, as European copy writes it (``14.03.2025``). With slashes
    or hyphens the order differs between house styles, so only an order the numbers decide is
    read: ``24/02/2022`` (no month 24), ``02/24/2022``, or the same number twice.
    """
    sep = text[start - 1 : start]
    if not sep or sep not in "./-":
        return None
    k = _number_before(text, start - 1)
    if k < 1 or text[k - 1] != sep:
        return None
    k2 = _number_before(text, k - 1)
    if k2 < 0 or (k2 > 0 and (text[k2 - 1] in _NUMERIC_GLUE or is_word(text, k2 - 1))):
        return None
    first, second = int(text[k2 : k - 1]), int(text[k : start - 1])
    if sep == "." or first > 12 or first == second:
        day, month = first, second
    elif second > 12:
        day, month = second, first
    else:
        return None  # 03/04/2025: April 3rd or March 4th, the text does not say
    return (k2, day, month) if 1 <= month <= 12 and day >= 1 else None


# "until the 16th," - a day of the month named by the date before it. Only when punctuation follows:
# "the 16th century", "the 16th package" and "the 16th of March" are something else.
_ORDINAL_DAY = patterns.compile(
    r"(?<!\w)the[ \t\xa0]+(?P<d>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)(?=[,.;:!?)]|[ \t\xa0]*$)"
)


#: Words before ``the 16th`` that make it a date of the month just named: ``last until the 16th``.
_ORDINAL_CUES = frozenset("on until till by through from to before after since".split())
#: How far after a date, in characters, ``the 16th`` may lean on it.
_ORDINAL_REACH = 120


def ordinal_days(text: str, days: list[tuple[int, str | None]]) -> list[tuple[int, int, str | None]]:
    """(start, end, ISO date or None) of each ``until the 16th`` a little after a day of a month.

    ``days`` holds the end and the ISO value (None without a publication date) of each day of a
    month found, in text order. The ordinal takes the month of the nearest of them before it, and
    only a later day of that month: ``on the 12th`` after March 14 may be earlier that month or
    next month. The stretch after each date is searched with ``str.find``: it holds a handful of
    "the", and a pattern call costs more than finding them.
    """
    starts: list[int] = []
    done = 0
    for end, _ in days:
        i = text.find("the ", end if end > done else done, end + _ORDINAL_REACH)
        done = end + _ORDINAL_REACH
        while i >= 0:
            if text[i + 4 : i + 5].isdecimal():
                starts.append(i)
            i = text.find("the ", i + 4, done)
    found: list[tuple[int, int, str | None]] = []
    for start in starts:
        m = patterns.match(_ORDINAL_DAY, text, start)
        if m is None or _cue_before(text, start) not in _ORDINAL_CUES:
            continue
        before = [day for day in days if day[0] <= start]
        if not before or "\n\n" in text[before[-1][0] : start]:
            continue  # no date before it in its paragraph
        iso = before[-1][1]
        mday = int(m["d"])
        if iso is None:
            found.append((start, m.end(), None))
            continue
        year, month, day = map(int, iso.split("-"))
        if mday > day and mday <= resolve.days_in(year, month):
            found.append((start, m.end(), dt.date(year, month, mday).isoformat()))
    return found


def _cue_before(text: str, start: int) -> str:
    words = text[max(0, start - 16) : start].split()
    return words[-1].lower() if words else ""


#: Month names a dateline may spell in any case: full names and their short forms.
_DATELINE_MONTHS = frozenset(
    """january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec""".split()
)


def dateline(text: str, paren: int, published: dt.date | None) -> tuple[int, int, str | None] | None:
    """(start, end, ISO date or None) of the date in a dateline such as ``CARACAS, 31 dec (EFE)``.

    ``paren`` is where the agency's bracket opens. The scan of ``dates_find`` reads capitalized
    month names only ("may" is a verb); between a city and an agency's bracket the words can only
    be a date, whatever their case. It is the story's own date: the nearest such day.
    """
    comma = text.rfind(", ", 0, paren)
    if comma < 1 or paren - comma > 16 or not text[0].isupper():
        return None
    city = text[:comma].replace(" ", "").replace("-", "").replace(".", "")
    if not city.isalpha():
        return None
    start = comma + 2
    while text[start] in " \t\xa0":
        start += 1
    segment = text[start:paren].rstrip()
    words = segment.split()
    if len(words) != 2:
        return None
    if words[0].isdecimal():
        day_word, month_word = words
    else:
        month_word, day_word = words
    if not day_word.isdecimal() or not day_word.isascii() or not 1 <= int(day_word) <= 31:
        return None
    if month_word.rstrip(".").lower() not in _DATELINE_MONTHS:
        return None
    end = start + len(segment)
    if published is None:
        return start, end, None
    found = resolve.day(published, MONTHS[month_word[:3].lower()], int(day_word), resolve.Direction.NEAREST)
    return None if found is None else (start, end, found.isoformat())


# "on 12th of this month", "the 3rd of last month": a day of a month named only relative to publication.
_DAY_OF_MONTH = patterns.compile(
    r"(?<!\w)(?:the[ \t\xa0]+)?(?P<d>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)[ \t\xa0]+of[ \t\xa0]+"
    r"(?P<which>this|last|next|the[ \t\xa0]+current|the[ \t\xa0]+previous|the[ \t\xa0]+same)[ \t\xa0]+month(?!\w)"
)
_MONTH_SHIFT = {"this": 0, "the current": 0, "the same": 0, "last": -1, "the previous": -1, "next": 1}


def days_of_month(text: str, published: dt.date | None) -> list[tuple[int, int, str | None]]:
    """(start, end, ISO date or None) of each ``12th of this month``; the phrase is found with ``str.find``."""
    found: list[tuple[int, int, str | None]] = []
    i = text.find(" month")
    while i >= 0:
        m = patterns.search(_DAY_OF_MONTH, text, max(0, i - 30), i + 6)
        if m is not None and (published is None or (iso := _day_of_month(m, published))):
            found.append((m.start("d"), m.end(), None if published is None else iso))
        i = text.find(" month", i + 6)
    return found


def _day_of_month(m: regex.Match[str], published: dt.date) -> str | None:
    """The ISO day, or None when the month has no such day (``31st of last month`` in March)."""
    shift = _MONTH_SHIFT[" ".join(m["which"].lower().split())]
    index = published.year * 12 + published.month - 1 + shift
    year, month = divmod(index, 12)
    day = int(m["d"])
    return dt.date(year, month + 1, day).isoformat() if day <= resolve.days_in(year, month + 1) else None
