"""What stands around a date keyword: the words before it, the word after it, page furniture.

Kept apart from the patterns of ``dates`` so the scan stays readable; every helper here is plain
string work, because each call of a ``regex`` pattern with a timeout costs several microseconds
and these run once or twice per keyword.
"""

from __future__ import annotations

from dataclasses import dataclass

from extractors.dates_words import MODIFIERS, PARTS
from extractors.text import TextLayout

#: Words before a month or weekday that move it in time; "this" pins it to the current one.
SHIFT_WORDS = frozenset("last past previous next coming this".split())
TRAILING_PUNCT = ",.;:!?)\"”’'"


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
    words = head.split()
    if lo > 0 and words and not head[0].isspace():
        words = words[1:]  # cut in the middle of a word
    left = Left(pos)
    if not words:
        return left
    low = words[-1].lower()
    if head[-1].isspace() and low not in SHIFT_WORDS and low not in MODIFIERS and low != "of":
        # the common case, kept cheap: one plain word before the keyword
        if low[-1] not in TRAILING_PUNCT or low.endswith(("'s", "’s")):
            left.cue, left.cue_start = low, lo + head.rfind(words[-1])
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


def furniture(text: str, positions: list[int]) -> set[int]:
    """Which of ``positions`` lie in page furniture (one layout per document, shared by all extractors)."""
    layout = TextLayout.of(text)
    return {pos for pos in positions if layout.is_furniture(pos)}
