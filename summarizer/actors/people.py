"""People's full names written differently: 'Fred LaRue', 'Frederick C. LaRue' and 'Frederick
Cheney LaRue' are one person; 'John Smith' and 'Jane Smith', 'George W. Bush' and 'George H. W.
Bush', 'Albert Gore Jr.' and 'Albert Gore Sr.' are two. Names come as the resolver's words (case
folded, without dots) with the mention's kind."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lazy import deferred
from .words import KIND_GROUPS, PARTICLES

if TYPE_CHECKING:
    import nicknames
else:
    nicknames = deferred("nicknames")

SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})

Parts = tuple[tuple[str, ...], str, str | None]  # given names, surname, generational suffix


def person_parts(words: Sequence[str]) -> Parts | None:
    """A full name's given names, surname and suffix ('w mark felt sr' -> (w, mark), felt, sr;
    'luiz inacio lula da silva' -> (luiz, inacio, lula), da silva); None for a name of one word."""
    rest = list(words)
    suffix = rest.pop() if len(rest) > 2 and rest[-1] in SUFFIXES else None
    if len(rest) < 2:
        return None
    at = len(rest) - 1
    while at > 1 and rest[at - 1] in PARTICLES:
        at -= 1
    return tuple(rest[:at]), " ".join(rest[at:]), suffix


def _people(*kinds: str | None) -> bool:
    return {KIND_GROUPS.get(kind or "") for kind in kinds} <= {"person", None}


def _same_given(x: str, y: str) -> bool:
    """'Fred' ~ 'Frederick', 'C' ~ 'Cheney', 'W' ~ 'William', and the familiar forms of a name
    ('Bill' ~ 'William', 'Katie' ~ 'Kathryn', 'Liz' ~ 'Betty')."""
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    if min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x)):
        return True
    return _familiar(x, y)


@lru_cache(maxsize=4096)
def _familiar(x: str, y: str) -> bool:
    """One name a nickname of the other, or both of one name (a hand-curated list of English given
    names and their nicknames: the ``nicknames`` package)."""
    names = _nicknamer()
    return (
        y in names.nicknames_of(x)
        or x in names.nicknames_of(y)
        or bool(names.canonicals_of(x) & names.canonicals_of(y))
    )


@lru_cache(maxsize=1)
def _nicknamer() -> nicknames.NickNamer:
    return nicknames.NickNamer()


def _both(
    a: Sequence[str], a_kind: str | None, b: Sequence[str], b_kind: str | None
) -> tuple[Parts, Parts] | None:
    """The parts of two full names of people; None unless both are."""
    pa, pb = person_parts(a), person_parts(b)
    return (pa, pb) if _people(a_kind, b_kind) and pa is not None and pb is not None else None


def same_surname(a: Sequence[str], a_kind: str | None, b: Sequence[str], b_kind: str | None) -> bool:
    """Two full names of people with one surname."""
    both = _both(a, a_kind, b, b_kind)
    return both is not None and both[0][1] == both[1][1]


def different_people(a: Sequence[str], a_kind: str | None, b: Sequence[str], b_kind: str | None) -> bool:
    """Two full names that say they are different people however alike they look: other
    generations ('Jr.', 'Sr.'), other middle names ('George W.', 'George H. W.'), or another first
    name for the same surname ('John Smith', 'Jane Smith')."""
    both = _both(a, a_kind, b, b_kind)
    return both is not None and _different(*both)


def _different(pa: Parts, pb: Parts) -> bool:
    if pa[2] and pb[2] and pa[2] != pb[2]:
        return True
    if len(pa[0]) > 1 and len(pb[0]) > 1 and len(pa[0]) != len(pb[0]):
        return True
    first, other = pa[0][0], pb[0][0]
    if len(pa[0]) != len(pb[0]) and _given_in_order(*sorted((pa[0], pb[0]), key=len)):
        return False  # one goes by a later given name: 'Lula da Silva', 'Luiz Inacio Lula da Silva'
    return pa[1] == pb[1] and len(first) > 1 and len(other) > 1 and not _same_given(first, other)


def _given_in_order(short: Sequence[str], long: Sequence[str]) -> bool:
    """Each given name of the shorter standing, in order, among the longer's."""
    at = 0
    for given in short:
        while at < len(long) and not _same_given(given, long[at]):
            at += 1
        if at == len(long):
            return False
        at += 1
    return True


def person_variant(a: Sequence[str], a_kind: str | None, b: Sequence[str], b_kind: str | None) -> bool:
    """Two full names of one person: the same surname, nothing that says they are two, and each
    given name of the shorter standing, in order, in the longer ('Mark Felt' ~ 'W. Mark Felt Sr.',
    'Fred LaRue' ~ 'Frederick Cheney LaRue')."""
    both = _both(a, a_kind, b, b_kind)
    if both is None or both[0][1] != both[1][1] or _different(*both):
        return False
    return _given_in_order(*sorted((both[0][0], both[1][0]), key=len))
