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

from . import calendar, named_days, periods, relative
from .calendar import MONTH
from .tense import NEAR_MONTHS, looks_ahead, months_ahead, tense
from .timex import CALENDAR_KINDS, Precision, Rule, start_of, value_kind, week_of
from .words import APPROXIMATELY, MODIFIERS, NUMBER_WORDS, TIME_ZONES
from .written import spoken_years


@dataclass(frozen=True)
class DateValue:
    value: str
    precision: Precision
    expression: str

    def __str__(self) -> str:
        return self.value


def normalise(
    expression: str, reference: date, sentence: str | None = None, previous: str | None = None
) -> DateValue | None:
    """The value of a date expression, or None when it names no date this code understands.
    ``previous`` is the value of the date the text mentioned last before it: what 'the quarter',
    'that year' or 'the same day' refer back to."""
    text = spoken_years(" ".join(expression.lower().replace("’", "'").split()), reference)
    told, ahead = tense(sentence, expression), months_ahead(text, reference)
    future = looks_ahead(text, expression, sentence, reference, told, ahead)
    text = _year_said_after(text, sentence)
    # 'Friday (Sep 29)': the explicit date in parentheses says more than the weekday
    inner = re.search(r"\(([^)]*)\)", text)
    if inner and (value := _value(inner.group(1), reference, future, previous)) is not None:
        return DateValue(value[0], value[1], expression)
    text = re.sub(r"\([^)]*\)", " ", text)
    at = sentence.lower().find(expression.lower()) if sentence else -1
    if sentence and at >= 0:  # what the words around it say the expression refers to
        previous = periods.span_spoken_of(sentence[:at], previous, reference) if at else previous
        previous = _period_ending(text, sentence[at + len(expression) :], reference, previous)
        text = _day_of_a_pair(text, sentence[:at])
        text = _span_completed(text, sentence[:at], sentence[at + len(expression) :], told)
    found = _value(text, reference, future, previous)
    # a date without its year that has not yet come, in a period that has ended ('the year ended
    # March 31') or in a clause in the past tense ('was last seen Nov. 3'): the one a year before
    ended = bool(
        sentence
        and re.search(
            rf"\b(?:year|quarter|period|half|months|weeks)\s+ended\s+{re.escape(expression)}", sentence, re.I
        )
    )
    looks_back = ended or (told == "past" and ahead is not None and ahead > NEAR_MONTHS and not future)
    if found and looks_back and found[1] in ("day", "month") and not re.search(r"\d{4}", text):
        begins = start_of(found[0])
        if begins is not None and begins > reference:
            found = (f"{int(found[0][:4]) - 1}{found[0][4:]}", found[1])
    return DateValue(found[0], found[1], expression) if found else None


def _year_said_after(text: str, sentence: str | None) -> str:
    """'February' in 'in February this year': the year said outside the expression."""
    if not sentence or not re.fullmatch(MONTH, text):
        return text
    at = sentence.lower().find(text)
    year = (
        re.match(r"\s*,?\s*((?:this|last|next) year)\b", sentence[at + len(text) :].lower())
        if at >= 0
        else None
    )
    return f"{text} {year.group(1)}" if year else text


def _period_ending(text: str, after: str, reference: date, previous: str | None) -> str | None:
    """'the quarter ended July 31': the quarter that day ends, which the expression refers to in
    place of the one spoken of before."""
    if not re.fullmatch(r"(?:the|that|this|the latest|the fiscal)\s+(?:quarter|three months)", text):
        return previous
    ended = re.match(rf"\s*,?\s*(?:ended|ending)\s+({MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)", after, re.I)
    day = normalise(ended.group(1), reference, f"the quarter ended {ended.group(1)}") if ended else None
    return (
        periods.quarter_ending(date.fromisoformat(day.value)) if day and day.precision == "day" else previous
    )


def _day_of_a_pair(text: str, before: str) -> str:
    """'25' in 'April 24 and 25': a day number alone takes the month of the day it is paired with."""
    if not re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", text):
        return text
    pair = re.search(rf"{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\s*(?:and|or|to|through|-)\s*$", before, re.I)
    return f"{pair['month'].lower()} {text}" if pair else text


