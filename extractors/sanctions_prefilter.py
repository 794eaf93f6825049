"""Necessary conditions, in plain ``str`` methods, for the sanctions patterns run most often.

Each check reads the case-folded text (same offsets as the original) and answers
False only where its pattern cannot match; only then is the call skipped, so results
stay exactly the pattern's. Most calls ask whether a short context ends with a cue
word (``in the``, ``against``) or starts with one: a split and an ``endswith`` decide
that for the great majority of places and mentions at no regex cost.

Why ``split()`` is safe: the patterns separate words with ``\\s``, and every ``\\s``
character is whitespace to ``str.split`` too (the converse fails only for
``\\x1c``-``\\x1f``, which can only add tokens to the end of a context, never hide
one). Cue words are letters, so their tokens are the same either way.
"""

from __future__ import annotations

from collections.abc import Callable
from string import digits

import regex

from extractors.numbers import NUMBER_WORDS
from extractors.sanctions_patterns import (
    _AID_BEFORE, _ATTACH, _BACK, _BY_BEFORE, _CASUALTY_AFTER, _CASUALTY_AROUND, _CLAUSE_BREAK, _COORDINATED,
    _DETERMINER, _HEAD, _HYPHENATED, _LOCATION_BEFORE, _MODIFIER_AFTER, _NAMED_PERSON, _NEW, _OBJECT, _OF_OTHER,
    _ORDINAL_PACKAGE, _OVER_BEFORE, _OWNER_GAP, _PASSIVE_GAP, _POSSESSIVE, _PREPOSITION_END, _STRONG_BEFORE,
    _SUBJECT_TAIL, _TARGET_BEFORE, _URGES, _VICTIM_BEFORE,
)

#: A predicate over (folded text, start, end) of the region the pattern is run on.
Check = Callable[[str, int, int], bool]


# --- what the last words of a context can be: each word's classes, as bits, worked out once per spelling ---

_BY, _THE, _THE_ITS, _LOCATION, _VICTIM, _VICTIM_PREPOSITION, _TARGET, _STRONG, _OVER, _PREPOSITION = (
    1 << i for i in range(10)
)
_AUXILIARY, _DETERMINER_WORD, _AID = 1 << 10, 1 << 11, 1 << 12
_CLASS_TESTS: tuple[tuple[int, tuple[str, ...], tuple[str, ...]], ...] = (  # bit, endings, stems anywhere
    (_BY, ("by",), ()),
    (_THE, (), ()),
    (_THE_ITS, (), ()),
    (_LOCATION, ("in", "at", "from", "to", "into", "across", "inside", "near", "within"), ("visit",)),
    (
        _VICTIM,
        ("aggression", "invasion", "incursion", "offensive", "war", "strike", "strikes", "support", "aid", "help",
         "arms", "weapons", "border", "shipping", "move", "moves", "moved", "moving", "act", "acts", "acted",
         "acting", "action", "to"),  # "to": the end of "threat(s, ened...) to"
        ("attack", "invad", "annex", "seiz", "escalat"),
    ),
    (_VICTIM_PREPOSITION, (), ()),
    (
        _TARGET,
        ("hit", "hits", "hitting", "sanctioned", "sanctions", "sanctioning", "against", "on", "upon"),
        ("threaten", "slap", "punish", "penalis", "penaliz", "target", "blacklist", "warn", "designat"),
    ),
    (_STRONG, ("of", "fund", "funding", "funded", "funds", "financ", "financing", "financed", "finances", "to",
               "with", "supplying", "help", "helps", "helped", "helping", "aid", "aids", "aided", "aiding", "assist",
               "assists", "assisted", "assisting", "for"), ()),
    (_OVER, ("over",), ()),
    (_PREPOSITION, ("in", "of", "for", "by", "after", "before", "from", "without", "on", "about"), ()),
    (_AUXILIARY, ("were", "was", "are", "is", "been", "be"), ()),
    (_DETERMINER_WORD, ("a", "an", "the", "these", "those", "its", "their", "his", "her", "all", "other", "already",
                        "previously"), ()),
    (_AID, ("aid", "assistance", "support", "military", "stimulus", "rescue", "bailout", "reform", "loan", "weapons",
            "arms", "security", "spending", "relief", "humanitarian", "investment", "recovery"), ()),
)
_EXACT_WORDS = {
    "the": _THE | _THE_ITS,
    "its": _THE_ITS,
    **{w: _VICTIM_PREPOSITION for w in ("on", "against", "of", "in", "into", "to", "for", "with")},
}
_CLASSES: dict[str, int] = {}


