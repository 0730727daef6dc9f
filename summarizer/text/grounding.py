"""Checking what the model cites against the source text. Plain code: the model is never trusted
to have quoted correctly, and offsets are computed here, not asked for."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .sentences import Sentence

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


def fold(text: str) -> tuple[str, list[int]]:
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
    """A quote as it is compared: folded, without the punctuation and quotes at its edges."""
    return fold(quote)[0].strip(_EDGE)


def locate(quote: str, sentence: Sentence) -> tuple[int, int] | None:
    """Document offsets of ``quote`` inside ``sentence``, or None if it is not there."""
    needle = folded(quote)
    if not needle:
        return None
    haystack, origin = fold(sentence.text)
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
