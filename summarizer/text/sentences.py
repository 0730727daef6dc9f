"""Sentences with stable ids: source ``A``, third sentence -> ``A3``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate, pairwise

from ..documents import Document
from ..errors import InputError
from ..lazy import deferred
from ..vocabulary import Splitting

sentencex = deferred("sentencex")  # loaded with the first text split

# Longer sentences are cut into parts (about 500 tokens each), so that any chunk budget from
# there up holds every sentence, and ids stay the same whatever the budget.
MAX_SENTENCE_CHARS = 2000
# How articles are split now (``vocabulary.Splitting``), recorded with each source: its sentence
# ids depend on it, and a saved briefing's sources are split again as they were.
SPLITTING: Splitting = 5


@dataclass(frozen=True)
class Sentence:
    id: str
    start: int
    end: int
    text: str


def source_of(sentence_id: str) -> str:
    """The source a sentence id belongs to: 'A3' -> 'A', 'AB12' -> 'AB'."""
    return sentence_id.strip().rstrip("0123456789")


def source_id(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: ids that stay short and never contain a digit."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def split_sentences(
    document: Document, source: str = "A", splitting: Splitting = SPLITTING
) -> list[Sentence]:
    """Split line by line (a heading never joins the next paragraph), then with sentencex, which
    knows abbreviations such as 'U.S.', 'Gen.' and 'Sep. 24' and keeps a quotation whole; from
    ``splitting`` 2, a quotation of several sentences is cut into them as well, and a few titles
    it does not know are read as titles; from 3, a quotation mark that opens a sentence is its
    own, not the one's before, and a bracket or a quotation closed after a full stop ends its
    sentence; from 4, an apostrophe that leaves out a year's first digits ('iLife '11') opens no
    quotation; from 5, no sentence opens with a word in small letters ('Redmond, Wash. company's',
    'the E! network') (``SPLITTING``). Metadata lines are skipped."""
    text = document.text
    skipped = set(document.metadata_spans)
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]*\S[^\n]*", text):
        if (line.start(), line.end()) in skipped:
            continue
        cursor = line.start()
        pieces = _segmented(line.group(), splitting)
        if splitting >= 3:
            pieces = _openers_carried(_closers_cut(pieces))
        if splitting >= 2:
            pieces = _quotations_cut(line.group(), _titles_kept(pieces), carry=splitting >= 3)
        if splitting >= 5:
            pieces = _small_starts_joined(pieces)
        for piece in pieces:
            stripped = piece.strip()
            if not stripped:
                continue
            start = text.find(stripped, cursor, line.end())
            if start < 0:  # the splitter altered the text; fall back to the rest of the line
                start, stripped = cursor, text[cursor : line.end()].strip()
            end = start + len(stripped)
            for part_start, part_end in _bounded(text, start, end):
                sentences.append(
                    Sentence(f"{source}{len(sentences) + 1}", part_start, part_end, text[part_start:part_end])
                )
            cursor = end
    return sentences


# A straight apostrophe that opens a word of two digits leaves out a year's first two ('iLife '11',
# the '90s);
# sentencex would take it for a quotation mark and keep all up to the next apostrophe as one
# quotation, uncut.
_ELIDED_YEAR = re.compile(r"(?<![^\s(])'(?=\d\d(?!\d))")


def _segmented(line: str, splitting: Splitting) -> list[str]:
    """The line as sentencex cuts it; from splitting 4, with such an apostrophe read as the letter
    it stands for (the same length, so the pieces are the line's own text)."""
    if splitting < 4 or "'" not in line or not _ELIDED_YEAR.search(line):
        return list(sentencex.segment("en", line))
    masked = _ELIDED_YEAR.sub("\u02bc", line)
    return _cut_at(line, accumulate(len(piece) for piece in list(sentencex.segment("en", masked))[:-1]))


# Titles and abbreviations sentencex takes for the end of a sentence (a name or a figure follows),
# and an initial or 'Mt.' joined to the word before it ('D-W. Va.', 'Aoraki-Mt. Cook').
_TITLE_AT_END = re.compile(r"(?:(?:^|\s|\()(?:Ms|Const|Atty|Dep|Ft|approx|est)|-(?:[A-Z]|Mt|St|Ft))\.\s*$")
# 'p.m.' or 'a.m.' ends no sentence before a day, a month or a time zone: 'at 9:40 p.m. Friday'.
_TIME_AT_END = re.compile(r"\b[ap]\.m\.\s*$", re.IGNORECASE)
_DAY_OR_ZONE = re.compile(
    r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August"
    r"|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\."
    r"|[ECMP][SD]?T|GMT|UTC|BST|CET|local time)(?![\w-])"
)
# A quotation in straight or curly double marks, or in curly single ones (as British news quotes),
# closed by the first ’ that no letter follows: 'It’s' holds an apostrophe, not a closing mark.
_QUOTED = re.compile(r'"([^"]+)"|“([^”]+)”|‘([^‘]+?)’(?![^\W\d_])')


# A quotation mark left at the end of a piece, after a space: it opens what follows ('destroyed.
# “People are asked', a quotation the line never closes, as British news opens each paragraph of
# a long one); a closing mark follows its stop with no space ('said.”').
_OPENER_AT_END = re.compile(r"(?<=\s)[“‘\"']\s*$")


# Where sentencex runs two sentences together: after a bracket that closes a sentence ('right?)
# If you'; not an abbreviation, '(N.J.) High School'), or a quotation closed by a full stop
# ('they were OK.” Pigeon said'); and before a name written with a small first letter ('the
# programs. iPhoto has'), after a word of three letters or more ('vs. eBay' is one sentence).
_CLOSED_END = re.compile(  # it opens with the stop, which the search looks for first
    r"[.!?](?:(?<=[a-z0-9][.!?])\)\s+(?=[“\"(]?[A-Z])|(?<=\.)[”\"’']\s+(?=[“\"(]?[A-Z])"
    r"|(?<=[a-z]{3}\.)\s+(?=[a-z]+[A-Z]))"
)


def _closers_cut(pieces: list[str]) -> list[str]:
    """The pieces cut where a bracket or a quotation closed by a full stop ends a sentence, or a
    name with a small first letter opens one (``_CLOSED_END``), after the spaces there."""
    return [
        part
        for piece in pieces
        for part in _cut_at(piece, [found.end() for found in _CLOSED_END.finditer(piece)])
    ]


def _cut_at(text: str, cuts: Iterable[int]) -> list[str]:
    """``text`` cut at each of the offsets ``cuts``, none of its text lost."""
    return [text[a:b] for a, b in pairwise([0, *sorted(cuts), len(text)])]


def _openers_carried(pieces: list[str]) -> list[str]:
    """The pieces with a quotation mark that sentencex left at the end of one carried to the
    start of the next, the sentence it opens."""
    carried = list(pieces)
    for k in range(len(carried) - 1):
        if found := _OPENER_AT_END.search(carried[k]):
            carried[k], carried[k + 1] = carried[k][: found.start()], found.group() + carried[k + 1]
    return carried


def _titles_kept(pieces: list[str]) -> list[str]:
    """The pieces with those sentencex cut after a title ('Ms. Palin', 'Police Const. Tim
    Fanning') or after 'p.m.' before a day or zone ('9:40 p.m. Friday') joined again."""
    joined: list[str] = []
    for piece in pieces:
        if joined and (
            _TITLE_AT_END.search(joined[-1])
            or (_TIME_AT_END.search(joined[-1]) and _DAY_OR_ZONE.match(piece.lstrip()))
        ):
            joined[-1] += piece
        else:
            joined.append(piece)
    return joined


# A piece that opens with a word all in small letters: no sentence does ('Wash. company's', 'E!
# network'), but a name with a small first letter may ('iPhoto', ``_CLOSED_END``).
_SMALL_START = re.compile(r"\s*[a-z][a-z'’-]*(?![\w'’-])")


def _small_starts_joined(pieces: list[str]) -> list[str]:
    """The pieces with each that opens with a word in small letters joined to the one before."""
    joined: list[str] = []
    for piece in pieces:
        if joined and _SMALL_START.match(piece):
            joined[-1] += piece
        else:
            joined.append(piece)
    return joined


def _quotations_cut(line: str, pieces: list[str], carry: bool = False) -> list[str]:
    """The line's pieces, cut too where a quotation in the line holds several sentences, as
    sentencex cuts the quotation's own text: '"We acted in self-defence. The pirates fired
    first," he said.' is two sentences, the second ending with who said it. (Pieces that do not
    make up the line, which sentencex never gives, are left as they are.) With ``carry``, a mark
    that opens one of the quotation's sentences is that sentence's (``_openers_carried``)."""
    quotations = list(_QUOTED.finditer(line))
    if not quotations or "".join(pieces) != line:  # most lines quote nobody
        return pieces
    cuts = set(accumulate(len(piece) for piece in pieces[:-1]))
    for quoted in quotations:
        group = next(g for g in (1, 2, 3) if quoted.group(g) is not None)
        at = quoted.start(group)
        parts = sentencex.segment("en", quoted.group(group))
        for part in (_openers_carried(parts) if carry else parts)[:-1]:
            at += len(part)
            cuts.add(at)
    return [piece for piece in _cut_at(line, cuts) if piece.strip()]


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A sentence as spans of at most ``MAX_SENTENCE_CHARS``, cut at the last space that keeps a
    part within the bound (or at the bound, in a run with no space): a line with no sentence end
    never becomes one citation of a whole page, nor one call over the token budget."""
    spans = []
    while end - start > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS + 1)
        cut = cut if cut > start else start + MAX_SENTENCE_CHARS
        spans.append((start, len(text[start:cut].rstrip()) + start))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    spans.append((start, end))
    return spans


@dataclass(frozen=True)
class Source:
    """A document under its source id, with its sentences: split once, carried through every stage."""

    id: str
    document: Document
    sentences: tuple[Sentence, ...]
    duplicates: tuple[str, ...] = ()  # other inputs with the very same text, read once as this one
    near_copies: tuple[str, ...] = ()  # inputs that copy it all but a few words (syndicated, edited)
    splitting: Splitting = SPLITTING  # how it was split (``SPLITTING``)

    def notes(self) -> list[str]:
        same = [
            f"source {self.id}: {name} has the same text as {self.document.name}; read once"
            for name in self.duplicates
        ]
        return same + [
            f"source {self.id}: {name} is a near-copy of {self.document.name} (a syndicated or lightly edited "
            "copy: one report, not two); read once"
            for name in self.near_copies
        ]

    @classmethod
    def of(cls, document: Document, source: str, splitting: Splitting = SPLITTING) -> Source:
        """Raises ``InputError`` for a document with nothing to cite."""
        sentences = tuple(split_sentences(document, source, splitting))
        if not sentences:
            raise InputError(document.name, "has no sentences to extract from")
        return cls(source, document, sentences, splitting=splitting)
