"""Shared fixtures. Cassettes replay only (record mode none, from addopts), request bodies are
matched as JSON, secrets are filtered, unplayed interactions fail the test, and the network is
blocked for every test that does not replay a cassette (--block-network)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from summarizer.testing import json_body, vcr_options

ROOT = Path(__file__).resolve().parent.parent

# In CI the property tests draw the same examples every run, so that a run's colour is the code's;
# on a developer's machine they explore (and keep what failed in .hypothesis/).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


def pytest_recording_configure(config: Any, vcr: Any) -> None:
    vcr.register_matcher("json_body", json_body)


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds() -> list[Path]:
    return sorted((ROOT / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def fake_key() -> str:
    """A fake key: tests assert it never shows up in outputs, errors or cassettes."""
    return "sk-test-0123456789abcdefSECRET"


@pytest.fixture(scope="session")
def cassettes() -> Path:
    return ROOT / "cassettes"


@pytest.fixture(scope="session")
def meantime() -> Path:
    """The annotated Wikinews articles of ../shared/eval. CI lays them beside the repository and
    must have them (a test that skipped there would prove nothing); a clone of the repository
    alone skips the tests that read them, saying why."""
    folder = ROOT.parent / "shared" / "eval" / "meantime"
    if not folder.is_dir():
        message = f"{folder} is missing: the evaluation data lies beside the repository, in ../shared"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return folder


@pytest.fixture(scope="module")
def vcr_cassette_dir(cassettes: Path) -> str:
    """Hand-written responses by default; tests/test_recorded.py replays real traffic instead."""
    return str(cassettes / "authored")


@pytest.fixture(scope="session")
def vcr_config() -> dict[str, Any]:
    return vcr_options()  # record mode "none" comes from addopts, so --record-mode can override it


@pytest.fixture
def played_all(vcr: Any) -> Iterator[Any]:
    """Use with a cassette: fails the test if any recorded interaction was not replayed."""
    yield vcr
    assert vcr.all_played, (
        f"{len(vcr) - len(vcr.play_counts)} recorded interaction(s) were never requested: a request "
        "differed from the recorded one (prompt or schema changed?); re-record or re-author the cassette"
    )


@pytest.fixture(autouse=True)
def _no_ambient_settings(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Tests never read the developer's own endpoint, key or response cache: each test starts
    with an empty cache of its own, so every request reaches its cassette."""
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("SUMMARIZER_RETRY_WAIT", "0.01")
    for name in (
        "OPENAI_API_KEY",
        "OPENAI_BASE_URL",
        "SUMMARIZER_MODEL",
        "SUMMARIZER_MODE",
        "SUMMARIZER_TIMEOUT",
        "SUMMARIZER_MAX_RETRIES",
        "SUMMARIZER_MAX_REASKS",
        "SUMMARIZER_CONCURRENCY",
        "SUMMARIZER_MAX_TOKENS",
        "SUMMARIZER_NO_CACHE",
        "SUMMARIZER_PRICES",
    ):
        monkeypatch.delenv(name, raising=False)
