"""Sources are extracted concurrently through the model seam: outcomes come out as calls finish,
the pipeline puts them back in source order, and never more calls run at once than
--concurrency allows."""

import asyncio
from typing import Any

from summarizer import Document, Extracted, FakeModel, FillRequest, Settings, extract_all, sources_of
from summarizer.llm import Attempt
from summarizer.stages.extract import extract_sources
from summarizer.testing import prompt_sentences


class SlowModel(FakeModel):
    """A model whose answers take longer for earlier documents, so calls finish out of order."""

    def __init__(self) -> None:
        super().__init__(self.answer, name="slow")
        self.running = 0
        self.peak = 0
        self.finished: list[str] = []

    @staticmethod
    def line(request: FillRequest[Any]) -> tuple[str, str]:
        sid, text = prompt_sentences(request)[0]
        return sid, text

    async def complete(self, attempt: Attempt) -> Any:
        sid, text = self.line(attempt.request)
        self.running += 1
        self.peak = max(self.peak, self.running)
        await asyncio.sleep(0.05 * (10 - int(text.split()[1])))  # later documents answer sooner
        self.running -= 1
        self.finished.append(sid[0])
        return await super().complete(attempt)

    def answer(self, request: FillRequest[Any], attempt: int) -> dict[str, Any]:
        sid, text = self.line(request)
        quote = " ".join(text.split()[:3])
        return {
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


SOURCES = sources_of(
    [
        Document(name=f"doc{i}", text=f"Document {i} names Person {chr(65 + i)} at a meeting.")
        for i in range(8)
    ]
)


def test_outcomes_keep_source_order_and_the_concurrency_bound() -> None:
    model = SlowModel()
    settings = Settings(model="m", concurrency=3, cache_dir=None)
    outcomes = asyncio.run(extract_all(SOURCES, settings=settings, model=model))
    assert model.finished != sorted(model.finished)  # the calls did finish out of order
    assert all(isinstance(o, Extracted) for o in outcomes)
    assert [o.source.id for o in outcomes] == list("ABCDEFGH")
    assert [o.extraction.actors[0].name for o in outcomes if isinstance(o, Extracted)] == [
        f"Person {c}" for c in "ABCDEFGH"
    ]
    assert model.peak == 3


def test_extraction_yields_each_outcome_as_it_finishes() -> None:
    async def collect() -> list[str]:
        stream = extract_sources(SOURCES, SlowModel(), concurrency=8, budget=6000)
        return [outcome.source.id async for outcome in stream]

    assert asyncio.run(collect()) == list("HGFEDCBA")  # the quickest answer first


def test_sources_are_read_only_as_slots_free_up() -> None:
    pulled: list[str] = []

    def stream() -> Any:
        for source in SOURCES:
            pulled.append(source.id)
            yield source

    async def first_two() -> list[int]:
        seen = []
        async for _ in extract_sources(stream(), SlowModel(), concurrency=2, budget=6000):
            seen.append(len(pulled))
            if len(seen) == 2:
                break
        return seen

    # two in flight from the start; each finished source lets exactly one more in
    assert asyncio.run(first_two()) == [3, 4]
