"""Evaluation on annotated news: corpus readers (corpus), clustering scores (metrics), and the
runners behind ``summarizer eval`` (runners)."""

from .corpus import Corpus, article_document, gold_entities, load_articles
from .metrics import Scores, b_cubed, ceaf_e
from .runners import (
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

__all__ = [
    "ActorScores",
    "Corpus",
    "DateCase",
    "ExtractionCase",
    "Scores",
    "actors_found",
    "article_document",
    "b_cubed",
    "b_cubed_overall",
    "calendar_accuracy",
    "ceaf_e",
    "evaluate_actors",
    "evaluate_dates",
    "evaluate_extraction",
    "gold_entities",
    "load_articles",
]
