"""Figures in running text: digits, number words (read with text2num), scales ('1.5 million',
'$30bn'), percentages, fractions ('half') and vague amounts ('dozens'), each as the range of
values it allows. What the support checker and the merge both read numbers with."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from text_to_num import alpha2digit

from ..dates import find_dates
from ..dates.words import ENGLISH, MONTHS, NUMBER_WORD
from ..dates.written import number_in_words
from ..settings import SENTENCES_REMEMBERED

_SCALES = {
    **{word: float(value) for word, value in ENGLISH.MULTIPLIERS.items()},
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
}
# Amounts written as words that name no exact number: (lowest, highest) value allowed.
_VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2e3, 99e3),
    "tens of thousands": (2e4, 99e4),
    "hundreds of thousands": (2e5, 999e3),
    "millions": (2e6, 999e6),
    "billions": (2e9, 999e9),
}
_FRACTIONS = {
    "half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "two thirds": 2 / 3,
    "two-thirds": 2 / 3,
    "a quarter": 0.25,
    "three quarters": 0.75,
    "three-quarters": 0.75,
    "a dozen": 12.0,
    "dozen": 12.0,
    "a couple of": 2.0,
    "twice": 2.0,
    "double": 2.0,
    "triple": 3.0,
}
_APPROXIMATE = re.compile(
    r"\b(?:about|approximately|around|almost|nearly|roughly|some|more than|over|at least|up to|"
    r"fewer than|less than|under|close to|estimated|an estimated|just over|just under)\s+$",
    re.IGNORECASE,
)
_TOTAL = re.compile(r"\b(?:total|in all|combined|altogether|together|overall|sum)\b", re.IGNORECASE)
_SCALE = "|".join(sorted((re.escape(w) for w in _SCALES), key=len, reverse=True))
_QUANTITY = re.compile(
    rf"""(?P<currency>[$€£¥]\s?)?
    (?:(?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
      | (?<![A-Za-z])(?P<vague>tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds|thousands|millions|billions)\b
      | (?<![A-Za-z])(?P<fraction>two[- ]thirds|three[- ]quarters|a\s+third|one\s+third|a\s+quarter|a\s+dozen|dozen|a\s+couple\s+of|half|twice|double|triple)\b
      | (?<![A-Za-z])(?P<words>(?:{NUMBER_WORD})(?:(?:\s+and\s+|[\s-]+)(?:{NUMBER_WORD}))*)\b)
    (?:\s?(?P<scale>{_SCALE})\b)?
    (?:\s?(?P<percent>%|percent\b|per\s+cent\b|percentage\s+points?\b))?""",
    re.IGNORECASE | re.VERBOSE,
)
_METRES_AFTER = re.compile(r"\s*-?\s*(?:metres?|meters?)\b", re.I)
_CURRENCY_AFTER = re.compile(
    r"\s*(?:(?:US|U\.S\.|Canadian|Australian|Hong Kong|Singapore)\s+)?"
    r"(?:dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yen|yuan|renminbi|francs?|rupees?|roubles?|rubles?|"
    r"pesos?|won|krona|kronor|krone|riyals?|dirhams?|shekels?|lira|reais|real|rand|bitcoins?|"
    r"USD|EUR|GBP|JPY|CNY|CHF|INR)\b"
)
# Between the two numbers of a share said as a ratio ('one in three voters', '3 out of 4'); not
# before a span of time ('two in three minutes' are two numbers).
_RATIO_BETWEEN = re.compile(r"\s+(?:in|out\s+of)\s+", re.IGNORECASE)
_SPAN_OF_TIME = re.compile(
    r"\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\b", re.I
)
# 'one' is as often a pronoun: 'no one', 'one another', 'the one who'.
_PRONOUN_ONE = re.compile(r"\b(?:no|any|some|every|the|this|that)\s+one\b|\bone\s+(?:another|day)\b", re.I)
# A time of day, one figure however written: '12:30', '9:15pm', and with a full stop where British
# news writes one, before am or pm ('12.30am', '7.45 p.m.'); its hour and minutes are no counts.
_CLOCK = re.compile(
    r"(?<![\d.:])(\d{1,2})(?::(\d\d)|\.(\d\d)(?=\s?[ap](?:\.m\.|m\b)))(?![\d:])(?:\s?[ap](?:\.m\.|m\b))?",
    re.I,
)


@dataclass(frozen=True)
class Figure:
    text: str
    start: int
    end: int
    low: float
    high: float
    percent: bool
    approximate: bool
    total: bool = False  # the text says it adds up: 'in total', 'combined'
    money: bool = False  # an amount of a currency: '$30bn', '150 million euros'
    # the value the same words may also mean: '60m' is 60 million, or 60 metres ('the 100m final')
    otherwise: tuple[float, float] | None = None
    metres: bool = False  # a length in metres ('100 metres'; '100m' read as one): only a length is one

    def readings(self) -> tuple[Figure, ...]:
        """The figure, and the one its words may also mean ('60m' as 60 metres)."""
        if self.otherwise is None:
            return (self,)
        low, high = self.otherwise
        return (self, replace(self, low=low, high=high, otherwise=None, metres=True))

    @property
    def exact(self) -> bool:
        return self.low == self.high


def quantities(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Figure]:
    """Every quantity in ``text`` outside the ``skip`` spans (the dates, whose numbers are not counts)."""
    clocks = [m for m in _CLOCK.finditer(text) if not _inside(*m.span(), skip)]
    found = [_clock(m) for m in clocks]
    passed = [*skip, *(m.span() for m in _PRONOUN_ONE.finditer(text)), *(m.span() for m in clocks)]
    for match in _QUANTITY.finditer(text):
        start, end = match.span()
        if not match.group().strip() or _inside(start, end, passed):
            continue
        if (
            match.group("digits")
            and not match.group("currency")
            and _part_of_word(text, *match.span("digits"))
        ):
            continue
        value = _value(match)
        if value is None:
            continue
        low, high = value
        written = match.group("scale") or ""
        scale = _SCALES.get(written.lower(), 1.0)
        money = bool(match.group("currency") or _CURRENCY_AFTER.match(text, end))
        found.append(
            Figure(
                text=match.group().strip(),
                start=start,
                end=end,
                low=low * scale,
                high=high * scale,
                percent=bool(match.group("percent")),
                approximate=bool(_APPROXIMATE.search(text[max(0, start - 20) : start])),
                total=bool(_TOTAL.search(text[max(0, start - 30) : end + 30])),
                money=money,
                otherwise=(low, high) if written == "m" and not money else None,
                metres=bool(_METRES_AFTER.match(text, end)),
            )
        )
    return _as_ratios(text, sorted(found, key=lambda figure: figure.start))


def _clock(match: re.Match[str]) -> Figure:
    """A time of day as one figure, its hour and minutes as digits after a point: '12:30' and
    '12.30am' are both 12.30."""
    minutes = match.group(2) or match.group(3)
    value = int(match.group(1)) + int(minutes) / 100
    return Figure(
        text=match.group().strip(),
        start=match.start(),
        end=match.end(),
        low=value,
        high=value,
        percent=False,
        approximate=False,
    )


def _as_ratios(text: str, found: list[Figure]) -> list[Figure]:
    """``found`` with each two plain numbers that make a ratio ('one in three') made one figure,
    the share they come to (1/3)."""
    merged: list[Figure] = []
    for figure in found:
        last = merged[-1] if merged else None
        if (
            last is not None
            and _plain(last)
            and _plain(figure)
            and last.low < figure.low
            and _RATIO_BETWEEN.fullmatch(text, last.end, figure.start)
            and not _SPAN_OF_TIME.match(text, figure.end)
        ):
            merged[-1] = Figure(
                text=text[last.start : figure.end].strip(),
                start=last.start,
                end=figure.end,
                low=last.low / figure.low,
                high=last.low / figure.low,
                percent=False,
                approximate=last.approximate,
            )
        else:
            merged.append(figure)
    return merged


def _plain(figure: Figure) -> bool:
    """A whole number and nothing more: no share, scale, range or currency."""
    return (
        figure.exact
        and figure.low.is_integer()
        and figure.low > 0
        and not (figure.percent or figure.money or figure.otherwise)
    )


@lru_cache(maxsize=SENTENCES_REMEMBERED)
def stated(text: str) -> tuple[Figure, ...]:
    """The quantities a sentence states (its dates' numbers are not counts)."""
    return tuple(quantities(text, [(d.start, d.end) for d in find_dates(text)]))


@lru_cache(maxsize=SENTENCES_REMEMBERED)
def ordinals(text: str) -> tuple[tuple[str, int], ...]:
    """The ordinals a text gives outside its dates, each as written and its value: in words
    ('second', 'twenty-first', 'third-largest') or digits ('3rd'). A rank or an order ('the
    second round', 'for the first time') is a fact as a count is; 'at first' and 'first of all'
    order nothing, a fraction ('a third of', 'two thirds') is none, and a day of a month ('the
    first of May', 'March third') is a date."""
    found = []
    dates = [(d.start, d.end) for d in find_dates(text)]
    for match in _WORD_RUNS.finditer(text):
        run, (start, end) = match.group(), match.span()
        if not _ORDINAL_PIECE.search(run) or _inside(start, end, dates):
            continue
        before = text[max(0, start - _LOOK_BACK) : start]  # a look of bounded length: linear in all
        if _AT_FIRST.search(before + run) or _OF_ALL.match(text, start) or _MONTH_BEFORE.search(before):
            continue
        if _OF_MONTH.match(text, end) or _fraction(before, run, text, end):
            continue
        read = _DIGIT_ORDINAL.fullmatch(run) or _DIGIT_ORDINAL.search(
            alpha2digit(run.replace("-", " "), "en", ordinal_threshold=0)
        )
        if read:
            found.append((run, int(read.group(1))))
    return tuple(found)


# A figure with an ordinal ending, or a word or a hyphened run of them ('twenty-first',
# 'second-largest') one of which ends as an ordinal does; read with text2num, which writes an
# ordinal as digits ('2nd').
_WORD_RUNS = re.compile(r"\b(?:\d+(?:st|nd|rd|th)|[A-Za-z]+(?:-[A-Za-z]+)*)\b", re.IGNORECASE)
_ORDINAL_PIECE = re.compile(r"(?:^\d+[a-z]{2}$|(?:first|second|third|th)(?:-|$))", re.IGNORECASE)
_DIGIT_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)\b", re.IGNORECASE)
_LOOK_BACK = 16  # characters read before an ordinal: 'September the ', 'one '
_CARDINAL = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+)"
_ONE_BEFORE = re.compile(r"\b(?:a|an|one)\s+$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_CARDINAL_BEFORE = re.compile(rf"\b{_CARDINAL}[\s-]+$", re.IGNORECASE)
_FRACTION_RUN = re.compile(rf"(?:a|an|one|{_CARDINAL})-", re.IGNORECASE)
_AT_FIRST = re.compile(r"\bat\s+first$", re.IGNORECASE)
_OF_ALL = re.compile(r"first\s+of\s+all\b", re.IGNORECASE)
# each month by its full name, the longest of those dates.words knows it by ('september', not 'sept')
_MONTH_NAMES = "|".join(
    {n: name for name, n in sorted(MONTHS.items(), key=lambda item: len(item[0]))}.values()
)
_OF_MONTH = re.compile(rf"\s+of\s+(?:{_MONTH_NAMES})\b", re.IGNORECASE)
_MONTH_BEFORE = re.compile(rf"\b(?:{_MONTH_NAMES})\s+(?:the\s+)?$", re.IGNORECASE)


def _fraction(before: str, run: str, text: str, end: int) -> bool:
    """Whether an ordinal word is a fraction's: 'a third of', 'two thirds', 'one-fifth' (not 'a
    third term', which is an order)."""
    return bool(
        (_ONE_BEFORE.search(before) and _OF_AFTER.match(text, end))
        or _CARDINAL_BEFORE.search(before)
        or _FRACTION_RUN.match(run)
    )


def _value(match: re.Match[str]) -> tuple[float, float] | None:
    if digits := match.group("digits"):
        number = float(digits.replace(",", ""))
        return number, number
    if words := match.group("words"):
        spoken = number_in_words(words)
        return None if spoken is None else (float(spoken), float(spoken))
    if vague := match.group("vague"):
        return _VAGUE[" ".join(vague.lower().split())]
    fraction = _FRACTIONS[" ".join(match.group("fraction").lower().replace("-", " ").split())]
    return fraction, fraction


def _inside(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= start < e or s < end <= e for s, e in spans)


# A number with its unit or ending glued on is still a number: '3rd', '1990s', '20m', '8pm', '20kg'.
_NUMBER_WITH_SUFFIX = re.compile(
    r"[\d.,]+(?:st|nd|rd|th|s|k|m|bn|mn|tn|b|am|pm|kg|g|mg|lbs?|km|cm|mm|mi|ft|mph|kmh|kph|"
    r"h|hrs?|mins?|secs?|kw|mw|gw|kwh|mwh|ml|l|oz|gb|mb|tb)",
    re.I,
)


def _part_of_word(text: str, start: int, end: int) -> bool:
    """Digits inside a name or code ('F-16', 'A380', 'COVID-19', '777-200LR') are not amounts;
    '10-year' and '3rd' hold amounts."""
    before = text[start - 1] if start else " "
    if before.isalpha() or (before == "-" and start > 1 and text[start - 2].isalpha()):
        return True
    left, right = start, end
    while left > 0 and (text[left - 1].isalnum() or text[left - 1] == "-"):
        left -= 1
    while right < len(text) and (text[right].isalnum() or text[right] == "-"):
        right += 1
    return any(_coded(piece) for piece in text[left:right].split("-"))


def _coded(piece: str) -> bool:
    mixed = any(c.isdigit() for c in piece) and any(c.isalpha() for c in piece)
    return mixed and not _NUMBER_WITH_SUFFIX.fullmatch(piece)
