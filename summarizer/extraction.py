"""Extraction: one document in, grounded actors, events and claims out.

The model answers in ``ExtractionDraft``; validators reject ungrounded citations and dangling
actor references and instructor re-asks. The last attempt is accepted leniently and ``ground``
then keeps only what holds, recording a warning for everything it drops."""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import prompts
from .documents import Document, load_document
from .errors import InputError, ModelError, SummarizerError
from .grounding import Corpus, Scope, grounding
from .results import (
    Actor,
    Citation,
    Claim,
    Event,
    Extraction,
    Generation,
    Participant,
    Quantity,
    SourceInfo,
    Usage,
)
from .schemas import CitationDraft, ExtractionDraft, name_key
from .segment import Sentence, source_id, split_sentences
from .settings import Settings

TEMPLATES = ("extract.system", "extract.user")
STEP = "extraction"


@dataclass
class _Call:
    """Everything one extraction call needs and what it observed."""

    document: Document
    source: str
    sentences: list[Sentence]
    settings: Settings
    scope: Scope
    usage: Usage = field(default_factory=Usage)

    @property
    def attempts(self) -> int:
        return self.settings.max_reasks + 1

    def messages(self) -> list[dict[str, str]]:
        # A fence derived from the text itself: the article cannot contain its own closing line.
        fence = (
            f"=====ARTICLE {self.source} {hashlib.sha256(self.document.text.encode()).hexdigest()[:10]}====="
        )
        published = self.document.published.isoformat() if self.document.published else None
        user = prompts.render(
            "extract.user",
            fence=fence,
            title=self.document.title,
            outlet=self.document.outlet,
            published=published,
            sentences=self.sentences,
        )
        return [
            {"role": "system", "content": prompts.render("extract.system")},
            {"role": "user", "content": user},
        ]

    def hooks(self) -> Any:
        from instructor.core.hooks import Hooks

        hooks = Hooks()

        def on_response(response: Any) -> None:
            usage = getattr(response, "usage", None)
            self.usage = self.usage.add(
                Usage(
                    calls=1,
                    reasks=1 if self.usage.calls else 0,
                    prompt_tokens=getattr(usage, "prompt_tokens", 0) or 0,
                    completion_tokens=getattr(usage, "completion_tokens", 0) or 0,
                )
            )
            if self.usage.calls >= self.attempts:
                self.scope.strict = False  # last attempt: keep what holds, drop the rest

        hooks.on("completion:response", on_response)
        return hooks

    def request(self) -> dict[str, Any]:
        return {
            "response_model": ExtractionDraft,
            "messages": self.messages(),
            "model": self.settings.model,
            "temperature": self.settings.temperature,
            "max_tokens": self.settings.max_tokens,
            "max_retries": self.settings.max_reasks,
            "hooks": self.hooks(),
        }

    def result(self, draft: ExtractionDraft) -> Extraction:
        warnings = list(self.scope.salvage_warnings)
        actors, events, claims = ground(draft, self.scope.corpus, warnings)
        info = SourceInfo(
            id=self.source,
            name=self.document.name,
            title=self.document.title,
            outlet=self.document.outlet,
            published=self.document.published,
            url=self.document.url,
            sha256=self.document.sha256,
            sentences=len(self.sentences),
        )
        generation = Generation(
            model=self.settings.model,
            mode=self.settings.mode,
            templates={name: prompts.version(name) for name in TEMPLATES},
            usage=self.usage,
        )
        return Extraction(
            source=info,
            actors=actors,
            events=events,
            claims=claims,
            warnings=warnings,
            generation=generation,
        )

    def failure(self, error: Exception) -> ModelError:
        return model_error(STEP, self.document.name, error, self.settings)


def _prepare(
    document: Document | str | Path, source: str, settings: Settings | None, overrides: dict[str, Any]
) -> _Call:
    settings = (settings or Settings.from_env(**overrides)).require_endpoint()
    if not isinstance(document, Document):
        document = load_document(document)
    sentences = split_sentences(document, source)
    if not sentences:
        raise InputError(document.name, "has no sentences to extract from")
    return _Call(document, source, sentences, settings, Scope(Corpus.of(sentences)))


