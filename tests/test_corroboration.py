"""What 'corroborated' rests on, said in the note: sources that each attribute a claim to the same
party corroborate that it was said; sources that state it, or parties that back it, confirm it."""

from typing import Any

from summarizer import Document, FakeModel, FillRequest, Settings, render_briefing, sources_of, summarize
from summarizer.testing import prompt_sentences

SETTINGS = Settings(model="fake", cache_dir=None)
FIRST = Document(
    name="first.txt", text="Bridge report. The old bridge is unsafe for lorries, engineers found."
)
SECOND = Document(
    name="second.txt", text="Bridge news. Engineers found the old bridge is unsafe for lorries."
)


def answering(made_by: str | None) -> Any:
    def respond(request: FillRequest[Any], _attempt: int) -> dict[str, Any]:
        lines = prompt_sentences(request)
        sid, text = lines[1] if request.step == "extraction" else lines[0]
        cite = [{"sentence_id": sid, "quote": " ".join(text.split()[:4])}]
        if request.step != "extraction":
            return {
                "title": "Bridge",
                "bottom_line": [{"text": text, "evidence": cite}],
                "key_points": [],
                "claims": [],
                "discrepancies": [],
            }
        actors = [{"name": made_by, "kind": "other", "evidence": cite}] if made_by else []
        claim: dict[str, Any] = {"statement": "The old bridge is unsafe for lorries.", "evidence": cite}
        if made_by:
            claim["made_by"] = made_by
        return {"actors": actors, "events": [], "claims": [claim]}

    return respond


def test_a_claim_two_sources_attribute_to_one_party_is_corroborated_as_said() -> None:
    note = summarize(sources_of([FIRST, SECOND]), settings=SETTINGS, model=FakeModel(answering("Engineers")))
    (claim,) = note.claims
    assert claim.status == "corroborated" and claim.sources == ["A", "B"]
    assert (
        "- Corroboration: reported by sources A, B, each attributing it to Engineers: corroborated as said, "
        "not confirmed as fact" in render_briefing(note, "md")
    )


def test_a_claim_two_sources_state_is_confirmed_independently() -> None:
    note = summarize(sources_of([FIRST, SECOND]), settings=SETTINGS, model=FakeModel(answering(None)))
    (claim,) = note.claims
    assert claim.status == "corroborated"
    page = render_briefing(note, "html", sources_of([FIRST, SECOND]))
    assert "Corroboration: confirmed independently by sources A, B" in page
    assert "- Corroboration: confirmed independently by sources A, B" in render_briefing(note, "md")


def test_a_sentence_two_outlets_carry_word_for_word_is_one_report() -> None:
    """Two articles that differ, each carrying the same wire sentence: the claim it makes is
    carried twice, not confirmed by two sources."""
    wire = "The old bridge is unsafe for lorries, engineers found on Monday after a two-week survey."
    first = Document(name="first.txt", text=f"Bridge report. {wire} Traffic was diverted.")
    second = Document(name="second.txt", text=f"Council news. {wire} The council met at noon.")
    note = summarize(sources_of([first, second]), settings=SETTINGS, model=FakeModel(answering(None)))
    (claim,) = note.claims
    assert claim.status == "corroborated" and claim.sources == ["A", "B"]
    assert (
        "- Corroboration: carried by sources A, B in the same words: one report copied, not independent sources"
        in render_briefing(note, "md")
    )


def test_a_claim_several_sources_carry_that_the_model_calls_single_source_says_why() -> None:
    """The model may judge a party's word that two outlets carry to rest on a single source: the
    note says so beside the two sources it cites, rather than leave them to seem at odds."""
    note = summarize(sources_of([FIRST, SECOND]), settings=SETTINGS, model=FakeModel(answering("Engineers")))
    (claim,) = note.claims
    ruled = note.model_copy(update={"claims": [claim.model_copy(update={"status": "single_source"})]})
    assert (
        "- Corroboration: reported by sources A, B, each attributing it to Engineers: one party's word, "
        "a single source" in render_briefing(ruled, "md")
    )
    unattributed = claim.model_copy(update={"status": "single_source", "made_by": []})
    note = note.model_copy(update={"claims": [unattributed]})
    assert "- Corroboration: reported by sources A, B, resting on a single source" in render_briefing(
        note, "md"
    )
