"""Extraction: one source in, grounded actors, events and claims out, one model call per part
of the source that fits the token budget. Sources are extracted concurrently and their outcomes
come out as they finish, each one either ``Extracted`` or ``Failed`` (never an exception in a list).

The model answers in ``ExtractionDraft``; its validators reject ungrounded citations and dangling
actor references and the model is re-asked. The last attempt is accepted leniently, and
``keeping.verify`` then keeps only what holds, recording a warning for everything it drops."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from functools import cache

from ..errors import AnswerCutOff, ModelError
from ..llm import FillRequest, Messages, Model, fill
from ..llm.pricing import cost
from ..llm.prompts import fence, one_line, render, schema_tokens, versions
from ..schema.drafts import ExtractionDraft
from ..schema.extraction import (
    Extraction,
    Generation,
    Grounding,
    SourceInfo,
)
from ..schema.usage import Usage
from ..schema.validation import Scope
from ..settings import Settings, prompt_budget
from ..text import Corpus, Sentence, Source, tokens
from ..text.chunking import chunk
from .keeping import verify

TEMPLATES = ("extract.system", "extract.user")
STEP = "extraction"


@dataclass(frozen=True)
class Extracted:
    source: Source
    extraction: Extraction

    @property
    def usage(self) -> Usage:
        return self.extraction.generation.usage


@dataclass(frozen=True)
class Failed:
    source: Source
    error: ModelError

    @property
    def usage(self) -> Usage:
        """What the failed calls cost all the same."""
        return self.error.usage or Usage()


SourceOutcome = Extracted | Failed


def source_info(source: Source) -> SourceInfo:
    document = source.document
    return SourceInfo(
        id=source.id,
        name=document.name,
        title=document.title,
        outlet=document.outlet,
        published=document.published,
        url=document.url,
        sha256=document.sha256,
        sentences=len(source.sentences),
        splitting=source.splitting,
        read=list(document.read),
    )


# The answer budget bounds the article a call can take: the extraction schema answers with about
# 3.5 tokens per article token (measured on the hand-written capable-model answers for the seeds:
# 2,129 and 2,143 answer tokens for 586 and 686 article tokens), so a part larger than
# max_tokens / 3.5 would be cut off by length and fail as a whole.
ANSWER_TOKENS_PER_ARTICLE_TOKEN = 3.5
MAX_SPLITS = 2  # a part whose answer is cut off anyway is asked again in halves, down to quarters


# Beside its article, an extraction prompt carries its instructions and schema, the article's
# title and fence (about this many tokens), and a sentence id a line (about this share more).
PROMPT_FRAMING_TOKENS = 200
SENTENCE_ID_SHARE = 0.1


@cache
def fixed_prompt_tokens() -> int:
    """What an extraction prompt carries whatever its article: instructions, schema, framing."""
    return tokens.count(render("extract.system")) + schema_tokens(ExtractionDraft) + PROMPT_FRAMING_TOKENS


def part_budget(settings: Settings) -> int:
    """Article tokens per extraction call: the chunk budget, or less if the answer budget asks, or
    if the prompt would otherwise pass the model's context (``prompt_budget``)."""
    budget = min(settings.chunk_tokens, int(settings.max_tokens / ANSWER_TOKENS_PER_ARTICLE_TOKEN))
    room = prompt_budget(settings)
    if room is not None:
        budget = min(budget, int((room - fixed_prompt_tokens()) / (1 + SENTENCE_ID_SHARE)))
    return max(1, budget)


@dataclass
class _Answers:
    drafts: list[ExtractionDraft] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    usage: Usage = field(default_factory=Usage)


