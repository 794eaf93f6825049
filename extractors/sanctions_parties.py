"""Who imposes a sanctions measure and whom it aims at, read from the places named in its sentence."""

from __future__ import annotations

from extractors import patterns
from extractors.numbers import NUMBER_WORDS
from extractors.places import COUNTRY_NAMES, ISSUERS, NON_STATE, PLACE_AT, _CANON, _PLACE
from extractors.sanctions_scan import Scan
from extractors.sanctions_patterns import (
    _BY_BEFORE, _GOODS_FROM, _CLAUSE_BREAK, _CLAUSE_SUBJECT, _SAID_IT,
    _COORDINATED, _FAR_BREAK, _ISSUING_VERB_RE, _LISTED_AFTER,
    _LOCATION_BEFORE, _MODIFIER_AFTER, _RELATIVE,
    _Mention, _OVER_BEFORE, _OWNER_GAP, _PARTY_TAIL, _POSSESSIVE, _PREPOSITION_END, _Place, _STRONG_BEFORE,
    _SUBJECT_TAIL, _TARGET_BEFORE, _URGES, _VICTIM_BEFORE,
)

def _target_name(phrase: str) -> tuple[str | None, int]:
    """The country a place cue at the head of ``phrase`` names, else the party as written; and its length."""
    m = patterns.match(PLACE_AT.get(phrase[:1].lower(), _PLACE), phrase)  # the cues that may start there
    if m:
        owned = patterns.match(_POSSESSIVE, phrase, m.end())
        party = patterns.match(_PLACE, phrase, owned.end()) if owned else None
        if party and _CANON[party.lastgroup or ""] in NON_STATE:
            return _CANON[party.lastgroup or ""], party.end()  # "Somalia's al-Shabaab": the group is meant
        after = patterns.match(_MODIFIER_AFTER, phrase, m.end())
        if not after:
            return _CANON[m.lastgroup or ""], m.end()
        inner = patterns.search(_PLACE, phrase, after.end())
        if inner:
            return _CANON[inner.lastgroup or ""], inner.end()
    tail = patterns.search(_PARTY_TAIL, phrase)
    name = (phrase[: tail.start()] if tail else phrase).rstrip(" .’'")
    if not name or len(name.split()) > 4:
        return None, 0
    return name, len(name)


def _issuer(scan: Scan, window: tuple[int, int], mention: _Mention, here: list[_Place]) -> str | None:
    """Who imposes the measure, in its own sentence: ``by the EU``, a subject before its verb, else EU/US/UK/UN."""
    text = scan.text
    subject: _Place | None = None
    adjunct: _Place | None = None
    before: _Place | None = None
    after: _Place | None = None
    previous: _Place | None = None
    for p in here:
        ctx = max(window[0], p.start - 40)
        prior, previous = previous, p
        if p.group or p.canon == mention.target or scan.match(_MODIFIER_AFTER, p.end):
            continue
        if p.start >= mention.end and scan.search_in(_BY_BEFORE, ctx, p.start) and _agent_of(text, p, mention):
            return p.canon  # "sanctions imposed by the EU"
        if _owner(scan, p, mention):
            adjunct = p  # "the EU's blacklist", "Washington's new sanctions"
            continue
        if scan.search_in(_LOCATION_BEFORE, ctx, p.start) or scan.search_in(_VICTIM_BEFORE, ctx, p.start):
            continue
        if p.end <= mention.start:
            if scan.search_in(_TARGET_BEFORE, ctx, p.start) or scan.search_in(_STRONG_BEFORE, ctx, p.start):
                continue
            if _subject_of(scan, p, mention):
                coordinated = prior is not None and scan.fullmatch_in(_COORDINATED, prior.end, p.start)
                if not (coordinated and subject is not None):
                    subject = p  # the nearest subject, but the first of "Japan and Canada"
            elif p.canon in ISSUERS and not _counted(text, p):
                before = p
        elif p.start < mention.end:
            if p.canon in ISSUERS:
                adjunct = p  # "EU sanctions", "U.S. Treasury sanctions"
        elif after is None and p.canon in ISSUERS and not scan.search_in(_TARGET_BEFORE, ctx, p.start):
            if not patterns.match(_LISTED_AFTER, text, p.end):
                after = p
    chosen = subject or adjunct or before or after
    return chosen.canon if chosen else None


def _goods_from(text: str, start: int) -> bool:
    """``_GOODS_FROM`` ends in ``from`` or ``of`` and at most ``the``: look for them first."""
    near = text[max(0, start - 10) : start]
    return ("from" in near or "of " in near) and bool(patterns.search(_GOODS_FROM, text, max(0, start - 60), start))


def _counted(text: str, place: _Place) -> bool:
    """``added 21 British journalists``: a nationality right after a number is of those listed, not the issuer."""
    words = text[max(0, place.start - 20) : place.start].split()
    return bool(words) and (words[-1].replace(",", "").isdigit() or words[-1].lower() in NUMBER_WORDS)


def _owner(scan: Scan, place: _Place, mention: _Mention) -> bool:
    """``the EU's blacklist``, ``Washington's new sanctions``: the owner of the measure issues it."""
    return (
        place.canon in ISSUERS
        and place.end <= mention.start
        and scan.fullmatch_in(_OWNER_GAP, place.end, mention.start) is not None
    )


def _agent_of(text: str, place: _Place, mention: _Mention) -> bool:
    """``sanctions imposed on Friday by the EU`` (not ``relief welcomed by Tehran``)."""
    between = text[mention.end : place.start]
    return len(between.split()) <= 8 and (
        len(between.split()) <= 2 or patterns.search(_ISSUING_VERB_RE, between) is not None
    )


_PASSIVE = [["was"], ["were"], ["been"], ["be"], ["is"], ["are"], ["being"]]


