"""Text structure every extractor needs: sentences, and page furniture to skip.

Scraped news carries lines that are not the story (``See also ...``,
``Leave a Reply``, hashtag lines, breadcrumbs); a number or a date in them is
not a fact. Extractors ask :class:`TextLayout` whether a position is
furniture and where its sentence starts and ends, so the rules live in one
place and each document is scanned for them once.
"""

from __future__ import annotations

import bisect
from functools import cached_property

import regex

from extractors import patterns

# One multiline scan finds every furniture line; it is anchored at line starts, so it costs
# about as much as a scan for newlines.
_FURNITURE = patterns.compile(
    r"""
    ^[^\S\n]*(?:
        (?:see|read)[^\S\n]+(?:also|more)\b            # See also / Read also / Read more
      | related[^\S\n]+(?:posts?|articles?|stories|news)\b
      | (?:next|previous)[^\S\n]+(?:post|article)\b
      | leave[^\S\n]+a[^\S\n]+(?:reply|comment)\b
      | be[^\S\n]+the[^\S\n]+first[^\S\n]+to[^\S\n]+comment\b
      | your[^\S\n]+email[^\S\n]+address[^\S\n]+will[^\S\n]+not[^\S\n]+be[^\S\n]+published
      | this[^\S\n]+site[^\S\n]+uses[^\S\n]+akismet
      | (?:share|follow[^\S\n]+us|subscribe)\b.{0,40}$
      | \#\w+(?:[^\S\n]+\#\w+)*[^\S\n]*$                      # a hashtag line
      | home[^\S\n]*[»>/|]                              # breadcrumb: Home » world » ...
      | \w++(?:[^\S\n]++\w++){0,3}+[^\S\n]*+»[^\S\n]*\w    # breadcrumb without Home (possessive: no backtracking)
      | (?:mon|tues|wednes|thurs|fri|satur|sun)day,?[^\S\n]+   # a scraper's date stamp alone on a line
        (?:\p{L}+[^\S\n]+\d{1,2}|\d{1,2}[^\S\n]+\p{L}+)(?:,?[^\S\n]+\d{4})?[^\S\n]*$
    )
    [^\n]*
    """,
    patterns.FLAGS | regex.MULTILINE,
)

# Sentence ends: . ! ? or a quote closing after them, followed by space and a capital,
# a quote, or a digit; and every line break. Abbreviations are spared below.
_SENTENCE_END = patterns.compile(r"""(?:[.!?]['"”’»)]*)(?=\s+[\p{Lu}"“‘«(\d])|\n""")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt sgt capt maj rep sen gov st jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n e.u no vs p.m a.m inc corp ltd co jr sr prof rev fig approx est".split()
)


#: No rule reads more than this many characters either side of a hit. Real sentences are far
#: shorter; text with no sentence ends at all (a pathological megabyte of keywords) would
#: otherwise make every hit read the whole document, and extraction quadratic.
REACH = 1000


class TextLayout:
    """Furniture spans and sentence boundaries of one document, computed once on demand."""

    def __init__(self, text: str) -> None:
        self.text = text

    @classmethod
    def of(cls, text: str) -> TextLayout:
        """The layout of ``text``, shared by every extractor that runs over the same string.

        The runner hands each extractor the very same ``str`` object, so an
        identity check on the last text seen is enough to compute a layout
        once per document rather than once per extractor.
        """
        last = cls._last
        if last is None or last.text is not text:
            last = cls._last = cls(text)
        return last

    _last: TextLayout | None = None

    @cached_property
    def furniture(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in patterns.finditer(_FURNITURE, self.text)]

    def is_furniture(self, pos: int) -> bool:
        spans = self.furniture
        i = bisect.bisect_right(spans, (pos, len(self.text) + 1)) - 1
        return i >= 0 and spans[i][0] <= pos < spans[i][1]

    @cached_property
    def _ends(self) -> list[int]:
        ends = []
        for m in patterns.finditer(_SENTENCE_END, self.text):
            if m.group() != "\n":
                word_start = self.text.rfind(" ", 0, m.start()) + 1
                word = self.text[word_start : m.start()].lower().strip("\"'“(")
                if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                    continue
            ends.append(m.end())
        return ends

    def sentence(self, pos: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding ``pos``, stripped of surrounding space, within REACH of it."""
        ends = self._ends
        i = bisect.bisect_right(ends, pos)
        start = max(ends[i - 1] if i else 0, pos - REACH)
        end = min(ends[i] if i < len(ends) else len(self.text), pos + REACH)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end
