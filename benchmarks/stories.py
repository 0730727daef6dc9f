"""A day's news through ``summarizer stories``: N articles (the annotated news in ../shared/eval,
then articles made of their sentences) grouped into stories and briefed, the model being the
stub server (answers at once, so every second is the product's own).

    python benchmarks/stories.py [--articles 200 1000] [--kill-after 3] [--latency 0.2 --no-kill]

Prints, for each N: the whole process, cold (wall and CPU seconds, peak memory, requests, the
biggest prompt sent in tokens against the model's context); in-process, the grouping alone; and a
job killed (SIGKILL) after ``--kill-after`` seconds then run again: the requests the two runs
made against a run that was never stopped (answers already given are not asked again).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import articles  # noqa: E402
from stub import Stub  # noqa: E402

from summarizer.llm.cache import ResponseCache  # noqa: E402


def write_articles(count: int, folder: Path) -> list[Path]:
    """The scale benchmark's articles, one JSON file each."""
    paths = []
    for number, (title, text) in enumerate(articles(count)):
        path = folder / f"{number:05d}.json"
        path.write_text(json.dumps({"title": title, "text": text}), encoding="utf-8")
        paths.append(path)
    return paths


def command(folder: Path, out: Path, stub: Stub, cache: Path | None) -> list[str]:
    line = [sys.executable, "-m", "summarizer", "stories", str(folder), "-o", str(out)]
    line += ["--base-url", f"http://127.0.0.1:{stub.port}/v1", "--model", "stub", "--concurrency", "8"]
    return line + (["--cache-dir", str(cache)] if cache else ["--no-cache"])


ENVIRONMENT = {"OPENAI_API_KEY": "", "PATH": os.environ.get("PATH", "")}


def whole_process(folder: Path, out: Path, stub: Stub) -> dict[str, float]:
    before = stub.requests
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command(folder, out, stub, None), capture_output=True, text=True, env=ENVIRONMENT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(done.stderr[-2000:])
    index = json.loads((out / "index.json").read_text())
    return {
        "wall s": wall,
        "cpu s": (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime),
        "peak MiB": after.ru_maxrss / 1024,
        "requests": stub.requests - before,
        "stories": len(index["stories"]),
        "biggest prompt": stub.biggest_prompt,
    }


def grouping_in_process(paths: list[Path]) -> float:
    from summarizer import load_document, plan_stories

    documents = [load_document(p) for p in paths]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as out:
        plan_stories(documents, out)
    return time.perf_counter() - start


def killed_and_resumed(folder: Path, stub: Stub, after: float, total: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as scratch:
        out, cache = Path(scratch) / "out", Path(scratch) / "cache"
        before = stub.requests
        process = subprocess.Popen(
            command(folder, out, stub, cache),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=ENVIRONMENT,
        )
        time.sleep(after)
        process.send_signal(signal.SIGKILL)
        process.wait()
        first = stub.requests - before
        cache_of = ResponseCache(cache)
        base_url = f"http://127.0.0.1:{stub.port}/v1"
        stored = {key for body in stub.bodies[before:] if cache_of.holds(key := cache_of.key(base_url, body))}
        saved = out / "index.json"  # none yet if it was killed while grouping
        stories = json.loads(saved.read_text())["stories"] if saved.exists() else []
        briefed = sum(s["status"] == "briefed" for s in stories)
        done = subprocess.run(
            command(folder, out, stub, cache), capture_output=True, text=True, env=ENVIRONMENT
        )
        if done.returncode:
            raise SystemExit(done.stderr[-2000:])
        second = stub.requests - before - first
        again = sum(cache_of.key(base_url, body) in stored for body in stub.bodies[before + first :])
    return {
        "killed after s": after,
        "stories briefed when killed": briefed,
        "requests before the kill": first,
        "requests after": second,
        "repeated": first + second - total,  # answers that were in flight, or not yet stored
        "repeated that had an answer stored": again,
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--kill-after", type=float, default=3.0)
    parser.add_argument(
        "--latency", type=float, default=0.0, help="seconds the stub takes to answer (0: own time alone)"
    )
    parser.add_argument("--no-kill", action="store_true", help="skip the killed run")
    args = parser.parse_args()
    stub = Stub(latency=args.latency)
    for count in args.articles:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch) / "news"
            folder.mkdir()
            paths = write_articles(count, folder)
            figures = whole_process(folder, Path(scratch) / "out", stub)
            print(
                f"{count} articles, whole process, cold: "
                + ", ".join(f"{k} {v:.1f}" for k, v in figures.items())
            )
            print(f"{count} articles, grouping in-process: {grouping_in_process(paths):.2f} s")
            if args.no_kill:
                continue
            resumed = killed_and_resumed(folder, stub, args.kill_after, int(figures["requests"]))
            print(
                f"{count} articles, killed and run again: "
                + ", ".join(f"{k} {v:g}" for k, v in resumed.items())
            )


if __name__ == "__main__":
    main()
