"""What the benchmarks share: synthetic articles, and a stub of an OpenAI-compatible server
(aiohttp, 127.0.0.1 only) that answers valid tool calls, built from each request, after a fixed
latency. Run alone, it serves until interrupted: ``python benchmarks/stub.py --latency 0.5``."""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import threading
import time
from typing import Any

from summarizer.testing import PROMPT_SENTENCE

PEOPLE = ["Ana Petrov", "John Kirby", "Maria Lopez", "Chen Wei", "Omar Haddad", "Lena Fischer"]
PLACES = ["Valmora", "Northport", "the capital", "the border region", "Eastfield"]
VERBS = ["said", "denied", "announced", "warned", "confirmed", "claimed"]


def article(index: int, words: int = 1000) -> str:
    """A synthetic news article of about ``words`` words, with names, places and dates."""
    rng = random.Random(index)
    lines = [
        f"Story {index}: talks resume in {rng.choice(PLACES)}",
        "",
        f"{rng.randint(1, 28)} March 2024",
        "",
    ]
    count = 0
    while count < words:
        sentence = (
            f"{rng.choice(PEOPLE)} {rng.choice(VERBS)} on {rng.choice(['Monday', 'Tuesday', 'Friday'])} that "
            f"{rng.randint(2, 900)} workers in {rng.choice(PLACES)} had joined the protest over pay and hours."
        )
        lines.append(sentence)
        count += len(sentence.split())
    return "\n".join(lines)


def tool_answer(name: str, arguments: dict[str, Any]) -> dict[str, Any]:
    text = json.dumps(arguments)
    return {
        "id": "chatcmpl-stub",
        "object": "chat.completion",
        "created": 0,
        "model": "stub",
        "choices": [
            {
                "index": 0,
                "finish_reason": "tool_calls",
                "message": {
                    "role": "assistant",
                    "content": None,
                    "tool_calls": [
                        {"id": "call", "type": "function", "function": {"name": name, "arguments": text}}
                    ],
                },
            }
        ],
        "usage": {"prompt_tokens": 1000, "completion_tokens": 200, "total_tokens": 1200},
    }


def answer(request: dict[str, Any]) -> dict[str, Any]:
    """A valid answer built from the request itself: it cites the first sentences it was shown."""
    user = request["messages"][1]["content"]
    sentences = PROMPT_SENTENCE.findall(user)
    cite = [{"sentence_id": sid, "quote": " ".join(text.split()[:4])} for sid, text in sentences[:2]]
    if "=====STORY " in user:
        claims = re.findall(r"^- (C\d+) ", user, re.M)
        return tool_answer(
            "SynthesisDraft",
            {
                "title": "Talks resume",
                "bottom_line": [{"text": "Workers joined a protest.", "evidence": cite[:1]}] * 2,
                "key_points": [{"text": "Officials spoke.", "evidence": cite[:1]}],
                "claims": [
                    {
                        "claim_id": c,
                        "status": "single_source",
                        "explanation": "One source.",
                        "evidence": cite[:1],
                    }
                    for c in claims
                ],
                "discrepancies": [],
            },
        )
    first_words = sentences[0][1].split()
    person = " ".join(first_words[:2])
    return tool_answer(
        "ExtractionDraft",
        {
            "actors": [{"name": person, "kind": "person", "aliases": [], "evidence": cite[:1]}],
            "events": [
                {
                    "what": sentences[0][1],
                    "when": None,
                    "participants": [{"actor": person, "role": "spoke"}],
                    "evidence": cite,
                }
            ],
            "claims": [
                {
                    "statement": sentences[-1][1] if len(sentences) < 2 else sentences[1][1],
                    "made_by": person,
                    "evidence": cite[1:2] or cite[:1],
                }
            ],
        },
    )


class Stub:
    """aiohttp server in its own thread; counts requests."""

    def __init__(self, latency: float) -> None:
        self.latency = latency
        self.requests = 0
        self.biggest_prompt = 0  # tokens of the biggest prompt (messages, tools aside) it was sent
        self.bodies: list[dict[str, Any]] = []  # every request body, in the order they came
        self.port = 0
        self._ready = threading.Event()
        self._loop: asyncio.AbstractEventLoop | None = None
        threading.Thread(target=self._run, daemon=True).start()
        self._ready.wait(10)

    def _run(self) -> None:
        from aiohttp import web

        async def handle(request: web.Request) -> web.Response:
            self.requests += 1
            body = await request.json()
            self.biggest_prompt = max(self.biggest_prompt, prompt_tokens(body))
            self.bodies.append(body)
            await asyncio.sleep(self.latency)
            return web.json_response(answer(body))

        async def start() -> None:
            app = web.Application()
            app.router.add_post("/v1/chat/completions", handle)
            runner = web.AppRunner(app, access_log=None)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
            self._ready.set()

        self._loop = asyncio.new_event_loop()
        self._loop.run_until_complete(start())
        self._loop.run_forever()


def prompt_tokens(request: dict[str, Any]) -> int:
    from summarizer.text import tokens

    return sum(tokens.count(str(m.get("content") or "")) for m in request.get("messages", []))


def arguments(request: dict[str, Any]) -> dict[str, Any]:
    """The tool-call arguments of the stub's answer: what a model would fill."""
    call = answer(request)["choices"][0]["message"]["tool_calls"][0]["function"]
    loaded: dict[str, Any] = json.loads(call["arguments"])
    return loaded


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Serve the stub on 127.0.0.1 until interrupted.")
    parser.add_argument("--latency", type=float, default=0.5)
    args = parser.parse_args()
    stub = Stub(args.latency)
    print(f"http://127.0.0.1:{stub.port}/v1", flush=True)
    while True:
        time.sleep(3600)
