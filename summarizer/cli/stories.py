"""``summarizer stories``: a folder (or files) of articles into stories, one briefing each, with
an index; run again, it goes on where it stopped and adds the articles that came since."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..documents.readers import READERS
from ..errors import ConfigError, InputError
from ..running import run_coroutine
from ..text import count
from .options import CacheTally, dry_run_option, fail, model_options, progress, report_usage, reports_errors
from .startup import load_libraries

ARTICLE_SUFFIXES = {*READERS, ".txt", ".md"}


def article_paths(given: tuple[str, ...], output: Path) -> list[Path]:
    """Each file given, and every article file under each folder given (by suffix, hidden ones
    and the output folder left out), in a stable order."""
    found: list[Path] = []
    inside = output.resolve()
    for name in given:
        path = Path(name)
        if name == "-":
            raise InputError(name, "stories reads files and folders, not stdin")
        if path.is_dir():
            for candidate in sorted(path.rglob("*")):
                resolved = candidate.resolve()
                if resolved == inside or inside in resolved.parents:
                    continue
                hidden = any(part.startswith(".") for part in candidate.relative_to(path).parts)
                if candidate.is_file() and not hidden and candidate.suffix.lower() in ARTICLE_SUFFIXES:
                    found.append(candidate)
        else:
            found.append(path)  # read, and refused if it cannot be, with the others
    if not found:
        raise InputError(", ".join(given), "holds no article files (.txt, .md, .html, .json)")
    return found


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "-o",
    "--output-dir",
    type=click.Path(file_okay=False),
    help="The folder for the stories: index.json, index.html and a folder of briefings a story. "
    "If it holds an index already, the run goes on from it.",
)
@click.option(
    "--since",
    type=click.Path(dir_okay=False),
    help="A stories index (index.json) to add INPUTS to: they join its stories or start new ones, "
    "and the briefings they touch are updated. Its folder is the output folder.",
)
@click.option(
    "--similarity",
    type=click.FloatRange(0.0, 1.0),
    help="Mean similarity (0-1) at which two groups of articles of one topic are one story [default 0.13; "
    "with --since, the index's own]. Higher splits more.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    help="Where reading, near-copy signatures and extraction run: in this process, or on Ray (the ray "
    "extra; the cluster RAY_ADDRESS names, else a local one) [default local].",
)
@dry_run_option
@model_options
@reports_errors
def stories(
    inputs: tuple[str, ...],
    output_dir: str | None,
    since: str | None,
    similarity: float | None,
    engine: str,
    dry_run: bool,
    **options: Any,
) -> None:
    """Group the articles of INPUTS (folders or files) into stories and write one briefing per
    story, with an index, into the output folder. Near-copies of an article (syndicated copies)
    are one source, their outlets listed. Run again after a stop, it briefs only what is not done."""
    from dataclasses import replace

    from ..documents import load_document
    from ..plan import plan, report
    from ..settings import Settings
    from ..stories import INDEX_NAME, abrief_stories, describe_plan, plan_stories
    from ..stories.desk import Engine
    from ..text import sources_of

    if since and output_dir and Path(since).parent.resolve() != Path(output_dir).resolve():
        raise click.UsageError(
            "--since names an index; its folder is the output folder, so give one of the two"
        )
    if since and Path(since).name != INDEX_NAME:
        raise InputError(since, f"is not a stories index: `summarizer stories` names its index {INDEX_NAME}")
    if since and not Path(since).is_file():
        raise InputError(since, "does not exist")
    if not since and not output_dir:
        raise click.UsageError("give the output folder (-o DIR), or --since DIR/index.json to add to one")
    folder = Path(since).parent if since else Path(str(output_dir))
    if folder.exists() and not folder.is_dir():
        raise InputError(str(folder), "is not a folder")
    settings = Settings.from_env(**options)
    if settings.batch and engine == "ray":
        raise ConfigError("--batch and --engine ray each share out the extraction: choose one")
    paths = article_paths(inputs, folder)
    chosen: Engine = "ray" if engine == "ray" else "local"
    progress(f"reading {count(len(paths), 'article file')}" + (" on Ray" if chosen == "ray" else ""))
    if chosen == "ray":
        from ..stories import ray_engine

        documents = ray_engine.read(paths)  # every article read before any call
    else:
        documents = [load_document(path) for path in paths]
    planned = plan_stories(documents, folder, similarity=similarity, engine=chosen)
    for note in planned.notes:
        progress(note)
    progress(describe_plan(planned))
    waiting = planned.waiting()
    if dry_run:
        calls = []
        for story in waiting:
            progress(f"  {story.id}: {count(len(story.waiting), 'article')} to brief: {story.title}")
            sources = sources_of([planned.document(a) for a in story.waiting])
            calls += [
                replace(c, source=f"{story.id} {c.source}") for c in plan(sources, settings, synthesis=True)
            ]
        click.echo(report(calls, settings))
        return
    if not waiting:
        progress(f"{folder / INDEX_NAME}: every story is briefed; nothing to do")
        return
    load_libraries()
    with CacheTally() as cached:
        run = run_coroutine(abrief_stories(planned, settings=settings, progress=progress, engine=chosen))
    report_usage(settings.model, run.usage, cached.usage)
    progress(f"wrote {folder / INDEX_NAME} and {folder / 'index.html'}")
    if run.failed:
        fail(
            f"{count(len(run.failed), 'story', 'stories')} could not be briefed ({', '.join(run.failed)}); "
            "run again to retry",
            1,
        )
    if run.incomplete:
        fail(
            f"{count(len(run.incomplete), 'story', 'stories')} briefed with a source left out "
            f"({', '.join(run.incomplete)}); the index says which",
            1,
        )
