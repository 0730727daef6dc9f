"""Extraction replayed from real traffic: llama.cpp's server with a 270M-parameter model (see
cassettes/recorded/endpoint.json). Its answers are poor; these tests check what the pipeline does
with them: it ends cleanly, with a result whose every citation holds, or with one clear error."""

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer import load_document
from summarizer.cli import main

RECORDED = Path(__file__).resolve().parent.parent / "cassettes" / "recorded"
ENDPOINT: dict[str, Any] = json.loads((RECORDED / "endpoint.json").read_text())


@pytest.fixture(scope="module")
def vcr_cassette_dir() -> str:
    return str(RECORDED)


def cli_args() -> list[str]:
    return [
        "--model",
        ENDPOINT["model"],
        "--mode",
        ENDPOINT["mode"],
        "--max-tokens",
        str(ENDPOINT["max_tokens"]),
        "--timeout",
        "900",
        "--concurrency",
        "1",
        *(["--base-url", ENDPOINT["base_url"]] if ENDPOINT.get("base_url") else []),
    ]


@pytest.mark.vcr
@pytest.mark.parametrize("seed", [0, 1], ids=["seed0", "seed1"])
def test_small_model_run_ends_cleanly(
    seed: int, vcr: Any, monkeypatch: pytest.MonkeyPatch, seeds: list[Path]
) -> None:
    vcr_name = Path(vcr._path).name
    assert vcr_name == f"test_small_model_run_ends_cleanly[seed{seed}].yaml"
    if os.environ.get("SUMMARIZER_RECORD_API_KEY"):
        monkeypatch.setenv("OPENAI_API_KEY", os.environ["SUMMARIZER_RECORD_API_KEY"])
    monkeypatch.setenv("SUMMARIZER_MAX_REASKS", str(ENDPOINT["max_reasks"]))
    path = seeds[seed]
    result = CliRunner().invoke(main, ["extract", str(path), "--format", "json", *cli_args()])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    if vcr.write_protected:  # replaying, not recording
        assert vcr.all_played, "a request differed from the recording: re-record"
    requests = len(vcr)
    assert requests >= 1, "the cassette holds no interaction: record it again"
    for n, request in enumerate(vcr.requests):  # each re-ask carries the corrections
        messages = json.loads(request.body)["messages"]
        if len(messages) > 2:  # the first ask of a part is system + user; a re-ask adds the answer and why
            feedback = messages[-1]["content"]
            assert "validation error" in feedback.lower() or "Fix these problems" in feedback, n
    if result.exit_code == 0:
        (extraction,) = json.loads(result.stdout)
        usage = extraction["generation"]["usage"]
        assert usage["calls"] == requests and usage["reasks"] == requests - 1
        text = load_document(path).text
        for kind in ("actors", "events", "claims"):
            for item in extraction[kind]:
                for cited in item["citations"]:
                    assert text[cited["start"] : cited["end"]], cited
        print(
            f"seed{seed}: {requests} calls; kept",
            {k: len(extraction[k]) for k in ("actors", "events", "claims")},
            "warnings:",
            extraction["warnings"],
        )
    else:
        assert result.exit_code == 1 and result.stdout.strip() in ("", "[]")
        last = result.stderr.strip().splitlines()[-1]
        assert last.startswith(f"summarizer: error: extraction failed for {path}: ")
        print(f"seed{seed}: {requests} calls; {last}")


@pytest.mark.vcr
def test_small_model_brief_ends_cleanly(
    vcr: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seeds: list[Path]
) -> None:
    if os.environ.get("SUMMARIZER_RECORD_API_KEY"):
        monkeypatch.setenv("OPENAI_API_KEY", os.environ["SUMMARIZER_RECORD_API_KEY"])
    monkeypatch.setenv("SUMMARIZER_MAX_REASKS", str(ENDPOINT["max_reasks"]))
    out = tmp_path / "note.md"
    result = CliRunner().invoke(main, ["brief", *map(str, seeds), "-o", str(out), *cli_args()])
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr
    assert len(vcr) >= 2, "the cassette holds too few interactions: record it again"
    if vcr.write_protected:
        assert vcr.all_played, "a request differed from the recording: re-record"
    last = result.stderr.strip().splitlines()[-1]
    if result.exit_code == 0:
        assert out.read_text().startswith("# ")
    else:
        assert result.exit_code == 1 and last.startswith("summarizer: error: ")
        assert not out.exists()  # no half-written note
    print(f"brief: {len(vcr)} calls; exit {result.exit_code}; {last}")


@pytest.mark.vcr
def test_small_model_eval_extract_reports_its_figures(
    vcr: Any, monkeypatch: pytest.MonkeyPatch, meantime: Path
) -> None:
    monkeypatch.setenv("SUMMARIZER_MAX_REASKS", str(ENDPOINT["max_reasks"]))
    if os.environ.get("SUMMARIZER_RECORD_API_KEY"):
        monkeypatch.setenv("OPENAI_API_KEY", os.environ["SUMMARIZER_RECORD_API_KEY"])
    result = CliRunner().invoke(main, ["eval", "extract", str(meantime), "--limit", "1", *cli_args()])
    assert result.exit_code == 0, result.stderr
    assert len(vcr) >= 1
    if vcr.write_protected:
        assert vcr.all_played, "a request differed from the recording: re-record"
    lines = result.stdout.splitlines()

    def line(prefix: str) -> str:
        (found,) = [text for text in lines if text.startswith(prefix)]
        return found

    assert line("airbus-100911")
    assert line("articles: ") in ("articles: 1, failed: 0", "articles: 1, failed: 1")
    assert line("actor recall: ").endswith("/7)")
    assert line("grounding rate: ")
    assert line("tokens: ").endswith(f"in {len(vcr)} calls")
    print("\n".join(lines[-4:]))
