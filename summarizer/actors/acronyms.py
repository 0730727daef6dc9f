"""Acronyms, the one home of how news shortens a name: what an acronym looks like ('NATO', 'U.S.',
'MoD'), and the acronyms a long name may go by ('European Aeronautic Defence and Space Company'
-> 'EADS', 'Bank of England' -> 'BoE', 'Justice Department' -> 'DOJ'). Actor resolution links a
short name to a long one by it; the support checker accepts an acronym its evidence spells out."""

from __future__ import annotations

from collections.abc import Sequence

from .words import CONNECTORS, DESCRIPTORS

# Small words an acronym never takes a letter from ('Securities and Exchange Commission': 'SEC')
NEVER_INITIALLED = frozenset({"and", "&", "the", "for"})
# Bodies named '<head> of <what>' that the key writes '<what> <head>', as news does too
HEADS_BEFORE_OF = ("department", "ministry", "bureau")


def is_acronym(text: str) -> bool:
    """'NATO', 'U.S.', and with the small letters of its small words: 'MoD', 'DoD', 'BoE' (never
    'McCain' or 'LeBron': fewer small letters than capitals)."""
    bare = text.replace(".", "")
    capitals = sum(c.isupper() for c in bare)
    return 2 <= len(bare) <= 6 and bare.isalpha() and bare[0].isupper() and capitals > len(bare) - capitals


def acronym_forms(words: Sequence[str]) -> set[str]:
    """Acronyms a long name may go by: initials of its content words, with trailing descriptors
    optional ('European Aeronautic Defence and Space Company' -> 'eadsc', 'eads'); and its
    initials with those of 'of' and a surname's particle ('Bank of England' -> 'boe', 'Mohammed
    bin Salman' -> 'mbs'). A body the key writes '<what> <head>' is read in both orders
    ('justice department': 'jd', 'doj')."""
    orders = [list(words)]
    if len(words) > 1 and words[-1] in HEADS_BEFORE_OF:
        orders.append([words[-1], "of", *words[:-1]])
    forms = set()
    for order in orders:
        forms.add("".join(w[0] for w in order if w not in NEVER_INITIALLED))
        content = [w for w in order if w not in CONNECTORS]
        while len(content) >= 2:
            forms.add("".join(w[0] for w in content))
            if content[-1] not in DESCRIPTORS:
                break
            content = content[:-1]
    return forms


def prefix_acronym(acronym: str, words: Sequence[str]) -> bool:
    """'kfor' ~ 'kosovo force': each word gives a non-empty prefix, in order, all letters used."""
    content = [w for w in words if w not in CONNECTORS]
    if len(content) < 2:
        return False

    def match(i: int, j: int) -> bool:
        if j == len(content):
            return i == len(acronym)
        word = content[j]
        return any(
            acronym[i : i + n] == word[:n] and match(i + n, j + 1)
            for n in range(1, min(len(word), len(acronym) - i) + 1)
        )

    return match(0, 0)
