"""Who a casualty figure counts: the words that name people, and the pattern pieces that read them.

"12 civilians", "three Afghan soldiers and a policeman", "Two of the dead
were children": every reader has to tell the people a figure counts from the
words around them (auxiliaries like "were", units, "said"). One vocabulary for
all of them keeps the readers agreeing on where a "who" starts and stops, and
builds the long person list into the patterns once.
"""

from __future__ import annotations

import regex

from extractors import patterns
from extractors.casualties_forward import Blocked
from extractors.casualties_gap import GapWords, every_word
from extractors.casualties_scan import STOP, UNIT, WORD, clean_who, mentions
from extractors.numbers import NUMBER

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
    r"listed\s+as|registered\s+as|classified\s+as|counted\s+as|listed|declared|considered|"
    r"severely|slightly|lightly|heavily|heavy|light|fatally|mortally|gravely|officially|either|both|"
    r"subsequently|eventually|"
    r"apparently|initially|remain|remained|remains|went|gone|who|that|since|shot|feared|presumed|"
    r"may\s+have|might\s+have|could\s+have|must\s+have|to\s+have|treated\s+for|suffered|sustained|"
    r"minor|serious|severe|lost\s+their|to\s+be|received|resulted|"
    r"taken\s+to\s+hospital\s+with|rushed\s+to\s+hospital\s+with|"
    r"hospitalised\s+with|hospitalized\s+with|evacuated\s+with|admitted\s+with|gunshot|stab|shrapnel)\b"
)
_WHO = rf"(?:\s+(?!{STOP}|{UNIT}|{_AUX}){WORD})"
#: "killed 20 people and driven out thousands": a verb after "and" starts a new clause, not more people.
_VERB_AFTER_AND = r"(?:\p{L}+ed|driven|left|taken|sent|made|forced|gone|fled|seen)\b"
#: "crew members and passengers", "Afghan soldiers and police" name one group; lazy before, greedy after.
_WHO_BEFORE = rf"(?:{_WHO}{{1,3}}?(?:\s+and{_WHO}{{1,3}}?)?)"
_WHO_AFTER = rf"(?:{_WHO}{{1,3}}(?:\s+and(?!\s+{NUMBER})(?!\s+{_VERB_AFTER_AND}){_WHO}{{1,3}})?)"
#: Plain words the gap pattern never takes for people: stop words, units, auxiliaries, "aboard", "inside".
_GAP_WORDS = GapWords(
    _AUX, every_word(STOP) | every_word(UNIT) | frozenset(["aboard", "inside", "number", "total", "board"])
)
#: The words the look-ahead of ``_WHO`` rules out, for reading plain "who" phrases without it.
_BLOCKED = Blocked(STOP, UNIT, _AUX)
#: "Two of the dead were children", "Nine of the bodies were those of children": who the part of a toll were.
_WERE_WHO = patterns.lazy(
    rf"(?:\s+(?-i:\p{{Ll}}+ed))?\s+(?:were|was|are|is)(?:\s+(?:all|mostly|also))?(?:\s+those\s+of)?(?P<who>{_WHO_AFTER})"
)
#: "3 missing persons", "12 dead civilians": the people stand after an adjectival casualty word.
_ADJECTIVES = frozenset({"missing", "dead", "injured", "wounded", "disappeared"})
_WHO_NEXT = patterns.lazy(rf"(?P<who>{_WHO_AFTER})")


def _person_words() -> frozenset[str]:
    words = set()
    for alt in _PERSON.split("|"):
        alt = alt.removeprefix("(?:").replace("\\s+", " ")
        if alt.replace(" ", "").isalpha():
            words.add(alt)
    return frozenset(words)


_PERSON_WORDS = _person_words()
#: Animals a figure may count instead of people ("83 howler monkeys have died"), singular: no casualties.
ANIMALS = frozenset("animal monkey ape bird dog cat cow cattle horse sheep goat pig camel chicken fish dolphin whale "
                    "elephant deer bat bee livestock poultry donkey mule buffalo turtle".split())
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


def counts_animals(who: str | None) -> bool:
    """Whether ``who`` names animals, not people ("howler monkeys", "dolphins"): such a figure is no casualty."""
    words = [w.lower().strip(".,") for w in (who or "").split()]
    if not any(w in ANIMALS or w[:-1] in ANIMALS for w in words):
        return False
    return not any(is_people(w) for w in words)


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
