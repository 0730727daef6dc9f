from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer import Document, load_document, split_sentences
from summarizer.text import source_id


def test_abbreviations_do_not_end_sentences() -> None:
    doc = Document(
        name="x",
        text="The U.S. Army said Gen. Smith arrived on Sep. 24 in Washington. He left at 3 p.m. on Friday. Then Mr. Vucic spoke.",
    )
    assert [s.text for s in split_sentences(doc)] == [
        "The U.S. Army said Gen. Smith arrived on Sep. 24 in Washington.",
        "He left at 3 p.m. on Friday.",
        "Then Mr. Vucic spoke.",
    ]


def test_a_quotation_of_several_sentences_is_cut_into_them() -> None:
    """As sentence-annotated news splits it: the last sentence keeps who said it; a quotation of
    one sentence, and its 'he said', stay whole."""
    doc = Document(
        name="x",
        text='"We acted in self-defence. The pirates fired first," a Navy spokesman said. '
        "“It’s worrisome. It doesn’t look like a few men acting alone,” Kirby said. "
        '"We will reopen," the mayor said.',
    )
    assert [s.text for s in split_sentences(doc)] == [
        '"We acted in self-defence.',
        'The pirates fired first," a Navy spokesman said.',
        "“It’s worrisome.",
        "It doesn’t look like a few men acting alone,” Kirby said.",
        '"We will reopen," the mayor said.',
    ]
    # as articles were split before (a saved briefing's ``splitting`` 1): each quotation whole
    assert len(split_sentences(doc, splitting=1)) == 3
    # British marks: an apostrophe ('It’s', 'players’') neither opens nor closes a quotation
    british = Document(
        name="y",
        text="The players’ union said: ‘We agree. It’s what we wanted. We are happy,’ its head said. "
        "NATO’s ‘peacekeeping mission’ grew.",
    )
    assert [s.text for s in split_sentences(british)] == [
        "The players’ union said: ‘We agree.",
        "It’s what we wanted.",
        "We are happy,’ its head said.",
        "NATO’s ‘peacekeeping mission’ grew.",
    ]


def test_no_sentence_opens_with_a_word_in_small_letters() -> None:
    """An abbreviation before a word in small letters ends no sentence (sentencex took 'Wash.' and
    'E!' for ends); a name with a small first letter still opens one. Splitting 4 cut them."""
    doc = Document(
        name="x",
        text="It is possible the Redmond, Wash. company's team will act. She starred on the E! network. "
        "Apple updated its programs. iPhoto has new templates.",
    )
    assert [s.text for s in split_sentences(doc)] == [
        "It is possible the Redmond, Wash. company's team will act.",
        "She starred on the E! network.",
        "Apple updated its programs.",
        "iPhoto has new templates.",
    ]
    assert len(split_sentences(doc, splitting=4)) == 6


def test_an_apostrophe_that_leaves_out_a_years_digits_opens_no_quotation() -> None:
    """'iLife '11' holds no quotation mark: with splitting 3, sentencex read one there and kept all
    up to a later closing mark as a quotation, uncut. Treebank's doubled marks before a number
    ("''60 Minutes") still open one."""
    doc = Document(
        name="x",
        text="Jobs announced the release of iLife '11, which includes iPhoto. iPhoto has new templates. "
        "iLife '11 costs $49. The laptop's battery lasts longer. ''We think it's great,'' said Jobs. They left.",
    )
    assert [s.text for s in split_sentences(doc)] == [
        "Jobs announced the release of iLife '11, which includes iPhoto.",
        "iPhoto has new templates.",
        "iLife '11 costs $49.",
        "The laptop's battery lasts longer.",
        "''We think it's great,'' said Jobs.",
        "They left.",
    ]
    assert [s.text for s in split_sentences(doc, splitting=3)][2] == (
        "iLife '11 costs $49. The laptop's battery lasts longer. ''We think it's great,'' said Jobs."
    )
    quoted = Document(
        name="y", text="He said on CBS's ''60 Minutes.'' They left. ''10 people came,'' he said."
    )
    assert [s.text for s in split_sentences(quoted)] == [s.text for s in split_sentences(quoted, splitting=3)]


