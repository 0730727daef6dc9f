"""``summarizer eval events``: the merge's joins of each story's events against the gold event
instances, beside two baselines, a perfect proposer verified by code, the rows the whole
pipeline makes, and the CoNLL scores."""

from __future__ import annotations

import json

import click

from ..errors import SummarizerError
from ..text import count
from .evaluate import annotated_articles, errors_option, evaluate
from .options import format_option, reports_errors

# the clusterings whose CoNLL scores eval events prints: (label, name in EventScores.clusters)
CONLL_ROWS = (
    ("merge", "merge"),
    ("same words", "same words"),
    ("head lemma", "head lemma"),
    ("perfect proposer", "proposed"),
)


@evaluate.command(name="events")
@click.argument("directory", type=click.Path(file_okay=False))
@errors_option("pair joined that reports different events, and pair of one event left apart")
@click.option(
    "--by",
    type=click.Choice(["story", "topic", "found"]),
    default="story",
    show_default=True,
    help="Brief each story's articles as one (its topic and subtopic), or each topic's, its stories "
    "together, or each story `summarizer stories` finds.",
)
@format_option(
    ["text", "json"],
    "text: scores by story (or topic, or story found); json: the scores and every error",
    default="text",
)
@reports_errors
def eval_events(directory: str, errors: bool, by: str, fmt: str) -> None:
    """Merge the events of each story's articles in DIRECTORY as the briefing does (each article
    extracted faithfully from its annotations); B³ and pairwise precision and recall of the merges
    against the gold event instances, beside two baselines: joining events whose words are the
    same, and joining those whose head word has the same lemma in a story (ECB+'s baseline); then
    the rows of each story's note made by the whole pipeline, a model answering from the
    annotations. With --by topic, each topic's stories are briefed as one; with --by found, each
    story the product's grouping finds, as a day's news is briefed."""
    from dataclasses import asdict

    from ..evaluation import evaluate_events, events_overall
    from ..evaluation.briefed_events import briefed_overall, evaluate_briefed_events
    from ..evaluation.events import events_conll, totals

    articles = annotated_articles(directory)
    results = evaluate_events(articles, by)
    if not results:
        raise SummarizerError(f"{directory}: nothing to score: no annotated event")
    briefed = evaluate_briefed_events(articles, by)
    (b3, pairs), (base_b3, base_pairs) = events_overall(results), events_overall(results, "same words")
    lemma_b3, lemma_pairs = events_overall(results, "head lemma")
    if fmt == "json":
        briefed_b3, briefed_pairs, briefed_rows = briefed_overall(briefed)
        topics = [
            {
                "topic": r.topic,
                "reports": r.reports,
                "instances": r.instances,
                "b3": asdict(r.b3),
                "pairs": asdict(r.pairs),
                "same_words_b3": asdict(r.baseline_b3),
                "same_words_pairs": asdict(r.baseline_pairs),
                "head_lemma_b3": asdict(r.lemma_b3),
                "head_lemma_pairs": asdict(r.lemma_pairs),
                "wrong": [asdict(m) for m in r.wrong],
                "missed": [asdict(m) for m in r.missed],
            }
            for r in results
        ]
        overall = {
            "b3": {**asdict(b3), "f1": b3.f1},
            "pairs": {**asdict(pairs), **asdict(pairs.scores)},
            "same_words_b3": {**asdict(base_b3), "f1": base_b3.f1},
            "same_words_pairs": {**asdict(base_pairs), **asdict(base_pairs.scores)},
            "head_lemma_b3": {**asdict(lemma_b3), "f1": lemma_b3.f1},
            "head_lemma_pairs": {**asdict(lemma_pairs), **asdict(lemma_pairs.scores)},
            "proposed_b3": {**asdict(events_overall(results, "proposed")[0])},
            "true_proposals_accepted": list(totals(r.true_proposals for r in results)),
            "wrong_proposals_refused": list(totals(r.wrong_proposals for r in results)),
            "cross_source_rows_right": list(totals(r.cross_rows for r in results)),
            "corroborated_claims_right": list(totals(r.corroborated for r in results)),
            "conll": {
                label: {
                    "f1": c.f1,
                    "muc": {**asdict(c.muc), "f1": c.muc.f1},
                    "b3": {**asdict(c.b3), "f1": c.b3.f1},
                    "ceaf_e": {**asdict(c.ceaf_e), "f1": c.ceaf_e.f1},
                }
                for label, c in ((of, events_conll(results, of)) for _, of in CONLL_ROWS)
            },
            "through_pipeline": {
                "b3": {**asdict(briefed_b3), "f1": briefed_b3.f1},
                "pairs": {**asdict(briefed_pairs), **asdict(briefed_pairs.scores)},
                "cross_source_rows_right": list(briefed_rows),
                "corroborated_claims_right": list(totals(r.corroborated for r in briefed)),
            },
        }
        click.echo(json.dumps({"by": by, **overall, "topics": topics}, indent=2))
        return
    unit = "story found" if by == "found" else by
    click.echo(
        f"{by:<16} {'reports':>7} {'events':>6} {'across':>6} {'merged':>6}  {'B3 P':>6} {'R':>6}  "
        f"{'joins':>5} {'right':>5} {'pair P':>6} {'pair R':>6}  {'words B3 P':>10} {'pair P':>6}"
    )
    for r in results:
        own, base = r.pairs.scores, r.baseline_pairs.scores
        click.echo(
            f"{r.topic:<16} {r.reports:>7} {r.instances:>6} {r.cross_source:>6} {r.merged:>6}  "
            f"{r.b3.precision:>6.3f} {r.b3.recall:>6.3f}  {r.pairs.joined:>5} {r.pairs.right:>5} "
            f"{own.precision:>6.3f} {own.recall:>6.3f}  {r.baseline_b3.precision:>10.3f} {base.precision:>6.3f}"
        )
    right_rows, rows = totals(r.cross_rows for r in results)
    for label, (scores, joins) in (
        ("event merges", (b3, pairs)),
        ("baseline (joined when the event words are the same)", (base_b3, base_pairs)),
        (f"baseline (joined when the event's head lemma is the same, in a {unit})", (lemma_b3, lemma_pairs)),
    ):
        click.echo(
            f"{label}: B3 P {scores.precision:.3f} R {scores.recall:.3f} F1 {scores.f1:.3f}; "
            f"{count(joins.joined, 'join')}, {joins.right} right: pairwise P {joins.scores.precision:.3f} "
            f"R {joins.scores.recall:.3f} F1 {joins.scores.f1:.3f}"
            + (f" (of {count(joins.wanted, 'pair')} to find)" if label == "event merges" else "")
        )
        if label == "event merges" and rows:
            click.echo(
                f"rows the merge made of two or more sources: {rows}, of which {right_rows} tell of one event "
                f"({right_rows / rows:.3f})"
            )
        if label == "event merges":
            right_claims, claims = totals(r.corroborated for r in results)
            click.echo(
                f"claims (sentences of a saying) the merge joined across sources, so corroborated: {claims}, "
                f"of which {right_claims} are one saying"
                + (f" ({right_claims / claims:.3f})" if claims else "")
            )
    proposed_b3, proposed_pairs = events_overall(results, "proposed")
    accepted, offered = totals(r.true_proposals for r in results)
    refused, wrong = totals(r.wrong_proposals for r in results)
    click.echo(
        f"with a model proposing every true join of the rows, verified by code: B3 P {proposed_b3.precision:.3f} "
        f"R {proposed_b3.recall:.3f} F1 {proposed_b3.f1:.3f}; pairwise P {proposed_pairs.scores.precision:.3f} "
        f"R {proposed_pairs.scores.recall:.3f} ({accepted} of {count(offered, 'join')} accepted); wrong joins "
        f"proposed (rows of different events whose head words share a stem): {refused} of {wrong} refused"
    )
    briefed_b3, briefed_pairs, (briefed_right, briefed_made) = briefed_overall(briefed)
    marked_right, marked = totals(r.corroborated for r in briefed)
    click.echo(
        f"through the whole pipeline (summarize, a model answering from the annotations, no join proposed): "
        f"B3 P {briefed_b3.precision:.3f} R {briefed_b3.recall:.3f} F1 {briefed_b3.f1:.3f}; pairwise P "
        f"{briefed_pairs.scores.precision:.3f} R {briefed_pairs.scores.recall:.3f}; rows of two or more sources: "
        f"{briefed_made}, of which {briefed_right} tell of one event"
        + (f" ({briefed_right / briefed_made:.3f})" if briefed_made else "")
        + f"; claims marked corroborated: {marked}, of which {marked_right} are one saying"
        + (f" ({marked_right / marked:.3f})" if marked else "")
    )
    click.echo(
        f"CoNLL F1 (MUC, B3, CEAF-e F1), every {unit} at once: "
        + "; ".join(
            f"{label} {c.f1:.3f} ({c.muc.f1:.3f}, {c.b3.f1:.3f}, {c.ceaf_e.f1:.3f})"
            for label, c in ((label, events_conll(results, of)) for label, of in CONLL_ROWS)
        )
    )
    if errors:
        for r in results:
            for label, merges in (("joined, different events", r.wrong), ("left apart, one event", r.missed)):
                for merge in merges:
                    click.echo(f"\n{r.topic}: {label}\n  {merge.first}\n  {merge.second}")
