"""Which way the verb around a date points: past, future, or no telling.

FACTS.md lets tense decide the year of a year-less date (``recalling the
summit in June`` is last June even when next June is nearer) and whether a
weekday lies before or after the publication date (``will meet on Monday``).
A full parser is out of reach of a rule-based extractor, so this reads the
verb group nearest the date: first leftwards within the clause (``said
Thursday``, ``will be followed on January 12``), then rightwards (``On
Monday, the minister will meet``).
"""

from __future__ import annotations

from typing import Literal

#: "past" and "future" point a date back or forward ("pluperfect" too, and firmly: ``By May, four
#: million had fled``); "present" is a timetable (``the vote is on
#: Friday``); "open" is a verb whose time is not the date's (``has set Nov. 10 as the deadline``,
#: ``agreed to purchase ... in February``).
Tense = Literal["past", "pluperfect", "future", "present", "open"]

#: How far a date's clause is read, in characters and words.
_LEFT_CHARS = 100
_RIGHT_CHARS = 90
_LEFT_WORDS = 14
_RIGHT_WORDS = 10

_FUTURE = frozenset(
    "will shall would 'll won't wouldn't shan't must should could might may upcoming forthcoming".split()
)
_PAST_AUX = frozenset("was were had did wasn't weren't hadn't didn't".split())
_PERFECT = frozenset("has have haven't hasn't".split())
_PRESENT = frozenset("is are am isn't aren't".split())
#: Present-tense verbs of a timetable: "the summit ends on Wednesday" is still to come.
_SCHEDULE = frozenset(
    "ends begins starts opens closes resumes meets visits arrives expires convenes hosts travels returns "
    "concludes".split()
)
#: Words before "to" that make what follows a plan: "agreed to purchase ... in February".
_INTENT = frozenset(
    """agree agreed agrees agreement plan plans planned planning decide decided decides decision intend intends
    intended intention expect expects aim aims aimed seek seeks sought hope hopes hoped want wants wanted promise
    promised promises vow vowed vows pledge pledged pledges offer offered offers threaten threatened threatens
    prepare prepared prepares preparing bid deal move effort attempt ready proposal propose proposes""".split()
)
_DETERMINERS = frozenset("the a an its his her their our this these those such".split())
#: Words after "to" that begin a noun phrase, not an infinitive: "rose to more than", "talked to them".
_NOT_VERBS = frozenset(
    "more less about around some all each every one two three four five six seven eight nine ten him her them "
    "us me it what whom which power date".split()
)
#: Words before "to" that take a place or an amount, not a verb: "according to", "close to".
_PREPOSITIONAL = frozenset("according close next due prior up down back way".split())
#: Participles that announce something still to come: "is scheduled for", "set to resume".
_FUTURE_PARTICIPLES = frozenset(
    "scheduled expected set due slated planned poised supposed intended proposed going likely about".split()
)
#: Words that may sit inside a verb group without deciding its tense.
_SKIP = frozenset(
    "be been being not also already just recently never still reportedly officially finally previously "
    "originally initially only first formally quickly then now again later earlier even".split()
)
_IRREGULAR_PAST = frozenset(
    """said told met began came went took gave saw left held brought bought sent fell rose won lost made found
    paid struck led fled fought flew spoke wrote broke chose drove knew thought stood sold kept spent became got
    ran shot sank swore withdrew ate sought caught taught meant felt heard built lent dealt arose froze hid laid
    rode rang shook slid stole stuck swept threw tore woke wore drew grew blew overtook undertook forgot sprang
    understood mistook bit dug fed forgave hung spun wound upheld withheld overthrew foresaw says set hit cut
    put""".split()
)
#: Lowercase words ending in -ed that are not past verbs (or are mostly adjectives in news).
_NOT_PAST_ED = frozenset(
    """need speed seed feed bed red shed hundred indeed exceed proceed succeed breed greed deed weed bleed
    creed heed naked sacred wicked kindred sled wed based armed concerned interested worried limited related
    alleged unprecedented detailed advanced renewed united tired talented beloved preferred estimated""".split()
)


