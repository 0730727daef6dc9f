"""The command line: a thin client of the library. ``main`` is the ``summarizer`` command; each
command lives in its own module and is added here."""

from __future__ import annotations

import atexit
import gc
import logging

# A run imports thousands of classes (pydantic, openai) that live until it ends: collecting the
# young generation every 700 allocations while they are built is wasted work.
gc.set_threshold(50_000, 20, 20)

import click  # noqa: E402

from .cache import cache  # noqa: E402
from .commands import brief, check, diff, extract, render, schema  # noqa: E402
from .evaluate import evaluate  # noqa: E402
from .evaluate_events import eval_events  # noqa: E402, F401  (adds `eval events`)
from .evaluate_support import eval_support  # noqa: E402, F401  (adds `eval support`)
from .options import OneLineErrors, ProgressHandler  # noqa: E402
from .stories import stories  # noqa: E402


@click.group(cls=OneLineErrors, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="summarizer")
def main() -> None:
    """Turn news articles into briefing notes whose every line cites its sources."""
    # instructor logs every failed attempt at ERROR; the CLI reports failures itself, once.
    logging.getLogger("instructor").addHandler(logging.NullHandler())
    logging.getLogger("instructor").propagate = False
    own = logging.getLogger("summarizer")
    if not any(isinstance(h, ProgressHandler) for h in own.handlers):
        own.addHandler(ProgressHandler(logging.WARNING))
    # At exit, tearing down the many classes the openai and pydantic imports create costs a
    # fifth of a second of garbage collection; frozen objects are left to the OS instead.
    atexit.register(gc.freeze)


for command in (extract, brief, stories, render, diff, schema, check, evaluate, cache):
    main.add_command(command)

__all__ = ["main"]
