"""Reading the name inside a mention: its core ('Serbian President Aleksandar Vucic' ->
'Aleksandar Vucic'), the key two mentions must share to be one name, and whether a short name is
a long one's acronym (read by ``acronyms``). What resolution links, it reads here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..lazy import deferred
from .acronyms import HEADS_BEFORE_OF, acronym_forms, is_acronym, prefix_acronym
from .words import (
    ARTICLES,
    CONNECTORS,
    COUNTRY_WORDS,
    ENDING_ABBREVIATIONS,
    KIND_GROUPS,
    ORGANISATION_HEADS,
    PARTICLES,
    QUALIFIERS,
    SPELLINGS,
    STARTING_ABBREVIATIONS,
    TITLES,
)

anyascii = deferred("anyascii")  # transliteration, loaded with the first name read


@dataclass(frozen=True)
class Mention:
    source: str
    text: str
    kind: str | None = None  # an actor kind or PER/ORG/LOC; None when unknown


@lru_cache(maxsize=4096)
def _ascii_of(text: str) -> str:
    return str(anyascii.anyascii(text))


def _name_tokens(text: str) -> list[str]:
    return re.findall(r"[^\W_][\w&'’.\-]*", text)


def _plain_word(token: str) -> str:
    return re.sub(r"['’.]", "", token).casefold()


def core_name(text: str, kind: str | None = None) -> str:
    """The name inside a mention, as written: 'Serbian President Aleksandar Vucic' -> 'Aleksandar
    Vucic', 'European aircraft manufacturer, Airbus' -> 'Airbus', 'Singapore Airlines (SIA' ->
    'Singapore Airlines', "Britain's Ministry of Defence" -> 'Ministry of Defence'. Titles are a
    person's: an organisation or a place keeps them ('General Electric'). A mention that only
    describes ('the company', 'the US car manufacturer') has no core: a description is never
    evidence that two actors are one."""
    text = re.sub(r"\s*\([^)]*\)?", " ", text)  # parentheses, closed or not
    text = re.sub(r"(?<=\w)\s*\.\s*(?:com|org|net)\b", "", text, flags=re.IGNORECASE)  # 'People.com'
    text = re.sub(
        r"\b(Gov|Gen|Sen|Rep|Dr|Mr|Mrs|Ms|Lt|Col|Capt|Sgt|Prof)\.(?=[A-Z])", r"\1. ", text
    )  # 'Gov.Sarah'
    text = re.sub(
        r"^(?:in|at|near|on|from|outside|inside)\s+(?=[A-Z])", "", text.strip(), flags=re.IGNORECASE
    )
    text = re.sub(r"\b([OD])['’]\s+(?=[A-Z])", r"\1'", text.strip())  # "O' Leary" -> "O'Leary"
    text = re.sub(r"^.*?\b[A-Z][\w.]*(?:['’]s|s['’])\s+(?=[A-Z])", "", text)  # "Britain's X" -> X
    text = re.sub(r"['’]s\b", "", text)
    for segment in (s.strip() for s in text.split(",")):
        # 'X in Y', 'X at Y': the place after the preposition is never the actor named
        name = _segment_name(
            re.split(r"\s(?:in|at|near|from)\s", segment)[0],
            titled=KIND_GROUPS.get(kind or "") in (None, "person"),
        )
        if name:
            return name
    tokens = _name_tokens(text)
    if not any(t[0].isupper() and _plain_word(t) not in COUNTRY_WORDS for t in tokens):
        return ""  # 'the company', 'the US car manufacturer': a description, not a name
    return " ".join(tokens)


def _segment_name(segment: str, titled: bool = True) -> str:
    """The name a segment ends in: its last run of capitalised tokens (connectors allowed inside),
    cut after the last title; empty when the segment only describes ('Ryanair CEO', 'the Prime
    Minister of Singapore', 'Irish low cost airline')."""
    tokens = _name_tokens(segment)
    run: list[str] = []
    for token in reversed(tokens):
        if token[0].isupper():
            run.insert(0, token)
        elif _plain_word(token) in CONNECTORS and run:
            run.insert(0, token)
        else:
            break
    while (
        run
        and (run[0][0].islower() or _plain_word(run[0]) == "of")
        and not (_plain_word(run[0]) in PARTICLES and len(run) > 1)
    ):
        # 'of', 'the' cannot open a name (nor 'Of', capitalised in a headline); 'Al', 'De' can,
        # and 'de' before a surname ('de Gaulle')
        run.pop(0)
    if run and _plain_word(run[0]) in ARTICLES:
        run.pop(0)
    if not run:
        # 'the Moscone West center': a name of two or more words standing before a common noun
        inner = re.findall(r"(?:[A-Z][\w.'’-]*\s+)+[A-Z][\w.'’-]*", segment)
        return max(inner, key=len) if inner else ""
    plain = [_plain_word(t) for t in run]
    if titled and _is_title(plain[-1]):
        return ""
    cut = (
        max((i for i, w in enumerate(plain) if _is_title(w) or w in QUALIFIERS), default=-1) if titled else -1
    )
    if 0 <= cut < len(plain) - 1:
        rest = plain[cut + 1 :]
        if rest[0] in CONNECTORS and _is_title(plain[cut]):
            return ""  # 'Minister of Singapore': a title of something, not a name
        if not (plain[cut] in QUALIFIERS and ORGANISATION_HEADS & set(rest)):
            run = run[cut + 1 :]
            if _is_title(plain[cut]) and "of" in rest[2:]:
                # 'President Emmanuel Macron of France': the title's country, not the name's
                run = run[: rest.index("of", 2)]
    if len(run) > 1 and _plain_word(run[0]) in COUNTRY_WORDS and is_acronym(" ".join(run[1:])):
        run = run[1:]  # 'UK RAF' -> 'RAF'
    return " ".join(run)


def _is_title(word: str) -> bool:
    """'president', and titles joined by a hyphen: 'president-elect', 'vice-president'."""
    return word in TITLES or ("-" in word and any(part in TITLES for part in word.split("-")))


def key(text: str, kind: str | None = None) -> str:
    """What two mentions must share to be the same name: the core, transliterated, case folded,
    without articles and dots; a hyphen joins no more than a space ('SAP-Arena', 'SAP Arena')."""
    return _key_of_core(core_name(text, kind))


def _key_of_core(core: str) -> str:
    """The key of a core name already read from its mention."""
    words = [_plain_word(t) for t in _name_tokens(_ascii_of(core).replace("-", " "))]
    words = [SPELLINGS.get(w, w) for w in words if w and w not in ARTICLES]
    if len(words) > 2 and words[0] in HEADS_BEFORE_OF and words[1] == "of":
        words = [*words[2:], words[0]]  # 'Department of the Treasury' / 'Treasury Department'
    if len(words) > 1:  # 'Wall St.' / 'Wall Street', 'St. Louis' / 'Saint Louis'
        words[0] = STARTING_ABBREVIATIONS.get(words[0], words[0])
        words[-1] = ENDING_ABBREVIATIONS.get(words[-1], words[-1])
    return " ".join(words)


@dataclass(frozen=True)
class Name:
    """A mention's name as resolution compares it."""

    key: str
    words: tuple[str, ...]
    acronym: bool
    defines: str | None  # an acronym the mention defines in parentheses
    kind: str | None
    definite: bool = False  # written after 'the': 'the Fed', 'the Pentagon'

    @classmethod
    def of(cls, mention: Mention) -> Name:
        core = core_name(mention.text, mention.kind)
        k = _key_of_core(core)
        inside = re.search(r"\(\s*([A-Za-z.]{2,8})\s*\)?", mention.text)
        defines = _plain_word(inside.group(1)) if inside and is_acronym(inside.group(1)) else None
        definite = bool(re.match(r"\s*the\s", mention.text, re.IGNORECASE))
        return cls(k, tuple(k.split()), is_acronym(core), defines, mention.kind, definite)


def acronym_match(short: Name, long: Name) -> bool:
    """'EADS' ~ 'European Aeronautic Defence and Space'; an index or a series by its number
    too: 'S&P 500' ~ "Standard & Poor's 500 index"."""
    numbered = len(short.words) == 2 and short.words[1].isdigit() and short.words[1] in long.words
    if numbered:
        letters, long_words = short.words[0].replace("&", ""), long.words[: long.words.index(short.words[1])]
    elif short.acronym:
        letters, long_words = short.key, long.words
    else:
        return False
    if len(long_words) < 2 or not letters.isalpha():
        return False
    if letters in acronym_forms(long_words):
        return True
    # a body may take more than one letter of a word ('KFOR': Kosovo Force); a person goes by
    # initials alone ('JFK'), so 'JOK' is nobody's name for John Kirby
    return KIND_GROUPS.get(long.kind or "") != "person" and prefix_acronym(letters, long_words)
