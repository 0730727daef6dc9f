"""The main job: articles in, a briefing note out. load -> extract (concurrent) -> merge -> synthesise."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import prompts
from .briefing import Briefing, BriefingGeneration, CitedSentence, SourceRecord
from .documents import Document, load_document
from .errors import ModelError, SummarizerError
from .extraction import TEMPLATES as EXTRACTION_TEMPLATES
from .extraction import aextract_all, source_info
from .merge import merge
from .pricing import cost
from .results import Citation, Extraction, Usage
from .segment import Sentence, source_id, source_of, split_sentences
from .settings import Settings
from .synthesis import TEMPLATES as SYNTHESIS_TEMPLATES
from .synthesis import asynthesise, fill_statuses

Progress = Callable[[str], None]


def summarize(
    inputs: Sequence[Document | str | Path],
    *,
    settings: Settings | None = None,
    progress: Progress | None = None,
    **overrides: Any,
) -> Briefing:
    """A briefing note on the story the inputs (documents or paths) report. ``overrides`` are
    settings (``model=``, ``base_url=``, ``mode=``...) over the environment's."""
    return asyncio.run(asummarize(inputs, settings=settings, progress=progress, **overrides))


async def asummarize(
    inputs: Sequence[Document | str | Path],
    *,
    settings: Settings | None = None,
    progress: Progress | None = None,
    **overrides: Any,
) -> Briefing:
    """Async twin of ``summarize``. A source whose extraction fails is left out and named in the
    warnings; if every source fails, or synthesis fails, ``ModelError`` is raised."""
    from .llm import create_function, openai_client

    say = progress or (lambda _message: None)
    settings = (settings or Settings.from_env(**overrides)).require_endpoint()
    documents = [d if isinstance(d, Document) else load_document(d) for d in inputs]
    if not documents:
        raise SummarizerError("no documents to summarise")
    say(f"extracting {len(documents)} source(s) with {settings.model} ({settings.mode})")
    results = await aextract_all(documents, settings, progress=say)
    extractions = [r for r in results if isinstance(r, Extraction)]
    failures = [r for r in results if not isinstance(r, Extraction)]
    if not extractions:
        if len(failures) == 1:
            raise failures[0]
        causes = "; ".join(f"{source_id(i)}: {getattr(r, 'cause', r)}" for i, r in enumerate(results))
        raise ModelError("extraction", f"all {len(failures)} sources", causes)
    warnings = [
        f"source {source_id(i)} left out: {r}" for i, r in enumerate(results) if not isinstance(r, Extraction)
    ]
    for extraction in extractions:
        warnings += [f"source {extraction.source.id}: {w}" for w in extraction.warnings]

    story = merge(extractions)
    warnings += story.warnings
    sentences = {s.id: s for i, d in enumerate(documents) for s in split_sentences(d, source_id(i))}
    cited = _cited(story_citations(story), sentences)
    say(f"synthesising {len(story.timeline)} events, {len(story.claims)} claims, {len(story.actors)} actors")
    async with openai_client(settings, asynchronous=True) as client:
        synthesis = await asynthesise(story, cited, settings, create_function(settings, client))
    warnings += [f"synthesis: {w}" for w in synthesis.warnings]
    fill_statuses(story.claims)

    records = {r.id: r for r in story.sources}
    for i, result in enumerate(results):
        if isinstance(result, SummarizerError):
            document = documents[i]
            info = source_info(
                document, source_id(i), sum(1 for s in sentences if source_of(s) == source_id(i))
            )
            records[info.id] = SourceRecord(**info.model_dump(), status="failed")
    extraction_usage = sum(  # failed sources cost tokens too
        (
            r.generation.usage if isinstance(r, Extraction) else getattr(r, "usage", None) or Usage()
            for r in results
        ),
        Usage(),
    )
    briefing = Briefing(
        title=synthesis.title or extractions[0].source.title or "Briefing",
        bottom_line=synthesis.bottom_line,
        key_points=synthesis.key_points,
        timeline=story.timeline,
        actors=story.actors,
        claims=story.claims,
        discrepancies=synthesis.discrepancies,
        sources=[records[k] for k in sorted(records, key=lambda k: (len(k), k))],
        warnings=warnings,
        generation=BriefingGeneration(
            model=settings.model,
            mode=settings.mode,
            templates={name: prompts.version(name) for name in (*EXTRACTION_TEMPLATES, *SYNTHESIS_TEMPLATES)},
            usage={"extraction": extraction_usage, "synthesis": synthesis.usage},
            cost_usd=cost(settings.model, extraction_usage + synthesis.usage),
        ),
    )
    briefing.cited_sentences = [
        CitedSentence(id=s.id, source=source_of(s.id), start=s.start, end=s.end, text=s.text)
        for s in _cited(briefing_citations(briefing), sentences)
    ]
    return briefing


def story_citations(story: Any) -> list[Citation]:
    items = [*story.actors, *story.timeline, *story.claims]
    return [c for item in items for c in item.citations]


def briefing_citations(briefing: Briefing) -> list[Citation]:
    """Every citation anywhere in the briefing."""
    found = story_citations(briefing)
    found += [c for s in (*briefing.bottom_line, *briefing.key_points) for c in s.citations]
    found += [c for claim in briefing.claims for c in claim.explanation_citations]
    found += [c for d in briefing.discrepancies for p in d.positions for c in p.citations]
    return found


def _cited(citations: Sequence[Citation], sentences: dict[str, Sentence]) -> list[Sentence]:
    """The cited sentences, in source and reading order."""
    ids = {c.sentence_id for c in citations}
    return [s for s in sentences.values() if s.id in ids]
