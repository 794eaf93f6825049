"""The words between a casualty figure and its casualty word, read without a pattern when they are plain.

"61 killed", "12 people were injured", "three soldiers have died": most gaps
are a few plain words naming the people, then auxiliaries. The gap pattern
in :mod:`extractors.casualties` covers every case but costs as much as the
rest of a fact together, so :func:`simple_gap` splits the plain ones exactly
as that pattern would and leaves everything else (commas, "of the", "in
Kyiv", "the number of", non-ASCII words) to it.
"""

from __future__ import annotations

#: Spaces the pattern's ``\s`` surely matches; any other character sends the gap to the pattern.
_SPACE = frozenset(" \t\n\r\f\v\xa0")


def alternatives(alternation: str) -> list[str]:
    """The alternatives of a flat ``(?:a|b|c)\\b`` word list, as written."""
    return alternation.removeprefix("(?:").removesuffix(r")\b").split("|")


def single_words(alternation: str) -> frozenset[str]:
    """The alternatives that are one plain word ("were"; not "so\\s+far" nor "years?")."""
    return frozenset(a for a in alternatives(alternation) if a.isascii() and a.isalpha())


def every_word(alternation: str) -> frozenset[str]:
    """Every plain word an alternative may start with ("years?" gives "year" and "years", "so\\s+far" "so"):
    a superset, for ruling words out."""
    out = set()
    for alt in alternatives(alternation):
        first = alt.split("\\s")[0]
        if first.endswith("?"):
            first = first[:-1]
            out.add(first[:-1])
        out.add(first)
    return frozenset(w for w in out if w.isascii() and w.isalpha())


class GapWords:
    """The plain words that are auxiliaries (``aux``) and those that cannot name people (``not_who``)."""

    def __init__(self, aux: str, not_who: frozenset[str]) -> None:
        self.aux = single_words(aux)
        self.not_who = not_who | every_word(aux)


def _words(text: str, end: int, pos: int) -> list[tuple[int, int]] | None:
    """The spans of the words of ``text[end:pos]``, which must start and end with a space; None otherwise."""
    spans: list[tuple[int, int]] = []
    i = end
    while True:
        start = i
        while i < pos and text[i] in _SPACE:
            i += 1
        if i == start:
            return None
        if i == pos:
            return spans
        start = i
        while i < pos and text[i] not in _SPACE:
            i += 1
        spans.append((start, i))


#: Words the gap pattern reads before the people: "the (total) number of", then "of (the|them|those|these)".
_NUMBER_OF = (("the", "number", "of"), ("the", "total", "number", "of"))
_ARTICLES = frozenset(["the", "them", "those", "these"])


def simple_gap(text: str, end: int, pos: int, words: GapWords) -> tuple[str, str, int] | None:
    """(who, aux, end of who or ``end`` when there is none) for ``text[end:pos]`` when it holds up to three
    plain words naming people and then plain auxiliaries ("people were", "soldiers", "were", ""), perhaps
    after "of the" or "the number of", split as the gap pattern would; None for anything else."""
    spans = _words(text, end, pos)
    if spans is None:
        return None
    if not spans and not text[end - 1 : end].isdigit():
        return None  # the pattern's "not after a or an" looks at the figure's own last word
    folded = []
    for s, e in spans:
        word = text[s:e]
        if not (word.isascii() and word.isalpha()):
            return None
        folded.append(word.lower())
    first = 0
    for prefix in _NUMBER_OF:
        if tuple(folded[: len(prefix)]) == prefix:
            first = len(prefix)
    if folded[first : first + 1] == ["of"]:
        first += 1
        if folded[first : first + 1] and folded[first] in _ARTICLES:
            first += 1
    who = first
    for word in folded[first:]:
        if word in words.aux:
            break
        if word in words.not_who or who - first == 3:
            return None
        who += 1
    if any(word not in words.aux for word in folded[who:]):
        return None
    who_start = spans[first - 1][1] if first else end
    who_end = spans[who - 1][1] if who > first else who_start
    aux_end = spans[-1][1] if spans else end
    return text[who_start:who_end], text[who_end:aux_end], who_end if who > first else end


#: Characters a gap may hold besides letters and white space: "'" and "-" in words, "." in "U.S.", two commas.
_GAP_MARKS = frozenset("'-.,")


def gap_may_match(text: str, end: int, pos: int) -> bool:
    """False only when the gap pattern surely fails on ``text[end:pos]`` (ASCII text): it holds a figure or
    other sign, a full stop outside an initialism, one comma, or ends with "and", "a" or "an"."""
    gap = text[end:pos]
    if not gap.isascii():
        return True
    if gap[:1] not in (",", " ", "\t", "\n", "\r", "\f", "\v"):
        return False
    if gap.count(",") not in (0, 2):
        return False
    tokens = gap.split()
    for token in tokens:
        if not (token[0].isalpha() or token == ","):
            return False
        if "," in token[:-1]:
            return False
        core = token.rstrip(",")
        if not all(c.isalpha() or c in _GAP_MARKS for c in core):
            return False
        if "." in core and not _initialism(core):
            return False
    return not tokens or tokens[-1].lower() not in ("and", "which", "when", "a", "an")


def _initialism(word: str) -> bool:
    """"U.S.", "U.N.": letters each followed by a full stop, at least two."""
    return len(word) >= 4 and len(word) % 2 == 0 and all(
        word[i].isalpha() and word[i + 1] == "." for i in range(0, len(word), 2)
    )
