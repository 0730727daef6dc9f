"""Wording: a statement must not say a phrase twice over within a clause where no cited sentence
does ('left out Alan Shearer and Alan Shearer', 'if Rotherham win win'). A garbled statement says
nothing its evidence can vouch for, though every word of it stands there; weak summarisers
write them (108 of the 928 sentences of FRANK's XSum summaries judged inconsistent, and 5 of the
77 judged consistent)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..settings import SENTENCES_REMEMBERED
from ..text.words import FUNCTION_WORDS, tokens
from .verdict import Rule

Fault = tuple[Rule, str, str]

# Words between two tellings of a phrase that make an idiom of them ('one by one', 'day after
# day', 'hand to hand'), not a stutter; 'more and more' has no content word to count.
_IDIOM = frozenset({"by", "to", "after", "upon", "for", "or", "than"})
LONGEST = 6  # words in the longest phrase looked for
_PIECE = re.compile(r"[0-9]+|[^\W\d_]+")  # '8pm' is '8' and 'pm', "Alzheimer's" 'alzheimer' and 's'


def check(statement: str, cited: Sequence[str]) -> tuple[int, list[Fault]]:
    """(how many things were checked, the faults found) of the statement's wording against the
    sentences it cites: each phrase it says twice over that none of them repeats."""
    said = _stutters(statement)
    if not said:
        return 0, []
    said -= set().union(*(_stutters(c) for c in cited))
    faults: list[Fault] = []
    # each phrase once, by its content: 'port' of 'the port and the port'; 'win', not 'win win'
    # as well; 'Alan Shearer', not 'Shearer' as well
    said = frozenset(filter(None, (_trimmed(p) for p in said)))
    said = frozenset(p for p in said if not any(len(q) < len(p) and _repeats(p, q) for q in said))
    found = [_written(p, statement) for p in said if not any(p != q and f" {p} " in f" {q} " for q in said)]
    # one fault for each stretch said again: a cycle ('A met B A met B') is told by its first turn
    taken: list[tuple[int, int]] = []
    for start, end, shown in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
        if not any(start < e and s < end for s, e in taken):
            taken.append((start, end))
            faults.append(("wording", shown, f'"{shown}" is said twice over; no cited sentence repeats it'))
    return 1, faults


@lru_cache(maxsize=SENTENCES_REMEMBERED)
def _stutters(text: str) -> frozenset[str]:
    """The phrases a text says twice over within a clause: a word right after itself or 'and'
    ('win win', 'Sunderland and Sunderland'), or a phrase of words again with at most two words
    between ('Alan Shearer and Alan Shearer').
    Across a comma or a bracket a name may well come again ('Lockheed Martin, Lockheed won')."""
    words: list[str] = []
    clauses: list[int] = []
    for token in tokens(text):
        for piece in _PIECE.findall(token.lower):
            words.append(piece)
            clauses.append(token.clause)
    found = set()
    for size in range(1, LONGEST + 1):
        for i in range(len(words) - size + 1):
            phrase = words[i : i + size]
            if all(w in FUNCTION_WORDS or w.isdigit() for w in phrase):
                continue
            for gap in range(3 if size > 1 else 2):
                again = i + size + gap
                if size == 1 and gap == 1 and words[i + 1 : i + 2] != ["and"]:
                    continue
                if (
                    words[again : again + size] == phrase
                    and clauses[i] == clauses[again + size - 1]
                    and not _IDIOM & set(words[i + size : again])
                ):
                    found.add(" ".join(phrase))
    return frozenset(found)


def _trimmed(phrase: str) -> str:
    """A phrase without the small words at its ends ('the port and': 'port')."""
    words = phrase.split()
    while words and words[0] in FUNCTION_WORDS:
        words.pop(0)
    while words and words[-1] in FUNCTION_WORDS:
        words.pop()
    return " ".join(words)


def _repeats(phrase: str, unit: str) -> bool:
    """Whether ``phrase`` is ``unit`` said again and again ('agency agency agency')."""
    words, part = phrase.split(), unit.split()
    return len(words) % len(part) == 0 and words == part * (len(words) // len(part))


def _written(phrase: str, text: str) -> tuple[int, int, str]:
    """Where a phrase of a text's words first stands in it, and as the text writes it ("Alzheimer's"
    for 'alzheimer s')."""
    found = re.search(r"\W*".join(re.escape(w) for w in phrase.split()), text, re.IGNORECASE)
    return (found.start(), found.end(), found.group()) if found else (0, 0, phrase)
