"""Stance and roles: a statement must not turn a non-denial into a confirmation or a denial into
a claim, nor change who claims, denies or acts on whom; and, through ``polarity``, must not
affirm what its evidence negates (or the reverse)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from ..settings import SENTENCES_REMEMBERED
from ..text import words as english
from ..text.senses import may_be_verb, verb_base
from ..text.words import AUXILIARIES, BE, NOUN_MARKERS, negated, plea, side, stem, tokens
from .evidence import Roles
from .names import Named
from .polarity import Fault, negations, negative_word

# Which recorded claim roles a verb of stance agrees with.
_AGREES = {
    "claim": ("claim", "confirm"),
    "confirm": ("confirm", "claim"),
    "deny": ("deny", "dispute"),
    "dispute": ("dispute", "deny"),
}


class _Text:
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
            if any(w.lower in english.SUBJECT_PRONOUNS | english.WRITINGS for w in between):
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
        if _POSSESSIVE.fullmatch(self.text[mention.end : end]) and self.last[k] + 1 < verb:
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


def check(
    statement: str,
    mentions: Sequence[Named],
    evidence: Sequence[tuple[str, Sequence[Named]]],
    roles: Roles | None,
    members: Callable[[str], Sequence[str]] = lambda actor: (),
) -> tuple[int, list[Fault]]:
    """(how many things were checked, the faults found); ``members`` gives the actors that are
    part of one (a city's mayor acts for it)."""
    said = _Text(statement, mentions)
    cited = [_Text(text, found) for text, found in evidence]
    faults: list[Fault] = []
    checked = negations(statement, [text.text for text in cited], faults)
    checked += _stances(said, cited, roles, faults)
    checked += _agents(said, cited, faults)
    if not faults:
        checked += _credit(said, cited, members, faults)
    return checked, faults


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


def _stances(said: _Text, cited: Sequence[_Text], roles: Roles | None, faults: list[Fault]) -> int:
    kinds = {kind for text in cited for _, kind, no in text.stances if not no}
    negating = any(w.negation or w.lower in english.DENYING_WORDS for text in cited for w in text.words)
    checked = 0
    for at, kind, no in said.stances:
        if no:
            continue  # a negated stance is read by the negation rule
        checked += 1
        word = said.words[at].text
        if kind == "confirm" and "confirm" not in kinds:
            faults.append(("polarity", word, "the cited sentences do not confirm or admit it"))
        elif kind in ("deny", "dispute") and not (kinds & {"deny", "dispute"} or negating):
            faults.append(("polarity", word, "the cited sentences neither deny nor dispute it"))
        elif kind == "claim" and kinds and kinds <= {"deny"} and not _negative(said):
            faults.append(("polarity", word, "the cited sentences deny it rather than claim it"))
        elif (subject := said.subject(at)) is not None:
            fault = _role(subject, kind, cited, roles)
            if fault:
                faults.append(("role", subject.text, fault))
    return checked


def _negative(text: _Text) -> bool:
    return any(negative_word(w) for w in text.words)


def _role(subject: Named, kind: str, cited: Sequence[_Text], roles: Roles | None) -> str | None:
    agreeing = _AGREES[kind]
    doers = {
        found.actor
        for text in cited
        for at, other, no in text.stances
        if other in agreeing and not no and (found := text.subject(at)) is not None
    }
    if doers and subject.actor not in doers:
        return f"the cited sentences do not have this actor {kind} it"
    if roles is not None:
        recorded = {stance: getattr(roles, stance) for stance in ("claim", "confirm", "deny", "dispute")}
        allowed = set().union(*(recorded[stance] for stance in agreeing))
        elsewhere = [
            stance for stance, ids in recorded.items() if subject.actor in ids and stance not in agreeing
        ]
        if allowed and subject.actor not in allowed and elsewhere:
            return f"the claim records this actor as taking the '{elsewhere[0]}' side, not '{kind}'"
    return None


def _agents(said: _Text, cited: Sequence[_Text], faults: list[Fault]) -> int:
    """Two actors on either side of a verb must not trade places: 'Airbus sued Boeing' is not
    supported by 'Boeing sued Airbus'."""
    checked = 0
    for a, i in said.mentions:
        for b, j in said.mentions:
            if not (i < j and a.actor != b.actor and said.words[i].clause == said.words[j].clause):
                continue
            for verb in range(said.last[i] + 1, j):
                if not said.words[verb].content or said.words[verb].stance or verb in said.named:
                    continue
                if _both_sides(said, a.actor, b.actor, verb):
                    break  # 'the UK ... relevant to the US ... considered ... Britain's election'

                if _noun_at(said, verb, said.last[i]):
                    continue  # 'the issues', "Facebook's security chief", 'an impromptu trip', 'relations'
                key = _verb_key(said.words[verb].text)
                found = _sides(cited, a.actor, b.actor, key)
                if not found:
                    continue
                checked += 1
                mine = (side(said.words, i, verb), side(said.words, j, verb))
                if mine not in found and (mine[1], mine[0]) in found:
                    theirs = dict(zip((mine[1], mine[0]), (a.text, b.text), strict=True))
                    faults.append(("role", a.text, _reversed(theirs, _past(said.words[verb].text))))
                    return checked
                break
    return checked


def _both_sides(text: _Text, a: str, b: str, verb: int) -> bool:
    """Whether either actor is named on both sides of the verb within its clause: then the order
    of the two tells no roles."""
    clause = text.words[verb].clause
    sides: dict[str, set[bool]] = {a: set(), b: set()}
    for mention, k in text.mentions:
        if mention.actor in sides and text.words[k].clause == clause:
            sides[mention.actor].add(k < verb)
    return any(len(found) == 2 for found in sides.values())


def _credit(
    said: _Text, cited: Sequence[_Text], members: Callable[[str], Sequence[str]], faults: list[Fault]
) -> int:
    """What an actor does must be what the cited sentences have it do: 'Bouchard won nine games'
    is not supported by 'Davis won nine games and broke Bouchard's serve', where another actor
    named with it does it, and it nowhere does. Read only where the statement's verb follows its
    actor in the active voice, and the evidence's verb follows the actor that does it."""
    checked = 0
    for mention, i in said.mentions:
        verb = _verb_after(said, said.last[i])
        if verb is None or mention.actor not in _doers(said, verb):
            continue  # read as the cited sentences are: the verb's doer is the actor right before it
        key = _verb_key(said.words[verb].text)
        own = {mention.actor, *members(mention.actor)}
        doers: set[str] = set()
        for text in cited:
            named = {m.actor for m, _ in text.mentions}
            for at, word in enumerate(text.words):
                if _verb_key(word.text) == key and at not in text.named and not text.passive(at):
                    found = _doers(text, at)
                    # the wrong party is credited only where the sentence names both
                    doers |= found if found & own or named & own else set()
        if not doers:
            continue
        checked += 1
        if not doers & own:
            others = ", ".join(sorted(m.text for m, k in _first_mentions(cited) if m.actor in doers))
            done = said.words[verb].text
            faults.append(
                ("role", mention.text, f"the cited sentences have {others} {done}, not {mention.text}")
            )
            return checked
    return checked


def _doers(text: _Text, verb: int) -> set[str]:
    """Who does the verb at ``verb``: the actor named right before it ('Davis won', 'Davis has
    won'), with those joined to it by 'and' ('Davis and Bouchard met'); none when anything else
    stands between ('he replaced', 'Arum says the fight'), so never one that only reports it
    ('Kosovo said Serbia deployed'), nor one that only qualifies who does it (``qualifies``: 'the
    Royal Bank of Scotland has'; but 'the mayor of Valmora closed' is Valmora's doing)."""
    clause = text.words[verb].clause
    before = [(m, k) for m, k in text.mentions if k < verb and text.words[k].clause == clause]
    if not before:
        return _relative_doer(text, verb)
    if any(w.lower not in AUXILIARIES for w in text.words[text.last[before[-1][1]] + 1 : verb]):
        return set()
    if text.qualifies(*before[-1], verb):
        return set()  # 'the Royal Bank of Scotland has racked up': Scotland is not who did it
    doers = {before[-1][0].actor}
    for (m, k), (_, after) in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
        between = [w.lower for w in text.words[text.last[k] + 1 : after]]
        if not between or any(w not in ("and", "or") for w in between):
            break
        doers.add(m.actor)
    return doers


def _relative_doer(text: _Text, verb: int) -> set[str]:
    """Who does the verb of a relative clause set off after a name: 'Stewart, who played in 133
    Tests', 'Marsh, who has led the council': the actor whose name ends the clause before."""
    clause = text.words[verb].clause
    opening = [w.lower for w in text.words[:verb] if w.clause == clause]
    if not opening or opening[0] != "who" or any(w not in AUXILIARIES for w in opening[1:]):
        return set()
    last = max((i for i, w in enumerate(text.words) if w.clause == clause - 1), default=None)
    return {m.actor for m, i in text.mentions if text.last[i] == last}


def _noun_at(text: _Text, at: int, first: int) -> bool:
    """Whether the word at ``at``, between two actors, is a noun or a modifier of one rather than
    what the first does to the other: a determiner stands before it ('the issues', 'an impromptu
    trip'), or, unless it is the first word after the first actor's name ("the Jaguars' victory
    over the Colts"), a possessive does ("Facebook's security chief") or it is no verb in any form
    ('chief')."""
    before = text.words[at - 1]
    if before.lower in english.NOUN_DETERMINERS:
        return True
    if not any(w.text.isalpha() for w in text.words[first + 1 : at]):
        return False  # the first word after the name, a score or a figure aside ("Jaguars' 31-24 victory")
    return bool(_POSSESSIVE.search(before.text[-2:])) or not may_be_verb(text.words[at].text)


def _verb_after(text: _Text, last: int) -> int | None:
    """The verb an actor does, right after its name: 'Davis won', 'Davis has won' (not 'Davis's
    serve', nor 'Davis was beaten by')."""
    k = last + 1
    while k < len(text.words) and text.words[k].lower in AUXILIARIES:
        k += 1
    if k >= len(text.words) or k in text.named or text.words[k].clause != text.words[last].clause:
        return None
    word = text.words[k]
    if not word.content or word.stance or word.lower in BE or text.passive(k):
        return None
    if word.text[0].isupper() and not text.text.islower():
        return None  # a name the table does not hold ('Apple Inc. Jobs has died')
    if k + 1 < len(text.words) and text.words[k + 1].lower in AUXILIARIES | BE:
        return None  # a noun: 'Arsenal players have revealed'
    return k if word.lower.endswith(("ed", "s")) or word.lower in english.IRREGULAR_PASTS else None


def _reversed(theirs: dict[str, str], verb: str) -> str:
    """What the cited sentences have, where the statement turns it around: who does the verb
    and to whom ('doer', 'done to'), one of them where the other stands as neither."""
    doer, done = theirs.get("doer"), theirs.get("done to")
    if doer and done:
        return f"the cited sentences have {doer} {verb} {done}, not the reverse"
    if done:
        return f"the cited sentences have '{verb}' done to {done}, not to {theirs['other']}"
    return f"the cited sentences have {doer} do '{verb}', not {theirs['other']}"


def _past(word: str) -> str:
    """A verb as a fault tells it: its form unless the statement's is a participle the active
    voice does not use ('beaten': beat)."""
    base = verb_base(word)
    return base if word.lower().endswith("en") and base != word.lower() else word


def _verb_key(word: str) -> str:
    """What a verb comes to, whatever its form: 'beat', 'beats' and 'beaten' are one verb."""
    return stem(verb_base(word))


def _first_mentions(cited: Sequence[_Text]) -> list[tuple[Named, int]]:
    seen: dict[str, tuple[Named, int]] = {}
    for text in cited:
        for mention, k in text.mentions:
            seen.setdefault(mention.actor, (mention, k))
    return list(seen.values())


# lower-case words read between a preposition and the name it governs ('of the murdered toddler')
_MODIFIERS = 3
_POSSESSIVE = re.compile(r"['’]s")


def _sides(cited: Sequence[_Text], a: str, b: str, key: str) -> set[tuple[str, str]]:
    found = set()
    for text in cited:
        for verb, word in enumerate(text.words):
            if _verb_key(word.text) != key or verb in text.named:
                continue
            near = [(m.actor, i) for m, i in text.mentions if text.words[i].clause == word.clause]
            for actor_a, i in near:
                for actor_b, j in near:
                    if actor_a == a and actor_b == b:
                        found.add((side(text.words, i, verb), side(text.words, j, verb)))
    return found
