"""Whole-process speed of this checkout against another revision, interleaved: on a machine as
noisy as this one, runs of the two taken in turn say more than two batches taken apart.

    python benchmarks/compare.py REVISION [--pairs 12] [--docs 20] [--words 700] [--latency 0.5]

Checks REVISION out in a temporary git worktree, compiles both trees' bytecode once (neither run
pays for it), then runs ``summarizer brief`` cold from each in turn against the stub server (see
bench.py). Prints each side's median cost over the model's time and the median of the paired
differences.
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import tempfile
from pathlib import Path

from bench import ROOT, model_rounds, whole_process
from stub import Stub, article


def main() -> None:
    parser = argparse.ArgumentParser(description="Compare a cold briefing run with another revision's.")
    parser.add_argument("revision", help="a git revision of this repository, e.g. HEAD~3 or main")
    parser.add_argument("--pairs", type=int, default=12)
    parser.add_argument("--docs", type=int, default=20)
    parser.add_argument("--words", type=int, default=700)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--latency", type=float, default=0.5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        other = Path(folder) / "other"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(other), args.revision],
            check=True,
        )
        try:
            for tree in (ROOT, other):
                compileall.compile_dir(tree / "summarizer", quiet=1)
            paths = []
            for i in range(args.docs):
                path = Path(folder) / f"article{i:02d}.txt"
                path.write_text(article(i, args.words))
                paths.append(path)
            model_time = model_rounds(paths, args.concurrency)[1] * args.latency
            stub = Stub(args.latency)
            costs: dict[str, list[float]] = {"this checkout": [], args.revision: []}
            for _ in range(args.pairs):
                for name, tree in (("this checkout", ROOT), (args.revision, other)):
                    wall, _, _ = whole_process(paths, stub, args.concurrency, Path(folder) / "note.md", tree)
                    costs[name].append(wall - model_time)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=True)

    print(f"{args.pairs} interleaved pairs, model's own time {model_time:.2f} s")
    for name, values in costs.items():
        print(
            f"{name}: median {statistics.median(values):+.3f} s over the model's time ({', '.join(f'{v:+.2f}' for v in values)})"
        )
    differences = [a - b for a, b in zip(costs["this checkout"], costs[args.revision], strict=True)]
    print(
        f"this checkout minus {args.revision}, median of the pairs: {statistics.median(differences):+.3f} s"
    )


if __name__ == "__main__":
    main()
