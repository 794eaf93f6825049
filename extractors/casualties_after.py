"""Figures standing after their casualty word: "killing 12 people", "the deaths of 20", "the toll rose to 290",
"the dead number 40".

Each reader tries the pattern-free shortcuts of
:mod:`extractors.casualties_forward` first and falls back to the patterns here
only when they decline. The readers of a second group sharing the verb ("...
and 13 U.S. service members", "... in Israel and 1,100 in Gaza") live here too,
since the other readers reuse them.
"""

from __future__ import annotations

from extractors import patterns
from extractors.casualties_forward import and_count, closes_word, count_end, of_count, skip_spaces, toll_count, who_end, word_at
from extractors.casualties_found import _CATEGORY, Found, _one, _value
from extractors.casualties_gap import number_of_before
from extractors.casualties_people import (
    _AGE,
    _AUX,
    _BLOCKED,
    _GAP_WORDS,
    _ONE,
    _WHO,
    _WHO_AFTER,
    _people_head,
    counts_animals,
    is_people,
)
from extractors.casualties_scan import Trigger, clean_who, count_is_plausible, count_may_follow, is_projection, mentions
from extractors.numbers import COUNT

_NUMBER_OF = patterns.lazy(rf"(?r)\bthe\s+(?:total\s+)?number\s+of(?P<who>{_WHO}{{0,4}}?)(?:\s+{_AUX})*\s+\Z")


def _number_of(text: str, lo: int, hi: int) -> tuple[int, str] | None:
    """(start, who) of ``_NUMBER_OF`` in ``text[lo:hi]`` ("the number of| soldiers| killed"), or None."""
    if "number of" not in text[lo:hi].lower():
        return None
    fast = number_of_before(text, lo, hi, _GAP_WORDS)
    if fast is None:
        n = patterns.match(_NUMBER_OF, text, lo, hi)
        return (n.start(), n.group("who")) if n is not None else None
    return None if isinstance(fast, int) else fast


#: "killing| at least 12 civilians": the count right after the word, and the people it counts.
_FWD = patterns.lazy(rf"\s+(?P<count>{COUNT})(?:\s+of\b(?:\s+(?:the|them|those|its|their)\b)?)?(?P<who>{_WHO_AFTER}?)")
#: "killing| a policeman": one person after the word.
_FWD_ONE = patterns.lazy(rf"\s+(?:a|an|another)\s+{_AGE}(?P<who>{_ONE})")


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
        if count_is_plausible(text, cs, ce) and not counts_animals(named):  # "killed 83 howler monkeys"
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


_SPACES = frozenset(" \t\n\r\f\v")


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
        if i > ce and text[i : i + 2].lower() == "of" and i + 2 <= end and closes_word(text, i + 2, end):
            i = j = i + 2
            k = skip_spaces(text, j, end)
            word, x = word_at(text, k, end) if k > j else ("", k)
            if word in ("the", "them", "those", "its", "their") and closes_word(text, x, end):
                i = x
        else:
            i = ce
        w = who_end(text, i, end, _BLOCKED)
        if w is not None:
            return cs, ce, text[i:w], w
    f = patterns.match(_FWD, text, pos, end)
    if f is None:
        return None
    return f.start("count"), f.end("count"), f.group("who"), f.end()


#: "killed 170 Afghans| and 13 U.S. service members": a second group sharing the verb.
_AND = patterns.lazy(rf",?\s+(?:and|along\s+with)\s+(?P<count>{COUNT})(?P<who>{_WHO_AFTER})")
#: "killed nine patients| and a nurse": one more person sharing the verb.
_AND_ONE = patterns.lazy(
    rf",?\s+and\s+(?P<one>(?:a|an|another)\s+{_AGE}(?P<who>{_ONE}))(?!\s+(?:was|were|is|are|has|had|have|said|says|told|added|would|will|could|may|might|(?-i:\p{{Ll}}+ed))\b)"
)


