"""Names in a statement: the actors of the briefing's table it names (under any of the names the
table gives them), and the capitalised words it uses that no actor accounts for."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..actors.acronyms import acronym_forms, is_acronym
from ..settings import SENTENCES_REMEMBERED
from ..text.senses import pertains_to, senses
from ..text.words import Token, in_dictionary, opens_sentence, stem, tokens


@dataclass(frozen=True)
class ActorNames:
    """One actor of the table: its id and every name the sources give it; ``words`` are its
    titles and affiliations, which a statement may use about it ('President', 'Serbian')."""

    id: str
    names: tuple[str, ...]
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Named:
    """Where a text names an actor: which one, the words, their span."""

    actor: str
    text: str
    start: int
    end: int
    titled: bool = False  # stands for the member a title beside it names ("Valmora's mayor")


class NameTable:
    """Finds the actors a text names, longest name first, on word boundaries, ignoring case."""

    def __init__(self, actors: Iterable[ActorNames]) -> None:
        self.actors = {actor.id: actor for actor in actors}
        every = [(name, actor.id) for actor in self.actors.values() for name in actor.names]
        self._owner = _unique((name, owner) for name, owner in every if _proper(name))
        self._descriptors = _unique(every)
        self._names: dict[str, tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]] = {}
        self._index = NameIndex(sorted(self._owner, key=len, reverse=True))
        self._read: dict[str, tuple[Named, ...]] = {}
        self._members: dict[str, list[str]] = defaultdict(list)
        for actor in self.actors.values():
            for word in actor.words:
                owner = self._owner.get(word.casefold())
                if owner is not None and owner != actor.id:
                    self._members[owner].append(actor.id)
        self.title_words = frozenset(
            stem(word) for actor in self.actors.values() for text in actor.words for word in text.split()
        )

    def mentions(self, text: str) -> list[Named]:
        """The actors ``text`` names, where; each text read once a table (a sentence is cited
        by many statements)."""
        known = self._read.get(text)
        if known is not None:
            return list(known)
        found = []
        lowered = _lower_cased(text)
        for start, end in self._index.matches(text):
            words = text[start:end]
            actor = self._owner.get(words.casefold())
            if actor is not None and (lowered or _written_as_name(words)):
                found.append(Named(actor, words, start, end))
        self._read[text] = tuple(found)
        return found

    def members(self, actor: str) -> tuple[str, ...]:
        """The actors the table makes part of ``actor`` ('Marsh', the mayor of Valmora, of Valmora)."""
        return tuple(self._members.get(actor, ()))

    def names_in(self, actor: str, text: str) -> bool:
        """Whether ``text`` names ``actor``: by any of its names, even inside a longer name, or by
        naming one of its members ('Vucic', whom the table gives the affiliation 'Serbia')."""
        return self._named(actor, text) or any(
            self._named(member, text) for member in self._members.get(actor, ())
        )

    def _named(self, actor: str, text: str) -> bool:
        own, descriptors, single = self._forms(actor)
        lowered = _lower_cased(text)
        if any(
            lowered or _written_as_name(found) or found.casefold() in descriptors
            for found in (text[start:end] for name in own for start, end in occurrences(name, text))
        ):
            return True
        # 'Serbia' is named in 'Serbian forces', 'Kosovo' in 'Kosovar police'
        words = [w for w in re.findall(r"[\w'’]+", text) if w[0].isupper()]
        return any(same_word(name, word) for name in single for word in words)

    def described(self, mention: Named, text: str) -> Named:
        """The mention as the actor a title beside it describes: 'Valmora' in "Valmora's mayor" or
        'the mayor of Valmora' stands for the one member the table gives the title 'Mayor' and the
        affiliation 'Valmora'; else the mention as it is."""
        candidates = self._members.get(mention.actor)
        if not candidates:
            return mention
        before = [w.lower for w in tokens(text[: mention.start])][-2:]
        after = [w.lower for w in tokens(re.sub(r"^['’]s\b", "", text[mention.end :]))][
            :1
        ]  # "Valmora's mayor"
        own = {stem(w) for name in self.actors[mention.actor].names for w in name.split()}
        near = {stem(w) for w in (*before, *after)} - own
        members = {
            member
            for member in candidates
            if near & {stem(w) for phrase in self.actors[member].words for w in phrase.split()}
        }
        return (
            Named(members.pop(), mention.text, mention.start, mention.end, titled=True)
            if len(members) == 1
            else mention
        )

    def _forms(self, actor: str) -> tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]:
        """How an actor is found in a text, worked out once: its names and the descriptors
        ('police') only it has; those descriptors; its one-word names other than acronyms."""
        if actor not in self._names:
            names = self.actors[actor].names
            own = tuple(n for n in names if _proper(n) or self._descriptors.get(n.casefold()) == actor)
            descriptors = frozenset(n.casefold() for n in names if not _proper(n))
            single = tuple(n for n in names if _proper(n) and " " not in n.strip() and not n.isupper())
            self._names[actor] = (own, descriptors, single)
        return self._names[actor]


_WORD = re.compile(r"\w+")


class NameIndex:
    """Finds the names of a table in a text as one alternation of them all would (on word
    boundaries, ignoring case, the leftmost first, the longest there, none overlapping), at a
    cost that follows the text, not the table: a name is tried only where the words of the text
    are its words (the index), then matched exactly there."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys  # longest first
        self.by_words: dict[tuple[str, ...], list[int]] = defaultdict(list)
        wordless = []  # names that open with no word character (a quote): one pattern of them
        for i, key in enumerate(keys):
            if re.match(r"\w", key):
                self.by_words[tuple(w.casefold() for w in _WORD.findall(key))].append(i)
            else:
                wordless.append(key)
        self.most_words = max((len(words) for words in self.by_words), default=0)
        self.wordless = alternation(tuple(wordless)) if wordless else None
        self.first_words = frozenset(words[0] for words in self.by_words)

    def matches(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of each name found, in order."""
        runs = list(_WORD.finditer(text))
        words = [run.group().casefold() for run in runs]
        found: list[tuple[int, int]] = []
        k = 0
        while True:
            # a name that opens with a quote starts before the word it holds: the leftmost wins
            quoted = self.wordless.search(text, found[-1][1] if found else 0) if self.wordless else None
            span = None
            while k < len(runs) and (quoted is None or runs[k].start() < quoted.start()):
                span = self._at(text, runs[k].start(), words, k)
                if span is not None:
                    break
                k += 1
            span = span or (quoted.span() if quoted else None)
            if span is None:
                return found
            found.append(span)
            while k < len(runs) and runs[k].start() < span[1]:
                k += 1

    def _at(self, text: str, start: int, words: list[str], k: int) -> tuple[int, int] | None:
        """The name standing at ``start`` (the ``k``-th word), the longest there."""
        if words[k] not in self.first_words:
            return None
        for n in range(min(self.most_words, len(words) - k), 0, -1):
            for i in self.by_words.get(tuple(words[k : k + n]), ()):
                key = self.keys[i]
                end = start + len(key)
                if _same_letters(text[start:end], key) and not _word_char_at(text, end):
                    return start, end
        return None


def occurrences(name: str, text: str) -> list[tuple[int, int]]:
    """(start, end) of each place ``text`` writes ``name``, ignoring case, on word boundaries."""
    if len(name.lower()) != len(name) or len(text.lower()) != len(text):  # 'İ': lower case is longer
        return [m.span() for m in alternation((name,)).finditer(text)]
    haystack, needle = text.lower(), name.lower()
    found = []
    at = haystack.find(needle)
    while at >= 0:
        end = at + len(needle)
        if not _word_char_at(text, at - 1) and not _word_char_at(text, end):
            found.append((at, end))
        at = haystack.find(needle, at + 1)
    return found


def _same_letters(a: str, b: str) -> bool:
    return len(a) == len(b) and a.lower() == b.lower()


def _word_char_at(text: str, at: int) -> bool:
    """Whether the character at ``at`` is one a word is made of (as the pattern ``\\w``)."""
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


@lru_cache(maxsize=SENTENCES_REMEMBERED)
def alternation(keys: tuple[str, ...]) -> re.Pattern[str]:
    """The names as one pattern, in their order, on word boundaries, ignoring case."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)", re.IGNORECASE)


