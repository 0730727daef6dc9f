"""The commands that make and verify notes: ``extract``, ``brief``, ``schema`` and ``check``."""

from __future__ import annotations

import sys
from typing import Any

import click

from ..render import BRIEFING_FORMATS, CHANGES_FORMATS, EXTRACTION_FORMATS
from ..running import run_coroutine
from ..text import count, sources_of
from .options import (
    CacheTally,
    document_metadata,
    document_options,
    dry_run_option,
    dry_run_report,
    fail,
    format_option,
    from_the_cache,
    model_options,
    output_format,
    output_option,
    progress,
    report_usage,
    reports_errors,
)
from .startup import load_libraries


@click.command()
@click.argument("files", nargs=-1, required=True)
@output_option("Write the extractions here (atomically) instead of stdout.")
@format_option(
    EXTRACTION_FORMATS, "md: one section a source; json: a list of extractions", follows_output=True
)
@dry_run_option
@document_options
@model_options
@reports_errors
def extract(
    files: tuple[str, ...], output: str | None, fmt: str | None, dry_run: bool, **options: Any
) -> None:
    """Extract grounded actors, events and claims from FILES (.txt, .md, .html, .json, - for stdin)."""
    from ..documents import load_document
    from ..files import check_output, write_atomic
    from ..pipeline import extract_all
    from ..render import render_extractions
    from ..schema.usage import Usage
    from ..settings import Settings
    from ..stages.extract import Extracted, Failed

    meta = document_metadata(files, options)
    settings = Settings.from_env(**options)
    fmt = output_format(fmt, output, EXTRACTION_FORMATS)
    if output:
        check_output(output, files)
    sources = sources_of([load_document(path, **meta) for path in files])  # all read before any call
    for note in (note for source in sources for note in source.notes()):
        progress(note)
    if dry_run:
        dry_run_report(sources, settings, synthesis=False)
        return
    load_libraries()
    with CacheTally() as cached:
        outcomes = run_coroutine(extract_all(sources, settings=settings, progress=progress))
    report_usage(settings.model, sum((o.usage for o in outcomes), Usage()), cached.usage)
    done = [o.extraction for o in outcomes if isinstance(o, Extracted)]
    if output and done:
        write_atomic(output, render_extractions(done, fmt) + "\n")
        progress(f"wrote {output}")
    elif done or fmt == "json":
        click.echo(render_extractions(done, fmt))
    failures = [o for o in outcomes if isinstance(o, Failed)]
    for failure in failures:
        click.echo(f"summarizer: error: {failure.error}", err=True)
    if failures:
        sys.exit(1)


@click.command()
@click.argument("files", nargs=-1, required=True)
@output_option("Write the note here (atomically) instead of stdout.")
@format_option(
    BRIEFING_FORMATS,
    "md: the note to read; json: the Briefing (see `summarizer schema`); html: a page",
    follows_output=True,
)
@click.option(
    "--since",
    type=click.Path(dir_okay=False),
    help="A saved briefing (JSON) to update: only FILES are extracted, earlier ids are kept, "
    "and the note says what changed.",
)
@click.option(
    "--unsupported",
    type=click.Choice(["mark", "drop"]),
    help="A statement its citations do not support, after re-asking the model: kept and marked in the "
    "note, or dropped [env SUMMARIZER_UNSUPPORTED; default mark]. The warnings name each one.",
)
@dry_run_option
@document_options
@model_options
@reports_errors
def brief(
    files: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    since: str | None,
    dry_run: bool,
    **options: Any,
) -> None:
    """Write a briefing note on the story that FILES report (.txt, .md, .html, .json, - for stdin)."""
    from ..documents import load_document
    from ..errors import ModelError
    from ..files import check_output, write_atomic
    from ..llm.pricing import describe
    from ..pipeline import summarize
    from ..render import render_briefing
    from ..schema.usage import Usage
    from ..settings import Settings

    meta = document_metadata(files, options)
    settings = Settings.from_env(**options)
    if output:
        check_output(output, (*files, *([since] if since else [])))
    previous = None
    if since:  # checked before anything is spent; what checks it loads only for an update
        from ..update import previous_briefing

        previous = previous_briefing(since, cache_dir=settings.cache_dir)
    earlier = previous.sources if previous else []
    notes: list[str] = []
    sources = sources_of(
        [load_document(path, **meta) for path in files], earlier, notes
    )  # read before any call
    for note in notes:
        progress(note)
    if previous and not sources:
        raise previous.nothing_to_add()
    if dry_run:
        from ..pipeline import stories_told

        for warning in stories_told([*earlier, *sources]):
            progress(warning)
        dry_run_report(sources, settings, synthesis=True)
        return
    load_libraries()
    try:
        with CacheTally() as cached:
            briefing = summarize(sources, settings=settings, progress=progress, since=previous)
    except ModelError as error:
        report_usage(settings.model, error.usage or Usage(), cached.usage)
        raise
    text = render_briefing(briefing, output_format(fmt, output, BRIEFING_FORMATS), [*earlier, *sources])
    if output:
        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
    usage = briefing.generation.usage
    total = sum(usage.values(), Usage())
    click.echo(
        f"{describe(briefing.generation.model, total)}; usage: "
        + "; ".join(
            f"{step} {count(u.calls, 'call')}, {count(u.reasks, 're-ask')}, {u.prompt_tokens}+{u.completion_tokens} tokens"
            for step, u in usage.items()
        )
        + from_the_cache(briefing.generation.model, total, cached.usage),
        err=True,
    )
    failed = briefing.left_out()
    if failed:
        noun = "source" if len(failed) == 1 else "sources"
        fail(f"{noun} {', '.join(failed)} could not be extracted; the note leaves them out", 1)


