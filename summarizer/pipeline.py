"""The main job, one way: documents in, sources (split into sentences once), extraction (concurrent,
outcomes as they finish), merge, synthesis, and the ``Briefing`` assembled whole. The model is
opened once per run, after one endpoint check, unless the caller brings one."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .diff import diff
from .documents import Document, load_document
from .errors import InputError, ModelError, SummarizerError
from .llm import Model
from .llm.pricing import cost
from .llm.prompts import versions
from .schema.briefing import Briefing, BriefingGeneration, CitedSentence, SourceRecord, walk_citations
from .schema.extraction import Citation, Extraction
from .schema.usage import Usage
from .settings import Settings
from .stages.continuity import carry_ids
from .stages.extract import TEMPLATES as EXTRACTION_TEMPLATES
from .stages.extract import (
    Extracted,
    ExtractionJob,
    Failed,
    SourceOutcome,
    extract_sources,
    part_budget,
    source_info,
)
from .stages.merge import merge
from .stages.supporting import settle_support
from .stages.synthesise import TEMPLATES as SYNTHESIS_TEMPLATES
from .stages.synthesise import settle_claims, synthesise
from .text import Sentence, Source, source_id, source_of
from .wording import count

Progress = Callable[[str], None]
Input = Source | Document | str | Path


def _silent(_line: str) -> None:
    return None


def settings_of(settings: Settings | None, overrides: dict[str, Any]) -> Settings:
    return settings or Settings.from_env(**overrides)


@asynccontextmanager
async def opened(model: Model | None, settings: Settings) -> AsyncIterator[Model]:
    """The caller's model, or an OpenAI-compatible one opened for this run and closed after it."""
    if model is not None:
        yield model
        return
    from .llm import OpenAIModel

    own = OpenAIModel(settings)
    try:
        yield own
    finally:
        await own.aclose()


def sources_of(
    inputs: Sequence[Input], after: Sequence[Source] = (), notes: list[str] | None = None
) -> list[Source]:
    """Each input read and split into sentences once, under its source id (A, B, ..., or after
    the ids of ``after``, the sources a briefing being updated has); inputs that are sources
    already are kept as they are. Inputs with the very same text are one source (naming the
    others in ``duplicates``): one article given twice is not two sources agreeing. An input
    whose text one of ``after`` has is left out, and ``notes`` hears it."""
    found, said = _collect(inputs, after)
    if notes is not None:
        notes += said
    return found


def _collect(inputs: Sequence[Input], known: Sequence[Source]) -> tuple[list[Source], list[str]]:
    """New sources, their ids after the ``known`` ones; an input whose text a known source has
    is not added again (the notes say so)."""
    sources: list[Source] = []
    notes: list[str] = []
    held = {s.document.sha256: s.id for s in known}
    by_text: dict[str, int] = {}
    for item in inputs:
        document = item.document if isinstance(item, Source) else item
        if not isinstance(document, Document):
            document = load_document(document)
        if document.sha256 in held:
            notes.append(
                f"{document.name} is already in the briefing as source {held[document.sha256]}; not added again"
            )
            continue
        seen = by_text.get(document.sha256)
        if seen is not None:
            first = sources[seen]
            sources[seen] = replace(first, duplicates=(*first.duplicates, document.name))
            continue
        by_text[document.sha256] = len(sources)
        ident = source_id(len(known) + len(sources))
        sources.append(item if isinstance(item, Source) and item.id == ident else Source.of(document, ident))
    return sources, notes


@dataclass(frozen=True)
class Previous:
    """The briefing an update starts from, checked, with its sources read again."""

    name: str  # where it was read from
    briefing: Briefing
    sources: list[Source]

    def nothing_to_add(self) -> InputError:
        return InputError(self.name, "already holds every input; there is nothing to add")


