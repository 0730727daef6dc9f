"""Dates: normalising expressions as written to TIMEX3 values (rules), the value grammar shared
with ``check`` and the evaluation (timex), and which date a source is read from (anchoring)."""

from .anchoring import Anchor, anchor
from .rules import DateValue, Precision, normalise
from .timex import CALENDAR_KINDS, is_value, sort_key, start_of, value_kind

__all__ = [
    "CALENDAR_KINDS",
    "Anchor",
    "DateValue",
    "Precision",
    "anchor",
    "is_value",
    "normalise",
    "sort_key",
    "start_of",
    "value_kind",
]
