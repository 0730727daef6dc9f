"""Which reader turns a file's text into a ``Document``, by the file's suffix. A new input format is
one module with a ``read(raw, name) -> Document`` function and one line in ``READERS``."""

from __future__ import annotations

from collections.abc import Callable

from .document import Document
from .html import read_html
from .json_article import read_json
from .plain_text import read_plain_text

Reader = Callable[[str, str], Document]  # (decoded text, file name) -> Document

READERS: dict[str, Reader] = {
    ".json": read_json,
    ".html": read_html,
    ".htm": read_html,
    ".xhtml": read_html,
}
DEFAULT_READER: Reader = read_plain_text  # .txt, .md and anything else


def reader_for(suffix: str, raw: str) -> Reader:
    """The reader for a suffix; text without one (stdin) is read as HTML when it opens like a page."""
    if not suffix and raw.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        return read_html
    return READERS.get(suffix.lower(), DEFAULT_READER)
