"""A brief of articles that read as several stories says so: a briefing is of one story, and
reports of one kind of act in two stories may be joined as one."""

import json
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from summarizer import Document, FakeModel, FillRequest, Settings, summarize
from summarizer.cli import main
from summarizer.testing import prompt_sentences

SETTINGS = Settings(model="fake", cache_dir=None)
STORIES = Path(__file__).parent / "data" / "stories"  # made-up articles of a few stories


def article(name: str) -> Document:
    data = json.loads((STORIES / name).read_text())
    return Document(name=name, text=data["text"])


def answering(request: FillRequest[Any], _attempt: int) -> dict[str, Any]:
    sid, text = prompt_sentences(request)[0]
    cite = [{"sentence_id": sid, "quote": " ".join(text.split()[:3])}]
    if request.step != "extraction":
        bottom_line = [{"text": text, "evidence": cite}]
        return {
            "title": "News",
            "bottom_line": bottom_line,
            "key_points": [],
            "claims": [],
            "discrepancies": [],
        }
    return {"actors": [], "events": [], "claims": [{"statement": text, "evidence": cite}]}


def warned(names: list[str], **options: Any) -> list[str]:
    note = summarize([article(n) for n in names], settings=SETTINGS, model=FakeModel(answering), **options)
    return [w for w in note.warnings if "stories by their words" in w]


def test_articles_of_two_stories_are_named_as_two() -> None:
    two = [
        "day1/chile-quake-aid.json",
        "day1/chile-quake-toll.json",
        "day1/transfer-debut.json",
        "day1/transfer-signing.json",
    ]
    assert warned(two) == [
        "sources A, B; C, D: these read as 2 stories by their words and names, and a briefing is of one "
        "(events of one kind in two stories may be joined as one); `summarizer stories` briefs each"
    ]
    assert warned(two, one_story=True) == []  # the caller grouped them (as `summarizer stories` does)


def test_one_story_and_a_handful_of_articles_are_not_warned_of() -> None:
    one = [
        "day1/chile-quake-aid.json",
        "day1/chile-quake-toll.json",
        "day1/chile-quake-coast.json",
        "day2/chile-quake-rebuild.json",
    ]
    assert warned(one) == []
    assert (
        warned(["day1/chile-quake-aid.json", "day1/transfer-debut.json", "day1/transfer-signing.json"]) == []
    )


def test_a_dry_run_says_so_before_anything_is_spent(tmp_path: Path) -> None:
    paths = []
    for name in [
        "day1/chile-quake-aid.json",
        "day1/chile-quake-toll.json",
        "day1/transfer-debut.json",
        "day1/transfer-signing.json",
    ]:
        path = tmp_path / Path(name).with_suffix(".txt").name
        path.write_text(json.loads((STORIES / name).read_text())["text"])
        paths.append(str(path))
    result = CliRunner().invoke(main, ["brief", *paths, "--dry-run"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0].startswith("sources A, B; C, D: these read as 2 stories")
    assert result.stdout.startswith("dry run: 5 calls")
