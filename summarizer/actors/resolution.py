"""Cross-source actor resolution: plain code, no model.

Mentions ("Serbian President Aleksandar Vucic", "Vučić", "KFOR", "Kosovo Force") are reduced to
a core name (descriptors, titles and appositions stripped, transliterated, case folded), then
linked, strongest evidence first: same core; an acronym defined in the text or matching a long
name's initials; well-known country variants; a surname or a short company name that points to
one long name only; near-identical spellings. Kinds keep people, places and organisations apart,
even under one name: 'Britain' the country and 'Britain' the government are two actors.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..lazy import deferred
from .acronyms import HEADS_BEFORE_OF, NEVER_INITIALLED
from .names import Mention, Name, acronym_match, core_name, is_acronym
from .people import different_people, person_parts, person_variant, same_surname
from .words import (
    CONNECTORS,
    COUNTRY_WORDS,
    DESCRIPTORS,
    FACILITY_HEADS,
    GAZETTEER,
    KIND_GROUPS,
    ORGANISATION_HEADS,
    PLACE_HEADS,
    VARIANTS,
)

fuzz = deferred("rapidfuzz.fuzz")  # string likeness, loaded with the first misspelling looked for
fuzz_process = deferred("rapidfuzz.process")  # the names alike enough to one, searched in C


@dataclass
class Cluster:
    """One real-world actor: the mentions that name it, and the name to show for it."""

    mentions: list[Mention] = field(default_factory=list)

    @property
    def name(self) -> str:
        """The fullest core name used, most frequent first among equals."""
        counts: dict[str, int] = defaultdict(int)
        for mention in self.mentions:
            counts[core_name(mention.text, mention.kind)] += 1
        return max(counts, key=lambda n: (len(n.split()) > 1 and not is_acronym(n), counts[n], len(n)))

    @property
    def surface_forms(self) -> list[str]:
        return list(dict.fromkeys(m.text for m in self.mentions))

    @property
    def sources(self) -> list[str]:
        return sorted({m.source for m in self.mentions})


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _join_one_name(indexes: Sequence[int], items: Sequence[Mention], links: _UnionFind) -> None:
    """Mentions of one name are one actor, but for a place and the body named after it ('Britain'
    the country, 'Britain' the government): then a mention of no known kind joins neither."""
    groups = {KIND_GROUPS.get(items[i].kind or "") for i in indexes} - {None}
    by_group: dict[str | None, list[int]] = defaultdict(list)
    for i in indexes:
        by_group[KIND_GROUPS.get(items[i].kind or "") if len(groups) > 1 else None].append(i)
    for members in by_group.values():
        for i in members[1:]:
            links.union(members[0], i)


def _compatible(a: str | None, b: str | None) -> bool:
    ga, gb = KIND_GROUPS.get(a or ""), KIND_GROUPS.get(b or "")
    return ga is None or gb is None or ga == gb


def resolve(
    mentions: Iterable[Mention | tuple[str, str]], *, same_actor: Iterable[Sequence[int]] = ()
) -> list[Cluster]:
    """Cluster mentions into actors. ``same_actor`` lists groups of mention indexes already known
    to name one actor (an actor's name and its aliases in one source). Clusters come back in order
    of their first mention."""
    items = [m if isinstance(m, Mention) else Mention(*m) for m in mentions]
    names = [Name.of(m) for m in items]
    links = _UnionFind(len(items))
    for group in same_actor:
        for a, b in zip(group, group[1:], strict=False):
            links.union(a, b)

    by_key: dict[str, list[int]] = defaultdict(list)
    for i, name in enumerate(names):
        if name.key:
            by_key[name.key].append(i)
    for indexes in by_key.values():
        _join_one_name(indexes, items, links)

    # Acronyms defined in the text: 'Singapore Airlines (SIA' makes SIA that airline's.
    defined: dict[str, set[int]] = defaultdict(set)
    for i, name in enumerate(names):
        if name.defines:
            defined[name.defines].add(i)
    for acronym, definers in defined.items():
        for i in by_key.get(acronym, []):
            for j in definers:
                links.union(i, j)

    for variants in (*GAZETTEER, *VARIANTS):
        _join_one_name([i for i, n in enumerate(names) if n.key in variants], items, links)

    # Mentions of one name and kind are one actor by now: what follows compares each such name
    # once, and only with the names that could match it (blocks), never every name with every one.
    distinct = list({(name.key, items[i].kind): i for i, name in reversed(list(enumerate(names)))}.values())
    distinct.sort()
    blocks = _Blocks(names, distinct)
    # A company's name extended by corporate or industry words ('Apple Inc.', 'Apple Computer') is
    # the company, however many such extensions there are.
    for i in distinct:
        for j in blocks.by_first_word.get(names[i].words[0] if names[i].words else "", ()):
            if _extends(names[i], names[j]) and _compatible(items[i].kind, items[j].kind):
                links.union(i, j)
    _link_unique(names, items, links, acronym_match, blocks, blocks.acronym_candidates)
    _link_person_variants(names, items, links, distinct)
    _link_unique(names, items, links, _short_name_match, blocks, blocks.short_name_candidates)
    _link_unique(names, items, links, _clipped_match, blocks, blocks.clipped_candidates)
    _link_unique(names, items, links, _fuzzy_match, blocks, blocks.fuzzy_candidates)

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(items)):
        groups[links.find(i)].append(i)
    return [Cluster([items[i] for i in members]) for members in sorted(groups.values(), key=min)]


def _extends(short: Name, long: Name) -> bool:
    n = len(short.words)
    return (
        0 < n < len(long.words)
        and long.words[:n] == short.words
        and all(w in DESCRIPTORS for w in long.words[n:])
        and KIND_GROUPS.get(long.kind or "") != "person"
    )


def _short_name_match(short: Name, long: Name) -> bool:
    """A surname ('Vucic' ~ 'Aleksandar Vucic'), a given name known to be a person's ('Katie' ~
    'Katie Jenkin'), or a company's first word ('Northrop' ~ 'Northrop Grumman'). Only for a short
    name that is not itself the stem of longer names already."""
    if not short.words or len(long.words) <= len(short.words):
        return False
    n = len(short.words)
    if short.acronym:  # an index by its letters alone ('the FTSE' ~ 'FTSE 100'), never 'US' ~ 'US Airways'
        return long.words[:n] == short.words and len(long.words) == n + 1 and long.words[-1].isdigit()
    group = KIND_GROUPS.get(long.kind or "") or KIND_GROUPS.get(short.kind or "")
    if long.words[:n] == short.words:
        # a company's first word; or a person's given name alone, when the mention is known to
        # name a person ('Katie' ~ 'Katie Jenkin')
        # a place's first words name another place ('London' is not 'London Heathrow') unless all
        # that follows is a kind of place ('the Mediterranean' ~ 'the Mediterranean Sea')
        if group == "place":  # (a name of two words or more already names a site: 'Moscone West' ~
            # 'the Moscone West Convention Center', never 'London' ~ 'London City Airport')
            heads = PLACE_HEADS | FACILITY_HEADS if n > 1 else PLACE_HEADS
            return all(w in heads for w in long.words[n:])
        return group != "person" or (n == 1 and KIND_GROUPS.get(short.kind or "") == "person")
    parts = person_parts(long.words) if group in (None, "person") else None
    if parts is not None and parts[1] == " ".join(short.words):
        return True  # a surname, a generation after it or not ('Comeaux' ~ 'Arcade Comeaux Jr', 'van Gogh')
    if long.words[-n:] == short.words:
        # a surname; or an organisation's last words when they are a name, not a kind of body
        # ('Chargers' ~ 'San Diego Chargers', 'Red Sox' ~ 'Boston Red Sox', never 'Bank' ~ 'World Bank')
        common = any(w in DESCRIPTORS or w in ORGANISATION_HEADS for w in short.words)
        # a body's name after its country's ('Supreme Court' ~ 'U.S. Supreme Court'); with two
        # such ('the Russian/Ukrainian Defence Ministry') the short name fits neither
        national = n >= 2 and len(long.words) == n + 1 and long.words[0] in COUNTRY_WORDS
        return (
            (n == 1 and group in (None, "person"))
            or (group == "organisation" and not common)
            or (national and group != "person")
        )
    return _party_members(short, long)


def _party_members(short: Name, long: Name) -> bool:
    """A party by its members: 'Democrats' ~ 'Democratic Party', 'the Conservatives' ~
    'Conservative Party', 'Liberal Democrats' ~ 'Liberal Democratic Party'."""
    if len(long.words) != len(short.words) + 1 or long.words[-1] != "party" or len(short.words) < 1:
        return False
    *same, member = short.words
    adjective = long.words[-2]
    plurals = {adjective + "s", adjective[:-2] + "s" if adjective.endswith("ic") else ""}
    return tuple(same) == long.words[:-2] and member in plurals


def _clipped_match(short: Name, long: Name) -> bool:
    """An organisation by the clipped first word of its name, written as a common noun is: 'the
    Fed' ~ 'Federal Reserve' (never 'Ford' ~ 'Fordham University')."""
    if len(short.words) != 1 or not short.definite or short.acronym or len(long.words) < 2:
        return False
    word, first = short.words[0], long.words[0]
    organisation = {KIND_GROUPS.get(short.kind or ""), KIND_GROUPS.get(long.kind or "")} <= {
        "organisation",
        None,
    }
    return organisation and 3 <= len(word) <= 5 and len(first) > len(word) + 2 and first.startswith(word)


