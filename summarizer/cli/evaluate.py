"""``summarizer eval``: measuring date normalisation, actor resolution, event merging and extraction
on annotated news, and the support checker on statement/evidence pairs."""

from __future__ import annotations

import json
from typing import Any

import click

from ..errors import InputError, SummarizerError
from ..running import run_coroutine
from ..text import count, sources_of
from .options import dry_run_option, dry_run_report, format_option, model_options, progress, reports_errors


def annotated_articles(directory: str) -> list[dict[str, Any]]:
    """The usable articles of DIRECTORY; each one left out is named on stderr and counted."""
    from ..evaluation import load_articles

    corpus = load_articles(directory)
    for problem in corpus.skipped:
        progress(f"skipped {problem}")
    if corpus.skipped:
        progress(f"skipped {len(corpus.skipped)} of {len(corpus.skipped) + len(corpus.articles)} articles")
    if not corpus.articles:
        raise SummarizerError(f"{directory}: nothing to score: no usable annotated article")
    return corpus.articles


@click.group(name="eval")
def evaluate() -> None:
    """Measure actor resolution, date normalisation, event merging, story grouping and extraction on annotated news."""


def errors_option(what: str) -> Any:
    return click.option("--errors", is_flag=True, default=False, help=f"List every {what} after the scores.")


@evaluate.command(name="dates")
@click.argument("directory", type=click.Path(file_okay=False))
@errors_option("miss (expression, sentence, reference date, gold, produced)")
@format_option(["text", "json"], "text: accuracy by kind; json: the scores and every case", default="text")
@reports_errors
def eval_dates(directory: str, errors: bool, fmt: str) -> None:
    """Normalise every DATE timex of the MEANTIME-format files in DIRECTORY; accuracy by kind, beside
    a general date parser's (dateutil, fuzzy, the article date filling the gaps)."""
    from dataclasses import asdict

    from ..dates import CALENDAR_KINDS
    from ..evaluation import calendar_accuracy, evaluate_dates

    cases = evaluate_dates(annotated_articles(directory))
    accuracy, counted = calendar_accuracy(cases)
    if not counted:
        raise SummarizerError(f"{directory}: nothing to score: no DATE timex with a calendar value")
    baseline, _ = calendar_accuracy(cases, baseline=True)
    if fmt == "json":
        records = [
            {**asdict(c), "kind": c.kind, "correct": c.correct, "doubtful_gold": c.doubtful_gold}
            for c in cases
        ]
        trusted, kept = calendar_accuracy(cases, trusted=True)
        scores = {
            "accuracy": accuracy,
            "calendar_values": counted,
            "baseline_accuracy": baseline,
            "accuracy_without_doubtful_gold": trusted,
            "doubtful_gold": counted - kept,
        }
        click.echo(json.dumps({"scores": scores, "cases": records}, indent=2))
        return
    click.echo(f"{'kind':<10} {'n':>4} {'correct':>8} {'accuracy':>9} {'baseline':>9}")
    for kind in [*CALENDAR_KINDS, "reference", "other"]:
        group = [c for c in cases if c.kind == kind]
        if group:
            right = sum(c.correct for c in group)
            parsed = sum(c.baseline == c.gold for c in group)
            click.echo(
                f"{kind:<10} {len(group):>4} {right:>8} {right / len(group):>9.3f} {parsed / len(group):>9.3f}"
            )
    click.echo(f"dates accuracy: {accuracy:.3f} (n={counted})")
    trusted, kept = calendar_accuracy(cases, trusted=True)
    if kept < counted:
        click.echo(
            f"without the {count(counted - kept, 'case')} whose gold no reading gives: {trusted:.3f} (n={kept})"
        )
    click.echo(f"baseline (dateutil's parser, as a day): {baseline:.3f}")
    if errors:
        for c in cases:
            if c.kind in CALENDAR_KINDS and not c.correct:
                click.echo(
                    f"\n{c.article}: {c.expression!r} gold {c.gold}, produced {c.predicted or 'nothing'} "
                    f"(reference {c.reference}){'; gold no reading gives' if c.doubtful_gold else ''}"
                    f"\n  {' '.join(c.sentence.split())}"
                )


