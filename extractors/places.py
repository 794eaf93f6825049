"""A gazetteer for sanctions copy: country names, adjectives, capitals, leaders and agencies to whom they stand for.

``Moscow``, ``the Kremlin`` and ``Putin`` all mean Russia as an issuer or a target;
blocs (``the Union``, ``Brussels``) and armed groups (``the Houthis``) are named too.
"""

from __future__ import annotations

import regex

from extractors import patterns


def compile_simple(pattern: str, flags: int = patterns.FLAGS) -> regex.Pattern[str]:
    """``patterns.compile`` with simple case-folding.

    VERSION1 folds case fully (``ß`` matches ``ss``, ``ﬁ`` matches ``fi``), which made the
    long alternations here several times slower; sanctions cues are plain English words.
    """
    return patterns.compile("(?-f)" + pattern, flags)


#: Issuers FACTS.md normalizes; any other issuer or target is a country name or the party as written.
ISSUERS = frozenset({"EU", "US", "UK", "UN"})
#: Parties that are not states: "Yemen's Houthis" aims at the Houthis, not at Yemen.
NON_STATE = frozenset({
    "Houthis", "Hezbollah", "Hamas", "Taliban", "Wagner", "al-Shabaab", "Islamic State", "al-Qaeda",
    *("Republika Srpska", "Transnistria", "Abkhazia", "South Ossetia", "Somaliland", "Northern Cyprus"),
})
#: As a target, an issuer that is a country is named as the country (``sanctions on U.S. firms``: United States).
COUNTRY_NAMES = {"US": "United States", "UK": "United Kingdom"}

# --- places: canonical name -> cues; capitals, leaders and agencies stand for their country ---

