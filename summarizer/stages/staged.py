"""Synthesis within a context budget. A story whose synthesis prompt would pass the model's context
(less its answer) is synthesised in stages: its events, then its claims, in the order of their
ids, are cut into parts whose prompts fit, at places the items' ids choose (``_stable_runs``),
so that an update re-asks only the parts its new articles touch (the others are the same
requests again, answered from the response cache); each part gets a partial note (bottom line,
key points, the status of its claims, its discrepancies), checked as a whole note is; then a
note of notes is written from the partial notes' statements and the sentences they cite, in as
many rounds as it takes for them to fit in one prompt. Every statement still cites source sentences, and the same
code checks them; no request goes past the budget."""

from __future__ import annotations

import asyncio
import math
import zlib
from collections.abc import Callable, Sequence
from typing import TypeVar

from ..errors import SummarizerError
from ..llm import Model
from ..llm.prompts import one_line, schema_tokens
from ..schema.briefing import BriefingClaim, Statement, TimelineEvent
from ..schema.drafts import SynthesisDraft
from ..schema.usage import Usage
from ..text import Sentence, count, source_of, tokens
from ..vocabulary import CLAIM_ROLES, parties
from .merge import Story
from .synthesise import Synthesis, messages, synthesise

Item = TimelineEvent | BriefingClaim
Piece = TypeVar(
    "Piece", TimelineEvent | BriefingClaim, Statement
)  # what a part, or a note of notes, is cut from
LINE_TOKENS = 30  # what a line of the prompt costs beside its text: ids, dates, sources, cited ids


def prompt_tokens(story: Story, sentences: Sequence[Sentence], partials: Sequence[Statement] = ()) -> int:
    """Tokens of the synthesis request: its messages and the schema the answer fills."""
    return sum(tokens.count(m["content"]) for m in messages(story, sentences, partials)) + schema_tokens(
        SynthesisDraft
    )


def _part(
    story: Story, items: Sequence[Item], sentences: dict[str, Sentence]
) -> tuple[Story, list[Sentence]]:
    """The story cut down to ``items``: the actors, sources and sentences they name or cite."""
    events = [i for i in items if isinstance(i, TimelineEvent)]
    claims = [i for i in items if isinstance(i, BriefingClaim)]
    named = {r.actor for e in events for r in e.participants}
    named |= {a for c in claims for role in CLAIM_ROLES for a in parties(c, role)}
    cited = {c.sentence_id for i in items for c in i.citations}
    from_sources = {s for i in items for s in i.sources} | {source_of(s) for s in cited}
    part = Story(
        sources=[s for s in story.sources if s.id in from_sources],
        actors=[a for a in story.actors if a.id in named],
        timeline=events,
        claims=claims,
        warnings=[],
    )
    return part, [s for sid, s in sentences.items() if sid in cited]


def _text(piece: Item | Statement) -> str:
    if isinstance(piece, TimelineEvent):
        return piece.what
    return piece.statement if isinstance(piece, BriefingClaim) else piece.text


def _cost(piece: Item | Statement, seen: set[str], sentences: dict[str, Sentence]) -> tuple[int, set[str]]:
    """About what ``piece`` adds to a prompt that already shows the sentences ``seen``, and the
    sentences it adds."""
    new = {c.sentence_id for c in piece.citations} - seen
    shown = sum(tokens.count(sentences[s].text) + 4 for s in new if s in sentences)
    return tokens.count(one_line(_text(piece)) or "") + LINE_TOKENS + shown, new


def _packed(pieces: Sequence[Piece], room: int, sentences: dict[str, Sentence]) -> list[list[Piece]]:
    """``pieces`` cut, in order, into runs whose estimated size stays within ``room``."""
    runs: list[list[Piece]] = [[]]
    seen: set[str] = set()
    used = 0
    for piece in pieces:
        size, new = _cost(piece, seen, sentences)
        if runs[-1] and used + size > room:
            runs.append([])
            seen, used = set(), 0
            size, new = _cost(piece, seen, sentences)
        used += size
        seen |= new
        runs[-1].append(piece)
    return runs


def _number(item: Item) -> tuple[int, int]:
    """Events, then claims, each in the order of their ids: an update keeps every id and gives
    new items the next ones."""
    digits = "".join(c for c in item.id if c.isdigit())
    return (0 if isinstance(item, TimelineEvent) else 1, int(digits or 0))


