"""The main job, one way: documents in, sources (split into sentences once), extraction (concurrent,
outcomes as they finish), then the ``Briefing`` assembled whole from them (``assembly``: merge,
synthesis, support verdicts), or added to an earlier one (``update``). The model is opened once
per run, after one endpoint check, unless the caller brings one (``llm.opened``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .documents import Document, load_document
from .errors import ConfigError, SummarizerError
from .lazy import deferred, loading_later
from .llm import Model, OpenAIModel, opened, settings_of
from .running import run_coroutine
from .schema.extraction import Extraction
from .settings import Settings
from .stages.extract import (
    ExtractionJob,
    Failed,
    SourceOutcome,
    extract_sources,
    part_budget,
)
from .text import Input, Source, collect, count, grouping
from .text.senses import require_wordnet

Progress = Callable[[str], None]

# What a run needs only once answers come back (the support checker) or extraction is over (the
# briefing's assembly) loads while the first calls are out, not before them: a cold run sends its
# first requests some 0.1 s sooner. What an update starts from loads only for an update.
if TYPE_CHECKING:
    from . import assembly, update
    from .llm import batch
    from .schema.briefing import Briefing
    from .support import checker
else:
    assembly = deferred(f"{__package__}.assembly")
    batch = deferred(f"{__package__}.llm.batch")
    checker = deferred(f"{__package__}.support.checker")
    update = deferred(f"{__package__}.update")


def _silent(_line: str) -> None:
    return None


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
    model: Model | str | None = None,
    progress: Progress | None = None,
    **overrides: Any,
) -> list[SourceOutcome]:
    """Every source's outcome (``Extracted`` or ``Failed``), in source order whatever order they
    finish in; ``progress`` hears one line per source as it finishes."""
    settings, model = settings_of(settings, overrides, model)
    async with opened(model, settings) as filling:
        (progress or _silent)(_extracting(sources, filling))
        with loading_later(checker):
            return await _extract_each(sources, filling, settings, progress or _silent)


async def _extract_each(
    sources: Sequence[Source], model: Model, settings: Settings, progress: Progress
) -> list[SourceOutcome]:
    if settings.batch:
        model = await batched(model, sources, settings, progress)
    outcomes: dict[str, SourceOutcome] = {}
    async for outcome in extract_sources(
        sources, model, concurrency=settings.concurrency, budget=part_budget(settings)
    ):
        progress(describe(outcome))
        outcomes[outcome.source.id] = outcome
    return [outcomes[source.id] for source in sources]


async def batched(model: Model, sources: Sequence[Source], settings: Settings, progress: Progress) -> Model:
    """The model, answering the first attempt of every extraction request of ``sources`` from
    one batch (``--batch``); the sources may be those of several briefings."""
    if not isinstance(model, OpenAIModel):
        raise ConfigError(
            f"--batch needs an OpenAI-compatible endpoint's Batch API; the model {model.name} has none"
        )
    requests = [r for source in sources for r in ExtractionJob(source, part_budget(settings)).requests()]
    return await batch.run_batch(model, requests, progress, settings.batch_poll)


def extract(
    document: Input,
    *,
    source: str = "A",
    settings: Settings | None = None,
    model: Model | str | None = None,
    **overrides: Any,
) -> Extraction:
    """Extract grounded actors, events and claims from one document (a ``Document`` or a path).
    ``overrides`` are settings (``model=``, ``base_url=``, ``mode=``...) over the environment's."""
    return run_coroutine(aextract(document, source=source, settings=settings, model=model, **overrides))


async def aextract(
    document: Input,
    *,
    source: str = "A",
    settings: Settings | None = None,
    model: Model | str | None = None,
    **overrides: Any,
) -> Extraction:
    """Async twin of ``extract``. Raises ``ModelError`` when the extraction fails."""
    settings, model = settings_of(settings, overrides, model)
    if not isinstance(document, Source):
        document = Source.of(document if isinstance(document, Document) else load_document(document), source)
    job = ExtractionJob(document, part_budget(settings))
    async with opened(model, settings) as filling:
        return await job.run(filling)


