"""Sentences with stable ids: source ``A``, third sentence -> ``A3``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pysbd

    from .documents import Document


@dataclass(frozen=True)
class Sentence:
    id: str
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def source_id(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: ids that stay short and never contain a digit."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def split_sentences(document: Document, source: str = "A") -> list[Sentence]:
    """Split line by line (a heading never joins the next paragraph), then with pysbd, which
    knows abbreviations such as 'U.S.', 'Gen.' and 'Sep. 24'. Metadata lines are skipped."""
    text = document.text
    skipped = set(document.metadata_spans)
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]*\S[^\n]*", text):
        if (line.start(), line.end()) in skipped:
            continue
        cursor = line.start()
        for piece in _segmenter().segment(line.group()):
            stripped = piece.strip()
            if not stripped:
                continue
            start = text.find(stripped, cursor, line.end())
            if start < 0:  # pysbd altered the text; fall back to the rest of the line
                start, stripped = cursor, text[cursor : line.end()].strip()
            end = start + len(stripped)
            sentences.append(Sentence(f"{source}{len(sentences) + 1}", start, end, stripped))
            cursor = end
    return sentences