def _stable_runs(items: Sequence[Item], room: int, sentences: dict[str, Sentence]) -> list[list[Item]]:
    """``items`` cut into runs that an update mostly leaves as they were, so that the prompts of
    the parts it does not touch are the same requests again (answered from the response cache):
    in the order of their ids, a run ends after each item whose id hashes to a mark (one in
    ``spacing``, a power of two near the items a run holds), never at a size, so an item that
    grows or comes in moves no boundary but its own run's. A run too large is halved later."""
    ordered = sorted(items, key=_number)
    if not ordered:
        return []
    mean = sum(_cost(item, set(), sentences)[0] for item in ordered) / len(ordered)
    spacing = 2 ** max(0, int(math.log2(max(1.0, room / mean))))
    runs: list[list[Item]] = [[]]
    for item in ordered:
        runs[-1].append(item)
        if zlib.crc32(item.id.encode()) % spacing == spacing - 1:
            runs.append([])
    return [run for run in runs if run]


def _fitted(run: Sequence[Piece], budget: int, size: Callable[[Sequence[Piece]], int]) -> list[list[Piece]]:
    """``run``, halved until each piece's real prompt fits the budget."""
    if size(run) <= budget:
        return [list(run)]
    if len(run) == 1:
        raise SummarizerError(
            f"the synthesis needs more than the context budget of {budget} prompt tokens for a single "
            "item and the sentences it cites; give the model a larger context (--context-tokens)"
        )
    middle = len(run) // 2
    return _fitted(run[:middle], budget, size) + _fitted(run[middle:], budget, size)


async def synthesise_within(
    story: Story,
    sentences: Sequence[Sentence],
    model: Model,
    budget: int | None,
    say: Callable[[str], None],
    concurrency: int = 4,
) -> Synthesis:
    """The story's synthesis in one call when its prompt fits ``budget`` (or no budget is known),
    in stages otherwise. Raises ``ModelError`` when a call gives no usable answer."""
    if budget is None or prompt_tokens(story, sentences) <= budget:
        return await synthesise(story, sentences, model)
    by_id = {s.id: s for s in sentences}
    room = budget - prompt_tokens(Story(story.sources[:0], [], [], [], []), [])
    if room <= 0:
        raise SummarizerError(
            f"the context budget of {budget} prompt tokens does not hold the synthesis prompt itself"
        )

    def part_size(items: Sequence[Item]) -> int:
        return prompt_tokens(*_part(story, items, by_id))

    items: list[Item] = [*story.timeline, *story.claims]
    parts = [p for run in _stable_runs(items, room, by_id) for p in _fitted(run, budget, part_size)]
    say(
        f"synthesising in {count(len(parts), 'part')}, then a note of notes: the story's material passes "
        f"the context budget of {budget} prompt tokens"
    )
    gate = asyncio.Semaphore(concurrency)

    async def one(
        story_part: Story, cited: Sequence[Sentence], partials: Sequence[Statement] = ()
    ) -> Synthesis:
        async with gate:
            return await synthesise(story_part, cited, model, partials)

    partial = await asyncio.gather(*(one(*_part(story, p, by_id)) for p in parts))
    warnings = [f"part {n}: {w}" for n, p in enumerate(partial, start=1) for w in p.warnings]
    usage = sum((p.usage for p in partial), Usage())
    statements = [s for p in partial for s in (*p.bottom_line, *p.key_points)]

    def notes_of(group: Sequence[Statement]) -> tuple[Story, list[Sentence], list[Statement]]:
        cited = {c.sentence_id for s in group for c in s.citations}
        shown = Story(
            sources=[r for r in story.sources if r.id in {source_of(i) for i in cited}],
            actors=[],
            timeline=[],
            claims=[],
            warnings=[],
        )
        return shown, [s for sid, s in by_id.items() if sid in cited], list(group)

    def notes_size(group: Sequence[Statement]) -> int:
        return prompt_tokens(*notes_of(group))

    while True:
        groups = [g for run in _packed(statements, room, by_id) for g in _fitted(run, budget, notes_size)]
        rounds = await asyncio.gather(*(one(*notes_of(g)) for g in groups))
        usage += sum((r.usage for r in rounds), Usage())
        warnings += [f"note of notes: {w}" for r in rounds for w in r.warnings]
        if len(groups) == 1:
            final = rounds[0]
            break
        shorter = [s for r in rounds for s in (*r.bottom_line, *r.key_points)]
        if len(shorter) >= len(statements):  # the notes of notes say no less: stop rather than loop
            final = rounds[0]
            break
        statements = shorter
    return Synthesis(
        title=final.title or partial[0].title,
        bottom_line=final.bottom_line,
        key_points=final.key_points,
        assessments={k: v for p in partial for k, v in p.assessments.items()},
        discrepancies=[d for p in (*partial, final) for d in p.discrepancies],
        warnings=warnings,
        usage=usage,
        same_events=[group for p in partial for group in p.same_events],
    )
