"""`summarizer cache`: what the response cache holds, and pruning what no run has used for a
while. An entry is marked when used, so a day's re-run keeps what it needs; only the caches' own
entries go, never another file, a link, or a batch a run waits for."""

import json
import os
import time
from pathlib import Path

from click.testing import CliRunner

from summarizer.cli import main
from summarizer.llm.cache import ResponseCache
from summarizer.verified import Verified

DAY = 86400


def aged(path: Path, days: float) -> None:
    moment = time.time() - days * DAY
    os.utime(path, (moment, moment))


def run(*args: str) -> tuple[int, str, str]:
    done = CliRunner().invoke(main, ["cache", *args])
    return done.exit_code, done.stdout, done.stderr


def test_a_used_entry_is_marked_and_an_unused_one_pruned(tmp_path: Path) -> None:
    directory = tmp_path / "responses"
    cache = ResponseCache(directory)
    old, kept = cache.key(None, {"n": 1}), cache.key(None, {"n": 2})
    for key in (old, kept):
        cache.put(key, {"answer": key})
        aged(directory / key[:2] / f"{key}.json", 40)
    assert cache.get(kept) == {"answer": kept}  # used now: no longer 40 days unused
    checked = Verified.beside(str(directory))
    assert checked is not None
    checked.remember("c" * 64)
    aged(directory / "verified" / "cc" / ("c" * 64), 40)
    # what is not the caches': a note, a file of another name in a key's folder, a link to an entry
    (directory / "notes.txt").write_text("mine")
    (directory / old[:2] / "mine.json").write_text("{}")
    (directory / "ff").mkdir(exist_ok=True)
    (directory / "ff" / ("f" * 64 + ".json")).symlink_to(directory / old[:2] / f"{old}.json")
    batch = directory.parent / "batches" / f"{'b' * 64}.json"
    batch.parent.mkdir()
    batch.write_text(json.dumps({"batch": "batch_1"}))
    aged(batch, 40)

    code, out, _ = run("--cache-dir", str(directory))
    assert code == 0
    assert "answers: 2 entries" in out and "checked extractions: 1 entry" in out
    assert "batches waited for: 1 entry" in out

    code, out, _ = run("--cache-dir", str(directory), "--prune-unused", "30")
    assert code == 0
    assert "removed: answers: 1 entry" in out and "removed: checked extractions: 1 entry" in out
    assert not (directory / old[:2] / f"{old}.json").exists()
    assert (directory / kept[:2] / f"{kept}.json").exists()
    assert not checked.holds("c" * 64)
    assert (directory / "notes.txt").read_text() == "mine" and (directory / old[:2] / "mine.json").exists()
    assert (directory / "ff" / ("f" * 64 + ".json")).is_symlink() and batch.exists()

    code, out, _ = run("--cache-dir", str(directory), "--format", "json")
    held = {c["what"]: c["entries"] for c in json.loads(out)["caches"]}
    assert held == {"answers": 1, "checked extractions": 0, "batches waited for": 1}


def test_a_checked_extraction_found_is_marked_used(tmp_path: Path) -> None:
    checked = Verified(tmp_path / "verified")
    checked.remember("a" * 64)
    record = tmp_path / "verified" / "aa" / ("a" * 64)
    aged(record, 10)
    assert checked.holds("a" * 64)
    assert time.time() - record.stat().st_mtime < DAY


def test_no_cache_or_a_bad_one_is_one_line_and_exit_2(tmp_path: Path) -> None:
    file = tmp_path / "file"
    file.write_text("x")
    code, _, err = run("--cache-dir", str(file))
    assert code == 2 and err.count("\n") == 1 and "is a file" in err
    done = CliRunner().invoke(main, ["cache"], env={"SUMMARIZER_NO_CACHE": "1"})
    assert done.exit_code == 2 and "no response cache is in use" in done.stderr
    code, _, err = run("--cache-dir", str(tmp_path), "--prune-unused", "-1")
    assert code == 2 and err.count("\n") == 1
    # a cache not made yet holds nothing, and is not made by looking
    code, out, _ = run("--cache-dir", str(tmp_path / "none"))
    assert code == 0 and "answers: 0 entries" in out and not (tmp_path / "none").exists()
