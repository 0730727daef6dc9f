"""Words every layer shares: the kinds of actor, the statuses of a claim, and the parties a claim
can have. One home, so that the schema the model fills, the merge, the prompts, the renderers and
the checker never disagree on them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ActorKind = Literal[
    "person",
    "state",
    "government_body",
    "armed_force_or_group",
    "international_organisation",
    "media",
    "other",
]

# How an article is split into sentences, which its sentence ids depend on (``text.sentences``):
# 1, as sentencex splits each line; 2, quotations of several sentences cut too, and a few titles
# and times sentencex ends a sentence at kept in it; 3, a quotation mark that opens a sentence
# stands in it, not at the end of the one before, and a bracket or a quotation closed after a
# full stop ends its sentence; 4, an apostrophe that leaves out a year's first digits ('iLife '11')
# opens no quotation; 5, no sentence opens with a word in small letters ('Redmond, Wash. company's').
Splitting = Literal[1, 2, 3, 4, 5]

# What a source record says of its article beside its text: read from it, or given by the user.
Metadata = Literal["title", "outlet", "published", "url"]
METADATA: tuple[Metadata, ...] = ("title", "outlet", "published", "url")

ClaimStatus = Literal["corroborated", "single_source", "contested", "sources_disagree"]
STATUS_LABELS: dict[str, str] = {
    "corroborated": "corroborated by several sources",
    "single_source": "single source",
    "contested": "contested between parties",
    "sources_disagree": "sources disagree",
}
DISPUTED: tuple[ClaimStatus, ...] = ("contested", "sources_disagree")  # listed first, apart from the rest


def status_label(status: str | None) -> str:
    return STATUS_LABELS.get(status or "", "unassessed")


@dataclass(frozen=True)
class ClaimRole:
    """A party of a claim: the field that holds it, how a sentence names it ('denied by'), and its
    label in a note ('Denied by')."""

    field: str
    phrase: str
    label: str


CLAIM_ROLES = (
    ClaimRole("made_by", "by", "Claimed by"),
    ClaimRole("supported_by", "supported by", "Supported by"),
    ClaimRole("denied_by", "denied by", "Denied by"),
    ClaimRole("disputed_by", "disputed by", "Disputed by"),
)
# The parties who hold a claim or reject it: what makes two reports of a claim the same party's.
STANCE_ROLES = ("made_by", "denied_by", "disputed_by")


def parties(claim: object, role: ClaimRole) -> list[str]:
    """The actors a claim gives in one role, as a list (a draft's ``made_by`` is one name or None)."""
    value = getattr(claim, role.field)
    if isinstance(value, str) or value is None:
        return [value] if value else []
    return list(value)
