"""Evaluation on annotated news: corpus readers (corpus), clustering scores (metrics), and the
runners behind ``summarizer eval`` (runners, events for event merges), and the support checker's statement/evidence pairs
(support)."""

from .corpus import AnnotatedArticles, article_document, gold_entities, load_articles
from .events import EventMerge, EventScores, Pairs, evaluate_events, events_overall
from .metrics import Scores, b_cubed, ceaf_e
from .runners import (
    ActorMiss,
    ActorScores,
    DateCase,
    ExtractionCase,
    actors_found,
    b_cubed_overall,
    calendar_accuracy,
    evaluate_actors,
    evaluate_dates,
    evaluate_extraction,
)
from .sentences import SentenceScores, evaluate_sentences
from .stories import StoryScores, evaluate_stories
from .support import (
    KindScore,
    Separation,
    SupportCase,
    SupportPair,
    evaluate_support,
    load_pairs,
    recall_by_error,
    scores_by_kind,
    separations,
)

__all__ = [
    "ActorMiss",
    "ActorScores",
    "AnnotatedArticles",
    "DateCase",
    "EventMerge",
    "EventScores",
    "ExtractionCase",
    "KindScore",
    "Separation",
    "Pairs",
    "Scores",
    "SentenceScores",
    "StoryScores",
    "SupportCase",
    "SupportPair",
    "actors_found",
    "article_document",
    "b_cubed",
    "b_cubed_overall",
    "calendar_accuracy",
    "ceaf_e",
    "evaluate_actors",
    "evaluate_dates",
    "evaluate_events",
    "evaluate_extraction",
    "evaluate_sentences",
    "evaluate_stories",
    "evaluate_support",
    "recall_by_error",
    "separations",
    "events_overall",
    "gold_entities",
    "load_articles",
    "load_pairs",
    "scores_by_kind",
]
