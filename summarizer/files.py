"""Writing files: all or nothing, never a half-written file. The note a run writes and the
entries of the response cache both go through here."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .errors import InputError


def write_atomic(path: str | Path, text: str) -> None:
    """Write to a temporary file beside ``path``, then rename it over ``path``. Raises
    ``InputError`` naming the file when it cannot be written."""
    target = Path(path)
    if target.is_dir():
        raise InputError(str(path), "is a directory; give a file name for the output")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(str(path), f"cannot be written: no directory {folder}")
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(str(path), f"cannot be written ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, target)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise InputError(str(path), f"cannot be written ({error.strerror or error})") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
