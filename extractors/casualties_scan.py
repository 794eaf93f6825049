"""Keyword-first scanning shared by the casualty and troop extractors.

Both find their trigger words by substring search and then look a few words
back (or forward) for the count, so most of the text is never touched by a
regular expression. The helpers here answer the questions asked at each hit
(is the figure before this word a count? a year? a projection? which
sentence and line is this?) as cheaply as possible: a plain ``str`` test
rules a question out before the pattern that would answer it is run, since
every pattern call pays for its timeout.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any, Union

import regex

from extractors import patterns
from extractors.numbers import COUNT, COUNT_END_WORDS, NUMBER_WORDS, QUALIFIER, QUALIFIER_PHRASES, plain_int
from extractors.text import REACH, TextLayout

#: A word as it appears in a "who" phrase: "Ukrainian", "pro-Russian", "U.S.", "Gaza's".
WORD = r"(?:(?:\p{L}\.){2,}|\p{L}(?-i:[\p{L}\p{M}'’\-]*))"
#: Words that end a phrase naming people: auxiliaries, prepositions, conjunctions, pronouns.
STOP = (
    r"(?:were|was|are|is|be|been|being|have|has|had|and|or|but|nor|in|on|at|by|for|from|with|without|after|"
    r"before|since|during|when|while|as|that|which|who|whom|whose|to|into|onto|than|this|these|those|their|"
    r"its|his|her|our|your|my|said|says|say|according|reportedly|also|not|no|if|then|so|still|all|both|each|"
    r"including|among|near|across|over|under|off|amid|despite|because|where|what|will|would|could|should|"
    r"may|might|must|can|did|do|does|a|an|the|of|it|they|them|he|she|we|you|i|there|here|about|around|"
    r"up|down|out|just|only|even|yet|again|ago|later|earlier|today|yesterday|tomorrow|overnight|last|next|early|late|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
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
    r"incidents?|cases?|magnitude|storey|story|"
    # animals are no casualties: "killed 12,500 head of livestock"
    r"head|cattle|livestock|sheep|goats?|cows?|camels?|animals?|birds?|chickens?|pigs?|dogs?|horses?)\b"
)
#: A label before a figure makes it a name: "Article 5", "flight 17", "Section 230", "Boeing 737".
_LABEL_BEFORE = patterns.lazy(
    r"""(?r)\b(?:article|section|chapter|paragraph|clause|resolution|no\.|nos\.|number|page|p\.|pp\.|flight|
    route|highway|road|room|gate|terminal|platform|boeing|airbus|model|type|phase|level|grade|class|version|
    act|law|decree|code|rule|line|bus|unit|ward|district|zone|sector|block|building|apartment|category|
    magnitude|size|tier|stage|day|week|season|episode|volume|vol\.|covid|tel\.?|phone|call|fax|ext\.?|aged)
    \s*[:#]?\s*\Z"""
)
_YEAR_BEFORE = patterns.lazy(
    r"""(?r)\b(?:in|since|from|until|till|by|of|during|before|after|the|and|to|between|early|late|mid|
    january|february|march|april|may|june|july|august|september|october|november|december|
    jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|autumn|fall|winter)[\s,]*\Z"""
)
_AFTER_COUNT = patterns.lazy(rf"\s*(?:%|-?\s*{UNIT}|-(?:year|month|day|week|hour)|\s*[/:]\s*\d)")
_PROJECTION_NEAR = patterns.lazy(
    r"""(?r)\b(?:could|(?-i:may)|might|would|will|shall|expected\s+to|likely\s+to|set\s+to|projected\s+to|forecast\s+to|
    predicted\s+to|threatens?\s+to|threatened\s+to|feared\s+to)(?:\s+(?-i:[\p{L}'’\-]+)){0,3}?\s*\Z"""
)
#: "are believed to be missing" reports a count; "are expected to die" projects one.
_MODAL = patterns.lazy(
    r"""\b(?:could|may|might|would|will|shall
    |(?<!\b(?:believed|thought|feared|presumed|reported|said|known|understood|confirmed|taken|rushed)\s+)to)\b(?!\s+have\b)"""
)
_YEARS_IN = patterns.lazy(r"\b(?:1[89]\d\d|20\d\d)\b")


