"""People still searched for after a disaster: "Rescuers were still searching for two others".

A search counts the missing only when rescuers are the ones searching (or
the sentence speaks of "the search"): police "searching for two others" are
after suspects, not victims. The people searched for must be people, and not
the kind police hunt.
"""

from __future__ import annotations

from extractors import patterns
from extractors.casualties_backward import _back
from extractors.casualties_found import Found, _value
from extractors.casualties_people import _WHO_AFTER, is_people
from extractors.casualties_scan import Trigger, clean_who, count_is_plausible, is_projection, mentions
from extractors.numbers import COUNT

#: "searching| for two others", "the search| continues for 12 fishermen".
_SEARCH_FOR = patterns.lazy(
    rf"\s+(?:(?:continues|continued|goes\s+on|went\s+on|is\s+on)\s+)?for\s+(?P<count>{COUNT})(?P<who>{_WHO_AFTER}?)"
)
#: Who searches for victims: a search by anyone else ("police were searching for two others") is a manhunt.
_RESCUERS = ("rescu", "diver", "firefight", "coast guard", "coastguard", "emergency", "search team", "searchers",
             "search and", "crews", "volunteers")  # fmt: skip
#: People a search may be for that are no victims.
_HUNTED = frozenset("suspect suspects gunman gunmen attacker attackers assailant assailants fugitive fugitives "
                    "escapee escapees perpetrator perpetrators killer killers robber robbers kidnapper kidnappers "
                    "militant militants prisoner prisoners inmate inmates".split())  # fmt: skip
_THE_SEARCH = patterns.lazy(r"(?r)\bthe\s+\Z")


def _search(text: str, m: Trigger, s_start: int, line_end: int, out: list[Found]) -> None:
    """"Rescuers were still searching for two others": a count of the missing, when rescuers search;
    "15 victims are still being searched for": the same in the passive."""
    pos = m.start()
    after = text[m.end() : m.end() + 24].split(None, 2)
    head = after[0].lower().rstrip(",.;:") if after else ""
    if head not in ("for", "continues", "continued", "goes", "went", "is"):
        return
    if m.group("w").lower() == "searched" and head == "for":
        _searched_for(text, m, s_start, out)
        return
    noun = m.group("w").lower() == "search" and patterns.match(_THE_SEARCH, text, max(s_start, pos - 8), pos)
    if not noun and not mentions(text, s_start, pos, _RESCUERS):
        return
    s = patterns.match(_SEARCH_FOR, text, m.end(), min(line_end, m.end() + 100))
    if s is None:
        return
    cs, ce = s.span("count")
    who = clean_who(s.group("who"))
    if who is not None and (not is_people(who.split()[-1]) or who.split()[-1].lower() in _HUNTED):
        return
    if not count_is_plausible(text, cs, ce) or is_projection(text, pos, pos, None, s_start):
        return
    v = _value(s.group("count"), "missing", who)
    if v is not None:
        out.append(Found(pos, s.end(), cs, ce, v, "search", 1))


_FOR = patterns.lazy(r"\s+for\b(?!\s+(?:a|an|the|\d|\p{L}+\s+(?:days?|hours?|weeks?)\b))")


def _searched_for(text: str, m: Trigger, s_start: int, out: list[Found]) -> None:
    """"15 victims are still being searched for": people the passive search is for, when rescuers search or
    the people are called victims."""
    pos = m.start()
    f = patterns.match(_FOR, text, m.end(), min(len(text), m.end() + 40))
    if f is None:
        return
    b = _back(text, max(s_start, pos - 100), pos)
    if b is None or not ({"being", "been"} & set(b.aux.lower().split())):
        return
    who = clean_who(b.who)
    last = who.split()[-1].lower() if who else ""
    if who is None or not is_people(last) or last in _HUNTED:
        return
    if last not in ("victims", "victim") and not mentions(text, s_start, pos, _RESCUERS):
        return
    if not count_is_plausible(text, b.start, b.end) or is_projection(text, b.start, b.end, pos, s_start):
        return
    v = _value(text[b.start : b.end], "missing", who)
    if v is not None:
        out.append(Found(b.start, f.end(), b.start, b.end, v, "search", 1))
