"""Dates counted from the reference date (the article's) or from a date the text mentioned
before: 'yesterday', 'Friday', 'last week', 'three months ago', 'last November', 'the next day',
and the present, past and future references ('now', 'recently', 'soon')."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import cast

from .calendar import MONTH, year_for
from .periods import before_or_after, quarter_of
from .timex import Precision, Rule, months_after, start_of, value_kind, week_of
from .words import (
    FUTURE_WORDS,
    MONTHS,
    NUMBER_WORDS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    PAST_WORDS,
    PRESENT_WORDS,
    WEEKDAYS,
)

WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"


def relative_day(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    shifts = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
        "last night": -1,
    }
    for word, shift in sorted(shifts.items(), key=lambda kv: -len(kv[0])):
        if re.fullmatch(rf"{word}(?:'s)?(?: (morning|afternoon|evening|night))?", text):
            part = re.search(r"(morning|afternoon|evening|night)$", text)
            suffix = (
                "T" + PARTS_OF_DAY[part.group(1)]
                if part
                else ("TNI" if word in ("tonight", "last night") else "")
            )
            return (ref + timedelta(days=shift)).isoformat() + suffix, "day"
    match = re.fullmatch(r"(?:this|earlier this|later this) (morning|afternoon|evening)", text)
    if match:
        return ref.isoformat() + "T" + PARTS_OF_DAY[match.group(1)], "day"
    return None


def weekday(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    match = re.fullmatch(
        rf"(?:(last|next|this|this past|this coming|coming|past)\s+)?{WEEKDAY}(?:\s+(morning|afternoon|evening|night))?",
        text,
    )
    if not match:
        return None
    target = WEEKDAYS[match["weekday"]]
    modifier = match.group(1)
    forward = modifier in ("next", "this coming", "coming") or (modifier is None and future)
    if modifier == "this":  # the one of this week, gone or to come
        delta = target - ref.weekday()
    elif forward:
        delta = (target - ref.weekday()) % 7
        if modifier == "next" and delta == 0:
            delta = 7
    else:
        delta = -((ref.weekday() - target) % 7)
        if modifier == "last" and delta == 0:
            delta = -7
    part = match.group(3)
    suffix = "T" + PARTS_OF_DAY[part] if part else ""
    return (ref + timedelta(days=delta)).isoformat() + suffix, "day"


def month_shifted(year: int, month: int, shift: int) -> Rule:
    """The month ``shift`` months after (before, when negative) ``month`` of ``year``."""
    index = year * 12 + month - 1 + shift
    return f"{index // 12}-{index % 12 + 1:02d}", "month"


def weekday_again(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    """'the previous Friday', 'the following Monday': the weekday before or after the day just
    spoken of."""
    match = re.fullmatch(rf"the (previous|preceding|prior|following|next) {WEEKDAY}", text)
    if not match or previous is None or value_kind(previous) != "day":
        return None
    day, target = date.fromisoformat(previous[:10]), WEEKDAYS[match["weekday"]]
    if match.group(1) in ("following", "next"):
        return (day + timedelta(days=(target - day.weekday() - 1) % 7 + 1)).isoformat(), "day"
    return (day - timedelta(days=(day.weekday() - target - 1) % 7 + 1)).isoformat(), "day"


def month_again(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    """'the following month', 'the month before': the month after or before the one just
    spoken of (or the one of the day just spoken of)."""
    text = before_or_after(text)
    match = re.fullmatch(
        r"(the following|the next|the previous|the preceding|the prior|that|the same) month", text
    )
    if not match or previous is None or value_kind(previous) not in ("month", "day"):
        return None
    shift = {"the following": 1, "the next": 1, "that": 0, "the same": 0}.get(match.group(1), -1)
    return month_shifted(int(previous[:4]), int(previous[5:7]), shift)


def week_again(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    """'the following week', 'the week before', 'that week', 'for the week': counted from the day or
    week just spoken of."""
    text = before_or_after(text)
    match = re.fullmatch(
        r"(the following|the next|the previous|the preceding|the prior|that|the same|the) week", text
    )
    begins = start_of(previous) if previous and value_kind(previous) in ("day", "week") else None
    if not match or begins is None:
        return None
    shift = {"the following": 7, "the next": 7, "that": 0, "the same": 0, "the": 0}.get(match.group(1), -7)
    return week_of(begins + timedelta(days=shift)), "week"


def week_of_month(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    """'the first week of November', 'the last week of September': the week that holds the middle
    of those seven days."""
    match = re.fullmatch(rf"(?:the )?(first|second|third|fourth|last) week of {MONTH}(?:,? (\d{{4}}))?", text)
    if not match:
        return None
    month = MONTHS[match["month"]]
    year = int(match.group(3)) if match.group(3) else year_for(month, ref.month, ref.year, future)
    if match.group(1) == "last":
        middle = months_after(date(year, month, 1), 1) - timedelta(days=4)
    else:
        middle = date(year, month, 4 + 7 * ORDINALS[match.group(1)] - 7)
    return week_of(middle), "week"


def week(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    if text == "the weekend":  # the one just gone, or in the future tense the coming one
        text = "this weekend" if future else "last weekend"
    if re.fullmatch(r"(?:the )?(?:end|start|beginning|middle|rest) of the week", text):
        text = "this week"
    match = re.fullmatch(
        r"(?:over |during )?(?:the )?(this past|this coming|this|last|next|past|coming|previous) (week|weekend)",
        text,
    )
    if not match:
        return None
    relative, unit = match.groups()
    # back, this one or ahead, for a week and a weekend alike
    step = {
        "last": -1,
        "past": -1,
        "this past": -1,
        "previous": -1,
        "next": 1,
        "coming": 1,
        "this coming": 1,
    }.get(relative, 0)
    if unit == "week":
        return week_of(ref + timedelta(days=7 * step)), "week"
    if step < 0:
        sunday = ref - timedelta(days=(ref.weekday() + 1) % 7 or 7)  # the last Sunday before today
    elif step > 0:
        sunday = ref + timedelta(days=6 - ref.weekday() + 7 * (ref.weekday() >= 5))
    else:
        sunday = ref + timedelta(days=6 - ref.weekday())
    return f"{week_of(sunday)}-WE", "weekend"


def relative_span(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    match = re.fullmatch(
        r"(earlier |later |(?:the )?(?:beginning|start|end|middle) of )?(?:the (?=past ))?(this|the|last|next|past|previous|coming) (month|year)",
        text,
    )
    if match:
        side, relative, unit = match.groups()
        shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(relative, 0)
        if unit == "year" and shift == 0 and side in ("earlier ", "later "):
            return _part_of_year(ref, side == "later ")
        if unit == "year":
            return str(ref.year + shift), "year"
        return month_shifted(ref.year, ref.month, shift)
    match = re.fullmatch(
        rf"(\d+|{NUMBER_WORDS})( and a half)? (day|week|fortnight|month|year|decade|century|centurie)s?"
        r"( and a half)? (ago|earlier|before|later|after|from now|hence)",
        text,
    )
    if not match:
        return None
    amount = int(match.group(1)) if match.group(1).isdigit() else NUMBERS[match.group(1)]
    half, unit, direction = bool(match.group(2) or match.group(4)), match.group(3), match.group(5)
    if unit == "fortnight":
        unit, amount = "week", 2 * amount
    # 'a decade ago', 'a year and a half ago': counted in the unit below, as far as it is said
    if half and unit not in ("year", "decade"):
        return None  # 'a week and a half ago': a day this code would be guessing at
    if unit in ("decade", "century", "centurie"):
        unit, amount = "year", amount * (10 if unit == "decade" else 100) + (5 if half else 0)
    elif half:
        unit, amount = "month", amount * 12 + 6
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    # 'ago' and 'from now' count from when the article speaks; 'two days later' from the date
    # the text spoke of last ('was arrested on March 3; two days later ...')
    # ('a year earlier' is the year-ago comparison of business news: see periods.year_ago)
    base = ref
    if direction in ("earlier", "before", "later", "after") and previous and (unit, amount) != ("year", 1):
        base = start_of(previous) or ref
    if unit == "day":
        return (base + timedelta(days=sign * amount)).isoformat(), "day"
    if unit == "week":
        return week_of(base + timedelta(weeks=sign * amount)), "week"
    if unit == "month":
        return month_shifted(base.year, base.month, sign * amount)
    return str(base.year + sign * amount), "year"


def _part_of_year(ref: date, later: bool) -> Rule:
    """'later this year', 'earlier this year': the quarter or half that holds all of the rest of
    the year (or all of it so far), else the year."""
    quarter = quarter_of(ref)
    if quarter == (4 if later else 1):
        return f"{ref.year}-Q{quarter}", "quarter"
    if (ref.month >= 7) if later else (ref.month <= 6):
        return f"{ref.year}-H{2 if later else 1}", "half"
    return str(ref.year), "year"


def reference(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    if re.fullmatch(rf"(?:{PRESENT_WORDS})", text):
        return "PRESENT_REF", "reference"
    if re.fullmatch(rf"(?:{PAST_WORDS})", text):
        return "PAST_REF", "reference"
    if re.fullmatch(rf"(?:{FUTURE_WORDS})", text):
        return "FUTURE_REF", "reference"
    return None


def relative_month(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    """'last November', 'this September', 'next May': the month before, in or after this one;
    'June last year', 'January this year': that month of the year before, this or after."""
    of_year = re.fullmatch(rf"{MONTH}\s+(?:of\s+)?(last|this|next)\s+year", text)
    if of_year:
        shift = {"last": -1, "this": 0, "next": 1}[of_year.group(2)]
        return f"{ref.year + shift}-{MONTHS[of_year['month']]:02d}", "month"
    match = re.fullmatch(rf"(last|this|next|this coming|this past|past|coming)\s+{MONTH}", text)
    if not match:
        return None
    month, which = MONTHS[match["month"]], match.group(1)
    if which in ("last", "this past", "past"):
        year = ref.year if month < ref.month else ref.year - 1
    elif which in ("next", "this coming", "coming"):
        year = ref.year if month > ref.month else ref.year + 1
    else:
        year = ref.year
    return f"{year}-{month:02d}", "month"


def day_again(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    """'that day', 'the same day', 'the next day', 'the day before', 'the previous session':
    counted from the day just spoken of."""
    shifts = {
        "the day": 0,
        "that day": 0,
        "the same day": 0,
        "that same day": 0,
        "the next day": 1,
        "the following day": 1,
        "the next morning": 1,
        "the day after": 1,
        "the day before": -1,
        "the previous day": -1,
        "the night before": -1,
    }
    session = re.fullmatch(r"the (previous|prior|next|following) (?:session|trading day)", text)
    if (text not in shifts and not session) or previous is None or value_kind(previous) != "day":
        return None
    day = date.fromisoformat(previous[:10])
    if session:  # markets trade on weekdays: the session before a Monday's was a Friday's
        step = timedelta(days=-1 if session.group(1) in ("previous", "prior") else 1)
        day += step
        while day.weekday() >= 5:
            day += step
        return day.isoformat(), "day"
    return (day + timedelta(days=shifts[text])).isoformat(), "day"


def against_plan(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    """'three days later than planned', 'a week ahead of schedule': said beside a date, it tells
    how that date stands to a plan, and is that date ('arrives on November 11, three days later
    than originally planned')."""
    if previous is None or value_kind(previous) not in ("day", "week", "month"):
        return None
    if re.fullmatch(
        rf"(?:\d+|{NUMBER_WORDS}) (?:day|week|month)s? (?:(?:later|earlier|sooner) than|(?:ahead of|behind)) .+",
        text,
    ):
        return previous, cast(Precision, value_kind(previous))
    return None
