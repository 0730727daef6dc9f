"""What the commands share: options for the model and for documents, progress and usage lines on
stderr, and errors turned into one line and an exit code, never a traceback."""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from ..errors import SummarizerError
from ..settings import MODES
from ..text import count
from ..vocabulary import METADATA

if TYPE_CHECKING:
    from ..schema.usage import Usage
    from ..settings import Settings
    from ..text import Source

F = TypeVar("F", bound=Callable[..., Any])


def one_line(text: str) -> str:
    """Text on one line whatever it holds: a file name with a newline or a control character in
    it is shown escaped ('a\\nb.txt'), so an error stays the one line a script reads."""
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def fail(message: str, code: int) -> NoReturn:
    click.echo(f"summarizer: error: {one_line(message)}", err=True)
    sys.exit(code)


class OneLineErrors(click.Group):
    """The command group, its usage errors said as every other error is: one line, naming what is
    wrong and where to read how to call it, exit 2 (not click's four-line usage block)."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            value = super().main(args, prog_name, standalone_mode=False, **extra)
        except click.UsageError as error:
            where = error.ctx.command_path if error.ctx else "summarizer"
            fail(f"{error.format_message().rstrip('.')} (see '{where} --help')", error.exit_code)
        except click.ClickException as error:
            fail(error.format_message(), error.exit_code)
        except click.Abort:
            fail("interrupted", 130)
        if not standalone_mode:
            return value
        sys.exit(value if isinstance(value, int) else 0)


def reports_errors(command: F) -> F:
    """Library errors and interrupts as one line on stderr, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except SummarizerError as error:
            fail(str(error), error.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except BrokenPipeError:
            # the reader stopped reading ('| head'): not an error of ours; nothing more to write
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # usage errors: click words them itself (exit 2)
        except Exception as error:  # a bug: one line all the same; SUMMARIZER_DEBUG=1 shows where
            if os.environ.get("SUMMARIZER_DEBUG"):
                raise
            fail(
                f"internal error ({type(error).__name__}: {error}); rerun with SUMMARIZER_DEBUG=1 and report it",
                70,
            )

    return wrapper  # type: ignore[return-value]


def progress(line: str) -> None:
    click.echo(line, err=True)


class ProgressHandler(logging.Handler):
    """The library's warnings (a retry after a 429 or a 5xx, and why) as progress lines."""

    def emit(self, record: logging.LogRecord) -> None:
        progress(self.format(record))


def report_usage(model: str, usage: Usage, cached: Usage | None = None) -> None:
    """The tokens and cost of a run, on stderr: every run ends with it, failed ones too."""
    from ..llm.pricing import describe

    progress(
        f"usage: {count(usage.calls, 'call')}, {count(usage.reasks, 're-ask')}, {usage.prompt_tokens} prompt + "
        f"{usage.completion_tokens} completion tokens; {describe(model, usage)}{from_the_cache(model, usage, cached)}"
    )


def from_the_cache(model: str, usage: Usage, cached: Usage | None) -> str:
    """What a report adds when answers came from the response cache: they are counted as what
    they cost when first asked, and this run did not pay for them again."""
    from ..llm.pricing import describe
    from ..schema.usage import Usage

    if cached is None or not cached.calls:
        return ""
    spent = Usage(
        calls=max(usage.calls - cached.calls, 0),
        prompt_tokens=max(usage.prompt_tokens - cached.prompt_tokens, 0),
        completion_tokens=max(usage.completion_tokens - cached.completion_tokens, 0),
    )
    return (
        f" ({count(cached.calls, 'answer')} from the cache, counted as first asked and not paid again: "
        f"this run {count(spent.calls, 'call')}, {describe(model, spent)})"
    )


class CacheTally(logging.Handler):
    """Adds up the answers a run was served from the response cache (``summarizer.cache``)."""

    def __init__(self) -> None:
        from ..schema.usage import Usage

        super().__init__(logging.INFO)
        self.usage = Usage()

    def emit(self, record: logging.LogRecord) -> None:
        served = getattr(record, "usage", None)
        if served is not None:
            self.usage += served

    def __enter__(self) -> CacheTally:
        cache_log = logging.getLogger("summarizer.cache")
        cache_log.setLevel(logging.INFO)
        cache_log.addHandler(self)
        return self

    def __exit__(self, *_: object) -> None:
        logging.getLogger("summarizer.cache").removeHandler(self)


def _published(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    from ..documents.document import DATE_FORMS, parse_date

    day = parse_date(value)
    if day is None:
        raise click.BadParameter(f"{value!r} is not {DATE_FORMS}")
    return day


def _apply(command: F, options: list[Callable[[F], F]]) -> F:
    for option in reversed(options):
        command = option(command)
    return command


def model_options(command: F) -> F:
    """--model, --base-url, --mode, ...: the settings every model-calling command takes."""
    return _apply(
        command,
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
                "--max-tokens",
                type=click.IntRange(min=1),
                help="Longest answer per call [env SUMMARIZER_MAX_TOKENS; default 16384]; local servers want less.",
            ),
            click.option(
                "--batch",
                is_flag=True,
                default=False,
                help="Send the extraction requests through the endpoint's Batch API (half the price; answers "
                "within 24 hours), polled every SUMMARIZER_BATCH_POLL seconds (default 30). Failed ones are asked live.",
            ),
            click.option(
                "--context-tokens",
                type=click.IntRange(min=1),
                help="The model's context, prompt and answer together [env SUMMARIZER_CONTEXT_TOKENS; default: "
                "the known model's, else no bound]. A synthesis that would pass it is made in stages.",
            ),
            click.option(
                "--timeout",
                type=float,
                help="Seconds to wait for one attempt [env SUMMARIZER_TIMEOUT; default 120]; a call "
                "makes up to 1 + SUMMARIZER_MAX_RETRIES (default 4) attempts.",
            ),
            click.option(
                "--call-timeout",
                type=float,
                help="Seconds for a whole call, retries included [env SUMMARIZER_CALL_TIMEOUT; default: no bound].",
            ),
            click.option(
                "--cache-dir", help="Response cache [env SUMMARIZER_CACHE_DIR; default: user cache]."
            ),
            click.option(
                "--no-cache", is_flag=True, default=False, help="Neither read nor write the response cache."
            ),
        ],
    )


