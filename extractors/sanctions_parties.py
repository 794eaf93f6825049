"""Who imposes a sanctions measure and whom it aims at, read from the places named in its sentence."""

from __future__ import annotations

from extractors import patterns
from extractors.numbers import NUMBER_WORDS
from extractors.places import COUNTRY_NAMES, ISSUERS, NON_STATE, PLACE_AT, _CANON, _PLACE, as_written, party_canon
from extractors.sanctions_scan import Scan
from extractors.sanctions_patterns import (
    _BY_BEFORE, _GOODS_FROM, _CLAUSE_BREAK, _CLAUSE_SUBJECT, _SAID_IT,
    _COORDINATED, _FAR_BREAK, _ISSUING_VERB_RE, _LISTED_AFTER,
    _LOCATION_BEFORE, _MODIFIER_AFTER, _RELATIVE,
    _Mention, _OVER_BEFORE, _OWNER_GAP, _PARTY_TAIL, _POSSESSIVE, _PREPOSITION_END, _Place, _STRONG_BEFORE,
    _SUBJECT_TAIL, _SUPPLIED_BEFORE, _TARGET_BEFORE, _URGES, _VICTIM_BEFORE,
)

def _target_name(phrase: str, following: str = "") -> tuple[str | None, int]:
    """The country a place cue at the head of ``phrase`` names, else the party as written; and its length.

    ``following`` is the text right after the phrase: ``Houthi`` is named with the noun after it (``Houthi rebels``).
    """
    m = patterns.match(PLACE_AT.get(phrase[:1].lower(), _PLACE), phrase)  # the cues that may start there
    if m:
        owned = patterns.match(_POSSESSIVE, phrase, m.end())
        party = patterns.match(_PLACE, phrase, owned.end()) if owned else None
        if party and _CANON[party.lastgroup or ""] in NON_STATE:  # "Somalia's al-Shabaab": the group is meant
            name = as_written(_CANON[party.lastgroup or ""], phrase + following, party.start(), party.end())
            return name, party.end()
        after = patterns.match(_MODIFIER_AFTER, phrase, m.end())
        if not after:
            return as_written(_CANON[m.lastgroup or ""], phrase + following, m.start(), m.end()), m.end()
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
        if _owner(scan, p, mention) or _list_owner(text, p, mention):
            adjunct = p  # "the EU's blacklist", "Washington's new sanctions", "add them to the UN sanctions list"
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
            elif p.canon in ISSUERS and not _listed_count(scan, window, p):
                # "added 21 British journalists" lists them; "Two U.S. senators introduced" opens the sentence
                before = p
        elif p.start < mention.end:
            if p.canon in ISSUERS:
                adjunct = p  # "EU sanctions", "U.S. Treasury sanctions"
        elif after is None and p.canon in ISSUERS and not scan.search_in(_TARGET_BEFORE, ctx, p.start):
            if not patterns.match(_LISTED_AFTER, text, p.end):
                after = p
    if subject or adjunct or before:
        return (subject or adjunct or before).canon  # type: ignore[union-attr]
    filed = None if any(p.end <= mention.start for p in here) else _filed_from(scan, window)
    return filed or (after.canon if after else None)


def _listed_count(scan: Scan, window: tuple[int, int], place: _Place) -> bool:
    """A nationality counted among those listed, not the country opening its sentence (``Two U.S. senators``)."""
    return _counted(scan.text, place) and len(scan.text[_opening(scan, window) : place.start].split()) > 2


def _opening(scan: Scan, window: tuple[int, int]) -> int:
    """Where the window's own words begin: past a dateline (``WASHINGTON -``) that opens it."""
    return max([window[0]] + [end for start, end in scan.datelines if window[0] <= start < window[1]])


def _filed_from(scan: Scan, window: tuple[int, int]) -> str | None:
    """``WASHINGTON, July 14 (Reuters) - The president threatened ...``: with no place at all before the measure
    (``Ukraine's president called for`` names someone else acting), the EU/US/UK/UN the story was filed from,
    when its dateline opens the measure's sentence."""
    for start, end in scan.datelines:
        if window[0] <= start < window[1]:
            for m in scan.places(start, end):
                canon = _CANON[m.lastgroup or ""]
                if canon in ISSUERS:
                    return canon
    return None


def _list_owner(text: str, place: _Place, mention: _Mention) -> bool:
    """``to the UN sanctions list``: the issuer named in a list's own phrase keeps it (``to`` is no location)."""
    return (
        place.canon in ISSUERS
        and mention.start <= place.start < mention.end
        and text[mention.start : mention.end].lower().endswith("list")
    )


_SUPPLY_STEMS = ("suppl", "ship", "sold", "sell", "export", "deliver", "provid", "procur", "sourc", "smuggl")


def _supplied(text: str, start: int) -> bool:
    """``shipped electronics to``, ``procuring parts for``, ``supplied``: the one a listed network supplies."""
    before = text[max(0, start - 70) : start].lower()
    return any(stem in before for stem in _SUPPLY_STEMS) and patterns.search(_SUPPLIED_BEFORE, before) is not None


def _blocks(text: str, end: int) -> bool:
    """``Hungary vetoed the package``: the one who holds a measure up is neither its issuer nor its target."""
    words = text[end : end + 40].lower().split()[:3]
    return any(w.strip(",.;:'’\"") in _BLOCKING for w in words)


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
_BLOCKING = frozenset(
    "block blocks blocked blocking veto vetoes vetoed vetoing opposed opposes rejected rejects thwarted obstructed "
    "stymied torpedoed".split()
)


def _subject_of(scan: Scan, place: _Place, mention: _Mention) -> bool:
    """``China on Friday imposed sanctions``: a country whose first verb acts on the measure, in one clause.

    A relative clause between them is skipped: ``Switzerland, which is not an EU member, extended ...``.
    """
    begin = place.end
    if scan.text.startswith(" (", begin):  # "The Economic Community of West African States (ECOWAS) imposed"
        close = scan.text.find(")", begin, min(mention.start, begin + 40))
        if close > 0 and scan.text.find("(", begin + 2, close) < 0:
            begin = close + 1
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
    if any(w.strip(",.;:'’\"") in _BLOCKING for w in scan.text[begin:lead].lower().split()):
        return False  # "Russia blocked a proposal to add two firms to the UN sanctions list": not Russia's
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
        if p.canon == issuer or scan.match(_MODIFIER_AFTER, p.end) or _owner(scan, p, mention) or _blocks(text, p.end):
            rank = 9  # the issuer; "Iran-backed Houthis", where the Houthis are meant; "Hungary vetoed ..."
        elif p.start > mention.start and scan.search_in(_STRONG_BEFORE, ctx, p.start):
            rank = 1  # "on behalf of the Houthis", "funding the Wagner mercenary group"
        elif p.start >= mention.end and _goods_from(text, p.start):
            rank = 2  # "a food embargo on products from the EU"
        elif scan.search_in(_VICTIM_BEFORE, ctx, p.start):
            rank = 9  # "an attack against Ukraine", "weapons to Kyiv"
        elif p.start > mention.start and _supplied(text, p.start):
            rank = 4  # "firms in China that shipped electronics to Russia's military": the evasion serves Russia
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
    if canon != party_canon(canon):  # "Yemen's Houthi movement ..., sanctions on seven Houthi officials": Houthis
        canon = next(
            (p.canon for p in here
             if p.start >= mention.start and p.start < mention.end or any(s <= p.start < e for s, e in counts)
             if party_canon(p.canon) == party_canon(canon)),
            canon,
        )
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

