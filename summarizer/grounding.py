"""Checking what the model cites against the source text. Plain code: the model is never trusted
to have quoted correctly, and offsets are computed here, not asked for."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

from .segment import Sentence

_QUOTE_CHARS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
_SPACE = re.compile(r"\s+")
_EDGE = " \"'.,;:!?"


def normalise(text: str) -> tuple[str, list[int]]:
    """Quotes and dashes folded to ASCII, whitespace runs to one space; with, for each character
    of the result, the index of the character it came from."""
    folded = text.translate(_QUOTE_CHARS)
    chars: list[str] = []
    origin: list[int] = []
    for match in re.finditer(r"\s+|\S", folded):
        chars.append(" " if _SPACE.fullmatch(match.group()) else match.group())
        origin.append(match.start())
    return "".join(chars), origin


def folded(quote: str) -> str:
    """A quote as it is compared: normalised, without the punctuation and quotes at its edges."""
    return normalise(quote)[0].strip(_EDGE)


def locate(quote: str, sentence: Sentence) -> tuple[int, int] | None:
    """Document offsets of ``quote`` inside ``sentence``, or None if it is not there."""
    needle = folded(quote)
    if not needle:
        return None
    haystack, origin = normalise(sentence.text)
    at = haystack.find(needle)
    if at < 0:
        return None
    return sentence.start + origin[at], sentence.start + origin[at + len(needle) - 1] + 1


@dataclass(frozen=True)
class Corpus:
    """The sentences the model may cite, by id."""

    sentences: dict[str, Sentence]

    @classmethod
    def of(cls, sentences: Iterable[Sentence]) -> Corpus:
        return cls({sentence.id: sentence for sentence in sentences})

    def span(self, sentence_id: str, quote: str) -> tuple[int, int] | str:
        """Document offsets of the quote, or a short reason why the citation does not hold."""
        sentence = self.sentences.get(sentence_id.strip())
        if sentence is None:
            return f"there is no sentence {sentence_id}"
        return locate(quote, sentence) or f"the quote is not in {sentence.id}"

    def problem(self, sentence_id: str, quote: str) -> str | None:
        """Why this citation does not hold, worded as an instruction to the model; None if it holds."""
        if not isinstance(self.span(sentence_id, quote), str):
            return None
        sentence = self.sentences.get(sentence_id.strip())
        if sentence is None:
            known = ", ".join(list(self.sentences)[:3])
            return (
                f"Sentence id {sentence_id!r} does not exist. Cite only ids shown in brackets "
                f"before the article's sentences (for example {known})."
            )
        return (
            f"The quote {quote!r} is not in sentence {sentence.id}. Copy 3 to 15 words "
            f"exactly as they stand in {sentence.id}, which reads: {sentence.text!r}; or cite "
            f"the sentence that does contain them."
        )


@dataclass
class Scope:
    """What the validators check against during one extraction call. ``strict`` is lowered for
    the last attempt, so a weak model's final answer is kept and its ungrounded items dropped
    one by one instead of failing the whole document."""

    corpus: Corpus
    strict: bool = True
    salvage_warnings: list[str] = field(default_factory=list)
    claim_ids: frozenset[str] = frozenset()  # claims a synthesis may assess
    # One part of a long document may name an actor that another part introduced: such
    # references are resolved over the whole document afterwards, not rejected per part.
    check_references: bool = True


# Instructor's own validation ``context`` would also be used to render the messages as Jinja2,
# which must never happen to article text; so the scope travels in a context variable instead.
_current: ContextVar[Scope | None] = ContextVar("summarizer_grounding_scope", default=None)


def current_scope() -> Scope | None:
    return _current.get()


@contextmanager
def grounding(scope: Scope) -> Iterator[Scope]:
    token = _current.set(scope)
    try:
        yield scope
    finally:
        _current.reset(token)
