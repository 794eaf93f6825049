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
from typing import Any

from extractors import patterns

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
_GUARD = r"(?<!(?-i:[\p{L}\d_][-./:,]?))(?<![$€£¥#§])"

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


def _phrases(pattern: str) -> list[tuple[str, ...]]:
    r"""The word sequences a qualifier pattern matches (it has only words, ``\s+``, ``|`` and ``(?:...)``),
    in the order the pattern tries them."""

    def alternation(i: int) -> tuple[list[tuple[str, ...]], int]:
        out, i = sequence(i)
        while i < len(pattern) and pattern[i] == "|":
            more, i = sequence(i + 1)
            out += more
        return out, i

    def sequence(i: int) -> tuple[list[tuple[str, ...]], int]:
        out: list[tuple[str, ...]] = [()]
        while i < len(pattern) and pattern[i] not in "|)":
            if pattern.startswith("(?:", i):
                group, i = alternation(i + 3)
                out, i = [a + b for a in out for b in group], i + 1
            elif pattern.startswith(r"\s+", i):
                i += 3
            else:
                j = i
                while j < len(pattern) and pattern[j].isalpha():
                    j += 1
                if j == i:
                    raise ValueError(f"unexpected {pattern[i:]!r} in a qualifier pattern")
                out, i = [a + (pattern[i:j],) for a in out], j
        return out, i

    return alternation(0)[0]


#: Every qualifier as lower-case words, in the order ``QUALIFIER`` tries them, with its kind.
QUALIFIER_PHRASES: tuple[tuple[tuple[str, ...], str], ...] = tuple(
    (phrase, kind) for kind, p in _QUALIFIERS.items() for phrase in _phrases(p)
)
_KIND_OF_PHRASE: dict[tuple[str, ...], str] = {}
for _phrase, _kind in QUALIFIER_PHRASES:
    _KIND_OF_PHRASE.setdefault(_phrase, _kind)
#: Characters ``str.split`` takes for white space that ``\s`` does not.
_NOT_REGEX_SPACE = frozenset("\x1c\x1d\x1e\x1f")

_DASH = r"\s*[-–—]\s*"
_WORD_SEP = r"\s+(?:to|or)\s+"
_RANGE = (
    rf"(?:\bbetween\s+{EXACT}\s+and\s+{EXACT}|\bfrom\s+{EXACT}\s+to\s+{EXACT}"
    rf"|{_GUARD}{_DIGITS}{_DASH}{_DIGITS}(?!\d)|{EXACT}{_WORD_SEP}{_EXACT_BARE}\b)"
)
#: The number words below a hundred ("seven", "seventeen", "seventy").
NUMBER_WORDS = frozenset([*_UNITS, *_TENS])
#: The tens ("twenty" ... "ninety"), which a unit may follow ("twenty one").
TENS_WORDS = frozenset(_TENS)
#: Words a count may end with ("twelve", "thousand", "dozens", "175k"'s "k"): where a look-back may stop.
COUNT_END_WORDS = frozenset(
    [*_UNITS, *_TENS, *_MULTIPLIERS, *_SCALES, *_ABBREVIATED_SCALES, "dozens", "scores", "hundreds", "thousands",
     "millions"]
)
#: An optionally qualified count or a range: "more than 100,000", "between 90,000 and 120,000", "dozens".
COUNT = rf"(?:(?:{QUALIFIER}\s+)?(?:{_RANGE}|{NUMBER}))"

_QUALIFIER_OF = [(q, patterns.lazy(rf"(?:{p})")) for q, p in _QUALIFIERS.items()]
_DIGITS_FULL = patterns.lazy(
    r"(?P<digits>\d+(?:[.,\x20\u00a0\u202f\u2009]\d+)*)[\s-]*(?P<scale>hundred|thousand|million|billion|mln|mn|bn|k)?"
)
_COUNT_FULL = patterns.lazy(
    rf"""(?:(?P<q>{QUALIFIER})\s+)?
    (?:between\s+(?P<lo>{EXACT})\s+and\s+(?P<hi>{EXACT})
      |from\s+(?P<lo>{EXACT})\s+to\s+(?P<hi>{EXACT})
      |(?P<lo>{_DIGITS}){_DASH}(?P<hi>{_DIGITS})
      |(?P<lo>{EXACT}){_WORD_SEP}(?P<hi>{_EXACT_BARE})
      |(?P<lo>{NUMBER}))"""
)
_ORDINAL_DIGITS = patterns.lazy(r"(?P<n>\d+)(?:st|nd|rd|th)")


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
    return _qualifier_kind(words.strip()) or "exact"


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
    s = s.strip()
    plain = _plain_count(s)
    if plain is not None:
        return plain
    m = patterns.fullmatch(_COUNT_FULL, s)
    if m is None:
        return None
    return count_value(m.group("lo"), m.group("hi"), m.group("q"))


def plain_int(s: str) -> int | None:
    """ "61", "13,000": ASCII digits, commas grouping thousands; anything else is left to the patterns."""
    if not s.isascii():
        return None
    if s.isdigit():
        return int(s)
    groups = s.split(",")
    if 1 <= len(groups[0]) <= 3 and all(g.isdigit() for g in groups) and all(len(g) == 3 for g in groups[1:]):
        return int("".join(groups))
    return None


def _qualifier_kind(words: str) -> str | None:
    """The kind of qualifier ``words`` are whole; plain ASCII words are looked up, anything else matched."""
    if words.isascii() and _NOT_REGEX_SPACE.isdisjoint(words):
        tokens = words.split()
        if tokens and words[0] not in " \t\n\r\f\v" and words[-1] not in " \t\n\r\f\v":
            return _KIND_OF_PHRASE.get(tuple(t.lower() for t in tokens))
    for qualifier, pattern in _QUALIFIER_OF:
        if patterns.fullmatch(pattern, words):
            return qualifier
    return None


def _plain_count(s: str) -> dict[str, Any] | None:
    """The most common counts ("61", "at least 12") without the full count pattern, which costs ten times more.

    Only a figure of plain digits, alone or after one qualifier and a single
    space, takes this path; whatever else is None and goes to the pattern.
    """
    head, _, last = s.rpartition(" ")
    n = plain_int(last)
    if n is not None:
        low, high, q = n, n, "exact"
    else:
        word = last.lower() if last.isascii() and last.isalpha() else ""
        if word in _UNITS or word in _TENS:
            low = high = _UNITS[word] if word in _UNITS else _TENS[word]
            q = "exact"
        elif word in _VAGUE_WORDS:
            (low, high), q = _VAGUE[word], "approx"
        else:
            return None
    if head:
        if head[-1].isspace() or head[0].isspace():
            return None
        qualifier = _qualifier_kind(head)
        if qualifier is None:
            return None
        q = qualifier
    if q == "at_least":
        return {"min": low, "max": None, "qualifier": q}
    if q == "at_most":
        return {"min": None, "max": high, "qualifier": q}
    return {"min": low, "max": high, "qualifier": q}


#: The one-word vague magnitudes.
_VAGUE_WORDS = frozenset(k for k in _VAGUE if " " not in k)


def looks_like_year(s: str) -> bool:
    """A bare four-digit figure between 1800 and 2099: a year far more often than a count."""
    s = s.strip()
    return len(s) == 4 and s.isdigit() and 1800 <= int(s) <= 2099
