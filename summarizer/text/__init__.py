"""Text: sentences with stable ids, token counts and chunks, and grounding (finding a quote in the
sentence it cites). Plain code that every stage relies on."""

from .grounding import Corpus, folded, locate, stands
from .sentences import Sentence, Source, source_id, source_of, split_sentences

__all__ = [
    "Corpus",
    "Sentence",
    "Source",
    "folded",
    "locate",
    "source_id",
    "source_of",
    "split_sentences",
    "stands",
]