_PLACES: dict[str, tuple[str, ...]] = {
    "EU": (
        r"(?-i:EU|E\.U\.)", r"European\s+(?:Union|Commission|Council)", r"(?<=\bthe\s)(?-i:Union)(?!\s+of)",
        r"(?<=\bthe\s)bloc", r"\d+-(?:nation|member|country)\s+bloc", r"Brussels", r"Borrell",
        r"von\s+der\s+Leyen", r"Kaja\s+Kallas", r"European(?!\s+(?:Court\s+of\s+Human|Free\s+Trade|Space))",
    ),
    "US": (
        r"(?-i:U\.S\.(?:A\.)?|USA?)", r"United\s+States", r"(?<!Latin\s|South\s|North\s|Central\s)America(?:ns?)?",
        r"Washington(?!\s+Post)", r"Treasury", r"OFAC", r"Office\s+of\s+Foreign\s+Assets\s+Control",
        r"State\s+Department", r"Department\s+of\s+State", r"Commerce\s+Department", r"White\s+House", r"Biden",
        r"Blinken", r"Yellen", r"Trump", r"Obama", r"Pompeo", r"Rubio",
    ),
    "UK": (
        r"(?-i:UK|U\.K\.)", r"HM\s+Treasury", r"(?:Great\s+)?Britain", r"British", r"United\s+Kingdom", r"London",
        r"Foreign\s+Office", r"Downing\s+Street", r"Whitehall", r"Truss", r"Sunak", r"Starmer", r"Lammy",
        r"Boris\s+Johnson", r"Raab",
    ),
    "UN": (r"(?-i:UN|U\.N\.|UNSC)", r"United\s+Nations", r"(?<!Peace\s+and\s+)Security\s+Council"),
    "Russia": (r"Russian\s+Federation", r"Russia(?:ns?)?", r"Moscow", r"Kremlin", r"Putin", r"Poutine"),
    "Belarus": (
        r"Belarus(?:s?ians?)?", r"Byelorussia", r"Lukashenk[oa]",
        r"Minsk(?!\s+(?:agreements?|accords?|deal|protocol|peace|process|format))",
    ),
    "Iran": (r"Iran(?:ians?)?", r"Tehran", r"Teheran", r"Khamenei", r"Raisi", r"IRGC",
             r"Revolutionary\s+Guards?(?:\s+Corps)?"),
    "North Korea": (r"North\s+Koreans?", r"North\s+Korea", r"Pyongyang", r"DPRK", r"Kim\s+Jong[\s-]?un"),
    "South Korea": (r"South\s+Koreans?", r"South\s+Korea", r"Seoul"),
    "Venezuela": (r"Venezuela(?:ns?)?", r"Caracas", r"Maduro"),
    "Syria": (r"Syrians?", r"Syria", r"Damascus", r"Assad"),
    "China": (r"China", r"Chinese", r"Beijing", r"Xi\s+Jinping"),
    "Cuba": (r"Cubans?", r"Cuba", r"Havana"),
    "Myanmar": (r"Myanmar", r"Burma", r"Burmese", r"Naypyi[dt]aw"),
    "Nicaragua": (r"Nicaragua(?:ns?)?", r"Managua"),
    "Afghanistan": (r"Afghanistan", r"Afghans?"),
    "Iraq": (r"Iraq(?:is?)?", r"Baghdad"),
    "Libya": (r"Libyans?", r"Libya", r"Tripoli"),
    "South Sudan": (r"South\s+Sudan(?:ese)?",),
    "Sudan": (r"(?<!South\s)Sudan(?:ese)?", r"Khartoum", r"Darfur", r"Kordofan"),  # its regions stand for it
    "Mali": (r"Mali(?:ans?)?", r"Bamako"),
    "Eritrea": (r"Eritreans?", r"Eritrea"),
    "Zimbabwe": (r"Zimbabwe(?:ans?)?", r"Harare"),
    "Ethiopia": (r"Ethiopians?", r"Ethiopia"),
    "Somalia": (r"Somalia", r"Somalis?"),
    "Yemen": (r"Yemen(?:is?)?",),
    "Lebanon": (r"Lebanon", r"Lebanese", r"Beirut"),
    "Turkey": (r"Turkey", r"Turkish", r"T[üu]rkiye", r"Ankara", r"Erdogan"),
    "Israel": (r"Israel(?:is?)?",),
    "Ukraine": (r"Ukrain(?:e|ians?)", r"Kyiv", r"Kiev", r"Zelensk(?:yy|y|iy)"),
    "Serbia": (r"Serbian?s?", r"Belgrade"),
    "Montenegro": (r"Montenegr(?:o|ins?)", r"Podgorica"),
    "Hungary": (r"Hungary", r"Hungarians?"),
    "Germany": (r"Germany", r"Germans?", r"Berlin"),
    "France": (r"France", r"French", r"Paris"),
    "Japan": (r"Japan(?:ese)?", r"Tokyo"),
    "Canada": (r"Canada", r"Canadians?", r"Ottawa"),
    "Australia": (r"Australian?s?", r"Canberra"),
    "Switzerland": (
        r"Switzerland", r"Swiss", r"Bern", r"(?-i:SECO)",
        r"(?<!German\s|Austrian\s|Germany['’]s\s|Austria['’]s\s)Federal\s+Council",
    ),
    "Norway": (r"Norway", r"Norwegians?"),
    "New Zealand": (r"New\s+Zealand",),
    "India": (r"India(?:ns?)?", r"New\s+Delhi"),
    "Pakistan": (r"Pakistan(?:is?)?",),
    "Saudi Arabia": (r"Saudi\s+Arabia", r"Saudis?", r"Riyadh"),
    "United Arab Emirates": (r"United\s+Arab\s+Emirates", r"(?-i:UAE)", r"Emirati"),
    "Qatar": (r"Qatar(?:is?)?",),
    "Egypt": (r"Egypt(?:ians?)?", r"Cairo"),
    "Haiti": (r"Haiti(?:ans?)?", r"Port-au-Prince"),
    "Guinea": (r"(?<!Equatorial\s)Guinean?s?(?!-)", r"Conakry"),
    "Georgia": (r"Georgian?s?(?!\s+(?:State|Tech|Democrats?|Republicans?|Senator|Governor))", r"Tbilisi"),
    "Kazakhstan": (r"Kazakhstan", r"Kazakhs?", r"Astana"),
    "Uzbekistan": (r"Uzbekistan", r"Uzbeks?"),
    "Kyrgyzstan": (r"Kyrgyzstan", r"Kyrgyz"),
    "Tajikistan": (r"Tajikistan", r"Tajiks?"),
    "Vietnam": (r"Vietnam(?:ese)?", r"Hanoi"),
    "Thailand": (r"Thailand", r"Thai", r"Bangkok"),
    "Bangladesh": (r"Bangladesh(?:is?)?", r"Dhaka"),
    "Sri Lanka": (r"Sri\s+Lankan?s?",),
    "Philippines": (r"Philippines", r"Filipinos?", r"Manila"),
    "Indonesia": (r"Indonesian?s?", r"Jakarta"),
    "Brazil": (r"Brazil(?:ians?)?", r"Bras[ií]lia"),
    "Bolivia": (r"Bolivian?s?",),
    "Guatemala": (r"Guatemalan?s?",),
    "Honduras": (r"Honduras", r"Hondurans?"),
    "El Salvador": (r"Salvadorans?",),  # "El Salvador" itself would need a two-word opening
    "Burundi": (r"Burundi(?:ans?)?",),
    "Uganda": (r"Ugandan?s?", r"Kampala"),
    "Kenya": (r"Kenyan?s?", r"Nairobi"),
    "Tanzania": (r"Tanzanian?s?",),
    "Mozambique": (r"Mozambique", r"Mozambicans?"),
    "Cameroon": (r"Cameroon(?:ians?)?",),
    "Guinea-Bissau": (r"Guinea-Bissau",),
    "Tunisia": (r"Tunisian?s?", r"Tunis"),
    "Algeria": (r"Algerian?s?", r"Algiers"),
    "Morocco": (r"Morocc(?:o|ans?)", r"Rabat"),
    "Bahrain": (r"Bahrain(?:is?)?",),
    "Kuwait": (r"Kuwait(?:is?)?",),
    "Poland": (r"Poland", r"Polish", r"Warsaw"),
    "Lithuania": (r"Lithuanian?s?", r"Vilnius"),
    "Latvia": (r"Latvian?s?", r"Riga"),
    "Estonia": (r"Estonian?s?", r"Tallinn"),
    "Niger": (r"Niger(?!ia)",),
    "Nigeria": (r"Nigerian?s?",),
    "Burkina Faso": (r"Burkina\s+Faso",),
    "Cambodia": (r"Cambodian?s?",),
    "Hong Kong": (r"Hong\s+Kong",),
    "Taiwan": (r"Taiwan(?:ese)?", r"Taipei"),
    "Armenia": (r"Armenian?s?",),
    "Azerbaijan": (r"Azerbaijan(?:is?)?",),
    "Moldova": (r"Moldovan?s?",),
    "Kosovo": (r"Kosovo",),
    "Bosnia": (r"Bosnian?s?",),
    "Democratic Republic of Congo": (
        r"(?:Democratic\s+Republic\s+of\s+(?:the\s+)?)?Congo(?:lese)?", r"(?-i:DRC)", r"Kinshasa",
    ),
    "Rwanda": (r"Rwandan?s?", r"Kigali"),
    "Colombia": (r"Colombian?s?",),
    "Mexico": (r"Mexico", r"Mexicans?"),
    "G7": (r"(?-i:G7|G-7)", r"Group\s+of\s+Seven"),
    "G20": (r"(?-i:G20|G-20)",),
    "ECOWAS": (r"(?-i:ECOWAS)", r"Economic\s+Community\s+of\s+West\s+African\s+States"),
    "African Union": (r"African\s+Union",),
    # Other regional blocs, named as written.
    "Arab League": (r"Arab\s+League",),
    "ASEAN": (r"(?-i:ASEAN)",),
    "SADC": (r"(?-i:SADC)", r"Southern\s+African\s+Development\s+Community"),
    "IGAD": (r"(?-i:IGAD)",),
    "Gulf Cooperation Council": (r"Gulf\s+Cooperation\s+Council", r"(?-i:GCC)"),
    "Organization of American States": (r"Organi[sz]ation\s+of\s+American\s+States", r"(?-i:OAS)"),
    "Central African Republic": (r"Central\s+African\s+Republic", r"(?-i:CAR)", r"Bangui"),
    # Parties that are not countries, named as the copy names them.
    "Houthis": (r"Houthis?", r"Huthis?", r"Ansar\s+Allah"),
    "Hezbollah": (r"Hezbollah", r"Hizbollah"),
    "Hamas": (r"Hamas",),
    "Taliban": (r"Taliban",),
    "Wagner": (r"Wagner(?:\s+(?:Group|PMC|mercenary\s+group))?",),
    "al-Shabaab": (r"al-Shabaab?",),
    "Islamic State": (r"Islamic\s+State", r"(?-i:ISIS|ISIL)"),
    "al-Qaeda": (r"al-Qaeda", r"al-Qaida"),
    # Self-governing parts of a state, aimed at as written ("Bosnia's Republika Srpska").
    "Republika Srpska": (r"Republika\s+Srpska",),
    "Transnistria": (r"Transn?istria",),
    "Abkhazia": (r"Abkhazia",),
    "South Ossetia": (r"South\s+Ossetia",),
    "Somaliland": (r"Somaliland",),
    "Northern Cyprus": (r"Northern\s+Cyprus",),
}
_CANON = {f"p{i}": canon for i, canon in enumerate(_PLACES)}
_PLACE_ALT = "|".join(c for cues in _PLACES.values() for c in cues)


