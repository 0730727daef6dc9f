"""Days known by name: holidays on a fixed date, on a weekday of a month ('the fourth Thursday
of November'), or counted from Easter (dateutil computes it). Named without a year, the day is
the latest one to have come (in the future tense, the next one); 'last' and 'next' say which."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateutil.easter import easter

from .timex import Rule, months_after, week_of


def _nth_weekday(month: int, weekday: int, n: int) -> Callable[[int], date]:
    """The n-th (or, with -1, the last) given weekday of a month."""

    def day(year: int) -> date:
        if n > 0:
            first = date(year, month, 1)
            return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
        last = months_after(date(year, month, 1), 1) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)

    return day


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _after(rule: Callable[[int], date], days: int) -> Callable[[int], date]:
    return lambda year: rule(year) + timedelta(days=days)


def _from_easter(days: int) -> Callable[[int], date]:
    return lambda year: easter(year) + timedelta(days=days)


HOLIDAYS: dict[str, Callable[[int], date]] = {
    r"new year's day|new year": _fixed(1, 1),
    r"new year's eve": _fixed(12, 31),
    r"valentine's day": _fixed(2, 14),
    r"st\.? patrick's day|saint patrick's day": _fixed(3, 17),
    r"independence day|the fourth of july|july fourth": _fixed(7, 4),
    r"bastille day": _fixed(7, 14),
    r"halloween": _fixed(10, 31),
    r"armistice day|veterans day|veterans' day|remembrance day": _fixed(11, 11),
    r"christmas eve": _fixed(12, 24),
    r"christmas day|christmas": _fixed(12, 25),
    r"boxing day": _fixed(12, 26),
    r"martin luther king(?:,? jr\.?)? day": _nth_weekday(1, 0, 3),
    r"presidents' day|presidents day|washington's birthday": _nth_weekday(2, 0, 3),
    r"memorial day": _nth_weekday(5, 0, -1),
    r"labou?r day": _nth_weekday(9, 0, 1),
    r"columbus day": _nth_weekday(10, 0, 2),
    r"thanksgiving(?: day)?": _nth_weekday(11, 3, 4),
    # the United States' federal elections: the Tuesday after the first Monday of November
    r"election day": _after(_nth_weekday(11, 0, 1), 1),
    r"good friday": _from_easter(-2),
    r"easter sunday|easter day|easter": _from_easter(0),
    r"easter monday": _from_easter(1),
}
_NAMES = "|".join(sorted(HOLIDAYS, key=len, reverse=True))


def name_end(text: str) -> int:
    """Where the last holiday name in ``text`` ends (0 if none): its own apostrophe ('New Year's
    Eve', 'Presidents' Day') is no possessive to cut."""
    return max((m.end() for name in HOLIDAYS for m in re.finditer(rf"\b(?:{name})\b", text)), default=0)


def holiday(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    match = re.fullmatch(
        rf"(?:(last|next|this|this year's|last year's|next year's)\s+)?({_NAMES})(?:,?\s+(\d{{4}}))?(\s+week)?",
        text,
    )
    if not match:
        return None
    which, name, year, week = match.groups()
    # 'Easter week', 'Christmas week': the week the day is in, come once the week has begun
    found = _day(
        _rule_named(name), which, year, ref + timedelta(days=6 - ref.weekday()) if week else ref, future
    )
    if week:
        return week_of(found), "week"
    return found.isoformat(), "day"


def months_to_holiday(text: str, ref: date) -> int | None:
    """In how many months the coming day of a holiday named alone falls (1 to 12), or None when
    the expression is not one: what its direction is read from. Part of a month counts as one, so
    a holiday later this month is ahead (1), where a month named in its own month is not
    (``tense.months_ahead`` gives 0): the day has not come, the month has."""
    match = re.fullmatch(rf"(?:in|on|by|until|through|to)?\s*({_NAMES})(?:\s+week)?", text)
    if not match:
        return None
    day_of = _rule_named(match.group(1))
    this_year = day_of(ref.year)
    coming = this_year if this_year > ref else day_of(ref.year + 1)
    return -(-(coming - ref).days // 31)  # part of a month counts as one


def _rule_named(name: str) -> Callable[[int], date]:
    return next(rule for pattern, rule in HOLIDAYS.items() if re.fullmatch(pattern, name))


def _day(day_of: Callable[[int], date], which: str | None, year: str | None, ref: date, future: bool) -> date:
    if year:
        return day_of(int(year))
    if which in ("this", "this year's"):
        return day_of(ref.year)
    if which == "last year's":
        return day_of(ref.year - 1)
    if which == "next year's":
        return day_of(ref.year + 1)
    this_year = day_of(ref.year)
    if which == "next" or (which is None and future):
        return this_year if this_year > ref else day_of(ref.year + 1)
    return this_year if this_year < ref or (this_year == ref and which is None) else day_of(ref.year - 1)
