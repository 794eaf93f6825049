"""A count and the people it counts read forward without a pattern, when the words are plain.

"killing 12 people", "wounded 35 civilians", "killed seven aid workers": most
figures after a casualty verb are a lone number and a few plain words. The
count and "who" patterns of :mod:`extractors.casualties_after` cover every case but
cost more than the rest of a fact together, so the functions here read the
plain cases exactly as those patterns would and answer None for anything
else (ranges, scale words, "U.S.", hyphens, non-ASCII text), which the
caller then hands to the pattern. None never means "no match"; -1 does,
where a function says so. The same pieces read the words after "and",
"the deaths of", "the toll rose to", "including" and "among the dead were".
Every function here is held equal to its pattern by the property tests in
tests/extractors/test_casualties.py.
"""

from __future__ import annotations

from extractors.casualties_gap import alternatives
from extractors.numbers import NUMBER_WORDS, QUALIFIER_PHRASES, TENS_WORDS

#: Characters the patterns' ``\s`` surely matches; other white space is non-ASCII and left to the pattern.
_SPACE = frozenset(" \t\n\r\f\v\xa0")
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS = frozenset("0123456789")
#: Words after a figure that may make it part of a longer count: a scale ("12 million"), a range ("12 to 15").
_LONGER = frozenset("hundred thousand million billion mln mn bn dozen to or".split())
_VAGUE = frozenset("dozens scores hundreds thousands millions".split())
_QUALIFIER_WORDS = tuple(phrase for phrase, _ in QUALIFIER_PHRASES)
_QUALIFIER_HEADS = frozenset(phrase[0] for phrase in _QUALIFIER_WORDS)
#: The qualifiers by their first word, in the pattern's order.
_QUALIFIERS_STARTING: dict[str, list[tuple[str, ...]]] = {}
for _phrase in _QUALIFIER_WORDS:
    _QUALIFIERS_STARTING.setdefault(_phrase[0], []).append(_phrase)
_LONGEST_QUALIFIER = max(map(len, _QUALIFIER_WORDS))
#: The first words of every count that is no qualifier: a count starts with one of them or a digit.
_COUNT_HEADS = NUMBER_WORDS | _VAGUE | frozenset("between from a one half several tens hundreds".split())
#: Punctuation after a figure that may continue it when a digit follows ("1.5", "8:30", "3/4", "13,000").
_JOINERS = frozenset(".,:/")


def words_of(*alternations: str) -> tuple[frozenset[str], frozenset[str]]:
    """(words, heads) of flat ``(?:a|b\\s+c|years?)\\b`` alternations: the lower-case words an alternative
    matches whole ("were", "year", "years"), and the first words of the others ("so" of "so\\s+far"),
    for which the answer is left to the pattern."""
    words: set[str] = set()
    heads: set[str] = set()
    for alternation in alternations:
        for alt in alternatives(alternation):
            if alt.isascii() and alt.isalpha():
                words.add(alt)
            elif alt.endswith("s?") and alt[:-2].isascii() and alt[:-2].isalpha():
                words.update((alt[:-2], alt[:-1]))
            else:
                i = 0
                while i < len(alt) and alt[i] in _LETTERS:
                    i += 1
                heads.add(alt[:i])
    return frozenset(words), frozenset(heads - words)


class Blocked:
    """The words a ``(?!STOP|UNIT|AUX)`` look-ahead rules out (``words``) or may rule out (``heads``)."""

    def __init__(self, *alternations: str) -> None:
        self.words, self.heads = words_of(*alternations)


def skip_spaces(text: str, i: int, end: int) -> int:
    """The end of the run of plain white space at ``i``, within ``end``."""
    while i < end and text[i] in _SPACE:
        i += 1
    return i


def _letters(text: str, i: int, end: int) -> int:
    while i < end and text[i] in _LETTERS:
        i += 1
    return i


def _plain_after(text: str, i: int, end: int) -> bool:
    """Whether the character at ``i`` (or the window's end) closes a word: no letter, digit, "_", "'",
    hyphen or non-ASCII character that a pattern might read on."""
    if i >= end:
        return True
    c = text[i]
    return c.isascii() and not c.isalnum() and c not in "_'-"


