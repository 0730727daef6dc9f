"""The note assembled from what extraction gave: the sources' extractions merged into one story
(an earlier briefing's ids kept), its synthesis (one call, or stages when it would pass the
model's context), every claim's status settled, the ``Briefing`` built whole in one place with
its statements' support verdicts, and, for an update, what changed. The pipeline loads this module while its first extraction calls are out."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from .differences import diff
from .errors import ModelError
from .llm import Model
from .llm.pricing import cost
from .llm.prompts import versions
from .schema.briefing import Briefing, BriefingGeneration, CitedSentence, SourceRecord, walk_citations
from .schema.extraction import Citation
from .schema.usage import Usage
from .settings import Settings, prompt_budget
from .stages.continuity import carry_ids
from .stages.extract import TEMPLATES as EXTRACTION_TEMPLATES
from .stages.extract import Extracted, Failed, SourceOutcome, source_info
from .stages.figures import figure_discrepancies
from .stages.joining import join_proposed
from .stages.merge import merge
from .stages.staged import synthesise_within
from .stages.supporting import FALLBACK_TITLE, settle_support
from .stages.synthesise import TEMPLATES as SYNTHESIS_TEMPLATES
from .stages.synthesise import settle_claims
from .text import Sentence, Source, count, source_of

if TYPE_CHECKING:
    from .update import Previous  # only an update loads what checks the briefing it starts from


async def assemble(
    sources: Sequence[Source],
    outcomes: Sequence[SourceOutcome],
    model: Model,
    settings: Settings,
    say: Callable[[str], None],
    previous: Previous | None = None,
    notes: Sequence[str] = (),
) -> Briefing:
    """The briefing on ``sources`` from their extraction ``outcomes`` (added to ``previous``'s,
    whose sources are known too), ``notes`` among its warnings. ``ModelError`` when no source
    was extracted, or synthesis fails; either way it carries what the whole run cost."""
    known = previous.sources if previous else []
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
    story = merge(extractions, previous.briefing.actors if previous else ())
    if previous:
        story = carry_ids(story, previous.briefing)
    every = [*known, *sources]
    cited = _cited(walk_citations(actors=story.actors, timeline=story.timeline, claims=story.claims), every)
    say(
        f"synthesising {count(len(story.timeline), 'event')}, {count(len(story.claims), 'claim')}, "
        f"{count(len(story.actors), 'actor')}"
    )
    try:
        synthesis = await synthesise_within(
            story, cited, model, prompt_budget(settings), say, settings.concurrency
        )
    except ModelError as error:
        error.usage = extraction_usage + (error.usage or Usage())  # what the whole run cost
        raise

    story, joins = join_proposed(story, synthesis.same_events)
    warnings = [*notes] + [note for source in sources for note in source.notes()]
    warnings += [f"source {o.source.id} left out: {o.error}" for o in failed]
    for extraction in extractions:
        warnings += [f"source {extraction.source.id}: {w}" for w in extraction.warnings]
    warnings += story.warnings
    warnings += [f"synthesis: {w}" for w in synthesis.warnings] + joins
    if not synthesis.bottom_line:
        said = "the model gave no bottom line that its citations hold: the note opens without one"
        warnings.append(f"synthesis: {said}")
        say(f"warning: {said}")
    claims = settle_claims(story.claims, synthesis.assessments, warnings)
    records = {r.id: r for r in story.sources}
    if previous:  # a source that failed before stays failed unless it was extracted now
        failed_before = set(previous.briefing.left_out()) - set(records)
        records.update({r.id: r for r in previous.briefing.sources if r.id in failed_before})
    records.update(
        {o.source.id: SourceRecord(**source_info(o.source).model_dump(), status="failed") for o in failed}
    )
    sections: dict[str, Any] = {
        "bottom_line": synthesis.bottom_line,
        "key_points": synthesis.key_points,
        "timeline": story.timeline,
        "actors": story.actors,
        "claims": claims,
        "discrepancies": [*synthesis.discrepancies, *figure_discrepancies(story.timeline)],
    }
    briefing = Briefing(
        title=synthesis.title or extractions[0].source.title or FALLBACK_TITLE,
        **sections,
        sources=[
            records[i]
            for i in dict.fromkeys(s.id for s in (*(previous.briefing.sources if previous else ()), *sources))
        ],
        cited_sentences=[
            CitedSentence(id=s.id, source=source_of(s.id), start=s.start, end=s.end, text=s.text)
            for s in _cited(walk_citations(**sections), every)
        ],
        warnings=warnings,
        generation=BriefingGeneration(
            model=model.name,
            mode=model.mode,
            templates=versions((*EXTRACTION_TEMPLATES, *SYNTHESIS_TEMPLATES)),
            usage={"extraction": extraction_usage, "synthesis": synthesis.usage},
            cost_usd=cost(model.name, extraction_usage + synthesis.usage),
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
