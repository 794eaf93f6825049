"""Dates in news text, normalized to ISO 8601 as FACTS.md says.

The keywords are found with plain string work (see dates_find): one
``bytes.translate`` and ``find`` pass for month names, 4-digit years and ISO
dates, the date pattern run anchored only where a day, a year or a range may
follow them; ``str.find`` on "day" for weekdays, today and yesterday; and
"tomorrow" gets a scan of its own only when it is in the text. Each hit is
then judged by the few words around it with plain string work. Every regex
call pays its timeout's set-up, which on short stories outweighs the scanning,
so most documents pay for no regex call at all. Numeric dates, ``until the 16th`` and lower-case
datelines are read by dates_forms; which way a verb points, by dates_tense.
"""

from __future__ import annotations

from collections.abc import Iterator

from extractors import patterns
from extractors.base import Context, Extraction, Extractor
from extractors.dates_context import furniture
from extractors.dates_find import CASED, RELATIVE_STEMS, day_words, month_year_hits
from extractors.dates_scan import DateScan

_TOMORROW = patterns.compile(r"(?<!\w)(?P<rel>[Tt]omorrow)(?!\w)", CASED)


class DatesExtractor(Extractor):
    """Dates a news story mentions, resolved against its publication date.

    ``The Ukrainian army said on Thursday (December 2nd) that a soldier was
    killed.`` published 2021-12-02 yields two facts: ``Thursday`` and
    ``December 2nd``, both ``{"value": "2021-12-02", "granularity": "day",
    "relative": true}``. ``in 2014`` yields ``{"value": "2014", "granularity":
    "year", "relative": false}``; durations (``for three years``, ``two years
    ago``), clock times and counts (``2,014 people``) yield nothing.
    """

    name = "dates"
    version = "1.3.0"
    kinds = ("date",)

    def extract(self, text: str, context: Context) -> Iterator[Extraction]:
        scan = DateScan(text, context.published)
        # Months and years go first, in text order: only they chain ("June and July", "1985 and
        # 1987"). Weekdays and relative days neither chain nor read the chain, so their hits need no
        # merging with these; merged() puts all facts in text order.
        for start, name, dot, m in month_year_hits(text):
            if name:
                scan.month(start, name, dot, m)
            else:
                scan.year(start, m)
        paren = text.find("(", 0, 100)
        if paren > 0 and (not scan.facts or scan.facts[0].start > paren):
            scan.dateline(paren)  # no date before the agency's bracket: "CARACAS, 31 dec (EFE)"?
        if scan.facts:
            scan.ordinal_days()
        if " month" in text:
            scan.days_of_month()
        for start, end, stem in day_words(text):
            if stem in RELATIVE_STEMS:
                scan.relative_day(start, end)
            else:
                scan.weekday(start, end, stem)
        if "omorrow" in text:
            for m in patterns.finditer(_TOMORROW, text):
                scan.relative_day(*m.span())
        facts = scan.merged()
        if not facts:
            return
        skip = furniture(text, [f.start for f in facts])
        for fact in facts:
            if fact.start in skip:
                continue
            yield Extraction("date", fact.start, fact.end, text[fact.start : fact.end], fact.value, fact.rule)
