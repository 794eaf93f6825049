"""Counts as news writes them ("13,000", "1.5 million", "two dozen", "tens of thousands") → min/max/qualifier.

Every extractor that counts people shares these fragments and parsers, so
"more than 100,000" means the same thing to the casualty, troop and sanctions
extractors. The regex fragments (``NUMBER``, ``EXACT``, ``QUALIFIER``,
``COUNT``) have no capturing groups and no literal spaces, so they can be
embedded in any pattern compiled by :func:`extractors.patterns.compile`,
verbose or not, as often as needed.

Value rules follow FACTS.md: an exact figure gives ``min == max``; ``about``
keeps the figure with qualifier ``approx``; ``more than`` leaves ``max`` null,
``up to`` leaves ``min`` null; vague magnitudes (``dozens``, ``tens of
thousands``) are ``approx`` with fixed bounds.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from extractors import patterns
from extractors.text import TextLayout

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_MULTIPLIERS = {"hundred": 100, "dozen": 12}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_ABBREVIATED_SCALES = {"k": 1_000, "mln": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}

#: Vague magnitudes: FACTS.md fixes their bounds; the rest extend the same logic.
_VAGUE = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
}
_SEVERAL = {"dozen": "dozens", "hundred": "hundreds", "thousand": "thousands", "million": "millions"}

_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60, "seventieth": 70,
    "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000,
}  # fmt: skip


def _alternation(words: object) -> str:
    # longest first so that "seventeen" is tried before "seven"
    return "|".join(sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_SMALL = rf"(?:(?:{_alternation(_TENS)})(?:[-\s](?:{_alternation(k for k, v in _UNITS.items() if 0 < v < 10)})\b)?|(?:{_alternation(_UNITS)}))\b"
_SCALE_WORD = r"(?:hundred|thousand|million|billion|dozen)\b"
_WORDS = (
    rf"(?:\b(?:a|one|half[-\s]a)(?=[\s-]+{_SCALE_WORD})|\b{_SMALL})"
    rf"(?:[\s-]+{_SCALE_WORD}(?:[\s-]+(?:and\s+)?{_SMALL})?)*"
)
_SCALE_AFTER_DIGITS = r"(?:[\s-]*(?:hundred|thousand|million|billion|mln|mn|bn)\b|k\b)"
_DIGITS = (
    r"(?:"
    r"\d{1,3}(?:,\d{3})+(?![,.]?\d)"  # 13,000
    rf"|\d{{1,3}}(?:\.\d{{3}})+(?![.,]?\d)(?!{_SCALE_AFTER_DIGITS})"  # 13.000 in translated copy
    r"|\d{1,3}(?:[\x20\u00a0\u202f\u2009]\d{3})+(?![.,]?\d)"  # 13 000
    rf"|\d+[.,]\d+(?={_SCALE_AFTER_DIGITS})"  # 1.5 (million)
    r"|\d+(?![.,:/]?\d)"
    rf"){_SCALE_AFTER_DIGITS}?"
)
_VAGUE_RE = (
    r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)"
    r"|(?:several|a\s+few)\s+(?:dozen|hundred|thousand|million)\b(?!\s+(?:and|dozen|hundred|thousand|million)\b)"
    r"|dozens|scores|hundreds|thousands|millions)\b"
)
#: A digit number may not be glued to a word or another number ("COVID-19", "8:30", "3/4").
_GUARD = r"(?<![\p{L}\d_][-./:,]?)(?<![$€£¥#§])"

_EXACT_BARE = rf"(?:{_DIGITS}|{_WORDS})"
#: One exact count: digits with any separator, a decimal with a scale word, or number words.
EXACT = rf"(?:{_GUARD}{_DIGITS}|{_WORDS})"
#: One count, exact or a vague magnitude ("dozens", "tens of thousands").
NUMBER = rf"(?:{_VAGUE_RE}|{EXACT})"

_QUALIFIERS = {
    "approx": r"about|around|some|roughly|approximately|an\s+estimated|estimated|circa|nearly\s+about",
    "at_least": (
        r"(?:well|just|slightly|far|much)\s+(?:over|above|more\s+than)|more\s+than|over|at\s+least|upwards\s+of"
        r"|in\s+excess\s+of|above|no\s+(?:fewer|less)\s+than|not\s+(?:fewer|less)\s+than|a\s+minimum\s+of"
    ),
    "at_most": (
        r"(?:just|slightly)\s+(?:under|below|short\s+of)|fewer\s+than|less\s+than|up\s+to|as\s+many\s+as"
        r"|as\s+much\s+as|nearly|almost|close\s+to|under|below|no\s+more\s+than|not\s+more\s+than|at\s+most"
        r"|a\s+maximum\s+of"
    ),
}
#: The words before a count that qualify it ("more than", "about", "up to").
QUALIFIER = r"(?:\b(?:" + "|".join(f"(?:{p})" for p in _QUALIFIERS.values()) + r")\b)"

_DASH = r"\s*[-–—]\s*"
_WORD_SEP = r"\s+(?:to|or)\s+"
_RANGE = (
    rf"(?:\bbetween\s+{EXACT}\s+and\s+{EXACT}|\bfrom\s+{EXACT}\s+to\s+{EXACT}"
    rf"|{_GUARD}{_DIGITS}{_DASH}{_DIGITS}(?!\d)|{EXACT}{_WORD_SEP}{_EXACT_BARE}\b)"
)
#: An optionally qualified count or a range: "more than 100,000", "between 90,000 and 120,000", "dozens".
COUNT = rf"(?:(?:{QUALIFIER}\s+)?(?:{_RANGE}|{NUMBER}))"

_QUALIFIER_OF = [(q, patterns.compile(rf"(?:{p})")) for q, p in _QUALIFIERS.items()]
_DIGITS_FULL = patterns.compile(
    r"(?P<digits>\d+(?:[.,\x20\u00a0\u202f\u2009]\d+)*)[\s-]*(?P<scale>hundred|thousand|million|billion|mln|mn|bn|k)?"
)
_COUNT_FULL = patterns.compile(
    rf"""(?:(?P<q>{QUALIFIER})\s+)?
    (?:between\s+(?P<lo>{EXACT})\s+and\s+(?P<hi>{EXACT})
      |from\s+(?P<lo>{EXACT})\s+to\s+(?P<hi>{EXACT})
      |(?P<lo>{_DIGITS}){_DASH}(?P<hi>{_DIGITS})
      |(?P<lo>{EXACT}){_WORD_SEP}(?P<hi>{_EXACT_BARE})
      |(?P<lo>{NUMBER}))"""
)
_ORDINAL_DIGITS = patterns.compile(r"(?P<n>\d+)(?:st|nd|rd|th)")


def _normalize(s: str) -> str:
    return " ".join(s.replace("-", " ").replace("\u2011", " ").lower().split())


def vague_bounds(s: str) -> tuple[int, int] | None:
    """The (min, max) FACTS.md gives a vague magnitude, or None if ``s`` is not one."""
    key = _normalize(s)
    for prefix in ("several ", "a few "):
        if key.startswith(prefix) and key[len(prefix) :] in _SEVERAL:
            key = _SEVERAL[key[len(prefix) :]]
    return _VAGUE.get(key)


def _parse_digits(digits: str, scale: str | None) -> int | None:
    if scale:
        # with a scale word a dot is a decimal point; a comma is one too unless it groups thousands
        if "," in digits and all(len(g) == 3 for g in digits.split(",")[1:]) and "." not in digits:
            digits = digits.replace(",", "")
        digits = digits.replace(",", ".").replace(" ", "").replace("\u00a0", "")
        factor = _MULTIPLIERS.get(scale) or _SCALES.get(scale) or _ABBREVIATED_SCALES[scale]
        try:
            value = Decimal(digits) * factor
        except InvalidOperation:
            return None
        return int(value) if value == value.to_integral_value() else None
    groups = [g for g in _split_separators(digits)]
    if len(groups) == 1:
        return int(groups[0]) if groups[0].isdigit() else None
    if len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:]):
        return int("".join(groups))
    return None  # a decimal ("2.5") or a malformed figure is not a count of people


def _split_separators(digits: str) -> list[str]:
    out, current = [], ""
    for ch in digits:
        if ch.isdigit():
            current += ch
        else:
            out.append(current)
            current = ""
    out.append(current)
    return out


def _parse_words(s: str) -> int | None:
    tokens = [t for t in _normalize(s).split() if t != "and"]
    if not tokens:
        return None
    if tokens[:2] == ["half", "a"] and tokens[2:] == ["dozen"]:
        return 6
    total = current = 0
    seen_number = False
    for i, tok in enumerate(tokens):
        if tok in ("a", "an") and i == 0:
            current, seen_number = 1, True
        elif tok in _UNITS:
            current += _UNITS[tok]
            seen_number = True
        elif tok in _TENS:
            current += _TENS[tok]
            seen_number = True
        elif tok in _MULTIPLIERS and seen_number:
            current = max(current, 1) * _MULTIPLIERS[tok]
        elif tok in _SCALES and seen_number:
            total += max(current, 1) * _SCALES[tok]
            current = 0
        else:
            return None
    if tokens[-1] in ("a", "an"):
        return None
    return total + current if seen_number else None


def parse_number(s: str) -> int | None:
    """The exact integer a count names ("13,000", "1.5 million", "175k", "twenty-one", "a dozen").

    Vague magnitudes, decimals without a scale word and anything else give None.
    """
    s = s.strip()
    if not s:
        return None
    if s[0].isdigit():
        m = patterns.fullmatch(_DIGITS_FULL, s)
        if m is None:
            return None
        scale = m.group("scale")
        return _parse_digits(m.group("digits"), scale.lower() if scale else None)
    return _parse_words(s)


def parse_ordinal(s: str) -> int | None:
    """The integer an ordinal names ("fifth", "5th", "twenty-first"), or None."""
    s = s.strip()
    m = patterns.fullmatch(_ORDINAL_DIGITS, s)
    if m:
        return int(m.group("n"))
    tokens = _normalize(s).split()
    if not tokens or tokens[-1] not in _ORDINALS:
        return None
    last = _ORDINALS[tokens[-1]]
    if len(tokens) == 1:
        return last
    head = _parse_words(" ".join(tokens[:-1]))
    if head is None:
        return None
    if last in (100, 1000):
        return head * last
    return head + last


def qualifier_of(words: str | None) -> str:
    """The FACTS.md qualifier for the words before a count ("more than" → "at_least"); exact by default."""
    if not words:
        return "exact"
    for qualifier, pattern in _QUALIFIER_OF:
        if patterns.fullmatch(pattern, words.strip()):
            return qualifier
    return "exact"


def _scale_of(s: str) -> int | None:
    last = _normalize(s).split()[-1:] or [""]
    word = last[0].lstrip("0123456789.,")
    return _SCALES.get(word) or _ABBREVIATED_SCALES.get(word)


def count_value(low: str, high: str | None = None, qualifier: str | None = None) -> dict[str, Any] | None:
    """{"min", "max", "qualifier"} for a count, a range (``high``) and the qualifier words before them.

    None when a figure does not parse. A lower bound without a scale word borrows the upper
    bound's ("between 2 and 3 million").
    """
    if high is not None:
        hi = parse_number(high)
        lo = parse_number(low)
        if lo is None or hi is None:
            return None
        scale = _scale_of(high)
        if scale and not _scale_of(low) and lo * scale <= hi:
            lo *= scale
        if lo > hi:
            return None
        return {"min": lo, "max": hi, "qualifier": "range"}
    bounds = vague_bounds(low)
    exact = parse_number(low) if bounds is None else None
    if bounds is None:
        if exact is None:
            return None
        bounds = (exact, exact)
    q = qualifier_of(qualifier)
    if q == "at_least":
        return {"min": bounds[0], "max": None, "qualifier": q}
    if q == "at_most":
        return {"min": None, "max": bounds[1], "qualifier": q}
    if q == "exact" and exact is None:
        q = "approx"
    return {"min": bounds[0], "max": bounds[1], "qualifier": q}


def parse_count(s: str) -> dict[str, Any] | None:
    """{"min", "max", "qualifier"} for a whole count phrase ("more than 100,000", "90,000-120,000")."""
    m = patterns.fullmatch(_COUNT_FULL, s.strip())
    if m is None:
        return None
    return count_value(m.group("lo"), m.group("hi"), m.group("q"))


def looks_like_year(s: str) -> bool:
    """A bare four-digit figure between 1800 and 2099: a year far more often than a count."""
    s = s.strip()
    return len(s) == 4 and s.isdigit() and 1800 <= int(s) <= 2099


# --- helpers for keyword-first count extractors (casualties, troops) ---------------------

#: A word as it appears in a "who" phrase: "Ukrainian", "pro-Russian", "U.S.", "Gaza's".
WORD = r"(?:(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}'’\-]*)"
#: Words that end a phrase naming people: auxiliaries, prepositions, conjunctions, pronouns.
STOP = (
    r"(?:were|was|are|is|be|been|being|have|has|had|and|or|but|nor|in|on|at|by|for|from|with|without|after|"
    r"before|since|during|when|while|as|that|which|who|whom|whose|to|into|onto|than|this|these|those|their|"
    r"its|his|her|our|your|my|said|says|say|according|reportedly|also|not|no|if|then|so|still|all|both|each|"
    r"including|among|near|across|over|under|off|amid|despite|because|where|what|will|would|could|should|"
    r"may|might|must|can|did|do|does|a|an|the|of|it|they|them|he|she|we|you|i|there|here|about|around|"
    r"up|down|out|just|only|even|yet|again|ago|later|earlier|today|yesterday|tomorrow|overnight|"
    r"killed|dead|died|wounded|injured|hurt|missing|killing|wounding|injuring)\b"
)
#: Words after a figure that make it something other than a count of people.
UNIT = (
    r"(?:years?|months?|days?|weeks?|hours?|minutes?|seconds?|nights?|decades?|centuries|times|km|kms|"
    r"kilometres?|kilometers?|miles?|metres?|meters?|feet|ft|percent|per|pc|dollars?|euros?|pounds?|"
    r"yuan|rubles?|roubles?|hryvnias?|rupees?|usd|eur|gbp|tonnes?|tons?|kg|kilograms?|litres?|liters?|"
    r"barrels?|acres?|hectares?|am|pm|a\.m|p\.m|gmt|utc|o['’]clock|year-old|years-old|aircraft|planes?|"
    r"jets?|ships?|vessels?|tanks?|vehicles?|houses?|homes?|buildings?|villages?|towns?|cities|points?|"
    r"goals?|votes?|seats?|pieces?|rounds?|shells?|rockets?|missiles?|drones?|bombs?|attacks?|strikes?|"
    r"incidents?|cases?|magnitude|storey|story)\b"
)
#: A label before a figure makes it a name: "Article 5", "flight 17", "Section 230", "Boeing 737".
_LABEL_BEFORE = patterns.compile(
    r"""(?r)\b(?:article|section|chapter|paragraph|clause|resolution|no\.|nos\.|number|page|p\.|pp\.|flight|
    route|highway|road|room|gate|terminal|platform|boeing|airbus|model|type|phase|level|grade|class|version|
    act|law|decree|code|rule|line|bus|unit|ward|district|zone|sector|block|building|apartment|category|
    magnitude|size|tier|stage|day|week|season|episode|volume|vol\.|covid|tel\.?|phone|call|fax|ext\.?)
    \s*[:#]?\s*\Z"""
)
_YEAR_BEFORE = patterns.compile(
    r"""(?r)\b(?:in|since|from|until|till|by|of|during|before|after|the|and|to|between|early|late|mid|
    january|february|march|april|may|june|july|august|september|october|november|december|
    jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|autumn|fall|winter)[\s,]*\Z"""
)
_AFTER_COUNT = patterns.compile(rf"\s*(?:%|-?\s*{UNIT}|-(?:year|month|day|week|hour)|\s*[/:]\s*\d)")
_PROJECTION_NEAR = patterns.compile(
    r"""(?r)\b(?:could|may|might|would|will|shall|expected\s+to|likely\s+to|set\s+to|projected\s+to|forecast\s+to|
    predicted\s+to|threatens?\s+to|threatened\s+to|feared\s+to)(?:\s+[\p{L}'’\-]+){0,3}?\s*\Z"""
)
_MODAL = patterns.compile(r"\b(?:could|may|might|would|will|shall|to)\b(?!\s+have\b)")
_YEARS_IN = patterns.compile(r"\b(?:1[89]\d\d|20\d\d)\b")