def _place_source(keep: str | None = None) -> str:
    """``_PLACE``, or with ``keep`` only the cues that may start with that (case-folded) character.

    Alternatives that cannot start where a match is tried change nothing about it (same text,
    same group names), so a match tried at a known character runs a twentieth of the alternation.
    """
    groups = (
        (i, [c for c in cues if keep is None or _first(c) in (None, keep)]) for i, cues in enumerate(_PLACES.values())
    )
    # news capitalizes places: the guard spares most positions the whole alternation
    return (
        r"(?<![\w#])(?=(?-i:[\p{Lu}\d])|bloc|al-)(?:"
        + "|".join(f"(?P<p{i}>{'|'.join(cues)})" for i, cues in groups if cues)
        + r")(?!\w)"
    )


def _first(cue: str) -> str | None:
    """The case-folded character a cue starts with, past its lookbehinds; None when it opens with a group or class."""
    while cue.startswith(("(?<=", "(?<!")):
        depth, i = 0, 0
        for i, ch in enumerate(cue):  # no cue escapes a parenthesis inside a lookbehind
            depth += (ch == "(") - (ch == ")")
            if depth == 0:
                break
        cue = cue[i + 1 :]
    return cue[0].lower() if cue[:1].isascii() and cue[:1].isalnum() else None


