"""JSON articles: ``{"title", "text", "published", "outlet", "url"}``."""

from __future__ import annotations

import unicodedata
from typing import Any

from ..errors import InputError
from .decoding import decode_json
from .document import DATE_FORMS, Document, is_ambiguous_date, parse_date


def read_json(raw: str, name: str) -> Document:
    payload: Any = decode_json(raw, name)
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        raise InputError(name, 'must be a JSON object with a "text" string')
    published = payload.get("published")
    day = parse_date(published) if isinstance(published, str) else None
    ambiguous = published if isinstance(published, str) and is_ambiguous_date(published) else None
    if published is not None and day is None and ambiguous is None:
        raise InputError(name, f'"published" is {published!r}, not {DATE_FORMS}')

    def text_field(key: str) -> str | None:
        value = payload.get(key)
        return value.strip() or None if isinstance(value, str) else None

    text = unicodedata.normalize("NFC", payload["text"].replace("\r\n", "\n")).strip("\n")
    return Document(
        name=name,
        text=text,
        title=text_field("title"),
        outlet=text_field("outlet"),
        published=day,
        url=text_field("url"),
        ambiguous_date=ambiguous,
    )
