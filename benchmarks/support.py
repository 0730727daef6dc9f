"""The support checker's own time per statement, with no model involved.

    python benchmarks/support.py [--repeat 5]

Two workloads, each timed --repeat times, medians printed:
- the evaluation pairs (eval/support-pairs.json): one statement against one sentence, with its
  article's actor table, as ``summarizer eval support`` checks them;
- the seeds' golden briefing (tests/snapshots/seeds_briefing.json): every statement of a real
  note against its cited sentences and the note's actor table, as ``summarizer check`` does.
And a whole ``summarizer check`` of that briefing in a new process, cold, as CI runs it.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from summarizer.evaluation import evaluate_support, load_pairs
from summarizer.schema.briefing import Briefing
from summarizer.stages.supporting import judged, with_support

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "eval" / "support-pairs.json"
GOLDEN = ROOT / "tests" / "snapshots" / "seeds_briefing.json"


def timed(run: object, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    pairs = load_pairs(PAIRS)
    evaluate_support(pairs[:20])  # warm-up: imports, compiled patterns
    pair_times = timed(lambda: evaluate_support(pairs), args.repeat)
    per_pair = statistics.median(pair_times) / len(pairs) * 1000
    first = pair_times[0] / len(pairs) * 1000  # the word caches still empty
    print(f"eval pairs: {len(pairs)} statements, first run {first:.2f}, median {per_pair:.2f} ms a statement")

    briefing = Briefing.model_validate_json(GOLDEN.read_text(encoding="utf-8"))
    statements = sum(1 for _ in judged(with_support(briefing)))
    note_times = timed(lambda: with_support(briefing), args.repeat)
    per_note = statistics.median(note_times) / statements * 1000
    print(f"golden briefing: {statements} statements, median {per_note:.2f} ms a statement")

    cold = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "summarizer", "check", str(GOLDEN)],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        cold.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise SystemExit(f"summarizer check failed: {done.stdout}{done.stderr}")
    print(
        f"summarizer check of the golden briefing, whole process cold: median {statistics.median(cold):.2f} s"
    )


if __name__ == "__main__":
    main()
