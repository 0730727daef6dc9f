"""Loading articles: a file of any registered format, or stdin, in; one ``Document`` with its
metadata out. Everything unusable stops here, with one line naming the file."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

from ..errors import InputError
from ..vocabulary import METADATA
from .decoding import MAX_BYTES, check_size, decode_bytes
from .document import DATE_FORMS, Document
from .readers import reader_for

STDIN = "-"


def read_input(source: str | Path, limit: int = MAX_BYTES) -> tuple[str, str, str]:
    """(name, suffix, text) of a file or of stdin (``-``): at most ``limit`` bytes read (an
    article's limit unless told otherwise), decoded, every problem one ``InputError`` naming it.
    Shared by articles, briefings and corpora."""
    name = str(source)
    if name == STDIN:
        data = sys.stdin.buffer.read(limit + 1)
        name, suffix = "<stdin>", ""
    else:
        path = Path(source)
        if path.is_dir():
            raise InputError(name, "is a directory, not a file")
        try:
            check_size(name, path.stat().st_size, limit)
            with path.open("rb") as stream:  # a pipe or a device says nothing of its size on disk
                data = stream.read(limit + 1)
        except FileNotFoundError:
            raise InputError(name, "no such file") from None
        except OSError as exc:
            raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
        suffix = path.suffix
    check_size(name, len(data), limit)
    return name, suffix, decode_bytes(data, name)


def read_document(source: str | Path) -> Document:
    """The article at ``source`` as its reader reads it, metadata unchecked: what a briefing's
    sources are read again with (their text is what counts, its hash what is checked)."""
    name, suffix, raw = read_input(source)
    document = reader_for(suffix, raw)(raw, name)
    if not document.text.strip():
        raise InputError(name, "has no article text")
    return replace(document, read=METADATA)


def load_document(
    source: str | Path,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    url: str | None = None,
) -> Document:
    """Read a .txt, .md, .html or .json article, or stdin for ``-``. Flags given here win over
    metadata read from the text. Raises ``InputError`` naming the file for anything unusable,
    an ambiguous date ('03-02-2009') among it unless ``published`` settles it."""
    document = read_document(source)
    if document.ambiguous_date is not None and published is None:
        raise InputError(
            document.name,
            f"its date {document.ambiguous_date!r} is ambiguous (day or month first?); write it "
            f"{DATE_FORMS.removeprefix('a date written ')}, or give the date with --published",
        )
    flags = {"title": title, "outlet": outlet, "published": published, "url": url}
    return replace(
        document,
        title=title or document.title,
        outlet=outlet or document.outlet,
        published=published or document.published,
        url=url or document.url,
        read=tuple(field for field in document.read if not flags[field]),
    )
