"""A text as the stance and role rules read it: its words, the actors it names placed on them,
its verbs of stance, and whom each verb is said of."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..settings import SENTENCES_REMEMBERED
from ..text import words as english
from ..text.words import NOUN_MARKERS, negated, plea, tokens
from .names import Named

# lower-case words read between a preposition and the name it governs ('of the murdered toddler')
_MODIFIERS = 3
POSSESSIVE = re.compile(r"['’]s")
# Between a name and its verb of saying, a word that speaks instead: 'he', or the writing the name
# qualifies ('a House of Lords report says')
_NOT_SPEAKING = english.SUBJECT_PRONOUNS | english.WRITINGS


class Text:
    """A text read for stance: its words, and the actors it names placed on them."""

    def __init__(self, text: str, mentions: Sequence[Named]) -> None:
        self.text = text
        self.words = tokens(text)
        self.mentions = [(m, self._at(m.start)) for m in mentions]
        # where each mention ends, and the words that are part of a name (never its verb)
        self.last = {i: self._last(m.end) for m, i in self.mentions}
        self.named = {k for i, last in self.last.items() for k in range(i, last + 1)}

    def _last(self, end: int) -> int:
        """The last word that starts before ``end`` (a name's last word, its full stop aside)."""
        return max((i for i, w in enumerate(self.words) if w.start < end), default=0)

    def _at(self, offset: int) -> int:
        return next((i for i, w in enumerate(self.words) if w.end > offset), len(self.words) - 1)

    @property
    def stances(self) -> tuple[tuple[int, str, bool], ...]:
        """(word index, kind, negated) of every verb of stance."""
        return _stances_of(self.text)

    def subject(self, at: int) -> Named | None:
        """Who the verb at ``at`` is said of: the nearest actor before it in its clause (none when
        a pronoun stands between: 'he accused', 'people who claim'), or the one right after it
        when it is passive ('denied by Serbia') or a verb of saying that opens its clause ('...,
        said Smith'; not 'told Smith', who is told)."""
        clause = self.words[at].clause
        before = [(m, i) for m, i in self.mentions if i < at and self.words[i].clause == clause]
        after = [m for m, i in self.mentions if at < i <= at + 3]
        if self.passive(at):
            return after[0] if after else None
        if before:
            mention, k = before[-1]
            between = self.words[self.last[k] + 1 : at]
            if any(w.lower in _NOT_SPEAKING for w in between):
                return None  # 'he accused'; 'a House of Lords report says' is the report's saying
            if self.qualifies(mention, k, at):
                return None
            return mention
        opens = at == 0 or self.words[at - 1].clause != clause
        if opens and (apposed := self._apposed(clause)) is not None:
            return apposed
        # '..., said Smith'; a text that opens with the word is no such ('Claims moving to LA...')
        inverted = opens and at > 0 and self.words[at].lower in english.SAYING_FIRST
        if not (after and inverted):
            return None
        # '..., said Smith', not '..., claims that Smith had been envious': Smith is what is said
        reported = any(
            w.lower in english.REPORTING for w in self.words[at + 1 : at + 4] if w.start < after[0].start
        )
        return None if reported else after[0]

    def _apposed(self, clause: int) -> Named | None:
        """The actor a clause's verb is said of across what describes it, set off by commas or
        brackets ('Roscosmos, the Russian space agency, said'; 'Marsh, who heads the council,
        denied'): the one that ends the clause before that description."""
        opening = next((w for w in self.words if w.clause == clause - 1), None)
        if opening is None or opening.lower not in english.DESCRIBING:
            return None
        last = max((i for i, w in enumerate(self.words) if w.clause == clause - 2), default=None)
        return next((m for m, i in self.mentions if self.last[i] == last), None)

    def qualifies(self, mention: Named, k: int, verb: int) -> bool:
        """Whether the name at word ``k`` only qualifies who does the verb at ``verb``: it owns
        them ("James Bulger's mother said") or follows a preposition in their phrase ('the mother
        of murdered toddler James Bulger said', 'the Royal Bank of Scotland has'). A name that a
        title beside it makes a member ("Valmora's mayor": the mayor), or that a spokesman speaks
        for ('a spokesman for the union said'), is who does it."""
        if mention.titled:
            return False
        end = self.words[self.last[k]].end
        if POSSESSIVE.fullmatch(self.text[mention.end : end]) and self.last[k] + 1 < verb:
            return True
        back = k - 1
        conjoined = back - (back > 0 and self.words[back].lower in ("the", "a", "an"))
        if conjoined > 0 and self.words[conjoined].lower in ("and", "or"):  # 'from Somerset and (the) Devon'
            joined = next(((m, i) for m, i in self.mentions if self.last[i] == conjoined - 1), None)
            return joined is not None and self.qualifies(*joined, verb)
        while back >= 0 and k - back <= _MODIFIERS and self.words[back].lower not in english.PREPOSITIONS:
            word = self.words[back]
            if not (word.text.islower() and (word.content or word.lower in english.DESCRIBING)):
                return False
            back -= 1  # 'murdered toddler', 'the toddler'
        return (
            back >= 0
            and self.words[back].lower in english.PREPOSITIONS
            and self.words[back].clause == self.words[k].clause
            and not (back and self.words[back - 1].lower in english.SPEAKS_FOR)  # 'a spokesman for X said'
        )

    def passive(self, at: int) -> bool:
        following = self.words[at + 1 : at + 3]
        return any(w.lower == "by" for w in following) and any(
            i > at for _, i in self.mentions if i <= at + 3
        )


@lru_cache(maxsize=SENTENCES_REMEMBERED)
def _stances_of(text: str) -> tuple[tuple[int, str, bool], ...]:
    """Of a text: (word index, kind, negated) of every verb of stance; a cited sentence is read once."""
    words = tokens(text)
    return tuple(
        (i, kind, negated(words, i))
        for i, w in enumerate(words)
        if (kind := w.stance or plea(words, i))
        and not (i and (words[i - 1].lower in NOUN_MARKERS or words[i - 1].stance))
    )
