"""The facts of one document's dates, built hit by hit in text order (the date extractor's state).

DatesExtractor finds the hits; DateScan judges each by the few words around
it, resolves year-less dates against the publication date, and merges the
facts in text order. Kept apart so each module stays readable.
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from dataclasses import dataclass
from typing import Any

import regex

from extractors import dates_resolve as resolve
from extractors import patterns
from extractors.dates_context import (
    TRAILING_PUNCT,
    Left,
    attributive,
    in_dateline,
    left_of,
    next_word,
)
from extractors.dates_find import (
    CASED,
    D1,
    D1S,
    D2,
    D2S,
    ID,
    ID2,
    IM,
    IM2,
    WEEKDAY_STEMS,
    Y1,
    Y2,
)
from extractors.dates_forms import dateline, days_of_month, numeric_before, ordinal_days
from extractors.dates_resolve import Direction
from extractors.dates_tense import reading, tense, will
from extractors.dates_words import (
    CLAUSE_OPENERS,
    COUNT_NOUNS,
    DETERMINERS,
    EVENT_NOUNS,
    FUNCTION_WORDS,
    MAY_NOT_CUES,
    MONTH_CUES,
    MONTHS,
    SUBJECT_VERBS,
    WEAK_YEAR_BLOCK,
    WEAK_YEAR_CUES,
    WEEKDAY_NOT_AFTER,
    WEEKDAY_NOT_BEFORE,
    YEAR_CUES,
    YEAR_VERBS,
)

# Day-first forms, read backwards from a month: "2 December", "8-13 October", "the 2nd of December".
_DAY_FIRST = patterns.compile(
    r"""(?<![\w,.])(?P<d1s>(?P<d1>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?)
        (?:[ \t\xa0]*(?:[-–—]|to|and|or)[ \t\xa0]*(?P<d2s>(?P<d2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?))?
        [ \t\xa0]+(?:of[ \t\xa0]+)?$""",
    CASED,
)
_YEAR_WORD_AFTER = patterns.compile(r",?[ \t\xa0]+(?:of[ \t\xa0]+)?(?P<w>this|last|next)[ \t\xa0]+year\b")

_FULL_MONTHS = frozenset(
    "January February March April May June July August September October November December".split()
)
_SHIFTS = {"last": Direction.BEFORE, "past": Direction.BEFORE, "previous": Direction.BEFORE,
           "next": Direction.AFTER, "coming": Direction.AFTER, "this": None}  # fmt: skip
#: Cues that name a deadline or a span's end: a past verb (``extended until July 31``) does not
#: put the date in the past, and the later of two readings is preferred (see Direction.LEAN_FUTURE).
_DEADLINE_CUES = frozenset("to until till by through into".split())
_TENSE_DIRECTION = {"past": Direction.PAST, "pluperfect": Direction.PAST, "future": Direction.FUTURE}
#: The same for a tense whose verb does not govern the date: it only breaks a near tie.
_WEAK_DIRECTION = {"past": Direction.LEAN_PAST, "pluperfect": Direction.LEAN_PAST, "future": Direction.LEAN_FUTURE}
#: Cues before a weekday that name a deadline (``by Friday``, ``until Thursday``): it lies ahead
#: unless a past verb says otherwise. "to" and "into" are left out: ``the night to Monday``.
_WEEKDAY_DEADLINES = frozenset("by until till through".split())
_CHAIN_GAPS = frozenset(["and", "or", "to", "-", "–", "—", ",", ", and", "through", "until", "till", "and in"])
#: What may stand between the two ends of a range whose year is written once, at its end.
_RANGE_GAPS = frozenset(["and", "or", "to", "-", "–", "—", "through", "until", "till"])
_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}
#: What may touch a weekday or "today" on the left: nothing, or an opening bracket or quote.
_OPENERS = frozenset(["", "(", "[", "\"", "“", "‘", "'", "«"])


def _value(value: str | None, granularity: str, relative: bool) -> dict[str, Any]:
    return {"value": value, "granularity": granularity, "relative": relative}


_BY_SPAN = operator.attrgetter("start", "end")


@dataclass(slots=True)
class _Fact:
    start: int
    end: int
    value: dict[str, Any]
    rule: str
    weekday: bool = False


# The calendar arithmetic behind a year-less date depends on the publication date and a few
# small numbers only, and a corpus holds many stories of the same day: each answer is worked
# out once per process, not once per mention.
@functools.lru_cache(maxsize=8192)
def _day_iso(published: dt.date, mon: int, mday: int, direction: Direction) -> str | None:
    found = resolve.day(published, mon, mday, direction)
    return None if found is None else found.isoformat()


@functools.lru_cache(maxsize=8192)
def _month_iso(published: dt.date, mon: int, direction: Direction) -> str:
    y, mo = resolve.month(published, mon, direction)
    return f"{y:04d}-{mo:02d}"


@functools.lru_cache(maxsize=8192)
def _weekday_iso(published: dt.date, day: int, direction: Direction, previous: bool) -> str:
    date = resolve.weekday(published, day, direction)
    if previous:
        date -= dt.timedelta(days=7)  # "the previous Friday": the one before last Friday
    return date.isoformat()


def _year_word_after(text: str, pos: int) -> regex.Match[str] | None:
    """``this year`` / ``of last year`` right after a month: ``January this year``."""
    if "year" not in text[pos : pos + 20]:
        return None
    return patterns.match(_YEAR_WORD_AFTER, text, pos, min(len(text), pos + 24))


class DateScan:
    """The facts of one document, built hit by hit in text order."""

    def __init__(self, text: str, published: dt.date | None) -> None:
        self.text = text
        self.published = published
        self.facts: list[_Fact] = []
        self.chain_end = -1  # end of the last month or year fact, for "June and July", "1985 and 1987"
        #: the last fact, its month and its day (0 for a month) when its year was not written,
        #: for a year written at a range's end to fill in
        self.yearless: tuple[_Fact, int, int] | None = None
        #: the same for the last fact whose year was written, for the range's second end to take
        self.yeared: tuple[_Fact, int, int, int] | None = None

    def _add(self, start: int, end: int, value: dict[str, Any], rule: str, weekday: bool = False) -> None:
        self.facts.append(_Fact(start, end, value, rule, weekday))

    def _range_gap(self, prev: _Fact, start: int) -> bool:
        """Whether ``prev``, the fact just before, and a date at ``start`` are the ends of one range."""
        if prev is not self.facts[-1] or start - prev.end > 12:
            return False
        return self.text[prev.end : start].strip().lower() in _RANGE_GAPS

    def _carried_year(self, start: int, mon: int, mday: int) -> int | None:
        """The year a range's year-less second end takes from its first: ``from July 15, 2024 to Aug. 5``."""
        assert self.yeared is not None
        prev, year, pmon, pday = self.yeared
        if not self._range_gap(prev, start):
            return None
        return year + 1 if (mon, mday) < (pmon, pday) else year

    def _share_year(self, start: int, year: int, mon: int, mday: int) -> None:
        """A year written at a range's end applies to its first end: ``between July 15 and Aug. 5, 2024``.

        The first end is the fact just before, year-less, with only ``and``, ``to`` or a dash
        between; it falls a year earlier when it comes later in the calendar (``December 20 to
        January 5, 2025``)."""
        assert self.yearless is not None
        prev, pmon, pday = self.yearless
        if not self._range_gap(prev, start):
            return
        if (pmon, pday) > (mon, mday):
            year -= 1
        try:
            first = dt.date(year, pmon, pday or 1)
        except ValueError:
            return
        iso = first.isoformat() if pday else first.isoformat()[:7]
        prev.value = _value(iso, "day" if pday else "month", False)
        self.yearless = None

    def _chained(self, start: int) -> bool:
        if self.chain_end < 0 or start - self.chain_end > 12:
            return False
        return self.text[self.chain_end : start].strip().lower() in _CHAIN_GAPS

    def _direction(self, start: int, end: int, left: Left) -> Direction:
        shift = _SHIFTS.get(left.shift)
        if shift is not None:
            return shift
        if left.cue == "since":
            return Direction.PAST
        if left.cue == "effective":
            return Direction.FUTURE  # "effective Feb. 1" announces a change
        if in_dateline(self.text, start, end):
            return Direction.NEAREST  # the story's own date: no verb governs it
        said, firm = reading(self.text, start, end)
        if left.cue in _DEADLINE_CUES:
            if said == "pluperfect":
                return Direction.PAST  # "By May, four million had fled"
            return Direction.FUTURE if said == "future" else Direction.LEAN_FUTURE
        if not firm or (said == "future" and attributive(self.text, end, left)):
            # a future verb governs the noun a date qualifies, not the date: results of "the
            # October 26 vote" may be published after a past vote ("followed the March 19 arrest")
            return _WEAK_DIRECTION.get(said or "", Direction.NEAREST)
        return _TENSE_DIRECTION.get(said or "", Direction.NEAREST)

    # -- months -------------------------------------------------------------------------------

    def month(self, at: int, name: str, dot: bool, m: regex.Match[str] | None) -> None:
        """A month hit at ``at``; ``m`` holds the day and year read after the name, None when none was."""
        text = self.text
        groups: tuple[Any, ...] = (None, None, None) if m is None else m.group(D1, D2, Y1)
        d1, d2, y1 = groups
        mon = MONTHS[name[:3].lower()]
        full = name in _FULL_MONTHS
        name_end = at + len(name) + (1 if dot and not full else 0)  # "Sept." ends after the dot
        year = int(y1) if y1 else None
        d1_end = d2_start = d2_end = -1
        if d1 and m is not None:
            d1_end = m.end(D1S)
            if d2:
                d2_start, d2_end = m.span(D2S)
        if d1 and m is not None and next_word(text, m.end()).lower() in COUNT_NOUNS and not year:
            d1 = d2 = None  # "in May 2 people died"
        if d2 and (int(d2) <= int(d1) or next_word(text, d2_end).lower() in COUNT_NOUNS):
            d2 = None
        left = left_of(text, at)
        start = left.start
        back_used = False
        if not d1 and (left.cue[:1].isdigit() or left.cue == "of"):
            back = patterns.search(_DAY_FIRST, text, max(0, at - 24), at)
            if back:
                d1, d2, start, back_used = back["d1"], back["d2"], back.start(), True
                d1_end, d2_start = back.end("d1s"), back.start("d2s")
                left = left_of(text, start)
                start = left.start
                if d2 and int(d2) <= int(d1):
                    d2 = None
        if year and m is not None:
            end = m.end(Y1)
        elif d1 and not back_used:
            end = d2_end if d2 else d1_end
        else:
            end = name_end
        if not d1 and not year and not self._bare_month_ok(name, full, dot, name_end, left):
            return
        self.chain_end = end
        if d1 and d2:
            self._month_fact(start, d1_end, mon, int(d1), year, left, "month-day-range")
            self._month_fact(d2_start, end, mon, int(d2), year, left, "month-day-range")
        elif d1:
            self._month_fact(start, end, mon, int(d1), year, left, "month-day")
        else:
            self._month_fact(start, end, mon, None, year, left, "month")

    def _bare_month_ok(self, name: str, full: bool, dot: bool, end: int, left: Left) -> bool:
        if not full and not dot:
            return False  # "Jan", "Mar" alone are names as often as months
        if left.shift or left.modified or self._chained(left.start):
            return True
        if left.cue in MONTH_CUES:
            return not (name == "May" and left.cue in MAY_NOT_CUES)
        if _year_word_after(self.text, end):
            return True
        if name == "May":
            return False  # Theresa May: a bare "May" needs a preposition, a day or a year
        after = self.text[end : end + 2]
        if after in ("'s", "’s"):
            return True  # "December's figures"
        nxt = next_word(self.text, end)
        if left.cue in DETERMINERS and nxt.islower() and nxt not in FUNCTION_WORDS:
            return True  # "a June agreement"
        return nxt in SUBJECT_VERBS

    def _month_fact(
        self, start: int, end: int, mon: int, mday: int | None, year: int | None, left: Left, rule: str
    ) -> None:
        text, pub = self.text, self.published
        if year is None and self.yeared is not None:
            year = self._carried_year(start, mon, mday or 0)
        if year is not None:
            try:
                value = dt.date(year, mon, mday or 1)
            except ValueError:
                return
            iso = value.isoformat() if mday else value.isoformat()[:7]
            if self.yearless is not None:
                self._share_year(start, year, mon, mday or 0)
            self._add(start, end, _value(iso, "day" if mday else "month", False), rule)
            self.yeared = (self.facts[-1], year, mon, mday or 0)
            return
        granularity = "day" if mday else "month"
        after = _year_word_after(text, end)
        if after and not mday:
            end = after.end()
        if pub is None:
            if mday and mday > (29 if mon == 2 else 30 if mon in (4, 6, 9, 11) else 31):
                return
            self._add(start, end, _value(None, granularity, True), rule)
            if after is None and not left.shift:
                self.yearless = (self.facts[-1], mon, mday or 0)
            return
        fixed = None
        if after:
            fixed = pub.year + {"this": 0, "last": -1, "next": 1}[after["w"].lower()]
        elif left.shift == "this":
            fixed = pub.year
        if mday:
            if fixed is not None:
                try:
                    iso = dt.date(fixed, mon, mday).isoformat()
                except ValueError:
                    return
            else:
                found = _day_iso(pub, mon, mday, self._direction(start, end, left))
                if found is None:
                    return
                iso = found
            self._add(start, end, _value(iso, "day", True), rule)
            if fixed is None and not left.shift:
                self.yearless = (self.facts[-1], mon, mday)
            return
        if fixed is not None:
            iso = f"{fixed:04d}-{mon:02d}"
        elif mon == pub.month and left.shift not in _SHIFTS:
            iso = f"{pub.year:04d}-{mon:02d}"  # the current month, whatever the tense
        else:
            iso = _month_iso(pub, mon, self._direction(start, end, left))
        self._add(start, end, _value(iso, "month", True), rule)
        if fixed is None and not left.shift:
            self.yearless = (self.facts[-1], mon, 0)

    # -- weekdays and today -------------------------------------------------------------------

    def weekday(self, start: int, end: int, stem: str) -> None:
        text = self.text
        left = left_of(text, start)
        if left.cue in WEEKDAY_NOT_AFTER or left.glued[-1:] not in _OPENERS:
            return  # "Black Friday", "#Friday"
        if left.cue == "on" and text[max(0, start - 8) : start].lower() == "mail on ":
            return  # The Mail on Sunday
        if next_word(text, end).lower() in WEEKDAY_NOT_BEFORE:
            return
        pub = self.published
        if pub is None:
            self._add(left.start, end, _value(None, "day", True), "weekday", weekday=True)
            return
        day = WEEKDAY_STEMS[stem]
        shift = _SHIFTS.get(left.shift)
        if shift is not None:
            direction = shift
        elif day == pub.weekday():
            # the publication day itself, unless a plain future puts it a week on: "will rule on
            # Thursday" in a Thursday story; "later on Thursday" and "Thursday's vote" are that day
            ahead = text[end : end + 2] not in ("'s", "’s") and will(text, start)
            if ahead and text[max(0, left.start - 9) : left.start].lower().rstrip().endswith(("later", "later on")):
                ahead = False
            direction = Direction.AFTER if ahead else Direction.PAST
        elif left.shift == "this":
            direction = Direction.PAST if tense(text, start, end) in ("past", "pluperfect") else Direction.FUTURE
        elif left.cue == "since":
            direction = Direction.PAST
        else:
            said = tense(text, start, end)
            if said == "future" or said == "present":
                direction = Direction.FUTURE  # a present tense is a timetable: "the vote is on Friday"
            elif said != "pluperfect" and (left.cue == "for" or (left.cue in _WEEKDAY_DEADLINES and said != "past")):
                # "a ceasefire by Friday", "to extend their walkout until Thursday", "a march for
                # Thursday"; but "killed by Monday's earthquake"
                possessive = text[end : end + 2] in ("'s", "’s")
                direction = Direction.PAST if possessive else Direction.FUTURE
            else:
                direction = Direction.PAST
        iso = _weekday_iso(pub, day, direction, left.shift == "previous")
        self._add(left.start, end, _value(iso, "day", True), "weekday", weekday=True)

    def relative_day(self, start: int, end: int) -> None:
        text = self.text
        word = text[start:end]
        left = left_of(text, start)
        if left.glued[-1:] not in _OPENERS or (left.cue == "of" and word.lower() != "yesterday"):
            return  # "#today", "the world of tomorrow"
        if word[0].isupper() and text[start - 1 : start] == " ":
            prev = text[max(0, start - 24) : start].split()
            if prev and prev[-1][0].isupper() and prev[-1][-1] not in TRAILING_PUNCT:
                return  # "Russia Today", "USA Today"
        if next_word(text, end).lower() in ("show", "programme", "program"):
            return
        pub = self.published
        value = None
        if pub is not None:
            value = (pub + dt.timedelta(days=_RELATIVE_DAYS[word.lower()])).isoformat()
        self._add(start, end, _value(value, "day", True), word.lower())

    # -- years --------------------------------------------------------------------------------

    def year(self, start: int, m: regex.Match[str] | None) -> None:
        """A year hit at ``start``; ``m`` holds a date or a second year after it, None when none was."""
        text = self.text
        year = int(text[start : start + 4])
        groups: tuple[Any, ...] = (None,) * 5 if m is None else m.group(IM, ID, IM2, ID2, Y2)
        im, iday, im2, iday2, y2s = groups
        month, mday = im or im2, iday or iday2
        if month and m is not None:
            try:
                date = dt.date(year, int(month), int(mday))
            except ValueError:
                return
            self._add(start, m.end(), _value(date.isoformat(), "day", False), "iso-date")
            return
        prev = text[start - 1] if start else ""
        if prev and prev in "./-":
            numeric = numeric_before(text, start)
            if numeric is not None:
                self._numeric(*numeric, year, start + 4)
                return
        if prev and (prev in "$€£¥#№+" or (prev in ",." and start > 1 and text[start - 2].isdigit())):
            return  # money, a number sign, or the tail of "1,2014"
        end = start + 4
        second = None
        if y2s and m is not None:
            y2 = int(y2s)
            if len(y2s) == 2:
                y2 += year - year % 100
            if y2 <= year:
                return  # "2021-13", "2014-05": a code or a number, not a span of years
            second = (*m.span(Y2), y2)
        after = text[end : end + 9].lower()
        if after.startswith(("%", " %", " percent", " per cent", " pc")):
            return
        left = left_of(text, start)
        span_end = end if second is None else second[1]
        if not self._year_ok(start, span_end, left):
            return
        self._add(left.start, end, _value(str(year), "year", False), "year")
        if second is not None:
            self._add(second[0], second[1], _value(str(second[2]), "year", False), "year-range")
        self.chain_end = span_end

    def _numeric(self, start: int, mday: int, mon: int, year: int, end: int) -> None:
        try:
            date = dt.date(year, mon, mday)
        except ValueError:
            return
        self._add(start, end, _value(date.isoformat(), "day", False), "numeric-date")

    # -- dates that lean on others ------------------------------------------------------------

    def dateline(self, paren: int) -> None:
        """The date of a dateline the month scan could not read: ``CARACAS, 31 dec (EFE)``."""
        found = dateline(self.text, paren, self.published)
        if found is not None:
            self.facts.insert(0, _Fact(found[0], found[1], _value(found[2], "day", True), "dateline"))

    def ordinal_days(self) -> None:
        """``until the 16th`` after a day of a month: see dates_forms.ordinal_days."""
        days = [(f.end, f.value["value"]) for f in self.facts if f.value["granularity"] == "day"]
        if not days:
            return
        found = ordinal_days(self.text, days)
        for start, end, iso in found:
            self._add(start, end, _value(iso, "day", True), "ordinal-day")
        if found:
            self.facts.sort(key=_BY_SPAN)

    def days_of_month(self) -> None:
        """``on 12th of this month``: see dates_forms.days_of_month."""
        found = days_of_month(self.text, self.published)
        for start, end, iso in found:
            if not any(f.start < end and start < f.end for f in self.facts):
                self._add(start, end, _value(iso, "day", True), "day-of-month")
        if found:
            self.facts.sort(key=_BY_SPAN)

    def _year_ok(self, start: int, end: int, left: Left) -> bool:
        text = self.text
        nxt = next_word(text, end)
        low = nxt.lower()
        if left.glued:
            if left.modified:
                return True  # "mid-1996"
            return left.glued.endswith("(") and text[end : end + 1] == ")"  # "(1996)"
        if self._chained(start):
            return low not in COUNT_NOUNS  # "from 2000 to 3000 troops"
        if left.modified:
            return True
        cue = left.cue
        if cue in YEAR_CUES:
            if cue in WEAK_YEAR_CUES and not self._sentence_initial(left.cue_start):
                return low not in COUNT_NOUNS and low not in WEAK_YEAR_BLOCK and not self._count_range(end)
            return True  # "In 2019 soldiers from 16 nations took part": a year, then a subject
        if cue.endswith(("'s", "’s")) or cue in DETERMINERS:
            return bool(nxt) and low not in FUNCTION_WORDS and low not in COUNT_NOUNS and text[end : end + 1] == " "
        if self._sentence_initial(start):
            # house styles spell out a count that opens a sentence: "1989 sales rose" is a year
            # ("2000 were killed": a plural verb makes it a count)
            plural = low in ("were", "are", "have", "had")
            return low not in COUNT_NOUNS and low not in WEAK_YEAR_BLOCK and not plural and not self._count_range(end)
        return low in EVENT_NOUNS or (cue in CLAUSE_OPENERS and low in YEAR_VERBS)

    def _count_range(self, end: int) -> bool:
        """Whether ``to 3000 troops`` follows: the number before it is a count too."""
        words = self.text[end : end + 40].split(None, 3)[:3]
        return (
            len(words) == 3
            and words[0] in ("to", "and", "or", "-", "–")
            and words[1].replace(",", "").isdigit()
            and words[2].strip(TRAILING_PUNCT).lower() in COUNT_NOUNS
        )

    def _sentence_initial(self, pos: int) -> bool:
        before = self.text[max(0, pos - 3) : pos].rstrip(" \t\xa0\"“'‘(")
        return not before or before[-1] in ".!?\n"

    # -- output -------------------------------------------------------------------------------

    def merged(self) -> list[_Fact]:
        """The facts in text order, a weekday joined to the date that follows it (``Friday, Oct. 13``)."""
        if len(self.facts) < 2:
            return self.facts  # most documents: nothing to order or join
        facts = sorted(self.facts, key=_BY_SPAN)
        out: list[_Fact] = []
        for fact in facts:
            if out and out[-1].weekday and fact.value["granularity"] == "day" and not fact.weekday:
                gap = self.text[out[-1].end : fact.start]
                if gap in (" ", ", ", ",", ",\xa0", "\xa0"):
                    prev = out.pop()
                    fact = _Fact(prev.start, fact.end, fact.value, "weekday+" + fact.rule)
            if out and fact.start < out[-1].end:
                continue  # overlapping hits: the first one stands
            out.append(fact)
        return out
