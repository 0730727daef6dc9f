"""Measuring the deterministic parts on annotated news (MEANTIME-format JSON files, see
../shared/eval/README.md): cross-source actor resolution and date normalisation."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .documents import Document
from .errors import InputError

NAMED_TYPES = ("PER", "ORG", "LOC")


def load_articles(directory: str | Path) -> list[dict[str, Any]]:
    folder = Path(directory)
    if not folder.is_dir():
        raise InputError(str(directory), "is not a directory of annotated articles")
    articles = []
    for path in sorted(folder.glob("*.json")):
        try:
            article = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise InputError(str(path), f"is not valid JSON ({error})") from None
        if not isinstance(article, dict) or "text" not in article:
            raise InputError(str(path), "is not a MEANTIME-format article (no text)")
        articles.append(article)
    if not articles:
        raise InputError(str(directory), "holds no .json articles")
    return articles


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


Clustering = Sequence[Sequence[Hashable]]


def b_cubed(system: Clustering, gold: Clustering) -> Scores:
    """B³ over the mentions both clusterings contain."""
    sys_of = {m: frozenset(c) for c in system for m in c}
    gold_of = {m: frozenset(c) for c in gold for m in c}
    mentions = [m for m in gold_of if m in sys_of]
    if not mentions:
        return Scores(0.0, 0.0)
    precision = sum(len(sys_of[m] & gold_of[m]) / len(sys_of[m]) for m in mentions) / len(mentions)
    recall = sum(len(sys_of[m] & gold_of[m]) / len(gold_of[m]) for m in mentions) / len(mentions)
    return Scores(precision, recall)


def ceaf_e(system: Clustering, gold: Clustering) -> Scores:
    """Entity-based CEAF: the best one-to-one alignment of entities by φ4 = 2|K∩R| / (|K|+|R|)."""
    sys_sets = [set(c) for c in system if c]
    gold_sets = [set(c) for c in gold if c]
    if not sys_sets or not gold_sets:
        return Scores(0.0, 0.0)
    similarity = [[2 * len(g & s) / (len(g) + len(s)) for s in sys_sets] for g in gold_sets]
    best = _max_assignment(similarity)
    return Scores(best / len(sys_sets), best / len(gold_sets))


def _max_assignment(weights: list[list[float]]) -> float:
    """Total weight of the best one-to-one assignment of rows to columns (Hungarian algorithm)."""
    rows, cols = len(weights), len(weights[0])
    n = max(rows, cols)
    cost = [[-(weights[i][j] if i < rows and j < cols else 0.0) for j in range(n)] for i in range(n)]
    inf = float("inf")
    u, v, match, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        match[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if current < minv[j]:
                        minv[j], way[j] = current, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return -sum(cost[match[j] - 1][j - 1] for j in range(1, n + 1) if match[j])


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
    from .actors import Mention, resolve

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


CALENDAR_KINDS = ("day", "week", "month", "quarter", "season", "year", "decade")
_KIND_PATTERNS = [
    ("day", r"\d{4}-\d{2}-\d{2}(T[A-Z]{2})?"),
    ("week", r"\d{4}-W\d{2}(-WE)?"),
    ("month", r"\d{4}-\d{2}"),
    ("quarter", r"\d{4}-Q[1-4]"),
    ("season", r"\d{4}-(SP|SU|FA|WI)"),
    ("year", r"\d{4}"),
    ("decade", r"\d{3}"),
    ("reference", r"(PAST|PRESENT|FUTURE)_REF"),
]


def value_kind(value: str) -> str:
    import re

    return next((kind for kind, pattern in _KIND_PATTERNS if re.fullmatch(pattern, value)), "other")


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


def article_document(article: dict[str, Any]) -> Document:
    """An annotated article as the product reads a plain-text article; its dct as publication date."""
    from dataclasses import replace
    from datetime import date

    from .documents import _from_plain_text

    document = _from_plain_text(article["text"], f"{article.get('topic', 'article')}-{article['id']}")
    if article.get("dct"):
        document = replace(document, published=date.fromisoformat(article["dct"]))
    return document


def evaluate_dates(articles: list[dict[str, Any]]) -> list[DateCase]:
    """Every DATE timex that is not the document date, normalised from its expression, its
    sentence and the article's creation date by the product's own normaliser."""
    from .dates import normalise
    from .segment import split_sentences

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


def b_cubed_overall(results: Sequence[ActorScores]) -> Scores:
    """B³ over all topics' mentions together (topics never share a cluster), weighted by mentions."""
    total = sum(r.mentions for r in results)
    if not total:
        return Scores(0.0, 0.0)
    return Scores(
        sum(r.b3.precision * r.mentions for r in results) / total,
        sum(r.b3.recall * r.mentions for r in results) / total,
    )


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


def gold_entities(article: dict[str, Any]) -> dict[str, list[str]]:
    """Named PER/ORG/LOC entities of an article: instance id -> the texts of its named mentions."""
    found: dict[str, list[str]] = {}
    for entity in article.get("entities", []):
        names = [m["text"] for m in entity.get("mentions", []) if m.get("syntactic_type") == "NAM"]
        if entity.get("type") in NAMED_TYPES and names:
            found[entity["instance_id"]] = names
    return found


def actors_found(gold: dict[str, list[str]], extracted: Sequence[tuple[str, str | None]]) -> int:
    """How many gold entities an extracted actor name or alias resolves to."""
    from .actors import Mention, resolve

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
    articles: list[dict[str, Any]], settings: Any, progress: Any = None
) -> list[ExtractionCase]:
    from .extraction import aextract_all
    from .results import Extraction, Usage

    documents = [article_document(a) for a in articles]
    results = await aextract_all(documents, settings, progress=progress)
    cases = []
    for article, result in zip(articles, results, strict=True):
        gold = gold_entities(article)
        name = f"{article.get('topic', 'article')}-{article['id']}"
        if not isinstance(result, Extraction):
            spent = getattr(result, "usage", None) or Usage()
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
                    error=str(result),
                )
            )
            continue
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
