"""Support: whether each statement says what the sentences it cites say. Plain code with a rule
per kind of error (numbers, names, dates, polarity, roles), each naming the word at fault."""

from .checker import RULES, Cited, Fault, Roles, Rule, Support, Verdict, assess
from .names import ActorNames, NameTable

__all__ = [
    "RULES",
    "ActorNames",
    "Cited",
    "Fault",
    "NameTable",
    "Roles",
    "Rule",
    "Support",
    "Verdict",
    "assess",
]
