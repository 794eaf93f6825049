"""Where the date keywords of a text are: month names, years, weekdays, today and yesterday.

Each ``regex`` call pays a couple of microseconds for its timeout, and a
``finditer`` pays them again for every hit and once more at the end, while
``str.find`` and ``bytes.translate`` run at memory speed. So the places a
month name or a year can begin are found with plain string work, :data:`SCAN`
is matched only there, anchored, and not at all when the hit is a bare month
name or a bare year, which the characters right after it show. The finders
give what a ``finditer`` of the patterns they stand in for gives
(test_dates checks it on random text).
"""

from __future__ import annotations

import regex

from extractors import patterns
from extractors.dates_words import WEEKDAYS

# Case matters: "May" is a month, "may" a verb; "March" a month, "march" a walk.
CASED = regex.VERSION1 | regex.VERBOSE

SCAN = patterns.compile(
    r"""
    \b(?:
        (?P<mon>J(?:an(?:uary)?|une?|uly?)|Feb(?:ruary)?|Ma(?:rch|r|y)|Apr(?:il)?|Aug(?:ust)?
               |Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)
        (?:(?P<dot>\.)|(?!\w))
        (?:[ \t\xa0]+(?:the[ \t\xa0]+)?(?P<d1s>(?P<d1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)(?![\w:]|[.,]\d)
           (?:[ \t\xa0]*(?:[-–—]|to|and|or|through|until|till)[ \t\xa0]*
              (?P<d2s>(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)(?![\w:]|[.,]\d))?
        )?
        (?:,?[ \t\xa0]+(?:of[ \t\xa0]+)?(?P<y1>(?:1[89]|20)\d\d)(?!\w|[.,]\d))?
      | (?P<year>(?:1[89]|20)\d\d)
        (?:-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])(?=T\d)   # 2021-12-02T10:00
          |(?:-(?P<im2>0[1-9]|1[0-2])-(?P<id2>0[1-9]|[12]\d|3[01])
             |[-–](?P<y2>(?:1[89]|20)\d\d|\d\d))?
           (?!\w|[.,]\d)
        )
    )
    """,
    CASED,
)
# Group numbers of SCAN, looked up once: the regex module resolves a group's name on every call,
# which costs several times the lookup by number.
MON, DOT, D1S, D1, D2S, D2, Y1, YEAR, IM, ID, IM2, ID2, Y2 = (
    SCAN.groupindex[name] for name in "mon dot d1s d1 d2s d2 y1 year im id im2 id2 y2".split()
)

_WORD_CHAR = patterns.compile(r"\w", CASED)

#: The three letters every month name of SCAN begins with, and the longer names that start with
#: them, longest first as the pattern tries them.
_MONTH_NAMES = {
    "Jan": ("January", "Jan"), "Feb": ("February", "Feb"), "Mar": ("March", "Mar"), "Apr": ("April", "Apr"),
    "May": ("May",), "Jun": ("June", "Jun"), "Jul": ("July", "Jul"), "Aug": ("August", "Aug"),
    "Sep": ("September", "Sept", "Sep"), "Oct": ("October", "Oct"), "Nov": ("November", "Nov"),
    "Dec": ("December", "Dec"),
}  # fmt: skip
#: A year of SCAN is (?:1[89]|20)\d\d.
_CENTURIES = frozenset(("18", "19", "20"))
#: What may follow a month name (and its spaces, and a comma) when SCAN reads a day or a year on:
#: the digit of a day or year, "the 2nd", "of 2020".
_MAY_CONTINUE = frozenset("0123456789to")

# Twelve month names and three centuries would take fifteen passes of str.find. Instead one
# bytes.translate maps every character that can open one of them to 1 and every character that
# can come second to 2, so a single search for the bytes 1, 2 finds them all, among few others
# ("Ne" of "New", "10" of "100") that a dictionary lookup turns away. Non-ASCII characters are
# encoded as "?" first, one byte each, so byte offsets are str offsets.
_CLASSES = bytearray(256)
for _c in b"JFMASOND12":
    _CLASSES[_c] = 1
for _c in b"aepuco890":
    _CLASSES[_c] = 2
_CLASS_TABLE = bytes(_CLASSES)
del _c, _CLASSES
_OPENING = b"\x01\x02"

#: What may stand right before "day" in a weekday, today or yesterday; see day_words.
WEEKDAY_STEMS = {stem: WEEKDAYS[stem[:3].lower()] for stem in "Mon Tues Wednes Thurs Fri Satur Sun".split()}
RELATIVE_STEMS = frozenset("To to Yester yester".split())
#: The stems by their last two letters, shortest first: one lookup turns "holiday" and "birthday" away.
_STEMS_BY_TAIL: dict[str, tuple[str, ...]] = {}
for _stem in sorted([*WEEKDAY_STEMS, *RELATIVE_STEMS], key=len):
    _STEMS_BY_TAIL[_stem[-2:]] = (*_STEMS_BY_TAIL.get(_stem[-2:], ()), _stem)
