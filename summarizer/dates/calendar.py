"""Dates named on the calendar: written out ('29 September 2023', '9/29/2023'), a month and a
day or a year, a month, a quarter by its number, a season, a year, a decade. Named without a year,
a month, day, quarter or season is the latest one to have come, or in the future tense the next."""

from __future__ import annotations

import re
from datetime import date

from .periods import previous_quarter, quarter_of
from .timex import SEASON_MONTHS, Rule, months_after
from .words import DECADES, MONTHS, ORDINALS, SEASONS

MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>\d{4})"


def absolute(text: str, ref: date, future: bool, previous: str | None) -> Rule:
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
        r"(?P<year>\d{4})[-/](?P<monthnum>\d{1,2})[-/](?P<day>\d{1,2})",
        r"(?P<day>\d{1,2})\.(?P<monthnum>\d{1,2})\.(?P<year>\d{4})",  # day first, as Europe writes it
        rf"{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR}",
        rf"{MONTH}\s+{DAY},?\s+{YEAR}",
        rf"{DAY}-{MONTH}-{YEAR}",  # '10-Mar-2024'
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


def month_day(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    match = re.search(rf"(?:^|\b){MONTH}\s+(?:the\s+)?{DAY}\b(?!\s*,?\s*\d{{4}})", text) or re.search(
        rf"\b{DAY}\s+(?:of\s+)?{MONTH}(?!\s*,?\s*\d{{4}})", text
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
    nearest = min(candidates, key=lambda d: abs((d - ref).days))
    if future and (ref - nearest).days > 31:
        # in the future tense, a day more than a month gone is next year's: 'the law takes effect
        # Jan. 1', said in March (but 'by Jan. 14', said on the 15th, is the one just gone)
        nearest = min((d for d in candidates if d > ref), default=nearest)
    return nearest.isoformat(), "day"


def day_of_month(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    """'the 25th', 'on the 3rd': that day of the reference's month, or of the month before when
    it is still to come (of the month after, in the future tense)."""
    match = re.fullmatch(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)", text)
    if not match:
        return None
    day, shift = int(match.group(1)), 0
    if future and day < ref.day:
        shift = 1
    elif not future and day > ref.day:
        shift = -1
    try:
        return months_after(ref, shift).replace(day=day).isoformat(), "day"
    except ValueError:
        return None


def month_year(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    # a number before the month that made no day ("42 October 2011") makes no month either
    match = re.search(rf"(?<!\d\s)\b{MONTH},?\s+(?:of\s+)?{YEAR}\b", text)
    if match:
        return f"{match['year']}-{MONTHS[match['month']]:02d}", "month"
    match = re.fullmatch(
        rf"(?:early|mid|late|the end of|the beginning of|the start of)?\s*-?\s*{MONTH}", text
    )
    if match:
        month = MONTHS[match["month"]]
        return f"{year_for(month, ref.month, ref.year, future)}-{month:02d}", "month"
    return None


def quarter(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    match = re.search(
        r"\b(?:q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th|last|final) (?:fiscal |financial )?quarter)\b(?:\s+(?:of\s+)?(\d{4}))?",
        text,
    )
    if not match:
        return None
    current = quarter_of(ref)
    if match.group(1):
        number = int(match.group(1))
    else:
        word = match.group(2)
        number = ORDINALS.get(word, 4)
        if word in ("last", "final") and not match.group(3) and "year" not in text:
            year, number = previous_quarter(ref)  # 'the last quarter': the one before this one
            return f"{year}-Q{number}", "quarter"
    year = int(match.group(3)) if match.group(3) else year_for(number, current, ref.year, future)
    return f"{year}-Q{number}", "quarter"


def year_for(part: int, current: int, year: int, future: bool) -> int:
    """The year of a month or quarter named without one: the coming one in the future tense,
    else the latest one up to now."""
    if future:
        return year if part >= current else year + 1
    return year if part <= current else year - 1


def season(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    match = re.search(
        r"\b(?:(this|last|next|past|coming)\s+)?(spring|summer|autumn|fall|winter)\b(?:\s+(?:of\s+)?(\d{4}))?",
        text,
    )
    if not match:
        return None
    code = SEASONS[match.group(2)]
    if match.group(3):
        return f"{match.group(3)}-{code}", "season"
    # a season's value is the year it begins in: '2023-WI' runs from December 2023 (timex.span_of)
    starts = [date(y, SEASON_MONTHS[code], 1) for y in range(ref.year - 2, ref.year + 2)]
    begun = [d for d in starts if d <= ref]
    latest = begun[-1]  # the one under way, or the last to have begun
    under_way = ref < months_after(latest, 3)
    coming = next(d for d in starts if d > ref)
    relative = match.group(1)
    if relative in ("last", "past"):
        chosen = begun[-2] if under_way else latest
    elif relative in ("next", "coming") or (relative is None and future):
        chosen = coming
    elif relative == "this":  # the one under way, else the one that begins this year
        chosen = latest if under_way else date(ref.year, SEASON_MONTHS[code], 1)
    else:
        chosen = latest
    return f"{chosen.year}-{code}", "season"


def year(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    match = re.fullmatch(
        r"(?:(?:early|mid|late|the end of|the beginning of|the start of|the first half of|the second half of)\s*-?\s*)?(?:the year\s+)?(?:fy\s*)?(\d{4})",
        text,
    )
    if match and 1000 <= int(match.group(1)) <= 2999:
        return match.group(1), "year"
    return None


def decade(text: str, ref: date, future: bool, previous: str | None) -> Rule:
    match = re.search(r"\b(\d{3})0s\b", text)
    if match:
        return match.group(1), "decade"
    match = re.search(r"\b'?(\d)0s\b", text)
    if match:
        return f"19{match.group(1)}", "decade"
    words = re.fullmatch(rf"(?:the\s+)?(?:early\s+|mid-?|late\s+)?({'|'.join(DECADES)})", text)
    if words:  # 'the nineties': the latest such decade to have begun
        century = ref.year // 100 - (DECADES[words.group(1)] * 10 > ref.year % 100)
        return f"{century}{DECADES[words.group(1)]}", "decade"
    decade = ref.year // 10
    if re.search(r"\b(?:this|the current) decade\b", text):
        return str(decade), "decade"
    if re.search(r"\b(?:last|past|previous) decade\b", text):
        return str(decade - 1), "decade"
    if re.search(r"\bnext decade\b", text):
        return str(decade + 1), "decade"
    return None
