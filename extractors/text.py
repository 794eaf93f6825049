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

# Sentence ends: . ! ? or a quote closing after them, followed by space and a letter (the
# pattern is case-insensitive, so \p{Lu} admits any cased letter), a quote, or a digit; and every
# line break. Abbreviations are spared below. The pattern is the definition; ``_ends`` finds the
# same ends with str methods, because a regex match costs about a microsecond and a document has
# one candidate every few dozen characters (tests/extractors/test_text.py holds the two equal).
_SENTENCE_END = patterns.compile(r"""(?:[.!?]['"”’»)]*)(?=\s+[\p{Lu}"“‘«(\d])|\n""")
_OPENER = patterns.compile(r"""[\p{Lu}"“‘«(\d]""")
_CLOSERS = frozenset("'\"”’»)")
_STOPS = ".!?\n"
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
        """Every furniture span of the document, in order."""
        return [(m.start(), m.end()) for m in patterns.finditer(_FURNITURE, self.text)]

    def is_furniture(self, pos: int) -> bool:
        """Whether ``pos`` lies in a furniture line.

        No furniture rule crosses a line break and each is anchored at a line
        start, so only the line holding ``pos`` is matched, once per line:
        a document with one hit pays for one line, not for every line.
        """
        line, line_end, furniture_end = self._line
        if not line <= pos < line_end:
            text = self.text
            line = text.rfind("\n", 0, pos) + 1
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end < 0 else line_end
            found = patterns.match(_FURNITURE, text, line)
            furniture_end = found.end() if found else line
            self._line = (line, line_end, furniture_end)
        return pos < furniture_end

    _line: tuple[int, int, int] = (0, 0, 0)

    @cached_property
    def lower(self) -> str:
        """The text lowercased with the same length and offsets, for plain ``str.find`` prefilters.

        ``str.lower`` maps a few characters (``İ``) to two; those are kept as
        they are, so a position in this copy is a position in the text.
        """
        low = self.text.lower()
        if len(low) == len(self.text):  # lower() never shortens a character, so equal length means 1:1
            return low
        return "".join(c if len(c.lower()) != 1 else c.lower() for c in self.text)

    @cached_property
    def _ends(self) -> list[int]:
        """Where ``_SENTENCE_END`` matches end, abbreviations spared, found with str methods."""
        text = self.text
        n = len(text)
        ends = []
        for k in _stops(text):
            if text[k] == "\n":
                ends.append(k + 1)
                continue
            e = k + 1
            while e < n and text[e] in _CLOSERS:
                e += 1
            j = e
            while j < n and _is_space(text[j]):
                j += 1
            if j == e or j == n or not _opens(text[j]) or _abbreviation(text, k):
                continue
            ends.append(e)
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


def _stops(text: str) -> list[int]:
    """Positions of every ``.``, ``!``, ``?`` and line break, in order."""
    found = []
    for ch in _STOPS:
        at = text.find(ch)
        while at >= 0:
            found.append(at)
            at = text.find(ch, at + 1)
    found.sort()
    return found


def _is_space(ch: str) -> bool:
    """``regex``'s ``\\s``: str.isspace() less the four information separators."""
    return ch.isspace() and ch not in "\x1c\x1d\x1e\x1f"


_OPENS: dict[str, bool] = {}


def _opens(ch: str) -> bool:
    """Whether ``ch`` may open a sentence, as ``_OPENER`` decides, remembered per character."""
    known = _OPENS.get(ch)
    if known is None:
        known = _OPENS[ch] = patterns.match(_OPENER, ch) is not None
    return known


_LONGEST_ABBREVIATION = max(map(len, _ABBREVIATIONS))
_WORD_WINDOW = 64


def _abbreviation(text: str, stop: int) -> bool:
    """Whether the word before the full stop at ``stop`` is an abbreviation or an initial.

    The word runs back to the previous space. Looking only 64 characters back
    keeps a document with no spaces linear; a longer word can only be an
    abbreviation after stripping if nearly all of it is quotes or brackets,
    and then the whole word is read.
    """
    lo = max(0, stop - _WORD_WINDOW)
    space = text.rfind(" ", lo, stop)
    if space < 0 and lo > 0:
        if len(text[lo:stop].strip("\"'“(")) > _LONGEST_ABBREVIATION:
            return False
        space = text.rfind(" ", 0, stop)
    word = text[space + 1 : stop].lower().strip("\"'“(")
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())