_PERIOD_WORDS = (
    "first|second|third|fourth|last|quarter|half|period|end|beginning|start|middle|week|weekend|month|"
    "year|day|night|morning|afternoon|evening|season|spring|summer|fall|autumn|winter"
)


_SPAN = rf"(?:\d+|{NUMBER_WORDS}) (?:day|week|month|year)s?"
_ORDINAL_DAY = (
    r"(?:the )?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)) day"
)


def _span_completed(text: str, before: str, after: str, told: str | None) -> str:
    """A length of time the words around make a date: 'a year' in 'a year earlier', 'five years'
    in 'redeemed in five years', 'the eighth day' in 'today is the eighth day of the operation'."""
    if re.fullmatch(_SPAN, text):
        following = re.match(
            r"\s*(ago|earlier|later|before|after|from now|hence)\b(?!\s+(?:the|his|her|its|their|a)\b)",
            after,
            re.I,
        )
        if following:
            return f"{text} {following.group(1).lower()}"
        if told != "past" and re.search(r"\b(?:in|within)\s+$", before, re.I):
            return f"{text} from now"  # 'will be redeemed in five years'
    if re.fullmatch(_ORDINAL_DAY, text) and re.search(r"\b(?:is|it's|it is)\s+(?:the\s+)?$", before, re.I):
        return "today"  # 'today is the eighth day of the operation'
    return text


