"""Checking what the model cites against the source text. Plain code: the model is never trusted
to have quoted correctly, and offsets are computed here, not asked for."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from ..settings import SENTENCES_REMEMBERED
from .counts import shown
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


@lru_cache(maxsize=SENTENCES_REMEMBERED)  # a sentence is folded once, however many citations it checks
def fold(text: str) -> tuple[str, tuple[int, ...], tuple[int, ...]]:
    """Quotes and dashes folded to ASCII (a doubled single quote, as in ``this'', is one double
    quote), whitespace runs to one space; with, for each character of the result, where the text
    it came from starts and ends."""
    folded = text.translate(_QUOTE_CHARS)
    chars: list[str] = []
    origin: list[int] = []
    ends: list[int] = []
    for match in re.finditer(r"\s+|''|\S", folded):  # `` and '' (typewriter or Treebank quotes) are one "
        piece = match.group()
        chars.append(" " if _SPACE.fullmatch(piece) else '"' if piece == "''" else piece)
        origin.append(match.start())
        ends.append(match.end())
    return "".join(chars), tuple(origin), tuple(ends)


def plain(text: str) -> str:
    """What ``fold`` makes of a text, without where each character came from and kept by no
    cache: for reading a whole article once, or a text whose offsets nobody asks for (they cost
    ten times the folding)."""
    return _SPACE.sub(" ", text.translate(_QUOTE_CHARS).replace("''", '"'))


def folded_in_place(text: str) -> str:
    """Quotes and dashes folded to ASCII character for character (a doubled single quote to two
    double ones), so that an offset into the result is one into the text: the words a rule reads
    stand where the names and dates found in the text itself stand."""
    return text.translate(_QUOTE_CHARS).replace("''", '""')


def folded(quote: str) -> str:
    """A quote as it is compared: folded, without the punctuation and quotes at its edges."""
    return plain(quote).strip(_EDGE)


def _whole(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` starts and ends on word and number boundaries: 'received $1'
    is not in 'received $1.5 million', nor 'lion in' in 'million in'."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if (text[start].isalnum() and before.isalnum()) or (text[end - 1].isalnum() and after.isalnum()):
        return False
    inside_number = (
        after in ".," and end + 1 < len(text) and text[end + 1].isdigit() and text[end - 1].isdigit()
    )
    return not inside_number and not (
        before in ".," and start >= 2 and text[start - 2].isdigit() and text[start].isdigit()
    )


def _find(quote: str, sentence: Sentence) -> tuple[int, int] | str:
    """Document offsets of the quote, or why there are none: 'absent' or 'mid-word'."""
    needle = folded(quote)
    if not needle:
        return "absent"
    haystack, origin, ends = fold(sentence.text)
    at = haystack.find(needle)
    if at < 0:
        return "absent"
    while at >= 0:
        if _whole(haystack, at, at + len(needle)):
            return sentence.start + origin[at], sentence.start + ends[at + len(needle) - 1]
        at = haystack.find(needle, at + 1)
    return "mid-word"


def locate(quote: str, sentence: Sentence) -> tuple[int, int] | None:
    """Document offsets of ``quote`` inside ``sentence``, on whole words, or None."""
    found = _find(quote, sentence)
    return None if isinstance(found, str) else found


def stands(quote: str, start: int, end: int, text: str, sentence: Sentence) -> str | None:
    """Why a citation verified earlier does not hold in ``text`` now (its offsets leave its
    sentence, or its quote is not at them); None when it holds. ``check`` and the page ask it."""
    if not (sentence.start <= start < end <= sentence.end):
        return f"offsets {start}-{end} are outside sentence {sentence.id}"
    found = folded(text[start:end])
    if found != folded(quote):
        return f"quote {shown(quote)} is not at {start}-{end} (found {shown(found)})"
    return None


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
        found = _find(quote, sentence)
        if found == "mid-word":
            return f"the quote starts or ends inside a word or number of {sentence.id}"
        return f"the quote is not in {sentence.id}" if isinstance(found, str) else found

    def stands_in_any(self, words: str, sentence_ids: Iterable[str]) -> bool:
        """Whether ``words`` stand, as a quote would, in one of these sentences."""
        return any(not isinstance(self.span(i, words), str) for i in sentence_ids)

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
        if _find(quote, sentence) == "mid-word":
            return (
                f"The quote {quote!r} cuts a word or a number of sentence {sentence.id} in two. Quote "
                f"whole words and whole numbers exactly as they stand in {sentence.id}, which reads: "
                f"{sentence.text!r}."
            )
        return (
            f"The quote {quote!r} is not in sentence {sentence.id}. Copy 3 to 15 words "
            f"exactly as they stand in {sentence.id}, which reads: {sentence.text!r}; or cite "
            f"the sentence that does contain them."
        )
