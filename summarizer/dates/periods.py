"""Periods of the year as business and news write them: quarters and halves ('third-quarter',
'Q3 2024', 'the first half'), fiscal years ('fiscal 1989', 'the current fiscal year'), and the
expressions that refer back to a period already named ('the quarter', 'the year-ago period',
'that year', 'the 1988 quarter'). ``previous`` is the value of the last date the text mentioned
before: what 'the quarter' means when it does not say."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import cast

from .timex import KIND_PATTERNS, Precision, Rule, start_of, value_kind
from .words import MONTHS, ORDINALS

ORDINAL_WORDS = "first|second|third|fourth|1st|2nd|3rd|4th"  # of a quarter: 'third-quarter', '3rd quarter'
_ORDINAL = rf"({ORDINAL_WORDS})"
_YEAR = r"(\d{4})"
# The period a financial figure covers, in every spelling news uses; a quarterly result and an
# annual one are different facts (the merge reads them: two figures of different periods never
# describe the same thing).
REPORTING_PERIODS = {
    "quarter": re.compile(rf"\b(?:quarterly|(?:{ORDINAL_WORDS})[- ]quarter|q[1-4])\b", re.I),
    "half": re.compile(r"\b(?:half[- ]year(?:ly)?|semi-?annual|(?:first|second)[- ]half|h[12])\b", re.I),
    "year": re.compile(r"\b(?:annual|annually|yearly|full[- ]year|fiscal[- ]year|year[- ]end)\b", re.I),
    "month": re.compile(r"\bmonthly\b", re.I),
}


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def previous_quarter(ref: date) -> tuple[int, int]:
    current = quarter_of(ref)
    return (ref.year, current - 1) if current > 1 else (ref.year - 1, 4)


def _parts(previous: str | None, kind: str) -> tuple[str, ...] | None:
    if previous is None or value_kind(previous) != kind:
        return None
    match = KIND_PATTERNS[kind].fullmatch(previous)
    return match.groups() if match else None


def _period_in(previous: str | None, year: int, kinds: tuple[str, ...]) -> Rule:
    """The period just spoken of (a quarter, half or month of those ``kinds``), in ``year``."""
    for kind in kinds:
        parts = _parts(previous, kind)
        if parts:
            suffix = {"quarter": f"Q{parts[1]}", "half": f"H{parts[1]}", "month": parts[1]}[kind]
            return f"{year}-{suffix}", cast(Precision, kind)
    return None


def named_quarter(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    """'third-quarter', 'the fiscal second quarter', 'Q3', 'the fourth quarter of 2023', 'the 1988
    second quarter': a quarter named without a year is the latest one of that number to have
    begun (in the future tense, the next)."""
    match = re.fullmatch(
        rf"(?:the\s+)?(?:{_YEAR}\s+)?(?:fiscal\s+|financial\s+)?(?:{_ORDINAL}[- ](?:fiscal[- ]|financial[- ])?quarter|q([1-4])|([1-4])q)"
        rf"(?:\s+(?:of\s+)?(?:fiscal\s+)?{_YEAR})?",
        text,
    )
    if not match:
        return None
    year_before, ordinal, short, short_after, year_after = match.groups()
    short = short or short_after  # 'Q3', '3Q'
    number = int(short) if short else ORDINALS[ordinal]
    year = year_before or year_after
    if year:
        return f"{year}-Q{number}", "quarter"
    current = quarter_of(ref)
    if future:  # results still to come may be the last quarter's: 'expects third-quarter profit'
        return f"{ref.year if number >= current - 1 else ref.year + 1}-Q{number}", "quarter"
    return f"{ref.year if number <= current else ref.year - 1}-Q{number}", "quarter"


def half(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    """'the first half', 'the second half of 2023', 'first-half', 'the first two quarters of
    2023': H1 and H2 of a year."""
    match = re.fullmatch(
        rf"(?:the\s+)?(first|second|last|latter)[- ](?:half|two\s+quarters)(?:\s+of)?(?:\s+(?:the|this|fiscal))?(?:\s+year)?(?:\s+{_YEAR})?",
        text,
    )
    short = re.fullmatch(rf"(?:h([12])|([12])h)(?:\s+{_YEAR})?", text)  # 'H1 2024', '2H'
    if short:
        number, named = int(short.group(1) or short.group(2)), short.group(3)
    elif match:
        number, named = (1 if match.group(1) == "first" else 2), match.group(2)  # 'the last half': H2
    else:
        return None
    if named:
        return f"{named}-H{number}", "half"
    year = ref.year
    if not future and number == 2 and ref.month <= 6:
        year -= 1  # the second half spoken of in the first: last year's
    return f"{year}-H{number}", "half"


