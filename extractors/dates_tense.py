"""Which way the verb around a date points: past, future, or no telling.

FACTS.md lets tense decide the year of a year-less date (``recalling the
summit in June`` is last June even when next June is nearer) and whether a
weekday lies before or after the publication date (``will meet on Monday``).
A full parser is out of reach of a rule-based extractor, so this reads the
verb group nearest the date: first leftwards within the clause (``said
Thursday``, ``will be followed on January 12``), then rightwards (``On
Monday, the minister will meet``).

A verb read across a clause boundary is a weak witness (see :func:`reading`):
in ``the commission said on Thursday, ruling out a vote in December`` the
vote's time is not the saying's, so the caller lets such a tense only break
a near tie between two readings instead of moving a date a whole year.
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
_PRESENT = frozenset("is are isn't aren't".split())  # not "am": "4 a.m." loses its dots
#: Present-tense verbs of a timetable: "the summit ends on Wednesday" is still to come.
_SCHEDULE = frozenset(
    "ends begins starts opens closes resumes meets visits arrives expires convenes hosts travels returns "
    "concludes runs lasts".split()
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
#: Participles that announce something still to come: "is scheduled for", "set to resume". After a
#: past auxiliary they say when a plan was made, not when it falls: "the vote, which was scheduled for
#: April 26" is as likely ahead as behind, so the tense is left open.
_FUTURE_PARTICIPLES = frozenset(
    """scheduled expected set due slated planned poised supposed intended proposed going likely about foreseen
    envisaged envisioned earmarked timetabled""".split()
)
#: Present-tense verbs of intent: "wants to consult on Thursday", "students plan rallies from August 16".
#: The bare forms are nouns as often ("the plan for March"): _phrase tells them apart.
_INTENT_PRESENT = frozenset(
    """want wants plan plans intend intends hope hopes aim aims seek seeks vow vows pledge pledges promise
    promises threaten threatens prepare prepares propose proposes""".split()
)
#: The last words of the phrases _phrase knows: "take effect", "enter into force", "plan rallies".
_PHRASE_ENDS = frozenset(["effect", "force", *_INTENT_PRESENT])
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
    put foreseen""".split()
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
    ("phrase", _PHRASE_ENDS),
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
    if "May" in chunk:
        chunk = chunk.replace("May", "month")  # the month (or Theresa May), not the modal "may"
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
        if aux in ("had", "hadn't"):
            return "pluperfect"
        return "open" if word in _FUTURE_PARTICIPLES else "past"  # "was scheduled for": a plan, either way
    if aux in _PERFECT:
        return "open"  # English puts no past date on a present perfect: the date is the object's
    return "future" if word in _FUTURE_PARTICIPLES else "present"


def _infinitive(word: str) -> bool:
    """Whether the word after ``to`` looks like a verb (``to acquire``) rather than a noun phrase."""
    return word.isalpha() and word not in _DETERMINERS and word not in _NOT_VERBS


