"""The main job, one way: documents in, sources (split into sentences once), extraction (concurrent,
outcomes as they finish), then the ``Briefing`` assembled whole from them (``assembly``: merge,
synthesis, support verdicts). The model is opened once per run, after one endpoint check, unless
the caller brings one."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, replace
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .documents import Document, load_document
from .errors import InputError, SummarizerError
from .lazy import collector_paused
from .llm import Model
from .schema.extraction import Extraction
from .settings import Settings
from .stages.extract import (
    ExtractionJob,
    Failed,
    SourceOutcome,
    extract_sources,
    part_budget,
)
from .text import Source, count, source_id

if TYPE_CHECKING:
    from .schema.briefing import Briefing

Progress = Callable[[str], None]
Input = Source | Document | str | Path

# What a run needs only once answers come back (the support checker) or extraction is over (the
# briefing's assembly) loads while the first calls are out, not before them: a cold run sends its
# first requests some 0.1 s sooner. By this many seconds into extraction its first requests are sent.
_LOAD_AFTER = 0.15
_CHECKER = f"{__package__}.support.checker"
_ASSEMBLY = f"{__package__}.assembly"


@contextmanager
def _loading_later(*modules: str) -> Iterator[None]:
    """Import ``modules`` a moment into the block, while it waits on the model (not at all if the
    block ends first: whoever needs them imports them then)."""
    handle = asyncio.get_running_loop().call_later(_LOAD_AFTER, _load, modules)
    try:
        yield
    finally:
        handle.cancel()


def _load(modules: Sequence[str]) -> None:
    # When the process keeps what it has loaded out of collections, as the CLI does, what loads
    # here joins it: collections during the rest of the run would otherwise go over it each time.
    with collector_paused(freeze=gc.get_freeze_count() > 0):
        for module in modules:
            try:
                import_module(module)
            except Exception:  # noqa: BLE001 (the import where it is needed reports it, as one line)
                return


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
        with _loading_later(_CHECKER):
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
        with _loading_later(_CHECKER, _ASSEMBLY):
            outcomes = await _extract_each(sources, filling, settings, say)
        from .assembly import assemble  # loaded while the first calls were out

        return await assemble(sources, outcomes, filling, settings, say, previous, notes)
