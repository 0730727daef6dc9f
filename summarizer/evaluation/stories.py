"""Story grouping against annotated stories: articles whose ``topic`` and ``subtopic`` are the same
report one story (ECB+: two different real-world events of one kind share a topic, so they are
each other's hard negatives). The product's grouping (near-copies folded, then TF-IDF of words
and word pairs, average link) beside a baseline of TF-IDF of single words, average link."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..lazy import deferred
from ..text.grouping import STORY_SIMILARITY, cluster, texts_of
from .corpus import found_stories, gold_story
from .metrics import Scores, b_cubed

if TYPE_CHECKING:
    from sklearn.feature_extraction import text as sk_text
else:
    sk_text = deferred("sklearn.feature_extraction.text")

BASELINE_SIMILARITY = 0.16  # the baseline's own best on ECB+ lies between 0.14 and 0.20


def _plain_vectors(texts: Sequence[str]) -> Any:
    """The baseline's vectors: TF-IDF of single words, unit length."""
    return sk_text.TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)


@dataclass(frozen=True)
class StoryScores:
    system: Scores
    baseline: Scores
    articles: int
    stories: int  # found
    gold_stories: int
    folded: int  # near-copies folded into another article
    mixed: list[str]  # each found story that holds articles of several gold stories, described


def evaluate_stories(articles: Sequence[dict[str, Any]], similarity: float = STORY_SIMILARITY) -> StoryScores:
    texts = texts_of([(a.get("title"), a["text"]) for a in articles])
    gold: dict[str, list[int]] = {}
    for index, article in enumerate(articles):
        gold.setdefault(gold_story(article), []).append(index)
    found, folded = found_stories(texts, similarity)
    baseline = cluster(_plain_vectors(texts), BASELINE_SIMILARITY)
    mixed = []
    for story in found:
        stories = Counter(gold_story(articles[i]) for i in story)
        if len(stories) > 1:
            mixed.append(", ".join(f"{name}: {n}" for name, n in stories.most_common()))
    return StoryScores(
        system=b_cubed(found, list(gold.values())),
        baseline=b_cubed(baseline, list(gold.values())),
        articles=len(articles),
        stories=len(found),
        gold_stories=len(gold),
        folded=folded,
        mixed=mixed,
    )
