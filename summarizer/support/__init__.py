"""Support: whether each statement says what the sentences it cites say. Plain code with a rule
per kind of error (numbers, names, dates, polarity, roles), each naming the word at fault.

The verdict's shape (``verdict.py``) loads with the package; the checker and its word lists load
on first use (PEP 562), so that what only reads or renders verdicts never pays for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import loader
from .evidence import Cited, Roles
from .verdict import RULES, Fault, Rule, Support, Verdict

__getattr__ = loader(
    __name__,
    {
        "ActorNames": (".names", "ActorNames"),
        "NameTable": (".names", "NameTable"),
        "assess": (".checker", "assess"),
        "unstated": (".quantities", "unstated"),
    },
)


if TYPE_CHECKING:
    from .checker import assess
    from .names import ActorNames, NameTable
    from .quantities import unstated

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
    "unstated",
]