def _is_noun(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` (words run right to left) follows a determiner or a possessive: "the plan"."""
    if i + 1 >= len(words):
        return False
    before = words[i + 1]
    return before in _DETERMINERS or before.endswith("'s")


#: Words that cannot be the object of "plan", "want" ...: "agreed on new plans on Tuesday" is a noun.
_NOT_OBJECTS = frozenset(
    "on in at for from by with to of about over since until after before during and or as than".split()
) | _DETERMINERS


_INTO_FORCE = (["come"], ["comes"], ["enter"], ["enters"])


def _phrase(words: list[str], i: int) -> Tense | None:
    """A timetable phrase ending at ``words[i]`` (words run right to left): "take effect", "enter into force"."""
    word = words[i]
    if word == "effect" and i + 1 < len(words) and words[i + 1] in ("take", "takes"):
        return "future"
    if word == "force" and words[i + 1 : i + 2] == ["into"] and words[i + 2 : i + 3] in _INTO_FORCE:
        return "future"
    if word in _INTENT_PRESENT and i and words[i - 1].isalpha() and words[i - 1] not in _NOT_OBJECTS:
        if not _is_noun(words, i):
            return "present"  # "students plan rallies from August 16"
    return None


def _read_left(words: list[str]) -> tuple[int, Tense | None]:
    """(index of the deciding word or -1, tense) from the words before a date, nearest first."""
    for i, word in enumerate(words[:_LEFT_WORDS]):
        kind = _KIND.get(word)
        if kind is None:  # inlined _is_past_participle: this loop runs for every word of every clause
            if word[-2:] != "ed" or len(word) < 4 or not word.isalpha() or word in _NOT_PAST_ED:
                continue
            kind = "participle"
        if kind == "future":
            return i, "future"
        if kind == "past-aux":
            return i, "pluperfect" if word in ("had", "hadn't") else "past"
        if kind == "to":
            if i + 1 >= len(words):
                continue
            before = words[i + 1]
            if before in _PRESENT:
                return i, "future"  # "is to meet"
            if before in _FUTURE_PARTICIPLES:
                aux = _aux_before(words, i + 1)
                if aux in ("had", "hadn't"):
                    return i, "past"
                return i, "open" if aux in _PAST_AUX else "future"  # "was due to begin": a plan, either way
            if i and _infinitive(words[i - 1]) and before not in _PREPOSITIONAL:
                if before in _INTENT_PRESENT and not _is_noun(words, i + 1):
                    return i, "future"  # "wants to consult on Thursday"
                return i, "open"  # "agreed to purchase ... in February", "orders to start ..."
            continue
        if kind == "present":
            return i, "present"
        if kind == "perfect":
            return i, "open"
        if kind == "schedule":
            return i, "future"
        if kind == "phrase":
            said = _phrase(words, i)
            if said is not None:
                return i, said
            continue
        aux = _aux_before(words, i)  # a participle
        if aux in _DETERMINERS:
            continue
        if word == "set" and aux is None and i and words[i - 1] == "for":
            return i, "future"  # "hearings set for Wednesday"; "a record set on Aug. 6" is past
        return i, _participle(word, aux)
    return -1, None


def _read_right(words: list[str]) -> tuple[int, Tense | None]:
    """(index of the deciding word or -1, tense) from the words after a date."""
    for i, word in enumerate(words[:_RIGHT_WORDS]):
        kind = _KIND.get(word)
        if kind is None:
            if word[-2:] != "ed" or len(word) < 4 or not word.isalpha() or word in _NOT_PAST_ED:
                continue
            kind = "participle"
        if kind == "to" or kind == "phrase":
            continue
        if kind == "future":
            return i, "future"
        if kind == "past-aux":
            return i, "pluperfect" if word in ("had", "hadn't") else "past"
        if kind == "schedule":
            return i, "future"
        if kind == "present" or kind == "perfect":
            following = [w for w in words[i + 1 : i + 4] if w not in _SKIP]
            if following and following[0] == "to" and word in _PRESENT:
                return i, "future"
            if following and _is_past_participle(following[0]):
                return i, _participle(following[0], word)
            return -1, None  # "Friday's purchases is far below": the verb is not the date's
        if i and words[i - 1] in _DETERMINERS:  # a participle: "the reduced dividend" is an adjective
            continue
        if words[i + 1 : i + 2] == ["to"]:
            return i, _participle(word, None)  # "on Monday expected to vote", "set to resume Monday"
        return i, "past"  # "The Commission on Wednesday proposed a package": the verb of the date's clause
    return -1, None



def _near_left(chunk: str) -> int:
    """How many words before a date lie within its own participle clause, -1 when it has none.

    In ``the commission said on Thursday, ruling out a vote in December`` the clause begun by
    ``, ruling`` holds the date; a verb further left says when the commission spoke.
    """
    near = chunk[chunk.rfind(", ") + 2 :].lstrip()
    first = near[: near.find(" ")]
    if first[-3:] != "ing" or not first.isalpha() or not first.islower():
        return -1
    return len(_words(near))


def _near_right(chunk: str) -> int:
    """How many words after a date come before the first comma, -1 when there is none."""
    comma = chunk.find(", ")
    return -1 if comma < 0 else len(_words(chunk[:comma]))


def reading(text: str, start: int, end: int) -> tuple[Tense | None, bool]:
    """(tense, firm) of the clause around ``text[start:end]``; the tense is None when no verb was found.

    A tense is not firm when its verb lies outside the date's own stretch of words: left of a
    participle clause the date sits in (``said on Thursday, ruling out a vote in December``), or
    right of a comma when words come before the date (``take effect on Jan. 17, the ministry said``).
    """
    chunk = text[_clause_start(text, start) : start]
    left = _words(chunk)
    left.reverse()
    i, said = _read_left(left)
    if i >= 0:
        if i == 0 or ", " not in chunk:
            return said, True  # the verb next to the date, or no comma to cross
        near = _near_left(chunk)
        if near < 0 or i < near:
            return said, True
        # the verb stands before the participle clause: the clause's own verb, if one follows, decides
        j, own = _read_right(_words(text[end : _clause_end(text, end)]))
        return (own, True) if j >= 0 else (said, False)
    after = text[end : _clause_end(text, end)]
    i, said = _read_right(_words(after))
    if i < 0 or len(left) < 3:
        return said, True  # nothing before the date but a preposition: "On Monday, the minister will meet"
    near = _near_right(after) if ", " in after else -1
    return said, near < 0 or i < near


#: Words that put a clause in the future by themselves, unlike a plan ("scheduled for Thursday").
_WILL = frozenset("will shall won't".split())


def will(text: str, start: int) -> bool:
    """Whether the verb before ``text[start:]`` is a plain future: ``will rule on Thursday``,
    ``it'll vote on Monday``, ``is to meet on Friday``."""
    w = text[start - 72 if start > 72 else 0 : start]  # a plain future stands close to its date
    if not ("ll " in w or " to " in w or "won" in w or "LL " in w or " TO " in w or "WON" in w):
        return False  # most weekdays: no "will", "shall", "'ll", "won't" or "is to" before them
    words = _words(text[_clause_start(text, start) : start])
    words.reverse()
    i, said = _read_left(words)
    if said != "future":
        return False
    word = words[i]
    if _KIND.get(word) == "participle" or word[-2:] == "ed":
        word = _aux_before(words, i) or ""  # "will be closed on Thursday"
    return word in _WILL or word.endswith("'ll") or (word == "to" and words[i + 1] in _PRESENT)


def tense(text: str, start: int, end: int) -> Tense | None:
    """What the clause around ``text[start:end]`` says of its time, None when no verb was found.

    The nearest verb, whether it governs the date or not: what a weekday needs (``said on Monday,
    ruling out ...``), and cheaper than :func:`reading`.
    """
    left = _words(text[_clause_start(text, start) : start])
    left.reverse()
    i, said = _read_left(left)
    if i >= 0:
        return said
    return _read_right(_words(text[end : _clause_end(text, end)]))[1]