def extract(
    document: Document | str | Path,
    *,
    source: str = "A",
    settings: Settings | None = None,
    **overrides: Any,
) -> Extraction:
    """Extract grounded actors, events and claims from one document (a ``Document`` or a path).
    ``overrides`` are settings (``model=``, ``base_url=``, ``mode=``...) over the environment's."""
    from .llm import create_function, openai_client

    call = _prepare(document, source, settings, overrides)
    with openai_client(call.settings) as client, grounding(call.scope):
        try:
            draft = create_function(call.settings, client)(**call.request())
        except Exception as error:
            raise call.failure(error) from None
    return call.result(draft)


async def aextract(
    document: Document | str | Path,
    *,
    source: str = "A",
    settings: Settings | None = None,
    create: Callable[..., Any] | None = None,
    **overrides: Any,
) -> Extraction:
    """Async twin of ``extract``; ``create`` lets several calls share one client."""
    from .llm import create_function, openai_client

    call = _prepare(document, source, settings, overrides)
    if create is None:
        async with openai_client(call.settings, asynchronous=True) as client:
            return await aextract(
                document, source=source, settings=call.settings, create=create_function(call.settings, client)
            )
    with grounding(call.scope):
        try:
            draft = await create(**call.request())
        except Exception as error:
            raise call.failure(error) from None
    return call.result(draft)


async def aextract_all(
    documents: Sequence[Document], settings: Settings
) -> list[Extraction | SummarizerError]:
    """Extract every document concurrently (``settings.concurrency`` at a time). Results come back
    in input order; a document that fails yields its error and costs the others nothing."""
    from .llm import create_function, openai_client

    settings = settings.require_endpoint()
    gate = asyncio.Semaphore(settings.concurrency)

    async def one(index: int, document: Document) -> Extraction | SummarizerError:
        async with gate:
            try:
                return await aextract(document, source=source_id(index), settings=settings, create=create)
            except SummarizerError as error:
                return error

    async with openai_client(settings, asynchronous=True) as client:
        create = create_function(settings, client)
        return list(await asyncio.gather(*(one(i, d) for i, d in enumerate(documents))))


def model_error(step: str, source: str, error: Exception, settings: Settings) -> ModelError:
    """One clear line for a failed model call: transport cause, truncated or unusable answer."""
    from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException

    cause: BaseException = error
    if isinstance(error, InstructorRetryException) and error.__cause__ is not None:
        cause = error.__cause__
    if isinstance(cause, IncompleteOutputException):
        text = "the answer was cut off at the token limit"
    elif _is_api_error(cause):
        text = _describe_api_error(cause)
    elif isinstance(error, InstructorRetryException):
        text = f"no usable answer after {error.n_attempts} attempts ({_summary(cause)})"
    else:
        text = f"{type(cause).__name__}: {cause}"
    return ModelError(step, source, redact(text, settings.api_key))


def _summary(error: BaseException) -> str:
    """The first few problems of an unusable answer, on one line."""
    from pydantic import ValidationError

    if isinstance(error, ValidationError):
        problems = [f"{'.'.join(map(str, e['loc'])) or 'answer'}: {e['msg']}" for e in error.errors()]
        more = f"; and {len(problems) - 3} more" if len(problems) > 3 else ""
        return "; ".join(problems[:3]) + more
    lines = str(error).strip().splitlines()
    return lines[0][:200] if lines else type(error).__name__


def _is_api_error(error: BaseException) -> bool:
    import openai

    return isinstance(error, openai.APIError)


