"""summarizer: news articles in, briefing notes whose every statement cites its sources out.

The public API: what the CLI uses and what library users may rely on. Everything else is
reachable through its package (``summarizer.stages``, ``summarizer.llm``, ...)."""

from .actors import resolve as resolve_actors
from .check import Problem, check_briefing, check_file
from .dates import normalise as normalise_date
from .diff import diff
from .documents import Document, load_document
from .errors import ConfigError, InputError, ModelError, SummarizerError
from .llm import FakeModel, Filled, FillRequest, Model, OpenAIModel
from .pipeline import (
    Previous,
    aextract,
    asummarize,
    extract,
    extract_all,
    previous_briefing,
    sources_of,
    summarize,
)
from .render import render_briefing, render_extractions
from .schema import Briefing, Extraction, Usage
from .settings import Settings
from .stages.extract import Extracted, Failed, SourceOutcome
from .text import Sentence, Source, split_sentences

__all__ = [
    "Briefing",
    "ConfigError",
    "Document",
    "Extracted",
    "Extraction",
    "Failed",
    "FakeModel",
    "FillRequest",
    "Filled",
    "InputError",
    "Model",
    "ModelError",
    "OpenAIModel",
    "Previous",
    "Problem",
    "Sentence",
    "Settings",
    "Source",
    "SourceOutcome",
    "SummarizerError",
    "Usage",
    "aextract",
    "asummarize",
    "check_briefing",
    "check_file",
    "diff",
    "extract",
    "extract_all",
    "load_document",
    "normalise_date",
    "previous_briefing",
    "render_briefing",
    "render_extractions",
    "resolve_actors",
    "sources_of",
    "split_sentences",
    "summarize",
]
