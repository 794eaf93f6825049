"""One sentence's sanctions measure: its counts, package number, issuer, target and status."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any

from extractors import patterns
from extractors.numbers import parse_number, parse_ordinal
from extractors.sanctions_patterns import (
    Match, _CASUALTY_AFTER, _CASUALTY_AROUND, _CLAUSE_BREAK, _CONDITIONAL, _EARLIER, _FRONTED_TIME, _Fact, _GAP_FILLER,
    _GOVERNED_GAP, _Mention, _NAMED_PERSON, _NEW, _OF_ITS, _OTHER_COUNT,
    _ONE_LISTED, _ORDINAL_PACKAGE, _PARENT_AND, _PASSIVE_GAP, _SUBORDINATE, _AND_ONE_ENTITY, _THE_ONE_ENTITY,
    _Place, _RUNNING_TOTAL, _BARE_COUNT, _ANSWERED, _TOTAL_TO,
)
from extractors.sanctions_parties import _issuer, _target
from extractors.sanctions_prefilter import may_govern
from extractors.sanctions_scan import Scan

_UNQUOTE = str.maketrans("", "", "\"“”")
_FILLER_OPENINGS = frozenset("oOiItTlLmMaAsSpPhH")  # what a _GAP_FILLER match can start with

# --- one sentence ---


def _sentence_facts(
    scan: Scan, sentence: tuple[int, int], mentions: list[_Mention], places: list[_Place]
) -> Iterator[_Fact]:
    """One fact for the sentence, or one per mention whose own clause names a different issuer."""
    text = scan.text
    ss, se = sentence
    if len(mentions) > 1:
        bounds = [ss] + [m.end for m in mentions[:-1]]
        ends = [m.start for m in mentions[1:]] + [se]
        local = [
            None if _participle(scan, m) else _issuer(scan, (b, e), m, _within(places, (b, e)))
            for b, e, m in zip(bounds, ends, mentions)
        ]
        if len({i for i in local if i}) > 1:
            kept = [(b, m, i) for b, m, i in zip(bounds, mentions, local) if i or m is mentions[0]]
            cuts = [ss] + [_clause_start(places, b, m, i) for b, m, i in kept[1:]]
            for (_, m, _), lo, hi in zip(kept, cuts, cuts[1:] + [se]):
                yield _analyse(scan, (lo, hi), [m], places)
            return
        cut = _another_list(scan, mentions) or _subordinate(scan, mentions)
        if cut is not None:
            i, at = cut
            yield _analyse(scan, (ss, at), mentions[:i], places)
            second = _analyse(scan, (at, se), mentions[i:], places)
            second.distinct = True
            yield second
            return
    yield _analyse(scan, sentence, mentions, places)


_ANOTHER = (" a further ", " another ", " an additional ", " additional ", " further ")


def _another_list(scan: Scan, mentions: list[_Mention]) -> tuple[int, int] | None:
    """``imposed sanctions on 22 individuals and 104 entities, while the State Department designated a further
    186``: a later mention that lists ``a further``/``another`` count after a count of its own is a second measure.
    The index of its mention, and where its clause starts (the last comma or semicolon before it)."""
    text = scan.text
    for i in range(1, len(mentions)):
        m, before = mentions[i], mentions[i - 1]
        phrase = " " + _lower(scan, m.trigger.end(), m.end) + " "
        marked = m.end > m.trigger.end() and any(word in phrase for word in _ANOTHER)
        if not (marked or " separately " in _lower(scan, before.end, m.start)):
            continue  # "..., and separately designated 21 entities" is a measure of its own too
        if next(scan.counts(mentions[0].start, m.start), None) is None:
            continue  # the first measure lists no one: "sanctions ... and designated a further 5" is one list
        gap = text[before.end : m.start]
        comma = max(gap.rfind(","), gap.rfind(";"))
        return i, before.end + (comma + 1 if comma >= 0 else 0)
    return None


def _participle(scan: Scan, mention: _Mention) -> bool:
    """``imposed sanctions on 17 companies ..., freezing their assets in China``: a clause that tells what the
    measure before does names no actor of its own."""
    word = mention.trigger.group().split()[0].lower()
    before = scan.text[max(0, mention.start - 2) : mention.start]
    return bool(mention.trigger.group("verb")) and word.endswith("ing") and before == ", "


def _subordinate(scan: Scan, mentions: list[_Mention]) -> tuple[int, int] | None:
    """``imposed sanctions on the head of Sudan's army, a week after it sanctioned the leader of the RSF``: a verb
    after ``after``/``since`` tells a measure of its own, taken before; the clause starts at its comma."""
    text = scan.text
    for i in range(1, len(mentions)):
        m, before = mentions[i], mentions[i - 1]
        if not m.trigger.group("verb") or "," not in text[before.end : m.start]:
            continue
        gap = patterns.search(_SUBORDINATE, text, before.end, m.start)
        if gap is not None:
            return i, gap.start() + 1
    return None


def _clause_start(places: list[_Place], after: int, mention: _Mention, issuer: str | None) -> int:
    """Where a later measure's own clause begins: at its issuer named after the measure before, else after that one.

    ``Britain announced a sixth round of sanctions, while Canada added six individuals to its sanctions
    list``: the six individuals are Canada's, and Canada is not Britain's target.
    """
    for p in reversed(_within(places, (after, mention.start))):
        if p.canon == issuer:
            return p.start
    return after


def _within(places: list[_Place], window: tuple[int, int]) -> list[_Place]:
    """The places inside ``window``; ``places`` is in text order."""
    i = bisect.bisect_left(places, window[0], key=lambda p: p.start)
    j = bisect.bisect_left(places, window[1], lo=i, key=lambda p: p.start)
    return [p for p in places[i:j] if p.end <= window[1]]


def _analyse(scan: Scan, window: tuple[int, int], mentions: list[_Mention], places: list[_Place]) -> _Fact:
    text = scan.text
    here = _within(places, window)
    first = mentions[0]
    answered = _lower(scan, max(window[0], first.start - 60), first.start)
    counted = window
    if any(w in answered for w in ("respon", "reply", "retaliat")) and patterns.search(
        _ANSWERED, text, max(window[0], first.start - 60), first.start
    ):
        counted = (first.start, window[1])  # "banned 92 U.S. citizens in response to Washington's sanctions"
    counts, count_spans = listed(scan, counted, first)
    total = _may_total(_lower(scan, *window)) and patterns.search(_RUNNING_TOTAL, text, *window) is not None
    if total:  # "has so far blacklisted more than 200": what all past measures listed, not this one
        counts = {key: None for key in counts}
    if counts["persons"] is not None and counts["entities"] is None and counts["listings"] is None:
        ends = [e for (b, e) in count_spans]
        if ends and patterns.match(_AND_ONE_ENTITY, text, ends[0], window[1]):
            counts["entities"] = 1  # "three commanders ... and a gold trading company"
        elif ends and (single := _one_first(scan, mentions, window[1], count_spans[0][0])):
            if single == "entities":
                counts["entities"] = 1  # "lifted sanctions on the shipping arm of ... and two of its executives"
            else:
                counts["persons"] = (counts["persons"] or 0) + 1  # "on the head of the army and five officers"
    if counts["persons"] is None and scan.search(_NAMED_PERSON, *window):
        counts["persons"] = 1  # "on the group's leader, Mohamed Hamdan Dagalo, as well as seven companies"
    elif all(v is None for v in counts.values()):
        singles = (
            patterns.match(_ONE_LISTED, text, m.end, window[1])
            for m in mentions
            if m.trigger.group("verb") or _lower(scan, m.end, m.end + 14).split()[:1] in _ONE_PREPS
        )
        one = next((o for o in singles if o), None)
        if one:  # "sanctions on a Rwandan army general", "sanctioned the leader of the RSF"
            counts["entities" if one.lastgroup == "entities" else "persons"] = 1
        bare = next(
            (
                b
                for m in mentions
                if m.trigger.group("verb") and (b := patterns.match(_BARE_COUNT, text, m.end, window[1]))
            ),
            None,
        )
        if not one and bare and not (len(bare.group("n")) == 4 and bare.group("n")[:2] in ("19", "20")):  # a year
            counts["persons"] = parse_number(bare.group("n"))
    governing = [_governing_cue(scan, window, m) for m in mentions]
    if all(v is None for v in counts.values()):
        for m, cue in zip(mentions, governing):
            if cue is not None and cue.end() < m.start and _lower(scan, m.end - 4, m.end) == "list":
                removed = patterns.match(_ONE_LISTED, text, cue.end(), m.start)
                if removed is not None:  # "removed a former Sudanese finance minister from its sanctions list"
                    counts["entities" if removed.lastgroup == "entities" else "persons"] = 1
                    break
    primary = next(
        (m for m in mentions if scan.search(_NEW, m.start, m.end)),
        next((m for m, g in zip(mentions, governing) if g), mentions[0]),
    )
    if primary is not mentions[0] and governing[0] is not None and _appositive(scan, primary):
        primary = mentions[0]  # "imposed sanctions on four nationals ..., its 14th round of sanctions"
    found = scan.search(_ORDINAL_PACKAGE, primary.start, primary.end) or scan.search(_ORDINAL_PACKAGE, *window)
    ordinal = parse_ordinal(found.group("ord")) if found else None
    issuer = _issuer(scan, window, primary, here)
    target = primary.target
    if target is None or text.startswith((" and ", ", "), primary.end):
        # "sanctions on Venezuela", unless more are named with it ("on Russia and Belarus")
        aimed = _target(scan, primary, here, issuer, count_spans)
        if target is None or (aimed or "").startswith((target + " and ", target + ", ")):
            target = aimed
    value: dict[str, Any] = {
        "issuer": issuer,
        "target": target,
        "ordinal": ordinal,
        **counts,
        "status": _status(scan, window, primary, governing[mentions.index(primary)]),
    }
    fact = _Fact(primary.start, primary.end, window, value, f"sanctions:{primary.trigger.lastgroup}")
    fact.explicit_issuer = issuer is not None
    fact.new = not total and (
        bool(scan.search(_NEW, primary.start, primary.end))
        or ordinal is not None
        or any(v is not None for v in counts.values())
    )
    # a running total is no measure of its own; one named as the cause of a response is ("in response to
    # Washington's sanctions")
    fact.governed = not total and (any(governing) or counted != window) and not _standing(scan, primary)
    cue = governing[mentions.index(primary)]
    fact.renewal = cue is not None and cue.group().lower().startswith(_RENEWALS)
    fact.acts = cue is not None and cue.lastgroup == "adopted" and cue.end() <= primary.start and not fact.renewal
    if cue is not None and fact.new and cue.start() < primary.start and any(v is not None for v in counts.values()):
        # "Treasury also lifted sanctions on three former officials": its own verb and list, a second measure
        fact.distinct = _lower(scan, max(window[0], cue.start() - 6), cue.start()).endswith(" also ")
    fact.earlier = cue is not None and cue.lastgroup == "adopted" and bool(
        _lower(scan, max(window[0], cue.start() - 12), cue.start()).split()[-1:] in _EARLIER_WORDS
        and patterns.search(_EARLIER, text, max(window[0], cue.start() - 12), cue.start())
        or _lower(scan, window[0], window[0] + 12).lstrip().startswith(("in", "last", "since", "back", "earlier"))
        and patterns.match(_FRONTED_TIME, text, window[0], primary.start)
    )
    return fact


def _one_first(scan: Scan, mentions: list[_Mention], end: int, first_count: int) -> str | None:
    """``persons`` or ``entities`` when one of them is named in the singular right after a mention and before the
    first count (``on the state oil company ... and on 3 high officials``, ``on the head of the army and five``)."""
    for m in mentions:
        if m.end >= first_count:
            continue
        one = patterns.match(_ONE_LISTED, scan.text, m.end, first_count)
        if one is not None:
            return "persons" if one.group("head") else one.lastgroup
        if " the " in _lower(scan, m.end, m.end + 40) and patterns.match(_THE_ONE_ENTITY, scan.text, m.end, end):
            return "entities"
    return None


def _standing(scan: Scan, mention: _Mention) -> bool:
    """``urged members to enforce existing sanctions``: the measures in force, no new one (counts still make one)."""
    before = _lower(scan, max(0, mention.start - 30), mention.start)
    return before.endswith(" existing ") and any(verb in before for verb in _UPHOLD)


# Verbs that keep measures in force: "enforce existing sanctions" (but "expanded existing sanctions" makes new ones).
_UPHOLD = ("enforc", "implement", "uphold", "apply", "respect", "observ", "comply", "maintain", "keep")


def _appositive(scan: Scan, mention: _Mention) -> bool:
    """``, its 14th round``: a phrase that renames the measure told before it in its sentence."""
    return _lower(scan, max(0, mention.start - 8), mention.start).endswith((", its ", ", the ", ", their "))


def listed(
    scan: Scan, window: tuple[int, int], mention: _Mention | None = None
) -> tuple[dict[str, int | None], list[tuple[int, int]]]:
    """How many persons, entities or listings the counts in ``window`` name (tolls left out), and where.

    Counts from the mention on come first: in ``Measures against about 300 persons stay in force, and
    the EU imposed sanctions against 6 persons`` the measure lists 6. A count the measure ``would also
    list`` is a part of it, not its size.
    """
    counts: dict[str, int | None] = {"persons": None, "entities": None, "listings": None}
    count_spans: list[tuple[int, int]] = []
    found = list(scan.counts(*window))
    if mention is not None:
        found.sort(key=lambda m: m.start() < mention.start)
    for m in found:
        if scan.match(_CASUALTY_AFTER, m.end()) or scan.search(_CASUALTY_AROUND, max(0, m.start() - 40), m.start("n")):
            continue
        if mention is not None and m.start() >= mention.end and _also_before(scan, mention.end, m.start()):
            continue
        key = m.lastgroup or ""
        if _total_to(scan, m.start("n")):
            continue  # "bringing the total to more than 2,200 listings": every measure so far
        if _year_before_words(m):
            continue  # "has sanctioned 2021 coup leaders": a year that qualifies them
        if key in counts and counts[key] is not None and count_spans and m.start() - count_spans[-1][1] <= 1:
            n = parse_number(m.group("n"))
            if n is not None and m.group().lower().startswith("and ") and _same_key(count_spans[-1], key, found):
                counts[key] = (counts[key] or 0) + n  # "four RSF commanders and two Sudanese army officers": 6
                count_spans.append(m.span())
            continue
        if key in counts and counts[key] is None:
            n = parse_number(m.group("n"))
            if n is not None and m.group().lower().startswith("and") and (
                key == "entities" and _parent_and(scan, m) or patterns.match(_OTHER_COUNT, m.group(), 3)
            ):
                n += 1  # "the central bank and 12 other entities": 13
            counts[key] = n
            count_spans.append(m.span())
    return counts, count_spans


def _same_key(span: tuple[int, int], key: str, found: list[Match]) -> bool:
    """The count at ``span`` lists the same kind (persons, entities) as ``key``."""
    return any(m.span() == span and m.lastgroup == key for m in found)


def _total_to(scan: Scan, n: int) -> bool:
    """``_TOTAL_TO`` ends at ``n``: ``to`` and a total word are in the 80 characters before (str-checked first)."""
    before = _lower(scan, max(0, n - 80), n)
    return (
        " to " in before
        and any(word in before for word in ("total", "tally", "number", "count"))
        and patterns.search(_TOTAL_TO, scan.text, max(0, n - 80), n) is not None
    )


def _year_before_words(m: Match) -> bool:
    n = m.group("n")
    after = m.group()[m.end("n") - m.start() :]
    return len(n) == 4 and n[:2] in ("19", "20") and n.isdigit() and len(after.split()) > 1


def _also_before(scan: Scan, start: int, end: int) -> bool:
    """``a package that would also list three entities``: ``also`` just before the count's verb."""
    words = _lower(scan, max(start, end - 20), end).split()
    return "also" in words[-2:]