@evaluate.command(name="actors")
@click.argument("directory", type=click.Path(file_okay=False))
@errors_option("mention clustered apart from its gold entity (mention, gold cluster, produced cluster)")
@format_option(["text", "json"], "text: scores by topic; json: the scores and every miss", default="text")
@reports_errors
def eval_actors(directory: str, errors: bool, fmt: str) -> None:
    """Cluster the named PER/ORG/LOC mentions of each topic in DIRECTORY; B³ and CEAF-e scores,
    beside clustering by exact text."""
    from dataclasses import asdict

    from ..evaluation import b_cubed_overall, evaluate_actors

    results = evaluate_actors(annotated_articles(directory))
    if not results:
        raise SummarizerError(f"{directory}: nothing to score: no named PER, ORG or LOC mention")
    overall = b_cubed_overall(results)
    baseline = b_cubed_overall(results, baseline=True)
    if fmt == "json":
        topics = [
            {
                "topic": r.topic,
                "mentions": r.mentions,
                "b3_f1": r.b3.f1,
                "ceaf_e_f1": r.ceaf.f1,
                "exact_text_b3_f1": r.baseline.f1,
                "misses": [asdict(m) for m in r.misses],
            }
            for r in results
        ]
        click.echo(
            json.dumps({"b3_f1": overall.f1, "exact_text_b3_f1": baseline.f1, "topics": topics}, indent=2)
        )
        return
    click.echo(
        f"{'topic':<10} {'mentions':>8} {'entities':>8} {'clusters':>8}  {'B3 P':>6} {'R':>6} {'F1':>6}  "
        f"{'CEAF-e P':>8} {'R':>6} {'F1':>6}  {'text F1':>7}"
    )
    for r in results:
        click.echo(
            f"{r.topic:<10} {r.mentions:>8} {r.entities:>8} {r.clusters:>8}  {r.b3.precision:>6.3f} {r.b3.recall:>6.3f} "
            f"{r.b3.f1:>6.3f}  {r.ceaf.precision:>8.3f} {r.ceaf.recall:>6.3f} {r.ceaf.f1:>6.3f}  {r.baseline.f1:>7.3f}"
        )
    click.echo(f"actors B3 F1: {overall.f1:.3f}")
    click.echo(f"baseline (clustered by exact text): {baseline.f1:.3f}")
    if errors:
        for r in results:
            for miss in r.misses:
                click.echo(
                    f"\n{r.topic}/{miss.article}: {miss.mention!r}\n  gold:     {' | '.join(miss.gold)}\n"
                    f"  produced: {' | '.join(miss.produced)}"
                )


@evaluate.command(name="stories")
@click.argument("directory", type=click.Path(file_okay=False))
@errors_option("story found that holds articles of several annotated stories")
@format_option(["text", "json"], "text: the scores; json: the scores and every mixed story", default="text")
@click.option(
    "--similarity",
    type=click.FloatRange(0.0, 1.0),
    help="Mean similarity at which two groups of articles are one story within a topic [default 0.13], as `stories` takes it.",
)
@reports_errors
def eval_stories(directory: str, errors: bool, fmt: str, similarity: float | None) -> None:
    """Group the articles of DIRECTORY into stories as `summarizer stories` does; B³ against the
    annotated stories (an article's topic and subtopic), beside a baseline (TF-IDF of single
    words, average link, the same similarity)."""
    from dataclasses import asdict

    from ..evaluation import evaluate_stories
    from ..stories import STORY_SIMILARITY

    result = evaluate_stories(
        annotated_articles(directory), STORY_SIMILARITY if similarity is None else similarity
    )
    if fmt == "json":
        figures = {
            "b3": {**asdict(result.system), "f1": result.system.f1},
            "baseline_b3": {**asdict(result.baseline), "f1": result.baseline.f1},
            "articles": result.articles,
            "stories": result.stories,
            "gold_stories": result.gold_stories,
            "near_copies_folded": result.folded,
        }
        click.echo(json.dumps({"scores": figures, "mixed": result.mixed}, indent=2))
        return
    click.echo(
        f"{count(result.articles, 'article')}, {count(result.gold_stories, 'annotated story', 'annotated stories')}: "
        f"{count(result.stories, 'story', 'stories')} found, {count(result.folded, 'near-copy', 'near-copies')} folded"
    )
    for label, scores in (
        ("stories", result.system),
        ("baseline (TF-IDF words, average link)", result.baseline),
    ):
        click.echo(f"{label}: B³ P {scores.precision:.3f} R {scores.recall:.3f} F1 {scores.f1:.3f}")
    if errors:
        for line in result.mixed:
            click.echo(f"mixed: {line}")


