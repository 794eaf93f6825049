"""Troop figures written without their noun, tied to a troop figure in the same sentence.

Wire copy gives a force's strength before or after a change with the noun
said once: "from about 2,500 troops to fewer than 2,000", "to 600 personnel
from roughly 2,200", "100 soldiers, down from 350", "on top of some 11,000
deployed in October", "bringing the total to 4,000". The bare figure counts
the same troops, so it is a troop fact of the same side.
"""

from __future__ import annotations

from collections.abc import Iterator

from extractors import patterns
from extractors.casualties_scan import mentions
from extractors.numbers import COUNT

#: What may follow a bare figure: the end of the clause or a word that starts no noun ("fewer than 2,000 by
#: September", "roughly 2,200 now"). A noun there ("to 2,000 bases") means the figure counts something else.
_BARE_END = r"""(?!\s*(?:%|percent|per\s+cent)|\d|[,.]\d)
    (?=\s*(?:[.,;:)]|\Z)|\s+(?:by|now|today|currently|at|in|on|since|before|after|last|this|next|over|within|
    earlier|previously|a|one|two|three|the|as|when|while|and|or|under|until|with|following)\b)"""
#: "from about 2,500 troops| to fewer than 2,000", "to about 600 personnel| from roughly 2,200".
_TO_FROM = patterns.lazy(rf"\s+(?P<prep>to|from)\s+(?P<count>{COUNT}){_BARE_END}")
#: "from| 2,500 to| 2,000 troops": the first figure is the same troops' other strength.
_FROM_BEFORE = patterns.lazy(rf"(?r)\bfrom\s+(?P<count>{COUNT})\s+to\s+\Z")
#: "..., down from 350", "on top of some 11,000 deployed in October", "bringing the total to 4,000": matched
#: where one of ``_LATER_WORDS`` starts (at the comma before "up from", "down from", "compared").
_LATER = patterns.lazy(
    rf"""(?:,\s+(?:(?:up|down)\s+from|compared\s+(?:with|to))(?:\s+(?:a|its|their)\s+(?:peak|high|maximum|low)\s+of)?
      |(?:on\s+top\s+of|in\s+addition\s+to|adding\s+to|joining|besides)(?:\s+(?:the|its|their))?
      |(?:bringing|raising|taking|elevating|lifting|pushing)\s+(?:the|its|their)\s+
        (?:total|number|overall\s+\w+|force|contingent|presence|deployment)
        (?:\s+[\p{{L}}\-]+){{0,3}}?\s+to)
    \s+(?P<count>{COUNT})
    (?:(?=\s+(?:already\s+)?(?:deployed|sent|stationed|there|based|dispatched|on\s+the\s+ground|military)\b)
      |{_BARE_END})"""
)
#: Where ``_LATER`` may start; the first three start at the comma before them.
_LATER_WORDS = ("up from", "down from", "compared", "on top of", "in addition to", "adding to", "joining", "besides",
                "bringing", "raising", "taking", "elevating", "lifting", "pushing")  # fmt: skip
_AFTER_COMMA = frozenset(_LATER_WORDS[:3])
_REACH = 120
#: A figure or a sentence break between the troop noun and ``_LATER`` ties the later figure to something else.
_BREAKS = frozenset(".;:!?\n0123456789")


def companions(text: str, count_span: tuple[int, int], trigger_end: int, s_end: int) -> Iterator[tuple[int, int]]:
    """Spans of the bare figures tied to the troop figure at ``count_span`` whose noun ends at ``trigger_end``."""
    cs, _ = count_span
    head = text[max(0, cs - 5) : cs].lower()
    if head.endswith(("from ", "to ")):
        m = patterns.match(_TO_FROM, text, trigger_end, s_end)
        if m is not None and m.group("prep").lower() != head.split()[-1]:
            yield m.span("count")
    if head.endswith("to ") and mentions(text, max(0, cs - 40), cs, ("from",)):
        b = patterns.match(_FROM_BEFORE, text, max(0, cs - 40), cs)
        if b is not None:
            yield b.span("count")
    later = _later(text, trigger_end, s_end)
    if later is not None:
        yield later


def _later(text: str, trigger_end: int, s_end: int) -> tuple[int, int] | None:
    """The figure ``_LATER`` finds after the troop noun, at the first of ``_LATER_WORDS`` within reach."""
    window = text[trigger_end : min(s_end, trigger_end + _REACH + 20)].lower()
    for word in _LATER_WORDS:
        at = window.find(word)
        if at < 0 or at > _REACH or (at > 0 and window[at - 1].isalpha()):
            continue
        if word in _AFTER_COMMA:
            at = len(window[:at].rstrip()) - 1
            if at < 0 or window[at] != ",":
                continue
        if _BREAKS.isdisjoint(window[:at]):
            m = patterns.match(_LATER, text, trigger_end + at, s_end)
            if m is not None:
                return m.span("count")
    return None
