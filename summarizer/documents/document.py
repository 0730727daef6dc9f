"""The ``Document``: one article's text, exactly as sentence offsets index it, and its metadata."""

from __future__ import annotations

import hashlib
import re
import warnings
from dataclasses import dataclass, field
from datetime import date

from ..lazy import deferred
from ..vocabulary import Metadata

dateparser = deferred("dateutil.parser")  # loaded with the first date line read

_WEEKDAY = re.compile(r"\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b\.?", re.IGNORECASE)
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
# All-numeric dates are read only year first (ISO 8601 and its slash and dot variants).
_YEAR_FIRST = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:$|[T\s])")


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
    # A date the article gives that no reader can settle ('03-02-2009'): loading refuses the
    # article for it unless a date is given (--published), whatever the format.
    ambiguous_date: str | None = None
    # The metadata (of ``METADATA``) its reader read from the text, whatever it found there, not
    # given by the user: ``check`` reads the article again and vouches for these.
    read: tuple[Metadata, ...] = ()

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


DATE_FORMS = "a date written 2009-03-02 or 2 March 2009"


def is_ambiguous_date(value: str) -> bool:
    """An all-numeric date that is not year first ('03-02-2009', '3/2/09'): 3 February or March 2?"""
    cleaned = re.sub(r"[,|]", " ", _WEEKDAY.sub(" ", value.strip())).strip()
    return bool(re.fullmatch(r"\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})(?:[T\s].*)?", cleaned))


def parse_date(value: str) -> date | None:
    """A calendar date from a date line or a metadata value ('6 December 2023, Wednesday',
    'Sep 30, 2023', '2023-09-30T10:00:00Z'); None unless the whole value is a dated day, and None
    for all-numeric dates that are not year first ('03-02-2009'), which no reader can settle."""
    cleaned = _WEEKDAY.sub(" ", value.strip().strip("|").strip())
    cleaned = re.sub(r"[,|]", " ", cleaned).strip()
    if not cleaned or not _YEAR.search(cleaned) or not re.search(r"\d", cleaned):
        return None
    if not re.search(r"[A-Za-z]{3}", cleaned) and not _YEAR_FIRST.match(cleaned):
        return None  # 03-02-2009: March 2 or 3 February? Only the writer knows.
    try:
        with warnings.catch_warnings():
            # '... 1998 EST': a time zone it cannot place says nothing of the date
            warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
            return dateparser.parse(cleaned, fuzzy=False).date()
    except (ValueError, OverflowError):
        return None
