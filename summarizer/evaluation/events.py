"""Measuring how the merge joins events reported by several sources, on annotated news whose
event mentions carry cross-document instance ids (MEANTIME, ECB+).

Each article becomes the extraction a faithful model would give (``gold_extraction``): its named
entities as actors, and
one event per sentence that reports one, described by that sentence, dated by its date expression,
with the entities it names as participants. A sentence usually reports several annotated events;
the one it stands for is the one the most articles report (the first of equals), and an article
reports each event once, in its first such sentence. The merge then joins these events across the
articles of a story (as ``summarizer stories`` groups them; or of a topic, its stories briefed as
one), and its joins are scored against the gold instances: B³ over events, and
precision and recall over the pairs of events from different sources."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import astuple, dataclass, field
from typing import Any

from ..schema.briefing import BriefingClaim, TimelineEvent
from ..stages.joining import join_proposed
from ..stages.merge import Story, merge
from ..text import source_id, source_of
from ..text.words import stem, tokens
from .corpus import grouped
from .gold_extraction import Item, ReportedEvent, articles_per_instance, as_extraction
from .metrics import CoNLL, Scores, b_cubed, conll, weighted


@dataclass(frozen=True)
class EventMerge:
    """Two reports the merge joined, or a gold pair it left apart."""

    first: str
    second: str
    same_instance: bool


@dataclass(frozen=True)
class EventScores:
    topic: str
    reports: int
    instances: int  # distinct gold instances among the reports
    cross_source: int  # of those, reported by more than one article
    merged: int  # events after the merge
    b3: Scores
    pairs: Pairs
    baseline_b3: Scores  # joining reports whose event words are the same text
    baseline_pairs: Pairs
    lemma_b3: Scores  # joining reports whose event's head word has the same stem (the ECB+ baseline)
    lemma_pairs: Pairs
    wrong: tuple[EventMerge, ...] = ()  # pairs joined that are different events
    missed: tuple[EventMerge, ...] = ()  # pairs of one event left apart
    # A model that proposes every true join of the merge's rows (``joining``): the joins code
    # accepted of those proposed, and the scores after; and one that proposes wrong joins (rows of
    # different events whose head words share a stem): how many code refused.
    proposed_b3: Scores = Scores(0.0, 0.0)
    proposed_pairs: Pairs = field(default_factory=lambda: Pairs(0, 0, 0, 0))  # defined below
    true_proposals: tuple[int, int] = (0, 0)  # (accepted, proposed)
    wrong_proposals: tuple[int, int] = (0, 0)  # (refused, proposed)
    # the merge's rows that two or more sources report: (those whose every two reports from
    # different sources tell of an event in common, all of them)
    cross_rows: tuple[int, int] = (0, 0)
    # the claims (sentences whose event is a saying) the merge joins across sources, so that the
    # note marks them corroborated: (those whose every two reports from different sources are of
    # one saying, all of them)
    corroborated: tuple[int, int] = (0, 0)
    # each clustering of the reports, by name ("gold", "merge", "same words", "head lemma",
    # "proposed"), for the scores taken over every topic at once (``events_conll``)
    clusters: dict[str, list[list[Item]]] = field(default_factory=dict)


def evaluate_events(articles: list[dict[str, Any]], by: str = "story") -> list[EventScores]:
    """Per story (or topic: ``GROUPINGS``): the articles' events merged by the product's merge
    stage, scored against the gold event instances."""
    results = []
    for topic, members in grouped(articles, by):
        spread = articles_per_instance(members)
        extractions, reports = [], []
        for index, article in enumerate(members):
            extraction, reported = as_extraction(article, source_id(index), spread)
            extractions.append(extraction)
            reports += reported
        if not reports:
            continue
        story = merge(extractions)
        known = {r.item for r in reports}
        rows = {
            entry.id: row
            for entry, row in zip(story.timeline, cited_reports(story.timeline, known), strict=True)
            if row
        }
        system = list(rows.values())
        gold = grouped_by(reports, lambda r: r.instance)
        instance_of = {r.item: r.instance for r in reports}
        row_instance = {
            e: Counter(instance_of[i] for i in row).most_common(1)[0][0] for e, row in rows.items()
        }
        proposed_system, accepted, wrong = _proposed(story, known, rows, row_instance, reports)
        baseline = grouped_by(reports, lambda r: r.trigger.casefold())
        lemma = grouped_by(reports, head_lemma)
        truth = Truth(reports, related_pairs(reports), cross_pairs(gold))
        results.append(
            EventScores(
                topic,
                len(reports),
                len(gold),
                sum(len({s for s, _ in g}) > 1 for g in gold),
                len(system),
                b_cubed(system, gold),
                truth.pairs(system),
                b_cubed(baseline, gold),
                truth.pairs(baseline),
                b_cubed(lemma, gold),
                truth.pairs(lemma),
                *truth.differences(system),
                proposed_b3=b_cubed(proposed_system, gold),
                proposed_pairs=truth.pairs(proposed_system),
                true_proposals=accepted,
                wrong_proposals=wrong,
                cross_rows=truth.rows(system),
                corroborated=truth.one_saying(cited_reports(story.claims, known)),
                clusters={
                    "gold": gold,
                    "merge": system,
                    "same words": baseline,
                    "head lemma": lemma,
                    "proposed": proposed_system,
                },
            )
        )
    return results


def cited_reports(entries: Sequence[TimelineEvent | BriefingClaim], known: set[Item]) -> list[list[Item]]:
    """The reports (of ``known``) each timeline row or claim cites, in order: a story's or a note's."""
    return [
        list(
            dict.fromkeys(i for c in e.citations if (i := (source_of(c.sentence_id), c.sentence_id)) in known)
        )
        for e in entries
    ]


def _proposed(
    story: Story,
    known: set[Item],
    rows: dict[str, list[Item]],
    row_instance: dict[str, str],
    reports: Sequence[ReportedEvent],
) -> tuple[list[list[Item]], tuple[int, int], tuple[int, int]]:
    """The rows (the reports each timeline row cites, by row id) after code verifies every true
    join a perfect model would propose; how many of those it accepted; and how many wrong joins
    (rows of different events with one head stem) it refused."""
    by_instance: dict[str, list[str]] = defaultdict(list)
    for row, instance in row_instance.items():
        by_instance[instance].append(row)
    true = [ids for ids in by_instance.values() if len(ids) > 1]
    joined, said = join_proposed(story, true)
    accepted = sum("joined into" in w for w in said)
    stem_of = {r.item: head_lemma(r) for r in reports}
    heads = {row: {stem_of[i] for i in items} for row, items in rows.items()}
    ids = list(row_instance)
    wrong = [
        [a, b]
        for n, a in enumerate(ids)
        for b in ids[n + 1 :]
        if row_instance[a] != row_instance[b] and heads[a] & heads[b]
    ]
    refused = sum("kept apart" in w for pair in wrong for w in join_proposed(story, [pair])[1])
    clusters = [c for c in cited_reports(joined.timeline, known) if c]
    return clusters, (accepted, sum(len(ids) - 1 for ids in true)), (refused, len(wrong))


def head_lemma(report: ReportedEvent) -> str:
    """The stem of the event's head word, its last ('was killed': kill): the lemma baseline of
    cross-document event coreference, which joins every report of one story that shares it."""
    words = tokens(report.trigger)
    return stem(words[-1].text.casefold()) if words else report.trigger.casefold()


def grouped_by(reports: Sequence[ReportedEvent], label: Callable[[ReportedEvent], str]) -> list[list[Item]]:
    """The reports grouped by a label: their gold instance, or the words of the event."""
    groups: dict[str, list[Item]] = defaultdict(list)
    for report in reports:
        groups[label(report)].append(report.item)
    return list(groups.values())


@dataclass(frozen=True)
class Pairs:
    """Pairs of reports from different sources: joined by a clustering, of those the right ones
    (the two sentences report an event in common), the pairs to find (reports standing for the
    same event) and of those the ones joined."""

    joined: int
    right: int
    wanted: int
    found: int

    @property
    def scores(self) -> Scores:
        """Precision and recall; with nothing joined precision is 1 (nothing was joined wrongly)."""
        return Scores(
            self.right / self.joined if self.joined else 1.0, self.found / self.wanted if self.wanted else 1.0
        )

    def __add__(self, other: Pairs) -> Pairs:
        return Pairs(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))


@dataclass(frozen=True)
class Truth:
    """What a topic's clusterings are scored against: the pairs of reports from different sources
    that report an event in common (a join is right when it is one of them; a sentence reports
    several) and the pairs of reports standing for the same event (the pairs to find). A merge
    never joins two events of one source, so only pairs across sources count."""

    reports: Sequence[ReportedEvent]
    related: set[frozenset[Item]]
    wanted: set[frozenset[Item]]

    def pairs(self, clusters: Sequence[Sequence[Item]]) -> Pairs:
        joined = cross_pairs(clusters)
        return Pairs(len(joined), len(joined & self.related), len(self.wanted), len(joined & self.wanted))

    def rows(self, clusters: Sequence[Sequence[Item]]) -> tuple[int, int]:
        """Of the clusters that hold reports of two or more sources: how many tell of one event
        (every two of their reports from different sources report an event in common), how many."""
        made = [pairs for cluster in clusters if (pairs := cross_pairs([cluster]))]
        return sum(pairs <= self.related for pairs in made), len(made)

    def one_saying(self, claims: Sequence[Sequence[Item]]) -> tuple[int, int]:
        """Of the claims that two or more sources report (corroborated, by rule): how many are one
        saying (all their reports are of one annotated saying), how many."""
        saying = {r.item: r.saying for r in self.reports}
        made = [claim for claim in claims if len({source for source, _ in claim}) > 1]
        return sum(len({saying[i] for i in claim}) == 1 for claim in made), len(made)

    def differences(
        self, clusters: Sequence[Sequence[Item]]
    ) -> tuple[tuple[EventMerge, ...], tuple[EventMerge, ...]]:
        """The pairs joined that report different events, and the pairs of one event left apart."""
        of = {r.item: r for r in self.reports}
        joined = cross_pairs(clusters)

        def described(pair: frozenset[Item], same: bool) -> EventMerge:
            first, second = sorted(pair)
            return EventMerge(_label(of[first]), _label(of[second]), same)

        wrong = tuple(described(p, False) for p in sorted(joined - self.related, key=sorted))
        missed = tuple(described(p, True) for p in sorted(self.wanted - joined, key=sorted))
        return wrong, missed


CLUSTERINGS = ("merge", "same words", "head lemma")


def totals(counts: Iterable[tuple[int, int]]) -> tuple[int, int]:
    """Two counts summed over the stories: (right, made), (accepted, proposed)..."""
    listed = list(counts)
    return sum(first for first, _ in listed), sum(second for _, second in listed)


def events_overall(results: Sequence[EventScores], of: str = "merge") -> tuple[Scores, Pairs]:
    """B³ over all topics' reports (weighted by reports) and the pairs of all topics together; of
    the merge, or of a baseline: the same event words, or the same head lemma."""
    chosen = {
        "merge": lambda r: (r.b3, r.pairs),
        "proposed": lambda r: (r.proposed_b3, r.proposed_pairs),
        "same words": lambda r: (r.baseline_b3, r.baseline_pairs),
        "head lemma": lambda r: (r.lemma_b3, r.lemma_pairs),
    }[of]
    b3 = weighted([(chosen(r)[0], r.reports) for r in results])
    return b3, sum((chosen(r)[1] for r in results), Pairs(0, 0, 0, 0))


def events_conll(results: Sequence[EventScores], of: str = "merge") -> CoNLL:
    """MUC, B³, entity CEAF and their CoNLL mean over every topic's reports at once, of the merge
    or of another clustering (``EventScores.clusters``)."""
    return conll([(r.clusters[of], r.clusters["gold"]) for r in results])


def related_pairs(reports: Sequence[ReportedEvent]) -> set[frozenset[Item]]:
    return {
        frozenset((a.item, b.item))
        for n, a in enumerate(reports)
        for b in reports[n + 1 :]
        if a.source != b.source and a.instances & b.instances
    }


def cross_pairs(clusters: Sequence[Sequence[Item]]) -> set[frozenset[Item]]:
    return {
        frozenset((a, b))
        for cluster in clusters
        for n, a in enumerate(cluster)
        for b in cluster[n + 1 :]
        if a[0] != b[0]
    }


def _label(report: ReportedEvent) -> str:
    return f"{report.article} [{report.trigger}] {report.sentence.text}"
