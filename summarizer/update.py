"""What an update (``--since``) starts from: a saved briefing that passes ``check`` (support
verdicts aside: they are worked out again) against its sources, read again, with the
extractions it carries; refused in one line, before any model call, otherwise."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .check import verify_briefing
from .errors import InputError
from .schema.briefing import Briefing
from .store import load_briefing, read_sources
from .text import Source, count


@dataclass(frozen=True)
class Previous:
    """The briefing an update starts from, checked, with its sources read again."""

    name: str  # where it was read from
    briefing: Briefing
    sources: list[Source]

    def nothing_to_add(self) -> InputError:
        return InputError(self.name, "already holds every input; there is nothing to add")


def previous_briefing(path: str | Path, given: Sequence[str | Path] = ()) -> Previous:
    """The saved briefing at ``path``, fit to be updated: it passes ``check`` (support verdicts
    aside) against its sources (found where it names them, or among ``given``) and holds its
    extractions. One
    ``InputError`` naming the file otherwise."""
    name = str(path)
    briefing, base = load_briefing(path)
    sources, unread = read_sources(briefing, given, base)  # read and split once, checked and kept
    # Statements kept and marked unsupported do not stop an update: its verdicts are worked out again.
    problems = unread + verify_briefing(briefing, sources, support=False)
    if problems:
        more = (
            f" (and {count(len(problems) - 1, 'other problem')}; `summarizer check` lists them)"
            if len(problems) > 1
            else ""
        )
        raise InputError(name, f"cannot be updated: {problems[0]}{more}")
    if not briefing.extractions and any(s.status == "ok" for s in briefing.sources):
        raise InputError(name, "holds no extractions (a version 1 briefing); make it again to update it")
    return Previous(name, briefing, sources)
