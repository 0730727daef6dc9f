"""One story of N articles through ``summarizer brief`` as a user runs it: a new process, cold,
the model being the stub server (answers at once, so every second is the product's own); then
one more article added with ``--since``, again a new process.

    python benchmarks/brief_process.py [--articles 200 1000] [--repeat 3]

Prints, for each N, the medians over the repeats of the wall seconds, the CPU seconds and the
peak memory of the briefing and of the update, and the requests each made.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories import ENVIRONMENT, write_articles  # noqa: E402
from stub import Stub  # noqa: E402


def timed(line: list[str], stub: Stub) -> dict[str, float]:
    before = stub.requests
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(line, capture_output=True, text=True, env=ENVIRONMENT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(done.stderr[-2000:])
    return {
        "wall s": wall,
        "cpu s": (after.ru_utime - usage.ru_utime) + (after.ru_stime - usage.ru_stime),
        "peak MiB": after.ru_maxrss / 1024,  # the largest child so far: read against the first run
        "requests": stub.requests - before,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    stub = Stub(latency=0.0)
    # a context as a real model has: a story too large for one synthesis call is synthesised in stages
    server = ["--base-url", f"http://127.0.0.1:{stub.port}/v1", "--model", "stub", "--no-cache"]
    server += ["--context-tokens", "128000"]
    for count in args.articles:
        runs: dict[str, list[dict[str, float]]] = {"brief": [], "update": []}
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            *paths, added = write_articles(count + 1, folder)
            note = folder / "note.json"
            brief = [sys.executable, "-m", "summarizer", "brief", *map(str, paths), "-o", str(note)]
            update = [sys.executable, "-m", "summarizer", "brief", str(added), "--since", str(note)]
            for _ in range(args.repeat):
                runs["brief"].append(timed([*brief, "--format", "json", *server], stub))
                runs["update"].append(
                    timed([*update, "-o", str(folder / "updated.json"), "--format", "json", *server], stub)
                )
        for step, figures in runs.items():
            shown = ", ".join(f"{key} {statistics.median(f[key] for f in figures):.2f}" for key in figures[0])
            label = f"{count} articles" if step == "brief" else f"{count} + 1 articles (--since)"
            print(f"{label}, whole process, median of {args.repeat}: {shown}", flush=True)


if __name__ == "__main__":
    main()
