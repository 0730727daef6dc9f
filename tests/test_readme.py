"""The README's code as a user would run it: every Python block runs (against the benchmarks'
stub of an OpenAI-compatible server on 127.0.0.1, in a new process, on copies of the seeds as
a.txt and b.txt), and the figures it quotes from ``--dry-run`` are the ones a run prints."""

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer.cli import main


def blocks(root: Path, language: str) -> list[str]:
    text = (root / "README.md").read_text(encoding="utf-8")
    return [code for lang, code in re.findall(r"```(\w*)\n(.*?)```", text, re.S) if lang == language]


@pytest.fixture
def stub_url(root: Path) -> Iterator[str]:
    """The stub server in a process of its own, answering at once."""
    server = subprocess.Popen(
        [sys.executable, str(root / "benchmarks" / "stub.py"), "--latency", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None
        url = server.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:"), url
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)
        if server.stdout is not None:
            server.stdout.close()


def test_every_python_block_runs(root: Path, seeds: list[Path], tmp_path: Path, stub_url: str) -> None:
    code = blocks(root, "python")
    assert len(code) >= 2
    shutil.copy(seeds[0], tmp_path / "a.txt")
    shutil.copy(seeds[1], tmp_path / "b.txt")
    environment = {**os.environ, "OPENAI_BASE_URL": stub_url, "SUMMARIZER_CACHE_DIR": str(tmp_path / "cache")}
    for block in code:
        done = subprocess.run(
            [sys.executable, "-c", block], cwd=tmp_path, env=environment, capture_output=True, text=True
        )
        assert done.returncode == 0, f"{block}\n{done.stderr}"
        assert done.stdout.strip(), block


def test_the_dry_run_the_readme_shows_is_what_a_run_prints(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (shown,) = [b for b in blocks(root, "") if b.startswith("$ summarizer brief seeds/*.txt --dry-run")]
    command, *expected = shown.splitlines()
    monkeypatch.chdir(root)
    seeds = sorted(str(p.relative_to(root)) for p in (root / "seeds").glob("*.txt"))
    result = CliRunner().invoke(main, ["brief", *seeds, "--dry-run"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == expected, "update the README's --dry-run block"
