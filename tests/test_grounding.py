from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from summarizer import Document, split_sentences
from summarizer.schema.drafts import ExtractionDraft
from summarizer.schema.validation import Scope, validating
from summarizer.stages.keeping import verify
from summarizer.text.grounding import Corpus, fold, locate, plain

TEXT = (
    "Serbian President Aleksandar Vucic denied the reports.\n"
    "“It’s worrisome,” Kirby said – calling it “a very destabilising development”."
)
SENTENCES = split_sentences(Document(name="x", text=TEXT))
CORPUS = Corpus.of(SENTENCES)


def cite(sentence_id: str, quote: str) -> dict[str, str]:
    return {"sentence_id": sentence_id, "quote": quote}


def draft(**changes: Any) -> dict[str, Any]:
    answer: dict[str, Any] = {
        "actors": [
            {
                "name": "Aleksandar Vucic",
                "kind": "person",
                "title": "Serbian President",
                "aliases": ["Vucic"],
                "evidence": [cite("A1", "Serbian President Aleksandar Vucic")],
            },
            {
                "name": "John Kirby",
                "kind": "person",
                "aliases": ["Kirby"],
                "evidence": [cite("A2", "Kirby said")],
            },
        ],
        "events": [],
        "claims": [
            {
                "statement": "The buildup is very destabilising.",
                "made_by": "Kirby",
                "denied_by": ["Vucic"],
                "evidence": [cite("A2", '"a very destabilising development"')],
            },
        ],
    }
    answer.update(changes)
    return answer


def test_quotes_match_across_curly_quotes_dashes_and_spacing() -> None:
    sentence = SENTENCES[1]
    start, end = locate('"It\'s  worrisome," Kirby said - calling', sentence) or (0, 0)
    assert TEXT[start:end] == "It’s worrisome,” Kirby said – calling"
    assert locate("Kirby shouted", sentence) is None
    assert fold("a\u00a0–\n b")[0] == "a - b"


def test_a_grounded_answer_validates() -> None:
    with validating(Scope(CORPUS)):
        model = ExtractionDraft.model_validate(draft())
    warnings: list[str] = []
    actors, _, claims = verify(model, CORPUS, warnings)
    assert warnings == []
    assert claims[0].made_by == "John Kirby" and claims[0].denied_by == ["Aleksandar Vucic"]
    citation = claims[0].citations[0]
    assert TEXT[citation.start : citation.end] == "a very destabilising development"


def test_fabricated_quote_is_rejected_with_an_instruction() -> None:
    answer = draft()
    answer["claims"][0]["evidence"] = [cite("A2", "Serbia is preparing an invasion")]
    with validating(Scope(CORPUS)), pytest.raises(ValidationError) as caught:
        ExtractionDraft.model_validate(answer)
    message = str(caught.value)
    assert "The quote 'Serbia is preparing an invasion' is not in sentence A2" in message
    assert "Copy 3 to 15 words exactly as they stand in A2" in message


def test_unknown_sentence_id_is_rejected() -> None:
    answer = draft()
    answer["actors"][0]["evidence"] = [cite("A9", "Aleksandar Vucic")]
    with validating(Scope(CORPUS)), pytest.raises(ValidationError, match="Sentence id 'A9' does not exist"):
        ExtractionDraft.model_validate(answer)


def test_dangling_actor_is_rejected() -> None:
    answer = draft()
    answer["claims"][0]["denied_by"] = ["Belgrade"]
    with validating(Scope(CORPUS)), pytest.raises(ValidationError) as caught:
        ExtractionDraft.model_validate(answer)
    assert "claims[0].denied_by names 'Belgrade'" in str(caught.value)
    assert "Add each missing actor to 'actors'" in str(caught.value)