def _classes(word: str) -> int:
    """The bits of every cue ``word`` may end (``against`` ends a target cue) or be (``the``)."""
    found = _CLASSES.get(word)
    if found is None:
        found = 0
        for w, bits in _EXACT_WORDS.items():
            if word == w:
                found |= bits
        for bit, endings, stems in _CLASS_TESTS:
            if endings and word.endswith(endings) or any(map(word.__contains__, stems)):
                found |= bit
        if len(_CLASSES) < 100_000:  # a vocabulary, not a document: bounded all the same
            _CLASSES[word] = found
    return found


_NONE = (0, 0, 0)
# Text, start, end and classes of the last context read: one place's context is asked about several times in a row.
# One immutable tuple, swapped whole, so threads sharing the module never see half of an update.
_last_seen: tuple[str | None, int, int, tuple[int, int, int]] = (None, 0, 0, _NONE)


def _last3(f: str, start: int, end: int) -> tuple[int, int, int]:
    """The classes of the region's last three words when it ends in whitespace (as the patterns need), else 0s."""
    global _last_seen
    seen = _last_seen
    if seen[0] is f and seen[1] == start and seen[2] == end:
        return seen[3]
    if start >= end or not f[end - 1].isspace():
        found = _NONE
    else:
        words = f[start:end].rsplit(None, 3)
        n = len(words)
        found = (
            _classes(words[-3]) if n >= 3 else 0,
            _classes(words[-2]) if n >= 2 else 0,
            _classes(words[-1]) if n >= 1 else 0,
        )
    _last_seen = (f, start, end, found)
    return found


def _by(f: str, start: int, end: int) -> bool:  # by (the)?
    _, b, c = _last3(f, start, end)
    return bool(c & _BY or b & _BY and c & _THE)


def _location(f: str, start: int, end: int) -> bool:  # in (the)?, or pro-
    _, b, c = _last3(f, start, end)
    return bool(c & _LOCATION or b & _LOCATION and c & _THE) or f.endswith("pro-", start, end)


def _victim(f: str, start: int, end: int) -> bool:  # attack (on)? (the|its)?
    a, b, c = _last3(f, start, end)
    return bool(
        c & _VICTIM
        or b & _VICTIM and c & (_VICTIM_PREPOSITION | _THE_ITS)
        or a & _VICTIM and b & _VICTIM_PREPOSITION and c & _THE_ITS
    )


def _target(f: str, start: int, end: int) -> bool:  # threatened (the)? (word)?, or anti-
    a, b, c = _last3(f, start, end)
    return bool(c & _TARGET or b & _TARGET or a & _TARGET and b & _THE) or f.endswith("anti-", start, end)


def _strong(f: str, start: int, end: int) -> bool:  # funding (the)?
    _, b, c = _last3(f, start, end)
    return bool(c & _STRONG or b & _STRONG and c & _THE)


def _over(f: str, start: int, end: int) -> bool:  # over (the|its)?
    _, b, c = _last3(f, start, end)
    return bool(c & _OVER or b & _OVER and c & _THE_ITS)


def _preposition(f: str, start: int, end: int) -> bool:
    return bool(_last3(f, start, end)[2] & _PREPOSITION)


def _passive(f: str, start: int, end: int) -> bool:  # were (word)?
    _, b, c = _last3(f, start, end)
    return bool((b | c) & _AUXILIARY)


def _determiner(f: str, start: int, end: int) -> bool:
    return bool(_last3(f, start, end)[2] & _DETERMINER_WORD)


def _aid(f: str, start: int, end: int) -> bool:  # aid (word)?
    _, b, c = _last3(f, start, end)
    return bool((b | c) & _AID)


def _hyphen_before(f: str, start: int, end: int) -> bool:
    return f.endswith("-", start, end)


def _hyphen_at(f: str, start: int, end: int) -> bool:
    return f.startswith("-", start, end)


def _coordinated(f: str, start: int, end: int) -> bool:
    """Between two places: only a comma or a space, ``and``/``or``, ``the``."""
    words = f[start:end].replace(",", " ", 1).split(None, 3)
    return len(words) <= 2 and all(w in ("and", "or", "the") for w in words)


def _possessive(f: str, start: int, end: int) -> bool:
    return f.startswith(("'s", "’s"), start, end)


def _contains(*words: str) -> Check:
    def check(f: str, start: int, end: int) -> bool:
        return any(map(f[start:end].__contains__, words))  # map: no Python frame per word

    return check


_HEADS = ("package", "list", "round", "regime", "decision", "measures", "programme", "program", "tranche",
          "designations", "bill", "law", "relief", "waiver")  # fmt: skip


def _first_words(f: str, start: int, end: int, n: int) -> list[str] | None:
    """The first ``n`` words after ``start``, or None when they may lie beyond the slice read."""
    chunk = f[start : min(end, start + 120)]
    words = chunk.split(None, n)[:n]
    if len(words) < n and start + 120 < end:
        return None
    return words


