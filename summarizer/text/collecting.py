"""The inputs of a run read into sources: each document loaded (a path, a ``Document``, or a
source already), split into sentences once under its source id (A, B, ...; after the ids of an
earlier briefing's sources when it is updated), one article given twice being one source."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace
from pathlib import Path

from ..documents import Document, load_document
from .copies import copy_groups
from .sentences import Source, source_id

Input = Source | Document | str | Path


def sources_of(
    inputs: Sequence[Input],
    after: Sequence[Source] = (),
    notes: list[str] | None = None,
    retry: Collection[str] = (),
) -> list[Source]:
    """Each input read and split into sentences once, under its source id (A, B, ..., or after
    the ids of ``after``, the sources a briefing being updated has); inputs that are sources
    already are kept as they are. Inputs with the very same text are one source (naming the
    others in ``duplicates``): one article given twice is not two sources agreeing. An input
    whose text one of ``after`` has is left out, and ``notes`` hears it, unless that source is
    one to ``retry`` (its extraction failed): it is read again under its own id."""
    found, said = collect(inputs, after, retry)
    if notes is not None:
        notes += said
    return found


def collect(
    inputs: Sequence[Input], known: Sequence[Source], retry: Collection[str] = ()
) -> tuple[list[Source], list[str]]:
    """New sources, their ids after the ``known`` ones; an input whose text a known source has
    is not added again (the notes say so), unless that source is one to ``retry`` (its extraction
    failed before): it is then read again under its own id. An input that is a near-copy of another (a
    syndicated or lightly edited copy: ``copies``) is read once, as the first of them: the
    copies are named in that source's ``near_copies``, or in the notes if it is a known one."""
    notes: list[str] = []
    held = {s.document.sha256: s.id for s in known}
    again = {s.document.sha256: s for s in known if s.id in retry}
    retried: list[Source] = []
    kept: list[tuple[Input, Document]] = []
    duplicates: dict[int, list[str]] = {}
    by_text: dict[str, int] = {}
    for item in inputs:
        document = item.document if isinstance(item, Source) else item
        if not isinstance(document, Document):
            document = load_document(document)
        if document.sha256 in again:
            retried.append(again.pop(document.sha256))
            notes.append(f"source {retried[-1].id}: extracted again (its extraction failed before)")
            continue
        if document.sha256 in held:
            notes.append(
                f"{document.name} is already in the briefing as source {held[document.sha256]}; not added again"
            )
            continue
        seen = by_text.get(document.sha256)
        if seen is not None:
            duplicates.setdefault(seen, []).append(document.name)
            continue
        by_text[document.sha256] = len(kept)
        kept.append((item, document))
    copy_of = _near_copies(known, [d for _, d in kept])
    sources: list[Source] = []
    place: dict[int, int] = {}  # index in ``kept`` -> index in ``sources``
    for index, (item, document) in enumerate(kept):
        original = copy_of.get(index)
        if isinstance(original, str):  # a known source's copy
            notes.append(
                f"{document.name} is a near-copy of source {original}, already in the briefing; not added"
            )
            continue
        if original is not None:
            first = sources[place[original]]
            sources[place[original]] = replace(first, near_copies=(*first.near_copies, document.name))
            continue
        ident = source_id(len(known) + len(sources))
        source = item if isinstance(item, Source) and item.id == ident else Source.of(document, ident)
        place[index] = len(sources)
        sources.append(replace(source, duplicates=(*source.duplicates, *duplicates.get(index, ()))))
    return [*retried, *sources], notes


def _near_copies(known: Sequence[Source], new: Sequence[Document]) -> dict[int, str | int]:
    """For each new document that is a near-copy of an earlier one: the known source's id it
    copies, or the index of the new document it copies."""
    if not new or len(known) + len(new) < 2:
        return {}
    found: dict[int, str | int] = {}
    for members in copy_groups(
        [s.document.text for s in known] + [d.text for d in new], fresh_from=len(known)
    ):
        first = members[0]
        for member in members[1:]:
            if member >= len(known):
                found[member - len(known)] = known[first].id if first < len(known) else first - len(known)
    return found
