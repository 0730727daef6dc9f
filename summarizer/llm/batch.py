"""The OpenAI Batch API (``--batch``): a run's extraction requests sent as one batch, at half the
price, instead of one by one. The first attempt of every request is built by the one re-ask loop
itself (``fill`` over a model that only takes the request down), so the batch sends exactly what
the live path would; each line of the JSONL is keyed by a hash of its body (``custom_id``). The
batch is submitted, polled until it ends, and its answers joined to their requests by that id.
Then the run goes on as usual through ``BatchAnswers``, a model that answers a first attempt
from the batch and everything else live: a re-ask, and a request the batch failed (named in its
error file) or never answered. The answers go through the same validation as live ones, so the
output is the same. The batch's id is saved beside the response cache, keyed by its input, so a
run stopped while it waits polls the same batch when started again instead of paying twice."""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from ..errors import ModelError, SummarizerError
from ..files import write_atomic
from ..lazy import deferred
from ..text import count
from .asking import fill
from .failures import describe_api_error, redact
from .model import Attempt, FillRequest
from .openai_model import OpenAIModel

if TYPE_CHECKING:
    from openai.types import chat
else:
    chat = deferred("openai.types.chat")

ENDPOINT: Final = "/v1/chat/completions"
FINISHED = ("completed", "failed", "expired", "cancelled")


def custom_id(body: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(body, sort_keys=True, default=str).encode()).hexdigest()[:32]


class _TakenDown(Exception):
    """Raised by the collector once it has the request: nothing is asked."""


class _Collector:
    """A model that takes down the body of each first attempt the loop builds, and answers none."""

    def __init__(self, live: OpenAIModel) -> None:
        self.live = live
        self.bodies: list[dict[str, Any]] = []
        self.name, self.mode, self.max_reasks = live.name, live.mode, 0

    async def complete(self, attempt: Attempt) -> Any:
        self.bodies.append(self.live.body_of(attempt))
        raise _TakenDown

    def keep(self, attempt: Attempt, answer: Any) -> None:
        return None

    async def aclose(self) -> None:
        return None


async def first_bodies(live: OpenAIModel, requests: Sequence[FillRequest[Any]]) -> list[dict[str, Any]]:
    """The body of each request's first attempt, as the live path would send it."""
    collector = _Collector(live)
    for request in requests:
        try:
            await fill(collector, request)
        except ModelError:
            pass  # the collector's refusal, once it has the body
    return collector.bodies


class BatchAnswers:
    """The live model, but a first attempt whose body the batch answered gets that answer."""

    def __init__(self, live: OpenAIModel, answers: dict[str, Any]) -> None:
        self.live = live
        self.answers = answers
        self.name, self.mode, self.max_reasks = live.name, live.mode, live.max_reasks

    async def complete(self, attempt: Attempt) -> Any:
        found = self.answers.get(custom_id(self.live.body_of(attempt))) if attempt.number == 0 else None
        return found if found is not None else await self.live.complete(attempt)

    def keep(self, attempt: Attempt, answer: Any) -> None:
        self.live.keep(attempt, answer)

    async def aclose(self) -> None:
        await self.live.aclose()


async def run_batch(
    live: OpenAIModel,
    requests: Sequence[FillRequest[Any]],
    say: Callable[[str], None],
    poll_seconds: float,
) -> BatchAnswers:
    """Submit the requests the cache does not answer as one batch, wait for it, and return the
    model that serves its answers."""
    bodies = {custom_id(b): b for b in await first_bodies(live, requests) if not live.cached(b)}
    if not bodies:
        return BatchAnswers(live, {})
    lines = "".join(
        json.dumps({"custom_id": key, "method": "POST", "url": ENDPOINT, "body": body}) + "\n"
        for key, body in bodies.items()
    )
    saved = _state_file(live, lines)
    client = live.client
    try:
        batch_id = _saved_batch(saved)
        if batch_id is None:
            uploaded = await client.files.create(file=("requests.jsonl", lines.encode()), purpose="batch")
            batch = await client.batches.create(
                input_file_id=uploaded.id, endpoint=ENDPOINT, completion_window="24h"
            )
            batch_id = batch.id
            _save_batch(saved, batch_id)
            say(f"batch {batch_id}: {count(len(bodies), 'request')} submitted")
        else:
            say(f"batch {batch_id}: submitted by an earlier run; waiting for it")
        batch = await client.batches.retrieve(batch_id)
        while batch.status not in FINISHED:
            done = batch.request_counts
            if done is not None:
                say(f"batch {batch_id}: {batch.status}, {done.completed + done.failed} of {done.total} done")
            await asyncio.sleep(poll_seconds)
            batch = await client.batches.retrieve(batch_id)
        answers = await _answers(client, batch.output_file_id)
        failed = len(bodies) - len(answers)
    except Exception as error:
        cause = redact(describe_api_error(error), live.settings.api_key)
        raise ModelError("batch", f"{count(len(bodies), 'request')}", cause) from None
    if saved is not None:
        saved.unlink(missing_ok=True)  # its answers are in hand; a new run would not find them there
    say(
        f"batch {batch_id}: {batch.status}, {count(len(answers), 'answer')}"
        + (f"; {count(failed, 'request')} failed or unanswered, asked live" if failed else "")
    )
    return BatchAnswers(live, answers)


async def _answers(client: Any, file_id: str | None) -> dict[str, Any]:
    """The chat completions of a batch's output file, by custom id; a line that is not one is
    left out (its request is asked live)."""
    if not file_id:
        return {}
    content = await client.files.content(file_id)
    found: dict[str, Any] = {}
    for line in content.text.splitlines():
        try:
            record = json.loads(line)
            response = record.get("response") or {}
            if response.get("status_code") == 200:
                found[str(record["custom_id"])] = chat.ChatCompletion.model_validate(response["body"])
        except (ValueError, KeyError, TypeError, AttributeError):
            continue
    return found


def _state_file(live: OpenAIModel, lines: str) -> Path | None:
    """Where the id of the batch for these requests is kept while it runs (beside the cache)."""
    if live.settings.cache_dir is None:
        return None
    key = hashlib.sha256(f"{live.settings.base_url}\n{lines}".encode()).hexdigest()
    return batch_folder(live.settings.cache_dir) / f"{key}.json"


def batch_folder(cache_dir: str | Path) -> Path:
    """Where the batches a run waits for are recorded: beside the response cache."""
    return Path(cache_dir).parent / "batches"


def _save_batch(path: Path | None, batch_id: str) -> None:
    """Best effort, as the cache is: a state that cannot be written costs a new batch later."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps({"batch": batch_id}))
    except (OSError, SummarizerError):
        pass


def _saved_batch(path: Path | None) -> str | None:
    if path is None or not path.exists():
        return None
    try:
        value = json.loads(path.read_text(encoding="utf-8")).get("batch")
    except (OSError, ValueError, AttributeError):
        return None
    return value if isinstance(value, str) else None
