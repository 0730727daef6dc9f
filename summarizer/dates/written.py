"""Numbers written in words, read once for the whole package (with text2num): what a date
written in words says, and what the figures of running text (``text.quantities``) say. Dates:
years said as centuries and the rest ('nineteen ninety-six'), 'the year two thousand', apostrophe
years ("'98"), and days as ordinal words beside a month ('March eighth'), rewritten in digits for
the rules to read."""

from __future__ import annotations

import re
from datetime import date

from text_to_num import alpha2digit, text2num

from .calendar import MONTH
from .words import CENTURIES


def number_in_words(words: str) -> int | None:
    """'ninety-six' -> 96, 'two hundred and fifty' -> 250; None for words that are no number."""
    try:
        return int(text2num(re.sub(r"\s+and\s+", " ", words.lower()), "en"))
    except ValueError:
        return None


def spoken_years(text: str, ref: date) -> str:
    """Years written in words or with an apostrophe, as digits: 'nineteen ninety-six' 1996, 'the
    year two thousand' 2000, "'98" and 'FY24' the 1998 and the 2024 nearest the reference; and days
    as ordinal words beside a month: 'March eighth' March 8th."""

    def century(match: re.Match[str]) -> str:
        rest = _below_a_hundred(match.group(2))
        return (
            str(CENTURIES[match.group(1)] * 100 + rest) if rest is not None and rest >= 10 else match.group()
        )

    def two_thousand(match: re.Match[str]) -> str:
        rest = _below_a_hundred(match.group(1)) if match.group(1) else 0
        return str(2000 + rest) if rest is not None else match.group()

    def nearest(short: str) -> str:
        """A year written in two digits: the one nearest the reference."""
        return str(min((c + int(short) for c in (1900, 2000)), key=lambda year: abs(year - ref.year)))

    def apostrophe(match: re.Match[str]) -> str:
        return nearest(match.group(1))

    text = re.sub(rf"\b({'|'.join(CENTURIES)})[ -]((?:[a-z]+-)?[a-z]+)\b", century, text)
    text = re.sub(r"\b(?:the year )?two thousand(?:(?: and)? ([a-z]+(?:-[a-z]+)?))?\b", two_thousand, text)

    def ordinal(match: re.Match[str]) -> str:
        read = str(alpha2digit(match.group(), "en", ordinal_threshold=0))
        return read if re.search(r"\d(?:st|nd|rd|th)\b", read) else match.group()

    text = re.sub(r"(?<![\w'])'(\d\d)\b(?!s)", apostrophe, text)
    text = re.sub(r"\bfy\s?'?(\d\d)\b", lambda match: f"fy{apostrophe(match)}", text)  # 'FY24', "FY'99"
    # a quarter or half with its year in two digits: '3Q24', '1H24', 'Q3 24', "Q3'24"
    text = re.sub(r"\b([1-4]q|q[1-4]|[12]h|h[12])\s?'?(\d\d)\b", lambda m: f"{m[1]} {nearest(m[2])}", text)
    # days as ordinal words beside a month: 'March eighth', 'the twenty-first of June'
    for day in (rf"\b{MONTH}\s+[a-z]+(?:-[a-z]+)?\b", rf"\b[a-z]+(?:-[a-z]+)?\s+of\s+{MONTH}"):
        text = re.sub(day, ordinal, text)
    return text


def _below_a_hundred(words: str) -> int | None:
    """'ninety-six' -> 96; None for words that are no number below a hundred."""
    number = number_in_words(words)
    return number if number is not None and number < 100 else None
