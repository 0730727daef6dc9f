"""Checking what a briefing carries for a later update: the extraction of each of its sources.
``--since`` merges them again with the new sources' as they are, so ``check`` vouches for them as
for the note itself: one extraction for each source that was extracted, every citation standing
at its offsets in its own source, every actor named in the sentences it cites, every reference
to an actor (a participant, a claim's party) resolving to one of its actors, and every event
and claim saying what its sentences say (an update merges them as they are, so this is checked
whether or not the note's own statements are). Whether a party is the one who made, denied or
disputed a claim is not read here: a party often speaks through someone ('We are monitoring',
said by a spokesman, is the United States' claim), which code cannot tell from a forged party."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from .actors import ActorIndex
from .schema.briefing import Briefing
from .schema.extraction import Actor, Citation, Claim, Event, Extraction
from .stages.naming import (
    forms,
    named,
    unnamed_in_extraction,
    unnamed_place,
    unnamed_via,
    unstated_title,
    unwritten_date,
    written,
)
from .store import Problem
from .support import ActorNames, Cited, NameTable, assess, unstated
from .text import Corpus, Sentence, Source, shown, source_of, stands
from .verified import Verified
from .vocabulary import CLAIM_ROLES, parties


def extraction_problems(
    briefing: Briefing, sources: Sequence[Source], verified: Verified | None = None
) -> list[Problem]:
    """Problems of the extractions a briefing carries, against the sources at hand (a source not
    among them is checked for what needs no text). ``verified``: the extractions already checked
    against their text, which are not checked again, and where one that passes is remembered."""
    problems: list[Problem] = []
    extracted = [s.id for s in briefing.sources if s.status == "ok"]
    carried = Counter(e.source.id for e in briefing.extractions)
    records = {s.id: s for s in briefing.sources}
    if briefing.schema_version != "1":  # a version 1 briefing carries none (and cannot be updated)
        for sid in extracted:
            if carried[sid] == 0:
                problems.append(
                    Problem(f"source {sid}", "was extracted, but the briefing carries no extraction of it")
                )
    texts = {s.id: s for s in sources}
    for i, extraction in enumerate(briefing.extractions):
        sid = extraction.source.id
        where = f"extractions[{i}] ({sid})"
        record = records.get(sid)
        if record is None or record.status != "ok":
            problems.append(
                Problem(where, f"is the extraction of {sid!r}, which no extracted source of the briefing is")
            )
            continue
        if carried[sid] > 1:
            problems.append(
                Problem(where, f"is one of {carried[sid]} extractions of source {sid}; a source has one")
            )
        if extraction.source.sha256 != record.sha256:
            problems.append(Problem(where, "was made from another text than the source's (sha256 differs)"))
            continue
        if extraction.source.splitting != record.splitting:  # its sentence ids are another split's
            problems.append(
                Problem(
                    where,
                    f"was made from the text split into sentences another way (splitting "
                    f"{extraction.source.splitting}) than the source's (splitting {record.splitting})",
                )
            )
            continue
        problems += _checked(where, extraction, texts.get(sid), verified)
    return problems


def _checked(
    where: str, extraction: Extraction, source: Source | None, verified: Verified | None
) -> list[Problem]:
    """The problems of one extraction; none, unread, for one ``verified`` holds (an extraction is
    remembered there once it is checked against its text and found sound)."""
    if verified is None or source is None:
        return _problems(where, extraction, source)
    key = verified.key(extraction, source)
    if verified.holds(key):
        return []
    found = _problems(where, extraction, source)
    if not found:
        verified.remember(key)
    return found


def _problems(where: str, extraction: Extraction, source: Source | None) -> list[Problem]:
    problems: list[Problem] = []
    sid = extraction.source.id
    by_id = {s.id: s for s in source.sentences} if source is not None else {}
    for place, citation in _citations(extraction):
        if source_of(citation.sentence_id) != sid:
            problems.append(
                Problem(f"{where}.{place}", f"cites {citation.sentence_id}, not a sentence of {sid}")
            )
        elif source is not None:
            sentence = by_id.get(citation.sentence_id)
            problems += citation_problems(f"{where}.{place}", citation, source.document.text, sentence)
    if source is None:
        return problems  # names and parties are read in the text
    corpus = Corpus.of(source.sentences)
    index = ActorIndex([(a.name, a.aliases, a.kind) for a in extraction.actors])
    by_name = {a.name: a for a in extraction.actors}
    for k, actor in enumerate(extraction.actors):
        for j, alias in enumerate(actor.aliases):
            if not written(alias, source.document.text):
                problems.append(
                    Problem(f"{where}.actors[{k}].aliases[{j}]", f"{alias!r} is not in {sid}'s text")
                )
        if not named(actor, actor.citations, corpus):
            problems.append(
                Problem(f"{where}.actors[{k}]", f"{actor.name!r} is named in none of the sentences it cites")
            )
        if (title := unstated_title(actor, corpus)) is not None:
            problems.append(
                Problem(
                    f"{where}.actors[{k}].title", f"{title!r} is stated in none of the sentences it cites"
                )
            )
    for k, event in enumerate(extraction.events):
        if event.act and not corpus.stands_in_any(event.act, (c.sentence_id for c in event.citations)):
            problems.append(
                Problem(f"{where}.events[{k}].act", f"{event.act!r} is in none of the sentences it cites")
            )
        if (unnamed := unnamed_place(event, corpus)) is not None:
            problems.append(
                Problem(
                    f"{where}.events[{k}].where",
                    f"{unnamed!r} is named in none of the sentences it cites",
                )
            )
        if (unwritten := unwritten_date(event, corpus)) is not None:
            problems.append(
                Problem(
                    f"{where}.events[{k}].when", f"{unwritten!r} is written in none of the sentences it cites"
                )
            )
        cited = [s.text for c in event.citations if (s := corpus.sentences.get(c.sentence_id))]
        for j, quantity in enumerate(event.quantities):
            if (figure := unstated(quantity.value, cited)) is not None:
                problems.append(
                    Problem(
                        f"{where}.events[{k}].quantities[{j}]",
                        f"{figure!r} is in none of the sentences it cites",
                    )
                )
        not_named = unnamed_in_extraction(event, by_name, corpus, index)
        for j, participant in enumerate(event.participants):
            if index.find(participant.actor) is None:
                said = f"{participant.actor!r} is no actor of {sid}"
            elif participant.actor in not_named:
                said = f"{participant.actor!r} is named in none of the sentences it cites"
            else:
                continue
            problems.append(Problem(f"{where}.events[{k}].participants[{j}]", said))
    for k, claim in enumerate(extraction.claims):
        for via in unnamed_via(claim, corpus):
            problems.append(
                Problem(
                    f"{where}.claims[{k}].reported_via", f"{via!r} is named in none of the sentences it cites"
                )
            )
        for role in CLAIM_ROLES:
            for name in parties(claim, role):
                if index.find(name) is None:
                    problems.append(
                        Problem(f"{where}.claims[{k}].{role.field}", f"{name!r} is no actor of {sid}")
                    )
    return problems + _unsupported(where, extraction, source)


def _citations(extraction: Extraction) -> Iterable[tuple[str, Citation]]:
    sections: tuple[tuple[str, Sequence[Actor | Event | Claim]], ...] = (
        ("actors", extraction.actors),
        ("events", extraction.events),
        ("claims", extraction.claims),
    )
    for field, items in sections:
        for k, item in enumerate(items):
            for j, citation in enumerate(item.citations):
                yield f"{field}[{k}].citations[{j}]", citation


def citation_problems(where: str, citation: Citation, text: str, sentence: Sentence | None) -> list[Problem]:
    """Why a citation does not hold in its source's text (the note's and the extractions' alike):
    its sentence does not exist, or the quote is not at its offsets there."""
    if sentence is None:
        return [Problem(where, f"sentence {citation.sentence_id} does not exist in its source")]
    reason = stands(citation.quote, citation.start, citation.end, text, sentence)
    return [Problem(where, reason)] if reason else []


def _unsupported(where: str, extraction: Extraction, source: Source) -> list[Problem]:
    sentences = {s.id: s.text for s in source.sentences}
    speakers: dict[str, set[str]] = {}
    for actor in extraction.actors:
        for citation in actor.citations:
            speakers.setdefault(citation.sentence_id, set()).add(actor.name)
    table = NameTable(
        ActorNames(a.name, forms(a), tuple(filter(None, (a.title, a.affiliation)))) for a in extraction.actors
    )
    reference = extraction.source.published
    problems = []
    said = [(f"events[{k}].what", e.what, e.citations) for k, e in enumerate(extraction.events)]
    said += [(f"claims[{k}].statement", c.statement, c.citations) for k, c in enumerate(extraction.claims)]
    for place, text, citations in said:
        ids = dict.fromkeys(c.sentence_id for c in citations if c.sentence_id in sentences)
        cited = [Cited(i, sentences[i], reference, frozenset(speakers.get(i, ()))) for i in ids]
        verdict = assess(text, cited, table)
        if verdict.verdict == "unsupported":
            problems.append(
                Problem(
                    f"{where}.{place}",
                    f"{shown(text)} is not supported by its citations: {verdict.summary()}",
                )
            )
    return problems
