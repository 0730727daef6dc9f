"""The API key never appears in output, logs (at any level), error messages, cache files or cassettes."""

import logging
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer.calls import redact
from summarizer.cli import main
from summarizer.settings import Settings

from .cassette_setup import CASSETTES
from .conftest import FAKE_KEY, SEEDS


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(CASSETTES / "authored")


def leaks(text: str) -> bool:
    return FAKE_KEY in text or FAKE_KEY[-12:] in text


@pytest.mark.vcr
@pytest.mark.default_cassette("seeds_briefing.yaml")
def test_no_key_in_outputs_logs_or_cache(
    played_all: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    monkeypatch.setenv("OPENAI_LOG", "debug")
    caplog.set_level(logging.DEBUG)
    out = tmp_path / "note.json"
    result = CliRunner().invoke(main, ["brief", *map(str, SEEDS), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert caplog.records  # the libraries did log, at debug level
    for text in (result.stdout, result.stderr, caplog.text, out.read_text()):
        assert not leaks(text)
    for entry in Path(os.environ["SUMMARIZER_CACHE_DIR"]).rglob("*"):
        if entry.is_file():
            assert not leaks(entry.read_text())


@pytest.mark.vcr
@pytest.mark.default_cassette("unauthorized.yaml")
def test_no_key_in_the_error_for_a_wrong_key(played_all: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    result = CliRunner().invoke(main, ["extract", str(SEEDS[0])])
    assert result.exit_code == 1
    assert not leaks(result.stderr) and "sk-test" not in result.stderr


def test_settings_never_print_the_key() -> None:
    settings = Settings(api_key=FAKE_KEY)
    assert FAKE_KEY not in repr(settings) and FAKE_KEY not in str(settings)
    assert redact(f"bad key {FAKE_KEY} given", FAKE_KEY) == "bad key [redacted] given"
    assert (
        redact("Incorrect API key provided: sk-proj-abc123def456", None)
        == "Incorrect API key provided: [redacted]"
    )


def test_no_key_in_any_cassette() -> None:
    for path in CASSETTES.rglob("*.yaml"):
        text = path.read_text()
        assert "authorization:" not in text.lower(), path
        assert "Bearer" not in text and not leaks(text), path