def find_words(text: str, stems: tuple[str, ...]) -> list[int]:
    """Sorted start offsets of the words of ``text`` that begin with one of ``stems`` (lower case), in any case.

    Substring search in the document's lowercase copy costs a fifth of a
    digit scan per stem, a regular expression alternation over every
    position ten digit scans. Case is folded because wire copy capitalizes
    troop and casualty words too ("2,500 U.S. Marines", "Fatalities rose").
    """
    low = TextLayout.of(text).lower
    hits = []
    for stem in stems:
        if stem in low:  # the cheapest test, and most stems are absent
            i = low.find(stem)
            while i >= 0:
                if i == 0 or not low[i - 1].isalpha():
                    hits.append(i)
                i = low.find(stem, i + 1)
    return sorted(set(hits)) if hits else hits


class WordHit:
    """A one-word trigger found without a pattern, offering what the extractors read of a ``regex.Match``."""

    __slots__ = ("_start", "_end", "_word")

    def __init__(self, start: int, end: int, word: str) -> None:
        self._start, self._end, self._word = start, end, word

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, name: str) -> Any:
        return self._word if name == "w" else None


Trigger = Union[WordHit, "regex.Match[str]"]


def trigger_at(
    text: str, pos: int, words: frozenset[str], phrases: frozenset[str], pattern: patterns.Pattern, window: int
) -> Trigger | None:
    """The trigger starting at ``pos``, as ``pattern`` (case-insensitive, ending in ``\b``) would match it.

    A plain ASCII word is looked up in ``words`` (the pattern's one-word
    alternatives, lower case); a word starting one of its longer ``phrases``
    ("along with") or anything unusual is left to the pattern.
    """
    end = pos
    n = len(text)
    while end < n and text[end].isalpha():
        end += 1
    word = text[pos:end]
    after = text[end : end + 1]
    if word.isascii() and (not after or (after.isascii() and not after.isalnum() and after != "_")):
        folded = word.lower()
        if folded in words:
            return WordHit(pos, end, word)
        if folded not in phrases:
            return None
    return patterns.match(pattern, text, pos, min(n, pos + window))


@lru_cache(maxsize=2)
def local_layout(text: str) -> LocalLayout:
    """One :class:`LocalLayout` per document, shared by the extractors that run over it in turn."""
    return LocalLayout(text)


#: How every kind of furniture line extractors.text._FURNITURE knows begins; the rest need "»" or "#". Keep the two
#: in step: a furniture rule starting otherwise must be added here (the shortcut tests try each kind).
_FURNITURE_STARTS = ("see", "read", "related", "next", "previous", "leave", "be", "your", "this", "share", "follow",
                     "subscribe", "home", "mon", "tues", "wednes", "thurs", "fri", "satur", "sun")  # fmt: skip


def _may_be_furniture(text: str, start: int, end: int) -> bool:
    """False only when the line ``text[start:end]`` cannot be page furniture, so it needs no match."""
    if text.find("»", start, end) >= 0 or text.find("#", start, end) >= 0:
        return True
    i = start
    while i < end and text[i].isspace():
        i += 1
    return text[i : i + 12].casefold().startswith(_FURNITURE_STARTS)


