"""The sanctions extractor's regular expressions and the records its passes hand each other."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import regex

from extractors import patterns
from extractors.numbers import EXACT
from extractors.places import _PLACE_ALT, compile_simple

Match = regex.Match[str]

# --- the sanctions words, and the phrase around them ---

_ORDINAL = (
    r"(?:\d{1,2}(?:st|nd|rd|th)|(?:twenty-|thirty-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth))"
)
_TRIGGER = compile_simple(
    rf"""
    (?<![\w\#])(?:
        (?P<package>{_ORDINAL}\s+(?:sanctions?\s+)?(?:package|round|tranche))
      | (?P<verb>sanctioned|sanctioning|blacklist(?:ed|ing)|black-listed|designat(?:ed|es|ing)|listing(?=\s+\w)
          |fr(?:o|ee)zes?\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?assets
          |freezing\s+(?:the\s+)?(?:[\w'’-]+\s+){{0,2}}?assets)
      | (?P<noun>(?:counter-?)?sanctions?|embargo(?:es)?|restrictive\s+measures|asset\s+freezes?|designations?
          |blacklists?|(?:economic|financial)\s+penalties|(?:unreliable\s+entity|entity|export\s+control)\s+list
          |counter-?measures?
          |entry\s+bans?|stop[\s-]list|(?:new|further|additional|fresh|own)\s+listings)
    )(?!\w)
    """
)
# One literal per stem: ``regex`` finds a literal a hundred times faster than an alternation of them.
_STEM_WORDS = (
    "sanction", "embargo", "restrictive", "designat", "blacklist", "black-list", "froze", "freez", "penalt",
    "entity list", "countermeasure", "counter-measure", "listing", "control list", "entry ban", "stop list",
    "stop-list",
)  # fmt: skip
_HEAD_WORDS = ("package", "round", "tranche")  # "a sixth round"
_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})
# The same scans as regexes, for the rare text whose case-folding changes its length.
_STEMS = tuple(compile_simple(stem) for stem in _STEM_WORDS)
_HEADS = tuple(compile_simple(rf"(?<![\w-]){head}") for head in _HEAD_WORDS)
_ORDINAL_BEFORE = compile_simple(
    rf"(?<![\w-]){_ORDINAL}\s+(?:sanctions?\s+)?\Z", patterns.FLAGS | regex.REVERSE
)
_MAX_MENTIONS = 8
_RECENT = 20  # a later reference points back at one of the last measures, not at any in a long file
_MAX_SENTENCE = 1500
_LOOKBACK = 400  # how far back a lost issuer is looked for (``he warned, after threatening sanctions``)
_HYPHENATED = compile_simple(r"\w-\Z")  # state-sanctioned, UN-sanctioned: an adjective, not a measure
_DETERMINER = compile_simple(r"(?<!\w)(?:a|an|the|these|those|its|their|his|her|all|other|already|previously)\s+\Z")
_PREMOD = (
    rf"(?:{_ORDINAL}|new|fresh|further|additional|more|tough(?:er|est)?|harsh(?:er|est)?|painful|severe|crippling"
    r"|sweeping|punishing|punitive|massive|unprecedented|economic|financial|sectoral|targeted|secondary|personal"
    r"|individual|broad(?:er)?|wide-ranging|wider|strict(?:er)?|stringent|heavy|heavier|latest|Western|international"
    r"|global|multilateral|unilateral|arms|oil|gas|coal|trade|import|export|technology|total|full|retaliatory"
    r"|phased|partial|anti-[\w-]+|[\w.]+-related|[\w.]+-led|Treasury|US|U\.S\.|UK|U\.K\.|EU|UN|U\.N\."
    rf"|{_PLACE_ALT})"
)
_BACK = compile_simple(  # matched right to left from the sanctions word: one attempt, not one per position
    rf"""(?:(?<!\w)the\s+same\s+)?(?:{_PREMOD}\s+)*
        (?:(?:package|round|wave|raft|set|batch|series|slew|tranche|volley|barrage)\s+of\s+(?:{_PREMOD}\s+)*)?\Z""",
    patterns.FLAGS | regex.REVERSE,
)
_HEAD = compile_simple(
    r"[\s-]*(?:package|list|round|regime|decision|measures|programme|program|tranche|designations|bill|law|relief"
    r"|waivers?)(?!\w)"
)
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_WHEN = rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|{_MONTH})"
_ATTACH = compile_simple(
    rf"""\s+(?:(?:imposed|levied|placed|announced|slapped)\s+)?(?:on\s+{_WHEN}\s+)?
        (?:against|on|upon|targeting)\s+(?:the\s+)?
        (?P<target>(?!{_WHEN}\b)(?:al-)?(?-i:\p{{Lu}})[\w'’.-]*(?:\s+(?:(?-i:\p{{Lu}})[\w'’.-]*|al-\w+)){{0,4}})"""
)
_ADJECTIVE_USE = compile_simple(
    r"\s+(?!(?:on|in|at|over|for|from|by|to|and|or|after|before|with|as|if|until|next|last|this|which|that|who|whose"
    r"|is|are|was|were|has|have|had|will|would|could|said|says|amid|under|since|because|following|while|but|unless"
    r"|when|earlier|later|in)\b)(?-i:\p{Ll})"
)
_TALK_AFTER = compile_simple(r"\s+(?:was|is|were|would|will|has|had|could|may|might|remains?)(?!\w)")
_TALK_BEFORE = compile_simple(r"(?<!\w)(?:any|no|for|of|on|about|over|seek\w*|want\w*|discuss\w*)\s+\Z")
_OF_OTHER = compile_simple(  # "a third round of talks"; but "the 16th package of the EU" is the EU's
    r"\s+of\s+(?![\w-]+\s+sanctions|sanctions|restrictive|measures|penalties"
    r"|(?:the\s+)?(?:(?-i:EU|E\.U\.|UN|U\.N\.|US|U\.S\.|UK)|European\s+Union|United\s+(?:Nations|States|Kingdom)"
    r"|bloc|Union)(?=\s*[,.;]|\s+(?:against|on|targeting|in|to|was|is|which|that|adopted|approved)(?!\w)|\s*\Z))"
)
_AID_BEFORE = compile_simple(
    r"(?:aid|assistance|support|military|stimulus|rescue|bailout|reform|loan|weapons|arms|security|spending|relief"
    r"|humanitarian|investment|recovery)\s+(?:\w+\s+)?\Z"
)
_PARTY_TAIL = compile_simple(r"(?:['’]s|\s+(?:Group|group|rebels|militia|movement|regime|government))+\Z")
_MODIFIER_AFTER = compile_simple(r"-(?:backed|linked|allied|aligned|based|owned|controlled|affiliated|supported|led)")

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
    r"|institutions?|enterprises?|groups?|airlines?|agenc(?:y|ies)|subsidiar(?:y|ies)|administrations?|departments?"
    r"|manufacturers?|suppliers?|outlets?|communities|networks?|funds?|exchanges?|conglomerates?|corporations?"
    r"|factor(?:y|ies)|producers?|ports?|contractors?|makers?|developers?|refiner(?:y|ies))"
)
# "four Wagner Group commanders", "two bank executives": people of a body are people.
_PEOPLE_OF = (
    r"(?:officials|executives|commanders|leaders|chiefs|directors|managers|owners|founders|heads|members|officers"
    r"|employees|bosses|financiers|operatives)(?!\w)"
)
_MIXED = r"(?:individuals|people|persons|entities|companies|organi[sz]ations|firms|businesses|vessels|aircraft)"
_COMBINED = (
    rf"(?:(?:individuals|people|persons)(?:\s*,\s*{_MIXED})*,?\s+(?:and|or)\s+(?!individuals|people|persons){_MIXED}"
    rf"|(?:entities|companies|organi[sz]ations|firms)(?:\s*,\s*{_MIXED})*,?\s+(?:and|or)\s+"
    r"(?:individuals|people|persons)"
    r"|targets|names|designations|listings)"
)
_COUNT = compile_simple(
    rf"""(?<!\w)(?:on|against|targeting|targets?|targeted|add(?:s|ed|ing)?|designat\w*|sanction\w*|blacklist\w*
            |list\w*|includ\w*|cover\w*|hits?|hitting|freez\w*|froze|ban\w*|nam(?:es|ed|ing)|of|and|another|further
            |additional|over|some|about|nearly|almost|than|least|total\s+of|with|announc\w*|unveil\w*|impos\w*
            |keep\w*|kept|leaving|bringing|comprising|involving|affecting|around|roughly|approximately|up\s+to
            |remov\w*|others|as|put|placed|concern\w*|now|(?:on|against|targeting)\s+the)\s+
        (?P<n>{EXACT})\s+
        (?:(?!and\s|or\s)[\p{{L}}.'’-]+(?:\s+and\s+(?-i:\p{{Lu}})[\p{{L}}.'’-]+)?\s+){{0,3}}?
        (?:(?P<listings>{_COMBINED})|(?P<entities>{_ENTITY}(?!\w)(?!\s+{_PEOPLE_OF}))|(?P<persons>{_PERSON}))(?!\w)"""
)
_OBJECT = compile_simple(
    rf"\s+(?:(?P<prep>on|against|targeting)\s+|of\s+)?"
    rf"(?:a\s+further\s+|another\s+|an?\s+additional\s+|more\s+than\s+|at\s+least\s+)?{EXACT}\s+"
    rf"(?:[\p{{L}}.'’-]+\s+){{0,3}}?(?:{_COMBINED}|{_ENTITY}(?!\w)(?!\s+{_PEOPLE_OF})|{_PERSON})(?!\w)"
)
# "starting with gang leader Jimmy Cherizier", "on Russian oligarch Roman Abramovich": one person, named.
_NAMED_PERSON = compile_simple(
    r"""(?<!\w)(?:starting\s+with|beginning\s+with|on|against|targeting|including|sanctioned|designated|blacklisted)
        \s+(?:[\w'’-]+\s+){0,3}?
        (?:leader|chief|commander|official|oligarch|businessman|businesswoman|tycoon|minister|president|general
        |banker|executive|head|financier|warlord|founder|owner)
        (?:\s+of\s+(?:[\w'’.-]+\s+){0,4}?[\w'’.-]+(?=,))?  # "the leader of Sudan's Rapid Support Forces, Mohamed ..."
        ,?\s+(?-i:\p{Lu}[\w'’-]+(?:\s+\p{Lu}[\w'’-]+)+)(?!\s+and\s+\p{Lu})"""
)
# "sanctions on a Rwandan government minister", "on a Beijing-based bank": one listed, in the singular.
# "and Australia sanctioned one.": the verb's bare number counts those just named (people, unless firms).
_BARE_COUNT = compile_simple(rf"\s+(?:a\s+further\s+|another\s+|(?:some|about)\s+)?(?P<n>{EXACT})\s*(?:[.;]|,\s|$)")
# "in response to the 17th package of EU sanctions, Moscow extended ...": the measure answered was aimed at Moscow.
_ANSWERED = compile_simple(
    r"(?<!\w)(?:in\s+(?:response|reply|retaliation)\s+(?:to|for)|retaliat\w*\s+(?:for|against)|responding\s+to)"
    r"\s+(?:the\s+|an?\s+)?(?:[\w.'’-]+\s+){0,4}\Z"
)
# "sanctions against spoilers of the peace agreement": those who wreck a deal, aimed at as written.
_SPOILERS = compile_simple(
    r"""\s+(?:against|on|targeting)\s+(?:the\s+|any\s+)?(?P<target>(?:spoilers|obstructors|violators|saboteurs)\s+of
        \s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:agreement|accord|deal|process|ceasefire|transition|truce|talks))(?!\w)"""
)
# "sanctions on countries that keep buying Russian oil": a class of third parties, aimed at as written.
_CLASS_HEADS = ("countr", "nation", "states", "governments", "buyer", "importer", "purchaser", "anyone", "anybody")
_CLASS_TARGET = compile_simple(
    r"""\s+(?:on|against|targeting)\s+(?P<target>(?:any|all|other|third)?\s*
        (?:countr(?:y|ies)|nations?|states|governments|buyers?|importers?|purchasers?|anyone|anybody)
        \s+(?:that|which|who|buying|importing|purchasing|trading|doing|helping|supporting|supplying|continuing|still)
        (?:\s+[\w'’-]+){1,8}?)
        (?=\s*[,;.:!?)]|\s+(?:if|unless|amid|after|while|but|until|over|as|and\s+(?:said|warned|threatened))\b|\s*\Z)"""
)
# "sanctions on the head of Sudan's army": the head, leader or chief of a body is one person.
_ONE_LISTED = compile_simple(
    r"""\s+(?:(?:on|against|targeting)\s+)?
        (?:the\s+(?:[\w'’.-]+\s+)?(?P<head>head|leader|chief|founder|boss)\s+of\s
        |(?:a|an|one)\s+(?:(?!of\s)[\w'’.-]+\s+){0,3}?
        (?:(?P<persons>individual|person|official|minister|oligarch|businessman|businesswoman|executive|judge|general
        |commander|leader|tycoon|banker|financier|politician|lawmaker|governor|prosecutor|warlord)
        |(?P<entities>entity|company|firm|bank|organi[sz]ation|business|institution|enterprise|airline|agency
        |subsidiary|manufacturer|supplier|network|exchange|conglomerate|corporation|refinery|producer|contractor))
        (?![\w-]))"""
)
# "lifted sanctions on the shipping arm of Belaruskali and two of its executives", "the sanctions that weighed on
# the state oil company of Venezuela, PDVSA, and on 3 high officials": a body named in the singular is one entity.
_THE_ONE_ENTITY = compile_simple(
    r"""\s+(?:(?:that|which)\s+(?:[\w-]+\s+){1,3}?)?(?:on|against|targeting)\s+the\s+(?:(?!of\s)[\w'’.-]+\s+){0,3}?
        (?:company|firm|bank|arm|subsidiary|corporation|conglomerate|refinery|airline|operator|exchange|insurer)
        (?![\w-])"""
)
# "three commanders of Sudan's Rapid Support Forces and a gold trading company": the company is one entity.
_AND_ONE_ENTITY = compile_simple(
    r"""(?:\s+of\s+(?:[\w'’.-]+\s+){0,3}[\w'’.-]+)?\s+and\s+(?:a|an|one)\s+(?:(?!of\s)[\w'’.-]+\s+){0,3}?
        (?:entity|company|firm|bank|organi[sz]ation|business|conglomerate|corporation|refinery|exchange)(?![\w-])
        (?!\s+(?:official|executive|director|manager|owner|spokes\w+|chief|employee|founder|head)s?(?!\w))"""
)
# "..., a week after it sanctioned the leader of the RSF": an earlier measure told in a clause of its own.
_SUBORDINATE = compile_simple(
    r",\s+(?:[\w-]+\s+){0,3}?(?:after|since)\s+(?:it|they|[\w.'’-]+|the\s+[\w.'’-]+)\s+(?:had\s+|has\s+|also\s+)?\Z"
)
# "Tokyo last imposed sanctions on Moscow in December": an earlier measure, its own fact, not the new one again.
_EARLIER = compile_simple(r"(?<!\w)(?:first|last|previously)\s+\Z")
_CASUALTY_AROUND = compile_simple(
    r"(?:kill\w*|dead|died|wounded|injur\w*|arrest\w*|detain\w*|displac\w*|evacuat\w*|employ\w*)\s+(?:\w+\s+){0,2}\Z"
)
_CASUALTY_AFTER = compile_simple(
    r"\s+(?:(?:were|was|have\s+been|had\s+been|could|may|might|would|will)\s+)?"
    r"(?:killed|dead|die|died|starve\w*|wounded|injured|arrested|detained|displaced|fled|flee)"
)

# --- what a sentence says about its measure ---

_DO = (  # "threatened to impose", "warned it would slap": the threat, not the imposing
    r"(?:\s+(?:to|(?:that\s+)?(?:it|they|\w+)\s+(?:would|could|might|may)|of|with)\s+(?:\w+\s+)?"
    r"(?:(?:re)?impos\w*|introduc\w*|adopt\w*|slap\w*|levy\w*|add\w*|announc\w*|hit\w*|new|more|further"
    r"|tough\w*|fresh))?"
)
_IMPOSE = (
    r"(?:(?:re)?impos|introduc|adopt|approv|announc|slap|add|levy|levie|unveil|extend|renew|target|tighten|expand|join"
    r"|apply|appli|follow|sanction(?!s)|blacklist|freez|lift|eas|remov)\w*"
)
_UNDO = r"(?:lift|eas|remov|relax|unfreez|suspend|scrap|waive|end)\w*"
#: "said it would announce matching sanctions": a measure still to be made public is proposed, not adopted.
_UNVEIL = r"(?:announc|unveil|introduc|present)\w*"
_ADV = r"(?:(?!not\b|never\b)\w+\s+)?"
_STATUS = compile_simple(
    rf"""(?<!\w)(?:
      (?P<negated>(?:not|n[’']t|never|no\s+plans?\s+to|refus\w*\s+to|ruled?\s+out|rejected|declin\w*\s+to
        |reluctant\s+to)\s+(?:\w+\s+)?(?:{_IMPOSE}|relax\w*|back\w*|support\w*|implement\w*))
    | (?P<maintained>maintain(?:s|ed|ing)?|keep(?:s|ing)?|kept|retain(?:s|ed|ing)?)
    | (?P<demanded>(?:call\w*|demand\w*|push\w*|ask\w*|seek\w*|sought|want\w*|press\w*|lobb\w*|insist\w*)
        \s+(?:for\s+|on\s+)?(?:the\s+)?(?:lifting|easing|removal|relief|end(?:ing)?)(?:\s+of)?)
    | (?P<counterfactual>would\s+have\s+{_ADV}{_IMPOSE})
    | (?P<lifted>(?:agreed|decided|voted|moved)\s+(?:\w+\s+){{0,3}}?to\s+{_ADV}{_UNDO}|lift(?:s|ed|ing)?
        |to\s+end|end(?:s|ed|ing)(?=\s+(?:\w+\s+){{0,2}}(?:sanctions|embargo|asset))
        |eas(?:e|ed|es|ing)|relax(?:es|ed|ing)?|remov(?:e|es|ed|ing)|roll(?:s|ed|ing)?\s+back
        |unfr(?:o|ee)z\w*|relief|delist\w*|scrap(?:s|ped|ping)?|suspend(?:s|ed|ing)?|waive[ds]?|waivers?)
    | (?P<threatened>(?:threat\w*|warn(?:s|ed|ing)?|vow(?:s|ed|ing)?|ready|prepared|stands?\s+ready){_DO}
        |(?:could|would|will|may|might)\s+face|(?:faces?|facing)(?!\s+(?:asset|travel|entry|visa))|risk(?:s|ed|ing)?)
    | (?P<announced>(?:said|says|announced)\s+(?:\w+\s+){{0,3}}?(?:it|they|he|she|the\s+\w+)\s+(?:would|will)
        \s+{_ADV}(?!{_UNDO}|{_UNVEIL}){_IMPOSE}|(?:will|shall)\s+{_ADV}(?!{_UNDO}|{_UNVEIL}){_IMPOSE})
    | (?P<proposed>(?:propos\w*
        |(?:plans?|planning|intends?|set|expected|likely|poised|due|going|aims?|seek\w*|hopes?)\s+to
          (?:\s+{_ADV}(?!{_UNDO}){_IMPOSE})?
        |(?:would|may|might|could)\s+{_ADV}(?!{_UNDO}){_IMPOSE}){_DO}
        |vote\s+(?:[\w-]+\s+){{0,3}}?on\s+(?:whether\s+to\s+)?{_IMPOSE}
        |(?:urg(?:e|es|ed|ing)|ask(?:s|ed|ing)?|press(?:es|ed|ing)?|call(?:s|ed|ing)?\s+on|push(?:es|ed|ing)?)
          \s+(?:[\w.’'-]+\s+){{0,5}}?to\s+{_ADV}{_IMPOSE}
        |(?:will|would|shall|to)\s+{_ADV}present|to\s+be\s+(?:adopted|approved|imposed|announced|presented)
        |(?:will|shall)\s+{_ADV}{_UNVEIL}
        |(?:consider(?:s|ed|ing)?|mull(?:s|ed|ing)?|weigh(?:s|ed|ing)?|recommend(?:s|ed|ing)?|discuss(?:es|ed|ing)?)
          (?:\s+(?!{_UNDO})(?:add|impos|list|designat|sanction|blacklist|extend|expand)\w*ing)?  # "recommended adding"
        |draft(?:s|ed|ing)?|call(?:s|ed|ing)?\s+(?:on\s+\w+\s+|\w+\s+)?for|push(?:es|ed|ing)?\s+for|urg(?:e|es|ed|ing)
        |prepar(?:e|es|ed|ing)|work(?:s|ing)?\s+on)
    | (?P<failed>(?:fail(?:s|ed|ing)?|unable)\s+(?:again\s+|once\s+more\s+)?to\s+(?:\w+\s+)?
        (?:agree|adopt|approv|pass|endors|impos)\w*|block(?:s|ed)|veto(?:es|ed)|(?:held|hold(?:s|ing)?)\s+up)
    | (?P<adopted>(?:agreed|decided|voted|moved)\s+(?:\w+\s+){{0,3}}?to\s+{_ADV}(?!{_UNDO}){_IMPOSE}
        |(?:agreed|decided|voted|moved)\s+to|agree(?:s|d)|agreement|approv\w*|adopt\w*|(?:re)?impos(?:e|es|ed|ing)
        |slap(?:s|ped|ping)?|levied|announc(?:es|ed|ing)|unveil(?:s|ed|ing)?|extend\w*|renew\w*|prolong\w*
        |roll(?:s|ed)?\s+over|tighten\w*|expand\w*|broaden\w*|add(?:s|ed|ing)|(?:placed|put)\s+under|plac(?:ed|es|ing)
        |introduc(?:es|ed|ing)|enact\w*|took\s+effect|came\s+into\s+force|entered\s+into\s+force|designat(?:es|ed|ing)
        |sanctioned|blacklist(?:s|ed|ing)|froze|freez(?:es|ing)|hit(?:s|ting)?\s+(?:[\w'’-]+\s+){{0,3}}?with
        |target(?:s|ing)|targeted(?!\s+(?:(?:financial|economic|travel)\s+)?sanctions)|endors\w*|signed|passed|restor\w*|retaliat\w*|follow(?:s|ed|ing)?\s+(?:suit\s+)?with
        |join(?:s|ed|ing))
    | (?P<infinitive>to\s+{_ADV}{_IMPOSE})
    )(?!\w)
    """
)
# A cue governs the mention when only a few words sit between them: "threatened Russia with further sanctions".
_GOVERNED_GAP = compile_simple(r"(?:[^\s,;:.!?“”\"()]+\s+){0,4}")
# Words that do not part a verb from its object: "lifted on 24 February 2024 most of the sanctions".
_GAP_FILLER = compile_simple(
    rf"""(?:(?:on|in|this|last)\s+(?:(?:early|mid|late)\s+)?(?:\d{{1,2}}\s+)?{_WHEN}(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?
        |(?:most|all|some|many|much|part|parts|half|the\s+bulk|the\s+rest|the\s+remainder)\s+of)\s+"""
)
_PASSIVE_GAP = compile_simple(
    r"\s+(?:\w+\s+)?(?:were|was|are|is|have\s+been|has\s+been|had\s+been|will\s+be|would\s+be|be)\s+(?:\w+\s+)?\Z"
)
_CONDITIONAL = compile_simple(
    r"(?<!\w)(?:if|unless|in\s+the\s+event\s+of|should\s+(?:it|they|Russia|Moscow)\s)(?!\w)"
)
_NEW = compile_simple(
    rf"(?<!\w)(?:(?<!the\s|these\s|those\s|its\s)(?:new|fresh)|further|additional|another|more|first-ever"
    r"|tougher|harsher|stricter|wider|broader"
    rf"|{_ORDINAL}\s+(?:[\w-]+\s+)?(?:package|round|tranche))(?!\w)"
)
_ORDINAL_PACKAGE = compile_simple(
    rf"(?<!\w)(?P<ord>{_ORDINAL})\s+(?:[\w-]+\s+)?(?:sanctions?\s+)?(?:package|round|tranche|wave|batch|set)(?!\w)"
    r"(?!\s+of\s+(?![\w-]+\s+(?:sanctions|measures|designations|listings|penalties)"
    r"|sanctions|restrictive|measures|designations|penalties)\w)"
    # "Japan's cabinet proposed its first sanctions against the junta": the first measure is number 1
    r"|(?<=(?:its|their|['’]s)\s+)(?P<ord>first)\s+(?:ever\s+)?sanctions\s+(?:against|on|targeting)(?!\w)"
)
_SANCTIONS_CONTEXT = compile_simple(
    rf"sanction|restrictive\s+measures|embargo|asset\s+freeze|blacklist|treasury|ofac"
    rf"|(?:against|on|targeting)\s+(?:the\s+)?(?:{_PLACE_ALT})"
)

# --- who imposes, who is aimed at ---

_ISSUING_VERB = (
    r"(?:impos\w*|reimpos\w*|slap\w*|announc\w*|adopt\w*|approv\w*|agree\w*|reached|threaten(?:s|ed|ing)?|sanctioned"
    r"|sanctioning|blacklist\w*|designat\w*|extend\w*|renew\w*|restor\w*|lift\w*|eas(?:e|ed|es|ing)|unveil\w*|levied"
    r"|levy|hit|expand\w*|tighten\w*|added|adds|froze|freez\w*|propos\w*|prepar\w*|plan\w*|consider\w*|vow\w*"
    r"|warn\w*|retaliat\w*|follow\w*|join\w*|put|puts|putting|placed|placing|(?:took|taken|takes|taking)\s+over)"
)
_ISSUING_VERB_RE = compile_simple(rf"(?<!\w){_ISSUING_VERB}(?!\w)")
# "Japan's government also said it would freeze the assets": the subject reported, its verb the measure.
_SAID_IT = compile_simple(
    r"(?:['’]s\s+[\w-]+\s+)?(?:(?:also|on\s+\w+)\s+)?(?:said|says|announced)\s+(?:on\s+\w+\s+)?(?:that\s+)?"
    r"(?:it|they)\s+(?:would|will|had|has|was|is)\s+(?:(?:also|now|be|been)\s+)*\Z"
)
_SUBJECT_TAIL = compile_simple(rf"(?:['’]s)?\s*(?:[\w.’'-]+\s+){{0,6}}?(?P<verb>{_ISSUING_VERB})(?!\w)")
_PREPOSITION_END = compile_simple(r"(?<!\w)(?:in|of|for|by|after|before|from|without|on|about)\s+\Z")
_URGES = compile_simple(r"(?<!\w)(?:urg\w*|ask\w*|call\w*\s+on|press\w*|push\w*|accus\w*|want\w*)(?!\w)")
_CLAUSE_BREAK = compile_simple(r"[,;:“”\"()–—]|\s(?:while|but|whereas|after|when|which|who|that)\s")
_BY_BEFORE = compile_simple(r"(?<!\w)by\s+(?:the\s+)?\Z")
_LOCATION_BEFORE = compile_simple(
    r"(?:(?<!\w)(?:in|at|from|to|into|across|inside|near|within|visit\w*)\s+(?:the\s+)?|pro-"
    r"|(?<!\w)the\s+\w+\s+in\s+)\Z"
)
_VICTIM_BEFORE = compile_simple(
    r"(?:attack\w*|aggression|invasion|invad\w*|incursion|offensive|war|strikes?|support|aid|help|arms|weapons"
    r"|annex\w*|seiz\w*|border|shipping|mov(?:e|es|ed|ing)|act(?:s|ed|ing)?|action|escalat\w*|threat\w*\s+to)"
    r"(?:\s+(?:on|against|of|in|into|to|for|with))?\s+(?:the\s+|its\s+)?\Z"
)
_STRONG_BEFORE = compile_simple(
    r"(?:on\s+behalf\s+of|fund(?:ing|ed|s)?|financ(?:ing|ed|es)?|linked\s+to|tied\s+to|connected\s+to"
    r"|affiliated\s+with|members\s+of|supplying|belong(?:s|ing)?\s+to|help(?:s|ed|ing)?|aid(?:s|ed|ing)"
    r"|assist(?:s|ed|ing)?"
    r"|(?:launder\w*|smuggl\w*|front\w*)(?:\s+[\w-]+){0,3}?\s+for)"  # "laundered fentanyl proceeds for the Sinaloa cartel"
    r"\s+(?:the\s+)?\Z"
)
_TARGET_BEFORE = compile_simple(
    r"(?:(?:threaten\w*|hit(?:s|ting)?|slap\w*|punish\w*|penali[sz]\w*|target\w*|sanction(?:ed|s|ing)|blacklist\w*"
    r"|warn\w*|designat\w*|against|on|upon)\s+(?:the\s+)?(?:\w+\s+)?|anti-)\Z"
)
# "firms that shipped electronics to Russia's military", "procuring parts for", "supplied Russia with".
_SUPPLIED_BEFORE = compile_simple(  # the listed supply it ("that", "accused of"), not a country named before the verb
    r"(?<!\w)(?:that|which|who|of|for)\s+(?:(?:allegedly|reportedly|have|has|had|helped|help)\s+){0,2}"
    r"(?:suppl(?:y|ies|ied|ying)|ship(?:s|ped|ping)?|sold|sell(?:s|ing)?|export(?:s|ed|ing)?"
    r"|deliver(?:s|ed|ing)?|provid(?:e|es|ed|ing)|procur(?:e|es|ed|ing)|sourc(?:e|es|ed|ing)|smuggl(?:e|es|ed|ing))"
    r"\s+(?:(?:[\w-]+\s+){0,4}?(?:to|for)\s+)?(?:the\s+)?\Z"
)
# "..., and Japan said it was weighing its options": a country that opens a clause of its own is not the target.
_CLAUSE_SUBJECT = compile_simple(
    r"(?:['’]s)?(?:\s+[\w.-]+){0,2}?\s+"
    r"(?:(?:also|has|have|had|is|are|was|were|will|would|could|may|might|did|does)\s+)?"
    r"(?:said|says|has|have|had|is|are|was|were|will|would|could|may|might|announc\w*|deployed|called|urged"
    r"|warned|expected)(?!\w)"
)
# Past these, the object of the measure has ended: "..., a response to Tehran's barrage against Israel".
_FAR_BREAK = compile_simple(r"[,;:()–—]|\s(?:while|whereas|but)\s")
# Armed groups and cartels, kept as written: "Sudan's Rapid Support Forces", "Russia's Africa Corps", "RSF".
_ARMED_GROUP = compile_simple(
    r"""(?<![\w-])(?-i:(?!(?:The|Armed|Defen[cs]e|Security|Special|Air|Naval|Police|Border|Land|Allied|Coalition)\s)
        (?:\p{Lu}[\w-]*\s+){1,3}(?:Corps|Forces|Cartel|Brigades?|Militia)|RSF|CJNG
        |(?P<name>(?!The\s)[\p{Lu}\d][\w-]*(?:\s+(?:(?:de|del|la|el|al)\s+)?\p{Lu}[\w-]*){0,3})\s+gang
        |(?!The\s)\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*){0,2}\s+(?:cartel|militia)
        |(?P<name>(?!EU\s|UN\s|US\s|UK\s)\p{Lu}[\p{Lu}\d-]+)\s+(?:rebel\s+(?:group|movement|alliance)|rebels|armed\s+group)
        |C[aá]rtel\s+(?:de\s+(?:los\s+|las\s+|la\s+)?|del\s+)\p{Lu}[\w-]*(?:\s+\p{Lu}[\w-]*){0,2})  # Cartel de los Valles
        (?![\w-])"""
)
# "the M23 rebel group", "ADF rebels": a group known by its acronym is named by it.
_GROUP_WORDS = ("Corps", "Forces", "Cartel", "Cártel", "Brigade", "Militia", "RSF", "CJNG", "gang", "cartel", "militia", "rebel",
                "armed group")
# "The package adds 48 individuals": the sentence after a measure goes on about it, and lends it its counts.
_ANAPHOR = compile_simple(
    r"(?<!\w)(?:(?:the|these|its|this|that)\s+(?:[\w-]+\s+)?(?:package|measures|round|listings|designations)"
    r"|(?-i:It|They)\s+(?:also\s+)?(?:lists?|adds?|targets?|includes?|covers?|names?|hits?|blacklists?"
    r"|designates?))(?!\w)"
)
# "With it, 64 persons are subject to financial sanctions": a sentence that opens on the measure just told goes on
# about it; its sanctions words name no measure of their own.
_GOES_ON = compile_simple(
    r"""\s*(?:(?:With|Under|Through|By)\s+(?:it|this|them|these|the\s+(?:new\s+|latest\s+)?(?:package|measures?
        |decision|round|listings?|designations?))\s*,|(?:The|This|That|Its)\s+(?:new\s+|latest\s+)?(?:package|round
        |listings?|designations?|decision)\s+(?:also\s+)?(?:adds?|lists?|includes?|targets?|covers?|imposes?
        |extends?|bans?|brings?|freezes?|hits?|names?))(?!\w)"""
)
# "With it, 64 further persons ...": the count that opens such a sentence.
_LEAD_COUNT = compile_simple(
    rf"""\s*(?P<n>{EXACT})\s+(?:(?:more|further|additional|new|other)\s+)?
        (?:(?P<listings>{_COMBINED})|(?P<entities>{_ENTITY})|(?P<persons>{_PERSON}))(?!\w)"""
)
# "Seoul has so far blacklisted more than 200": a running total of past listings, not what a measure adds.
# "Washington has sanctioned more than 400 people since January": the present perfect with "since" sums them too.
_RUNNING_TOTAL = compile_simple(
    r"(?<!\w)(?:so\s+far|in\s+total|to\s+date|altogether|all\s+told"
    r"|(?:bring|brings|brought|bringing)\s+to\s+[\d,.]+\s+the\s+(?:number|total|tally)"  # "bring to 93 the number of"
    r"|(?:has|have)\s+(?:\w+\s+)?(?:sanctioned|designated|blacklisted|listed|targeted)\s[^.;]{1,80}?\ssince"
    rf"\s+(?:(?:early|mid|late)[\s-]+)?(?:{_MONTH}|\d{{4}}|the\s+(?:start|beginning)))(?!\w)"
)
# "bringing the total to more than 2,200 listings": the sum of every measure so far, not this one's size.
_TOTAL_TO = compile_simple(
    r"(?<!\w)(?:bring\w*|brought|tak\w*|took|rais\w*|push\w*|lift\w*|increas\w*)\s+(?:the|its|their)\s+"
    r"(?:[\w-]+\s+)?(?:total|tally|number|count)\s+(?:[\w-]+\s+){0,3}?to\s+"
    r"(?:(?:more|fewer|less)\s+than\s+|over\s+|about\s+|nearly\s+|almost\s+|some\s+|around\s+|at\s+least\s+)?\Z"
)
# "It was Washington's 12th round of ...", "It is the ninth set of sanctions": a sentence that numbers the
# measure just told.
_NUMBERS_IT = compile_simple(
    r"\s*(?:It|This|That|These|They|The\s+(?:move|measures?|designations?|sanctions|package|action|step|listings?))"
    r"\s+(?:was|is|are|were|marks?|marked|became|becomes|represents?|represented)\s+"
    r"(?:also\s+)?(?:the\s+|its\s+|their\s+|(?-i:\p{Lu})[\w.'’-]*['’]s\s+)?"
)
# "designated Gazprombank and six of its subsidiaries": the parent is listed too.
_PARENT_AND = compile_simple(r"(?-i:\p{Lu})[\w-]*\s+\Z")
_OF_ITS = compile_simple(r"\s+of\s+its\s+")
# "and 12 other entities" (matched on a count from its "and"): the one named before is listed too.
_OTHER_COUNT = compile_simple(r"\s+[\w,.-]+\s+other\s")
# "In March, the EU renewed ...": a sentence that opens on another month or year tells of another measure.
_FRONTED_TIME = compile_simple(
    r"\s*(?:In|Last|Since|Back\s+in|Earlier\s+in)\s+(?:(?:early|mid|late|the)[\s-]+)?"
    rf"(?:{_MONTH}|\d{{4}})(?:\s+\d{{4}})?\s*,"
)
_RELATIVE = compile_simple(  # also an aside: "Australia, for its part, lifted"
    r",\s+(?:(?:which|who)\s[^,;:.()]{1,80}|for\s+(?:its|their|his|her)\s+part|in\s+turn|meanwhile|too|however"
    r"|likewise|separately|in\s+response|for\s+now|in\s+a\s+separate\s+move),"
)
# "an embargo on products from the EU, USA and Norway": where the goods come from is aimed at.
_GOODS_FROM = compile_simple(
    r"(?<!\w)(?:on|against|of)\s+(?:[\w-]+\s+)?(?:imports|products|goods|produce|foodstuffs?|exports|shipments)"
    r"\s+(?:originating\s+)?(?:from|of)\s+(?:the\s+)?\Z"
)
_OVER_BEFORE = compile_simple(r"(?<!\w)over\s+(?:the\s+|its\s+)?\Z")
_LISTED_AFTER = compile_simple(rf"(?:['’]s)?\s+(?:[\w-]+\s+)?(?:{_PERSON}|{_ENTITY}|{_COMBINED})(?!\w)")
_POSSESSIVE = compile_simple(r"['’]s\s+(?:(?-i:\p{Ll})[\w-]*\s+)?")  # "Sudan's (paramilitary) Rapid Support Forces"
_OWNER_GAP = compile_simple(r"['’]s\s+(?:[\w-]+\s+){0,2}")
_COORDINATED = compile_simple(r"\s*(?:,\s*|\s)(?:(?:and|or)\s+)?(?:the\s+)?")
_LIST_LINE = compile_simple(
    r"\s*(?:(?:tags?|topics?|keywords?|categories|filed\s+under|related)\s*:"
    r"|(?:[^.,|•·\n]{1,40}[,|•·]\s*){3,}[^.\n]*$)"
)


@dataclass
class _Place:
    start: int
    end: int
    canon: str
    metonym: bool  # a capital, leader or agency: "talks in Brussels" is a place, not an actor
    group: bool = False  # an armed group or cartel: aimed at, never the issuer


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
    renewal: bool = False  # "the EU prolonged its sanctions on Russia": a measure of its own, not the package before
    earlier: bool = False  # a past measure recalled ("first sanctioned the junta in 2023"): never a later reference
    distinct: bool = False  # "..., and designated a further 186": a second list in the sentence, never the first again
    new: bool = False
    acts: bool = False  # a verb before it adopts it ("added two gang leaders to its blacklist"), not its own noun
    governed: bool = False
    paragraph: int = 0
