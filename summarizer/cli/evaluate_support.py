"""``summarizer eval support``: the support checker on statement/evidence pairs, written here
(eval/support-pairs.json) or judged by people (FRANK, converted by scripts/convert_frank.py)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from .evaluate import evaluate
from .options import format_option, reports_errors

if TYPE_CHECKING:
    from ..evaluation import Separation


# What published detectors reach on FRANK's human judgements (balanced accuracy), to read ours by.
PUBLISHED_DETECTORS = (
    "balanced accuracy of published detectors on FRANK: FactCC 0.67, DAE 0.66, "
    "QAFactEval 0.68-0.75, MiniCheck 0.70-0.74, GPT-4o 0.68-0.77"
)


def _share(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def _rate(value: float | None, part: int, whole: int) -> str:
    return "n/a" if value is None else f"{value:.3f} ({part}/{whole})"


def _separation_json(part: Separation) -> dict[str, object]:
    return {
        "pairs": part.name,
        "unfaithful": part.unfaithful,
        "flagged": part.caught,
        "faithful": part.faithful,
        "wrongly_flagged": part.false_flags,
        "recall": part.recall,
        "false_flag_rate": part.false_flag_rate,
        "balanced_accuracy": part.balanced_accuracy,
    }


@evaluate.command(name="support")
@click.argument("pairs", type=click.Path(dir_okay=False))
@click.option("--errors", is_flag=True, default=False, help="List every pair the checker got wrong.")
@format_option(["text", "json"], "text: a table by kind; json: the scores and every case", default="text")
@reports_errors
def eval_support(pairs: str, errors: bool, fmt: str) -> None:
    """Check each statement of PAIRS (JSON, as eval/support-pairs.json) against its evidence: per
    kind of rewrite, how many unfaithful statements are flagged, how many faithful ones wrongly."""
    from ..evaluation import evaluate_support, load_pairs, recall_by_error, scores_by_kind, separations

    cases = evaluate_support(load_pairs(pairs))
    scores = scores_by_kind(cases)
    if fmt == "json":
        click.echo(
            json.dumps(
                {
                    "scores": [
                        {"kind": s.kind, "faithful": s.faithful, "pairs": s.total, "flagged": s.flagged}
                        for s in scores
                    ],
                    "separation": [_separation_json(s) for s in separations(cases)],
                    "recall_by_error": [_separation_json(s) for s in recall_by_error(cases)],
                    "cases": [
                        {
                            "id": c.pair.id,
                            "kind": c.pair.kind,
                            "faithful": c.pair.faithful,
                            "correct": c.correct,
                            "support": c.support.model_dump(),
                        }
                        for c in cases
                    ],
                },
                indent=2,
            )
        )
        return
    click.echo(f"{'kind':<12} {'statements':<10} {'pairs':>6} {'flagged':>8} {'rate':>6}")
    for s in scores:
        what = "faithful" if s.faithful else "unfaithful"
        click.echo(f"{s.kind:<12} {what:<10} {s.total:>6} {s.flagged:>8} {s.rate:>6.3f}")
    parts = separations(cases)
    overall = parts[-1]  # every pair
    if overall.recall is not None:
        click.echo(f"unfaithful flagged: {overall.recall:.3f} (n={overall.unfaithful})")
    if overall.false_flag_rate is not None:
        click.echo(f"faithful wrongly flagged: {overall.false_flag_rate:.3f} (n={overall.faithful})")
    click.echo(f"\n{'pairs':<12} {'recall':<20} {'false flags':<20} balanced accuracy")
    for part in parts:
        click.echo(
            f"{part.name:<12} {_rate(part.recall, part.caught, part.unfaithful):<20} "
            f"{_rate(part.false_flag_rate, part.false_flags, part.faithful):<20} {_share(part.balanced_accuracy)}"
        )
    by_error = recall_by_error(cases)
    if by_error:
        halves = sorted({c.pair.kind for c in cases if c.pair.errors})
        groups = [("", cases)]
        if len(halves) > 1:  # CNN/DM's and XSum's differ: each alone too
            groups += [(kind, [c for c in cases if c.pair.kind == kind]) for kind in halves]
        for kind, group in groups:
            click.echo(
                f"recall by the kind of error people marked{f', {kind}' if kind else ''}: "
                + ", ".join(
                    f"{part.name} {_rate(part.recall, part.caught, part.unfaithful)}"
                    for part in recall_by_error(group)
                )
            )
        click.echo(f"for comparison, {PUBLISHED_DETECTORS}")
    if errors:
        for c in cases:
            if not c.correct:
                click.echo(f"\n{c.pair.id} {c.pair.kind} ({c.pair.made})")
                click.echo(f"  statement: {c.pair.statement}")
                click.echo(f"  evidence:  {c.pair.evidence}")
                click.echo(f"  checker:   {c.support.summary()}")