def count_end(text: str, p: int, end: int) -> int | None:
    """The end of the count ``COUNT`` matches at ``p`` (after white space), for a lone figure ("12", "13,000")
    or number word ("seven", "dozens"), qualified or not ("at least 12"), and followed by no scale or range
    word; -1 when no count starts at ``p``; None when unsure."""
    if p < end and text[p] in _LETTERS:
        q = _letters(text, p, end)
        if text[p:q].lower() in _QUALIFIER_HEADS:
            return _qualified_end(text, p, end)
    return _plain_end(text, p, end)


def _qualified_end(text: str, p: int, end: int) -> int | None:
    """``count_end`` where the word at ``p`` may start a qualifier: the qualifiers are tried in the pattern's
    order, each with the count after it, then the word itself as a count."""
    if not text[p : min(end, p + 64)].isascii():
        return None
    words: list[tuple[str, int]] = []
    i = p
    while len(words) < _LONGEST_QUALIFIER:
        k = _letters(text, i, end)
        if k == i:
            break
        words.append((text[i:k].lower(), k))
        i = skip_spaces(text, k, end)
        if i == k:
            break
    for phrase in _QUALIFIERS_STARTING.get(words[0][0], ()) if words else ():
        n = len(phrase)
        if len(words) < n or any(words[j][0] != phrase[j] for j in range(n)):
            continue
        e = words[n - 1][1]
        r = skip_spaces(text, e, end)
        if r == e:
            continue
        ce = _plain_end(text, r, end)
        if ce is None or ce >= 0:
            return ce
    return None if words[0][0] == "a" else -1  # "a dozen" is a count, "over" alone none


def _plain_end(text: str, p: int, end: int) -> int | None:
    """``count_end`` without a qualifier: what ``(?:RANGE|NUMBER)`` matches at ``p``."""
    if p >= end:
        return -1
    c = text[p]
    if c in _DIGITS:
        return _digits_end(text, p, end)
    if c not in _LETTERS:
        return -1 if c.isascii() else None
    q = _letters(text, p, end)
    if q < end and not text[q].isascii():
        return None
    word = text[p:q].lower()
    if word not in _COUNT_HEADS:
        return -1
    if word == "hundreds" or (word not in NUMBER_WORDS and word not in _VAGUE):
        return None  # "hundreds of thousands", "a dozen", "between 2 and 3"
    if q >= end:
        return q
    if not _plain_after(text, q, end):
        return None
    if text[q] in _SPACE:
        r = skip_spaces(text, q, end)
        if r < end:
            if text[r] not in _LETTERS:
                return None
            nxt = text[r : _letters(text, r, end)].lower()
            if nxt in _LONGER or (word in TENS_WORDS and nxt in NUMBER_WORDS):
                return None
    return q


def _digits_end(text: str, p: int, end: int) -> int | None:
    """``count_end`` for a figure: digits, perhaps grouped by commas ("13,000")."""
    q = p
    while q < end and text[q] in _DIGITS:
        q += 1
    if q - p <= 3:
        while q + 3 < end and text[q] == "," and text[q + 1] in _DIGITS and text[q + 2] in _DIGITS \
                and text[q + 3] in _DIGITS and (q + 4 >= end or text[q + 4] not in _DIGITS):  # fmt: skip
            q += 4
    if q >= end:
        return q
    x = text[q]
    if x in _SPACE:
        r = skip_spaces(text, q, end)
        if r >= end:
            return q
        if text[r] not in _LETTERS:
            return None
        word = text[r : _letters(text, r, end)].lower()
        return None if word in _LONGER else q
    if not x.isascii() or x.isalnum() or x in "_-":
        return None
    if x in _JOINERS and q + 1 < end and (not text[q + 1].isascii() or text[q + 1] in _DIGITS):
        return None
    return q


