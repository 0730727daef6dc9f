"""``summarizer check`` and ``summarizer render`` of a large briefing, each as a user runs it: a new
process, cold. The briefing of N articles is made first, in-process, by the stand-in model of
``scale.py`` (every article answered from its own sentences), and saved beside its articles.

    python benchmarks/check_render.py [--articles 3000] [--repeat 3]

Prints the briefing's size and statements, the time its statements' support verdicts take
in-process, then for check and for each render format the median
wall seconds; for check also the milliseconds a statement (its support verdict is worked out
again for every statement, and every citation checked against its article).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scale import article_files, settings_and_model

from summarizer import summarize
from summarizer.render import render_briefing
from summarizer.stages.supporting import with_support


def timed(command: list[str], repeat: int) -> float:
    seconds = []
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True)
        seconds.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):  # check exits 1 when it finds problems: still a full run
            raise SystemExit(f"{' '.join(command[2:4])} failed: {done.stderr.strip()[-300:]}")
    return statistics.median(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description="check and render of a large briefing, whole process.")
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    settings, model = settings_and_model()
    with tempfile.TemporaryDirectory() as folder:
        paths = article_files(Path(folder), args.articles)
        briefing = summarize(paths, settings=settings, model=model)
        saved = Path(folder) / "briefing.json"
        saved.write_text(render_briefing(briefing, "json"), encoding="utf-8")
        statements = sum(1 for _ in briefing.statements())
        print(
            f"{args.articles} articles: briefing {saved.stat().st_size / 1e6:.1f} MB, {statements} statements",
            flush=True,
        )
        start = time.perf_counter()  # the statements' verdicts alone, in-process, as check works them out
        with_support(briefing)
        verdicts = time.perf_counter() - start
        print(
            f"support verdicts in-process: {verdicts:.2f} s, {verdicts / statements * 1000:.2f} ms a statement"
        )
        cli = [sys.executable, "-m", "summarizer"]
        check = timed([*cli, "check", str(saved)], args.repeat)
        print(
            f"check, whole process: median {check:.2f} s, {check / statements * 1000:.2f} ms a statement",
            flush=True,
        )
        for form in ("md", "json", "html"):
            out = Path(folder) / f"note.{form}"
            seconds = timed([*cli, "render", str(saved), "--format", form, "-o", str(out)], args.repeat)
            print(
                f"render --format {form}, whole process: median {seconds:.2f} s ({out.stat().st_size / 1e6:.1f} MB)",
                flush=True,
            )


if __name__ == "__main__":
    main()