def _head(f: str, start: int, end: int) -> bool:
    """``[\\s-]*`` then a head noun."""
    i = start
    while i < end and (f[i].isspace() or f[i] == "-"):
        i += 1
    return f.startswith(_HEADS, i, end)


def _space_then(words: tuple[str, ...]) -> Check:
    def check(f: str, start: int, end: int) -> bool:
        if start >= end or not f[start].isspace():
            return False
        found = _first_words(f, start, end, 1)
        return found is None or bool(found) and found[0].startswith(words)

    return check


_ATTACHED = _space_then(("imposed", "levied", "placed", "announced", "slapped", "on", "against", "upon", "targeting"))
_FILLERS = frozenset({"on", "against", "targeting", "of", "a", "an", "further", "another", "additional", "more",
                      "than", "at", "least"})  # fmt: skip
_NUMBER_STARTS = ("a-", "half", *sorted(NUMBER_WORDS))


def _numberish(word: str) -> bool:
    return word[0].isdigit() or not word[0].isascii() or word == "a" or word.startswith(_NUMBER_STARTS)


def _object(f: str, start: int, end: int) -> bool:
    """``\\s+`` then a count, after at most a preposition and a qualifier (``on at least 17``)."""
    if start >= end or not f[start].isspace():
        return False
    words = _first_words(f, start, end, 4)
    if words is None:
        return True
    for w in words:
        if _numberish(w):
            return True
        if w not in _FILLERS:
            return False
    return False


_TOLL_WORDS = (
    "killed", "dead", "die", "starv", "wounded", "injured", "arrested", "detained", "displaced", "fled", "flee",
)  # fmt: skip


def _casualty_after(f: str, start: int, end: int) -> bool:
    if start >= end or not f[start].isspace():
        return False
    words = _first_words(f, start, end, 3)
    return words is None or any(w.startswith(_TOLL_WORDS) for w in words)


_ISSUING_STEMS = (
    "impos", "reimpos", "slap", "announc", "adopt", "approv", "agree", "reached", "threaten", "sanction", "blacklist",
    "designat", "extend", "renew", "restor", "lift", "eas", "unveil", "levied", "levy", "hit", "expand", "tighten",
    "add", "froze", "freez", "propos", "prepar", "plan", "consider", "vow", "warn", "retaliat", "follow", "join",
    "put", "plac", "took", "taken", "takes", "taking",
)  # fmt: skip


def _subject_tail(f: str, start: int, end: int) -> bool:
    """An issuing verb among the first words after the place (``'s`` glued to the first word or not)."""
    for w in f[start:end].split(None, 8)[:8]:
        if w.startswith(_ISSUING_STEMS) or w.startswith(("'s", "’s")) and w[2:].startswith(_ISSUING_STEMS):
            return True
    return False


# --- what can stand right before a sanctions word and extend the mention back (``_BACK``) ---

#: Whole premodifiers of two or three characters ("EU", "new", "3rd"), and the last four characters of longer ones
#: ("sian" for "Russian", "omic" for "economic"); "anti-..." can end anyhow and is looked for apart. Derived from
#: the pattern by tests/extractors/test_sanctions.py, which says what to paste here when the patterns change.
BACK_SHORT = frozenset(
    [f"{d}{e}" for d in digits for e in ("st", "nd", "rd", "th")]
    + "car drc eu g-7 g20 g7 gas new of oil uae uk un us usa pmc gcc oas".split()
)
BACK_ENDINGS = frozenset(
    "-led abaa abia abwe acas ader aeda aeli agua aida aine airo aisi aiti alia alis amas ammy ance anda anis anon "
    "apan aqis ards aris arms arsh ased atar ated ates audi baab bama bans bern bian bias blic bloc byan cans cial "
    "coal cond cter cuba dans dary dian dias dova dprk dual duro e.u. eans eavy elan elhi elis emen ench enei enia "
    "enis enka enko enth eoul eral eran eria erra eted even eyen faso fice full g-20 gary gdom gent ghan gher ghth "
    "gian ging gner gton guan gypt hall hans hdad hest hina hing hird hran ians iban ibya ican iden ider ieth ifth "
    "iger ijan inea insk inth ions ipei iran iraq irgc irst irut isil isis iwan ixth jani jing kara kiev kish kiye "
    "kong kyiv land lans lese lfth lian lias ling llah llas llen logy mako mali mans many mbia meni ment mese mlin "
    "more mpeo nada ncil ndan ndas ndia ndon nese nful nian nias nion nken nmar nsky nson nted obal odia ofac ogan "
    "okyo omic onal ongo opia oral orea orps otal ough ouse ovan ovas owas pean pian ping poli port raab rade rael "
    "raqi rare rati rbia rean reet rell resh rian rias rica rict rkey rlin rman rmer road roup rump russ rway s.a. "
    "same scow sels sher sian sion sive skiy skyy snia sovo ssad ssia stan sury tain tani tari tate tawa tern test "
    "ther this tial tian tine tion tish tive tory toum trea trol u.k. u.n. u.s. uans uard uban ubio udan udis uela "
    "unak unsc urma urth uthi utin vana vans vere vier wean wiss xico yadh yang yans yria gali hasa idaw ince itaw ngui"
    " rfur ofan ague igad nity sadc sean abat ador aini ajik akhs akry alan alas ania anka anoi arta azil beks ccan"
    " desh enya eshi esia gias gkok haka iers ilia ines inis inos ique isia itis ivia jiks kans linn lish lisi mala"
    " nean neas nila nkan nkas nyan nyas occo onia oran pala pino rain rans rgia rgyz riga robi roon rsaw shis sias"
    " ssau tana thai tnam tvia undi unis uran uras vian vias wait zakh zbek azia egro etia grin pska rins seco tria"
    .split()
)


