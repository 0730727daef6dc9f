"""Speed, requests and memory of a briefing run against a local stub of an OpenAI-compatible
server (127.0.0.1 only) that answers valid tool calls after a fixed latency.

    python benchmarks/bench.py [--docs 20] [--concurrency 8] [--latency 0.5] [--repeat 3]

Prints medians over the repeats: wall time against the ideal (rounds x latency), requests made,
the pipeline's own time per document outside the model calls, peak memory, a cached re-run,
and the start-up time of `summarizer --help`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from summarizer import Settings, load_document, summarize  # noqa: E402

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
    sentences = re.findall(r"^\[([A-Z]+\d+)\] (.*)$", user, re.M)
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
            "claims": [{"statement": sentences[1][1], "made_by": person, "evidence": cite[1:2] or cite[:1]}],
        },
    )


class Stub:
    """aiohttp server in its own thread; counts requests."""

    def __init__(self, latency: float) -> None:
        self.latency = latency
        self.requests = 0
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


def run_once(paths: list[Path], stub: Stub, concurrency: int, cache: str) -> tuple[float, int]:
    settings = Settings(
        model="stub",
        base_url=f"http://127.0.0.1:{stub.port}/v1",
        api_key="not-needed",
        mode="tools",
        concurrency=concurrency,
        cache_dir=cache,
    )
    before = stub.requests
    start = time.perf_counter()
    summarize(paths, settings=settings)
    return time.perf_counter() - start, stub.requests - before


def own_time_per_document(paths: list[Path]) -> dict[str, float]:
    """The pipeline's work without any model call, per document: load, segment, validate and
    ground a stub answer, merge, synthesise-ground, render."""
    from summarizer.extraction import _Call
    from summarizer.grounding import grounding
    from summarizer.merge import merge
    from summarizer.schemas import ExtractionDraft
    from summarizer.segment import source_id, split_sentences

    stages = {"load": 0.0, "segment": 0.0, "validate+ground": 0.0, "merge": 0.0}
    extractions = []
    settings = Settings(model="stub", api_key="x", cache_dir=None)
    for index, path in enumerate(paths):
        t0 = time.perf_counter()
        document = load_document(path)
        t1 = time.perf_counter()
        sentences = split_sentences(document, source_id(index))
        t2 = time.perf_counter()
        call = _Call(document, source_id(index), sentences, settings)
        drafts = []
        for model, messages in call.jobs():
            arguments = json.loads(
                answer({"messages": messages})["choices"][0]["message"]["tool_calls"][0]["function"][
                    "arguments"
                ]
            )
            with grounding(model.scope):
                drafts.append(ExtractionDraft.model_validate(arguments))
        extractions.append(call.result(drafts))
        t3 = time.perf_counter()
        stages["load"] += t1 - t0
        stages["segment"] += t2 - t1
        stages["validate+ground"] += t3 - t2
    t4 = time.perf_counter()
    merge(extractions)
    stages["merge"] += time.perf_counter() - t4
    return {k: v / len(paths) * 1000 for k, v in stages.items()}


def render_time(paths: list[Path], stub: Stub) -> float:
    from summarizer.render import briefing_markdown

    with tempfile.TemporaryDirectory() as cache:
        settings = Settings(
            model="stub",
            base_url=f"http://127.0.0.1:{stub.port}/v1",
            api_key="x",
            concurrency=8,
            cache_dir=cache,
        )
        briefing = summarize(paths, settings=settings)
    start = time.perf_counter()
    briefing_markdown(briefing)
    briefing.model_dump_json()
    return (time.perf_counter() - start) * 1000 / len(paths)


def help_startup(repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "summarizer", "--help"], check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark a briefing run against a local stub server.")
    parser.add_argument("--docs", type=int, default=20)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i in range(args.docs):
            path = Path(folder) / f"article{i:02d}.txt"
            path.write_text(article(i))
            paths.append(path)
        stub = Stub(args.latency)
        walls, requests = [], []
        for _ in range(args.repeat):
            with tempfile.TemporaryDirectory() as cache:
                wall, made = run_once(paths, stub, args.concurrency, cache)
                walls.append(wall)
                requests.append(made)
        with tempfile.TemporaryDirectory() as cache:
            run_once(paths, stub, args.concurrency, cache)
            cached = [run_once(paths, stub, args.concurrency, cache) for _ in range(args.repeat)]
        rounds = math.ceil(args.docs / args.concurrency) + 1  # extraction rounds, then synthesis
        ideal = rounds * args.latency
        wall = statistics.median(walls)
        stages = own_time_per_document(paths)
        render = render_time(paths, Stub(0.0))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print(
        f"documents: {args.docs} of ~1000 words, concurrency {args.concurrency}, latency {args.latency * 1000:.0f} ms"
    )
    print(
        f"wall time: median {wall:.2f} s over {args.repeat} runs (runs: {', '.join(f'{w:.2f}' for w in walls)})"
    )
    print(
        f"ideal: {rounds} rounds x {args.latency:.2f} s = {ideal:.2f} s; ratio {wall / ideal:.2f}x (target <= 1.3x)"
    )
    print(f"requests per run: {statistics.median(requests):.0f} ({args.docs} extractions + 1 synthesis)")
    own = sum(stages.values()) + render
    print(
        "pipeline's own time per document: "
        + ", ".join(f"{k} {v:.1f} ms" for k, v in stages.items())
        + f", render {render:.1f} ms; total {own:.1f} ms (target < 20 ms)"
    )
    print(f"peak memory (max RSS of this process): {peak:.0f} MiB")
    print(
        f"cached re-run: median {statistics.median(c[0] for c in cached):.2f} s, "
        f"requests {max(c[1] for c in cached)} (target: 0 requests, < 1 s)"
    )
    print(f"summarizer --help: median {help_startup():.2f} s over 5 starts (target < 0.5 s)")


if __name__ == "__main__":
    main()