def _variant(a: Name, b: Name) -> bool:
    return person_variant(a.words, a.kind, b.words, b.kind)


def _link_person_variants(
    names: list[Name], items: list[Mention], links: _UnionFind, distinct: list[int]
) -> None:
    """Join the full names of one person written differently, unless a name fits two people the
    others keep apart ('J. Smith' beside 'John Smith' and 'Jane Smith'). Each distinct name is
    compared with the names of its surname only: a variant has the same one."""
    by_surname: dict[str, list[int]] = defaultdict(list)
    for i in distinct:
        parts = person_parts(names[i].words)
        if KIND_GROUPS.get(items[i].kind or "") in (None, "person") and parts is not None:
            by_surname[parts[1]].append(i)
    fits = {
        i: [j for j in people if j != i and names[j].key != names[i].key and _variant(names[i], names[j])]
        for people in by_surname.values()
        for i in people
    }
    plain = {
        i
        for i, others in fits.items()
        if all(
            _variant(names[a], names[b]) or names[a].key == names[b].key
            for a in others
            for b in others
            if a < b
        )
    }
    for i in plain:
        for j in fits[i]:
            if j in plain:  # both fit one person only
                links.union(i, j)


def _fuzzy_match(short: Name, long: Name) -> bool:
    """A name misspelt ('Duncan Rait' ~ 'Duncan Raite'); people of one surname are for
    ``person_variant`` to tell apart, not for likeness, and other generations are never one."""
    if (
        short.acronym
        or long.acronym
        or min(len(short.key), len(long.key)) < 5
        or same_surname(short.words, short.kind, long.words, long.kind)
        or different_people(short.words, short.kind, long.words, long.kind)
    ):
        return False
    if fuzz.ratio(short.key, long.key) < 90:
        return False
    # the words the two do not share must be alike too: 'Changi International Airport' and 'Chiang
    # Mai International Airport' are alike only in what names no airport in particular; and a name
    # inside another is no misspelling of it ('Defence Ministry' / 'UK Defence Ministry'): whether
    # it is short for it is for the other rules to say
    own = [" ".join(w for w in x.words if w not in y.words) for x, y in ((short, long), (long, short))]
    return all(own) and fuzz.ratio(*own) >= 80


