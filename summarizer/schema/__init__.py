"""The three kinds of model, in the order data flows through them: ``drafts`` (what the model
fills, its descriptions the model's instructions), ``extraction`` (one source's items verified
against the text, with offsets) and ``briefing`` (the note, versioned). ``validation`` holds what
the drafts' validators check against. Names load on first use (PEP 562): a run asks the model
before it needs the briefing's models."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import loader

__getattr__ = loader(
    __name__,
    {
        "Briefing": (".briefing", "Briefing"),
        "walk_citations": (".briefing", "walk_citations"),
        "Citation": (".extraction", "Citation"),
        "Extraction": (".extraction", "Extraction"),
        "SourceInfo": (".extraction", "SourceInfo"),
        "Usage": (".usage", "Usage"),
    },
)

if TYPE_CHECKING:
    from .briefing import Briefing, walk_citations
    from .extraction import Citation, Extraction, SourceInfo
    from .usage import Usage

__all__ = ["Briefing", "Citation", "Extraction", "SourceInfo", "Usage", "walk_citations"]