def _back(f: str, start: int, end: int) -> bool:
    """A premodifier (``new``, ``EU``, ``sixth package of``) may end right before the whitespace before ``end``."""
    i = end
    while i > start and f[i - 1].isspace():
        i -= 1
    if i == end:
        return False  # _BACK ends in \s+: with no space before the word, its match is empty
    return may_end_premodifier(f, start, i)


def may_end_premodifier(f: str, start: int, i: int) -> bool:
    """A premodifier (or the ``of`` of ``package of``, the ``same`` of ``the same``) may end at ``i``."""
    if i - start < 4:
        return True
    last4 = f[i - 4 : i]
    return (
        f[i - 2 : i] in BACK_SHORT
        or f[i - 3 : i] in BACK_SHORT
        or last4 in BACK_ENDINGS
        or not last4.isascii()
        or "anti-" in f[start:i]
    )


def may_govern(gap: str) -> bool:
    """Necessary for ``_GOVERNED_GAP`` to fullmatch ``gap``: at most four words, no clause punctuation."""
    if any(c in gap for c in ",;:.!?“”\"()"):
        return False
    if gap and not gap[-1].isspace():
        return False
    # Only \x1c-\x1f split words for str.split and not for \s: with them about, counting words proves nothing.
    return len(gap.split(None, 4)) <= 4 or any(c in gap for c in "\x1c\x1d\x1e\x1f")


def may_list(line: str) -> bool:
    """Necessary for ``_LIST_LINE``: a colon (``Tags:``) or three separators."""
    return ":" in line or sum(line.count(c) for c in ",|•·") >= 3


_BREAKS = (*",;:“”\"()–—", "while", "but", "whereas", "after", "when", "which", "who", "that")


def _clause_break(f: str, start: int, end: int) -> bool:
    return any(map(f[start:end].__contains__, _BREAKS))


_ORDINAL_HEADS = _contains("package", "round", "tranche", "wave", "batch", "set", "first")

#: Pattern -> necessary condition on the folded region it is run over.
CHECKS: dict[regex.Pattern[str], Check] = {
    _BY_BEFORE: _by,
    _LOCATION_BEFORE: _location,
    _VICTIM_BEFORE: _victim,
    _TARGET_BEFORE: _target,
    _STRONG_BEFORE: _strong,
    _OVER_BEFORE: _over,
    _PREPOSITION_END: _preposition,
    _HYPHENATED: _hyphen_before,
    _MODIFIER_AFTER: _hyphen_at,
    _COORDINATED: _coordinated,
    _POSSESSIVE: _possessive,
    _OWNER_GAP: _possessive,
    _URGES: _contains("urg", "ask", "call", "press", "push", "accus", "want"),
    _NEW: _contains("new", "fresh", "further", "additional", "another", "more", "first-ever", "tougher", "harsher",
                    "stricter", "wider", "broader", "package", "round", "tranche"),
    _ORDINAL_PACKAGE: _ORDINAL_HEADS,
    _NAMED_PERSON: _contains("leader", "chief", "commander", "official", "oligarch", "businessm", "businessw",
                             "tycoon", "minister", "president", "general", "banker", "executive", "head", "financier",
                             "warlord", "founder", "owner"),
    _HEAD: _head,
    _ATTACH: _ATTACHED,
    _OBJECT: _object,
    _CASUALTY_AFTER: _casualty_after,
    _CASUALTY_AROUND: _contains("kill", "dead", "died", "wounded", "injur", "arrest", "detain", "displac", "evacuat",
                                "employ"),
    _CLAUSE_BREAK: _clause_break,
    _PASSIVE_GAP: _passive,
    _DETERMINER: _determiner,
    _AID_BEFORE: _aid,
    _OF_OTHER: _space_then(("of",)),
    _SUBJECT_TAIL: _subject_tail,
    _BACK: _back,
}
