"""Parts of a toll named right beside it: ", 15 of them children", "Of the dead, 12 were children".

Such a figure is a subset of a toll, not a new one: it keeps the category of
the figure it belongs to and points at it as its parent. Kept apart from the
readers of whole tolls so that the backward reader, the driver and the linked
pass can all use them.
"""

from __future__ import annotations

from extractors import patterns
from extractors.casualties_after import _and
from extractors.casualties_forward import among_count
from extractors.casualties_found import Found, _one, _value
from extractors.casualties_people import _AGE, _BLOCKED, _ONE, _WHO_AFTER, _people_phrase
from extractors.casualties_scan import Trigger, clean_who, count_is_plausible, mentions
from extractors.numbers import COUNT

_AMONG_AFTER = patterns.lazy(
    rf"""\s+(?:were|was|are|is|included|include|includes|figure|figured)\s+
    (?:(?P<count>{COUNT})(?P<who>{_WHO_AFTER}?)|(?:a|an)\s+{_AGE}(?P<one>{_ONE}))"""
)
_LINKED_AFTER = patterns.lazy(
    rf"\s+(?:(?P<count>{COUNT})(?:\s+of\s+(?:them|the\s+\w+))?(?P<who>{_WHO_AFTER}?)|(?:a|an)\s+{_AGE}(?P<one>{_ONE}))"
)


#: ", 15 of them children", ", two of them police officers": a part of the toll just before.
_OF_THEM = patterns.lazy(
    rf",\s+(?P<count>{COUNT})\s+of\s+(?:them|whom)(?:\s+(?:were|was|being|are|is))?(?P<who>{_WHO_AFTER})"
)

#: ", of whom 96 are women and children", ", of which 30 children": the same part with "of whom" first, as
#: translated copy words it.
_OF_WHOM_COUNT = patterns.lazy(
    rf""",\s+of\s+(?:them|whom|which)\s+(?P<count>{COUNT})(?:\s+(?:were|was|are|is))?(?:\s+(?:all|also|mostly))?
    (?P<who>{_WHO_AFTER})"""
)

_HOW_WORDS = frozenset("seriously critically badly severely gravely slightly lightly".split())


def _hurt_how(text: str, pos: int) -> bool:
    """False only when ``_OF_THEM_HOW`` surely fails: no "seriously" or the like within five words of ``pos``."""
    return any(w.strip(",.;").lower() in _HOW_WORDS for w in text[pos : pos + 60].split()[:6])


#: ", six of them seriously" after an injured toll: a part of it, hurt worse ("fatally" would change category).
_OF_THEM_HOW = patterns.lazy(
    rf""",\s+(?P<count>{COUNT})\s+of\s+(?:them|whom)(?:\s+(?:were|was|being|are|is))?
    \s+(?:seriously|critically|badly|severely|gravely|slightly|lightly)\b"""
)


#: ", of which 12 seriously": the same with "of which" first.
_OF_WHOM_HOW = patterns.lazy(
    rf""",\s+of\s+(?:them|whom|which)\s+(?P<count>{COUNT})(?:\s+(?:were|was|being|are|is))?
    \s+(?:seriously|critically|badly|severely|gravely|slightly|lightly)\b"""
)


def _of_them(text: str, found: list[Found]) -> None:
    """", 15 of them children" after a toll: a part of it, with its category."""
    for f in list(found):
        if text[f.end : f.end + 1] != ",":
            continue
        if not mentions(text, f.end, min(len(text), f.end + 40), ("of them", "of whom", "of which")):
            continue
        of_first = text[f.end + 1 : f.end + 12].split()[:1] == ["of"]  # ", of whom 96 ..." or ", 96 of whom ..."
        m = patterns.match(_OF_WHOM_COUNT if of_first else _OF_THEM, text, f.end, min(len(text), f.end + 100))
        who = _people_phrase(m)
        if (m is None or who is None) and f.value["category"] == "injured" and _hurt_how(text, f.end):
            how = _OF_WHOM_HOW if of_first else _OF_THEM_HOW
            m, who = patterns.match(how, text, f.end, min(len(text), f.end + 100)), None
        if m is None or not count_is_plausible(text, *m.span("count")):
            continue
        v = _value(m.group("count"), f.value["category"], who)
        if v is not None:
            found.append(Found(m.start("count"), m.end(), m.start("count"), m.end("count"), v, "subset", 1, f))


#: "Of the dead|, 12 were children": a part of the toll, named by who they were.
_OF_THE_DEAD = patterns.lazy(
    rf",\s+(?P<count>{COUNT})\s+(?:were|was|are|is)(?:\s+(?:all|also|mostly))?(?P<who>{_WHO_AFTER})"
)


def _of_the_dead(
    text: str, m: Trigger, category: str, line_end: int, out: list[Found], parent: Found | None = None
) -> None:
    """"Of the dead, 12 were children", "Among the injured, 96 are women": a subset whose people stand after
    the verb."""
    o = patterns.match(_OF_THE_DEAD, text, m.end(), min(line_end, m.end() + 80))
    who = _people_phrase(o)
    if o is None or who is None or not count_is_plausible(text, *o.span("count")):
        return
    v = _value(o.group("count"), category, who)
    if v is not None:
        out.append(Found(o.start("count"), o.end(), o.start("count"), o.end("count"), v, "of-the-dead", 1, parent))


def _after(
    text: str, m: Trigger, category: str, line_end: int, out: list[Found], rule: str, parent: Found | None
) -> None:
    """"Among the dead were three children", "The dead included three British nationals"."""
    end = min(line_end, m.end() + 100)
    fast = among_count(text, m.end(), end, _BLOCKED) if text[m.end() : end].isascii() else None
    if isinstance(fast, tuple):
        cs, ce, who, f_end = fast
        v = _value(text[cs:ce], category, clean_who(who)) if count_is_plausible(text, cs, ce) else None
        if v is not None:
            out.append(Found(cs, f_end, cs, ce, v, rule, 1, parent))
            _and(text, f_end, end, category, out, out[-1])
        return
    f = patterns.match(_AMONG_AFTER, text, m.end(), end) if fast is None else None
    if f is None:
        return
    if f.group("one"):
        out.append(Found(f.start("one"), f.end(), f.start("one"), f.end(), _one(category, f.group("one")), rule, 1,
                          parent))  # fmt: skip
        _and(text, f.end(), end, category, out, out[-1])
        return
    cs, ce = f.span("count")
    v = _value(f.group("count"), category, clean_who(f.group("who"))) if count_is_plausible(text, cs, ce) else None
    if v is not None:
        out.append(Found(cs, f.end(), cs, ce, v, rule, 1, parent))
        _and(text, f.end(), end, category, out, out[-1])