def who_end(text: str, i: int, end: int, blocked: Blocked) -> int | None:
    """The end of ``(?:WHO{1,3}(?:\\s+and(?!\\s+NUMBER)WHO{1,3})?)?`` at ``i``, where WHO is white space and a
    word the look-ahead of ``blocked`` lets through: ``i`` itself when no word is; None when unsure."""
    n = 0
    while n < 3:
        j = skip_spaces(text, i, end)
        k = _word_end(text, i, j, end, blocked)
        if k is None:
            return None
        if k < 0:
            break
        i = k
        n += 1
    if n == 0:
        return i
    j = skip_spaces(text, i, end)
    if j == i or j + 3 > end or text[j : j + 3].lower() != "and":
        return i if j >= end or text[j].isascii() else None
    y = j + 3
    if y >= end or text[y] not in _SPACE:
        return i if y >= end or text[y].isascii() else None
    z = skip_spaces(text, y, end)
    if z >= end:
        return i
    k = _word_end(text, y, z, end, blocked)
    if k is None or k >= 0:
        return None  # "civilians and soldiers": left to the pattern
    return i


def _word_end(text: str, i: int, j: int, end: int, blocked: Blocked) -> int | None:
    """After the white space ``text[i:j]``: the end of the next who word, -1 if there is none, None if unsure."""
    if j == i or j >= end:
        return -1
    c = text[j]
    if c not in _LETTERS:
        return -1 if c.isascii() else None
    k = _letters(text, j, end)
    if k < end:
        x = text[k]
        if not x.isascii() or x in "'-_" or x in _DIGITS or (x == "." and k - j == 1):
            return None
    word = text[j:k].lower()
    if word in blocked.words:
        return -1
    if word in blocked.heads:
        return None
    return k


def word_at(text: str, i: int, end: int) -> tuple[str, int]:
    """The lower-case ASCII word starting at ``i`` (empty if none) and its end, within ``end``."""
    k = _letters(text, i, end)
    return text[i:k].lower(), k


def closes_word(text: str, k: int, end: int) -> bool:
    """``\\b`` after a letter at ``k - 1`` in ASCII text: nothing, or no letter, digit or "_", follows."""
    return k >= end or not (text[k].isalnum() or text[k] == "_")


def and_count(text: str, pos: int, end: int, blocked: Blocked) -> tuple[int, int, str, int] | int | None:
    """``,?\\s+and\\s+COUNT WHO`` at ``pos`` in ASCII text, read as words: (count start, count end, who, end);
    -1 when it surely fails; None when unsure ("along with", or a count without people after it)."""
    i = pos + 1 if pos < end and text[pos] == "," else pos
    j = skip_spaces(text, i, end)
    word, k = word_at(text, j, end)
    if j == i or word == "along":
        return None if word == "along" else -1
    if not word.startswith("and") or j + 3 > end:
        return -1
    found = _count_who(text, j + 3, end, blocked)
    if not isinstance(found, tuple):
        return found
    c, ce, w = found
    if w is None or w == ce:
        return None  # without people the pattern backtracks into the count
    return c, ce, text[ce:w], w


def of_count(text: str, pos: int, end: int, blocked: Blocked) -> tuple[int, int, str, int] | int | None:
    """``\\s+of\\s+COUNT WHO?`` at ``pos`` in ASCII text: (count start, count end, who, end), -1 or None."""
    j = skip_spaces(text, pos, end)
    if j == pos or text[j : j + 2].lower() != "of" or j + 2 > end:
        return -1
    found = _count_who(text, j + 2, end, blocked)
    if not isinstance(found, tuple):
        return found
    c, ce, w = found
    return None if w is None else (c, ce, text[ce:w], w)


def _count_who(text: str, pos: int, end: int, blocked: Blocked) -> tuple[int, int, int | None] | int | None:
    """White space, a COUNT and where its people end at ``pos``: (count start, count end, who end or None);
    -1 when no space or surely no count; None when unsure of the count."""
    c = skip_spaces(text, pos, end)
    if c == pos:
        return -1
    ce = count_end(text, c, end)
    if ce is None or ce < 0:
        return ce
    return c, ce, who_end(text, ce, end, blocked)


#: The verbs before a toll's figure, one word each; "stood at" and "stands at" are read apart.
_TOLL_VERBS = frozenset(
    "to at of reached reaching hit passed topped exceeded surpassed crossed now above beyond exceeding topping numbered "
    "totalled totaled".split()
)
_MID_MARKS = frozenset("'-")


