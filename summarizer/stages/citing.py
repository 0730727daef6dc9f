"""Turning the citations of a draft into verified citations with offsets: the step both stages
take on the model's final answer. A citation that does not hold is dropped and named."""

from __future__ import annotations

from collections.abc import Sequence

from ..schema.drafts import CitationDraft
from ..schema.extraction import Citation
from ..text import Corpus


def cite(
    label: str, evidence: Sequence[CitationDraft], corpus: Corpus, warnings: list[str]
) -> list[Citation]:
    """The citations that hold; a warning for each that does not, and one when none holds."""
    kept: list[Citation] = []
    for cited in evidence:
        span = corpus.span(cited.sentence_id, cited.quote)
        if isinstance(span, str):
            warnings.append(f"{label}: dropped citation {cited.sentence_id} {cited.quote!r}: {span}")
            continue
        kept.append(
            Citation(sentence_id=cited.sentence_id.strip(), quote=cited.quote, start=span[0], end=span[1])
        )
    if not kept:
        warnings.append(f"{label}: dropped, no citation holds")
    return kept


def unique_citations(citations: Sequence[Citation]) -> list[Citation]:
    return list({(c.sentence_id, c.start, c.end): c for c in citations}.values())