def _and(text: str, pos: int, end: int, category: str, out: list[Found], first: Found) -> None:
    """"killed 170 Afghans and 13 U.S. service members": the second group shares the verb."""
    if not mentions(text, pos, end, ("and", "along")):
        return
    fast = and_count(text, pos, end, _BLOCKED) if text[pos:end].isascii() else None
    if fast is None:
        a = patterns.match(_AND, text, pos, end)
        fast = (a.start("count"), a.end("count"), a.group("who"), a.end()) if a is not None else -1
    if isinstance(fast, int):
        if _and_elided(text, pos, end, category, out, first):
            return
        one = patterns.match(_AND_ONE, text, pos, end) if _one_may_follow(text, skip_and(text, pos, end), end) else None
        if one is not None:
            os_ = one.start("one")
            out.append(Found(os_, one.end(), os_, one.end(), _one(category, one.group("who")), first.rule, 1,
                             first.parent))  # fmt: skip
        return
    cs, ce, who, a_end = fast
    plausible = count_is_plausible(text, cs, ce) and not counts_animals(who)  # "killed 83 howler monkeys"
    v = _value(text[cs:ce], category, _people_head(clean_who(who))) if plausible else None
    if v is not None:
        out.append(Found(cs, a_end, cs, ce, v, first.rule, 1, first.parent))


#: A place a figure is set in: "in Gaza", "in the West Bank", "in the Donetsk region" (capitalised, up to three
#: words, and perhaps the kind of place).
_PLACE = (
    r"(?:in|on|at|across|near)\s+(?:the\s+)?(?>(?-i:\p{Lu}[\p{L}\-'’]*)(?:\s+(?-i:\p{Lu}[\p{L}\-'’]*)){0,2}"
    r"(?:\s+(?:region|province|district|area|city|oblast|state|county|governorate|strip|valley|camp)\b)?)"
)
#: "killed 12 people| in Kharkiv, 5 in Odesa and 3 in Kherson": more figures, their people left out, each set
#: beside the first by a place of its own; a verb after one ("and 12 in Odesa were hurt") makes a new clause.
_NEXT_ELIDED = (
    rf"""(?:,\s+and|,|\s+and)\s+(?P<count>{COUNT})(?:\s+more)?\s+{_PLACE}
    (?!\s+(?:were|was|are|is|have|has|had|been|remain|remains|hurt|missing|who|that|which|fled|left|lost|fell|
    became|went|(?-i:\p{{Ll}}+ed))\b)"""
)
_AND_ELIDED = patterns.lazy(rf"\s+{_PLACE}{_NEXT_ELIDED}")
_NEXT = patterns.lazy(_NEXT_ELIDED)
_PLACE_WORDS = frozenset(["in", "on", "at", "across", "near"])


def _elided_may_match(text: str, pos: int, end: int) -> bool:
    """False only when ``_AND_ELIDED`` surely fails at ``pos``: it needs "in" (or "on" ...), perhaps "the", a
    capital, and an "and" later."""
    words = text[pos : pos + 40].split(None, 3)
    if len(words) < 3 or words[0].lower() not in _PLACE_WORDS or not text[pos : pos + 1].isspace():
        return False
    place = words[2] if words[1].lower() == "the" else words[1]
    return place[:1].isupper() and mentions(text, pos, end, ("and",))


def _and_elided(text: str, pos: int, end: int, category: str, out: list[Found], first: Found) -> bool:
    """"... 1,200 people in Israel and at least 1,100 in Gaza": the second figure counts the same people
    elsewhere, so it shares the verb; who they were is left unsaid. Whether it found one."""
    if not _elided_may_match(text, pos, end):
        return False
    e = patterns.match(_AND_ELIDED, text, pos, end)
    items: list[Found] = []
    joined = False  # a list ends with "and": "12 in Kerala, 4,000 in Assam lost their homes" is none
    while e is not None and count_is_plausible(text, *e.span("count")):
        v = _value(e.group("count"), category, None)
        if v is None:
            break
        items.append(Found(e.start("count"), e.end(), e.start("count"), e.end("count"), v, first.rule, 1, first.parent))
        joined = "and" in text[e.start() : e.start("count")]
        e = patterns.match(_NEXT, text, e.end(), end) if text[e.end() : e.end() + 1] in (",", " ") else None
    if not joined:
        return False
    out.extend(items)
    return True


