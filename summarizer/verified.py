"""The extractions this installation has already checked against their sources, remembered on
disk beside the response cache, so that an update checks again only what it has not: a briefing
of 200 sources gains one, and the 200 extractions it carries were checked when they were made.

An extraction is known by a hash of what decides its verdict: the extraction as saved, the text
of its source as read now (sha256), and this version's code. One edited by hand, made from another
text or checked by changed rules hashes differently and is checked afresh. Only an extraction with
no problem is remembered (nothing failed is cached), and ``summarizer check`` never consults it:
it vouches for a briefing from scratch."""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from .files import keyed_path, used
from .lazy import deferred
from .schema.extraction import Extraction
from .text import Source

if TYPE_CHECKING:
    import importlib.metadata as metadata
else:  # read at the first update's check only
    metadata = deferred("importlib.metadata")

FOLDER = "verified"  # under the response cache's directory


@cache
def _code() -> str:
    """A hash of the code that checks: every module of the package (a few hundred KB, read once)
    and the version of each library it needs (a new sentence splitter or lemma table may read an
    article otherwise)."""
    digest = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted(package.rglob("*.py")):
        digest.update(str(path.relative_to(package)).encode())
        digest.update(path.read_bytes())
    digest.update(_libraries().encode())
    return digest.hexdigest()


def _libraries() -> str:
    """'name version' of each library the installed package requires; none when it runs from
    source, uninstalled."""
    try:
        required = metadata.requires(__package__ or "summarizer") or []
    except metadata.PackageNotFoundError:
        return ""
    names = sorted({re.split(r"[\s;<>=!~\[(]", r, maxsplit=1)[0] for r in required if "extra ==" not in r})
    found = []
    for name in names:
        try:
            found.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name} absent")
    return "\n".join(found)


class Verified:
    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)

    @classmethod
    def beside(cls, cache_dir: str | None) -> Verified | None:
        """The record kept with the response cache, or None where no cache is kept."""
        return cls(Path(cache_dir) / FOLDER) if cache_dir else None

    def key(self, extraction: Extraction, source: Source) -> str:
        material = "\n".join((_code(), source.document.sha256, extraction.model_dump_json()))
        return hashlib.sha256(material.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return keyed_path(self.directory, key)

    def holds(self, key: str) -> bool:
        path = self._path(key)
        if not path.is_file():
            return False
        used(path)
        return True

    def remember(self, key: str) -> None:
        """Marks an extraction checked; a record that cannot be written is no failure (the next
        update checks it again)."""
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.touch()
        except OSError:
            pass
