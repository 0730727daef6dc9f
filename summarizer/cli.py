"""The command line: a thin layer over the library. Errors become one line and an exit code."""

from __future__ import annotations

import asyncio
import functools
import logging
import sys
from collections.abc import Callable
from datetime import date
from typing import Any, TypeVar

import click

from .errors import SummarizerError

F = TypeVar("F", bound=Callable[..., Any])


def _fail(message: str, code: int) -> None:
    click.echo(f"summarizer: error: {message}", err=True)
    sys.exit(code)


def reports_errors(command: F) -> F:
    """Library errors and interrupts as one line on stderr, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except SummarizerError as error:
            _fail(str(error), error.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted", 130)

    return wrapper  # type: ignore[return-value]


def _published(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    from .documents import parse_date

    day = parse_date(value)
    if day is None:
        raise click.BadParameter(f"{value!r} is not a date (try 2023-09-30)")
    return day


def _report_usage(model: str, usages: list[Any]) -> None:
    from .pricing import describe
    from .results import Usage

    total = sum((u for u in usages if isinstance(u, Usage)), Usage())
    click.echo(
        f"usage: {total.calls} calls, {total.reasks} re-asks, {total.prompt_tokens} prompt + "
        f"{total.completion_tokens} completion tokens; {describe(model, total)}",
        err=True,
    )


def _dry_run(documents: list[Any], settings: Any, *, synthesis: bool) -> None:
    from .plan import plan, report

    click.echo(report(plan(documents, settings, synthesis=synthesis), settings))


def _progress(line: str) -> None:
    click.echo(line, err=True)


def model_options(command: F) -> F:
    """--model, --base-url, --mode, --concurrency: the settings every model-calling command takes."""
    from .settings import MODES

    for option in reversed(
        [
            click.option("--model", help="Model name [env SUMMARIZER_MODEL; default gpt-4o-mini]."),
            click.option("--base-url", help="OpenAI-compatible server URL [env OPENAI_BASE_URL]."),
            click.option(
                "--mode",
                type=click.Choice(MODES),
                help="How the model returns structure [env SUMMARIZER_MODE; default tools].",
            ),
            click.option(
                "--concurrency", type=click.IntRange(min=1), help="Documents processed at once [default 4]."
            ),
            click.option(
                "--max-tokens", type=click.IntRange(min=1), help="Longest answer per call [default 4096]."
            ),
            click.option("--timeout", type=click.FloatRange(min=1), help="Seconds per call [default 120]."),
            click.option(
                "--cache-dir", help="Response cache [env SUMMARIZER_CACHE_DIR; default: user cache]."
            ),
            click.option(
                "--no-cache", is_flag=True, default=False, help="Neither read nor write the response cache."
            ),
        ]
    ):
        command = option(command)
    return command


def document_options(command: F) -> F:
    for option in reversed(
        [
            click.option("--title", help="Title, instead of the one read from the text."),
            click.option("--outlet", help="Outlet, instead of the one read from the text."),
            click.option("--published", callback=_published, help="Publication date (YYYY-MM-DD)."),
            click.option("--url", help="Address of the article."),
        ]
    ):
        command = option(command)
    return command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summarizer")
def main() -> None:
    """Turn news articles into briefing notes whose every line cites its sources."""
    # instructor logs every failed attempt at ERROR; the CLI reports failures itself, once.
    logging.getLogger("instructor").addHandler(logging.NullHandler())
    logging.getLogger("instructor").propagate = False


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option("--dry-run", is_flag=True, help="Print the calls it would make and their cost; send nothing.")
@document_options
@model_options
@reports_errors
def extract(files: tuple[str, ...], fmt: str, dry_run: bool, **options: Any) -> None:
    """Extract grounded actors, events and claims from FILES (.txt, .md, .html, .json, - for stdin)."""
    from .documents import load_document
    from .extraction import aextract_all
    from .render import extraction_markdown, to_json
    from .results import Extraction
    from .settings import Settings

    meta = {k: options.pop(k) for k in ("title", "outlet", "published", "url")}
    settings = Settings.from_env(**options)
    documents = [load_document(path, **meta) for path in files]  # all inputs read before any call
    if dry_run:
        _dry_run(documents, settings, synthesis=False)
        return
    settings = settings.require_endpoint()
    click.echo(f"extracting {len(documents)} document(s) with {settings.model} ({settings.mode})", err=True)
    results = asyncio.run(aextract_all(documents, settings, progress=_progress))
    done = [r for r in results if isinstance(r, Extraction)]
    _report_usage(
        settings.model,
        [r.generation.usage if isinstance(r, Extraction) else getattr(r, "usage", None) for r in results],
    )
    if fmt == "json":
        click.echo(to_json(done))
    elif done:
        click.echo("\n\n".join(extraction_markdown(r) for r in done))
    failures = [r for r in results if not isinstance(r, Extraction)]
    if failures:
        for failure in failures:
            click.echo(f"summarizer: error: {failure}", err=True)
        sys.exit(1)


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the note here (atomically) instead of stdout.",
)
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option("--dry-run", is_flag=True, help="Print the calls it would make and their cost; send nothing.")
@model_options
@reports_errors
def brief(files: tuple[str, ...], output: str | None, fmt: str, dry_run: bool, **options: Any) -> None:
    """Write a briefing note on the story that FILES report (.txt, .md, .html, .json, - for stdin)."""
    from .documents import load_document
    from .output import write_atomic
    from .pipeline import summarize
    from .render import briefing_json, briefing_markdown
    from .settings import Settings

    settings = Settings.from_env(**options)
    documents = [load_document(path) for path in files]  # all inputs read before any call
    if dry_run:
        _dry_run(documents, settings, synthesis=True)
        return
    briefing = summarize(documents, settings=settings.require_endpoint(), progress=_progress)
    text = briefing_json(briefing) + "\n" if fmt == "json" else briefing_markdown(briefing)
    if output:
        write_atomic(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
    usage = briefing.generation.usage
    from .pricing import describe
    from .results import Usage

    total = sum(usage.values(), Usage())
    click.echo(
        f"{describe(briefing.generation.model, total)}; usage: "
        + "; ".join(
            f"{step} {u.calls} calls, {u.reasks} re-asks, {u.prompt_tokens}+{u.completion_tokens} tokens"
            for step, u in usage.items()
        ),
        err=True,
    )
    failed = [s.id for s in briefing.sources if s.status == "failed"]
    if failed:
        click.echo(
            f"summarizer: error: source(s) {', '.join(failed)} could not be extracted; the note leaves them out",
            err=True,
        )
        sys.exit(1)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the briefing note (``--format json`` output of ``brief``)."""
    import json

    from .briefing import Briefing

    click.echo(json.dumps(Briefing.model_json_schema(), indent=2))


