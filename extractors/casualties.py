"""Casualty counts: how many people were killed, injured or are missing.

The scan is keyword-first: casualty words (``killed``, ``dead``, ``wounded``,
``missing``, ``toll`` ...) are found by substring search, then short patterns
anchored at each one look back for the count before it ("61 soldiers killed")
or forward for the count after it ("killing 12 people"). Figures are
everywhere in news and casualty words are rare, so starting from the words
keeps a run near the cost of reading the text once.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

import regex

from extractors import patterns
from extractors.base import Context, Extraction, Extractor
from extractors.casualties_cumulative import mark_cumulative
from extractors.casualties_forward import (
    Blocked,
    among_count,
    and_count,
    closes_word,
    count_end,
    linked_count,
    of_count,
    skip_spaces,
    toll_count,
    who_end,
    word_at,
)
from extractors.casualties_gap import GapWords, alternatives, every_word, gap_may_match, number_of_before, simple_gap
from extractors.casualties_scan import (
    STOP,
    UNIT,
    WORD,
    LocalLayout,
    Trigger,
    clean_who,
    count_before,
    count_is_plausible,
    count_may_follow,
    find_words,
    is_projection,
    local_layout,
    mentions,
    trigger_at,
    word_before,
)
from extractors.numbers import COUNT, NUMBER, NUMBER_WORDS, parse_count

_CATEGORY = {
    "killed": "killed", "killing": "killed", "kills": "killed", "dead": "killed", "died": "killed",
    "deaths": "killed", "death": "killed", "fatalities": "killed", "perished": "killed", "drowned": "killed",
    "slain": "killed", "murdered": "killed", "massacred": "killed", "martyred": "killed", "murder": "killed",
    "murders": "killed", "massacre": "killed", "killings": "killed", "lives": "killed", "bodies": "killed",
    "toll": "killed", "victims": "killed", "casualties": "killed", "deceased": "killed", "decapitated": "killed",
    "beheaded": "killed",
    "wounded": "injured", "wounding": "injured", "injured": "injured", "injuring": "injured", "hurt": "injured",
    "injuries": "injured", "wounds": "injured", "smoke inhalation": "injured", "missing": "missing",
    "unaccounted": "missing", "disappeared": "missing",
}  # fmt: skip
#: Verbs taking the victims as object: "two gunmen killed ..." counts gunmen, not dead.
_TRANSITIVE = frozenset({"killed", "wounded", "injured", "hurt", "murdered", "massacred", "slain", "decapitated",
                         "beheaded"})  # fmt: skip
#: Words followed by their count: "killing 12", "wounded 35 people".
_FORWARD = frozenset({"killed", "killing", "kills", "wounded", "wounding", "injured", "injuring", "hurt", "murdered",
                      "massacred", "decapitated", "beheaded"})  # fmt: skip
#: Intransitive verbs that translated copy puts before their subject: "in the city died 87 residents".
_INVERTED = frozenset({"died", "perished", "drowned"})
#: Nouns whose count follows "of": "the deaths of 12", "the bodies of 20 migrants".
_OF_FORWARD = frozenset({"deaths", "death", "bodies", "lives", "murder", "murders", "massacre", "killing", "killings"})
#: Nouns naming the act, not the dead: only "the murder of 63 villagers" counts; "two massacres" counts events.
_ACT_NOUNS = frozenset({"murder", "murders", "massacre", "killings"})
#: Nouns that never stand after "a soldier": "a soldier's death" is not "a soldier ... death".
_NO_SINGULAR = frozenset({"lives", "deaths", "death", "bodies", "fatalities", "toll", "injuries", "wounds"})
#: Substrings that start every casualty word, in lower case: one substring search each, so the list is kept short.
_STEMS = ("kill", "dea", "died", "fatalit", "perish", "drown", "slain", "murder", "massacr", "martyr", "lives", "bodies",
          "toll", "wound", "injur", "hurt", "smoke", "missing", "unaccounted", "includ", "among", "along", "decapitat",
          "behead", "disappeared")  # fmt: skip
_TRIGGER = patterns.compile(
    r"""(?P<w>killed|killings|killing|kills|dead|died|deaths|death|fatalities|perished|drowned|slain|murdered|murders|
    murder|massacred|massacre|martyred|decapitated|beheaded|
    lives|bodies|toll|wounded|wounding|wounds|injured|injuring|hurt|injuries|smoke\s+inhalation|missing|unaccounted|
    disappeared|including|along\s+with|among\s+(?:them|whom)
    |among\s+(?:the|those)\s+(?P<among>dead|deceased|killed|injured|wounded|missing|victims|casualties))\b"""
)
_TRIGGER_WORDS = frozenset(
    "killed killing killings kills dead died deaths death fatalities perished drowned slain murdered murder murders "
    "massacred massacre martyred decapitated beheaded lives bodies "
    "toll wounded wounding wounds injured injuring hurt injuries missing unaccounted disappeared including".split()
)
_TRIGGER_PHRASES = frozenset(["along", "among", "smoke"])
_PERSON = (
    r"(?:soldier|serviceman|servicewoman|service\s+member|civilian|person|man|woman|child|boy|girl|teenager|"
    r"teen|baby|infant|toddler|officer|policeman|policewoman|journalist|reporter|photographer|cameraman|"
    r"worker|medic|doctor|nurse|paramedic|firefighter|fighter|militant|rebel|insurgent|protester|protestor|"
    r"demonstrator|resident|passenger|pilot|driver|student|farmer|fisherman|miner|migrant|refugee|tourist|"
    r"pedestrian|guard|commander|general|colonel|major|captain|lieutenant|sergeant|marine|volunteer|"
    r"peacekeeper|citizen|national|villager|worshipper|sailor|crewman|crew\s+member|bystander|motorist|"
    r"cyclist|hostage|prisoner|detainee|inmate|gunman|attacker|assailant|suspect|member|employee|contractor|"
    r"official|politician|lawmaker|mayor|teacher|priest|monk|pensioner|athlete|player|hiker|climber|"
    r"swimmer|diver|shepherd|herder|trooper|conscript|reservist|paratrooper|gendarme|ranger|guardsman|"
    r"bodyguard|sniper|gunner|militiaman|separatist|jihadist|bomber|victim|youth|pupil|adult|mother|father|"
    r"son|daughter|husband|wife|brother|sister|grandmother|grandfather|leader|chief|spokesman|activist|"
    r"operator|rescuer|minor|agent|engineer|technician|labourer|laborer|vendor|trader|shopkeeper|mechanic|"
    r"electrician|guide|clerk|diplomat|judge|lawyer|surgeon|professor|scientist|researcher|nun|pastor|imam|"
    r"seaman|seafarer|spectator|visitor|customer|shopper|commuter|traveller|traveler|guest|fan|"
    r"\p{Lu}\p{Ll}+(?:an|i|ese|ish|ch))\b"
)
_ONE = rf"(?:(?!{STOP}){WORD}\s+){{0,3}}{_PERSON}"
#: An age before one person ("a 32-year-old machine operator") is no part of who they are.
_AGE = r"(?:\d{1,3}[-\s]years?[-\s]old\s+)?"
#: Words between the people and the casualty word: "were", "have so far been", "were treated for".
_AUX = (
    r"(?:were|was|are|is|be|been|being|have|has|had|got|get|reportedly|also|later|all|now|still|already|"
    r"so\s+far|thus\s+far|confirmed|reported|believed|thought|found|lay|allegedly|seriously|critically|badly|"
    r"severely|slightly|lightly|fatally|mortally|gravely|officially|either|both|subsequently|eventually|"
    r"apparently|initially|remain|remained|remains|went|gone|who|that|since|shot|feared|presumed|"
    r"may\s+have|might\s+have|could\s+have|must\s+have|to\s+have|treated\s+for|suffered|sustained|"
    r"minor|serious|severe|lost\s+their|to\s+be|received|resulted|"
    r"taken\s+to\s+hospital\s+with|rushed\s+to\s+hospital\s+with|"
    r"hospitalised\s+with|hospitalized\s+with|evacuated\s+with|admitted\s+with|gunshot|stab|shrapnel)\b"
)
_PASSIVE = patterns.compile(r"\b(?:were|was|are|is|be|been|being|got|get|remain|remained|remains|resulted)\b")
#: Adverbs alone between the people and a verb leave the verb's voice to what follows ("two others badly hurt").
_ADVERBS = frozenset("seriously critically badly severely slightly lightly gravely fatally mortally reportedly also "
                     "later all now still already allegedly apparently initially subsequently eventually".split())
_PASSIVE_WORDS = frozenset(alternatives(_PASSIVE.pattern.removeprefix(r"\b")))
_WHO = rf"(?:\s+(?!{STOP}|{UNIT}|{_AUX}){WORD})"
#: "killed 20 people and driven out thousands": a verb after "and" starts a new clause, not more people.
_VERB_AFTER_AND = r"(?:\p{L}+ed|driven|left|taken|sent|made|forced|gone|fled|seen)\b"
#: "crew members and passengers", "Afghan soldiers and police" name one group; lazy before, greedy after.
_WHO_BEFORE = rf"(?:{_WHO}{{1,3}}?(?:\s+and{_WHO}{{1,3}}?)?)"
_WHO_AFTER = rf"(?:{_WHO}{{1,3}}(?:\s+and(?!\s+{NUMBER})(?!\s+{_VERB_AFTER_AND}){_WHO}{{1,3}})?)"
_PP = (
    rf"(?:\s+(?:on\s+board|aboard|in|at|from|inside|near|across)"
    rf"(?:\s+(?!were\b|was\b|are\b|is\b|have\b|has\b|had\b|and\b|who\b|that\b|which\b|when\b){WORD}){{1,5}}?)"
)

#: What may stand between a figure and its casualty word: "61| the number of Ukrainian soldiers |killed".
_GAP = patterns.compile(
    rf"""(?:\s+the\s+(?:total\s+)?number\s+of)?
    (?:\s+of(?:\s+(?:the|them|those|these|its|their|whom))?)?
    (?P<who>(?:{_WHO_BEFORE}(?:\s+of\s+the{_WHO}{{1,3}}?)?)??)     # "soldiers of the Malian army"
    (?:\s+and\s+(?P<one>(?:a|an|another|one)\s+{_AGE}(?P<one_who>{_ONE})))?  # "Five soldiers| and a civilian| were"
    {_PP}?
    (?:\s*,(?:\s+{WORD}){{1,4}}?\s*,)?
    (?P<aux>(?:\s+{_AUX})*)
    (?<!\b(?:a|an))
    \s+\Z"""
)
#: Plain words the gap pattern never takes for people: stop words, units, auxiliaries, "aboard", "inside".
_GAP_WORDS = GapWords(
    _AUX, every_word(STOP) | every_word(UNIT) | frozenset(["aboard", "inside", "number", "total", "board"])
)
_ONE_GAP = patterns.compile(rf"(?:a|an|another)\s+{_AGE}(?P<who>{_ONE})(?P<aux>(?:\s+{_AUX})*)\s+\Z")
_ARTICLES = frozenset({"a", "an", "another"})
_FWD = patterns.compile(rf"\s+(?P<count>{COUNT})(?:\s+of(?:\s+(?:the|them|those|its|their))?)?(?P<who>{_WHO_AFTER}?)")
#: The words the look-ahead of ``_WHO`` rules out, for reading plain "who" phrases without it.
_BLOCKED = Blocked(STOP, UNIT, _AUX)
_FWD_ONE = patterns.compile(rf"\s+(?:a|an|another)\s+{_AGE}(?P<who>{_ONE})")
_AND = patterns.compile(rf",?\s+(?:and|along\s+with)\s+(?P<count>{COUNT})(?P<who>{_WHO_AFTER})")
#: "killed nine patients| and a nurse": one more person sharing the verb.
_AND_ONE = patterns.compile(
    rf",?\s+and\s+(?P<one>(?:a|an|another)\s+{_AGE}(?P<who>{_ONE}))(?!\s+(?:was|were|is|are|has|had|have|said|says|told|added|would|will|could|may|might|(?-i:\p{{Ll}}+ed))\b)"
)
_OF = patterns.compile(rf"\s+of\s+(?P<count>{COUNT})(?P<who>{_WHO_AFTER}?)")
_LIVES_BEFORE = patterns.compile(
    r"(?r)\b(?:claimed|claiming|claims|took|taken|taking|cost|costing|lost|losing)(?:\s+the)?\s+\Z"
)
_LOST_AFTER = patterns.compile(r"\s+(?:(?:were|have\s+been|had\s+been|was)\s+)?lost\b")
_TOLL = patterns.compile(
    rf"""(?P<mid>(?:\s+(?-i:[\p{{L}}\d'’\-]+)(?:(?<=\d),)?){{0,12}}?)\s+           # "toll since October 7, 2023 increased| to"
    (?P<verb>to|at|of|reached|reaching|hit|passed|topped|exceeded|surpassed|crossed|stood\s+at|stands\s+at|now|above|
    beyond|exceeding|topping|numbered|totalled|totaled)
    \s+(?P<count>{COUNT})"""
)
_NUMBER_OF = patterns.compile(rf"(?r)\bthe\s+(?:total\s+)?number\s+of(?P<who>{_WHO}{{0,4}}?)(?:\s+{_AUX})*\s+\Z")
_DEATH_TOLL = patterns.compile(r"(?r)\b(?:death|dead|casualty|fatality)\s+\Z")
_THE_BEFORE = patterns.compile(r"(?r)(?<!\b(?:of|among)\s+)\b(?:the|those)\s+\Z")
_SHOT_BEFORE = patterns.compile(r"(?r)\bshot\s+\Z")
_EITHER_OR = patterns.compile(r"\s+or\s+(?:killed|dead|wounded|injured|missing|hurt)\b")
_AMONG_AFTER = patterns.compile(
    rf"""\s+(?:were|was|are|is|included|include|includes|figure|figured)\s+
    (?:(?P<count>{COUNT})(?P<who>{_WHO_AFTER}?)|(?:a|an)\s+{_AGE}(?P<one>{_ONE}))"""
)
_LINKED_AFTER = patterns.compile(
    rf"\s+(?:(?P<count>{COUNT})(?:\s+of\s+(?:them|the\s+\w+))?(?P<who>{_WHO_AFTER}?)|(?:a|an)\s+{_AGE}(?P<one>{_ONE}))"
)
_ANY_NUMBER = patterns.compile(NUMBER)
#: "Two of the dead were children", "Nine of the bodies were those of children": who the part of a toll were.
_WERE_WHO = patterns.compile(
    rf"(?:\s+(?-i:\p{{Ll}}+ed))?\s+(?:were|was|are|is)(?:\s+(?:all|mostly|also))?(?:\s+those\s+of)?(?P<who>{_WHO_AFTER})"
)
#: "3 missing persons", "12 dead civilians": the people stand after an adjectival casualty word.
_ADJECTIVES = frozenset({"missing", "dead", "injured", "wounded", "disappeared"})
_WHO_NEXT = patterns.compile(rf"(?P<who>{_WHO_AFTER})")
#: ", 15 of them children", ", two of them police officers": a part of the toll just before.
_OF_THEM = patterns.compile(
    rf",\s+(?P<count>{COUNT})\s+of\s+(?:them|whom)(?:\s+(?:were|was|being))?(?P<who>{_WHO_AFTER})"
)

_HOW_WORDS = frozenset("seriously critically badly severely gravely slightly lightly".split())


def _hurt_how(text: str, pos: int) -> bool:
    """False only when ``_OF_THEM_HOW`` surely fails: no "seriously" or the like within five words of ``pos``."""
    return any(w.strip(",.;").lower() in _HOW_WORDS for w in text[pos : pos + 60].split()[:6])


#: ", six of them seriously" after an injured toll: a part of it, hurt worse ("fatally" would change category).
_OF_THEM_HOW = patterns.compile(
    rf""",\s+(?P<count>{COUNT})\s+of\s+(?:them|whom)(?:\s+(?:were|was|being|are|is))?
    \s+(?:seriously|critically|badly|severely|gravely|slightly|lightly)\b"""
)


def _person_words() -> frozenset[str]:
    words = set()
    for alt in _PERSON.split("|"):
        alt = alt.removeprefix("(?:").replace("\\s+", " ")
        if alt.replace(" ", "").isalpha():
            words.add(alt)
    return frozenset(words)


_PERSON_WORDS = _person_words()
_PLURAL_PEOPLE = frozenset("people persons men women children police staff personnel youths".split())


def is_people(word: str) -> bool:
    """Whether ``word`` names people ("children", "soldiers", "persons", "Ukrainians"), so it may be a who."""
    w = word.lower()
    if w in _PLURAL_PEOPLE or w in _PERSON_WORDS:
        return True
    if w.endswith("men") and w[:-3] + "man" in _PERSON_WORDS:  # "fishermen", "policemen"
        return True
    if w.endswith("ies") and w[:-3] + "y" in _PERSON_WORDS:
        return True
    if w.endswith("s") and (w[:-1] in _PERSON_WORDS or (w.endswith("es") and w[:-2] in _PERSON_WORDS)):
        return True
    return word[:1].isupper() and w.endswith(("ans", "ians", "is", "ese"))


def _people_phrase(m: regex.Match[str] | None) -> str | None:
    """The who group of ``m`` when its last word names people, else None."""
    if m is None:
        return None
    who = clean_who(m.group("who"))
    return who if who and is_people(who.split()[-1].rstrip(".,")) else None


def _people_head(who: str | None) -> str | None:
    """``who`` up to its last word naming people: "police officers swept (away)" is "police officers"."""
    if who is None or " of " in who:
        return who
    words = who.split()
    k = len(words)
    while k > 1 and not is_people(words[k - 1]):
        k -= 1
    return " ".join(words[:k]) if is_people(words[k - 1]) else who


def _named_after(text: str, pos: int, word: str, gap: str) -> tuple[int, str] | None:
    """(end, who) for people named after the casualty word: "Two of the dead| were children", "3 missing| persons"."""
    end = min(len(text), pos + 80)
    folded = gap.split()
    if folded[:1] == ["of"] and word in ("dead", "killed", "injured", "wounded", "bodies", "victims", "missing"):
        if not mentions(text, pos, min(end, pos + 24), ("were", "was", "are", "is")):  # "the bodies (recovered) were"
            return None
        m = patterns.match(_WERE_WHO, text, pos, end)
    elif not folded and word in _ADJECTIVES:
        if text[pos : pos + 1] != " " or not any(is_people(w.rstrip(".,;:")) for w in text[pos:end].split()[:3]):
            return None  # no people word among the next three: the pattern would find none
        m = patterns.match(_WHO_NEXT, text, pos, end)
    else:
        return None
    who = _people_phrase(m)
    if m is not None and who is None and "and" in m.group("who").split():  # "4 missing persons| and more than ..."
        words, at = m.group("who"), 0
        for token in words.split():
            at = words.find(token, at)
            if token == "and":
                break
            at += len(token)
        head = words[:at].rstrip()
        cleaned = clean_who(head)
        if cleaned and is_people(head.split()[-1]):
            return m.start("who") + len(head), cleaned
    if m is None or who is None or _speaks(text, m.end()):
        return None
    return m.end(), who


_SAY_WORDS = frozenset("said says say told reported added stated".split())


def _speaks(text: str, pos: int) -> bool:
    """Whether a reporting verb follows ``pos`` in the same clause: "100 wounded| officials in Yerevan said" names
    the speakers, not the hurt."""
    window = text[pos : pos + 40]
    for mark in ",.;:":
        window = window.split(mark, 1)[0]
    return any(w.lower() in _SAY_WORDS for w in window.split()[:4])


def _of_them(text: str, found: list[Found]) -> None:
    """", 15 of them children" after a toll: a part of it, with its category."""
    for f in list(found):
        if text[f.end : f.end + 1] != ",":
            continue
        if not mentions(text, f.end, min(len(text), f.end + 40), ("of them", "of whom")):
            continue
        m = patterns.match(_OF_THEM, text, f.end, min(len(text), f.end + 100))
        who = _people_phrase(m)
        if (m is None or who is None) and f.value["category"] == "injured" and _hurt_how(text, f.end):
            m, who = patterns.match(_OF_THEM_HOW, text, f.end, min(len(text), f.end + 100)), None
        if m is None or not count_is_plausible(text, *m.span("count")):
            continue
        v = _value(m.group("count"), f.value["category"], who)
        if v is not None:
            found.append(Found(m.start("count"), m.end(), m.start("count"), m.end("count"), v, "subset", 1, f))
@dataclass
class Found:
    start: int
    end: int
    count_start: int
    count_end: int
    value: dict[str, Any]
    rule: str
    priority: int
    parent: Found | None = None


class CasualtiesExtractor(Extractor):
    """People killed, injured or missing, one fact per figure.

    "Russian shelling killed at least 12 civilians and wounded 35 people." yields
    ``killed at least 12 civilians`` {min 12, max null, qualifier at_least, category killed,
    who "civilians", cumulative false} and ``wounded 35 people`` {35, 35, exact, injured, "people"}.
    """

    name: ClassVar[str] = "casualties"
    version: ClassVar[str] = "1.1.0"
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
        if (
            word in ("dead", "killed", "injured", "wounded", "missing")
            and mentions(text, max(line_start, pos - 12), pos, ("the", "those"))
            and patterns.match(_THE_BEFORE, text, max(line_start, pos - 12), pos)
        ):
            _after(text, m, category, line_end, found, "the-dead", None)
        if word in _ADJECTIVES and text[m.end() : m.end() + 1] == "," and text[max(0, pos - 7) : pos].lower() == "of the ":
            _of_the_dead(text, m, category, line_end, found)
        if word in ("toll", "deaths", "fatalities") or _number_of(text, max(line_start, pos - 80), pos):
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


def _number_of(text: str, lo: int, hi: int) -> tuple[int, str] | None:
    """(start, who) of ``_NUMBER_OF`` in ``text[lo:hi]`` ("the number of| soldiers| killed"), or None."""
    if "number of" not in text[lo:hi].lower():
        return None
    fast = number_of_before(text, lo, hi, _GAP_WORDS)
    if fast is None:
        n = patterns.match(_NUMBER_OF, text, lo, hi)
        return (n.start(), n.group("who")) if n is not None else None
    return None if isinstance(fast, int) else fast


def _value(count: str, category: str, who: str | None) -> dict[str, Any] | None:
    v = parse_count(count)
    if v is None:
        return None
    return {**v, "category": category, "who": who, "cumulative": False}


def _one(category: str, who: str) -> dict[str, Any]:
    return {"min": 1, "max": 1, "qualifier": "exact", "category": category, "who": " ".join(who.split()),
            "cumulative": False}  # fmt: skip


#: One group before another that shares its verb: "Three soldiers and| two civilians were killed".
_GROUP_BEFORE = patterns.compile(
    rf"""(?r)(?:(?P<count>{COUNT})(?P<who>{_WHO}{{1,3}}?)|(?P<one>(?:a|an|another|one)\s+{_AGE}(?P<one_who>{_ONE})))
    (?:\s*,|\s+and)\s+\Z"""
)
#: Words before the first group that leave it the subject: "Police said| three soldiers and ...".
_SUBJECT_OPENERS = frozenset("said says say told reported that while but and when after as".split())


def _coordinated(text: str, window: int, start: int, category: str, out: list[Found]) -> None:
    """The groups listed before a counted subject, each a fact of its own ("Three soldiers, a policeman and| two
    civilians were killed"), when the list opens the clause: "killed 5 people and 3 were hurt" is two facts."""
    groups: list[Found] = []
    end = start
    while end - window > 4 and (text[max(window, end - 6) : end].rstrip().endswith((",", "and"))):
        before = text[max(window, end - 40) : end].rstrip().removesuffix("and").rstrip().rstrip(",").split()
        if not before or not is_people(before[-1]) or not any(_may_count(w) for w in before[-5:-1]):
            break  # the pattern needs a figure or "a" and then people right before the "and" or comma
        g = patterns.match(_GROUP_BEFORE, text, max(window, end - 80), end)
        if g is None:
            break
        if g.group("one"):
            os_, oe = g.span("one")
            groups.append(Found(os_, oe, os_, oe, _one(category, g.group("one_who")), "count-before", 1))
        else:
            who = clean_who(g.group("who"))
            cs, ce = g.span("count")
            v = _value(g.group("count"), category, who) if who and is_people(who.split()[-1]) else None
            if v is None or not count_is_plausible(text, cs, ce):
                break
            groups.append(Found(cs, g.end("who"), cs, ce, v, "count-before", 1))
        end = g.start()
    if groups and _opens_clause(text, window, end):
        out.extend(groups)


def _may_count(word: str) -> bool:
    """Whether ``word`` may start or end a figure or a lone person: a digit, a number word, "a", "an", "another"."""
    w = word.lower()
    return w[:1].isdigit() or w in NUMBER_WORDS or w in _GROUP_WORDS


_GROUP_WORDS = frozenset("a an another one dozen dozens hundreds thousands".split())


def _opens_clause(text: str, window: int, pos: int) -> bool:
    """Whether ``pos`` starts a clause: the window's start, a mark, or a word like "said" or "while" before it."""
    before = text[window:pos].rstrip()
    if not before or before[-1] in ",;:—–-(\"“'‘":
        return True
    words = before.split()
    return bool(words) and words[-1].lower() in _SUBJECT_OPENERS


class _Back:
    """A figure found before its casualty word, and the words between."""

    def __init__(self, start: int, end: int, who: str, aux: str, gap_end: int, one: regex.Match[str] | None = None) -> None:
        self.start, self.end = start, end
        self.who, self.aux, self.gap_end = who, aux, gap_end
        #: the gap match when it names one more person, "Five soldiers| and a civilian| were killed": a fact of its own
        self.one = one


def _back(text: str, window: int, pos: int) -> _Back | None:
    span = count_before(text, window, pos)
    if span is None:
        return None
    simple = simple_gap(text, span[1], pos, _GAP_WORDS)
    if simple is not None:
        return _Back(span[0], span[1], *simple)
    if not gap_may_match(text, span[1], pos):
        return None
    gap = patterns.match(_GAP, text, span[1], pos)
    if gap is None:
        return None
    who = gap.group("who")
    one = gap if gap.group("one") else None
    return _Back(span[0], span[1], who, gap.group("aux"), gap.end("who") if who else span[1], one)


#: A comma-bounded insertion between the people and their verb: "200 people|, among them 50 children, |were killed".
_INSERTION = patterns.compile(
    r"""(?r),\s*(?P<head>including|among\s+(?:them|whom)|mostly|mainly|(?:most|many|all|half|some)\s+of\s+them
      |(?=(?:\d+|\p{L}+)\s+of\s+(?:them|whom)\s))                      # "Seven soldiers|, two of them officers,|"
    (?P<inner>[^,;:.!?\n]{1,60}),(?P<aux>(?:\s+(?:were|was|are|is|have|has|had|been|reportedly|all|also|lost\s+their))*)
    \s+\Z"""
)
_INSERTION_HEADS = ("includ", "among", "most", "mainly", "many", "all of", "half of", "some of", "of them", "of whom")


def _insertion(text: str, window: int, pos: int) -> tuple[_Back, regex.Match[str]] | None:
    """The figure before a comma-bounded insertion ("Twelve people, including two police officers, were
    killed"), with the insertion, or None; the insertion's own figure is the caller's to read."""
    chunk = text[max(window, pos - 90) : pos].lower()
    if chunk.count(",") < 2 or not any(h in chunk for h in _INSERTION_HEADS):
        return None
    ins = patterns.match(_INSERTION, text, max(window, pos - 90), pos)
    if ins is None:
        return None
    b = _back_at_comma(text, window, ins.start(), ins.group("aux"))
    return (b, ins) if b is not None else None


def _back_at_comma(text: str, window: int, comma: int, aux: str) -> _Back | None:
    """The figure and people right before ``comma``, with ``aux`` (the words after the insertion) as their aux.

    The gap readers expect white space where the people end, so they read a
    short copy of the text up to the comma with a space added; only the
    window is copied, never the document's whole head.
    """
    base = max(0, window - 64)  # the readers may look a few characters before the window
    head = text[base:comma] + " "
    b = _back(head, window - base, len(head))
    if b is None or b.aux.strip():
        return None
    return _Back(b.start + base, b.end + base, b.who, aux, b.gap_end + base)


#: Ages set off by commas between the people and their verb: "two daughters|, aged 9 and 12, |remain missing".
_AGED = patterns.compile(
    r"""(?r),\s*(?:aged\s+)?\d{1,3}(?:\s*(?:,|and|to|-|–)\s*\d{1,3})*(?:\s+years?\s+old)?\s*,
    (?P<aux>(?:\s+(?:were|was|are|is|have|has|had|been|remain|remained|remains|reportedly|all|also|both))*)\s+\Z"""
)


def _aged(text: str, window: int, pos: int) -> _Back | None:
    """The figure before an age insertion ("Two children, aged 5 and 7, were killed"), or None."""
    a = patterns.match(_AGED, text, max(window, pos - 60), pos)
    if a is None:
        return None
    return _back_at_comma(text, window, a.start(), a.group("aux"))


def _backward(text: str, m: Trigger, word: str, category: str, window: int, out: list[Found]) -> None:
    """"61 soldiers killed", "12 people were injured", "A Ukrainian soldier was killed"."""
    pos = m.start()
    b = _back(text, window, pos)
    if b is None and word != "toll":
        inserted = _insertion(text, window, pos)
        if inserted is not None and word == "lives" and "lost" not in inserted[0].aux:
            inserted = None  # "..., including 9 children, lost their lives" only
        if inserted is not None:
            b, ins = inserted
            if _passive_ok(text, word, b.aux, m.end()) and count_is_plausible(text, b.start, b.end):
                parent = _value(text[b.start : b.end], category, clean_who(b.who))
                if parent is not None and not is_projection(text, b.start, b.end, pos, window):
                    whole = Found(b.start, m.end(), b.start, b.end, parent, "count-before", 2)
                    out.append(whole)
                    if not ins.group("head"):  # ", two of them officers,": read as after a toll
                        parts = [Found(b.start, ins.start(), b.start, b.end, parent, "count-before", 2)]
                        _of_them(text, parts)
                        out.extend(Found(f.start, f.end, f.count_start, f.count_end, f.value, "including", 1, whole)
                                   for f in parts[1:])  # fmt: skip
                        return
                    sub = patterns.match(_LINKED_AFTER, text, ins.end("head"), ins.end("inner"))
                    if sub is not None and sub.group("count") and count_is_plausible(text, *sub.span("count")):
                        v = _value(sub.group("count"), category, clean_who(sub.group("who")))
                        if v is not None:
                            cs, ce = sub.span("count")
                            out.append(Found(cs, sub.end(), cs, ce, v, "including", 1, whole))
                            _and(text, sub.end(), ins.end("inner"), category, out, out[-1])  # "... and 6 women,"
                    elif sub is not None and sub.group("one"):
                        cs = sub.start() + len(sub.group()) - len(sub.group().lstrip())
                        lone = _one(category, sub.group("one"))
                        out.append(Found(cs, sub.end(), cs, sub.end(), lone, "including", 1, whole))
                    return
            b = None
    if b is None and mentions(text, max(window, pos - 60), pos, ("aged", "years old", "year-old")):
        b = _aged(text, window, pos)
    if b is not None and word == "lives":
        claimed = patterns.match(_LIVES_BEFORE, text, max(0, b.start - 20), b.start)
        lost = "lost" in b.aux or patterns.match(_LOST_AFTER, text, m.end(), min(len(text), m.end() + 30))
        if claimed is None and not lost:
            b = None
    if b is not None and _passive_ok(text, word, b.aux, m.end()):
        cs, ce = b.start, b.end
        if count_is_plausible(text, cs, ce) and not is_projection(text, cs, ce, pos, window):
            v = _value(text[cs:ce], category, None if word == "toll" else clean_who(b.who))
            if v is not None:
                end = m.end()
                if v["who"] is None and not b.aux.strip():
                    named = _named_after(text, m.end(), word, text[ce:pos])
                    if named is not None:
                        end, v["who"] = named
                out.append(Found(cs, end, cs, ce, v, "count-before", 2))
                _coordinated(text, window, cs, category, out)
                if b.one is not None:
                    os_, oe = b.one.span("one")
                    out.append(Found(os_, oe, os_, oe, _one(category, b.one.group("one_who")), "one-and", 1))
                return
    if word in _NO_SINGULAR:
        return
    a = word_before(text, window, pos, _ARTICLES, 9)  # "A| coast guard crew member was slightly| hurt"
    one = patterns.match(_ONE_GAP, text, a, pos) if a is not None else None
    if one is not None and _passive_ok(text, word, one.group("aux"), m.end()):
        if not is_projection(text, one.start(), one.end("who"), pos, window):
            out.append(Found(one.start(), m.end(), one.start(), one.end("who"), _one(category, one.group("who")),
                              "one-before", 1))  # fmt: skip
            if one.group("aux").strip():  # "A soldier and| a civilian were wounded"
                _coordinated(text, window, one.start(), category, out)


_ACTIVE_OBJECT = patterns.compile(rf"\s+(?:the|a|an|his|her|their|its|them|him|us|me|several|many|{COUNT})\b")
_OBJECTS = frozenset("the a an his her their its them him us me several many".split())
_SPACES = frozenset(" \t\n\r\f\v")


def _passive_ok(text: str, word: str, aux: str, trigger_end: int) -> bool:
    """A verb like "killed" counts the people before it only in the passive ("12 were killed", "61 killed since")."""
    if word not in _TRANSITIVE:
        return True
    if aux.strip() and not _ADVERBS.issuperset(aux.lower().split()):
        words = aux.split()
        if aux.isascii() and all(w.isalpha() for w in words):
            return any(w.lower() in _PASSIVE_WORDS for w in words)
        return patterns.search(_PASSIVE, aux) is not None
    end = min(len(text), trigger_end + 40)
    if text[trigger_end:end].isascii():
        i = skip_spaces(text, trigger_end, end)
        if i == trigger_end:
            return True
        word, k = word_at(text, i, end)
        if word in _OBJECTS and closes_word(text, k, end):
            return False
        ce = count_end(text, i, end)
        if ce == -1:
            return True
        if ce is not None and closes_word(text, ce, end) and text[ce - 1 : ce].isalnum():
            return False
    return patterns.match(_ACTIVE_OBJECT, text, trigger_end, end) is None


def _forward(
    text: str, m: Trigger, category: str, line_end: int, out: list[Found], start: int, people_only: bool = False
) -> None:
    """"killing at least 12 civilians", "wounded 35 people", "killing a policeman"; with ``people_only``, a
    figure only when people are named after it ("died 87 residents", not "died 3 days later")."""
    end = min(line_end, m.end() + 120)
    if not count_may_follow(text, m.end()):  # the cheaper test first: both only rule the figure out
        return
    if is_projection(text, m.start(), m.start(), None, m.start() - 40):
        return
    f = _fwd(text, m.end(), end)
    if f is not None:
        cs, ce, who, f_end = f
        named = clean_who(who)
        if people_only and (named is None or not is_people(named.split()[-1])):
            return
        if count_is_plausible(text, cs, ce):
            v = _value(text[cs:ce], category, named)
            if v is not None:
                fact = Found(start, f_end, cs, ce, v, "count-after", 2)
                out.append(fact)
                _and(text, f_end, end, category, out, fact)
        return
    if people_only or not _one_may_follow(text, m.end(), end):
        return
    one = patterns.match(_FWD_ONE, text, m.end(), end)
    if one is not None:
        out.append(Found(start, one.end(), one.start("who"), one.end(), _one(category, one.group("who")),
                          "one-after", 1))  # fmt: skip


def skip_and(text: str, pos: int, end: int) -> int:
    """Where the word after ",? and" at ``pos`` starts, or ``pos`` when there is no "and"."""
    i = skip_spaces(text, pos + (text[pos : pos + 1] == ","), end)
    return i + 3 if text[i : i + 3].lower() == "and" else pos


def _one_may_follow(text: str, pos: int, end: int) -> bool:
    """False only when ``_FWD_ONE`` surely fails at ``pos``: "killing a policeman" needs "a", "an" or "another"."""
    if not text[pos:end].isascii():
        return True
    word, k = word_at(text, skip_spaces(text, pos, end), end)
    return word in ("a", "an", "another") and k < end and text[k] in _SPACES


def _fwd(text: str, pos: int, end: int) -> tuple[int, int, str, int] | None:
    """(count start, count end, who, end) of ``_FWD`` at ``pos``: plain words are read without it."""
    cs = skip_spaces(text, pos, end)
    if cs == pos and (pos >= end or text[pos].isascii()):
        return None  # no white space before the count
    ce = count_end(text, cs, end) if cs > pos else None
    if ce == -1:
        return None
    if ce is not None:
        i = skip_spaces(text, ce, end)
        if i > ce and text[i : i + 2].lower() == "of" and i + 2 <= end:
            i = j = i + 2
            k = skip_spaces(text, j, end)
            if k > j and text[k : k + 3].lower() in ("the", "its") and k + 3 <= end:
                i = k + 3
            elif k > j and text[k : k + 5].lower() in ("those", "their") and k + 5 <= end:
                i = k + 5
        else:
            i = ce
        w = who_end(text, i, end, _BLOCKED)
        if w is not None:
            return cs, ce, text[i:w], w
    f = patterns.match(_FWD, text, pos, end)
    if f is None:
        return None
    return f.start("count"), f.end("count"), f.group("who"), f.end()


def _and(text: str, pos: int, end: int, category: str, out: list[Found], first: Found) -> None:
    """"killed 170 Afghans and 13 U.S. service members": the second group shares the verb."""
    if not mentions(text, pos, end, ("and", "along")):
        return
    fast = and_count(text, pos, end, _BLOCKED) if text[pos:end].isascii() else None
    if fast is None:
        a = patterns.match(_AND, text, pos, end)
        fast = (a.start("count"), a.end("count"), a.group("who"), a.end()) if a is not None else -1
    if isinstance(fast, int):
        one = patterns.match(_AND_ONE, text, pos, end) if _one_may_follow(text, skip_and(text, pos, end), end) else None
        if one is not None:
            os_ = one.start("one")
            out.append(Found(os_, one.end(), os_, one.end(), _one(category, one.group("who")), first.rule, 1,
                             first.parent))  # fmt: skip
        return
    cs, ce, who, a_end = fast
    v = _value(text[cs:ce], category, _people_head(clean_who(who))) if count_is_plausible(text, cs, ce) else None
    if v is not None:
        out.append(Found(cs, a_end, cs, ce, v, first.rule, 1, first.parent))


def _of_forward(text: str, m: Trigger, word: str, line_start: int, line_end: int, out: list[Found]) -> None:
    """"the deaths of 12 people", "the bodies of 20 migrants", "claimed the lives of 300 people"."""
    if word == "lives" and patterns.match(_LIVES_BEFORE, text, max(line_start, m.start() - 20), m.start()) is None:
        return
    end = min(line_end, m.end() + 100)
    if not mentions(text, m.end(), end, ("of",)):
        return
    f = of_count(text, m.end(), end, _BLOCKED) if text[m.end() : end].isascii() else None
    if f is None:
        o = patterns.match(_OF, text, m.end(), end)
        f = (o.start("count"), o.end("count"), o.group("who"), o.end()) if o is not None else -1
    if isinstance(f, int):
        return
    cs, ce, who, f_end = f
    if count_is_plausible(text, cs, ce) and not is_projection(text, m.start(), m.start(), None, line_start):
        v = _value(text[cs:ce], "killed", clean_who(who))
        if v is not None:
            out.append(Found(m.start(), f_end, cs, ce, v, "of-count", 2))


def _toll(text: str, m: Trigger, word: str, line_start: int, line_end: int, out: list[Found]) -> None:
    """"the death toll rose to 290", "put the toll at 103", "the number of soldiers killed to 61"."""
    end = min(line_end, m.end() + 120)
    t = toll_count(text, m.end(), end) if text[m.end() : end].isascii() else None
    if t is None:
        full = patterns.match(_TOLL, text, m.end(), end)
        t = (full.group("verb"), full.start("count"), full.end("count")) if full is not None else -1
    if isinstance(t, int) or is_projection(text, m.start(), m.start(), None, line_start):
        return
    verb, cs, ce = t
    if patterns.search(_MODAL_WORDS, text, m.end(), cs) or not count_is_plausible(text, cs, ce):
        return
    v = _value(text[cs:ce], _CATEGORY[word], None)
    if v is None:
        return
    if verb.lower() in _PAST_VERBS and v["qualifier"] == "exact":
        v.update(max=None, qualifier="at_least")
    start = m.start()
    if word == "toll":
        d = patterns.match(_DEATH_TOLL, text, max(line_start, start - 12), start)
        start = d.start() if d else start
    else:
        n = _number_of(text, max(line_start, start - 80), start)
        if n is not None:
            start = n[0] + len("the ")
            v["who"] = clean_who(n[1])
    out.append(Found(start, ce, cs, ce, v, "toll", 1))


#: Verbs that put a toll past its figure: "passed 1,000", "above 4,000".
_PAST_VERBS = frozenset(
    ["passed", "topped", "exceeded", "surpassed", "crossed", "above", "beyond", "exceeding", "topping"]
)
_MODAL_WORDS = patterns.compile(r"\b(?:could|may|might|would|will|shall|expected|likely|feared)\b")


#: "Of the dead|, 12 were children": a part of the toll, named by who they were.
_OF_THE_DEAD = patterns.compile(
    rf",\s+(?P<count>{COUNT})\s+(?:were|was|are|is)(?:\s+(?:all|also|mostly))?(?P<who>{_WHO_AFTER})"
)


def _of_the_dead(text: str, m: Trigger, category: str, line_end: int, out: list[Found]) -> None:
    """"Of the dead, 12 were children": a subset whose people stand after the verb."""
    o = patterns.match(_OF_THE_DEAD, text, m.end(), min(line_end, m.end() + 80))
    who = _people_phrase(o)
    if o is None or who is None or not count_is_plausible(text, *o.span("count")):
        return
    v = _value(o.group("count"), category, who)
    if v is not None:
        out.append(Found(o.start("count"), o.end(), o.start("count"), o.end("count"), v, "of-the-dead", 1))


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
        if any(count_is_plausible(text, *n.span()) for n in patterns.finditer(_ANY_NUMBER, text, parent.end, pos)):
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
