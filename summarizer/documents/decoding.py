"""Bytes to text: BOMs first, then UTF-8, then charset detection; binary data and oversized files
are refused with one line naming the file."""

from __future__ import annotations

import codecs
import json
import re
import unicodedata
from typing import Any

from ..errors import InputError
from ..lazy import deferred

charset_normalizer = deferred("charset_normalizer")  # loaded only for text that is not UTF-8

# Larger than any article page; a bigger file is a mistake (a dump, a video), refused before reading.
MAX_BYTES = 5 * 1024 * 1024
# The tool's own files that hold many articles (a briefing carries some 13 KB an article, an
# evaluation set of pairs its evidence): the articles' limit would refuse them past a few hundred.
COLLECTION_MAX_BYTES = 256 * 1024 * 1024
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def check_size(name: str, size: int, limit: int = MAX_BYTES) -> None:
    """Refuse more than ``limit`` bytes; reads stop one byte past it, so a stream is never read whole."""
    if size > limit:
        megabytes = limit // 1024 // 1024
        amount = f"more than {megabytes} MB" if size == limit + 1 else f"{size / 1024 / 1024:.1f} MB"
        raise InputError(name, f"is {amount}; files over {megabytes} MB are refused here")


def decode_bytes(data: bytes, name: str) -> str:
    """Bytes to text: BOMs first, then UTF-16 told by its zero bytes, then UTF-8, then charset
    detection; binary data is refused."""
    if not data.strip():
        raise InputError(name, "is empty")
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                raise InputError(name, f"is not valid {encoding} text") from None
            break
    wide = _utf16_without_bom(data) if text is None else None
    if wide is not None:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            text = None
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            matches = charset_normalizer.from_bytes(data)
            best = matches.best()
            if best is None:
                raise InputError(name, "is binary or in an encoding that cannot be detected") from None
            # Short texts often fit several single-byte code pages equally well; among those ties
            # Windows-1252, the commonest for news in Western languages, is the safer guess.
            tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
            text = str(next((m for m in tied if m.encoding == "cp1252"), best))
    if _is_binary(text):
        raise InputError(name, "looks like binary data, not text")
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.lstrip("\ufeff")


# The control characters (Unicode category Cc: C0 and C1) that text does not contain.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 that starts without a byte order mark, told by its zero bytes: text in Latin script
    has one in every pair, on the same side (high byte first or last)."""
    pairs = len(data) // 2
    if pairs < 2 or len(data) % 2:
        return None
    first, second = data[0::2].count(0), data[1::2].count(0)
    if second > pairs * 0.3 and first < pairs * 0.05:
        return "utf-16-le"
    if first > pairs * 0.3 and second < pairs * 0.05:
        return "utf-16-be"
    return None


def _is_binary(text: str) -> bool:
    return len(_CONTROLS.findall(text)) > max(2, len(text) // 100)


def decode_json(raw: str, name: str) -> Any:
    """JSON text to data; anything that is not JSON a program can hold (malformed, nested past
    Python's recursion limit, an integer of thousands of digits) is one ``InputError``."""
    try:
        return json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputError(name, f"is not valid JSON (line {error.lineno}: {error.msg})") from None
    except (ValueError, RecursionError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else str(error).split(";")[0]
        raise InputError(name, f"is not usable JSON ({reason})") from None
