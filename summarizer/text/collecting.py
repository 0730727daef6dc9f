"""The inputs of a run read into sources: each document loaded (a path, a ``Document``, or a
source already), split into sentences once under its source id (A, B, ...; after the ids of an
earlier briefing's sources when it is updated), one article given twice being one source."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ..documents import Document, load_document
from .sentences import Source, source_id

Input = Source | Document | str | Path


def sources_of(
    inputs: Sequence[Input], after: Sequence[Source] = (), notes: list[str] | None = None
) -> list[Source]:
    """Each input read and split into sentences once, under its source id (A, B, ..., or after
    the ids of ``after``, the sources a briefing being updated has); inputs that are sources
    already are kept as they are. Inputs with the very same text are one source (naming the
    others in ``duplicates``): one article given twice is not two sources agreeing. An input
    whose text one of ``after`` has is left out, and ``notes`` hears it."""
    found, said = collect(inputs, after)
    if notes is not None:
        notes += said
    return found


def collect(inputs: Sequence[Input], known: Sequence[Source]) -> tuple[list[Source], list[str]]:
    """New sources, their ids after the ``known`` ones; an input whose text a known source has
    is not added again (the notes say so)."""
    sources: list[Source] = []
    notes: list[str] = []
    held = {s.document.sha256: s.id for s in known}
    by_text: dict[str, int] = {}
    for item in inputs:
        document = item.document if isinstance(item, Source) else item
        if not isinstance(document, Document):
            document = load_document(document)
        if document.sha256 in held:
            notes.append(
                f"{document.name} is already in the briefing as source {held[document.sha256]}; not added again"
            )
            continue
        seen = by_text.get(document.sha256)
        if seen is not None:
            first = sources[seen]
            sources[seen] = replace(first, duplicates=(*first.duplicates, document.name))
            continue
        by_text[document.sha256] = len(sources)
        ident = source_id(len(known) + len(sources))
        sources.append(item if isinstance(item, Source) and item.id == ident else Source.of(document, ident))
    return sources, notes