def previous_briefing(path: str | Path, given: Sequence[str | Path] = ()) -> Previous:
    """The saved briefing at ``path``, fit to be updated: it passes ``check`` (support verdicts
    aside) against its sources (found where it names them, or among ``given``) and holds its
    extractions. One
    ``InputError`` naming the file otherwise."""
    from .check import load_briefing, read_sources, verify_briefing

    name = str(path)
    briefing, base = load_briefing(path)
    sources, unread = read_sources(briefing, given, base)  # read and split once, checked and kept
    # Statements kept and marked unsupported do not stop an update: its verdicts are worked out again.
    problems = unread + verify_briefing(briefing, sources, support=False)
    if problems:
        more = (
            f" (and {count(len(problems) - 1, 'other problem')}; `summarizer check` lists them)"
            if len(problems) > 1
            else ""
        )
        raise InputError(name, f"cannot be updated: {problems[0]}{more}")
    if not briefing.extractions and any(s.status == "ok" for s in briefing.sources):
        raise InputError(name, "holds no extractions (a version 1 briefing); make it again to update it")
    return Previous(name, briefing, sources)


def describe(outcome: SourceOutcome) -> str:
    """One progress line for a finished source."""
    if isinstance(outcome, Failed):
        return f"{outcome.source.id}: {outcome.error}"
    result = outcome.extraction
    return (
        f"{outcome.source.id} {outcome.source.document.name}: {count(len(result.actors), 'actor')}, "
        f"{count(len(result.events), 'event')}, {count(len(result.claims), 'claim')}, "
        f"{count(result.generation.usage.reasks, 're-ask')}, {count(len(result.warnings), 'warning')}"
    )


def _extracting(sources: Sequence[Source], model: Model) -> str:
    return f"extracting {count(len(sources), 'source')} with {model.name} ({model.mode})"


async def extract_all(
    sources: Sequence[Source],
    *,
    settings: Settings | None = None,
    model: Model | None = None,
    progress: Progress | None = None,
    **overrides: Any,
) -> list[SourceOutcome]:
    """Every source's outcome (``Extracted`` or ``Failed``), in source order whatever order they
    finish in; ``progress`` hears one line per source as it finishes."""
    settings = settings_of(settings, overrides)
    async with opened(model, settings) as filling:
        (progress or _silent)(_extracting(sources, filling))
        return await _extract_each(sources, filling, settings, progress or _silent)


async def _extract_each(
    sources: Sequence[Source], model: Model, settings: Settings, progress: Progress
) -> list[SourceOutcome]:
    outcomes: dict[str, SourceOutcome] = {}
    async for outcome in extract_sources(
        sources, model, concurrency=settings.concurrency, budget=part_budget(settings)
    ):
        progress(describe(outcome))
        outcomes[outcome.source.id] = outcome
    return [outcomes[source.id] for source in sources]


def extract(
    document: Input,
    *,
    source: str = "A",
    settings: Settings | None = None,
    model: Model | None = None,
    **overrides: Any,
) -> Extraction:
    """Extract grounded actors, events and claims from one document (a ``Document`` or a path).
    ``overrides`` are settings (``model=``, ``base_url=``, ``mode=``...) over the environment's."""
    return asyncio.run(aextract(document, source=source, settings=settings, model=model, **overrides))


async def aextract(
    document: Input,
    *,
    source: str = "A",
    settings: Settings | None = None,
    model: Model | None = None,
    **overrides: Any,
) -> Extraction:
    """Async twin of ``extract``. Raises ``ModelError`` when the extraction fails."""
    settings = settings_of(settings, overrides)
    if not isinstance(document, Source):
        document = Source.of(document if isinstance(document, Document) else load_document(document), source)
    job = ExtractionJob(document, part_budget(settings))
    async with opened(model, settings) as filling:
        return await job.run(filling)


def summarize(
    inputs: Sequence[Input],
    *,
    settings: Settings | None = None,
    model: Model | None = None,
    progress: Progress | None = None,
    since: str | Path | Previous | None = None,
    **overrides: Any,
) -> Briefing:
    """A briefing note on the story the inputs (documents or paths) report. ``overrides`` are
    settings (``model=``, ``base_url=``, ``mode=``...) over the environment's; ``model`` replaces
    the OpenAI-compatible model (a ``FakeModel``, or your own ``Model``); ``since`` (a saved
    briefing's path) updates that briefing with the inputs."""
    return asyncio.run(
        asummarize(inputs, settings=settings, model=model, progress=progress, since=since, **overrides)
    )


