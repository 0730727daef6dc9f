"""The TIMEX3 value grammar, in one home: which values are well formed, what kind of period each
names, where that period starts, and the timeline order. The normaliser produces these values,
``check`` validates them and the evaluation classifies gold values with the same patterns."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

Precision = Literal[
    "day", "week", "weekend", "month", "quarter", "half", "season", "year", "decade", "reference"
]
# What a rule gives: a value and its precision, or None when the expression is not its kind.
Rule = tuple[str, Precision] | None
CALENDAR_KINDS = ("day", "week", "month", "quarter", "half", "season", "year", "decade")
SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
KIND_PATTERNS = {
    "day": re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(?:MO|AF|EV|NI))?"),
    "week": re.compile(r"(\d{4})-W(\d{2})(-WE)?"),
    "month": re.compile(r"(\d{4})-(\d{2})"),
    "quarter": re.compile(r"(\d{4})-Q([1-4])"),
    "half": re.compile(r"(\d{4})-H([12])"),
    "season": re.compile(r"(\d{4})-(SP|SU|FA|WI)"),
    "year": re.compile(r"(\d{4})"),
    "decade": re.compile(r"(\d{3})"),
    "reference": re.compile(r"(PAST|PRESENT|FUTURE)_REF"),
}


def week_of(day: date) -> str:
    """The value of the ISO week a day is in: '2024-W05'."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def value_kind(value: str) -> str:
    """'day', 'week', ... 'decade', 'reference', or 'other' for what this grammar does not know."""
    return next((kind for kind, pattern in KIND_PATTERNS.items() if pattern.fullmatch(value)), "other")


def is_value(value: str) -> bool:
    """Whether ``value`` is a well-formed value of this grammar, on the calendar ('2023-02-30',
    '2023-13' and '2023-W53' are not: 2023 has 52 weeks)."""
    if value_kind(value) == "other":
        return False
    try:
        span_of(value)
    except ValueError:
        return False
    return True


def start_of(value: str | None) -> date | None:
    """The first day of the period a value names; None for references and unknowns."""
    if not value:
        return None
    kind = value_kind(value)
    match = KIND_PATTERNS[kind].fullmatch(value) if kind != "other" else None
    if match is None or kind == "reference":
        return None
    parts = match.groups()
    year = int(parts[0])
    if kind == "day":
        return date(year, int(parts[1]), int(parts[2]))
    if kind == "week":
        return date.fromisocalendar(year, int(parts[1]), 6 if parts[2] else 1)
    if kind == "month":
        return date(year, int(parts[1]), 1)
    if kind == "quarter":
        return date(year, 3 * int(parts[1]) - 2, 1)
    if kind == "half":
        return date(year, 6 * int(parts[1]) - 5, 1)
    if kind == "season":
        return date(year, SEASON_MONTHS[parts[1]], 1)
    if kind == "decade":
        return date(year * 10, 1, 1)
    return date(year, 1, 1)


def months_after(day: date, months: int) -> date:
    """The first day of the month ``months`` after ``day``'s (before it, when negative)."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def span_of(value: str | None) -> tuple[date, date] | None:
    """The first and the last day of the period a value names; None for references and unknowns."""
    start = start_of(value)
    if start is None or value is None:
        return None
    kind = value_kind(value)
    if kind == "day":
        return start, start
    if kind == "week":
        return start, start + timedelta(days=1 if value.endswith("-WE") else 6)
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120}[kind]
    return start, months_after(start, months) - timedelta(days=1)


def sort_key(value: str | None) -> tuple[int, date, int]:
    """Timeline order: by the start of the period, wider periods first; undated last."""
    start = start_of(value)
    if start is None:
        return (1, date.max, 0)
    return (0, start, len(value or ""))
