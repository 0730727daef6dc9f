"""Whether a statement says what the sentences it cites say, by rules that each name the word at
fault: its numbers, names, dates, negations and stances must all be found in its evidence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache

from ..dates import Found, find_dates, normalise, span_of
from ..settings import SENTENCES_REMEMBERED
from ..text import count, source_of
from ..text.quantities import ordinals, stated
from ..text.sentences import MAX_SENTENCE_CHARS
from ..text.words import stem, title_cased, tokens
from . import coverage, stance, wording
from .evidence import Cited, Roles
from .names import Named, NameTable, acronyms, capitalised, same_word, spelled_out, unwritten_names
from .quantities import supported
from .verdict import Fault, Rule, Support

# The longest statement the rules read: the longest sentence a source is cut into. Who does
# what is read between every two names of a clause, so a text of many names costs the square of
# their number: a longer 'statement' (a model's runaway answer, a forged briefing) would hold up
# a run or a check for minutes.
STATEMENT_MAX_CHARS = MAX_SENTENCE_CHARS


@dataclass
class Findings:
    faults: list[Fault] = field(default_factory=list)
    checked: int = 0

    def fault(self, rule: Rule, word: str, reason: str) -> None:
        self.faults.append(Fault(rule=rule, word=word, reason=reason))

    def add(self, found: tuple[int, Sequence[tuple[Rule, str, str]]]) -> None:
        """What a rule module found: (how many things it checked, its faults)."""
        checked, faults = found
        self.checked += checked
        for rule, word, reason in faults:
            self.fault(rule, word, reason)


@dataclass(frozen=True)
class _Reading:
    """A statement and its evidence, with the dates found in each (their numbers are not counts)."""

    statement: str
    cited: Sequence[Cited]
    table: NameTable
    dates: tuple[Found, ...]

    @property
    def reference(self) -> date | None:
        return next((c.reference for c in self.cited if c.reference), None)


def assess(
    statement: str,
    cited: Sequence[Cited],
    table: NameTable,
    roles: Roles | None = None,
    known_dates: Sequence[str] = (),
    of_coverage: bool = False,
    headline: bool = False,
    phrase: bool = False,
) -> Support:
    """The support verdict of ``statement`` against the sentences it cites. ``known_dates`` are
    values already established for what the statement is about (an event's normalised date);
    ``of_coverage``: the statement speaks of the claim ``roles`` records (its explanation), not
    for the claimant (its statement, where 'nobody disputes it' is what was claimed). A
    ``headline`` is read for its numbers, dates and names alone (its few words say no more than
    the statements it heads), and read as lower case when it is in title case; so is a
    ``phrase`` (an actor's role, 'fought the gunmen'), whose small letters are its own, not a
    lower-cased text's, so that a word no dictionary has is no name there."""
    if headline and title_cased(tokens(statement)):
        statement = statement.lower()  # its capitals do not tell its names: words no dictionary has do
    if not cited:
        return Support(verdict="unsupported", faults=[Fault(rule="name", word="", reason="cites nothing")])
    if len(statement) > STATEMENT_MAX_CHARS:
        reason = f"is {len(statement):,} characters long; a statement says one thing, in at most {STATEMENT_MAX_CHARS:,}"
        return Support(
            verdict="unsupported", faults=[Fault(rule="wording", word=statement[:40], reason=reason)]
        )
    reading = _Reading(statement, cited, table, find_dates(statement))
    findings = Findings()
    # what it says of the claim's own record is checked against that record, and not read as
    # words of the evidence: 'nobody disputes it' adds no negation to what was said
    about = coverage.read(statement) if roles is not None and of_coverage else None
    _numbers(reading, findings)
    _dates(reading, known_dates, findings)
    mentions = _names(reading, findings, lower_cased=not phrase)
    if headline or phrase:
        return _verdict(findings)

    # who says and does what: 'Valmora' in "Valmora's mayor said" is the mayor
    def described(text: str, found: Sequence[Named]) -> list[Named]:
        return [table.described(m, text) for m in found]

    if about is not None and roles is not None:
        findings.add(coverage.check(statement, about, mentions, roles))
        statement = coverage.masked(statement, about)
    findings.add(
        stance.check(
            statement,
            described(statement, mentions),
            [(c.text, described(c.text, table.mentions(c.text))) for c in cited],
            roles,
            table.members,
        )
    )
    findings.add(wording.check(statement, [c.text for c in cited]))
    return _verdict(findings)


def _verdict(findings: Findings) -> Support:
    if findings.faults:
        return Support(verdict="unsupported", faults=findings.faults)
    return Support(verdict="supported" if findings.checked else "unchecked")


def _numbers(reading: _Reading, findings: Findings) -> None:
    """Every quantity must be stated, rounded or summed from the evidence's; a count of sources
    ('both outlets') must not exceed the sources cited. The evidence is read only for a statement
    that states a figure (a headline is checked against every sentence a note cites)."""
    matches = list(_SOURCE_COUNT.finditer(reading.statement))
    evidence_text = " ".join(c.text for c in reading.cited).casefold() if matches else ""
    counted = [m for m in matches if _counts_sources(m, evidence_text)]
    cited_sources = len({source_of(c.id) for c in reading.cited})
    for match in counted:
        findings.checked += 1
        number = _COUNT_WORDS.get(match.group(1).lower()) or int(match.group(1))
        if number > cited_sources:  # 'one source says' of two cited is fine; 'both' of one is not
            findings.fault("number", match.group(1), f"the statement cites {count(cited_sources, 'source')}")
    _ordinals(reading, findings)
    # the statement's figures are those it states (its dates' numbers aside), less the counts of sources
    counts = [m.span() for m in counted]
    figures = [q for q in stated(reading.statement) if not any(q.start < e and s < q.end for s, e in counts)]
    if not figures:
        return
    evidence = [quantity for c in reading.cited for quantity in stated(c.text)]
    ranks = {value for c in reading.cited for _, value in ordinals(c.text)}
    for quantity in figures:
        findings.checked += 1
        if _ORDINAL_ENDING.match(reading.statement, quantity.end) and quantity.low in ranks:
            continue  # '70th' for 'seventieth'
        if supported(quantity, evidence) is None:
            given = ", ".join(q.text for q in evidence) or "no number"
            findings.fault("number", quantity.text, f"the cited sentences state {given}")


def _ordinals(reading: _Reading, findings: Findings) -> None:
    """Every rank or order said in words ('the second round', 'for the first time', 'third-largest')
    must be one the evidence gives, in words or digits ('2nd'); one in digits is a figure."""
    said = [(word, value) for word, value in ordinals(reading.statement) if not word[0].isdigit()]
    if not said:
        return
    given = {value: word for c in reading.cited for word, value in ordinals(c.text)}
    for word, value in said:
        findings.checked += 1
        if value not in given:
            shown = f"give {', '.join(dict.fromkeys(given.values()))}" if given else "give no rank or order"
            findings.fault("number", word, f"the cited sentences {shown}")


def _dates(reading: _Reading, known: Sequence[str], findings: Findings) -> None:
    """Every date must be one the evidence states (read from its own source's date), or coarser.
    Where no cited sentence's source is dated, a date is read as of each of a few days of writing
    (``_UNDATED``) and must agree with the evidence's read as of the same day, every time: so
    'March 2013' agrees with 'March 30, 2013' whenever it was written, and 'Tuesday night' with
    'on Tuesday', but 'Tuesday' with no day the evidence gives."""
    if not reading.dates:
        return
    reference = reading.reference
    evidence_text = " ".join(c.text for c in reading.cited).casefold()
    # each day the statement is read as of, with the values of the dates the evidence gives then
    as_of = (
        [(reference, _evidence_dates(reading, known))]
        if reference is not None
        else [(day, _evidence_dates(reading, known, day)) for day in _UNDATED]
    )
    for found in reading.dates:
        findings.checked += 1
        if _LEADING_THE.sub("", found.text).casefold() in evidence_text:
            continue  # as written there ('the 2016 Games' for '2016')
        read = [(normalise(found.text, day, reading.statement), values) for day, values in as_of]
        if all(value is not None and any(_within(value.value, v) for v in values) for value, values in read):
            continue
        if reference is None:
            reason = f"{found.text} is not in the cited sentences (their sources are undated)"
        else:
            ((value, values),) = read
            shown = f" ({value.value})" if value else ""
            reason = f"{found.text}{shown} is not in the cited sentences ({', '.join(sorted(values)) or 'no date'})"
        findings.fault("date", found.text, reason)


def _evidence_dates(reading: _Reading, known: Sequence[str], day: date | None = None) -> set[str]:
    """The values of the dates the cited sentences give, each read as of its source's date, or
    all as of ``day``; with ``known``, those already established."""
    values = set(known)
    for c in reading.cited:
        if (written := day or c.reference) is not None:
            values |= _date_values(c.text, written)
    return values


# Days of writing an undated source is read as of: a date reads the same as of each only if it
# gives its year, or is said as the evidence says one ('Tuesday night', 'on Tuesday').
_UNDATED = (date(2003, 2, 11), date(2026, 9, 3))


def _names(reading: _Reading, findings: Findings, lower_cased: bool = True) -> list[Named]:
    """Every actor named must be named in the evidence (under any of its names, or as the one
    whose own evidence the sentence is); every other capitalised name must stand there too, and
    (``lower_cased``) in a text all in small letters, every word no dictionary has."""
    table = reading.table
    mentions = table.mentions(reading.statement)

    @cache
    def evidence_acronyms() -> set[str]:  # read only where a name is not found as written
        return set().union(*(acronyms(c.text) for c in reading.cited))

    for actor in dict.fromkeys(m.actor for m in mentions):
        findings.checked += 1
        if any(table.names_in(actor, c.text) or actor in c.actors for c in reading.cited):
            continue
        named = next(m.text for m in mentions if m.actor == actor)
        if not spelled_out(named, reading.statement, evidence_acronyms()):  # 'PM': 'the Prime Minister'
            findings.fault("name", named, "the cited sentences do not name this actor")
    taken = [*((d.start, d.end) for d in reading.dates), *((m.start, m.end) for m in mentions)]
    words = tokens(reading.statement)
    unknown = capitalised(reading.statement, words, taken)
    if lower_cased:
        unknown += unwritten_names(reading.statement, words, taken)
    if not unknown:
        return mentions
    evidence_words = [w.text for c in reading.cited for w in tokens(c.text)]
    written = set(evidence_words) | {w.casefold() for w in evidence_words}
    for word in unknown:
        findings.checked += 1
        if word.text in written or stem(word.text) in table.title_words:
            continue  # as written there; 'President' of an actor the table gives that title
        if spelled_out(word.text, reading.statement, evidence_acronyms()):
            continue
        if not any(same_word(word.text, other) for other in evidence_words):
            findings.fault("name", word.text, "the cited sentences do not use this name")
    return mentions


def _counts_sources(match: re.Match[str], evidence: str) -> bool:
    """Whether 'two reports', 'both outlets' counts the sources the statement rests on: not when
    its number and noun disagree ('a 1997 article' is dated, not counted), nor when the cited
    sentences say it themselves ('two reports said' is what a source says)."""
    number, noun = match.group(1).lower(), match.group(2).lower()
    plural = noun.endswith("s")
    if plural == (number in ("one", "single", "1")):
        return False
    return match.group(0).casefold() not in evidence


_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
_ORDINAL_ENDING = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_COUNT_WORDS = {"one": 1, "single": 1, "both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "all": -1}
_SOURCE_COUNT = re.compile(
    r"\b(one|single|both|two|three|four|five|all|\d+)\s+(?:of\s+the\s+)?(sources|source|outlets|outlet|"
    r"reports|report|articles|article)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=SENTENCES_REMEMBERED)
def _date_values(text: str, reference: date) -> frozenset[str]:
    """The values of the dates a cited sentence gives, read from its source's date."""
    return frozenset(v.value for found in find_dates(text) if (v := normalise(found.text, reference, text)))


def _within(value: str, evidence: str) -> bool:
    """A statement's date agrees with the evidence's when it is the same or coarser: '2023-09' for
    '2023-09-29', '2023' for either, the week '2024-W10' for its Monday '2024-03-04'."""
    if evidence == value or evidence.startswith(value + "-"):
        return True
    outer, inner = span_of(value), span_of(evidence)
    return outer is not None and inner is not None and outer[0] <= inner[0] and inner[1] <= outer[1]
