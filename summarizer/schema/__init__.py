"""The three kinds of model, in the order data flows through them: ``drafts`` (what the model
fills, its descriptions the model's instructions), ``extraction`` (one source's items verified
against the text, with offsets) and ``briefing`` (the note, versioned). ``validation`` holds what
the drafts' validators check against."""

from .briefing import Briefing, walk_citations
from .extraction import Citation, Extraction, SourceInfo
from .usage import Usage

__all__ = ["Briefing", "Citation", "Extraction", "SourceInfo", "Usage", "walk_citations"]
