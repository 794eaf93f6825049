"""Sanctions measures in news copy: who imposes them on whom, which package, how many listed, how far along.

Scanning is keyword-first: ``str.find`` over the case-folded text finds each
stem (``sanction``, ``embargo``, ``freez``, an ordinal before ``package``), one
anchored pattern confirms each, and only the sentences holding one are read
further; a document with no stem costs a dozen ``str.find`` over the lowercase
copy the layout shares with the other extractors (``sanctions_scan`` says how the
sentences are then read with few pattern calls). A mention is a measure
only when something happens to it in its sentence (a verb imposes, threatens,
proposes or lifts it) or its words make it new (``new``, ``a sixth package``,
``on 40 officials``): ``violated U.S. sanctions`` and ``Western sanctions have
hurt the economy`` are talk about sanctions. A later mention that names no new
measure (``the package adds 65 individuals``, ``threats of sanctions``) is the
earlier measure again and only lends it what it adds.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from itertools import accumulate
from operator import add
from typing import Any

from extractors import patterns
from extractors.base import Context, Extraction, Extractor
from extractors.numbers import parse_number
from extractors.places import COUNTRY_NAMES, ISSUERS, _CANON, _METONYMS, as_written, party_canon
from extractors.sanctions_patterns import (
    Match, _ADJECTIVE_USE, _AID_BEFORE, _ANAPHOR, _ANSWERED, _ARMED_GROUP, _ATTACH, _DETERMINER, _Fact, _GOES_ON,
    _GROUP_WORDS, _LEAD_COUNT, _HEAD, _HEADS, _HEAD_WORDS, _HYPHENATED, _LIST_LINE, _LOOKBACK, _MAX_MENTIONS,
    _MAX_SENTENCE, _Mention, _NUMBERS_IT, _OBJECT,
    _OF_OTHER, _ORDINAL_BEFORE, _ORDINAL_ENDINGS, _Place, _RECENT, _SANCTIONS_CONTEXT, _SPOILERS, _STEMS, _STEM_WORDS,
    _TALK_AFTER, _TALK_BEFORE, _TRIGGER, _CLASS_HEADS, _CLASS_TARGET,
)
from extractors.sanctions_parties import _blocks, _target_name
from extractors.sanctions_prefilter import may_list
from extractors.sanctions_scan import Scan
from extractors.sanctions_sentence import _sentence_facts, _within, listed
from extractors.text import TextLayout

# What a trigger can start with (its _TRIGGER alternatives' first words), case-folded.
_TRIGGER_OPENINGS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth", "twenty-", "thirty-", "sanction", "blacklist", "black-list", "designat", "froze", "freez", "counter",
    "embargo", "restrictive", "asset", "economic", "financial", "unreliable", "entity", "listing", "export",
    "entry", "stop", "new", "further", "additional", "fresh", "own",
)  # fmt: skip

_NAMED_TARGETS = frozenset(_CANON.values()) | frozenset(COUNTRY_NAMES.values())
_GOES_ON_OPENINGS = [[w] for w in ("With", "Under", "Through", "By", "The", "This", "That", "Its")]
_NUMBERS_OPENINGS = [[w] for w in ("It", "This", "That", "These", "They", "The")]
_ANAPHOR_HEADS = ("package", "measures", "round", "listings", "designations")  # the nouns _ANAPHOR ends in
STATUSES = ("adopted", "proposed", "threatened", "lifted")
KEYS = ("issuer", "target", "ordinal", "persons", "entities", "listings", "status")

class SanctionsExtractor(Extractor):
    """Sanctions measures: one fact per package, list of designations or new round.

    ``EU ambassadors approved the Union's fifth sanctions package, which added 17 Belarusians and 11
    Belarusian companies`` yields ``fifth sanctions package`` with ``{"issuer": "EU", "target": "Belarus",
    "ordinal": 5, "persons": 17, "entities": 11, "listings": null, "status": "adopted"}``.
    """

    name = "sanctions"
    version = "1.7.0"
    kinds = ("sanction",)

    def extract(self, text: str, context: Context) -> Iterator[Extraction]:
        layout = TextLayout.of(text)
        scan = Scan(text, layout.lower)
        triggers = _triggers(scan)
        if not triggers:
            return
        bounded = [_bounded(layout.sentence(t.start()), t.start()) for t in triggers]
        places = _places(scan, bounded)
        sentences: dict[tuple[int, int], list[_Mention]] = {}
        lines: dict[int, bool] = {}
        newlines = _newlines(text)
        for trig, sentence in zip(triggers, bounded):
            line = _line(newlines, trig.start(), len(text))
            if layout.is_furniture(trig.start()) or _in_list_line(text, line, lines):
                continue
            mentions = sentences.setdefault(sentence, [])
            if len(mentions) >= _MAX_MENTIONS:
                continue  # a sentence is not a list of sanctions words: spare pathological text
            mention = _mention(scan, trig)
            if mention is None:
                continue
            if mentions and mention.start <= mentions[-1].end:  # "sanctions package": two words, one phrase
                mentions[-1].end = max(mentions[-1].end, mention.end)
                mentions[-1].target = mentions[-1].target or mention.target
            else:
                mentions.append(mention)
        facts: list[_Fact] = []
        for sentence, mentions in sentences.items():
            if not mentions:
                continue
            if not _within(places, sentence) and next(scan.counts(*sentence), None) is None:
                # "players were sanctioned by the league": the verb punishes, no state imposes
                mentions = [m for m in mentions if not m.trigger.group("verb")]
                if not mentions:
                    continue
            if not facts and all(map(_weak, mentions)) and not _sanctions_context(layout.lower, text, sentence):
                continue  # "a designated area", "the fifth package" with no sanctions in sight
            for fact in _sentence_facts(scan, sentence, mentions, places):
                fact.paragraph = _line(newlines, fact.start, len(text))[0]
                _keep(scan, facts, fact)
        _lend_next_sentence(scan, layout, facts, [t.start() for t in triggers])
        _answered(scan, layout, facts)
        if any(f.value["target"] is None for f in facts):
            _group_named_before(text, facts)
            _sentence_target(layout, facts)
            _main_country(scan, facts)
        for fact in facts:
            target = fact.value["target"]
            fact.value["target"] = COUNTRY_NAMES.get(target, target) if isinstance(target, str) else target
            yield Extraction("sanction", fact.start, fact.end, text[fact.start : fact.end], fact.value, fact.rule)


def _lend_next_sentence(scan: Scan, layout: TextLayout, facts: list[_Fact], triggers: list[int]) -> None:
    """``... adopted a 16th package. The package adds 48 individuals and 35 entities``: the counts of the
    sentence right after a measure, when it names no sanctions word of its own and refers back to the measure."""
    text, lower = scan.text, layout.lower
    for fact in facts:
        v = fact.value
        if v["persons"] is not None or v["entities"] is not None or v["listings"] is not None:
            continue
        end = fact.window[1]
        pos = end
        while pos < len(text) and text[pos].isspace():
            pos += 1
        head = lower[pos : pos + 100]
        if not (any(word in head for word in _ANAPHOR_HEADS) or head.startswith(("it ", "they "))):
            continue
        if layout.is_furniture(pos):
            continue
        start, stop = _bounded(layout.sentence(pos), pos)
        if start < end or bisect.bisect_left(triggers, start) < bisect.bisect_left(triggers, stop):
            continue  # no next sentence, or one that speaks of a measure of its own
        if scan.search(_ANAPHOR, start, min(stop, start + 100)) is None:
            continue
        counts, _ = listed(scan, (start, stop))
        for key, n in counts.items():
            v[key] = n


def _answered(scan: Scan, layout: TextLayout, facts: list[_Fact]) -> None:
    """``In response to the 17th package of EU sanctions, Moscow extended its food embargo``: a measure named as
    the cause of another one in its sentence was aimed at the one who answers it."""
    text = scan.text
    for fact in facts:
        v = fact.value
        before = text[max(0, fact.start - 60) : fact.start].lower()
        if not any(word in before for word in ("respon", "reply", "retaliat")):
            continue
        if patterns.search(_ANSWERED, text, max(0, fact.start - 60), fact.start) is None:
            continue
        sentence = layout.sentence(fact.start)
        other = next(
            (f for f in facts if f is not fact and f.value["issuer"] not in (None, v["issuer"])
             and layout.sentence(f.start) == sentence),
            None,
        )
        if other is not None:
            v["target"] = other.value["issuer"]


_GROUP_ANAPHORS = ("the cartel", "the gang", "the militia", "the group")


def _group_named_before(text: str, facts: list[_Fact]) -> None:
    """``... to contain the Cartel de los Valles. U.S. officials have threatened sanctions on the cartel's
    leaders``: a measure on ``the cartel``/``the gang`` is aimed at the armed group named last before it on its
    line."""
    for fact in facts:
        if fact.value["target"] is not None:
            continue
        after = text[fact.end : fact.end + 30].lower()
        if not after.startswith((" on ", " against ", " targeting ")):
            continue
        if not any(after.split(" ", 2)[-1].startswith(word) for word in _GROUP_ANAPHORS):
            continue
        line = text.rfind("\n", 0, fact.start) + 1
        named = _groups(text, line, fact.start)
        if named:
            fact.value["target"] = named[-1].canon


def _sentence_target(layout: TextLayout, facts: list[_Fact]) -> None:
    """``Britain announced its fifth round of sanctions, and G7 leaders are expected to unveil new sanctions on
    Moscow``: a measure that names no target shares the one of a measure beside it in its sentence."""
    for fact in facts:
        if fact.value["target"] is not None:
            continue
        sentence = layout.sentence(fact.start)
        fact.value["target"] = next(
            (f.value["target"] for f in facts
             if f is not fact and f.value["target"] and f.value["target"] != fact.value["issuer"]
             and layout.sentence(f.start) == sentence),
            None,
        )


def _main_country(scan: Scan, facts: list[_Fact]) -> None:
    """A measure whose sentence and paragraph name no target is aimed at the country the story is about.

    That is the place named most often before the measure on its line (the dateline included: a
    story is a line, copy joined from several stories is not one), leaving out the issuers (``EU``,
    ``US``, and any country that imposes a measure in the text); ties go to the first.
    """
    issuers = ISSUERS | {str(f.value["issuer"]) for f in facts}
    for fact in facts:
        if fact.value["target"] is not None:
            continue
        seen: dict[str, int] = {}
        for m in scan.places(scan.text.rfind("\n", 0, fact.start) + 1, fact.start):
            canon = _CANON[m.lastgroup or ""]
            if canon not in issuers and not _blocks(scan.text, m.end()):
                seen[canon] = seen.get(canon, 0) + 1
        if seen:
            fact.value["target"] = max(seen, key=seen.__getitem__)  # the first of the most named


def _bounded(sentence: tuple[int, int], pos: int) -> tuple[int, int]:
    """The sentence, or a slice of it around ``pos`` when it runs on for pages (text with no full stops)."""
    start, end = sentence
    if end - start <= _MAX_SENTENCE:
        return sentence
    start = max(start, pos - pos % _MAX_SENTENCE)  # fixed slices, so nearby words share one
    return start, min(end, start + _MAX_SENTENCE)


def _triggers(scan: Scan) -> list[Match]:
    """The sanctions words of the text: its stems found by ``str.find``, each hit confirmed by the trigger pattern.

    Most documents hold no stem at all, and a ``str`` search costs nothing next to a
    regex call (each carries the timeout's fixed cost), so the regex only runs where
    a stem already stands. A text with no case-folded copy of the same offsets (see
    ``Scan``) takes the regex scans instead.
    """
    text, folded = scan.text, scan.folded
    if folded is None:
        return _confirm(text, _regex_starts(text))
    starts: set[int] = set()
    for stem in _STEM_WORDS:
        hit = folded.find(stem)
        while hit >= 0:
            _add_start(text, hit, starts, folded)
            hit = folded.find(stem, hit + 1)
    for head in _HEAD_WORDS:
        hit = folded.find(head)
        while hit >= 0:
            _add_ordinal(text, folded, hit, starts)
            hit = folded.find(head, hit + 1)
    return _confirm(text, starts) if starts else []


def _regex_starts(text: str) -> set[int]:
    starts: set[int] = set()
    for stem in _STEMS:
        for hit in patterns.finditer(stem, text):
            _add_start(text, hit.start(), starts)
    for head in _HEADS:
        for hit in patterns.finditer(head, text):
            ordinal = patterns.search(_ORDINAL_BEFORE, text, max(0, hit.start() - 40), hit.start())
            if ordinal:
                starts.add(ordinal.start())
    return starts


def _add_start(text: str, i: int, starts: set[int], folded: str | None = None) -> None:
    """The start of the word holding a stem at ``i``, and of the word before it (``asset freeze``).

    The word before matters only when a trigger can start there (an ordinal, ``asset``,
    ``economic``...); given the case-folded text, other words are not tried.
    """
    while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "-"):
        i -= 1
    starts.add(i)
    j = i - 1
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    if j < i - 1 and (folded is None or folded.startswith(_TRIGGER_OPENINGS, j)):
        starts.add(j)


def _add_ordinal(text: str, folded: str, hit: int, starts: set[int]) -> None:
    """``a sixth round``: the ordinal before a package word, when the word stands alone (not ``around``)."""
    if hit > 0 and (text[hit - 1].isalpha() or text[hit - 1].isdecimal() or text[hit - 1] in "-_"):
        return  # "around", "ground": characters the pattern's (?<![\w-]) refuses too
    before = folded[max(0, hit - 40) : hit].rstrip()
    for word in ("sanctions", "sanction"):
        if before.endswith(word):
            before = before[: -len(word)].rstrip()
            break
    if before[-2:] not in _ORDINAL_ENDINGS:
        return  # every ordinal ends in st, nd, rd or th
    ordinal = patterns.search(_ORDINAL_BEFORE, text, max(0, hit - 40), hit)
    if ordinal:
        starts.add(ordinal.start())


def _confirm(text: str, starts: set[int]) -> list[Match]:
    found: list[Match] = []
    for i in sorted(starts):
        if found and i < found[-1].end():
            continue
        m = patterns.match(_TRIGGER, text, i)
        if m:
            found.append(m)
    return found


def _places(scan: Scan, spans: list[tuple[int, int]]) -> list[_Place]:
    """The places named inside ``spans`` (the sentences that hold a trigger), datelines left out."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    scan.cover(merged)
    datelines, text = scan.datelines, scan.text
    found = [
        _Place(m.start(), m.end(), as_written(_CANON[m.lastgroup or ""], text, m.start(), m.end()),
               m.group().lower() in _METONYMS)
        for start, end in merged
        for m in scan.places(start, end)
        if not datelines or not any(s <= m.start() < e for s, e in datelines)
    ]
    if not any(word in text for word in _GROUP_WORDS):
        return found
    groups = [g for start, end in merged for g in _groups(text, start, end)]
    if not groups:
        return found
    groups = [g for g in groups if not any(p.start < g.end and g.start < p.end for p in found)]
    return sorted(found + groups, key=lambda p: p.start)


def _groups(text: str, start: int, end: int) -> list[_Place]:
    """Armed groups and cartels named in [start, end), as written (a country name inside one keeps the country)."""
    if not any(text.find(word, start, end) >= 0 for word in _GROUP_WORDS):
        return []
    return [
        _Place(m.start(), m.end(), " ".join((m.group("name") or m.group()).split()), False, group=True)
        for m in patterns.finditer(_ARMED_GROUP, text, start, end)
    ]


def _sanctions_context(lower: str, text: str, sentence: tuple[int, int]) -> bool:
    """``_SANCTIONS_CONTEXT`` in the sentence. Its plain words need no pattern: in the lowercased copy they stand
    only where the text spells them in ASCII letters (none holds a ``k``, the one letter a sign lowers to)."""
    start, end = sentence
    chunk = lower[start:end]
    if any(word in chunk for word in ("sanction", "embargo", "treasury", "ofac")):
        return True
    return patterns.search(_SANCTIONS_CONTEXT, text, start, end) is not None


def _weak(mention: _Mention) -> bool:
    word = mention.trigger.group().lower()
    if mention.trigger.group("package"):
        return "sanction" not in word
    return word.startswith(("designat", "listing")) or word.endswith("listings")


def _in_list_line(text: str, line: tuple[int, int], seen: dict[int, bool]) -> bool:
    """``Tags: Russia, sanctions, Ukraine``: a line that lists words, not a sentence (memoized per line)."""
    start, end = line
    if start not in seen:
        end = min(end, start + 2000)
        seen[start] = may_list(text[start:end]) and patterns.match(_LIST_LINE, text, start, end) is not None
    return seen[start]


def _newlines(text: str) -> list[int]:
    """The offsets of the line breaks: each line's length summed, plus the breaks before it (all in C)."""
    lines = text.split("\n")
    return list(map(add, accumulate(map(len, lines[:-1])), range(len(lines) - 1)))


def _line(newlines: list[int], pos: int, length: int) -> tuple[int, int]:
    """The (start, end) of the line holding ``pos``, from the offsets of the text's line breaks."""
    i = bisect.bisect_left(newlines, pos)
    return (newlines[i - 1] + 1 if i else 0), (newlines[i] if i < len(newlines) else length)


# --- mentions ---


def _mention(scan: Scan, trig: Match) -> _Mention | None:
    """The phrase around one sanctions word, or None when the word names no measure."""
    text = scan.text
    s, e = trig.span()
    if not trig.group().lower().startswith("counter") and scan.search(_HYPHENATED, max(0, s - 2), s):
        return None
    if trig.group("verb") and scan.search(_DETERMINER, max(0, s - 12), s):
        return None  # "the sanctioned oligarchs", "a designated terrorist group"
    if trig.group("package") and (
        scan.search(_AID_BEFORE, max(0, s - 40), s) or scan.match(_OF_OTHER, e)
    ):
        return None  # "the fifth aid package", "a third round of talks"
    start, end = s, e
    if not trig.group("verb"):
        start = scan.back(s)
        while start < s and text[start].isspace():
            start += 1
        head = scan.match(_HEAD, end)
        if head:
            end = head.end()
            if head.group().lower().endswith("relief") and _relief_talk(text, start, end):
                return None
    obj = scan.match(_OBJECT, end)  # "sanctioned 14 individuals", "sanctions on 40 officials"
    if obj and (trig.group("verb") or obj.group("prep")):
        return _Mention(start, obj.end(), trig)
    if trig.group().lower() == "listing":
        return None  # "listing 7 people" lists; "a listing", "listing the options" do not
    attach = scan.match(_ATTACH, end)
    if trig.group().lower().startswith("counter") and "measure" in trig.group().lower() and not attach:
        return None  # "countermeasures against drones" is no listing; "countermeasures against 4 executives" is
    mention = _Mention(start, end, trig)
    if not attach and text.startswith((" against", " on", " targeting"), end):
        spoilers = patterns.match(_SPOILERS, text, end)
        if spoilers:  # no country is aimed at, the wreckers of a deal are
            mention.target = " ".join(spoilers.group("target").split())
        elif any(word in text[end : end + 40].lower() for word in _CLASS_HEADS):
            aimed = patterns.match(_CLASS_TARGET, text, end, min(len(text), end + 120))
            if aimed:  # "on countries that keep buying Russian oil": those countries, not Russia
                mention.target = " ".join(aimed.group("target").split())
    if attach:
        name, length = _target_name(attach.group("target"), text[attach.end() : attach.end() + 20])
        if name:
            mention.target = name
            end = attach.start("target") + length
            if not patterns.match(_ADJECTIVE_USE, text, end):
                mention.end = end  # "sanctions on Venezuela", not "sanctions on Russian" (oligarch ...)
    return mention


def _relief_talk(text: str, start: int, end: int) -> bool:
    """``Sanctions relief was not discussed``, ``hopes for sanctions relief``: easing talked of, none granted."""
    return bool(
        patterns.match(_TALK_AFTER, text, end) or patterns.search(_TALK_BEFORE, text, max(0, start - 20), start)
    )


# --- across sentences ---


def _keep(scan: Scan, facts: list[_Fact], fact: _Fact) -> None:
    """Add ``fact`` unless it is a later reference to one of ``facts`` (then lend it what it adds) or mere talk."""
    v = fact.value
    last = facts[-1] if facts else None
    if (
        last is not None
        and last.paragraph == fact.paragraph
        and v["ordinal"] is None
        and (v["issuer"] is None or v["issuer"] == last.value["issuer"])
        and scan.text[fact.window[0] : fact.window[0] + 12].split()[:1] in _GOES_ON_OPENINGS
        and (goes_on := patterns.match(_GOES_ON, scan.text, fact.window[0], fact.start))
    ):
        lead = patterns.match(_LEAD_COUNT, scan.text, goes_on.end(), fact.start)
        if lead and v[lead.lastgroup or ""] is None:
            v[lead.lastgroup or ""] = parse_number(lead.group("n"))
        for key in ("persons", "entities", "listings"):
            if last.value[key] is None:
                last.value[key] = v[key]
        return
    if last is not None and _numbers_last(scan, last, fact):
        last.value["ordinal"] = v["ordinal"]
        for key in ("persons", "entities", "listings"):
            if last.value[key] is None:
                last.value[key] = v[key]
        return
    for prior in reversed([] if fact.earlier or fact.distinct else facts[-_RECENT:]):
        p, w = prior.value, v
        if v["target"] is not None and v["target"] == p["issuer"] and (
            _names_in_phrase(scan, fact, v["target"]) or _located(scan, fact, v["target"])
        ):
            w = {**v, "target": None}  # "the Swiss financial sanctions" after Switzerland's package: its issuer
        if fact.renewal != prior.renewal and (fact.renewal or fact.acts and fact.new):
            continue  # "renewed its sanctions regime on Haiti ... added two gang leaders to its blacklist": two acts
        if fact.new and not _same_values(p, w):
            continue
        if fact.explicit_issuer and w["issuer"] != p["issuer"]:
            continue
        if w["target"] and p["target"] and w["target"] != p["target"]:
            continue
        if fact.governed and w["status"] != p["status"]:
            continue
        for key in ("target", "ordinal", "persons", "entities", "listings"):
            if p[key] is None and w[key] is not None:
                p[key] = w[key]
        return
    if not (fact.new or fact.governed):
        return
    if v["issuer"] is None:
        last = facts[-1] if facts and facts[-1].paragraph == fact.paragraph else None
        # "The Foreign Ministry also announced countermeasures": the story goes on about the one who acted last
        v["issuer"] = last.value["issuer"] if last and fact.new else _issuer_before(scan, fact)
        if v["issuer"] is None and last is not None and fact.governed and v["status"] in ("adopted", "lifted"):
            v["issuer"] = last.value["issuer"]  # "ECOWAS lifted ... on Niger. Sanctions on Guinea were also eased."
        if v["issuer"] is None and not fact.new:
            return  # "the new sanctions were announced", "urged its allies to tighten sanctions": no one acts
        if v["target"] is not None and v["target"] == v["issuer"]:
            v["target"] = None  # "freezing their assets in China", China acting
    if v["target"] is None:
        v["target"] = _target_before(scan.text, facts, fact)
    facts.append(fact)


def _numbers_last(scan: Scan, last: _Fact, fact: _Fact) -> bool:
    """``... slapped sanctions on two firms. It was Washington's 12th round of designations``: a sentence that
    only numbers the measure just told (``It is the ninth set of sanctions``) lends it its ordinal."""
    v = fact.value
    return (
        v["ordinal"] is not None
        and last.value["ordinal"] is None
        and last.paragraph == fact.paragraph
        and last.window[1] <= fact.window[0]
        and (v["issuer"] is None or v["issuer"] == last.value["issuer"])
        and scan.text[fact.window[0] : fact.window[0] + 12].split()[:1] in _NUMBERS_OPENINGS
        and patterns.fullmatch(_NUMBERS_IT, scan.text[fact.window[0] : fact.start]) is not None
    )


def _names_in_phrase(scan: Scan, fact: _Fact, canon: str) -> bool:
    """The measure's own phrase names ``canon`` (``Swiss financial sanctions``)."""
    return any(_CANON[m.lastgroup or ""] == canon for m in scan.places(fact.start, fact.end))


def _located(scan: Scan, fact: _Fact, canon: str) -> bool:
    """``subject to financial sanctions and an entry ban in Switzerland``: where the measure applies, not its target."""
    text = scan.text
    return any(
        _CANON[m.lastgroup or ""] == canon and text[max(0, m.start() - 4) : m.start()].lower() == " in "
        for m in scan.places(fact.end, fact.window[1])
    )


def _same_values(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a[k] == b[k] or a[k] is None or b[k] is None for k in KEYS)


def _issuer_before(scan: Scan, fact: _Fact) -> str | None:
    """``he warned, after threatening painful economic sanctions``: the nearest EU/US/UK/UN in the lines before."""
    start = fact.window[0]
    for p in reversed(_places(scan, [(max(0, start - _LOOKBACK), start)])):
        if p.canon in ISSUERS and p.canon != fact.value["target"] and not p.metonym:
            return p.canon
    return None


def _target_before(text: str, facts: list[_Fact], fact: _Fact) -> str | None:
    """``the same sanctions decision``: the target of the measure just before, in the same paragraph."""
    for prior in reversed(facts):
        target = prior.value["target"]
        if prior.paragraph == fact.paragraph and target and target != fact.value["issuer"]:
            # a gang or militia is named for its own measure: "warned of more severe sanctions" is not on it
            return str(target) if party_canon(target) in _NAMED_TARGETS or " and " in target else None
    return None