class ExtractionJob:
    """One source's extraction: the requests for its parts, and the verified result of the answers."""

    def __init__(self, source: Source, budget: int) -> None:
        self.source = source
        self.parts = chunk(source.sentences, budget)
        document = source.document
        title, outlet = one_line(document.title), one_line(document.outlet)
        # What every part's prompt shares, worked out once: the fence covers the whole article.
        self._shared = {
            "fence": fence(f"ARTICLE {source.id}", document.text, title, outlet),
            "title": title,
            "outlet": outlet,
            "published": document.published.isoformat() if document.published else None,
        }
        self._system = render("extract.system")

    def messages(self, part: list[Sentence]) -> Messages:
        user = render("extract.user", **self._shared, sentences=part)
        return [{"role": "system", "content": self._system}, {"role": "user", "content": user}]

    def request(self, part: list[Sentence], whole: bool) -> FillRequest[ExtractionDraft]:
        # One part of several may name an actor that another introduced: such references are
        # resolved over the whole source in ``verify``, not rejected per part.
        scope = Scope(
            Corpus.of(part),
            check_references=whole,
            check_support=True,
            reference=self.source.document.published,
        )
        return FillRequest(STEP, self.source.document.name, ExtractionDraft, self.messages(part), scope)

    def requests(self) -> list[FillRequest[ExtractionDraft]]:
        return [self.request(part, len(self.parts) == 1) for part in self.parts]

    async def run(self, model: Model) -> Extraction:
        """Raises ``ModelError`` carrying what all of this source's calls cost."""
        answers = _Answers()
        for part in self.parts:
            await self._ask(model, part, len(self.parts) == 1, 0, answers)
        return self.result(answers, model)

    async def _ask(self, model: Model, part: list[Sentence], whole: bool, depth: int, into: _Answers) -> None:
        """One part's answer into ``into``; a part whose answer is cut off by length is asked
        again in two halves (at most ``MAX_SPLITS`` deep) instead of failing the source."""
        request = self.request(part, whole)
        try:
            filled = await fill(model, request)
        except AnswerCutOff as error:
            into.usage += error.usage or Usage()
            if len(part) < 2 or depth >= MAX_SPLITS:
                error.usage = into.usage
                raise
            into.warnings.append(
                f"sentences {part[0].id}-{part[-1].id}: the answer was cut off at the token limit; "
                "asked again in two halves"
            )
            half = len(part) // 2
            for piece in (part[:half], part[half:]):
                await self._ask(model, piece, False, depth + 1, into)
            return
        except ModelError as error:
            error.usage = into.usage + (error.usage or Usage())
            raise
        into.drafts.append(filled.draft)
        into.warnings += filled.dropped
        into.usage += filled.usage

    def result(self, answers: _Answers, model: Model) -> Extraction:
        # The parts' answers read as one: references across parts resolve in ``verify``.
        drafts, usage = answers.drafts, answers.usage
        draft = ExtractionDraft.model_construct(
            actors=[a for d in drafts for a in d.actors],
            events=[e for d in drafts for e in d.events],
            claims=[c for d in drafts for c in d.claims],
        )
        warnings = list(answers.warnings)
        actors, events, claims = verify(draft, Corpus.of(self.source.sentences), warnings)
        verified = sum(len(item.citations) for items in (actors, events, claims) for item in items)
        return Extraction(
            source=source_info(self.source),
            actors=actors,
            events=events,
            claims=claims,
            warnings=warnings,
            grounding=Grounding(cited=len(draft.evidence()), verified=verified),
            generation=Generation(
                model=model.name,
                mode=model.mode,
                templates=versions(TEMPLATES),
                usage=usage,
                cost_usd=cost(model.name, usage),
            ),
        )


async def extract_sources(
    sources: Iterable[Source], model: Model, *, concurrency: int, budget: int
) -> AsyncIterator[SourceOutcome]:
    """Every source's outcome, as it finishes. At most ``concurrency`` sources are in flight, and
    ``sources`` is read only as slots free up, so a long stream of articles is never held all at
    once. A source that fails yields ``Failed`` and costs the others nothing."""

    async def one(source: Source) -> SourceOutcome:
        try:
            return Extracted(source, await ExtractionJob(source, budget).run(model))
        except ModelError as error:
            return Failed(source, error)

    waiting = enumerate(sources)
    running: dict[asyncio.Future[SourceOutcome], int] = {}  # in flight -> its place in the input

    def start_next() -> None:
        for place, source in waiting:
            running[asyncio.ensure_future(one(source))] = place
            return

    for _ in range(concurrency):
        start_next()
    try:
        while running:
            done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
            for finished in sorted(done, key=running.__getitem__):  # ties in input order
                del running[finished]
                start_next()
                yield finished.result()
    finally:
        for task in running:
            task.cancel()
