"""Event rows through the whole pipeline: each topic's articles briefed by ``summarize`` as a
user's would be, a ``FakeModel`` answering every extraction call as a faithful model would (the
extraction ``events`` builds from the article's annotations, written as the model's draft with the
call's sentence ids) and the synthesis with a short note that proposes no join. So the rows are
what the product makes of them: near-copies folded, citations, places and participants
verified, dates read against each article, the merge, the synthesis's checks. Each note's rows
made of two or more sources are scored as ``eval events`` scores the merge's: how many tell of one
event, and B³ and pairs against the gold instances."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..llm import FakeModel, FillRequest
from ..pipeline import summarize
from ..schema.extraction import Extraction
from ..settings import Settings
from ..testing import prompt_sentences
from ..text import source_of, split_sentences
from .corpus import article_document, grouped
from .events import Pairs, Truth, cited_reports, cross_pairs, grouped_by, related_pairs, totals
from .gold_extraction import articles_per_instance, as_extraction
from .metrics import Scores, b_cubed, weighted


@dataclass(frozen=True)
class BriefedEvents:
    topic: str
    reports: int
    b3: Scores
    pairs: Pairs
    cross_rows: tuple[int, int]  # (rows of two or more sources that tell of one event, such rows)
    # (claims the note marks corroborated that are one saying, such claims)
    corroborated: tuple[int, int] = (0, 0)


def evaluate_briefed_events(articles: list[dict[str, Any]], by: str = "story") -> list[BriefedEvents]:
    """Per story (or topic: ``GROUPINGS``): the rows of the note its articles are briefed into."""
    return [
        scored for topic, members in grouped(articles, by) if (scored := _briefed(topic, members)) is not None
    ]


def briefed_overall(results: Sequence[BriefedEvents]) -> tuple[Scores, Pairs, tuple[int, int]]:
    b3 = weighted([(r.b3, r.reports) for r in results])
    pairs = sum((r.pairs for r in results), Pairs(0, 0, 0, 0))
    return b3, pairs, totals(r.cross_rows for r in results)


def _briefed(topic: str, members: list[dict[str, Any]]) -> BriefedEvents | None:
    spread = articles_per_instance(members)
    documents = [article_document(a) for a in members]
    by_lines = {
        tuple(s.text for s in split_sentences(d, "X")): a for d, a in zip(documents, members, strict=True)
    }

    def respond(request: FillRequest[Any], _attempt: int) -> dict[str, Any]:
        lines = prompt_sentences(request)
        if request.step != "extraction":
            return _short_note(lines)
        article = by_lines.get(tuple(text for _, text in lines))
        if article is None or not lines:  # a part of an article: nothing to answer from the whole's gold
            return {"actors": [], "events": [], "claims": []}
        return _as_draft(as_extraction(article, source_of(lines[0][0]), spread)[0])

    settings = Settings(model="annotations", cache_dir=None, max_reasks=0, concurrency=4)
    note = summarize(documents, settings=settings, model=FakeModel(respond, max_reasks=0))
    article_of = {d.name: a for d, a in zip(documents, members, strict=True)}
    reports = [
        r
        for record in note.sources
        if record.status == "ok" and record.name in article_of
        for r in as_extraction(article_of[record.name], record.id, spread)[1]
    ]
    if not reports:
        return None
    known = {r.item for r in reports}
    rows = [row for row in cited_reports(note.timeline, known) if row]
    gold = grouped_by(reports, lambda r: r.instance)
    truth = Truth(reports, related_pairs(reports), cross_pairs(gold))
    marked = [c for c in note.claims if c.status == "corroborated"]
    return BriefedEvents(
        topic,
        len(reports),
        b_cubed(rows, gold),
        truth.pairs(rows),
        truth.rows(rows),
        truth.one_saying(cited_reports(marked, known)),
    )


def _as_draft(extraction: Extraction) -> dict[str, Any]:
    """An extraction as the model's answer would give it."""

    def evidence(citations: Sequence[Any]) -> list[dict[str, str]]:
        return [{"sentence_id": c.sentence_id, "quote": c.quote} for c in citations]

    return {
        "actors": [
            {"name": a.name, "kind": a.kind, "aliases": a.aliases, "evidence": evidence(a.citations)}
            for a in extraction.actors
        ],
        "events": [
            {
                "what": e.what,
                "act": e.act,
                "when": e.when,
                "participants": [{"actor": p.actor, "role": p.role} for p in e.participants],
                "evidence": evidence(e.citations),
            }
            for e in extraction.events
        ],
        "claims": [
            {"statement": c.statement, "made_by": c.made_by, "evidence": evidence(c.citations)}
            for c in extraction.claims
        ],
    }


def _short_note(lines: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """A synthesis that cites the first sentence it is shown and proposes no join."""
    first = [{"sentence_id": sid, "quote": text} for sid, text in lines[:1]]
    return {
        "title": "The story",
        "bottom_line": [{"text": lines[0][1], "evidence": first}] if lines else [],
        "key_points": [],
        "claims": [],
        "discrepancies": [],
    }
