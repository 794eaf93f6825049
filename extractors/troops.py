"""Troop counts: how many military personnel a side has, sends or masses somewhere.

Keyword-first like the casualty extractor: troop nouns (``troops``,
``soldiers``, ``servicemen``, ``forces``, ``personnel``, ``reservists``) are
found by substring search and the count is looked for just before them. A
figure the casualty extractor already reports ("20 Indian soldiers were
killed") is a casualty only, so those are skipped.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any, ClassVar

import regex

from extractors import patterns
from extractors.base import Context, Extraction, Extractor
from extractors.casualties import Found, find_casualties
from extractors.casualties_forward import Blocked
from extractors.casualties_scan import (
    STOP,
    UNIT,
    WORD,
    LocalLayout,
    Trigger,
    count_before,
    count_is_plausible,
    find_words,
    local_layout,
    mentions,
    trigger_at,
)
from extractors.numbers import COUNT, parse_count, parse_number
from extractors.troops_companion import companions
from extractors.troops_gap import gap_mods
from extractors.troops_sides import SIDES as _COUNTRIES
from extractors.troops_sides import mission_side, sentence_side

#: Substrings that start every troop word; one substring search each, so the list is kept short.
_STEMS = ("troop", "soldier", "service", "personnel", "reservist", "forces", "marines", "paratrooper", "conscript",
          "guardsmen", "commandos", "peacekeepers", "strong", "effectives", "military")  # fmt: skip
_TRIGGER = patterns.lazy(
    r"""(?P<w>troops|soldiers|servicemen|servicewomen|servicemembers|service\s+members|personnel|reservists|
    forces|marines|paratroopers|conscripts|guardsmen|commandos|peacekeepers|effectives
    |military(?=\s*[.,;:]|\s+(?:more|were|are|was|will|would|have|had|in|to|from|on|at|deployed|stationed|already|
        based|who)\b)                                           # translated copy: "will send 25.000 military more"
    |troop(?=\s+(?:presence|levels?|numbers|strength|ceiling)\b)
    |strong(?=\s+(?:(?-i:[\p{L}\-]+)\s+)?(?:army|force|forces|contingent|garrison|brigade|division|military|troops)\b))\b"""
)
_TRIGGER_WORDS = frozenset(
    "troops soldiers servicemen servicewomen servicemembers personnel reservists forces marines paratroopers "
    "conscripts guardsmen commandos peacekeepers effectives".split()
)
_TRIGGER_PHRASES = frozenset(["service", "strong", "troop", "military"])
#: The word before "military" as a noun: a figure ("25.000 military"), not "the Nigerian military".
_FIGURE_ENDS = ("thousand", "hundred", "million", "thousands", "hundreds", "dozens", "dozen")
#: Words between a figure and the troop noun: "U.S.", "Russian", "additional", "active-duty", "army".
_MOD = rf"(?:\s+(?!{STOP}|{UNIT}){WORD})"
#: What may stand between a figure and the troop noun: "100,000| Russian |troops", "tens of thousands| of Russian |soldiers".
_GAP = patterns.lazy(rf"(?:\s+of(?:\s+(?:its|their|our))?)?(?P<mods>{_MOD}{{0,3}}?)\s+\Z")
_BLOCKED = Blocked(STOP, UNIT)
_OWNER = patterns.lazy(rf"(?r)(?P<owner>{WORD})['’]s\s+\Z")
_STRONG = patterns.lazy(rf"(?r)(?P<count>{COUNT})-\Z")
_NUMBER_OF = patterns.lazy(rf"(?r)\b(?P<head>number\s+of)(?P<mods>{_MOD}{{0,3}}?)\s+\Z")
_AT_COUNT = patterns.lazy(
    rf"""(?:\s+(?-i:[\p{{L}}'’.\-]+)){{0,4}}?\s+
    (?:at|to|of|is|was|stood\s+at|stands\s+at|reached|from\s+{COUNT}\s+to)\s+(?P<count>{COUNT})"""  # "from 2,500 to 2,000"
)
#: "Russian forces, numbering 5,000", "its armed forces now number about 1.5 million" (no noun after the figure).
_NUMBERING = patterns.lazy(
    rf""",?\s+(?:(?:now|currently|still|today)\s+)?
    (?:numbering|totalling|totaling|number|numbers|numbered|total|totals|totalled|totaled)\s+(?P<count>{COUNT})"""
)
_SIZE_VERBS = ("number", "total")
#: Not a troop count: police and other non-military people, or soldiers who are a casualty or a prisoner.
_NOT_MILITARY = patterns.lazy(r"\b(?:police|policemen|border|rebel|opposition|militia|prison)\b")
_OF_POLICE = patterns.lazy(
    r"\s+of\s+(?:the\s+)?(?:[\p{L}\-.]+\s+){0,4}?(?:police|gendarmerie|fire\s+(?:brigade|service|department)|civil\s+defen[cs]e)\b"
)
_POLICE_WORDS = ("police", "gendarmerie", "fire", "civil")
_CASUALTY_AFTER = patterns.lazy(
    r"""(?:\s+(?:of|and)(?:\s+(?!(?:were|was|are|is)\b)[\p{L}\-.'’]+){1,4}?)?   # "soldiers of the Malian army| were killed"
    (?:\s+(?:were|was|are|is|have|has|had|been|being|reportedly|also|later|all|now|still|so\s+far|
    already|confirmed|reported|believed|feared|presumed|found|taken))*\s+
    (?:killed|dead|died|wounded|injured|hurt|missing|captured|detained|arrested|prisoner|prisoners|
    surrendered|executed|lost)\b"""
)
#: Word stems one of which each of _CASUALTY_AFTER and _CASUALTY_BEFORE needs: a window with none is not matched.
_CASUALTY_AFTER_WORDS = ("kill", "dead", "died", "wound", "injur", "hurt", "missing", "captur", "detain", "arrest",
                         "prisoner", "surrender", "execut", "lost")  # fmt: skip
_CASUALTY_BEFORE_WORDS = ("kill", "wound", "injur", "death", "bodies", "lives", "captur", "detain", "arrest", "freed",
                          "releas", "exchang", "swap", "execut")  # fmt: skip
_CASUALTY_BEFORE = patterns.lazy(
    r"""(?r)\b(?:killing|killed|kills|wounding|wounded|injuring|injured|deaths\s+of|death\s+of|bodies\s+of|
    lives\s+of|captured|capturing|detained|arrested|freed|released|exchanged|swapped|executed)\s+\Z"""
)

#: Verbs by which a side holds, sends or plans troops; "has", "had" and "have" only as the main verb.
_HOLDING_VERB = (
    r"(?:has|have|had)(?!\s+(?:\p{Ll}+ly\s+)*(?:\p{Ll}{2,}ed|been|seen|taken|given|shown|known|done|gone|made|"
    r"told|put|sent|kept|held|built|cut|brought|become|begun|won|lost|led|withdrawn|drawn|grown)\b)"
    r"|(?:is|was|are|were)\s+(?:deploying|sending|massing|keeping|stationing|moving|contributing|providing|fielding)"
    r"|announced\s+(?:the\s+)?(?:mobili[sz]ation|deployment|dispatch|call-up)\s+of"
    r"|(?:will|would|could|can|may|might|must|should|is|was|plans|planned|intends|intended|wants|wanted)\b"
    r"|(?:(?:has|have|had|will|would|is|was|plans\s+to|planned\s+to|intends\s+to|wants\s+to|is\s+to|"
    r"agreed\s+to|decided\s+to|pledged\s+to|promised\s+to)(?:\s+\p{Ll}+ly)*\s+)?"
    r"(?:sent|sends|send|deployed|deploys|deploy|moved|moves|move|massed|masses|mass|amassed|amass|stationed|"
    r"stations|station|mobilised|mobilized|mobilises|mobilizes|mobilise|mobilize|committed|commits|commit|"
    r"called\s+up|calls\s+up|call\s+up|ordered|orders|pledged|pledges|pledge|promised|contributed|contributes|"
    r"contribute|dispatched|dispatches|dispatch|withdrew|withdrawn|withdraws|withdraw|pulled|pulls|pull|boosted|"
    r"increased|reduced|cut|cuts|added|adds|add|reinforced|gathered|concentrated|built|numbered|numbers|number|"
    r"fields|fielded|field|employs|employed|trained|recruited|recruits|recruit|drafted|needs|wants|put|puts|"
    r"positioned|rotated|rotates|rotate|brought|brings|bring|keeps|kept|keep|maintains|maintained|maintain|"
    r"counts|counted|count|hosts|hosted|host|holds|held|musters|mustered|rushed|rushes|rush|raised|"
    r"consolidated|consolidates|consolidate|hold|holds)"
)
#: Capitalized words that start a sentence without naming a side.
_NOT_SIDE = r"(?:The|A|An|Its|Their|His|Her|This|That|These|Those|Some|Many|Both|Other)\b"
_NOT_SIDE_WORDS = frozenset(_NOT_SIDE[3:-3].split("|"))
#: What follows a side to make it the subject: "(FARDC)", ", which analysts say", adverbs, then a verb.
_SUBJECT_TAIL = rf"""
    (?:\s*\([^()]{{1,30}}\))?
    (?:\s*,\s*which(?:\s+\p{{Ll}}+){{0,3}}?|\s*,\s*which\s[^,;:()]{{1,60}},  # "Finland, which joined NATO in 2023, has"
      |\s*,(?:\s+\p{{Ll}}+){{1,4}}\s*,                                        # "Ukraine, for its part, has"
      |\s*,\s*\p{{Lu}}[\p{{L}}\-]*(?:\s+\p{{Lu}}[\p{{L}}\-]*){{0,3}}\s*,)?         # "The UN's mission in Mali, MINUSMA, had"
    (?:\s+(?:(?:still|now|also|currently|already|alone|itself|themselves|meanwhile|reportedly|recently|then|further|as\s+a\s+whole|
        together|combined|\p{{Ll}}+ly)\s+)*
      (?:{_HOLDING_VERB}
        |(?P<say>said|says|say))
      |\s*,\s*(?:estimated|put|believed|thought|said)\s+(?:at|to\s+(?:be|number)))\b"""  # "the Saudi forces, estimated at"
#: A named side as subject. It starts with the names, so the engine looks for them alone; the army phrases
#: that start otherwise are in ``_ARMY_SUBJECT``, run only where "army" or "military" is written.
_SUBJECT = patterns.lazy(
    rf"""(?<![\p{{L}}.])(?<!\b(?i:in|into|inside|near|at|across|to|towards|toward)\s)  # "the mission in| South Sudan said"
    (?<!\b(?:South|North|Equatorial|New|DR)\s)                                    # nor "South| Sudan"
    (?P<actor>(?:{_COUNTRIES})(?:\s*,\s*(?:{_COUNTRIES}))*                         # "Britain, France and Denmark keep"
      (?:,?\s+and\s+(?:the\s+)?(?:{_COUNTRIES})(?![\p{{L}}'’]))?)                # "Malawi and Tanzania, which contribute"
    (?:(?P<own>['’]s\s+(?:army|military|junta)|-led\s+coalition)               # Sudan's army, the U.S.-led coalition
      |['’]s\s+(?:own\s+)?(?:armed\s+forces|forces|government|defen[cs]e\s+ministry)  # Russia's armed forces: Russia
      |['’]s\s+own\s+(?:army|military)                                       # Senegal's own army: Senegal
      |(?:['’]s|(?<=s)['’])\s+(?:[\p{{L}}\-]+\s+){{0,2}}(?:mission|force|contingent|deployment|garrison|brigade)
        (?:\s+in\s+\p{{Lu}}[\p{{L}}\-]+)?                                      # the EU's training mission: EU
      |(?![\p{{L}}'’])
        (?:\s+(?:peacekeeping\s+)?(?:military|army|armed\s+forces|deployment|mission|forces|force|troops|contingent|navy|
            government|defen[cs]e\s+ministry|allies|members)(?:\s+in\s+\p{{Lu}}[\p{{L}}\-]+)?)?
    ){_SUBJECT_TAIL}""",
    patterns.FLAGS & ~regex.IGNORECASE,
)
_ARMY_SUBJECT = patterns.lazy(
    rf"""(?<![\p{{L}}.])
    (?:(?P<actor>(?!{_NOT_SIDE})\p{{Lu}}[\p{{L}}\-]+\s+(?:army|military|Armed\s+Forces))  # the Lebanese army
      |(?P<actor>army\s+of\s+(?:{_COUNTRIES}))(?![\p{{L}}'’])                  # the army of Sudan
      |(?P<actor>\p{{Lu}}\p{{Ll}}+(?:an|ese|ish|ch|i))\s+(?:contingent|forces|troops|force|grouping|group|garrison|
        units|brigade|battalion|deployment|mission)(?:\s+(?:in|on|near|at)\s+(?:the\s+)?[\p{{L}}\-]+)?  # the Rwandan contingent
      |(?:forces|army|troops|military|units)\s+of\s+(?:the\s+)?                # the forces of the Southern Transitional
        (?P<actor>(?!{_NOT_SIDE})\p{{Lu}}[\p{{L}}\-]+(?:\s+(?:of\s+|for\s+)?\p{{Lu}}[\p{{L}}\-]+){{0,4}})  # Council deployed
    ){_SUBJECT_TAIL}""",
    patterns.FLAGS & ~regex.IGNORECASE,
)
_ACTOR_AFTER = patterns.lazy(
    rf"""\s+(?:(?:already|currently|now)\s+)?
    (?P<prep>from|of|(?:serving|deployed|operating)\s+(?:with|under))\s+(?:the\s+)?(?:\d+\s+)?  # "of 9 NATO states"
    (?P<actor>(?!{_NOT_SIDE})\p{{Lu}}[\p{{L}}\-]+\s+(?i:army|military|armed\s+forces)
      |(?:{_COUNTRIES})(?:\s+and\s+(?:{_COUNTRIES}))?\b)""",                  # "of Russia and Belarus"
    patterns.FLAGS & ~regex.IGNORECASE,
)
_SMALL_FORCES = 100
#: "could deploy 50,000 more troops" is a scenario; "will deploy 800 troops" is an announced plan, a fact.
_SPECULATION = patterns.lazy(r"(?r)\b(?:could|may|might)(?:\s+(?-i:[\p{L}'’\-]+)){0,3}?\s*\Z")
#: "personnel" alone may be a bank's staff; it counts as troops only with a military word nearby.
_MILITARY = patterns.lazy(
    r"\b(?:military|army|armed|navy|naval|air\s+force|defen[cs]e|active[-\s]duty|troops|soldiers|forces|deploy\w*|"
    r"station\w*|NATO|war|combat|peacekeep\w*|border|front|corps|coalition|carriers?|brigades?|battalions?|"
    r"garrisons?|bases?|drills|exercises?|marines|battle\s*groups?|contingents?|servicem[ae]n|servicewom[ae]n|"
    r"service\s+members|reservists|conscripts|paratroopers)\b"
)


class TroopsExtractor(Extractor):
    """Counts of military personnel, with the side they belong to.

    "Russia has massed more than 100,000 troops near the border." yields
    ``more than 100,000 troops`` {min 100000, max null, qualifier at_least, actor "Russia"}.
    """

    name: ClassVar[str] = "troops"
    version: ClassVar[str] = "1.3.0"
    kinds: ClassVar[tuple[str, ...]] = ("troops",)

    def extract(self, text: str, context: Context) -> Iterator[Extraction]:
        hits = find_words(text, _STEMS)
        if not hits:
            return
        layout = local_layout(text)
        casualties: tuple[Found, ...] | None = None  # computed only once a troop figure needs checking
        starts: list[int] = []
        seen: set[tuple[int, int]] = set()
        last: tuple[int, str | None] = (-1, None)  # where the last troop fact ended, and its side
        for pos in hits:
            if text.startswith("military", pos) and not _after_figure(text, pos):
                continue
            m = trigger_at(text, pos, _TRIGGER_WORDS, _TRIGGER_PHRASES, _TRIGGER, 80)
            fact = _fact(text, m, layout) if m is not None else None
            if fact is None or layout.is_furniture(fact[0]):
                continue
            start, end, count_span, value, rule = fact
            if casualties is None:
                casualties = find_casualties(text)
                starts = [f.start for f in casualties]
            near = casualties[max(0, bisect.bisect_left(starts, start) - 3) : bisect.bisect_left(starts, end)]
            if count_span in seen or any(f.start < end and start < f.end for f in near):
                continue
            seen.add(count_span)
            if value["actor"] is None and last[1] is not None and _joined(text, last[0], start):
                value["actor"] = last[1]  # "at 600,000 troops, with hundreds of thousands of reservists mobilised"
            last = (end, value["actor"])
            yield Extraction("troops", start, end, text[start:end], value, rule)
            for (es, ee), figure, rule in _earlier_figures(text, count_span, end, layout, value):
                if (es, ee) in seen or any(f.start < ee and es < f.end for f in casualties):
                    continue  # "... and 3 in Kyiv were hurt" counts casualties
                seen.add((es, ee))
                yield Extraction("troops", es, ee, text[es:ee], figure, rule)


#: What joins two troop figures of one side in a sentence: "... troops, with ...", "... troops and ...".
_JOINERS = frozenset(["with", "and", "including", "plus", "of whom", "among them", "as well as"])


def _after_figure(text: str, pos: int) -> bool:
    prev = text[max(0, pos - 12) : pos].split()[-1:]
    return bool(prev) and (prev[0][-1:].isdigit() or prev[0].lower() in _FIGURE_ENDS)


def _joined(text: str, prev_end: int, start: int) -> bool:
    return 0 <= start - prev_end <= 16 and text[prev_end:start].strip(" ,").lower() in _JOINERS


def _fact(
    text: str, m: Trigger, layout: LocalLayout
) -> tuple[int, int, tuple[int, int], dict[str, Any], str] | None:
    pos = m.start()
    line_start = layout.line_start(pos)
    window = max(line_start, pos - 80)
    word = m.group("w").lower()
    if word == "strong":
        b = patterns.match(_STRONG, text, window, pos)
        if b is None:
            return None
        cs = b.start("count")
        lo = max(window, cs - 30)
        owner = patterns.match(_OWNER, text, lo, cs) if _may_own(text, lo, cs) else None  # "Venezuela's 175k-strong"
        return _build(text, b.span("count"), None, cs, m.end(), "strong", layout, m.end(),
                      owner.group("owner") if owner else None)  # fmt: skip
    if word == "troop":  # "cut its troop presence there to fewer than 1,000"
        a = patterns.match(_AT_COUNT, text, m.end(), min(layout.line_end(pos), m.end() + 60))
        after = text[a.end() : a.end() + 20].split()[:1] if a is not None else []
        if a is None or (after and after[0].rstrip(".,;:").lower() in _TRIGGER_WORDS):
            return None  # "... to fewer than 1,000 soldiers": the noun's own count
        return _build(text, a.span("count"), None, pos, a.end(), "troop-level", layout, m.end())
    span = count_before(text, window, pos, 5)
    if span is not None and text[span[0] : span[0] + 5].lower() == "from ":
        to = text.lower().find(" to ", span[0], span[1])  # "from 2,500 to 2,000 troops": a change, not a range
        span = (to + 4, span[1]) if to >= 0 else span
    if span is None and "number of" not in text[window:pos].lower() and not mentions(text, m.end(), m.end() + 20, _SIZE_VERBS):
        return None  # most mentions ("Kiev forces", "its troops") have no figure at all
    after_end = min(len(text), m.end() + 60)
    if mentions(text, m.end(), after_end, _CASUALTY_AFTER_WORDS) and patterns.match(
        _CASUALTY_AFTER, text, m.end(), after_end
    ):
        return None
    if (
        text[m.end() : m.end() + 4].lower() == " of "
        and mentions(text, m.end(), after_end, _POLICE_WORDS)
        and patterns.match(_OF_POLICE, text, m.end(), after_end)
    ):
        return None  # "3,200 personnel of the Metro Jaya Regional Police"
    n = patterns.match(_NUMBER_OF, text, window, pos) if "number of" in text[window:pos].lower() else None
    if n is not None:
        a = patterns.match(_AT_COUNT, text, m.end(), min(layout.line_end(pos), m.end() + 60))
        if a is not None:
            return _build(text, a.span("count"), n.group("mods"), n.start("head"), a.end(), "number-of", layout, m.end())
        return None
    mods = _gap_mods(text, span[1], pos) if span is not None else None
    if span is not None and mods is not None:
        cs, ce = span
        if word == "forces" and _small(text[cs:ce]):
            return None
        if word == "personnel":
            s_start, s_end = layout.sentence(pos)
            if patterns.search(_MILITARY, text, s_start, s_end) is None:
                return None
        before = max(line_start, cs - 20)
        if mentions(text, before, cs, _CASUALTY_BEFORE_WORDS) and patterns.match(_CASUALTY_BEFORE, text, before, cs):
            return None
        lo = max(line_start, cs - 30)
        owner = patterns.match(_OWNER, text, lo, cs) if _may_own(text, lo, cs) else None
        return _build(text, span, mods, cs, m.end(), "count-before", layout, m.end(),
                      owner.group("owner") if owner else None)  # fmt: skip
    f = None
    if mentions(text, m.end(), m.end() + 20, _SIZE_VERBS):
        f = patterns.match(_NUMBERING, text, m.end(), min(layout.line_end(pos), m.end() + 40))
    after = text[f.end() : f.end() + 20].split()[:1] if f is not None else []
    if f is not None and not (after and after[0].rstrip(".,;:").lower() in _TRIGGER_WORDS):
        side = text[window:pos].split()[-1:]  # "Russian forces, totalling 5,000": the word before the noun
        mods = side[0] if side and side[0].isalpha() and side[0] not in _NOT_SIDE_WORDS else None
        return _build(text, f.span("count"), mods, pos, f.end(), "numbering", layout, m.end())
    return None


#: "2,500 service members are stationed in Iraq| and around 900 in neighboring Syria" (", with another 900 in"):
#: a second figure of the same troops, its noun left out, where a place follows it.
_AND_IN = patterns.lazy(
    rf"""[^.;:!?\n]{{0,80}}?(?:\s+and|,?\s+with)\s+(?:another\s+|a\s+further\s+)?(?P<count>{COUNT})\s+(?:in|at|across|inside|near)\s+
    (?:(?-i:\p{{Ll}}+)\s+)?(?-i:\p{{Lu}})"""
)


def _earlier_figures(
    text: str, count_span: tuple[int, int], end: int, layout: LocalLayout, value: dict[str, Any]
) -> Iterator[tuple[tuple[int, int], dict[str, Any], str]]:
    """Troop figures written without their noun in the same sentence, of the same side: the force's other
    strength ("from 2,500 troops to fewer than 2,000", "down from 350"), or "and N in <place>"."""
    _, s_end = layout.sentence(end)
    spans = [(span, "companion") for span in companions(text, count_span, end, s_end)]
    if not spans and mentions(text, end, s_end, (" and ", " with ")):
        u = patterns.match(_AND_IN, text, end, s_end)
        spans = [(u.span("count"), "and-in")] if u is not None else []
    for (cs, ce), rule in spans:
        figure = parse_count(text[cs:ce]) if count_is_plausible(text, cs, ce) else None
        if figure is not None:
            figure["actor"] = value["actor"]
            yield (cs, ce), figure, rule


def _gap_mods(text: str, end: int, pos: int) -> str | None:
    """The modifiers ``_GAP`` finds between a figure and its troop word ("U.S.", "additional Russian"), or None
    when it does not match; plain ASCII words are read without it."""
    mods = gap_mods(text, end, pos, _BLOCKED)
    if mods is None:
        b = patterns.match(_GAP, text, end, pos)
        mods = b.group("mods") if b is not None else -1
    if mods == -1 and " and " in text[end:pos]:
        c = patterns.match(_SIDES_GAP, text, end, pos)
        return c.group("mods") if c is not None else None
    return mods if isinstance(mods, str) else None


#: Two sides joined: "1,100| Dutch and Norwegian |troops" (the look-ahead of ``_GAP`` stops at "and").
_SIDES_GAP = patterns.lazy(
    r"\s+(?P<mods>(?-i:\p{Lu}[\p{L}\-]+)\s+and\s+(?-i:\p{Lu}[\p{L}\-]+))(?:\s+(?-i:\p{Ll}[\p{L}\-]+))?\s+\Z"
)


def _may_own(text: str, lo: int, start: int) -> bool:
    """False only when ``_OWNER`` surely fails: no "'s" before the white space before ``start``."""
    i = start
    while i > lo and text[i - 1].isspace():
        i -= 1
    return i < start and i - 2 >= lo and text[i - 2 : i].lower() in ("'s", "’s")


def _small(count: str) -> bool:
    """"the two forces" counts armies, not people."""
    n = parse_number(count)
    return n is not None and n < _SMALL_FORCES and not count[:1].isdigit()


def _build(
    text: str,
    span: tuple[int, int],
    mods: str | None,
    start: int,
    end: int,
    rule: str,
    layout: LocalLayout,
    trigger_end: int,
    owner: str | None = None,
) -> tuple[int, int, tuple[int, int], dict[str, Any], str] | None:
    cs, ce = span
    if not count_is_plausible(text, cs, ce) and not _numbers_verb(text, cs):
        return None
    lo = max(layout.line_start(cs), cs - 40)
    if mentions(text, lo, cs, ("could", "may", "might")) and patterns.match(_SPECULATION, text, lo, cs):
        return None
    if mods and patterns.search(_NOT_MILITARY, mods):
        return None
    value = parse_count(text[cs:ce])
    if value is None:
        return None
    value["actor"] = _actor(text, mods, owner, cs, trigger_end, layout)
    return start, end, (cs, ce), value, rule


#: "its armed forces number| 1.5 million servicemen": "number" is the verb, not a label before a figure.
_NUMBER_VERB = patterns.lazy(r"(?r)\b(?:forces|army|military|troops|contingent|force|garrison|navy)\s+numbers?\s+\Z")


def _numbers_verb(text: str, count_start: int) -> bool:
    lo = max(0, count_start - 30)
    return mentions(text, lo, count_start, ("number",)) and patterns.match(_NUMBER_VERB, text, lo, count_start) is not None


def _actor(text: str, mods: str | None, owner: str | None, count_start: int, trigger_end: int, layout: LocalLayout) -> str | None:
    """The side as written: a proper name in the phrase ("U.S. troops"), an owner ("Russia's"),
    the sentence's subject ("Israel has massed ..."), or "troops from Chad"."""
    named = [w for w in (mods or "").split() if w[:1].isupper()]
    if len(named) == 2 and " and " in (mods or ""):
        return " and ".join(named)
    if named:
        return " ".join(named)
    if owner and owner[:1].isupper():
        return owner
    after = patterns.match(_ACTOR_AFTER, text, trigger_end, min(len(text), trigger_end + 40))
    # "servicemen of the Belarusian army" names the side; "troops from Chad" does unless the subject does,
    # since "withdraw its personnel from Niger" names a place
    actor = after.group("actor") if after is not None and after.group("prep").lower() != "from" else None
    if actor is None and mentions(text, max(0, count_start - 6), count_start, ("with",)):
        w = patterns.match(_WITH, text, max(0, count_start - 50), count_start)
        actor = w.group("actor") if w is not None else None
    if actor is None:
        s_start, _ = layout.sentence(count_start)
        lo = _clause_start(text, s_start, count_start)
        best = (-1, 0)  # the subject nearest the count; of two ending together ("army of Sudan sent"), the longer
        for pattern in (_SUBJECT, _ARMY_SUBJECT):
            if pattern is _ARMY_SUBJECT and not mentions(text, lo, count_start, _ARMY_WORDS):
                continue
            for s in patterns.finditer(pattern, text, lo, count_start):
                if (s.end(), -s.start()) <= best or _after_place_word(text, s.start()):
                    continue
                if not s.group("say") or _owner_speaks(text, s_start, s.start(), s.end(), count_start):
                    actor, best = s.group("actor") + (s.groupdict().get("own") or ""), (s.end(), -s.start())
    if actor is None and after is not None:
        actor = after.group("actor")
    if actor is None:
        actor = _unit_of(text, layout, count_start)
    if actor is None:
        actor = sentence_side(text, layout, count_start)
    if actor is None:
        actor = mission_side(text, layout, count_start, trigger_end)
    return " ".join(actor.split()) if actor else None


#: "a North Korea with| about 1.2 million active-duty soldiers": the side the figure is given with.
#: Not after a preposition: "operations in the south of Lebanon with 13,000 soldiers" names a place.
_WITH = patterns.lazy(
    rf"""(?r)(?<!\b(?i:of|in|into|to|from|near|at|on|across|inside|towards?|against)\s+(?:the\s+)?)
    (?<![\p{{L}}.])(?P<actor>{_COUNTRIES})\s+with\s+\Z""",
    patterns.FLAGS & ~regex.IGNORECASE,
)
_ARMY_WORDS = ("army", "military", "contingent", "force", "troops", "grouping", "group", "garrison", "units", "brigade",
               "battalion", "deployment", "mission")
#: "A NATO forward land force of| up to 5,000 troops": the side names the unit the figure sizes.
_UNIT_OF = patterns.lazy(
    rf"""(?r)(?<![\p{{L}}.])(?P<actor>(?:{_COUNTRIES})|(?!{_NOT_SIDE})\p{{Lu}}\p{{Ll}}+(?:an|ian|ese|ish|ch|i))
    (?:\s+(?-i:\p{{Ll}}[\p{{L}}\-]+)){{0,3}}\s+(?:force|contingent|battalion|brigade|battlegroup|battle\s+group|
    garrison|mission|deployment)\s+of\s+\Z""",
    patterns.FLAGS & ~regex.IGNORECASE,
)
#: "the staff number of the Russian Armed Forces was set at| 1.5 million": the force whose size is given.
_SIZE_OF = patterns.lazy(
    rf"""(?r)\b(?:number|strength|size|headcount|ceiling)\s+of\s+(?:the\s+)?
    (?P<actor>(?:(?!{_NOT_SIDE})\p{{Lu}}[\p{{L}}\-]+\s+)?(?:Armed\s+Forces|[Aa]rmy|[Mm]ilitary)|(?:{_COUNTRIES})(?![\p{{L}}'’]))
    (?:\s+[\p{{L}}\-]+){{0,4}}?\s+(?:at|to)\s+\Z""",
    patterns.FLAGS & ~regex.IGNORECASE,
)
#: "keeps Britain's presence in the NATO battlegroup at| between 1,000 and 1,200 personnel".
_PRESENCE = patterns.lazy(
    rf"""(?r)(?<![\p{{L}}.])(?P<actor>{_COUNTRIES})['’]s\s+(?:presence|contingent|deployment|garrison|forces?|troops)\b
    [^.;:!?]{{0,50}}?\s(?:at|to|of)\s+\Z""",
    patterns.FLAGS & ~regex.IGNORECASE,
)
_PRESENCE_WORDS = ("presence", "contingent", "deployment", "garrison", "force", "troops")
#: "From the Russian side ... up to 6 thousand military personnel" (translated copy).
_SIDE_WORD = patterns.lazy(
    rf"""\b[Tt]he\s+(?P<actor>(?:{_COUNTRIES})|(?!{_NOT_SIDE})\p{{Lu}}\p{{Ll}}+(?:an|ian|ese|ish|ch|i))\s+side\b(?!\s+of\b)""",
    patterns.FLAGS & ~regex.IGNORECASE,
)
#: "The French army has begun the withdrawal of its| last 350 soldiers": "its" points back to the clause's side.
_ITS_BEFORE = patterns.lazy(r"(?r)\b(?:its|their)(?:\s+(?:last|remaining|own|entire|whole))?\s+\Z")
#: The side opening a clause, perhaps after a dateline ("ALGIERS - The French army ...").
_OPENING_SIDE = patterns.lazy(
    rf"""\s*(?:\p{{Lu}}[\p{{Lu}}\s,.]{{1,30}}(?:[\p{{L}}\d\s,.]{{1,20}})?(?:\([^()\n]{{1,20}}\))?\s[-–—]\s+)?(?:[Tt]he\s+)?
    (?:(?i:mission|force|forces|army|military|contingent|coalition)\s+of\s+(?:the\s+)?)?  # "The mission of the United Nations"
    (?P<actor>(?!{_NOT_SIDE})\p{{Lu}}[\p{{L}}\-]+\s+(?i:army|military|armed\s+forces)|(?:{_COUNTRIES})(?![\p{{L}}'’.]))""",
    patterns.FLAGS & ~regex.IGNORECASE,
)


def _unit_of(text: str, layout: LocalLayout, count_start: int) -> str | None:
    """The side when the subject rules find none: the unit the figure sizes ("a NATO force of 5,000",
    "Britain's presence ... at 1,000", "the number of the Russian Armed Forces ... at"), "the Russian side"
    in the clause, or the side opening the clause when "its" or "their" owns the figure."""
    lo = max(layout.line_start(count_start), count_start - 90)
    found: regex.Match[str] | None = None
    if text.find(" of", lo, count_start) >= 0:
        found = patterns.match(_UNIT_OF, text, lo, count_start)
        if found is None and mentions(text, lo, count_start, ("number", "strength", "size", "headcount", "ceiling")):
            found = patterns.match(_SIZE_OF, text, lo, count_start)
    if found is None and mentions(text, lo, count_start, ("'s", "’s")) and mentions(text, lo, count_start, _PRESENCE_WORDS):
        found = patterns.match(_PRESENCE, text, lo, count_start)
    s_start, _ = layout.sentence(count_start)
    clause = _clause_start(text, s_start, count_start)
    if found is None and mentions(text, clause, count_start, ("side",)):
        found = patterns.search(_SIDE_WORD, text, clause, count_start)
    if found is None and mentions(text, max(lo, count_start - 20), count_start, ("its", "their")):
        if patterns.match(_ITS_BEFORE, text, max(lo, count_start - 20), count_start):
            found = patterns.match(_OPENING_SIDE, text, clause, count_start)
    if found is None and mentions(text, lo, count_start, ("which", "whose", ", that")):
        found = patterns.search(_RELATIVE_SIDE, text, lo, count_start)
    return found.group("actor") if found is not None else None


#: "Poland, which disposes of| some 175k soldiers", "Guyana, whose army numbers| well over 3,000": the side
#: the relative clause holding the figure is about.
_RELATIVE_SIDE = patterns.lazy(
    rf"""(?<![\p{{L}}.])(?P<actor>(?:{_COUNTRIES})(?:\s+and\s+(?:{_COUNTRIES}))?)  # "Malawi and Tanzania, which"
    (?:['’]s(?:\s+[\p{{Ll}}\-]+){{0,2}}\s+(?:mission|force|forces|contingent|army|military|coalition|deployment|
        operation|garrison|brigade)(?:\s+in\s+\p{{Lu}}[\p{{L}}\-]+)?)?      # "NATO's advisory mission, which has"
    \s*,\s*(?:which|that|whose\s+(?:army|military|armed\s+forces|forces))\s
    [^,;:()]{{0,60}}\Z""",
    patterns.FLAGS & ~regex.IGNORECASE,
)


#: Words before a name that make it a place, not a subject: "the U.N. mission in| South Sudan said".
_PLACE_WORDS = frozenset("in into inside near at across to towards toward".split())


def _after_place_word(text: str, start: int) -> bool:
    words = text[max(0, start - 12) : start].split()
    return bool(words) and text[start - 1 : start].isspace() and words[-1].lower() in _PLACE_WORDS


def _owner_speaks(text: str, s_start: int, start: int, end: int, count_start: int) -> bool:
    """Whether "X said" makes X the side: not as an attribution after a comma (", the Pentagon said"), nor
    when the count opens what is said ("Minsk says 13,000 servicemen will take part")."""
    before = text[s_start:start].rstrip()
    if before.lower().endswith(" the"):
        before = before[:-4].rstrip()
    # ", the Pentagon said" closes a clause; "Separately, Israel's military said" only follows an opening word
    if before.endswith(",") and len(before.split()) > 2:
        return False
    if before.lower().endswith(("which", "that")):
        return False  # "exercises, which Minsk said would involve ...": Minsk reports, the side is elsewhere
    words = [w for w in text[end:count_start].split() if w.lower() != "that"]
    return len(words) > 0


#: Words after a comma that start a new clause with its own subject: "..., while NATO allies will rotate ...".
_CLAUSE_WORDS = frozenset(["while", "whereas", "but"])


def _clause_start(text: str, lo: int, hi: int) -> int:
    """The start of the clause of ``text[lo:hi]`` that ends at ``hi``: after the last ";" or ", while"."""
    start = max(lo, text.rfind(";", lo, hi) + 1)
    i = text.rfind(",", start, hi)
    while i >= 0:
        word = text[i + 1 : i + 10].split(None, 1)[:1]
        if word and word[0] in _CLAUSE_WORDS and text[i + 1 : i + 2].isspace():
            return text.find(word[0], i + 1, hi) + len(word[0])
        i = text.rfind(",", start, i)
    return start