_ABBREVIATIONS = frozenset(
    "mr mrs ms dr gen col lt sgt capt maj rep sen gov st jan feb mar apr jun jul aug sep sept oct nov dec "
    "no vs inc corp ltd co jr sr prof rev mt ft".split()
)


#: What a word says of a clause's time: one lookup instead of a set test per class in the readers
#: below. Regular past participles (-ed) are tested apart. The lists share no word, so the order
#: the readers test the classes in cannot matter (test_dates checks that they stay disjoint).
_KIND: dict[str, str] = {}
for _class, _members in (
    ("participle", _IRREGULAR_PAST),
    ("schedule", _SCHEDULE),
    ("perfect", _PERFECT),
    ("present", _PRESENT),
    ("to", {"to"}),
    ("past-aux", _PAST_AUX),
    ("future", _FUTURE),
):
    _KIND.update(dict.fromkeys(_members, _class))
del _class, _members


def _is_past_participle(word: str) -> bool:
    if word in _IRREGULAR_PAST:
        return True
    return len(word) > 3 and word.endswith("ed") and word.isalpha() and word not in _NOT_PAST_ED


def _is_sentence_end(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` ends a sentence rather than ``Mr.``, ``Jan.`` or ``U.S.``."""
    lo = max(0, dot - 12)
    space = text.rfind(" ", lo, dot)
    word = text[space + 1 if space >= 0 else lo : dot].lstrip("(\"“'‘").lower()
    return len(word) > 1 and word not in _ABBREVIATIONS and "." not in word


def _clause_start(text: str, start: int) -> int:
    # searched in a slice with ``in`` first: most clauses hold no "!", "?", ";" or line break, and
    # an operator costs less than a method call
    lo = start - _LEFT_CHARS if start > _LEFT_CHARS else 0
    chunk = text[lo:start]
    best = 0
    if "! " in chunk or "? " in chunk or "; " in chunk:
        best = max(chunk.rfind("! "), chunk.rfind("? "), chunk.rfind("; ")) + 2
    if "\n" in chunk:
        best = max(best, chunk.rfind("\n") + 1)
    i = chunk.rfind(". ", best)
    while i >= 0:
        if _is_sentence_end(text, lo + i):
            return lo + i + 2
        i = chunk.rfind(". ", best, i)
    return lo + best


def _clause_end(text: str, end: int) -> int:
    chunk = text[end : end + _RIGHT_CHARS]
    best = len(chunk)
    for mark in ("! ", "? ", "; ", "\n"):
        if mark in chunk:
            best = min(best, chunk.find(mark))
    i = chunk.find(". ", 0, best)
    while i >= 0:
        if _is_sentence_end(text, end + i):
            return end + i
        i = chunk.find(". ", i + 2, best)
    return end + best


#: Punctuation dropped before splitting a clause into words; apostrophes stay for "won't", "it'll".
_DROPPED = "\"“”‘()[],.;:!?«»…*–—"
_DROP_ASCII = "".join(c for c in _DROPPED if c.isascii()).encode()
_LOWER_ASCII = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")
#: The rest of _DROPPED, and the curly apostrophe, which becomes a straight one.
_NON_ASCII = (*((c, "") for c in _DROPPED if not c.isascii()), ("’", "'"))


def _words(chunk: str) -> list[str]:
    # bytes.translate and one split are several times faster than a token pattern (or than
    # str.translate, which looks each character up in a dict), and punctuation inside a clause
    # does not change which verb governs the date. The few non-ASCII marks are replaced first.
    if chunk.isascii():
        return chunk.encode().translate(_LOWER_ASCII, _DROP_ASCII).decode().split()
    low = chunk.lower()
    for mark, to in _NON_ASCII:
        if mark in low:
            low = low.replace(mark, to)
    return low.encode("utf-8", "surrogatepass").translate(None, _DROP_ASCII).decode("utf-8", "surrogatepass").split()


def _aux_before(words: list[str], i: int) -> str | None:
    """The auxiliary governing the participle at ``words[i]`` (words run right to left)."""
    for word in words[i + 1 : i + 4]:
        if word in _SKIP:
            continue
        if word in _FUTURE or word in _PAST_AUX or word in _PERFECT or word in _PRESENT:
            return word
        if word == "to" or word in _DETERMINERS:
            return word  # "to be published": still to come; "the reduced dividend": an adjective
        return None
    return None


def _participle(word: str, aux: str | None) -> Tense:
    if aux is None:
        return "future" if word in _FUTURE_PARTICIPLES and word != "set" else "past"
    if aux in _FUTURE or aux == "to":
        return "future"
    if aux in _PAST_AUX:
        return "pluperfect" if aux in ("had", "hadn't") else "past"
    if aux in _PERFECT:
        return "open"  # English puts no past date on a present perfect: the date is the object's
    return "future" if word in _FUTURE_PARTICIPLES else "present"


def _infinitive(word: str) -> bool:
    """Whether the word after ``to`` looks like a verb (``to acquire``) rather than a noun phrase."""
    return word.isalpha() and word not in _DETERMINERS and word not in _NOT_VERBS


def _read_left(words: list[str]) -> tuple[bool, Tense | None]:
    """(decided, tense) from the words before a date, nearest first."""
    for i, word in enumerate(words[:_LEFT_WORDS]):
        kind = _KIND.get(word)
        if kind is None:  # inlined _is_past_participle: this loop runs for every word of every clause
            if word[-2:] != "ed" or len(word) < 4 or not word.isalpha() or word in _NOT_PAST_ED:
                continue
            kind = "participle"
        if kind == "future":
            return True, "future"
        if kind == "past-aux":
            return True, "pluperfect" if word in ("had", "hadn't") else "past"
        if kind == "to":
            if i + 1 >= len(words):
                continue
            before = words[i + 1]
            if before in _PRESENT:
                return True, "future"  # "is to meet"
            if before in _FUTURE_PARTICIPLES:
                aux = _aux_before(words, i + 1)
                return True, "past" if aux in _PAST_AUX else "future"
            if i and _infinitive(words[i - 1]) and before not in _PREPOSITIONAL:
                return True, "open"  # "agreed to purchase ... in February", "orders to start ..."
            continue
        if kind == "present":
            return True, "present"
        if kind == "perfect":
            return True, "open"
        if kind == "schedule":
            return True, "future"
        aux = _aux_before(words, i)  # a participle
        if aux in _DETERMINERS:
            continue
        return True, _participle(word, aux)
    return False, None


def _read_right(words: list[str]) -> Tense | None:
    for i, word in enumerate(words[:_RIGHT_WORDS]):
        kind = _KIND.get(word)
        if kind is None:
            if word[-2:] != "ed" or len(word) < 4 or not word.isalpha() or word in _NOT_PAST_ED:
                continue
            kind = "participle"
        if kind == "to":
            continue
        if kind == "future":
            return "future"
        if kind == "past-aux":
            return "pluperfect" if word in ("had", "hadn't") else "past"
        if kind == "schedule":
            return "future"
        if kind == "present" or kind == "perfect":
            following = [w for w in words[i + 1 : i + 4] if w not in _SKIP]
            if following and following[0] == "to" and word in _PRESENT:
                return "future"
            if following and _is_past_participle(following[0]):
                return _participle(following[0], word)
            return None  # "Friday's purchases is far below": the verb is not the date's
        if i and words[i - 1] in _DETERMINERS:  # a participle: "the reduced dividend" is an adjective
            continue
        return _participle(word, None)
    return None


def tense(text: str, start: int, end: int) -> Tense | None:
    """What the clause around ``text[start:end]`` says of its time, None when no verb was found."""
    left = _words(text[_clause_start(text, start) : start])
    left.reverse()
    decided, said = _read_left(left)
    if decided:
        return said
    return _read_right(_words(text[end : _clause_end(text, end)]))
