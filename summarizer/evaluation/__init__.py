"""Evaluation on annotated news: corpus readers (corpus), clustering scores (metrics), and the
runners behind ``summarizer eval`` (runners), and the support checker's statement/evidence pairs
(support)."""

from .corpus import Corpus, article_document, gold_entities, load_articles
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
from .support import KindScore, SupportCase, SupportPair, evaluate_support, load_pairs, scores_by_kind

__all__ = [
    "ActorMiss",
    "ActorScores",
    "Corpus",
    "DateCase",
    "ExtractionCase",
    "KindScore",
    "Scores",
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
    "evaluate_extraction",
    "evaluate_support",
    "gold_entities",
    "load_articles",
    "load_pairs",
    "scores_by_kind",
]
