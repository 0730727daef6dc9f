"""Actors: reading the name inside a mention (names), resolving mentions across sources into one
actor each (resolution), people's full names written differently (people), the word lists it
reads names with (words), and finding the actor a reference means (index). Plain code, no model."""

from .index import ActorIndex, name_key
from .names import Mention, core_name, key
from .resolution import Cluster, resolve

__all__ = ["ActorIndex", "Cluster", "Mention", "core_name", "key", "name_key", "resolve"]