_ONE_PREPS = (["on"], ["against"], ["targeting"])
_RENEWALS = ("extend", "prolong", "renew", "roll")
_EARLIER_WORDS = [[w] for w in ("first", "last", "previously")]


def _lower(scan: Scan, start: int, end: int) -> str:
    """The case-folded text of [start, end)."""
    return scan.folded[start:end] if scan.folded is not None else scan.text[start:end].lower()


def _may_total(chunk: str) -> bool:
    """Necessary for ``_RUNNING_TOTAL``: one of its words."""
    return any(word in chunk for word in ("far", "total", "date", "altogether", "told", "number", "tally")) or (
        "since" in chunk and ("has " in chunk or "have " in chunk)
    )


def _parent_and(scan: Scan, m: Match) -> bool:
    """``Gazprombank and six of its foreign subsidiaries``: a named company plus its units."""
    text = scan.text
    return bool(
        patterns.search(_OF_ITS, text, m.start("n"), m.end())
        and patterns.search(_PARENT_AND, text, max(0, m.start() - 40), m.start())
    )


def _governing_cue(scan: Scan, window: tuple[int, int], mention: _Mention) -> Match | None:
    """The status verb nearest the mention that acts on it: just before it, inside it, or after it in the passive."""
    text = scan.text
    ws, we = window
    found: Match | None = None
    for cue in scan.status(max(ws, mention.start - 80), min(we, mention.end + 40)):
        if cue.lastgroup in ("demanded", "negated"):
            found = None  # "called for the lifting of sanctions", "will not lift sanctions": nothing happens
            continue
        if cue.lastgroup == "maintained":
            if cue.end() <= mention.start:
                found = None  # "agreed to keep sanctions on Myanmar": what stands, no new measure
            continue
        if cue.start() < mention.start < cue.end():
            if _lower(scan, cue.start(), mention.start).split() in _TO_DETERMINER:
                continue  # "added two gang leaders to its blacklist": a list, not "to blacklist"
            return cue  # "legislation that would sanction Azerbaijani officials": the cue holds the verb
        if cue.start() >= mention.start and cue.end() <= mention.end:
            trigger = mention.trigger
            if not trigger.group("verb") and trigger.start() <= cue.start() and cue.end() <= trigger.end():
                continue  # "could impose travel bans and asset freezes": the noun names the measure, no verb acts
            if found is not None and cue.start() >= mention.trigger.end():
                return found  # "lifted most of the sanctions imposed on Niger": the participle only describes them
            return cue
        if cue.end() <= mention.start:
            gap = text[cue.end() : mention.start].lstrip().translate(_UNQUOTE)  # 'threatened "very severe" sanctions'
            filler = patterns.match(_GAP_FILLER, gap) if gap[:1] in _FILLER_OPENINGS else None
            while filler and filler.end():
                gap = gap[filler.end() :]
                filler = patterns.match(_GAP_FILLER, gap) if gap[:1] in _FILLER_OPENINGS else None
            if may_govern(gap) and patterns.fullmatch(_GOVERNED_GAP, gap) or _list_object(scan, mention, gap):
                found = cue  # keep the last, nearest one
        elif found is None and scan.search(_PASSIVE_GAP, mention.end, cue.start()):
            return cue
        else:
            break
    return found


