"""The stories index: what a ``summarizer stories`` job has grouped and briefed, saved as
``index.json`` in its output folder after every story. It is the job's state as well as its
table of contents: a run that is stopped and started again, or given more articles later,
reads it and goes on from there."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, computed_field, model_validator

from ..documents import COLLECTION_MAX_BYTES, decode_json, read_input
from ..errors import InputError
from ..schema.record import Record

INDEX_NAME = "index.json"
INDEX_VERSION = "1"  # schema_version below


class ArticleCopy(Record):
    path: str = Field(description="Where the copy was read, relative to the index's folder.")
    sha256: str
    outlet: str | None = None


class StoryArticle(Record):
    """An article a story's briefing reads, and the near-copies of it that it stands for."""

    path: str = Field(description="Where the article was read, relative to the index's folder.")
    sha256: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    copies: list[ArticleCopy] = Field(default_factory=list)


DERIVED = ("outlets", "first_seen", "last_seen", "reports", "briefing")


class Story(Record):
    id: str = Field(
        pattern=r"^S[1-9][0-9]*$", description="S1, S2, ...: the story's folder under the index's."
    )
    title: str = Field(description="Its briefing's title once briefed; its first article's until then.")
    articles: list[StoryArticle]
    status: Literal["pending", "briefed", "failed"] = "pending"
    briefed: list[str] = Field(
        default_factory=list, description="sha256 of each article the saved briefing holds."
    )
    error: str | None = Field(default=None, description="Why the last briefing of it failed.")

    # What the index shows of a story, worked out from its articles: written into the JSON for its
    # readers, and dropped when it is read back (``_derived``), so it can never disagree with them.
    @computed_field  # type: ignore[prop-decorator]
    @property
    def outlets(self) -> list[str]:
        """Every outlet that published one of its articles or copies, once each."""
        found = (o for a in self.articles for o in (a.outlet, *(c.outlet for c in a.copies)))
        return list(dict.fromkeys(o for o in found if o))

    @computed_field  # type: ignore[prop-decorator]
    @property
    def first_seen(self) -> date | None:
        return min((a.published for a in self.articles if a.published), default=None)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def last_seen(self) -> date | None:
        return max((a.published for a in self.articles if a.published), default=None)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def reports(self) -> int:
        """Articles and copies: how many reports the story gathers."""
        return sum(1 + len(a.copies) for a in self.articles)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def briefing(self) -> str | None:
        """Its briefing (JSON; .md and .html beside it), from the index's folder, once written."""
        return f"{self.id}/briefing.json" if self.briefed else None

    @model_validator(mode="before")
    @classmethod
    def _derived(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if k not in DERIVED}
        return data

    @property
    def waiting(self) -> list[StoryArticle]:
        """The articles its briefing does not hold yet."""
        held = set(self.briefed)
        return [a for a in self.articles if a.sha256 not in held]


class StoryIndex(Record):
    schema_version: Literal["1"] = "1"
    kind: Literal["summarizer stories"] = "summarizer stories"
    similarity: float = Field(
        description="The mean similarity at which two groups of articles were one story."
    )
    stories: list[Story] = Field(default_factory=list)


def load_index(path: str | Path) -> StoryIndex:
    """A saved index; one ``InputError`` naming the file if it is not one."""
    name, _, raw = read_input(path, COLLECTION_MAX_BYTES)
    data = decode_json(raw, name)
    if not isinstance(data, dict) or data.get("kind") != "summarizer stories":
        raise InputError(name, "is not a stories index (the index.json that `summarizer stories` writes)")
    if data.get("schema_version") != INDEX_VERSION:
        raise InputError(
            name,
            f"is a stories index of version {data.get('schema_version')!r}; this summarizer reads {INDEX_VERSION!r}",
        )
    try:
        return StoryIndex.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "index"
        raise InputError(name, f"is not a valid stories index ({where}: {first['msg']})") from None
