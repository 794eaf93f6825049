"""Figures tied to an earlier toll by "including", "among them", "among the dead" or "along with".

Such words belong to a figure found before them, so they can be read only
once every plain figure is known: the driver sets their triggers aside and
hands them here in a second pass, apart from the first-pass readers.
"""

from __future__ import annotations

from extractors import patterns
from extractors.casualties_after import _and
from extractors.casualties_backward import _ARTICLES, _ONE_GAP, _back
from extractors.casualties_forward import linked_count
from extractors.casualties_found import _CATEGORY, Found, _one, _value
from extractors.casualties_parts import _LINKED_AFTER, _after, _of_the_dead
from extractors.casualties_people import _BLOCKED
from extractors.casualties_scan import LocalLayout, Trigger, clean_who, count_is_plausible, word_before
from extractors.numbers import NUMBER

_ANY_NUMBER = patterns.lazy(NUMBER)


def _linked(
    text: str, m: Trigger, word: str, layout: LocalLayout, found: list[Found], earlier: list[Found]
) -> None:
    """Figures tied to an earlier toll: "..., including 31 children", "among them a soldier",
    "Nineteen foreigners were among the dead", "along with an estimated 66,000 Afghan soldiers".

    They take the earlier figure's category (unless the words name one) and
    its cumulative flag. Another figure in between ("11 suspects were detained,
    including four gunmen") means the words refer to that one instead.
    """
    pos = m.start()
    line_start, line_end = layout.line_start(pos), layout.line_end(pos)
    among = m.group("among")
    if among:
        before = [f for f in earlier if line_start <= f.start and f.end <= pos]
    elif not earlier:
        return  # nothing before for "including" to belong to
    else:
        s_start, _ = layout.sentence(pos)
        before = [f for f in earlier if s_start <= f.start and f.end <= pos and pos - f.end <= 150]
    parent = max(before, key=lambda f: f.end) if before else None
    if parent is not None and not among and _may_hold_number(text, parent.end, pos):
        if any(
            count_is_plausible(text, *n.span()) and not _day_of_month(text, n.start())
            for n in patterns.finditer(_ANY_NUMBER, text, parent.end, pos)
        ):
            parent = None  # "two days of attacks" in between counts days, not people
    if among:
        category = _CATEGORY[among.lower()]
        if among.lower() in ("victims", "casualties") and parent is not None:
            category = parent.value["category"]
        b = _back(text, max(line_start, pos - 100), pos)
        if b is not None and b.aux.strip() in ("were", "was", "are", "is"):
            cs, ce = b.start, b.end
            v = _value(text[cs:ce], category, clean_who(b.who)) if count_is_plausible(text, cs, ce) else None
            if v is not None:
                found.append(Found(cs, b.gap_end, cs, ce, v, "among", 1, parent))
                return
        if b is None:  # "A 7-year-old girl was among the dead"
            window = max(line_start, pos - 100)
            a = word_before(text, window, pos, _ARTICLES)
            lone = patterns.match(_ONE_GAP, text, a, pos) if a is not None else None
            if lone is not None and lone.group("aux").strip() in ("was", "is"):
                who = lone.group("who")
                found.append(Found(lone.start(), lone.end("who"), lone.start(), lone.end("who"), _one(category, who),
                                   "among", 1, parent))  # fmt: skip
                return
        if text[m.end() : m.end() + 1] == ",":  # "Among the injured, 96 are women and children"
            _of_the_dead(text, m, category, line_end, found, parent)
            return
        _after(text, m, category, line_end, found, "among", parent)
        return
    if parent is None:
        return
    category = parent.value["category"]
    end = min(line_end, m.end() + 100)
    fast = linked_count(text, m.end(), end, _BLOCKED) if text[m.end() : end].isascii() else None
    if fast is None:
        i = patterns.match(_LINKED_AFTER, text, m.end(), end)
        if i is not None and i.group("one"):
            one = _one(category, i.group("one"))
            found.append(Found(pos, i.end(), i.start("one"), i.end(), one, "subset", 1, parent))
            return
        fast = (i.start("count"), i.end("count"), i.group("who"), i.end()) if i is not None else -1
    if isinstance(fast, int):
        return
    cs, ce, who, i_end = fast
    v = _value(text[cs:ce], category, clean_who(who)) if count_is_plausible(text, cs, ce) else None
    if v is not None:
        fact = Found(pos, i_end, cs, ce, v, "subset" if word != "along with" else "along-with", 1, parent)
        found.append(fact)
        _and(text, i_end, end, category, found, fact)


_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _day_of_month(text: str, start: int) -> bool:
    """A number right after a month's name is a day ("since June 26, including 85 children"), not a count."""
    words = text[max(0, start - 12) : start].split()
    return bool(words) and words[-1].lower().rstrip(".")[:3] in _MONTH_NAMES and words[-1][:1].isupper()


#: Substrings one of which every number word holds ("thir" of "thirteen" and "thirty"), lower case.
_NUMBER_PARTS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thir", "fif", "twenty", "forty", "dozen", "score", "hundred", "thousand", "million",
                 "billion")  # fmt: skip


def _may_hold_number(text: str, lo: int, hi: int) -> bool:
    """False only when ``_ANY_NUMBER`` surely finds nothing in ``text[lo:hi]`` (ASCII): no digit, no number word."""
    window = text[lo:hi]
    if not window.isascii():
        return True
    if any(d in window for d in "0123456789"):
        return True
    window = window.lower()
    return any(part in window for part in _NUMBER_PARTS)