_PLACE = compile_simple(_place_source())
_PLACE_SOURCES = {c: _place_source(c) for c in "abcdefghijklmnopqrstuvwxyz0123456789"}
_PLACE_BY_SOURCE = {source: compile_simple(source) for source in set(_PLACE_SOURCES.values())}  # digits share one
#: ``_PLACE`` for a match tried where the case-folded text holds this ASCII letter or digit.
PLACE_AT: dict[str, regex.Pattern[str]] = {c: _PLACE_BY_SOURCE[source] for c, source in _PLACE_SOURCES.items()}
# "BRUSSELS (Reuters) -": where the story was filed, not who acted.
# "BELGRADE, Dec 31 (Reuters) -", "OTTAWA/TOKYO -": a date may follow the place, and places may be joined.
_DATELINE = compile_simple(
    r"^(?-i:\p{Lu}[\p{Lu}\s.,'’/-]*(?:\p{Lu}\p{Ll}{1,8}\.?\s+\d{1,2}\s*)?)(?:\s*\([^)\n]{0,40}\))?\s*[-–—]+\s",
    patterns.FLAGS | regex.M,
)


_METONYMS = frozenset(
    "brussels washington london moscow kremlin minsk tehran teheran pyongyang caracas damascus beijing havana kyiv "
    "kiev berlin paris tokyo ottawa canberra bern baghdad beirut cairo seoul riyadh ankara tripoli khartoum harare "
    "bamako managua taipei bangui kigali kinshasa belgrade port-au-prince naypyidaw naypyitaw".split()
)


# "Yemen's Houthi rebels", "the Wagner Group": a party is aimed at by the name the copy gives it.
_GROUP_NOUN = compile_simple(r"\s+(?P<noun>rebels|militias?|militants|movement|fighters|insurgents)(?!\w)")
_WRITTEN_CANON = {"houthi": "Houthis", "huthi": "Houthis", "wagner": "Wagner"}


def as_written(canon: str, text: str, start: int, end: int) -> str:
    """The name of the party matched at [start, end) as the copy writes it, else ``canon``.

    FACTS.md keeps a non-state target as written: ``the Wagner Group`` (a proper name, capital G) and
    ``Houthi rebels`` (the adjective needs its noun) are kept whole; ``the Wagner mercenary group`` is
    ``Wagner`` and ``Houthi officials`` (the listed, not the party) is ``Houthis``, spelled as written.
    """
    if canon not in ("Wagner", "Houthis"):
        return canon
    written = " ".join(text[start:end].split())
    if canon == "Wagner":
        return written if written.endswith((" Group", " PMC")) else canon
    if written.lower().startswith("ansar"):
        return canon
    if written.endswith("s"):
        return written
    noun = patterns.match(_GROUP_NOUN, text, end)
    return f"{written} {noun.group('noun')}" if noun else written + "s"


def party_canon(name: str) -> str:
    """The canonical name of a party kept as written (``Houthi rebels`` -> ``Houthis``), else ``name``."""
    return _WRITTEN_CANON.get(name.split(" ", 1)[0].lower().rstrip("s"), name)
