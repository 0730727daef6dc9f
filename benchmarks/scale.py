"""Own time at scale: a briefing of N articles whose model answers at once, so every second is
the product's own. The articles are the real texts of the annotated news in ../shared/eval
(ecbplus and meantime); past the ~900 there, articles are made of their sentences, drawn at
random. A ``FakeModel`` answers each article from its own sentences: the capitalised names it
writes (actors), a few of its sentences (events, each with its first word ending in 'ed' as its
act, so that reports of one act are compared wherever they stand), the sentences that say
someone said something (claims); the synthesis cites the first sentences it is shown.

    python benchmarks/scale.py [--articles 50 200 1000] [--tree PATH] [--update]

Prints the whole run and its stages (actor resolution, the event and claim merge, synthesis with
its validation, support verdicts), in seconds and per article, and the peak memory. ``--tree``
runs another checkout's package (the same measure, before and after a change). ``--update``
measures updates instead: the briefing of N articles is saved with its articles, then one more
article is added to it (``--since``), then one more to that: the first update checks every
extraction it carries and remembers them beside its cache; the next (whose stages are printed)
checks only the one the first added.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}\b")


def texts() -> list[tuple[str, str]]:
    """(title, text) of every annotated article beside the repository."""
    found = []
    for folder in ("ecbplus", "meantime"):
        for path in sorted((EVAL / folder).glob("*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data.get("text"), str) and data["text"].strip():
                found.append((str(data.get("title") or path.stem), data["text"]))
    if not found:
        raise SystemExit(f"no annotated articles under {EVAL}: the benchmark reads their texts")
    return found


def articles(count: int) -> list[tuple[str, str]]:
    real = texts()
    if count <= len(real):
        return real[:count]
    rng = random.Random(7)
    sentences = [s for _, text in real for s in re.split(r"(?<=[.!?])\s+", text) if len(s.split()) > 4]
    made = [(f"Composite {i}", " ".join(rng.sample(sentences, 12))) for i in range(count - len(real))]
    return real + made


def named_articles(count: int) -> list[tuple[str, str]]:
    """The first ``count`` articles as a user's files hold them: (file name, the title, a blank
    line, the text)."""
    return [(f"a{i}.txt", f"{title}\n\n{text}") for i, (title, text) in enumerate(articles(count))]


def article_files(folder: Path, count: int) -> list[Path]:
    """The first ``count`` articles written to ``folder``, one file each (``named_articles``)."""
    paths = []
    for name, text in named_articles(count):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# Every request, kept to be counted after the run: counting its tokens is the stand-in's work,
# not the product's, so it stays out of the time measured.
REQUESTS: list[Any] = []


def answer(request: Any, _attempt: int) -> dict[str, Any]:
    """What a capable model could answer from the article's own sentences."""
    from summarizer.testing import prompt_sentences  # from the package measured (--tree)

    lines = prompt_sentences(request)
    REQUESTS.append(request)
    if request.step != "extraction":
        evidence = [{"sentence_id": sid, "quote": " ".join(text.split()[:6])} for sid, text in lines[:1]]
        return {
            "title": "The story",
            "bottom_line": [{"text": lines[0][1], "evidence": evidence}] if lines else [],
            "key_points": [],
            "claims": [],
            "discrepancies": [],
        }
    actors: dict[str, dict[str, Any]] = {}
    for sid, text in lines:
        for name in NAME.findall(text)[:2]:
            actors.setdefault(
                name, {"name": name, "kind": "other", "evidence": [{"sentence_id": sid, "quote": name}]}
            )
    cite = [(sid, text) for sid, text in lines if len(text.split()) > 5]
    events = [
        {
            "what": text,
            "act": next((w for w in text.split() if w.isalpha() and w.endswith("ed")), None),
            "evidence": [{"sentence_id": sid, "quote": " ".join(text.split()[:6])}],
        }
        for sid, text in cite[1:4]
    ]
    claims = [
        {"statement": text, "evidence": [{"sentence_id": sid, "quote": " ".join(text.split()[:6])}]}
        for sid, text in cite
        if " said" in text
    ][:2]
    return {"actors": list(actors.values())[:5], "events": events, "claims": claims}


