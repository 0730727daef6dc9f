"""summarizer: news articles in, briefing notes whose every statement cites its sources out.

The public API: what the CLI uses and what library users may rely on. Everything else is
reachable through its package (``summarizer.stages``, ``summarizer.llm``, ...). Names load on
first use (PEP 562), so that ``summarizer --help`` and the CLI's start-up pay only for what they
use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lazy import loader

# public name -> (module, name in it)
_EXPORTS = {
    "resolve_actors": (".actors", "resolve"),
    "Problem": (".store", "Problem"),
    "check_briefing": (".check", "check_briefing"),
    "check_file": (".check", "check_file"),
    "normalise_date": (".dates", "normalise"),
    "diff": (".differences", "diff"),
    "Document": (".documents", "Document"),
    "load_document": (".documents", "load_document"),
    "ConfigError": (".errors", "ConfigError"),
    "InputError": (".errors", "InputError"),
    "ModelError": (".errors", "ModelError"),
    "SummarizerError": (".errors", "SummarizerError"),
    "FakeModel": (".llm", "FakeModel"),
    "Filled": (".llm", "Filled"),
    "FillRequest": (".llm", "FillRequest"),
    "Model": (".llm", "Model"),
    "OpenAIModel": (".llm", "OpenAIModel"),
    "Previous": (".update", "Previous"),
    "aextract": (".pipeline", "aextract"),
    "asummarize": (".pipeline", "asummarize"),
    "extract": (".pipeline", "extract"),
    "extract_all": (".pipeline", "extract_all"),
    "previous_briefing": (".update", "previous_briefing"),
    "sources_of": (".text", "sources_of"),
    "summarize": (".pipeline", "summarize"),
    "render_briefing": (".render", "render_briefing"),
    "render_extractions": (".render", "render_extractions"),
    "Briefing": (".schema", "Briefing"),
    "Extraction": (".schema", "Extraction"),
    "Usage": (".schema", "Usage"),
    "Settings": (".settings", "Settings"),
    "Extracted": (".stages.extract", "Extracted"),
    "Failed": (".stages.extract", "Failed"),
    "SourceOutcome": (".stages.extract", "SourceOutcome"),
    "Sentence": (".text", "Sentence"),
    "Source": (".text", "Source"),
    "split_sentences": (".text", "split_sentences"),
    "StoriesRun": (".stories", "StoriesRun"),
    "StoryIndex": (".stories", "StoryIndex"),
    "abrief_stories": (".stories", "abrief_stories"),
    "brief_stories": (".stories", "brief_stories"),
    "plan_stories": (".stories", "plan_stories"),
}


__getattr__ = loader(__name__, _EXPORTS)


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


if TYPE_CHECKING:
    from .actors import resolve as resolve_actors
    from .check import check_briefing, check_file
    from .dates import normalise as normalise_date
    from .differences import diff
    from .documents import Document, load_document
    from .errors import ConfigError, InputError, ModelError, SummarizerError
    from .llm import FakeModel, Filled, FillRequest, Model, OpenAIModel
    from .pipeline import aextract, asummarize, extract, extract_all, summarize
    from .render import render_briefing, render_extractions
    from .schema import Briefing, Extraction, Usage
    from .settings import Settings
    from .stages.extract import Extracted, Failed, SourceOutcome
    from .store import Problem
    from .stories import StoriesRun, StoryIndex, abrief_stories, brief_stories, plan_stories
    from .text import Sentence, Source, sources_of, split_sentences
    from .update import Previous, previous_briefing

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
    "StoriesRun",
    "StoryIndex",
    "SummarizerError",
    "Usage",
    "abrief_stories",
    "aextract",
    "asummarize",
    "brief_stories",
    "check_briefing",
    "check_file",
    "diff",
    "extract",
    "extract_all",
    "load_document",
    "normalise_date",
    "plan_stories",
    "previous_briefing",
    "render_briefing",
    "render_extractions",
    "resolve_actors",
    "sources_of",
    "split_sentences",
    "summarize",
]
