"""Word lists the date extractor judges context with; data, kept out of the logic."""

from __future__ import annotations

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

#: A word before a bare month that makes it a date: ``in June``, ``since September``, ``by May``.
MONTH_CUES = frozenset(
    "in since by until till through throughout from during before after of for between early late mid "
    "last next this to into around".split()
)
#: Cues that do not make ``May`` a month (``a speech by May`` is the name too often to trust ``to``).
MAY_NOT_CUES = frozenset("to around".split())
#: A word before a bare 4-digit number that makes it a year: ``in 2014``, ``since 1998``, ``mid-1996``.
YEAR_CUES = frozenset(
    "in since by until till through throughout from during before after of for between early late mid "
    "year fiscal circa spring summer autumn fall winter into".split()
)
#: Year cues that also govern counts (``in 2000 villages``, ``for 1500 people``): the next word is checked.
WEAK_YEAR_CUES = frozenset("in by from of for before after between".split())
#: Words that make a weak cue + number a count: "of 1800 who died".
WEAK_YEAR_BLOCK = frozenset("of who more others than".split())
#: Words a determiner + year + word must not end with (``the 1500 who died``).
FUNCTION_WORDS = frozenset(
    "of who that which were are was is have had has to and or in on at for from with by as than more less "
    "others people".split()
)
DETERMINERS = frozenset("a an the its his her their our this that".split())
#: A year right before one of these is a year even without a cue: ``2014 annexation``.
EVENT_NOUNS = frozenset(
    "annexation invasion election elections war crisis revolution summit olympics referendum census budget "
    "agreement accord accords treaty law act protests uprising coup attack attacks attacks war's "
    "ceasefire truce deal talks".split()
)
#: Words that make a preceding number a count, not a year or a day: ``2000 soldiers``, ``13 people``.
COUNT_NOUNS = frozenset(
    """people persons person troops soldiers servicemen personnel civilians dead deaths killed wounded injured
    casualties victims men women children kids refugees migrants residents inhabitants citizens families
    households homes houses buildings villages towns vehicles tanks cars trucks aircraft planes jets drones
    missiles rockets shells rounds weapons guns cases employees workers staff jobs shares points units tons
    tonnes kg kilograms km kilometers kilometres miles meters metres feet ft hectares acres dollars euros rubles
    roubles pounds hryvnias yuan yen francs marks votes voters members delegates prisoners detainees hostages
    pages words times hours minutes seconds days weeks months years beds doctors nurses police officers
    policemen students participants protesters demonstrators fighters militants rebels separatists
    mercenaries sailors marines paratroopers reservists volunteers million billion thousand bn mln percent
    pc per more others copies tickets calories metric barrels bpd cubic square""".split()
)
#: Weekday phrases that name something else: ``Black Friday``, ``Bloody Sunday``, ``every Monday``.
WEEKDAY_NOT_AFTER = frozenset(
    "black good super bloody ash cyber maundy holy easter palm shrove fat blue casual every each man girl "
    "giving".split()
)
WEEKDAY_NOT_BEFORE = frozenset(
    "times telegraph express mirror people post herald independent star sport prayers prayer sermon "
    "school schools".split()
)
#: Verbs that make a month the subject of a sentence: ``January was the coldest``.
SUBJECT_VERBS = frozenset("was is has had will saw brought".split())
#: Words after which a bare year opens a reported clause when a singular verb follows (``YEAR_VERBS``):
#: ``said 2023 was the least deadly year``. A count there takes a plural verb (``said 2000 were killed``);
#: ``had`` and ``will`` take either, so they are left out.
CLAUSE_OPENERS = frozenset(
    "said says say told that and but while as because though although expect expects expected believe "
    "believes".split()
)
YEAR_VERBS = frozenset("was is has saw brought marked".split())
#: Span modifiers kept with a month or year: ``early 1990``, ``the middle of October``.
MODIFIERS = frozenset("early late mid".split())
PARTS = frozenset("beginning start middle end close".split())
