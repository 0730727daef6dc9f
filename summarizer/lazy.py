"""How the package loads what it needs, in one place. Names a package exports load their module
on first use (PEP 562), so that importing the package costs only what its user touches:
``summarizer --help`` loads no model client, and what only renders a briefing never loads the
support checker. A module a run needs only late is ``deferred``: named at the top of the module
that uses it (so the import graph a reader sees is the real one), imported on first use, or a
moment into a run's first model calls (``loading_later``), while it waits on the model. Modules
loaded in bulk load with the garbage collector paused."""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from importlib import import_module
from types import ModuleType
from typing import Any

# By this many seconds into extraction a run's first requests are sent: what loads then costs
# the run nothing, as it waits on the model.
LOAD_AFTER = 0.15


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


class Deferred:
    """A module imported on first use of one of its names (an import error is raised there)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.module: ModuleType | None = None

    def load(self) -> ModuleType:
        if self.module is None:
            self.module = import_module(self.name)
        return self.module

    def __getattr__(self, attribute: str) -> Any:
        # kept on the instance, so that later uses of the name cost a plain attribute lookup
        value = getattr(self.load(), attribute)
        setattr(self, attribute, value)
        return value


def deferred(name: str) -> Any:
    """The module ``name`` (absolute: one of this package's, or a library), imported when one of
    its names is first used. Give it the module's own name, so that the module reads as the one
    it stands for: ``instructor = deferred("instructor")``."""
    return Deferred(name)


@contextmanager
def loading_later(*modules: object) -> Iterator[None]:
    """Import ``modules`` a moment into the block (a run's first model calls), while it waits on
    the model; not at all if the block ends first: whoever needs them imports them then."""
    waiting = tuple(m for m in modules if isinstance(m, Deferred))  # those not loaded yet
    handle = asyncio.get_running_loop().call_later(LOAD_AFTER, _load, waiting)
    try:
        yield
    finally:
        handle.cancel()


def _load(modules: tuple[Deferred, ...]) -> None:
    # When the process keeps what it has loaded out of collections, as the CLI does, what loads
    # here joins it: collections during the rest of the run would otherwise go over it each time.
    with collector_paused(freeze=gc.get_freeze_count() > 0):
        for module in modules:
            try:
                module.load()
            except Exception:  # noqa: BLE001 (the import where it is needed reports it, as one line)
                return


@contextmanager
def collector_paused(*, freeze: bool) -> Iterator[None]:
    """The garbage collector paused for the block: an import makes a great many long-lived objects
    and no garbage, so a collection meanwhile is wasted work; so does a merge of a thousand
    articles, whose short-lived objects reference counting frees (each full collection would go
    over every object the run holds: a third of the merge's time). With ``freeze``, what the
    block loaded is then left out of later collections (``gc.freeze``), which would otherwise go
    over it again and again. The collector is left on or off as it was."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if enabled:
            gc.enable()