def test_lenient_last_attempt_keeps_what_holds_and_reports_the_rest() -> None:
    answer = draft()
    answer["actors"][1]["evidence"] = [cite("A2", "Kirby yelled")]  # Kirby cannot be grounded
    answer["events"] = [{"what": "no evidence field at all"}]  # does not fit the schema
    answer["claims"][0]["evidence"] = [cite("A1", "denied the reports")]  # a sentence without Kirby
    with validating(Scope(CORPUS), lenient=True) as validation:
        model = ExtractionDraft.model_validate(answer)
    warnings = list(validation.dropped)
    actors, events, claims = verify(model, CORPUS, warnings)
    assert [a.name for a in actors] == ["Aleksandar Vucic"]
    assert events == []
    assert claims[0].made_by is None and claims[0].denied_by == ["Aleksandar Vucic"]
    assert warnings == [
        "events[0]: dropped, does not fit the schema (evidence: Field required)",
        "actor 'John Kirby': dropped citation A2 'Kirby yelled': the quote is not in A2",
        "actor 'John Kirby': dropped, no citation holds",
        "claim 'The buildup is very destabilising.': dropped reference to 'Kirby', not a grounded actor",
    ]


def test_without_a_scope_validators_only_check_shape() -> None:
    answer = draft()
    answer["claims"][0]["evidence"] = [cite("Z1", "anything")]
    assert ExtractionDraft.model_validate(answer).claims[0].evidence[0].sentence_id == "Z1"


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("received $1", None),  # $1 is not $1.5
        ("received $1.5 million", "received $1.5 million"),
        ("lion in bridge financing", None),  # 'lion' of 'million'
        ("in bridge financing from the Ger", None),  # half of 'German'
        ("bridge financing from the German bank", "bridge financing from the German bank"),
        ("5 million", None),  # '5' after the decimal point of 1.5
    ],
)
def test_quotes_start_and_end_on_whole_words_and_numbers(quote: str, found: str | None) -> None:
    text = "The airline received $1.5 million in bridge financing from the German bank."
    (sentence,) = split_sentences(Document(name="x", text=text))
    span = locate(quote, sentence)
    assert (text[span[0] : span[1]] if span else None) == found


def test_a_quote_cut_mid_word_is_sent_back_with_the_reason() -> None:
    corpus = Corpus.of(split_sentences(Document(name="x", text="Aid of $1.5 million arrived.")))
    assert corpus.span("A1", "Aid of $1") == "the quote starts or ends inside a word or number of A1"
    problem = corpus.problem("A1", "Aid of $1") or ""
    assert problem.startswith("The quote 'Aid of $1' cuts a word or a number of sentence A1 in two.")


def test_typewriter_and_treebank_quotes_match_any_quote_the_model_writes() -> None:
    text = "He called it ``a very destabilising development'' on Friday."
    (sentence,) = split_sentences(Document(name="x", text=text))
    for quote in (
        '"a very destabilising development"',
        "“a very destabilising development”",
        "``a very destabilising development''",
    ):
        span = locate(f"called it {quote}", sentence)
        assert (
            # the closing quote is an edge, which a quote never needs (it is trimmed on both sides)
            span is not None and text[span[0] : span[1]] == "called it ``a very destabilising development"
        )


def test_a_dropped_actor_is_kept_when_the_referring_item_cites_a_sentence_naming_it() -> None:
    answer = draft()
    answer["actors"][1]["evidence"] = [cite("A2", "Kirby yelled")]  # the actor's own citation fails
    with validating(Scope(CORPUS), lenient=True):
        model = ExtractionDraft.model_validate(answer)
    warnings: list[str] = []
    actors, _, claims = verify(model, CORPUS, warnings)
    kirby = next(a for a in actors if a.name == "John Kirby")
    assert (kirby.kind, kirby.aliases, kirby.citations[0].sentence_id) == ("person", ["Kirby"], "A2")
    assert TEXT[kirby.citations[0].start : kirby.citations[0].end] == "Kirby"
    assert claims[0].made_by == "John Kirby"  # the claim's own evidence names him
    assert (
        warnings[-1]
        == "claim 'The buildup is very destabilising.': kept actor 'John Kirby', named in A2, which it cites"
    )


def test_an_events_act_is_kept_only_when_its_words_stand_in_a_cited_sentence() -> None:
    event = {"what": "Vucic denied the reports.", "evidence": [cite("A1", "Vucic denied the reports")]}
    answer = draft(events=[{**event, "act": "denied"}, {**event, "act": "invaded"}])
    with validating(Scope(CORPUS), lenient=True) as validation:
        model = ExtractionDraft.model_validate(answer)
    warnings = list(validation.dropped)
    _, events, _ = verify(model, CORPUS, warnings)
    assert [e.act for e in events] == ["denied", None]
    assert warnings == [
        "event 'Vucic denied the reports.': dropped act 'invaded', not words of the sentences it cites"
    ]


