"""Writing files: all or nothing, never a half-written file. The note a run writes and the
entries of the response cache both go through here."""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from .errors import InputError


def check_output(path: str | Path, inputs: Sequence[str | Path] = ()) -> None:
    """Refuse, before any work is spent, an output that cannot be written or that is one of the
    inputs (the same file, also through a link): one line naming it, as ``InputError``."""
    target = Path(path)
    if target.is_dir():
        raise InputError(str(path), "is a directory; give a file name for the output")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(str(path), f"cannot be written: no directory {folder}")
    if target.exists():
        for source in inputs:
            if str(source) != "-" and Path(source).exists() and os.path.samefile(source, target):
                raise InputError(str(path), f"is the input {source}; write the output to another file")


def _write_into(path: str | Path, target: Path, text: str) -> None:
    """Text written into a device or a pipe, which a rename would replace for everyone."""
    if target.is_socket():
        raise InputError(str(path), "is a socket; give a file name for the output")
    try:
        with target.open("w", encoding="utf-8") as stream:
            stream.write(text)
    except OSError as error:
        raise InputError(str(path), f"cannot be written ({error.strerror or error})") from None


def _mode_for(target: Path) -> int:
    """An existing file keeps its mode; a new one gets what the umask allows, as ``open`` would
    give it (the temporary file starts private)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _destination(path: str | Path) -> Path:
    """The file a write to ``path`` lands in: a link is followed (the link stays, its target is
    written), never replaced."""
    target = Path(path)
    if not target.is_symlink():
        return target
    try:
        return target.resolve(strict=False)
    except (OSError, RuntimeError):  # a loop of links
        raise InputError(str(path), "is a link that leads nowhere (a loop); give another output") from None


def write_atomic(path: str | Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``; a link is followed,
    and a device or a pipe (``/dev/null``, a FIFO) gets the text written into it, since neither can
    be replaced by a file. Raises ``InputError`` naming the file when it cannot be written."""
    check_output(path)
    target = _destination(path)
    if target.exists() and not target.is_file():
        _write_into(path, target, text)
        return
    folder = target.parent if str(target.parent) else Path(".")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(str(path), f"cannot be written ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(str(path), f"cannot be written ({error.strerror or error})") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


# A cache entry's key, the name of its file in the folder of its first two characters.
KEY = re.compile(r"[0-9a-f]{64}")


def used(path: Path) -> None:
    """Marks an entry used now (its modification time), which ``summarizer cache`` prunes by; an
    entry that cannot be marked is no failure."""
    try:
        os.utime(path)
    except OSError:
        pass


def keyed_path(directory: Path, key: str, suffix: str = "") -> Path:
    """Where a cache keeps the entry of ``key``: a file named by it (and ``suffix``) in the folder
    of its first two characters."""
    return directory / key[:2] / f"{key}{suffix}"


def keyed_files(directory: Path, suffix: str = "") -> Iterator[Path]:
    """The entries a cache directory holds, where ``keyed_path`` puts them, never links; whatever
    else the directory holds is not theirs."""
    for path in directory.glob(f"[0-9a-f][0-9a-f]/*{suffix}"):
        key = path.name.removesuffix(suffix)
        if (
            KEY.fullmatch(key)
            and path == keyed_path(directory, key, suffix)
            and not path.is_symlink()
            and path.is_file()
        ):
            yield path