def _unique(names: Iterable[tuple[str, str]]) -> dict[str, str | None]:
    """Each name (case ignored) -> the one actor it belongs to; None when two actors share it
    ('Smith'), since then it identifies neither."""
    owners: dict[str, str | None] = {}
    for name, actor in names:
        key = name.casefold()
        owners[key] = actor if owners.get(key, actor) == actor else None
    return owners


def _lower_cased(text: str) -> bool:
    """Text written all in lower case (a post, a transcript, a lower-cased feed) capitalises no
    name, so there a name is matched whatever its case."""
    return not any(c.isupper() for c in text)


def _written_as_name(found: str) -> bool:
    """Names are matched ignoring case, but a name is written capitalised: 'us' is not 'US'."""
    return any(c.isupper() for c in found)


def _proper(name: str) -> bool:
    """A name, not a descriptor: 'the company' describes many actors and names none."""
    return any(c.isupper() for c in name) and len(name.strip()) > 1


def capitalised(text: str, words: Sequence[Token], taken: Sequence[tuple[int, int]]) -> list[Token]:
    """Capitalised words outside the spans ``taken`` (actor names, dates), and not merely opening a
    sentence: the names that the table does not know."""
    found = []
    for word in words:
        if not word.text[0].isupper() or len(word.text) == 1 or word.numbering:  # 'I'; 'A' is a source id
            continue
        if any(start <= word.start < end for start, end in taken):
            continue
        if opens_sentence(text, word.start) and not word.text.isupper():
            continue
        found.append(word)
    return found


