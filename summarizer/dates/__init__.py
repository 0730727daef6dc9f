"""Dates: normalising expressions as written to TIMEX3 values (rules), the value grammar shared
with ``check`` and the evaluation (timex), and which date a source is read from (anchoring)."""

from .anchoring import Anchor, anchor
from .finding import Found, find_dates
from .rules import ArticleDates, DateValue, normalise, why_undated
from .tense import is_future
from .timex import CALENDAR_KINDS, Precision, is_value, sort_key, start_of, value_kind
from .words import MONTHS

__all__ = [
    "ArticleDates",
    "CALENDAR_KINDS",
    "Anchor",
    "DateValue",
    "MONTHS",
    "Found",
    "Precision",
    "anchor",
    "find_dates",
    "is_future",
    "is_value",
    "normalise",
    "sort_key",
    "start_of",
    "value_kind",
    "why_undated",
]
