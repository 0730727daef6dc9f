"""Actors: resolving mentions across sources into one actor each (resolution), people's full names
written differently (people), the word lists it reads names with (words), and finding the actor a
reference means (index). Plain code, no model."""

from .index import ActorIndex, name_key
from .resolution import Cluster, Mention, core_name, key, resolve

__all__ = ["ActorIndex", "Cluster", "Mention", "core_name", "key", "name_key", "resolve"]
