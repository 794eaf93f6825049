"""The big sanctions patterns' matches, found by trying them only where one can start.

``_STATUS`` and ``_PLACE`` are long alternations: run over a sentence they cost about
a microsecond a character, and every call pays the timeout's fixed cost besides. Yet a
match can only begin at a word start whose first three case-folded characters open one
of their cues (``thr`` for ``threatened``, ``rus`` for ``Russia``). One pattern call per
sentence lists its word starts; a set lookup keeps the few that qualify, and the
pattern is tried, anchored, at those alone, in order, as ``finditer`` would reach them.
A count (``_COUNT``) is tried only at the word or two before a number, ``_BACK`` a step
at a time, and the smaller patterns behind the necessary conditions of
``sanctions_prefilter``.

The results are the very matches the patterns yield: a position that no cue can start
is one where they would have failed. ``tests/extractors/test_sanctions.py`` derives the
possible openings and endings from the patterns themselves (partial matching), checks
the tables below hold them all, and compares every fast path with its pattern on
generated text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from functools import cached_property
from string import ascii_lowercase, digits

import regex

from extractors import patterns
from extractors.numbers import NUMBER_WORDS
from extractors.places import _DATELINE, _PLACE, PLACE_AT, compile_simple
from extractors.sanctions_patterns import _BACK, _COUNT, _PREMOD, _STATUS, Match
from extractors.sanctions_prefilter import CHECKS, may_end_premodifier

# ASCII only: a slice holding any other character is always tried (its case-folding is not tabulated).
_ASCII = [chr(c) for c in range(128)]
_SPACES = " \t\n\r\x0b\x0c"
_NOT_WORD = "".join(c for c in _ASCII if not (c.isalnum() or c == "_"))


def _openings(words: str, short: Iterable[tuple[str, str]] = ()) -> frozenset[str]:
    """Three-character openings: ``words`` are given as such, ``short`` cues as (cue, what may follow it)."""
    return frozenset(words.split()) | {cue + c for cue, after in short for c in after}


#: What the first three case-folded characters of a ``_STATUS`` match may be.
STATUS_OPENINGS = _openings(
    "add ado agr aim ann app ask bla bro cal cam con cou dec del dem des dis dra due eas ena end ent exp ext fac "
    "fol fre fro goi hit hop imp ins int joi kee kep lev lif lik lob mai may mig mov mul n't nev not pas pla poi "
    "pre pro pus put rea rec ref rei rej rel rem ren res ret ris rol rul sai san say scr see set sha sig sla sou "
    "sta sus tar thr tig too unf unv urg vot vow wai wan war wei wil wor wou blo fai hel hol una vet",
    [("no", _SPACES), ("to", _SPACES)],
)
#: For the openings that start common words too ("sta": States, "thr": three), how the cue word goes on: a word
#: with such an opening is tried only when it starts with one of these (tests derive them from the pattern).
_STATUS_WORDS = (
    "adopt agree announced announces announcing approv blacklist broaden call came consider could declin decided "
    "delist demand designated designates designatin discuss draft ease easing enact entered expand expected extend "
    "face facing follow freezes freezing froze going hope impose imposing insist intend introduced introduces "
    "introducin join keep kept maintain retain levied lift likely lobb might moved mull never passed placed places "
    "placing plan poised press prepare preparing propos "
    "prolong push ready recommend refus reimpose reimposing rejected remove removing renew restor retaliat risk roll "
    "rule said sanctioned says scrap seek shall signed slap sought stand suspend target threat tighten took unfroz "
    "unfreez unveil urge urging vote waive want warn weigh will work would block fail held hold unable veto"
).split()
STATUS_WORDS: dict[str, tuple[str, ...]] = {
    opening: tuple(w for w in _STATUS_WORDS if w.startswith(opening)) for opening in {w[:3] for w in _STATUS_WORDS}
}
#: The same for ``_PLACE``: country names, capitals, leaders, agencies, blocs ("27-nation bloc").
PLACE_OPENINGS = _openings(
    "afg afr ame ank ans arm ass aus aze bag bam bei bel ber bid bli blo bor bos bri bru bur bye cai cam can car "
    "cen chi col com con cub dam dem dep dow dpr drc e.u eco egy emi erd eri eth eur for fra fre g-2 g-7 g20 ger "
    "gre gro gui hai ham har hav hez hiz hon hou hun ind ira irg isi isl isr jap kaj kha kie kim kos kre kyi lam "
    "leb lib lon luk mad mal man mex min mol mos mya new nic nig nor oba ofa off ott pak par pom pou put pyo qat "
    "raa rai rev riy rub rus rwa sau sec seo ser som sou sta sud sun swi syr tai tal teh tok tre tri tru tur u.k "
    "u.n u.s uae ukr uni uns usa ven von wag was whi yel yem zel zim al- ban kig kin nay por dar kor ara ase gcc gul "
    "iga oas org sad alg ast bah bol bra dha est fil geo gua han jak kam kaz ken kuw kyr lat lit mor moz nai phi "
    "pol rab rig sal sri taj tan tbi tha tun uga uzb vie vil war abk fed hut mon pod rep tra",
    [
        *((cue, _NOT_WORD) for cue in ("eu", "uk", "un", "us", "g7")),
        ("hm", _SPACES),
        ("xi", _SPACES),
        *((a + b, digits + "-") for a in digits for b in digits),
        *((a + "-", "cmn") for a in digits),
    ],
)
_PLACE_GUARD = frozenset(ascii_lowercase.upper() + digits)

# _BACK's parts, each matched right to left and anchored where it must end.
_PREMODIFIER_AT_END = compile_simple(rf"(?:{_PREMOD})\Z", patterns.FLAGS | regex.REVERSE)
_THE_SAME_AT_END = compile_simple(r"(?<!\w)the\s+same\s+\Z", patterns.FLAGS | regex.REVERSE)
_BACK_HEADS = ("package", "round", "wave", "raft", "set", "batch", "series", "slew", "tranche", "volley", "barrage")


def _hard_back(folded: str, start: int, end: int) -> bool:
    """A \\x1c-\\x1f (space to str, not to regex), or a ``package of`` in reach in text beyond ASCII."""
    chunk = folded[start:end]
    return any(map(chunk.__contains__, "\x1c\x1d\x1e\x1f")) or (
        not chunk.isascii() and _package_in_reach(folded, start, end)
    )


def _package_in_reach(folded: str, start: int, end: int) -> bool:
    chunk = folded[start:end]
    return "of" in chunk and any(map(chunk.__contains__, _BACK_HEADS))


def _package_of(text: str, folded: str, low: int, pos: int) -> int | None:
    """Where ``package of`` (any ``_BACK`` head) ends at ``pos`` less its space: the start of the head, or None.

    The pattern's first try, after taking the premodifiers greedily: space, ``of``, space, a head
    (no word boundary asked for, as in the pattern).
    """
    i = pos
    while i > low and text[i - 1].isspace():
        i -= 1
    if i == pos or not folded.endswith("of", low, i):
        return None
    j = i - 2
    while j > low and text[j - 1].isspace():
        j -= 1
    if j == i - 2:
        return None
    for head in _BACK_HEADS:
        if folded.endswith(head, low, j):
            return j - len(head)
    return None


_PREMODIFIER_CHARS = frozenset(ascii_lowercase + digits + "_.-")


def _no_package_of(folded: str, low: int, end: int) -> bool:
    """No way for ``package of`` to lead the premodifiers before ``end``: something no premodifier holds (a comma)
    stands between the last ``of`` and ``end``, so backtracking cannot reach one (ASCII text)."""
    last = folded.rfind("of", low, end)
    return last < 0 or any(not (c in _PREMODIFIER_CHARS or c.isspace()) for c in folded[last + 2 : end])


_WORDS = compile_simple(r"(?:\W*+(?P<w>\w)\w*+(?P<e>))*+")  # every word's start and end, in one call

#: Words a ``_COUNT`` match can open with (its preposition or verb before the number), case-folded.
COUNT_OPENINGS = (
    "on", "against", "target", "add", "designat", "sanction", "blacklist", "list", "includ", "cover", "hit", "freez",
    "froze", "ban", "nam", "of", "and", "another", "further", "additional", "over", "some", "about", "nearly",
    "almost", "than", "least", "total", "with", "announc", "unveil", "impos", "keep", "kept", "leaving", "bringing",
    "comprising", "involving", "affecting", "around", "roughly", "approximately", "up", "remov", "others", "as",
    "put", "placed", "concern", "now",
)  # fmt: skip
_NUMBER_WORDS = tuple(sorted(NUMBER_WORDS)) + ("half",)
_NUMBER_OPENINGS = frozenset(w[:3] for w in _NUMBER_WORDS)
_SCALES = ("hundred", "thousand", "million", "billion", "dozen")


class _Region:
    """One stretch of text read once: its word starts, and those that may open a status cue or a place."""

    def __init__(self, text: str, folded: str, start: int, end: int) -> None:
        self.start, self.end = start, end
        m = patterns.match(_WORDS, text, start, end)
        self.words: list[int] = m.starts("w") if m else []
        self.ends: list[int] = m.starts("e") if m else []
        words, ends = self.words, self.ends
        openings = [folded[p : p + 3] for p in words]
        if not folded.isascii() and not "".join(openings).isascii():
            self._read_slowly(text, folded, openings)
            return
        refined = STATUS_WORDS
        self.status: list[int] = [
            p
            for p, opening in zip(words, openings)
            if opening in STATUS_OPENINGS and (opening not in refined or folded.startswith(refined[opening], p))
        ]
        self.place: list[int] = [
            p
            for p, opening in zip(words, openings)
            if opening in PLACE_OPENINGS and (text[p] in _PLACE_GUARD or opening == "blo" or opening == "al-")
        ]
        last = len(words) - 1
        self.numbers: list[int] = [  # indexes of the words a count may start with
            k
            for k, opening in enumerate(openings)
            if opening[0] in digits
            or opening in _NUMBER_OPENINGS
            and folded.startswith(_NUMBER_WORDS, words[k])
            or opening[0] == "a"
            and ends[k] == words[k] + 1
            and k < last
            and folded.startswith(_SCALES, words[k + 1])  # "a hundred"
        ]

    def _read_slowly(self, text: str, folded: str, openings: list[str]) -> None:
        """As above, where some opening holds a character beyond ASCII: such openings are always tried."""
        words, ends = self.words, self.ends
        self.status, self.place, self.numbers = [], [], []
        last = len(words) - 1
        for k, (p, opening) in enumerate(zip(words, openings)):
            if not opening.isascii():
                self.status.append(p)
                if text[p] in _PLACE_GUARD or not text[p].isascii():
                    self.place.append(p)
                if opening[0] in digits or not opening[0].isascii():
                    self.numbers.append(k)
                continue
            if opening in STATUS_OPENINGS:
                words_on = STATUS_WORDS.get(opening)
                if words_on is None or folded.startswith(words_on, p):
                    self.status.append(p)
            if opening in PLACE_OPENINGS and (text[p] in _PLACE_GUARD or opening == "blo" or opening == "al-"):
                self.place.append(p)
            first = opening[0]
            if (
                first in digits
                or opening in _NUMBER_OPENINGS
                and folded.startswith(_NUMBER_WORDS, p)
                or first == "a"
                and ends[k] == p + 1
                and k < last
                and folded.startswith(_SCALES, words[k + 1])  # "a hundred"
            ):
                self.numbers.append(k)


_DATELINE_MARKS = frozenset(".,'’-–—/")


def _may_hold_dateline(head: str) -> bool:
    """Necessary for ``_DATELINE`` in ``head``: at a line start a capital, then capitals, space or marks up to a
    dash or an opening bracket (``BRUSSELS (Reuters) -``; ``The EU`` and ``EU leaders`` are none).

    ``str.splitlines`` breaks at every character the pattern's ``^`` might follow, and more; ``isupper`` and
    ``isspace`` admit every character of ``\\p{Lu}`` and ``\\s``, and more.
    """
    n, start = len(head), 0
    for line in head.splitlines(keepends=True):
        if head[start].isupper():
            j = start + 1
            while j < n and (head[j].isupper() or head[j].isspace() or head[j] in _DATELINE_MARKS):
                j += 1
            run = head[start + 1 : j]
            if "-" in run or "–" in run or "—" in run or head[j : j + 1] == "(":
                return True
            if _dated(head, j):
                return True
        start += len(line)
    return False


def _dated(head: str, j: int) -> bool:
    """``BELGRADE, Dec 31 (Reuters) -``: the rest of a month (its capital ends the run) and a day, then ``(`` or a
    dash. ``islower``, ``isdigit`` and ``isspace`` admit every character of ``\\p{Ll}``, ``\\d`` and ``\\s``."""
    n, k = len(head), j
    while k < n and head[k].islower():
        k += 1
    if k == j:
        return False
    if head[k : k + 1] == ".":
        k += 1
    while k < n and head[k].isspace():
        k += 1
    d = k
    while k < n and head[k].isdigit():
        k += 1
    if k == d:
        return False
    while k < n and head[k].isspace():
        k += 1
    return head[k : k + 1] in ("-", "–", "—", "(")


class Scan:
    """One document, case-folded once; regions are read on first use and kept for the rules that follow."""

    def __init__(self, text: str, lower: str | None = None) -> None:
        """``lower``: ``text.lower()`` kept to its offsets (``TextLayout.lower``), shared with other extractors.

        The patterns match case-insensitively, and besides A-Z only three characters match
        an ASCII letter: K (Kelvin, lowered to k), ſ and İ (not lowered to s and i). A text
        holding ſ or İ is case-folded instead; if that moves offsets ("ß" folds to "ss"),
        the patterns' own scans are used throughout.
        """
        self.text = text
        self.folded: str | None
        if lower is not None and len(lower) == len(text) and "ſ" not in text and "İ" not in text:
            self.folded = lower
        else:
            folded = text.casefold()
            self.folded = folded if len(folded) == len(text) else None
        self._regions: list[_Region] = []  # disjoint, in text order
        self._starts: list[int] = []
        self._other: dict[tuple[int, int], _Region] = {}
        self._matches: dict[tuple[regex.Pattern[str], int, int], Match | None] = {}
        self._searched: dict[tuple[regex.Pattern[str], int, int], Match | None] = {}

    @cached_property
    def datelines(self) -> list[tuple[int, int]]:
        """``BRUSSELS (Reuters) -``: where the story was filed, in its first 200 characters."""
        head = self.text[:200]
        if "-" not in head and "–" not in head and "—" not in head:
            return []  # a dateline ends in a dash
        if not _may_hold_dateline(head):
            return []
        return [m.span() for m in patterns.finditer(_DATELINE, self.text, 0, len(head))]

    def cover(self, spans: Iterable[tuple[int, int]]) -> None:
        """Read ``spans`` (merged, in order) up front: every later window inside one reuses it."""
        if self.folded is None or self._regions:
            return  # the first spans read (the sentences) are kept in order; later reads go by their bounds
        for start, end in spans:
            self._regions.append(_Region(self.text, self.folded, start, end))
        self._starts = [region.start for region in self._regions]

    def _region(self, start: int, end: int) -> _Region:
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and end <= self._regions[i].end:
            return self._regions[i]
        region = self._other.get((start, end))
        if region is None:
            assert self.folded is not None
            region = self._other[start, end] = _Region(self.text, self.folded, start, end)
        return region

    def status(self, start: int, end: int) -> Iterator[Match]:
        """``patterns.finditer(_STATUS, text, start, end)``, lazily."""
        if self.folded is None:
            return patterns.finditer(_STATUS, self.text, start, end)
        region = self._region(start, end)
        return self._found(_STATUS, region, region.status, start, end)

    def places(self, start: int, end: int) -> Iterator[Match]:
        """``patterns.finditer(_PLACE, text, start, end)``, lazily."""
        if self.folded is None:
            return patterns.finditer(_PLACE, self.text, start, end)
        region = self._region(start, end)
        return self._found(_PLACE, region, region.place, start, end)

    def counts(self, start: int, end: int) -> Iterator[Match]:
        """``patterns.finditer(_COUNT, text, start, end)``, lazily.

        A count opens with a word (``on``, ``targeting``; ``total of``) right before its
        number, so only the one or two words before a number are tried.
        """
        if self.folded is None:
            return patterns.finditer(_COUNT, self.text, start, end)
        region = self._region(start, end)
        words, numbers = region.words, region.numbers
        i0 = bisect.bisect_left(words, start)
        found: set[int] = set()
        for k in numbers[bisect.bisect_left(numbers, i0 + 1) :]:
            if words[k] >= end:
                break
            if self.folded.startswith(COUNT_OPENINGS, words[k - 1]):
                found.add(words[k - 1])
            if k - 2 >= i0 and self.folded.startswith(("total", "up", "on", "against", "targeting"), words[k - 2]):
                found.add(words[k - 2])  # "total of 17", "up to 40", "on the five men"
        return self._found(_COUNT, region, sorted(found), start, end, tail=False)

    def _found(
        self,
        pattern: regex.Pattern[str],
        region: _Region,
        starts: list[int],
        start: int,
        end: int,
        tail: bool = True,
    ) -> Iterator[Match]:
        """The matches at ``starts`` in [start, end), non-overlapping, as ``finditer`` would reach them.

        With ``tail``, words cut short by ``end`` are tried too: their openings were read past it.
        """
        if tail:
            candidates = starts[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end - 2)]
            words = region.words
            candidates += words[bisect.bisect_left(words, max(start, end - 2)) : bisect.bisect_left(words, end)]
        else:
            candidates = starts[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]
        last = start
        folded = self.folded or ""
        for p in candidates:
            if p < last:
                continue
            key = (pattern, p, end)
            if key in self._matches:
                m = self._matches[key]
            else:
                tried = PLACE_AT.get(folded[p : p + 1], pattern) if pattern is _PLACE else pattern
                m = self._matches[key] = patterns.match(tried, self.text, p, end)
            if m:
                last = m.end()
                yield m

    # --- the smaller patterns, behind their necessary conditions (sanctions_prefilter) ---

    def back(self, end: int) -> int:
        """Where ``patterns.search(_BACK, text, end - 120, end)`` starts: how far premodifiers extend a mention back.

        Right to left, ``_BACK`` takes the whitespace before ``end``, then the first
        premodifier that ends there, and again, until none does; then ``the same``. Done
        step by step, only steps a premodifier may end at cost a (short) match, and the
        last, failing step is mostly decided by the table of endings. A ``package of`` in
        reach is tried where the pattern tries it first (right after the premodifiers); when
        it is not there and backtracking might still find it, or text beyond ASCII, or a
        character the pattern and ``str.isspace`` disagree on, the pattern decides.
        """
        text, folded = self.text, self.folded
        low = max(0, end - 120)
        if folded is None or _hard_back(folded, low, end):
            found = patterns.search(_BACK, text, low, end)
            return found.start() if found else end
        pos = self._premodifiers(low, end)
        if _package_in_reach(folded, low, end):
            head = _package_of(text, folded, low, pos)
            if head is not None:
                pos = self._premodifiers(low, head)  # "the fifth package of new sanctions"
            elif not _no_package_of(folded, low, end):
                found = patterns.search(_BACK, text, low, end)  # the pattern may backtrack into a package of
                return found.start() if found else end
        if folded[low:pos].rstrip().endswith("same"):
            same = patterns.match(_THE_SAME_AT_END, text, low, pos)
            if same:
                pos = same.start()
        return pos

    def _premodifiers(self, low: int, end: int) -> int:
        """Where the run of premodifiers (each followed by space) that ends at ``end`` starts, no further back than ``low``."""
        text, folded = self.text, self.folded
        assert folded is not None
        pos = end
        while True:
            i = pos
            while i > low and text[i - 1].isspace():
                i -= 1
            if i == pos or not may_end_premodifier(folded, low, i):
                return pos
            if folded.endswith(("of", "same"), low, i) and "anti-" not in folded[low:i]:
                return pos  # the "of" of "package of", the "same" of "the same": only anti-... ends so
            premodifier = patterns.match(_PREMODIFIER_AT_END, text, low, i)
            if premodifier is None:
                return pos
            pos = premodifier.start()

    # Each method below first asks the pattern's necessary condition (CHECKS), when the text has a folded copy.

    def search(self, pattern: regex.Pattern[str], start: int, end: int) -> Match | None:
        """``patterns.search(pattern, text, start, end)``."""
        check = CHECKS.get(pattern)
        if check is not None and self.folded is not None and not check(self.folded, start, end):
            return None
        key = (pattern, start, end)
        if key not in self._searched:  # "is the mention new?" is asked twice
            self._searched[key] = patterns.search(pattern, self.text, start, end)
        return self._searched[key]

    def match(self, pattern: regex.Pattern[str], pos: int, end: int | None = None) -> Match | None:
        """``patterns.match(pattern, text, pos, end)``."""
        end = len(self.text) if end is None else end
        check = CHECKS.get(pattern)
        if check is not None and self.folded is not None and not check(self.folded, pos, end):
            return None
        return patterns.match(pattern, self.text, pos, end)

    def search_in(self, pattern: regex.Pattern[str], start: int, end: int) -> Match | None:
        """``patterns.search(pattern, text[start:end])``: nothing outside the slice is seen."""
        check = CHECKS.get(pattern)
        if check is not None and self.folded is not None and not check(self.folded, start, end):
            return None
        return patterns.search(pattern, self.text[start:end])

    def match_in(self, pattern: regex.Pattern[str], start: int, end: int) -> Match | None:
        """``patterns.match(pattern, text[start:end])``."""
        check = CHECKS.get(pattern)
        if check is not None and self.folded is not None and not check(self.folded, start, end):
            return None
        return patterns.match(pattern, self.text[start:end])

    def fullmatch_in(self, pattern: regex.Pattern[str], start: int, end: int) -> Match | None:
        """``patterns.fullmatch(pattern, text[start:end])``."""
        check = CHECKS.get(pattern)
        if check is not None and self.folded is not None and not check(self.folded, start, end):
            return None
        return patterns.fullmatch(pattern, self.text[start:end])