def test_an_events_participant_is_kept_only_when_a_cited_sentence_names_it() -> None:
    """The row shows who took part, and the merge tells events apart by it: a participant must be
    named in the event's sentences, by its name, another name its article writes, its surname or
    a word like its name's; one the sentences do not name is dropped."""
    answer = draft()
    answer["events"] = [
        {
            "what": "Vucic denied the reports.",
            "participants": [
                {"actor": "Aleksandar Vucic", "role": "denied"},
                {"actor": "Kirby", "role": "reported it"},
            ],
            "evidence": [cite("A1", "Vucic denied the reports")],
        },
        {
            "what": "Kirby called it worrisome.",
            "participants": [{"actor": "John Kirby", "role": "spoke"}],
            "evidence": [cite("A2", "Kirby said")],
        },
    ]
    with validating(Scope(CORPUS), lenient=True) as validation:
        model = ExtractionDraft.model_validate(answer)
    warnings = list(validation.dropped)
    _, events, _ = verify(model, CORPUS, warnings)
    assert [[p.actor for p in e.participants] for e in events] == [["Aleksandar Vucic"], ["John Kirby"]]
    assert warnings == [
        "event 'Vucic denied the reports.': dropped participant 'John Kirby', not named in the sentences "
        "it cites"
    ]


def test_an_actors_other_names_are_kept_only_when_the_article_writes_them() -> None:
    """Resolution joins actors by their names: one the article never writes ('the Serbian leader')
    would join what it should not. Quotes and case are read as the article writes them."""
    answer = draft()
    answer["actors"][0]["aliases"] = ["Vucic", "the Serbian leader", "serbian president"]
    answer["actors"][1]["aliases"] = ["Kirby", "It's"]  # written with a curly apostrophe there
    with validating(Scope(CORPUS), lenient=True):
        model = ExtractionDraft.model_validate(answer)
    warnings: list[str] = []
    actors, _, _ = verify(model, CORPUS, warnings)
    assert [a.aliases for a in actors] == [["Vucic", "serbian president"], ["Kirby", "It's"]]
    assert warnings == [
        "actor 'Aleksandar Vucic': dropped other name 'the Serbian leader', which the article does not use"
    ]


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(list("ab '`\"\u2019\u201c\u2014\u00a0\n\t-")), max_size=30))
def test_plain_is_what_fold_makes_of_a_text(text: str) -> None:
    """Whole articles are folded without the offsets a citation needs: the same text either way."""
    assert plain(text) == fold(text)[0]


def test_an_events_date_is_kept_only_when_a_cited_sentence_writes_it() -> None:
    """The timeline's date is read from the date as written: every word of it but the small ones,
    figures too, must stand in a sentence the event cites ('Sep 26' is not 'Sep 28')."""
    corpus = Corpus.of(
        split_sentences(Document(name="x", text="On Thursday (Sep 28) Vucic denied the reports."))
    )
    event = {"what": "Vucic denied the reports.", "evidence": [cite("A1", "Vucic denied the reports")]}
    written = ["Thursday (Sep 28)", "on Thursday", "Tuesday (Sep 26)", "Thursday (Sep 26)"]
    answer = draft(actors=draft()["actors"][:1], claims=[], events=[{**event, "when": w} for w in written])
    with validating(Scope(corpus), lenient=True) as validation:
        model = ExtractionDraft.model_validate(answer)
    warnings = list(validation.dropped)
    _, events, _ = verify(model, corpus, warnings)
    assert [e.when for e in events] == ["Thursday (Sep 28)", "on Thursday", None, None]
    assert warnings[-2:] == [
        "event 'Vucic denied the reports.': dropped date 'Tuesday (Sep 26)', not written in the sentences it cites",
        "event 'Vucic denied the reports.': dropped date 'Thursday (Sep 26)', not written in the sentences it cites",
    ]
