"""Reading annotated news (MEANTIME-format JSON, see ../shared/eval/README.md): the articles, each
one as the product reads a plain-text article, and their gold entities."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, ValidationError, field_validator

from ..documents import Document, decode_json, read_input, read_plain_text
from ..errors import InputError
from ..text.copies import copy_groups
from ..text.grouping import STORY_SIMILARITY, group, texts_of

NAMED_TYPES = ("PER", "ORG", "LOC")


class GoldMention(BaseModel):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    syntactic_type: str | None = None


class GoldEntity(BaseModel):
    instance_id: str
    type: str
    mentions: list[GoldMention] = []


class GoldTimex(BaseModel):
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    type: str
    value: str
    dct: bool = False


class AnnotatedArticle(BaseModel):
    """The shape of an annotated article that the evaluations read; extra fields are ignored."""

    id: str | int
    text: str
    topic: str = "article"
    dct: str | None = None
    entities: list[GoldEntity] = []
    timexes: list[GoldTimex] = []

    @field_validator("dct")
    @classmethod
    def _iso(cls, value: str | None) -> str | None:
        if value is not None:
            date.fromisoformat(value)  # a ValueError here is the article's problem
        return value


@dataclass(frozen=True)
class AnnotatedArticles:
    articles: list[dict[str, Any]]
    skipped: list[str] = field(default_factory=list)  # "file: problem" of each article left out


def load_articles(directory: str | Path) -> AnnotatedArticles:
    """The annotated articles of a directory. An article that cannot be read or does not have the
    expected shape is left out and named in ``skipped``: real corpora have flaws, and one flawed
    file must not stop an evaluation."""
    folder = Path(directory)
    if not folder.is_dir():
        raise InputError(str(directory), "is not a directory of annotated articles")
    articles, skipped = [], []
    for path in sorted(folder.glob("*.json")):
        try:
            name, _, raw = read_input(path)
            data = decode_json(raw, name)
            AnnotatedArticle.model_validate(data)
        except InputError as error:
            skipped.append(str(error))
            continue
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "article"
            skipped.append(f"{path}: not an annotated article ({where}: {first['msg']})")
            continue
        articles.append(data)
    if not articles and not skipped:
        raise InputError(str(directory), "holds no .json articles")
    return AnnotatedArticles(articles, skipped)


def gold_story(article: dict[str, Any]) -> str:
    """The story an article reports: its ``topic`` and ``subtopic`` together (ECB+: the two
    real-world events of one kind that share a topic are two stories)."""
    return f"{article.get('topic', 'all')}/{article.get('subtopic', '')}".rstrip("/")


def gold_topic(article: dict[str, Any]) -> str:
    return str(article.get("topic", "all"))


# how articles are taken together to be briefed as one: by story (as annotated), or by topic
# (each topic's stories briefed as one); or, "found", as ``summarizer stories`` groups them
GROUPINGS = {"story": gold_story, "topic": gold_topic}


def grouped(articles: Sequence[dict[str, Any]], by: str) -> list[tuple[str, list[dict[str, Any]]]]:
    """The articles of each story or topic (``GROUPINGS``), in the order of their names; or of each
    story the product's grouping finds (``found_stories``), named by the annotated story most of
    its articles report."""
    groups: dict[str, list[dict[str, Any]]] = {}
    if by == "found":
        texts = texts_of([(a.get("title"), a["text"]) for a in articles])
        for n, story in enumerate(found_stories(texts)[0], start=1):
            most = Counter(gold_story(articles[i]) for i in story).most_common(1)[0][0]
            groups[f"{most} #{n}"] = [articles[i] for i in story]
        return sorted(groups.items())
    for article in articles:
        groups.setdefault(GROUPINGS[by](article), []).append(article)
    return sorted(groups.items())


def found_stories(texts: Sequence[str], similarity: float = STORY_SIMILARITY) -> tuple[list[list[int]], int]:
    """The stories ``summarizer stories`` finds among the articles' ``texts`` (``texts_of``; lists
    of indices), at ``similarity``: near-copies folded, then grouped, each copy placed in its
    original's story; and how many near-copies were folded."""
    copies = copy_groups(texts)
    kept = [members[0] for members in copies]
    found = group([texts[i] for i in kept], similarity)
    return [[i for k in story for i in copies[k]] for story in found], len(texts) - len(kept)


def gold_value(value: str) -> str:
    """A gold TIMEX3 value as the grammar writes it: '2000-W7' is week 7 without its leading zero,
    the same value as '2000-W07'."""
    return re.sub(r"^(\d{4}-W)(\d)(?=$|-)", r"\g<1>0\2", value)


def article_document(article: dict[str, Any]) -> Document:
    """An annotated article as the product reads a plain-text article; its dct as publication date."""
    document = read_plain_text(article["text"], f"{article.get('topic', 'article')}-{article['id']}")
    if article.get("dct"):
        document = replace(document, published=date.fromisoformat(article["dct"]))
    return document


def gold_entities(article: dict[str, Any]) -> dict[str, list[str]]:
    """Named PER/ORG/LOC entities of an article: instance id -> the texts of its named mentions."""
    found: dict[str, list[str]] = {}
    for entity in article.get("entities", []):
        names = [m["text"] for m in entity.get("mentions", []) if m.get("syntactic_type") == "NAM"]
        if entity.get("type") in NAMED_TYPES and names:
            found[entity["instance_id"]] = names
    return found
