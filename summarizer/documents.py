"""Loading articles: files of several formats or stdin in, one ``Document`` with its metadata out."""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from .errors import InputError

STDIN = "-"
# Larger than any article page; a bigger file is a mistake (a dump, a video), refused before reading.
MAX_BYTES = 5 * 1024 * 1024
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_WEEKDAY = re.compile(r"\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b\.?", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_SIGNATURE = re.compile(r"^\s*(?:[•·▪◦*]|--?|[–—]|source:|©)\s*(?P<outlet>\S.{0,40}?)\s*$", re.I)


@dataclass(frozen=True)
class Document:
    """One article: its text exactly as sentence offsets index it, and what is known about it."""

    name: str
    text: str
    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    # Character spans of lines read as metadata (date line, outlet signature): not sentences.
    metadata_spans: tuple[tuple[int, int], ...] = field(default=())

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def parse_date(value: str) -> date | None:
    """A calendar date from a date line or a metadata value ('6 December 2023, Wednesday',
    'Sep 30, 2023', '2023-09-30T10:00:00Z'); None unless the whole value is a dated day."""
    from dateutil import parser as dateparser

    cleaned = _WEEKDAY.sub(" ", value.strip().strip("|").strip())
    cleaned = re.sub(r"[,|]", " ", cleaned).strip()
    if not cleaned or not _YEAR.search(cleaned) or not re.search(r"\d", cleaned):
        return None
    try:
        return dateparser.parse(cleaned, fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


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
        _check_size(name, len(data))
    else:
        path = Path(source)
        if path.is_dir():
            raise InputError(name, "is a directory, not a file")
        try:
            _check_size(name, path.stat().st_size)
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError(name, "no such file") from None
        except OSError as exc:
            raise InputError(name, f"cannot be read ({exc.strerror or exc})") from None
        suffix = path.suffix.lower()

    raw = decode_bytes(data, name)
    if suffix == ".json":
        document = _from_json(raw, name)
    elif suffix in _HTML_SUFFIXES or (suffix == "" and _looks_like_html(raw)):
        document = _from_html(raw, name)
    else:
        document = _from_plain_text(raw, name)
    if not document.text.strip():
        raise InputError(name, "has no article text")
    return replace(
        document,
        title=title or document.title,
        outlet=outlet or document.outlet,
        published=published or document.published,
        url=url or document.url,
    )


def _check_size(name: str, size: int) -> None:
    if size > MAX_BYTES:
        raise InputError(
            name, f"is {size / 1024 / 1024:.1f} MB; articles over {MAX_BYTES // 1024 // 1024} MB are refused"
        )


def decode_bytes(data: bytes, name: str) -> str:
    """Bytes to text: BOMs first, then UTF-8, then charset detection; binary data is refused."""
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
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            from charset_normalizer import from_bytes

            matches = from_bytes(data)
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


def _is_binary(text: str) -> bool:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    return controls > max(2, len(text) // 100)


def _looks_like_html(raw: str) -> bool:
    head = raw.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def _from_plain_text(raw: str, name: str) -> Document:
    """Title, publication date and outlet are read from where they stand in the text: a date
    line among the first lines, the first other line as title, a signature line at the end."""
    text = raw.strip("\n")
    lines = _line_spans(text)
    title = published = outlet = None
    spans: list[tuple[int, int]] = []
    for start, end in lines[:6]:
        line = text[start:end].strip()
        if published is None and len(line) <= 60 and (day := parse_date(line)) is not None:
            published = day
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
    )


def _line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def _from_json(raw: str, name: str) -> Document:
    try:
        payload: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(name, f"is not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("text"), str):
        raise InputError(name, 'must be a JSON object with a "text" string')
    published = payload.get("published")
    day = parse_date(published) if isinstance(published, str) else None
    if published is not None and day is None:
        raise InputError(name, f'"published" is not a date: {published!r}')

    def text_field(key: str) -> str | None:
        value = payload.get(key)
        return value.strip() or None if isinstance(value, str) else None

    text = unicodedata.normalize("NFC", payload["text"].replace("\r\n", "\n")).strip("\n")
    return Document(
        name=name,
        text=text,
        title=text_field("title"),
        outlet=text_field("outlet"),
        published=day,
        url=text_field("url"),
    )


_BLOCK_TAGS = (
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "nav",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "blockquote",
    "pre",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dt",
    "dd",
    "title",
)


def _from_html(raw: str, name: str) -> Document:
    """Visible text only; block elements become lines so that sentences never run across them."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(raw, "html.parser")

    def meta(*keys: str) -> str | None:
        for key in keys:
            tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key})
            content = tag.get("content") if tag else None
            if isinstance(content, str) and content.strip():
                return content.strip()
        return None

    title = meta("og:title") or (soup.title.get_text(strip=True) if soup.title else None) or None
    outlet = meta("og:site_name", "publisher")
    url = meta("og:url")
    published_raw = meta("article:published_time", "date", "pubdate")
    if published_raw is None and (time_tag := soup.find("time")) is not None:
        value = time_tag.get("datetime")
        published_raw = value if isinstance(value, str) else None
    published = parse_date(published_raw) if published_raw else None

    for tag in soup(["script", "style", "noscript", "template", "svg", "head", "iframe"]):
        tag.decompose()
    for tag in soup.find_all(hidden=True):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (" ".join(line.split()) for line in soup.get_text().split("\n"))
    text = "\n".join(line for line in lines if line)
    return Document(name=name, text=text, title=title, outlet=outlet, published=published, url=url)