def fiscal_year(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    """'fiscal 1989', 'the fiscal year 1990', 'FY2024'; 'the current fiscal year' and 'year-end'
    (the reference's year); 'the latest fiscal year', 'the full year' (the year of a period just
    spoken of, else the reference's)."""
    match = re.fullmatch(
        rf"(?:the\s+)?(?:fiscal|financial)(?:\s+year)?\s+{_YEAR}|fy\s?{_YEAR}|(?:the\s+)?{_YEAR}\s+(?:fiscal|financial)\s+year",
        text,
    )
    if match:
        return next(g for g in match.groups() if g), "year"
    if re.fullmatch(r"(?:the\s+)?(?:current|this)\s+(?:fiscal|financial)\s+year", text):
        return str(ref.year), "year"
    if re.fullmatch(
        r"(?:the\s+)?(?:latest|full|whole|entire)?\s*(?:fiscal|financial)\s+year|the full year", text
    ):
        # a year just reported on, not one that a plan or forecast looks to ('by 1992')
        recent = _year_of(previous) if previous and _recent(previous, ref) else None
        return (recent if recent and int(recent) <= ref.year else str(ref.year)), "year"
    if re.fullmatch(r"(?:the\s+)?(?:year-end|year end|year's end|end of the year)", text):
        return str(ref.year), "year"
    return None


def period_again(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    """'the quarter', 'the latest quarter', 'that period', 'the current quarter': the quarter (or
    month) just spoken of; without one, the quarter now under way ('current', 'this') or the last
    one completed."""
    match = re.fullmatch(
        r"(?:the|that|this|the latest|the latest fiscal|the current|the most recent|the recent|the same|"
        r"the just-ended|the fiscal)\s+(quarter|period|three months)",
        text,
    )
    if not match:
        return None
    if text.startswith("the current"):
        return f"{ref.year}-Q{quarter_of(ref)}", "quarter"
    # the period just spoken of: any, after 'that' or 'the same'; else only a recent one, since
    # 'the latest quarter' after a mention of last year's is this year's
    latest = text.startswith(("the latest", "the most recent", "the just-ended"))
    if latest and previous and (begins := start_of(previous)) and begins >= _quarter_start(ref):
        previous = None  # the latest quarter is one that has ended, not the one under way or to come
    if previous and (text.startswith(("that", "the same")) or _recent(previous, ref)):
        if match.group(1) != "period" and value_kind(previous) in ("month", "day"):
            return f"{previous[:4]}-Q{(int(previous[5:7]) - 1) // 3 + 1}", "quarter"
        if value_kind(previous) in ("quarter", "month", "half"):
            return previous, cast(Precision, value_kind(previous))
    if match.group(1) == "period" and not latest:
        return None  # a period of what, the text does not say; the latest one reported is a quarter
    year, number = previous_quarter(ref)
    return f"{year}-Q{number}", "quarter"


def quarter_ending(day: date) -> str:
    """The calendar quarter most of the three months that ended on ``day`` fall in: 'the quarter
    ended July 31' ran from May to July, the second quarter's months mostly."""
    middle = day - timedelta(days=45)
    return f"{middle.year}-Q{quarter_of(middle)}"


def _quarter_start(day: date) -> date:
    return date(day.year, 3 * (quarter_of(day) - 1) + 1, 1)


def _recent(value: str, ref: date) -> bool:
    """Whether a period began within about a year before the reference (or after it)."""
    start = start_of(value)
    return start is not None and (ref - start).days <= 380


# A span of months that is no calendar period: 'the nine months', 'the first six months',
# 'nine-month', 'the year to date'. Compared with a year before, it is a year at calendar precision.
_SPAN_OF_MONTHS = re.compile(
    r"\b(?:(?:the|its)\s+(?:first\s+|latest\s+|past\s+)?(?:two|four|five|seven|eight|nine|ten|eleven|\d+)\s+months"
    r"|(?:two|four|five|seven|eight|nine|ten|eleven)-month|(?:the\s+)?year[- ]to[- ]date)\b",
    re.IGNORECASE,
)


_A_DATE_BETWEEN = re.compile(rf"\b(?:{'|'.join(MONTHS)}|\d{{4}}|quarter|half|year)\b", re.IGNORECASE)


def span_spoken_of(before: str, previous: str | None, ref: date) -> str | None:
    """The year a span of months named before an expression in its sentence lies in ('For the
    nine months, net rose from a year earlier'), when no other date comes between; else
    ``previous`` unchanged. What 'a year earlier' is then said of is that span: a year."""
    spans = list(_SPAN_OF_MONTHS.finditer(before))
    if not spans or _A_DATE_BETWEEN.search(before[spans[-1].end() :]):
        return previous
    return _year_of(previous) or str(ref.year)


def year_ago(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    """'the year-earlier quarter', 'the year-ago period', 'a year ago' said of a quarter, 'the
    corresponding period last year', 'the 1988 quarter': the period just spoken of, a year back
    (or in the year named). Said of nothing in particular, 'a year ago' is a year."""
    named = re.fullmatch(rf"(?:the\s+)?{_YEAR}\s+(quarter|period)", text)
    if named:
        year, unit = named.groups()
        again = _period_in(
            previous, int(year), ("quarter", "half", "month") if unit == "period" else ("quarter",)
        )
        if again:
            return again
        # a quarter of that year like the current one; a period of no named length: the year
        return (f"{year}-Q{quarter_of(ref)}", "quarter") if unit == "quarter" else (year, "year")
    match = re.fullmatch(
        r"(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?"
        r"(?:year-earlier|year-ago|year\s+earlier|year\s+ago|prior-year|previous-year|last\s+year's)"
        r"(?:\s+(quarter|period|three\s+months|month))?"
        r"|(?:the\s+)?(?:same\s+|corresponding\s+|comparable\s+)?(quarter|period|month)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)"
        r"|(?:a|one)\s+year\s+(?:ago|earlier|before)",
        text,
    )
    if not match:
        named_in = re.fullmatch(
            r"(?:the\s+)?(?:comparable\s+)?(?:year-earlier|year-ago|prior-year|previous-year)\s+(.+)", text
        )
        found = named_quarter(named_in.group(1), ref, future, previous) if named_in else None
        return (f"{int(found[0][:4]) - 1}{found[0][4:]}", "quarter") if found else None
    unit = match.group(1) or match.group(2)
    if unit is None and previous and value_kind(previous) == "year" and _recent(previous, ref):
        return str(int(previous) - 1), "year"  # 'sales rose in 1989 from a year earlier'
    if previous and not _recent(previous, ref):
        # already a year back ('the year-earlier period' said again): the same period, when it is
        # one ('last year's quarter' after '1988' is not the year)
        kind = value_kind(previous)
        if kind != "day" and not (unit in ("quarter", "period", "month") and kind == "year"):
            return previous, cast(Precision, kind)
        if kind == "day":
            return None
    year_before = (
        _period_in(previous, int(previous[:4]) - 1, ("quarter", "half", "month")) if previous else None
    )
    if year_before:
        return year_before
    if previous and value_kind(previous) == "day" and text.startswith(("a ", "one ")):
        # 'the quarter ended Sept. 30 ... a year earlier': that day, a year before (29 February: the 28th)
        day = date.fromisoformat(previous[:10])
        return day.replace(
            year=day.year - 1, day=min(day.day, 28 if day.month == 2 else 31)
        ).isoformat(), "day"
    if unit in ("quarter", "period"):  # of a period not named, the latest quarter reported
        year, number = previous_quarter(ref)
        return f"{year - 1}-Q{number}", "quarter"
    if unit == "month":
        return f"{ref.year - 1}-{ref.month:02d}", "month"
    if text.startswith(("a ", "one ")):
        return str(ref.year - 1), "year"
    return None


def before_or_after(text: str) -> str:
    """'the year before', 'the week after' said as 'the previous year', 'the following week': how
    the rules that count from the date said last read them."""
    match = re.fullmatch(r"the (\w+) (before|after)", text)
    return f"the {'previous' if match[2] == 'before' else 'following'} {match[1]}" if match else text


def year_again(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    """'that year', 'the same year', 'the following year', 'the previous year', 'the year
    before': a year counted from the one just spoken of; 'the current year' is the reference's."""
    if re.fullmatch(r"(?:the\s+)?(?:current|present)\s+year", text):
        return str(ref.year), "year"
    text = before_or_after(text)
    match = re.fullmatch(
        r"(?:that|the same|the following|the next|the previous|the prior|the preceding)\s+year", text
    )
    if not match:
        return None
    base = _year_of(previous)
    if base is None:
        if text.startswith(("that", "the same")):
            return None  # which year, nothing says
        base = str(ref.year)  # 'over the next year': counted from now
    shift = (
        1 if re.search(r"following|next", text) else -1 if re.search(r"previous|prior|preceding", text) else 0
    )
    return str(int(base) + shift), "year"


def _year_of(previous: str | None) -> str | None:
    if previous and value_kind(previous) not in ("reference", "other", "decade"):
        return previous[:4]
    return None
