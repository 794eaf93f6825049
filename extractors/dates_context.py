"""What stands around a date keyword: the words before it, the word after it, page furniture.

Kept apart from the patterns of ``dates`` so the scan stays readable; every helper here is plain
string work, because each call of a ``regex`` pattern with a timeout costs several microseconds
and these run once or twice per keyword.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.dates_words import DETERMINERS, FUNCTION_WORDS, MODIFIERS, PARTS
from extractors.text import TextLayout

#: Words before a month or weekday that move it in time; "this" pins it to the current one.
SHIFT_WORDS = frozenset("last past previous next coming this".split())
TRAILING_PUNCT = ",.;:!?)\"”’'"
#: Words right before a keyword that the slow path of left_of reads further back from.
_NOT_PLAIN = SHIFT_WORDS | MODIFIERS | {"of"}


@dataclass(slots=True)
class Left:
    """What stands before a keyword: its cue word, span-widening modifiers, a time shift."""

    start: int  # where the fact's span starts (before "early", "last", "the end of")
    cue: str = ""  # the nearest word that is not a modifier, lowercased, "" after punctuation
    shift: str = ""  # last / next / this / previous ...
    modified: bool = False  # early / late / mid / the beginning of ...
    glued: str = ""  # what touches the keyword without a space: "mid-", "(", "$"
    cue_start: int = -1


def left_of(text: str, pos: int) -> Left:
    lo = max(0, pos - 48)
    head = text[lo:pos]
    if not head:
        return Left(pos)
    if head[-1].isspace():
        # the common case, kept cheap: one plain word before the keyword, split off from the right
        tail = head.rsplit(None, 1)
        if not tail or (len(tail) == 1 and lo > 0 and not head[0].isspace()):
            return Left(pos)  # no word, or only one cut in the middle
        last = tail[-1]
        low = last.lower()
        if low not in _NOT_PLAIN:
            if low[-1] not in TRAILING_PUNCT or low.endswith(("'s", "’s")):
                return Left(pos, low, cue_start=lo + head.rfind(last))
            return Left(pos)
    words = head.split()
    if lo > 0 and words and not head[0].isspace():
        words = words[1:]  # cut in the middle of a word
    left = Left(pos)
    if not words:
        return left
    end = len(head)
    placed = []
    for w in reversed(words[-5:]):
        i = head.rfind(w, 0, end)
        placed.append((w, lo + i))
        end = i
    first_word, first_start = placed[0]
    if not head[-1].isspace():
        left.glued = first_word
        if first_word.lower().endswith("mid-"):
            left.modified = True
            left.start = first_start + len(first_word) - 4
            left.cue = "mid"
            if len(placed) > 1 and first_word.lower() == "mid-" and placed[1][0][-1] not in TRAILING_PUNCT:
                left.cue = placed[1][0].lower()  # "until mid-November"
        return left
    for k, (w, start) in enumerate(placed):
        low = w.lower()
        if low[-1] in TRAILING_PUNCT and not (low.endswith("'s") or low.endswith("’s")):
            break
        if k == 0 and low in SHIFT_WORDS:
            left.shift, left.start = low, start
            if len(placed) > 1 and placed[1][0].lower() == "the":
                left.start = placed[1][1]
            continue
        if k == 0 and low in MODIFIERS:
            left.modified, left.start = True, start
            continue
        if k == 0 and low == "of" and len(placed) > 1 and placed[1][0].lower() in PARTS:
            left.modified, left.start = True, placed[1][1]
            if len(placed) > 2 and placed[2][0].lower() == "the":
                left.start = placed[2][1]
            # the cue that sets the direction stands before "the beginning of"
            rest = [p for p in placed[2:] if p[0].lower() != "the"]
            left.cue = rest[0][0].lower() if rest and rest[0][0][-1] not in TRAILING_PUNCT else "of"
            return left
        left.cue, left.cue_start = low, start
        break
    return left


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the date of a dateline: ``BRUSSELS, Jan 29 (dpa) -``."""
    if text[end : end + 2] != " (" or text[start - 2 : start] != ", ":
        return False
    return start - text.rfind("\n", 0, start) <= 60


def attributive(text: str, end: int, left: Left) -> bool:
    """Whether the date ending at ``end`` qualifies a noun: ``the October 26 parliamentary vote``."""
    if left.cue not in DETERMINERS and not left.cue.endswith(("'s", "’s")):
        return False
    nxt = next_word(text, end)
    return nxt.islower() and nxt not in FUNCTION_WORDS and text[end : end + 1] == " "


def next_word(text: str, pos: int) -> str:
    """The ASCII word after ``pos`` and spaces, "" when punctuation or a line break comes first."""
    chunk = text[pos : pos + 24].lstrip(" \t\xa0")
    if not chunk or not chunk[0].isalpha():
        return ""
    word = chunk.split(None, 1)[0]
    if word.isascii() and word.isalpha():
        return word
    j = 0
    while j < len(word) and word[j].isascii() and word[j].isalpha():
        j += 1
    return word[:j]


#: How a furniture line of extractors.text may begin, case folded, after its leading space; every other
#: kind holds "#" or "»". A line that does neither is not furniture, so the document's furniture scan
#: (a regex pass over all of it) is needed only when some date's line passes this test.
_FURNITURE_OPENINGS = ("see", "read", "related", "next", "previous", "leave", "be", "your", "this", "share",
                       "follow", "subscribe", "home", "mon", "tues", "wednes", "thurs", "fri", "satur", "sun")  # fmt: skip


def _opens_like_furniture(text: str, start: int) -> bool:
    """Whether the line starting at ``start`` opens like a furniture line (True when unsure)."""
    head = text[start : start + 32].lstrip()
    if len(head) < 9 and start + 32 < len(text):
        return True  # a long run of space: let the layout decide
    # Case folding maps each character apart, so the fold of 9 characters or more starts with any
    # opening the fold of the whole line starts with. "İ" folds to "i" and a combining dot, and
    # the pattern takes it for "i": the dot goes.
    return head.casefold().replace("\u0307", "").startswith(_FURNITURE_OPENINGS)


def _has_marks(text: str, start: int) -> bool:
    end = text.find("\n", start)
    line = text[start:] if end < 0 else text[start:end]
    return "#" in line or "»" in line


def furniture(text: str, positions: list[int]) -> set[int]:
    """Which of ``positions`` (in text order) lie in page furniture.

    The layout's furniture scan (one regex pass over the document, shared by all extractors) runs
    only when the line of some position could be furniture: a line ends at "\\n" only, there.
    """
    marks = "#" in text or "»" in text
    suspects = []
    line_start, suspect = -1, False
    for pos in positions:
        start = text.rfind("\n", 0, pos) + 1
        if start != line_start:
            line_start = start
            suspect = _opens_like_furniture(text, start) or (marks and _has_marks(text, start))
        if suspect:
            suspects.append(pos)
    if not suspects:
        return set()
    layout = TextLayout.of(text)
    return {pos for pos in suspects if layout.is_furniture(pos)}