def summarize(
    inputs: Sequence[Input],
    *,
    settings: Settings | None = None,
    model: Model | str | None = None,
    progress: Progress | None = None,
    since: str | Path | update.Previous | None = None,
    one_story: bool = False,
    **overrides: Any,
) -> Briefing:
    """A briefing note on the story the inputs (documents or paths) report. ``overrides`` are
    settings (``model=``, ``base_url=``, ``mode=``...) over the environment's; ``model`` replaces
    the OpenAI-compatible model (a ``FakeModel``, or your own ``Model``); ``since`` (a saved
    briefing's path) updates that briefing with the inputs. Four or more sources that read as
    several stories are named in the warnings (``stories_told``), unless ``one_story`` says the
    caller grouped them (``summarizer stories`` does)."""
    return run_coroutine(
        asummarize(
            inputs,
            settings=settings,
            model=model,
            progress=progress,
            since=since,
            one_story=one_story,
            **overrides,
        )
    )


def stories_told(sources: Sequence[Source]) -> list[str]:
    """A warning when the sources read as several stories by their words and names (``grouping``):
    a briefing is of one story, and reports of one kind of act in two stories may be joined."""
    found = grouping.several_stories(
        grouping.texts_of([(s.document.title, s.document.text) for s in sources])
    )
    if not found:
        return []
    told = "; ".join(", ".join(sources[i].id for i in story) for story in found)
    return [
        f"sources {told}: these read as {len(found)} stories by their words and names, and a briefing is of "
        "one (events of one kind in two stories may be joined as one); `summarizer stories` briefs each"
    ]


async def asummarize(
    inputs: Sequence[Input],
    *,
    settings: Settings | None = None,
    model: Model | str | None = None,
    progress: Progress | None = None,
    since: str | Path | update.Previous | None = None,
    one_story: bool = False,
    **overrides: Any,
) -> Briefing:
    """Async twin of ``summarize``. A source whose extraction fails is left out and named in the
    warnings; if every source fails, or synthesis fails, ``ModelError`` is raised. With ``since``
    (a saved briefing), the inputs are added to it: only they are extracted, the earlier items
    keep their ids, and ``changes`` says what is new."""
    say = progress or _silent
    settings, model = settings_of(settings, overrides, model)
    previous = (
        update.previous_briefing(since, cache_dir=settings.cache_dir)
        if isinstance(since, (str, Path))
        else since
    )
    known = previous.sources if previous else []
    sources, notes = collect(inputs, known, retry=previous.briefing.left_out() if previous else ())
    if not sources:
        if previous is None:
            raise SummarizerError("no documents to summarise")
        raise previous.nothing_to_add()
    if not one_story and (told := stories_told([*known, *sources])):
        notes = [*notes, *told]
        for warning in told:
            say(warning)  # before anything is spent
    require_wordnet()  # the merge reads it: a broken install stops the run before any call
    async with opened(model, settings) as filling:
        say(_extracting(sources, filling))
        with loading_later(checker, assembly):
            outcomes = await _extract_each(sources, filling, settings, say)
        return await assembly.assemble(sources, outcomes, filling, settings, say, previous, notes)


async def abrief_from(
    sources: Sequence[Source],
    outcomes: Sequence[SourceOutcome],
    *,
    settings: Settings | None = None,
    model: Model | str | None = None,
    progress: Progress | None = None,
    since: update.Previous | None = None,
    **overrides: Any,
) -> Briefing:
    """The briefing on ``sources`` from their extraction ``outcomes``, made elsewhere (on a
    distributed engine): the merge, synthesis and checks of ``asummarize`` without extracting."""
    settings, model = settings_of(settings, overrides, model)
    async with opened(model, settings) as filling:
        return await assembly.assemble(sources, outcomes, filling, settings, progress or _silent, since)
