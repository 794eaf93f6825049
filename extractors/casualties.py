"""Casualty counts: how many people were killed, injured or are missing.

The scan is keyword-first: casualty words (``killed``, ``dead``, ``wounded``,
``missing``, ``toll`` ...) are found by substring search, then short patterns
anchored at each one look back for the count before it ("61 soldiers killed")
or forward for the count after it ("killing 12 people"). Figures are
everywhere in news and casualty words are rare, so starting from the words
keeps a run near the cost of reading the text once.

This module finds the words and settles which figure wins; the readers it
calls live beside it: ``casualties_backward`` (the count before the word),
``casualties_after`` (the count after it), ``casualties_parts`` and
``casualties_linked`` (parts of a toll), ``casualties_search`` (the missing
that rescuers search for), ``casualties_people`` (who is counted) and
``casualties_found`` (what a figure is).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import lru_cache
from typing import ClassVar

from extractors import patterns
from extractors.base import Context, Extraction, Extractor
from extractors.casualties_after import _SPACES, _forward, _number_of, _of_forward, _tally, _toll
from extractors.casualties_backward import _backward
from extractors.casualties_cumulative import mark_cumulative
from extractors.casualties_forward import closes_word, skip_spaces, word_at
from extractors.casualties_found import _CATEGORY, Found
from extractors.casualties_gap import alternatives
from extractors.casualties_linked import _linked
from extractors.casualties_parts import _after, _of_the_dead, _of_them
from extractors.casualties_people import _ADJECTIVES
from extractors.casualties_scan import Trigger, find_words, local_layout, mentions, trigger_at
from extractors.casualties_search import _search

__all__ = ["CasualtiesExtractor", "Found", "find_casualties"]

#: Words followed by their count: "killing 12", "wounded 35 people".
_FORWARD = frozenset({"killed", "killing", "kills", "wounded", "wounding", "injured", "injuring", "hurt", "murdered",
                      "massacred", "decapitated", "beheaded"})  # fmt: skip
#: Intransitive verbs that translated copy puts before their subject: "in the city died 87 residents".
_INVERTED = frozenset({"died", "perished", "drowned"})
#: Nouns whose count follows "of": "the deaths of 12", "the bodies of 20 migrants".
_OF_FORWARD = frozenset({"deaths", "death", "bodies", "lives", "murder", "murders", "massacre", "killing", "killings"})
#: Nouns naming the act, not the dead: only "the murder of 63 villagers" counts; "two massacres" counts events.
_ACT_NOUNS = frozenset({"murder", "murders", "massacre", "killings"})
#: Substrings that start every casualty word, in lower case: one substring search each, so the list is kept short.
_STEMS = ("kill", "dea", "died", "fatalit", "perish", "drown", "slain", "murder", "massacr", "martyr", "lives",
          "bodies", "toll", "wound", "injur", "hurt", "smoke", "missing", "unaccounted", "includ", "among", "along",
          "decapitat", "behead", "disappeared", "search")  # fmt: skip
_TRIGGER = patterns.lazy(
    r"""(?P<w>killed|killings|killing|kills|dead|died|deaths|death|fatalities|perished|drowned|slain|murdered|murders|
    murder|massacred|massacre|martyred|martyrs|decapitated|beheaded|
    lives|bodies|toll|wounded|wounding|wounds|injured|injuring|hurt|injuries|smoke\s+inhalation|missing|unaccounted|
    disappeared|searching|searched|searches|search|including|along\s+with|among\s+(?:them|whom)
    |among\s+(?:the|those)\s+(?P<among>dead|deceased|killed|injured|wounded|missing|victims|casualties))\b"""
)
_TRIGGER_WORDS = frozenset(
    "killed killing killings kills dead died deaths death fatalities perished drowned slain murdered murder murders "
    "massacred massacre martyred martyrs decapitated beheaded lives bodies "
    "toll wounded wounding wounds injured injuring hurt injuries missing unaccounted disappeared including "
    "search searching searched searches".split()
)
_TRIGGER_PHRASES = frozenset(["along", "among", "smoke"])
_THE_BEFORE = patterns.lazy(r"(?r)(?<!\b(?:of|among)\s+)\b(?:the|those)\s+\Z")
_SHOT_BEFORE = patterns.lazy(r"(?r)\bshot\s+\Z")
_EITHER_OR = patterns.lazy(r"\s+or\s+(?:killed|dead|wounded|injured|missing|hurt)\b")


class CasualtiesExtractor(Extractor):
    """People killed, injured or missing, one fact per figure.

    "Russian shelling killed at least 12 civilians and wounded 35 people." yields
    ``killed at least 12 civilians`` {min 12, max null, qualifier at_least, category killed,
    who "civilians", cumulative false} and ``wounded 35 people`` {35, 35, exact, injured, "people"}.
    """

    name: ClassVar[str] = "casualties"
    version: ClassVar[str] = "1.3.0"
    kinds: ClassVar[tuple[str, ...]] = ("casualty",)

    def extract(self, text: str, context: Context) -> Iterator[Extraction]:
        for f in find_casualties(text):
            yield Extraction("casualty", f.start, f.end, text[f.start : f.end], dict(f.value), f.rule)


@lru_cache(maxsize=4)
def find_casualties(text: str) -> tuple[Found, ...]:
    """Every casualty figure of ``text``, cached so the troops extractor can skip the same figures."""
    hits = find_words(text, _STEMS)
    if not hits:
        return ()
    layout = local_layout(text)
    found: list[Found] = []
    later: list[tuple[Trigger, str]] = []
    for pos in hits:
        m = trigger_at(text, pos, _TRIGGER_WORDS, _TRIGGER_PHRASES, _TRIGGER, 40)
        if m is None:
            continue
        word = " ".join(m.group("w").lower().split())
        if m.group("among") or word in ("including", "along with") or word.startswith("among"):
            later.append((m, word))
            continue
        if word.startswith("search"):
            _search(text, m, layout.sentence(pos)[0], layout.line_end(pos), found)
            continue
        if mentions(text, m.end(), m.end() + 20, ("or",)) and _either_or(text, m.end(), min(len(text), m.end() + 20)):
            continue  # "killed or wounded" has no single category
        line_start, line_end = layout.line_start(pos), layout.line_end(pos)
        category = _CATEGORY[word]
        if word not in _ACT_NOUNS:
            _backward(text, m, word, category, max(line_start, pos - 160), found)
        shot = _shot_before(text, pos) if word == "dead" else -1
        if word in _FORWARD or shot >= 0:
            _forward(text, m, category, line_end, found, shot if shot >= 0 else m.start())
        elif word in _INVERTED:  # "in the city died 87 peaceful residents" (translated copy)
            _forward(text, m, category, line_end, found, m.start(), people_only=True)
        if word in _OF_FORWARD:
            _of_forward(text, m, word, line_start, line_end, found)
        if word in ("dead", "killed", "injured", "wounded", "missing") and mentions(
            text, max(line_start, pos - 12), pos, ("the", "those")
        ):
            the = patterns.match(_THE_BEFORE, text, max(line_start, pos - 12), pos)
            if the is not None:
                _after(text, m, category, line_end, found, "the-dead", None)
                _tally(text, m, category, the.start(), line_end, found)
        if word in _ADJECTIVES and text[m.end() : m.end() + 1] == "," and text[max(0, pos - 7) : pos].lower() == "of the ":
            _of_the_dead(text, m, category, line_end, found)
        death_count = word == "death" and text[m.end() : m.end() + 7].lower() in (" count ", " count")  # "stands at"
        if word in ("toll", "deaths", "fatalities") or death_count or _number_of(text, max(line_start, pos - 80), pos):
            _toll(text, m, word, line_start, line_end, found)
    found = _dedupe(found)
    _of_them(text, found)
    found = _dedupe(found)
    ends = [f.end for f in found]  # found is sorted by start and, for non-overlapping facts, by end
    for m, word in later:
        _linked(text, m, word, layout, found, found[: bisect.bisect_right(ends, m.start())][-4:])
    found = _dedupe(found)
    found = [f for f in found if not layout.is_furniture(f.start)]
    mark_cumulative(text, layout, found)
    return tuple(found)


_EITHER_WORDS = frozenset(alternatives(_EITHER_OR.pattern.removeprefix(r"\s+or\s+")))


def _either_or(text: str, pos: int, end: int) -> bool:
    """Whether ``_EITHER_OR`` matches at ``pos`` ("killed or wounded"), read as words in ASCII text."""
    if not text[pos : end + 1].isascii():
        return patterns.match(_EITHER_OR, text, pos, end) is not None
    i = skip_spaces(text, pos, end)
    word, k = word_at(text, i, end)
    j = skip_spaces(text, k, end)
    if i == pos or word != "or" or j == k:
        return False
    word, k = word_at(text, j, end)
    return word in _EITHER_WORDS and closes_word(text, k, end)


def _shot_before(text: str, pos: int) -> int:
    """Where "shot" starts right before ``pos`` ("shot| dead"), as ``_SHOT_BEFORE`` finds it; -1 if it does not."""
    lo = max(0, pos - 8)
    if not text[max(0, lo - 1) : pos].isascii():
        shot = patterns.match(_SHOT_BEFORE, text, lo, pos)
        return shot.start() if shot is not None else -1
    i = pos
    while i > lo and text[i - 1] in _SPACES:
        i -= 1
    start = i - 4
    if i == pos or start < lo or text[start:i].lower() != "shot":
        return -1
    return start if start == 0 or not (text[start - 1].isalnum() or text[start - 1] == "_") else -1


def _dedupe(found: list[Found]) -> list[Found]:
    """One fact per figure: when two wordings claim the same figure, the more specific one wins."""
    best: dict[tuple[int, int], Found] = {}
    for f in found:
        key = (f.count_start, f.count_end)
        if key not in best or f.priority > best[key].priority:
            best[key] = f
    kept: list[Found] = []
    reach = -1  # the furthest count end so far: figures are sorted by start
    for f in sorted(best.values(), key=lambda f: (f.count_start, -f.count_end)):
        if f.count_end <= reach:
            continue  # "2.445" inside "toll ... to 2.445" is the same figure
        reach = f.count_end
        kept.append(f)
    return sorted(kept, key=lambda f: (f.start, f.end))
