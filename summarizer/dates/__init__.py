"""Dates: normalising expressions as written to TIMEX3 values. ``rules`` reads an expression in
its sentence and tries the rules by kind: ``calendar`` (named on the calendar), ``periods``
(quarters, halves, fiscal years, periods referred back to), ``relative`` (counted from the
reference or the date said last), ``named_days`` (holidays); ``tense`` says whether a date
without its year lies ahead or behind, ``written`` reads numbers written in words, ``words``
holds the word lists. ``timex`` is the value grammar shared with ``check`` and the evaluation;
``anchoring`` says which date a source is read from; ``finding`` finds dates in running text."""

from .anchoring import Anchor, anchor
from .finding import Found, find_dates
from .periods import REPORTING_PERIODS
from .rules import ArticleDates, DateValue, normalise, why_undated
from .tense import is_future
from .timex import CALENDAR_KINDS, Precision, is_value, sort_key, span_of, start_of, value_kind, week_of
from .words import MONTHS

__all__ = [
    "ArticleDates",
    "CALENDAR_KINDS",
    "Anchor",
    "DateValue",
    "MONTHS",
    "Found",
    "Precision",
    "REPORTING_PERIODS",
    "anchor",
    "find_dates",
    "is_future",
    "is_value",
    "normalise",
    "sort_key",
    "span_of",
    "start_of",
    "value_kind",
    "week_of",
    "why_undated",
]
