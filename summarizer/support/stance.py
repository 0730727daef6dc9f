"""Stance and roles: a statement must not turn a non-denial into a confirmation or a denial into
a claim, nor change who claims, denies or acts on whom (``acts``); and, through ``polarity``,
must not affirm what its evidence negates (or the reverse)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..text import words as english
from . import acts
from .evidence import Roles
from .names import Named
from .polarity import Fault, negations, negative_word
from .reading import Text

# Which recorded claim roles a verb of stance agrees with.
_AGREES = {
    "claim": ("claim", "confirm"),
    "confirm": ("confirm", "claim"),
    "deny": ("deny", "dispute"),
    "dispute": ("dispute", "deny"),
}


def check(
    statement: str,
    mentions: Sequence[Named],
    evidence: Sequence[tuple[str, Sequence[Named]]],
    roles: Roles | None,
    members: Callable[[str], Sequence[str]] = lambda actor: (),
) -> tuple[int, list[Fault]]:
    """(how many things were checked, the faults found); ``members`` gives the actors that are
    part of one (a city's mayor acts for it)."""
    said = Text(statement, mentions)
    cited = [Text(text, found) for text, found in evidence]
    faults: list[Fault] = []
    checked = negations(statement, [text.text for text in cited], faults)
    checked += _stances(said, cited, roles, faults)
    checked += acts.agents(said, cited, faults)
    if not faults:
        checked += acts.credit(said, cited, members, faults)
    return checked, faults


def _stances(said: Text, cited: Sequence[Text], roles: Roles | None, faults: list[Fault]) -> int:
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


def _negative(text: Text) -> bool:
    return any(negative_word(w) for w in text.words)


def _role(subject: Named, kind: str, cited: Sequence[Text], roles: Roles | None) -> str | None:
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
