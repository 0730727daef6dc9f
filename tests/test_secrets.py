"""The API key never appears in output, logs (at any level), error messages, cache files or cassettes."""

import logging
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer.cli import main
from summarizer.llm.failures import redact
from summarizer.settings import Settings

FAKE_KEY_TAIL = "abcdefSECRET"  # the end of the fake_key fixture: a key cut short still leaks


def leaks(text: str) -> bool:
    return FAKE_KEY_TAIL in text


@pytest.mark.vcr
@pytest.mark.default_cassette("seeds_briefing.yaml")
def test_no_key_in_outputs_logs_or_cache(
    played_all: Any,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
    seeds: list[Path],
    fake_key: str,
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", fake_key)
    monkeypatch.setenv("OPENAI_LOG", "debug")
    caplog.set_level(logging.DEBUG)
    out = tmp_path / "note.json"
    result = CliRunner().invoke(main, ["brief", *map(str, seeds), "--format", "json", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert caplog.records  # the libraries did log, at debug level
    for text in (result.stdout, result.stderr, caplog.text, out.read_text()):
        assert not leaks(text)
    for entry in Path(os.environ["SUMMARIZER_CACHE_DIR"]).rglob("*"):
        if entry.is_file():
            assert not leaks(entry.read_text())


def test_settings_never_print_the_key(fake_key: str) -> None:
    settings = Settings(api_key=fake_key)
    assert fake_key not in repr(settings) and fake_key not in str(settings)
    assert redact(f"bad key {fake_key} given", fake_key) == "bad key [redacted] given"
    assert (
        redact("Incorrect API key provided: sk-proj-abc123def456", None)
        == "Incorrect API key provided: [redacted]"
    )


def test_no_key_in_any_cassette(cassettes: Path) -> None:
    for path in cassettes.rglob("*.yaml"):
        text = path.read_text()
        assert "authorization:" not in text.lower(), path
        assert "Bearer" not in text and not leaks(text), path
