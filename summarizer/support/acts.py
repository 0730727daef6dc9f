"""Who does what to whom: two actors either side of a verb must not trade places ('Airbus sued
Boeing' is not 'Boeing sued Airbus'), and what an actor does must be what the cited sentences
have it do, not another actor named with it."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..text import words as english
from ..text.senses import may_be_verb, verb_base
from ..text.words import AUXILIARIES, BE, side, stem
from .names import Named
from .polarity import Fault
from .reading import POSSESSIVE, Text


def agents(said: Text, cited: Sequence[Text], faults: list[Fault]) -> int:
    """Two actors on either side of a verb must not trade places: 'Airbus sued Boeing' is not
    supported by 'Boeing sued Airbus'."""
    checked = 0
    for a, i in said.mentions:
        for b, j in said.mentions:
            if not (i < j and a.actor != b.actor and said.words[i].clause == said.words[j].clause):
                continue
            for verb in range(said.last[i] + 1, j):
                word = said.words[verb]
                ordering = word.lower in _ORDERING  # 'the Colts over the Jaguars'
                if not (word.content or ordering) or word.stance or verb in said.named:
                    continue
                if _both_sides(said, a.actor, b.actor, verb):
                    break  # 'the UK ... relevant to the US ... considered ... Britain's election'
                if not ordering and _noun_at(said, verb, said.last[i]):
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


# Small words that order the two names either side of them as a verb does: 'lead the Colts over
# the Jaguars', 'a victory over': the one before prevails.
_ORDERING = frozenset({"over"})


def _both_sides(text: Text, a: str, b: str, verb: int) -> bool:
    """Whether either actor is named on both sides of the verb within its clause: then the order
    of the two tells no roles."""
    clause = text.words[verb].clause
    sides: dict[str, set[bool]] = {a: set(), b: set()}
    for mention, k in text.mentions:
        if mention.actor in sides and text.words[k].clause == clause:
            sides[mention.actor].add(k < verb)
    return any(len(found) == 2 for found in sides.values())


def credit(
    said: Text, cited: Sequence[Text], members: Callable[[str], Sequence[str]], faults: list[Fault]
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
        done_to = _what_follows(said, verb)
        doers: set[str] = set()
        for text in cited:
            named = {m.actor for m, _ in text.mentions}
            for at, word in enumerate(text.words):
                if _verb_key(word.text) == key and at not in text.named and not text.passive(at):
                    if done_to and not done_to & _what_follows(text, at):
                        continue  # another act of the verb: 'delivered his budget', not 'his speech'
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


def _what_follows(text: Text, verb: int) -> set[str]:
    """The stems of the content words after a verb in its clause: what it is done to or about."""
    clause = text.words[verb].clause
    return {stem(w.text) for w in text.words[verb + 1 :] if w.clause == clause and w.content}


def _doers(text: Text, verb: int) -> set[str]:
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


def _relative_doer(text: Text, verb: int) -> set[str]:
    """Who does the verb of a relative clause set off after a name: 'Stewart, who played in 133
    Tests', 'Marsh, who has led the council': the actor whose name ends the clause before."""
    clause = text.words[verb].clause
    opening = [w.lower for w in text.words[:verb] if w.clause == clause]
    if not opening or opening[0] != "who" or any(w not in AUXILIARIES for w in opening[1:]):
        return set()
    last = max((i for i, w in enumerate(text.words) if w.clause == clause - 1), default=None)
    return {m.actor for m, i in text.mentions if text.last[i] == last}


def _noun_at(text: Text, at: int, first: int) -> bool:
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
    return bool(POSSESSIVE.search(before.text[-2:])) or not may_be_verb(text.words[at].text)


def _verb_after(text: Text, last: int) -> int | None:
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


def _first_mentions(cited: Sequence[Text]) -> list[tuple[Named, int]]:
    seen: dict[str, tuple[Named, int]] = {}
    for text in cited:
        for mention, k in text.mentions:
            seen.setdefault(mention.actor, (mention, k))
    return list(seen.values())


def _sides(cited: Sequence[Text], a: str, b: str, key: str) -> set[tuple[str, str]]:
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
