"""How the package loads what it needs. Names a package exports load their module on first use
(PEP 562), so that importing the package costs only what its user touches: ``summarizer --help``
loads no model client, and what only renders a briefing never loads the support checker. Modules
loaded in bulk load with the garbage collector paused."""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from importlib import import_module
from typing import Any


def loader(package: str, exports: Mapping[str, tuple[str, str]]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``exports`` maps each public name to (its module,
    relative to the package, and its name there). Each name is looked up once, then kept."""
    namespace = sys.modules[package].__dict__

    def load(name: str) -> Any:
        try:
            module, attribute = exports[name]
        except KeyError:
            raise AttributeError(f"module {package!r} has no attribute {name!r}") from None
        value = getattr(import_module(module, package), attribute)
        namespace[name] = value
        return value

    return load


@contextmanager
def collector_paused(*, freeze: bool) -> Iterator[None]:
    """The garbage collector paused for the block: an import makes a great many long-lived objects
    and no garbage, so a collection meanwhile is wasted work. With ``freeze``, what the block
    loaded is then left out of later collections (``gc.freeze``), which would otherwise go over
    it again and again. The collector is left on or off as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()
