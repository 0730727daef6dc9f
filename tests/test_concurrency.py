"""Documents are extracted concurrently; results come back in input order whatever order the
calls finish in, and never more calls run at once than --concurrency allows."""

import asyncio
import re
from typing import Any

import pytest

from summarizer import Document, Settings
from summarizer.extraction import aextract_all
from summarizer.schemas import ExtractionDraft


def test_results_keep_input_order_and_the_concurrency_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    running, peak, finished = 0, 0, []

    def fake_create_function(settings: Settings, client: Any) -> Any:
        async def create(*, messages: list[dict[str, str]], **_kwargs: Any) -> ExtractionDraft:
            nonlocal running, peak
            sid, text = re.findall(r"^\[([A-Z]+\d+)\] (.*)$", messages[1]["content"], re.M)[0]
            running += 1
            peak = max(peak, running)
            await asyncio.sleep(0.05 * (10 - int(text.split()[1])))  # later documents answer sooner
            running -= 1
            finished.append(sid[0])
            quote = " ".join(text.split()[:3])
            return ExtractionDraft.model_validate(
                {
                    "actors": [
                        {
                            "name": f"Person {sid[0]}",
                            "kind": "person",
                            "evidence": [{"sentence_id": sid, "quote": quote}],
                        }
                    ],
                    "events": [],
                    "claims": [],
                }
            )

        return create

    monkeypatch.setattr("summarizer.llm.create_function", fake_create_function)
    documents = [Document(name=f"doc{i}", text=f"Document {i} reports a meeting.") for i in range(8)]
    settings = Settings(model="m", base_url="http://127.0.0.1:9/v1", concurrency=3, cache_dir=None)
    results = asyncio.run(aextract_all(documents, settings))
    assert finished != sorted(finished)  # the calls did finish out of order
    assert [r.source.id for r in results] == list("ABCDEFGH")  # type: ignore[union-attr]
    assert [r.actors[0].name for r in results] == [f"Person {c}" for c in "ABCDEFGH"]  # type: ignore[union-attr]
    assert peak == 3