@click.command()
@click.argument("briefing", type=click.Path(dir_okay=False))
@click.argument("sources", nargs=-1)
@output_option("Write the note here (atomically) instead of stdout.")
@format_option(
    BRIEFING_FORMATS,
    "md: the note to read; json: the Briefing; html: a page that shows each cited sentence in its article",
    follows_output=True,
)
@reports_errors
def render(briefing: str, sources: tuple[str, ...], output: str | None, fmt: str | None) -> None:
    """Render a saved BRIEFING.json without any model call. The articles' full text comes from
    SOURCES (default: the files the briefing names), each one checked against the briefing's
    hash; a source that is missing or changed shows its cited sentences only."""
    from ..files import check_output, write_atomic
    from ..render import render_briefing
    from ..store import load_briefing, read_sources

    if output:
        check_output(output, (briefing, *sources))
    note, base = load_briefing(briefing)
    texts, problems = read_sources(note, sources, base)
    for problem in problems:
        progress(f"{problem}; its cited sentences only are shown")
    text = render_briefing(note, output_format(fmt, output, BRIEFING_FORMATS), texts)
    if output:
        write_atomic(output, text)
        progress(f"wrote {output}")
    else:
        click.echo(text, nl=False)


@click.command()
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@format_option(CHANGES_FORMATS, "md: a list; json: the changes")
@reports_errors
def diff(old: str, new: str, fmt: str) -> None:
    """What NEW.json says that OLD.json (an earlier briefing of the same story) did not; no model
    call. Exit 0 when nothing changed, 1 when something did (a scheduled job can alert on it)."""
    from ..differences import diff as compare
    from ..render import render_changes
    from ..store import load_briefing

    found = compare(load_briefing(old)[0], load_briefing(new)[0])
    click.echo(render_changes(found, fmt), nl=False)
    if found.items:
        sys.exit(1)


@click.command()
def schema() -> None:
    """Print the JSON Schema of the briefing note (``--format json`` output of ``brief``)."""
    import json

    from ..schema.briefing import Briefing

    click.echo(json.dumps(Briefing.model_json_schema(), indent=2))


@click.command()
@click.argument("briefing", type=click.Path(dir_okay=False))
@click.argument("sources", nargs=-1)
@format_option(["text", "json"], "text: one line a problem; json: {ok, problems}", default="text")
@reports_errors
def check(briefing: str, sources: tuple[str, ...], fmt: str) -> None:
    """Verify BRIEFING.json: its schema, and every citation against the SOURCES (default: the
    files the briefing names). Exit 0 when everything holds, 1 with every problem listed, 2 when
    a source could not be read (the problems that could be found are listed too)."""
    import json

    from ..check import check_file

    problems = check_file(briefing, sources)
    if fmt == "json":
        listed = [{"where": p.where, "what": p.what} for p in problems]
        click.echo(json.dumps({"ok": not problems, "problems": listed}, indent=2))
    else:
        for problem in problems:
            click.echo(str(problem))
        click.echo(f"{briefing}: {'ok' if not problems else count(len(problems), 'problem')}", err=True)
    if problems:
        sys.exit(2 if any(p.unread for p in problems) else 1)