def _has_longer_name(i: int, names: list[Name], links: _UnionFind, blocks: _Blocks) -> bool:
    """Whether the cluster of name ``i`` already holds a longer name starting with it."""
    root = links.find(i)
    return any(
        links.find(j) == root and len(names[j].words) > len(names[i].words)
        for j in blocks.unique_by_first_word.get(names[i].words[0], ())
    )


Candidates = Callable[[int], Iterable[int]]


class _Blocks:
    """Which names could match a name, by what each rule needs two names to share: a first word,
    any word, the letter an acronym opens with, the start of a first word, or a spelling alike
    enough (rapidfuzz's own search). Each block holds every name its rule could match, so linking
    through blocks links exactly as comparing every pair did."""

    def __init__(self, names: list[Name], distinct: list[int]) -> None:
        self.names = names
        self.unique = list({names[i].key: i for i in reversed(distinct) if names[i].key}.values())
        self.unique.sort()
        self.by_first_word: dict[str, list[int]] = defaultdict(list)
        for i in distinct:
            if names[i].words:
                self.by_first_word[names[i].words[0]].append(i)
        self.unique_by_first_word: dict[str, list[int]] = defaultdict(list)
        self.by_word: dict[str, list[int]] = defaultdict(list)
        self.by_initial: dict[str, list[int]] = defaultdict(list)
        self.by_start: dict[str, list[int]] = defaultdict(list)
        self.parties: list[int] = []
        for j in self.unique:
            words = names[j].words
            self.unique_by_first_word[words[0]].append(j)
            for word in dict.fromkeys(words):
                self.by_word[word].append(j)
            for letter in _initials(words):
                self.by_initial[letter].append(j)
            for n in (3, 4, 5):
                self.by_start[words[0][:n]].append(j)
            if words[-1] == "party":
                self.parties.append(j)
        self.keys = [names[j].key for j in self.unique]

    def acronym_candidates(self, i: int) -> Iterable[int]:
        letters = self.names[i].key.replace("&", "")
        return self.by_initial.get(letters[:1], ())

    def short_name_candidates(self, i: int) -> Iterable[int]:
        words = self.names[i].words
        return [*self.by_word.get(words[0], ()), *self.parties] if words else ()

    def clipped_candidates(self, i: int) -> Iterable[int]:
        words = self.names[i].words
        return self.by_start.get(words[0], ()) if len(words) == 1 and 3 <= len(words[0]) <= 5 else ()

    def fuzzy_candidates(self, i: int) -> Iterable[int]:
        if len(self.names[i].key) < 5:
            return ()
        found = fuzz_process.extract(
            self.names[i].key, self.keys, scorer=fuzz.ratio, score_cutoff=90, limit=None
        )
        return [self.unique[index] for _, _, index in found]


