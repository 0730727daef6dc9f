"""--batch: extraction through the Batch API of a local stand-in. The batch sends what the live
path would, its answers are joined by custom id and validated like live ones (the note is the
same), a request the batch failed is asked live, and a run stopped while it waits polls the same
batch when started again instead of submitting another."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from summarizer import Document, Settings, render_briefing, sources_of, summarize
from summarizer.cli import main

from .batch_standin import StandIn

pytestmark = pytest.mark.block_network(allowed_hosts=["127.0.0.1"])

TEXTS = [
    "The council closed Harbour Street on Monday. Inspectors found cracks in the road. Repairs start in May.",
    "Harbour Street was closed by the council. The mayor said repairs would take two months. Buses use Elm Road.",
    "Shops on Harbour Street asked for help. The council offered a grant of 5,000 pounds to each shop.",
]


@pytest.fixture
def standin() -> Iterator[StandIn]:
    server = StandIn()
    yield server
    server.close()


def documents() -> list[Document]:
    return [Document(name=f"report-{n}.txt", text=t, title=f"Report {n}") for n, t in enumerate(TEXTS)]


def settings(standin: StandIn, cache: Path | None, batch: bool) -> Settings:
    return Settings(
        model="gpt-4o-mini",
        base_url=standin.base_url,
        api_key="not-needed",
        cache_dir=str(cache) if cache else None,
        batch=batch,
        batch_poll=0.01,
        max_retries=0,
    )


def note_json(standin: StandIn, cache: Path | None, batch: bool) -> dict[str, object]:
    briefing = summarize(sources_of(documents()), settings=settings(standin, cache, batch))
    data = json.loads(render_briefing(briefing, "json"))
    data["generation"].pop("usage")  # the same tokens, counted the same; left out to compare the rest
    return data


def test_the_batch_gives_the_note_the_live_path_gives(standin: StandIn, tmp_path: Path) -> None:
    live = note_json(standin, None, batch=False)
    assert standin.live_calls == 4 and standin.batches == {}  # 3 extractions and the synthesis
    standin.live_calls = 0
    batched = note_json(standin, tmp_path / "cache", batch=True)
    assert batched == live
    ((_, batch),) = standin.batches.items()
    assert batch["request_counts"] == {"total": 3, "completed": 3, "failed": 0}
    assert standin.live_calls == 1  # the synthesis alone went live
    lines = [json.loads(line) for line in standin.files[batch["input_file_id"]].decode().splitlines()]
    assert {line["url"] for line in lines} == {"/v1/chat/completions"} and len(
        {line["custom_id"] for line in lines}
    ) == 3


def test_a_request_the_batch_failed_is_asked_live(tmp_path: Path) -> None:
    server = StandIn(fail_lines=frozenset({1}))
    try:
        live = note_json(server, None, batch=False)
        server.live_calls = 0
        assert note_json(server, None, batch=True) == live
        assert server.live_calls == 2  # the failed extraction and the synthesis
        ((_, batch),) = server.batches.items()
        assert batch["request_counts"]["failed"] == 1 and batch["error_file_id"]
    finally:
        server.close()


def test_a_run_stopped_while_waiting_polls_the_same_batch_again(standin: StandIn, tmp_path: Path) -> None:
    standin.finish = False
    heard: list[str] = []

    def stop_while_waiting(line: str) -> None:
        heard.append(line)
        if "in_progress" in line:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        summarize(
            sources_of(documents()),
            settings=settings(standin, tmp_path / "cache", True),
            progress=stop_while_waiting,
        )
    assert len(standin.batches) == 1 and any("3 requests submitted" in line for line in heard)
    standin.finish = True
    heard.clear()
    summarize(
        sources_of(documents()), settings=settings(standin, tmp_path / "cache", True), progress=heard.append
    )
    assert len(standin.batches) == 1  # not submitted twice
    assert any("submitted by an earlier run" in line for line in heard)
    heard.clear()
    summarize(
        sources_of(documents()), settings=settings(standin, tmp_path / "cache", True), progress=heard.append
    )
    assert len(standin.batches) == 1 and not any("batch" in line for line in heard)  # all from the cache


def test_cli_batch_and_a_model_without_a_batch_api(standin: StandIn, tmp_path: Path) -> None:
    paths = []
    for number, text in enumerate(TEXTS):
        paths.append(tmp_path / f"r{number}.txt")
        paths[-1].write_text(f"Report {number}\n\n{text}")
    args = [
        "brief",
        *map(str, paths),
        "--batch",
        "--base-url",
        standin.base_url,
        "--no-cache",
        "-o",
        str(tmp_path / "n.md"),
    ]
    result = CliRunner(env={"OPENAI_API_KEY": "not-needed", "SUMMARIZER_BATCH_POLL": "0.01"}).invoke(
        main, args
    )
    assert result.exit_code == 0, result.stderr
    assert "batch batch_1: completed, 3 answers" in result.stderr
    assert (tmp_path / "n.md").read_text().startswith("# Stand-in note")


def test_a_stories_job_sends_one_batch_for_every_story(standin: StandIn, tmp_path: Path) -> None:
    from summarizer import brief_stories

    news = Path(__file__).parent / "data" / "stories" / "day1"
    run = brief_stories(
        sorted(news.glob("*.json")), tmp_path / "desk", settings=settings(standin, None, True)
    )
    assert run.failed == [] and len(run.index.stories) == 3
    ((_, batch),) = standin.batches.items()
    assert batch["request_counts"] == {"total": 8, "completed": 8, "failed": 0}  # 9 articles, 1 near-copy
    assert standin.live_calls == 3  # one synthesis a story
