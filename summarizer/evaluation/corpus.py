"""Reading annotated news (MEANTIME-format JSON, see ../shared/eval/README.md): the articles, each
one as the product reads a plain-text article, and their gold entities."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from ..documents import Document, read_plain_text
from ..errors import InputError

NAMED_TYPES = ("PER", "ORG", "LOC")


def load_articles(directory: str | Path) -> list[dict[str, Any]]:
    folder = Path(directory)
    if not folder.is_dir():
        raise InputError(str(directory), "is not a directory of annotated articles")
    articles = []
    for path in sorted(folder.glob("*.json")):
        try:
            article = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as error:
            raise InputError(str(path), f"is not valid JSON ({error})") from None
        if not isinstance(article, dict) or "text" not in article:
            raise InputError(str(path), "is not a MEANTIME-format article (no text)")
        articles.append(article)
    if not articles:
        raise InputError(str(directory), "holds no .json articles")
    return articles


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
