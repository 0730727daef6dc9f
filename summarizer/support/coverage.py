"""Statements about the coverage itself ("nobody disputes it", "only one source reports it",
"only Kirby says so"): what they say is not in any sentence but in the briefing's own record of
the claim (who makes, denies and disputes it, which sources report it), so they are checked
against that record. Their words of negation and stance are theirs, not the evidence's: the
rules that read the cited sentences do not see them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..text import count
from .evidence import Roles
from .names import Named
from .polarity import Fault  # (rule, word, reason), as the polarity and stance rules give theirs

_CONTEST = r"(?:contest|disput|den(?:y|ie)|challeng|question|reject|rebut)\w*"
# 'nobody disputes it', 'no other party has denied it', 'it is not contested', 'goes unchallenged'
_UNCONTESTED = re.compile(
    rf"""\b(?:no\s?one|nobody|none|no\s+(?:other\s+)?(?:party|parties|side|sides|source|sources|outlet|outlets|actor|actors))
          (?:\s+(?:else|of\s+them|of\s+the\s+\w+))?(?:\s+(?:has|have|had|is|was))?\s+{_CONTEST}
      |\b(?:is|are|was|were|been|goes|went|remains?|remained|stands?|stood)\s+(?:not\s+|un)
          (?:contested|disputed|denied|challenged|questioned|rejected)\b
      |\bun(?:contested|disputed|challenged|denied)\b""",
    re.IGNORECASE | re.VERBOSE,
)
# 'only one source reports it', 'a single outlet', 'no other source carries it', 'single-sourced'
_ONE_SOURCE = re.compile(
    r"""\b(?:only|just)\s+(?:one|a\s+single)\s+(?:source|outlet|report|article)s?\b
      |\b(?:a|one)\s+single\s+(?:source|outlet|report|article)\b
      |\bno\s+other\s+(?:source|outlet|report|article)s?\b
      |\bsingle[- ]sourced?\b""",
    re.IGNORECASE | re.VERBOSE,
)
_ONLY_BEFORE = re.compile(r"\b(?:only|solely)\s+$", re.IGNORECASE)
_ALONE_AFTER = re.compile(r"^\s+alone\b", re.IGNORECASE)


@dataclass(frozen=True)
class Coverage:
    """What a statement says of the coverage, where: spans the sentence rules must not read."""

    uncontested: tuple[re.Match[str], ...]
    one_source: tuple[re.Match[str], ...]

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [m.span() for m in (*self.uncontested, *self.one_source)]


def read(statement: str) -> Coverage:
    return Coverage(tuple(_UNCONTESTED.finditer(statement)), tuple(_ONE_SOURCE.finditer(statement)))


def masked(statement: str, coverage: Coverage) -> str:
    """The statement with its words about the coverage blanked, offsets kept."""
    for start, end in coverage.spans:
        statement = statement[:start] + " " * (end - start) + statement[end:]
    return statement


def check(
    statement: str, coverage: Coverage, mentions: Sequence[Named], roles: Roles
) -> tuple[int, list[Fault]]:
    """(how many things were checked, the faults found) of what the statement says of the claim's
    record: that nobody contests it, that one source reports it, that one party alone makes it."""
    checked = 0
    faults: list[Fault] = []
    against = ", ".join(sorted(roles.deny | roles.dispute))
    for match in coverage.uncontested:  # the word at fault: 'disputes', 'uncontested'
        checked += 1
        if against:
            faults.append(("role", match.group().split()[-1], f"the claim is contested by {against}"))
    for match in coverage.one_source:  # 'only', 'no', 'single'
        checked += 1
        if len(roles.sources) > 1:
            reported = f"the claim is reported by {count(len(roles.sources), 'source')}"
            faults.append(("number", match.group().split()[0], reported))
    makers = roles.claim | roles.confirm
    for mention in mentions:
        before, after = statement[: mention.start], statement[mention.end :]
        if not (_ONLY_BEFORE.search(before) or _ALONE_AFTER.match(after)):
            continue
        checked += 1
        if others := ", ".join(sorted(makers - {mention.actor})):
            also = "also " if mention.actor in makers else ""
            faults.append(("role", mention.text, f"the claim is {also}made by {others}"))
    return checked, faults
