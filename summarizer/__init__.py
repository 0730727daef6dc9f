"""summarizer: news articles in, briefing notes whose every statement cites its sources out."""

from .actors import resolve as resolve_actors
from .briefing import Briefing
from .dates import normalise as normalise_date
from .documents import Document, load_document
from .errors import ConfigError, InputError, ModelError, SummarizerError
from .extraction import aextract, extract
from .pipeline import asummarize, summarize
from .results import Extraction
from .segment import Sentence, split_sentences
from .settings import Settings

__all__ = [
    "Briefing",
    "asummarize",
    "normalise_date",
    "resolve_actors",
    "summarize",
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
