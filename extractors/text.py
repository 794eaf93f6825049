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

from extractors import patterns

_LINE = patterns.compile(r"[^\n]*(?:\n|$)")

_FURNITURE = patterns.compile(
    r"""
    \s*(?:
        (?:see|read)\s+(?:also|more)\b            # See also / Read also / Read more
      | related\s+(?:posts?|articles?|stories|news)\b
      | (?:next|previous)\s+(?:post|article)\b
      | leave\s+a\s+(?:reply|comment)\b
      | be\s+the\s+first\s+to\s+comment\b
      | your\s+email\s+address\s+will\s+not\s+be\s+published
      | this\s+site\s+uses\s+akismet
      | (?:share|follow\s+us|subscribe)\b.{0,40}$
      | \#\w+(?:\s+\#\w+)*\s*$                      # a hashtag line
      | home\s*[»>/|]                              # breadcrumb: Home » world » ...
      | \w+(?:\s+\w+){0,3}\s*»\s*\w                # breadcrumb without Home
      | (?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+   # a scraper's date stamp alone on a line
        (?:\p{L}+\s+\d{1,2}|\d{1,2}\s+\p{L}+)(?:,?\s+\d{4})?\s*$
    )
    """
)

# Sentence ends: . ! ? or a quote closing after them, followed by space and a capital,
# a quote, or a digit; and every line break. Abbreviations are spared below.
_SENTENCE_END = patterns.compile(r"""(?:[.!?]['"”’»)]*)(?=\s+[\p{Lu}"“‘«(\d])|\n""")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt sgt capt maj rep sen gov st jan feb mar apr jun jul aug sep sept oct nov dec "
    "u.s u.k u.n e.u no vs p.m a.m inc corp ltd co jr sr prof rev fig approx est".split()
)


class TextLayout:
    """Furniture spans and sentence boundaries of one document, computed once on demand."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def furniture(self) -> list[tuple[int, int]]:
        spans = []
        for line in patterns.finditer(_LINE, self.text):
            if line.start() == line.end():
                break
            if patterns.match(_FURNITURE, self.text, line.start(), line.end()):
                spans.append((line.start(), line.end()))
        return spans

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
        """The (start, end) of the sentence holding ``pos``, stripped of surrounding space."""
        ends = self._ends
        i = bisect.bisect_right(ends, pos)
        start = ends[i - 1] if i else 0
        end = ends[i] if i < len(ends) else len(self.text)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end
