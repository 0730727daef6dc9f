"""Measuring on annotated news: date normalisation and cross-source actor resolution (plain code),
and extraction with a live model."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..actors import Mention, resolve
from ..dates import CALENDAR_KINDS, normalise, value_kind
from ..llm import Model
from ..settings import Settings
from ..stages.extract import Failed
from ..text import Source, source_id, split_sentences
from .corpus import NAMED_TYPES, article_document, gold_entities
from .metrics import Scores, b_cubed, ceaf_e

Progress = Callable[[str], None]


@dataclass(frozen=True)
class ActorScores:
    topic: str
    mentions: int
    entities: int
    clusters: int
    b3: Scores
    ceaf: Scores


def evaluate_actors(articles: list[dict[str, Any]]) -> list[ActorScores]:
    """Per topic: the named PER/ORG/LOC mentions of all its articles clustered by ``resolve``,
    scored against the gold entity instances."""
    by_topic: dict[str, list[tuple[tuple[str, int, int], Mention, str]]] = defaultdict(list)
    for article in articles:
        for entity in article.get("entities", []):
            if entity.get("type") not in NAMED_TYPES:
                continue
            for mention in entity.get("mentions", []):
                if mention.get("syntactic_type") != "NAM":
                    continue
                ident = (str(article["id"]), mention["start"], mention["end"])
                item = Mention(str(article["id"]), mention["text"], entity["type"])
                by_topic[article.get("topic", "all")].append((ident, item, entity["instance_id"]))
    results = []
    for topic, rows in sorted(by_topic.items()):
        unique = list({ident: (ident, m, g) for ident, m, g in rows}.values())
        clusters = resolve([m for _, m, _ in unique])
        position = {id(m): ident for ident, m, _ in unique}
        system = [[position[id(m)] for m in c.mentions] for c in clusters]
        gold_groups: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        for ident, _, instance in unique:
            gold_groups[instance].append(ident)
        gold = list(gold_groups.values())
        results.append(
            ActorScores(
                topic, len(unique), len(gold), len(system), b_cubed(system, gold), ceaf_e(system, gold)
            )
        )
    return results


@dataclass(frozen=True)
class DateCase:
    article: str
    expression: str
    sentence: str
    reference: str | None
    gold: str
    predicted: str | None

    @property
    def kind(self) -> str:
        return value_kind(self.gold)

    @property
    def correct(self) -> bool:
        return self.predicted == self.gold


def calendar_accuracy(cases: Sequence[DateCase]) -> tuple[float, int]:
    """Accuracy on calendar values (days to decades; references and others apart), and their number."""
    calendar = [c for c in cases if c.kind in CALENDAR_KINDS]
    return (sum(c.correct for c in calendar) / len(calendar) if calendar else 0.0), len(calendar)


def evaluate_dates(articles: list[dict[str, Any]]) -> list[DateCase]:
    """Every DATE timex that is not the document date, normalised from its expression, its
    sentence and the article's creation date by the product's own normaliser."""
    cases = []
    for article in articles:
        document = article_document(article)  # offsets index its text, the article's own
        reference = document.published
        sentences = split_sentences(document)
        for timex in article.get("timexes", []):
            if timex.get("type") != "DATE" or timex.get("dct"):
                continue
            sentence = next((s.text for s in sentences if s.start <= timex["start"] < s.end), "")
            found = normalise(timex["text"], reference, sentence) if reference else None
            cases.append(
                DateCase(
                    str(article["id"]),
                    timex["text"],
                    sentence,
                    reference.isoformat() if reference else None,
                    timex["value"],
                    found.value if found else None,
                )
            )
    return cases


@dataclass(frozen=True)
class ExtractionCase:
    article: str
    gold_entities: int
    found: int
    cited: int
    verified: int
    calls: int
    prompt_tokens: int
    completion_tokens: int
    error: str | None = None


def b_cubed_overall(results: Sequence[ActorScores]) -> Scores:
    """B³ over all topics' mentions together (topics never share a cluster), weighted by mentions."""
    total = sum(r.mentions for r in results)
    if not total:
        return Scores(0.0, 0.0)
    return Scores(
        sum(r.b3.precision * r.mentions for r in results) / total,
        sum(r.b3.recall * r.mentions for r in results) / total,
    )


def actors_found(gold: dict[str, list[str]], extracted: Sequence[tuple[str, str | None]]) -> int:
    """How many gold entities an extracted actor name or alias resolves to."""
    mentions = [Mention("gold", text) for names in gold.values() for text in names]
    owners = [instance for instance, names in gold.items() for _ in names]
    mentions += [Mention("model", name, kind) for name, kind in extracted]
    clusters = resolve(mentions)
    found = set()
    for cluster in clusters:
        if any(m.source == "model" for m in cluster.mentions):
            found |= {owners[mentions.index(m)] for m in cluster.mentions if m.source == "gold"}
    return len(found)


async def evaluate_extraction(
    articles: list[dict[str, Any]],
    settings: Settings,
    progress: Progress | None = None,
    model: Model | None = None,
) -> list[ExtractionCase]:
    """Each article extracted by the model: actors found among the gold entities, citations
    verified among those cited, and what the calls cost (failed ones included)."""
    from ..pipeline import extract_all

    sources = [Source.of(article_document(a), source_id(i)) for i, a in enumerate(articles)]
    outcomes = await extract_all(sources, settings=settings, model=model, progress=progress)
    cases = []
    for article, outcome in zip(articles, outcomes, strict=True):
        gold = gold_entities(article)
        name = f"{article.get('topic', 'article')}-{article['id']}"
        if isinstance(outcome, Failed):
            spent = outcome.usage
            cases.append(
                ExtractionCase(
                    name,
                    len(gold),
                    0,
                    0,
                    0,
                    spent.calls,
                    spent.prompt_tokens,
                    spent.completion_tokens,
                    error=str(outcome.error),
                )
            )
            continue
        result = outcome.extraction
        extracted = [(form, a.kind) for a in result.actors for form in (a.name, *a.aliases)]
        usage = result.generation.usage
        cases.append(
            ExtractionCase(
                name,
                len(gold),
                actors_found(gold, extracted),
                result.grounding.cited,
                result.grounding.verified,
                usage.calls,
                usage.prompt_tokens,
                usage.completion_tokens,
            )
        )
    return cases