del _stem


#: Whether a non-ASCII character is what ``\w`` matches, asked of the pattern once per character
#: and process: curly quotes and dashes stand next to date words in most news text.
_NON_ASCII_WORD: dict[str, bool] = {}


def is_word(text: str, i: int) -> bool:
    """Whether ``text[i]`` is what ``\\w`` matches; plain string tests for ASCII, the pattern otherwise."""
    c = text[i]
    if c.isascii():
        return c.isalnum() or c == "_"
    known = _NON_ASCII_WORD.get(c)
    if known is None:
        known = _NON_ASCII_WORD[c] = patterns.fullmatch(_WORD_CHAR, c) is not None
    return known


#: One hit of SCAN: its start, the month name ("" for a year), whether the name's dot was read, and
#: the match itself, or None for a bare month name or bare year, which span the name (and dot) or
#: four digits and fill no other group.
Hit = tuple[int, str, bool, "regex.Match[str] | None"]


def _month_at(text: str, i: int) -> Hit | None:
    n = len(text)
    for name in _MONTH_NAMES[text[i : i + 3]]:
        if not text.startswith(name, i):
            continue
        j = i + len(name)
        if j < n and text[j] == ".":
            dot, j = True, j + 1
        elif j == n or not is_word(text, j):
            dot = False
        else:
            continue
        k = j + 1 if text[j : j + 1] == "," else j
        while k < n and text[k] in " \t\xa0":
            k += 1
        if k > j and k < n and text[k] in _MAY_CONTINUE:
            break  # a day or a year may follow: the pattern decides
        return i, name, dot, None
    else:
        return None  # no name ends where a month name must
    m = patterns.match(SCAN, text, i)
    if m is None:
        return None
    return i, m.group(MON), m.group(DOT) is not None, m


def _year_at(text: str, i: int) -> Hit | None:
    j = i + 4
    if j == len(text):
        return (i, "", False, None) if text[i + 2 : j].isascii() else _matched(text, i)
    c = text[j]
    if c in "-–" or not text[i + 2 : j].isascii():
        return _matched(text, i)  # an ISO date or a span of years may follow: the pattern decides
    if is_word(text, j) or (c in ".," and text[j + 1 : j + 2].isdecimal()):
        return None  # "20140", "2014.5": no year
    return i, "", False, None


def _matched(text: str, i: int) -> Hit | None:
    m = patterns.match(SCAN, text, i)
    return None if m is None else (i, "", False, m)


def month_year_hits(text: str) -> list[Hit]:
    """What ``patterns.finditer(SCAN, text)`` finds, as :data:`Hit` tuples, in text order."""
    find = text.encode("ascii", "replace").translate(_CLASS_TABLE).find
    i = find(_OPENING)
    if i < 0:
        return []  # most texts of a corpus: no month name and no year
    hits = []
    last = 0  # the end of the last hit: finditer steps over what it matched
    last_year = len(text) - 4
    while i >= 0:
        if i >= last:
            # the cheap dictionary tests first: most openings are "New" or "100"; then \b before
            hit = None
            if text[i : i + 3] in _MONTH_NAMES:
                if i == 0 or not is_word(text, i - 1):
                    hit = _month_at(text, i)
            elif text[i : i + 2] in _CENTURIES and i <= last_year and text[i + 2 : i + 4].isdecimal():
                if i == 0 or not is_word(text, i - 1):
                    hit = _year_at(text, i)
            if hit is not None:
                hits.append(hit)
                m = hit[3]
                last = m.end() if m is not None else i + (len(hit[1]) + hit[2] if hit[1] else 4)
        i = find(_OPENING, i + 2)
    return hits


def day_words(text: str) -> list[tuple[int, int, str]]:
    """(start, end, stem) of every whole word ``Monday`` .. ``Sunday``, ``today`` and ``yesterday``.

    The same as a case-sensitive ``(?<!\\w)(?:Mon|...|Sun|[Tt]o|[Yy]ester)day(?!\\w)`` scan, but
    found from each "day" with ``str.find``: half the documents hold one, few hold more, and a
    regex call (with its timeout) costs more than the string work around a handful of hits.
    """
    found: list[tuple[int, int, str]] = []
    i = text.find("day", 2)
    if i < 0:
        return found
    n = len(text)
    while i >= 0:
        end = i + 3
        stems = _STEMS_BY_TAIL.get(text[i - 2 : i])
        if stems is not None and (end == n or not is_word(text, end)):
            for stem in stems:
                start = i - len(stem)
                if start >= 0 and text.startswith(stem, start) and (start == 0 or not is_word(text, start - 1)):
                    found.append((start, end, stem))
                    break
        i = text.find("day", end)
    return found
