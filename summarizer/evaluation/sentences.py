"""Scoring sentence boundaries against gold ones. Citations point at sentences, so where one ends
matters. A corpus that keeps one gold sentence a line after its title and date lines (ECB+ does)
gives the gold: each article's lines are joined by spaces as prose runs (a line that ends with no
stop, a heading, dateline or caption, keeps its line break, as it stands in any article), split as
the product splits, and every boundary found is compared with the gold ones. Its text is tokenised
("offer ." , "`` He"), which no article is: each line is first written back as prose, its quotation
marks attached to what they quote."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..documents import Document
from ..text import split_sentences
from .metrics import Scores

_OPENS = re.compile(r"``\s*")  # a tokeniser's opening and closing double quotes
_CLOSES = re.compile(r"\s*''")
_STRAIGHT = re.compile(r'\s*"\s*')
_PLURAL_POSSESSIVE = re.compile(r"(?<=\ws) '(?= \w)")  # "the pirates ' boats"
_DETACHED = re.compile(r" (?=[.,!?;:%)\]]|'s\b|'re\b|'ve\b|'ll\b|'d\b|'m\b|n't\b|’s\b)")
_OPENED = re.compile(r"(?<=[(\[$]) ")
_DECIMAL = re.compile(r"(?<=\d) \. (?=\d)")
_CLOCK = re.compile(r"(?<=\d) : (?=\d\d\b)")  # "3 : 30" is "3:30"
_INITIALS = re.compile(r"(?<=\b[A-Za-z]) \. (?=[A-Za-z] \.)")  # "U . S ." and "p . m ." are "U.S." and "p.m."
_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")
_ENDED = re.compile(r"[.!?][\"”’')\]]*$")  # a line that ends a sentence, closing marks aside


def reattached(line: str) -> str:
    """Marks put back on their words, where a tokeniser split them off ("Kilmarnock 's manager ."
    is "Kilmarnock's manager.", "( on Friday" is "(on Friday"). FRANK's summaries share it."""
    return _OPENED.sub("", _DETACHED.sub("", line))


def as_prose(line: str) -> str:
    """A tokenised line as it was written ("`` He said $ 5 . 5 million . ''" is '“He said $5.5
    million.”', "at 3 : 30 p . m ." is "at 3:30 p.m."), as ``prose`` writes it."""
    return prose([line])[0]


def prose(lines: Sequence[str]) -> list[str]:
    """Tokenised lines, one article's in order, as they were written: each quotation mark attached
    to what it quotes (a straight one opens and closes in turn, the quotation running on from one
    line to the next), and every other mark to its word."""
    written = []
    opened = False
    for line in lines:
        line = _INITIALS.sub(".", _CLOCK.sub(":", _DECIMAL.sub(".", line)))
        line = _CLOSES.sub("”", _OPENS.sub("“", line))
        first, *rest = _STRAIGHT.split(line)
        line = first
        for piece in rest:  # each follows a straight mark
            if opened:
                line += "”" + (" " if piece[:1].isalnum() else "")
            else:
                line += (" " if line else "") + "“"
            line += piece
            opened = not opened
        line = reattached(_PLURAL_POSSESSIVE.sub("'", line))
        written.append(_HYPHEN.sub("-", line).strip())
    return written


@dataclass
class SentenceScores:
    articles: int = 0
    without_gold: int = 0  # articles whose body is one line: no gold boundary to score
    gold: int = 0
    found: int = 0
    right: int = 0  # found where gold has one, a quotation mark on either side of it alike
    exact: int = 0  # found at the very offset gold has one
    in_quotation: int = 0  # gold boundaries missed inside a quotation the splitter kept whole
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return _share(self.right, self.found)

    @property
    def recall(self) -> float:
        return _share(self.right, self.gold)

    @property
    def f1(self) -> float:
        return Scores(self.precision, self.recall).f1

    @property
    def exact_f1(self) -> float:
        return Scores(_share(self.exact, self.found), _share(self.exact, self.gold)).f1


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def evaluate_sentences(articles: Sequence[dict[str, Any]]) -> SentenceScores:
    """Boundaries found against gold. A boundary is where its sentence starts, with the quotation
    marks and spaces before it left out: where a quotation ends with a sentence, the corpus's
    tokeniser often put the closing mark at the start of the next line ('action. |” The three
    boats'), the splitter at the end of its sentence ('action.” |The'); both cut in one place."""
    scores = SentenceScores()
    for article in articles:
        lines = prose([line for line in article["text"].split("\n")[2:] if line.strip()])
        scores.articles += 1
        if len(lines) < 2:
            scores.without_gold += 1
            continue
        text, gold = lines[0], set()
        for before, line in zip(lines, lines[1:], strict=False):
            text += " " if _ENDED.search(before) else "\n"
            gold.add(len(text))
            text += line
        found = {s.start for s in split_sentences(Document(name=str(article["id"]), text=text))[1:]}
        gold_at = {_settled(text, b): b for b in gold}
        found_at = {_settled(text, b): b for b in found}
        scores.gold += len(gold)
        scores.found += len(found)
        scores.right += len(gold_at.keys() & found_at.keys())
        scores.exact += len(gold & found)
        for place in sorted(gold_at.keys() - found_at.keys()):
            boundary = gold_at[place]
            scores.in_quotation += _quoted(text[:boundary])
            scores.misses.append(f"{article['id']}: {_around(text, boundary)}")
        scores.extras += [
            f"{article['id']}: {_around(text, found_at[b])}" for b in sorted(found_at.keys() - gold_at.keys())
        ]
    return scores


_MARKS = frozenset(" \n\"“”'‘’")


def _settled(text: str, boundary: int) -> int:
    """Where a boundary falls with the quotation marks and spaces before it left out."""
    while boundary and text[boundary - 1] in _MARKS:
        boundary -= 1
    return boundary


def _quoted(before: str) -> bool:
    """Whether a quotation is open at the end of ``before`` (straight or curly double marks)."""
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _around(text: str, boundary: int) -> str:
    return f"{text[max(0, boundary - 60) : boundary]}|{text[boundary : boundary + 40]}"
