"""Text: sentences with stable ids, token counts and chunks, grounding (finding a quote in the
sentence it cites), and how counts read. Plain code that every stage relies on."""

from .collecting import Input, collect, sources_of
from .counts import count, shown
from .grounding import Corpus, folded, locate, stands
from .sentences import Sentence, Source, source_id, source_of, split_sentences

__all__ = [
    "Corpus",
    "Input",
    "Sentence",
    "Source",
    "collect",
    "count",
    "folded",
    "locate",
    "source_id",
    "shown",
    "source_of",
    "sources_of",
    "split_sentences",
    "stands",
]
