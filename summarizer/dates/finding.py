"""Finding date expressions in running text, for code that reads whole sentences rather than an
expression the model picked out (the support checker). What it finds, ``normalise`` values."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..settings import SENTENCES_REMEMBERED
from .words import MONTHS, SEASONS, WEEKDAYS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(sorted(WEEKDAYS, key=len, reverse=True))
_SEASON = "|".join(SEASONS)
_UNIT = r"day|week|weekend|month|year|quarter|decade|century"
_YEAR = r"(?:1[6-9]|20)\d\d"
_ORDINAL_QUARTER = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter"

# Longest forms first: an alternation takes the first that matches at a position.
_EXPRESSION = re.compile(
    rf"""\b(?:
        \d{{4}}-\d\d-\d\d
      | (?:(?:{_WEEKDAY})\.?,?\s+)?(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?
      | (?:(?:{_WEEKDAY})\.?,?\s+)?(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\.?(?:,?\s+{_YEAR})?
      | (?:(?:early|mid|late|end\s+of|the\s+end\s+of)[- ])?(?:{_MONTH})\.?(?:,?\s+{_YEAR})
      | (?:last|next|this|earlier\s+this|later\s+this|early|mid|late)[- ](?:{_MONTH}|{_WEEKDAY}|{_SEASON}|{_UNIT})
      | (?:the\s+)?{_ORDINAL_QUARTER}(?:\s+of\s+{_YEAR})?
      | Q[1-4](?:\s+{_YEAR})?
      | (?:the\s+)?(?:{_SEASON})\s+(?:of\s+)?{_YEAR}
      | (?:{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?
      | (?:{_MONTH})
      | yesterday|today|tomorrow|tonight
      | (?:a|one|two|three|four|five|six|\d+)\s+(?:{_UNIT})s?\s+(?:ago|earlier|later)
      | (?:the\s+)?{_YEAR}s?
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
# 'May', 'March' and 'Sun' are words before they are dates: read as dates only when capitalised,
# alone or in an expression ('this May'), or in lower case with a day or year ('march 27').
_AMBIGUOUS = {
    "may",
    "march",
    "sun",
    "sat",
    "wed",
    "mar",
    "jan",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
}


@dataclass(frozen=True)
class Found:
    text: str
    start: int
    end: int


@lru_cache(maxsize=SENTENCES_REMEMBERED)  # a cited sentence is read once, however many statements cite it
def find_dates(text: str) -> tuple[Found, ...]:
    """Every date expression in ``text``, in order, none overlapping."""
    found = []
    for match in _EXPRESSION.finditer(text):
        expression = match.group()
        if not re.search(r"\d", expression) and any(
            word in _AMBIGUOUS for word in re.findall(r"[a-z]+", expression)
        ):
            continue  # 'this may' and 'last march' are a verb and a walk; 'this May', 'march 27' are dates
        if expression.lower() == "may" and _modal_may(text, match.end()):
            continue
        found.append(Found(expression, match.start(), match.end()))
    return tuple(found)


def _modal_may(text: str, end: int) -> bool:
    """'May' opening a sentence is as likely the verb: 'May 5' is a date, 'May have' is not."""
    return not re.match(r"\s*(?:\d|,|\.|$)", text[end:])
