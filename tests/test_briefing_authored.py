"""The seeds' briefing from authored answers standing for a capable model: golden Markdown and
JSON, and what the note must say whatever its wording."""

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from summarizer import Briefing, Settings, summarize
from summarizer.cli import main

from .snapshot import assert_snapshot

SEEDS = ["seeds/000_03079551f3923d2c.txt", "seeds/002_6f4a12cc5c38a6ff.txt"]


def brief_seeds(monkeypatch: pytest.MonkeyPatch, root: Path, key: str, out: Path) -> Any:
    """`summarizer brief` of both seeds to ``out``, as a user in the repository runs it."""
    monkeypatch.setenv("OPENAI_API_KEY", key)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(main, ["brief", *SEEDS, "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    return result


@pytest.mark.vcr
@pytest.mark.default_cassette("seeds_briefing.yaml")
def test_cli_brief_writes_the_golden_note(
    played_all: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, root: Path, fake_key: str
) -> None:
    out = tmp_path / "note.md"
    result = brief_seeds(monkeypatch, root, fake_key, out)
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == "extracting 2 sources with gpt-4o-mini (tools)"
    assert f"wrote {out}" in result.stderr
    note = out.read_text()
    assert_snapshot("seeds_briefing.md", note)
    assert not list(tmp_path.glob(".note.md.*"))  # no temporary file left behind


@pytest.mark.vcr
@pytest.mark.default_cassette("seeds_briefing.yaml")
def test_cli_brief_to_a_json_file_writes_the_briefing(
    played_all: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, root: Path, fake_key: str
) -> None:
    """-o note.json with no --format writes the Briefing, which --since and check read."""
    out = tmp_path / "note.json"
    brief_seeds(monkeypatch, root, fake_key, out)
    assert Briefing.model_validate_json(out.read_text()).title
    assert CliRunner().invoke(main, ["check", str(out)]).exit_code == 0


@pytest.mark.vcr
@pytest.mark.default_cassette("seeds_briefing.yaml")
def test_library_briefing_holds_what_the_note_needs(
    played_all: Any, monkeypatch: pytest.MonkeyPatch, root: Path, fake_key: str
) -> None:
    monkeypatch.chdir(root)
    paths = SEEDS
    briefing = summarize(
        paths, settings=Settings(model="gpt-4o-mini", api_key=fake_key, mode="tools", cache_dir=None)
    )
    assert_snapshot("seeds_briefing.json", briefing.model_dump_json(indent=2) + "\n")
    assert len(briefing.bottom_line) == 3
    # actors resolved across sources, whatever each calls them
    vucic = next(a for a in briefing.actors if a.name == "Aleksandar Vucic")
    assert vucic.sources == ["A", "B"]
    kfor = next(a for a in briefing.actors if a.name == "Kosovo Force")
    assert {f.text for f in kfor.surface_forms} == {
        "Kosovo Force",
        "KFOR",
        "NATO peacekeeping force in Kosovo",
    }
    # dates: the first seed's date line is not when things happened
    dated = {
        e.date.expressions.get("A") or e.date.expressions.get("B"): e.date.value for e in briefing.timeline
    }
    assert dated["Friday (Sep 29)"] == "2023-09-29"
    assert dated["Sunday (Sep 24)"] == "2023-09-24"
    assert dated["over the last weekend"] == "2023-W38-WE"
    assert dated["On Wednesday"] == "2023-09-27"
    assert [e.date.value for e in briefing.timeline if e.date.value][:3] == [
        "2008",
        "2023-W38-WE",
        "2023-09-24",
    ]
    assert any("relative dates are read from 2023-09-29" in w for w in briefing.warnings)
    # the same event from both sources is one entry citing both
    call = next(e for e in briefing.timeline if e.what.startswith("Antony Blinken"))
    assert call.sources == ["A", "B"] and {c.sentence_id for c in call.citations} == {"A11", "B8"}
    # claims: statuses, and the discrepancy between the two accounts of Vucic's denial
    statuses = {c.statement: c.status for c in briefing.claims}
    assert statuses["Serbia's forces are on high alert near Kosovo's border."] == "contested"
    denial = next(d for d in briefing.discrepancies if "denied" in d.topic)
    assert [(p.source, p.citations[0].sentence_id) for p in denial.positions] == [("A", "A13"), ("B", "B9")]
    # every citation is listed among the cited sentences, with its quote inside it
    listed = {s.id: s for s in briefing.cited_sentences}
    texts = {s.id: Path(s.name).read_text().strip("\n") for s in briefing.sources}
    for _, citation in briefing.citations():
        sentence = listed[citation.sentence_id]
        assert sentence.start <= citation.start < citation.end <= sentence.end
        assert texts[sentence.source][sentence.start : sentence.end] == sentence.text
    assert briefing.generation.usage["synthesis"].calls == 1
    assert briefing.warnings == [
        "source B: event 'Gunmen barricaded in an Orthodox monastery fought an hour-lo': dropped place "
        "'an Orthodox monastery in northern Kosovo', not named in the sentences it cites",
        "source B: event 'Serbia deployed advanced tanks and artillery near the Kosovo': dropped place "
        "'border with Kosovo', not named in the sentences it cites",
        "source A: its date (2023-12-06) is more than 14 days after every date its events give; "
        "relative dates are read from 2023-09-29, the latest of those",
        "synthesis: E12 joined into E8, read as one event; nothing in them disagrees",
    ]
    # the two seeds report the same build-up and the same two calls: those rows cite both
    joined = {e.what: e.sources for e in briefing.timeline if len(e.sources) > 1}
    assert joined == {
        "Serbia built up forces, tanks and artillery on its border with Kosovo.": ["A", "B"],
        "Antony Blinken spoke to Aleksandar Vucic by phone and urged immediate de-escalation.": ["A", "B"],
        "Jake Sullivan spoke to Albin Kurti.": ["A", "B"],  # proposed by the synthesis, verified by code
    }


def test_schema_command_prints_the_briefing_schema() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Briefing" and schema == Briefing.model_json_schema()


@pytest.mark.vcr
@pytest.mark.default_cassette("second_source_fails.yaml")
def test_a_failed_source_costs_the_others_nothing(
    played_all: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, root: Path, fake_key: str
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", fake_key)
    monkeypatch.setenv("SUMMARIZER_MAX_RETRIES", "2")
    monkeypatch.chdir(root)
    out = tmp_path / "note.json"
    args = ["brief", "seeds/000_03079551f3923d2c.txt", "seeds/002_6f4a12cc5c38a6ff.txt", "--concurrency", "1"]
    result = CliRunner().invoke(main, [*args, "--format", "json", "-o", str(out)])
    assert result.exit_code == 1
    assert (
        "B: extraction failed for seeds/002_6f4a12cc5c38a6ff.txt: the model server answered HTTP 500"
        in result.stderr
    )
    assert result.stderr.splitlines()[-1] == (
        "summarizer: error: source B could not be extracted; the note leaves them out"
    )
    briefing = Briefing.model_validate_json(out.read_text())  # the note was still written, whole
    assert [(s.id, s.status) for s in briefing.sources] == [("A", "ok"), ("B", "failed")]
    assert {a.name for a in briefing.actors} >= {"Aleksandar Vucic", "Kosovo Force"}
    assert all(c.sentence_id.startswith("A") for _, c in briefing.citations())
    assert any(w.startswith("source B left out: extraction failed") for w in briefing.warnings)
    # A's call and B's failed one: a call that failed is counted (its three HTTP tries are one call)
    assert briefing.generation.usage["extraction"].calls == 2


@pytest.mark.vcr
@pytest.mark.default_cassette("cut_off.yaml")
def test_a_run_that_fails_still_reports_what_it_spent(
    played_all: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seeds: list[Path], fake_key: str
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", fake_key)
    out = tmp_path / "note.md"
    result = CliRunner().invoke(main, ["brief", str(seeds[0]), "-o", str(out)])
    assert result.exit_code == 1 and not out.exists()
    *_, usage, error = result.stderr.splitlines()
    assert usage.startswith("usage: 3 calls, 0 re-asks, ") and "completion tokens; estimated cost $" in usage
    assert " 0 prompt" not in usage
    assert error.endswith("the answer was cut off at the token limit")