def _value(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    text = re.sub(
        r"^(?:on|in|at|by|since|from|until|till|during|over|of|for|about|around|as of|starting|through|before|after)\s+",
        "",
        text.strip(),
    )
    text = re.sub(r"[,.;:]+$", "", text).strip()
    # "Friday's close", "last year's results": the date the thing belongs to
    # (unless what follows is a period of it: "this year's third quarter", "year's end")
    # (a holiday's own apostrophe is none: "New Year's Eve", "Presidents' Day")
    holiday_end = named_days.name_end(text)
    text = text[:holiday_end] + re.sub(
        rf"'s?(?:\s+(?!(?:{_PERIOD_WORDS})\b)[a-z-]+){{0,3}}$", "", text[holiday_end:]
    )
    text = re.sub(r"^(?:so far )?(this year)(?: so far)?$|^(?:the )?year[- ]to[- ]date$", "this year", text)
    text = re.sub(r"^(?:earlier|later) in the (week|month|year)$", r"this \1", text)
    # a hedge at the end says how sure, not when: 'the next year or so', '1994 or later'
    text = re.sub(
        r"\s+(?:or so|or later|or earlier|or thereabouts|and beyond|at the latest|at the earliest)$", "", text
    )
    text = re.sub(r"\s+or so(?= ago$)", "", text)  # 'a week or so ago'
    # a time zone says where the clock was, not the day: 'Tuesday evening local time'
    text = re.sub(rf"\s+(?:{TIME_ZONES})$", "", text)
    # 'the early hours of Tuesday': that day (no part of it TIMEX3 names)
    text = re.sub(r"^(?:the\s+)?(?:early|small|wee)\s+hours\s+of\s+", "", text)
    # a time of day says more than a date's value holds: 'noon Friday', '3 p.m. ET Tuesday'
    text = re.sub(
        rf"(?:^|\s)(?:at\s+)?(?:noon|midnight|\d{{1,2}}(?::\d\d)?\s*[ap]\.?m\.?)(?:\s+(?:{TIME_ZONES}))?(?:\s+(?:on\s+)?|$)",
        " ",
        text,
    ).strip()
    # 'the second half of next year': the year counted from the reference
    text = re.sub(
        r"\b(quarter|half|quarters)\s+of\s+(this|last|next)\s+year$",
        lambda m: f"{m[1]} of {ref.year + {'this': 0, 'last': -1, 'next': 1}[m[2]]}",
        text,
    )
    text = re.sub(r"^(?:the|this past|the past)\s+(?=\d)", "", text)
    text = re.sub(
        rf"^(?:{APPROXIMATELY})\s+(?=\S+ (?:and a half )?(?:day|week|month|year|decade)s? (?:and a half )?(?:ago|earlier|later))",
        "",
        text,
    )
    # 'the day before last Tuesday's hearing': counted from the day named
    next_to = re.fullmatch(r"(?:the )?day (before|after) (.+)", text)
    day = _value(next_to.group(2), ref, future, previous) if next_to else None
    if next_to and day is not None and day[1] == "day":
        shift = timedelta(days=-1 if next_to.group(1) == "before" else 1)
        return (date.fromisoformat(day[0][:10]) + shift).isoformat(), "day"
    # 'the week of March 6', 'the week ended Friday': the week that day is in
    week_around = re.fullmatch(
        r"(?:the )?week (?:of|starting|beginning|ending|ended|to)(?: on)? (.+)",
        text,
    )
    day = _value(week_around.group(1), ref, future, previous) if week_around else None
    if day is not None and day[1] == "day":
        return week_of(date.fromisoformat(day[0][:10])), "week"
    for rule in RULES:
        found = rule(text, ref, future, previous)
        if found is not None:
            return found
    # 'Saturday and Sunday', 'between 2019 and 2021', 'Monday through Wednesday': two dates of
    # one kind, read as the first, where the events they date began
    pair = re.fullmatch(r"(?:between )?(.+?) (?:and|to|through|until|thru|into) (.+)", text)
    if pair:
        first, second = (_value(part, ref, future, previous) for part in pair.groups())
        if first is not None and second is not None and first[1] == second[1]:
            return first
    # 'early next year', 'late yesterday', 'the end of this week': the period the modifier is in
    modified = re.fullmatch(rf"(?:{MODIFIERS})[- ]\s*(.+)", text)
    if modified:
        return _value(modified.group(1), ref, future, previous)
    # 'the 2024 budget', 'the 2008 financial crisis': what a year names is of that year
    of_year = re.fullmatch(r"(?:the\s+)?((?:1[6-9]|20)\d\d)(?:[- ][a-z][a-z'-]*){1,3}", text)
    return (of_year.group(1), "year") if of_year else None


RULES = [
    calendar.absolute,
    periods.named_quarter,
    periods.half,
    periods.fiscal_year,
    periods.year_ago,
    periods.period_again,
    periods.year_again,
    named_days.holiday,
    calendar.month_year,
    calendar.quarter,
    calendar.month_day,
    calendar.day_of_month,
    relative.relative_month,
    relative.weekday_again,
    relative.month_again,
    relative.week_again,
    relative.week_of_month,
    calendar.season,
    calendar.decade,
    calendar.year,
    relative.relative_day,
    relative.weekday,
    relative.week,
    relative.day_again,
    relative.against_plan,
    relative.relative_span,
    relative.reference,
]


def why_undated(expression: str) -> str:
    """Why an expression has no value, for the record beside it: the reader then knows whether
    the text gives no date or these rules do not read it."""
    text = " ".join(expression.lower().split())
    if re.fullmatch(
        r"(?:the|that|this)\s+(?:same\s+)?(?:day|night|morning|week|month|quarter|period|year|time)|then|at the time",
        text,
    ):
        return "refers back to a date the text does not give"
    if re.fullmatch(
        r"(?:for\s+|over\s+|in\s+|within\s+)?(?:the\s+)?(?:\w+\s+)?(?:days|weeks|months|years|decades)(?:\s+\w+)?",
        text,
    ):
        return "a length of time, not a date"
    return "not an expression these rules read"


class ArticleDates:
    """Reads one article's date expressions in the order it gives them, each against the last
    calendar date read before it ('the next day', 'the quarter', 'that year')."""

    def __init__(self, reference: date) -> None:
        self.reference = reference
        self.previous: str | None = None

    def read(self, expression: str, sentence: str | None = None) -> DateValue | None:
        found = normalise(expression, self.reference, sentence, self.previous)
        if found and value_kind(found.value) in CALENDAR_KINDS:
            self.previous = found.value
        return found
