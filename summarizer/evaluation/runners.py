"""Measuring on annotated news: date normalisation and cross-source actor resolution (plain code),
and extraction with a live model."""

from __future__ import annotations

import re
import warnings
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from ..actors import Mention, resolve
from ..dates import CALENDAR_KINDS, MONTHS, ArticleDates, start_of, value_kind, week_of
from ..lazy import deferred
from ..llm import Model
from ..pipeline import extract_all
from ..settings import Settings
from ..stages.extract import Failed
from ..text import Source, source_id, split_sentences
from .corpus import NAMED_TYPES, article_document, gold_entities, gold_value
from .metrics import Scores, b_cubed, ceaf_e, weighted

dateparser = deferred("dateutil.parser")  # the date baseline's parser

Progress = Callable[[str], None]
_BARE_WEEKDAY = re.compile(
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+(?:morning|afternoon|evening|night))?"
)


@dataclass(frozen=True)
class ActorMiss:
    """A mention the resolver put in a cluster other than its gold one: the names of each."""

    article: str
    mention: str
    gold: tuple[str, ...]
    produced: tuple[str, ...]


@dataclass(frozen=True)
class ActorScores:
    topic: str
    mentions: int
    entities: int
    clusters: int
    b3: Scores
    ceaf: Scores
    baseline: Scores  # B³ of clustering the mentions by their exact text
    misses: tuple[ActorMiss, ...] = ()


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
        by_text: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
        for ident, mention, _ in unique:
            by_text[mention.text].append(ident)
        text_of = {ident: m.text for ident, m, _ in unique}
        results.append(
            ActorScores(
                topic,
                len(unique),
                len(gold),
                len(system),
                b_cubed(system, gold),
                ceaf_e(system, gold),
                b_cubed(list(by_text.values()), gold),
                _misses(system, gold, text_of),
            )
        )
    return results


def _misses(
    system: list[list[tuple[str, int, int]]],
    gold: list[list[tuple[str, int, int]]],
    text_of: dict[tuple[str, int, int], str],
) -> tuple[ActorMiss, ...]:
    """Each mention whose produced cluster differs from its gold one, once per distinct error."""
    produced_of = {m: frozenset(c) for c in system for m in c}
    gold_of = {m: frozenset(c) for c in gold for m in c}
    found: dict[tuple[str, tuple[str, ...], tuple[str, ...]], ActorMiss] = {}

    def names(cluster: frozenset[tuple[str, int, int]]) -> tuple[str, ...]:
        return tuple(sorted({text_of[m] for m in cluster}))

    for mention, cluster in gold_of.items():
        if produced_of.get(mention, cluster) != cluster:
            miss = ActorMiss(mention[0], text_of[mention], names(cluster), names(produced_of[mention]))
            found.setdefault((miss.mention, miss.gold, miss.produced), miss)
    return tuple(found.values())


@dataclass(frozen=True)
class DateCase:
    article: str
    expression: str
    sentence: str
    reference: str | None
    gold: str
    predicted: str | None
    baseline: str | None = None  # what a general date parser reads, at day precision

    @property
    def kind(self) -> str:
        return value_kind(self.gold)

    @property
    def correct(self) -> bool:
        return self.predicted == self.gold

    @property
    def doubtful_gold(self) -> bool:
        """Whether no reading of the text gives the gold value (an error in the gold or in the
        article's creation date): a bare weekday valued more than a week from the reference
        date; 'this week' valued with a week that holds neither the reference date nor, on a
        Sunday, the next day; a year or month written out that the gold value does not have."""
        start = start_of(self.gold)
        if not (self.reference and start):
            return False
        reference, text = date.fromisoformat(self.reference), self.expression.strip().lower()
        if _BARE_WEEKDAY.fullmatch(text):
            return abs((start - reference).days) > 7
        if text == "this week" and value_kind(self.gold) == "week":
            readings = {week_of(reference)}
            if reference.weekday() == 6:  # on a Sunday, 'this week' may be the one it begins
                readings.add(week_of(reference + timedelta(days=1)))
            return week_of(start) not in readings
        years = re.findall(r"\b(1[6-9]\d\d|20\d\d)\b", text)
        if (
            len(years) == 1
            and str(start.year) != years[0]
            and value_kind(self.gold) not in ("decade", "other")
        ):
            return True
        months = [MONTHS[word] for word in re.findall(r"[a-z]+", text) if word in MONTHS]
        return len(months) == 1 and value_kind(self.gold) in ("day", "month") and start.month != months[0]


def calendar_accuracy(
    cases: Sequence[DateCase], baseline: bool = False, trusted: bool = False
) -> tuple[float, int]:
    """Accuracy on calendar values (days to decades; references and others apart), and their
    number; of the normaliser, or of the ``baseline`` parser; ``trusted``: without the cases whose
    gold is doubtful."""
    calendar = [c for c in cases if c.kind in CALENDAR_KINDS and not (trusted and c.doubtful_gold)]
    right = sum((c.baseline == c.gold) if baseline else c.correct for c in calendar)
    return (right / len(calendar) if calendar else 0.0), len(calendar)


def parsed_date(expression: str, reference: date) -> str | None:
    """The baseline: dateutil's fuzzy parser with the reference date filling what the expression
    leaves out, read as a day; what a pipeline without date rules would store."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # 'EDT' and other time zones it cannot place
            parsed = dateparser.parse(expression, default=datetime.combine(reference, time()), fuzzy=True)
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat()


def evaluate_dates(articles: list[dict[str, Any]]) -> list[DateCase]:
    """Every DATE timex that is not the document date, normalised from its expression, its
    sentence and the article's creation date by the product's own normaliser."""
    cases = []
    for article in articles:
        document = article_document(article)  # offsets index its text, the article's own
        reference = document.published
        sentences = split_sentences(document)
        dates = ArticleDates(reference) if reference else None
        for timex in sorted(article.get("timexes", []), key=lambda t: t["start"]):
            if timex.get("type") != "DATE" or timex.get("dct"):
                continue
            sentence = next((s.text for s in sentences if s.start <= timex["start"] < s.end), "")
            found = dates.read(timex["text"], sentence) if dates else None
            cases.append(
                DateCase(
                    str(article["id"]),
                    timex["text"],
                    sentence,
                    reference.isoformat() if reference else None,
                    gold_value(timex["value"]),
                    found.value if found else None,
                    parsed_date(timex["text"], reference) if reference else None,
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


def b_cubed_overall(results: Sequence[ActorScores], baseline: bool = False) -> Scores:
    """B³ over all topics' mentions together (topics never share a cluster), weighted by mentions;
    of the resolver, or of the exact-text ``baseline``."""
    return weighted([(r.baseline if baseline else r.b3, r.mentions) for r in results])


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
