"""The words date normalisation reads: month, weekday and season names, number words (text2num's
English: the one list of them summarizer has) and ordinals, parts of the day, and the cues that
set an expression in the past, present or future. Kept apart from the rules, so that the lists
can grow without touching them."""

from __future__ import annotations

import re

from text_to_num.lang import LANG

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ]
    )
    for name in names
}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
ENGLISH = LANG["en"]  # text2num's English: its number words and scales ('million'), for all of summarizer
# Every number word as one alternation, longest first ('seventeen' before 'seven').
NUMBER_WORD = "|".join(sorted((re.escape(w) for w in ENGLISH.NUMBERS), key=len, reverse=True))
# How many periods a count of them says ('three days', 'a few weeks'): the number words up to a
# dozen, and the vague ones at a guess.
NUMBERS = {
    "a": 1,
    "an": 1,
    **{word: number for word, number in ENGLISH.NUMBERS.items() if 1 <= number <= 12},
    "several": 3,
    "a few": 3,
    "few": 3,
    "a couple of": 2,
    "a couple": 2,
    "couple of": 2,
    "a dozen": 12,
}
# The counting words as one alternation, longest first: 'a couple of' before 'a'.
NUMBER_WORDS = "|".join(sorted(NUMBERS, key=len, reverse=True))
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "last": 4,
}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
_SPANS = r"(?:days|weeks|months|quarters|years)"
# Vague times, valued PAST_REF, PRESENT_REF and FUTURE_REF ('in' is read off before they are
# matched: 'in the past' is 'the past'); an adjective alone ('current', 'recent') is one too
PAST_WORDS = (
    rf"recently|more recently|(?:in )?the past|previously|formerly|once|earlier|recent|(?:in )?recent {_SPANS}|"
    rf"recent {_SPANS} and {_SPANS}|before|the other day|(?:the )?(?:past|last) (?:few|several|couple of) {_SPANS}|"
    rf"(?:days|weeks|months|years|decades) ago|(?:in )?years past|past {_SPANS}"
)
PRESENT_WORDS = (
    r"now|currently|current|at present|presently|nowadays|at the moment|today's|these days|right now"
)
FUTURE_WORDS = (
    rf"(?:in )?the (?:near )?future|future|soon|shortly|(?:in )?(?:the )?coming {_SPANS}|in future|"
    rf"(?:the )?next (?:few|several|couple of) {_SPANS}|(?:in )?the {_SPANS} ahead|(?:in )?{_SPANS} to come|"
    rf"future {_SPANS}|(?:in )?the (?:near|short|long) term|(?:at )?a later date|as soon as possible"
)
FUTURE_TENSE = re.compile(
    r"\b(will|shall|won't|'ll|going to|is to|are to|plans? to|planned|planning|expects?|scheduled|"
    r"(?<!than )(?<!as )(?<!-)expected(?!-)|due|set to|set for|next(?! to\b)|upcoming|later this|ahead of|"
    r"intends? to|would|supposed to|as early as|as soon as|could come|might come|hopes? to|aims? to)\b",
    re.IGNORECASE,
)
# Verbs news tells what is set to happen with, in the present tense ('the committee meets Tuesday',
# 'talks resume Monday'): in a clause with no verb in the past, what they date is still to come.
# Verbs that report ('says', 'announces') are not among them: 'the company says Monday' is the past.
SCHEDULED_PRESENT = frozenset(
    """meet meets begin begins start starts open opens resume resumes reopen reopens convene convenes
    vote votes visit visits travel travels return returns host hosts hold holds testify testifies
    appear appears debate debates sign signs go goes fly flies tour tours attend attends hear hears
    unveil unveils launch launches expire expires gather gathers arrive arrives depart departs
    face faces kick kicks take takes close closes end ends plan plans""".split()
)
# Words that set a limit ahead of what the clause tells: 'pay down the loan by February'.
DEADLINES = r"by|until|till|through|no later than"
# Past forms of the verbs news uses most that do not end in -ed: a clause with one of these (or a
# past form in -ed) as its last verb before a date tells of the past.
IRREGULAR_PAST = frozenset(
    """was were had did fell rose began took made said told came went got gave sold bought paid won
    lost left met saw grew held kept led ran set shut spent struck thought wrote brought built chose
    drew drove fought found flew forgot froze hid hit hurt knew laid lay meant put quit read rode rang
    sank sat sent shot shook slid spoke stood stole stuck swore swept swam threw understood woke wore""".split()
)
# Nouns news puts after 'to' that make no infinitive: 'shot to death', 'taken to court'.
AFTER_TO_NOT_A_VERB = frozenset(
    "death court power office prison jail trial hospital safety bed school work church market war date".split()
)
# Words after which a past form is an adjective ('the planned merger'), not a verb.
DETERMINERS = frozenset("a an the its their his her this that these those our your my some any no".split())
# Years said as centuries and the rest: 'nineteen ninety-six'.
CENTURIES = {"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}
# Decades in words: 'the nineties'.
DECADES = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
# Words that place a date within a period without changing which period: 'early next year'.
MODIFIERS = (
    r"early|mid|late|earlier|later|the end of|the beginning of|the start of|the middle of|the turn of|"
    r"end of|beginning of|start of|middle of|end|pre|post|"
    r"(?:a |the )?(?:good |large |big |better |greater )?part of|most of|much of|all of|the rest of|"
    r"the remainder of|the balance of|the bulk of|throughout"
)
# Time zones news writes after a time or a day: 'Tuesday evening local time', '3 p.m. ET'.
TIME_ZONES = r"local time|gmt|utc|et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|bst|cet|cest|ist|jst|aest|aedt"
APPROXIMATELY = (
    r"nearly|almost|about|some|more than|over|roughly|around|close to|just over|just under|less than"
)
