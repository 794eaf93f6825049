"""The words between a casualty figure and its casualty word, read without a pattern when they are plain.

"61 killed", "12 people were injured", "three soldiers have died": most gaps
are a few plain words naming the people, then auxiliaries. The gap pattern
in :mod:`extractors.casualties_backward` covers every case but costs as much as the
rest of a fact together, so :func:`simple_gap` splits the plain ones exactly
as that pattern would and leaves everything else (commas, "of the", "in
Kyiv", "the number of", non-ASCII words) to it.
"""

from __future__ import annotations

#: Spaces the pattern's ``\s`` surely matches; any other character sends the gap to the pattern.
_SPACE = frozenset(" \t\n\r\f\v\xa0")
#: Characters ``str.split`` cuts at that ``\s`` does not match.
_SEPARATORS = frozenset("\x1c\x1d\x1e\x1f")


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
        #: The two-word auxiliaries ("so far", "treated for"), lower case, and every word of them.
        self.pairs = frozenset(
            (words[0], words[1])
            for words in (alt.split("\\s+") for alt in alternatives(aux))
            if len(words) == 2 and all(w.isascii() and w.isalpha() for w in words)
        )
        self.heads = frozenset(w for pair in self.pairs for w in pair)


def word_spans(text: str, end: int, pos: int) -> list[tuple[int, int]] | None:
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


#: Words the gap pattern reads before the people: "the (total) number of", then
#: "of (the|them|those|these|its|their|whom)".
_NUMBER_OF = (("the", "number", "of"), ("the", "total", "number", "of"))
_ARTICLES = frozenset(["the", "them", "those", "these", "its", "their", "whom"])


def simple_gap(text: str, end: int, pos: int, words: GapWords) -> tuple[str, str, int] | None:
    """(who, aux, end of who or ``end`` when there is none) for ``text[end:pos]`` when it holds up to three
    plain words naming people and then plain auxiliaries ("people were", "soldiers", "were", ""), perhaps
    after "of the" or "the number of", split as the gap pattern would; None for anything else."""
    spans = word_spans(text, end, pos)
    if spans is None:
        return None
    if not spans:  # the pattern's "not after a or an" looks at the figure's own last word
        return ("", "", end) if _not_after_article(text, end) else None
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
    while who < len(folded):
        word = folded[who]
        if word in words.aux or tuple(folded[who : who + 2]) in words.pairs:
            break
        if word in words.not_who or who - first == 3:
            return None
        who += 1
    i = who
    while i < len(folded):  # then auxiliaries only, of one word or two ("were treated for")
        if folded[i] in words.aux:
            i += 1
        elif tuple(folded[i : i + 2]) in words.pairs:
            i += 2
        else:
            return None
    who_start = spans[first - 1][1] if first else end
    who_end = spans[who - 1][1] if who > first else who_start
    aux_end = spans[-1][1] if spans else end
    return text[who_start:who_end], text[who_end:aux_end], who_end if who > first else end


def _not_after_article(text: str, end: int) -> bool:
    """Whether the figure ending at ``end`` passes ``(?<!\b(?:a|an))``: it does not end with the word "a" or "an"
    (ASCII text; False, for the pattern to decide, otherwise)."""
    if text[end - 1 : end].isdigit():
        return True
    if not text[max(0, end - 3) : end].isascii():
        return False
    for article in ("a", "an"):
        k = end - len(article)
        if k >= 0 and text[k:end].lower() == article and (k == 0 or not (text[k - 1].isalnum() or text[k - 1] == "_")):
            return False
    return True


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


def number_of_before(text: str, lo: int, hi: int, words: GapWords) -> tuple[int, str] | int | None:
    """Where ``(?r)\\bthe\\s+(?:total\\s+)?number\\s+of(?P<who>WHO{0,4}?)(?:\\s+AUX)*\\s+\\Z`` matches in
    ``text[lo:hi]`` ("the number of| Ukrainian soldiers| killed"), read as words: (start, who); -1 when it
    surely does not; None when unsure (two-word auxiliaries, words that may or may not name people)."""
    window = text[lo:hi]
    if not window.isascii() or not _SEPARATORS.isdisjoint(window):
        return None
    if not window or window[-1] not in _SPACE:
        return -1
    tokens = window.split()
    folded = [t.lower() for t in tokens]
    i = len(folded)
    while i > 0 and folded[i - 1] in words.aux:
        i -= 1
    who_end = i
    while i > 0 and folded[i - 1] != "of":
        if folded[i - 1] in words.not_who or not tokens[i - 1].isalpha():
            return None
        i -= 1
    if i == 0 or not 0 <= who_end - i <= 4 or any(w in words.heads for w in folded[i:]):
        return -1 if i == 0 or who_end - i > 4 else None
    j = i - 1  # "of"
    if j < 1 or folded[j - 1] != "number":
        return -1
    j -= 1
    if j >= 1 and folded[j - 1] == "total":
        j -= 1
    if j < 1 or folded[j - 1] != "the":
        return None if j >= 1 and folded[j - 1].endswith("the") else -1
    # offsets: the words are found again from the end, as whitespace splits them
    end = len(window)
    starts = [0] * len(tokens)
    for k in range(len(tokens) - 1, j - 2, -1):
        end = window.rfind(tokens[k], 0, end)
        starts[k] = end
    the = lo + starts[j - 1]
    if the > 0 and (text[the - 1].isalnum() or text[the - 1] == "_"):
        return -1
    of_end = lo + starts[i - 1] + 2
    who_stop = lo + starts[who_end - 1] + len(tokens[who_end - 1])
    return the, text[of_end:who_stop]
