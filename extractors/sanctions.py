"""Sanctions measures in news copy: who imposes them on whom, which package, how many listed, how far along.

Scanning is keyword-first: a literal scan per stem (``sanction``, ``embargo``,
``freez``, an ordinal before ``package``) finds the sanctions words, one
anchored pattern confirms each, and only the sentences holding one are read
further. A mention is a measure only when something happens to it in its
sentence (a verb imposes, threatens, proposes or lifts it) or its words make
it new (``new``, ``a sixth package``, ``on 40 officials``): ``violated U.S.
sanctions`` and ``Western sanctions have hurt the economy`` are talk about
sanctions. A later mention that names no new measure (``the package adds 65
individuals``, ``threats of sanctions``) is the earlier measure again and only
lends it what it adds.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import regex

from extractors import patterns
from extractors.base import Context, Extraction, Extractor
from extractors.numbers import EXACT, parse_number, parse_ordinal
from extractors.text import TextLayout

Match = regex.Match[str]

#: Issuers FACTS.md normalizes; any other issuer or target is a country name or the party as written.
ISSUERS = frozenset({"EU", "US", "UK", "UN"})
STATUSES = ("adopted", "proposed", "threatened", "lifted")
KEYS = ("issuer", "target", "ordinal", "persons", "entities", "listings", "status")

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
    "UN": (r"(?-i:UN|U\.N\.|UNSC)", r"United\s+Nations", r"Security\s+Council"),
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
    "Myanmar": (r"Myanmar", r"Burma", r"Burmese"),
    "Nicaragua": (r"Nicaragua(?:ns?)?", r"Managua"),
    "Afghanistan": (r"Afghanistan", r"Afghans?"),
    "Iraq": (r"Iraq(?:is?)?", r"Baghdad"),
    "Libya": (r"Libyans?", r"Libya", r"Tripoli"),
    "South Sudan": (r"South\s+Sudan(?:ese)?",),
    "Sudan": (r"(?<!South\s)Sudan(?:ese)?", r"Khartoum"),
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
    "Serbia": (r"Serbian?s?",),
    "Hungary": (r"Hungary", r"Hungarians?"),
    "Germany": (r"Germany", r"Germans?", r"Berlin"),
    "France": (r"France", r"French", r"Paris"),
    "Japan": (r"Japan(?:ese)?", r"Tokyo"),
    "Canada": (r"Canada", r"Canadians?", r"Ottawa"),
    "Australia": (r"Australian?s?", r"Canberra"),
    "Switzerland": (r"Switzerland", r"Swiss", r"Bern"),
    "Norway": (r"Norway", r"Norwegians?"),
    "New Zealand": (r"New\s+Zealand",),
    "India": (r"India(?:ns?)?", r"New\s+Delhi"),
    "Pakistan": (r"Pakistan(?:is?)?",),
    "Saudi Arabia": (r"Saudi\s+Arabia", r"Saudis?", r"Riyadh"),
    "United Arab Emirates": (r"United\s+Arab\s+Emirates", r"(?-i:UAE)", r"Emirati"),
    "Qatar": (r"Qatar(?:is?)?",),
    "Egypt": (r"Egypt(?:ians?)?", r"Cairo"),
    "Haiti": (r"Haiti(?:ans?)?",),
    "Guinea": (r"(?<!Equatorial\s)Guinea(?!-)",),
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
    "Democratic Republic of Congo": (r"(?:Democratic\s+Republic\s+of\s+(?:the\s+)?)?Congo(?:lese)?", r"(?-i:DRC)"),
    "Rwanda": (r"Rwandan?s?",),
    "Colombia": (r"Colombian?s?",),
    "Mexico": (r"Mexico", r"Mexicans?"),
    "G7": (r"(?-i:G7|G-7)", r"Group\s+of\s+Seven"),
    "G20": (r"(?-i:G20|G-20)",),
    "ECOWAS": (r"(?-i:ECOWAS)", r"Economic\s+Community\s+of\s+West\s+African\s+States"),
    "African Union": (r"African\s+Union",),
    "Central African Republic": (r"Central\s+African\s+Republic", r"(?-i:CAR)"),
    # Parties that are not countries, named as the copy names them.
    "Houthis": (r"Houthis?", r"Ansar\s+Allah"),
    "Hezbollah": (r"Hezbollah", r"Hizbollah"),
    "Hamas": (r"Hamas",),
    "Taliban": (r"Taliban",),
    "Wagner": (r"Wagner(?:\s+(?:Group|PMC|mercenary\s+group))?",),
    "al-Shabaab": (r"al-Shabaab?",),
    "Islamic State": (r"Islamic\s+State", r"(?-i:ISIS|ISIL)"),
    "al-Qaeda": (r"al-Qaeda", r"al-Qaida"),
}
_CANON = {f"p{i}": canon for i, canon in enumerate(_PLACES)}
_PLACE_ALT = "|".join(c for cues in _PLACES.values() for c in cues)
_PLACE = patterns.compile(  # news capitalizes places: the guard spares most positions the whole alternation
    r"(?<![\w#])(?=(?-i:[\p{Lu}\d])|bloc|al-)(?:"
    + "|".join(f"(?P<p{i}>{'|'.join(cues)})" for i, cues in enumerate(_PLACES.values()))
    + r")(?!\w)"
)
# "BRUSSELS (Reuters) -": where the story was filed, not who acted.
_DATELINE = patterns.compile(
    r"^(?-i:\p{Lu}[\p{Lu}\s.,'’-]*)(?:\s*\([^)\n]{0,40}\))?\s*[-–—]+\s", patterns.FLAGS | regex.M
)

# --- the sanctions words, and the phrase around them ---

_ORDINAL = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|(?:twenty-|thirty-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth))"
)
_TRIGGER = patterns.compile(
    rf"""
    (?<![\w\#])(?:
        (?P<package>{_ORDINAL}\s+(?:sanctions?\s+)?(?:package|round|tranche))
      | (?P<verb>sanctioned|sanctioning|blacklist(?:ed|ing)|black-listed|designat(?:ed|es|ing)
          |fr(?:o|ee)zes?\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?assets
          |freezing\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?assets)
      | (?P<noun>(?:counter-?)?sanctions?|embargo(?:es)?|restrictive\s+measures|asset\s+freezes?|designations?
          |blacklists?|(?:economic|financial)\s+penalties)
    )(?!\w)
    """
)
# One literal per stem: ``regex`` finds a literal a hundred times faster than an alternation of them.
_STEMS = tuple(
    patterns.compile(stem)
    for stem in (
        "sanction", "embargo", "restrictive", "designat", "blacklist", "black-list", "froze", "freez", "penalt"
    )
)
_HEADS = tuple(patterns.compile(rf"(?<![\w-]){head}") for head in ("package", "round", "tranche"))  # "a sixth round"
_ORDINAL_BEFORE = patterns.compile(
    rf"(?<![\w-]){_ORDINAL}\s+(?:sanctions?\s+)?\Z", patterns.FLAGS | regex.REVERSE
)
_MAX_MENTIONS = 8
_RECENT = 20  # a later reference points back at one of the last measures, not at any in a long file
_MAX_SENTENCE = 1500
_LOOKBACK = 400  # how far back a lost issuer is looked for (``he warned, after threatening sanctions``)
_HYPHENATED = patterns.compile(r"\w-\Z")  # state-sanctioned, UN-sanctioned: an adjective, not a measure
_DETERMINER = patterns.compile(r"(?<!\w)(?:a|an|the|these|those|its|their|his|her|all|other|already|previously)\s+\Z")
_PREMOD = (
    rf"(?:{_ORDINAL}|new|fresh|further|additional|more|tough(?:er|est)?|harsh(?:er|est)?|painful|severe|crippling"
    r"|sweeping|punishing|punitive|massive|unprecedented|economic|financial|sectoral|targeted|secondary|personal"
    r"|individual|broad(?:er)?|wide-ranging|wider|strict(?:er)?|stringent|heavy|heavier|latest|Western|international"
    r"|global|multilateral|unilateral|arms|oil|gas|coal|trade|import|export|technology|total|full|retaliatory"
    r"|phased|partial|anti-[\w-]+|[\w.]+-related|[\w.]+-led|Treasury|US|U\.S\.|UK|U\.K\.|EU|UN|U\.N\."
    rf"|{_PLACE_ALT})"
)
_BACK = patterns.compile(  # matched right to left from the sanctions word: one attempt, not one per position
    rf"""(?:(?<!\w)the\s+same\s+)?(?:{_PREMOD}\s+)*
        (?:(?:package|round|wave|raft|set|batch|series|slew|tranche|volley|barrage)\s+of\s+(?:{_PREMOD}\s+)*)?\Z""",
    patterns.FLAGS | regex.REVERSE,
)
_HEAD = patterns.compile(
    r"[\s-]*(?:package|list|round|regime|decision|measures|programme|program|tranche|designations|bill|law|relief"
    r"|waivers?)(?!\w)"
)
_WHEN = (
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|january|february|march|april|may|june|july|august|september"
    r"|october|november|december)"
)
_ATTACH = patterns.compile(
    rf"""\s+(?:(?:imposed|levied|placed|announced|slapped)\s+)?(?:on\s+{_WHEN}\s+)?
        (?:against|on|upon|targeting)\s+(?:the\s+)?
        (?P<target>(?!{_WHEN}\b)(?:al-)?(?-i:\p{{Lu}})[\w'’.-]*(?:\s+(?:(?-i:\p{{Lu}})[\w'’.-]*|al-\w+)){{0,4}})"""
)
_ADJECTIVE_USE = patterns.compile(
    r"\s+(?!(?:on|in|at|over|for|from|by|to|and|or|after|before|with|as|if|until|next|last|this|which|that|who|whose"
    r"|is|are|was|were|has|have|had|will|would|could|said|says|amid|under|since|because|following|while|but|unless"
    r"|when|earlier|later|in)\b)(?-i:\p{Ll})"
)
_OF_OTHER = patterns.compile(r"\s+of\s+(?!sanctions|restrictive|measures|penalties)")
_AID_BEFORE = patterns.compile(
    r"(?:aid|assistance|support|military|stimulus|rescue|bailout|reform|loan|weapons|arms|security|spending|relief"
    r"|humanitarian|investment|recovery)\s+(?:\w+\s+)?\Z"
)
_PARTY_TAIL = patterns.compile(r"(?:['’]s|\s+(?:Group|group|rebels|militia|movement|regime|government))+\Z")
_MODIFIER_AFTER = patterns.compile(r"-(?:backed|linked|allied|aligned|based|owned|controlled|affiliated|supported|led)")

# --- counts: who and what a measure lists ---

_PERSON = (
    r"(?:individuals?|people|persons?|officials?|oligarchs?|businessm[ae]n|businesspeople|executives?|ministers?"
    r"|lawmakers?|legislators?|politicians?|judges?|officers?|commanders?|generals?|figures?|citizens?"
    r"|members?(?!\s+(?:states|countries|nations))"
    r"|nationals?|leaders?|elites?|relatives?|journalists?|propagandists?|prosecutors?|deputies|deputy|senators?"
    r"|governors?|associates?|bankers?|tycoons?|billionaires?|financiers?|men|women|man|woman"
    r"|(?:\p{L}+ians|\p{L}+ans|\p{L}+ese|\p{L}+is)(?!\s+[\w-]+\s+(?:and|or)\s)(?!\s+(?!and\s|or\s)\p{Ll}))"
)
_ENTITY = (
    r"(?:entit(?:y|ies)|compan(?:y|ies)|firms?|banks?|organi[sz]ations?|bod(?:y|ies)|businesses|business"
    r"|institutions?|enterprises?|groups?|vessels?|ships?|tankers?|airlines?|agenc(?:y|ies)|subsidiar(?:y|ies)"
    r"|manufacturers?|suppliers?|outlets?|communities|networks?|funds?|exchanges?|conglomerates?|corporations?"
    r"|factor(?:y|ies)|producers?|ports?|contractors?)"
)
_MIXED = r"(?:individuals|people|persons|entities|companies|organi[sz]ations|firms|businesses|vessels|aircraft)"
_COMBINED = (
    rf"(?:(?:individuals|people|persons)(?:\s*,\s*{_MIXED})*,?\s+(?:and|or)\s+(?!individuals|people|persons){_MIXED}"
    rf"|(?:entities|companies|organi[sz]ations|firms)(?:\s*,\s*{_MIXED})*,?\s+(?:and|or)\s+"
    r"(?:individuals|people|persons)"
    r"|targets|names|designations|listings)"
)
_COUNT = patterns.compile(
    rf"""(?<!\w)(?:on|against|targeting|targets?|targeted|add(?:s|ed|ing)?|designat\w*|sanction\w*|blacklist\w*
            |list\w*|includ\w*|cover\w*|hits?|hitting|freez\w*|froze|ban\w*|nam(?:es|ed|ing)|of|and|another|further
            |additional|over|some|about|nearly|almost|than|least|total\s+of|with|announc\w*|unveil\w*|impos\w*
            |keep\w*|kept|leaving|bringing|comprising|involving|affecting|around|roughly|approximately|up\s+to)\s+
        (?P<n>{EXACT})\s+
        (?:(?!and\s|or\s)[\p{{L}}.'’-]+(?:\s+and\s+(?-i:\p{{Lu}})[\p{{L}}.'’-]+)?\s+){{0,3}}?
        (?:(?P<listings>{_COMBINED})|(?P<entities>{_ENTITY})|(?P<persons>{_PERSON}))(?!\w)"""
)
_OBJECT = patterns.compile(
    rf"\s+(?:(?P<prep>on|against|targeting)\s+|of\s+)?"
    rf"(?:a\s+further\s+|another\s+|an?\s+additional\s+|more\s+than\s+|at\s+least\s+)?{EXACT}\s+"
    rf"(?:[\p{{L}}.'’-]+\s+){{0,3}}?(?:{_COMBINED}|{_ENTITY}|{_PERSON})(?!\w)"
)
# "starting with gang leader Jimmy Cherizier", "on Russian oligarch Roman Abramovich": one person, named.
_NAMED_PERSON = patterns.compile(
    r"""(?<!\w)(?:starting\s+with|beginning\s+with|on|against|targeting|including|sanctioned|designated|blacklisted)
        \s+(?:[\w-]+\s+){0,3}?
        (?:leader|chief|commander|official|oligarch|businessman|businesswoman|tycoon|minister|president|general
        |banker|executive|head|financier|warlord|founder|owner)
        \s+(?-i:\p{Lu}[\w'’-]+(?:\s+\p{Lu}[\w'’-]+)+)(?!\s+and\s+\p{Lu})"""
)
_CASUALTY_AROUND = patterns.compile(
    r"(?:kill\w*|dead|died|wounded|injur\w*|arrest\w*|detain\w*|displac\w*|evacuat\w*|employ\w*)\s+(?:\w+\s+){0,2}\Z"
)
_CASUALTY_AFTER = patterns.compile(
    r"\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?(?:killed|dead|died|wounded|injured|arrested|detained)"
)

# --- what a sentence says about its measure ---

_DO = (  # "threatened to impose", "warned it would slap": the threat, not the imposing
    r"(?:\s+(?:to|it\s+would|they\s+would|that\s+\w+\s+would|of|with)\s+(?:\w+\s+)?"
    r"(?:(?:re)?impos\w*|introduc\w*|adopt\w*|slap\w*|levy\w*|add\w*|announc\w*|hit\w*|new|more|further"
    r"|tough\w*|fresh))?"
)
_IMPOSE = (
    r"(?:(?:re)?impos|introduc|adopt|approv|announc|slap|add|levy|levie|unveil|extend|renew|target|tighten|expand|join"
    r"|apply|appli|follow|sanction(?!s)|blacklist|freez|lift|eas|remov)\w*"
)
_UNDO = r"(?:lift|eas|remov|relax|unfreez|suspend|scrap|waive|end)\w*"
_ADV = r"(?:(?!not\b|never\b)\w+\s+)?"
_STATUS = patterns.compile(
    rf"""(?<!\w)(?:
      (?P<negated>(?:not|n[’']t|never|no\s+plans?\s+to|refus\w*\s+to|ruled?\s+out|rejected|declin\w*\s+to
        |reluctant\s+to)\s+(?:\w+\s+)?(?:{_IMPOSE}|relax\w*|back\w*|support\w*|implement\w*))
    | (?P<demanded>(?:call\w*|demand\w*|push\w*|ask\w*|seek\w*|sought|want\w*|press\w*|lobb\w*|insist\w*)
        \s+(?:for\s+|on\s+)?(?:the\s+)?(?:lifting|easing|removal|relief|end(?:ing)?)(?:\s+of)?)
    | (?P<counterfactual>would\s+have\s+{_ADV}{_IMPOSE})
    | (?P<lifted>(?:agreed|decided|voted|moved)\s+(?:\w+\s+){{0,3}}?to\s+{_ADV}{_UNDO}|lift(?:s|ed|ing)?
        |to\s+end|end(?:s|ed|ing)(?=\s+(?:\w+\s+)?(?:sanctions|embargo|asset))
        |eas(?:e|ed|es|ing)|relax(?:es|ed|ing)?|remov(?:e|es|ed|ing)|roll(?:s|ed|ing)?\s+back
        |unfr(?:o|ee)z\w*|relief|delist\w*|scrap(?:s|ped|ping)?|suspend(?:s|ed|ing)?|waive[ds]?|waivers?)
    | (?P<threatened>(?:threat\w*|warn(?:s|ed|ing)?|vow(?:s|ed|ing)?|ready|prepared|stands?\s+ready){_DO}
        |(?:could|would|will|may|might)\s+face|faces?|facing|risk(?:s|ed|ing)?)
    | (?P<announced>(?:said|says|announced)\s+(?:\w+\s+){{0,3}}?(?:it|they|he|she|the\s+\w+)\s+(?:would|will)
        \s+{_ADV}{_IMPOSE}|(?:will|shall)\s+{_ADV}{_IMPOSE})
    | (?P<proposed>(?:propos\w*
        |(?:plans?|planning|intends?|set|expected|likely|poised|due|going|aims?|seek\w*|hopes?)\s+to
          (?:\s+{_ADV}{_IMPOSE})?
        |(?:would|may|might|could)\s+{_ADV}{_IMPOSE}){_DO}
        |(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|call(?:s|ed|ing)?\s+on|push(?:es|ed|ing)?)
          \s+(?:[\w.’'-]+\s+){{0,5}}?to\s+{_ADV}{_IMPOSE}
        |to\s+be\s+(?:adopted|approved|imposed|announced)|consider(?:s|ed|ing)?|mull(?:s|ed|ing)?|weigh(?:s|ed|ing)?
        |draft(?:s|ed|ing)?|call(?:s|ed|ing)?\s+(?:on\s+\w+\s+|\w+\s+)?for|push(?:es|ed|ing)?\s+for|urg(?:e|es|ed|ing)
        |recommend(?:s|ed|ing)?|prepar(?:e|es|ed|ing)|work(?:s|ing)?\s+on|discuss(?:es|ed|ing)?)
    | (?P<adopted>(?:agreed|decided|voted|moved)\s+(?:\w+\s+){{0,3}}?to\s+{_ADV}(?!{_UNDO}){_IMPOSE}
        |(?:agreed|decided|voted|moved)\s+to|agree(?:s|d)|agreement|approv\w*|adopt\w*|(?:re)?impos(?:e|es|ed|ing)
        |slap(?:s|ped|ping)?|levied|announc(?:es|ed|ing)|unveil(?:s|ed|ing)?|extend\w*|renew\w*|prolong\w*
        |roll(?:s|ed)?\s+over|tighten\w*|expand\w*|broaden\w*|add(?:s|ed|ing)
        |introduc(?:es|ed|ing)|enact\w*|took\s+effect|came\s+into\s+force|entered\s+into\s+force|designat(?:es|ed|ing)
        |sanctioned|blacklist(?:s|ed|ing)|froze|freez(?:es|ing)|hit(?:s|ting)?\s+(?:[\w'’-]+\s+){{0,3}}?with
        |target(?:s|ed|ing)|endors\w*|signed|passed|restor\w*|retaliat\w*|follow(?:s|ed|ing)?\s+(?:suit\s+)?with
        |join(?:s|ed|ing))
    | (?P<infinitive>to\s+{_ADV}{_IMPOSE})
    )(?!\w)
    """
)
# A cue governs the mention when only a few words sit between them: "threatened Russia with further sanctions".
_GOVERNED_GAP = patterns.compile(r"(?:[^\s,;:.!?“”\"()]+\s+){0,4}")
_PASSIVE_GAP = patterns.compile(
    r"\s+(?:\w+\s+)?(?:were|was|are|is|have\s+been|has\s+been|had\s+been|will\s+be|would\s+be|be)\s+(?:\w+\s+)?\Z"
)
_CONDITIONAL = patterns.compile(
    r"(?<!\w)(?:if|unless|in\s+the\s+event\s+of|should\s+(?:it|they|Russia|Moscow)\s)(?!\w)"
)
_NEW = patterns.compile(
    rf"(?<!\w)(?:(?<!the\s|these\s|those\s|its\s)(?:new|fresh)|further|additional|another|more|first-ever"
    r"|tougher|harsher|stricter|wider|broader"
    rf"|{_ORDINAL}\s+(?:[\w-]+\s+)?(?:package|round|tranche))(?!\w)"
)
_ORDINAL_PACKAGE = patterns.compile(
    rf"(?<!\w)(?P<ord>{_ORDINAL})\s+(?:[\w-]+\s+)?(?:sanctions?\s+)?(?:package|round|tranche|wave|batch)(?!\w)"
    r"(?!\s+of\s+(?!sanctions|restrictive|measures|penalties)\w)"
)
_SANCTIONS_CONTEXT = patterns.compile(
    rf"sanction|restrictive\s+measures|embargo|asset\s+freeze|blacklist|treasury|ofac"
    rf"|(?:against|on|targeting)\s+(?:the\s+)?(?:{_PLACE_ALT})"
)

# --- who imposes, who is aimed at ---

_ISSUING_VERB = (
    r"(?:impos\w*|reimpos\w*|slap\w*|announc\w*|adopt\w*|approv\w*|agree\w*|reached|threaten(?:s|ed|ing)?|sanctioned"
    r"|sanctioning|blacklist\w*|designat\w*|extend\w*|renew\w*|restor\w*|lift\w*|eas(?:e|ed|es|ing)|unveil\w*|levied"
    r"|levy|hit|expand\w*|tighten\w*|added|adds|froze|freez\w*|propos\w*|prepar\w*|plan\w*|consider\w*|vow\w*"
    r"|warn\w*|retaliat\w*|follow\w*|join\w*)"
)
_ISSUING_VERB_RE = patterns.compile(rf"(?<!\w){_ISSUING_VERB}(?!\w)")
_SUBJECT_TAIL = patterns.compile(rf"(?:['’]s)?\s*(?:[\w.’'-]+\s+){{0,6}}?(?P<verb>{_ISSUING_VERB})(?!\w)")
_PREPOSITION_END = patterns.compile(r"(?<!\w)(?:in|of|for|by|after|before|from|without|on|about)\s+\Z")
_URGES = patterns.compile(r"(?<!\w)(?:urg\w*|ask\w*|call\w*\s+on|press\w*|push\w*|accus\w*|want\w*)(?!\w)")
_CLAUSE_BREAK = patterns.compile(r"[,;:“”\"()–—]|\s(?:while|but|whereas|after|when|which|who|that)\s")
_BY_BEFORE = patterns.compile(r"(?<!\w)by\s+(?:the\s+)?\Z")
_LOCATION_BEFORE = patterns.compile(
    r"(?:(?<!\w)(?:in|at|from|to|into|across|inside|near|within|visit\w*)\s+(?:the\s+)?|pro-"
    r"|(?<!\w)the\s+\w+\s+in\s+)\Z"
)
_VICTIM_BEFORE = patterns.compile(
    r"(?:attack\w*|aggression|invasion|invad\w*|incursion|offensive|war|strikes?|support|aid|help|arms|weapons"
    r"|annex\w*|seiz\w*|border|shipping|mov(?:e|es|ed|ing)|act(?:s|ed|ing)?|action|escalat\w*|threat\w*\s+to)"
    r"(?:\s+(?:on|against|of|in|into|to|for|with))?\s+(?:the\s+|its\s+)?\Z"
)
_STRONG_BEFORE = patterns.compile(
    r"(?:on\s+behalf\s+of|fund(?:ing|ed|s)?|financ(?:ing|ed|es)?|linked\s+to|tied\s+to|connected\s+to"
    r"|affiliated\s+with|members\s+of|supplying)\s+(?:the\s+)?\Z"
)
_TARGET_BEFORE = patterns.compile(
    r"(?:(?:threaten\w*|hit(?:s|ting)?|slap\w*|punish\w*|penali[sz]\w*|target\w*|sanction(?:ed|s|ing)|blacklist\w*"
    r"|warn\w*|designat\w*|against|on|upon)\s+(?:the\s+)?(?:\w+\s+)?|anti-)\Z"
)
_OVER_BEFORE = patterns.compile(r"(?<!\w)over\s+(?:the\s+|its\s+)?\Z")
_LISTED_AFTER = patterns.compile(rf"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:{_PERSON}|{_ENTITY}|{_COMBINED})(?!\w)")
_POSSESSIVE = patterns.compile(r"['’]s\s+")
_OWNER_GAP = patterns.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}")
_COORDINATED = patterns.compile(r"\s*(?:,\s*|\s)(?:(?:and|or)\s+)?(?:the\s+)?")
_NEWLINE = patterns.compile(r"\n")
_LIST_LINE = patterns.compile(
    r"\s*(?:(?:tags?|topics?|keywords?|categories|filed\s+under|related)\s*:"
    r"|(?:[^.,|•·\n]{1,40}[,|•·]\s*){3,}[^.\n]*$)"
)


@dataclass
class _Place:
    start: int
    end: int
    canon: str
    metonym: bool  # a capital, leader or agency: "talks in Brussels" is a place, not an actor


@dataclass
class _Mention:
    start: int
    end: int
    trigger: Match
    target: str | None = None  # attached to the phrase itself: "sanctions against Belarus"


@dataclass
class _Fact:
    start: int
    end: int
    window: tuple[int, int]
    value: dict[str, Any]
    rule: str
    explicit_issuer: bool = False
    new: bool = False
    governed: bool = False
    paragraph: int = 0


class SanctionsExtractor(Extractor):
    """Sanctions measures: one fact per package, list of designations or new round.

    ``EU ambassadors approved the Union's fifth sanctions package, which added 17 Belarusians and 11
    Belarusian companies`` yields ``fifth sanctions package`` with ``{"issuer": "EU", "target": "Belarus",
    "ordinal": 5, "persons": 17, "entities": 11, "listings": null, "status": "adopted"}``.
    """

    name = "sanctions"
    version = "1.0.0"
    kinds = ("sanction",)

    def extract(self, text: str, context: Context) -> Iterator[Extraction]:
        triggers = _triggers(text)
        if not triggers:
            return
        layout = TextLayout(text)
        places = _places(text, [_bounded(layout.sentence(t.start()), t.start()) for t in triggers])
        sentences: dict[tuple[int, int], list[_Mention]] = {}
        lines: dict[int, bool] = {}
        newlines = [m.start() for m in patterns.finditer(_NEWLINE, text)]
        for trig in triggers:
            line = _line(newlines, trig.start(), len(text))
            if layout.is_furniture(trig.start()) or _in_list_line(text, line, lines):
                continue
            sentence = _bounded(layout.sentence(trig.start()), trig.start())
            mentions = sentences.setdefault(sentence, [])
            if len(mentions) >= _MAX_MENTIONS:
                continue  # a sentence is not a list of sanctions words: spare pathological text
            mention = _mention(text, trig)
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
            if not _within(places, sentence) and not patterns.search(_COUNT, text, *sentence):
                # "players were sanctioned by the league": the verb punishes, no state imposes
                mentions = [m for m in mentions if not m.trigger.group("verb")]
                if not mentions:
                    continue
            if not facts and all(map(_weak, mentions)) and not patterns.search(_SANCTIONS_CONTEXT, text, *sentence):
                continue  # "a designated area", "the fifth package" with no sanctions in sight
            for fact in _sentence_facts(text, sentence, mentions, places):
                fact.paragraph = _line(newlines, fact.start, len(text))[0]
                _keep(text, facts, fact)
        for fact in facts:
            yield Extraction("sanction", fact.start, fact.end, text[fact.start : fact.end], fact.value, fact.rule)


def _bounded(sentence: tuple[int, int], pos: int) -> tuple[int, int]:
    """The sentence, or a slice of it around ``pos`` when it runs on for pages (text with no full stops)."""
    start, end = sentence
    if end - start <= _MAX_SENTENCE:
        return sentence
    start = max(start, pos - pos % _MAX_SENTENCE)  # fixed slices, so nearby words share one
    return start, min(end, start + _MAX_SENTENCE)


def _triggers(text: str) -> list[Match]:
    """The sanctions words of ``text``: a literal scan per stem, each hit confirmed by the full trigger pattern.

    ``regex`` finds one literal a hundred times faster than an alternation of them, and most
    documents hold no stem at all.
    """
    starts: set[int] = set()
    for stem in _STEMS:
        for hit in patterns.finditer(stem, text):
            i = hit.start()
            while i > 0 and (text[i - 1].isalpha() or text[i - 1] == "-"):
                i -= 1
            starts.add(i)
            j = i - 1  # the word before too: "asset freeze"
            while j > 0 and text[j - 1].isalpha():
                j -= 1
            if j < i - 1:
                starts.add(j)
    for head in _HEADS:
        for hit in patterns.finditer(head, text):
            ordinal = patterns.search(_ORDINAL_BEFORE, text, max(0, hit.start() - 40), hit.start())
            if ordinal:
                starts.add(ordinal.start())
    found: list[Match] = []
    for i in sorted(starts):
        if found and i < found[-1].end():
            continue
        m = patterns.match(_TRIGGER, text, i)
        if m:
            found.append(m)
    return found


def _places(text: str, spans: list[tuple[int, int]]) -> list[_Place]:
    """The places named inside ``spans`` (the sentences that hold a trigger), datelines left out."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(set(spans)):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    datelines = [m.span() for m in patterns.finditer(_DATELINE, text, 0, min(len(text), 200))]
    return [
        _Place(m.start(), m.end(), _CANON[m.lastgroup or ""], m.group().lower() in _METONYMS)
        for start, end in merged
        for m in patterns.finditer(_PLACE, text, start, end)
        if not any(s <= m.start() < e for s, e in datelines)
    ]


def _weak(mention: _Mention) -> bool:
    word = mention.trigger.group().lower()
    return bool(mention.trigger.group("package")) and "sanction" not in word or word.startswith("designat")


def _in_list_line(text: str, line: tuple[int, int], seen: dict[int, bool]) -> bool:
    """``Tags: Russia, sanctions, Ukraine``: a line that lists words, not a sentence (memoized per line)."""
    start, end = line
    if start not in seen:
        seen[start] = patterns.match(_LIST_LINE, text, start, min(end, start + 2000)) is not None
    return seen[start]


def _line(newlines: list[int], pos: int, length: int) -> tuple[int, int]:
    """The (start, end) of the line holding ``pos``, from the offsets of the text's line breaks."""
    i = bisect.bisect_left(newlines, pos)
    return (newlines[i - 1] + 1 if i else 0), (newlines[i] if i < len(newlines) else length)


# --- mentions ---


def _mention(text: str, trig: Match) -> _Mention | None:
    """The phrase around one sanctions word, or None when the word names no measure."""
    s, e = trig.span()
    if not trig.group().lower().startswith("counter") and patterns.search(_HYPHENATED, text, max(0, s - 2), s):
        return None
    if trig.group("verb") and patterns.search(_DETERMINER, text, max(0, s - 12), s):
        return None  # "the sanctioned oligarchs", "a designated terrorist group"
    if trig.group("package") and (
        patterns.search(_AID_BEFORE, text, max(0, s - 40), s) or patterns.match(_OF_OTHER, text, e)
    ):
        return None  # "the fifth aid package", "a third round of talks"
    start, end = s, e
    if not trig.group("verb"):
        back = patterns.search(_BACK, text, max(0, s - 120), s)
        if back:
            start = back.start()
            while start < s and text[start].isspace():
                start += 1
        head = patterns.match(_HEAD, text, end)
        if head:
            end = head.end()
    obj = patterns.match(_OBJECT, text, end)  # "sanctioned 14 individuals", "sanctions on 40 officials"
    if obj and (trig.group("verb") or obj.group("prep")):
        return _Mention(start, obj.end(), trig)
    mention = _Mention(start, end, trig)
    attach = patterns.match(_ATTACH, text, end)
    if attach:
        name, length = _target_name(attach.group("target"))
        if name:
            mention.target = name
            end = attach.start("target") + length
            if not patterns.match(_ADJECTIVE_USE, text, end):
                mention.end = end  # "sanctions on Venezuela", not "sanctions on Russian" (oligarch ...)
    return mention


def _target_name(phrase: str) -> tuple[str | None, int]:
    """The country a place cue at the head of ``phrase`` names, else the party as written; and its length."""
    m = patterns.match(_PLACE, phrase)
    if m:
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


# --- one sentence ---


def _sentence_facts(
    text: str, sentence: tuple[int, int], mentions: list[_Mention], places: list[_Place]
) -> Iterator[_Fact]:
    """One fact for the sentence, or one per mention whose own clause names a different issuer."""
    ss, se = sentence
    if len(mentions) > 1:
        bounds = [ss] + [m.end for m in mentions[:-1]]
        ends = [m.start for m in mentions[1:]] + [se]
        local = [_issuer(text, (b, e), m, _within(places, (b, e))) for b, e, m in zip(bounds, ends, mentions)]
        if len({i for i in local if i}) > 1:
            for b, e, m, i in zip(bounds, ends, mentions, local):
                if i or m is mentions[0]:
                    yield _analyse(text, (b, e), [m], places)
            return
    yield _analyse(text, sentence, mentions, places)


def _within(places: list[_Place], window: tuple[int, int]) -> list[_Place]:
    """The places inside ``window``; ``places`` is in text order."""
    i = bisect.bisect_left(places, window[0], key=lambda p: p.start)
    j = bisect.bisect_left(places, window[1], lo=i, key=lambda p: p.start)
    return [p for p in places[i:j] if p.end <= window[1]]


def _analyse(text: str, window: tuple[int, int], mentions: list[_Mention], places: list[_Place]) -> _Fact:
    here = _within(places, window)
    counts: dict[str, int | None] = {"persons": None, "entities": None, "listings": None}
    count_spans: list[tuple[int, int]] = []
    for m in patterns.finditer(_COUNT, text, *window):
        if patterns.match(_CASUALTY_AFTER, text, m.end()) or patterns.search(
            _CASUALTY_AROUND, text, max(0, m.start() - 40), m.start("n")
        ):
            continue
        key = m.lastgroup or ""
        if key in counts and counts[key] is None:
            counts[key] = parse_number(m.group("n"))
            count_spans.append(m.span())
    if all(v is None for v in counts.values()) and patterns.search(_NAMED_PERSON, text, *window):
        counts["persons"] = 1
    governing = [_governing_cue(text, window, m) for m in mentions]
    primary = next(
        (m for m in mentions if patterns.search(_NEW, text, m.start, m.end)),
        next((m for m, g in zip(mentions, governing) if g), mentions[0]),
    )
    found = patterns.search(_ORDINAL_PACKAGE, text, primary.start, primary.end) or patterns.search(
        _ORDINAL_PACKAGE, text, *window
    )
    ordinal = parse_ordinal(found.group("ord")) if found else None
    issuer = _issuer(text, window, primary, here)
    target = primary.target or _target(text, primary, here, issuer, count_spans)
    value: dict[str, Any] = {
        "issuer": issuer,
        "target": target,
        "ordinal": ordinal,
        **counts,
        "status": _status(text, window, primary, governing[mentions.index(primary)]),
    }
    fact = _Fact(primary.start, primary.end, window, value, f"sanctions:{primary.trigger.lastgroup}")
    fact.explicit_issuer = issuer is not None
    fact.new = bool(patterns.search(_NEW, text, primary.start, primary.end)) or ordinal is not None or any(
        v is not None for v in counts.values()
    )
    fact.governed = any(governing)
    return fact


def _governing_cue(text: str, window: tuple[int, int], mention: _Mention) -> Match | None:
    """The status verb nearest the mention that acts on it: just before it, inside it, or after it in the passive."""
    ws, we = window
    found: Match | None = None
    for cue in patterns.finditer(_STATUS, text, max(ws, mention.start - 80), min(we, mention.end + 40)):
        if cue.lastgroup in ("demanded", "negated"):
            found = None  # "called for the lifting of sanctions", "will not lift sanctions": nothing happens
            continue
        if cue.start() >= mention.start and cue.end() <= mention.end:
            return cue
        if cue.end() <= mention.start:
            if patterns.fullmatch(_GOVERNED_GAP, text[cue.end() : mention.start].lstrip()):
                found = cue  # keep the last, nearest one
        elif found is None and patterns.search(_PASSIVE_GAP, text, mention.end, cue.start()):
            return cue
        else:
            break
    return found


def _status(text: str, window: tuple[int, int], mention: _Mention, governing: Match | None) -> str:
    """The governing cue's status, else the nearest cue's (one clause beats two); adopted when none."""
    cue = governing
    if cue is None:
        best: tuple[int, Match] | None = None
        for c in patterns.finditer(_STATUS, text, *window):
            if c.end() <= mention.start:
                gap, dist = text[c.end() : mention.start], mention.start - c.end()
            elif c.start() >= mention.end:
                gap, dist = text[mention.end : c.start()], c.start() - mention.end + 15
            else:
                gap, dist = "", 0
            if patterns.search(_CLAUSE_BREAK, gap):
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
    "demanded": "adopted",
    "announced": "adopted",  # "said it would adopt", "Canada will impose": a decision made public
    "counterfactual": "proposed",  # "a resolution that would have imposed new sanctions"
    "infinitive": "proposed",  # "urged Biden to impose"
}


def _issuer(text: str, window: tuple[int, int], mention: _Mention, here: list[_Place]) -> str | None:
    """Who imposes the measure, in its own sentence: ``by the EU``, a subject before its verb, else EU/US/UK/UN."""
    subject: _Place | None = None
    adjunct: _Place | None = None
    before: _Place | None = None
    after: _Place | None = None
    previous: _Place | None = None
    for p in here:
        ctx = text[max(window[0], p.start - 40) : p.start]
        coordinated = previous is not None and patterns.fullmatch(_COORDINATED, text[previous.end : p.start])
        previous = p
        if p.canon == mention.target or patterns.match(_MODIFIER_AFTER, text, p.end):
            continue
        if p.start >= mention.end and patterns.search(_BY_BEFORE, ctx) and _agent_of(text, p, mention):
            return p.canon  # "sanctions imposed by the EU"
        if _owner(text, p, mention):
            adjunct = p  # "the EU's blacklist", "Washington's new sanctions"
            continue
        if patterns.search(_LOCATION_BEFORE, ctx) or patterns.search(_VICTIM_BEFORE, ctx):
            continue
        if p.end <= mention.start:
            if patterns.search(_TARGET_BEFORE, ctx) or patterns.search(_STRONG_BEFORE, ctx):
                continue
            if _subject_of(text, p, mention):
                if not (coordinated and subject is not None):
                    subject = p  # the nearest subject, but the first of "Japan and Canada"
            elif p.canon in ISSUERS:
                before = p
        elif p.start < mention.end:
            if p.canon in ISSUERS:
                adjunct = p  # "EU sanctions", "U.S. Treasury sanctions"
        elif after is None and p.canon in ISSUERS and not patterns.search(_TARGET_BEFORE, ctx):
            if not patterns.match(_LISTED_AFTER, text, p.end):
                after = p
    chosen = subject or adjunct or before or after
    return chosen.canon if chosen else None


def _owner(text: str, place: _Place, mention: _Mention) -> bool:
    """``the EU's blacklist``, ``Washington's new sanctions``: the owner of the measure issues it."""
    return (
        place.canon in ISSUERS
        and place.end <= mention.start
        and patterns.fullmatch(_OWNER_GAP, text[place.end : mention.start]) is not None
    )


def _agent_of(text: str, place: _Place, mention: _Mention) -> bool:
    """``sanctions imposed on Friday by the EU`` (not ``relief welcomed by Tehran``)."""
    between = text[mention.end : place.start]
    return len(between.split()) <= 8 and (
        len(between.split()) <= 2 or patterns.search(_ISSUING_VERB_RE, between) is not None
    )


def _subject_of(text: str, place: _Place, mention: _Mention) -> bool:
    """``China on Friday imposed sanctions``: a country whose first verb acts on the measure, in one clause."""
    between = text[place.end : mention.start]
    if len(between.split()) > 14:
        return False
    m = patterns.match(_SUBJECT_TAIL, between)
    if m is None or patterns.search(_CLAUSE_BREAK, between[: m.end()]):
        return False
    lead = between[: m.start("verb")]
    if m.group("verb").lower().endswith("ing") and patterns.search(_PREPOSITION_END, lead):
        return False  # "follow the EU in lifting", "accused the EU of imposing"
    return not patterns.search(_URGES, lead)  # "lawmakers urged Biden to impose": Biden would impose


def _target(
    text: str, mention: _Mention, here: list[_Place], issuer: str | None, counts: list[tuple[int, int]]
) -> str | None:
    """Whom the measure aims at: a party it funds, a verb's object, a listed nationality, else another country."""
    ranked: list[tuple[int, int, str]] = []
    previous: tuple[_Place, int] | None = None
    for p in here:
        ctx = text[max(0, p.start - 40) : p.start]
        if p.canon == issuer or patterns.match(_MODIFIER_AFTER, text, p.end) or _owner(text, p, mention):
            rank = 9  # the issuer; "Iran-backed Houthis", where the Houthis are meant
        elif p.start > mention.start and patterns.search(_STRONG_BEFORE, ctx):
            rank = 1  # "on behalf of the Houthis", "funding the Wagner mercenary group"
        elif patterns.search(_VICTIM_BEFORE, ctx):
            rank = 9  # "an attack against Ukraine", "weapons to Kyiv"
        elif patterns.search(_LOCATION_BEFORE, ctx):
            # "companies based in Hong Kong"; but "abuses in Nicaragua" when nothing better
            rank = 9 if p.canon in ISSUERS else 7
        elif previous and patterns.fullmatch(_COORDINATED, text[previous[0].end : p.start]):
            rank = previous[1]  # "in Hong Kong and the United Arab Emirates"
            if rank == 7 and p.canon in ISSUERS:
                rank = 9
        elif patterns.search(_TARGET_BEFORE, ctx):
            rank = 2  # "threatened Russia with", "sanctions on Moscow"
        elif any(s <= p.start < e for s, e in counts) or (
            p.start >= mention.start and patterns.match(_LISTED_AFTER, text, p.end)
        ):
            rank = 3  # "17 Belarusians", "on four Chinese officials"
        elif p.canon in ISSUERS:
            rank = 9
        elif mention.start <= p.start < mention.end:
            rank = 4  # "Iran sanctions"
        elif patterns.search(_OVER_BEFORE, ctx):
            rank = 6  # "over Russia's war": the cause, a weak hint
        else:
            rank = 5
        if previous and rank >= 5 and patterns.fullmatch(_POSSESSIVE, text[previous[0].end : p.start]):
            rank = previous[1]  # "Yemen's Houthi movement": the Houthis are meant
            ranked = [r for r in ranked if r[1] != previous[0].start]
        previous = (p, rank)
        if rank < 9:
            ranked.append((rank, p.start, p.canon))
    return min(ranked)[2] if ranked else None


# --- across sentences ---


def _keep(text: str, facts: list[_Fact], fact: _Fact) -> None:
    """Add ``fact`` unless it is a later reference to one of ``facts`` (then lend it what it adds) or mere talk."""
    v = fact.value
    for prior in reversed(facts[-_RECENT:]):
        p = prior.value
        if fact.new and not _same_values(p, v):
            continue
        if fact.explicit_issuer and v["issuer"] != p["issuer"]:
            continue
        if v["target"] and p["target"] and v["target"] != p["target"]:
            continue
        if fact.governed and v["status"] != p["status"]:
            continue
        for key in ("target", "ordinal", "persons", "entities", "listings"):
            if p[key] is None and v[key] is not None:
                p[key] = v[key]
        return
    if not (fact.new or fact.governed):
        return
    if v["issuer"] is None:
        v["issuer"] = _issuer_before(text, fact)
        if v["issuer"] is None and not fact.new:
            return  # "the new sanctions were announced", "urged its allies to tighten sanctions": no one acts
    if v["target"] is None:
        v["target"] = _target_before(text, facts, fact)
    facts.append(fact)


def _same_values(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return all(a[k] == b[k] or a[k] is None or b[k] is None for k in KEYS)


def _issuer_before(text: str, fact: _Fact) -> str | None:
    """``he warned, after threatening painful economic sanctions``: the nearest EU/US/UK/UN in the lines before."""
    start = fact.window[0]
    for p in reversed(_places(text, [(max(0, start - _LOOKBACK), start)])):
        if p.canon in ISSUERS and p.canon != fact.value["target"] and not p.metonym:
            return p.canon
    return None


def _target_before(text: str, facts: list[_Fact], fact: _Fact) -> str | None:
    """``the same sanctions decision``: the target of the measure just before, in the same paragraph."""
    for prior in reversed(facts):
        if prior.paragraph == fact.paragraph and prior.value["target"]:
            return str(prior.value["target"])
    return None


_METONYMS = frozenset(
    "brussels washington london moscow kremlin minsk tehran teheran pyongyang caracas damascus beijing havana kyiv "
    "kiev berlin paris tokyo ottawa canberra bern baghdad beirut cairo seoul riyadh ankara tripoli khartoum harare "
    "bamako managua taipei".split()
)
