"""The side a troop figure belongs to when its own sentence's rules name none.

Annotators take the nearest side that the words tie the troops to. When a
sentence gives a figure with no side in its own phrase, clause or subject
("Until 2027 shall around 4,800 soldiers be stationed in the Baltic state"),
that side is the one opening the sentence ("Russia and Belarus on Friday
launched their drills, which Minsk said would involve tens of thousands of
troops"), or, when the sentence names no side at all, the one opening the
sentence before ("The Bundeswehr has put its brigade into service. ...").
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from extractors import patterns
from extractors.casualties_scan import LocalLayout, mentions

#: Countries, alliances, capitals, armies and missions that are a side when written as a subject or owner.
SIDES = (
    "Afghanistan|Albania|Algeria|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahrain|Bangladesh|Belarus|"
    "Belgium|Benin|Bolivia|Bosnia|Botswana|Brazil|Britain|Bulgaria|Burkina\\s+Faso|Burundi|Cambodia|Cameroon|"
    "Canada|Chad|Chile|China|Colombia|Congo|Croatia|Cuba|Cyprus|Czechia|Czech\\s+Republic|Denmark|Djibouti|"
    "Ecuador|Egypt|Eritrea|Estonia|Ethiopia|Finland|France|Georgia|Germany|Ghana|Greece|Guatemala|Guinea|Haiti|"
    "Guyana|Gabon|Liberia|Gambia|Madagascar|Ivory\\s+Coast|Dominican\\s+Republic|Jamaica|Suriname|Malta|Costa\\s+Rica|"
    "Bahamas|Barbados|Belize|Bhutan|Brunei|Cape\\s+Verde|Comoros|El\\s+Salvador|Equatorial\\s+Guinea|Eswatini|Fiji|"
    "Guinea-Bissau|Lesotho|Maldives|Mauritius|Papua\\s+New\\s+Guinea|Seychelles|Timor-Leste|Trinidad\\s+and\\s+Tobago|"
    "Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Japan|Jordan|Kazakhstan|Kenya|"
    "Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Libya|Lithuania|Luxembourg|Malawi|Malaysia|Mali|Mauritania|"
    "Mexico|Moldova|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Namibia|Nepal|Netherlands|New\\s+Zealand|"
    "Nicaragua|Niger|Nigeria|North\\s+Korea|North\\s+Macedonia|Norway|Oman|Pakistan|Panama|Paraguay|Peru|"
    "Philippines|Poland|Portugal|Qatar|Romania|Russia|Rwanda|Saudi\\s+Arabia|Senegal|Serbia|Sierra\\s+Leone|"
    "Singapore|Slovakia|Slovenia|Somalia|South\\s+Africa|South\\s+Korea|South\\s+Sudan|Spain|Sri\\s+Lanka|Sudan|"
    "Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tunisia|Turkey|Türkiye|Turkmenistan|"
    "Uganda|Ukraine|United\\s+Arab\\s+Emirates|UAE|United\\s+Kingdom|U\\.?K\\.|United\\s+States|U\\.S\\.|US|USA|"
    "America|Uruguay|Uzbekistan|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|NATO|Nato|EU|European\\s+Union|"
    "U\\.N\\.|UN|United\\s+Nations|African\\s+Union|ECOWAS|Hamas|Hezbollah|Wagner(?:\\s+(?:Group|PMC))?|Africa\\s+Corps|CSTO|SADC|"
    # peacekeeping and alliance missions known by their acronym ("serving with KFOR")
    "KFOR|EUFOR|ISAF|UNIFIL|UNDOF|UNFICYP|UNMISS|MONUSCO|MINUSMA|MINUSCA|AMISOM|ATMIS|"
    # capitals and seats of power stand for their governments ("Washington plans to withdraw ...")
    "Washington|Moscow|Kyiv|Kiev|Beijing|London|Paris|Berlin|Tehran|Ankara|Jerusalem|Tokyo|Seoul|Pyongyang|"
    "Minsk|Warsaw|Brussels|Baghdad|Damascus|Kabul|Islamabad|New\\s+Delhi|Riyadh|Cairo|Khartoum|Tripoli|Rome|"
    "Madrid|Ottawa|Canberra|Taipei|Manila|Yerevan|Baku|Tbilisi|Vilnius|Riga|Tallinn|Helsinki|Stockholm|Oslo|"
    "Bucharest|Budapest|Prague|Belgrade|Athens|Amman|Beirut|Caracas|Kremlin|Pentagon|"
    # armies known by their own name
    "Bundeswehr|IDF|PLA|Tatmadaw"
)

#: Capitalized words that start a sentence without naming a side.
_NOT_SIDE = r"(?:The|A|An|Its|Their|His|Her|This|That|These|Those|Some|Many|Both|Other)\b"
#: A sentence's opening subject when it is a side, after any dateline ("MINSK, Sept 12 (AFP) - "), and then
#: its verb: "Russia and Belarus on Friday launched", "The Bundeswehr has", "Poland will".
_OPENING = patterns.lazy(
    rf"""\s*(?:\p{{Lu}}[\p{{Lu}}\s,.]{{1,30}}(?:[\p{{L}}\d\s,.]{{1,20}})?(?:\([^()\n]{{1,20}}\))?\s[-–—]\s+)?
    (?:[Tt]he\s+)?
    (?P<actor>(?:{SIDES})(?:\s+and\s+(?:{SIDES}))?)(?![\p{{L}}'’.\-])
    (?:\s+on\s+\p{{Lu}}\p{{Ll}}+|\s+\p{{Ll}}+ly)?
    \s+(?!(?:says|said|claims|claimed|reports|reported|warns|warned|believes|believed|estimates|estimated|
        accuses|accused|fears|feared|denies|denied|insists|insisted)\b)
    (?:will|would|has|have|had|is|was|are|were|\p{{Ll}}{{2,}}(?:ed|s)|began|sent|held|kept|put|brought|took|led|
        built|ran|set|made|gave|withdrew|fought|sought)\b""",
    patterns.FLAGS & ~regex.IGNORECASE,
)
#: Any side named in a sentence; one after a preposition ("in Vilnius", "to Poland") names a place.
_ANY_SIDE = patterns.lazy(
    rf"""(?<![\p{{L}}.])(?:(?:{SIDES})|(?!{_NOT_SIDE})\p{{Lu}}\p{{Ll}}+(?:an|ese|ish|ch|i))(?![\p{{L}}])""",
    patterns.FLAGS & ~regex.IGNORECASE,
)
_SIZING_WORDS = ("which", "involv", "includ", "comprising", "made up of", "consisting of")
_PLACE_WORDS = frozenset("in into to at near from across inside on towards toward".split())


def sentence_side(text: str, layout: LocalLayout, count_start: int) -> str | None:
    """The side opening the figure's sentence, or the one opening the sentence before when the figure's
    sentence names no side but places."""
    s_start, _ = layout.sentence(count_start)
    sizing = mentions(text, s_start, count_start, _SIZING_WORDS)
    m = patterns.match(_OPENING, text, s_start, count_start) if sizing else None
    if m is not None:
        # only when the figure sizes what the subject does ("launched drills, which would involve ..."); in
        # "Poland closed its border as thousands of troops massed in Belarus" the troops are someone else's
        return m.group("actor") if mentions(text, m.end(), count_start, _SIZING_WORDS) else None
    if s_start < 2 or _names_side(text, s_start, layout.sentence(count_start)[1]):
        return None
    stop = s_start - 1  # the full stop ending the sentence before
    while stop > 0 and text[stop].isspace():
        stop -= 1
    if stop < 1 or "\n\n" in text[stop:s_start]:
        return None  # no sentence before in the same paragraph
    p_start, p_end = layout.sentence(stop - 1)
    m = patterns.match(_OPENING, text, p_start, p_end)
    return m.group("actor") if m is not None else None


def _names_side(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a side other than as a place after a preposition ("in Vilnius",
    "to the Baltic state")."""
    for at in _capitals(text, start, end):
        words = [w.lower() for w in text[max(start, at - 16) : at].split()[-2:]]
        if words[-1:] == ["the"]:
            words = words[:-1]
        if words and words[-1] in _PLACE_WORDS:
            continue
        if patterns.match(_ANY_SIDE, text, at, end) is not None:
            return True
    return False


def _capitals(text: str, start: int, end: int) -> Iterator[int]:
    """Where each word starting with a capital letter begins in ``text[start:end]``: the only places a side may."""
    at = start
    while at < end:
        if text[at].isupper() and (at == start or not text[at - 1].isalpha() and text[at - 1] != "."):
            yield at
        at += 1


#: Missions known by their acronym: a figure of peacekeepers, or one "the mission" gives, in a story about
#: one of them belongs to it ("MONUSCO ... Some 2,000 peacekeepers have left the province, the mission said").
_MISSIONS = patterns.lazy(
    r"""(?<![\p{L}.])(?P<actor>KFOR|EUFOR|ISAF|UNIFIL|UNDOF|UNFICYP|UNMISS|UNISFA|UNMIK|UNAMID|MONUSCO|MINUSMA
    |MINUSCA|MINURSO|MINUSTAH|AMISOM|ATMIS|AUSSOM|SAMIDRC|SAMIM|EUTM|EUCAP)(?![\p{L}])""",
    patterns.FLAGS & ~regex.IGNORECASE,
)
_MISSION_CUES = ("peacekeep", "blue helmet", "uniformed", "the mission", "mission's")
#: How far before a figure the story's mission may be named.
_MISSION_REACH = 600


def mission_side(text: str, layout: LocalLayout, count_start: int, end: int) -> str | None:
    """The mission named last in the paragraph before a figure that is one of peacekeepers or that ``the
    mission`` gives, when nothing else names its side."""
    s_start, s_end = layout.sentence(count_start)
    if not mentions(text, s_start, s_end, _MISSION_CUES):
        return None
    lo = max(0, count_start - _MISSION_REACH)
    paragraph = text.rfind("\n\n", lo, count_start)
    if paragraph >= 0:
        lo = paragraph
    last = None
    for m in patterns.finditer(_MISSIONS, text, lo, count_start):
        last = m
    return last.group("actor") if last is not None else None
