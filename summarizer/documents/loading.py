"""Loading articles: a file of any registered format, or stdin, in; one ``Document`` with its
metadata out. Everything unusable stops here, with one line naming the file."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from ..errors import InputError
from .decoding import MAX_BYTES, check_size, decode_bytes
from .document import Document
from .readers import reader_for

STDIN = "-"


def load_document(
    source: str | Path,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    url: str | None = None,
) -> Document:
    """Read a .txt, .md, .html or .json article, or stdin for ``-``. Flags given here win over
    metadata read from the text. Raises ``InputError`` naming the file for anything unusable."""
    name = str(source)
    if name == STDIN:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        suffix = ""
        name = "<stdin>"
        check_size(name, len(data))
    else:
        path = Path(source)
        if path.is_dir():
            raise InputError(name, "is a directory, not a file")
        try:
            check_size(name, path.stat().st_size)
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(name, "no such file") from None
        except OSError as exc:
            raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
        suffix = path.suffix

    raw = decode_bytes(data, name)
    document = reader_for(suffix, raw)(raw, name)
    if not document.text.strip():
        raise InputError(name, "has no article text")
    return replace(
        document,
        title=title or document.title,
        outlet=outlet or document.outlet,
        published=published or document.published,
        url=url or document.url,
    )
