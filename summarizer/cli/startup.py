"""What a command line does to start fast, and only a command line: the model client's libraries
imported before the first call with the garbage collector paused and what they loaded frozen
out of later collections, and openai's unused transport left out. A library user's process is
left as it is."""

from __future__ import annotations

import sys

from ..lazy import collector_paused

UNUSED_TRANSPORTS = ("aiohttp",)  # optional transports openai loads if installed, unused here


def load_libraries() -> None:
    """Import the client's libraries (openai, instructor) for a command line, before its first
    call, with the garbage collector paused (about a tenth of a cold start), and leave what they
    loaded out of later collections.

    openai also loads its optional aiohttp transport whenever aiohttp is installed (instructor
    requires it), some 0.1 s of a cold start, though the client here speaks through httpx. While
    openai loads, aiohttp reads as not installed, which openai answers by leaving that transport
    out; afterwards aiohttp can be imported as usual."""
    hidden = [name for name in UNUSED_TRANSPORTS if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]  # 'import aiohttp' raises ImportError
    try:
        with collector_paused(freeze=True):
            import instructor
            import openai  # noqa: F401

            instructor.patch  # noqa: B018 (loads instructor's client and its OpenAI handlers)
    finally:
        for name in hidden:
            if sys.modules.get(name, False) is None:
                del sys.modules[name]
