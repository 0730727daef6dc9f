"""The tense of the clause a date expression sits in, which decides the direction of a date
named without its year or week: 'Monday' is the last Monday in 'met on Monday', the next in 'will
meet on Monday'. News is told in the past, so a clause that says nothing is read as the past
by the rules that need a default."""

from __future__ import annotations

import re
from typing import Literal

from .words import AFTER_TO_NOT_A_VERB, DEADLINES, DETERMINERS, FUTURE_TENSE, IRREGULAR_PAST

Tense = Literal["past", "future"]

_AUXILIARIES = ("be", "been", "being", "has", "have")


def clause_before(sentence: str, expression: str) -> str:
    """The words of the expression's clause that come before it (the whole sentence's last
    clause when the expression is not in it)."""
    at = sentence.lower().find(expression.lower()) if expression else -1
    before = sentence[:at] if at >= 0 else sentence
    return re.split(r"[;:,]|\b(?:that|but|who|which|whose|since|because|while)\b", before)[-1]


def tense(sentence: str | None, expression: str = "") -> Tense | None:
    """The tense of the verb nearest before the expression in its clause, or None when it says
    nothing. A future marker ('will', 'plans to', 'next') and a past form ('fell', 'was sold')
    may both come before it: the later one governs the expression ('said it will close in March'
    looks ahead; 'will take the boy who was rescued in November' looks back)."""
    if FUTURE_TENSE.search(expression):
        return "future"
    if not sentence:
        return None
    clause = clause_before(sentence, expression)
    futures = [match.start() for match in FUTURE_TENSE.finditer(clause)]
    past = _last_past_verb(clause)
    if futures:
        return "future"
    return "past" if past is not None else None


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


def is_past(sentence: str | None, expression: str = "") -> bool:
    """Whether the verb that governs the expression is in the past tense ('Sales fell in
    December')."""
    return tense(sentence, expression) == "past"


def after_deadline_word(sentence: str | None, expression: str) -> bool:
    """Whether a word that sets a limit ahead ('by', 'until', 'through') comes right before the
    expression: 'pay down the loan by February', 'extended credit through January'."""
    if not sentence:
        return False
    return bool(re.search(rf"\b(?:{DEADLINES})\s*$", clause_before(sentence, expression), re.I))
