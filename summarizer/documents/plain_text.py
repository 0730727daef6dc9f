"""Plain text and Markdown articles: title, publication date and outlet read from where they stand."""

from __future__ import annotations

import re

from .document import Document, is_ambiguous_date, parse_date

_SIGNATURE = re.compile(r"^\s*(?:[•·▪◦*]|--?|[–—]|source:|©)\s*(?P<outlet>\S.{0,40}?)\s*$", re.I)


def read_plain_text(raw: str, name: str) -> Document:
    """Title, publication date and outlet are read from where they stand in the text: a date
    line among the first lines, the first other line as title, a signature line at the end."""
    text = raw.strip("\n")
    lines = _line_spans(text)
    title = published = outlet = ambiguous = None
    spans: list[tuple[int, int]] = []
    for start, end in lines[:6]:
        line = text[start:end].strip()
        if published is None and len(line) <= 60 and (day := parse_date(line)) is not None:
            published = day
            spans.append((start, end))
        elif published is ambiguous is None and is_ambiguous_date(line):
            ambiguous = line  # a date line all the same: no sentence, no title
            spans.append((start, end))
        elif title is None and len(line) <= 250:
            title = line.lstrip("#").strip() or None
    if lines:
        start, end = lines[-1]
        match = _SIGNATURE.match(text[start:end])
        if match and (start, end) not in spans and len(lines) > 1:
            outlet = match.group("outlet")
            spans.append((start, end))
    return Document(
        name=name,
        text=text,
        title=title,
        outlet=outlet,
        published=published,
        metadata_spans=tuple(sorted(spans)),
        ambiguous_date=ambiguous,
    )


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
