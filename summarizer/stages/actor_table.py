"""The story's actor table: the actors the sources name, resolved across sources, and which
actor each source's names stand for. An update keeps its saved briefing's resolution and
resolves only the new sources' actors against it."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from ..actors import Mention, name_key, resolve
from ..schema.briefing import BriefingActor, SurfaceForm
from ..schema.extraction import Actor, Extraction
from .citing import unique_citations

ActorIds = dict[tuple[str, str], str]  # (source id, name key) -> briefing actor id


def resolve_actors(
    extractions: Sequence[Extraction], resolved: Sequence[BriefingActor] = ()
) -> tuple[list[BriefingActor], ActorIds]:
    """The actors of ``extractions``, and the id each source's names stand for. ``resolved`` is
    the actor table of a saved briefing whose extractions come first: its resolution is kept when
    it lists exactly their names, and only the later extractions' actors are read."""
    carried = _carried(extractions, resolved)
    return _resolved(extractions, resolved if carried else (), carried)


def _carried(extractions: Sequence[Extraction], resolved: Sequence[BriefingActor]) -> int:
    """How many of the first extractions ``resolved`` resolves: all of those whose names it lists,
    exactly, under the sources that use them (else none, and every name is resolved again)."""
    listed = {
        (source, form.text) for actor in resolved for form in actor.surface_forms for source in form.sources
    }
    if not listed:
        return 0
    sources = {source for source, _ in listed}
    carried = 0
    while carried < len(extractions) and extractions[carried].source.id in sources:
        carried += 1
    return carried if names_given(extractions[:carried]) == listed else 0


def names_given(extractions: Iterable[Extraction]) -> set[tuple[str, str]]:
    """(source id, name) of every name the extractions give their actors, aliases included: what
    an actor table made from them lists, each name under the sources that use it."""
    return {(e.source.id, form) for e in extractions for a in e.actors for form in (a.name, *a.aliases)}


Given = dict[tuple[str, str], list[Actor]]  # (source id, name) -> the extracted actors it names


def given_by_name(extractions: Iterable[Extraction]) -> Given:
    """The extracted actors each source's names name (their names and aliases)."""
    given: Given = defaultdict(list)
    for extraction in extractions:
        for extracted in extraction.actors:
            for form in dict.fromkeys((extracted.name, *extracted.aliases)):
                given[(extraction.source.id, form)].append(extracted)
    return given


def owners(actor: BriefingActor, given: Given) -> list[Actor] | None:
    """The extracted actors whose names, under the sources that use them, a table's actor lists:
    what its kind, titles, affiliations and citations are made from; None when a name it lists
    is given by no extraction (a name from elsewhere, or of a source not carried)."""
    keys = [(source, form.text) for form in actor.surface_forms for source in form.sources]
    if not keys or not all(key in given for key in keys):
        return None
    return [owner for key in keys for owner in given[key]]


def given_values(made_of: Iterable[Actor], field: str) -> set[str]:
    """The titles (or affiliations) the extracted actors give, as the table tells them apart
    (``same_value``): what a table's actor made of them may list."""
    return {same_value(value) for actor in made_of if (value := getattr(actor, field))}


def _resolved(
    extractions: Sequence[Extraction], resolved: Sequence[BriefingActor] = (), carried: int = 0
) -> tuple[list[BriefingActor], ActorIds]:
    """The story's actors, and which each source's names stand for. The first ``carried``
    extractions' actors are ``resolved`` already: each of those actors joins the resolution as one
    group of its names, and the later extractions' actors are resolved with them."""
    mentions: list[Mention] = []
    groups: list[list[int]] = []
    owners: list[BriefingActor | Actor] = []  # what each group of mentions was made from
    sources: list[str] = []  # the source of each group made from an extraction
    for saved in resolved:
        start = len(mentions)
        mentions += [Mention(form.sources[0], form.text, saved.kind) for form in saved.surface_forms]
        groups.append(list(range(start, len(mentions))))
        owners.append(saved)
        sources.append("")
    for extraction in extractions[carried:]:
        for extracted_actor in extraction.actors:
            start = len(mentions)
            mentions += [
                Mention(extraction.source.id, form, extracted_actor.kind)
                for form in (extracted_actor.name, *extracted_actor.aliases)
            ]
            groups.append(list(range(start, len(mentions))))
            owners.append(extracted_actor)
            sources.append(extraction.source.id)
    clusters = resolve(mentions, same_actor=groups)
    cluster_of = {id(m): n for n, cluster in enumerate(clusters) for m in cluster.mentions}
    members: dict[int, list[int]] = defaultdict(list)
    for g, group in enumerate(groups):
        members[cluster_of[id(mentions[group[0]])]].append(g)

    actors: list[BriefingActor] = []
    actor_id: ActorIds = {}
    for n, cluster in enumerate(clusters):
        ident = f"P{len(actors) + 1}"
        known = [o for g in members[n] if isinstance(o := owners[g], BriefingActor)]
        extracted = [o for g in members[n] if isinstance(o := owners[g], Actor)]
        forms: dict[str, set[str]] = defaultdict(set)  # each name, and the sources that use it
        for g in members[n]:
            owner = owners[g]
            if isinstance(owner, BriefingActor):
                used = [(source, f.text) for f in owner.surface_forms for source in f.sources]
            else:
                used = [(sources[g], text) for text in (owner.name, *owner.aliases)]
            for source, text in used:
                forms[text].add(source)
                actor_id[(source, name_key(text))] = ident
        # a name kept from the saved briefing stays its name; the others are what extractions say
        name = known[0].name if known else _display_name([a.name for a in extracted]) or cluster.name
        actors.append(
            BriefingActor(
                id=ident,
                name=name,
                kind=known[0].kind if known else Counter(a.kind for a in extracted).most_common(1)[0][0],
                titles=_distinct([*(t for a in known for t in a.titles), *(a.title for a in extracted)]),
                affiliations=_distinct(
                    [*(t for a in known for t in a.affiliations), *(a.affiliation for a in extracted)]
                ),
                surface_forms=[SurfaceForm(text=t, sources=sorted(s)) for t, s in forms.items()],
                sources=sorted({s for ss in forms.values() for s in ss}),
                citations=unique_citations(
                    [*(c for a in known for c in a.citations), *(c for a in extracted for c in a.citations)]
                ),
            )
        )
    return actors, actor_id


def _distinct(values: Iterable[str | None]) -> list[str]:
    """Each value once, case and spacing aside, in first-seen order."""
    seen: dict[str, str] = {}
    for value in values:
        if value and value.strip():
            seen.setdefault(same_value(value), value.strip())
    return list(seen.values())


def same_value(value: str) -> str:
    """A title or affiliation as the table tells values apart: case and spacing aside."""
    return " ".join(value.casefold().split())


def _display_name(names: list[str]) -> str | None:
    """The name the sources' extractions gave most often (the fuller one among equals)."""
    if not names:
        return None
    counts = Counter(names)
    return max(counts, key=lambda n: (counts[n], len(n)))


def actor_ids(source: str, names: Iterable[str], actor_id: ActorIds) -> list[str]:
    """The briefing ids of the actors a source names; names that resolved to none are skipped."""
    return [i for n in names if (i := actor_id.get((source, name_key(n)))) is not None]