@main.command()
@click.argument("briefing", type=click.Path(dir_okay=False))
@click.argument("sources", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@reports_errors
def check(briefing: str, sources: tuple[str, ...], fmt: str) -> None:
    """Verify BRIEFING.json: its schema, and every citation against the SOURCES (default: the
    files the briefing names). Exit 0 when everything holds, 1 with every problem listed."""
    import json

    from .check import check_file

    problems = check_file(briefing, sources)
    if fmt == "json":
        click.echo(json.dumps({"ok": not problems, "problems": [p.__dict__ for p in problems]}, indent=2))
    else:
        for problem in problems:
            click.echo(str(problem))
        click.echo(f"{briefing}: {'ok' if not problems else f'{len(problems)} problem(s)'}", err=True)
    if problems:
        sys.exit(1)


@main.group(name="eval")
def evaluate() -> None:
    """Measure actor resolution, date normalisation and extraction on annotated news."""


@evaluate.command(name="dates")
@click.argument("directory", type=click.Path(file_okay=False))
@reports_errors
def eval_dates(directory: str) -> None:
    """Normalise every DATE timex of the MEANTIME-format files in DIRECTORY; accuracy by kind."""
    from .evaluation import CALENDAR_KINDS, evaluate_dates, load_articles

    cases = evaluate_dates(load_articles(directory))
    kinds = [*CALENDAR_KINDS, "reference", "other"]
    click.echo(f"{'kind':<10} {'n':>4} {'correct':>8} {'accuracy':>9}")
    for kind in kinds:
        group = [c for c in cases if c.kind == kind]
        if group:
            right = sum(c.correct for c in group)
            click.echo(f"{kind:<10} {len(group):>4} {right:>8} {right / len(group):>9.3f}")
    calendar = [c for c in cases if c.kind in CALENDAR_KINDS]
    accuracy = sum(c.correct for c in calendar) / len(calendar) if calendar else 0.0
    click.echo(f"dates accuracy: {accuracy:.3f} (n={len(calendar)})")


@evaluate.command(name="actors")
@click.argument("directory", type=click.Path(file_okay=False))
@reports_errors
def eval_actors(directory: str) -> None:
    """Cluster the named PER/ORG/LOC mentions of each topic in DIRECTORY; B³ and CEAF-e scores."""
    from .evaluation import b_cubed_overall, evaluate_actors, load_articles

    results = evaluate_actors(load_articles(directory))
    click.echo(
        f"{'topic':<10} {'mentions':>8} {'entities':>8} {'clusters':>8}  {'B3 P':>6} {'R':>6} {'F1':>6}  {'CEAF-e P':>8} {'R':>6} {'F1':>6}"
    )
    for r in results:
        click.echo(
            f"{r.topic:<10} {r.mentions:>8} {r.entities:>8} {r.clusters:>8}  {r.b3.precision:>6.3f} {r.b3.recall:>6.3f} "
            f"{r.b3.f1:>6.3f}  {r.ceaf.precision:>8.3f} {r.ceaf.recall:>6.3f} {r.ceaf.f1:>6.3f}"
        )
    overall = b_cubed_overall(results)
    click.echo(f"actors B3 F1: {overall.f1:.3f}")


@evaluate.command(name="extract")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option(
    "--limit", type=click.IntRange(min=1), default=5, show_default=True, help="Articles to extract."
)
@model_options
@reports_errors
def eval_extract(directory: str, limit: int, **options: Any) -> None:
    """Extract the first LIMIT articles of DIRECTORY with a live model: actor recall against the gold
    PER/ORG/LOC entities, grounding rate (cited quotes verified / all) and token usage."""
    from .evaluation import evaluate_extraction, load_articles
    from .settings import Settings

    settings = Settings.from_env(**options).require_endpoint()
    articles = load_articles(directory)[:limit]
    cases = asyncio.run(evaluate_extraction(articles, settings, progress=_progress))
    click.echo(
        f"{'article':<16} {'gold':>5} {'found':>6} {'cited':>6} {'verified':>8} {'calls':>6} {'tokens':>8}"
    )
    for c in cases:
        note = f"  failed: {c.error}" if c.error else ""
        click.echo(
            f"{c.article:<16} {c.gold_entities:>5} {c.found:>6} {c.cited:>6} {c.verified:>8} {c.calls:>6} "
            f"{c.prompt_tokens + c.completion_tokens:>8}{note}"
        )
    gold = sum(c.gold_entities for c in cases)
    cited = sum(c.cited for c in cases)
    failed = sum(1 for c in cases if c.error)
    click.echo(f"articles: {len(cases)}, failed: {failed}")
    click.echo(
        f"actor recall: {sum(c.found for c in cases) / gold if gold else 0:.3f} ({sum(c.found for c in cases)}/{gold})"
    )
    click.echo(
        f"grounding rate: {sum(c.verified for c in cases) / cited:.3f} ({sum(c.verified for c in cases)}/{cited})"
        if cited
        else "grounding rate: n/a (no citations in any answer)"
    )
    click.echo(
        f"tokens: {sum(c.prompt_tokens for c in cases)} prompt + {sum(c.completion_tokens for c in cases)} completion "
        f"in {sum(c.calls for c in cases)} calls"
    )
