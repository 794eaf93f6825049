"""Figures standing before their casualty word: "61 soldiers killed", "12 people were injured".

The commonest wording and the hardest to read: between the figure and its
word may stand the people, auxiliaries, a place, a comma-bounded insertion
(", including two children,"), ages, or a list of groups sharing the verb,
and an active verb ("two gunmen killed") must not count its subject. The
readers for these live together because each hands what it cannot read to
the next.
"""

from __future__ import annotations

import regex

from extractors import patterns
from extractors.casualties_after import _LIVES_BEFORE, LIVES_REACH, _and, _and_elided
from extractors.casualties_forward import closes_word, count_end, skip_spaces, word_at
from extractors.casualties_found import Found, _one, _value
from extractors.casualties_gap import alternatives, gap_may_match, simple_gap
from extractors.casualties_parts import _LINKED_AFTER, _of_them
from extractors.casualties_people import (
    _AGE,
    _AUX,
    _GAP_WORDS,
    _ONE,
    _WHO,
    _WHO_BEFORE,
    _named_after,
    counts_animals,
    is_people,
)
from extractors.casualties_scan import (
    WORD,
    Trigger,
    clean_who,
    count_before,
    count_is_plausible,
    is_projection,
    mentions,
    word_before,
)
from extractors.numbers import COUNT, NUMBER_WORDS

#: Verbs taking the victims as object: "two gunmen killed ..." counts gunmen, not dead.
_TRANSITIVE = frozenset({"killed", "wounded", "injured", "hurt", "murdered", "massacred", "slain", "decapitated",
                         "beheaded"})  # fmt: skip
#: Nouns that never stand after "a soldier": "a soldier's death" is not "a soldier ... death".
_NO_SINGULAR = frozenset({"lives", "deaths", "death", "bodies", "fatalities", "toll", "injuries", "wounds"})
#: Nouns whose count's words are modifiers: "48 heat-related deaths" names a cause, "215 civilian deaths" people.
_MODIFIED_NOUNS = frozenset({"deaths", "fatalities", "injuries"})
_PASSIVE = patterns.lazy(r"\b(?:were|was|are|is|be|been|being|got|get|remain|remained|remains|resulted)\b")
#: Adverbs alone between the people and a verb leave the verb's voice to what follows ("two others badly hurt").
_ADVERBS = frozenset("seriously critically badly severely slightly lightly heavily heavy light gravely fatally mortally "
                     "reportedly also "
                     "later all now still already allegedly apparently initially subsequently eventually".split())
_PASSIVE_WORDS = frozenset(alternatives(_PASSIVE.pattern.removeprefix(r"\b")))
_PP = (
    rf"(?:\s+(?:on\s+board|aboard|in|at|from|inside|near|across)"
    rf"(?:\s+(?!were\b|was\b|are\b|is\b|have\b|has\b|had\b|and\b|who\b|that\b|which\b|when\b){WORD}){{1,5}}?)"
)

#: What may stand between a figure and its casualty word: "61| the number of Ukrainian soldiers |killed".
_GAP = patterns.lazy(
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
#: An age after one person: "a girl of 3 years" (translated copy), "a man aged 40".
_AGE_AFTER = r"(?:\s+of\s+\d{1,3}\s+years?(?:\s+old)?|,?\s+aged\s+\d{1,3},?)?"
_ONE_GAP = patterns.lazy(rf"(?:a|an|another)\s+{_AGE}(?P<who>{_ONE}){_AGE_AFTER}(?P<aux>(?:\s+{_AUX})*)\s+\Z")
_ARTICLES = frozenset({"a", "an", "another"})
_LOST_AFTER = patterns.lazy(r"\s+(?:(?:were|have\s+been|had\s+been|was)\s+)?lost\b")


#: One group before another that shares its verb: "Three soldiers and| two civilians were killed".
_GROUP_BEFORE = patterns.lazy(
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
    """Whether ``pos`` starts a clause: the window's start, a mark (a sentence's end too), or a word like "said"
    or "while" before it."""
    before = text[window:pos].rstrip()
    if not before or before[-1] in ",;:—–-(\"“'‘.!?":
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
_INSERTION = patterns.lazy(
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
_AGED = patterns.lazy(
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
        claimed = patterns.match(_LIVES_BEFORE, text, max(0, b.start - LIVES_REACH), b.start)
        lost = "lost" in b.aux or patterns.match(_LOST_AFTER, text, m.end(), min(len(text), m.end() + 30))
        if claimed is None and not lost:
            b = None
    if b is not None and _passive_ok(text, word, b.aux, m.end()):
        cs, ce = b.start, b.end
        if count_is_plausible(text, cs, ce) and not is_projection(text, cs, ce, pos, window):
            who = None if word == "toll" else clean_who(b.who)
            if who is None and word == "martyrs":
                who = word  # "rose to 9 martyrs" (translated copy): the noun names the people, as "victims" does
            if counts_animals(who):
                return  # "83 howler monkeys have died": animals are no casualties
            if word in _MODIFIED_NOUNS and who is not None and not is_people(who.split()[-1]):
                who = None  # "48 heat-related deaths": a cause, not the people
            v = _value(text[cs:ce], category, who)
            if v is not None:
                end = m.end()
                if v["who"] is None and not b.aux.strip():
                    named = _named_after(text, m.end(), word, text[ce:pos])
                    if named is not None:
                        end, v["who"] = named
                out.append(Found(cs, end, cs, ce, v, "count-before", 2))
                if end == m.end():  # "Three people were killed in Gaza and 12 in Israel"
                    stop = text.find("\n", end, end + 120)
                    _and_elided(text, end, stop if stop >= 0 else min(len(text), end + 120), category, out, out[-1])
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


_ACTIVE_OBJECT = patterns.lazy(rf"\s+(?:the|a|an|his|her|their|its|them|him|us|me|several|many|{COUNT})\b")
_OBJECTS = frozenset("the a an his her their its them him us me several many".split())


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