def toll_count(text: str, pos: int, end: int) -> tuple[str, int, int] | int | None:
    """``(?:\\s+WORD){0,12}? \\s+ VERB \\s+ COUNT`` at ``pos`` in ASCII text ("toll| rose to 290"), read as words:
    (verb, count start, count end); -1 when it surely fails; None when unsure."""
    i = pos
    for n in range(13):
        j = skip_spaces(text, i, end)
        if j == i:
            return -1
        word, k = word_at(text, j, end)
        verb_end = k if word in _TOLL_VERBS else -1
        if word in ("stood", "stands"):
            a = skip_spaces(text, k, end)
            if a > k and text[a : a + 2].lower() == "at" and a + 2 <= end:
                verb_end = a + 2
        if verb_end >= 0:
            c = skip_spaces(text, verb_end, end)
            if c > verb_end:
                ce = count_end(text, c, end)
                if ce is None:
                    return None
                if ce >= 0:
                    return text[j:verb_end], c, ce
        if n == 12:
            return -1
        k = j
        while k < end and (text[k] in _LETTERS or text[k] in _MID_MARKS or text[k] in _DIGITS):
            k += 1
        if k < end and k > j and text[k] == "," and text[k - 1] in _DIGITS:
            k += 1  # "since October 7, 2023": a comma may close a figure among the words
        if k == j or k >= end or text[k] not in _SPACE:
            return -1
        i = k
    return -1


def linked_count(text: str, pos: int, end: int, blocked: Blocked) -> tuple[int, int, str, int] | int | None:
    """``\\s+COUNT(?:\\s+of\\s+(?:them|the\\s+\\w+))?WHO?`` at ``pos`` in ASCII text ("including| 31 children"):
    (count start, count end, who, end); -1 when neither it nor "a"/"an" and a person follows; None when unsure."""
    counted = _spaced_count(text, pos, end)
    if not isinstance(counted, tuple):
        return counted
    c, ce = counted
    i = ce
    j = skip_spaces(text, ce, end)
    if j > ce and text[j : j + 2].lower() == "of" and j + 2 <= end:
        k = skip_spaces(text, j + 2, end)
        if k > j + 2 and text[k : k + 4].lower() == "them" and k + 4 <= end:
            i = k + 4
        elif k > j + 2 and text[k : k + 3].lower() == "the" and k + 3 <= end:
            w = skip_spaces(text, k + 3, end)
            x = w
            while x < end and (text[x].isalnum() or text[x] == "_"):
                x += 1
            if w > k + 3 and x > w:
                i = x
    who = who_end(text, i, end, blocked)
    return None if who is None else (c, ce, text[i:who], who)


def _spaced_count(text: str, pos: int, end: int) -> tuple[int, int] | int | None:
    """White space then a COUNT at ``pos``: (count start, count end); -1 when surely none; None when unsure.

    "a"/"an" in place of a count ("among them a soldier") is left to the pattern.
    """
    c = skip_spaces(text, pos, end)
    if c == pos:
        return -1
    ce = count_end(text, c, end)
    if ce is None:
        return None
    if ce < 0:
        word, _ = word_at(text, c, end)
        return None if word in ("a", "an") else -1
    return c, ce


_LINKING_VERBS = frozenset("were was are is included include includes figure figured".split())


def among_count(text: str, pos: int, end: int, blocked: Blocked) -> tuple[int, int, str, int] | int | None:
    """``\\s+(?:were|...|includes)\\s+COUNT WHO?`` at ``pos`` in ASCII text ("among the dead| were three
    children"): (count start, count end, who, end); -1 when it surely fails; None when unsure."""
    j = skip_spaces(text, pos, end)
    word, k = word_at(text, j, end)
    if j == pos or word not in _LINKING_VERBS:
        return -1
    counted = _spaced_count(text, k, end)
    if not isinstance(counted, tuple):
        return counted
    c, ce = counted
    who = who_end(text, ce, end, blocked)
    return None if who is None else (c, ce, text[ce:who], who)
