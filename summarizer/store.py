"""Saved briefings: reading one (a file or stdin, its schema version checked first), and finding
the articles it was made from (named in it, or given), checked against their hashes and split
into sentences once. What ``check``, ``render``, ``diff`` and an update (``--since``) all read
briefings with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from .documents import COLLECTION_MAX_BYTES, Document, decode_json, read_document, read_input
from .errors import InputError, SummarizerError
from .schema.briefing import READABLE_VERSIONS, Briefing
from .text import Source, split_sentences


@dataclass(frozen=True)
class Problem:
    where: str
    what: str
    unread: bool = False  # a source that could not be read, so not checked (check exits 2)

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def _base(path: str | Path, name: str) -> Path:
    return Path(path).parent if name != "<stdin>" else Path(".")


def _readable(data: object, name: str) -> object:
    """``data``, if it is a briefing of a version this summarizer reads; one ``InputError`` that
    says what it is otherwise."""
    readable = ", ".join(READABLE_VERSIONS)
    if not isinstance(data, dict):
        raise InputError(
            name, "is not a briefing: a briefing is a JSON object (`summarizer schema` shows it)"
        )
    version = data.get("schema_version")
    if version is None:
        raise InputError(
            name, f"is not a briefing: it has no schema_version (this summarizer reads {readable})"
        )
    if not isinstance(version, str) and str(version) in READABLE_VERSIONS:
        raise InputError(
            name, f'has schema_version {version!r}, a number: a briefing writes it as a string, "{version}"'
        )
    if version not in READABLE_VERSIONS:
        raise InputError(
            name, f"is a briefing of schema version {version!r}; this summarizer reads versions {readable}"
        )
    return data


def schema_problems(error: ValidationError) -> list[Problem]:
    return [
        Problem(".".join(str(p) for p in e["loc"]) or "briefing", f"{e['msg']} (schema)")
        for e in error.errors()
    ]


def read_briefing(path: str | Path) -> tuple[Briefing | list[Problem], str, Path]:
    """A saved briefing (``-`` for stdin), or its schema problems when it does not fit the schema;
    its name; the folder its sources are named from. One ``InputError`` if it cannot be read, is
    not JSON, or is no briefing of a version this summarizer reads."""
    name, _, raw = read_input(path, COLLECTION_MAX_BYTES)
    base = _base(path, name)
    try:  # the tool's own output, parsed and validated at once in pydantic's core
        briefing = Briefing.model_validate_json(raw)
        if "schema_version" in briefing.model_fields_set and briefing.schema_version in READABLE_VERSIONS:
            return briefing, name, base
    except ValidationError:
        pass  # read again below, to say what is wrong
    data = _readable(decode_json(raw, name), name)
    try:
        return Briefing.model_validate(data), name, base
    except ValidationError as error:
        return schema_problems(error), name, base


def load_briefing(path: str | Path) -> tuple[Briefing, Path]:
    """A saved briefing (``-`` for stdin) and the folder its sources are named from; one
    ``InputError`` if it cannot be read or does not fit the schema."""
    found, name, base = read_briefing(path)
    if isinstance(found, list):
        raise InputError(
            name, f"is not a valid briefing ({found[0]}); `summarizer check` lists every problem"
        )
    return found, base


def read_sources(
    briefing: Briefing, paths: Sequence[str | Path], base: Path
) -> tuple[list[Source], list[Problem]]:
    """The briefing's sources with their text and sentences, from ``paths`` (matched by hash) or
    from where the briefing says they were read; each one missing or changed is a problem."""
    problems: list[Problem] = []
    return briefing_sources(briefing, [read_document(p) for p in paths], base, problems), problems


def briefing_sources(
    briefing: Briefing, given: Sequence[Document], base: Path, problems: list[Problem]
) -> list[Source]:
    """The briefing's sources, read (see ``source_documents``) and split into sentences."""
    documents = source_documents(briefing, given, base, problems)
    splitting = {s.id: s.splitting for s in briefing.sources}  # each split again as it was
    return [
        Source(sid, d, tuple(split_sentences(d, sid, splitting[sid])), splitting=splitting[sid])
        for sid, d in documents.items()
    ]


def source_documents(
    briefing: Briefing, given: Sequence[Document], base: Path, problems: list[Problem]
) -> dict[str, Document]:
    """Each source's text, from the given files (matched by hash) or from where the briefing says
    it was read; a source whose text is missing or changed is a problem."""
    by_hash = {d.sha256: d for d in given}
    found: dict[str, Document] = {}
    for source in briefing.sources:
        where = f"source {source.id} ({source.name})"
        if given:
            document = by_hash.get(source.sha256)
            if document is None:
                problems.append(
                    Problem(where, "none of the given files has this source's text (sha256 differs)")
                )
                continue
        else:
            path = Path(source.name) if Path(source.name).exists() else base / source.name
            if path.exists() and not path.is_file():
                # a name inside a briefing is a file it was made from: a pipe or a device named
                # there (/dev/stdin, a FIFO) would wait for input forever, and is no article
                problems.append(
                    Problem(where, f"{path} is not a regular file, so not the article it names", True)
                )
                continue
            try:
                document = read_document(path)
            except SummarizerError as error:
                problems.append(Problem(where, f"cannot be read to verify it ({error})", True))
                continue
            if document.sha256 != source.sha256:
                problems.append(Problem(where, "text changed since the briefing was made (sha256 differs)"))
                continue
        found[source.id] = document
    return found
