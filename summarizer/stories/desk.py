"""The stories job: a pile of articles in, one briefing per story out, with an index. The index
(``index.json``, see ``index``) is saved before the first model call and again after each story,
so the job can be stopped at any point and run again: stories already briefed are not asked
again, and a story stopped half way loses only its unanswered calls (answered ones come from the
response cache). Articles given later join the stories they belong to, whose briefings are
updated (``--since``), not rebuilt."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..documents import Document, load_document
from ..errors import ConfigError, InputError, ModelError
from ..files import write_atomic
from ..lazy import deferred
from ..llm import Bounded, Model, opened, settings_of
from ..running import run_coroutine
from ..schema.briefing import Briefing
from ..schema.usage import Usage
from ..settings import Settings
from ..stages.extract import SourceOutcome
from ..text import Source, count, sources_of
from ..text.copies import COPY_SIMILARITY, copy_groups
from ..text.grouping import STORY_SIMILARITY, grow, texts_of
from .index import INDEX_NAME, ArticleCopy, Story, StoryArticle, StoryIndex, load_index
from .page import index_page

if TYPE_CHECKING:
    from .. import pipeline, render, update
    from . import ray_engine
else:  # what briefs a story loads when the first story is briefed, not for a dry run
    pipeline = deferred("summarizer.pipeline")
    render = deferred("summarizer.render")
    update = deferred("summarizer.update")
    ray_engine = deferred("summarizer.stories.ray_engine")  # the ray extra, for --engine ray

Progress = Callable[[str], None]
Engine = Literal["local", "ray"]  # where the stages over every article run: in this process, or on Ray
BRIEFING = "briefing"  # each story's folder holds briefing.json, briefing.md and briefing.html


def _silent(_line: str) -> None:
    return None


@dataclass(frozen=True)
class StoryPlan:
    """What a run will do: the index it will write (new articles placed), and what it noticed."""

    folder: Path
    index: StoryIndex
    notes: list[str]
    added: int  # articles new to the index (near-copies included)
    folded: int  # of them, near-copies folded into another article
    read: dict[str, Document] = field(default_factory=dict)  # sha256 -> the article, as read

    def document(self, article: StoryArticle) -> Document:
        """The article as read when planning (read again if it was not)."""
        found = self.read.get(article.sha256)
        return found if found is not None else load_document(self.folder / article.path)

    def waiting(self) -> list[Story]:
        """The stories whose briefing lacks some of their articles, or failed, in index order."""
        return [s for s in self.index.stories if s.waiting or s.status != "briefed"]


def _relative(path: str, folder: Path) -> str:
    return os.path.relpath(Path(path).resolve(), folder.resolve())


def _held(folder: Path, article: StoryArticle, story: Story) -> Document:
    """An article the index holds, read again (grouping the new ones compares them with it)."""
    path = folder / article.path
    document = load_document(path)
    if document.sha256 != article.sha256:
        raise InputError(str(path), f"changed since it was put in story {story.id} (sha256 differs)")
    return document


def _copy(document: Document, folder: Path) -> ArticleCopy:
    return ArticleCopy(path=_relative(document.name, folder), sha256=document.sha256, outlet=document.outlet)


def _article(document: Document, folder: Path, copies: Sequence[Document] = ()) -> StoryArticle:
    return StoryArticle(
        path=_relative(document.name, folder),
        sha256=document.sha256,
        title=document.title,
        outlet=document.outlet,
        published=document.published,
        copies=[_copy(c, folder) for c in copies],
    )


def _next_id(index: StoryIndex) -> str:
    ids = {s.id for s in index.stories}
    number = len(ids) + 1
    while f"S{number}" in ids:
        number += 1
    return f"S{number}"


def plan_stories(
    documents: Sequence[Document],
    folder: str | Path,
    *,
    similarity: float | None = None,
    copy_similarity: float = COPY_SIMILARITY,
    engine: Engine = "local",
) -> StoryPlan:
    """Where each of ``documents`` goes among the stories of ``folder``'s index (none yet if it has
    no index): near-copies folded, then each article into a story it joins or a new one, at
    ``similarity`` (by default the index's own, so that a desk goes on grouping as it began, or
    ``STORY_SIMILARITY`` for a new one; one given is recorded). Reads the articles the index holds
    to compare with; writes nothing."""
    folder = Path(folder)
    saved = folder / INDEX_NAME
    index = (
        load_index(saved)
        if saved.exists()
        else StoryIndex(similarity=STORY_SIMILARITY if similarity is None else similarity)
    )
    index = index.model_copy(deep=True)
    if similarity is not None:
        index.similarity = similarity
    similarity = index.similarity
    notes: list[str] = []
    held: dict[str, str] = {}
    known: list[Document] = []
    places: list[tuple[Story, StoryArticle]] = []
    groups: list[list[int]] = []
    for story in index.stories:
        groups.append([])
        for article in story.articles:
            held[article.sha256] = story.id
            held.update((c.sha256, story.id) for c in article.copies)
            groups[-1].append(len(known))
            known.append(_held(folder, article, story))
            places.append((story, article))
    fresh: list[Document] = []
    again = 0
    for document in documents:
        if document.sha256 in held:
            again += 1
            continue
        fresh.append(document)  # the same text twice (two outlets) is folded as a near-copy below
    if again:
        notes.append(f"{count(again, 'article')} already in the stories; not added again")
    everything = [*known, *fresh]
    kept = list(range(len(known)))  # places in ``everything`` of the articles a briefing reads
    copies: dict[int, list[Document]] = {}  # place in ``kept`` -> its new near-copies
    texts = texts_of([(d.title, d.text) for d in everything])
    signed = ray_engine.signatures(texts) if engine == "ray" else None
    for members in copy_groups(texts, copy_similarity, signed, fresh_from=len(known)):
        first = members[0] if members[0] < len(known) else None
        if first is None:
            kept.append(members[0])
            first = len(kept) - 1
        copies[first] = [everything[m] for m in members[1:] if m >= len(known)]
    grown = grow(groups, [texts[i] for i in kept], similarity)
    for number, members in enumerate(grown):
        if number < len(index.stories):
            story = index.stories[number]
        else:
            story = Story(id=_next_id(index), title="", articles=[])
            index.stories.append(story)
        for member in members:
            if member >= len(known):
                story.articles.append(_article(everything[kept[member]], folder, copies.get(member, ())))
            elif copies.get(member):
                _, article = places[member]
                article.copies += [_copy(c, folder) for c in copies[member]]
        if not story.title:
            first_article = story.articles[0]
            story.title = first_article.title or Path(first_article.path).stem
    folded = sum(len(c) for c in copies.values())
    return StoryPlan(folder, index, notes, len(fresh), folded, {d.sha256: d for d in everything})


def save_index(plan: StoryPlan) -> None:
    """The index as JSON (the job's state) and as a page, each written whole."""
    write_atomic(plan.folder / INDEX_NAME, plan.index.model_dump_json(indent=2) + "\n")
    write_atomic(plan.folder / "index.html", index_page(plan.index))


def _story_document(plan: StoryPlan, article: StoryArticle, where: Path) -> Document:
    """A story's article, named from the story's folder so that its briefing finds it from there."""
    return replace(plan.document(article), name=_from_story(plan, article, where))


def _from_story(plan: StoryPlan, article: StoryArticle, where: Path) -> str:
    return os.path.relpath((plan.folder / article.path).resolve(), where.resolve())


def _named_as_given(say: Progress, plan: StoryPlan, job: _Briefing) -> Progress:
    """What is said of one story, its articles named as the user would name them (from where the
    command runs), not from the story's folder as its briefing names them ('news/a.txt', not
    '../../news/a.txt')."""
    names = {
        _from_story(plan, a, job.where): os.path.relpath(plan.folder / a.path) for a in job.story.articles
    }
    ordered = sorted(names.items(), key=lambda pair: -len(pair[0]))  # 'a.txt.bak' before 'a.txt'

    def tell(line: str) -> None:
        for story_name, given in ordered:
            line = line.replace(story_name, given)
        say(line)

    return tell


@dataclass
class _Briefing:
    """A story about to be briefed: its folder, its saved briefing (if any) and the sources it lacks."""

    story: Story
    where: Path
    previous: update.Previous | None
    sources: list[Source]

    @property
    def earlier(self) -> list[Source]:
        return self.previous.sources if self.previous else []


def _prepared(story: Story, plan: StoryPlan, cache_dir: str | None) -> _Briefing:
    where = plan.folder / story.id
    saved = where / f"{BRIEFING}.json"
    previous = update.previous_briefing(saved, cache_dir=cache_dir) if saved.exists() else None
    job = _Briefing(story, where, previous, [])
    held = _extracted(job.previous.briefing) if job.previous else set()  # one that failed is extracted again
    failed = job.previous.briefing.left_out() if job.previous else []
    documents = [_story_document(plan, a, where) for a in story.articles if a.sha256 not in held]
    job.sources = sources_of(documents, job.earlier, retry=failed) if documents else []
    return job


def _extracted(briefing: Briefing) -> set[str]:
    """The texts (sha256) of a briefing's sources that were extracted."""
    left_out = set(briefing.left_out())
    return {r.sha256 for r in briefing.sources if r.id not in left_out}


async def _brief(
    job: _Briefing,
    model: Model,
    settings: Settings,
    say: Progress,
    outcomes: Sequence[SourceOutcome] | None = None,
) -> Usage:
    """Brief the story, or update its saved briefing with the sources it lacks (extracted here,
    or their ``outcomes`` given); its files are written whole, the JSON last (a re-run reads it
    to know what the briefing holds)."""
    story, spent = job.story, Usage()
    held = _extracted(job.previous.briefing) if job.previous else set()
    if job.sources:
        job.where.mkdir(exist_ok=True)
        if outcomes is None:
            briefing = await pipeline.asummarize(
                job.sources, settings=settings, model=model, progress=say, since=job.previous, one_story=True
            )
        else:
            briefing = await pipeline.abrief_from(
                job.sources, outcomes, settings=settings, model=model, progress=say, since=job.previous
            )
        everything = [*job.earlier, *job.sources]
        write_atomic(job.where / f"{BRIEFING}.md", render.render_briefing(briefing, "md", everything))
        write_atomic(job.where / f"{BRIEFING}.html", render.render_briefing(briefing, "html", everything))
        write_atomic(job.where / f"{BRIEFING}.json", render.render_briefing(briefing, "json", everything))
        story.title = briefing.title
        held = _extracted(briefing)  # a source left out stays waiting: the next run extracts it again
        spent = sum(briefing.generation.usage.values(), Usage())
        left_out = briefing.left_out()
        story.error = (
            f"source {', '.join(left_out)} could not be extracted; the briefing leaves it out"
            if left_out
            else None
        )
    story.briefed = [a.sha256 for a in story.articles if a.sha256 in held]
    story.status = "briefed"
    return spent


@dataclass(frozen=True)
class StoriesRun:
    index: StoryIndex
    usage: Usage  # what this run's calls cost (answers from the cache counted as first asked)

    @property
    def failed(self) -> list[str]:
        """The stories that could not be briefed."""
        return [s.id for s in self.index.stories if s.status == "failed"]

    @property
    def incomplete(self) -> list[str]:
        """The stories briefed with a source left out (it could not be extracted)."""
        return [s.id for s in self.index.stories if s.status == "briefed" and s.error]


async def abrief_stories(
    plan: StoryPlan,
    *,
    settings: Settings | None = None,
    model: Model | str | None = None,
    progress: Progress | None = None,
    engine: Engine = "local",
    **overrides: Any,
) -> StoriesRun:
    """Brief every story of ``plan`` that waits for it, several at once (their model calls
    together within ``concurrency``), saving the index after each. A story whose briefing fails (``ModelError``) is marked failed with its reason, and the
    others go on; run the job again to retry it. With the ``ray`` engine, every waiting story's
    sources are extracted on the cluster first, then each story is briefed from its outcomes."""
    say = progress or _silent
    settings, model = settings_of(settings, overrides, model)
    if settings.batch and engine == "ray":
        raise ConfigError("--batch and --engine ray each share out the extraction: choose one")
    plan.folder.mkdir(parents=True, exist_ok=True)
    save_index(plan)
    jobs = [_prepared(story, plan, settings.cache_dir) for story in plan.waiting()]
    everything = [source for job in jobs for source in job.sources]  # every story's, in order
    extracted: dict[str, list[SourceOutcome]] = {}
    if engine == "ray":
        ray_engine.started()  # here, not in the thread that waits for the cluster
        say(f"extracting {count(len(everything), 'source')} of {count(len(jobs), 'story', 'stories')} on Ray")
        outcomes = iter(await asyncio.to_thread(ray_engine.extract, everything, settings, model))
        extracted = {job.story.id: [next(outcomes) for _ in job.sources] for job in jobs}
    async with opened(model, settings) as filling:
        if settings.batch and engine == "local":  # one batch for every story's extraction
            filling = await pipeline.batched(filling, everything, settings, say)
            settings = replace(settings, batch=False)
        # stories are briefed side by side, their calls together within --concurrency
        shared, stories = Bounded(filling, settings.concurrency), asyncio.Semaphore(settings.concurrency)

        async def brief(number: int, job: _Briefing) -> Usage:
            story = job.story
            async with stories:
                say(
                    f"story {story.id} ({number}/{len(jobs)}): {count(len(story.waiting), 'article')} to brief"
                )
                try:
                    return await _brief(
                        job, shared, settings, _named_as_given(say, plan, job), extracted.get(story.id)
                    )
                except ModelError as error:
                    story.status, story.error = "failed", str(error)
                    say(f"story {story.id}: {error}")
                    return error.usage or Usage()
                finally:
                    save_index(plan)  # after each story: a job killed later goes on from here

        spent = await asyncio.gather(*(brief(n, job) for n, job in enumerate(jobs, start=1)))
    return StoriesRun(plan.index, sum(spent, Usage()))


def brief_stories(
    inputs: Sequence[str | Path | Document],
    folder: str | Path,
    *,
    similarity: float | None = None,
    settings: Settings | None = None,
    model: Model | str | None = None,
    progress: Progress | None = None,
    engine: Engine = "local",
    **overrides: Any,
) -> StoriesRun:
    """The articles (paths or documents) grouped into the stories of ``folder`` (its index, if it
    has one, goes on), and every story that waits briefed there: ``plan_stories`` then
    ``abrief_stories``. Every article is read before any model call."""
    paths = [i for i in inputs if not isinstance(i, Document)]
    read = iter(ray_engine.read(paths) if engine == "ray" and paths else [load_document(p) for p in paths])
    documents = [i if isinstance(i, Document) else next(read) for i in inputs]
    plan = plan_stories(documents, folder, similarity=similarity, engine=engine)
    return run_coroutine(
        abrief_stories(plan, settings=settings, model=model, progress=progress, engine=engine, **overrides)
    )


def describe_plan(plan: StoryPlan) -> str:
    """One line on what grouping found."""
    stories = plan.index.stories
    fresh = sum(1 for s in stories if s.status == "pending" and not s.briefed)
    return (
        f"grouping: {count(plan.added, 'new article')} ({count(plan.folded, 'near-copy', 'near-copies')} folded) "
        f"into {count(len(stories), 'story', 'stories')}, {fresh} new; "
        f"{count(len(plan.waiting()), 'story', 'stories')} to brief"
    )