class LocalLayout:
    """Sentence bounds, page furniture and line bounds for one document.

    Furniture and sentences come from the document's shared
    :class:`~extractors.text.TextLayout` (one scan each per document, reused by
    every extractor); line bounds are plain ``str`` searches.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._layout = TextLayout.of(text)
        self._line = (0, -1, False)  # the last line asked about: start, end, whether it may be furniture

    def is_furniture(self, pos: int) -> bool:
        """Whether ``pos`` lies in page furniture; a line that cannot be furniture is not matched."""
        start, end, maybe = self._line
        if not start <= pos <= end:
            text = self.text
            start = text.rfind("\n", 0, pos) + 1
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            maybe = _may_be_furniture(text, start, end)
            self._line = (start, end, maybe)
        return maybe and self._layout.is_furniture(pos)

    def sentence(self, pos: int) -> tuple[int, int]:
        return self._layout.sentence(pos)

    def line_start(self, pos: int) -> int:
        """The start of the line holding ``pos``, or REACH before it on an endless line."""
        floor = max(0, pos - REACH)
        return max(self.text.rfind("\n", floor, pos) + 1, floor)

    def line_end(self, pos: int) -> int:
        """The end of the line holding ``pos``, or REACH after it on an endless line."""
        ceiling = min(len(self.text), pos + REACH)
        end = self.text.find("\n", pos, ceiling)
        return ceiling if end < 0 else end


def _unit_prefixes(unit: str) -> frozenset[str]:
    """The first three letters (all of a shorter word) of every word ``UNIT`` names, for a quick test."""
    out = set()
    for alt in unit.removeprefix("(?:").removesuffix(r")\b").split("|"):
        alt = alt.replace("\\", "")
        for word in (alt.replace("['’]", "'"), alt.replace("['’]", "’")):
            out.add(word.replace("?", "")[:3])
            out.add(word[: word.index("?") - 1] if "?" in word else word)  # "years?" may be "year"
    return frozenset(w[:3] for w in out)


_UNIT_PREFIXES = _unit_prefixes(UNIT)


class _Folded:
    """The case-folded copy of the last document asked about, when it keeps every offset (one character
    folds to one almost always: "ß" is the exception), so a window is searched without copying it."""

    text: str | None = None
    folded: str | None = None


#: Past this length a document is not folded whole: its few hits fold their own short windows for less.
_FOLD_WHOLE = 4000


def folded(text: str) -> str | None:
    """``text.casefold()`` when it has the same offsets as ``text``, else None; computed once per document."""
    if _Folded.text is not text:
        f = text.casefold() if len(text) <= _FOLD_WHOLE else ""
        _Folded.text, _Folded.folded = text, (f if len(f) == len(text) else None)
    return _Folded.folded


def mentions(text: str, lo: int, hi: int, words: tuple[str, ...]) -> bool:
    """Whether ``text[lo:hi]`` holds one of ``words`` (lower case) in any case: a necessary condition,
    tested before a pattern that needs one of them, since case folding never makes a word disappear."""
    f = folded(text)
    if f is None:
        window = text[lo:hi].casefold()
        return any(w in window for w in words)
    for w in words:
        if f.find(w, lo, hi) >= 0:  # find reads lo and hi as a slice does, negative ones too
            return True
    return False


def _unit_may_follow(text: str, end: int) -> bool:
    """False only when ``_AFTER_COUNT`` cannot match at ``end``: what follows is no sign, no unit."""
    after = text[end : end + 20].lstrip()
    if after[:1] in ("%", "-", "/", ":") and after:
        return True
    head = after[:3].casefold()[:3]
    return head in _UNIT_PREFIXES or head[:2] in _UNIT_PREFIXES


_LABELS = frozenset(
    "article section chapter paragraph clause resolution no nos number page p pp flight route highway road room "
    "gate terminal platform boeing airbus model type phase level grade class version act law decree code rule line "
    "bus unit ward district zone sector block building apartment category magnitude size tier stage day week "
    "season episode volume vol covid tel phone call fax ext aged".split()  # "aged 40": an age, no count
)


def _label_may_end(text: str, lo: int, hi: int) -> bool:
    """False only when ``_LABEL_BEFORE`` cannot match ``text[lo:hi]``: its last word is no label."""
    window = text[lo:hi].rstrip()
    if window[-1:] in (":", "#"):
        window = window[:-1].rstrip()
    if window[-1:] == ".":
        window = window[:-1]
    i = len(window)
    while i > 0 and window[i - 1].isalpha():
        i -= 1
    return window[i:].casefold() in _LABELS


_QUALIFIER_HEADS = frozenset(phrase[0] for phrase, _ in QUALIFIER_PHRASES)


def _qualified(text: str, start: int, end: int) -> bool:
    """Whether the count at ``text[start:end]`` starts with a qualifier word ("some", "about", "more")."""
    head = text[start:end].split(None, 1)
    return bool(head) and head[0].lower() in _QUALIFIER_HEADS and len(head) > 1


def count_is_plausible(text: str, start: int, end: int, labels: bool = True) -> bool:
    """False when the figure at ``text[start:end]`` is a year, a label, an age, a unit, money or a share;
    ``labels=False`` when the word before is known to be a verb ("the dead number 40")."""
    if _unit_may_follow(text, end) and patterns.match(_AFTER_COUNT, text, end, min(len(text), end + 20)):
        return False
    lo = max(0, start - 15)
    if labels and _label_may_end(text, lo, start) and patterns.match(_LABEL_BEFORE, text, lo, start):
        if not _qualified(text, start, end):  # "number some 1.5 million" is no label's figure
            return False
    if text[start : start + 2] in ("18", "19", "20"):  # only a year starting the figure matters
        for year in patterns.finditer(_YEARS_IN, text, start, end):
            if year.start() == start and patterns.match(_YEAR_BEFORE, text, max(0, start - 15), start):
                return False
    return True


_PROJECTION_WORDS = ("could", "may", "might", "would", "will", "shall", "expected", "likely", "set", "projected",
                     "forecast", "predicted", "threaten", "feared")  # fmt: skip
_MODAL_WORDS = ("could", "may", "might", "would", "will", "shall", "to")


def is_projection(text: str, start: int, end: int, keyword: int | None = None, window_start: int = 0) -> bool:
    """Whether modal wording makes the figure at ``text[start:end]`` a projection ("could exceed 3,000").

    Looks at the few words before the figure and, when the figure comes
    before its ``keyword`` offset, at the words between ("3,000 people could die").
    """
    lo = max(window_start, start - 40)
    if mentions(text, lo, start, _PROJECTION_WORDS) and patterns.match(_PROJECTION_NEAR, text, lo, start):
        return True
    if keyword is None or end >= keyword or not mentions(text, end, keyword, _MODAL_WORDS):
        return False
    return patterns.search(_MODAL, text, end, keyword) is not None


#: The first words of every count ("at least", "between", "dozens", "seven", "a dozen") and of "a"/"another" soldier.
_COUNT_START_WORDS = frozenset(
    "about around some roughly approximately an estimated circa nearly well just slightly far much more over at "
    "upwards in above no not a fewer less up as almost close under below between from tens hundreds several "
    "dozens scores thousands millions one half another".split()
) | NUMBER_WORDS


def count_may_follow(text: str, pos: int) -> bool:
    """False only when no count (nor "a", "another") can follow the space at ``pos``: the next word starts none."""
    if not text[pos : pos + 1].isspace():
        return False
    i = pos + 1
    n = len(text)
    while i < n and text[i].isspace():
        i += 1
    if i < n and text[i].isdigit():
        return True
    j = i
    while j < n and text[j].isalpha():
        j += 1
    return text[i:j].casefold() in _COUNT_START_WORDS


def clean_who(words: str) -> str | None:
    """The people counted, as written, without a leading "more", "other" or "of the" (words that tie them to
    another figure, not say who they are); None when nothing is left."""
    tokens = words.split()
    while tokens and tokens[0].lower() in ("more", "other", "others", "the", "of", "them", "additional", "further"):
        tokens = tokens[1:]
    return " ".join(tokens) or None


_COUNT_BEFORE = patterns.lazy(rf"(?r){COUNT}")
_TRAILING = ".,;:!?)\"'”’»"


def _could_end_count(token: str) -> bool:
    if token[0].isdigit() or token[-1].isdigit():
        return True  # "13,000", "175k", "1.2bn"
    return token.lower().rsplit("-", 1)[-1] in COUNT_END_WORDS


_QUALIFIER_BEFORE = patterns.lazy(rf"(?r){QUALIFIER}\s+\Z")
_VAGUE_WORDS = frozenset(["dozens", "scores", "hundreds", "thousands", "millions"])
_RANGE_WORDS = frozenset(["and", "or", "to"])
#: Last words of a qualifier or a range ("at least", "up to", "between 2 and"): a figure after one of them may
#: be part of a longer count.
_EXTENDERS = frozenset(
    "about around some roughly approximately estimated circa over above than least of under below to as nearly "
    "almost most and or".split()
)


def _simple_count(text: str, lo: int, start: int, end: int) -> tuple[int, int] | None:
    """The span ``COUNT`` would match ending at ``end``, for a lone figure or number word starting at ``start``
    (after a space), without running it; None when the words before could make it part of a longer count.

    "12", "13,000", "seven", "dozens", and "at least 12": the qualifier alone is looked up then.
    """
    token = text[start:end]
    digits = plain_int(token) is not None
    folded = token.lower() if not digits and token.isascii() else ""
    if not digits and folded not in NUMBER_WORDS and folded not in _VAGUE_WORDS:
        return None
    prev_end = start
    while prev_end > lo and text[prev_end - 1].isspace():
        prev_end -= 1
    if prev_end == lo:
        return start, end
    last = text[prev_end - 1]
    if last.isdigit() or last in "-–—":
        return None  # "13 000", "90,000 - 120,000"
    word_start = prev_end
    while word_start > lo and text[word_start - 1].isalpha():
        word_start -= 1
    prev = text[word_start:prev_end].casefold()
    if prev not in _EXTENDERS and prev not in COUNT_END_WORDS and prev not in ("a", "an", "half"):
        return start, end
    if prev not in _EXTENDERS or folded in _VAGUE_WORDS:
        return None  # "twenty one", "tens of thousands"
    if prev in _RANGE_WORDS and _may_end_count(text, lo, word_start):
        return None  # "between 2 and 3"
    q_start = qualifier_before(text, lo, start)
    if q_start is None:
        q = patterns.match(_QUALIFIER_BEFORE, text, lo, start)
        q_start = q.start() if q is not None else -1
    return (q_start, end) if q_start >= 0 else (start, end)


_QUALIFIER_WORDS = tuple(phrase for phrase, _ in QUALIFIER_PHRASES)
_LONGEST_QUALIFIER = max(map(len, _QUALIFIER_WORDS))
#: The qualifiers by their last word, in the pattern's order.
_QUALIFIERS_ENDING: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _QUALIFIER_WORDS:
    _QUALIFIERS_ENDING.setdefault(_phrase[-1], []).append(_phrase)
_PLAIN_SPACE = frozenset(" \t\n\r\f\v")


def qualifier_before(text: str, lo: int, start: int) -> int | None:
    """Where ``_QUALIFIER_BEFORE`` would match in ``text[lo:start]`` ("at least| 12"), read as words:
    the qualifiers are tried in the pattern's order; -1 when none ends there, None when unsure."""
    if not text[max(0, lo - 1, start - 64) : start].isascii():
        return None
    words: list[tuple[str, int]] = []  # nearest first
    end = start
    while len(words) < _LONGEST_QUALIFIER:
        i = end
        while i > lo and text[i - 1] in _PLAIN_SPACE:
            i -= 1
        if i == end:
            break
        j = i
        while j > lo and text[j - 1].isalpha():
            j -= 1
        if j == i:
            break
        words.append((text[j:i].lower(), j))
        end = j
    for phrase in _QUALIFIERS_ENDING.get(words[0][0], ()) if words else ():
        n = len(phrase)
        if len(words) < n or any(words[n - 1 - k][0] != phrase[k] for k in range(n)):
            continue
        j = words[n - 1][1]
        if j > 0 and (text[j - 1].isalnum() or text[j - 1] == "_"):
            continue  # no word boundary before it
        return j
    return -1