async def asummarize(
    inputs: Sequence[Input],
    *,
    settings: Settings | None = None,
    model: Model | None = None,
    progress: Progress | None = None,
    since: str | Path | Previous | None = None,
    **overrides: Any,
) -> Briefing:
    """Async twin of ``summarize``. A source whose extraction fails is left out and named in the
    warnings; if every source fails, or synthesis fails, ``ModelError`` is raised. With ``since``
    (a saved briefing), the inputs are added to it: only they are extracted, the earlier items
    keep their ids, and ``changes`` says what is new."""
    say = progress or _silent
    settings = settings_of(settings, overrides)
    previous = previous_briefing(since) if isinstance(since, (str, Path)) else since
    known = previous.sources if previous else []
    sources, notes = _collect(inputs, known)
    if not sources:
        if previous is None:
            raise SummarizerError("no documents to summarise")
        raise previous.nothing_to_add()
    async with opened(model, settings) as filling:
        say(_extracting(sources, filling))
        outcomes = await _extract_each(sources, filling, settings, say)
        extracted = [o for o in outcomes if isinstance(o, Extracted)]
        failed = [o for o in outcomes if isinstance(o, Failed)]
        extraction_usage = sum((o.usage for o in outcomes), Usage())  # failed sources cost tokens too
        extractions = [
            *(previous.briefing.extractions if previous else []),
            *(o.extraction for o in extracted),
        ]
        if not extractions:
            if len(failed) == 1:
                raise failed[0].error
            causes = "; ".join(f"{o.source.id}: {o.error.cause}" for o in failed)
            raise ModelError("extraction", f"all {len(failed)} sources", causes, extraction_usage)
        story = merge(extractions)
        if previous:
            story = carry_ids(story, previous.briefing)
        every = [*known, *sources]
        cited = _cited(
            walk_citations(actors=story.actors, timeline=story.timeline, claims=story.claims), every
        )
        say(
            f"synthesising {count(len(story.timeline), 'event')}, {count(len(story.claims), 'claim')}, "
            f"{count(len(story.actors), 'actor')}"
        )
        try:
            synthesis = await synthesise(story, cited, filling)
        except ModelError as error:
            error.usage = extraction_usage + (error.usage or Usage())  # what the whole run cost
            raise

    warnings = notes + [note for source in sources for note in source.notes()]
    warnings += [f"source {o.source.id} left out: {o.error}" for o in failed]
    for extraction in extractions:
        warnings += [f"source {extraction.source.id}: {w}" for w in extraction.warnings]
    warnings += story.warnings
    warnings += [f"synthesis: {w}" for w in synthesis.warnings]
    claims = settle_claims(story.claims, synthesis.assessments)
    records = {r.id: r for r in story.sources}
    if previous:
        records.update({r.id: r for r in previous.briefing.sources if r.status == "failed"})
    records.update(
        {o.source.id: SourceRecord(**source_info(o.source).model_dump(), status="failed") for o in failed}
    )
    sections: dict[str, Any] = {
        "bottom_line": synthesis.bottom_line,
        "key_points": synthesis.key_points,
        "timeline": story.timeline,
        "actors": story.actors,
        "claims": claims,
        "discrepancies": synthesis.discrepancies,
    }
    briefing = Briefing(
        title=synthesis.title or extractions[0].source.title or "Briefing",
        **sections,
        sources=[records[s.id] for s in (*(previous.briefing.sources if previous else ()), *sources)],
        cited_sentences=[
            CitedSentence(id=s.id, source=source_of(s.id), start=s.start, end=s.end, text=s.text)
            for s in _cited(walk_citations(**sections), every)
        ],
        warnings=warnings,
        generation=BriefingGeneration(
            model=filling.name,
            mode=filling.mode,
            templates=versions((*EXTRACTION_TEMPLATES, *SYNTHESIS_TEMPLATES)),
            usage={"extraction": extraction_usage, "synthesis": synthesis.usage},
            cost_usd=cost(filling.name, extraction_usage + synthesis.usage),
        ),
        extractions=extractions,
    )
    briefing, unsupported = settle_support(briefing, drop=settings.unsupported == "drop")
    briefing = briefing.model_copy(update={"warnings": [*briefing.warnings, *unsupported]})
    if previous is None:
        return briefing
    return briefing.model_copy(update={"changes": diff(previous.briefing, briefing)})


def _cited(citations: Iterable[tuple[str, Citation]], sources: Sequence[Source]) -> list[Sentence]:
    """The sentences the citations cite, in source and reading order."""
    ids = {citation.sentence_id for _, citation in citations}
    return [s for source in sources for s in source.sentences if s.id in ids]