def _describe_api_error(error: BaseException) -> str:
    import openai

    if isinstance(error, openai.APITimeoutError):
        return "the model server did not answer in time"
    if isinstance(error, openai.APIConnectionError):
        return "cannot reach the model server"
    if isinstance(error, openai.APIStatusError):
        body = error.body
        detail = body.get("message") if isinstance(body, dict) else None
        if isinstance(body, dict) and isinstance(body.get("error"), dict):
            detail = body["error"].get("message")
        if not isinstance(detail, str) or not detail.strip():
            detail = error.message if isinstance(error.message, str) else ""
        return f"the model server answered HTTP {error.status_code}: {detail.splitlines()[0][:200] if detail else ''}".strip()
    return f"{type(error).__name__}: {error}"


_KEYLIKE = re.compile(r"\b(sk-[A-Za-z0-9_*\-]{6,})")


def redact(text: str, api_key: str | None) -> str:
    """Remove the API key, and anything shaped like one, from text meant for people."""
    if api_key and len(api_key) >= 4:
        text = text.replace(api_key, "[redacted]")
    return _KEYLIKE.sub("[redacted]", " ".join(text.split()))


def ground(
    draft: ExtractionDraft, corpus: Corpus, warnings: list[str]
) -> tuple[list[Actor], list[Event], list[Claim]]:
    """Keep what the sources support: citations that hold (with offsets), items with at least one
    such citation, actor references that resolve. Everything dropped is named in ``warnings``."""
    actors: dict[str, Actor] = {}
    for actor in draft.actors:
        citations = _cite(f"actor {actor.name!r}", actor.evidence, corpus, warnings)
        if not citations:
            continue
        key = name_key(actor.name)
        aliases = [a for a in dict.fromkeys(actor.aliases) if name_key(a) != key]
        if key in actors:  # the same actor listed twice: one entry with both's evidence
            known = actors[key]
            known.aliases = list(dict.fromkeys([*known.aliases, *aliases]))
            known.citations += citations
            continue
        actors[key] = Actor(
            name=actor.name,
            kind=actor.kind,
            title=actor.title,
            affiliation=actor.affiliation,
            aliases=aliases,
            citations=citations,
        )
    index = {name_key(alias): a.name for a in actors.values() for alias in (a.name, *a.aliases)}

    def resolve(name: str, where: str) -> str | None:
        found = index.get(name_key(name))
        if found is None:
            warnings.append(f"{where}: dropped reference to {name!r}, not a grounded actor")
        return found

    events: list[Event] = []
    for event in draft.events:
        label = f"event {event.what[:60]!r}"
        citations = _cite(label, event.evidence, corpus, warnings)
        if not citations:
            continue
        participants = [
            Participant(actor=name, role=p.role)
            for p in event.participants
            if (name := resolve(p.actor, label)) is not None
        ]
        events.append(
            Event(
                what=event.what,
                when=event.when,
                where=event.where,
                participants=participants,
                quantities=[Quantity(value=q.value, what=q.what) for q in event.quantities],
                citations=citations,
            )
        )

    claims: list[Claim] = []
    for claim in draft.claims:
        label = f"claim {claim.statement[:60]!r}"
        citations = _cite(label, claim.evidence, corpus, warnings)
        if not citations:
            continue

        def names(values: list[str], where: str = label) -> list[str]:
            return [n for v in values if (n := resolve(v, where)) is not None]

        claims.append(
            Claim(
                statement=claim.statement,
                made_by=resolve(claim.made_by, label) if claim.made_by else None,
                supported_by=names(claim.supported_by),
                denied_by=names(claim.denied_by),
                disputed_by=names(claim.disputed_by),
                reported_via=claim.reported_via,
                citations=citations,
            )
        )
    return list(actors.values()), events, claims


def _cite(label: str, evidence: list[CitationDraft], corpus: Corpus, warnings: list[str]) -> list[Citation]:
    kept: list[Citation] = []
    for cited in evidence:
        span = corpus.span(cited.sentence_id, cited.quote)
        if isinstance(span, str):
            warnings.append(f"{label}: dropped citation {cited.sentence_id} {cited.quote!r}: {span}")
            continue
        kept.append(
            Citation(sentence_id=cited.sentence_id.strip(), quote=cited.quote, start=span[0], end=span[1])
        )
    if not kept:
        warnings.append(f"{label}: dropped, no citation holds")
    return kept
