"""When two sources report the same event or claim. Joining two reports makes one entry that
cites both, and a claim two sources report reads as corroborated, so a join needs evidence: the
reports must be compatible in every respect they both state (dates, figures, reporting periods,
participants) and tell of the same happening in the same words, names aside.

Word overlap is measured on the words that say what happened: not the names (two reports about
the same company share its name whatever they report), not the figures and not the function
words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from ..dates import REPORTING_PERIODS, find_dates
from ..settings import SENTENCES_REMEMBERED
from ..text.quantities import Figure, stated
from ..text.words import Token, act_verb, stem, title_cased, tokens

# Dice overlap of the words that say what happened (see ``Gist``), with a participant in common
# and without one.
SAME_WORDS_SHARED_ACTOR = 0.5
SAME_WORDS = 2 / 3
# The same, for two reports whose acts come to the same ('was killed', 'killing'): the act already
# says they tell of the same kind of happening, the other words must say it is the same one.
SAME_ACT_SHARED_ACTOR = 0.3
SAME_ACT = 0.4
# Two figures of one kind (amounts of money, percentages, counts) can be one fact reported twice,
# rounded or revised, when neither is more than this many times the other.
FIGURE_SPREAD = 2.0

# Words that say when, how much or how a sentence goes on, not what happened.
_NOT_WHAT_HAPPENED = frozenset(
    """year years month months week weeks day days hour hours time times percent cent however thus
    far still yet already even meanwhile moreover though although first last""".split()
)


_GLUED = re.compile(r"[A-Za-z]+")
_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th"})


@dataclass(frozen=True)
class Gist:
    """What a description says, as matching compares it."""

    words: frozenset[str]  # stems of the words that say what happened
    names: frozenset[str]  # names other than the actors': what it happened to ('A380', 'iPhone')
    figures: tuple[Figure, ...]
    periods: frozenset[str]
    counted: tuple[str, ...] = ()  # the stem of the word after each figure: what it counts, or ''


def gist(text: str, name_words: frozenset[str] = frozenset()) -> Gist:
    """The gist of a description; ``name_words``: the lower-cased words of the story's actors'
    names, which are not words of what happened even where they open the sentence."""
    figures, words, headline, periods, counted = _read(text)
    kept, names = set(), set()
    for n, word in enumerate(words):
        digits = any(ch.isdigit() for ch in word.text)
        if digits and any(ch.isalpha() for ch in word.text):  # a code: 'A380', 'Z9', '200LR'
            names.add(word.lower)
        elif digits or not word.content or word.lower in _NOT_WHAT_HAPPENED:
            continue
        elif word.lower in name_words and (word.text[0].isupper() or headline):
            continue  # an actor's name: the participants compare those
        elif word.text[0].isupper() and n > 0 and not headline:  # a name or a word of one
            names.add(word.lower)
        else:
            kept.add(stem(word.text))
    return Gist(frozenset(kept), frozenset(names), figures, periods, counted)


@lru_cache(maxsize=SENTENCES_REMEMBERED)
def _read(text: str) -> tuple[tuple[Figure, ...], tuple[Token, ...], bool, frozenset[str], tuple[str, ...]]:
    """What a gist reads of a description whatever the story's names: its figures, its words
    outside them and its dates, whether it is a headline in title case, the periods it names,
    and what each figure counts (``Gist.counted``)."""
    figures = stated(text)
    taken = [(q.start, q.end) for q in figures] + [(d.start, d.end) for d in find_dates(text)]
    words = tuple(w for w in tokens(text) if not any(s <= w.start < e for s, e in taken))
    headline = title_cased(words)  # 'Boeing Unveils New Jet'
    periods = frozenset(p for p, pattern in REPORTING_PERIODS.items() if pattern.search(text))
    counted = tuple(_counted(text, q, words) for q in figures)
    return figures, words, headline, periods, counted


def _counted(text: str, figure: Figure, words: tuple[Token, ...]) -> str:
    """What a figure counts: the unit glued to it ('200ft': ft), else the stem of the next word
    with content of its own ('23 pirates': pirat), marked as a rank where the figure is an
    ordinal ('his 11th point': #point, which is no count of points); '' where nothing follows."""
    glued = _GLUED.match(text, figure.end)
    ending = glued.group().lower() if glued else ""
    if ending and ending not in _ORDINAL_ENDINGS:
        return ending
    after = next((w for w in words if w.start >= figure.end and w.content), None)
    thing = stem(after.text) if after else ""
    return f"#{thing}" if ending else thing


def _overlap_with_act(a: Gist, b: Gist) -> float:
    """Dice coefficient of two gists' words and the act they share: the least a merge looks at
    (it compares two reports only when their words and acts overlap this much)."""
    return 2 * (len(a.words & b.words) + 1) / (len(a.words) + len(b.words) + 2)


def overlap(a: Gist, b: Gist) -> float:
    """Dice coefficient of two gists' words."""
    if not a.words or not b.words:
        return 0.0
    return 2 * len(a.words & b.words) / (len(a.words) + len(b.words))


def compatible(a: Gist, b: Gist, one_act: bool = False) -> bool:
    """Nothing the two descriptions both state disagrees: the periods their figures cover, the
    names (other than the actors') of what they happened to, their amounts of money and shares,
    and their counts of one thing ('23 pirates', '31 pirates'; not '5 vessels', '26 pirates', nor
    '44 seconds', 'seven rounds', nor a rank, 'his 11th point', and a tally, '23 points'). Of two
    reports of one act (``one_act``), only codes ('A380', 'A350') among the names, and no figure
    that counts nothing named after it: the rest of a longer description tells of what stood
    around the act."""
    if a.periods and b.periods and not a.periods & b.periods:
        return False
    mine, theirs = (_codes(a.names), _codes(b.names)) if one_act else (a.names, b.names)
    if mine and theirs and not mine & theirs:
        return False
    things = {t for t in a.counted if t} & {t for t in b.counted if t}
    if not one_act:
        things.add("")  # figures that count nothing named after them ('on day 17') are compared too
    if not all(_figures_agree(_counting(a, t), _counting(b, t), "count") for t in things):
        return False
    return all(_figures_agree(a.figures, b.figures, kind) for kind in ("money", "percent"))


def _without(gist: Gist, words: set[str]) -> Gist:
    return replace(gist, words=gist.words - words)


def _counting(gist: Gist, thing: str) -> list[Figure]:
    return [q for q, counted in zip(gist.figures, gist.counted, strict=True) if counted == thing]


def _codes(names: frozenset[str]) -> frozenset[str]:
    return frozenset(n for n in names if any(ch.isdigit() for ch in n))


def _same_figure(a: Gist, b: Gist) -> bool:
    """Both state one exact figure of one kind, above one: '23 pirates' captured in each."""
    return any(
        x.exact and y.exact and x.low == y.low and x.low >= 2 and _kind(x) == _kind(y)
        for x in a.figures
        for y in b.figures
        if not (x.otherwise or y.otherwise)  # '100m' is no exact figure of one kind
    )


def _kind(quantity: Figure) -> str:
    return "percent" if quantity.percent else "money" if quantity.money else "count"


def _figures_agree(a: Iterable[Figure], b: Iterable[Figure], kind: str) -> bool:
    """Either states no figure of this kind, or some figure of one is near some figure of the other."""
    mine = [q for q in a if _kind(q) == kind]
    theirs = [q for q in b if _kind(q) == kind]
    if not mine or not theirs:
        return True
    return any(_near(x, y) for x in mine for y in theirs)


def _near(a: Figure, b: Figure) -> bool:
    """Whether two figures may be one, read as any value their words may mean ('60m')."""
    return any(_values_near(x, y) for x in a.readings() for y in b.readings())


def _values_near(a: Figure, b: Figure) -> bool:
    if a.low <= b.high and b.low <= a.high:  # the ranges meet
        return True
    low, high = sorted((max(abs(a.low), abs(a.high)), max(abs(b.low), abs(b.high))))
    return low > 0 and high / low <= FIGURE_SPREAD


def content_stems(text: str) -> frozenset[str]:
    """The stems of a text's words that have content of their own: of a place as written ('in the
    port of Rotterdam': port, rotterdam), of a party's name, of what a figure counts."""
    return frozenset(stem(w.text) for w in tokens(text) if w.content)


def name_words(names: Iterable[str]) -> frozenset[str]:
    return frozenset(w.lower() for name in names for w in re.findall(r"\w+", name))


def judge(
    a: Gist,
    b: Gist,
    shared_actor: bool,
    acts: tuple[str | None, str | None] = (None, None),
    same_parties: bool = False,
    one_time: bool = False,
) -> bool | None:
    """Whether two descriptions tell of the same happening: None when something they both state
    disagrees, else whether their words overlap enough. Less is enough when they share a
    participant, and less again when both name the same act ('shot', 'shooting'); the same act
    by the same parties (``same_parties``: two or more, all in common), or with the same exact
    figure ('captured 23 pirates'), needs no more words in common than any two reports the merge
    compares, and the same act at one time (``one_time``: placed in one news cycle, not a saying)
    needs none: within a story, news of one act at one time is news of one event unless something
    they state tells them apart, and there only a code ('A380', 'Flight 370') among the names
    other than the participants': the others ('Somali pirates', 'said Newsday') tell more of the
    telling than of the act, and the participants are compared apart. The same act not placed in
    one news cycle, or a saying, needs words in common beyond the act itself. Acts that share a common
    sense ('issued', 'released') come here as one (the merge reads them so). Other acts are judged
    by their words alone, as reports naming none: 'built up' and 'deployed' tanks can be one
    event, though no dictionary equates them. A date in common is not enough: in a one-day story
    every event has it."""
    first, second = acts
    anchored = one_time and first is not None and first == second
    if not compatible(a, b, one_act=anchored):
        return None
    if first is not None and second is not None and first != second and act_verb(first) == act_verb(second):
        return False  # one verb with another particle is another act: 'check in', 'check out'
    if anchored:
        return True
    if first is not None and first == second:
        # the same parties or figure: no more words in common are needed than any join needs
        if (same_parties or _same_figure(a, b)) and _overlap_with_act(a, b) >= SAME_ACT_SHARED_ACTOR:
            return True
        # not placed in one news cycle: the act alone is no word in common ('Boeing unveils
        # long-range 777', 'Boeing unveils new 787 Dreamliner', two years apart)
        act = {first, *first.split()}
        return overlap(_without(a, act), _without(b, act)) >= (
            SAME_ACT_SHARED_ACTOR if shared_actor else SAME_ACT
        )
    return overlap(a, b) >= (SAME_WORDS_SHARED_ACTOR if shared_actor else SAME_WORDS)
