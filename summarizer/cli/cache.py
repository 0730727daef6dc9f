"""``summarizer cache``: what the response cache and its companions hold, and pruning what has
not been used for a while."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime, timezone

import click

from ..text import count
from .options import format_option, reports_errors


def _day(moment: float | None) -> str:
    return datetime.fromtimestamp(moment, timezone.utc).strftime("%Y-%m-%d") if moment is not None else "-"


def _size(size: int) -> str:
    return f"{size / 1e6:.1f} MB" if size >= 100_000 else f"{size / 1e3:.1f} kB"


@click.command()
@click.option("--cache-dir", help="Response cache [env SUMMARIZER_CACHE_DIR; default: user cache].")
@click.option(
    "--prune-unused",
    "days",
    type=click.FloatRange(min=0),
    metavar="DAYS",
    help="Remove the answers and checked extractions no run has used for DAYS days (0: all of them).",
)
@format_option(["text", "json"], "text: a line a cache; json: the same as a list", default="text")
@reports_errors
def cache(cache_dir: str | None, days: float | None, fmt: str) -> None:
    """Say what the response cache holds (answers, checked extractions, batches waited for: how
    many, their size, when last used), or with --prune-unused remove what has not served a run for
    so many days. Only the cache's own entries are removed, never a batch a run waits for."""
    from ..caches import prune, survey
    from ..errors import ConfigError
    from ..settings import Settings

    directory = Settings.from_env(cache_dir=cache_dir).cache_dir
    if directory is None:
        raise ConfigError("no response cache is in use (SUMMARIZER_NO_CACHE is set)")
    held = prune(directory, days) if days is not None else survey(directory)
    if fmt == "json":
        click.echo(
            json.dumps(
                {"cache_dir": directory, "pruned": days is not None, "caches": [asdict(h) for h in held]}
            )
        )
        return
    click.echo(directory)
    for holding in held:
        removed = "removed: " if days is not None else ""
        used = f", last used {_day(holding.oldest)} to {_day(holding.newest)}" if holding.entries else ""
        click.echo(
            f"{removed}{holding.what}: {count(holding.entries, 'entry', 'entries')}, {_size(holding.size)}{used}"
        )
