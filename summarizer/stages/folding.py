"""Folding reports into entries, as the merge does for events and claims: each report joins the
entry it is like most of the reports of, found through an index of their words, so that
thousands of reports are not compared pair by pair."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from ..schema.extraction import Citation
from .citing import unique_citations


class _Reported(Protocol):
    sources: list[str]
    citations: list[Citation]

    def model_copy(self, *, deep: bool = ...) -> Any: ...


Reported = TypeVar("Reported", bound=_Reported)


class Folding(Generic[Reported]):
    """The entries a merge has made so far, one per event or claim, each citing every source that
    reports it; the reports each entry was made of; and, for each word, the reports that use it.
    ``same`` is never true of two reports whose words overlap less than ``threshold`` (Dice) and
    that share no ``keys`` (an event's act and its senses), so an entry is compared with a report
    only when one of its reports shares that many words with it, or a key, counted through the index:
    thousands of reports are not compared pair by pair, and the merge is what comparing every
    entry would give."""

    def __init__(
        self,
        same: Callable[[Reported, Reported], bool | None],
        combine: Callable[[Reported, Reported], None],
        words: Callable[[Reported], frozenset[str]],
        threshold: float,
        keys: Callable[[Reported], frozenset[str]] = lambda _: frozenset(),
    ) -> None:
        self.same, self.combine, self.words, self.threshold, self.keys = same, combine, words, threshold, keys
        self.entries: list[Reported] = []
        self.reports: list[list[Reported]] = []
        self.by_word: dict[str, list[tuple[int, int]]] = defaultdict(list)  # -> (entry, report)
        self.sizes: dict[tuple[int, int], int] = {}

    def add(self, candidate: Reported) -> None:
        """Fold ``candidate`` into the entry it is like most of the reports of and at odds with
        none of (``same`` gives None for at odds), so that no chain of reports each like the next
        joins the first to the last: of such entries, the one whose reports it is like in the
        largest share (the first of equals); else it makes a new entry."""
        words = self.words(candidate)
        shared: Counter[tuple[int, int]] = Counter()
        for w in words:
            if reports := self.by_word.get(w):
                shared.update(reports)  # counted in C, list by list
        # Dice(a, b) >= t needs 2 |a & b| / t >= |a| + |b|: an entry none of whose reports comes so
        # near cannot have most of them like the candidate
        scale, size, sizes = 2 / self.threshold, len(words), self.sizes
        near = {n for (n, k), c in shared.items() if c * scale >= size + sizes[n, k]}
        keys = self.keys(candidate)
        near.update(n for key in keys for n, _ in self.by_word.get(key, ()))
        best, share = None, 0.5
        for n in sorted(near):
            if set(candidate.sources) <= set(self.entries[n].sources):
                continue
            verdicts = []
            for member in self.reports[n]:
                if (verdict := self.same(member, candidate)) is None:
                    break  # at odds with one of them: not this entry, whatever the others say
                verdicts.append(verdict)
            else:
                if (alike := sum(verdicts) / len(verdicts)) > share:
                    best, share = n, alike
                    if share == 1:  # like every report of it: no later entry is liked more
                        break
        if best is None:
            self.entries.append(candidate.model_copy())  # combining gives an entry new values, never edits
            self.reports.append([candidate])
            self._index(words, keys, len(self.entries) - 1, 0)
            return
        twin, members = self.entries[best], self.reports[best]
        members.append(candidate)
        twin.sources = sorted({*twin.sources, *candidate.sources})
        twin.citations = unique_citations([*twin.citations, *candidate.citations])
        self.combine(twin, candidate)
        self._index(words, keys, best, len(members) - 1)

    def _index(self, words: frozenset[str], keys: frozenset[str], entry: int, report: int) -> None:
        self.sizes[(entry, report)] = len(words)  # the keys are no words: they count in no overlap
        for word in words | keys:
            self.by_word[word].append((entry, report))
