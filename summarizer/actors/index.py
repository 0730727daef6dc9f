"""Finding the actor a reference means, among the actors of one answer or one source: by name or
alias first, else as the resolver would link them ('Marsh' for 'Elena Marsh')."""

from __future__ import annotations

from collections.abc import Sequence

from .names import Mention
from .resolution import resolve


def name_key(name: str) -> str:
    """How actor names are compared when references are resolved: case and spacing ignored."""
    return " ".join(name.casefold().replace(".", "").split())


class ActorIndex:
    """The actors (name, aliases, kind) a reference may point to."""

    def __init__(self, actors: Sequence[tuple[str, Sequence[str], str | None]]) -> None:
        self.actors: list[tuple[str, Sequence[str], str | None]] = []
        self.exact: dict[str, str] = {}
        for name, aliases, kind in actors:
            self.add(name, aliases, kind)

    def add(self, name: str, aliases: Sequence[str], kind: str | None) -> None:
        self.actors.append((name, aliases, kind))
        for alias in (name, *aliases):
            self.exact.setdefault(name_key(alias), name)

    def find(self, reference: str) -> str | None:
        """The name of the actor ``reference`` means, or None when it means none or several."""
        found = self.exact.get(name_key(reference))
        if found is not None or not reference.strip():
            return found
        mentions = [Mention("ref", reference)] + [
            Mention("actor", name, kind) for name, _, kind in self.actors
        ]
        cluster = next(c for c in resolve(mentions) if any(m.source == "ref" for m in c.mentions))
        names = {m.text for m in cluster.mentions if m.source == "actor"}
        return names.pop() if len(names) == 1 else None
