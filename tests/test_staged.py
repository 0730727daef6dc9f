"""Synthesis within a context budget: a story whose synthesis prompt would pass the model's
context is synthesised in parts, then a note of notes; no request goes past the budget, every
statement still cites source sentences that code verifies, and every claim is assessed."""

import json
import re
from pathlib import Path
from typing import Any

import pytest

from summarizer import (
    Document,
    FakeModel,
    FillRequest,
    Settings,
    SummarizerError,
    check_briefing,
    render_briefing,
    sources_of,
    summarize,
)
from summarizer.schema.drafts import SynthesisDraft
from summarizer.testing import prompt_sentences
from summarizer.text import tokens

from .batch_standin import StandIn

PLACES = ["Harbour Street", "the old mill", "North Quay", "the station", "Elm Park", "the bridge"]


def articles(count: int, sentences: int = 8) -> list[Document]:
    found = []
    for n in range(count):
        lines = [
            f"Inspector Hale said the council closed {PLACES[(n + k) % len(PLACES)]} on day {n * sentences + k}."
            for k in range(sentences)
        ]
        found.append(Document(name=f"report-{n}.txt", text=" ".join(lines), title=f"Closures, report {n}"))
    return found


class Recording(FakeModel):
    """Answers from each prompt's own sentences, and keeps every synthesis prompt's size."""

    def __init__(self) -> None:
        super().__init__(self.respond)
        self.synthesis_prompts: list[int] = []
        self.notes_of_notes = 0

    def respond(self, request: FillRequest[Any], _attempt: int) -> dict[str, Any]:
        lines = prompt_sentences(request)
        if request.step == "extraction":
            cite = [[{"sentence_id": sid, "quote": " ".join(text.split()[:6])}] for sid, text in lines]
            return {
                "actors": [],
                "events": [{"what": text, "evidence": c} for (_, text), c in zip(lines, cite, strict=True)],
                "claims": [{"statement": lines[0][1], "evidence": cite[0]}],
            }
        content = request.messages[1]["content"]
        self.synthesis_prompts.append(
            sum(tokens.count(m["content"]) for m in request.messages)
            + tokens.count(json.dumps(SynthesisDraft.model_json_schema()))
        )
        self.notes_of_notes += "Partial notes" in content
        cite = [{"sentence_id": lines[0][0], "quote": " ".join(lines[0][1].split()[:6])}]
        return {
            "title": "Closures" if "Partial notes" in content else "Part",
            "bottom_line": [{"text": lines[0][1], "evidence": cite}],
            "key_points": [],
            "claims": [
                {"claim_id": c, "status": "single_source", "explanation": "One report.", "evidence": cite}
                for c in re.findall(r"^- (C\d+) ", content, re.M)
            ],
            "discrepancies": [],
        }


def test_a_story_past_the_context_is_synthesised_in_stages_within_it() -> None:
    model = Recording()
    settings = Settings(model="fake", cache_dir=None, max_tokens=1000, context_tokens=3500)
    sources = sources_of(articles(12))
    note = summarize(sources, settings=settings, model=model)
    assert len(model.synthesis_prompts) > 3 and model.notes_of_notes >= 1
    assert max(model.synthesis_prompts) <= 3500 - 1000  # no request past the budget
    assert note.title == "Closures" and note.bottom_line
    assert note.claims and all(c.status_by == "model" for c in note.claims)  # each assessed in its part
    assert (
        check_briefing(note, [s.document for s in sources]) == []
    )  # every citation found and verified by code
    assert note.generation.usage["synthesis"].calls == len(model.synthesis_prompts)


def test_without_a_known_context_the_synthesis_is_one_call() -> None:
    model = Recording()
    summarize(sources_of(articles(12)), settings=Settings(model="fake", cache_dir=None), model=model)
    assert len(model.synthesis_prompts) == 1 and model.notes_of_notes == 0


def test_a_budget_too_small_for_one_item_is_one_clear_error() -> None:
    settings = Settings(model="fake", cache_dir=None, max_tokens=1000, context_tokens=2000)
    with pytest.raises(SummarizerError, match="context budget of 1000 prompt tokens"):
        summarize(sources_of(articles(2)), settings=settings, model=Recording())


@pytest.mark.block_network(allowed_hosts=["127.0.0.1"])
def test_an_update_re_asks_only_the_parts_its_article_touches(tmp_path: Path) -> None:
    """The parts' prompts an update leaves as they were are the same requests again: the
    response cache answers them, and the server is asked for the touched parts alone."""
    server = StandIn()
    try:
        settings = Settings(
            model="gpt-4o-mini",
            base_url=server.base_url,
            api_key="not-needed",
            cache_dir=str(tmp_path / "cache"),
            max_tokens=1000,
            context_tokens=3500,
            max_retries=0,
        )
        first = summarize(sources_of(articles(16)), settings=settings)
        parts = server.asked.count("SynthesisDraft") - 1  # and the note of notes
        assert parts >= 4
        saved = tmp_path / "briefing.json"
        saved.write_text(render_briefing(first, "json"))
        for document in articles(16):
            (tmp_path / document.name).write_text(document.text)
        news = tmp_path / "news.txt"
        news.write_text(
            "The mayor opened a ferry terminal on North Quay on day 900. Crowds watched the first boat."
        )
        server.asked.clear()
        summarize([news], settings=settings, since=saved)
        re_asked = server.asked.count("SynthesisDraft")
        assert server.asked.count("ExtractionDraft") == 1
        assert 2 <= re_asked <= 3  # the part the new event lands in (or two), and the note of notes
    finally:
        server.close()
