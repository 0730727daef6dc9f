"""English words as the support checker and the merge read them: tokens with their clause, stems
(Snowball), negation cues and the verbs of stance (who claims, confirms, denies, disputes). Kept
apart from the rules that use them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

import snowballstemmer

from ..lazy import deferred
from ..settings import SENTENCES_REMEMBERED
from .grounding import folded_in_place

lemminflect = deferred("lemminflect")  # English dictionary forms, loaded with the first act read
english_words = deferred("english_words")  # English word lists, loaded with the first lower-cased statement

NEGATIONS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot", "nowhere"}
)
# Verbs that negate the verb after 'to': 'declined to comment' says that someone did not comment.
NEGATING_VERBS = re.compile(r"declin(?:e|es|ed|ing)|refus(?:e|es|ed|ing)|fail(?:s|ed|ing)?")
# Verbs of stance by what they do to a claim; matched on the lower-cased word, verb forms only.
STANCES = {
    "deny": re.compile(
        r"den(?:y|ies|ied|ying)|reject(?:s|ed|ing)?|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|"
        r"rebut(?:s|ted|ting)?|repudiat(?:e|es|ed|ing)"
    ),
    "confirm": re.compile(
        r"confirm(?:s|ed|ing)?|admit(?:s|ted|ting)?|acknowledg(?:e|es|ed|ing)|conced(?:e|es|ed|ing)|"
        r"verif(?:y|ies|ied|ying)|prov(?:e|es|ed|en|ing)"
    ),
    "claim": re.compile(
        r"said|say|says|saying|claim(?:s|ed|ing)?|alleg(?:e|es|ed|ing)|accus(?:e|es|ed|ing)|"
        r"assert(?:s|ed|ing)?|insist(?:s|ed|ing)?|argu(?:e|es|ed|ing)|announc(?:e|es|ed|ing)|told|tells?|stated"
    ),
    "dispute": re.compile(
        r"disput(?:e|es|ed|ing)|question(?:s|ed|ing)|doubt(?:s|ed|ing)|challeng(?:e|es|ed|ing)|contest(?:s|ed|ing)"
    ),
}
_PLEADING = frozenset({"plead", "pleads", "pleaded", "pled", "pleading"})
# After these, a word of stance is a noun ('rejected claims', 'the denials'), not a verb.
NOUN_MARKERS = frozenset(
    """the a an of these those this that his her their its our your my such any some no all many
    several new earlier similar previous false unverified rejected denied dismissed repeated""".split()
)
# Words whose sense a negation does not flip, or that carry no content of their own.
FUNCTION_WORDS = frozenset(
    """a an the and or but if then than that this these those there their they them it its he she his
    her him we our us you your i me my of to in on at by for from with about as into onto over under
    after before during since until up down out off again further once here when where why how all any
    both each few more most other some such only own same so too very can will just should now is are
    was were be been being have has had having do does did doing would could may might must shall also
    which who whom whose what while whereas because said says say according""".split()
)
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)*")
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]]|(?<=(?-i:[a-z0-9]{3}))[.!?](?=\s+(?-i:[A-Z]))|\s-\s|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b|\bhowever\b",
    re.I,
)
_STEMMER = snowballstemmer.stemmer("english")


@dataclass(frozen=True)
class Token:
    """A word, where it stands, and what the rules ask of it (worked out once: a cited sentence's
    words are read by every statement that cites it)."""

    text: str
    lower: str
    start: int
    end: int
    clause: int
    negating: bool = False  # a verb that negates the one after it ('declined to comment')
    numbering: bool = False  # 'No' before a number is 'number' ('world No 7'), not a negation
    negation: bool = field(init=False)
    stance: str | None = field(init=False)  # the kind of a verb of stance ('deny', 'claim')
    content: bool = field(init=False)  # a word with content of its own, not a negation

    def __post_init__(self) -> None:
        lower = self.lower
        negation = not self.numbering and (
            self.negating or lower in NEGATIONS or lower.endswith("n't") or lower.endswith("n’t")
        )
        object.__setattr__(self, "negation", negation)
        object.__setattr__(self, "stance", _stance_of(lower))
        object.__setattr__(self, "content", len(lower) > 2 and lower not in FUNCTION_WORDS and not negation)


_SENTENCE_ENDS = ".!?:\"'“‘"  # after one of these (and spaces), a word opens a sentence


def opens_sentence(text: str, start: int, *, after_indent: bool = False) -> bool:
    """Whether the word at ``start`` opens the text, a line, or a sentence (after a stop, a colon
    or a quote, and spaces); with ``after_indent``, also after the spaces that begin a line or the
    text. Read from the characters before it, whatever the length of the text."""
    at = start - 1
    if at < 0 or text[at] == "\n":
        return True
    line_starts = False  # a line break among the spaces before it
    while at >= 0 and text[at].isspace():
        line_starts = line_starts or text[at] == "\n"
        at -= 1
    if at < 0:
        return after_indent
    return text[at] in _SENTENCE_ENDS or (after_indent and line_starts)


@lru_cache(maxsize=16384)
def _stance_of(lower: str) -> str | None:
    return next((kind for kind, verbs in STANCES.items() if verbs.fullmatch(lower)), None)


@lru_cache(maxsize=SENTENCES_REMEMBERED)
def tokens(text: str) -> tuple[Token, ...]:
    """The words of ``text`` (quotes and dashes folded), each with the number of its clause."""
    text = folded_in_place(text)
    breaks = [m.start() for m in _CLAUSE_BREAK.finditer(text)]
    found = []
    clause = 0
    for match in _TOKEN.finditer(text):
        while clause < len(breaks) and breaks[clause] < match.start():
            clause += 1
        found.append(Token(match.group(), match.group().lower(), match.start(), match.end(), clause))
    for i, token in enumerate(found[:-1]):
        if found[i + 1].lower == "to" and NEGATING_VERBS.fullmatch(token.lower):
            found[i] = replace(token, negating=True)
        elif _numbers_what_follows(found, i, text):
            found[i] = replace(token, numbering=True)
    return tuple(found)


def _numbers_what_follows(found: list[Token], i: int, text: str) -> bool:
    """'No 7' and 'No. 2' of a ranking or post: 'No' written as a name mid-sentence, or after
    'world', 'as', 'the' ('world no 7'), right before a number ('no 5 pound notes' is none)."""
    token, after = found[i], found[i + 1]
    if token.lower not in ("no", "nos") or not after.text[0].isdigit():
        return False
    if text[token.end : after.start] not in (" ", ". "):
        return False
    return i > 0 and (token.text[0] == "N" or found[i - 1].lower in _RANKED)


_RANKED = frozenset({"world", "as", "the", "his", "her", "their", "its", "at", "ranked", "seeded", "new"})


@lru_cache(maxsize=16384)
def stem(word: str) -> str:
    return str(_STEMMER.stemWord(word.lower().replace("’", "'").removesuffix("'s")))


@lru_cache(maxsize=16384)
def lemma(word: str) -> str:
    """The dictionary form of a word, read as a verb where it can be one ('shot': shoot, 'fell':
    fall, 'dies': die), else as a noun ('earthquakes': earthquake)."""
    found = lemminflect.getAllLemmas(word.lower())
    for part in ("VERB", "NOUN", "ADJ", "ADV"):
        if forms := found.get(part):
            return str(forms[0])
    return word.lower()


def title_cased(words: Sequence[Token]) -> bool:
    """Whether a text capitalises most of its words with content, as a headline may ('Boeing
    Unveils New Jet'): its capitals then do not tell its names."""
    content = [w for w in words if w.content]
    return sum(w.text[0].isupper() for w in content) > 0.6 * len(content)


@lru_cache(maxsize=16384)
def in_dictionary(word: str) -> bool:
    """Whether a word is one of English's own in any of its forms ('county', 'counties', 'hearts',
    'tweeted'), not a name ('madrid', 'almagro'): a form lemminflect knows, or one whose dictionary
    form Webster's word list (web2) writes in lower case, as it writes only names capitalised."""
    lower = word.lower()
    if lemminflect.getAllLemmas(lower) or lower in _common_words():
        return True
    guesses = lemminflect.getAllLemmasOOV(lower, "NOUN") | lemminflect.getAllLemmasOOV(lower, "VERB")
    return any(form in _common_words() for forms in guesses.values() for form in forms)


@cache
def _common_words() -> set[str]:
    """Webster's word list as it writes its words: a word it has in lower case is no name (0.1 s
    to load, once)."""
    words: set[str] = english_words.get_english_words_set(["web2"])
    return words


# The particles that make a verb another act ('check in', 'check out'), each as its kin read
# ('checks into' is 'check in').
_PARTICLES = {
    **{p: p for p in "up down out in off on over away back".split()},
    "into": "in",
    "onto": "on",
}


def act_key(act: str) -> str | None:
    """What an event's act comes to, for telling whether two reports tell of the same kind of act:
    the stem of the dictionary form of its head, the last word with content of its own that is
    neither a particle nor a pronoun ('was killed': kill, 'shot': shoot, 'shooting': shoot), with
    the particle that follows it, past a pronoun, which makes it another act ('checks into' and
    'checked herself in': check in; 'checks out': check out; 'passed away': pass away)."""
    head = act_head(act)
    if head is None:
        return None
    verb, particle = head
    return f"{stem(verb)} {particle}" if particle else stem(verb)


def act_head(act: str) -> tuple[str, str | None] | None:
    """The dictionary form of an act's head ('was killed': kill) and the particle that makes it
    another act ('checked herself in': in), as ``act_key`` reads them; None for no words."""
    words = tokens(act)
    if not words:
        return None
    at = _head(words)
    after = [w.lower for w in words[at + 1 :] if w.lower not in _OBJECT_PRONOUNS]
    return lemma(words[at].lower), _PARTICLES[after[0]] if after and after[0] in _PARTICLES else None


# Pronouns between a verb and its particle ('turned himself in', 'gave it back'): not the act.
_OBJECT_PRONOUNS = frozenset(
    "me you him her it us them myself yourself himself herself itself ourselves themselves".split()
)


def _head(words: tuple[Token, ...]) -> int:
    """Where an act's head stands: its last word with content of its own that is neither a
    particle nor a pronoun, else its last word."""
    return next(
        (
            k
            for k in range(len(words) - 1, -1, -1)
            if words[k].content
            and words[k].lower not in _PARTICLES
            and words[k].lower not in _OBJECT_PRONOUNS
        ),
        len(words) - 1,
    )


def act_said(act: str) -> bool:
    """Whether an act is a saying ('said', 'denied', 'announced'): its head is a verb of stance. One
    party says many things in a story, so two sayings are one event only by what was said."""
    words = tokens(act)
    return bool(words) and words[_head(words)].stance is not None


def act_verb(key: str) -> str:
    """The verb of what an act comes to (``act_key``), its particle aside: 'check in': check."""
    return key.split()[0]


def act_negated(what: str, key: str) -> bool:
    """Whether a description tells its act (``key``: what it comes to, ``act_key``) as not done:
    a negation governs (``negated``) the first of its words that is the act's head ('Ross will not
    direct the sequel': direct)."""
    words = tokens(what)
    if not any(w.negation for w in words):  # most descriptions: no word need be looked up
        return False
    at = act_at(words, key)
    return at is not None and negated(words, at)


def act_at(words: Sequence[Token], key: str) -> int | None:
    """Where a description's words name its act (``key``, ``act_key``): the first word whose
    dictionary form comes to the act's verb ('Rait died': died, for 'die')."""
    verb = act_verb(key)
    return next((k for k, w in enumerate(words) if stem(lemma(w.lower)) == verb), None)


# Words that may stand between an actor and its verb, or between 'be' and its participle.
AUXILIARIES = frozenset({"has", "have", "had", "will", "would", "also", "then", "later", "finally"})
BE = frozenset({"was", "were", "is", "are", "been", "being", "be"})


def after_be(words: Sequence[Token], at: int) -> bool:
    """Whether a form of 'be' comes right before ``words[at]``, past what may stand between ('was
    expelled', 'has also been expelled', 'were later freed'): its actor before it does not do it."""
    if words[at].lower.endswith("ing"):
        return False  # 'will be succeeding': the actor before does it
    k = at - 1
    while k >= 0 and words[k].lower in AUXILIARIES:
        k -= 1
    return k >= 0 and words[k].lower in BE


def negated(words: tuple[Token, ...], at: int) -> bool:
    """Whether a negation cue governs ``words[at]``: it stands among the three words before it, in
    its clause, with no other content word but an adverb or a verb of seeming between ('did not
    directly deny' negates 'deny'; 'did not deny the buildup' does not negate 'buildup'), and not
    'other' ('no other race')."""
    reach = 3
    k = at - 1
    while k >= max(0, at - reach):
        word = words[k]
        if word.clause != words[at].clause or word.lower == "other":
            return False  # 'no other race stirs the emotions so' compares races, negating none
        if word.negation:
            return True
        if word.lower in _PASSES_NEGATION:
            reach += 2  # 'not be seen as': the negation stands two words further off
        elif word.content and not word.lower.endswith("ly"):
            return False
        k -= 1
    return False


def plea(words: Sequence[Token], at: int) -> str | None:
    """A plea is a stance on a charge: 'pleaded guilty' admits it ('confirm'), 'pleaded not
    guilty' denies it ('deny'); 'pleaded' alone is neither."""
    if words[at].lower not in _PLEADING:
        return None
    after = [w.lower for w in words[at + 1 : at + 3]]
    if after[:1] == ["guilty"]:
        return "confirm"
    return "deny" if after == ["not", "guilty"] else None


# Verbs a negation reaches through to what they introduce: 'may not be seen as relevant' says
# what 'may not be relevant' says of 'relevant'.
_PASSES_NEGATION = frozenset({"seen", "viewed", "regarded", "considered", "deemed", "thought", "believed"})


def side(words: Sequence[Token], at: int, verb: int) -> str:
    """Whether the actor whose name stands at ``words[at]`` does the verb at ``words[verb]``
    ('doer': 'Brandt sued', 'sued by Brandt'), has it done to it ('done to': 'sued Marsh', 'Marsh
    was sued'), or stands after a passive verb as neither ('other': 'Marsh was expelled from the
    council')."""
    passive = after_be(words, verb)
    if at < verb:
        return "done to" if passive else "doer"
    if at > 0 and words[at - 1].lower == "by":
        return "doer"
    return "other" if passive else "done to"


# Words the stance and role rules read (support.stance).
# A denial may be worded as a claim that something is false.
DENYING_WORDS = frozenset(
    {"false", "untrue", "baseless", "groundless", "fabricated", "lies", "lie", "nonsense"}
)
# Who speaks for the body named after them: what 'a spokesman for Rajasthan Police' says, it says.
SPEAKS_FOR = frozenset("spokesman spokeswoman spokesperson spokesmen spokeswomen spokespeople".split())
SUBJECT_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who", "which", "that"})
# What is written, and says what it says itself: in "a House of Lords report says", the report.
WRITINGS = frozenset(
    """report reports study studies survey surveys poll polls statement document memo paper review
    analysis inquiry letter filing ruling audit""".split()
)
# Verbs of saying that may come before who says ('..., said Smith')
SAYING_FIRST = frozenset(
    {"said", "says", "added", "adds", "claimed", "claims", "insisted", "argued", "stated", "wrote"}
)
NOUN_DETERMINERS = frozenset("the a an this these those his her its their our your my".split())
# What opens a reported clause after a verb of saying ('claims that ...'): the name after it is
# what is said, not who says it.
REPORTING = frozenset({"that", "if", "whether", "how", "what", "why", "when"})
# How a description set off after a name opens ('Roscosmos, the Russian space agency, said').
DESCRIBING = frozenset({"the", "a", "an", "who", "which", "whose", "its", "his", "her", "their"})
PREPOSITIONS = frozenset({"of", "from", "in", "at", "for", "with", "by", "on", "to"})
# The irregular pasts a finite verb after its actor may take: an English dictionary (lemminflect)
# would tell every form, but loading its tables costs a quarter of a second at each check's start.
IRREGULAR_PASTS = frozenset(
    """won beat broke took gave made led sent left lost held hit struck met paid put ran sold told
    threw wrote bought brought caught fought kept shot stole drove flew rode chose""".split()
)
