"""--dry-run: the calls a run would make, their prompt sizes and what they would cost, without
a network or a key."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .llm.model import Draft, FillRequest
from .llm.prompts import render, schema_tokens
from .schema.drafts import SynthesisDraft
from .settings import Settings, context_for, price_of, prompt_budget
from .stages.extract import ExtractionJob, part_budget
from .text import Sentence, Source, count, tokens

# Synthesis sees the cited sentences, not whole articles: about this share of their tokens.
SYNTHESIS_SHARE = 0.4
# A partial note, as a note of notes reads it: its statements and the sentences they cite.
PARTIAL_NOTE_TOKENS = 400


@dataclass(frozen=True)
class PlannedCall:
    step: str
    source: str
    prompt_tokens: int
    estimated: bool  # True when the prompt cannot be known before earlier calls answer


def plan(sources: Sequence[Source], settings: Settings, *, synthesis: bool) -> list[PlannedCall]:
    calls: list[PlannedCall] = []
    article_tokens = 0
    for source in sources:
        job = ExtractionJob(source, part_budget(settings))
        for n, (part, request) in enumerate(zip(job.parts, job.requests(), strict=True), start=1):
            size = request_tokens(request)
            label = f"{source.id} {source.document.name}"
            if len(job.parts) > 1:
                label += f" part {n}/{len(job.parts)} ({part[0].id}-{part[-1].id})"
            calls.append(PlannedCall("extraction", label, size, False))
        article_tokens += sum(tokens.count(s.text) for s in source.sentences)
    if synthesis:
        calls += _synthesis(int(article_tokens * SYNTHESIS_SHARE), prompt_budget(settings))
    return calls


def request_tokens(request: FillRequest[Draft]) -> int:
    """The prompt tokens a request sends: its messages and the schema of its answer."""
    return sum(tokens.count(m["content"]) for m in request.messages) + schema_tokens(request.schema)


def fixed_tokens(request: FillRequest[Draft], sentences: Sequence[Sentence]) -> int:
    """What an extraction request sends besides its article's sentence lines: the instructions,
    the fence and header lines, the schema."""
    return request_tokens(request) - sum(tokens.count(f"[{s.id}] {s.text}\n") for s in sentences)


def _synthesis(material: int, budget: int | None) -> list[PlannedCall]:
    """The synthesis: one call, or (past the budget) a call a part and a note of notes."""
    fixed = tokens.count(render("synthesise.system")) + schema_tokens(SynthesisDraft)
    if budget is None or fixed + material <= budget or budget <= fixed:
        return [PlannedCall("synthesis", "all sources", fixed + material, True)]
    parts = math.ceil(material / (budget - fixed))
    staged = [
        PlannedCall("synthesis", f"part {n}/{parts}", fixed + math.ceil(material / parts), True)
        for n in range(1, parts + 1)
    ]
    notes = min(budget, fixed + parts * PARTIAL_NOTE_TOKENS)
    return [*staged, PlannedCall("synthesis", "note of notes", notes, True)]


def report(calls: Sequence[PlannedCall], settings: Settings) -> str:
    lines = [f"dry run: {count(len(calls), 'call')} to {settings.model} ({settings.mode}), nothing sent"]
    for call in calls:
        size = ("~" if call.estimated else "") + str(call.prompt_tokens)
        lines.append(f"  {call.step:<10} {call.source:<50} {size:>8} prompt tokens")
    prompt = sum(c.prompt_tokens for c in calls)
    ceiling = len(calls) * settings.max_tokens
    lines.append(
        f"total: {prompt} prompt tokens; answers up to {ceiling} tokens ({settings.max_tokens} per call)"
    )
    context = context_for(settings)
    over = [c for c in calls if context is not None and c.prompt_tokens + settings.max_tokens > context]
    if over:
        first = over[0]
        others = f" (and {count(len(over) - 1, 'other call')})" if len(over) > 1 else ""
        lines.append(
            f"warning: the {first.step} of {first.source}{others} needs {first.prompt_tokens} prompt tokens and up "
            f"to {settings.max_tokens} for its answer, more than {settings.model}'s context of {context}"
        )
    price = price_of(settings.model)
    if price is None:
        lines.append(f"estimated cost: unknown (no price for {settings.model}; set SUMMARIZER_PRICES)")
    else:
        lines.append(
            f"estimated cost: ${prompt * price[0] / 1e6:.4f} for prompts + up to ${ceiling * price[1] / 1e6:.4f} "
            f"for answers (re-asks and retries would add to it)"
        )
    return "\n".join(lines)
