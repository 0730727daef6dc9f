"""What the caches on disk hold, and pruning what has not been used: the response cache (one
answer a request), the record of extractions already checked (``verified``), and the batches a
run is waiting for. A desk that briefs every day's news adds to the response cache every day;
every entry is marked when it is last used (``files.used``), so that what has not served a run
for a while can go. Only the caches' own entries are ever removed (files named by their key, in
the folders the caches write, never links), and never a batch still waited for: a run resumes
from it."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path

from .files import keyed_files
from .llm.batch import batch_folder
from .verified import FOLDER


@dataclass(frozen=True)
class Holding:
    """What one cache holds: how many entries, their bytes, and when the least and the most
    recently used were last used (seconds since the epoch; None when it holds none)."""

    what: str
    entries: int
    size: int
    oldest: float | None = None
    newest: float | None = None


def _kinds(cache_dir: Path) -> dict[str, list[Path]]:
    return {
        "answers": list(keyed_files(cache_dir, ".json")),
        "checked extractions": list(keyed_files(cache_dir / FOLDER)),
    }


def _holding(what: str, stats: list[os.stat_result]) -> Holding:
    times = [s.st_mtime for s in stats]
    return Holding(
        what, len(stats), sum(s.st_size for s in stats), min(times, default=None), max(times, default=None)
    )


def _stats(files: list[Path]) -> list[os.stat_result]:
    found = []
    for path in files:
        try:
            found.append(path.stat())
        except OSError:
            continue  # removed by another run meanwhile
    return found


def survey(cache_dir: str | Path) -> list[Holding]:
    """What the caches beside ``cache_dir`` hold: its answers, its checked extractions, and the
    batches waited for."""
    directory = Path(cache_dir)
    held = [_holding(what, _stats(files)) for what, files in _kinds(directory).items()]
    batches = [p for p in batch_folder(directory).glob("*.json") if p.is_file() and not p.is_symlink()]
    return [*held, _holding("batches waited for", _stats(batches))]


def prune(cache_dir: str | Path, unused_days: float, now: float | None = None) -> list[Holding]:
    """Removes the answers and checked extractions not used for ``unused_days`` days, and says
    what was removed. A run that needs one again asks for it (or checks it) again."""
    cutoff = (time.time() if now is None else now) - unused_days * 86400
    removed = []
    for what, files in _kinds(Path(cache_dir)).items():
        gone = []
        for path in files:
            try:
                stat = path.stat()
                if stat.st_mtime < cutoff:
                    path.unlink()
                    gone.append(stat)
            except OSError:
                continue  # removed meanwhile, or not ours to remove: left as it is
        removed.append(_holding(what, gone))
    return removed