def timed(module: Any, name: str, spent: dict[str, float], label: str) -> None:
    """Wraps ``module.name`` so that the time spent in it adds to ``spent[label]``."""
    original = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - start

    async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return await original(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - start

    import inspect

    setattr(module, name, async_wrapper if inspect.iscoroutinefunction(original) else wrapper)


SPENT: dict[str, float] = defaultdict(float)


def time_the_stages() -> None:
    """Once: the stages' functions, where the pipeline calls them, add their time to ``SPENT``."""
    from summarizer import assembly, update
    from summarizer.stages import merge

    try:  # where actors are resolved (in the merge itself before ``actor_table``, for --tree)
        from summarizer.stages import actor_table as resolving
    except ImportError:
        resolving = merge
    for module, name, label in (
        (resolving, "resolve", "actor resolution"),
        (assembly, "merge", "merge"),
        (assembly, "synthesise_within", "synthesis"),
        (assembly, "settle_support", "support verdicts"),
        (update, "previous_briefing", "reading and checking the saved briefing"),
    ):
        timed(module, name, SPENT, label)


CONTEXT: list[int | None] = [None]  # --context-tokens: the synthesis is staged to fit it


def settings_and_model() -> tuple[Any, Any]:
    """What every measured run uses: no cache, the stand-in model answering at once, no re-asks."""
    from summarizer import FakeModel, Settings

    settings = Settings(model="fake", cache_dir=None, concurrency=8, max_reasks=0, context_tokens=CONTEXT[0])
    return settings, FakeModel(answer, max_reasks=0)


def figures(label: str, whole: float, briefing: Any) -> dict[str, float]:
    """The run's time, each stage's, and the briefing's statements (popped before printing)."""
    result = {label: whole, **SPENT}
    result["event and claim merge"] = result.pop("merge") - result["actor resolution"]
    result["statements"] = float(sum(1 for _ in briefing.statements()))
    from summarizer.llm.prompts import schema_tokens
    from summarizer.text import tokens

    sent, synthesis = 0, []  # the prompt tokens of every request (its schema included), of each synthesis
    for request in REQUESTS:
        messages = sum(tokens.count(m["content"]) for m in request.messages)
        sent += messages + schema_tokens(request.schema)
        if request.step != "extraction":
            synthesis.append(messages)
    result["synthesis calls"] = float(len(synthesis))
    result["biggest synthesis prompt"] = float(max(synthesis, default=0))
    result["sent"] = float(sent)
    return result


def run(count: int) -> dict[str, float]:
    from summarizer import Document, summarize
    from summarizer.plan import plan
    from summarizer.text import collect

    SPENT.clear()
    REQUESTS.clear()
    documents = [Document(name=name, text=text) for name, text in named_articles(count)]
    settings, model = settings_and_model()
    start = time.perf_counter()
    briefing = summarize(documents, settings=settings, model=model)
    result = figures("whole run", time.perf_counter() - start, briefing)
    # what --dry-run would have said the run sends
    result["planned"] = float(
        sum(c.prompt_tokens for c in plan(collect(documents, [])[0], settings, synthesis=True))
    )
    return result


def run_update(count: int) -> dict[str, float]:
    """A briefing of ``count`` articles saved, then updated with one more article twice over, as a
    developing story is: the first update checks every extraction it carries (and remembers them
    beside the response cache); the next, the one it is timed on, only the article the first
    added."""
    import dataclasses
    import tempfile

    from summarizer import summarize
    from summarizer.render import render_briefing

    settings, model = settings_and_model()
    with tempfile.TemporaryDirectory() as folder:
        paths = article_files(Path(folder), count + 2)
        kept = dataclasses.replace(settings, cache_dir=str(Path(folder) / "cache"))
        saved, updated = Path(folder) / "briefing.json", Path(folder) / "updated.json"
        saved.write_text(render_briefing(summarize(paths[:-2], settings=settings, model=model), "json"))
        start = time.perf_counter()
        briefing = summarize(paths[-2:-1], settings=kept, model=model, since=saved)
        first = time.perf_counter() - start
        updated.write_text(render_briefing(briefing, "json"))
        SPENT.clear()
        REQUESTS.clear()
        start = time.perf_counter()
        briefing = summarize(paths[-1:], settings=kept, model=model, since=updated)
        return {"first update": first, **figures("next update", time.perf_counter() - start, briefing)}


def main() -> None:
    parser = argparse.ArgumentParser(description="Own time of a briefing at scale, model answering at once.")
    parser.add_argument("--articles", type=int, nargs="+", default=[50, 200, 1000])
    parser.add_argument("--tree", type=Path, help="run another checkout's package")
    parser.add_argument("--update", action="store_true", help="time adding one article to a saved briefing")
    parser.add_argument(
        "--context-tokens", type=int, help="the model's context: a larger synthesis is staged"
    )
    parser.add_argument(
        "--as-cli",
        action="store_true",
        help="collect garbage as the command line does (it sets the collector)",
    )
    args = parser.parse_args()
    if args.tree:  # before anything of the package is imported
        sys.path.insert(0, str(args.tree.resolve()))
    if args.as_cli:
        import summarizer.cli  # noqa: F401  (sets the collector's thresholds as every command runs with)
    CONTEXT[0] = args.context_tokens
    time_the_stages()
    for count in args.articles:
        figures = run_update(count) if args.update else run(count)
        statements = int(figures.pop("statements"))
        calls, biggest = int(figures.pop("synthesis calls")), int(figures.pop("biggest synthesis prompt"))
        sent, planned = int(figures.pop("sent")), int(figures.pop("planned", 0))
        dry = (
            f"; --dry-run planned {planned} prompt tokens, {sent} sent ({planned / sent:.2f})"
            if planned
            else ""
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        parts = ", ".join(f"{label} {seconds:.2f} s" for label, seconds in figures.items())
        what = f"{count} + 1 + 1 articles" if args.update else f"{count} articles"
        print(
            f"{what} ({statements} statements): {parts}; {calls} synthesis calls, the biggest prompt "
            f"{biggest} tokens (messages); peak memory {peak:.0f} MiB{dry}",
            flush=True,
        )


if __name__ == "__main__":
    main()