def document_options(command: F) -> F:
    """--title, --outlet, --published, --url: metadata that wins over what is read from the text."""
    return _apply(
        command,
        [
            click.option("--title", help="Title, instead of the one read from the text."),
            click.option("--outlet", help="Outlet, instead of the one read from the text."),
            click.option("--published", callback=_published, help="Publication date (YYYY-MM-DD)."),
            click.option("--url", help="Address of the article."),
        ],
    )


def document_metadata(files: Sequence[str], options: dict[str, Any]) -> dict[str, Any]:
    """The metadata flags, taken out of ``options``; they describe one article, so they go with
    one file only."""
    meta: dict[str, Any] = {k: options.pop(k) for k in METADATA}
    given = [f"--{k}" for k, v in meta.items() if v is not None]
    if given and len(files) > 1:
        raise click.UsageError(
            f"{', '.join(given)} describe one article: give one file, or put them in a .json article"
        )
    return meta


def output_option(text: str) -> Callable[[F], F]:
    """``-o FILE``; ``-o -`` is stdout, as no ``-o`` is."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, allow_dash=True),
        callback=lambda _context, _option, value: None if value == "-" else value,
        help=f"{text} (- for stdout)",
    )


def format_option(
    formats: Iterable[str], text: str, default: str = "md", follows_output: bool = False
) -> Callable[[F], F]:
    """--format: the choices (a registry's names), what each gives, and the default; with
    ``follows_output``, the default is the one -o's suffix names (``output_format``)."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(formats)),
        default=None if follows_output else default,
        show_default=not follows_output,
        help=f"{text} [default: as -o's suffix says (.json, .html, .md), else {default}]."
        if follows_output
        else text + ".",
    )


_SUFFIX_FORMATS = {".json": "json", ".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}


def output_format(fmt: str | None, output: str | None, formats: Iterable[str], default: str = "md") -> str:
    """The format given, else the one the output file's suffix names ('note.json': json), else
    ``default``: a note written to note.json is JSON, as its name says."""
    if fmt is not None:
        return fmt
    named = _SUFFIX_FORMATS.get(Path(output).suffix.lower()) if output else None
    return named if named is not None and named in set(formats) else default


def dry_run_option(command: F) -> F:
    return click.option(
        "--dry-run", is_flag=True, help="Print the calls it would make and their cost; send nothing."
    )(command)


def dry_run_report(sources: Sequence[Source], settings: Settings, *, synthesis: bool) -> None:
    """--dry-run: the calls a run would make and what they would cost; nothing is sent."""
    from ..plan import plan, report

    click.echo(report(plan(sources, settings, synthesis=synthesis), settings))