def unwritten_names(text: str, words: Sequence[Token], taken: Sequence[tuple[int, int]]) -> list[Token]:
    """In a text written all in lower case, which capitalises no name, the words outside the
    spans ``taken`` that no English dictionary has ('madrid', "almagro's"), and the codes that
    letters open and figures follow ('f1', 'a380', 'g20'): names the table does not know, which
    case would have shown. A name that is also a word ('hearts') is not seen, nor a figure with
    its unit ('8pm', '20kg')."""
    if not _lower_cased(text):
        return []
    return [
        word
        for word in words
        if not any(start <= word.start < end for start, end in taken)
        and (
            (
                word.content
                and (bare := re.sub(r"['’]s$", "", word.text)).isalpha()
                and not in_dictionary(bare)
            )
            or _CODE.fullmatch(word.text) is not None
        )
    ]


_CODE = re.compile(r"[a-z]+[0-9][a-z0-9]*")


_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|and|the|for|de|&)\s+)*[A-Z][\w'’-]*)+")
_DOTTED = re.compile(r"\b(?:[A-Z]\.){2,}")


def acronyms(text: str) -> set[str]:
    """The acronyms a text spells out or writes, in capitals: 'United Kingdom' gives UK, 'National
    Association of Securities Dealers' NASD, 'Bank of England' BOE, 'U.S.' US, and 'NATO' stands
    for itself."""
    found = {m.group().replace(".", "") for m in _DOTTED.finditer(text)}
    found |= {w for w in re.findall(r"\b[A-Z]{2,6}\b", text)}
    return found.union(*(_forms(run.group()) for run in _NAME_RUN.finditer(text)))


def _forms(run: str) -> set[str]:
    """The acronyms a run of capitalised words may go by (``actors.acronyms``), in capitals."""
    return {form.upper() for form in acronym_forms([w.lower() for w in run.split()]) if len(form) > 1}


def spelled_out(word: str, statement: str, evidence_acronyms: set[str]) -> bool:
    """Whether ``word`` of the statement is an acronym the evidence spells out ('UK' for 'United
    Kingdom', 'BoE' for 'Bank of England'), or part of a name the evidence writes as an acronym."""
    if is_acronym(word) and word.replace(".", "").upper() in evidence_acronyms:
        return True
    return any(
        word in run.group().split() and _forms(run.group()) & evidence_acronyms
        for run in _NAME_RUN.finditer(statement)
    )


def same_word(word: str, other: str) -> bool:
    """'Serbian' and 'Serbia's', 'Kosovar' and 'Kosovo': one name in two grammatical forms; a
    demonym and its place as WordNet links them ('French' and 'France', 'British' and 'Britain');
    and a name and another of the same place or thing, where ``other`` is written as a name and
    WordNet gives both one sense ('Calcutta' and 'Kolkata', 'Burma' and 'Myanmar')."""
    a, b = word.casefold().removesuffix("'s"), other.casefold().removesuffix("'s")
    if a == b or stem(a) == stem(b):
        return True
    shared = len(_common_prefix(a, b))
    if shared >= 4 and shared >= min(len(a), len(b)) - 2 or _of_place(a, b) or _of_place(b, a):
        return True
    return other[:1].isupper() and bool(_named_senses(a) & _named_senses(b))


def _named_senses(word: str) -> frozenset[str]:
    """The senses of a word as a noun (WordNet's), a name's among them."""
    return frozenset(sense for sense in senses(word) if sense.startswith("n"))


def _of_place(demonym: str, place: str) -> bool:
    return any(place in (noun, noun.rsplit(" ", 1)[-1]) for noun in pertains_to(demonym))


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
