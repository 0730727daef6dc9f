"""Running a coroutine from plain code returns its result without formatting it: Python 3.11's
``asyncio.run`` writes out the main task's result (a whole briefing) when it puts back the
interrupt handler, which cost a tenth of a second at 200 articles and seconds at thousands."""

from __future__ import annotations

import asyncio

from summarizer.running import run_coroutine


class Large:
    formatted = 0

    def __repr__(self) -> str:
        Large.formatted += 1
        return "Large()"


async def make() -> Large:
    await asyncio.sleep(0)
    return Large()


def test_the_result_comes_back_unformatted() -> None:
    Large.formatted = 0
    assert isinstance(run_coroutine(make()), Large)
    assert Large.formatted == 0


def test_asyncio_run_alone_formats_it() -> None:
    """What the helper is for: should a later Python stop formatting the result, this says so."""
    Large.formatted = 0
    asyncio.run(make())
    assert Large.formatted > 0
