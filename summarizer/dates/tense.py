"""The tense of the clause a date expression sits in, and with it the direction of a date named
without its year or week (``looks_ahead``): 'Monday' is the last Monday in 'met on Monday', the
next in 'will meet on Monday'. News is told in the past, so a clause that says nothing is read
as the past by the rules that need a default."""

from __future__ import annotations

import re
from datetime import date
from typing import Literal

from . import named_days
from .calendar import MONTH
from .relative import WEEKDAY
from .words import (
    AFTER_TO_NOT_A_VERB,
    DEADLINES,
    DETERMINERS,
    FUTURE_TENSE,
    IRREGULAR_PAST,
    MONTHS,
    SCHEDULED_PRESENT,
)

Tense = Literal["past", "future"]

_AUXILIARIES = ("be", "been", "being", "has", "have")
_CLAUSE_START = re.compile(r"[;:,]|\b(?:that|but|who|which|whose|since|because|while)\b", re.IGNORECASE)


def clause_before(sentence: str, expression: str) -> str:
    """The words of the expression's clause that come before it (the whole sentence's last
    clause when the expression is not in it)."""
    return re.split(_CLAUSE_START, _before(sentence, expression))[-1]


def _before(sentence: str, expression: str) -> str:
    at = sentence.lower().find(expression.lower()) if expression else -1
    return sentence[:at] if at >= 0 else sentence


def tense(sentence: str | None, expression: str = "") -> Tense | None:
    """The tense that governs the expression, or None when nothing says. A future marker ('will',
    'plans to', 'next') before it in its clause makes it the future ('said it will close in
    March'); else the last verb before it in the past tense the past ('Sales fell in December');
    else a verb of what is scheduled, in the present, the future ('talks resume Monday'), as does
    'is' or 'are' right before the date ('the deadline is Friday').
    A relative or subordinate clause ('who was rescued in November') has a tense of its own;
    one opened by 'since' tells of the past ('since shortly after the Oct. 23 shooting'). A date
    that opens its sentence takes the tense of a plan said after it ('On Tuesday, the group
    plans to ...')."""
    if FUTURE_TENSE.search(expression):
        return "future"
    if not sentence:
        return None
    before = _before(sentence, expression)
    clause = re.split(_CLAUSE_START, before)[-1]
    if FUTURE_TENSE.search(clause):
        return "future"
    if _last_past_verb(clause) is not None:
        return "past"
    if _scheduled(clause) or re.search(r"\b(?:is|are)\s+(?:on\s+)?$", clause, re.IGNORECASE):
        return "future"  # 'the vote is Tuesday', 'the deadline is on Friday': what is set
    opened_by = [match.group().lower() for match in _CLAUSE_START.finditer(before)]
    if opened_by and opened_by[-1] == "since":
        return "past"
    if re.fullmatch(r"\W*(?:on|by|as of|starting|beginning)?\s*", before, re.IGNORECASE):
        return _plan_after(sentence[len(before) + len(expression) :])
    return None


def _scheduled(clause: str) -> bool:
    """Whether the clause tells what is set to happen in the present tense ('the committee meets
    Tuesday'): a verb of scheduling, as a verb (not 'to meet', nor 'the visits')."""
    words = re.findall(r"[a-z]+", clause.lower())
    return any(
        word in SCHEDULED_PRESENT and (n == 0 or (words[n - 1] != "to" and words[n - 1] not in DETERMINERS))
        for n, word in enumerate(words)
    )


def _plan_after(after: str) -> Tense | None:
    """'future' when the clause after a sentence-opening date says a plan before any verb in the
    past tense."""
    future = FUTURE_TENSE.search(after)
    if future is None or future.group().lower().endswith("ed"):
        return None  # 'On Friday, the government planned to pay': a plan made then
    return "future" if _last_past_verb(after[: future.start()]) is None else None


def _last_past_verb(clause: str) -> int | None:
    """Where the last verb in the past tense starts, or None when there is none or an infinitive
    comes after it ('agreed to buy the unit': what is still to be done)."""
    words = list(re.finditer(r"[A-Za-z'-]+", clause))
    for n in range(len(words) - 1, -1, -1):
        word = words[n].group().lower()
        before_it = words[n - 1].group().lower() if n > 0 else ""
        if before_it == "to" and word not in DETERMINERS and word not in AFTER_TO_NOT_A_VERB:
            return None
        if word in IRREGULAR_PAST or (len(word) > 4 and re.search(r"[^e]ed$", word) and "-" not in word):
            if before_it in _AUXILIARIES:
                continue  # a participle: its auxiliary sets the tense ('to be published', 'was sold')
            return None if before_it in DETERMINERS else words[n].start()
    return None


def is_future(sentence: str | None, expression: str = "") -> bool:
    """Whether the clause around the expression speaks of what is still to come."""
    return tense(sentence, expression) == "future"


def after_deadline_word(sentence: str | None, expression: str) -> bool:
    """Whether a word that sets a limit ahead ('by', 'until', 'through') comes right before the
    expression: 'pay down the loan by February', 'extended credit through January'."""
    if not sentence:
        return False
    return bool(re.search(rf"\b(?:{DEADLINES})\s*$", clause_before(sentence, expression), re.I))


NEAR_MONTHS = 2  # how far ahead a month named alone is taken for the coming one
DEADLINE_MONTHS = 6  # how far ahead a month after 'by', 'until' or 'through' is taken for the coming one


def months_ahead(text: str, reference: date) -> int | None:
    """How many months after the reference's a month named without a year falls (0 to 11), or
    None when the expression is not one month, with or without a day ('December', 'mid-December',
    'Dec. 3', 'the first week of December')."""
    match = re.fullmatch(
        r"(?:(?:in|on|by|until|through|early|mid|late|the (?:first|second|third|fourth|last) week of)[- ]\s*)*"
        rf"{MONTH}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?",
        text,
    )
    return None if match is None else (MONTHS[match["month"]] - reference.month) % 12


def looks_ahead(
    text: str, expression: str, sentence: str | None, reference: date, told: Tense | None, ahead: int | None
) -> bool:
    """Whether a date named without its year or week is the coming one: in the future tense; a
    month or holiday close ahead in a clause whose tense says nothing; a limit set a few months
    ahead ('repay the loan by February'), or a weekday ('until Tuesday')."""
    if told == "future":
        return True
    deadline = after_deadline_word(sentence, expression) or bool(re.match(rf"(?:{DEADLINES}) ", text))
    if (
        deadline
        and told is None
        and re.search(rf"\b{WEEKDAY}", text)
        and _said_after_a_verb(sentence, expression)
    ):
        return True  # 'gave them until 9 a.m. Tuesday' (not 'Until Thursday, they had not ...')
    ahead = ahead if ahead is not None else named_days.months_to_holiday(text, reference)
    if not ahead:
        return False
    return (ahead <= NEAR_MONTHS and told is None) or (deadline and ahead <= DEADLINE_MONTHS)


def _said_after_a_verb(sentence: str | None, expression: str) -> bool:
    """Whether words come before the expression in its clause besides the one that sets a limit."""
    before = clause_before(sentence, expression) if sentence else ""
    return bool(re.sub(rf"\b(?:{DEADLINES})\s*$", "", before, flags=re.IGNORECASE).strip(" ,\"'`"))