def _may_end_count(text: str, lo: int, word_start: int) -> bool:
    """False only when no count can end at the word before the one at ``word_start`` ("killed and 25"):
    then "and", "or" or "to" there joins no range."""
    if word_start <= lo:
        return False
    if not text[word_start - 1].isspace():
        return True
    end = word_start
    while end > lo and text[end - 1].isspace():
        end -= 1
    start = end
    while start > lo and not text[start - 1].isspace():
        start -= 1
    word = text[start:end]
    if not word.isascii():
        return True
    if not word or not word[-1].isalnum():
        return False
    if any(c.isdigit() for c in word):
        return True
    i = len(word)
    while i > 0 and word[i - 1].isalpha():
        i -= 1
    return word[i:].lower() in COUNT_END_WORDS


def _words_back(text: str, lo: int, hi: int, max_words: int) -> Iterator[tuple[str, int]]:
    """Up to ``max_words`` whitespace-separated words of ``text[lo:hi]`` with their starts, nearest first.

    ``str.rsplit`` cuts them at C speed, a few at first since the figure is
    mostly one of the nearest words; each word's start is then the last place
    it occurs before the word after it.
    """
    window = text[lo:hi]
    rest = window
    end = len(window)
    taken, step = 0, 4
    while taken < max_words:
        n = min(step, max_words - taken)
        words = rest.rsplit(None, n)
        more = len(words) > n
        for word in reversed(words[1:] if more else words):
            end = window.rfind(word, 0, end)
            yield word, lo + end
        if not more:
            return
        taken += n
        rest, step = words[0], max_words


def count_before(text: str, lo: int, hi: int, max_words: int = 12) -> tuple[int, int] | None:
    """The span of the nearest count (with its qualifier) ending in ``text[lo:hi]``.

    Walks back over at most ``max_words`` words in plain Python and runs the
    count pattern only where a word could end a figure: a backward regular
    expression over every position of the window costs far more.
    """
    for word, start in _words_back(text, lo, hi, max_words):
        core = word.rstrip(_TRAILING)
        if core and _could_end_count(core):
            core_end = start + len(core)
            # at the window's start the figure may continue the text before it, unless a line starts there
            simple = start > lo or lo == 0 or text[lo - 1] == "\n"
            span = _simple_count(text, lo, start, core_end) if simple else None
            if span is not None:
                return span
            m = patterns.match(_COUNT_BEFORE, text, lo, core_end)
            if m is not None:
                return m.span()
    return None


def word_before(text: str, lo: int, hi: int, words: frozenset[str], max_words: int = 6) -> int | None:
    """The start of the nearest word of ``words`` (lower case) in ``text[lo:hi]``, within ``max_words`` words."""
    for word, start in _words_back(text, lo, hi, max_words):
        if word.lower() in words:
            return start
    return None
