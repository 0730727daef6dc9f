"""How a briefing's articles were split into sentences is kept with each source: a briefing saved
when quotations were kept whole is updated with its old sources split as they were, and the
article the update adds split as articles are now; both kinds of citation hold."""

from pathlib import Path
from typing import Any

import pytest

from summarizer import FakeModel, FillRequest, Settings, check_briefing, load_document, summarize
from summarizer.testing import prompt_sentences
from summarizer.text import Source

SETTINGS = Settings(model="fake", cache_dir=None)
OLD = 'Port report\n"We will reopen. We always do," the mayor of Valmora said on Friday. Ships waited offshore.\n'
NEW = 'Port news\n"The storm has passed. Work resumes on Monday," the harbour master of Valmora said.\n'


def answering(request: FillRequest[Any], _attempt: int) -> dict[str, Any]:
    """Extraction cites the first sentence of the quotation (the article's second); the synthesis,
    the first sentence it is shown."""
    sid, text = prompt_sentences(request)[1 if request.step == "extraction" else 0]
    cite = [{"sentence_id": sid, "quote": " ".join(text.split()[:3])}]
    if request.step != "extraction":
        bottom_line = [{"text": text.strip('"'), "evidence": cite}]
        return {
            "title": "Port",
            "bottom_line": bottom_line,
            "key_points": [],
            "claims": [],
            "discrepancies": [],
        }
    return {"actors": [], "events": [], "claims": [{"statement": text.strip('"'), "evidence": cite}]}


def test_an_update_splits_the_saved_sources_as_they_were_and_the_new_one_as_now(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("old.txt").write_text(OLD)
    Path("new.txt").write_text(NEW)
    saved = summarize(
        [Source.of(load_document("old.txt"), "A", splitting=1)], settings=SETTINGS, model=FakeModel(answering)
    )
    assert [(s.id, s.splitting, s.sentences) for s in saved.sources] == [("A", 1, 3)]
    assert saved.claims[0].statement.startswith("We will reopen. We always do,")  # the quotation whole
    Path("saved.json").write_text(saved.model_dump_json())
    updated = summarize(["new.txt"], settings=SETTINGS, model=FakeModel(answering), since="saved.json")
    assert [(s.id, s.splitting, s.sentences) for s in updated.sources] == [("A", 1, 3), ("B", 5, 3)]
    statements = [c.statement for c in updated.claims]
    assert "The storm has passed." in statements  # its quotation cut into its sentences
    assert check_briefing(updated) == []
