"""Polarity: a statement must not affirm what its cited sentences negate, or the reverse, nor add
a negation they do not have. Each content word is read with whether a negation governs it, and
a word with 'un' as its word negated ('unable': not able; 'unlocked': not locked)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from ..settings import SENTENCES_REMEMBERED
from ..text.words import Token, negated, stem, tokens
from .verdict import Rule

Fault = tuple[Rule, str, str]


@lru_cache(maxsize=SENTENCES_REMEMBERED)
def _content_words(text: str) -> tuple[tuple[int, str, bool], ...]:
    """Of a text: (word index, stem, negated) of each content word, read once (a sentence is
    cited by many statements, a statement checked against the saved and the new table)."""
    words = tokens(text)
    read = []
    for i, word in enumerate(words):
        if word.content:
            key, undone = _unprefixed(word.lower)
            read.append((i, key, negated(words, i) != undone))
    return tuple(read)


def _unprefixed(word: str) -> tuple[str, bool]:
    """A word's stem, and whether its prefix negates it: 'un' + a word says its opposite ('unable',
    'unlikely', 'unaware', 'unlocked'), but 'uni-' and 'under-' start other words ('union',
    'understand'), and 'unless' and 'until' are no negations. Read from the spelling alone: a
    remainder that is no word ('uncle': 'cle') matches nothing the other text says."""
    if word.startswith("un") and len(word) > 5 and not word.startswith(_NOT_UN) and word not in _NOT_NEGATED:
        return stem(word[2:]), True
    return stem(word), False


_NOT_UN = ("uni", "under")
_NOT_NEGATED = frozenset({"unless", "until"})


@lru_cache(maxsize=SENTENCES_REMEMBERED)
def _polarity(text: str) -> tuple[dict[str, frozenset[bool]], int, frozenset[str]]:
    """Of a cited sentence: whether each content word's stem stands negated or not, how many
    negative words it has, and the stems of the verbs it tells as aims, not deeds: a verb after
    'to' ('its efforts to reduce the bill'). A statement may say an aim was not met ('failing to
    reduce') without gainsaying the sentence, so an aim stands both ways ('declined to comment'
    is a deed undone, not an aim)."""
    flags: dict[str, set[bool]] = defaultdict(set)
    aims = set()
    words = tokens(text)
    for i, key, no in _content_words(text):
        flags[key].add(no)
        if not no and i > 0 and words[i - 1].lower == "to":
            flags[key].add(True)
            aims.add(key)
    return {k: frozenset(v) for k, v in flags.items()}, sum(negative_word(w) for w in words), frozenset(aims)


def negations(statement: str, cited: Sequence[str], faults: list[Fault]) -> int:
    """How many of a statement's words the negation rule checked against its cited sentences;
    a negation it adds, or a word it affirms that they negate (or the reverse), is a fault."""
    flags: dict[str, set[bool]] = defaultdict(set)
    negatives = 0
    aims: set[str] = set()
    for text in cited:
        own, count, meant = _polarity(text)
        negatives += count
        aims |= meant
        for key, values in own.items():
            flags[key] |= values
    words = tokens(statement)
    cues = sum(
        w.negation
        and not (w.negating and k + 2 < len(words) and stem(words[k + 2].text) in aims)  # 'failing to reduce'
        for k, w in enumerate(words)
    )
    if cues > negatives:
        cue = next(w.text for w in words if w.negation)
        faults.append(("polarity", cue, "adds a negation the cited sentences do not have"))
        return 1
    checked = 0
    for i, key, no in _content_words(statement):
        found = flags.get(key)
        if not found:
            continue
        checked += 1
        if no not in found:
            word = words[i]
            cue = _cue(words, i) if no else word.text
            reason = (
                f"negates '{word.text}', which the cited sentences affirm"
                if no
                else f"the cited sentences negate '{word.text}'"
            )
            faults.append(("polarity", cue, reason))
            break
    return checked


def _cue(words: Sequence[Token], at: int) -> str:
    return next((w.text for w in reversed(words[max(0, at - 3) : at]) if w.negation), words[at].text)


def negative_word(word: Token) -> bool:
    """A negation, a verb of denial, or a word its prefix negates ('unable')."""
    return word.negation or word.stance == "deny" or (word.content and _unprefixed(word.lower)[1])
