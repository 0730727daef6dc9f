"""Word stems come from Snowball's English stemmer, run by its C library (PyStemmer) when that is
installed: the stems must be the pure-Python stemmer's, word for word."""

from __future__ import annotations

import re
from pathlib import Path

import snowballstemmer
from hypothesis import given, settings
from hypothesis import strategies as st
from snowballstemmer.english_stemmer import EnglishStemmer

from summarizer.text.words import stem

ROOT = Path(__file__).resolve().parent.parent


def test_the_stemmer_in_use_is_the_c_library() -> None:
    assert type(snowballstemmer.stemmer("english")).__module__ == "Stemmer"


def test_every_word_of_the_seed_articles_stems_as_the_pure_python_stemmer_stems_it() -> None:
    words = {
        w.lower()
        for path in (ROOT / "seeds").glob("*.txt")
        for w in re.findall(r"[A-Za-z'-]+", path.read_text())
    }
    assert len(words) > 300
    python = EnglishStemmer()
    assert [w for w in sorted(words) if stem(w) != python.stemWord(w.removesuffix("'s"))] == []


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("aeiouyrstlnmdgkpbcwhx'-")), min_size=1, max_size=14))
def test_any_word_stems_as_the_pure_python_stemmer_stems_it(word: str) -> None:
    assert stem(word) == EnglishStemmer().stemWord(word.removesuffix("'s"))
