"""Which date a source's relative expressions ('on Sunday', 'last weekend') are read from: its
publication date, unless that date is plainly a page date stamped long after the events: several
explicit dates of its events, within two weeks of each other, all more than two weeks before it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .rules import normalise
from .timex import start_of
from .words import MONTHS

# A publication date this many days after every explicit date in the events is a page date, not
# the date the article was written: relative dates are then anchored to the latest explicit one.
STALE_DATE_LINE_DAYS = 14


@dataclass(frozen=True)
class Anchor:
    reference: date | None
    published: date | None

    @property
    def moved(self) -> bool:
        return self.reference != self.published

    def note(self) -> str:
        """Why the reference is not the publication date, for the briefing's notes."""
        assert self.published is not None and self.reference is not None
        return (
            f"its date ({self.published.isoformat()}) is more than {STALE_DATE_LINE_DAYS} days after "
            f"every date its events give; relative dates are read from {self.reference.isoformat()}, "
            "the latest of those"
        )


def anchor(published: date | None, expressions: Iterable[str]) -> Anchor:
    """The reference date for a source published on ``published`` whose events are dated by
    ``expressions`` (as written)."""
    if published is None:
        return Anchor(None, None)
    explicit = [
        start_of(found.value)
        for expression in expressions
        if (found := normalise(expression, published))
        and found.precision == "day"
        and is_explicit(expression)
    ]
    days = sorted(d for d in explicit if d is not None)
    # Only several explicit dates that agree with each other say the article was written then: one
    # historical date ('October 9, 2002') says nothing about when the article was written.
    agree = len(days) >= 2 and (days[-1] - days[0]).days <= STALE_DATE_LINE_DAYS
    if agree and all((published - d).days > STALE_DATE_LINE_DAYS for d in days):
        return Anchor(days[-1], published)
    return Anchor(published, published)


def is_explicit(expression: str) -> bool:
    """Whether a date expression names its month and day itself ('Friday (Sep 29)', 'October 1')."""
    words = {w.strip(".,()").lower() for w in expression.split()}
    return bool(words & set(MONTHS)) and any(ch.isdigit() for ch in expression)
