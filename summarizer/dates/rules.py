"""Date normalisation: plain code, no model.

A date expression as written ('Friday (Sep 29)', 'last weekend', 'October 1') and a reference
date (when the article was written) in; a TIMEX3-style value with its precision out:
'2023-09-29' day, '2023-W38-WE' weekend, '2023-10' month, '2006-Q4' quarter, '2008-FA' season,
'2008' year, '197' decade, or PAST_REF / PRESENT_REF / FUTURE_REF. The sentence, when given,
decides the tense: 'Monday' is the last Monday in 'met on Monday', the next in 'will meet on Monday'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from .words import (
    FUTURE_TENSE,
    FUTURE_WORDS,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PARTS_OF_DAY,
    PAST_WORDS,
    PRESENT_WORDS,
    SEASONS,
    WEEKDAYS,
)

Precision = Literal["day", "week", "weekend", "month", "quarter", "season", "year", "decade", "reference"]

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"


@dataclass(frozen=True)
class DateValue:
    value: str
    precision: Precision
    expression: str

    def __str__(self) -> str:
        return self.value


def is_future(sentence: str | None, expression: str = "") -> bool:
    """Whether the clause around the expression speaks of what is still to come (news is in the
    past by default): a future marker among the eight words before it, or in the expression."""
    if FUTURE_TENSE.search(expression):
        return True
    if not sentence:
        return False
    at = sentence.lower().find(expression.lower()) if expression else -1
    before = sentence[:at] if at >= 0 else sentence
    clause = re.split(r"[;:,]|\bthat\b|\bbut\b", before)[-1]
    return bool(FUTURE_TENSE.search(" ".join(clause.split()[-8:])))


def normalise(expression: str, reference: date, sentence: str | None = None) -> DateValue | None:
    """The value of a date expression, or None when it names no date this code understands."""
    text = " ".join(expression.lower().replace("’", "'").split())
    future = is_future(sentence, expression)
    # 'Friday (Sep 29)': the explicit date in parentheses says more than the weekday
    inner = re.search(r"\(([^)]*)\)", text)
    if inner and (value := _value(inner.group(1), reference, future)) is not None:
        return DateValue(value[0], value[1], expression)
    text = re.sub(r"\([^)]*\)", " ", text)
    found = _value(text, reference, future)
    return DateValue(found[0], found[1], expression) if found else None


def _value(text: str, ref: date, future: bool) -> tuple[str, Precision] | None:
    text = re.sub(
        r"^(?:on|in|at|by|since|from|until|till|during|of|for|about|around|as of|starting)\s+",
        "",
        text.strip(),
    )
    text = re.sub(r"[,.;:]+$", "", text).strip()
    text = re.sub(r"^(?:the|this past|the past)\s+(?=\d)", "", text)
    for rule in _RULES:
        found = rule(text, ref, future)
        if found is not None:
            return found
    return None


def _absolute(text: str, ref: date, future: bool) -> tuple[str, Precision] | None:
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", text)
    if match:  # numeric dates are read month first, as in US news, unless that cannot be
        first, second, year = (int(g) for g in match.groups())
        month, day = (first, second) if first <= 12 else (second, first)
        year += 2000 if year < 100 and year + 2000 <= ref.year + 1 else 1900 if year < 100 else 0
        try:
            return date(year, month, day).isoformat(), "day"
        except ValueError:
            return None
    patterns = [
        r"(?P<year>\d{4})-(?P<monthnum>\d{2})-(?P<day>\d{2})",
        rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",
        rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
    ]
    for pattern in patterns:
        match = re.search(pattern, text)
        if match:
            month = int(match["monthnum"]) if "monthnum" in match.groupdict() else MONTHS[match["month"]]
            try:
                return date(int(match["year"]), month, int(match["day"])).isoformat(), "day"
            except ValueError:
                return None
    return None


def _month_day(text: str, ref: date, future: bool) -> tuple[str, Precision] | None:
    match = re.search(rf"(?:^|\b){_MONTH}\s+{_DAY}\b(?!\s*,?\s*\d{{4}})", text) or re.search(
        rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?!\s*,?\s*\d{{4}})", text
    )
    if not match:
        return None
    month, day = MONTHS[match["month"]], int(match["day"])
    candidates = []
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - ref).days)).isoformat(), "day"


def _month_year(text: str, ref: date, future: bool) -> tuple[str, Precision] | None:
    match = re.search(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", text)
    if match:
        return f"{match['year']}-{MONTHS[match['month']]:02d}", "month"
    match = re.fullmatch(
        rf"(?:early|mid|late|the end of|the beginning of|the start of)?\s*-?\s*{_MONTH}", text
    )
    if match:
        month = MONTHS[match["month"]]
        return f"{_year_for(month, ref.month, ref.year, future)}-{month:02d}", "month"
    return None


def _quarter(text: str, ref: date, future: bool) -> tuple[str, Precision] | None:
    match = re.search(
        r"\b(?:q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th|last|final) (?:fiscal |financial )?quarter)\b(?:\s+(?:of\s+)?(\d{4}))?",
        text,
    )
    if not match:
        return None
    current = (ref.month - 1) // 3 + 1
    if match.group(1):
        number = int(match.group(1))
    else:
        word = match.group(2)
        number = ORDINALS.get(word, 4)
        if word in ("last", "final") and not match.group(3) and "year" not in text:
            # 'the last quarter': the one before the current quarter
            year, number = (ref.year, current - 1) if current > 1 else (ref.year - 1, 4)
            return f"{year}-Q{number}", "quarter"
    year = int(match.group(3)) if match.group(3) else _year_for(number, current, ref.year, future)
    return f"{year}-Q{number}", "quarter"


def _year_for(part: int, current: int, year: int, future: bool) -> int:
    """The year of a month or quarter named without one: the coming one in the future tense,
    else the latest one up to now."""
    if future:
        return year if part >= current else year + 1
    return year if part <= current else year - 1


def _season(text: str, ref: date, future: bool) -> tuple[str, Precision] | None:
    match = re.search(
        r"\b(?:(this|last|next|past|coming)\s+)?(spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(\d{4}))?",
        text,
    )
    if not match:
        return None
    code = SEASONS[match.group(2)]
    if match.group(3):
        return f"{match.group(3)}-{code}", "season"
    relative = match.group(1)
    order = ["WI", "SP", "SU", "FA"]
    current = order[(ref.month % 12) // 3]
    year = ref.year
    if relative in ("last", "past"):
        year -= 1 if order.index(code) >= order.index(current) else 0
    elif relative in ("next", "coming") or (relative is None and future):
        year += 1 if order.index(code) <= order.index(current) else 0
    elif relative is None and order.index(code) > order.index(current):
        year -= 1
    return f"{year}-{code}", "season"


def _year(text: str, ref: date, future: bool) -> tuple[str, Precision] | None:
    match = re.fullmatch(
        r"(?:(?:early|mid|late|the end of|the beginning of|the start of|the first half of|the second half of)\s*-?\s*)?(?:the year\s+)?(?:fy\s*)?(\d{4})",
        text,
    )
    if match and 1000 <= int(match.group(1)) <= 2999:
        return match.group(1), "year"
    return None


def _decade(text: str, ref: date, future: bool) -> tuple[str, Precision] | None:
    match = re.search(r"\b(\d{3})0s\b", text)
    if match:
        return match.group(1), "decade"
    match = re.search(r"\b'?(\d)0s\b", text)
    if match:
        return f"19{match.group(1)}", "decade"
    decade = ref.year // 10
    if re.search(r"\b(?:this|the current) decade\b", text):
        return str(decade), "decade"
    if re.search(r"\b(?:last|past|previous) decade\b", text):
        return str(decade - 1), "decade"
    if re.search(r"\bnext decade\b", text):
        return str(decade + 1), "decade"
    return None


def _relative_day(text: str, ref: date, future: bool) -> tuple[str, Precision] | None:
    shifts = {
        "today": 0,
        "tonight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    for word, shift in sorted(shifts.items(), key=lambda kv: -len(kv[0])):
        if re.fullmatch(rf"{word}(?:'s)?(?: (morning|afternoon|evening|night))?", text):
            part = re.search(r"(morning|afternoon|evening|night)$", text)
            suffix = "T" + PARTS_OF_DAY[part.group(1)] if part else ("TNI" if word == "tonight" else "")
            return (ref + timedelta(days=shift)).isoformat() + suffix, "day"
    match = re.fullmatch(r"(?:this|earlier this|later this) (morning|afternoon|evening)", text)
    if match:
        return ref.isoformat() + "T" + PARTS_OF_DAY[match.group(1)], "day"
    return None


def _weekday(text: str, ref: date, future: bool) -> tuple[str, Precision] | None:
    match = re.fullmatch(
        rf"(?:(last|next|this|this past|this coming|coming|past)\s+)?{_WEEKDAY}(?:\s+(morning|afternoon|evening|night))?",
        text,
    )
    if not match:
        return None
    target = WEEKDAYS[match["weekday"]]
    modifier = match.group(1)
    forward = modifier in ("next", "this coming", "coming") or (modifier in (None, "this") and future)
    if forward:
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


def _week(text: str, ref: date, future: bool) -> tuple[str, Precision] | None:
    match = re.fullmatch(
        r"(?:over |during )?(?:the )?(this|last|next|past|coming|previous) (week|weekend)", text
    )
    if not match:
        return None
    relative, unit = match.groups()
    if unit == "week":
        shift = {"last": -7, "past": -7, "previous": -7, "next": 7, "coming": 7}.get(relative, 0)
        year, week, _ = (ref + timedelta(days=shift)).isocalendar()
        return f"{year}-W{week:02d}", "week"
    if relative in ("last", "past", "previous"):
        sunday = ref - timedelta(days=(ref.weekday() + 1) % 7 or 7)  # the last Sunday before today
    elif relative in ("next", "coming"):
        sunday = ref + timedelta(days=6 - ref.weekday() + 7 * (ref.weekday() >= 5))
    else:
        sunday = ref + timedelta(days=6 - ref.weekday())
    year, week, _ = sunday.isocalendar()
    return f"{year}-W{week:02d}-WE", "weekend"


def _relative_span(text: str, ref: date, future: bool) -> tuple[str, Precision] | None:
    match = re.fullmatch(
        r"(?:earlier |later |(?:the )?(?:beginning|start|end|middle) of )?(this|the|last|next|past|previous|coming) (month|year)",
        text,
    )
    if match:
        relative, unit = match.groups()
        shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(relative, 0)
        if unit == "year":
            return str(ref.year + shift), "year"
        month_index = ref.year * 12 + ref.month - 1 + shift
        return f"{month_index // 12}-{month_index % 12 + 1:02d}", "month"
    number = "|".join(sorted(NUMBERS, key=len, reverse=True))
    match = re.fullmatch(
        rf"(\d+|{number}) (day|week|month|year)s? (ago|earlier|before|later|from now|hence)", text
    )
    if match:
        amount = int(match.group(1)) if match.group(1).isdigit() else NUMBERS[match.group(1)]
        sign = 1 if match.group(3) in ("later", "from now", "hence") else -1
        unit = match.group(2)
        if unit == "day":
            return (ref + timedelta(days=sign * amount)).isoformat(), "day"
        if unit == "week":
            year, week, _ = (ref + timedelta(weeks=sign * amount)).isocalendar()
            return f"{year}-W{week:02d}", "week"
        if unit == "month":
            month_index = ref.year * 12 + ref.month - 1 + sign * amount
            return f"{month_index // 12}-{month_index % 12 + 1:02d}", "month"
        return str(ref.year + sign * amount), "year"
    return None


def _reference(text: str, ref: date, future: bool) -> tuple[str, Precision] | None:
    if re.fullmatch(rf"(?:{PRESENT_WORDS})", text):
        return "PRESENT_REF", "reference"
    if re.fullmatch(rf"(?:{PAST_WORDS})", text):
        return "PAST_REF", "reference"
    if re.fullmatch(rf"(?:{FUTURE_WORDS})", text):
        return "FUTURE_REF", "reference"
    return None


_RULES = [
    _absolute,
    _month_year,
    _quarter,
    _month_day,
    _season,
    _decade,
    _year,
    _relative_day,
    _weekday,
    _week,
    _relative_span,
    _reference,
]