_TO_DETERMINER = [["to", d] for d in ("its", "the", "their", "his", "her", "a", "an")]
_LIST_LEADS = tuple(f" {p} {d}" for p in ("to", "from") for d in ("its", "the", "their", "his", "her"))


def _list_object(scan: Scan, mention: _Mention, gap: str) -> bool:
    """``removed a former Sudanese finance minister from its sanctions list``: the verb acts on the list past an
    object of up to eight words, when the gap ends in ``to``/``from`` and a determiner and holds no clause mark."""
    return (
        _lower(scan, mention.end - 4, mention.end) == "list"
        and (" " + gap.lower()).rstrip().endswith(_LIST_LEADS)
        and len(gap.split()) <= 8
        and not any(c in gap for c in ",;:.!?“”\"()")
    )


def _status(scan: Scan, window: tuple[int, int], mention: _Mention, governing: Match | None) -> str:
    """The governing cue's status, else the nearest cue's (one clause beats two); adopted when none."""
    text = scan.text
    cue = governing
    if cue is None:
        best: tuple[int, Match] | None = None
        for c in scan.status(*window):
            if c.lastgroup == "failed":
                continue  # "new sanctions blocked the assets of ...": a veto counts only where it governs
            if c.end() <= mention.start:
                gap, dist = (c.end(), mention.start), mention.start - c.end()
            elif c.start() >= mention.end:
                gap, dist = (mention.end, c.start()), c.start() - mention.end + 15
            else:
                gap, dist = (0, 0), 0
            if scan.search_in(_CLAUSE_BREAK, *gap):
                dist += 60
            if best is None or dist < best[0]:
                best = (dist, c)
        if best is None:
            return "adopted"
        cue = best[1]
    kind = cue.lastgroup or "adopted"
    if kind in ("proposed", "announced", "infinitive") and patterns.search(_CONDITIONAL, text, *window):
        return "threatened"  # "will impose sanctions if Russia invades"
    return _KIND_STATUS.get(kind, kind)


_KIND_STATUS = {
    "negated": "adopted",
    "maintained": "adopted",
    "demanded": "adopted",
    "announced": "adopted",  # "said it would adopt", "Canada will impose": a decision made public
    "counterfactual": "proposed",  # "a resolution that would have imposed new sanctions"
    "failed": "proposed",  # "failed to agree the 18th package", "Russia blocked a proposal": not (yet) adopted
    "infinitive": "proposed",  # "urged Biden to impose"
}
