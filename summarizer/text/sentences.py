"""Sentences with stable ids: source ``A``, third sentence -> ``A3``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..documents import Document
from ..errors import InputError
from ..lazy import deferred

sentencex = deferred("sentencex")  # loaded with the first text split

# Longer sentences are cut into parts (about 500 tokens each), so that any chunk budget from
# there up holds every sentence, and ids stay the same whatever the budget.
MAX_SENTENCE_CHARS = 2000


@dataclass(frozen=True)
class Sentence:
    id: str
    start: int
    end: int
    text: str


def source_of(sentence_id: str) -> str:
    """The source a sentence id belongs to: 'A3' -> 'A', 'AB12' -> 'AB'."""
    return sentence_id.strip().rstrip("0123456789")


def source_id(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: ids that stay short and never contain a digit."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def split_sentences(document: Document, source: str = "A") -> list[Sentence]:
    """Split line by line (a heading never joins the next paragraph), then with sentencex, which
    knows abbreviations such as 'U.S.', 'Gen.' and 'Sep. 24' and keeps a quotation whole.
    Metadata lines are skipped."""
    text = document.text
    skipped = set(document.metadata_spans)
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]*\S[^\n]*", text):
        if (line.start(), line.end()) in skipped:
            continue
        cursor = line.start()
        for piece in sentencex.segment("en", line.group()):
            stripped = piece.strip()
            if not stripped:
                continue
            start = text.find(stripped, cursor, line.end())
            if start < 0:  # the splitter altered the text; fall back to the rest of the line
                start, stripped = cursor, text[cursor : line.end()].strip()
            end = start + len(stripped)
            for part_start, part_end in _bounded(text, start, end):
                sentences.append(
                    Sentence(f"{source}{len(sentences) + 1}", part_start, part_end, text[part_start:part_end])
                )
            cursor = end
    return sentences


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence as spans of at most ``MAX_SENTENCE_CHARS``, cut at the last space that keeps a
    part within the bound (or at the bound, in a run with no space): a line with no sentence end
    never becomes one citation of a whole page, nor one call over the token budget."""
    spans = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS + 1)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        spans.append((start, len(text[start:cut].rstrip()) + start))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    spans.append((start, end))
    return spans


@dataclass(frozen=True)
class Source:
    """A document under its source id, with its sentences: split once, carried through every stage."""

    id: str
    document: Document
    sentences: tuple[Sentence, ...]
    duplicates: tuple[str, ...] = ()  # other inputs with the very same text, read once as this one
    near_copies: tuple[str, ...] = ()  # inputs that copy it all but a few words (syndicated, edited)

    def notes(self) -> list[str]:
        same = [
            f"source {self.id}: {name} has the same text as {self.document.name}; read once"
            for name in self.duplicates
        ]
        return same + [
            f"source {self.id}: {name} is a near-copy of {self.document.name} (a syndicated or lightly edited "
            "copy: one report, not two); read once"
            for name in self.near_copies
        ]

    @classmethod
    def of(cls, document: Document, source: str) -> Source:
        """Raises ``InputError`` for a document with nothing to cite."""
        sentences = tuple(split_sentences(document, source))
        if not sentences:
            raise InputError(document.name, "has no sentences to extract from")
        return cls(source, document, sentences)
