"""An update checks again only the extractions this installation has not already checked: a
record beside the response cache, keyed on the extraction, its source's text and the code. An
extraction edited by hand is checked afresh, nothing that failed is remembered, and `check`
never consults the record."""

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from summarizer import check_extractions
from summarizer.cli import main
from summarizer.documents import read_document
from summarizer.errors import InputError
from summarizer.update import previous_briefing

SEEDS = sorted(str(p) for p in (Path(__file__).resolve().parent.parent / "seeds").glob("*.txt"))
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "seeds_briefing.json"


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources whose extraction is checked against its text, as they are."""
    seen: list[str] = []
    real = check_extractions._problems

    def counting(where: str, extraction, source):  # type: ignore[no-untyped-def]
        seen.append(extraction.source.id)
        return real(where, extraction, source)

    monkeypatch.setattr(check_extractions, "_problems", counting)
    return seen


def test_an_extraction_checked_once_is_not_checked_again(tmp_path: Path, checked: list[str]) -> None:
    cache = str(tmp_path / "cache")
    previous_briefing(EXAMPLE, SEEDS, cache_dir=cache)
    assert checked == ["A", "B"]
    previous_briefing(EXAMPLE, SEEDS, cache_dir=cache)
    assert checked == ["A", "B"]  # both remembered
    previous_briefing(EXAMPLE, SEEDS, cache_dir=None)
    assert checked == ["A", "B", "A", "B"]  # no cache, no record


def test_an_extraction_edited_by_hand_is_checked_afresh_and_a_failed_one_is_not_remembered(
    tmp_path: Path, checked: list[str]
) -> None:
    cache = str(tmp_path / "cache")
    previous_briefing(EXAMPLE, SEEDS, cache_dir=cache)
    data = json.loads(EXAMPLE.read_text())
    event = data["extractions"][0]["events"][0]
    event["what"] = event["what"].replace("three", "thirty")  # now says what its sentences do not
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data))
    for _ in range(2):
        with pytest.raises(InputError, match="cannot be updated: extractions\\[0\\] \\(A\\)"):
            previous_briefing(edited, SEEDS, cache_dir=cache)
    assert checked == ["A", "B", "A", "A"]  # A checked each time, B once
    assert "thirty" in data["extractions"][0]["events"][0]["what"]


def test_check_vouches_from_scratch_whatever_an_update_remembers(
    tmp_path: Path, checked: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    previous_briefing(EXAMPLE, SEEDS, cache_dir=str(cache))
    monkeypatch.setenv("SUMMARIZER_CACHE_DIR", str(cache))
    result = CliRunner().invoke(main, ["check", str(EXAMPLE), *SEEDS])
    assert result.exit_code == 0, result.output
    assert checked == ["A", "B", "A", "B"]


def test_another_version_of_a_library_it_reads_with_is_another_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """A new sentence splitter or lemma table may read an article otherwise: what was checked
    with the old one is checked again."""
    from summarizer import verified
    from summarizer.store import read_briefing
    from summarizer.text import Source

    briefing, _, _ = read_briefing(EXAMPLE)
    assert not isinstance(briefing, list)
    extraction = briefing.extractions[0]
    source = Source.of(read_document(SEEDS[0]), "A")
    record = verified.Verified("unused")
    verified._code.cache_clear()
    before = record.key(extraction, source)
    real = verified.metadata
    newer = SimpleNamespace(
        requires=real.requires,
        version=lambda name: "99.0" if name == "sentencex" else real.version(name),
        PackageNotFoundError=real.PackageNotFoundError,
    )
    monkeypatch.setattr(verified, "metadata", newer)
    verified._code.cache_clear()
    try:
        assert record.key(extraction, source) != before
    finally:
        monkeypatch.undo()
        verified._code.cache_clear()
    assert record.key(extraction, source) == before