def test_a_quotation_mark_that_opens_a_sentence_stands_in_it() -> None:
    """A quotation British news opens in each paragraph and closes only at the last, or one the
    line never closes: its opening mark begins the sentence it opens, not the end of the one
    before, as it was with splitting 2."""
    doc = Document(
        name="x",
        text="A spokeswoman said: “The fire has spread through the store, which is destroyed. “People "
        'are asked to avoid the High Street.” They got out. "It is terrifying. I still feel shaky.',
    )
    assert [s.text for s in split_sentences(doc)] == [
        "A spokeswoman said: “The fire has spread through the store, which is destroyed.",
        "“People are asked to avoid the High Street.”",
        "They got out.",
        '"It is terrifying.',
        "I still feel shaky.",
    ]
    assert [s.text for s in split_sentences(doc, splitting=2)][:2] == [
        "A spokeswoman said: “The fire has spread through the store, which is destroyed. “",
        "People are asked to avoid the High Street.”",
    ]
    # a bracket or a quotation closed after a full stop ends its sentence, where sentencex ran
    # it into the next; an abbreviation in brackets does not
    closed = Document(
        name="z",
        text="The creamery burned. (I know, right?) If you are new to this, read on. They knew they were "
        "OK.” Pigeon said police stayed. A star at Cinnaminson (N.J.) High School, he left. Apple vs. "
        "eBay was settled.",
    )
    assert [s.text for s in split_sentences(closed)] == [
        "The creamery burned.",
        "(I know, right?)",
        "If you are new to this, read on.",
        "They knew they were OK.”",
        "Pigeon said police stayed.",
        "A star at Cinnaminson (N.J.) High School, he left.",
        "Apple vs. eBay was settled.",
    ]
    assert len(split_sentences(closed, splitting=2)) == 5  # splitting 2 ran each of those two together
    # a name written with a small first letter opens a sentence, where sentencex read the year's
    # apostrophe ('11) and the possessive's (users') as a quotation
    named = Document(
        name="n", text="Apple released iLife '11 with the iPhoto programs. iPhoto has the users' themes."
    )
    assert [s.text for s in split_sentences(named)] == [
        "Apple released iLife '11 with the iPhoto programs.",
        "iPhoto has the users' themes.",
    ]
    assert len(split_sentences(named, splitting=2)) == 1
    # a closing mark stays with the sentence it closes
    closed = Document(name="y", text="“We acted. They fired first.” Police left.")
    assert [s.text for s in split_sentences(closed)] == ["“We acted.", "They fired first.”", "Police left."]


def test_titles_and_times_sentencex_ends_a_sentence_at_are_kept_in_it() -> None:
    doc = Document(
        name="x",
        text="Police Const. Tim Fanning said Ms. Palin was not there. The fire began at 9:40 p.m. Friday "
        "(1:40 a.m. ET Saturday). It was out by 5 a.m. Crews left. Rep. Ann Ray, D-W. Va., and a ranger "
        "of Aoraki-Mt. Cook National Park saw the X-Men. They left.",
    )
    assert [s.text for s in split_sentences(doc)] == [
        "Police Const. Tim Fanning said Ms. Palin was not there.",
        "The fire began at 9:40 p.m. Friday (1:40 a.m. ET Saturday).",
        "It was out by 5 a.m.",
        "Crews left.",
        "Rep. Ann Ray, D-W. Va., and a ranger of Aoraki-Mt. Cook National Park saw the X-Men.",
        "They left.",
    ]
    assert len(split_sentences(doc, splitting=1)) > 4
    # a name after 'p.m.' opens the next sentence, whatever month it starts like
    after = Document(name="y", text="It ended at 3 p.m. Mark Smith left. It began at 9 p.m. March 3.")
    assert [s.text for s in split_sentences(after)] == [
        "It ended at 3 p.m.",
        "Mark Smith left.",
        "It began at 9 p.m. March 3.",
    ]