def _initials(words: Sequence[str]) -> set[str]:
    """The letters an acronym of a name may open with (``acronym_forms``, ``prefix_acronym``):
    its first word's, its first content word's, or a body's head's when read '<head> of <what>'."""
    letters = {w[0] for w in words[:1]}
    first = next((w for w in words if w not in NEVER_INITIALLED), None)
    content = next((w for w in words if w not in CONNECTORS), None)
    letters |= {w[0] for w in (first, content) if w}
    if words and words[-1] in HEADS_BEFORE_OF:
        letters.add(words[-1][0])
    if any(w.isdigit() for w in words):  # an index by its number reads the words before it alone
        letters |= {w[0] for w in words}
    return letters


def _link_unique(
    names: list[Name],
    items: list[Mention],
    links: _UnionFind,
    match: Callable[[Name, Name], bool],
    blocks: _Blocks,
    candidates: Candidates,
) -> None:
    """Link each name to the one cluster it matches; a name matching several clusters stays apart.
    ``candidates`` gives every name ``match`` could accept for a name (a block)."""
    unique_keys: dict[str, int] = {}
    for i, name in enumerate(names):
        if name.key:
            unique_keys.setdefault(name.key, i)
    representatives = list(unique_keys.values())
    # longer names first: 'Dow Jones' joins 'Dow Jones Industrial Average' before 'Dow' looks for
    # the one name it is short for
    for i in sorted(representatives, key=lambda r: -len(names[r].words)):
        short = names[i]
        if match is _short_name_match and len(short.words) == 1 and _has_longer_name(i, names, links, blocks):
            continue
        targets = {
            links.find(j)
            for j in candidates(i)
            if j != i
            and links.find(j) != links.find(i)
            and _compatible(items[i].kind, items[j].kind)
            and match(short, names[j])
        }
        if len(targets) == 1:
            links.union(i, targets.pop())
