"""The exceptions summarizer raises: one base class, a few kinds a caller may want to tell apart."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .schema.usage import Usage


class SummarizerError(Exception):
    """Base class: the CLI prints ``str(error)`` as one line and exits with ``exit_code``."""

    exit_code = 1


class InputError(SummarizerError):
    """A document could not be read: missing, empty, binary, undecodable, a directory."""

    exit_code = 2

    def __init__(self, name: str, problem: str) -> None:
        self.name = name  # the file (or <stdin>) named in the message
        self.problem = problem
        super().__init__(f"{name}: {problem}")


class ConfigError(SummarizerError):
    """Settings are missing or contradictory (no endpoint, unknown mode)."""

    exit_code = 2


class ModelError(SummarizerError):
    """A model call failed for good: transport errors after retries, or an unusable answer. It
    carries what the failed calls cost all the same."""

    def __init__(self, step: str, subject: str, cause: str, usage: Usage | None = None) -> None:
        self.step = step
        self.subject = subject  # what the call was about: a file name, 'the briefing'
        self.cause = cause
        self.usage = usage
        super().__init__(f"{step} failed for {subject}: {cause}")


class AnswerCutOff(ModelError):
    """The answer reached the token limit before it was whole: a smaller request may succeed."""