#: "the deaths| of 12 people": the count after "of".
_OF = patterns.lazy(rf"\s+of\s+(?P<count>{COUNT})(?P<who>{_WHO_AFTER}?)")
_LIVES_BEFORE = patterns.lazy(
    r"""(?r)\b(?:claimed|claiming|claims|took|taken|taking|cost|costing|lost|losing)
    (?:,?\s+(?:so\s+far|thus\s+far|to\s+date|this\s+year|in\s+\d{4}|since(?:\s+[\w.-]+){1,5}?),?)?  # "cost since 2021"
    (?:\s+the)?\s+\Z"""
)
#: How far before a count ``_LIVES_BEFORE`` may start: the verb and a time phrase between ("cost since 2021 ...").
LIVES_REACH = 60


def _of_forward(text: str, m: Trigger, word: str, line_start: int, line_end: int, out: list[Found]) -> None:
    """"the deaths of 12 people", "the bodies of 20 migrants", "claimed the lives of 300 people"."""
    lo = max(line_start, m.start() - LIVES_REACH)
    if word == "lives" and patterns.match(_LIVES_BEFORE, text, lo, m.start()) is None:
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
        v = _value(text[cs:ce], "killed", clean_who(who)) if not counts_animals(who) else None
        if v is not None:
            out.append(Found(m.start(), f_end, cs, ce, v, "of-count", 2))


_TOLL = patterns.lazy(
    rf"""(?P<mid>(?:\s+(?-i:[\p{{L}}\d'’\-]+)(?:(?<=\d),)?){{0,12}}?)\s+           # "toll since October 7, 2023 increased| to"
    (?P<verb>to|at|of|reached|reaching|hit|passed|topped|exceeded|surpassed|crossed|stood\s+at|stands\s+at|now|above|
    beyond|exceeding|topping|numbered|totalled|totaled)
    \s+(?P<count>{COUNT})"""
)
_DEATH_TOLL = patterns.lazy(r"(?r)\b(?:death|dead|casualty|fatality)\s+\Z")


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
    if counts_animals(" ".join(text[ce : min(line_end, ce + 40)].split()[:3])):
        return  # "the deaths of 83 howler monkeys"
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
_MODAL_WORDS = patterns.lazy(r"\b(?:could|may|might|would|will|shall|expected|likely|feared)\b")


#: "the injured| count 1 214 persons", "those killed| number 40", "the wounded|, numbering about 300": a toll given
#: as the people's number.
_TALLY = patterns.lazy(
    rf"""(?:\s*,\s+(?:who\s+)?|\s+)(?:now\s+|still\s+)?(?:number|numbers|numbered|numbering|count|counts|counted|
    total|totals|totalled|totaled|totalling|totaling|(?:stand|stands|stood)\s+at)\s+(?P<count>{COUNT})
    (?P<who>{_WHO_AFTER}?)"""
)
_TALLY_HEADS = frozenset(
    "now still number numbers numbered numbering count counts counted total totals totalled totaled totalling "
    "totaling stand stands stood".split()
)


def _tally_may_match(text: str, pos: int) -> bool:
    """False only when ``_TALLY`` surely fails at ``pos``: the next word (after a comma and "who") is no verb of
    counting."""
    i, n = pos, len(text)
    while i < n and text[i].isspace():
        i += 1
    if text[i : i + 1] == ",":
        i += 1
    words = text[i : i + 40].split(None, 2)
    if words[:1] == ["who"]:
        words = words[1:]
    return bool(words) and words[0].lower() in _TALLY_HEADS


def _tally(text: str, m: Trigger, category: str, start: int, line_end: int, out: list[Found]) -> None:
    """"The injured count 1 214 persons", "the dead number 40": the figure after a verb of counting, the
    fact from ``start`` ("the"), since the people were named before it."""
    if not _tally_may_match(text, m.end()):
        return
    t = patterns.match(_TALLY, text, m.end(), min(line_end, m.end() + 100))
    if t is None or not count_is_plausible(text, *t.span("count"), labels=False):
        return
    who = clean_who(t.group("who"))
    if who is not None and not is_people(who.split()[-1]):
        return  # "the wounded, totalling 3 hospitals" counts no people
    v = _value(t.group("count"), category, who)
    if v is not None:
        out.append(Found(start, t.end(), t.start("count"), t.end("count"), v, "tally", 2))
