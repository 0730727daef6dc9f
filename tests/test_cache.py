"""The response cache: a re-run on unchanged input makes no request, --no-cache bypasses it,
concurrent writers never leave a broken entry, and the key never reaches it."""

import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer.cli import main
from summarizer.llm.cache import ResponseCache


@pytest.mark.vcr
@pytest.mark.default_cassette("seeds_capable.yaml")
def test_rerun_is_served_from_the_cache(
    played_all: Any, monkeypatch: pytest.MonkeyPatch, seeds: list[Path], fake_key: str
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", fake_key)
    args = ["extract", *map(str, seeds), "--format", "json"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.stderr
    assert played_all.play_count == 2
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0, again.stderr
    assert played_all.play_count == 2  # no request: the cassette would refuse a third one
    assert again.stdout == first.stdout
    # the run says what it spent: its answers are counted as first asked, but it paid for none
    assert "from the cache" not in first.stderr
    (report,) = [line for line in again.stderr.splitlines() if line.startswith("usage: ")]
    assert report.endswith(
        "(2 answers from the cache, counted as first asked and not paid again: "
        "this run 0 calls, estimated cost $0.0000)"
    )
    bypass = CliRunner().invoke(main, [*args, "--no-cache"])
    assert bypass.exit_code == 1  # it asked the server again, and the cassette has no more answers
    cache_dir = Path(os.environ["SUMMARIZER_CACHE_DIR"])
    entries = list(cache_dir.rglob("*.json"))
    assert len(entries) == 2
    assert all(fake_key not in p.read_text() and "sk-" not in p.read_text() for p in entries)


@pytest.mark.vcr(allow_playback_repeats=True)
@pytest.mark.default_cassette("seeds_capable.yaml")
def test_a_corrupt_entry_is_a_miss_and_is_replaced(
    vcr: Any, monkeypatch: pytest.MonkeyPatch, seeds: list[Path], fake_key: str
) -> None:
    """An entry that does not hold a chat completion (a disk error, an edit) is asked again and
    replaced, not a failure of every later run."""
    monkeypatch.setenv("OPENAI_API_KEY", fake_key)
    args = ["extract", str(seeds[0]), "--format", "json"]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.stderr
    (entry,) = Path(os.environ["SUMMARIZER_CACHE_DIR"]).rglob("*.json")
    entry.write_text(json.dumps({"not": "a chat completion"}))
    again = CliRunner().invoke(main, args)
    assert again.exit_code == 0, again.stderr
    assert again.stdout == first.stdout
    assert vcr.play_count == 2  # the corrupt entry was a miss: asked again
    assert json.loads(entry.read_text())["object"] == "chat.completion"  # and replaced


def test_concurrent_writers_leave_whole_entries(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    key = cache.key(None, {"messages": [{"role": "user", "content": "x"}]})
    bodies = [{"id": str(i), "choices": ["y" * 10_000]} for i in range(40)]
    with ThreadPoolExecutor(8) as pool:
        list(pool.map(lambda body: cache.put(key, body), bodies))
    assert cache.get(key) in bodies
    assert not list(tmp_path.rglob("*.tmp"))


def test_key_covers_what_changes_the_answer(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path)
    request = {"model": "m", "messages": [{"role": "user", "content": "x"}], "temperature": 0}
    assert cache.key(None, request) == cache.key(None, json.loads(json.dumps(request)))
    assert cache.key(None, request) != cache.key(None, {**request, "model": "n"})
    assert cache.key(None, request) != cache.key("http://127.0.0.1:8080/v1", request)
    assert cache.key(None, request) != cache.key(None, {**request, "temperature": 0.5})


@pytest.mark.vcr
@pytest.mark.default_cassette("cut_off.yaml")
def test_a_failed_answer_is_never_cached(
    played_all: Any, monkeypatch: pytest.MonkeyPatch, seeds: list[Path], fake_key: str
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", fake_key)
    result = CliRunner().invoke(main, ["extract", str(seeds[0])])
    assert result.exit_code == 1 and "cut off at the token limit" in result.stderr
    assert list(Path(os.environ["SUMMARIZER_CACHE_DIR"]).rglob("*.json")) == []


@pytest.mark.vcr
@pytest.mark.default_cassette("truncated_json.yaml")
def test_only_the_answer_that_passed_is_cached(
    played_all: Any, monkeypatch: pytest.MonkeyPatch, seeds: list[Path], fake_key: str
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", fake_key)
    monkeypatch.setenv("SUMMARIZER_MAX_RETRIES", "2")
    result = CliRunner().invoke(main, ["extract", str(seeds[0]), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    (entry,) = Path(os.environ["SUMMARIZER_CACHE_DIR"]).rglob("*.json")
    arguments = json.loads(entry.read_text())["choices"][0]["message"]["tool_calls"][0]["function"][
        "arguments"
    ]
    assert json.loads(arguments)["claims"]  # the valid second answer, not the truncated first one
