"""Names a package exports that load their module on first use (PEP 562), so that importing the
package costs only what its user touches: ``summarizer --help`` loads no model client, and what
only renders a briefing never loads the support checker."""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
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
