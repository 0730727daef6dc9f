"""Speed, requests and memory of a briefing run against a local stub of an OpenAI-compatible
server (127.0.0.1 only, see stub.py) that answers valid tool calls after a fixed latency.

    python benchmarks/bench.py [--docs 20] [--words 700] [--concurrency 8] [--latency 0.5] [--repeat 3]

Articles of 700 words, one page, take one extraction call each at the default answer budget
(--max-tokens 16384 allows about 4,680 article tokens a call); longer ones are split in parts,
asked one after the other, and the model's time below counts those rounds.

Prints medians over the repeats, each against the model's own time (rounds x latency):
- as a user runs it: ``summarizer brief`` in a new process, cold (imports, client, tokenizer);
- in-process, after a warm-up: ``summarize()`` in this process;
the requests made, the pipeline's own time per document with no model call at all (a
``FakeModel``), peak memory, a cached re-run, and the start-up time of ``summarizer --help``.
"""

from __future__ import annotations

import argparse
import math
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from stub import Stub, arguments, article

from summarizer import (
    FakeModel,
    FillRequest,
    Settings,
    extract_all,
    load_document,
    render_briefing,
    sources_of,
    summarize,
)
from summarizer.stages.extract import Extracted, ExtractionJob, part_budget
from summarizer.stages.merge import merge
from summarizer.text import Source, source_id

ROOT = Path(__file__).resolve().parent.parent


def settings_for(stub: Stub, concurrency: int, cache: str | None) -> Settings:
    return Settings(
        model="stub",
        base_url=f"http://127.0.0.1:{stub.port}/v1",
        api_key="not-needed",
        mode="tools",
        concurrency=concurrency,
        cache_dir=cache,
    )


def in_process(paths: list[Path], stub: Stub, concurrency: int, cache: str | None) -> tuple[float, int]:
    before = stub.requests
    start = time.perf_counter()
    summarize(paths, settings=settings_for(stub, concurrency, cache))
    return time.perf_counter() - start, stub.requests - before


def model_rounds(paths: list[Path], concurrency: int) -> tuple[int, int]:
    """The most parts an article is asked in, and the rounds of calls a run waits for: extraction
    rounds (a source's parts one after the other), then synthesis."""
    parts = max(len(ExtractionJob(s, part_budget(Settings())).parts) for s in sources_of(paths))
    return parts, math.ceil(len(paths) / concurrency) * parts + 1


def whole_process(
    paths: list[Path], stub: Stub, concurrency: int, out: Path, tree: Path | None = None
) -> tuple[float, float, int]:
    """Wall and CPU seconds of ``summarizer brief`` in a new process, and the requests it made;
    ``tree``: run the package of that checkout instead of the installed one."""
    command = [sys.executable, "-m", "summarizer", "brief", *map(str, paths), "-o", str(out)]
    command += ["--base-url", f"http://127.0.0.1:{stub.port}/v1", "--model", "stub", "--no-cache"]
    command += ["--concurrency", str(concurrency)]
    environment = {"OPENAI_API_KEY": "", "PATH": "", **({"PYTHONPATH": str(tree)} if tree else {})}
    before = stub.requests
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=environment, cwd=tree)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime)
    return wall, cpu, stub.requests - before


def fake_answer(request: FillRequest[Any], _attempt: int) -> dict[str, Any]:
    return arguments({"messages": request.messages})


def own_time_per_document(paths: list[Path]) -> dict[str, float]:
    """The pipeline's work without any model call, per document, in milliseconds."""
    import asyncio

    stages: dict[str, float] = {}
    t0 = time.perf_counter()
    documents = [load_document(path) for path in paths]
    t1 = time.perf_counter()
    sources = [Source.of(document, source_id(i)) for i, document in enumerate(documents)]
    t2 = time.perf_counter()
    settings = Settings(model="fake", cache_dir=None, concurrency=8)
    outcomes = asyncio.run(extract_all(sources, settings=settings, model=FakeModel(fake_answer)))
    t3 = time.perf_counter()
    merge([o.extraction for o in outcomes if isinstance(o, Extracted)])
    t4 = time.perf_counter()
    briefing = summarize(sources, settings=settings, model=FakeModel(fake_answer))
    t5 = time.perf_counter()
    render_briefing(briefing, "md")
    render_briefing(briefing, "json")
    t6 = time.perf_counter()
    stages = {
        "load": t1 - t0,
        "segment": t2 - t1,
        "prompt+validate+ground": t3 - t2,
        "merge": t4 - t3,
        "render": t6 - t5,
    }
    stages["whole run"] = t5 - t4
    return {k: v / len(paths) * 1000 for k, v in stages.items()}


def render_seeds(repeat: int = 20) -> dict[str, float]:
    """Milliseconds to render the shipped seeds' briefing in each format (median, warm), and
    ``summarizer render --format html`` as a user runs it (whole process, cold)."""
    from summarizer import Briefing
    from summarizer.store import read_sources

    example = ROOT / "examples" / "seeds_briefing.json"
    note = Briefing.model_validate_json(example.read_text())
    sources, _ = read_sources(note, [], ROOT)
    figures = {}
    for fmt in ("md", "json", "html"):
        render_briefing(note, fmt, sources)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            render_briefing(note, fmt, sources)
            times.append(time.perf_counter() - start)
        figures[fmt] = statistics.median(times) * 1000
    cold = []
    for _ in range(5):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "summarizer", "render", str(example), "--format", "html"],
            check=True,
            capture_output=True,
            cwd=ROOT,
        )
        cold.append(time.perf_counter() - start)
    figures["html, whole process"] = statistics.median(cold) * 1000
    return figures


