"""Checking a briefing: its JSON against the schema, and every citation against the sources
(the source exists and its text is unchanged, the sentence exists, the quote stands at its
offsets), actor references, ids and dates, and every statement against what it cites. Plain
code: what ``summarizer check`` runs in CI, and what an update demands of the briefing it
starts from. Briefings and their sources are read by ``store``."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path

from .check_extractions import citation_problems, extraction_problems
from .check_records import record_problems
from .dates import is_value, normalise
from .documents import Document, read_document
from .schema.briefing import Briefing, TimelineEvent
from .stages.actor_table import names_given
from .stages.supporting import unsupported
from .store import Problem, briefing_sources, read_briefing
from .text import Source, shown, source_of
from .verified import Verified
from .vocabulary import CLAIM_ROLES, parties

UNCITED = "cites nothing; every statement must cite the sentences it rests on"


def check_file(path: str | Path, sources: Sequence[str | Path] = ()) -> list[Problem]:
    """Problems of the briefing at ``path`` (``-`` for stdin); [] when everything holds. Raises
    ``InputError`` when the briefing or a given source cannot be read at all, or is a briefing of a
    schema version this summarizer does not read."""
    briefing, _, base = read_briefing(path)
    if isinstance(briefing, list):
        return briefing  # its schema problems
    given = [read_document(s) for s in sources]
    return check_briefing(briefing, given, base=base)


def check_briefing(
    briefing: Briefing, given: Sequence[Document] = (), base: Path | None = None
) -> list[Problem]:
    problems: list[Problem] = []
    sources = briefing_sources(briefing, given, base or Path("."), problems)
    return problems + verify_briefing(briefing, sources)


def verify_briefing(
    briefing: Briefing, sources: Sequence[Source], support: bool = True, verified: Verified | None = None
) -> list[Problem]:
    """Problems of a briefing against the sources already read (a source not among them is not
    checked against its text): citations, cited sentences, actor references, ids and dates; and,
    with ``support``, statements that their citations do not support. ``verified``: extractions
    already checked, which an update does not check again (``verified.Verified``)."""
    problems: list[Problem] = []
    texts = {source.id: source.document for source in sources}
    by_id = {s.id: s for source in sources for s in source.sentences}
    known = {s.id for s in briefing.sources}

    split = {source.id: len(source.sentences) for source in sources}
    for record in briefing.sources:
        if record.id in split and record.status == "ok" and record.sentences != split[record.id]:
            problems.append(
                Problem(
                    f"source {record.id}",
                    f"records {record.sentences} sentences, but its text splits into {split[record.id]}",
                )
            )
    for i, cited in enumerate(briefing.cited_sentences):
        where = f"cited_sentences[{i}] {cited.id}"
        if cited.source != source_of(cited.id):  # else its text would be checked against no source
            problems.append(
                Problem(
                    where,
                    f"is listed under source {cited.source!r}; its id is source {source_of(cited.id)}'s",
                )
            )
            continue
        if cited.source not in texts:
            continue
        sentence = by_id.get(cited.id)
        if sentence is None:
            problems.append(Problem(where, f"source {cited.source} has no sentence {cited.id}"))
        elif (sentence.start, sentence.end, sentence.text) != (cited.start, cited.end, cited.text):
            problems.append(Problem(where, "differs from the sentence in the source (text or offsets)"))

    problems += _uncited(briefing)
    listed = {s.id for s in briefing.cited_sentences}
    for where, citation in briefing.citations():
        source = source_of(citation.sentence_id)
        if source not in known:
            problems.append(Problem(where, f"cites {citation.sentence_id} of unknown source {source!r}"))
            continue
        if citation.sentence_id not in listed:
            problems.append(
                Problem(where, f"cites {citation.sentence_id}, which cited_sentences does not list")
            )
        if source in texts:
            problems += citation_problems(
                where, citation, texts[source].text, by_id.get(citation.sentence_id)
            )

    # the names the actor table lists are those the extractions give (``check_extractions``
    # vouches for those), under the sources that give them
    given = names_given(briefing.extractions)
    extracted = {e.source.id for e in briefing.extractions}
    for named_actor in briefing.actors:
        if named_actor.surface_forms and named_actor.name not in {f.text for f in named_actor.surface_forms}:
            problems.append(  # the name the note shows is one of those its sources use
                Problem(
                    f"actors {named_actor.id}",
                    f"name {shown(named_actor.name)} is none of its names the sources use",
                )
            )
        for form in named_actor.surface_forms:
            for source in form.sources:
                if source in extracted and (source, form.text) not in given:
                    problems.append(
                        Problem(
                            f"actors {named_actor.id}",
                            f"name {form.text!r} is no name source {source}'s extraction gives",
                        )
                    )
    actors = {a.id for a in briefing.actors}
    for where, actor in _actor_references(briefing):
        if actor not in actors:
            problems.append(Problem(where, f"refers to actor {actor!r}, which the briefing does not list"))
    id_lists = {
        "actors": [a.id for a in briefing.actors],
        "timeline": [e.id for e in briefing.timeline],
        "claims": [c.id for c in briefing.claims],
    }
    for kind, ids in id_lists.items():
        seen: set[str] = set()
        for i, ident in enumerate(ids):
            if ident in seen:
                problems.append(Problem(f"{kind}[{i}]", f"id {ident} is used twice"))
            seen.add(ident)
    dates = _Dates(briefing)
    for i, event in enumerate(briefing.timeline):
        if event.date.value is not None and not is_value(event.date.value):
            problems.append(
                Problem(
                    f"timeline[{i}] {event.id}",
                    f"date {event.date.value!r} is not a TIMEX3 value of a day, week or period on the calendar",
                )
            )
        elif (said := dates.unsaid(event)) is not None:
            problems.append(Problem(f"timeline[{i}] {event.id}", said))
    for i, discrepancy in enumerate(briefing.discrepancies):
        for k, position in enumerate(discrepancy.positions):
            foreign = [
                c.sentence_id for c in position.citations if source_of(c.sentence_id) != position.source
            ]
            if foreign:
                problems.append(
                    Problem(
                        f"discrepancies[{i}].positions[{k}]",
                        f"speaks for {position.source} but cites {foreign}",
                    )
                )
    problems += record_problems(briefing, sources)
    problems += extraction_problems(briefing, sources, verified)  # what an update will merge again, as it is
    if support:
        problems += [
            Problem(j.where, f"{shown(j.text)} is not supported by {j.against}: {j.support.summary()}")
            for j in unsupported(briefing)
        ]
    return problems


class _Dates:
    """Reads a briefing's timeline dates again as the pipeline read them: what each source's date
    is read from, the text of each cited sentence, and each source's dates (what 'a week later'
    may count from), worked out once for the whole timeline."""

    def __init__(self, briefing: Briefing) -> None:
        self.references = {s.id: s.read_as_of for s in briefing.sources}
        self.texts = {c.id: c.text for c in briefing.cited_sentences}
        self.values: dict[str, list[str]] = defaultdict(list)
        for event in briefing.timeline:
            for source in event.date.expressions:
                if event.date.value is not None:
                    self.values[source].append(event.date.value)

    def unsaid(self, event: TimelineEvent) -> str | None:
        """Why an event's date is not what its expressions say (in the sentences the event cites,
        from the date their source is read from); None when one of them says it, or none can be
        read alone ('that day' refers back to a date said before)."""
        value = event.date.value
        if value is None or not event.date.expressions:
            return None
        read: dict[str, str] = {}
        tries: list[tuple[str, date, list[str | None]]] = []
        for source, expression in event.date.expressions.items():
            reference = self.references.get(source)
            if reference is None:
                return None
            cited = [
                self.texts.get(c.sentence_id) for c in event.citations if source_of(c.sentence_id) == source
            ]
            for sentence in [*cited, None]:
                found = normalise(expression, reference, sentence)
                if found is not None and found.value == value:
                    if found.precision == event.date.precision:
                        return None
                    return (
                        f"date precision {shown(event.date.precision)} is not its value's "
                        f"({value!r} is a {found.precision})"
                    )
                if found is not None:
                    read.setdefault(expression, found.value)
            tries.append((source, reference, [*cited, None]))
        if not read:
            return None
        # 'a week later', 'the quarter': counted from a date the source said before, one of its
        # other events' (tried only when the expressions alone say otherwise)
        for (source, reference, sentences), expression in zip(
            tries, event.date.expressions.values(), strict=True
        ):
            for previous in dict.fromkeys(self.values[source]):
                for sentence in sentences:
                    found = normalise(expression, reference, sentence, previous)
                    if found is not None and found.value == value:
                        return None
        said = "; ".join(f"{expression!r} is {found}" for expression, found in read.items())
        return f"date {value!r} is not what its expressions say ({said})"


def _uncited(briefing: Briefing) -> list[Problem]:
    """Statements that cite nothing: every one must rest on the sentences it cites."""
    cited = {where.rsplit(".citations[", 1)[0] for where, _ in briefing.citations() if ".citations[" in where}
    sizes = {
        "bottom_line": len(briefing.bottom_line),
        "key_points": len(briefing.key_points),
        "timeline": len(briefing.timeline),
        "actors": len(briefing.actors),
        "claims": len(briefing.claims),
    }
    places = [f"{name}[{i}]" for name, size in sizes.items() for i in range(size)]
    places += [
        f"discrepancies[{i}].positions[{k}]"
        for i, discrepancy in enumerate(briefing.discrepancies)
        for k in range(len(discrepancy.positions))
    ]
    uncited = [Problem(place, UNCITED) for place in places if place not in cited]
    uncited += [
        Problem(f"claims[{i}].explanation", UNCITED)
        for i, claim in enumerate(briefing.claims)
        if claim.explanation and not claim.explanation_citations
    ]
    return uncited


def _actor_references(briefing: Briefing) -> Iterator[tuple[str, str]]:
    for i, event in enumerate(briefing.timeline):
        for j, role in enumerate(event.participants):
            yield f"timeline[{i}].participants[{j}]", role.actor
    for i, claim in enumerate(briefing.claims):
        for claim_role in CLAIM_ROLES:
            for actor in parties(claim, claim_role):
                yield f"claims[{i}].{claim_role.field}", actor
