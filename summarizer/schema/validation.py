"""What the validators of the drafts check against, and how they report. The scope of one model
call (the sentences it may cite, the claims it may assess) and the state of its attempts (whether
this is the lenient last one, what it dropped) travel in a context variable that the one re-ask
loop (``llm.asking``) sets around the call; problems are worded as corrections.

Instructor's own validation ``context`` would also be used to render the messages as Jinja2,
which must never happen to article text: that is why the scope does not travel there."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from pydantic import BaseModel, ValidationError, ValidationInfo

from .. import support  # the checker loads on the first statement judged (see support/__init__)
from ..support import Support
from ..text import Corpus


class StatementJudge(Protocol):
    """Works out whether a statement says what the sentences it cites say (``claim``: the id of
    the claim it is about, whose recorded roles count)."""

    def __call__(self, text: str, sentence_ids: Sequence[str], claim: str | None = None) -> Support: ...


@dataclass(frozen=True)
class Scope:
    """What the validators check against during one model call: fixed when the call is asked."""

    corpus: Corpus
    claim_ids: frozenset[str] = frozenset()  # claims a synthesis may assess
    event_ids: frozenset[str] = frozenset()  # events a synthesis may name as one
    # One part of a long document may name an actor that another part introduced: such
    # references are resolved over the whole document afterwards, not rejected per part.
    check_references: bool = True
    # Statements are checked for support when the scope says against what: the synthesis passes a
    # judge over the story's actors; an extraction, the date its source is read from.
    judge: StatementJudge | None = None
    check_support: bool = False
    reference: date | None = None


@dataclass
class Validation:
    """One call's validation: against what (``scope``), whether the attempt being read is the
    lenient last one (a weak model's final answer is then kept, its ungrounded items dropped one
    by one instead of failing the whole document), and what was dropped. The re-ask loop owns it."""

    scope: Scope
    lenient: bool = False
    dropped: list[str] = field(default_factory=list)


_current: ContextVar[Validation | None] = ContextVar("summarizer_validation", default=None)


def current_scope() -> Scope | None:
    validation = _current.get()
    return validation.scope if validation else None


def is_strict() -> bool:
    """Whether problems fail the answer (every attempt but the lenient last one)."""
    validation = _current.get()
    return validation is not None and not validation.lenient


@contextmanager
def validating(scope: Scope, *, lenient: bool = False) -> Iterator[Validation]:
    """Validate drafts against ``scope`` inside this block (and in tasks started from it)."""
    validation = Validation(scope, lenient)
    token = _current.set(validation)
    try:
        yield validation
    finally:
        _current.reset(token)


class Quoted(Protocol):
    """A citation as a draft gives it: the sentence it cites and the words it quotes."""

    sentence_id: str
    quote: str


def citation_problems(cited: Sequence[tuple[str, Quoted]], scope: Scope) -> list[str]:
    return [
        f"{where}: {problem}"
        for where, citation in cited
        if (problem := scope.corpus.problem(citation.sentence_id, citation.quote))
    ]


def support_problems(
    statements: Iterable[tuple[str, str, Sequence[str], str | None]], judge: StatementJudge
) -> list[str]:
    """(where, text, cited sentence ids, claim id) of each statement -> its support problems,
    worded so that the model can fix them."""
    problems = []
    for where, text, ids, claim in statements:
        verdict = judge(text, ids, claim)
        if verdict.verdict == "unsupported":
            problems.append(
                f"{where}: {text!r} says what the sentences it cites do not ({verdict.summary()}). "
                f"Rewrite it to say only what they say, or cite the sentence that says it."
            )
    return problems


class DraftJudge:
    """A judge over the actors of one extraction answer: an actor's id is its name."""

    def __init__(self, actors: Sequence[tuple[str, Sequence[str], Sequence[str]]], scope: Scope) -> None:
        self.table = support.NameTable(
            support.ActorNames(name, (name, *aliases), tuple(words)) for name, aliases, words in actors
        )
        self.scope = scope
        self.roles: dict[str, support.Roles] = {}

    def __call__(self, text: str, sentence_ids: Sequence[str], claim: str | None = None) -> Support:
        sentences = self.scope.corpus.sentences
        ids = dict.fromkeys(i.strip() for i in sentence_ids if i.strip() in sentences)
        cited = [support.Cited(i, sentences[i].text, self.scope.reference) for i in ids]
        return support.assess(text, cited, self.table, self.roles.get(claim) if claim else None)


def raise_problems(problems: list[str]) -> None:
    if problems:
        raise ValueError("Fix these problems and answer again:\n" + "\n".join(problems))


def salvage(value: object, info: ValidationInfo, item_models: dict[str, type[BaseModel]]) -> object:
    """On the lenient last attempt, list items that do not fit their schema are dropped one by one
    (and reported) instead of failing the whole answer."""
    if value is None:
        return []
    validation = _current.get()
    if validation is None or not validation.lenient or info.field_name is None:
        return value
    if not isinstance(value, list):
        validation.dropped.append(f"{info.field_name}: dropped, not a list")
        return []
    item_model = item_models[info.field_name]
    kept = []
    for i, item in enumerate(value):
        try:
            kept.append(item_model.model_validate(item))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            validation.dropped.append(
                f"{info.field_name}[{i}]: dropped, does not fit the schema ({where}: {first['msg']})"
            )
    return kept