def update_one(paths: list[Path], extra: Path, stub: Stub, concurrency: int) -> tuple[int, float, float]:
    """An update adding one article to a briefing of ``paths``: the requests it makes (to the
    stub), and its own time without any model (FakeModel), in-process, median of 5, in ms."""
    with tempfile.TemporaryDirectory() as folder:
        saved = Path(folder) / "briefing.json"
        saved.write_text(
            render_briefing(summarize(paths, settings=settings_for(stub, concurrency, None)), "json")
        )
        before = stub.requests
        summarize([extra], settings=settings_for(stub, concurrency, None), since=saved)
        requests = stub.requests - before
        fake = Settings(model="fake", cache_dir=None, concurrency=concurrency)
        offline = Path(folder) / "offline.json"
        offline.write_text(
            render_briefing(summarize(paths, settings=fake, model=FakeModel(fake_answer)), "json")
        )
        times = []
        for _ in range(5):
            start = time.perf_counter()
            summarize([extra], settings=fake, model=FakeModel(fake_answer), since=offline)
            times.append(time.perf_counter() - start)
        whole = []
        for _ in range(5):
            start = time.perf_counter()
            summarize([*paths, extra], settings=fake, model=FakeModel(fake_answer))
            whole.append(time.perf_counter() - start)
    return requests, statistics.median(times) * 1000, statistics.median(whole) * 1000


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
    parser.add_argument("--words", type=int, default=700)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--latency", type=float, default=0.5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for i in range(args.docs):
            path = Path(folder) / f"article{i:02d}.txt"
            path.write_text(article(i, args.words))
            paths.append(path)
        parts, rounds = model_rounds(paths, args.concurrency)
        model_time = rounds * args.latency
        stub = Stub(args.latency)
        cold = [
            whole_process(paths, stub, args.concurrency, Path(folder) / "note.md") for _ in range(args.repeat)
        ]
        in_process(paths, stub, args.concurrency, None)  # warm-up: imports, client, tokenizer
        warm = [in_process(paths, stub, args.concurrency, None) for _ in range(args.repeat)]
        with tempfile.TemporaryDirectory() as cache:
            in_process(paths, stub, args.concurrency, cache)
            cached = [in_process(paths, stub, args.concurrency, cache) for _ in range(args.repeat)]
        own_time_per_document(paths)  # warm-up: first-use costs (templates, tokenizer) are not per document
        stages = own_time_per_document(paths)
        extra = Path(folder) / "article_new.txt"
        extra.write_text(article(args.docs, args.words))
        update = update_one(paths, extra, Stub(0.0), args.concurrency)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    cold_wall = statistics.median(c[0] for c in cold)
    cold_cpu = statistics.median(c[1] for c in cold)
    warm_wall = statistics.median(w[0] for w in warm)
    print(
        f"documents: {args.docs} of ~{args.words} words ({parts} extraction call(s) each), "
        f"concurrency {args.concurrency}, latency {args.latency * 1000:.0f} ms"
    )
    print(f"model's own time: {rounds} rounds x {args.latency:.2f} s = {model_time:.2f} s")
    print(
        f"whole process, cold (summarizer brief): median {cold_wall:.2f} s wall, {cold_cpu:.2f} s CPU over "
        f"{args.repeat} runs ({', '.join(f'{c[0]:.2f}' for c in cold)}); {cold_wall - model_time:+.2f} s over the "
        f"model's time (target <= +1.5 s), ratio {cold_wall / model_time:.2f}x"
    )
    print(
        f"in-process, warm (summarize()): median {warm_wall:.2f} s over {args.repeat} runs "
        f"({', '.join(f'{w[0]:.2f}' for w in warm)}); ratio {warm_wall / model_time:.2f}x (target <= 1.3x)"
    )
    print(
        f"requests per run: {statistics.median(w[1] for w in warm):.0f} ({args.docs} extractions + 1 synthesis)"
    )
    print(
        "pipeline's own time per document (FakeModel, no HTTP): "
        + ", ".join(f"{k} {v:.1f} ms" for k, v in stages.items())
        + " (target < 20 ms)"
    )
    print(f"peak memory (max RSS of this process, stub server included): {peak:.0f} MiB")
    print(
        f"cached re-run: median {statistics.median(c[0] for c in cached):.2f} s, "
        f"requests {max(c[1] for c in cached)} (target: 0 requests, < 1 s)"
    )
    print(
        f"update adding 1 article to a {args.docs}-article briefing: {update[0]} requests "
        f"(1 extraction + 1 synthesis; target 2); own time {update[1]:.0f} ms (target < 100 ms), "
        f"against {update[2]:.0f} ms for the whole {args.docs + 1}-article briefing"
    )
    print(
        "rendering the seeds' briefing: "
        + ", ".join(f"{fmt} {ms:.1f} ms" for fmt, ms in render_seeds().items())
        + " (target: html < 50 ms)"
    )
    print(f"summarizer --help: median {help_startup():.2f} s over 5 starts (target < 0.5 s)")


if __name__ == "__main__":
    main()
