"""summarizer: news articles in, briefing notes whose every statement cites its sources out."""

from .documents import Document, load_document
from .errors import ConfigError, InputError, ModelError, SummarizerError
from .extraction import aextract, extract
from .results import Extraction
from .segment import Sentence, split_sentences
from .settings import Settings

__all__ = [
    "ConfigError",
    "Document",
    "Extraction",
    "InputError",
    "ModelError",
    "Sentence",
    "Settings",
    "SummarizerError",
    "aextract",
    "extract",
    "load_document",
    "split_sentences",
]