def _subject_of(scan: Scan, place: _Place, mention: _Mention) -> bool:
    """``China on Friday imposed sanctions``: a country whose first verb acts on the measure, in one clause.

    A relative clause between them is skipped: ``Switzerland, which is not an EU member, extended ...``.
    """
    begin = place.end
    if scan.text.startswith(",", begin):
        relative = patterns.match(_RELATIVE, scan.text, begin, mention.start)
        if relative:
            begin = relative.end()
    between = scan.text[begin : mention.start]
    if len(between.split()) > 14:
        return False
    m = scan.match_in(_SUBJECT_TAIL, begin, mention.start)
    if m is None and mention.trigger.group("verb") and len(between.split()) <= 3:
        # "Canada sanctioned five more individuals", "Canberra first sanctioned the junta": the mention is the verb
        return scan.search_in(_CLAUSE_BREAK, begin, mention.start) is None
    if m is None and mention.trigger.group("verb") and "it" in between.split()[-4:]:
        return patterns.fullmatch(_SAID_IT, scan.text[begin : mention.start]) is not None
    if m is None or scan.search_in(_CLAUSE_BREAK, begin, begin + m.end()):
        return False
    lead = begin + m.start("verb")
    if not m.group("verb").lower().endswith("ing") and scan.text[max(begin, lead - 6) : lead].split()[-1:] in _PASSIVE:
        return False  # "Wagner itself was placed under EU sanctions": the subject suffers the measure
    if m.group("verb").lower().endswith("ing") and scan.search_in(_PREPOSITION_END, begin, lead):
        return False  # "follow the EU in lifting", "accused the EU of imposing"
    return not scan.search_in(_URGES, begin, lead)  # "lawmakers urged Biden to impose": Biden would impose


def _target(
    scan: Scan, mention: _Mention, here: list[_Place], issuer: str | None, counts: list[tuple[int, int]]
) -> str | None:
    """Whom the measure aims at: a party it funds, a verb's object, a listed nationality, else another country."""
    text = scan.text
    ranked: list[tuple[int, int, str]] = []
    previous: tuple[_Place, int] | None = None
    joined: dict[int, _Place] = {}  # "against Russia and Belarus": a place -> the one coordinated after it
    for p in here:
        ctx = max(0, p.start - 40)
        if p.canon == issuer or scan.match(_MODIFIER_AFTER, p.end) or _owner(scan, p, mention):
            rank = 9  # the issuer; "Iran-backed Houthis", where the Houthis are meant
        elif p.start > mention.start and scan.search_in(_STRONG_BEFORE, ctx, p.start):
            rank = 1  # "on behalf of the Houthis", "funding the Wagner mercenary group"
        elif p.start >= mention.end and _goods_from(text, p.start):
            rank = 2  # "a food embargo on products from the EU"
        elif scan.search_in(_VICTIM_BEFORE, ctx, p.start):
            rank = 9  # "an attack against Ukraine", "weapons to Kyiv"
        elif scan.search_in(_LOCATION_BEFORE, ctx, p.start):
            # "companies based in Hong Kong"; but "abuses in Nicaragua" when nothing better
            rank = 9 if p.canon in ISSUERS else 7
        elif previous and scan.fullmatch_in(_COORDINATED, previous[0].end, p.start):
            rank = previous[1]  # "in Hong Kong and the United Arab Emirates"
            if rank == 7 and p.canon in ISSUERS:
                rank = 9
            elif "or" not in text[previous[0].end : p.start].split():
                joined[previous[0].start] = p
        elif scan.search_in(_TARGET_BEFORE, ctx, p.start):
            rank = 2  # "threatened Russia with", "sanctions on Moscow"
        elif any(s <= p.start < e for s, e in counts) or (
            p.start >= mention.start and patterns.match(_LISTED_AFTER, text, p.end)
        ):
            rank = 3  # "17 Belarusians", "on four Chinese officials"
        elif p.canon in ISSUERS:
            rank = 9
        elif mention.start <= p.start < mention.end:
            rank = 4  # "Iran sanctions"
        elif scan.search_in(_OVER_BEFORE, ctx, p.start):
            rank = 6  # "over Russia's war": the cause, a weak hint
        else:
            rank = 5
        if previous and rank >= 5 and scan.fullmatch_in(_POSSESSIVE, previous[0].end, p.start):
            rank = previous[1]  # "Yemen's Houthi movement": the Houthis are meant
            ranked = [r for r in ranked if r[1] != previous[0].start]
        if p.start >= mention.end and 1 < rank < 9 and patterns.search(_FAR_BREAK, text, mention.end, p.start):
            # past a comma the cue words no longer tie a name to the measure: the first name wins, and
            # one that opens a clause of its own ("..., and Japan said") is not aimed at
            rank = 9 if patterns.match(_CLAUSE_SUBJECT, text, p.end) else 8
        previous = (p, rank)
        if rank < 9:
            ranked.append((rank, p.start, p.canon))
    if not ranked:
        return None
    rank, start, canon = min(ranked)
    if rank != 2 or start not in joined:
        return canon
    last = joined[start]
    while last.start in joined:
        last = joined[last.start]
    # "on 182 Russian and Belarusian companies": nationalities of those listed, the first is meant
    return canon if patterns.match(_LISTED_AFTER, text, last.end) else _joined(canon, start, joined)


def _joined(canon: str, start: int, joined: dict[int, _Place]) -> str:
    """``sanctions against Russia and Belarus``: targets named together are one target, kept as one string."""
    names = [canon]
    while start in joined:
        p = joined[start]
        if p.canon not in names and not p.group:
            names.append(COUNTRY_NAMES.get(p.canon, p.canon))
        start = p.start
    names[0] = COUNTRY_NAMES.get(canon, canon)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

