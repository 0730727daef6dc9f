"""A response cache on disk: one JSON file per request, keyed on everything that changes the
answer (server, model, mode, messages, schema, parameters). Written atomically, so concurrent
runs never see half a file; a run killed halfway and started again redoes only what is missing."""

from __future__ import annotations

import hashlib
import json
import tempfile
from pathlib import Path
from typing import Any

from ..errors import ConfigError, SummarizerError
from ..files import keyed_path, used, write_atomic


class ResponseCache:
    def __init__(self, directory: str | Path) -> None:
        """Made (with its parents) when the run opens its model, before any call: a directory that
        cannot be made or written (under a file, in /proc) stops the run in one line rather
        than leaving it without a cache it was asked for."""
        self.directory = Path(directory)
        self.hits = 0
        self.misses = 0
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            probe = tempfile.NamedTemporaryFile(dir=self.directory, prefix=".probe-")
            probe.close()
        except OSError as error:
            raise ConfigError(
                f"cache directory {directory} cannot be used ({error.strerror or error}); "
                "set SUMMARIZER_CACHE_DIR or SUMMARIZER_NO_CACHE=1"
            ) from None

    def key(self, base_url: str | None, request: dict[str, Any]) -> str:
        material = json.dumps({"base_url": base_url or "", "request": request}, sort_keys=True, default=str)
        return hashlib.sha256(material.encode()).hexdigest()

    def _path(self, key: str) -> Path:
        return keyed_path(self.directory, key, ".json")

    def forget(self, key: str) -> None:
        """An entry that does not hold a usable answer (a corrupt file): a miss from now on."""
        self.hits -= 1
        self.misses += 1
        self._path(key).unlink(missing_ok=True)

    def holds(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str) -> dict[str, Any] | None:
        path = self._path(key)
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.misses += 1
            return None
        self.hits += 1
        used(path)
        return data

    def put(self, key: str, response: dict[str, Any]) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(path, json.dumps(response))
        except (OSError, SummarizerError):
            pass  # a cache that cannot be written only costs a repeated request later