def find_words(text: str, stems: tuple[str, ...]) -> list[int]:
    """Sorted start offsets of the words of ``text`` that begin with one of ``stems``, case as given.

    Substring search costs a fifth of a digit scan per stem, a regular
    expression alternation over every position ten digit scans; callers list
    the few casings that matter ("among", "Among") rather than fold case.
    """
    hits = set()
    for stem in stems:
        i = text.find(stem)
        while i >= 0:
            if i == 0 or not text[i - 1].isalpha():
                hits.add(i)
            i = text.find(stem, i + 1)
    return sorted(hits)


@lru_cache(maxsize=2)
def local_layout(text: str) -> LocalLayout:
    """One :class:`LocalLayout` per document, shared by the extractors that run over it in turn."""
    return LocalLayout(text)


class LocalLayout:
    """Sentence bounds and page furniture near a few positions, without scanning the whole text.

    :class:`~extractors.text.TextLayout` answers for a whole document at a
    cost several times a digit scan; a keyword-first extractor needs answers
    only around its hits, so it asks TextLayout about the one line holding each.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._lines: dict[int, TextLayout] = {}

    def _line(self, pos: int) -> tuple[int, TextLayout]:
        start = self.text.rfind("\n", 0, pos) + 1
        if start not in self._lines:
            self._lines[start] = TextLayout(self.text[start : self.line_end(pos) + 1])
        return start, self._lines[start]

    def is_furniture(self, pos: int) -> bool:
        start, layout = self._line(pos)
        return layout.is_furniture(pos - start)

    def sentence(self, pos: int) -> tuple[int, int]:
        start, layout = self._line(pos)
        s, e = layout.sentence(pos - start)
        return s + start, e + start

    def line_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def line_end(self, pos: int) -> int:
        end = self.text.find("\n", pos)
        return len(self.text) if end < 0 else end


def count_is_plausible(text: str, start: int, end: int) -> bool:
    """False when the figure at ``text[start:end]`` is a year, a label, an age, a unit, money or a share."""
    if patterns.match(_AFTER_COUNT, text, end, min(len(text), end + 20)):
        return False
    if patterns.match(_LABEL_BEFORE, text, max(0, start - 15), start):
        return False
    for year in patterns.finditer(_YEARS_IN, text, start, end):
        if year.start() == start and patterns.match(_YEAR_BEFORE, text, max(0, start - 15), start):
            return False
    return True


def is_projection(text: str, start: int, end: int, keyword: int | None = None, window_start: int = 0) -> bool:
    """Whether modal wording makes the figure at ``text[start:end]`` a projection ("could exceed 3,000").

    Looks at the few words before the figure and, when the figure comes
    before its ``keyword`` offset, at the words between ("3,000 people could die").
    """
    if patterns.match(_PROJECTION_NEAR, text, max(window_start, start - 40), start):
        return True
    return keyword is not None and end < keyword and patterns.search(_MODAL, text, end, keyword) is not None


def clean_who(words: str) -> str | None:
    """The people counted, as written, without a leading "more" or "of the"; None when nothing is left."""
    tokens = words.split()
    while tokens and tokens[0].lower() in ("more", "others", "the", "of", "them", "additional", "further"):
        tokens = tokens[1:]
    return " ".join(tokens) or None


_COUNT_END_WORDS = frozenset(
    [*_UNITS, *_TENS, *_MULTIPLIERS, *_SCALES, *_ABBREVIATED_SCALES, "dozens", "scores", "hundreds", "thousands", "millions"]
)
_COUNT_BEFORE = patterns.compile(rf"(?r){COUNT}")
_TRAILING = ".,;:!?)\"'”’»"


def _could_end_count(token: str) -> bool:
    if token[0].isdigit() or token[-1].isdigit():
        return True  # "13,000", "175k", "1.2bn"
    return token.lower().rsplit("-", 1)[-1] in _COUNT_END_WORDS


def count_before(text: str, lo: int, hi: int, max_words: int = 12) -> tuple[int, int] | None:
    """The span of the nearest count (with its qualifier) ending in ``text[lo:hi]``.

    Walks back over at most ``max_words`` words in plain Python and runs the
    count pattern only where a word could end a figure: a backward regular
    expression over every position of the window costs far more.
    """
    end = hi
    for _ in range(max_words):
        while end > lo and text[end - 1].isspace():
            end -= 1
        start = end
        while start > lo and not text[start - 1].isspace():
            start -= 1
        if start >= end:
            return None
        core_end = start + len(text[start:end].rstrip(_TRAILING))
        if core_end > start and _could_end_count(text[start:core_end]):
            m = patterns.match(_COUNT_BEFORE, text, lo, core_end)
            if m is not None:
                return m.span()
        end = start
    return None


def word_before(text: str, lo: int, hi: int, words: frozenset[str], max_words: int = 6) -> int | None:
    """The start of the nearest word of ``words`` (lower case) in ``text[lo:hi]``, within ``max_words`` words."""
    end = hi
    for _ in range(max_words):
        while end > lo and text[end - 1].isspace():
            end -= 1
        start = end
        while start > lo and not text[start - 1].isspace():
            start -= 1
        if start >= end:
            return None
        if text[start:end].lower() in words:
            return start
        end = start
    return None