@evaluate.command(name="sentences")
@click.argument("directory", type=click.Path(file_okay=False))
@errors_option("gold boundary missed and boundary found where gold has none (| marks it)")
@reports_errors
def eval_sentences(directory: str, errors: bool) -> None:
    """Split the articles of DIRECTORY into sentences as every command does; score the boundaries
    against gold ones, where the corpus keeps one sentence a line (ECB+)."""
    from ..evaluation import evaluate_sentences

    scores = evaluate_sentences(annotated_articles(directory))
    if not scores.gold:
        raise InputError(
            directory, "holds no article with one sentence a line after its title and date: no gold to score"
        )
    click.echo(
        f"{count(scores.articles - scores.without_gold, 'article')} with gold sentences "
        f"({scores.without_gold} without); {scores.gold} gold boundaries, {scores.found} found"
    )
    click.echo(
        f"boundaries: P {scores.precision:.3f} R {scores.recall:.3f} F1 {scores.f1:.3f} "
        f"(at the very gold offset, F1 {scores.exact_f1:.3f}: the corpus often puts a closing "
        "quotation mark after the boundary)"
    )
    missed = scores.gold - scores.right
    click.echo(f"missed: {missed}, of them inside a quotation kept whole: {scores.in_quotation}")
    if errors:
        for line in scores.misses:
            click.echo(f"missed: {line}")
        for line in scores.extras:
            click.echo(f"extra:  {line}")


@evaluate.command(name="extract")
@click.argument("directory", type=click.Path(file_okay=False))
@click.option(
    "--limit", type=click.IntRange(min=1), default=5, show_default=True, help="Articles to extract."
)
@dry_run_option
@model_options
@reports_errors
def eval_extract(directory: str, limit: int, dry_run: bool, **options: Any) -> None:
    """Extract the first LIMIT articles of DIRECTORY with a live model: actor recall against the gold
    PER/ORG/LOC entities, grounding rate (cited quotes verified / all) and token usage."""
    from ..evaluation import article_document, evaluate_extraction
    from ..settings import Settings

    settings = Settings.from_env(**options)
    articles = annotated_articles(directory)[:limit]
    if dry_run:
        dry_run_report(sources_of([article_document(a) for a in articles]), settings, synthesis=False)
        return
    cases = run_coroutine(evaluate_extraction(articles, settings, progress=progress))
    click.echo(
        f"{'article':<16} {'gold':>5} {'found':>6} {'cited':>6} {'verified':>8} {'calls':>6} {'tokens':>8}"
    )
    for c in cases:
        note = f"  failed: {c.error}" if c.error else ""
        click.echo(
            f"{c.article:<16} {c.gold_entities:>5} {c.found:>6} {c.cited:>6} {c.verified:>8} {c.calls:>6} "
            f"{c.prompt_tokens + c.completion_tokens:>8}{note}"
        )
    gold = sum(c.gold_entities for c in cases)
    cited = sum(c.cited for c in cases)
    failed = sum(1 for c in cases if c.error)
    click.echo(f"articles: {len(cases)}, failed: {failed}")
    click.echo(
        f"actor recall: {sum(c.found for c in cases) / gold if gold else 0:.3f} ({sum(c.found for c in cases)}/{gold})"
    )
    click.echo(
        f"grounding rate: {sum(c.verified for c in cases) / cited:.3f} ({sum(c.verified for c in cases)}/{cited})"
        if cited
        else "grounding rate: n/a (no citations in any answer)"
    )
    click.echo(
        f"tokens: {sum(c.prompt_tokens for c in cases)} prompt + {sum(c.completion_tokens for c in cases)} completion "
        f"in {count(sum(c.calls for c in cases), 'call')}"
    )