def test_ids_offsets_and_lines() -> None:
    doc = Document(name="x", text="Heading without stop\nOne sentence. Another one.\n\nLast.")
    sentences = split_sentences(doc, "B")
    assert [(s.id, s.text) for s in sentences] == [
        ("B1", "Heading without stop"),
        ("B2", "One sentence."),
        ("B3", "Another one."),
        ("B4", "Last."),
    ]
    assert all(doc.text[s.start : s.end] == s.text for s in sentences)


def test_seed_sentences_are_stable_and_skip_metadata_lines(seeds: list[Path]) -> None:
    doc = load_document(seeds[0])
    sentences = split_sentences(doc)
    assert sentences[0].text == doc.title
    assert not any("Wions" in s.text or "6 December 2023" in s.text for s in sentences)
    assert [s.id for s in sentences] == [f"A{i}" for i in range(1, len(sentences) + 1)]
    assert split_sentences(load_document(seeds[0])) == sentences
    assert all(doc.text[s.start : s.end] == s.text for s in sentences)
    kirby = next(s for s in sentences if s.text.startswith("White House"))
    assert kirby.text.endswith("“a very destabilising development”.")


def test_source_ids() -> None:
    assert [source_id(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]


def test_chunks_keep_sentence_order_within_the_budget(seeds: list[Path]) -> None:
    from summarizer.text import tokens
    from summarizer.text.chunking import chunk

    doc = load_document(seeds[1])
    sentences = split_sentences(doc)
    parts = chunk(sentences, 120)
    assert [s for part in parts for s in part] == sentences
    assert len(parts) > 3
    for part in parts:
        size = sum(tokens.count(s.text) + 4 for s in part)
        assert size <= 120 or len(part) == 1
    assert chunk(sentences, 100_000) == [sentences]


def test_a_line_without_a_sentence_end_is_cut_into_bounded_parts() -> None:
    from summarizer.text.sentences import MAX_SENTENCE_CHARS

    words = " ".join(f"word{i}" for i in range(60_000))  # about 470,000 characters, no full stop
    text = "Title\n" + words + "\nThe end."
    sentences = split_sentences(Document(name="x", text=text))
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in sentences)
    assert all(text[s.start : s.end] == s.text and s.text == s.text.strip() for s in sentences)
    middle = sentences[1:-1]
    assert " ".join(s.text for s in middle) == words  # cut at spaces, nothing lost
    assert sentences[-1].text == "The end." and sentences[0].text == "Title"
    unbroken = "x" * 5000
    parts = split_sentences(Document(name="y", text=unbroken))
    assert [len(s.text) for s in parts] == [2000, 2000, 1000]


_WORDS = st.sampled_from(
    [
        "We",
        "acted",
        "It’s",
        "players’",
        "Ms.",
        "p.m.",
        "Friday",
        "Mark",
        "said",
        "U.S.",
        "3",
        "'11",
        "laptop's",
        "fired",
        "first",
    ]
)
_MARKS = st.sampled_from(['"', "“", "”", "‘", "’", "'", ". ", ", ", "? ", " ", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_WORDS, _MARKS), max_size=40))
def test_every_splitting_covers_the_text_once_in_order(parts: list[str]) -> None:
    """Whatever the quotation marks and stops, each splitting's sentences are the text's own
    characters, in order, never overlapping, and together hold every one of them but spaces."""
    text = " ".join(parts)
    for splitting in (1, 2, 3, 4):
        sentences = split_sentences(Document(name="x", text=text), splitting=splitting)
        assert all(text[s.start : s.end] == s.text and s.text == s.text.strip() for s in sentences)
        assert all(a.end <= b.start for a, b in zip(sentences, sentences[1:], strict=False))
        assert "".join("".join(s.text.split()) for s in sentences) == "".join(text.split())
