"""Whether a figure in a statement is one its evidence states: the same, rounded, within a stated
range, or a sum of stated numbers. Figures are read by ``text.quantities``."""

from __future__ import annotations

import math
from collections.abc import Sequence
from itertools import combinations

from ..text.quantities import Figure, stated


def supported(quantity: Figure, evidence: Sequence[Figure]) -> str | None:
    """How ``quantity`` follows from the evidence's quantities ('stated', 'rounded', 'sum', ...),
    or None when it does not; read as any of the values its words may mean ('60m': 60 million
    or 60 metres), and the evidence's likewise."""
    read = [reading for figure in evidence for reading in figure.readings()]
    return next(filter(None, (_follows(reading, read) for reading in quantity.readings())), None)


def _follows(quantity: Figure, evidence: Sequence[Figure]) -> str | None:
    for other in evidence:
        if _same(quantity, other):
            return "stated"
    if not evidence and quantity.exact and quantity.low == 1 and not quantity.text[:1].isdigit():
        return "one, which any singular states"  # 'one of the men' for 'a man was arrested'

    for other in evidence:
        if other.exact and quantity.exact and _rounds_to(other.low, quantity.low, quantity.approximate):
            return "rounded"
        if not quantity.exact and other.exact and quantity.low <= other.low <= quantity.high:
            return "within the stated range"
    counts = [q.low for q in evidence if q.exact and not q.percent]
    if quantity.exact and not quantity.percent and quantity.total:
        for size in (2, 3):
            for group in combinations(counts, size):
                if _close(sum(group), quantity.low):
                    return "sum of stated numbers"
    return None


def unstated(text: str, sentences: Sequence[str]) -> str | None:
    """The first figure ``text`` gives that none of ``sentences`` states (nor rounds, ranges or
    sums: ``supported``); None when each is stated, or ``text`` gives none."""
    evidence = [figure for sentence in sentences for figure in stated(sentence)]
    return next((figure.text for figure in stated(text) if supported(figure, evidence) is None), None)


def _same(a: Figure, b: Figure) -> bool:
    if a.metres != b.metres:
        return False  # '60m users' read as metres is no '60 users'
    if a.percent == b.percent:
        return _close(a.low, b.low) and _close(a.high, b.high)
    # '50%' and 'half' say the same; 'a third' and '33%' too, a share rounded to a whole percent
    percent, other = (a, b) if a.percent else (b, a)
    share = percent.low / 100
    return other.exact and (_close(share, other.low) or (other.low < 1 and abs(share - other.low) < 0.005))


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _rounds_to(stated: float, said: float, approximate: bool) -> bool:
    """Whether ``said`` is ``stated`` rounded: '1.5 million' for 1,534,000. A single significant
    digit ('20' for 23) passes only when the statement says it is approximate."""
    if said == 0 or stated == 0:
        return False
    digits = len(f"{said:.15g}".replace(".", "").replace("-", "").strip("0"))
    if digits < 2 and not approximate:
        return False
    magnitude = math.floor(math.log10(abs(stated)))
    return _close(round(stated, digits - 1 - magnitude), said)
