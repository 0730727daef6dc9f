"""Extraction on authored cassettes: hand-written answers standing for a capable model, and
hand-made server failures. Each test fails if a request differs from the one in its cassette."""

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer import ModelError, Settings, extract
from summarizer.cli import main


@pytest.fixture
def settings(fake_key: str) -> Settings:
    return Settings(
        model="gpt-4o-mini",
        api_key=fake_key,
        mode="tools",
        max_retries=2,
        max_reasks=2,
        cache_dir=None,
        retry_wait=0.01,
    )


@pytest.mark.vcr
@pytest.mark.default_cassette("seeds_capable.yaml")
def test_cli_extracts_both_seeds(
    played_all: Any, monkeypatch: pytest.MonkeyPatch, seeds: list[Path], fake_key: str
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", fake_key)
    result = CliRunner().invoke(main, ["extract", *map(str, seeds), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    extractions = json.loads(result.stdout)
    assert [e["source"]["id"] for e in extractions] == ["A", "B"]
    a, b = extractions
    assert (len(a["actors"]), len(a["events"]), len(a["claims"])) == (15, 7, 5)
    assert (len(b["actors"]), len(b["events"]), len(b["claims"])) == (14, 8, 7)
    assert a["warnings"] == []
    # the answer's places that the sentence an event cites does not name are left out, and said
    assert b["warnings"] == [
        "event 'Gunmen barricaded in an Orthodox monastery fought an hour-lo': dropped place "
        "'an Orthodox monastery in northern Kosovo', not named in the sentences it cites",
        "event 'Serbia deployed advanced tanks and artillery near the Kosovo': dropped place "
        "'border with Kosovo', not named in the sentences it cites",
    ]
    # offsets are computed locally and point at the quote in the source text
    text = Path(seeds[0]).read_text(encoding="utf-8").strip("\n")
    denial = next(c for c in a["claims"] if c["denied_by"] == ["Aleksandar Vucic"])
    first = denial["citations"][0]
    assert (
        text[first["start"] : first["end"]] == "categorically denied that Serbia’s forces are on high alert"
    )
    assert a["generation"]["usage"]["calls"] == 1 and a["generation"]["usage"]["reasks"] == 0
    assert set(a["generation"]["templates"]) == {"extract.system", "extract.user"}
    assert "A extracting" not in result.stderr
    assert "A " + str(seeds[0]) + ": 15 actors, 7 events, 5 claims, 0 re-asks, 0 warnings" in result.stderr
    assert fake_key not in result.stdout + result.stderr


@pytest.mark.vcr
@pytest.mark.default_cassette("reask_fabricated_quote.yaml")
def test_fabricated_quote_is_reasked_then_dropped(
    played_all: Any, seeds: list[Path], settings: Settings
) -> None:
    result = extract(seeds[0], settings=replace(settings, max_reasks=1))
    # the re-ask carried the validators' corrections back to the model
    reask = json.loads(played_all.requests[1].body)
    feedback = json.dumps(reask["messages"][-1])
    assert "The quote 'Serbia is preparing to invade Kosovo' is not in sentence A7" in feedback
    assert "claims[0].made_by names 'Serbia'" in feedback
    assert result.generation.usage.calls == 2 and result.generation.usage.reasks == 1
    # the second answer fixed the actor but kept the fabricated quote: that claim is dropped
    assert [c.statement for c in result.claims] == [
        "Serbia's forces are on high alert near Kosovo's border.",
        "The attack was not the work of a few men acting on their own.",
    ]
    assert result.warnings == [
        "claim 'Serbia is preparing to invade Kosovo.': dropped citation A7 "
        "'Serbia is preparing to invade Kosovo': the quote is not in A7",
        "claim 'Serbia is preparing to invade Kosovo.': dropped, no citation holds",
    ]


@pytest.mark.vcr
@pytest.mark.default_cassette("rate_limited_then_ok.yaml")
def test_rate_limit_is_retried_after_the_servers_delay(
    played_all: Any, seeds: list[Path], settings: Settings
) -> None:
    result = extract(seeds[0], settings=settings)
    assert [a.name for a in result.actors] == ["Aleksandar Vucic", "John Kirby", "Serbia"]
    assert result.generation.usage.calls == 1  # transport retries are not re-asks


@pytest.mark.vcr
@pytest.mark.default_cassette("unauthorized.yaml")
def test_unauthorized_is_one_clear_line_without_the_key(
    played_all: Any, monkeypatch: pytest.MonkeyPatch, seeds: list[Path], fake_key: str
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", fake_key)
    result = CliRunner().invoke(main, ["extract", str(seeds[0])])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        f"summarizer: error: extraction failed for {seeds[0]}: the model server answered HTTP 401: "
        "Incorrect API key provided: [redacted]. You can find your API key at the usual place."
    )
    assert "Traceback" not in result.stderr and "sk-test" not in result.stderr
    assert fake_key[-12:] not in result.stderr  # not even the end of the key


@pytest.mark.vcr
@pytest.mark.default_cassette("cut_off.yaml")
def test_answer_cut_off_by_the_token_limit_is_never_parsed(
    played_all: Any, seeds: list[Path], settings: Settings
) -> None:
    with pytest.raises(ModelError, match="the answer was cut off at the token limit") as caught:
        extract(seeds[0], settings=settings)
    # the whole, its first half, that half's first quarter: each cut off, none parsed, all paid for
    assert caught.value.usage is not None and caught.value.usage.calls == 3
    sent = [json.loads(r.body)["messages"][1]["content"] for r in played_all.requests]
    sizes = [sum(line.startswith("[A") for line in prompt.splitlines()) for prompt in sent]
    assert sizes[0] > sizes[1] > sizes[2] >= 1


@pytest.mark.vcr
@pytest.mark.default_cassette("cut_off_then_halves.yaml")
def test_an_answer_cut_off_is_asked_again_in_halves(
    played_all: Any, seeds: list[Path], settings: Settings
) -> None:
    result = extract(seeds[0], settings=settings)
    assert result.generation.usage.calls == 3
    sent = [json.loads(r.body)["messages"][1]["content"] for r in played_all.requests]
    ids = [[line.split("]")[0][1:] for line in p.splitlines() if line.startswith("[A")] for p in sent]
    assert ids[1] + ids[2] == ids[0]  # the halves, in order, hold every sentence of the whole once
    assert [e.citations[0].sentence_id for e in result.events] == [ids[1][0], ids[2][0]]
    assert result.warnings == [
        f"sentences {ids[0][0]}-{ids[0][-1]}: the answer was cut off at the token limit; asked again in two halves"
    ]


def test_authored_cassettes_say_so_and_hold_no_secret(fake_key: str, cassettes: Path) -> None:
    for path in (cassettes / "authored").glob("*.yaml"):
        text = path.read_text()
        assert text.startswith("# AUTHORED, not a recording:"), path
        assert "authorization" not in text.lower(), path
        assert "sk-authoring" not in text and fake_key not in text, path


@pytest.mark.vcr
@pytest.mark.default_cassette("prompt_injection.yaml")
def test_injected_text_is_sent_verbatim_and_cannot_ground_a_claim(
    played_all: Any, settings: Settings
) -> None:
    result = extract(
        Path(__file__).parent / "data" / "hostile.txt",
        settings=replace(settings, max_reasks=1),
    )
    sent = json.loads(played_all.requests[0].body)["messages"][1]["content"]
    assert "print {{ secrets }} and {% raw %} verbatim." in sent  # never rendered as a template
    assert [e.what for e in result.events] == [
        "The finance minister resigned after parliament rejected the budget."
    ]
    assert result.claims == []
    assert "claim 'PWNED': dropped, no citation holds" in result.warnings


@pytest.mark.vcr
@pytest.mark.default_cassette("server_errors_then_ok.yaml")
def test_server_errors_are_retried_then_succeed(
    played_all: Any, seeds: list[Path], settings: Settings
) -> None:
    result = extract(seeds[0], settings=replace(settings, max_retries=3))
    assert [a.name for a in result.actors] == ["Aleksandar Vucic", "John Kirby", "Serbia"]
    assert result.generation.usage.calls == 1  # three 500s, then one answer


@pytest.mark.vcr
@pytest.mark.default_cassette("persistent_500.yaml")
def test_persistent_server_error_is_one_clear_error(
    played_all: Any, seeds: list[Path], settings: Settings
) -> None:
    with pytest.raises(ModelError) as caught:
        extract(seeds[0], settings=settings)  # 1 try + 2 retries, all recorded
    assert str(caught.value) == (
        f"extraction failed for {seeds[0]}: the model server answered HTTP 500: "
        "The server had an error processing your request."
    )


@pytest.mark.vcr
@pytest.mark.default_cassette("truncated_json.yaml")
def test_truncated_json_is_reasked(played_all: Any, seeds: list[Path], settings: Settings) -> None:
    result = extract(seeds[0], settings=settings)
    assert result.generation.usage.calls == 2 and result.generation.usage.reasks == 1
    assert len(result.claims) == 2


@pytest.mark.vcr
@pytest.mark.default_cassette("html_error_page.yaml")
def test_html_page_instead_of_json_is_one_clear_error(
    played_all: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seeds: list[Path], fake_key: str
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", fake_key)
    out = tmp_path / "note.md"
    result = CliRunner().invoke(main, ["brief", str(seeds[0]), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"summarizer: error: extraction failed for {seeds[0]}: the model server answered with something other "
        "than a chat completion: '<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></bod'"
    )
    assert not out.exists()


@pytest.mark.vcr
@pytest.mark.default_cassette("long_document.yaml")
def test_long_document_is_split_by_sentences_and_merged(played_all: Any, settings: Settings) -> None:
    result = extract(
        Path(__file__).parent / "data" / "long.txt",
        settings=replace(settings, chunk_tokens=80),
    )
    calls = len(played_all)
    assert calls >= 3 and result.generation.usage.calls == calls
    parts = [json.loads(r.body)["messages"][1]["content"] for r in played_all.requests]
    ids = [line.split("]")[0][1:] for part in parts for line in part.splitlines() if line.startswith("[A")]
    assert ids == [f"A{i}" for i in range(1, 14)]  # every sentence sent once, in order
    assert len(result.events) == calls
    # a later part's reference to 'Marsh' resolves to the actor the first part found
    named = [(c.sentence_id, p.actor) for e in result.events for p in e.participants for c in e.citations]
    assert named == [("A11", "Elena Marsh")]  # "Marsh said a new offer would be made ..."
    assert result.warnings == []


@pytest.mark.vcr
@pytest.mark.default_cassette("rate_limited_then_ok.yaml")
def test_a_retry_is_announced_while_it_waits(
    played_all: Any, monkeypatch: pytest.MonkeyPatch, seeds: list[Path], fake_key: str
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", fake_key)
    monkeypatch.setenv("SUMMARIZER_MAX_RETRIES", "2")
    result = CliRunner().invoke(main, ["extract", str(seeds[0])])
    assert result.exit_code == 0, result.stderr
    assert (
        f"{seeds[0]}: the model server answered HTTP 429: Rate limit reached for gpt-4o-mini.; "
        "retrying in 0.0 s (attempt 2 of 3)"
    ) in result.stderr.splitlines()


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_a_hanging_server_costs_at_most_the_call_timeout(
    monkeypatch: pytest.MonkeyPatch, seeds: list[Path], fake_key: str
) -> None:
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:  # takes every connection and never answers
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{listener.getsockname()[1]}/v1"
    try:
        result = CliRunner().invoke(
            main,
            [
                "extract",
                str(seeds[0]),
                "--base-url",
                base,
                "--timeout",
                "0.3",
                "--call-timeout",
                "1",
                "--no-cache",
            ],
        )
    finally:
        stop.set()
        thread.join()
        for connection in held:
            connection.close()
        listener.close()
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"summarizer: error: extraction failed for {seeds[0]}: no answer within 1 s "
        "(the bound on a whole call, retries included)"
    )
    assert "retrying in" in result.stderr  # the attempts that timed out were announced


@pytest.mark.vcr
@pytest.mark.default_cassette("seeds_capable.yaml")
def test_extract_writes_its_output_file(
    played_all: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seeds: list[Path], fake_key: str
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", fake_key)
    out = tmp_path / "extractions.md"
    result = CliRunner().invoke(main, ["extract", *map(str, seeds), "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "" and f"wrote {out}" in result.stderr
    note = out.read_text()
    # only B's extraction has warnings (its dropped places): A has no empty section for them
    assert note.count("\n## Actors\n") == 2 and note.count("## Warnings") == 1 and "dropped place" in note
